"""Where each template column sits in a grid, from the grid's own header rows.

OCR'd and hand-made tables add columns the template does not have (an empty
spacer column, a 合计 column), so a data row holds more cells than the
template has columns.  Placing those cells by count would shift them; placing
each under the header that names its column does not.
"""

from __future__ import annotations

from functools import lru_cache

from ..templates import ACTIVE_TABLES, APPLICANT_COLUMNS, Column
from .labels import core_of


@lru_cache(maxsize=1)
def _column_keys() -> frozenset[str]:
    cols = [c for tables in ACTIVE_TABLES.values() for t in tables for c in t.columns]
    return frozenset(core_of(c.label) for c in (*cols, *APPLICANT_COLUMNS))


class HeaderMap:
    """The positions of the column headers last seen, for rows of the same width."""

    def __init__(self) -> None:
        self.positions: dict[str, int] = {}
        self.width = 0

    def note(self, cells: list[str]) -> None:
        """Record a row that names two or more template columns (section 三's header takes
        two rows of one grid: they are merged)."""
        found = {}
        for i, cell in enumerate(cells):
            key = core_of(cell)
            if key in _column_keys():
                found.setdefault(key, i)
        if len(found) < 2:
            return
        if len(cells) != self.width:
            self.positions, self.width = {}, len(cells)
        self.positions.update(found)

    def place(self, cells: list[str], columns: tuple[Column, ...]) -> list[str] | None:
        """The row's cell under each column's header, or None when the header does not say."""
        if len(cells) != self.width:
            return None
        spots = [self.positions.get(core_of(col.label)) for col in columns]
        if None in spots or len(set(spots)) != len(spots):
            return None
        return [cells[i] for i in spots]
