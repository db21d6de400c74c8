"""Where each template column sits in a grid, from the grid's own header rows.

OCR'd and hand-made tables add columns the template does not have (an empty
spacer column, a 合计 column), so a data row holds more cells than the
template has columns.  Placing those cells by count would shift them; placing
each under the header that names its column does not.
"""

from __future__ import annotations

from functools import lru_cache

from ..templates import ACTIVE_TABLES, APPLICANT_COLUMNS, REVIEW_COLUMNS, REVIEW_GROUPS, Column
from .labels import core_of


@lru_cache(maxsize=1)
def _column_keys() -> frozenset[str]:
    cols = [c for tables in ACTIVE_TABLES.values() for t in tables for c in t.columns]
    return frozenset(core_of(c.label) for c in (*cols, *APPLICANT_COLUMNS))


def names_a_column(cell: str) -> bool:
    """Whether a cell is a template column's header (自然人, 本年制发件数 …)."""
    return core_of(cell) in _column_keys()


class HeaderMap:
    """The positions of the column headers last seen, for rows of the same width."""

    def __init__(self) -> None:
        self.positions: dict[str, int] = {}
        self.ends: dict[str, int] = {}  # where each header's cell ends (its merged cells included)
        self.width = 0

    def note(self, cells: list[str]) -> None:
        """Record a row that names two or more template columns (section 三's header takes
        two rows of one grid: they are merged)."""
        found: dict[str, tuple[int, int]] = {}
        for i, cell in enumerate(cells):
            key = core_of(cell)
            if key in _column_keys() and key not in found:
                end = i + 1
                while end < len(cells) and not cells[end].strip():
                    end += 1  # a merged cell: the grid leaves its other places empty
                found[key] = (i, end)
        if len(found) < 2:
            return
        if len(cells) != self.width:
            self.positions, self.ends, self.width = {}, {}, len(cells)
        self.positions.update((k, start) for k, (start, _) in found.items())
        self.ends.update((k, end) for k, (_, end) in found.items())

    def place(self, cells: list[str], columns: tuple[Column, ...]) -> list[str] | None:
        """The row's cell under each column's header, or None when the header does not say.

        A data cell need not start where its header does: under a header merged over two
        places (本年增/减) a row may merge the two places before it instead (行政许可's
        上一年项目数量), so its cell stands anywhere within its header's places."""
        if len(cells) != self.width:
            return None
        keys = [core_of(col.label) for col in columns]
        spots = [self.positions.get(key) for key in keys]
        if None in spots or len(set(spots)) != len(spots):
            return None
        starts = sorted(self.positions.values())
        placed = []
        for key, spot in zip(keys, spots, strict=True):
            following = [s for s in starts if s > spot]
            end = min(self.ends[key], following[0]) if following else self.ends[key]
            filled = [i for i in range(spot, end) if cells[i].strip()]
            if len(filled) > 1:
                return None
            placed.append(cells[filled[0]] if filled else cells[spot])
        return placed


class ReviewHeader:
    """Where section 四's fifteen columns sit in a grid, from its header: each group's five
    columns (结果维持 … 总计) named once per group, 复议's on one row, 行政诉讼's two groups on
    the next.  A grid may hold a column no group has (a sliver where 行政诉讼's merged cell
    starts left of its sub-columns); the header's names say which cells are the numbers."""

    _NAMES = tuple(core_of(c.label) for c in REVIEW_COLUMNS)

    def __init__(self) -> None:
        self.width = 0
        self.names: dict[int, str] = {}  # grid position -> column name

    def note(self, cells: list[str]) -> None:
        """Record a row naming a group's five columns or more (two header rows of one grid
        are merged)."""
        found = {i: name for i, name in enumerate(map(core_of, cells)) if name in self._NAMES}
        if len(found) < len(self._NAMES):
            return
        if len(cells) != self.width:
            self.width, self.names = len(cells), {}
        self.names.update(found)

    def place(self, cells: list[str]) -> list[str] | None:
        """The row's cell under each of the fifteen columns, or None when the header does
        not name them all, group by group in the template's order."""
        if len(cells) != self.width:
            return None
        at = sorted(self.names)
        if [self.names[i] for i in at] != list(self._NAMES) * len(REVIEW_GROUPS):
            return None
        return [cells[i] for i in at]
