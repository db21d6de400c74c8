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


def splits(digits: str, parts: int) -> Iterator[tuple[int, ...]]:
    """Every way to cut ``digits`` into ``parts`` numbers without leading zeros."""
    if parts == 0:
        if not digits:
            yield ()
        return
    if len(digits) < parts:
        return
    for end in range(1, len(digits) - parts + 2):
        head = digits[:end]
        if len(head) > 1 and head[0] == "0":
            break
        for rest in splits(digits[end:], parts - 1):
            yield (int(head), *rest)


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
    if parts % 5 == 0 and parts > 5 and constraint is group_totals:
        yield from _grouped(digits, parts // 5)
        return
    for candidate in splits(digits, parts):
        if constraint is None or constraint(candidate):
            yield candidate


def _grouped(digits: str, groups: int) -> Iterator[tuple[int, ...]]:
    """Section 四's 15 numbers: split group by group so the search stays small."""
    if groups == 0:
        if not digits:
            yield ()
        return
    for end in range(5, len(digits) - 5 * (groups - 1) + 1):
        for head in splits(digits[:end], 5):
            if sum(head[:4]) == head[4]:
                for rest in _grouped(digits[end:], groups - 1):
                    yield head + rest


def row_total(values: Sequence[int]) -> bool:
    """Section 三: the applicant columns add up to the last (总计) column."""
    return sum(values[:-1]) == values[-1]


def group_totals(values: Sequence[int]) -> bool:
    """Section 四: in each group of five, four results add up to the 总计."""
    return all(sum(values[i : i + 4]) == values[i + 4] for i in range(0, len(values), 5))
