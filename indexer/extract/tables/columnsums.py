"""Choosing between the splits of run-together section 三 rows by the table's column sums.

A crawler that drops the cell borders leaves ``予以公开270020130``, which splits
two ways whose row total holds: 27 0 0 2 0 1 30 and 2 7 0 0 20 1 30. The table
says which: in every applicant column (and the 总计 column) the result rows add
up to （七）总计, and 新收 + 上年结转 = 总计 + 结转下年 (the 勾稽关系 printed above
the table). A pending row keeps the one split that appears in every reading of
the pending rows that satisfies each of those equations all of whose terms are
known; where the sums hold for no reading (the report's own arithmetic is off),
or for readings that differ on the row, the row stays out.

The same sums read a grid's blank cells (``fill_blanks``): where a column's
stated numbers already balance an equation and its blank cells all stand on one
side, those cells are 0; a row whose 总计 cell was left blank then states its
total as the sum of its applicant cells, kept only where every equation those
totals enter still holds.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from functools import cache
from itertools import product
from math import prod

from ..templates import APPLICANT_COLUMNS, APPLICATION_ROWS

Split = tuple[int, ...]

_MAX_READINGS = 20_000  # joint readings tried; past this the rows stay out
_OUTSIDE_RESULTS = ("新收", "上年结转", "办理总计", "结转下年")


def facet_names(key: str) -> list[str]:
    """The facets of section 三's row ``key``, in the applicant columns' order."""
    return [f"申请.{key}.{c.suffix}" if c.suffix else f"申请.{key}" for c in APPLICANT_COLUMNS]


def result_rows(template: str) -> list[str]:
    """The keys of section 三's result rows, which add up to （七）总计 (办理总计)."""
    return [row.key for row in APPLICATION_ROWS[template] if row.key not in _OUTSIDE_RESULTS]


@cache
def _equations(template: str) -> tuple[tuple[tuple[str, ...], tuple[str, ...]], ...]:
    """(left terms, right terms) of each column's two sums."""
    rows = [facet_names(key) for key in (*_OUTSIDE_RESULTS, *result_rows(template))]
    equations = []
    for column in zip(*rows, strict=True):
        new, carried_in, total, carried_out, *parts = column
        equations.append((tuple(parts), (total,)))
        equations.append(((new, carried_in), (total, carried_out)))
    return tuple(equations)


def _holds(values: Mapping[str, int | float], left: Sequence[str], right: Sequence[str]) -> bool:
    """Whether an equation's terms are all known and its two sides add up alike."""
    terms = (*left, *right)
    return all(t in values for t in terms) and sum(values[t] for t in left) == sum(values[t] for t in right)


def settle(
    known: Mapping[str, int | float], pending: Mapping[str, Sequence[Split]], template: str
) -> dict[str, Split]:
    """The split the column sums leave for each pending row (only rows they settle)."""
    if template not in APPLICATION_ROWS or not pending:
        return {}
    keys = list(pending)
    names = {key: facet_names(key) for key in keys}
    pending_names = {name for key in keys for name in names[key]}
    usable = [
        (left, right)
        for left, right in _equations(template)
        if all(t in known or t in pending_names for t in left + right)
        and any(t in pending_names for t in left + right)
    ]
    if not usable:
        return {}
    if prod(len(pending[key]) for key in keys) > _MAX_READINGS:
        return {}
    chosen: dict[str, set[Split]] = {key: set() for key in keys}
    values = dict(known)  # each reading overwrites the same pending names
    for reading in product(*(pending[key] for key in keys)):
        for key, split in zip(keys, reading, strict=True):
            values.update(zip(names[key], split, strict=True))
        if all(_holds(values, left, right) for left, right in usable):
            for key, split in zip(keys, reading, strict=True):
                chosen[key].add(split)
    return {key: splits.pop() for key, splits in chosen.items() if len(splits) == 1}


def fill_blanks(
    known: Mapping[str, int | float], blank: set[str], template: str,
    maybe: Mapping[str, int | float] | None = None,
) -> tuple[dict[str, int | float], list[str]]:
    """Values for blank section 三 cells that the column sums settle, and warnings.

    ``blank`` names the cells that rows read from a grid showed empty (never cells a row
    may have lost: those could hold anything).  ``maybe`` gives the 其他 cells that a row's
    one number beside a blank 总计 may be (the row was read as giving its total): each is
    that number where the row's other applicant cells come out 0."""
    if template not in APPLICATION_ROWS:
        return {}, []
    equations = _equations(template)
    rows = [facet_names(row.key) for row in APPLICATION_ROWS[template]]
    filled, totals, lone = _settle_blanks(known, blank, equations, rows, maybe or {}, sum_totals=True)
    values = {**known, **filled}
    broken = [
        (left, right)
        for left, right in equations
        if any(t in totals for t in (*left, *right))
        and all(t in values for t in (*left, *right))
        and not _holds(values, left, right)
    ]
    notes = []
    if broken:
        # The sums are wrong somewhere: settle the blanks again without them, so that no zero
        # rests on a total that is not kept.
        filled, _, lone = _settle_blanks(known, blank, equations, rows, maybe or {}, sum_totals=False)
        left, right = broken[0]
        notes.append("section 三: rows whose 总计 cell is blank are not summed: with their sums, "
                     f"{' + '.join(left)} would not equal {' + '.join(right)}")
    elif totals:
        rows_named = ", ".join(name.removeprefix("申请.") for name in totals)
        notes.append(f"section 三: 总计 left blank, summed from the row's applicant cells (the table's "
                     f"column sums hold): {rows_named}")
    if lone:
        notes.insert(0, "section 三: a row's one number beside its blank 总计 is its 其他 applicants' too (its "
                     f"other applicant cells are 0 by the column sums): {', '.join(n.removeprefix('申请.') for n in lone)}")
    return filled, notes


def _settle_blanks(
    known: Mapping[str, int | float], blank: set[str], equations, rows: list[list[str]],
    maybe: Mapping[str, int | float], sum_totals: bool,
) -> tuple[dict[str, int | float], list[str], list[str]]:
    """The values ``fill_blanks`` gives blank cells (zeros, a blank 总计 summed where
    ``sum_totals``, the lone numbers), the totals summed, and the lone numbers' cells: each step
    repeated until none gives anything, as each value may settle another equation."""
    values = dict(known)
    open_cells = set(blank) - set(values)
    filled: dict[str, int | float] = {}
    totals: list[str] = []  # in the table's order: the warning naming them reads the same every run
    lone: list[str] = []
    while True:
        zeros = _zeros(values, open_cells, equations)
        for name in zeros:
            values[name] = filled[name] = 0
        open_cells -= zeros
        summed = {
            total: sum(values[p] for p in parts)
            for *parts, total in rows
            if sum_totals and total in open_cells and all(p in values for p in parts)
        }
        values.update(summed)
        filled.update(summed)
        totals += summed
        open_cells -= set(summed)
        shown = _lone_numbers(values, maybe, rows)
        values.update(shown)
        filled.update(shown)
        lone += shown
        if not zeros and not summed and not shown:
            return filled, totals, lone


def _lone_numbers(
    values: Mapping[str, int | float], maybe: Mapping[str, int | float], rows: list[list[str]]
) -> dict[str, int | float]:
    """The ``maybe`` cells whose row's 总计 less its other applicant cells, all known, is the
    number the row shows: the row's parts then add up only with it there."""
    found: dict[str, int | float] = {}
    for *parts, total in rows:
        unknown = [p for p in parts if p not in values]
        if total in values and len(unknown) == 1 and unknown[0] in maybe:
            rest = values[total] - sum(values[p] for p in parts if p in values)
            if rest == maybe[unknown[0]]:
                found[unknown[0]] = rest
    return found


def _zeros(values: Mapping[str, int | float], open_cells: set[str], equations) -> set[str]:
    """Blank cells an equation shows to be 0: its stated terms balance, and every blank
    term stands on one side (cells are never negative)."""
    zeros: set[str] = set()
    for left, right in equations:
        if not all(t in values or t in open_cells for t in (*left, *right)):
            continue
        left_open = [t for t in left if t in open_cells]
        right_open = [t for t in right if t in open_cells]
        if bool(left_open) == bool(right_open):
            continue
        stated = sum(values[t] for t in left if t in values) - sum(values[t] for t in right if t in values)
        if stated == 0:
            zeros.update(left_open or right_open)
    return zeros


def confirmed(known: Mapping[str, int | float], names: set[str], template: str) -> set[str]:
    """Those of ``names`` that an equation of the column sums confirms: one whose terms are
    all known and that holds."""
    if template not in APPLICATION_ROWS:
        return set()
    sure: set[str] = set()
    for left, right in _equations(template):
        if _holds(known, left, right):
            sure |= names & {*left, *right}
    return sure
