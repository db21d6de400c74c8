"""What a correct reader recovers from a report in one form, beyond what damage already took.

Forms whose text keeps every empty cell in place (tab rows, markdown, grids) are read by
position, and ``damage.expected_facets`` already says what they give.  Text that may have lost
its empty cells (``forms.BY_COUNT``: crawler pipe rows, one cell per line, cells between blank
lines, a PDF dump, a report on one line) is placed by count: a row is read only when it holds
exactly one value per column, so a row with a blank cell (left empty, or ``/`` ``—`` ``-``) gives
only its total, in section 三, where the last value left adds up the others (and every column
when that total is 0); where a row of the table shows numbers that cannot end with its total (one
positive value alone, or a last value that is not the others' sum: its totals may then be
empty, and ``1 1`` two applicants' ones), only totals of 0 and those an equation of the column
sums confirms.  Where a whole table runs together (``oneline`` fused, ``statsfused``) a
row is read only where its digits split one way under the table's arithmetic, its row's or, in
section 三, the column sums' (``indexer.extract.tables.fused`` and ``columnsums``; the statistics
table's in ``statstable.recoverable``); the prose still states what it states.
"""

from __future__ import annotations

import re

from ..extract.numbers import parse_cell
from ..extract.tables import columnsums, placing
from ..extract.templates import APPLICATION_GROUPS, APPLICATION_ROWS
from . import damage, forms, statstable
from .layout import Row, Table, build
from .model import COLUMNS, SyntheticReport
from .render_text import oneline_fused

# The numbers of a run that holds more than digits: a sign starts one, a unit ends one.
_NUMBERS = re.compile(r"[-+]?\d+(?:\.\d+)?(?:\s*(?:万元|元))?")


def expected(report: SyntheticReport, form: str) -> dict[str, int | float]:
    """The facets a correct reader gets from ``report`` written in ``form``."""
    base = report.expected
    if form in forms.BORDERED and "fused" in report.damage:
        # A PDF dump or an OCR'd page keeps the cell borders a crawler drops: no row runs together.
        base = damage.expected_facets(report, tuple(k for k in report.damage if k != "fused"))
    gone: set[str] = set()
    if form in forms.BY_COUNT:
        gone |= count_losses(report, base, fused=form == "oneline" and oneline_fused(report))
        if "fused" in report.damage and form not in forms.BORDERED:
            # Fused rows the column sums settled: settled again with what this form still shows.
            _, pending = damage.fused_open_rows(report, report.damage)
            gone |= damage.unsettled(report, pending, base, gone)
    if form == "statsfused" and report.stats is not None:
        table = report.stats
        kept = statstable.recoverable(table)
        gone |= {k for k in table.facets() if k not in kept and k not in table.prose}
    return {k: v for k, v in base.items() if k not in gone}


def count_losses(report: SyntheticReport, base: dict[str, int | float], fused: bool) -> set[str]:
    """Facets of the rows that text placed by count cannot give (``fused``: every row's
    cells run together; of ``base``, what the report's damage left, the extractor knows the
    rest when the table's column sums choose between a section 三 row's splits)."""
    gone: set[str] = set()
    pending: dict[str, tuple[Table, Row, list[tuple[int, ...]]]] = {}
    tables = [b.table for b in damage.apply(build(report), report) if b.table and b.table.kind != "stats"]
    # A section 三 row showing numbers that cannot end with its total: the table may leave totals
    # empty, so a total read as the sum of its row's other values needs the column sums'
    # confirmation (``_Reader.drop_unsure_sums``).
    untotalled = not fused and any(_untotalled(row) for t in tables if t.kind == "apply" for row in t.rows)
    summed: dict[str, set[str]] = {}  # a positive total read as the sum of its row: the row's facets
    for table in tables:
        for row in table.rows:
            readable = _fused_readable(table, row) if fused else not any(_blank(v) for v in row.values)
            if readable:
                continue
            if fused and _digits_only(row) and (candidates := damage.fused_candidates(table, row)) is not None:
                pending[row.key] = (table, row, candidates)
                continue
            kept = _by_total(table, row, fused)
            if kept and base.get(f"申请.{row.key}"):
                summed[f"申请.{row.key}"] = kept
            gone |= damage.row_facets(table, row, report.template) - kept
    if untotalled and summed:
        # Only the sums an equation of the column sums confirms stay (``drop_unsure_sums``).
        known = {k: v for k, v in base.items() if k not in gone}
        sure = columnsums.confirmed(known, set(summed), report.template)
        gone |= {k for total, facets in summed.items() if total not in sure for k in facets}
    gone |= damage.unsettled(report, pending, base, gone)
    # A group's sum is its sub-rows' totals added up, wherever all of them are read.
    for group in APPLICATION_GROUPS:
        subs = [f"申请.{r.key}" for r in APPLICATION_ROWS[report.template] if r.group == group]
        if subs and all(k in base and k not in gone for k in subs):
            gone.discard(f"申请.{group}")
    return gone


def _by_total(table: Table, row: Row, fused: bool) -> set[str]:
    """What a section 三 row whose empty cells were dropped still gives: its total, where the
    last value (in the 总计 column) adds up the others, and every column when that total is 0.
    ``fused``: cells ran together, only a visible mark (— or /) parting the digits around it."""
    if table.kind != "apply" or _blank(row.values[-1]):
        return set()
    if fused:
        runs, digits = [], ""
        for value in row.values:
            if not _blank(value):
                digits += value.strip()
            elif value.strip() and digits:  # a mark parts the digits; an empty cell leaves no trace
                runs, digits = [*runs, digits], ""
        texts = [*runs, digits] if digits else runs
        if len(texts) != len([v for v in row.values if not _blank(v)]):
            return set()  # numbers ran together: the reading is not one number a cell
    else:
        texts = [v for v in row.values if not _blank(v)]
    cells = [parse_cell(v) for v in texts]
    if not 2 <= len(cells) < len(row.values) or not all(c.is_number for c in cells):
        return set()
    *parts, total = (c.value for c in cells)
    if sum(parts) != total:
        return set()
    return {f"申请.{row.key}"} | ({f"申请.{row.key}.{c}" for c in COLUMNS} if total == 0 else set())


def _untotalled(row: Row) -> bool:
    """Whether a row, its empty cells dropped, shows numbers that cannot end with its total
    (``placing.untotalled``, as the reader asks of it)."""
    cells = [parse_cell(v) for v in row.values if not _blank(v)]
    return all(c.is_number for c in cells) and placing.untotalled([c.value for c in cells], len(row.values))


def _digits_only(row: Row) -> bool:
    return all(v.strip().isascii() and v.strip().isdigit() for v in row.values)


def _blank(value: str) -> bool:
    return value.strip() in damage.BLANK_MARKS


def _fused_readable(table: Table, row: Row) -> bool:
    """Whether a row whose cells ran together gives back exactly its printed values: a run of
    digits by ``fused.unique_split``; a run with signs, decimals or units only where each sign
    starts a number and the numbers so cut are one a column (``行政事业性收费10-8``)."""
    texts = [v.strip() for v in row.values]
    if any(t in damage.BLANK_MARKS for t in texts):
        return False  # an empty cell leaves no trace in the run: its place is unknown
    if all(t.isascii() and t.isdigit() for t in texts):
        return damage.fused_split(table, row) == tuple(int(t) for t in texts)
    return _NUMBERS.findall("".join(texts)) == texts
