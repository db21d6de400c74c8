"""Damage that real conversions do to reports, applied at render time and accounted for.

Each kind is optional and composable.  ``choose`` picks some for a seed, ``with_damage`` records
them and works out ``expected`` (the facets a correct extractor can still recover), and ``apply``
edits the layout blocks so that every output form shows the damage.  Random choices come from
streams seeded by the report's seed and the damage's name, so planning and rendering agree.

One kind is not shown by every form: ``fused`` (a crawler that dropped the cell borders of a few
rows: "行政处罚12012") marks rows that only the text forms (cells, tsv, md) print run together;
html, docx and pdf print them as ordinary rows.  Damage is chosen before the form is known, so
``expected`` must hold for both: it is what the text forms still give (a fused row's facets stay
only when ``indexer.extract.tables.fused.unique_split`` recovers exactly the true numbers), and the
other forms give those and more, which leaves precision untouched.  A report drawn for one form
(``generate(seed, form=...)``) gets ``expected`` for that form alone: see ``recover``.
"""

from __future__ import annotations

import dataclasses
import random
import re

from ..extract.tables import columnsums
from ..extract.tables import fused as fusing
from ..extract.templates import ACTIVE_TABLES, APPLICATION_ROWS, review_keys
from .layout import ORDINALS, Block, Row, Table, build, grid
from .model import COLUMNS, SyntheticReport

KINDS = ("lost_rows", "only_total", "blank_zeros", "fullwidth", "broken_labels", "misnumbered", "fused", "sparse")
FREE_KINDS = ("fullwidth", "misnumbered")
BLANK_MARKS = ("", "/", "—", "-")
FULLWIDTH = str.maketrans("0123456789", "０１２３４５６７８９")


def _rng(report: SyntheticReport, what: str) -> random.Random:
    return random.Random(f"{what}:{report.seed}")


FUSED_SHARE = 0.45  # of table reports with fewer than three other kinds (about 30% of all)
SPARSE_SHARE = 0.6  # of table reports whose other damage leaves section 三's cells in place
# Damage that leaves every section 三 cell in its row and place, so that ``sparse`` keeps every
# value recoverable by the table's column sums in the forms that keep empty cells.
_SPARSE_WITH = frozenset({"blank_zeros", "fullwidth", "broken_labels", "misnumbered"})


def choose(seed: int, template: str) -> tuple[str, ...]:
    """One to three kinds of damage that make sense for the template, in application order.

    ``fused`` and then ``sparse`` are drawn after the others (``sparse`` from its own stream),
    so every seed keeps the damage it had before they existed.
    """
    rng = random.Random(f"damage:{seed}")
    kinds = FREE_KINDS if template == "free" else tuple(k for k in KINDS if k not in ("fused", "sparse"))
    picked = set(rng.sample(kinds, min(len(kinds), rng.randint(1, 3))))
    if template != "free" and len(picked) < 3 and rng.random() < FUSED_SHARE:
        picked.add("fused")
    sparse = random.Random(f"sparse:{seed}").random() < SPARSE_SHARE
    if template != "free" and len(picked) < 3 and picked <= _SPARSE_WITH and sparse:
        picked.add("sparse")
    return tuple(k for k in KINDS if k in picked)


# --- planning: what is lost -----------------------------------------------------------


def lost_plan(report: SyntheticReport) -> tuple[str, tuple[str, ...]]:
    """Which table loses rows and which rows: ("apply", row keys) / ("active", captions) / ("review", ())."""
    rng = _rng(report, "lost_rows")
    roll = rng.random()
    if roll < 0.6:
        keys = [r.key for r in APPLICATION_ROWS[report.template]]
        start = rng.randrange(len(keys) - 1)
        return "apply", tuple(keys[start : start + rng.randint(2, 8)])
    if roll < 0.85:
        items = [f"第二十条{t.item}" for t in ACTIVE_TABLES[report.template]]
        return "active", tuple(items[-rng.randint(1, 2) :])
    return "review", ()


def _row_keys(row: str) -> set[str]:
    return {f"申请.{row}"} | {f"申请.{row}.{c}" for c in COLUMNS}


def _lost_keys(report: SyntheticReport) -> set[str]:
    table, which = lost_plan(report)
    if table == "review":
        return set(review_keys())
    if table == "active":
        tables = [t for t in ACTIVE_TABLES[report.template] if f"第二十条{t.item}" in which]
        return {f"{r.key}.{c.suffix}" for t in tables for r in t.rows for c in t.columns}
    lost = set().union(*(_row_keys(k) for k in which))
    groups = {r.group for r in APPLICATION_ROWS[report.template] if r.group and r.key in which}
    return lost | {f"申请.{g}" for g in groups}


def _only_total_keys(report: SyntheticReport) -> set[str]:
    """Column facets no longer stated: those of rows whose 总计 is not 0."""
    rows = [r.key for r in APPLICATION_ROWS[report.template]]
    return {f"申请.{k}.{c}" for k in rows if report.facets[f"申请.{k}"] != 0 for c in COLUMNS}


def fused_plan(report: SyntheticReport, kinds: tuple[str, ...]) -> list[tuple[Table, Row]]:
    """The rows ``fused`` runs together, in the layout the report's other damage leaves."""
    blocks = build(report)
    for kind in KINDS:
        if kind in kinds and kind != "fused":
            blocks = APPLY[kind](blocks, report)
    return _fused_rows(blocks, report)


def fused_split(table: Table, row: Row) -> tuple[int, ...] | None:
    """How the extractor splits the row's run-together digits (None: not uniquely)."""
    digits = "".join(v.strip() for v in row.values)
    if table.kind == "apply":
        return fusing.unique_split(digits, len(row.values), fusing.row_total)
    if table.kind == "review":
        return fusing.unique_split(digits, len(row.values), fusing.group_totals)
    return fusing.unique_split(digits, len(row.values), None)


def row_facets(table: Table, row: Row, template: str) -> set[str]:
    """The facets a printed row states (section 四's one row states them all)."""
    if table.kind == "review":
        return set(review_keys())
    if table.kind == "active":
        spec = next(t for t in ACTIVE_TABLES[template] if f"第二十条{t.item}" == table.caption)
        return {f"{row.key}.{c.suffix}" for c in spec.columns}
    return _row_keys(row.key) | ({f"申请.{row.group}"} if row.group else set())


def _fused_lost_keys(report: SyntheticReport, kinds: tuple[str, ...], gone: set[str]) -> set[str]:
    """Facets of fused rows whose digits do not split back into exactly the printed numbers,
    by their row's arithmetic or, for section 三, the table's column sums (``gone``: the facets
    other damage already took)."""
    lost, pending = fused_open_rows(report, kinds)
    return lost | unsettled(report, pending, report.facets, gone | lost)


def fused_open_rows(
    report: SyntheticReport, kinds: tuple[str, ...]
) -> tuple[set[str], dict[str, tuple[Table, Row, list[tuple[int, ...]]]]]:
    """The facets of fused rows that do not split back by their own arithmetic, and the
    section 三 rows among them that split several ways for the column sums to choose from."""
    lost: set[str] = set()
    pending: dict[str, tuple[Table, Row, list[tuple[int, ...]]]] = {}
    for table, row in fused_plan(report, kinds):
        if fused_split(table, row) == tuple(int(v.strip()) for v in row.values):
            continue
        if (candidates := fused_candidates(table, row)) is not None:
            pending[row.key] = (table, row, candidates)
        else:
            lost |= row_facets(table, row, report.template)
    return lost, pending


def fused_candidates(table: Table, row: Row) -> list[tuple[int, ...]] | None:
    """The splits of a section 三 row's digits that its total allows, where there are several
    for the table's column sums to choose from (``tables.columnsums``)."""
    if table.kind != "apply":
        return None
    digits = "".join(v.strip() for v in row.values)
    found = fusing.split_candidates(digits, len(row.values), fusing.row_total)
    return found if found and len(found) > 1 else None


def unsettled(
    report: SyntheticReport,
    pending: dict[str, tuple[Table, Row, list[tuple[int, ...]]]],
    facets: dict[str, int | float],
    gone: set[str],
) -> set[str]:
    """Facets of the ``pending`` rows that the column sums do not settle to the printed numbers,
    the extractor knowing ``facets`` but those ``gone`` and the pending rows' own."""
    if not pending:
        return set()
    own = {k for key in pending for k in _row_keys(key)}
    known = {k: v for k, v in facets.items() if k.startswith("申请.") and k not in gone and k not in own}
    chosen = columnsums.settle(known, {key: c for key, (_, _, c) in pending.items()}, report.template)
    lost: set[str] = set()
    for key, (table, row, _) in pending.items():
        if chosen.get(key) != tuple(int(v.strip()) for v in row.values):
            lost |= row_facets(table, row, report.template)
    return lost


def expected_facets(report: SyntheticReport, kinds: tuple[str, ...]) -> dict[str, int | float]:
    """The facets a correct extractor recovers from the report with this damage."""
    gone: set[str] = set()
    if "lost_rows" in kinds:
        gone |= _lost_keys(report)
    if "only_total" in kinds:
        gone |= _only_total_keys(report)
    if "fused" in kinds:
        gone |= _fused_lost_keys(report, kinds, gone)
    return {k: v for k, v in report.facets.items() if k not in gone}


def with_damage(report: SyntheticReport, kinds: tuple[str, ...]) -> SyntheticReport:
    """The report with damage recorded and ``expected`` worked out."""
    unknown = set(kinds) - set(KINDS)
    if unknown:
        raise ValueError(f"unknown damage {sorted(unknown)}; expected some of {KINDS}")
    if report.template == "free" and set(kinds) - set(FREE_KINDS):
        raise ValueError(f"free-form reports have no tables; damage must be among {FREE_KINDS}")
    kinds = tuple(k for k in KINDS if k in kinds)
    return dataclasses.replace(report, damage=kinds, expected=expected_facets(report, kinds))


# --- applying: edit the layout ---------------------------------------------------------


def _tables(blocks: list[Block], kind: str | None = None) -> list[Table]:
    return [b.table for b in blocks if b.table and (kind is None or b.table.kind == kind)]


def _lose_rows(blocks: list[Block], report: SyntheticReport) -> list[Block]:
    table, which = lost_plan(report)
    if table == "active":
        return [b for b in blocks if not (b.table and b.table.caption in which)]
    for t in _tables(blocks, table):
        t.rows = [r for r in t.rows if table == "apply" and r.key not in which]
    return blocks


def _only_total(blocks: list[Block], report: SyntheticReport) -> list[Block]:
    for table in _tables(blocks, "apply"):
        for row in table.rows:
            row.values = [""] * 6 + row.values[6:]
    return blocks


def _blank_zeros(blocks: list[Block], report: SyntheticReport) -> list[Block]:
    """Zeros shown as blank, / or — where the row's printed 总计 confirms them."""
    mark = _rng(report, "blank_zeros").choice(BLANK_MARKS)
    for table in _tables(blocks, "apply"):
        for row in table.rows:
            row.values = [mark if v == "0" else v for v in row.values[:6]] + row.values[6:]
    for table in _tables(blocks, "review"):
        for row in table.rows:
            row.values = [mark if v == "0" and i % 5 != 4 else v for i, v in enumerate(row.values)]
    return blocks


def _sparse(blocks: list[Block], report: SyntheticReport) -> list[Block]:
    """Section 三 printed sparse (上海市人民政府办公厅 2019): zeros left empty in every row, and the
    总计 cell of every result row left empty too; only 新收, 上年结转, （七）总计 and 结转下年 print
    their totals.  The table's column sums still give every value (``columnsums.fill_blanks``)."""
    totals_kept = {r.key for r in APPLICATION_ROWS[report.template]} - set(columnsums.result_rows(report.template))
    for table in _tables(blocks, "apply"):
        for row in table.rows:
            cells = ["" if v.strip() == "0" else v for v in row.values[:6]]
            total = row.values[6] if row.key in totals_kept else ""
            row.values = [*cells, total, *row.values[7:]]
    return blocks


def _fullwidth(blocks: list[Block], report: SyntheticReport) -> list[Block]:
    """Full-width spaces around numbers in cells; full-width digits in free prose."""
    rng = _rng(report, "fullwidth")
    pads = ("　　", "　", " ", "")
    for table in _tables(blocks):
        for row in table.rows:
            row.values = [rng.choice(pads) + v + rng.choice(("", " ", "　")) if v else v for v in row.values]
    if report.template == "free":
        for b in blocks:
            if b.kind == "para" and rng.random() < 0.7:
                b.text = b.text.translate(FULLWIDTH)
    return blocks


def _break(label: str, rng: random.Random) -> str:
    core = re.sub(r"^[一二三四五六七八九十（）()\d.．、]+", "", label)
    lead = label[: len(label) - len(core)]
    if len(core) < 3:
        return label
    if rng.random() < 0.5:
        return lead + " ".join(core)
    cut = rng.randint(2, len(core) - 1)
    return lead + core[:cut] + "\n" + core[cut:]


def _broken_labels(blocks: list[Block], report: SyntheticReport) -> list[Block]:
    """Labels spaced out ("本 年 度 办 理 结 果") or wrapped ("保护第三方合法权\\n益")."""
    rng = _rng(report, "broken_labels")
    for table in _tables(blocks):
        for row in table.rows:
            if row.label and rng.random() < 0.25:
                row.label = _break(row.label, rng)
        for key in list(table.names):
            if rng.random() < 0.3:
                table.names[key] = _break(table.names[key], rng)
    return blocks


def _misnumbered(blocks: list[Block], report: SyntheticReport) -> list[Block]:
    """One heading loses its number and the rest are renumbered around it (seed 004)."""
    rng = _rng(report, "misnumbered")
    heads = [b for b in blocks if b.kind == "heading"]
    dropped = rng.choice(heads[1:4])
    sep = rng.choice(("、", ". ", "．", "、"))
    n = 0
    for b in heads:
        if b is dropped:
            b.number = 0
            continue
        n += 1
        b.text, b.number = f"{ORDINALS[n - 1]}{sep}{b.text}", 0
    return blocks


FUSED_ROWS = (1, 4)


def _fusable(table: Table) -> list[Row]:
    """Rows that can run together: every cell a plain non-negative integer (no money with decimals
    or units, no negative 本年增减, no blank) and no group label starting in the row (fusing it would
    swallow the heading of the rows below)."""
    drawn = grid(table)[-len(table.rows) :] if table.rows else []
    out = []
    for row, cells in zip(table.rows, drawn, strict=True):
        lead = cells[: len(cells) - len(row.values) - 1] if row.label else []
        plain = row.values and all(v.strip().isascii() and v.strip().isdigit() for v in row.values)
        if plain and all(c.covered for c in lead):
            out.append(row)
    return out


def _fused_rows(blocks: list[Block], report: SyntheticReport) -> list[tuple[Table, Row]]:
    rng = _rng(report, "fused")
    rows = [(t, r) for t in _tables(blocks) for r in _fusable(t)]
    if not rows:
        return []
    low, high = FUSED_ROWS
    picked = sorted(rng.sample(range(len(rows)), rng.randint(low, min(high, len(rows)))))
    return [rows[i] for i in picked]


def _fuse(blocks: list[Block], report: SyntheticReport) -> list[Block]:
    """A few rows (section 二, 三 or 四) printed by the text forms as label + digits, one cell."""
    for _, row in _fused_rows(blocks, report):
        row.fused = True
    return blocks


APPLY = {
    "lost_rows": _lose_rows,
    "only_total": _only_total,
    "blank_zeros": _blank_zeros,
    "fullwidth": _fullwidth,
    "broken_labels": _broken_labels,
    "misnumbered": _misnumbered,
    "fused": _fuse,
    "sparse": _sparse,
}


def apply(blocks: list[Block], report: SyntheticReport) -> list[Block]:
    """The layout with the report's recorded damage done to it."""
    for kind in report.damage:
        blocks = APPLY[kind](blocks, report)
    return blocks
