"""The project's user-facing errors.

Each carries a message a person can act on; the CLI prints it as one line,
the web layer maps ``status`` to an HTTP status.
"""

from __future__ import annotations


class NianbaoError(Exception):
    """``message`` is English and stable (scripts match on it); ``message_zh`` is what a
    person reads in the web UI and the CLI (the same text where no translation is given)."""

    status = 400

    def __init__(
        self, message: str, *, hint: str | None = None, message_zh: str | None = None, hint_zh: str | None = None
    ):
        super().__init__(message)
        self.message = message
        self.hint = hint
        self._message_zh = message_zh
        self.hint_zh = hint_zh

    @property
    def message_zh(self) -> str:
        return self._message_zh or self.message

    @property
    def code(self) -> str:
        return getattr(self, "_code", None) or _snake(type(self).__name__)

    @code.setter
    def code(self, value: str) -> None:
        self._code = value

    def to_dict(self) -> dict:
        """The error object of the JSON API and of ``--json``: code, message, message_zh,
        position, suggestions, and hint / hint_zh where there is one."""
        body = {
            "code": self.code,
            "message": self.message,
            "message_zh": self.message_zh,
            "position": getattr(self, "position", None),
            "suggestions": list(getattr(self, "suggestions", None) or []),
        }
        hints = {"hint": self.hint, "hint_zh": self.hint_zh}
        return body | {k: v for k, v in hints.items() if v}


def _snake(name: str) -> str:
    return "".join(f"_{c.lower()}" if c.isupper() else c for c in name).lstrip("_")


class ReadError(NianbaoError):
    """A file could not be read at all (missing, unknown format, unreadable)."""

    status = 422

    def __init__(self, path: str, reason: str):
        from .messages_zh import reason_zh

        super().__init__(f"{path}: {reason}", message_zh=f"{path}：{reason_zh(reason)}")
        self.path = path
        self.reason = reason


class NotAReport(ReadError):
    """A readable file that is not an annual report (a README, a note): skipped, not failed."""

    def __init__(self, path: str, why: str):
        super().__init__(path, f"not a report ({why})")


class MissingDependency(NianbaoError):
    status = 500

    def __init__(self, package: str, purpose: str):
        super().__init__(
            f"reading {purpose} needs the package {package!r}",
            hint=f"pip install {package}",
            message_zh=f"读取这种文件需要安装 {package} 包",
            hint_zh=f"pip install {package}",
        )
