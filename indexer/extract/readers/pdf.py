"""PDF files: each page's ruled tables as grids, the rest of its text around them.

A plain text dump of a PDF breaks report tables apart (see seed 004), so tables
are found by their ruling lines with pdfplumber and the characters inside them
are kept out of the page text.  Text and tables are emitted top to bottom so a
table stays under the heading that introduces it.
"""

from __future__ import annotations

from pathlib import Path

from ...errors import MissingDependency, ReadError
from ...models import Block, RawDocument, TableBlock, TextBlock
from ..limits import MAX_PDF_PAGES, LimitExceeded


def read(path: str | Path) -> RawDocument:
    """Blocks page by page; a page without a text layer becomes a warning, a PDF without
    any a ``ReadError``.  Each page's parsed objects are let go once its blocks are out,
    so memory stays that of one page however long the file."""
    try:
        import pdfplumber
    except ImportError as exc:
        raise MissingDependency("pdfplumber", "PDF files") from exc
    blocks: list[Block] = []
    warnings: list[str] = []
    try:
        with pdfplumber.open(str(path)) as document:
            pages = document.pages
            if len(pages) > MAX_PDF_PAGES:
                raise LimitExceeded(
                    str(path),
                    f"PDF has {len(pages):,} pages (limit {MAX_PDF_PAGES}; a report is rarely over 200)",
                )
            for number, page in enumerate(pages, 1):
                page_blocks = _page_blocks(page, f"page {number}")
                page.close()  # pdfplumber keeps every page's characters and layout otherwise
                if not page_blocks:
                    warnings.append(f"page {number} has no text layer (scanned?)")
                blocks.extend(page_blocks)
    except LimitExceeded:
        raise
    except Exception as exc:  # pdfminer's syntax, password and EOF errors arrive wrapped
        raise ReadError(str(path), _reason(exc)) from exc
    if not blocks:
        raise ReadError(str(path), "PDF has no text layer; scanned image? (run OCR on it first)")
    return RawDocument(source=str(path), format="pdf", blocks=tuple(blocks), warnings=tuple(warnings))


def _reason(exc: Exception) -> str:
    """A one-line cause; pdfplumber wraps pdfminer's errors, so look inside too."""
    inner = exc.args[0] if exc.args and isinstance(exc.args[0], Exception) else exc
    name = type(inner).__name__
    if "Password" in name or "Encrypt" in name:
        return "PDF is encrypted (a password is needed to read it)"
    detail = " ".join(str(inner).split()) or name
    return f"not a readable PDF (damaged or truncated: {name}: {detail})"


def _inside(obj: dict, boxes: list[tuple[float, float, float, float]]) -> bool:
    """True when the character's centre lies in one of the table boxes."""
    x = (obj["x0"] + obj["x1"]) / 2
    y = (obj["top"] + obj["bottom"]) / 2
    return any(x0 <= x <= x1 and top <= y <= bottom for x0, top, x1, bottom in boxes)


def _grid(table) -> tuple[tuple[str, ...], ...]:
    """Cells as strings: None (a merged or missing cell) → "", wrapped lines joined.

    pdfplumber's ``extract`` scans every character of the page once per row; it is handed
    only the characters whose centre lies within the table's box (every row and cell is
    inside that box, so no character it would place is left out).
    """
    from pdfplumber.table import Table

    x0, top, x1, bottom = table.bbox

    def within(obj: dict) -> bool:
        x = (obj["x0"] + obj["x1"]) / 2
        y = (obj["top"] + obj["bottom"]) / 2
        return x0 <= x <= x1 and top <= y <= bottom

    rows = Table(table.page.filter(within), table.cells).extract()
    return tuple(tuple("".join((cell or "").split("\n")).strip() for cell in row) for row in rows)


def _page_blocks(page, where: str) -> list[Block]:
    """Text runs and tables of one page, ordered by their top edge."""
    tables = page.find_tables()
    boxes = [t.bbox for t in tables]
    outside = page.filter(lambda o: o.get("object_type") != "char" or not _inside(o, boxes))
    items: list[tuple[float, int, object]] = [
        (line["top"], 0, line["text"]) for line in outside.extract_text_lines(return_chars=False)
    ]
    items += [(t.bbox[1], 1, _grid(t)) for t in tables]
    items.sort(key=lambda item: (item[0], item[1]))
    blocks: list[Block] = []
    lines: list[str] = []
    for _, kind, value in items:
        if kind == 0:
            lines.append(value)
            continue
        if lines:
            blocks.append(TextBlock("\n".join(lines), where))
            lines = []
        if any(any(cell for cell in row) for row in value):
            blocks.append(TableBlock(value, where))
    if lines:
        blocks.append(TextBlock("\n".join(lines), where))
    return blocks
