"""``search``: one function from query text to the JSON endpoint's object.

The CLI and the web API both call it and only translate its plain-dict answer
(interfaces.md). Sorting: relevance (default), ``year`` / ``-year``, or a
facet key, ascending or with ``-`` descending; reports without that facet
come last either way.
"""

from __future__ import annotations

import json
import math
import time
from dataclasses import dataclass

from whoosh import sorting

from .compile import compile_query
from .errors import NianbaoError
from .highlight import fragments
from .querylang import conditions, parse, scoped_words
from .registry import facets as registry_facets
from .schema import facet_field
from .stats import series_over
from .store import column_text

COUNTED = ("year", "province", "template", "consistent")
MAX_PER_PAGE = 100


class BadRequest(NianbaoError):
    status = 400

    def __init__(self, code: str, message: str):
        super().__init__(message)
        self.code = code


@dataclass(frozen=True)
class Sort:
    kind: str  # "relevance", "year" or "facet"
    key: str | None = None
    descending: bool = True

    @classmethod
    def parse(cls, text: str | None) -> Sort:
        text = (text or "relevance").strip()
        descending = text.startswith("-")
        name = text.lstrip("-+")
        if name in ("", "relevance", "score"):
            return cls("relevance")
        if name == "year":
            return cls("year", descending=descending)
        if name in registry_facets():
            return cls("facet", name, descending)
        raise BadRequest("bad_sort", f"unknown sort {text!r}: use relevance, year, -year or a facet key")


@dataclass(frozen=True)
class Outcome:
    """A search's answer (the JSON endpoint's object) and what a page shows beside it."""

    answer: dict
    named: list[str]  # facet keys the query's conditions name, in the order typed
    chart: dict | None = None  # the chart facet's series over every hit (``stats.series_over``)


def search(ix, text: str, page: int = 1, per_page: int = 20, sort: str | None = None) -> dict:
    """Run a query; raises QueryError (with position) or BadRequest on bad input."""
    return run_search(ix, text, page, per_page, sort).answer


def run_search(ix, text: str, page: int = 1, per_page: int = 20, sort: str | None = None,
               chart: str | None = None) -> Outcome:
    """``search``, plus the series of the facet ``chart`` over the same hits in the same pass."""
    started = time.perf_counter()
    node = parse(text)
    order = Sort.parse(sort)
    page, per_page = _paging(page, per_page)
    query = compile_query(node)
    named = list(dict.fromkeys(c.facet for c in conditions(node)))
    words = scoped_words(node)
    with ix.searcher() as searcher:
        facets = [sorting.FieldFacet(name, allow_overlap=False) for name in COUNTED]
        groupedby = dict(zip(COUNTED, facets, strict=True))
        sortedby = sorting.FieldFacet("year", reverse=order.descending) if order.kind == "year" else None
        results = searcher.search(query, limit=None, groupedby=groupedby, sortedby=sortedby)
        docnums = _ordered(searcher, results, order)
        chosen = docnums[(page - 1) * per_page : page * per_page]
        scores = {docnum: score for score, docnum in results.top_n} if order.kind == "relevance" else {}
        hits = [_hit(searcher.stored_fields(n), scores.get(n), named, words) for n in chosen]
        counts = {name: _counts(results.groups(name)) for name in COUNTED}
        series = series_over(searcher, docnums, chart) if chart and docnums else None
    answer = {
        "query": text,
        "parsed": node.normal(),
        "total": len(docnums),
        "page": page,
        "per_page": per_page,
        "sort": sort or "relevance",
        "took_ms": round((time.perf_counter() - started) * 1000, 1),
        "results": hits,
        "facet_counts": counts,
    }
    return Outcome(answer, named, series)


def _paging(page: int, per_page: int) -> tuple[int, int]:
    if page < 1:
        raise BadRequest("bad_page", "page must be 1 or more")
    if not 1 <= per_page <= MAX_PER_PAGE:
        raise BadRequest("bad_per_page", f"per_page must be between 1 and {MAX_PER_PAGE}")
    return page, per_page


def _ordered(searcher, results, order: Sort) -> list[int]:
    docnums = [docnum for _, docnum in results.top_n]
    if order.kind != "facet" or not docnums:
        return docnums
    column = searcher.reader().column_reader(facet_field(order.key))
    sign = -1 if order.descending else 1

    def key(n: int) -> tuple[bool, float]:
        value = column[n]
        return (math.isnan(value), sign * value if not math.isnan(value) else 0.0)

    return sorted(docnums, key=key)


def _hit(stored: dict, score: float | None, named: list[str], words: dict) -> dict:
    record = json.loads(stored["record"])
    values = record["facets"]
    return {
        "id": record["id"],
        "title": record["title"],
        "agency": record["agency"],
        "region": record["region"],
        "year": record["year"],
        "template": record["template"],
        "published": record["published"],
        "source": record["source"],
        "score": round(score, 4) if score is not None else None,
        "facets": {k: values[k] for k in named if k in values},
        "highlights": fragments(record["sections"], words),
        "url": f"/reports/{record['id']}",
    }


def _counts(groups: dict) -> dict[str, int]:
    counted = {str(k): len(v) for k, v in groups.items() if k not in (None, "")}
    return dict(sorted(counted.items(), key=lambda kv: (-kv[1], kv[0])))


def ordered_docnums(searcher, query, order: Sort) -> list[int]:
    """Every document a compiled query matches, in the requested order."""
    sortedby = sorting.FieldFacet("year", reverse=order.descending) if order.kind == "year" else None
    return _ordered(searcher, searcher.search(query, limit=None, sortedby=sortedby), order)


def search_ids(ix, text: str, sort: str | None = None) -> list[str]:
    """The ids of every report a query matches, in the requested order."""
    query = compile_query(parse(text))
    order = Sort.parse(sort)
    with ix.searcher() as searcher:
        docnums = ordered_docnums(searcher, query, order)
        if not docnums:
            return []
        ids = searcher.reader().column_reader("id")
        return [column_text(ids[n]) for n in docnums]



def get_report(ix, report_id: str) -> dict | None:
    """The extraction record of one report, or None."""
    with ix.searcher() as searcher:
        stored = searcher.document(id=report_id)
    return json.loads(stored["record"]) if stored else None
