"""HTML pages: the search page (this module), the browse view (``browse``), the report page and
its original file (``reports``) and the exports (``exports``), all on one blueprint.

Every route calls one library function (``run_search``, ``browse``,
``get_report``, ``records``) and renders its plain data; all page state
lives in the URL so a search can be shared as a link (``state``).
"""

from __future__ import annotations

import re
from dataclasses import replace
from functools import lru_cache

from flask import Blueprint, current_app, redirect, render_template, request, url_for

from indexer.errors import NianbaoError
from indexer.extract import templates as official
from indexer.querylang import QueryError
from indexer.registry import TEMPLATE_NAMES, facets, is_ratio
from indexer.search import LIMIT_CODES, BadRequest, SearchTimeout, run_search
from indexer.store import IndexMissing

from . import charts, get_index
from .params import BadParameter, int_arg
from .state import State, refine, sidebar

bp = Blueprint("pages", __name__)

OPS = (">", ">=", "<", "<=", "=", "!=")
PER_PAGE_CHOICES = (10, 20, 50, 100)
EXAMPLES = (
    ("行政处罚 > 10 in 2020", "2020 年作出行政处罚决定超过 10 件的报告"),
    ("问题:人手不足", "“存在的主要问题”一节提到人手不足"),
    ("采购金额 > 50万 地区:重庆", "重庆的机关中政府集中采购总金额超过 50 万元"),
    ("申请.新收 >= 5 AND NOT 模板:2019", "新收申请不少于 5 件、且不是 2019 版模板"),
    ('"政府信息公开" in 2019-2021', "2019—2021 年的报告中出现这个词组"),
    ("勾稽:不符", "自身表格合计对不上（勾稽关系不符）的报告"),
)


def _chart_arg() -> str:
    """The facet ``chart=`` names (a key or an alias), or "" when it names none we know."""
    name = request.args.get("chart", "").strip()
    aliases = {alias: f.key for f in facets().values() for alias in f.aliases}
    key = name if name in facets() else aliases.get(name, "")
    return "" if is_ratio(key) else key  # a chart sums values: a sum of ratios means nothing


def _state() -> State:
    args = request.args
    return State(
        q=args.get("q", "").strip(),
        page=int_arg("page", 1),
        per_page=int_arg("per_page", 20),
        sort=args.get("sort", "").strip() or "relevance",
        chart=_chart_arg(),
    )


@bp.get("/search")
@bp.get("/search/")
def search_alias():
    """``/search?q=…`` is what people type: the same search at its canonical address."""
    query = request.query_string.decode("latin-1")
    return redirect(url_for("pages.search_page") + (f"?{query}" if query else ""), code=302)


@bp.get("/")
def search_page():
    """The search page; the numeric-condition builder's fields are folded into q first.

    A query the language cannot read is a normal answer of this page (200), shown
    beside the box with its position and fixes; the JSON API answers it with 400.
    An empty box sent (``/?q=``) opens the browse view: all reports, not a dead end.
    """
    if "b_facet" in request.args:
        return _fold_builder()
    if "q" in request.args and not request.args["q"].strip():
        return redirect(url_for("pages.browse_page"), code=303)
    try:
        state = _state()
    except BadParameter as err:
        return _render_search(State(q=request.args.get("q", "")), error=_error_view(err, ""))
    if not state.q:
        return _render_search(state, doc_count=_doc_count())
    try:
        outcome = run_search(get_index(), state.q, state.page, state.per_page, state.sort,
                             chart=state.chart_key, timeout=current_app.config["SEARCH_TIMEOUT"])  # fmt: skip
    except (QueryError, BadRequest, SearchTimeout) as err:
        status = 400 if err.code in LIMIT_CODES else 200
        return _render_search(state, status, error=_error_view(err, state.q))
    found = outcome.answer
    chart = _charts(state.chart_key, outcome.chart) if outcome.chart else None
    pager = _pager(found["page"], -(-found["total"] // found["per_page"]))
    groups = sidebar(state, found["facet_counts"])
    return _render_search(state, found=found, named=outcome.named, chart=chart, pager=pager, groups=groups)


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
        facet_groups=facet_groups(),
        chart_groups=[(name, group) for name, group in facet_groups() if not any(f.derived for f in group)],
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


_ERROR_TITLES = {
    "query_too_long": "查询超出限制", "too_many_terms": "查询超出限制", "too_deep": "查询超出限制",
    "page_too_large": "参数超出限制", "search_too_slow": "检索超时",
}  # fmt: skip
_ECHO = 40  # characters of the query shown after the error's place


def _error_view(err: NianbaoError, q: str) -> dict:
    """The error as the page shows it: the Chinese message, the query split around the wrong
    part, and the suggested fixes as links."""
    view = {**err.to_dict(), "message_zh": err.message_zh, "title": _ERROR_TITLES.get(err.code)}
    pos, wrong = view["position"], _wrong(err, q)
    if pos is not None and 0 <= pos <= len(q):
        end = pos + max(len(wrong), 1)
        rest = q[end:] if len(q) - end <= _ECHO else q[end : end + _ECHO] + "…"  # a huge query: not twice
        view["parts"] = (q[:pos], q[pos:end] or " ", rest)
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
def facet_groups() -> list[tuple[str, list]]:
    """Registry facets grouped for a <select>: the report's sections, then applicant columns.

    Built once: the registry does not change while the app runs.
    """
    groups: dict[str, list] = {
        "二、主动公开": [], "三、依申请公开（总计）": [], "三、依申请公开（按申请人）": [], "四、复议诉讼": [],
        "比率（由上列数字算出）": [],
    }  # fmt: skip
    columns = {c.suffix for c in official.APPLICANT_COLUMNS if c.suffix}
    for f in facets().values():
        if f.derived:
            name = "比率（由上列数字算出）"
        elif f.key.startswith("申请."):
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
