"""The corpus overview: what an index holds, counted from its columns and postings.

``overview(ix, folder)`` answers, for the live (not deleted) reports: how many there are by
year, province, level and template; how often each check failed among the reports it ran on;
the largest values of the main facets; how many facets extraction read per report and how
many reports carry warnings; and the clusters of reports sharing a copied section (雷同).

Counts come from per-segment numpy arrays (``facetarrays``), never from stored records: only
the reports a list shows are loaded.  The answer is kept per index generation and state of the
copied-text file, so asking again before anything changes costs nothing.
"""

from __future__ import annotations

import json
import threading
import time
from pathlib import Path

import numpy as np

from . import facetarrays
from .extract.numbers import tidy
from .levels import LEVELS
from .registry import CHECK_RULES, CONSISTENT_NAMES, MAIN_FACETS, TEMPLATE_NAMES, facets
from .schema import facet_field
from .similarity import SimilarityIndex, open_similarity
from .store import Column, column_text

TOP = 10  # reports listed per main facet
CLUSTERS = 20  # copied-text clusters listed
CLUSTER_LISTED = 50  # reports listed per cluster (its size counts them all)
CLUSTER_MIN = 0.9  # the similarity figure that joins two reports into a cluster
# Facets read per report: (lowest, highest or None for no limit), as the coverage chart groups them.
BUCKETS = ((0, 0), (1, 9), (10, 49), (50, 99), (100, None))
READ_KINDS = ("int", "float")  # facets read from a report, not derived from others

_cache: dict[str, tuple[tuple, dict]] = {}  # index folder → (state it was computed at, answer)
_cache_lock = threading.Lock()


def overview(ix, folder: str | Path) -> dict:
    """The overview of the index ``ix`` (a Whoosh index or ``LiveIndex``) whose folder is
    ``folder``, where the copied-text file is.  The answer is shared between callers: read it,
    do not change it.  ``years``, for one, reads ``[{"value": 2019, "count": 2}, …]``, oldest first.
    """
    folder = Path(folder)
    with ix.searcher() as searcher:
        reader = searcher.reader()
        state = (reader.generation(), _similarity_stamp(folder))
        with _cache_lock:
            found = _cache.get(str(folder.resolve()))
        if found and found[0] == state:
            return found[1]
        started = time.perf_counter()
        answer = _compute(searcher, folder)
        answer["generation"] = state[0]
        answer["took_ms"] = round((time.perf_counter() - started) * 1000, 1)
    # Stamped again once read: opening the copied-text file creates its -wal file and closing it
    # removes it again, so the stamp before reading is not the one the next request sees.
    state = (state[0], _similarity_stamp(folder))
    with _cache_lock:
        _cache[str(folder.resolve())] = (state, answer)
    return answer


def _similarity_stamp(folder: Path) -> tuple:
    """What changes when the copied-text file does (SQLite in WAL mode writes its -wal file first)."""
    stamp = []
    for name in (SimilarityIndex.FILE, SimilarityIndex.FILE + "-wal"):
        path = folder / name
        stat = path.stat() if path.exists() else None
        stamp.append((stat.st_mtime_ns, stat.st_size) if stat else None)
    return tuple(stamp)


def _compute(searcher, folder: Path) -> dict:
    reader = searcher.reader()
    found = facetarrays.alive(reader)
    live = np.ones(reader.doc_count_all(), dtype=bool) if found is None else found
    docs = _Describer(searcher)
    return {
        "total": int(live.sum()),
        **_years(reader, live),
        **_provinces(reader, live),
        "levels": _levels(reader, live),
        "templates": _templates(reader, live),
        "checks": _checks(reader, live),
        "consistency": _consistency(reader, live),
        "maxima": _maxima(reader, live, docs),
        "coverage": _coverage(reader, live),
        "similarity": _similarity(searcher, folder, docs),
    }


def _text_counts(reader, live: np.ndarray, field: str) -> tuple[dict[str, int], int]:
    """Each value of a text column with its count over live reports, and how many have none."""
    codes = facetarrays.array(reader, field)[live]
    found = {facetarrays.name_of(code): n for code, n in facetarrays.tally(codes[codes >= 0])}
    return found, int((codes < 0).sum())


def _years(reader, live: np.ndarray) -> dict:
    years = facetarrays.known_years(reader)[live]
    counted = [{"value": year, "count": n} for year, n in facetarrays.tally(years[years > 0])]
    return {"years": counted, "year_unknown": int((years == 0).sum())}


def _provinces(reader, live: np.ndarray) -> dict:
    found, unknown = _text_counts(reader, live, "province")
    ordered = sorted(found.items(), key=lambda kv: (-kv[1], kv[0].encode("gb18030", errors="replace")))
    return {"provinces": [{"value": p, "count": n} for p, n in ordered], "province_unknown": unknown}


def _levels(reader, live: np.ndarray) -> list[dict]:
    """Every level, in LEVELS order, zeros included: the chart always has the same four bars."""
    found, unknown = _text_counts(reader, live, "level")
    found["未知"] = found.get("未知", 0) + unknown
    return [{"value": level, "count": found.get(level, 0)} for level in LEVELS]


def _templates(reader, live: np.ndarray) -> list[dict]:
    found, _ = _text_counts(reader, live, "template")
    order = [*TEMPLATE_NAMES, *sorted(set(found) - set(TEMPLATE_NAMES))]
    return [{"value": t, "name": TEMPLATE_NAMES.get(t, t), "count": found[t]} for t in order if found.get(t)]


def _rate(failed: int, ran: int) -> float | None:
    return round(failed / ran, 4) if ran else None


def _checks(reader, live: np.ndarray) -> list[dict]:
    """Per rule: reports that failed it and reports it ran on (failed or passed), with the rate."""

    def count(field: str, rule: str) -> int:
        docnums = facetarrays.term_docs(reader, field, rule)
        return int(live[docnums].sum())  # postings read before a deletion may still hold its report

    rows = []
    for rule, meaning in CHECK_RULES.items():
        failed = count("check_failed", rule)
        ran = failed + count("check_passed", rule)
        rows.append({"rule": rule, "description": meaning, "failed": failed, "ran": ran,
                     "rate": _rate(failed, ran)})  # fmt: skip
    return rows


def _consistency(reader, live: np.ndarray) -> dict:
    """The tables' own sums (勾稽): reports per state, and the failure rate over those checked."""
    found, unknown = _text_counts(reader, live, "consistent")
    found["unknown"] = found.get("unknown", 0) + unknown
    states = [{"value": v, "name": name, "count": found.get(v, 0)} for v, name in CONSISTENT_NAMES.items()]
    checked = found.get("no", 0) + found.get("yes", 0)
    return {"states": states, "failed": found.get("no", 0), "checked": checked,
            "rate": _rate(found.get("no", 0), checked)}  # fmt: skip


# -- the largest values ---------------------------------------------------------------------


class _Describer:
    """Id, agency and year of the few reports a list shows: the agency is read from the stored
    record, one report at a time, and kept for the other lists that show it."""

    def __init__(self, searcher):
        self.searcher = searcher
        self.reader = searcher.reader()
        self.ids = Column(self.reader, "id")
        self.years = facetarrays.known_years(self.reader)
        self.known: dict[int, dict] = {}

    def __call__(self, docnum: int) -> dict:
        found = self.known.get(docnum)
        if found is None:
            record = json.loads(self.searcher.stored_fields(docnum)["record"])
            year = int(self.years[docnum])
            found = {"id": column_text(self.ids[docnum]), "agency": record["agency"], "year": year or None}
            self.known[docnum] = found
        return dict(found)

    def docnum(self, report_id: str) -> int | None:
        """The document number of a live report with this id, else None."""
        return self.searcher.document_number(id=report_id)


def _maxima(reader, live: np.ndarray, docs: _Describer) -> list[dict]:
    """Per main facet, the TOP reports with its largest values above 0 (a list of zeros says
    nothing); ties: the newer report first, then the one indexed first."""
    known = facets()
    rows = []
    for key in MAIN_FACETS:
        values = facetarrays.array(reader, facet_field(key))
        chosen = np.flatnonzero(live & (values > 0))  # NaN (not stated) compares False
        years = facetarrays.known_years(reader)[chosen]
        top = chosen[np.lexsort((chosen, -years, -values[chosen]))][:TOP]
        facet = known[key]
        listed = [{**docs(int(n)), "value": tidy(values[n])} for n in top]
        rows.append({"key": key, "label": facet.label, "unit": facet.unit, "reports": listed})
    return rows


# -- extraction coverage --------------------------------------------------------------------


def _coverage(reader, live: np.ndarray) -> dict:
    """How many facets extraction read per report, in BUCKETS, and how many reports have warnings."""
    read = _facets_read(reader)[live]
    buckets = []
    for low, high in BUCKETS:
        inside = (read >= low) & (read <= (high if high is not None else np.inf))
        buckets.append({"min": low, "max": high, "count": int(inside.sum())})
    warned = int((facetarrays.array(reader, "warning_count")[live] > 0).sum())
    total = int(live.sum())
    return {
        "buckets": buckets,
        "median": tidy(np.median(read)) if total else None,
        "with_warnings": warned,
        "warning_share": round(warned / total, 4) if total else None,
    }


def _facets_read(reader) -> np.ndarray:
    """For every document of ``reader``, how many read (not derived) facets it holds a value of."""
    leaves = [leaf for leaf, _ in reader.leaf_readers() if leaf.segment() is not None]
    if not leaves:
        return np.zeros(0, dtype=np.int32)
    parts = [facetarrays.per_segment(leaf, "overview:facets-read", _segment_read) for leaf in leaves]
    return parts[0] if len(parts) == 1 else np.concatenate(parts)


def _segment_read(leaf) -> np.ndarray:
    count = np.zeros(leaf.doc_count_all(), dtype=np.int32)
    for key, facet in facets().items():
        if facet.kind in READ_KINDS and leaf.has_column(facet_field(key)):
            count += stated(leaf, facet_field(key))
    count.flags.writeable = False
    return count


def stated(leaf, fieldname: str) -> np.ndarray:
    """Which documents of one segment hold a value (not NaN) in a facet column."""
    return ~np.isnan(facetarrays.numeric_values(leaf, fieldname))


# -- copied text ----------------------------------------------------------------------------


def _similarity(searcher, folder: Path, docs: _Describer) -> dict | None:
    """The largest clusters of reports sharing a section (None: the index has no copied-text file)."""
    similarity = open_similarity(folder)
    if similarity is None:
        return None
    with similarity:
        pairs = similarity.pairs(min_similarity=CLUSTER_MIN)
    alive: dict[str, int | None] = {}
    for a, b, _, _ in pairs:
        for rid in (a, b):
            if rid not in alive:
                alive[rid] = docs.docnum(rid)
    kept = [p for p in pairs if alive[p[0]] is not None and alive[p[1]] is not None]
    clusters = clusters_of(kept)
    listed = [_cluster(c, alive, docs) for c in clusters[:CLUSTERS]]
    return {"min_similarity": CLUSTER_MIN, "pairs": len(kept), "clusters_total": len(clusters),
            "clusters": listed}  # fmt: skip


def clusters_of(pairs: list[tuple[str, str, str, float]]) -> list[dict]:
    """Connected components of the pairs, section by section: the largest first, then the most
    similar, then by section and first report.

    >>> found = clusters_of([("a", "b", "问题改进", 0.95), ("b", "c", "问题改进", 0.9), ("a", "b", "总体情况", 1.0)])
    >>> [(c["section"], c["reports"], c["highest"]) for c in found]
    [('问题改进', ['a', 'b', 'c'], 0.95), ('总体情况', ['a', 'b'], 1.0)]
    """
    parent: dict[tuple[str, str], tuple[str, str]] = {}

    def root(node: tuple[str, str]) -> tuple[str, str]:
        parent.setdefault(node, node)
        while parent[node] != node:
            parent[node] = parent[parent[node]]  # halve the path as we go
            node = parent[node]
        return node

    for a, b, section, _ in pairs:
        ra, rb = root((section, a)), root((section, b))
        if ra != rb:
            parent[max(ra, rb)] = min(ra, rb)
    groups: dict[tuple[str, str], dict] = {}
    for a, _, section, figure in pairs:
        group = groups.setdefault(root((section, a)), {"section": section, "reports": [], "highest": 0.0})
        group["highest"] = max(group["highest"], figure)
    for node in parent:
        groups[root(node)]["reports"].append(node[1])
    found = [{**g, "reports": sorted(g["reports"])} for g in groups.values()]
    return sorted(found, key=lambda g: (-len(g["reports"]), -g["highest"], g["section"], g["reports"][0]))


def _cluster(cluster: dict, alive: dict[str, int | None], docs: _Describer) -> dict:
    """A cluster for the page: its newest reports first (ties by id), at most CLUSTER_LISTED."""
    newest = sorted(cluster["reports"], key=lambda rid: (-docs.years[alive[rid]], rid))
    members = [docs(alive[rid]) for rid in newest[:CLUSTER_LISTED]]
    return {"section": cluster["section"], "size": len(cluster["reports"]), "highest": cluster["highest"],
            "reports": members}  # fmt: skip
