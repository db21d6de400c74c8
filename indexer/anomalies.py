"""``异常``: a main facet far outside the report's peer group.

Peers are the reports of the same level (``levels.level_of``), province and year.  Counts
of government work spread over orders of magnitude, so values are compared on a log scale
(``log1p``), by the robust z-score of Iglewicz and Hoaglin: 0.6745 × (x − median) / MAD, far
outside beyond ±3.5.  A facet is judged only in a group where at least ``MIN_PEERS`` reports
state it and the MAD is not 0 (most stating the same value leaves nothing to measure by).

Every new peer moves its group's median and so can move any member's flag: judged at ingest
and indexed, the flags made adding 1,000 reports to 100,000 rewrite about 1,600 documents
whose flags alone had changed.  So nothing of it is stored: ``judgement(reader)`` judges every
group of the index as it stands, from the column arrays, once per state of the index (about a
tenth of a second at 100,000 reports), and queries (``异常:行政处罚``, ``异常:任一``), counts,
pages and exports all read that one judgement.
"""

from __future__ import annotations

import threading

import numpy as np

from . import facetarrays
from .extract.numbers import tidy
from .registry import ANOMALY_ANY, MAIN_FACETS
from .schema import facet_field

Z_LIMIT = 3.5
MIN_PEERS = 10
_KEPT = 4  # judgements of recent index states (a server's threads may hold different ones)


class FacetJudgement:
    """One facet's judgement: the flagged documents (sorted), their z-scores and peer groups,
    and each group's median and count of reports stating the facet."""

    def __init__(self, values: np.ndarray, group: np.ndarray, groups: int):
        docs = np.flatnonzero((group >= 0) & ~np.isnan(values))
        g, stated = group[docs], values[docs]
        logs = np.log1p(np.maximum(stated, 0.0))
        self.peers = np.bincount(g, minlength=groups)
        middle = _Middles(self.peers)
        # log1p is monotone, so one order sorts a group's values and their logs alike.
        by_value = np.lexsort((stated, g))
        centre, self.median = middle.of(logs[by_value]), middle.of(stated[by_value])
        deviations = np.abs(logs - centre[g])
        spread = middle.of(deviations[np.lexsort((deviations, g))])
        judged = ((self.peers >= MIN_PEERS) & (spread != 0))[g]
        z = np.zeros(len(docs))
        z[judged] = 0.6745 * (logs[judged] - centre[g][judged]) / spread[g][judged]
        far = judged & (np.abs(z) > Z_LIMIT)
        self.docs, self.z, self.group, self.value = docs[far], z[far], g[far], stated[far]

    def figures(self, docnum: int) -> dict | None:
        at = int(np.searchsorted(self.docs, docnum))
        if at == len(self.docs) or self.docs[at] != docnum:
            return None
        group = self.group[at]
        return {
            "value": tidy(self.value[at]),
            "median": tidy(self.median[group]),
            "z": round(float(self.z[at]), 2),
            "peers": int(self.peers[group]),
        }


class _Middles:
    """Each group's median, as ``statistics.median`` takes it (the middle value, or the mean of
    the two), from values sorted by group and then by value; ``sizes``: values per group."""

    def __init__(self, sizes: np.ndarray):
        last = max(int(sizes.sum()) - 1, 0)
        starts = np.cumsum(sizes) - sizes
        # A group with no values gets a made-up figure that nothing reads (judged groups have 10).
        self.low = np.clip(starts + (sizes - 1) // 2, 0, last)
        self.high = np.clip(starts + sizes // 2, 0, last)
        self.odd = sizes % 2 == 1

    def of(self, ordered: np.ndarray) -> np.ndarray:
        if not len(ordered):
            return np.zeros(len(self.odd))
        return np.where(self.odd, ordered[self.low], (ordered[self.low] + ordered[self.high]) / 2)


class Judgement:
    """Every peer group of one reader's index judged: the flagged documents of each facet."""

    def __init__(self, reader):
        size = reader.doc_count_all()
        live = facetarrays.alive(reader)
        levels, provinces = facetarrays.array(reader, "level"), facetarrays.array(reader, "province")
        years = facetarrays.known_years(reader)
        member = (provinces >= 0) & (years > 0) & (True if live is None else live)
        group = np.full(size, -1, dtype=np.int64)
        groups = 0
        if member.any():  # one integer per (level, province, year): codes are small, years < 10,000
            keys = (levels[member].astype(np.int64) + 1) << 40 | provinces[member].astype(np.int64) << 16 | years[member]
            found, group[member] = np.unique(keys, return_inverse=True)
            groups = len(found)
        self.size = size
        self._facets = {
            facet: FacetJudgement(facetarrays.array(reader, facet_field(facet)), group, groups) for facet in MAIN_FACETS
        }

    def mask(self, key: str) -> np.ndarray:
        """The documents flagged for ``key`` (a main facet, or ANOMALY_ANY: any of them)."""
        chosen = MAIN_FACETS if key == ANOMALY_ANY else [key] if key in self._facets else []
        mask = np.zeros(self.size, dtype=bool)
        for facet in chosen:
            mask[self._facets[facet].docs] = True
        return mask

    def counts(self, hits: np.ndarray) -> dict[str, int]:
        """How many of ``hits`` (document numbers) each facet flags; facets flagging none left out."""
        chosen = facetarrays.marked(hits, self.size)
        found = {}
        for facet, judged in self._facets.items():
            number = int(chosen[judged.docs].sum())
            if number:
                found[facet] = number
        return found

    def of(self, docnum: int) -> dict[str, dict]:
        """The document's flagged facets with their figures: value, its group's median, z, peers."""
        figures = {facet: judged.figures(docnum) for facet, judged in self._facets.items()}
        return {facet: found for facet, found in figures.items() if found is not None}


_judged: dict[tuple, Judgement] = {}
_lock = threading.Lock()


def judgement(reader) -> Judgement:
    """The judgement of the index as ``reader`` sees it, made once per state of the index (its
    segments, and the live documents of each: deletions only grow within a segment)."""
    state = tuple(
        (leaf.segment().segment_id(), leaf.doc_count()) for leaf, _ in reader.leaf_readers() if leaf.segment()
    )
    with _lock:
        found = _judged.get(state)
    if found is None:
        found = Judgement(reader)
        with _lock:
            _judged[state] = found
            while len(_judged) > _KEPT:
                del _judged[next(iter(_judged))]
    return found


def current(searcher, docnum: int, record: dict) -> dict:
    """``record`` with its flagged facets' figures (``anomalies``) as its peer group stands now."""
    return {**record, "anomalies": judgement(searcher.reader()).of(docnum)}
