"""Aggregates over a result set: a facet's values by year and by province, an
agency's reports over the years. Plain data for the web page's charts and
tables (and any script)."""

from __future__ import annotations

import json
import math

import numpy as np
from whoosh import query as wq

from . import arraymatch, facetarrays
from .compile import compile_query
from .extract.numbers import tidy
from .querylang import parse
from .registry import is_ratio
from .schema import facet_field


def _group(keys: np.ndarray, values: np.ndarray, summed: bool = True) -> list[dict]:
    """Count, sum and median of ``values`` per key (``keys`` alike in length); no sum where
    adding the values means nothing (``summed`` False: a percentage such as 公开率 or a 同比
    change). Sorted once by key and value, each group is a slice: its sum exactly rounded
    (``math.fsum``), its median the middle value or the mean of the middle two."""
    order = np.lexsort((values, keys))
    keys, values = keys[order], values[order]
    groups, starts, counts = np.unique(keys, return_index=True, return_counts=True)
    found = []
    for key, start, count in zip(groups.tolist(), starts.tolist(), counts.tolist(), strict=True):
        run = values[start : start + count].tolist()
        half = count // 2
        median = run[half] if count % 2 else (run[half - 1] + run[half]) / 2
        found.append(
            {
                "key": key,
                "reports": count,
                "sum": tidy(math.fsum(run)) if summed else None,
                "median": tidy(median),
            }
        )
    return found


def facet_series(ix, text: str, key: str, timeout: float | None = None) -> dict:
    """A facet over the reports a query matches: count, sum and median per year and per province.

    Reports that do not state the facet are counted in ``absent`` and left out of
    the sums and medians (absent is not 0). ``timeout`` as ``search`` has it.
    """
    from .search import Deadline  # search imports this module for series_over

    deadline = Deadline(timeout)
    query = compile_query(parse(text))
    with ix.searcher() as searcher:
        return series_over(searcher, arraymatch.hits(searcher, query, deadline).ids, key)


def series_over(searcher, docnums: np.ndarray, key: str) -> dict:
    """``facet_series`` over documents already found (the search page reuses its own hits)."""
    if not len(docnums):
        return {"facet": key, "reports": 0, "absent": 0, "by_year": [], "by_province": []}
    reader = searcher.reader()
    hits = np.asarray(docnums, dtype=np.int64)
    values = facetarrays.array(reader, facet_field(key))[hits]
    present = ~np.isnan(values)
    years = facetarrays.known_years(reader)[hits]
    provinces = facetarrays.array(reader, "province")[hits]
    summed = not is_ratio(key)
    dated, placed = present & (years != 0), present & (provinces >= 0)
    by_year = _group(years[dated], values[dated], summed)
    by_province = [
        {**group, "key": facetarrays.name_of(group["key"])}
        for group in _group(provinces[placed].astype(np.int64), values[placed], summed)
    ]
    return {
        "facet": key,
        "reports": int(present.sum()),
        "absent": int(len(hits) - present.sum()),
        "by_year": sorted(by_year, key=lambda g: g["key"]),
        "by_province": sorted(by_province, key=lambda g: (-(g["sum"] if summed else g["median"]), g["key"])),
    }


def agency_reports(ix, agency: str, key: str | None = None) -> list[dict]:
    """Every indexed report of one agency, oldest year first: by its normalised ``key``
    (``extract.agencykey``: every name it prints) where there is one, else by the exact name."""
    if not (key or agency):
        return []
    term = wq.Term("body_key", key) if key else wq.Term("agency_key", agency)
    with ix.searcher() as searcher:
        hits = searcher.search(term, limit=None)
        found = [json.loads(hit["record"]) for hit in hits]
    return sorted(
        ({"id": r["id"], "year": r["year"], "title": r["title"]} for r in found),
        key=lambda r: (r["year"] is None, r["year"] or 0, r["id"]),
    )
