"""The 雷同 facet figures of one report, from the stored pairwise figures.

For each section compared, the best share of its own text found in the same section of another
agency's report (``雷同:问题改进``), and the share found in the same agency's report of the year
before (``雷同:去年``: copied forward).  The whole-report figures weigh sections by their length,
so a copied one-line section does not make a report "copied".
"""

from __future__ import annotations

import json
from collections.abc import Callable, Mapping
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


def _record(report: str, agency: str | None, region: str | None, year: int | None) -> dict:
    return {"id": report, "agency": agency, "region": json.loads(region or "{}"), "year": year}


def _kind(same_agency: bool, year: int | None, their_year: int | None) -> str | None:
    if not same_agency:
        return "other"
    return "previous" if year is not None and their_year == year - 1 else None


def copying_of(
    report_id: str, mine: list[tuple], edges: list[tuple], agency_key: Callable[[Mapping], str]
) -> Copying:
    """``mine``: (sid, section, size, agency, region, year) of the report's compared sections;
    ``edges``: (sid, share, other report, agency, region, year) of their stored figures."""
    if not mine:
        return Copying()
    _, _, _, agency, region, year = mine[0]
    own = agency_key(_record(report_id, agency, region, year))
    section_of = {sid: (name, size) for sid, name, size, *_ in mine}
    total = sum(size for _, size in section_of.values())
    keys: dict[str, str] = {}
    best: dict[str, dict[str, float]] = {"other": {name: 0.0 for name, _ in section_of.values()}, "previous": {}}
    shared: dict[str, dict[str, float]] = {"other": {}, "previous": {}}
    for sid, share, other, *rest in edges:
        if other not in keys:
            keys[other] = agency_key(_record(other, *rest))
        kind = _kind(keys[other] == own, year, rest[2])
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
