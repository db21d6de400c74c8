"""Word 97-2003 .doc files, and WPS .wps files saved in the same layout: paragraphs and
tables in document order.

No maintained Python library reads this format, and the command-line converters either need
an office suite or lay tables out as wrapped text columns, so the file's own structures are
read ([MS-DOC]): olefile opens the compound file; the main document's characters are found
through the piece table; a table cell ends with the mark \\x07, and the row's end, which is
the same mark, is told from an empty cell by its paragraph properties (sprmPFTtp), where the
row's cell boundaries are kept too (sprmTDefTable). Merged cells follow the project
convention (text in the first position covered, "" in the others), as the .docx reader does.
"""

from __future__ import annotations

import bisect
import struct
from dataclasses import dataclass, field
from pathlib import Path

from ...errors import MissingDependency, ReadError
from ...models import Block, RawDocument, TableBlock, TextBlock
from ..limits import MAX_DOC_CHARS, LimitExceeded
from .unreadable import not_read

_KIND = "Word 97-2003 (.doc/.wps)"
_WORD_MAGIC = 0xA5EC
_WORD97_NFIB = 0x00C1  # Word 97's file format number; earlier ones keep another layout
_ENCRYPTED, _TABLE_1, _OBFUSCATED = 0x0100, 0x0200, 0x8000

# Paragraph properties (sprms) that place a paragraph in a table.
_IN_TABLE, _ROW_END, _TABLE_DEPTH, _TABLE_DEF = 0x2416, 0x2417, 0x6649, 0xD608
_HUGE = 0x6646  # the properties are too long for their page: kept in the Data stream
# Operand sizes by a sprm's top three bits (6: sized by its first byte).
_OPERAND_SIZE = {0: 1, 1: 1, 2: 2, 3: 4, 4: 2, 5: 2, 7: 3}
_TC_MERGED, _TC_VERT_MERGE, _TC_VERT_RESTART = 0x0002, 0x0020, 0x0040
_SAME_BOUNDARY = 30  # twips: cell edges nearer than this (half a millimetre) are one column edge

_CELL, _PARAGRAPH = "\x07", "\r"
_FIELD_BEGIN, _FIELD_SEPARATOR, _FIELD_END = "\x13", "\x14", "\x15"
_PAGE_BREAK = "\x0c"  # a page or section break: it ends a paragraph as its mark does
# Characters that stand for something other than text: line and column breaks become line
# ends; a picture, drawing, footnote or annotation mark and optional hyphens vanish.
_SPECIAL = str.maketrans({
    "\x0b": "\n", "\x0e": "\n", "\x1e": "-", "\x1f": None,
    "\x01": None, "\x02": None, "\x03": None, "\x04": None, "\x05": None, "\x08": None,
})


def read(path: str | Path) -> RawDocument:
    """Blocks of a .doc main document: one TextBlock per non-empty paragraph, one TableBlock per table."""
    try:
        import olefile
    except ImportError as exc:
        raise MissingDependency("olefile", "Word .doc files") from exc
    path = str(path)
    word, table, data = _streams(olefile, path)
    try:
        fib = _Fib.parse(word)
        if fib.flags & (_ENCRYPTED | _OBFUSCATED):
            raise ReadError(path, "Office file is encrypted (a password is needed to read it)")
        if fib.main_length > MAX_DOC_CHARS:
            raise LimitExceeded(
                path, f"Word .doc text has {fib.main_length:,} characters (limit {MAX_DOC_CHARS:,})"
            )
        text = _main_text(word, table, fib)
        properties = _ParagraphProperties(word, table, data, fib)
    except (struct.error, IndexError, KeyError) as exc:  # offsets past their streams' ends
        raise ReadError(path, f"not a readable {_KIND} file (its Word structures are truncated or damaged)") from exc
    return RawDocument(source=path, format="doc", blocks=tuple(_Blocks(properties).run(text)))


def _streams(olefile, path: str) -> tuple[bytes, bytes, bytes]:
    """The WordDocument stream, the table stream its header names and the Data stream."""
    if not olefile.isOleFile(path):
        raise ReadError(path, f"not a readable {_KIND} file (not an OLE compound file: damaged or another format)")
    try:
        with olefile.OleFileIO(path) as ole:
            if ole.exists("EncryptedPackage"):
                raise ReadError(path, "Office file is encrypted (a password is needed to read it)")
            if not ole.exists("WordDocument"):
                raise ReadError(
                    path, f"not a readable {_KIND} file (no Word document inside: damaged, or a workbook or slides renamed)"
                )
            word = ole.openstream("WordDocument").read()
            flags = struct.unpack_from("<H", word, 0x0A)[0] if len(word) >= 0x0C else 0
            name = "1Table" if flags & _TABLE_1 else "0Table"
            table = ole.openstream(name).read() if ole.exists(name) else b""
            data = ole.openstream("Data").read() if ole.exists("Data") else b""
    except ReadError:
        raise
    except Exception as exc:  # olefile's refusal of a damaged container, in its own terms
        raise ReadError(path, f"not a readable {_KIND} file (damaged or truncated OLE compound file)") from exc
    if len(word) < 0x0C or struct.unpack_from("<H", word, 0)[0] != _WORD_MAGIC:
        raise ReadError(path, f"not a readable {_KIND} file (its Word document has no Word header)")
    if struct.unpack_from("<H", word, 2)[0] < _WORD97_NFIB:
        raise ReadError(path, not_read("Word 6.0/95 .doc"))
    return word, table, data


@dataclass(frozen=True)
class _Fib:
    """What the reader needs of the file information block at the stream's start."""

    flags: int
    main_length: int  # ccpText: characters of the main document, before headers and notes
    clx: tuple[int, int]  # the piece table's (offset, length) in the table stream
    paragraph_bins: tuple[int, int]  # PlcBtePapx: where the paragraph-property pages are

    @classmethod
    def parse(cls, word: bytes) -> _Fib:
        shorts = struct.unpack_from("<H", word, 32)[0]
        at = 34 + 2 * shorts
        longs = struct.unpack_from("<H", word, at)[0]
        main_length = struct.unpack_from("<i", word, at + 2 + 3 * 4)[0]
        pairs = at + 2 + 4 * longs + 2  # FibRgFcLcb97, after its count of pairs

        def pair(k: int) -> tuple[int, int]:
            return struct.unpack_from("<II", word, pairs + 8 * k)

        return cls(struct.unpack_from("<H", word, 0x0A)[0], main_length, pair(33), pair(13))


def _main_text(word: bytes, table: bytes, fib: _Fib) -> list[tuple[str, int]]:
    """The main document's characters, each with its offset in the WordDocument stream."""
    chars: list[tuple[str, int]] = []
    for first, last, offset, compressed in _pieces(table, *fib.clx):
        if first >= fib.main_length:
            break
        count = min(last, fib.main_length) - first
        if compressed:  # one byte a character, Windows-1252
            text, width = word[offset:offset + count].decode("cp1252", "replace"), 1
        else:
            text, width = word[offset:offset + 2 * count].decode("utf-16-le", "replace"), 2
        chars.extend((ch, offset + k * width) for k, ch in enumerate(text))
    return chars


def _pieces(table: bytes, offset: int, length: int) -> list[tuple[int, int, int, bool]]:
    """The piece table: (first character, end character, stream offset, compressed) a piece."""
    clx = table[offset:offset + length]
    at = 0
    while at < len(clx) and clx[at] == 1:  # property modifiers kept beside the pieces
        at += 3 + max(struct.unpack_from("<h", clx, at + 1)[0], 0)
    if at >= len(clx) or clx[at] != 2:
        raise struct.error("no piece table")
    size = struct.unpack_from("<I", clx, at + 1)[0]
    plc = clx[at + 5:at + 5 + size]
    n = (len(plc) - 4) // 12
    bounds = struct.unpack_from(f"<{n + 1}I", plc, 0)
    pieces = []
    for k in range(n):
        fc = struct.unpack_from("<I", plc, 4 * (n + 1) + 8 * k + 2)[0]
        compressed = bool(fc & 0x40000000)
        fc &= 0x3FFFFFFF
        pieces.append((bounds[k], bounds[k + 1], fc // 2 if compressed else fc, compressed))
    return pieces


class _ParagraphProperties:
    """Each paragraph's properties, found by the stream offset of its end mark."""

    def __init__(self, word: bytes, table: bytes, data: bytes, fib: _Fib) -> None:
        self._data = data
        offset, length = fib.paragraph_bins
        plc = table[offset:offset + length]
        n = (len(plc) - 4) // 8
        runs: list[tuple[int, int, bytes]] = []
        for k in range(n):
            page = struct.unpack_from("<I", plc, 4 * (n + 1) + 4 * k)[0] & 0x3FFFFF
            runs.extend(_page_runs(word[page * 512:(page + 1) * 512]))
        runs.sort()
        self._starts = [run[0] for run in runs]
        self._runs = runs

    def at(self, offset: int) -> dict[int, bytes]:
        k = bisect.bisect_right(self._starts, offset) - 1
        if k < 0 or offset >= self._runs[k][1]:
            return {}
        properties = dict(_sprms(self._runs[k][2]))
        if len(properties.get(_HUGE, b"")) == 4:
            at = struct.unpack("<I", properties[_HUGE])[0]
            size = struct.unpack_from("<H", self._data, at)[0] if at + 2 <= len(self._data) else 0
            properties.update(_sprms(self._data[at + 2:at + 2 + size]))
        return properties


def _page_runs(page: bytes) -> list[tuple[int, int, bytes]]:
    """A 512-byte page of paragraph properties: (first offset, end offset, sprms) a run."""
    if len(page) < 512:
        return []
    count = page[511]
    runs = []
    for r in range(count):
        first, end = struct.unpack_from("<II", page, 4 * r)
        at = 2 * page[4 * (count + 1) + 13 * r]
        if at == 0:
            runs.append((first, end, b""))
            continue
        size = page[at]
        start, size = (at + 2, 2 * page[at + 1]) if size == 0 else (at + 1, 2 * size - 1)
        runs.append((first, end, page[start + 2:start + size]))  # after the style index
    return runs


def _sprms(grpprl: bytes):
    """(sprm, operand) of a property list."""
    at = 0
    while at + 2 <= len(grpprl):
        sprm = struct.unpack_from("<H", grpprl, at)[0]
        at += 2
        kind = sprm >> 13
        if kind != 6:
            size = _OPERAND_SIZE[kind]
        elif sprm == _TABLE_DEF:  # a two-byte size, counting itself less one
            if at + 2 > len(grpprl):
                return
            size = struct.unpack_from("<H", grpprl, at)[0] - 1
            at += 2
        else:
            if at >= len(grpprl):
                return
            size = grpprl[at]
            at += 1
        yield sprm, grpprl[at:at + size]
        at += size


@dataclass
class _Blocks:
    """Turns the characters into blocks, numbering paragraphs and tables separately."""

    properties: _ParagraphProperties
    blocks: list[Block] = field(default_factory=list)
    paragraphs: int = 0
    tables: int = 0
    rows: list[tuple[list[str], list[tuple[int, int]] | None]] = field(default_factory=list)
    cells: list[str] = field(default_factory=list)
    cell: list[str] = field(default_factory=list)

    def run(self, chars: list[tuple[str, int]]) -> list[Block]:
        for text, mark, offset in _paragraphs(chars):
            props = self.properties.at(offset)
            if not _in_table(props):
                self.end_table()
                self.paragraph(text)
            elif mark == _PARAGRAPH:  # a paragraph inside a cell: the cell goes on
                self.cell.append(text.strip())
            elif props.get(_ROW_END, b"\0")[:1] == b"\x01":
                self.rows.append((self.cells, _cell_edges(props.get(_TABLE_DEF))))
                self.cells, self.cell = [], []
            else:
                self.cell.append(text.strip())
                self.cells.append("".join(self.cell))
                self.cell = []
        self.end_table()
        return self.blocks

    def paragraph(self, text: str) -> None:
        self.paragraphs += 1
        if text.strip():
            self.blocks.append(TextBlock(text, f"paragraph {self.paragraphs}"))

    def end_table(self) -> None:
        if self.cells:  # cells after the last row end: a table cut short
            self.rows.append((self.cells, None))
        if self.rows:
            self.tables += 1
            self.blocks.append(TableBlock(_grid(self.rows), f"table {self.tables}"))
        self.rows, self.cells, self.cell = [], [], []


def _in_table(props: dict[int, bytes]) -> bool:
    """sprmPFInTable set, or a table depth (sprmPItap) above 0: Word writes a depth of 0 for a
    paragraph that has left a table."""
    depth = props.get(_TABLE_DEPTH, b"")
    return props.get(_IN_TABLE, b"\0")[:1] == b"\x01" or (len(depth) == 4 and struct.unpack("<i", depth)[0] > 0)


def _paragraphs(chars: list[tuple[str, int]]):
    """(text, end mark, end mark's offset) a paragraph or cell; field codes left out, their
    results kept."""
    text: list[str] = []
    fields: list[bool] = []  # per open field: whether its result has begun
    for ch, offset in chars:
        if ch == _FIELD_BEGIN:
            fields.append(False)
        elif ch == _FIELD_SEPARATOR and fields:
            fields[-1] = True
        elif ch == _FIELD_END and fields:
            fields.pop()
        elif ch in (_PARAGRAPH, _CELL, _PAGE_BREAK):
            yield "".join(text).translate(_SPECIAL), _PARAGRAPH if ch == _PAGE_BREAK else ch, offset
            text = []
        elif all(fields):
            text.append(ch)


def _cell_edges(definition: bytes | None) -> list[tuple[int, int]] | None:
    """(left edge, merge flags) of each cell of a row, its right edge last, from sprmTDefTable."""
    if not definition:
        return None
    count = definition[0]
    if len(definition) < 1 + 2 * (count + 1):
        return None
    edges = struct.unpack_from(f"<{count + 1}h", definition, 1)
    after = 1 + 2 * (count + 1)
    flags = [
        struct.unpack_from("<H", definition, after + 20 * k)[0] if after + 20 * k + 2 <= len(definition) else 0
        for k in range(count)
    ]
    return [(edge, flags[k] if k < count else 0) for k, edge in enumerate(edges)]


def _grid(rows: list[tuple[list[str], list[tuple[int, int]] | None]]) -> tuple[tuple[str, ...], ...]:
    """Rows of cell text on one grid: a cell as wide as several columns holds its text in the
    first and "" in the others; a cell continuing a vertical merge holds ""."""
    columns = _columns([edge for _, edges in rows if edges for edge, _ in edges])
    grid: list[list[str]] = []
    for cells, edges in rows:
        if not edges or len(edges) != len(cells) + 1:
            grid.append(list(cells))
            continue
        positions = [_column(columns, edge) for edge, _ in edges]
        row = [""] * positions[0]
        for k, text in enumerate(cells):
            flags = edges[k][1]
            continued = flags & _TC_MERGED or (flags & _TC_VERT_MERGE and not flags & _TC_VERT_RESTART)
            row.extend(["" if continued else text] + [""] * max(positions[k + 1] - positions[k] - 1, 0))
        grid.append(row)
    width = max((len(r) for r in grid), default=0)
    return tuple(tuple(r + [""] * (width - len(r))) for r in grid)


def _columns(edges: list[int]) -> list[int]:
    """The table's column edges: every row's cell edges, those within _SAME_BOUNDARY of the
    one before taken as it."""
    columns: list[int] = []
    for edge in sorted(set(edges)):
        if not columns or edge - columns[-1] >= _SAME_BOUNDARY:
            columns.append(edge)
    return columns


def _column(columns: list[int], edge: int) -> int:
    """The column whose edge a cell edge is (the nearest at or before it)."""
    return max(bisect.bisect_right(columns, edge) - 1, 0)
