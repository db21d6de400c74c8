"""Recovering table rows from flattened text.

Reports reach us as text in which table rows are flattened every way:

* one cell per line, each line starting with a TAB, rows separated by an
  empty line, a long header wrapped onto a following line without a TAB
  (seeds 000, 002, 003);
* one row per line, cells separated by TABs (seeds 001, 004) or by pipes,
  with or without the leading pipe (``规章 | 0 | 0 | 0 |``), markdown rules or not;
* one cell per line ending in ``|``, or between blank lines, a ``|`` alone on a
  line for an empty cell, labels wrapped over two or three lines (PDF text);
* a whole table on one line, separated by spaces or by nothing at all
  (``规章000行政规范性文件307``).

Where a line is a whole row its end ends the row; elsewhere rows are cut at
the templates' row labels: every line is cut into pieces (``cells.py``), and a
row is a run of label pieces followed by its numbers.  Rows without separators
are read only inside a table (after a header, a caption or a long section 三
label), and never where a unit follows the numbers (``行政处罚 25 起`` is prose).

The result is a stream of ``Item``s in document order: text lines stay text,
table rows become tuples of cells, so grids from HTML/DOCX/PDF readers and
rows recovered here feed one interpreter.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field

from analyzers.filters import simplified_text

from ...models import Block, TableBlock, TextBlock
from ..cleanup import clean_line
from .cells import Piece, line_pieces
from .labels import is_group, is_table_signal, is_vocabulary, match, split_fused_text

_TABLE_REACH = 80  # pieces after a table signal within which label-cut rows are trusted
_SHORT_CELL = 60  # longer text without a table word is prose, not a cell
# Sentences and section headings ("## 二、主动公开政府信息情况") are never cells.
_PROSE = re.compile(r"[。；;！？!?]|^[#*\s]*(?:[一二三四五六七八九十]{1,3}[、.．]|第[一二三四五六七八九十]+部分)|情况$")
_UNIT_AFTER = re.compile(r"^[件条项个次起篇家份宗人例台]")
# A row's numbering alone on a line ("2.", "二", "（三"), cut from its label by a crawler that
# put every element of a cell on a line of its own: the start of the next row, not a value.
_NUMBERING_LINE = re.compile(r"^\s*(?:\d{1,2}\s*[.．、]|[（(]?[一二三四五六七八九十]{1,3}[)）、]?)\s*$")


@dataclass(frozen=True)
class Item:
    """A text line (``cells`` is None) or a table row."""

    text: str
    where: str
    cells: tuple[str, ...] | None = None
    loose: bool = False  # cut from flattened text by its labels: match labels strictly
    placed: bool = True  # empty cells hold their places (grids, tab rows, markdown rows)
    followed: bool = True  # a row or prose follows it at once (not the text's end, where a cut may fall)
    ends_text: bool = False  # the text ends with this row: a crawler's or a page's cut may fall in it
    last_cut: bool = False  # its last cell ends the text, digits that a cut may have shortened

    @property
    def is_row(self) -> bool:
        return self.cells is not None


def items_from_blocks(blocks: Iterable[Block]) -> list[Item]:
    """Linearise a document: grids row by row, text line by line with rows recovered."""
    items: list[Item] = []
    lines: list[tuple[str, str]] = []
    for block in blocks:
        if isinstance(block, TableBlock):
            items.extend(_recover(lines))
            lines = []
            for i, row in enumerate(block.rows, 1):
                cells = tuple(simplified_text(clean_line(c)) for c in row)
                items.append(Item("\t".join(cells), f"{block.where} row {i}".strip(), cells))
        elif isinstance(block, TextBlock):
            # a mirror's injected readings (規(guī)章) out of table labels as out of prose
            lines.extend((clean_line(text), where) for text, where in _split_block(block))
    items.extend(_recover(lines))
    return items


def _split_block(block: TextBlock) -> list[tuple[str, str]]:
    parts = block.text.split("\n")
    if len(parts) == 1:
        return [(block.text, block.where)]
    return [(p, f"{block.where} +{i}".strip()) for i, p in enumerate(parts)]


# --- lines → units: TAB cell-per-line rows become one tab-separated unit -------


@dataclass
class _Unit:
    text: str  # what is cut into pieces
    lines: list[int]  # the original lines it stands for


def _units(lines: list[tuple[str, str]]) -> list[_Unit]:
    """Group TAB-prefixed one-cell lines (up to an empty line) into one row unit."""
    units: list[_Unit] = []
    cells: list[str] | None = None
    members: list[int] = []
    last_was_cell = False

    def close() -> None:
        nonlocal cells, members
        if cells is not None:
            units.append(_Unit("\t".join(cells) + ("\t" if len(cells) == 1 else ""), members))
        cells, members = None, []

    for n, (text, _) in enumerate(lines):
        if text.strip() == "|" and cells is None and units and not units[-1].text.rstrip().endswith("|"):
            # "\t\t\t0" then "   |": the last cell's pipe wrapped onto a line of its own
            units[-1] = _Unit(units[-1].text.rstrip() + " |", [*units[-1].lines, n])
            continue
        if text.startswith("\t") and "\t" not in text[1:]:
            cells = [] if cells is None else cells
            cells.append(text[1:])
            members.append(n)
            last_was_cell = True
            continue
        if text.strip() and last_was_cell and cells is not None and "\t" not in text:
            cells[-1] += text.strip()  # a header label wrapped onto the next line
            members.append(n)
            continue
        last_was_cell = False
        close()
        units.append(_Unit(text, [n]))
    close()
    return units


# --- pieces → rows -------------------------------------------------------------


@dataclass
class _Row:
    labels: list[Piece]
    values: list[Piece] = field(default_factory=list)
    whole_line: bool = False  # ended by the end of a line that was a whole row
    placed: bool = False  # that line kept every empty cell in place
    table: bool = False  # labelled by the templates' words, or numbers alone inside a table
    order: list[Piece] | None = None  # a whole line's cells as printed
    absorbed: list[Piece] = field(default_factory=list)  # label ends printed after the numbers

    @property
    def pieces(self) -> list[Piece]:
        return self.order if self.order is not None else self.labels + self.values


class _Builder:
    """Cuts the piece stream into rows at row labels and at row-shaped line ends."""

    def __init__(self) -> None:
        self.rows: list[_Row] = []
        self.pending: list[Piece] = []  # text not yet known to be a label or prose
        self.open: _Row | None = None
        self.count = 0
        self.signal_at = -_TABLE_REACH - 1

    def feed(self, pieces: list[Piece], shape: str | None) -> None:
        if shape is None and _label_then_numbers(pieces):
            shape = "row"
        if shape is not None:
            self.whole_row(pieces, shape)
            return
        for piece in pieces:
            self.count += 1
            if piece.kind == "text":
                self.text(piece)
            else:
                self.value(piece)

    def whole_row(self, pieces: list[Piece], shape: str) -> None:
        """A line that is one row: its cells, in order, are the row."""
        self.end_row()  # text before a whole row is not part of it
        self.count += len(pieces)
        if any(is_table_signal(p.text) for p in pieces if p.kind == "text"):
            self.signal_at = self.count
        labels = [p for p in pieces if p.kind == "text"]
        self.open = _Row(labels, [p for p in pieces if p.kind != "text"], order=pieces)
        self.open.whole_line, self.open.placed = True, shape == "exact"
        self.close()

    def text(self, piece: Piece) -> None:
        if any(is_table_signal(part) for part in _split(piece.text)):
            self.signal_at = self.count
        if self.open and self.open.values:
            if _UNIT_AFTER.match(piece.text) and piece.line == self.open.values[-1].line:
                self.open = None  # "行政处罚 25 起": a sentence, not a row
            elif _completes(self.open, piece):
                return  # "规范性 0 0 2" / "文件": the label's end, wrapped below its numbers
            else:
                self.close()
        self.pending.append(piece)

    def value(self, piece: Piece) -> None:
        if self.pending:
            self.start_row()
        if self.open is None:
            if piece.kind == "blank":
                return  # empty cells a spanning header left, on a line of their own
            self.open = _Row([])  # numbers with no label: section 四's row
        self.open.values.append(piece)

    def start_row(self) -> None:
        """The trailing table words of the pending text label a new row; the rest is prose."""
        if self.open and self.open.values:
            self.close()
        pieces = _join_wrapped([Piece(part, "text", p.line, p.index) for p in self.pending for part in _split(p.text)])
        keep = len(pieces)
        while keep and _table_like(pieces[keep - 1].text):
            keep -= 1
        labels = pieces[keep:]
        if self.open and not self.open.values:
            labels = self.open.labels + labels  # a label with no numbers, then another
        self.pending = []
        self.open = _Row(labels)

    def end_row(self) -> None:
        """Close the row being cut, its pending labels included."""
        if self.pending and (self.open is None or self.open.values):
            self.start_row()
        self.close()

    def close(self) -> None:
        """Keep a row that belongs to a table: a whole-line row, or one cut inside a table."""
        row, self.open = self.open, None
        if row is None or not row.pieces or not (row.whole_line or self.count - self.signal_at <= _TABLE_REACH):
            return
        labelled = any(is_vocabulary(p.text) for p in row.labels)
        bare = not row.labels and any(p.kind == "number" for p in row.values)
        if labelled or bare or row.whole_line:
            row.table = labelled or bare
            self.rows.append(row)
        if labelled:
            self.signal_at = self.count  # a table is being read: its next rows need no new header

    def finish(self) -> list[_Row]:
        self.end_row()
        return self.rows


def _split(text: str) -> tuple[str, ...]:
    return (text,) if is_vocabulary(text) else split_fused_text(text)


def _completes(row: _Row, piece: Piece) -> bool:
    """Join ``piece`` to the row's unknown label when together they are a label."""
    if not row.labels or is_vocabulary(row.labels[-1].text):
        return False
    last = row.labels[-1]
    if not is_vocabulary(last.text + piece.text):
        return False
    row.labels[-1] = Piece(last.text + piece.text, "text", last.line, last.index)
    row.absorbed.append(piece)
    return True


def _join_wrapped(pieces: list[Piece]) -> list[Piece]:
    """Rejoin a label or header that a line broke inside its cell: 行政 / 许可, 本年新 / 制作数量,
    其他 / 对外管理服务事项 (其他 a label too); and a group heading a PDF prints in halves around
    its first sub-row: （六）其 / 2.… / 他处理."""
    out: list[Piece] = []
    for piece in pieces:
        if len(out) >= 2 and is_group(out[-2].text + piece.text) and not is_vocabulary(piece.text):
            out[-2] = Piece(out[-2].text + piece.text, "text", out[-2].line, out[-2].index)
            continue
        for k in (2, 1):  # join to the one or two fragments before it
            parts = out[-k:]
            if len(parts) == k and not any(is_vocabulary(p.text) for p in (*parts, piece)):
                joined = "".join(p.text for p in parts) + piece.text
                if is_vocabulary(joined):
                    del out[-k:]
                    piece = Piece(joined, "text", parts[0].line, parts[0].index)
                    break
        else:
            # A label that is a word of its own before its wrap (其他 / 对外管理服务事项): joined
            # where the whole names another row than its first line does.
            if out and not is_vocabulary(piece.text) and _names_another(out[-1].text, out[-1].text + piece.text):
                piece = Piece(out[-1].text + piece.text, "text", out[-1].line, out[-1].index)
                del out[-1]
        out.append(piece)
    return out


def _names_another(part: str, whole: str) -> bool:
    meanings = {(lb.kind, lb.key) for lb in match(whole)}
    return bool(meanings) and meanings != {(lb.kind, lb.key) for lb in match(part)}


def _table_like(text: str) -> bool:
    """A table word, or a short fragment of one (a wrapped label, a cut header)."""
    if is_vocabulary(text):
        return True
    return len(text) <= _SHORT_CELL and not _PROSE.search(text)


def _label_then_numbers(pieces: list[Piece]) -> bool:
    """A whole line that is a row label followed only by numbers: ``行政处罚 12 0 12``."""
    if len(pieces) < 2 or pieces[0].kind != "text":
        return False
    return all(p.kind == "number" for p in pieces[1:]) and bool(match(pieces[0].text, strict=True))


def _recover(lines: list[tuple[str, str]]) -> list[Item]:
    """Text items for the lines that are not all table, and the rows cut from the pieces."""
    units = _units(lines)
    builder = _Builder()
    cut: list[list[Piece]] = []  # each unit's pieces
    for u, unit in enumerate(units):
        if _NUMBERING_LINE.match(unit.text):
            pieces, shape = [Piece(unit.text.strip(), "text", u, 0)], None
        else:
            pieces, shape = line_pieces(unit.text, u)
        cut.append(pieces)
        builder.feed(pieces, shape)
    counts = [len(pieces) for pieces in cut]
    rows = builder.finish()
    followed = _followed(rows, cut, counts)
    used: dict[int, set[int]] = {}
    starts: dict[int, list[_Row]] = {}
    for row in rows:
        for p in (*row.pieces, *row.absorbed) if row.table else ():
            used.setdefault(p.line, set()).add(p.index)
        starts.setdefault(min(p.line for p in row.pieces), []).append(row)
    last = max(((p.line, p.index) for pieces in cut for p in pieces), default=None)
    out: list[Item] = []
    for u, unit in enumerate(units):
        table_only = len(used.get(u, ())) >= counts[u] and (counts[u] or unit.text.strip() != "")
        for n in unit.lines:
            text, where = lines[n]
            out.append(Item("" if table_only else text, where))
        for row in starts.get(u, []):
            end = max((p.line, p.index) for p in row.pieces)
            # nothing after it but blank lines (not a Markdown rule line, |---|)
            ends_text = row.table and end == last and not any(unit.text.strip() for unit in units[end[0] + 1 :])
            cells = tuple(p.text for p in row.pieces)
            where = lines[unit.lines[0]][1]
            out.append(Item("\t".join(cells), where, cells, loose=not row.whole_line, placed=row.placed,
                            followed=id(row) in followed, ends_text=ends_text,
                            last_cut=ends_text and _maybe_cut(row.pieces[-1], units)))
    return out


def _maybe_cut(piece: Piece, units: list[_Unit]) -> bool:
    """Whether the text's last piece is a number the cut may have shortened: nothing follows
    it, not even a separator or the line's end, and it is not 0 (no longer number starts with 0)."""
    text = units[piece.line].text
    return (piece.kind == "number" and piece.text.strip() != "0" and piece.line == len(units) - 1
            and text.rstrip() == text and text.endswith(piece.text))


def _followed(rows: list[_Row], cut: list[list[Piece]], counts: list[int]) -> set[int]:
    """The rows (by id) that end where something else begins: the next row at once (lines
    without pieces aside), or prose or a heading. A row that ends the text, or that other
    words follow (a page's foot), may have been cut there, its last cells lost."""
    def span(row: _Row) -> tuple[tuple[int, int], tuple[int, int]]:
        keys = [(p.line, p.index) for p in (*row.pieces, *row.absorbed)]
        return min(keys), max(keys)

    spans = [span(row) for row in rows]
    followed = set()
    for k, row in enumerate(rows):
        end = spans[k][1]
        if k + 1 < len(rows) and spans[k + 1][0] > end and _adjacent(end, spans[k + 1][0], counts):
            followed.add(id(row))
        elif _prose_next(end, cut):
            followed.add(id(row))  # the table's last row, the next section's heading after it
    return followed


def _prose_next(end: tuple[int, int], cut: list[list[Piece]]) -> bool:
    """Whether the first piece after the one at ``end`` is prose or a heading (四、…, …情况):
    the table has ended there, not been cut (a page's foot is neither)."""
    line, index = end
    after = [p for p in cut[line] if p.index > index] or next((ps for ps in cut[line + 1 :] if ps), [])
    return bool(after) and after[0].kind == "text" and bool(_PROSE.search(after[0].text))


def _adjacent(end: tuple[int, int], start: tuple[int, int], counts: list[int]) -> bool:
    """Whether the piece at ``start`` comes right after the one at ``end``, lines without
    pieces (empty, or a lone ``|``) aside."""
    if start[0] == end[0]:
        return start[1] == end[1] + 1
    if start[1] != 0 or end[1] != counts[end[0]] - 1:
        return False
    return not any(counts[u] for u in range(end[0] + 1, start[0]))
