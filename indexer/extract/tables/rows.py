"""Recovering table rows from flattened text.

Reports reach us as text in three flattened shapes, all handled here:

* one cell per line, each line starting with a TAB, rows separated by an
  empty line, a long header wrapped onto a following line without a TAB
  (seeds 000, 002, 003);
* one row per line, cells separated by TABs (seeds 001, 004);
* markdown pipe tables (``| a | b |`` with ``|---|`` rules).

The result is a stream of ``Item``s in document order: text lines stay text,
table rows become tuples of cells, so grids from HTML/DOCX/PDF readers and
rows recovered here feed one interpreter.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from ...models import Block, TableBlock, TextBlock

_RULE = re.compile(r"^[\s|:\-—–=]*$")  # markdown/ASCII rules: |---|---|, -----\t---
# A short line of a label followed only by numbers: a row whose cell borders a
# crawler dropped ("行政处罚 12 0 12", "行政处罚12012").
_LOOSE_ROW = re.compile(
    r"^\s*(?P<label>(?:\d{1,2}[.．、]\s*)?[^\d\s。；;：:][^\d。；;：:]{1,60}?)\s*(?P<values>\d[\d\s.]*)$"
)
_DIGITS_ONLY = re.compile(r"^\s*\d{15,}\s*$")  # section 四's numbers with every border lost


@dataclass(frozen=True)
class Item:
    """A text line (``cells`` is None) or a table row."""

    text: str
    where: str
    cells: tuple[str, ...] | None = None
    loose: bool = False  # recovered from a plain line: may still be prose

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
            items.extend(
                Item("\t".join(r), f"{block.where} row {i}".strip(), tuple(r))
                for i, r in enumerate(block.rows, 1)
            )
        elif isinstance(block, TextBlock):
            lines.extend(_split_block(block))
    items.extend(_recover(lines))
    return items


def _split_block(block: TextBlock) -> list[tuple[str, str]]:
    parts = block.text.split("\n")
    if len(parts) == 1:
        return [(block.text, block.where)]
    return [(p, f"{block.where} +{i}".strip()) for i, p in enumerate(parts)]


def _recover(lines: list[tuple[str, str]]) -> list[Item]:
    out: list[Item] = []
    open_cells: list[str] | None = None  # the cell-per-line row being collected
    open_where = ""
    last_was_cell = False

    def close() -> None:
        nonlocal open_cells
        if open_cells:
            out.append(Item("\t".join(open_cells), open_where, tuple(open_cells)))
        open_cells = None

    for text, where in lines:
        kind = _line_kind(text)
        if kind == "cell":
            if open_cells is None:
                open_cells, open_where = [], where
            open_cells.append(text[1:])
            last_was_cell = True
            continue
        if kind == "text" and last_was_cell and open_cells is not None:
            open_cells[-1] += text.strip()  # a header label wrapped onto the next line
            continue
        last_was_cell = False
        close()
        if kind == "row":
            out.append(Item(text, where, _split_row(text)))
        elif kind == "rule":
            out.append(Item("", where))
        elif loose := _LOOSE_ROW.match(text):
            values = loose["values"].split()
            out.append(Item(text, where, (loose["label"], *values), loose=True))
        elif _DIGITS_ONLY.match(text):
            out.append(Item(text, where, (text.strip(),), loose=True))
        else:
            out.append(Item(text, where))
    close()
    return out


def _line_kind(text: str) -> str:
    if text.startswith("\t") and "\t" not in text[1:]:
        return "cell"
    if "\t" in text:
        return "rule" if _RULE.match(text) else "row"
    stripped = text.strip()
    if stripped.startswith("|") and stripped.count("|") >= 2:
        return "rule" if _RULE.match(stripped) else "row"
    if not stripped:
        return "blank"
    return "text"


def _split_row(text: str) -> tuple[str, ...]:
    if "\t" in text:
        return tuple(text.split("\t"))
    stripped = text.strip()
    cells = stripped.split("|")
    # A pipe row starts and usually ends with "|": drop the empty outer cells.
    if cells and cells[0].strip() == "":
        cells = cells[1:]
    if cells and cells[-1].strip() == "" and stripped.endswith("|"):
        cells = cells[:-1]
    return tuple(c.strip() for c in cells)
