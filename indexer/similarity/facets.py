"""The 雷同 facet figures of one report, from the stored pairwise figures.

For each section compared, the best share of its own text found in the same section of another
agency's report (``雷同:问题改进``), and the share found in the same agency's report of the year
before (``雷同:去年``: copied forward).  The whole-report figures weigh sections by their length,
so a copied one-line section does not make a report "copied".
"""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Copying:
    """``other_agency`` names every section compared, 0.0 where nothing reached the stored floor;
    ``previous_year`` only the sections found in last year's report.  Sections too short to
    compare are in neither; the whole-report figures are None when no section was compared."""

    other_agency: dict[str, float] = field(default_factory=dict)
    previous_year: dict[str, float] = field(default_factory=dict)
    other_agency_whole: float | None = None
    previous_year_whole: float | None = None


def _kind(same_agency: bool, year: int | None, their_year: int | None) -> str | None:
    if not same_agency:
        return "other"
    return "previous" if year is not None and their_year == year - 1 else None


def copying_of(mine: list[tuple], edges: list[tuple]) -> Copying:
    """``mine``: (sid, section, size, body, year) of the report's compared sections;
    ``edges``: (sid, share, other report, its body, its year) of their stored figures.  Two
    reports are the same agency's when they have the same body (an unknown body is no one's)."""
    if not mine:
        return Copying()
    _, _, _, own, year = mine[0]
    section_of = {sid: (name, size) for sid, name, size, *_ in mine}
    total = sum(size for _, size in section_of.values())
    best: dict[str, dict[str, float]] = {"other": {name: 0.0 for name, _ in section_of.values()}, "previous": {}}
    shared: dict[str, dict[str, float]] = {"other": {}, "previous": {}}
    for sid, share, other, body, their_year in edges:
        kind = _kind(own is not None and body == own, year, their_year)
        if kind is None:
            continue
        name, size = section_of[sid]
        best[kind][name] = max(best[kind].get(name, 0.0), share)
        shared[kind][other] = shared[kind].get(other, 0.0) + share * size
    whole = {kind: round(max(by.values(), default=0.0) / total, 4) for kind, by in shared.items()}
    return Copying(
        {k: round(v, 4) for k, v in best["other"].items()},
        {k: round(v, 4) for k, v in best["previous"].items()},
        whole["other"],
        whole["previous"],
    )
