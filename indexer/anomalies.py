"""``异常``: a main facet far outside the report's peer group.

Peers are the reports of the same level (``levels.level_of``), province and year.  Counts
of government work spread over orders of magnitude, so values are compared on a log scale
(``log1p``), by the robust z-score of Iglewicz and Hoaglin: 0.6745 × (x − median) / MAD, far
outside beyond ±3.5.  A facet is judged only in a group where at least ``MIN_PEERS`` reports
state it and the MAD is not 0 (most stating the same value leaves nothing to measure by).

A record's ``anomalies`` holds, per flagged facet, its value, the group's median, the z-score
and how many peers stated it; the index's ``anomaly`` field lists the keys (and ANOMALY_ANY)
for ``异常:行政处罚`` and ``异常:任一``. A document is rewritten when its flagged keys change;
the figures move with every new peer, so pages and exports compute them as the group stands
(``current``) and the stored ones are those of the document's last rewrite.
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


class Peers:
    """The peer groups of one reader's index as it is now: their members from the column
    arrays, each group judged once when first asked."""

    def __init__(self, reader):
        live = facetarrays.alive(reader)
        self.live = np.ones(reader.doc_count_all(), dtype=bool) if live is None else live
        self.levels, self.provinces = (
            facetarrays.array(reader, "level"),
            facetarrays.array(reader, "province"),
        )
        self.years = facetarrays.known_years(reader)
        self.values = {facet: facetarrays.array(reader, facet_field(facet)) for facet in MAIN_FACETS}
        self._judged: dict[Group, tuple[np.ndarray, dict[int, dict[str, dict]]]] = {}

    def judged(self, group: Group) -> tuple[np.ndarray, dict[int, dict[str, dict]]]:
        """The group's live members (a mask) and the flagged facets of each."""
        if group not in self._judged:
            level, province, year = group
            level_code, province_code = facetarrays.code_of(level), facetarrays.code_of(province)
            if level_code is None or province_code is None:  # no column holds it: no member
                members = np.zeros(len(self.live), dtype=bool)
            else:
                members = (
                    self.live
                    & (self.levels == level_code)
                    & (self.provinces == province_code)
                    & (self.years == year)
                )
            docnums = np.flatnonzero(members)
            self._judged[group] = members, judge({f: _stated(c, docnums) for f, c in self.values.items()})
        return self._judged[group]

    def of(self, docnum: int, record: dict) -> dict[str, dict]:
        """The report's flagged facets with their figures (value, median, z, peers) now."""
        group = group_of(record)
        return {} if group is None else self.judged(group)[1].get(docnum, {})


def update(ix, groups: set[Group], records: dict[str, dict]) -> set[str]:
    """Judge the reports of ``groups`` again; the ids of the reports whose flagged facets
    changed, their records (loaded into ``records``, by path, when not there yet) given the
    new ones. Records already in ``records`` get the group's figures now in any case.

    A new report moves its group's median, z-scores and count of peers, so the figures of
    every flagged report change with each ingest that adds a peer; only the flagged facets
    are indexed (``anomaly``), so only a change of those rewrites a document (at 100,000
    reports, 1,000 more touched 540 groups and rewrote 7,400 documents for their figures
    alone). Pages and exports read the figures as they are now (``current``)."""
    changed: set[str] = set()
    with ix.searcher() as searcher:
        reader = searcher.reader()
        if not groups or reader.doc_count() == 0:
            return changed
        peers = Peers(reader)
        indexed = {
            key: facetarrays.marked(facetarrays.term_docs(reader, "anomaly", key), len(peers.live))
            for key in MAIN_FACETS
        }
        paths = Column(reader, "path")
        # Any flag, whatever its key (one the registry no longer judges is cleared too).
        flagged_before = facetarrays.marked(
            facetarrays.term_docs(reader, "anomaly", ANOMALY_ANY), len(peers.live)
        )
        for group in sorted(groups):
            members, now = peers.judged(group)
            for docnum in sorted(set(now) | set(np.flatnonzero(members & flagged_before).tolist())):
                path = column_text(paths[docnum])
                flagged = now.get(docnum, {})
                before = {key for key, mask in indexed.items() if mask[docnum]}
                record = records.get(path)
                if record is None and before == set(flagged):
                    continue
                if record is None:
                    record = records[path] = json.loads(searcher.stored_fields(docnum)["record"])
                if set(flagged) != set(record.get("anomalies") or {}):
                    changed.add(record["id"])
                record["anomalies"] = flagged
    return changed


def current(searcher, docnum: int, record: dict, peers: Peers | None = None) -> dict:
    """``record`` with its flagged facets' figures as its peer group stands now (a record's
    stored figures are those of its last rewrite). ``peers``: one ``Peers`` of the searcher's
    reader shared by many records."""
    figures = (peers or Peers(searcher.reader())).of(docnum, record)
    if not figures and "anomalies" not in record:  # never judged, flagged by nothing now
        return record
    return {**record, "anomalies": figures}


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
