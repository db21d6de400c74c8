"""The pre-2019 statistics table (政府信息公开情况统计表).

Before the 2019 template, many reports ended with a table headed
``指标名称 | 计量单位 | 2013年度 | 历年累计``: one row per indicator, its unit,
the year's value and the cumulative one.  It reaches us as an HTML grid (rows of
cells), as one line separated by spaces (``主动公开信息数 条 425 1516 其中：1.网站
公开 条 418 1509 …``), or fused with no separators at all (``主动公开文件数条212210037
其中：1、政府网站公开数条2122100372、…``).  Only rows whose labels say one thing are
mapped to facets, and only the year's column is read.  Fused digits are split
where the table's arithmetic leaves one reading (the cumulative value is at least
the year's; a total is the sum of its 其中 rows, in both columns); what stays
ambiguous is left out with a warning.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from functools import lru_cache
from itertools import product
from math import prod
from typing import TYPE_CHECKING

from analyzers.filters import simplify_chars

from ..numbers import Cell, normalize, parse_cell

if TYPE_CHECKING:
    from .rows import Item

# Row labels (after their numbering is stripped) that name one facet.
_KEYS: tuple[tuple[str, re.Pattern[str]], ...] = tuple(
    (key, re.compile(pattern))
    for key, pattern in (
        ("主动公开.条数", r"主动公开(?:政府)?(?:信息|文件)数"),
        ("申请.新收", r"受理(?:政府信息)?依申请公开(?:信息)?总数"),
        ("申请.予以公开", r"同意公开答复数"),
        ("申请.部分公开", r"同意部分公开答复数"),
        ("复议.总计", r"行政复议数"),
        ("诉讼.总计", r"行政诉讼数"),
    )
)
_SPACES = re.compile(r"\s+")
_UNITS = ("条", "件", "个", "项", "元", "万元", "人次")
_YEAR = r"(?P<{}>\d{{4}})\s*年度?"
# The header flattened into text: 指标名称 计量 单位 2011 年度 历年累计 (or 历年累计 first).
_HEADER_TEXT = re.compile(
    r"指标名称\s*计量\s*单位\s*(?:"
    + _YEAR.format("first")
    + r"\s*历年累计|历年累计\s*"
    + _YEAR.format("second")
    + ")"
)
_YEAR_CELL = re.compile(r"^" + _YEAR.format("year") + r"$")
_NUMBERING = re.compile(r"^(?:其中\s*[:：]?\s*)?(?:[(（]?\d{1,2}\s*[)）、.．]\s*)?")
# One entry of flattened text: a label (led by its numbering, if any), its unit, then digits.
_ENTRY = re.compile(
    r"\s*(?P<label>(?:其中\s*[:：]?\s*)?(?:[(（]?(?P<num>\d{1,2})\s*[)）、.．]\s*)?[^\d]{1,40}?)"
    r"\s*(?P<unit>万元|人次|[条件个项元])\s*(?=\d)"
)
_MEMBER = re.compile(r"^(?:其中\s*[:：]?\s*)?[(（]?(?P<num>\d{1,2})\s*[)）、.．]")
_RUN = re.compile(r"[\d \t]+")  # a row's digits, spaced or tab-separated
_NEXT_NUMBERING = "、.．"  # digits running into one of these end with the next row's number
_FOLLOWING_ITEMS = 80  # rows of a table split over lines
_CELL_LINES = 5 * _FOLLOWING_ITEMS  # lines of a table written a cell a line (label, unit, two values)
_MAX_COMBINATIONS = 100_000  # readings tried together when checking a group's sum


@dataclass(frozen=True)
class _Row:
    """One table row as read: its label and the year's value (None when unreadable)."""

    label: str
    value: int | None
    problem: str = ""  # why the value could not be read


def read_old_stats(items: Sequence[Item], year: int | None = None) -> tuple[dict[str, int], list[str]]:
    """Facets from the report's 政府信息公开情况统计表, and warnings.

    ``items`` are the report's text lines and table rows in order; ``year`` is the
    year the report covers, if known: a table headed with another year is not read.
    Rows that map to one facet give the year's value; a key stated twice with
    different values, and digits that cannot be split one way only, are left out
    with a warning.
    """
    facets: dict[str, int] = {}
    warnings: list[str] = []
    disputed: set[str] = set()
    for table_year, rows in _tables(items):
        if year is not None and table_year != year:
            warnings.append(f"statistics table headed {table_year}年度 in a report on {year}: not read")
            continue
        for row in rows:
            key = _key(row.label)
            if key is None or key in disputed:
                continue
            if row.value is None:
                warnings.append(f"{key}: statistics table row “{row.label}” {row.problem}; left out")
            elif facets.setdefault(key, row.value) != row.value:
                warnings.append(f"{key}: statistics table says {facets.pop(key)} and {row.value}; left out")
                disputed.add(key)
    return facets, warnings


def _plain(text: str) -> str:
    """Full-width folded and simplified a character at a time (指標名稱 is 指标名称)."""
    return simplify_chars(normalize(text))


@lru_cache(maxsize=8192)
def _bare(cell: str) -> str:
    """A cell plain and without spaces.  Every grid row is tried as a header and most cells
    repeat (0, 条, labels), so each distinct cell is cleaned once."""
    return _SPACES.sub("", _plain(cell))


def _key(label: str) -> str | None:
    """The facet a row label names, or None."""
    bare = _NUMBERING.sub("", re.sub(r"\s+", "", _plain(label)))
    return next((key for key, pattern in _KEYS if pattern.fullmatch(bare)), None)


def _tables(items: Sequence[Item]) -> Iterator[tuple[int, list[_Row]]]:
    """(the year column's year, rows) for every statistics table among the items."""
    # A text line that was also read as a row (tab-separated cells) stands once, as the row.
    items = [it for k, it in enumerate(items) if it.is_row or not _read_as_row(items, k)]
    for i, item in enumerate(items):
        if item.is_row:
            header = _grid_header(item.cells or ())
            if header is not None:
                yield header[0], list(_grid_rows(items[i + 1 :], year_first=header[1]))
            continue
        if m := _HEADER_TEXT.search(_plain(item.text)):
            year_first = m["first"] is not None
            text = _plain(item.text)[m.end() :] + " " + _following_text(items[i + 1 :])
            yield int(m["first"] or m["second"]), _text_rows(text, year_first)
        elif _bare(item.text).startswith("指标名称"):
            # A cell a line (指标名称 / 计量 / 单位 / 2013 / 年度 / …): the table is its lines in a row.
            text = _plain(" ".join(" ".join(it.cells or ()) if it.is_row else it.text for it in items[i : i + _CELL_LINES]))
            if m := _HEADER_TEXT.match(text):
                yield int(m["first"] or m["second"]), _text_rows(text[m.end() :], m["first"] is not None)


def _read_as_row(items: Sequence[Item], k: int) -> bool:
    after = items[k + 1] if k + 1 < len(items) else None
    return after is not None and after.is_row and after.where == items[k].where


# --- grids: one row per item, cells in place ------------------------------------


def _grid_header(cells: Sequence[str]) -> tuple[int, bool] | None:
    """(the year column's year, whether it comes before 历年累计), for a header row."""
    clean = [_bare(c) for c in cells]
    if "指标名称" not in clean or "历年累计" not in clean:
        return None
    years = [(i, m) for i, c in enumerate(clean) if (m := _YEAR_CELL.match(c))]
    if len(years) != 1:
        return None
    at, m = years[0]
    return int(m["year"]), at < clean.index("历年累计")


def _grid_rows(items: Sequence[Item], year_first: bool) -> Iterator[_Row]:
    """Rows until the grid ends (the first text line with words in it)."""
    for item in items:
        if not item.is_row:
            if item.text.strip():
                return
            continue
        cells = tuple(item.cells or ())
        unit = next((i for i, c in enumerate(cells) if c.strip() in _UNITS), None)
        label = "".join(cells[:unit] if unit is not None else cells[:1])
        values = cells[unit + 1 :] if unit is not None else cells[1:]
        if len(values) != 2:  # a blank cell lost, or cells fused: columns unknown
            yield _Row(label, None, "does not hold one value per column")
            continue
        this, total = values if year_first else values[::-1]
        yield _checked(label, parse_cell(this), parse_cell(total))


def _checked(label: str, this: Cell, total: Cell) -> _Row:
    """The year's cell, if it is a whole number no greater than the cumulative one."""
    if this.kind != "number" or not isinstance(this.value, int):
        return _Row(label, None, "has no number for the year")
    if total.kind == "number" and total.value < this.value:
        return _Row(label, None, f"gives the year {this.value}, more than the cumulative {total.value}")
    return _Row(label, this.value)


# --- flattened text: the table on one line, spaced or fused ---------------------


def _following_text(items: Sequence[Item]) -> str:
    """The table's rest where it continues over the next lines (one row a line)."""
    parts = []
    for item in items[:_FOLLOWING_ITEMS]:
        text = " ".join(item.cells) if item.is_row else item.text
        if not re.search(r"(?:[条件个项元]|人次)\s*\d", _plain(text)):
            break
        parts.append(_plain(text))
    return " ".join(parts)


@dataclass
class _Entry:
    """A row of flattened text: its label and the (year, cumulative) readings its digits allow."""

    label: str
    digits: str
    readings: list[tuple[int, int]]
    problem: str = ""  # why there is no reading


def _text_rows(text: str, year_first: bool) -> list[_Row]:
    """Rows of a flattened table, read up to the first stretch that is not a row."""
    found = list(_entries(text))
    spaced = any(run is not None and len(run.split()) == 2 for _, run in found)
    entries = [_readings(label, run, spaced, year_first) for label, run in found]
    for parent, members in _groups(entries):
        _narrow([entries[parent], *(entries[i] for i in members)])
    return [_row(e) for e in entries]


def _entries(text: str) -> Iterator[tuple[str, str | None]]:
    """(label, digits) for each row, the next row's number taken off the digits;
    None for digits that cannot be told from that number (the reading stops there)."""
    pos = 0
    while m := _ENTRY.match(text, pos):
        run = _RUN.match(text, m.end())
        assert run is not None  # _ENTRY looks ahead for a digit
        digits, pos = run[0], run.end()
        if text[pos : pos + 1] and text[pos] in _NEXT_NUMBERING:
            # "…数条2122100372、政府公报…": the next row is numbered one past this one.
            number = str(int(m["num"]) + 1) if m["num"] else "1"
            if not digits.rstrip().endswith(number):
                yield m["label"], None
                return
            digits = digits.rstrip()[: -len(number)]
            pos = run.start() + len(digits)
        yield m["label"], digits


def _readings(label: str, run: str | None, spaced: bool, year_first: bool) -> _Entry:
    """What one row's digits may say: two numbers as printed, or a fused run's splits."""
    if run is None:
        return _Entry(label, "", [], "runs into the next row's number")
    numbers = run.split()
    if len(numbers) == 2:
        this, total = (int(n) for n in (numbers if year_first else numbers[::-1]))
        if this > total:
            return _Entry(label, run, [], f"gives the year {this}, more than the cumulative {total}")
        return _Entry(label, run, [(this, total)])
    if spaced or len(numbers) != 1:
        return _Entry(label, run, [], f"has {len(numbers)} numbers where 2 were expected")
    return _Entry(label, numbers[0], fused_readings(numbers[0], year_first))


def _groups(entries: Sequence[_Entry]) -> Iterator[tuple[int, list[int]]]:
    """(parent, members) for each total followed by its "其中：1、… 2、…" rows."""
    for parent in range(len(entries) - 1):
        if not entries[parent + 1].label.strip().startswith("其中"):
            continue
        members: list[int] = []
        for i in range(parent + 1, len(entries)):
            m = _MEMBER.match(entries[i].label.strip())
            if not m or int(m["num"]) != len(members) + 1:
                break
            members.append(i)
        yield parent, members


def _narrow(rows: list[_Entry]) -> None:
    """Keep the readings under which the first row is the sum of the others, in both
    columns; where no reading makes the sums hold, the table says nothing more."""
    if len(rows) < 2 or prod(len(r.readings) for r in rows) > _MAX_COMBINATIONS:
        return
    kept: list[set[tuple[int, int]]] = [set() for _ in rows]
    for combo in product(*(r.readings for r in rows)):
        head, *parts = combo
        if head == (sum(p[0] for p in parts), sum(p[1] for p in parts)):
            for seen, reading in zip(kept, combo, strict=True):
                seen.add(reading)
    if kept[0]:
        for row, seen in zip(rows, kept, strict=True):
            row.readings = [r for r in row.readings if r in seen]


def _row(entry: _Entry) -> _Row:
    if len(entry.readings) == 1:
        return _Row(entry.label, entry.readings[0][0])
    if entry.problem:
        return _Row(entry.label, None, entry.problem)
    shown = ", ".join(f"{a}+{b}" for a, b in entry.readings) or "none"
    return _Row(entry.label, None, f"fuses its numbers as {entry.digits} (readings: {shown})")


def fused_readings(digits: str, year_first: bool = True) -> list[tuple[int, int]]:
    """Every (year, cumulative) pair whose digits, in column order, make ``digits``,
    with no leading zeros and the cumulative value at least the year's.

    >>> fused_readings("00")
    [(0, 0)]
    >>> fused_readings("212210037")
    [(2, 12210037), (21, 2210037), (212, 210037), (2122, 10037)]
    """
    readings = []
    for cut in range(1, len(digits)):
        left, right = digits[:cut], digits[cut:]
        if any(len(part) > 1 and part[0] == "0" for part in (left, right)):
            continue
        this, total = (int(left), int(right)) if year_first else (int(right), int(left))
        if this <= total:
            readings.append((this, total))
    return readings
