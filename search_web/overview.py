"""The corpus overview page (``/overview``) and its JSON (``/api/overview``).

Both call ``indexer.overview.overview``: reports by year, province, level and template, check
failure rates, the largest values of the main facets, extraction coverage and copied-text
clusters.  Every count on the page links to the search that narrows to it; the charts are SVG
drawn here from the charts module's pieces (which escape every text), each bar a link.
"""

from __future__ import annotations

from html import escape
from typing import NamedTuple

from flask import current_app, jsonify, render_template, url_for

from indexer.numberfmt import facet_value, plain
from indexer.overview import overview

from . import api, charts, get_index
from .pages import bp


class Bar(NamedTuple):
    label: str  # under or beside the bar
    value: float  # its length
    text: str  # the number written at its end
    href: str | None  # where clicking it leads
    tip: str  # the tooltip


def search_url(condition: str, sort: str | None = None) -> str:
    """The search page for one condition (``in 2020``, ``地区:重庆市``…)."""
    return url_for("pages.search_page", q=condition, **({"sort": sort} if sort else {}))


def percent(rate: float | None) -> str:
    """``0.1234`` → ``12.3%``; no rate (nothing checked) → ``—``."""
    return "—" if rate is None else plain(rate * 100, 1) + "%"


def _linked(href: str | None, body: str) -> str:
    return f'<a href="{escape(href)}" class="bar-link">{body}</a>' if href else body


def column_bars(title: str, bars: list[Bar]) -> str:
    """Vertical bars, one per item in the order given (years oldest first, coverage buckets)."""
    if not bars:
        return charts._empty(title, 0)
    top, plot_h, left = 24.0, 160.0, 24.0
    slot = (charts.WIDTH - 2 * left) / len(bars)
    width = min(56.0, slot * 0.7)
    lo, hi = charts._span([b.value for b in bars])

    def y(v: float) -> float:
        return top + (hi - v) / (hi - lo) * plot_h

    parts = [charts._open(top + plot_h + 28, title)]
    for i, bar in enumerate(bars):
        cx = left + slot * i + slot / 2
        y0, y1 = sorted((y(0), y(bar.value)))
        body = charts._rect(cx - width / 2, y0, width, max(y1 - y0, 0.5), bar.tip)
        body += charts._text(cx, y0 - 6, bar.text, anchor="middle")
        body += charts._text(cx, top + plot_h + 18, bar.label, anchor="middle")
        parts.append(_linked(bar.href, body))
    return "".join(parts) + "</svg>"


def row_bars(title: str, bars: list[Bar], hi: float | None = None) -> str:
    """Horizontal bars, one row per item (provinces most first, levels, templates, check rates);
    ``hi`` fixes the scale's end (1 for rates), else the largest value sets it."""
    if not bars:
        return charts._empty(title, 0)
    row, top, right = 24.0, 10.0, 120.0
    label_w = min(220.0, max(60.0, 12.0 * max(len(b.label) for b in bars) + 16))  # 12 px a character
    lo, top_value = charts._span([b.value for b in bars] + ([hi] if hi else []))
    plot_w = charts.WIDTH - label_w - right

    def x(v: float) -> float:
        return label_w + (v - lo) / (top_value - lo) * plot_w

    parts = [charts._open(top + row * len(bars) + 8, title)]
    for i, bar in enumerate(bars):
        y = top + row * i
        x0, x1 = sorted((x(0), x(bar.value)))
        body = charts._text(label_w - 8, y + 15, bar.label, anchor="end")
        body += charts._rect(x0, y + 3, max(x1 - x0, 0.5), row - 8, bar.tip)
        body += charts._text(x1 + 6, y + 15, bar.text)
        parts.append(_linked(bar.href, body))
    return "".join(parts) + "</svg>"


def bucket_label(bucket: dict) -> str:
    """``{"min": 10, "max": 49}`` → ``10–49``; ``{"min": 0, "max": 0}`` → ``0``; no max → ``100+``."""
    if bucket["max"] is None:
        return f"{bucket['min']}+"
    return str(bucket["min"]) if bucket["min"] == bucket["max"] else f"{bucket['min']}–{bucket['max']}"


def _count_bars(items: list[dict], condition: str, named: bool = False) -> list[Bar]:
    """A bar per counted value, linked to the search ``condition`` + value (``地区:`` + 重庆市)."""
    bars = []
    for item in items:
        label = item["name"] if named else str(item["value"])
        href = search_url(f"{condition}{item['value']}")
        bars.append(Bar(label, item["count"], str(item["count"]), href, f"{label}：{item['count']} 份报告"))
    return bars


def _check_bars(o: dict) -> list[Bar]:
    """Each check's failure rate, the tables' own sums (勾稽) last; each bar leads to the failures."""
    bars = []
    for c in o["checks"]:
        tip = f"{c['rule']}：{c['description']}；{c['ran']} 份报告做了这项检查，{c['failed']} 份未通过"
        text = f"{percent(c['rate'])}（{c['failed']}/{c['ran']}）"
        bars.append(Bar(c["rule"], c["rate"] or 0, text, search_url(f"检查:{c['rule']}"), tip))
    t = o["consistency"]
    tip = f"{t['checked']} 份报告可核对表内合计，{t['failed']} 份不符"
    text = f"{percent(t['rate'])}（{t['failed']}/{t['checked']}）"
    return [*bars, Bar("勾稽（表内合计）", t["rate"] or 0, text, search_url("勾稽:不符"), tip)]


def _charts(o: dict) -> dict[str, str]:
    """The overview's SVG charts, each bar linked to its search (coverage has no search to link)."""
    coverage = [
        Bar(
            bucket_label(b),
            b["count"],
            str(b["count"]),
            None,
            f"读出 {bucket_label(b)} 项指标：{b['count']} 份报告",
        )
        for b in o["coverage"]["buckets"]
    ]
    return {
        "years": column_bars("各年度报告数", _count_bars(o["years"], "in ")),
        "provinces": row_bars("各省份报告数", _count_bars(o["provinces"], "地区:")),
        "levels": row_bars("各级别报告数", _count_bars(o["levels"], "级别:")),
        "templates": row_bars("各模板报告数", _count_bars(o["templates"], "模板:", named=True)),
        "checks": row_bars("各项检查的未通过率", _check_bars(o), hi=1.0),
        "coverage": column_bars("每份报告读出的指标数", coverage),
    }


def _maxima_links(o: dict) -> list[dict]:
    """Each main facet's list with, per report, the search for reports at least as large."""
    lists = []
    for row in o["maxima"]:
        key = row["key"]
        reports = [
            {**r, "shown": facet_value(key, r["value"]),
             "search": search_url(f"{key} >= {r['value']}", sort=f"-{key}")}
            for r in row["reports"]
        ]  # fmt: skip
        lists.append({**row, "reports": reports, "search": search_url(f"{key} > 0", sort=f"-{key}")})
    return lists


def _overview():
    return overview(get_index(), current_app.config["INDEX_DIR"])


@bp.get("/overview")
def overview_page():
    """What the index holds, counted and charted; each count a link to its search."""
    o = _overview()
    return render_template(
        "overview.html",
        o=o,
        charts=_charts(o),
        maxima=_maxima_links(o),
        search_url=search_url,
        percent=percent,
        bucket_label=bucket_label,
    )


@api.bp.get("/overview")
def overview_json():
    """The overview as plain data (the page's numbers, without its links and charts)."""
    return jsonify(_overview())
