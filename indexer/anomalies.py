"""``异常``: a main facet far outside the report's peer group.

Peers are the reports of the same level (``levels.level_of``), province and year.  Counts
of government work spread over orders of magnitude, so values are compared on a log scale
(``log1p``), by the robust z-score of Iglewicz and Hoaglin: 0.6745 × (x − median) / MAD, far
outside beyond ±3.5.  A facet is judged only in a group where at least ``MIN_PEERS`` reports
state it and the MAD is not 0 (most stating the same value leaves nothing to measure by).

A record's ``anomalies`` holds, per flagged facet, its value, the group's median, the z-score
and how many peers stated it; the index's ``anomaly`` field lists the keys (and ANOMALY_ANY)
for ``异常:行政处罚`` and ``异常:任一``.
"""

from __future__ import annotations

import json
import math
from collections.abc import Iterable
from statistics import median

import numpy as np

from . import facetarrays
from .extract.numbers import tidy
from .levels import level_of
from .pendingfile import PendingFile
from .registry import ANOMALY_ANY, MAIN_FACETS
from .schema import facet_field
from .store import Column, column_text

Z_LIMIT = 3.5
MIN_PEERS = 10
PENDING = "anomalies-pending.json"  # groups whose reports changed, not yet judged again

Group = tuple[str, str, int]  # (level, province, year)


def group_of(record: dict) -> Group | None:
    region = record.get("region") or {}
    if not region.get("province") or record.get("year") is None:
        return None
    return (level_of(region), region["province"], record["year"])


def groups_of(records: Iterable[dict]) -> set[Group]:
    return {g for g in map(group_of, records) if g is not None}


def robust_z(values: list[float]) -> tuple[float, list[float]] | None:
    """The median of ``values`` and each one's robust z-score on a log scale; None when the
    spread is 0.

    >>> robust_z([1, 2, 2, 3, 3, 3, 4, 4, 5, 400])[1][-1] > Z_LIMIT
    True
    """
    logs = [math.log1p(max(v, 0.0)) for v in values]
    centre = median(logs)
    spread = median(abs(x - centre) for x in logs)
    if spread == 0:
        return None
    return median(values), [0.6745 * (x - centre) / spread for x in logs]


def judge(values: dict[str, dict[int, float]]) -> dict[int, dict[str, dict]]:
    """The flagged facets of each document: ``values`` is facet → docnum → value, one group."""
    flagged: dict[int, dict[str, dict]] = {}
    for facet, stated in values.items():
        if len(stated) < MIN_PEERS:
            continue
        found = robust_z(list(stated.values()))
        if found is None:
            continue
        middle, scores = found
        for (docnum, value), z in zip(stated.items(), scores, strict=True):
            if abs(z) > Z_LIMIT:
                flagged.setdefault(docnum, {})[facet] = {
                    "value": value, "median": middle, "z": round(z, 2), "peers": len(stated),
                }  # fmt: skip
    return flagged


def update(ix, groups: set[Group], records: dict[str, dict]) -> set[str]:
    """Judge the reports of ``groups`` again; set ``anomalies`` on the records that change
    (loading into ``records``, by path, those not yet there); the ids changed.

    Groups and values are read as column arrays (``facetarrays``): the work is one pass over
    the index's columns and one over each group, whatever the number of groups."""
    changed: set[str] = set()
    with ix.searcher() as searcher:
        reader = searcher.reader()
        if not groups or reader.doc_count() == 0:
            return changed
        live = facetarrays.alive(reader)
        live = np.ones(reader.doc_count_all(), dtype=bool) if live is None else live
        levels, provinces = facetarrays.array(reader, "level"), facetarrays.array(reader, "province")
        years = facetarrays.known_years(reader)
        level_codes, province_codes = _codes(levels), _codes(provinces)
        values = {facet: facetarrays.array(reader, facet_field(facet)) for facet in MAIN_FACETS}
        flagged = np.zeros(len(live), dtype=bool)
        flagged[facetarrays.term_docs(reader, "anomaly", ANOMALY_ANY)] = True
        paths = Column(reader, "path")
        for level, province, year in sorted(groups):
            if level not in level_codes or province not in province_codes:
                continue
            members = live & (levels == level_codes[level]) & (provinces == province_codes[province]) & (years == year)
            docnums = np.flatnonzero(members)
            now = judge({facet: _stated(column, docnums) for facet, column in values.items()})
            for docnum in sorted(set(now) | set(np.flatnonzero(members & flagged).tolist())):
                path = column_text(paths[docnum])
                record = records.get(path)
                if record is None:
                    record = records[path] = json.loads(searcher.stored_fields(docnum)["record"])
                if now.get(docnum, {}) != (record.get("anomalies") or {}):
                    record["anomalies"] = now.get(docnum, {})
                    changed.add(record["id"])
    return changed


def _codes(array: np.ndarray) -> dict[str, int]:
    return {facetarrays.name_of(int(code)): int(code) for code in np.unique(array) if code >= 0}


def _stated(column: np.ndarray, docnums: np.ndarray) -> dict[int, float]:
    """The values stated (not NaN) by the documents ``docnums``: document → value (an int
    where the value is whole, as the record states counts)."""
    picked = column[docnums]
    keep = ~np.isnan(picked)
    return {int(d): tidy(v) for d, v in zip(docnums[keep], picked[keep], strict=True)}


_PENDING = PendingFile(PENDING, decode=tuple)
pending = _PENDING.load  # the groups a previous ingest left to judge again
remember = _PENDING.remember  # note groups as still to judge, before a commit that changes them
settled = _PENDING.settled
