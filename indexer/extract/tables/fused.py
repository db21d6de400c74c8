"""Splitting cells that a crawler fused together.

``行政处罚12012`` may be 12 0 12, 1 20 12, 120 1 2 …: the digits alone do not
say. The table's own arithmetic can: in section 三 the six applicant columns
add up to the 总计, in section 四 each group's four results add up to its
总计. ``unique_split`` enumerates the readings that satisfy the constraint and
answers only when exactly one does.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence

Constraint = Callable[[Sequence[int]], bool]

_MAX_DIGITS = 60  # past this a crawler line is not one table row
_MAX_PART = 7  # no count or amount in these tables runs past seven digits


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


def unique_split(digits: str, parts: int, constraint: Constraint | None) -> tuple[int, ...] | None:
    """The only split that satisfies ``constraint``, or None when none or several do."""
    if not digits.isdigit() or len(digits) > _MAX_DIGITS:
        return None
    found: tuple[int, ...] | None = None
    for candidate in _candidates(digits, parts, constraint):
        if found is not None:
            return None
        found = candidate
    return found


def _candidates(digits: str, parts: int, constraint: Constraint | None) -> Iterator[tuple[int, ...]]:
    if constraint is row_total:
        yield from _totalled(digits, parts)
    elif constraint is group_totals and parts % 5 == 0:
        yield from _grouped(digits, parts // 5)
    else:
        for candidate in splits(digits, parts):
            if constraint is None or constraint(candidate):
                yield candidate


def _totalled(digits: str, parts: int) -> Iterator[tuple[int, ...]]:
    """Splits whose last number is the sum of the others: pick the total first,
    then only parts that do not overshoot it."""
    for size in range(1, min(_MAX_PART, len(digits) - parts + 1) + 1):
        tail = digits[-size:]
        if len(tail) > 1 and tail[0] == "0":
            continue
        total = int(tail)
        for head in splits(digits[:-size], parts - 1, total):
            if sum(head) == total:
                yield (*head, total)


def _grouped(digits: str, groups: int) -> Iterator[tuple[int, ...]]:
    """Section 四's 15 numbers: split group by group so the search stays small."""
    if groups == 0:
        if not digits:
            yield ()
        return
    for end in range(5, min(len(digits) - 5 * (groups - 1), 5 * _MAX_PART) + 1):
        for head in _totalled(digits[:end], 5):
            for rest in _grouped(digits[end:], groups - 1):
                yield head + rest


def row_total(values: Sequence[int]) -> bool:
    """Section 三: the applicant columns add up to the last (总计) column."""
    return sum(values[:-1]) == values[-1]


def group_totals(values: Sequence[int]) -> bool:
    """Section 四: in each group of five, four results add up to the 总计."""
    return all(sum(values[i : i + 4]) == values[i + 4] for i in range(0, len(values), 5))
