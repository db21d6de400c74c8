"""Splitting cells that a crawler fused together.

``行政处罚12012`` may be 12 0 12, 1 20 12, 120 1 2 …: the digits alone do not
say. The table's own arithmetic can: in section 三 the six applicant columns
add up to the 总计, in section 四 each group's four results add up to its
总计. ``unique_split`` enumerates the readings that satisfy the constraint and
answers only when exactly one does; ``split_candidates`` hands back all of them
(a few) for the table's column sums to choose from (``columnsums.py``).

The digits may come in several cells (``230 000023``: a crawler kept some cell
borders and lost others): each cell holds at least one of the numbers and no
number crosses a border.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence

Constraint = Callable[[Sequence[int]], bool]

_MAX_DIGITS = 60  # past this a crawler line is not one table row
_MAX_PART = 7  # no count or amount in these tables runs past seven digits
_MAX_SPARE = 6  # digits beyond one a number, in runs over several cells without a row total


def splits(digits: str, parts: int, limit: int | None = None) -> Iterator[tuple[int, ...]]:
    """Every way to cut ``digits`` into ``parts`` numbers without leading zeros,
    each at most seven digits, their running sum never above ``limit``."""
    if parts == 0:
        if not digits:
            yield ()
        return
    if not parts <= len(digits) <= parts * _MAX_PART:
        return
    for end in range(1, min(_MAX_PART, len(digits) - parts + 1) + 1):
        head = digits[:end]
        if len(head) > 1 and head[0] == "0":
            break
        value = int(head)
        if limit is not None and value > limit:
            break
        rest_limit = None if limit is None else limit - value
        for rest in splits(digits[end:], parts - 1, rest_limit):
            yield (value, *rest)


def cell_splits(cells: Sequence[str], parts: int, limit: int | None = None) -> Iterator[tuple[int, ...]]:
    """``splits`` over several cells: each cell cut into at least one number, ``parts`` in all."""
    if len(cells) <= 1:
        yield from splits(cells[0] if cells else "", parts, limit)
        return
    first, rest = cells[0], cells[1:]
    for count in range(1, parts - len(rest) + 1):
        for head in splits(first, count, limit):
            rest_limit = None if limit is None else limit - sum(head)
            for tail in cell_splits(rest, parts - count, rest_limit):
                yield head + tail


def unique_split(
    digits: str | Sequence[str], parts: int, constraint: Constraint | None
) -> tuple[int, ...] | None:
    """The only split that satisfies ``constraint``, or None when none or several do."""
    found = split_candidates(digits, parts, constraint, most=1)
    return found[0] if found and len(found) == 1 else None


def split_candidates(
    digits: str | Sequence[str], parts: int, constraint: Constraint | None, most: int = 16
) -> list[tuple[int, ...]] | None:
    """Every split that satisfies ``constraint`` (an empty list: none), or None when there
    are more than ``most``."""
    cells = (digits,) if isinstance(digits, str) else tuple(digits)
    if not cells or not all(c.isdigit() for c in cells) or sum(map(len, cells)) > _MAX_DIGITS:
        return []
    found: list[tuple[int, ...]] = []
    for candidate in _candidates(cells, parts, constraint):
        if len(found) == most:
            return None
        found.append(candidate)
    return found


def _candidates(cells: tuple[str, ...], parts: int, constraint: Constraint | None) -> Iterator[tuple[int, ...]]:
    if constraint is row_total:
        yield from _totalled(cells, parts)
    elif constraint is group_totals and parts % 5 == 0 and len(cells) == 1:
        yield from _grouped(cells[0], parts // 5)
    elif len(cells) > 1 and sum(map(len, cells)) - parts > _MAX_SPARE:
        return  # too many ways to try: the digits of many runs with few borders lost
    else:
        for candidate in cell_splits(cells, parts):
            if constraint is None or constraint(candidate):
                yield candidate


def _totalled(cells: tuple[str, ...], parts: int) -> Iterator[tuple[int, ...]]:
    """Splits whose last number is the sum of the others: pick the total first (the end of
    the last cell), then only parts that do not overshoot it."""
    last = cells[-1]
    for size in range(1, min(_MAX_PART, len(last)) + 1):
        tail = last[-size:]
        if len(tail) > 1 and tail[0] == "0":
            continue
        total = int(tail)
        rest = cells[:-1] + ((last[:-size],) if size < len(last) else ())
        if not rest and parts > 1:
            continue
        for head in cell_splits(rest, parts - 1, total):
            if sum(head) == total:
                yield (*head, total)


def _grouped(digits: str, groups: int) -> Iterator[tuple[int, ...]]:
    """Section 四's 15 numbers: split group by group so the search stays small."""
    if groups == 0:
        if not digits:
            yield ()
        return
    for end in range(5, min(len(digits) - 5 * (groups - 1), 5 * _MAX_PART) + 1):
        for head in _totalled((digits[:end],), 5):
            for rest in _grouped(digits[end:], groups - 1):
                yield head + rest


def row_total(values: Sequence[int]) -> bool:
    """Section 三: the applicant columns add up to the last (总计) column."""
    return sum(values[:-1]) == values[-1]


def group_totals(values: Sequence[int]) -> bool:
    """Section 四: in each group of five, four results add up to the 总计."""
    return all(sum(values[i : i + 4]) == values[i + 4] for i in range(0, len(values), 5))
