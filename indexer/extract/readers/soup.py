"""BeautifulSoup bounded in nesting depth and element count, checked while it parses."""

from __future__ import annotations

from functools import cache

from ..limits import MAX_HTML_DEPTH, MAX_HTML_ELEMENTS


class TooDeep(Exception):
    """Raised from inside the parse, which stops it at once (lxml passes it through)."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


@cache
def bounded_soup():
    """BeautifulSoup that stops parsing past the limits on nesting and element count.

    Checked as each element opens, so a 100,000-deep page is refused after its first
    512 levels rather than after building (and walking) the whole tree.
    """
    from bs4 import BeautifulSoup

    class _BoundedSoup(BeautifulSoup):
        def reset(self) -> None:
            self.elements_opened = 0  # before bs4's reset, which opens the document itself
            super().reset()

        def pushTag(self, tag) -> None:  # noqa: N802 - bs4's name
            super().pushTag(tag)
            self.elements_opened += 1
            if len(self.tagStack) > MAX_HTML_DEPTH + 1:  # the stack holds the document too
                raise TooDeep(
                    f"HTML nested more than {MAX_HTML_DEPTH} elements deep (limit {MAX_HTML_DEPTH})"
                )
            if self.elements_opened > MAX_HTML_ELEMENTS:
                raise TooDeep(
                    f"HTML has more than {MAX_HTML_ELEMENTS:,} elements (limit {MAX_HTML_ELEMENTS:,})"
                )

    return _BoundedSoup
