"""HTML pages: the search page, the report page and the exports.

Every route calls one library function (``run_search``, ``get_report``,
``records``) and renders its plain data; all page state
lives in the URL so a search can be shared as a link.
"""

from __future__ import annotations

import re
from dataclasses import asdict, dataclass, replace
from functools import lru_cache

from flask import Blueprint, Response, abort, redirect, render_template, request, url_for

from indexer.errors import NianbaoError
from indexer.export import csv_lines, jsonl_lines, records
from indexer.extract import templates as official
from indexer.models import SECTION_NAMES
from indexer.querylang import Or, QueryError, parse
from indexer.registry import facets
from indexer.search import BadRequest, get_report, run_search
from indexer.stats import agency_reports
from indexer.store import IndexMissing

from . import charts, get_index
from .params import BadParameter, int_arg

bp = Blueprint("pages", __name__)

OPS = (">", ">=", "<", "<=", "=", "!=")
DEFAULT_CHART = "申请.新收"
PER_PAGE_CHOICES = (10, 20, 50, 100)
EXAMPLES = (
    ("行政处罚 > 10 in 2020", "2020 年作出行政处罚决定超过 10 件的报告"),
    ("问题:人手不足", "“存在的主要问题”一节提到人手不足"),
    ("采购金额 > 50万 地区:重庆", "重庆的机关中政府集中采购总金额超过 50 万元"),
    ("申请.新收 >= 5 AND NOT 模板:2019", "新收申请不少于 5 件、且不是 2019 版模板"),
    ('"政府信息公开" in 2019-2021', "2019—2021 年的报告中出现这个词组"),
    ("勾稽:不符", "自身表格合计对不上（勾稽关系不符）的报告"),
)
TEMPLATE_NAMES = {"2019": "2019 版模板", "2021": "2021 版模板", "free": "自由格式（2019 年前）"}


@dataclass(frozen=True)
class State:
    """Everything a search page shows, as read from (and written back to) the URL."""

    q: str = ""
    page: int = 1
    per_page: int = 20
    sort: str = "relevance"
    chart: str = DEFAULT_CHART

    def url(self, **changes) -> str:
        """The canonical URL of this state with ``changes``; defaults are left out."""
        state = replace(self, **changes)
        params = {k: v for k, v in asdict(state).items() if v != getattr(State, k)}
        return url_for("pages.search_page", **params)

    def refine(self, condition: str) -> str:
        """The URL that narrows this search by ``condition`` (and starts again at page 1)."""
        return self.url(q=refine(self.q, condition), page=1)


def refine(q: str, condition: str) -> str:
    """``q`` AND ``condition``; a top-level OR is bracketed so the condition applies to all of it."""
    q = q.strip()
    if not q:
        return condition
    return f"({q}) {condition}" if _is_or(q) else f"{q} {condition}"


@lru_cache(maxsize=64)
def _is_or(q: str) -> bool:
    """Whether a query is an OR at its top (asked once per sidebar link, so cached)."""
    try:
        return isinstance(parse(q), Or)
    except QueryError:
        return False


def _state() -> State:
    args = request.args
    chart = args.get("chart", "").strip()
    return State(
        q=args.get("q", "").strip(),
        page=int_arg("page", 1),
        per_page=int_arg("per_page", 20),
        sort=args.get("sort", "").strip() or "relevance",
        chart=chart if chart in facets() else DEFAULT_CHART,
    )


@bp.get("/")
def search_page():
    """The search page; the numeric-condition builder's fields are folded into q first.

    A query the language cannot read is a normal answer of this page (200), shown
    beside the box with its position and fixes; the JSON API answers it with 400.
    """
    if "b_facet" in request.args:
        return _fold_builder()
    try:
        state = _state()
    except BadParameter as err:
        return _render_search(State(q=request.args.get("q", "")), error=_error_view(err, ""))
    if not state.q:
        return _render_search(state, doc_count=_doc_count())
    try:
        outcome = run_search(get_index(), state.q, state.page, state.per_page, state.sort, chart=state.chart)
    except (QueryError, BadRequest) as err:
        return _render_search(state, error=_error_view(err, state.q))
    found = outcome.answer
    chart = _charts(state.chart, outcome.chart) if outcome.chart else None
    pager = _pager(found["page"], -(-found["total"] // found["per_page"]))
    return _render_search(state, found=found, named=outcome.named, chart=chart, pager=pager)


def _pager(current: int, last: int) -> dict:
    """Page numbers to offer: the first, the last and two either side of the current (None: a gap)."""
    shown = sorted({1, last, *range(max(1, current - 2), min(last, current + 2) + 1)})
    numbers: list[int | None] = []
    for n in shown:
        if numbers and n - (numbers[-1] or 0) > 1:
            numbers.append(None)
        numbers.append(n)
    return {"current": current, "last": last, "numbers": numbers}


def _fold_builder():
    """``q`` + ``b_facet b_op b_value`` → redirect to the canonical URL of the new query."""
    args = request.args
    try:
        state = replace(_state(), page=1)
    except BadParameter as err:
        return _render_search(State(q=args.get("q", "")), error=_error_view(err, ""))
    facet, op, value = (args.get(k, "").strip() for k in ("b_facet", "b_op", "b_value"))
    if facet and value:
        state = replace(state, q=refine(state.q, f"{facet} {op or '>'} {value}"))
    return redirect(state.url(), code=303)


def _render_search(state: State, status: int = 200, **context):
    html = render_template(
        "search.html",
        state=state,
        examples=EXAMPLES,
        ops=OPS,
        facet_groups=_facet_groups(),
        names=_names(),
        registry=facets(),
        per_page_choices=PER_PAGE_CHOICES,
        template_names=TEMPLATE_NAMES,
        **context,
    )
    return html, status


def _doc_count() -> int | None:
    """How many reports the index holds, or None when there is no index yet."""
    try:
        return get_index().doc_count()
    except IndexMissing:
        return None


def _error_view(err: NianbaoError, q: str) -> dict:
    """The error as the page shows it: message, the query split around the wrong part, fixes."""
    view = {**err.to_dict(), "hint": err.hint}
    pos, wrong = view["position"], _wrong(err, q)
    if pos is not None and 0 <= pos <= len(q):
        end = pos + max(len(wrong), 1)
        view["parts"] = (q[:pos], q[pos:end] or " ", q[end:])
    fixed = [q[:pos] + s + q[pos + len(wrong) :] if wrong else None for s in view["suggestions"]]
    view["fixes"] = [
        (s, State(q=f).url() if f else None) for s, f in zip(view["suggestions"], fixed, strict=True)
    ]
    return view


def _wrong(err: NianbaoError, q: str) -> str:
    """The name the error is about, when it stands in the query at the error's position (else "")."""
    pos = getattr(err, "position", None)
    quoted = re.search(r"'([^']+)'", getattr(err, "detail", ""))
    wrong = quoted.group(1).rstrip(":：") if quoted else ""
    return wrong if pos is not None and wrong and q[pos : pos + len(wrong)] == wrong else ""


def _charts(key: str, series: dict) -> dict:
    """The chart facet over the years and the provinces, as SVG strings (escaped by charts.py)."""
    facet = facets()[key]
    return {
        "facet": facet,
        "series": series,
        "by_year": charts.year_bars(series["by_year"], facet.key, facet.unit, series["absent"]),
        "by_province": charts.province_bars(series["by_province"], facet.key, facet.unit, series["absent"]),
    }


@lru_cache(maxsize=1)
def _facet_groups() -> list[tuple[str, list]]:
    """Registry facets grouped for a <select>: the report's sections, then applicant columns.

    Built once: the registry does not change while the app runs.
    """
    groups: dict[str, list] = {
        "二、主动公开": [], "三、依申请公开（总计）": [], "三、依申请公开（按申请人）": [], "四、复议诉讼": [],
    }  # fmt: skip
    columns = {c.suffix for c in official.APPLICANT_COLUMNS if c.suffix}
    for f in facets().values():
        if f.key.startswith("申请."):
            name = (
                "三、依申请公开（按申请人）"
                if f.key.rsplit(".", 1)[-1] in columns
                else "三、依申请公开（总计）"
            )
        elif f.key.startswith(("复议.", "诉讼.")):
            name = "四、复议诉讼"
        else:
            name = "二、主动公开"
        groups[name].append(f)
    return list(groups.items())


@lru_cache(maxsize=1)
def _names() -> list[tuple[str, str]]:
    """Names the query box accepts for facets: aliases first, then canonical keys."""
    aliases = [(a, f.key) for f in facets().values() for a in f.aliases]
    return aliases + [(f.key, f.label) for f in facets().values()]


@bp.get("/reports/<report_id>")
def report_page(report_id: str):
    """One report: metadata, sections, the official tables re-drawn, checks, other years."""
    ix = get_index()
    record = get_report(ix, report_id)
    if record is None:
        abort(404)
    others = [r for r in agency_reports(ix, record.get("agency") or "") if r["id"] != record["id"]]
    checks = sorted(record.get("checks") or [], key=lambda c: c["ok"])
    return render_template(
        "report.html",
        r=record,
        others=others,
        checks=checks,
        section_names=SECTION_NAMES,
        official=official,
        registry=facets(),
        template_names=TEMPLATE_NAMES,
    )


def _export(lines, content_type: str, filename: str):
    """A streamed download; a bad query or sort answers 400 before anything is sent."""
    q, sort = request.args.get("q", "").strip(), request.args.get("sort") or None
    try:
        items = records(get_index(), q, sort)
    except (QueryError, BadRequest) as err:
        return Response(err.message + "\n", status=err.status, content_type="text/plain; charset=utf-8")
    response = Response(lines(items), content_type=content_type)
    response.headers["Content-Disposition"] = f"attachment; filename={filename}"
    return response


@bp.get("/export.csv")
def export_csv():
    """Every hit of q as CSV: UTF-8 with a BOM, one column per facet, empty cells for absent values."""
    return _export(csv_lines, "text/csv; charset=utf-8", "nianbao.csv")


@bp.get("/export.jsonl")
def export_jsonl():
    """Every hit of q as JSON lines: one extraction record per line."""
    return _export(jsonl_lines, "application/x-ndjson; charset=utf-8", "nianbao.jsonl")


@bp.app_template_filter("num")
def format_value(value) -> str:
    """A facet value as the report would print it: ``12``, ``103.9``, ``58.9484``."""
    if isinstance(value, float):
        value = round(value, 6)
        return str(int(value)) if value.is_integer() else repr(value)
    return str(value)


@bp.app_template_filter("region")
def format_region(region: dict | None) -> str:
    """``{"province": "重庆市", "city": None, "county": "荣昌区"}`` → ``重庆市 荣昌区``."""
    parts = [p for p in dict.fromkeys((region or {}).get(k) for k in ("province", "city", "county")) if p]
    return " ".join(parts) or "地区不详"
