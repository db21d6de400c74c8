"""Choosing between the splits of run-together section 三 rows by the table's column sums.

A crawler that drops the cell borders leaves ``予以公开270020130``, which splits
two ways whose row total holds: 27 0 0 2 0 1 30 and 2 7 0 0 20 1 30. The table
says which: in every applicant column (and the 总计 column) the result rows add
up to （七）总计, and 新收 + 上年结转 = 总计 + 结转下年 (the 勾稽关系 printed above
the table). A pending row keeps the one split that appears in every reading of
the pending rows that satisfies each of those equations all of whose terms are
known; where the sums hold for no reading (the report's own arithmetic is off),
or for readings that differ on the row, the row stays out.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from itertools import product
from math import prod

from ..templates import APPLICANT_COLUMNS, APPLICATION_ROWS

Split = tuple[int, ...]

_MAX_READINGS = 20_000  # joint readings tried; past this the rows stay out
_OUTSIDE_RESULTS = ("新收", "上年结转", "办理总计", "结转下年")


def facet_names(key: str) -> list[str]:
    """The facets of section 三's row ``key``, in the applicant columns' order."""
    return [f"申请.{key}.{c.suffix}" if c.suffix else f"申请.{key}" for c in APPLICANT_COLUMNS]


def _equations(template: str) -> list[tuple[list[str], list[str]]]:
    """(left terms, right terms) of each column's two sums."""
    results = [row.key for row in APPLICATION_ROWS[template] if row.key not in _OUTSIDE_RESULTS]
    rows = [facet_names(key) for key in (*_OUTSIDE_RESULTS, *results)]
    equations = []
    for column in zip(*rows, strict=True):
        new, carried_in, total, carried_out, *parts = column
        equations.append((parts, [total]))
        equations.append(([new, carried_in], [total, carried_out]))
    return equations


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
        if all(sum(values[t] for t in left) == sum(values[t] for t in right) for left, right in usable):
            for key, split in zip(keys, reading, strict=True):
                chosen[key].add(split)
    return {key: splits.pop() for key, splits in chosen.items() if len(splits) == 1}
