"""PDF files: each page's ruled tables as grids, the rest of its text around them.

A plain text dump of a PDF breaks report tables apart (see seed 004), so tables
are found by their ruling lines and the characters inside them are kept out of
the page text.  Text and tables are emitted top to bottom so a table stays under
the heading that introduces it.

PDFium (pypdfium2, the engine of Chrome's viewer, in C) reads each page's
characters and drawn lines; pdfplumber's table finder and text layout, pure
geometry, turn them into grids and lines.  Reading the page with pdfminer, as
pdfplumber does on its own, took four fifths of a PDF's extraction time.
"""

from __future__ import annotations

import ctypes
import math
import re
import threading
from bisect import bisect_left
from functools import cache
from itertools import pairwise
from operator import itemgetter
from pathlib import Path

from ...errors import MissingDependency, ReadError
from ...models import Block, RawDocument, TableBlock, TextBlock
from ..limits import MAX_PDF_PAGES, LimitExceeded

# PDFium keeps global state and is not safe to call from two threads at once.
_pdfium_lock = threading.Lock()

# A segment no more slanted than this (in points over its length) is a ruling line.
_STRAIGHT = 0.1

# Column edges of a table and of its continuation on the next page this close (points) are one edge.
_SAME_EDGE = 1.5

# A line printed on every page (a page number: 3, - 3 -, 第3页 共9页), not the report's text.
_PAGE_FURNITURE = re.compile(r"[-—–_·.．/\s\d第页共]*\d[-—–_·.．/\s\d第页共]*")

# A page's blocks, each table with its column edges (every column's left edge, then the right
# edge of the last); None for text.
PageBlocks = list[tuple[Block, tuple[float, ...] | None]]


def read(path: str | Path) -> RawDocument:
    """Blocks page by page; a page without a text layer becomes a warning, a PDF without
    any a ``ReadError``.  Each page is closed once its blocks are out, so memory stays
    that of one page however long the file."""
    try:
        import pypdfium2 as pdfium
    except ImportError as exc:
        raise MissingDependency("pypdfium2", "PDF files") from exc
    blocks: list[Block] = []
    warnings: list[str] = []
    last_table: tuple[int, tuple[float, ...]] | None = None  # a table that may go on on the next page
    with _pdfium_lock:
        try:
            document = pdfium.PdfDocument(str(path))
            try:
                if len(document) > MAX_PDF_PAGES:
                    raise LimitExceeded(
                        str(path),
                        f"PDF has {len(document):,} pages (limit {MAX_PDF_PAGES}; a report is rarely over 200)",
                    )
                for number in range(len(document)):
                    page = document[number]
                    try:
                        page_blocks = _page_blocks(_Layout.of(page), f"page {number + 1}")
                    finally:
                        page.close()
                    if not page_blocks:
                        warnings.append(f"page {number + 1} has no text layer (scanned?)")
                    last_table = _continue_table(blocks, last_table, page_blocks)
            finally:
                document.close()
        except pdfium.PdfiumError as exc:
            raise ReadError(str(path), _reason(exc)) from exc
    if not blocks:
        raise ReadError(str(path), "PDF has no text layer; scanned image? (run OCR on it first)")
    return RawDocument(source=str(path), format="pdf", blocks=tuple(blocks), warnings=tuple(warnings))


def _reason(exc: Exception) -> str:
    """A one-line cause from PDFium's error ("Failed to load document (PDFium: ...)")."""
    detail = " ".join(str(exc).split()) or type(exc).__name__
    if "password" in detail.lower() or "security" in detail.lower():
        return "PDF is encrypted (a password is needed to read it)"
    return f"not a readable PDF (damaged or truncated: {detail})"


class _Layout:
    """One page as pdfplumber's geometry wants it: characters and ruling edges as
    dicts in top-down coordinates (``top`` grows down the page), and the page box.
    pdfplumber's ``TableFinder`` reads only ``edges`` and ``bbox`` of the page it is
    given (its ``Table.extract`` would read ``chars``; ``_grid`` places them instead).
    ``centres`` holds each character's centre as ``(y, x, index)``, sorted: a character
    belongs to the table or cell its centre lies in."""

    def __init__(self, chars: list[dict], edges: list[dict], bbox: tuple[float, float, float, float]):
        self.chars = chars
        self.edges = edges
        self.bbox = bbox
        self.centres = sorted(
            ((c["top"] + c["bottom"]) / 2, (c["x0"] + c["x1"]) / 2, n) for n, c in enumerate(chars)
        )
        self.heights = [y for y, _, _ in self.centres]

    @classmethod
    def of(cls, page) -> _Layout:
        left, bottom, right, top = page.get_mediabox()
        return cls(_chars(page, top), _edges(page, top), (left, 0.0, right, top - bottom))


# A font's ascent and descent span about its size (1.0-1.2 em); a glyph's own box is shorter.
_FULL_HEIGHT = 0.95
# How far above the baseline a line's tall glyphs reach, in em (CJK glyphs: 0.8-0.88).
_ASCENT = 0.8


def _chars(page, page_top: float) -> list[dict]:
    """Every character PDFium read from the text layer, with its loose box (advance
    width by the font's ascent and descent, as pdfminer measures a character).
    Characters PDFium made up (spaces and line breaks it infers) are left out:
    the layout below infers its own from the geometry."""
    import pypdfium2.raw as raw

    text_page = raw.FPDFText_LoadPage(page)
    try:
        count = raw.FPDFText_CountChars(text_page)
        buffer = ctypes.create_string_buffer(2 * (count + 1))
        raw.FPDFText_GetText(text_page, 0, count, ctypes.cast(buffer, ctypes.POINTER(ctypes.c_ushort)))
        # One UTF-16 unit per character index; a character beyond the BMP takes two.
        units = buffer.raw[: 2 * count].decode("utf-16-le", "surrogatepass")
        box = raw.FS_RECTF()
        origin_x, origin_y = ctypes.c_double(), ctypes.c_double()
        chars: list[dict] = []
        i = 0
        while i < count:
            text = units[i]
            step = 1
            if "\ud800" <= text < "\udc00" and i + 1 < count and "\udc00" <= units[i + 1] < "\ue000":
                text = (text + units[i + 1]).encode("utf-16-le", "surrogatepass").decode("utf-16-le")
                step = 2
            # PDFium marks the spaces and line breaks it infers; only blanks can be inferred.
            if text > " " or (text == " " and not raw.FPDFText_IsGenerated(text_page, i)):
                raw.FPDFText_GetLooseCharBox(text_page, i, box)
                angle = raw.FPDFText_GetCharAngle(text_page, i)
                box_top = box.top
                size = raw.FPDFText_GetFontSize(text_page, i)
                if box.top - box.bottom < _FULL_HEIGHT * size:
                    # A font without ascent and descent: PDFium's "loose" box is the glyph's
                    # own, and a low glyph (一, 、, 。) would start a line of its own. Its top
                    # is raised to where the line's tall glyphs reach above the baseline.
                    raw.FPDFText_GetCharOrigin(text_page, i, origin_x, origin_y)
                    box_top = max(box_top, origin_y.value + _ASCENT * size)
                top = page_top - box_top
                bottom = page_top - box.bottom
                chars.append(
                    {
                        "object_type": "char",
                        "text": text,
                        "x0": box.left,
                        "x1": box.right,
                        "top": top,
                        "bottom": bottom,
                        "doctop": top,
                        "width": box.right - box.left,
                        "height": bottom - top,
                        "upright": angle < 0 or abs(math.sin(angle)) < 0.1,
                    }
                )
            i += step
        return chars
    finally:
        raw.FPDFText_ClosePage(text_page)


def _edges(page, page_top: float) -> list[dict]:
    """The horizontal and vertical straight segments of every drawn path, form
    XObjects included, in page coordinates: a ruled table's lines whether drawn as
    lines, rectangles or thin filled rectangles (each side of one is an edge, as
    pdfplumber takes a rectangle's)."""
    import pypdfium2.raw as raw

    edges: list[dict] = []
    stack = [(raw.FPDFPage_GetObject(page, i), None) for i in range(raw.FPDFPage_CountObjects(page))]
    while stack:
        obj, outer = stack.pop()
        kind = raw.FPDFPageObj_GetType(obj)
        if kind not in (raw.FPDF_PAGEOBJ_PATH, raw.FPDF_PAGEOBJ_FORM):
            continue
        matrix = raw.FS_MATRIX()
        raw.FPDFPageObj_GetMatrix(obj, matrix)
        placed = (matrix.a, matrix.b, matrix.c, matrix.d, matrix.e, matrix.f)
        if outer is not None:
            placed = _compose(placed, outer)
        if kind == raw.FPDF_PAGEOBJ_FORM:
            stack += [
                (raw.FPDFFormObj_GetObject(obj, i), placed) for i in range(raw.FPDFFormObj_CountObjects(obj))
            ]
        else:
            edges += _path_edges(raw, obj, placed, page_top)
    return edges


def _compose(inner: tuple, outer: tuple) -> tuple:
    """The matrix applying ``inner`` then ``outer`` (PDF's row-vector convention)."""
    a, b, c, d, e, f = inner
    A, B, C, D, E, F = outer
    return (a * A + b * C, a * B + b * D, c * A + d * C, c * B + d * D, e * A + f * C + E, e * B + f * D + F)


def _path_edges(raw, path, matrix: tuple, page_top: float) -> list[dict]:
    a, b, c, d, e, f = matrix
    x = ctypes.c_float()
    y = ctypes.c_float()
    edges: list[dict] = []
    start = current = None
    for i in range(raw.FPDFPath_CountSegments(path)):
        segment = raw.FPDFPath_GetPathSegment(path, i)
        raw.FPDFPathSegment_GetPoint(segment, x, y)
        point = (a * x.value + c * y.value + e, page_top - (b * x.value + d * y.value + f))
        kind = raw.FPDFPathSegment_GetType(segment)
        if kind == raw.FPDF_SEGMENT_LINETO and current is not None:
            _add_edge(edges, current, point)
        elif kind == raw.FPDF_SEGMENT_MOVETO:
            start = point
        current = point
        if raw.FPDFPathSegment_GetClose(segment) and start is not None:
            _add_edge(edges, current, start)
            current = start
    return edges


def _add_edge(edges: list[dict], p: tuple[float, float], q: tuple[float, float]) -> None:
    x0, x1 = sorted((p[0], q[0]))
    top, bottom = sorted((p[1], q[1]))
    if bottom - top <= _STRAIGHT and x1 - x0 > _STRAIGHT:
        top = bottom = (top + bottom) / 2
        orientation = "h"
    elif x1 - x0 <= _STRAIGHT and bottom - top > _STRAIGHT:
        x0 = x1 = (x0 + x1) / 2
        orientation = "v"
    else:
        return  # a curve's chord, a diagonal or a dot: not a table rule
    edges.append(
        {
            "object_type": "line",
            "x0": x0,
            "x1": x1,
            "top": top,
            "bottom": bottom,
            "doctop": top,
            "width": x1 - x0,
            "height": bottom - top,
            "orientation": orientation,
        }
    )


def _within(layout: _Layout, box: tuple[float, float, float, float]) -> list[int]:
    """Indexes, in reading order of the content stream, of the characters whose centre lies in
    ``box`` (left and top edges inclusive, as in pdfplumber's ``Table.extract``)."""
    left, upper, right, lower = box
    run = layout.centres[bisect_left(layout.heights, upper) : bisect_left(layout.heights, lower)]
    return sorted(n for _, x, n in run if left <= x < right)


def _grid(table, layout: _Layout) -> tuple[tuple[str, ...], ...]:
    """Cells as strings: None (a merged or missing cell) → "", wrapped lines joined.

    The table's cells do not overlap, so each cell's characters are found by bisecting the
    page's characters sorted by their vertical centre instead of scanning the page once per
    row and cell, as pdfplumber's ``Table.extract`` does.
    """

    def text(cell) -> str:
        return _cell_text([layout.chars[n] for n in _within(layout, cell)]) if cell is not None else ""

    return tuple(tuple(text(cell) for cell in row.cells) for row in table.rows)


def _cell_text(chars: list[dict]) -> str:
    """pdfplumber's ``extract_text`` of a cell's characters, its lines joined, stripped.

    Most cells hold one word on one line (a number, a short label).  For those the text
    is worked out here, by the very tests pdfplumber's word and line grouping apply, with
    the default tolerances: no blank and no rotated character, the tops one line cluster,
    and in order of ``x0`` each character starting a word no further than the tolerance
    from the previous one's end.  Building pdfplumber's word extractor and clustering twice
    for each of a report's ~200 table cells took a tenth of reading a PDF; any other cell is
    asked of pdfplumber.
    """
    from pdfplumber.utils.text import DEFAULT_X_TOLERANCE, DEFAULT_Y_TOLERANCE, LIGATURES, extract_text

    if not chars:
        return ""
    ordered = sorted(chars, key=itemgetter("x0"))  # stable, as pdfplumber's sort by (x0, x0)
    one_word = (
        all(c["upright"] and not c["text"].isspace() for c in chars)
        and all(  # the tops one line, as pdfplumber's cluster_list chains them
            later <= earlier + DEFAULT_Y_TOLERANCE for earlier, later in pairwise(sorted(c["top"] for c in chars))
        )
        and not any(  # no character starts a new word
            c["x0"] > p["x1"] + DEFAULT_X_TOLERANCE or abs(c["top"] - p["top"]) > DEFAULT_Y_TOLERANCE
            for p, c in pairwise(ordered)
        )
    )
    if one_word:
        return "".join(LIGATURES.get(c["text"], c["text"]) for c in ordered)
    return "".join(extract_text(chars).split("\n")).strip()


def _continue_table(
    blocks: list[Block], last_table: tuple[int, tuple[float, ...]] | None, page: PageBlocks
) -> tuple[int, tuple[float, ...]] | None:
    """Add a page's blocks to ``blocks``; the last table of the page before (its index there and
    its column edges) and a table that opens this page are one table broken by the page, when
    they span the same width and one's column edges are all among the other's: both are then
    given the finer one's columns.  A row below the break often splits its label over more
    columns (三、本年度办理结果 | （三）不予公开 | 1.属于国家秘密) than the header rows above it, and
    only one grid of columns puts every number of both pages under its header.  Returns the
    page's last table when nothing but page numbers follows it."""
    content = [n for n, (block, _) in enumerate(page) if not _furniture(block)]
    if last_table is not None and content and (edges := page[content[0]][1]) is not None:
        at, before = last_table
        finer = _finer_columns(before, edges)
        if finer is not None:
            blocks[at] = _regrid(blocks[at], before, finer)
            page[content[0]] = (_regrid(page[content[0]][0], edges, finer), finer)
    start = len(blocks)
    blocks.extend(block for block, _ in page)
    if content and (edges := page[content[-1]][1]) is not None:
        return start + content[-1], edges
    return None if content else last_table


def _furniture(block: Block) -> bool:
    return isinstance(block, TextBlock) and all(
        _PAGE_FURNITURE.fullmatch(line) for line in block.text.splitlines() if line.strip()
    )


def _finer_columns(one: tuple[float, ...], other: tuple[float, ...]) -> tuple[float, ...] | None:
    """The edges of the finer of two tables when the coarser's are all among them and both
    span the same width; None when they are not one table's columns (or already the same)."""
    if len(one) == len(other):
        return None
    coarse, fine = sorted((one, other), key=len)
    if abs(coarse[0] - fine[0]) > _SAME_EDGE or abs(coarse[-1] - fine[-1]) > _SAME_EDGE:
        return None
    if all(_nearest(fine, x) is not None for x in coarse):
        return fine
    return None


def _nearest(edges: tuple[float, ...], x: float) -> int | None:
    n = min(range(len(edges)), key=lambda i: abs(edges[i] - x))
    return n if abs(edges[n] - x) <= _SAME_EDGE else None


def _regrid(table: TableBlock, edges: tuple[float, ...], finer: tuple[float, ...]) -> TableBlock:
    """The table's rows over the finer columns: each cell at the column its left edge starts,
    the columns it now spans empty (as a merged cell's other places are)."""
    if len(edges) == len(finer):
        return table  # the finer table itself
    at = [_nearest(finer, x) for x in edges[:-1]]
    rows = []
    for row in table.rows:
        cells = [""] * (len(finer) - 1)
        for n, cell in zip(at, row, strict=True):
            cells[n] = cell
        rows.append(tuple(cells))
    return TableBlock(tuple(rows), table.where)


def _page_blocks(layout: _Layout, where: str) -> PageBlocks:
    """Text runs and tables of one page, ordered by their top edge."""
    from pdfplumber.utils.text import chars_to_textmap

    tables = _table_finder()(layout).tables if layout.edges else []
    tabled = {n for t in tables for n in _within(layout, t.bbox)}
    outside = [c for n, c in enumerate(layout.chars) if n not in tabled]
    items: list[tuple[float, int, object]] = []
    if outside:
        text_lines = chars_to_textmap(outside).extract_text_lines(return_chars=False)
        items += [(line["top"], 0, line["text"]) for line in text_lines]
    items += [(t.bbox[1], 1, t) for t in tables]
    items.sort(key=lambda item: item[:2])
    blocks: PageBlocks = []
    lines: list[str] = []
    for _, kind, value in items:
        if kind == 0:
            lines.append(value)
            continue
        if lines:
            blocks.append((TextBlock("\n".join(lines), where), None))
            lines = []
        grid = _grid(value, layout)
        if any(any(cell for cell in row) for row in grid):
            blocks.append((TableBlock(grid, where), _column_edges(value)))
    if lines:
        blocks.append((TextBlock("\n".join(lines), where), None))
    return blocks


def _column_edges(table) -> tuple[float, ...]:
    """The left edge of each of the grid's columns (as pdfplumber's ``Table.rows`` orders
    them), then the table's right edge."""
    return (*sorted({cell[0] for cell in table.cells}), max(cell[2] for cell in table.cells))


@cache
def _table_finder() -> type:
    """pdfplumber's ``TableFinder`` with its default settings, the cells found by ``_cells``:
    its constructor's steps in its order (edges, their intersections, cells, tables)."""
    from pdfplumber.table import Table, TableFinder, TableSettings, cells_to_tables, edges_to_intersections

    class Finder(TableFinder):
        def __init__(self, page) -> None:
            self.page, self.settings = page, TableSettings.resolve(None)
            self.edges = self.get_edges()
            self.intersections = edges_to_intersections(
                self.edges, self.settings.intersection_x_tolerance, self.settings.intersection_y_tolerance
            )
            self.cells = _cells(self.intersections)
            self.tables = [Table(self.page, group) for group in cells_to_tables(self.cells)]

    return Finder


def _cells(intersections: dict) -> list[tuple[float, float, float, float]]:
    """pdfplumber's ``intersections_to_cells``: for each intersection in order, the smallest
    cell it is the top left corner of, each side an edge that joins two of its corners.

    The same search in the same order (the points below, nearest first, then those to the
    right), with each point's edges made a set once: pdfplumber makes two sets for every pair
    of points it asks about (and defines a function with a typed signature each time), 85 % of
    finding a page's tables, a seventh of reading a PDF.
    """

    def bboxes(edges: list[dict]) -> set[tuple]:
        return {(e["x0"], e["top"], e["x1"], e["bottom"]) for e in edges}

    points = sorted(intersections)
    vertical = {point: bboxes(edges["v"]) for point, edges in intersections.items()}
    horizontal = {point: bboxes(edges["h"]) for point, edges in intersections.items()}
    # Each point's line of points with its x (top down) and with its top (left to right), and
    # its place in each: the points after it there are those below it and those right of it.
    places: dict[tuple, list] = {point: [] for point in points}
    for key in (0, 1):
        lines: dict[float, list] = {}
        for point in points:
            lines.setdefault(point[key], []).append(point)
        for line in lines.values():
            for n, point in enumerate(line, 1):
                places[point].append((line, n))

    def smallest(point: tuple) -> tuple[float, float, float, float] | None:
        (column, down), (row, across) = places[point]
        right = row[across:]
        for lower in column[down:]:
            if vertical[point].isdisjoint(vertical[lower]):
                continue
            for side in right:
                if horizontal[point].isdisjoint(horizontal[side]):
                    continue
                corner = (side[0], lower[1])
                if (
                    corner in intersections
                    and not vertical[corner].isdisjoint(vertical[side])
                    and not horizontal[corner].isdisjoint(horizontal[lower])
                ):
                    return (point[0], point[1], corner[0], corner[1])
        return None

    return [cell for point in points if (cell := smallest(point)) is not None]
