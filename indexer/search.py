"""``search``: one function from query text to the JSON endpoint's object.

The CLI and the web API both call it and only translate its plain-dict answer
(interfaces.md). Sorting: relevance (default), ``year`` / ``-year``, or a
facet key, ascending or with ``-`` descending; reports without that facet
come last either way.

A ``timeout`` (seconds) bounds a search: matching, ordering and highlighting
check a ``Deadline`` and give up with ``SearchTimeout`` (a 400 asking for a
narrower query: the same query would be as slow again) rather than hold a
server's worker thread.
"""

from __future__ import annotations

import json
import time
from dataclasses import dataclass
from pathlib import Path

import numpy as np
from whoosh import query as wq

from . import anomalies, arraymatch, facetarrays
from .compile import compile_query
from .errors import NianbaoError
from .extract import content_hash
from .filenames import display_name, real_path
from .highlight import fragments
from .querylang import QueryError, conditions, parse, scoped_words
from .querylang.names import resolve_facet
from .registry import CHECK_RULES
from .schema import facet_field
from .stats import series_over
from .store import Column, column_text, facet_values, failed_rules

COUNTED = ("year", "province", "level", "template", "consistent", "checks", "anomalies")
MAX_PER_PAGE = 100
MAX_PAGE = 10_000  # 10,000 pages of 100 is a million reports: far past any index, and any reader
# Errors that say a request is past a limit (not that it cannot be read): 400 on the page too.
LIMIT_CODES = frozenset(
    {"query_too_long", "too_many_terms", "too_deep", "page_too_large", "search_too_slow", "export_too_large"}
)


class BadRequest(NianbaoError):
    """A parameter beside the query text (page, per_page, sort) that cannot be used."""

    status = 400

    def __init__(self, code: str, message: str, zh: str):
        super().__init__(message, message_zh=zh)
        self.code = code


class OriginalMissing(NianbaoError):
    """The ingested file of a report is gone from disk, or no longer the file that was ingested."""

    status = 404

    def __init__(self, code: str, message: str, zh: str):
        super().__init__(message, message_zh=zh)
        self.code = code


class SearchTimeout(NianbaoError):
    """A search that ran past its time limit; a narrower query is the remedy, not a retry."""

    status = 400

    def __init__(self, seconds: float):
        super().__init__(
            f"the search took longer than {seconds:g} s: narrow it (fewer words, or add a year, "
            "a region or a facet condition)",
            message_zh=f"检索超过 {seconds:g} 秒仍未完成：请缩小范围（减少词语，或加上年度、地区、指标条件）",
        )
        self.code = "search_too_slow"
        self.seconds = seconds


class Deadline:
    """The time a search may take from now (``seconds`` None: no limit)."""

    def __init__(self, seconds: float | None = None):
        self.seconds = seconds
        self.end = None if seconds is None else time.monotonic() + seconds

    def check(self) -> None:
        """Raise SearchTimeout once the time is spent."""
        if self.end is not None and time.monotonic() > self.end:
            raise SearchTimeout(self.seconds)


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
        try:  # a facet as queries name it: its key, an alias (处罚) or the key it starts
            return cls("facet", resolve_facet(name, 0), descending)
        except QueryError:
            pass
        raise BadRequest("bad_sort", f"unknown sort {text!r}: use relevance, year, -year or a facet key",
                         f"未知的排序方式“{text}”：可用 relevance（相关度）、year、-year 或指标名称")  # fmt: skip


@dataclass(frozen=True)
class Outcome:
    """A search's answer (the JSON endpoint's object) and what a page shows beside it."""

    answer: dict
    named: list[str]  # facet keys the query's conditions name, in the order typed
    chart: dict | None = None  # the chart facet's series over every hit (``stats.series_over``)


def search(ix, text: str, page: int = 1, per_page: int = 20, sort: str | None = None,
           timeout: float | None = None) -> dict:  # fmt: skip
    """Run a query; raises QueryError (with position), BadRequest or SearchTimeout."""
    return run_search(ix, text, page, per_page, sort, timeout=timeout).answer


def run_search(
    ix,
    text: str,
    page: int = 1,
    per_page: int = 20,
    sort: str | None = None,
    chart: str | None = None,
    timeout: float | None = None,
) -> Outcome:
    """``search``, plus the series of the facet ``chart`` over the same hits in the same pass."""
    started, deadline = time.perf_counter(), Deadline(timeout)
    node = parse(text)
    order = Sort.parse(sort)
    page, per_page = _paging(page, per_page)
    query = compile_query(node)
    named = list(dict.fromkeys(c.facet for c in conditions(node)))
    words = scoped_words(node)
    with ix.searcher() as searcher:
        found = arraymatch.hits(searcher, query, deadline)
        docnums = found.ids  # counted and charted in any order: only the page is sorted
        chosen = _ordered(searcher.reader(), found, order, page * per_page)[(page - 1) * per_page :]
        scores = _scores_of(found, chosen) if order.kind == "relevance" else {}
        hits, judged = [], anomalies.judgement(searcher.reader())
        for n in chosen:  # highlighting a long report is the slowest step left: checked per hit
            deadline.check()
            hits.append(_hit(searcher.stored_fields(n), scores.get(n), named, words, list(judged.of(n))))
        counts = counted(searcher.reader(), docnums)
        series = series_over(searcher, docnums, chart) if chart and len(docnums) else None
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
        raise BadRequest("bad_page", "page must be 1 or more", "页码 page 应为 1 或更大的整数")
    if page > MAX_PAGE:
        raise BadRequest("page_too_large", f"page must be at most {MAX_PAGE}",
                         f"页码 page 不能超过 {MAX_PAGE}；请缩小检索范围或改用导出")  # fmt: skip
    if not 1 <= per_page <= MAX_PER_PAGE:
        raise BadRequest("bad_per_page", f"per_page must be between 1 and {MAX_PER_PAGE}",
                         f"每页条数 per_page 应在 1 到 {MAX_PER_PAGE} 之间")  # fmt: skip
    return page, per_page


def _ordered(reader, found: arraymatch.Hits, order: Sort, upto: int | None = None) -> list[int]:
    """The hits' document numbers in the requested order, ties by document number; with
    ``upto``, only the first ``upto`` of them (a page's worth, without sorting every hit)."""
    docnums = found.ids
    if not len(docnums):
        return []
    if order.kind == "year":
        # The year column as stored: a report of no known year holds the column's default
        # (the largest number), so it is last going up and first going down, as Whoosh sorted it.
        years = facetarrays.array(reader, "year")[docnums]
        first = -years if order.descending else years
        return _first(docnums, [first], first, upto)
    if order.kind == "relevance":
        # Equal scores (a filter alone scores every hit alike): the newest report first,
        # reports of no known year after them.
        years = facetarrays.known_years(reader)[docnums]
        first = -np.round(found.scores, 6)
        return _first(docnums, [-years, first], first, upto)
    values = facetarrays.array(reader, facet_field(order.key))[docnums]
    absent = np.isnan(values)
    signed = np.where(absent, 0.0, -values if order.descending else values)
    return _first(docnums, [signed, absent], np.where(absent, np.inf, signed), upto)


def _first(docnums: np.ndarray, keys: list[np.ndarray], leading: np.ndarray, upto: int | None) -> list[int]:
    """``docnums`` sorted by ``keys`` (the most significant last, as ``np.lexsort`` takes them)
    and then by number, the first ``upto`` only. ``leading`` orders as the keys do at their
    coarsest: the hits not above its ``upto``-th smallest value cannot be among the first."""
    if upto is not None and upto < len(docnums):
        cut = np.partition(leading, upto - 1)[upto - 1]
        if not np.isnan(cut):  # NaN sorts last: with fewer numbers than ``upto``, keep all
            near = leading <= cut
            docnums, keys = docnums[near], [key[near] for key in keys]
    ordered = docnums[np.lexsort((docnums, *keys))]
    return ordered[:upto].tolist()


def _scores_of(found: arraymatch.Hits, docnums: list[int]) -> dict[int, float]:
    """The scores of ``docnums`` (all among the hits)."""
    at = np.searchsorted(found.ids, docnums)
    return {n: float(found.scores[i]) for n, i in zip(docnums, at.tolist(), strict=True)}


def counted(reader, docnums: np.ndarray | list[int]) -> dict[str, dict[str, int]]:
    """How many of ``docnums`` have each year, province, template, check state and failed
    check (``checks``: by rule), most first."""
    hits = np.asarray(docnums, dtype=np.int64)
    counts = {}
    for name in COUNTED:
        if name == "checks":
            found = _term_counts(reader, hits, "check_failed", CHECK_RULES)
        elif name == "anomalies":
            found = anomalies.judgement(reader).counts(hits)
        elif name == "year":
            years = facetarrays.known_years(reader)[hits]
            found = {str(year): n for year, n in facetarrays.tally(years[years > 0])}
        else:
            codes = facetarrays.array(reader, name)[hits]
            found = {facetarrays.name_of(code): n for code, n in facetarrays.tally(codes[codes >= 0])}
        counts[name] = dict(sorted(found.items(), key=lambda kv: (-kv[1], kv[0])))
    return counts


def _term_counts(reader, hits: np.ndarray, fieldname: str, terms) -> dict[str, int]:
    """Per term (a failed check's rule), how many hits have it: the term's postings (few
    terms) against the hits."""
    chosen = facetarrays.marked(hits, reader.doc_count_all())
    found = {}
    for term in terms:
        number = int(chosen[facetarrays.term_docs(reader, fieldname, term)].sum())
        if number:
            found[term] = number
    return found


def _hit(stored: dict, score: float | None, named: list[str], words: dict, flagged: list[str]) -> dict:
    record = json.loads(stored["record"])
    values = facet_values(record)  # a condition may name a derived facet
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
        "failed_checks": sorted(failed_rules(record.get("findings"))),
        "anomalies": flagged,
        "highlights": fragments(record["sections"], words, record.get("unsectioned", "")),
        "url": f"/reports/{record['id']}",
    }


def ordered_docnums(searcher, query, order: Sort, deadline: Deadline | None = None) -> list[int]:
    """Every document a compiled query matches, in the requested order."""
    return _ordered(searcher.reader(), arraymatch.hits(searcher, query, deadline or Deadline()), order)


def search_ids(ix, text: str, sort: str | None = None, timeout: float | None = None) -> list[str]:
    """The ids of every report a query matches, in the requested order."""
    deadline = Deadline(timeout)
    query = compile_query(parse(text))
    order = Sort.parse(sort)
    with ix.searcher() as searcher:
        docnums = ordered_docnums(searcher, query, order, deadline)
        if not docnums:
            return []
        ids = Column(searcher.reader(), "id")
        return [column_text(ids[n]) for n in docnums]


def get_report(ix, report_id: str) -> dict | None:
    """The extraction record of one report, its 异常 figures as its peer group stands now
    (``anomalies.current``), or None."""
    with ix.searcher() as searcher:
        docnum = searcher.document_number(id=report_id)
        if docnum is None:
            return None
        return anomalies.current(searcher, docnum, json.loads(searcher.stored_fields(docnum)["record"]))


# -- browsing: every report, without a query ----------------------------------------

BROWSE_SORTS = ("-year", "year", "agency", "-agency", "province", "-province")


def browse(ix, page: int = 1, per_page: int = 20, sort: str | None = None) -> dict:
    """Every report, a page at a time, with the counts the search sidebar shows.

    The answer to an empty query, which the query language rejects: a person who
    has typed nothing yet sees what the index holds. ``sort`` is one of
    BROWSE_SORTS (newest year first by default); names sort in GB2312 order (the
    common characters by pinyin, as Chinese software has long sorted them), and
    reports lacking the sorted value come last either way.
    """
    sort = (sort or "-year").strip()
    if sort not in BROWSE_SORTS:
        raise BadRequest("bad_sort", f"unknown sort {sort!r}: use one of {', '.join(BROWSE_SORTS)}",
                         f"未知的排序方式“{sort}”：可用 {'、'.join(BROWSE_SORTS)}")  # fmt: skip
    page, per_page = _paging(page, per_page)
    with ix.searcher() as searcher:
        every = list(searcher.docs_for_query(wq.Every()))
        docnums = _browse_order(searcher.reader(), every, sort)
        chosen = docnums[(page - 1) * per_page : page * per_page]
        judged = anomalies.judgement(searcher.reader())
        hits = [_hit(searcher.stored_fields(n), None, [], {}, list(judged.of(n))) for n in chosen]
        counts = counted(searcher.reader(), every)
    return {"total": len(docnums), "page": page, "per_page": per_page, "sort": sort,
            "results": hits, "facet_counts": counts}  # fmt: skip


def _browse_order(reader, docnums: list[int], sort: str) -> list[int]:
    """``docnums`` by year, agency or province; ties by agency, then newest year first."""
    if not docnums:
        return []
    years = facetarrays.known_years(reader)
    year = {n: int(years[n]) for n in docnums if years[n]}
    agency = {n: _collation(name) for n, name in _agency_names(reader).items()}
    codes = facetarrays.array(reader, "province")
    province = {n: _collation(facetarrays.name_of(int(codes[n]))) for n in docnums if codes[n] >= 0}
    primary = {"year": year, "agency": agency, "province": province}[sort.lstrip("-")]
    ties = sorted(docnums, key=lambda n: (n not in agency, agency.get(n, b""), -year.get(n, 0), n))
    known = [n for n in ties if n in primary]
    unknown = [n for n in ties if n not in primary]
    return sorted(known, key=primary.__getitem__, reverse=sort.startswith("-")) + unknown


def _collation(name: str) -> bytes:
    """A Chinese name's sort key: GB18030 bytes put the 3,755 common characters in pinyin order."""
    return name.encode("gb18030", errors="replace")


def _agency_names(reader) -> dict[int, str]:
    """Document number → agency name, read from the exact-name field's postings (no stored records)."""
    names: dict[int, str] = {}
    for name in reader.field_terms("agency_key"):
        if name:
            for docnum in reader.postings("agency_key", name).all_ids():
                names[docnum] = name
    return names


# -- the original file of a report ---------------------------------------------------


@dataclass(frozen=True)
class Original:
    """The ingested file of a report: where it is, and the name to offer for download."""

    path: Path
    name: str
    format: str


def original_file(ix, report_id: str) -> Original | None:
    """The file a report was ingested from, or None when no report has this id.

    The path comes from the index (the resolved path ingest stored), never from
    the caller, so only ingested files can be served. Raises OriginalMissing
    when the file is gone or its content is no longer what was ingested.
    """
    with ix.searcher() as searcher:
        stored = searcher.document(id=report_id)
    if not stored:
        return None
    path = Path(real_path(stored["path"]))
    shown = display_name(path.name)
    if not path.is_file():
        raise OriginalMissing("file_gone", f"the file of report {report_id} is no longer at {display_name(str(path))}",
                              f"这份报告的原文件已不在原处（{shown}），可能已被移动或删除")  # fmt: skip
    if content_hash(path.read_bytes()) != stored["content_hash"]:
        raise OriginalMissing("file_changed", f"the file of report {report_id} has changed since it was ingested",
                              f"这份报告的原文件（{shown}）在建立索引后已被修改，请重新运行 nianbao ingest")  # fmt: skip
    return Original(path, shown, json.loads(stored["record"])["format"])
