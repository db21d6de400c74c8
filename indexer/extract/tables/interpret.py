"""Reading the official tables' numbers out of recovered rows.

Rows come from any reader (HTML grids, DOCX tables, PDF tables, or rows
recovered from flattened text). Each row is recognised by its printed label,
never by its position in the document, so lost, split and reordered rows do
not shift numbers into the wrong facet. Values are aligned to the template's
columns (fixed in the official templates) by the grid's header, or where
they fit under them one way only; a row that fits several ways that read
differently is left out (``placing.py``).  A blank cell becomes 0 only where
the row's own 总计 confirms it, or in section 三 the table's column sums
(``columnsums.fill_blanks``, which also sums a row whose 总计 cell is blank).
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace
from functools import lru_cache

from ..numbers import BLANK, Cell, parse_cell
from ..templates import (
    ACTIVE_TABLES,
    APPLICANT_COLUMNS,
    APPLICATION_GROUPS,
    APPLICATION_ROWS,
    REVIEW_COLUMNS,
    REVIEW_GROUPS,
    Column,
    template_of_year,
)
from ..titles import header_fields
from . import columnsums, fused, placing
from .columns import HeaderMap, ReviewHeader, names_a_column
from .labels import Label, core_of, match, template_votes
from .rows import Item

_IN_YUAN = re.compile(r"[（(]\s*(?:单位[:：])?\s*元\s*[)）]")
_FUSED = re.compile(r"^(?P<label>.*?[^\d\s.．、])\s*(?P<digits>\d[\d\s]*)$")
_DIGIT_RUN = re.compile(r"^\d{15,}$")  # section 四's fifteen numbers run together
_LABEL_LINES = 8  # lines between a table's rows that may hold the label of the next one

Reading = Callable[[list[Cell]], tuple[placing.Values, list[str]]]


@dataclass
class TableReading:
    """What the tables say: the template, facet values and where each came from."""

    template: str | None
    facets: dict[str, int | float] = field(default_factory=dict)
    where: dict[str, str] = field(default_factory=dict)
    warnings: list[str] = field(default_factory=list)


def detect_template(rows: Sequence[Item], year: int | None) -> str | None:
    """'2019' or '2021' from the headers and template-only labels; None without tables."""
    votes: Counter[str] = Counter()
    recognised = False
    for row in rows:
        if row.cells and row.cells[0].rstrip().endswith((":", "：")) and header_fields([" | ".join(row.cells)]):
            continue  # a catalogue box flattened into cells (索引号: | … | 主题分类: | 其他;), no table
        labels = [lb for cell in row.cells or () for lb in match(cell, strict=row.loose)]
        rowed = any(lb.kind in ("active", "application") for lb in labels)
        recognised = recognised or rowed or any(lb.kind == "review" for lb in labels)
        if row.loose and not rowed:
            continue  # a header word cut from running text votes only beside a row label
        for cell in row.cells or ():
            if vote := template_votes(cell):
                votes[vote] += 1
        # A template-only row label votes where it labels numbers (3.其他 under （六）其他处理),
        # not as a header word (the 其他 column, 其他结果).
        if any(parse_cell(c).is_number for c in row.cells or ()):
            votes.update(lb.template for lb in labels[-1:] if lb.template)
    by_year = template_of_year(year)
    if votes:
        (first, most), *others = votes.most_common()
        if others and others[0][1] == most and by_year in votes:
            return by_year  # as many votes for each: the report's year decides
        return first
    if not recognised or by_year == "free":
        return None  # before 2019 no table follows a template: the report is free-form
    return by_year or "2019"


def read_tables(items: Sequence[Item], year: int | None = None) -> TableReading:
    rows = _join_broken_rows([it for it in _join_label_lines(items) if it.is_row])
    template = detect_template(rows, year)
    reading = TableReading(template)
    if template is None:
        return reading
    _Reader(template, reading).run(rows)
    _add_sums(reading)
    _note_missing_rows(reading)
    return reading


def _note_missing_rows(reading: TableReading) -> None:
    """Say which of the template's rows gave no number at all (lost, or unreadable)."""
    template = reading.template
    active = [row.key for t in ACTIVE_TABLES[template] for row in t.rows]
    missing = [k for k in active if not any(f.startswith(f"{k}.") for f in reading.facets)]
    missing += [
        f"申请.{row.key}" for row in APPLICATION_ROWS[template] if f"申请.{row.key}" not in reading.facets
    ]
    if not any(f.startswith(("复议.", "诉讼.")) for f in reading.facets):
        missing.append("复议诉讼")
    if missing:
        reading.warnings.append(f"table rows not found or without numbers: {', '.join(missing)}")


class _Reader:
    def __init__(self, template: str, reading: TableReading):
        self.template = template
        self.out = reading
        self.group: str | None = None  # current section 三 group (不予公开 …)
        self.in_review = False  # after the section 四 header
        self.review_group: str | None = None  # the section 四 group a label just named (复议 …)
        self.money_unit: str | None = None  # unit a 金额 header declares
        self.placed = True  # the current row's empty cells hold their places
        self.followed = True  # a row or prose follows the current row at once (it was not cut short)
        self.ends_text = False  # the text ends in the current row: a page's cut may fall in it
        # rows of flattened text that showed a value for every column, and rows that showed fewer
        # (their empty cells dropped): in a table of only the former, a cut row's cells are in place
        self.whole_rows = self.short_rows = 0
        self.cells: list[str] = []  # the current row, labels included
        self.headers = HeaderMap()
        self.review_header = ReviewHeader()
        # section 三 rows whose run-together digits split several ways: candidates, where, digits
        self.pending: dict[str, tuple[list[tuple[int, ...]], str, str]] = {}
        self.blank: set[str] = set()  # section 三 cells a grid row left empty
        self.maybe: dict[str, int | float] = {}  # 其他 cells a row's lone number beside its 总计 may be
        # Section 三 totals of flattened text read as a row's last value adding up the others,
        # and whether a row there showed numbers that cannot end with its total (one positive
        # value alone, or a last value that is not the others' sum): then totals may be blank.
        self.summed: set[str] = set()
        self.untotalled = False
        self.columns = {
            row.key: t.columns for t in ACTIVE_TABLES[template] for row in t.rows
        }

    def run(self, rows: Sequence[Item]) -> None:
        for row in rows:
            self.row(row)
        self.settle_pending()
        self.drop_unsure_sums()
        self.fill_blanks()

    def row(self, row: Item) -> None:
        self.placed = row.placed
        self.followed = row.followed
        self.ends_text = row.ends_text
        cells = list(row.cells or ())
        self.cells = cells
        if row.placed:
            self.headers.note(cells)
            self.review_header.note(cells)
        split = _label_end(cells)
        labels, data = cells[: split + 1], cells[split + 1 :]
        digits: tuple[str, ...] | None = None
        if labels and not any(parse_cell(c).kind != "blank" for c in data):
            fused_label = _fused_label(labels[-1])
            if fused_label is not None:
                labels[-1], digits = fused_label[0], (fused_label[1],)
        meaning = self.meaning(labels, data, strict=row.loose)
        if meaning is None:
            return
        kind, key = meaning
        if row.last_cut and digits is None:
            data = self._without_cut_end(kind, key, data, row.where)
        digits = digits or self._run_together(kind, key, data)
        if digits is not None and self.fused(kind, key, digits, row.where):
            return
        if kind == "active":
            self.active(key, data, row.where)
        elif kind == "application":
            self.application(key, data, row.where)
        elif kind == "review_group":
            self.review_group_row(key, data, row.where)
        else:
            self.review(data, row.where)

    def _without_cut_end(self, kind: str, key: str, data: list[str], where: str) -> list[str]:
        """A row the text's end cuts on a number that may have lost digits there ("…| 2" of
        "2.属于国家秘密", "4 | 0 | 2 | 1" of a longer 1x): where the row's cells are not one a column,
        that last number is left out; a row with a cell for every column is whole."""
        width = self.width(kind, key)
        if len(data) == width or len([c for c in data if c.strip()]) == width:
            return data
        self.warn(f"{where}: the text ends on this row's last number ({data[-1].strip()}), which may be cut; left out")
        return data[:-1]

    # --- recognising a row -------------------------------------------------

    def meaning(self, labels: list[str], data: list[str], strict: bool = False) -> tuple[str, str] | None:
        for cell in labels:
            if "金额" in cell:  # a header that declares the unit of the amounts below it
                self.money_unit = "元" if _IN_YUAN.search(cell) else None
        self._note_review_group(labels)
        matched = [(cell, self._usable(match(cell, strict))) for cell in labels]
        for cell, candidates in matched:  # left to right: a group label precedes its sub-rows
            for label in candidates:
                self._note_context(label, cell)
        bare_numbers = len(data) >= 10 or _is_digit_run(data)  # the shape of section 四's row
        kinds = {lb.kind for _, candidates in matched for lb in candidates}
        last = {lb.kind for lb in matched[-1][1]} if matched else set()
        if bare_numbers and "review" in kinds and ("review" in last or not last & {"application", "active"}):
            # section 四's header over its numbers (其他, 总计 there are its columns); a row label
            # after section 三's header words (…其他 一、本年新收…数量1729…) is that row's
            return ("review", "")
        found: tuple[str, str] | None = None
        for _, candidates in reversed(matched):  # the most specific label decides
            for label in candidates:
                found = found or self._row_meaning(label)
        if found and found[0] == "application":
            self.in_review = False
            group = found[1].partition(".")[0]
            if group in APPLICATION_GROUPS:  # a group's own sub-row: the rows after it are the group's too
                self.group = group
        if found is None and self.in_review and bare_numbers:
            return ("review", "")
        # The two readings below go by where a row's cells stand, so only a row whose cells
        # hold their places (a grid, a Markdown or tab row), not one cut from flattened text.
        in_place = self.placed and not strict
        if found is None and in_place and self.in_review and self.review_group and _one_group_of_numbers(data):
            return ("review_group", self.review_group)  # 四 drawn a group a row or a table
        if found is None and in_place and not labels and _adds_up_as_section_four(data):
            return ("review", "")  # its header lost in the text (行政复议行政诉讼 fused on one line)
        return found

    def _note_review_group(self, labels: list[str]) -> None:
        """A row naming one section 四 group (行政复议, 行政诉讼（未经复议直接起诉）…) as its
        label or caption: the five numbers that follow on that row, or on the next row
        under the five column headers, are that group's."""
        named = {g for g in map(_review_group, labels) if g}
        if len(named) == 1:
            self.review_group = named.pop()
            self.enter_review()
        elif self.review_group and (
            named or any(match(cell, strict=True) for cell in labels if not _review_column(cell))
        ):
            self.review_group = None  # two groups (the official header) or another row

    def _usable(self, labels: list[Label]) -> list[Label]:
        return [lb for lb in labels if lb.template in (None, self.template)]

    def _row_meaning(self, label: Label) -> tuple[str, str] | None:
        if label.kind == "active":
            return ("active", label.key)
        if label.kind != "application":
            return None
        if label.key == "其他处理.其他" and self.group != "其他处理":
            return None
        if label.key == "其他处理" and self.template == "2021":
            return None  # in 2021 其他处理 is a group heading with sub-rows
        if label.key == "办理总计" and self.in_review:
            return None
        return ("application", label.key)

    def _note_context(self, label: Label, cell: str) -> None:
        if label.kind == "group":
            self.group = label.key
        elif label.kind == "review" and any(w in cell for w in ("复议", "诉讼")):
            self.enter_review()

    def enter_review(self) -> None:
        """Section 四 begins: section 三's group ends with it (其他 there is a column, 其他结果
        cut short, never （六）其他处理's 3.其他)."""
        self.in_review = True
        self.group = None

    # --- reading values ----------------------------------------------------

    def active(self, key: str, data: list[str], where: str) -> None:
        columns = self.columns.get(key)
        if columns is None:
            return
        placements = self.align(data, len(columns), where, key, columns)
        self.settle(placements, lambda cells: placing.active_values(key, columns, cells, self.money_unit, where),
                    where, key)

    def application(self, key: str, data: list[str], where: str) -> None:
        placements = self.align(data, len(APPLICANT_COLUMNS), where, f"申请.{key}", APPLICANT_COLUMNS, True)
        values = self.settle(placements, lambda cells: placing.application_values(key, cells), where,
                             f"申请.{key}")
        if values is not None and self.placed and len(data) >= len(APPLICANT_COLUMNS):
            # Every column had its cell in this grid row: what it left empty is blank, not lost.
            names = columnsums.facet_names(key)
            if placing.beside_total(placements[0]) and placements[0][-2].value > 0:
                # Read as the row's total; the 其他 cell's too where the column sums say so.
                self.maybe[names[-2]] = placements[0][-2].value
            self.blank.update(n for n in names if n not in values and n not in self.maybe)

    def review_group_row(self, group: str, data: list[str], where: str) -> None:
        """One group's five numbers (结果维持 … 总计), on the row that names the group or the
        row after its caption and headers."""
        self.review_group = None
        placements = self.align(data, len(REVIEW_COLUMNS), where, group)
        self.settle(placements, lambda cells: placing.review_group_values(group, cells), where, group)

    def review(self, data: list[str], where: str) -> None:
        width = len(REVIEW_COLUMNS) * len(REVIEW_GROUPS)
        placed = self.review_header.place(self.cells) if self.placed and len(data) > width else None
        if placed is not None:
            placements = [[parse_cell(c) for c in placed]]  # a column no group has: go by the header
        else:
            placements = self.align(data, width, where, "复议诉讼")
        if any(cell.kind != "blank" for cells in placements for cell in cells):
            self.in_review = False  # its numbers read (a row of its header broken by a page has none)
        if not self.placed and not all(map(placing.groups_add_up, placements)):
            # Text that lost the cells' places may also have lost their order (a row printed
            # over two lines, each line's numbers in turn): the groups' totals say it did.
            self.warn(f"{where}: 复议诉讼's numbers do not add up group by group (结果维持 + 结果纠正 + "
                      "其他结果 + 尚未审结 = 总计); their order is not the table's; left out")
            return
        self.settle(placements, placing.review_values, where, "复议诉讼")

    def settle(
        self, placements: list[list[Cell]], read: Reading, where: str, what: str
    ) -> placing.Values | None:
        """Keep what the row says when every placement of its cells says the same (returned;
        None when the row is left out)."""
        if not placements:
            return None
        readings = [read(cells) for cells in placements]
        values, notes = readings[0]
        if any(other != values for other, _ in readings[1:]):
            self.warn(f"{where}: {what} fits its {len(placements[0])} columns {len(placements)} ways that "
                      "read differently, and no header says which; left out")
            return None
        self.out.warnings.extend(notes)
        for name, value in values.items():
            self.put(name, value, where)
        return values

    def width(self, kind: str, key: str) -> int:
        if kind == "active":
            return len(self.columns.get(key, ()))
        if kind == "application":
            return len(APPLICANT_COLUMNS)
        return len(REVIEW_COLUMNS) * len(REVIEW_GROUPS)

    def _run_together(self, kind: str, key: str, data: list[str]) -> tuple[str, ...] | None:
        """Digit runs where more numbers belong than the row has cells: cells a crawler fused."""
        filled = [c.strip() for c in data if c.strip()]
        width = self.width(kind, key)
        # A row that has a cell for every column says the others are blank: nothing ran
        # together there ("11" beside a blank cell is eleven, not 1 and 1).
        if len(data) >= width or width == 1 or not filled or not all(c.isdigit() for c in filled):
            return None
        if not self.followed and len(filled) > 1:
            # Runs some borders parted, in a row cut short (its label wrapped onto the next
            # line with a number, a page's foot): a number may be missing, not fused.
            return None
        at = [i for i, c in enumerate(data) if c.strip()]
        if at[-1] - at[0] + 1 > len(filled):
            return None  # an empty cell marked between the digits: the borders there were kept
        if sum(map(len, filled)) < width:
            return None
        # Several runs (``230 000023``: some borders kept, some lost) only where the row's
        # arithmetic checks the split: without it ``1 23`` would read 1 2 3 as surely as
        # 1, a blank and 23.
        return tuple(filled) if len(filled) == 1 or kind != "active" else None

    def fused(self, kind: str, key: str, digits: tuple[str, ...], where: str) -> bool:
        """Read a row whose numbers ran together; False where runs over several cells split
        no way at all (then they are numbers whose empty cells were dropped, not fused)."""
        shown = " ".join(digits)
        what = key or "复议诉讼"
        if kind == "active":
            columns = self.columns.get(key, ())
            if any("金额" in c.suffix for c in columns) and set("".join(digits)) != {"0"}:
                return False  # an amount is no digit run (采购 31批次 | 709455.9元 is not 3 | 1); 00 is 0 | 0
            candidates = fused.split_candidates(digits, len(columns), None, most=1)
            names = [f"{key}.{c.suffix}" for c in columns]
        elif kind == "application":
            candidates = fused.split_candidates(digits, len(APPLICANT_COLUMNS), fused.row_total)
            names = columnsums.facet_names(key)
            if candidates and len(candidates) > 1:
                self.pending[key] = (candidates, where, shown)  # the column sums may choose
                return True
        else:
            candidates = fused.split_candidates(digits, 15, fused.group_totals, most=1)
            names = [f"{g}.{c.suffix}" for g, _ in REVIEW_GROUPS for c in REVIEW_COLUMNS]
        if len(digits) > 1 and candidates == []:
            return False
        if not candidates or len(candidates) > 1:
            self.warn(f"{where}: {what} digits '{shown}' run together and cannot be split unambiguously; left out")
            return True
        why = "the only split into whole numbers" if kind == "active" else "the only split the row's totals allow"
        self._split(what, names, candidates[0], where, shown, why)
        return True

    def _split(self, what: str, names: list[str], values: tuple[int, ...], where: str, shown: str, why: str) -> None:
        self.warn(f"{where}: {what} digits '{shown}' run together; split as {' '.join(map(str, values))} ({why})")
        for name, value in zip(names, values, strict=True):
            self.put(name, value, where)

    def settle_pending(self) -> None:
        """Rows whose digits split several ways that the row's total allows: the table's
        column sums choose, or the row stays out."""
        if not self.pending:
            return
        known = self.applications()
        chosen = columnsums.settle(known, {k: c for k, (c, _, _) in self.pending.items()}, self.template)
        for key, (candidates, where, shown) in self.pending.items():
            if key in chosen:
                self._split(key, columnsums.facet_names(key), chosen[key], where, shown,
                            "the only split of its row's totals that the table's column sums allow")
            else:
                self.warn(f"{where}: {key} digits '{shown}' run together and split {len(candidates)} ways "
                          "the row's totals allow; the table's column sums do not say which; left out")
        self.pending.clear()

    def applications(self) -> dict[str, int | float]:
        """The section 三 facets read so far."""
        return {k: v for k, v in self.out.facets.items() if k.startswith("申请.")}

    def drop_unsure_sums(self) -> None:
        """A row of flattened text whose last value adds up the others is read as giving its
        total only where the table prints its totals.  A row showing one positive value alone,
        or values whose last is not the others' sum (``6 1``), says it may not: in a table that
        leaves a row's 总计 empty (上海市人民政府办公厅 2019), ``1 1`` is two applicants' 1 and a
        blank total, not 1 and its total.  Such a total stays only where it is 0 (every value
        shown is 0, the others empty) or an equation of the column sums confirms it (新收 + 上年结转
        = 总计 + 结转下年, all four read)."""
        if not (self.untotalled and self.summed):
            return
        known = self.applications()
        sure = columnsums.confirmed(known, self.summed, self.template)
        unsure = sorted(n for n in self.summed if n not in sure and known.get(n) != 0)
        for name in unsure:
            self.out.facets.pop(name, None)
        if unsure:
            self.warn("section 三: a row shows numbers that cannot end with its total, so the table may leave a "
                      "row's 总计 empty: totals read as the sum of a row's other values that no column sum "
                      f"confirms are left out ({', '.join(n.removeprefix('申请.') for n in unsure)})")

    def fill_blanks(self) -> None:
        """Blank section 三 cells whose value the table's column sums settle."""
        filled, notes = columnsums.fill_blanks(self.applications(), self.blank, self.template, self.maybe)
        self.out.warnings.extend(notes)
        for name, value in filled.items():
            self.put(name, value, "section 三's column sums")

    def align(
        self, data: list[str], width: int, where: str, what: str, columns: tuple[Column, ...] = (),
        totalled: bool = False,
    ) -> list[list[Cell]]:
        """The row's cells under the ``width`` columns, every way they may stand there
        (``totalled``: the last column is the sum of the others)."""
        cells = [parse_cell(c) for c in data]
        if not self.placed:
            return self._count(cells, width, where, what, totalled)
        if len(cells) > width and columns and (placed := self.headers.place(self.cells, columns)):
            return [[parse_cell(c) for c in placed]]  # extra columns (a spacer, 合计): go by the header
        if len(cells) > width:
            starts = placing.starts(data, width)
            filled = [cell for cell, text in zip(cells, data, strict=True) if text.strip()]
            if not starts and len(filled) == width:
                # One value a column, and blanks between them where the grid has a column no
                # row of the template has: a sliver where two rows' cell edges lie a hair apart.
                return [filled]
            if not starts:
                self.warn(f"{where}: {what} has {placing.span(data)} values for {width} columns; left out")
            return [cells[i : i + width] for i in starts]
        if len(cells) < width and self.ends_text:
            # the text's end cut the row: its cells up to there stand under their columns
            self.warn(f"{where}: {what} is cut by the text's end after {len(cells)} of {width} cells; those are kept")
        elif len(cells) < width and any(c.is_number for c in cells[1:]):
            # A cell lost from the middle (a converter that pulled a two-line cell out of its
            # row) shifts every cell after it as surely as a row cut short loses its end: only
            # the first stands under its own column either way.
            self.warn(f"{where}: {what} has {len(cells)} of {width} cells; only the first is kept")
            cells = cells[:1]
        return [cells + [BLANK] * (width - len(cells))]

    def _count(self, cells: list[Cell], width: int, where: str, what: str, totalled: bool) -> list[list[Cell]]:
        """Cells from flattened text, whose empty cells may have been dropped: a row is
        placed by count only when it holds exactly one value per column; with fewer, a last
        value that adds up the others is the row's total (and a total of 0 makes every
        column 0), the others' columns unknown, where a row or prose follows at once: a row
        that ends the text or a page may have lost its last cells there."""
        values = [c for c in cells if c.kind != "blank"]
        numbers = [v.value for v in values] if all(v.is_number for v in values) else []
        if totalled and (len(numbers) == 1 or self.followed) and placing.untotalled(numbers, width):
            self.untotalled = True  # the table leaves rows' 总计 empty: see drop_unsure_sums
        if not values or len(values) == width:
            self.whole_rows += len(values) == width
            return [values + [BLANK] * (width - len(values))]
        if self.ends_text and self.whole_rows and not self.short_rows and len(values) < width:
            # cut by the text's end in a table whose every row so far showed all its cells
            self.warn(f"{where}: {what} is cut by the text's end after {len(values)} of {width} values, the "
                      "table's other rows each showing a value for every column; those are kept")
            return [values + [BLANK] * (width - len(values))]
        self.short_rows += 1
        if totalled and self.followed and 2 <= len(values) < width and all(v.is_number for v in values):
            *parts, total = values
            if sum(v.value for v in parts) == total.value:
                self.warn(f"{where}: {what} has {len(values)} values for {width} columns; the last adds up the "
                          "others and is kept as the total, the others' columns are not known")
                self.summed.add(what)
                return [[BLANK] * (width - 1) + [total]]
        if len(values) < width:
            self.warn(f"{where}: {what} has {len(values)} values for {width} columns and its empty "
                      "cells cannot be placed; left out")
        else:
            self.warn(f"{where}: {what} has {len(values)} values for {width} columns; left out")
        return []

    def put(self, key: str, value: int | float, where: str) -> None:
        old = self.out.facets.get(key)
        if old is not None and old != value:
            self.warn(f"{where}: {key} read as {value} here but {old} at {self.out.where[key]}; "
                      "kept the first")
            return
        self.out.facets[key] = value
        self.out.where.setdefault(key, where)

    def warn(self, message: str) -> None:
        self.out.warnings.append(message)


def _join_broken_rows(rows: list[Item]) -> list[Item]:
    """Join a grid row broken in two (across a page, as Word and WPS break a tall row when
    they print to PDF): the first part holds the numbers, if the row has any (a table that
    leaves zeros empty may show none), and labels cut short (`（二）部`, `2.没`) that name no
    row, the second only the labels' ends (`开（区分处理的…）`). The two are one row when the
    second has no number, each of its texts lies over a text or an empty cell, and the joined
    labels name a row that the first part's did not.

    >>> row = lambda *cells: Item("", "", cells)
    >>> [r.cells for r in _join_broken_rows([row("", "（二）部", "0", "1"), row("理结果", "分公开（区分处理的）", "", "")])]
    [('理结果', '（二）部分公开（区分处理的）', '0', '1')]
    >>> [r.cells for r in _join_broken_rows([row("", "2.没", "", ""), row("", "有现成信息需要另行制作", "", "")])]
    [('', '2.没有现成信息需要另行制作', '', '')]
    >>> len(_join_broken_rows([row("（本列数据的勾稽关系为：…）", "申请人情况", ""), row("", "自然人", "总计")]))
    2
    """
    joined: list[Item] = []
    at = 0
    while at < len(rows):
        both = _broken_row(rows[at], rows[at + 1]) if at + 1 < len(rows) else None
        joined.append(both or rows[at])
        at += 2 if both else 1
    return joined


def _join_label_lines(items: Sequence[Item]) -> list[Item]:
    """A row of numbers alone whose label stands on the line just above it, outside the
    table (a converter that moved a wrapped label cell out: ``（二）部分公开（区分处理的，只计
    这一情`` / ``形，不计其他情形）`` / ``| 2 | 0 | 0 | 0 | 0 | 0 | 2 |``) is that label's row,
    where the label alone names one row and no other line since the table's last row of
    values names one (a converter that stacked several rows' labels above their numbers
    leaves it unknown which numbers are whose).

    >>> line, row = (lambda text: Item(text, "", (text,), loose=True, placed=False)), (lambda *c: Item("", "", c))
    >>> [i.cells for i in _join_label_lines([line("（二）部分公开"), row("2", "0", "2")])]
    [('（二）部分公开', '2', '0', '2')]
    >>> len(_join_label_lines([line("5.属于三类内部事务信息"), line("1.本机关不掌握相关政府信息"), row("1", "0", "1")]))
    3
    """
    joined: list[Item] = []
    after_row = 0  # where the lines after the table's last row of values start in ``joined``
    for item in items:
        if _numbers_alone(item):
            lines = [n for n in range(after_row, len(joined)) if joined[n].is_row or joined[n].text.strip()]
            if 0 < len(lines) <= _LABEL_LINES and sum(_row_named(joined[n]) for n in lines) == 1:
                both = _labelled(joined[lines[-1]], item)
                if both is not None:
                    del joined[lines[-1] :]  # the label and the empty lines after it
                    item = both
        elif (both := _under_its_label(joined, item)) is not None:
            item = both
        joined.append(item)
        if item.is_row and item.placed and any(_holds_value(c) for c in item.cells or ()):
            after_row = len(joined)  # a row of the table (not lines cut into cells: they may hold a page's number)
    return joined


def _under_its_label(joined: list[Item], item: Item) -> Item | None:
    """Crawled text that ends a row's label with its bar and puts the cells on the next line
    (``行政规范性文件 |`` / ``0 | 0 | 0 |``, ``一、本年新收政府信息公开申请数量 |`` / ``1 | 0 | … | 1 |``):
    the numbers' row under the label just above, taken out of ``joined``; where the line
    above also holds a table's header words (``信息内容 | 本年制发件数 | … | 规章``), only its
    last cell. None where the numbers follow no label of their own."""
    cells = list(item.cells or ())
    if not item.is_row or item.placed or _label_end(cells) >= 0 or not any(map(_holds_value, cells)):
        return None
    above = next((n for n in range(len(joined) - 1, -1, -1) if joined[n].is_row or joined[n].text.strip()), None)
    if above is None or not joined[above].is_row or joined[above].placed:
        return None
    texts = [c for c in joined[above].cells or () if c.strip()]
    if not texts or any(map(_holds_value, texts)):
        return None
    last = joined[above]
    label = replace(last, text=texts[-1], cells=(texts[-1],))
    both = _labelled(label, item)
    if both is None:
        return None
    rest = tuple(texts[:-1])
    joined[above:] = [replace(last, text="\t".join(rest), cells=rest)] if rest else []
    return both


def _numbers_alone(item: Item) -> bool:
    """A row of a table holding numbers and no label."""
    cells = list(item.cells or ())
    return item.is_row and item.placed and _label_end(cells) < 0 and any(map(_holds_value, cells))


def _texts(item: Item) -> list[str]:
    """A line's text, or the non-empty cells of a row."""
    return [t for t in (item.cells if item.is_row else (item.text,)) if t.strip()]


def _row_named(item: Item) -> bool:
    """Whether a line (or a row without values) names a row of the tables, if only by a
    label cut short."""
    return any(lb.kind in ("active", "application") for t in _texts(item) for lb in match(t))


def _labelled(label: Item, numbers: Item) -> Item | None:
    """The row of ``numbers`` under the label ``label`` holds, where it holds one: a line, or
    lines cut into cells, never a table's own row whose cells are empty."""
    if label.is_row and label.placed:
        return None
    texts = _texts(label)
    if not texts or len(texts) > 3 or any(_holds_value(c) for c in texts):
        return None
    text = "".join(c.strip() for c in texts)
    meanings = {(lb.kind, lb.key) for lb in match(text, strict=True)}
    if len(meanings) != 1 or next(iter(meanings))[0] not in ("active", "application"):
        return None
    cells = (text, *(numbers.cells or ()))
    return replace(numbers, text="\t".join(cells), cells=cells)


def _broken_row(first: Item, second: Item) -> Item | None:
    if not (first.placed and second.placed) or first.loose or second.loose:
        return None
    upper, lower = list(first.cells or ()), list(second.cells or ())
    if any(map(_holds_value, lower)):
        return None  # most pairs: two rows of numbers
    if not any(map(_holds_value, upper)) and any(map(names_a_column, upper + lower)):
        return None  # the header's rows (自然人 | 法人或其他组织 over 商业企业 | 科研机构 …)
    # The two parts may be drawn as two tables whose grids differ by a sliver column at the
    # end: the ends of labels stand at the left, under the labels they end.
    if any(c.strip() for c in lower[len(upper) :]) or not any(c.strip() for c in lower):
        return None
    lower = (lower + [""] * len(upper))[: len(upper)]
    kinds = [(parse_cell(a).kind, parse_cell(b).kind) for a, b in zip(upper, lower, strict=True)]
    if any(b == "text" and a not in ("text", "blank") for a, b in kinds) or not any(
        a == b == "text" for a, b in kinds
    ):
        return None
    labels = upper[: _label_end(upper) + 1]
    if any(lb.kind in ("active", "application") for cell in labels for lb in match(cell)):
        return None  # the first part names its row already: the second is something else
    cells = tuple(a + b for a, b in zip(upper, lower, strict=True))
    if not any(lb.kind in ("active", "application") for cell in cells[: _label_end(list(cells)) + 1]
               for lb in match(cell)):
        return None
    return Item("\t".join(cells), first.where, cells, first.loose, first.placed)


def _label_end(cells: list[str]) -> int:
    """Index of the last text (label) cell; -1 when the row is all values."""
    for i in range(len(cells) - 1, -1, -1):
        if parse_cell(cells[i]).kind == "text":
            return i
    return -1


def _holds_value(cell: str) -> bool:
    return parse_cell(cell).kind in ("number", "unreadable")


@lru_cache(maxsize=4096)
def _review_group(cell: str) -> str | None:
    """The section 四 group a label names: 行政复议, or one of the two kinds of 行政诉讼."""
    if len(cell) > 24:
        return None
    if "直接起诉" in cell:
        return "诉讼.直接起诉"
    if "复议后起诉" in cell:
        return "诉讼.复议后起诉"
    if "复议" in cell and "诉讼" not in cell and core_of(cell).endswith("行政复议"):
        return "复议"
    return None


def _review_column(cell: str) -> bool:
    return any(lb.kind == "review" for lb in match(cell, strict=True))


def _one_group_of_numbers(data: list[str]) -> bool:
    """Five cells holding numbers (or blanks beside them): one group's 维持 … 总计."""
    cells = [parse_cell(c) for c in data]
    return len(cells) == len(REVIEW_COLUMNS) and all(c.kind in ("number", "blank") for c in cells) and any(
        c.is_number for c in cells
    )


def _adds_up_as_section_four(data: list[str]) -> bool:
    """Fifteen numbers, nothing else, whose every five add up as 维持 + 纠正 + 其他 + 未审结 =
    总计: section 四's row, however its header came out (no other row of the templates has
    fifteen numbers)."""
    cells = [parse_cell(c) for c in data]
    width = len(REVIEW_COLUMNS)
    if len(cells) != width * len(REVIEW_GROUPS) or not all(c.is_number for c in cells):
        return False
    values = [c.value for c in cells]
    return all(sum(values[i : i + width - 1]) == values[i + width - 1] for i in range(0, len(values), width))


def _is_digit_run(data: list[str]) -> bool:
    filled = [c.strip() for c in data if c.strip()]
    return len(filled) == 1 and bool(_DIGIT_RUN.match(filled[0]))


def _fused_label(cell: str) -> tuple[str, str] | None:
    """``行政处罚12012`` -> (``行政处罚``, ``12012``) when the text is a known label."""
    m = _FUSED.match(cell.strip())
    if not m or not match(m["label"], strict=True):
        return None
    return m["label"], re.sub(r"\s+", "", m["digits"])


_SUMS = {
    "不予公开": 8,
    "无法提供": 3,
    "不予处理": 5,
}


def _add_sums(reading: TableReading) -> None:
    """Derived facets: group sums of section 三 and 诉讼.总计."""
    facets = reading.facets
    groups = dict(_SUMS)
    if reading.template == "2021":
        groups["其他处理"] = 3
    for group, count in groups.items():
        subs = [k for k in facets if k.startswith(f"申请.{group}.") and k.count(".") == 2]
        if len(subs) == count and f"申请.{group}" not in facets:
            facets[f"申请.{group}"] = sum(facets[k] for k in subs)
    direct, after = facets.get("诉讼.直接起诉.总计"), facets.get("诉讼.复议后起诉.总计")
    if direct is not None and after is not None:
        facets["诉讼.总计"] = direct + after
