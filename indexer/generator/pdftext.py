"""What a PDF text dump gives when its tables are not detected: the ``pdftext`` form.

Text comes out line by line as it sits on the page.  Paragraphs are hard-wrapped at the page
width.  A table row becomes one space-separated line (``规章 0 0 0``); a cell too wide for its
column wraps over lines, and every cell is centred in its row, so a long label runs over two or
three lines with the row's numbers on the middle one (``（二）部分公开（区分处理`` /
``的，只计这一情形，不计 1 0 0 0 0 0 1`` / ``其他情形）``), a label spanning rows sits
in the middle of its span, and section 四's header takes three or four lines above one line of
fifteen bare numbers.  Column widths are those of the ``pdf`` form; the font size is drawn per
report, so labels wrap at different places.
"""

from __future__ import annotations

import random

from .layout import Block, Cell, grid, heading_text, positions
from .model import SyntheticReport

COLUMN_WIDTHS = {
    "active": None,  # 440 pt shared equally
    "apply": (36, 48, 126) + (38,) * 7,
    "review": (32,) * 15,
    "stats": (200, 70, 90, 90),
}
PAGE_WIDTH = 495  # A4 less the margins, in points
PADDING = 4  # points of a cell's width that hold no text


def _em(ch: str) -> float:
    """Width of a character in ems: CJK and full-width 1, Latin and digits 0.5."""
    return 0.5 if ord(ch) < 0x2000 else 1.0


def wrap(text: str, ems: float) -> list[str]:
    """``text`` broken into lines of at most ``ems`` (explicit line breaks kept)."""
    lines: list[str] = []
    for part in text.split("\n"):
        line, used = "", 0.0
        for ch in part:
            if line and used + _em(ch) > ems:
                lines.append(line)
                line, used = "", 0.0
            line += ch
            used += _em(ch)
        lines.append(line)
    return [line.strip() for line in lines if line.strip()]


def table_lines(rows: list[list[Cell]], widths: tuple[float, ...], size: float, low: bool) -> list[str]:
    """The grid as text lines: each cell wrapped to its column, centred in its rows (``low``
    puts a cell one line lower where it cannot be centred exactly)."""
    placed = positions(rows)
    texts: dict[tuple[int, int], tuple[Cell, list[str]]] = {}
    for r, row in enumerate(placed):
        for c, cell in row:
            if cell.covered or not cell.text.strip():
                continue
            ems = (sum(widths[c : c + cell.colspan]) - PADDING) / size
            # Numbers and amounts do not wrap: their column is wide enough on a real page.
            lines = wrap(cell.text, ems) if cell.header else [" ".join(cell.text.split())]
            texts[r, c] = cell, lines
    height = [1] * len(rows)
    for (r, _), (cell, lines) in texts.items():
        if cell.rowspan == 1:
            height[r] = max(height[r], len(lines))
    for (r, _), (cell, lines) in texts.items():
        span = sum(height[r : r + cell.rowspan])
        if len(lines) > span:
            height[r + cell.rowspan - 1] += len(lines) - span
    tops = [sum(height[:r]) for r in range(len(rows))]
    out: list[list[tuple[int, str]]] = [[] for _ in range(sum(height))]
    for (r, c), (cell, lines) in texts.items():
        span = sum(height[r : r + cell.rowspan])
        start = tops[r] + (span - len(lines) + (1 if low else 0)) // 2
        for i, line in enumerate(lines):
            out[min(start + i, tops[r] + span - 1)].append((c, line))
    return [" ".join(text for _, text in sorted(line)) for line in out if line]


def _widths(kind: str, rows: list[list[Cell]]) -> tuple[float, ...]:
    cols = max(sum(c.colspan for c in row) for row in rows)
    fixed = COLUMN_WIDTHS[kind]
    return tuple(fixed[:cols]) if fixed else (440 / cols,) * cols


def pdftext(report: SyntheticReport, blocks: list[Block]) -> str:
    """The report as a PDF text dump (no table detection)."""
    rng = random.Random(f"pdftext:{report.seed}")
    size, low = rng.choice((7.5, 9.0, 10.5)), rng.random() < 0.5
    lines: list[str] = []
    for b in blocks:
        if b.kind == "table":
            rows = grid(b.table)  # a PDF keeps its cell borders: no row runs together
            lines += table_lines(rows, _widths(b.table.kind, rows), size, low)
        elif b.kind == "title":
            lines += wrap(b.text, PAGE_WIDTH / 16)
        elif b.kind == "heading":
            lines += wrap(heading_text(b), PAGE_WIDTH / 12)
        elif b.kind == "signature":
            lines += b.text.split("\n")
        else:
            lines += wrap("　　" + b.text, PAGE_WIDTH / 10.5)
    return "\n".join(lines) + "\n"
