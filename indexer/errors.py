"""The project's user-facing errors.

Each carries a message a person can act on; the CLI prints it as one line,
the web layer maps ``status`` to an HTTP status.
"""

from __future__ import annotations


class NianbaoError(Exception):
    status = 400

    def __init__(self, message: str, *, hint: str | None = None):
        super().__init__(message)
        self.message = message
        self.hint = hint


class ReadError(NianbaoError):
    """A file could not be read at all (missing, unknown format, unreadable)."""

    status = 422

    def __init__(self, path: str, reason: str):
        super().__init__(f"{path}: {reason}")
        self.path = path
        self.reason = reason


class MissingDependency(NianbaoError):
    status = 500

    def __init__(self, package: str, purpose: str):
        super().__init__(
            f"reading {purpose} needs the package {package!r}",
            hint=f"pip install {package}",
        )
