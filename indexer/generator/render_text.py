"""Crawled-page text forms: the shapes tests/data/real/excerpts show, one function a form.

* ``pipes``: rows flattened as ``规章 | 0 | 0 | 0 |`` (no leading pipe), empty cells as a run of
  pipes after the row's cells (``第二十条第(一)项 | |||``), ``商业 企业`` with a space (excerpts 19, 39);
* ``cellpipe``: one cell per line ending in `` |``, the row's empty cells as one ``|||`` line (13);
* ``blanklines``: one cell per line between blank lines, headers broken over two lines or cut
  (``本年增/``), stray leading spaces and trailing whitespace runs (15, 37, 49);
* ``oneline``: the whole report on one line, its tables spaced or fused with no separator at all
  (09, 17; 04 and 05 for the statistics forms ``statsline`` and ``statsfused``);
* ``ocrmd``: OCR'd markdown tables with a spacer or 合计 column the template does not have.

Which variant a report gets is drawn from its seed (a stream per form), so rendering and the
expected facets (``recover``) agree.
"""

from __future__ import annotations

import random
from collections.abc import Callable

from . import page
from .layout import Block, Cell, grid, heading_text, positions, width
from .model import SyntheticReport

SPLIT_HEADERS = (
    "本年新制作数量",
    "本年新公开数量",
    "对外公开总数量",
    "上一年项目数量",
    "处理决定数量",
    "本年处理决定数量",
)
CUT_HEADERS = {"本年增/减": "本年增/", "现行有效件数": "现行有效件", "对外公开总数量": "对外公开总数"}
SPACED_HEADERS = ("商业企业", "科研机构")


def _rng(report: SyntheticReport, form: str) -> random.Random:
    return random.Random(f"{form}:{report.seed}")


def oneline_fused(report: SyntheticReport) -> bool:
    """Whether the ``oneline`` form runs the report's tables together with no separator."""
    return _rng(report, "oneline").random() < 0.5


def _text(block: Block) -> str:
    return heading_text(block) if block.kind == "heading" else block.text


def _cells(row: list[Cell], expand: bool) -> tuple[list[str], int]:
    """A grid row as a crawler walks it: the cells with text, and how many empty places it
    has (blank cells; with ``expand`` also the places spanning and covered cells fill)."""
    texts, empty = [], 0
    for cell in row:
        if cell.covered:
            empty += cell.colspan if expand else 0
            continue
        if cell.text.strip():
            texts.append(cell.text)
        else:
            empty += 1
        empty += cell.colspan - 1 if expand else 0
    return texts, empty


def _page_lines(
    report: SyntheticReport, blocks: list[Block], style: str, table: Callable[[list[list[Cell]]], list[str]]
) -> list[str]:
    """Lines of a crawled page: header fields and chrome, the title, then the blocks, each
    table's grid printed by ``table`` (crawlers drop cell borders: fused rows run together)."""
    lines = page.before(report, style)
    for b in blocks:
        if b.kind == "table":
            lines += table(grid(b.table, fuse=True))
        elif b.kind == "title":
            lines += b.text.split("\n") + page.after(report)  # a two-line title stays on two
        else:
            lines += _text(b).split("\n")
    return lines


def _finish(report: SyntheticReport, lines: list[str]) -> str:
    return page.convert(report, "\n".join(lines).rstrip("\n") + "\n")


# --- pipes -----------------------------------------------------------------------------


def pipes(report: SyntheticReport, blocks: list[Block]) -> str:
    """Rows as ``label | v | v |``, the 勾稽 note and 申请人情况 on one row or two."""
    rng = _rng(report, "pipes")
    expand, split_note, spaced = rng.random() < 0.5, rng.random() < 0.3, rng.random() < 0.6

    def table(rows: list[list[Cell]]) -> list[str]:
        out = []
        for row in rows:
            texts, empty = _cells(row, expand)
            texts = [t.replace("\n", "") for t in texts]
            if spaced:
                texts = [t[:2] + " " + t[2:] if t in SPACED_HEADERS else t for t in texts]
            if split_note and len(texts) == 2 and texts[0].startswith("（本列"):
                out.append(f"{texts.pop(0)} |")
            out.append(("".join(f"{t} | " for t in texts) + "|" * empty).rstrip())
        return out

    return _finish(report, _page_lines(report, blocks, "pipes", table))


# --- cellpipe --------------------------------------------------------------------------


def cellpipe(report: SyntheticReport, blocks: list[Block]) -> str:
    """One cell per line ending in `` |``; a row's empty places as one line of pipes."""

    def table(rows: list[list[Cell]]) -> list[str]:
        out = []
        for row in rows:
            texts, empty = _cells(row, expand=True)
            out += [f"{t} |" for t in texts] + (["|" * empty] if empty else [])
        return out

    return _finish(report, _page_lines(report, blocks, "pipes", table))


# --- blanklines ------------------------------------------------------------------------


def blanklines(report: SyntheticReport, blocks: list[Block]) -> str:
    """Every cell and paragraph between blank lines; headers broken or cut, stray spaces."""
    rng = _rng(report, "blanklines")
    split, cut, lead, trail = rng.random() < 0.5, rng.random() < 0.4, rng.random() < 0.3, rng.random() < 0.5

    def cell(text: str, header: bool) -> str:
        if header and cut and text in CUT_HEADERS:
            text = CUT_HEADERS[text]
        if header and split and text in SPLIT_HEADERS:
            text = text[:3] + "\n" + text[3:]
        if not header and lead and rng.random() < 0.15:
            text = " " + text
        if trail and rng.random() < 0.2:
            text += " " * rng.randint(2, 6)
        return text

    def table(rows: list[list[Cell]]) -> list[str]:
        return [cell(c.text, c.header) for row in rows for c in row if not c.covered and c.text.strip()]

    lines = _page_lines(report, blocks, "spaces", table)
    return _finish(report, [part for line in lines for part in (line, "")])


# --- oneline ---------------------------------------------------------------------------


def oneline(report: SyntheticReport, blocks: list[Block], fused: bool) -> str:
    """Header fields on their own lines, then the whole report on one line: the page's
    chrome and title spaced, the article's cells and paragraphs spaced too, or (``fused``)
    run together with nothing between them (tests/data/real/04)."""
    rng = _rng(report, "oneline-text")
    sep = "" if fused else " "
    fields, top = page.fields(report, "colon"), page.chrome(report)
    if rng.random() < 0.8:
        fields.append(report.title.replace("\n", ""))  # the page's title line, above the body
    body: list[str] = []
    spaced_header = not fused and rng.random() < 0.5  # "计量 单位 2011 年度" (tests/data/real/05)
    for b in blocks:
        if b.kind == "table":
            body += _oneline_table(grid(b.table, fuse=True), fused, spaced_header and b.table.kind == "stats")
        elif b.kind == "title":
            top += [b.text.replace("\n", " ")] + page.after(report)
        else:
            body.append(_text(b).replace("\n", sep))
    return _finish(report, fields + [" ".join(top) + " " + sep.join(body)])


def _oneline_table(rows: list[list[Cell]], fused: bool, spaced_header: bool = False) -> list[str]:
    """A table's cells in reading order; ``spaced_header`` prints the old statistics table's
    header as tests/data/real/05 does ("计量 单位 2011 年度")."""
    texts = []
    for r, row in enumerate(rows):
        for cell in row:
            text = cell.text.replace("\n", "")
            if spaced_header and r == 0 and text.startswith(("计量", "20")):
                text = text.replace("计量单位", "计量 单位").replace("年度", " 年度")
            if not cell.covered and text.strip():
                texts.append(text)
    return ["".join(t.strip() for t in texts)] if fused else texts


# --- ocrmd -----------------------------------------------------------------------------


def ocrmd(report: SyntheticReport, blocks: list[Block]) -> str:
    """Markdown whose 二 and 三 tables carry an extra column: an empty spacer, or a blank 合计."""
    rng = _rng(report, "ocrmd")
    lines: list[str] = []
    for b in blocks:
        if b.kind == "table":
            lines += _ocr_table(grid(b.table), b.table.kind, rng) + [""]  # OCR keeps cell borders
        elif b.kind in ("title", "heading"):
            lines += ["#" * (1 if b.kind == "title" else 2) + " " + _text(b).replace("\n", ""), ""]
        else:
            lines += [_text(b), ""]
    return "\n".join(lines).rstrip("\n") + "\n"


def extra_column(kind: str, rng: random.Random) -> tuple[int, str] | None:
    """Where an OCR'd table gets a column the template lacks, and its header (None: none)."""
    if kind == "active":
        return rng.choice(((1, ""), (-1, "合计")))
    if kind == "apply":
        return rng.choice(((3, ""), (4, ""), (9, ""), (-1, "合计")))
    return None


def _ocr_table(rows: list[list[Cell]], kind: str, rng: random.Random) -> list[str]:
    """The grid as a markdown table, every place a cell (spanned places empty), plus the extra
    column where the OCR put one."""
    wide = []
    for placed in positions(rows):
        line = [""] * width(rows)
        for col, cell in placed:
            line[col] = "" if cell.covered else cell.text.replace("\n", " ")
        wide.append(line)
    extra = extra_column(kind, rng)
    if extra:
        at, header = extra
        named = 1 if kind == "active" else 0  # the row that names the columns (三: its first)
        for r, line in enumerate(wide):
            line.insert(len(line) if at < 0 else at, header if r == named else "")
    out = [f"| {' | '.join(line)} |" for line in wide]
    return [out[0], "|" + "---|" * len(wide[0]), *out[1:]]
