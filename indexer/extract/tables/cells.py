"""Cells of flattened table text, whatever separated them.

Real pages flatten tables every way: one cell per line (ending in ``|``, or
between blank lines), rows with or without leading pipes, tab rows, a whole
table on one line with spaces, or with no separator at all
(``规章000行政规范性文件307``).  ``line_pieces`` cuts one line into pieces —
text, numbers, explicit blanks — and says whether the line itself was a whole
row (its end then ends a table row).  Grouping pieces into rows is
``rows.py``'s job; nothing here knows the templates but the vocabulary used to
cut fused text.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from analyzers.filters import simplified_text

from ..numbers import parse_cell

_RULE = re.compile(r"^[\s|:\-—–=+]*$")  # markdown/ASCII rules: |---|---|, +----+
# A number inside running text: signed, decimal, with a money unit.
# A sign right after a digit starts the next number: "10-8" is 10 and -8.
# A sign after a run of marks is a mark: "-----3" is empty cells, then 3.
_NUMBER = re.compile(
    r"(?:(?<=\d)[-+]|(?<![\d.—\-－–/+])[-+]{1,2}|(?<![\d.]))\d+(?:,\d{3})*(?:\.\d+)?(?:\s*(?:万元|亿元|元))?"
)
_CJK_START = re.compile(r"[\u3400-\u9fff（(“]|\d{1,2}[.．、][\u3400-\u9fff]")  # a cell's first characters
_CELL_MAX = 120  # no table cell is a paragraph
_SENTENCE_END = re.compile(r"[。！？]")
_DATE_UNIT = re.compile(r"\s*(?:年|月|日|号|季度|时|岁|周年)")  # "2017年度" is text, not a cell
_NUMBERING_AFTER = re.compile(r"[.．、](?=\s*[^\d\s.．、])")
_CJK_SPACE = re.compile(r"(?<=[^\x00-\x7f])\s+(?=[^\x00-\x7f])")
_MARKS = re.compile(r"[—\-－–/]+")  # what marks empty cells: dashes and slashes only
_MARKED = re.compile(r"(?P<lead>[—\-－–/]*)(?P<core>.*?)(?P<trail>[—\-－–/]*)", re.S)


@dataclass(frozen=True)
class Piece:
    """One cell's worth of text: ``kind`` is "text", "number" or "blank"."""

    text: str
    kind: str
    line: int  # index of the line it came from
    index: int = 0  # its place on that line (pieces cut from one piece share it)


def line_pieces(text: str, line: int) -> tuple[list[Piece], str | None]:
    """The pieces of one line, and whether the line is a whole table row: "exact" when its
    separators keep every cell in place (tabs, markdown pipes), "row" when a crawler's
    pipes may have dropped empty cells (``规范性文件 | 11 | ||``), else None.

    >>> [p.text for p in line_pieces("规章 | 0 | 0 | 0 |", 0)[0]]
    ['规章', '0', '0', '0']
    """
    clean = simplified_text(unicodedata.normalize("NFKC", text).replace("\u3000", " ")).strip(" \r\n")  # tabs hold places
    if "|" in clean and "\t" not in clean.strip("\t "):
        clean = clean.strip("\t ")  # pipes part its cells; tabs only before or after: indentation
    if not clean:
        return [], None
    if "\t" in clean or "|" in clean:
        pieces, shape = _separated(clean, line)
    elif parse_cell(clean).kind == "unreadable":
        pieces, shape = [Piece(clean, "number", line)], None  # a cell a line, its number damaged ("减")
    else:
        pieces, shape = _run_pieces(clean, line), None
    # Numbered with the constructor (dataclasses.replace is several times slower).
    return [Piece(p.text, p.kind, p.line, i) for i, p in enumerate(pieces)], shape


def _separated(clean: str, line: int) -> tuple[list[Piece], str | None]:
    """Cells between tabs or pipes; a single cell ending in "|" is one cell of a row."""
    if _RULE.match(clean) and "-" in clean:
        if clean.count("|") >= 2 or sum(clean.count(d) for d in "-—–=") >= 3:
            return [], "exact"  # a markdown rule ends the header row
        return [Piece("", "blank", line)], None  # "- |": one empty cell, marked, of a cell-a-line row
    sep = "\t" if "\t" in clean else "|"
    exact = sep == "\t" or (clean.startswith("|") and clean.endswith("|"))
    cells = clean.split(sep)
    if sep == "|" and cells[0].strip() == "":
        cells = cells[1:]
    if sep == "|" and cells and cells[-1].strip() == "":
        cells = cells[:-1]
    padded = sep == "|" and not exact and len(cells) > 1 and not any(c.strip() for c in cells[1:])
    if padded and parse_cell(cells[0].strip()).kind == "number":
        cells = cells[:1]  # "0 | |", "8 | |||||": a cell a line, the page's padding after it
    if not any(c.strip() for c in cells):
        # "|||" on its own line: the empty cells a spanning header leaves
        return [Piece("", "blank", line) for _ in cells], None
    pieces = []
    for cell in cells:
        pieces += _cell_pieces(cell.strip(), line)
    if any(len(c) > _CELL_MAX or _SENTENCE_END.search(c) for c in cells):
        return pieces, None  # "站群导航 | 加入收藏 一、总体情况 …": a page on one line, not a row
    return pieces, ("exact" if exact else "row") if len(cells) >= 2 else None


def _cell_pieces(cell: str, line: int) -> list[Piece]:
    """One separated cell: a number or blank as it stands, else text (maybe fused with digits)."""
    if cell == "无":
        return [Piece("0", "number", line)]  # "规章 | 无 | 无 | 无": none, written out
    kind = parse_cell(cell).kind
    if kind in ("number", "blank", "unreadable"):
        return [Piece(cell, "blank" if kind == "blank" else "number", line)]
    return _run_pieces(cell, line, in_cell=True)


def _run_pieces(text: str, line: int, in_cell: bool = False) -> list[Piece]:
    """Text and the numbers inside it, in order; whitespace between CJK dropped."""
    pieces: list[Piece] = []
    pos = 0
    for m in _NUMBER.finditer(text):
        start, end = m.span()
        if _DATE_UNIT.match(text, end) or text[max(0, start - 1) : start] == "第":
            continue
        if _NUMBERING_AFTER.match(text, end) and m.group().isdigit():
            # "00000002.其他法律…": the last digit numbers the next label
            if len(m.group()) == 1:
                continue
            end -= 1
        _add_text(pieces, text[pos:start], line, in_cell)
        pieces.append(Piece(text[start:end].replace(" ", ""), "number", line))
        pos = end
    _add_text(pieces, text[pos:], line, in_cell)
    return pieces


def _add_text(pieces: list[Piece], text: str, line: int, in_cell: bool) -> None:
    """Text between numbers.  Inside a separated cell spaces only split words (商业 企业);
    in running text they separate cells (PDF text: "（六）其 2.申请人…", "他处理 求缴纳费用…"),
    but spaced-out characters stay one word (1.本 机 关 不 掌 握)."""
    for part in [_CJK_SPACE.sub("", text)] if in_cell else _words(text):
        part = part.strip(" ,，;；")
        if in_cell:
            if part:
                pieces.append(Piece(part, "text", line))
            continue
        # "8 — — 1 9", "数量///1//1": empty cells marked, on a row's line, alone or at a word's ends
        m = _MARKED.fullmatch(part)
        assert m is not None  # every part fits: each group may be empty
        if m["lead"]:
            pieces.append(Piece("", "blank", line))
        if m["core"]:
            pieces.append(Piece(m["core"], "text", line))
        if m["trail"]:
            pieces.append(Piece("", "blank", line))


def _words(text: str) -> list[str]:
    """Runs between spaces, a lone character joined to its neighbours."""
    out: list[str] = []
    for token in text.split():
        if _MARKS.fullmatch(token) or (out and _MARKS.fullmatch(out[-1])):
            out.append(token)  # an empty cell's mark is a cell of its own, not a word's end
        elif out and (len(token) == 1 or len(out[-1]) == 1 or not _CJK_START.match(token)):
            out[-1] += token
        else:
            out.append(token)
    return out
