"""Synthetic reports written out in the forms real ones reach users in.

``render(report, form)`` returns the file's bytes; ``write`` stores them.  Forms: "cells" (one table
cell per line, like seed 000), "tsv" (tab-separated rows, seed 001), "md" (headings and pipe tables),
"html" (a whole government web page with spanned ``<table>``s), "docx" (Word tables with merged
cells), "pdf" (reportlab, built-in CID font) and "free" (pre-2019 prose only); then the crawled and
dumped shapes of ``render_text`` and ``pdftext`` (see ``forms``), and "statshtml" (a free report's
page with the old statistics table).
"""

from __future__ import annotations

import html
import io
import random
from pathlib import Path

from . import damage, render_text
from .forms import FORMS, FREE_ONLY, STATS, SUFFIX
from .layout import Block, Cell, build, grid, heading_text, positions, width
from .model import SyntheticReport
from .pdftext import pdftext

__all__ = ["FORMS", "SUFFIX", "file_name", "layout", "render", "write"]


def layout(report: SyntheticReport) -> list[Block]:
    """The report's blocks with its damage done."""
    return damage.apply(build(report), report)


def _line_text(block: Block) -> str:
    return heading_text(block) if block.kind == "heading" else block.text


# --- text forms ----------------------------------------------------------------------


def _cells_table(rows: list[list[Cell]]) -> list[str]:
    out = []
    for row in rows:
        out += ["\t" + ("" if c.covered else c.text) for c in row]
        out.append("")
    return out


def _tsv_table(rows: list[list[Cell]]) -> list[str]:
    out = []
    for row in rows:
        cells = []
        for c in row:
            cells += [("" if c.covered else c.text).replace("\n", " ")] + [""] * (c.colspan - 1)
        out.append("\t".join(cells))
    return out


def _md_table(rows: list[list[Cell]]) -> list[str]:
    lines = [line.replace("\t", " | ") for line in _tsv_table(rows)]
    lines = [f"| {line} |" for line in lines]
    return [lines[0], "|" + "---|" * width(rows), *lines[1:], ""]


def _text(blocks: list[Block], form: str) -> str:
    lines: list[str] = []
    for b in blocks:
        if b.kind == "table":
            rows = grid(b.table, fuse=True)  # only text forms run fused rows together
            lines += (
                _cells_table(rows)
                if form == "cells"
                else _md_table(rows)
                if form == "md"
                else _tsv_table(rows)
            )
            lines.append("")
        elif form == "md" and b.kind in ("title", "heading"):
            lines += ["#" * (1 if b.kind == "title" else 2) + " " + _line_text(b).replace("\n", ""), ""]
        elif form == "cells":
            lines += [_line_text(b)] + ([""] if b.kind == "title" else [])
        else:
            indent = "　　" if form == "free" and b.kind == "para" else ""
            lines += [indent + _line_text(b), ""]
    return "\n".join(lines).rstrip("\n") + "\n"


# --- html ----------------------------------------------------------------------------

PAGE = """<!DOCTYPE html>
<html lang="zh-CN"><head><meta charset="utf-8"><title>{title}</title>
<link rel="stylesheet" href="/css/main.css"></head>
<body>
<header class="top"><div class="logo">{site}</div>
<nav><a href="/">首页</a> | <a href="/zwgk/">政务公开</a> | <a href="/zwfw/">政务服务</a> | <a href="/hdjl/">互动交流</a></nav></header>
<div class="breadcrumb">当前位置：<a href="/">首页</a> &gt; <a href="/zwgk/">政务公开</a> &gt; 政府信息公开年报</div>
<article class="content"><h1>{title}</h1>
<div class="meta">发布时间：{published}　来源：{site}　【字体：大 中 小】</div>
{body}
</article>
<footer><p>主办单位：{site}　网站标识码：{code}</p><p>ICP备案号：{icp}　政府网站找错</p></footer>
</body></html>
"""


def _html_cell(cell: Cell) -> str:
    attrs = "".join(f' {a}="{n}"' for a, n in (("rowspan", cell.rowspan), ("colspan", cell.colspan)) if n > 1)
    text = html.escape(cell.text).replace("\n", "<br/>")
    return f'<td{attrs} style="border:1px solid #000"><p align="center">{text}</p></td>'


def _html_table(rows: list[list[Cell]]) -> str:
    body = "\n".join("<tr>" + "".join(_html_cell(c) for c in row if not c.covered) + "</tr>" for row in rows)
    return f'<table border="1" cellspacing="0" cellpadding="0" style="border-collapse:collapse">\n{body}\n</table>'


def _html(report: SyntheticReport, blocks: list[Block]) -> str:
    rng = random.Random(f"html:{report.seed}")
    bold_heads = rng.random() < 0.5
    parts = []
    for b in blocks:
        text = html.escape(_line_text(b)).replace("\n", "<br/>")
        if b.kind == "table":
            parts.append(_html_table(grid(b.table)))
        elif b.kind == "heading":
            parts.append(
                f'<p style="text-indent:2em"><strong>{text}</strong></p>'
                if bold_heads
                else f"<h3>{text}</h3>"
            )
        elif b.kind == "signature":
            parts.append(f'<p style="text-align:right">{text}</p>')
        elif b.kind == "para":
            parts.append(f'<p style="text-indent:2em">{text}</p>')
    site = (
        report.agency
        if rng.random() < 0.5
        else (report.region.county or report.region.city or "") + "人民政府"
    )
    title = html.escape(report.title.replace("\n", ""))
    return PAGE.format(
        title=title,
        site=html.escape(site),
        published=report.published,
        body="\n".join(parts),
        code=rng.randint(10**9, 10**10 - 1),
        icp=f"ICP备{rng.randint(10**7, 10**8 - 1)}号",
    )


# --- docx ----------------------------------------------------------------------------


def _docx(report: SyntheticReport, blocks: list[Block]) -> bytes:
    import docx
    from docx.enum.text import WD_ALIGN_PARAGRAPH

    doc = docx.Document()
    for b in blocks:
        if b.kind == "table":
            _docx_table(doc, grid(b.table))
            continue
        para = doc.add_paragraph()
        para.add_run(_line_text(b)).bold = b.kind in ("title", "heading")
        if b.kind == "title":
            para.alignment = WD_ALIGN_PARAGRAPH.CENTER
        elif b.kind == "signature":
            para.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    out = io.BytesIO()
    doc.save(out)
    return out.getvalue()


def _docx_table(doc, rows: list[list[Cell]]) -> None:
    cols = width(rows)
    table = doc.add_table(rows=len(rows), cols=cols)
    table.style = "Table Grid"
    cells = table._cells  # one snapshot: table.cell() rescans the whole grid on every call
    for r, placed in enumerate(positions(rows)):
        for c, cell in placed:
            if cell.covered:
                continue
            target = cells[r * cols + c]
            if cell.rowspan > 1 or cell.colspan > 1:
                target.merge(cells[(r + cell.rowspan - 1) * cols + c + cell.colspan - 1])
            target.text = cell.text


# --- pdf -----------------------------------------------------------------------------

COLUMN_WIDTHS = {
    "active": (150, 110, 110, 110),
    "apply": (36, 48, 126) + (38,) * 7,
    "review": (32,) * 15,
    "stats": (200, 70, 90, 90),
}


def _pdf(report: SyntheticReport, blocks: list[Block]) -> bytes:
    from reportlab.lib.pagesizes import A4
    from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer

    styles = _pdf_styles()
    story = []
    for b in blocks:
        if b.kind == "table":
            story += [_pdf_table(grid(b.table), b.table.kind, styles["cell"]), Spacer(1, 6)]
        else:
            text = html.escape(_line_text(b)).replace("\n", "<br/>")
            story.append(Paragraph(text, styles[b.kind]))
    out = io.BytesIO()
    doc = SimpleDocTemplate(
        out,
        pagesize=A4,
        leftMargin=50,
        rightMargin=50,
        topMargin=50,
        bottomMargin=50,
        title=report.title.replace("\n", ""),
        author=report.agency,
    )
    doc.build(story)
    return out.getvalue()


def _pdf_styles() -> dict:
    from reportlab.lib.enums import TA_CENTER, TA_RIGHT
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont

    if "STSong-Light" not in pdfmetrics.getRegisteredFontNames():
        pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
    base = ParagraphStyle("base", fontName="STSong-Light", fontSize=10.5, leading=16, wordWrap="CJK")
    return {
        "title": ParagraphStyle(
            "title", parent=base, fontSize=16, leading=24, alignment=TA_CENTER, spaceAfter=12
        ),
        "heading": ParagraphStyle("heading", parent=base, fontSize=12, leading=20, spaceBefore=6),
        "para": ParagraphStyle("para", parent=base, firstLineIndent=21),
        "signature": ParagraphStyle("signature", parent=base, alignment=TA_RIGHT, spaceBefore=12),
        "cell": ParagraphStyle("cell", parent=base, fontSize=7.5, leading=9.5, alignment=TA_CENTER),
    }


def _pdf_table(rows: list[list[Cell]], kind: str, style):
    from reportlab.platypus import Paragraph, Table, TableStyle

    cols = width(rows)
    data = [[""] * cols for _ in rows]
    commands = [("GRID", (0, 0), (-1, -1), 0.5, "black"), ("VALIGN", (0, 0), (-1, -1), "MIDDLE")]
    for r, placed in enumerate(positions(rows)):
        for c, cell in placed:
            if cell.covered:
                continue
            data[r][c] = Paragraph(html.escape(cell.text).replace("\n", "<br/>"), style)
            if cell.rowspan > 1 or cell.colspan > 1:
                commands.append(("SPAN", (c, r), (c + cell.colspan - 1, r + cell.rowspan - 1)))
    widths = COLUMN_WIDTHS[kind][:cols] if kind != "active" else [440 / cols] * cols
    return Table(data, colWidths=widths, style=TableStyle(commands))


# --- entry points --------------------------------------------------------------------


TEXT_FORMS = {
    "pipes": render_text.pipes,
    "cellpipe": render_text.cellpipe,
    "blanklines": render_text.blanklines,
    "pdftext": pdftext,
    "ocrmd": render_text.ocrmd,
    "oneline": lambda r, b: render_text.oneline(r, b, render_text.oneline_fused(r)),
    "statsline": lambda r, b: render_text.oneline(r, b, False),
    "statsfused": lambda r, b: render_text.oneline(r, b, True),
}


def _check(report: SyntheticReport, form: str) -> None:
    if form not in SUFFIX:
        raise ValueError(f"unknown form {form!r}; expected one of {', '.join(FORMS)}")
    if form in FREE_ONLY and report.template != "free":
        raise ValueError(
            f"form {form!r} is for free-form reports; report {report.seed} uses template {report.template}"
        )
    if form in STATS and report.stats is None:
        raise ValueError(
            f"form {form!r} prints the statistics table; draw the report with generate(seed, form={form!r})"
        )


def render(report: SyntheticReport, form: str) -> bytes:
    """The report as the bytes of a file in ``form``."""
    _check(report, form)
    blocks = layout(report)
    if form == "docx":
        return _docx(report, blocks)
    if form == "pdf":
        return _pdf(report, blocks)
    if form in ("html", "statshtml"):
        return _html(report, blocks).encode("utf-8")
    if form in TEXT_FORMS:
        return TEXT_FORMS[form](report, blocks).encode("utf-8")
    return _text(blocks, form).encode("utf-8")


def file_name(report: SyntheticReport, form: str) -> str:
    """File name from year, template, form and seed: 2020-2019-cells-000042.txt."""
    return f"{report.year}-{report.template}-{form}-{report.seed:06d}{SUFFIX[form]}"


def write(report: SyntheticReport, form: str, folder: Path) -> Path:
    """Render the report into ``folder`` and return the file's path."""
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / file_name(report, form)
    path.write_bytes(render(report, form))
    return path
