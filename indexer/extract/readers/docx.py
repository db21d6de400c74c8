"""Word .docx files: paragraphs and tables interleaved in document order.

python-docx's ``document.paragraphs`` and ``document.tables`` lose the order
between text and tables, so the body's XML children are walked instead.  Merged
cells follow the project convention (text in the first position covered, "" in
the others), read from ``w:gridSpan``/``w:vMerge`` so the grid matches what
python-docx's ``_tc`` identity would give, plus ``w:gridBefore`` offsets.
"""

from __future__ import annotations

from functools import cache, lru_cache
from pathlib import Path

from ...errors import MissingDependency, ReadError
from ...models import Block, RawDocument, TableBlock, TextBlock
from ..limits import MAX_DOCX_UNPACKED, MAX_DOCX_XML, LimitExceeded, size

_MC = "http://schemas.openxmlformats.org/markup-compatibility/2006"
_FALLBACK = f"{{{_MC}}}Fallback"


def read(path: str | Path) -> RawDocument:
    """Blocks of a .docx body: one TextBlock per non-empty paragraph, one TableBlock per table."""
    _check_unpacked_size(str(path))
    try:
        document = _main_document(str(path))
    except ImportError as exc:
        raise MissingDependency("python-docx", "Word .docx files") from exc
    except Exception as exc:  # BadZipFile, PackageNotFoundError, KeyError, XMLSyntaxError …
        raise ReadError(str(path), f"not a readable Word .docx file ({_cause(path, exc)})") from exc
    blocks = _Body().run(document.body)
    return RawDocument(source=str(path), format="docx", blocks=tuple(blocks))


# The main part's content types of Word's four packages: a document, its macro-enabled form
# (.docm) and the two templates (.dotx, .dotm); the same WordprocessingML in each.
_WORD_MAIN_PARTS = frozenset({
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml",
    "application/vnd.ms-word.document.macroEnabled.main+xml",
    "application/vnd.openxmlformats-officedocument.wordprocessingml.template.main+xml",
    "application/vnd.ms-word.template.macroEnabledTemplate.main+xml",
})


def _main_document(path: str):
    """The package's main document part, parsed as ``docx.Document(path).element`` is, and no
    other part: python-docx's package reader finds it by its relationship, and only its XML is
    parsed (``docx.Document`` parses every XML part, styles, theme, numbering and settings,
    which the reader never reads: half the time of reading a generated file).  A file whose
    main part is not a Word document (a workbook renamed) is refused, as ``docx.Document`` does."""
    from docx.opc.constants import RELATIONSHIP_TYPE
    from docx.opc.pkgreader import PackageReader
    from docx.oxml import parse_xml

    for _, content_type, reltype, blob in PackageReader.from_file(path).iter_sparts():
        if reltype == RELATIONSHIP_TYPE.OFFICE_DOCUMENT:
            if content_type not in _WORD_MAIN_PARTS:
                raise ValueError(f"its main part is {content_type}, not a Word document")
            return parse_xml(blob)
    raise ValueError("it has no main document part (no officeDocument relationship)")


def _check_unpacked_size(path: str) -> None:
    """Refuse a package that would inflate past the limits (a zip bomb), before any of it
    is inflated.  A file that is no zip at all is left to python-docx to refuse."""
    import zipfile

    try:
        with zipfile.ZipFile(path) as package:
            parts = package.infolist()
    except (zipfile.BadZipFile, OSError, ValueError, EOFError):
        return
    total = sum(p.file_size for p in parts)
    xml = sum(p.file_size for p in parts if p.filename.lower().endswith((".xml", ".rels")))
    if total > MAX_DOCX_UNPACKED:
        raise LimitExceeded(
            path, f"Word .docx file unpacks to {size(total)} (limit {size(MAX_DOCX_UNPACKED)}; a zip bomb?)"
        )
    if xml > MAX_DOCX_XML:
        raise LimitExceeded(
            path, f"Word .docx text (XML) unpacks to {size(xml)} (limit {size(MAX_DOCX_XML)})"
        )


def _cause(path: str | Path, exc: Exception) -> str:
    """Why python-docx refused the file, in words (it says "package not found" for a bad zip)."""
    import zipfile

    if not zipfile.is_zipfile(path):  # an OLE compound file (old .doc, encrypted) is sniffed as .doc
        return "not a zip package: truncated or damaged"
    detail = " ".join(str(exc).split())
    return f"{type(exc).__name__}: {detail}" if detail else type(exc).__name__


# The qualified names and the namespace map are built once: they are asked for once per
# paragraph, cell and attribute.
@cache
def _qn(tag: str) -> str:
    from docx.oxml.ns import qn

    return qn(tag)


class _Body:
    """Turns body children into blocks, numbering paragraphs and tables separately."""

    def __init__(self) -> None:
        self.blocks: list[Block] = []
        self.paragraphs = 0
        self.tables = 0

    def run(self, body) -> list[Block]:
        self.walk(body)
        return self.blocks

    def walk(self, parent) -> None:
        for child in parent.iterchildren():
            if child.tag == _qn("w:p"):
                self.paragraph(child)
            elif child.tag == _qn("w:tbl"):
                self.tables += 1
                self.blocks.append(TableBlock(table_grid(child), f"table {self.tables}"))
            elif child.tag in (_qn("w:sdt"), _qn("w:sdtContent"), _qn("w:customXml")):
                self.walk(child)

    def paragraph(self, p) -> None:
        self.paragraphs += 1
        text = paragraph_text(p)
        if text.strip():
            self.blocks.append(TextBlock(text, f"paragraph {self.paragraphs}"))


def paragraph_text(p) -> str:
    """A paragraph's visible text, tracked insertions included, deletions left out."""
    parts = []
    wanted = _text_tags()
    for el in p.iter(*wanted):
        if next(el.iterancestors(_FALLBACK), None) is not None:
            continue  # the same text box appears again as a fallback rendering
        symbol = wanted[el.tag]
        parts.append((el.text or "") if symbol is None else symbol)
    return "".join(parts)


@lru_cache(maxsize=1)
def _text_tags() -> dict[str, str | None]:
    """The elements a paragraph's text is made of, and the character each stands for
    (None: its own text)."""
    return {_qn("w:t"): None, _qn("w:tab"): "\t", _qn("w:br"): "\n", _qn("w:cr"): "\n"}


def _property(parent, properties: str, name: str):
    """``parent.find("w:…Pr/w:name")``: the first ``name`` inside a ``properties`` child,
    by lxml's own child iteration rather than its path language (asked per cell)."""
    for holder in parent.iterchildren(_qn(properties)):
        found = next(holder.iterchildren(_qn(name)), None)
        if found is not None:
            return found
    return None


def _int_attr(parent, properties: str, name: str, default: int) -> int:
    found = _property(parent, properties, name)
    value = None if found is None else found.get(_qn("w:val"))
    return int(value) if value and value.isdigit() else default


@lru_cache(maxsize=1)
def _nsmap() -> dict[str, str]:
    from docx.oxml.ns import nsmap

    return {"w": nsmap["w"]}


def _is_continuation(tc) -> bool:
    """A w:vMerge without val="restart" continues the merged cell above."""
    merge = _property(tc, "w:tcPr", "w:vMerge")
    return merge is not None and merge.get(_qn("w:val")) != "restart"


def cell_text(tc) -> str:
    """Paragraphs joined with "" (one label split over lines); nested tables' cells spaced."""
    parts = []
    for child in tc.iterchildren():
        if child.tag == _qn("w:p"):
            parts.append(paragraph_text(child).strip())
        elif child.tag == _qn("w:tbl"):
            nested = table_grid(child)
            parts.append(" ".join(c for row in nested for c in row if c))
    return "".join(parts).strip()


def table_grid(tbl) -> tuple[tuple[str, ...], ...]:
    """Rows of cell text; a merged cell's text in its first position, "" in the others."""
    rows: list[list[str]] = []
    for tr in tbl.findall("w:tr", _nsmap()):
        row = [""] * _int_attr(tr, "w:trPr", "w:gridBefore", 0)
        for tc in tr.findall("w:tc", _nsmap()):
            span = max(_int_attr(tc, "w:tcPr", "w:gridSpan", 1), 1)
            text = "" if _is_continuation(tc) else cell_text(tc)
            row.extend([text] + [""] * (span - 1))
        rows.append(row)
    width = max((len(r) for r in rows), default=0)
    return tuple(tuple(r + [""] * (width - len(r))) for r in rows)
