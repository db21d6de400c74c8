"""What a row's cells say once they are placed under the template's columns.

A grid row may hold more cells than the template has columns: the label's
merged cells leave empty cells before the numbers, a spacer or a row broken
over two lines leaves them after.  Which cells are padding is certain only
when one placement keeps every filled cell under a column; otherwise every
placement is read, and the row counts only when all of them say the same
(a lone 0 that is the row's total in each).  The readings are pure: values
and the warnings they would raise, so the candidates can be compared before
anything is kept.
"""

from __future__ import annotations

from collections.abc import Sequence

from ..numbers import BLANK, Cell, to_wan_yuan
from ..templates import APPLICANT_COLUMNS, REVIEW_COLUMNS, REVIEW_GROUPS, Column
from .fused import group_totals

Values = dict[str, int | float]


def starts(data: list[str], width: int) -> range:
    """Where the row's ``width`` columns may start among more cells: every start that
    keeps each filled cell (a number, or a mark such as — or / that holds its column)
    inside.  Empty when the filled cells span more than ``width``.

    >>> list(starts(["", "", "8", "1", "0", "0", "1", "1", "12"], 7))  # label cells, then 7
    [2]
    >>> list(starts(["", "", "8", "0", "0", "0", "", "", ""], 7))  # broken off, or padded?
    [0, 1, 2]
    """
    filled = [i for i, c in enumerate(data) if c.strip()]
    if not filled:
        return range(1)
    return range(max(0, filled[-1] + 1 - width), min(filled[0], len(data) - width) + 1)


def span(data: list[str]) -> int:
    """How many cells lie between the first and the last filled one, both included."""
    filled = [i for i, c in enumerate(data) if c.strip()]
    return filled[-1] + 1 - filled[0] if filled else 0


def active_values(
    key: str, columns: tuple[Column, ...], cells: list[Cell], money_unit: str | None, where: str
) -> tuple[Values, list[str]]:
    """Section 二: a row's values under its table's columns."""
    notes: list[str] = []
    misplaced = [col.label for col, cell in zip(columns, cells, strict=True) if cell.signed and not col.signed]
    if misplaced:
        # "+22" under 上一年项目数: the cells are not where the header says; only the
        # last one, at the row's end, still stands under its column.
        notes.append(f"{where}: {key} has a signed value under {misplaced[0]}: its cells are shifted; "
                     "only the last column is kept")
        columns, cells = columns[-1:], cells[-1:]
        if cells[0].signed:
            return {}, notes
    values: Values = {}
    for col, cell in zip(columns, cells, strict=True):
        if cell.is_number:
            values[f"{key}.{col.suffix}"] = _amount(col, cell, money_unit, where, notes)
    return values, notes


def _amount(col: Column, cell: Cell, money_unit: str | None, where: str, notes: list[str]) -> int | float:
    if not col.money:
        return cell.value
    unit = cell.unit or money_unit
    if unit is None and cell.value >= 100000:
        notes.append(f"{where}: amount {cell.value} printed without a unit; read as 万元 as the "
                     "template's header says, check whether it is in 元")
    return to_wan_yuan(cell.value, unit)


def application_values(key: str, cells: list[Cell]) -> tuple[Values, list[str]]:
    """Section 三: a row's values under the applicant columns."""
    if beside_total(cells):
        # A row that states one number next to the total column states its total
        # (seed 001's layout shifts it one cell left): the breakdown is confirmed
        # below only when that total is 0 (or by the column sums, see the reader's
        # fill_blanks).  Further left it is an applicant's (a row broken over two
        # lines, its first cell on the first).
        cells = [BLANK] * (len(cells) - 1) + [cells[-2]]
    values: Values = {}
    for col, cell in zip(APPLICANT_COLUMNS, confirm_blanks(cells), strict=True):
        if cell.is_number:
            values[f"申请.{key}.{col.suffix}" if col.suffix else f"申请.{key}"] = cell.value
    return values, []


def review_values(cells: list[Cell]) -> tuple[Values, list[str]]:
    """Section 四: the fifteen numbers, five per group."""
    width = len(REVIEW_COLUMNS)
    values: Values = {}
    for i, (group, _) in enumerate(REVIEW_GROUPS):
        part = confirm_blanks(cells[i * width : (i + 1) * width])
        for col, cell in zip(REVIEW_COLUMNS, part, strict=True):
            if cell.is_number:
                values[f"{group}.{col.suffix}"] = cell.value
    return values, []


def groups_add_up(cells: list[Cell]) -> bool:
    """Section 四: in each group whose five cells are all numbers, the four results add up to
    its 总计."""
    width = len(REVIEW_COLUMNS)
    groups = [cells[i : i + width] for i in range(0, len(cells), width)]
    whole = [group for group in groups if len(group) == width and all(c.is_number for c in group)]
    return all(group_totals([c.value for c in group]) for group in whole)


def untotalled(numbers: Sequence[int | float], width: int) -> bool:
    """Whether a section 三 row's numbers, its empty cells dropped, cannot end with its 总计:
    one positive number alone, or fewer numbers than columns whose last is not the others'
    sum.  A table that prints every row's total shows neither."""
    if len(numbers) == 1:
        return numbers[0] > 0
    return 2 <= len(numbers) < width and sum(numbers[:-1]) != numbers[-1]


def review_group_values(group: str, cells: list[Cell]) -> tuple[Values, list[str]]:
    """Section 四, one group: its five numbers."""
    part = confirm_blanks(cells)
    return {f"{group}.{col.suffix}": cell.value for col, cell in zip(REVIEW_COLUMNS, part, strict=True)
            if cell.is_number}, []


def beside_total(cells: list[Cell]) -> bool:
    """Whether a section 三 row's one number stands next to its 总计 cell (under 其他): its
    total, and its 其他 applicant's too unless the row was shifted one cell left."""
    return sum(c.is_number for c in cells) == 1 and cells[-2].is_number


def confirm_blanks(cells: list[Cell]) -> list[Cell]:
    """Blank parts are 0 when the stated parts already add up to the stated 总计."""
    *parts, total = cells
    if not total.is_number or any(c.kind in ("text", "unreadable") for c in parts):
        return cells
    if any(c.kind == "blank" for c in parts) and sum(c.value for c in parts if c.is_number) == total.value:
        return [c if c.is_number else Cell("number", 0) for c in parts] + [total]
    return cells
