"""The one error a query can raise: what went wrong, where, and what was probably meant."""

from __future__ import annotations

from ..errors import NianbaoError


class QueryError(NianbaoError):
    """A query that cannot be understood.

    ``code`` is a stable machine name (``unknown_facet``, ``bad_number`` …),
    ``position`` a 0-based character index into the text as typed, and
    ``suggestions`` the names the user probably meant (nearest first).
    The message counts characters from 1, the way people do:

    >>> QueryError("bad_number", "expected a number", 4).message
    'at character 5: expected a number'
    """

    status = 400

    def __init__(self, code: str, detail: str, position: int, suggestions: list[str] | None = None):
        super().__init__(f"at character {position + 1}: {detail}")
        self.code = code
        self.detail = detail
        self.position = position
        self.suggestions = list(suggestions or [])
        if self.suggestions:
            self.hint = "did you mean " + ", ".join(self.suggestions[:3]) + "?"

    def to_dict(self) -> dict:
        return {
            "code": self.code,
            "message": self.message,
            "position": self.position,
            "suggestions": list(self.suggestions),
        }
