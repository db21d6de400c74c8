"""The agency page (``/agencies/<key>``) and its JSON (``/api/agencies/<key>``).

Both call ``indexer.agencies``: the body's reports over the years, its main facets as a
chart and a table, the checks each report failed, and two of its reports compared side by
side.  The page compares the two latest reports unless ``a`` and ``b`` name others; the API
compares only when asked (``a`` and ``b`` both given), since the texts make the answer long.
"""

from __future__ import annotations

from flask import jsonify, render_template, request

from indexer.agencies import MAIN_FACETS, agency_history, by_year, check_pair, compare, segments
from indexer.numberfmt import facet_value

from . import api, charts, get_index
from .pages import bp

DEFAULT_CHART = "申请.新收"


def _pair(history: dict, a: str, b: str) -> tuple[str, str] | None:
    """The two report ids to compare: those asked for, else the two latest (None: fewer than two)."""
    if a or b:
        return a, b
    reports = history["reports"]
    return (reports[-2]["id"], reports[-1]["id"]) if len(reports) > 1 else None


def _chart_key(history: dict) -> str:
    """The facet charted: ``chart=`` when it is a main facet, else 新收 or the first one stated."""
    asked = request.args.get("chart", "")
    if asked in MAIN_FACETS:
        return asked
    stated = [row["key"] for row in history["facets"] if any(v is not None for v in row["values"])]
    return DEFAULT_CHART if DEFAULT_CHART in stated or not stated else stated[0]


def history_bars(row: dict, years: list[int | None]) -> str:
    """The facet's value in each year as bars; a year of several reports shows their sum.

    Drawn with the charts module's pieces (which escape every text) so it looks like the
    search page's chart, without that chart's medians: one body has one value a year.
    """
    groups = by_year(row, years)
    absent = sum(v is None for v in row["values"])
    title = f"{row['key']}：各年度数值（{row['unit']}）"
    if not groups:
        return charts._empty(title, absent)
    top, plot_h, left = 24.0, 170.0, 24.0
    slot = (charts.WIDTH - 2 * left) / len(groups)
    bar = min(56.0, slot * 0.6)
    lo, hi = charts._span([g["sum"] for g in groups])

    def y(v: float) -> float:
        return top + (hi - v) / (hi - lo) * plot_h

    parts = [charts._open(top + plot_h + 44, title)]
    for i, g in enumerate(groups):
        cx = left + slot * i + slot / 2
        y0, y1 = sorted((y(0), y(g["sum"])))
        shown = facet_value(row["key"], g["sum"])
        tip = f"{g['key']}年：{shown} {row['unit']}" + (
            f"（{g['reports']} 份报告合计）" if g["reports"] > 1 else ""
        )
        parts.append(charts._rect(cx - bar / 2, y0, bar, y1 - y0, tip))
        parts.append(charts._text(cx, y0 - 6, shown, anchor="middle"))
        parts.append(charts._text(cx, top + plot_h + 18, f"{g['key']}", anchor="middle"))
    if absent:
        note = f"另有 {absent} 份报告未载明此项"
        parts.append(
            charts._text(
                charts.WIDTH - left, top + plot_h + 38, note, anchor="end", fill=charts.MUTED, size=11
            )
        )
    return "".join(parts) + "</svg>"


@bp.get("/agencies/<key>")
def agency_page(key: str):
    """One body over the years: chart, table, checks and a comparison of two reports."""
    ix = get_index()
    history = agency_history(ix, key)
    pair = _pair(history, request.args.get("a", "").strip(), request.args.get("b", "").strip())
    comparison = None
    if pair:
        check_pair(history, *pair)
        comparison = compare(ix, *pair)
        for section in comparison["sections"]:
            for side in ("a", "b"):
                section[side]["pieces"] = segments(section[side]["text"], section[side]["shared"])
    chart_key = _chart_key(history)
    row = next(r for r in history["facets"] if r["key"] == chart_key)
    years = [r["year"] for r in history["reports"]]
    return render_template(
        "agency.html",
        h=history,
        chart_key=chart_key,
        chart=history_bars(row, years),
        comparison=comparison,
        pair=pair,
    )


@api.bp.get("/agencies/<key>")
def agency_json(key: str):
    """The body's history; with ``a`` and ``b`` (two of its report ids) their comparison too."""
    ix = get_index()
    history = agency_history(ix, key)
    a, b = request.args.get("a", "").strip(), request.args.get("b", "").strip()
    comparison = None
    if a or b:
        check_pair(history, a, b)
        comparison = compare(ix, a, b)
    return jsonify({**history, "comparison": comparison})
