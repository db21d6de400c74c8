"""The one error a query can raise: what went wrong, where, and what was probably meant."""

from __future__ import annotations

from ..errors import NianbaoError


class QueryError(NianbaoError):
    """A query that cannot be understood.

    ``code`` is a stable machine name (``unknown_facet``, ``bad_number`` …),
    ``position`` a 0-based character index into the text as typed, and
    ``suggestions`` the names the user probably meant (nearest first).
    ``message`` stays English for scripts; ``message_zh`` is what a person reads.
    Both count characters from 1, the way people do:

    >>> err = QueryError("bad_number", "expected a number", 4, zh="应是数字")
    >>> err.message, err.message_zh
    ('at character 5: expected a number', '第 5 个字符处：应是数字')
    """

    status = 400

    def __init__(self, code: str, detail: str, position: int, suggestions: list[str] | None = None,
                 *, zh: str | None = None):  # fmt: skip
        super().__init__(
            f"at character {position + 1}: {detail}",
            message_zh=f"第 {position + 1} 个字符处：{zh}" if zh else None,
        )
        self.code = code
        self.detail = detail
        self.detail_zh = zh
        self.position = position
        self.suggestions = list(suggestions or [])
        self.hint_zh = None
        if self.suggestions:
            self.hint = "did you mean " + ", ".join(self.suggestions[:3]) + "?"
            self.hint_zh = "您是否想找：" + "、".join(self.suggestions[:3]) + "？"

