"""Small SVG charts of a facet over a result set: data in, SVG text out.

Pure functions, no Flask, so they are tested with literal data. The SVG uses
presentation attributes only (``fill=``, ``stroke=``), never ``style=``: the
page's Content-Security-Policy forbids inline styles. Every piece of text is
passed through ``html.escape`` because the SVG is inserted into the page as is.
Values shown (sums, medians) are rounded for people by ``indexer.numberfmt``:
money to at most 4 decimals of 万元, counts whole (a median may keep a half).
"""

from __future__ import annotations

from html import escape

from indexer.numberfmt import statistic

BAR = "#3d6fa6"
MEDIAN = "#d9822b"
INK = "#2b2b2b"
MUTED = "#6b6b6b"
AXIS = "#b5b5b5"
FONT = "system-ui, PingFang SC, Microsoft YaHei, Noto Sans CJK SC, sans-serif"
WIDTH = 640


def number(value: float) -> str:
    """A coordinate or size as SVG text: ``12.0`` → ``12``, ``58.9484`` → ``58.9484``."""
    value = round(float(value), 6)
    return str(int(value)) if value.is_integer() else repr(value)


def _c(value: float) -> str:
    """A coordinate, to one decimal."""
    return number(round(value, 1))


def _text(x: float, y: float, text: str, *, anchor: str = "start", fill: str = INK, size: int = 12) -> str:
    return (
        f'<text x="{_c(x)}" y="{_c(y)}" text-anchor="{anchor}" font-size="{size}" fill="{fill}">'
        f"{escape(str(text))}</text>"
    )


def _rect(x: float, y: float, w: float, h: float, tip: str) -> str:
    """A bar, with its numbers as a tooltip."""
    return (
        f'<rect x="{_c(x)}" y="{_c(y)}" width="{_c(w)}" height="{_c(h)}" fill="{BAR}">'
        f"<title>{escape(tip)}</title></rect>"
    )


def _open(height: float, title: str) -> str:
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" class="chart" role="img" viewBox="0 0 {WIDTH} {_c(height)}" '
        f'font-family="{escape(FONT)}"><title>{escape(title)}</title>'
    )


def _span(values: list[float]) -> tuple[float, float]:
    """The value range a chart covers: always includes 0, never empty."""
    lo, hi = min([0.0, *values]), max([0.0, *values])
    return (lo, hi) if hi > lo else (lo, lo + 1)


def _absent_note(absent: int) -> str:
    return f"另有 {absent} 份报告未载明此项，未计入" if absent else ""


def _empty(title: str, absent: int) -> str:
    note = _absent_note(absent)
    return "".join(
        [_open(60, title), _text(WIDTH / 2, 26, "没有报告载明此项", anchor="middle", fill=MUTED),
         _text(WIDTH / 2, 46, note, anchor="middle", fill=MUTED, size=11) if note else "", "</svg>"]
    )  # fmt: skip


def year_bars(groups: list[dict], key: str, unit: str, absent: int = 0) -> str:
    """Bars of the yearly sum, with the yearly median as dots on a line.

    ``groups``: ``[{"key": 2020, "reports": 3, "sum": 12, "median": 4}, ...]``, oldest first.
    """
    title = f"{key}：各年度合计与中位数（{unit}）"
    if not groups:
        return _empty(title, absent)
    top, plot_h, left = 44.0, 170.0, 24.0
    slot = (WIDTH - 2 * left) / len(groups)
    bar = min(56.0, slot * 0.6)
    lo, hi = _span([g["sum"] for g in groups] + [g["median"] for g in groups])

    def y(v: float) -> float:
        return top + (hi - v) / (hi - lo) * plot_h

    parts = [_open(top + plot_h + 64, title), _legend(left)]
    parts.append(
        f'<line x1="{_c(left)}" y1="{_c(y(0))}" x2="{_c(WIDTH - left)}" y2="{_c(y(0))}" stroke="{AXIS}"/>'
    )
    points = []
    for i, g in enumerate(groups):
        cx = left + slot * i + slot / 2
        y0, y1 = sorted((y(0), y(g["sum"])))
        total, median = statistic(key, g["sum"]), statistic(key, g["median"])
        tip = f"{g['key']}年：合计 {total}，中位数 {median}，{g['reports']} 份报告"
        parts.append(_rect(cx - bar / 2, y0, bar, y1 - y0, tip))
        parts.append(_text(cx, y0 - 8, total, anchor="middle"))
        parts.append(_text(cx, top + plot_h + 18, g["key"], anchor="middle"))
        parts.append(_text(cx, top + plot_h + 34, f"中位数 {median}", anchor="middle", fill=MEDIAN, size=11))
        points.append((cx, y(g["median"])))
    parts.append(_median_line(points))
    note = _absent_note(absent)
    if note:
        parts.append(_text(WIDTH - left, top + plot_h + 56, note, anchor="end", fill=MUTED, size=11))
    return "".join(parts) + "</svg>"


def _legend(left: float) -> str:
    return (
        f'<rect x="{_c(left)}" y="10" width="12" height="12" fill="{BAR}"/>'
        + _text(left + 18, 20, "合计")
        + f'<circle cx="{_c(left + 76)}" cy="16" r="4" fill="{MEDIAN}"/>'
        + _text(left + 86, 20, "中位数（每份报告）")
    )


def _median_line(points: list[tuple[float, float]]) -> str:
    line = " ".join(f"{_c(x)},{_c(y)}" for x, y in points)
    dots = "".join(f'<circle cx="{_c(x)}" cy="{_c(y)}" r="4" fill="{MEDIAN}"/>' for x, y in points)
    path = (
        f'<polyline points="{line}" fill="none" stroke="{MEDIAN}" stroke-width="2"/>'
        if len(points) > 1
        else ""
    )
    return path + dots


def province_bars(groups: list[dict], key: str, unit: str, absent: int = 0) -> str:
    """Horizontal bars of the sum per province, largest first (as ``facet_series`` orders them)."""
    title = f"{key}：各省份合计（{unit}）"
    if not groups:
        return _empty(title, absent)
    row, top, label_w, right = 24.0, 12.0, 132.0, 72.0
    lo, hi = _span([g["sum"] for g in groups])
    plot_w = WIDTH - label_w - right

    def x(v: float) -> float:
        return label_w + (v - lo) / (hi - lo) * plot_w

    note = _absent_note(absent)
    height = top + row * len(groups) + (28 if note else 8)
    parts = [_open(height, title)]
    for i, g in enumerate(groups):
        y = top + row * i
        x0, x1 = sorted((x(0), x(g["sum"])))
        parts.append(_text(label_w - 8, y + 15, g["key"], anchor="end"))
        tip = f"{g['key']}：合计 {statistic(key, g['sum'])}，{g['reports']} 份报告"
        parts.append(_rect(x0, y + 3, x1 - x0, row - 8, tip))
        parts.append(_text(x1 + 6, y + 15, statistic(key, g["sum"])))
    if note:
        parts.append(_text(WIDTH - 8, height - 8, note, anchor="end", fill=MUTED, size=11))
    return "".join(parts) + "</svg>"
