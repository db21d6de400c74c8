"""The printed layout of a synthetic report, before it becomes a file.

``build(report)`` gives blocks in reading order (title, headings, paragraphs, logical tables);
damage edits these blocks; ``grid(table)`` turns a logical table into rows of spanned cells the
way the official templates draw them (rowspan for the section 三 label columns, colspan for the
section 四 header), which every output form then prints in its own way.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from ..extract.templates import (
    ACTIVE_TABLES,
    APPLICANT_COLUMNS,
    APPLICATION_GROUPS,
    APPLICATION_ROWS,
    CHECK_NOTE,
    RESULTS_HEADING,
    REVIEW_COLUMNS,
    REVIEW_GROUPS,
)
from .model import SyntheticReport

ORDINALS = "一二三四五六七八九十"
TOP_ROWS = ("新收", "上年结转", "结转下年")


@dataclass
class Row:
    key: str  # template row key ("行政处罚", "不予公开.国家秘密", "" for section 四)
    label: str  # as printed, numbering included
    values: list[str]
    group: str | None = None
    fused: bool = False  # damage "fused": text forms print label and digits as one cell


@dataclass
class Table:
    kind: str  # "active" | "apply" | "review" | "stats" (the pre-2019 统计表)
    rows: list[Row]
    caption: str = ""  # 第二十条第（一）项
    header: list[str] = field(default_factory=list)  # section 二 column labels
    names: dict[str, str] = field(default_factory=dict)  # group key → printed group label


@dataclass
class Block:
    kind: str  # "title" | "heading" | "para" | "table" | "signature"
    text: str = ""
    table: Table | None = None
    number: int = 0  # section number of a heading (1-based)


@dataclass(frozen=True)
class Cell:
    text: str
    rowspan: int = 1
    colspan: int = 1
    covered: bool = False  # a place under a cell spanning from the row above
    header: bool = False


def _num(value: int | float) -> str:
    return str(value)


def _active_tables(report: SyntheticReport) -> list[Table]:
    tables = []
    for spec in ACTIVE_TABLES[report.template]:
        rows = []
        for row in spec.rows:
            values = []
            for col in spec.columns:
                key = f"{row.key}.{col.suffix}"
                values.append(report.printed.get(key) or _num(report.facets[key]))
            rows.append(Row(row.key, row.labels[0], values))
        header = ["信息内容"] + [c.label for c in spec.columns]
        tables.append(Table("active", rows, caption=f"第二十条{spec.item}", header=header))
    return tables


def _apply_table(report: SyntheticReport) -> Table:
    rows = []
    for spec in APPLICATION_ROWS[report.template]:
        base = f"申请.{spec.key}"
        values = [_num(report.facets[f"{base}.{c.suffix}" if c.suffix else base]) for c in APPLICANT_COLUMNS]
        rows.append(Row(spec.key, spec.numbering + spec.label, values, spec.group))
    names = {"结果": RESULTS_HEADING, **APPLICATION_GROUPS}
    return Table("apply", rows, names=names)


def _review_table(report: SyntheticReport) -> Table:
    values = [_num(report.facets[f"{g}.{c.suffix}"]) for g, _ in REVIEW_GROUPS for c in REVIEW_COLUMNS]
    return Table("review", [Row("", "", values)])


def _paras(text: str) -> list[Block]:
    return [Block("para", line) for line in text.split("\n") if line.strip()]


def _stats_table(report: SyntheticReport) -> Table:
    """The old statistics table: label, then unit, the year's value and the cumulative one."""
    table = report.stats
    assert table is not None
    rows = [Row(r.key, r.label, [r.unit, *table.values(r)]) for r in table.rows]
    return Table("stats", rows, caption="附：政府信息公开情况统计表", header=table.header())


def build(report: SyntheticReport) -> list[Block]:
    """Title, six numbered sections with their prose and tables, signature and date (and the
    old statistics table after it, for a free report that appends one)."""
    blocks = [Block("title", report.title)] + _paras(report.preface)
    names = list(report.sections)
    for i, (name, heading) in enumerate(zip(names, report.headings, strict=True), 1):
        blocks.append(Block("heading", heading, number=i))
        blocks += _paras(report.sections[name])
        if report.template == "free":
            continue
        if name == "主动公开":
            blocks += [Block("table", table=t) for t in _active_tables(report)]
        elif name == "依申请公开":
            blocks.append(Block("table", table=_apply_table(report)))
        elif name == "复议诉讼":
            blocks.append(Block("table", table=_review_table(report)))
    y, m, d = (int(p) for p in report.published.split("-"))
    date = f"{y}年{m}月{d}日"
    blocks.append(Block("signature", f"{report.signature}\n{date}" if report.signature else date))
    if report.stats is not None:
        table = _stats_table(report)
        blocks += [Block("para", table.caption), Block("table", table=table)]
    return blocks


def heading_text(block: Block) -> str:
    """A heading as printed: "三、收到和处理…" (damage may have renumbered it)."""
    return f"{ORDINALS[block.number - 1]}、{block.text}" if block.number else block.text


# --- grids ---------------------------------------------------------------


def grid(table: Table, fuse: bool = False) -> list[list[Cell]]:
    """The table as drawn: rows of cells, spans marked, covered places kept.

    With ``fuse`` (the text forms) a row marked ``fused`` is one cell: its label run straight
    into its numbers ("行政处罚12012"), as when a crawler drops the cell borders.
    """
    if table.kind == "active":
        rows = _active_grid(table)
    elif table.kind == "stats":
        rows = [[Cell(h, header=True) for h in table.header]]
        rows += [[Cell(r.label, header=True)] + [Cell(v) for v in r.values] for r in table.rows]
    elif table.kind == "apply":
        rows = _apply_grid(table)
    else:
        rows = _review_grid(table)
    if fuse and any(r.fused for r in table.rows):
        head = len(rows) - len(table.rows)  # data rows come last, one per table row
        data = zip(table.rows, rows[head:], strict=True)
        rows[head:] = [[fused_cell(r)] if r.fused else cells for r, cells in data]
    return rows


def fused_cell(row: Row) -> Cell:
    """The row's label immediately followed by all its numbers."""
    return Cell(row.label + "".join(v.strip() for v in row.values))


def _active_grid(table: Table) -> list[list[Cell]]:
    width = len(table.header)
    rows = [[Cell(table.caption, colspan=width, header=True)], [Cell(h, header=True) for h in table.header]]
    rows += [[Cell(r.label, header=True)] + [Cell(v) for v in r.values] for r in table.rows]
    return rows


def _apply_header() -> list[list[Cell]]:
    cover = Cell("", colspan=3, covered=True)
    orgs = [Cell(c.label, header=True) for c in APPLICANT_COLUMNS[1:6]]
    return [
        [Cell(CHECK_NOTE, rowspan=3, colspan=3, header=True), Cell("申请人情况", colspan=7, header=True)],
        [
            cover,
            Cell("自然人", rowspan=2, header=True),
            Cell("法人或其他组织", colspan=5, header=True),
            Cell("总计", rowspan=2, header=True),
        ],
        [cover, Cell("", covered=True), *orgs, Cell("", covered=True)],
    ]


def _runs(items: list, key) -> list[int]:
    """For each item, the length of the run it starts (0 if it continues one)."""
    out, i = [0] * len(items), 0
    while i < len(items):
        j = i
        while j < len(items) and key(items[j]) is not None and key(items[j]) == key(items[i]):
            j += 1
        out[i] = max(1, j - i)
        i = max(j, i + 1)
    return out


def _apply_grid(table: Table) -> list[list[Cell]]:
    rows = _apply_header()
    results = _runs(table.rows, lambda r: None if r.key in TOP_ROWS else "结果")
    groups = _runs(table.rows, lambda r: r.group)
    for i, row in enumerate(table.rows):
        values = [Cell(v) for v in row.values]
        if row.key in TOP_ROWS:
            rows.append([Cell(row.label, colspan=3, header=True), *values])
            continue
        first = (
            Cell(table.names["结果"], rowspan=results[i], header=True)
            if results[i]
            else Cell("", covered=True)
        )
        if row.group is None:
            rows.append([first, Cell(row.label, colspan=2, header=True), *values])
            continue
        name = table.names[row.group]
        second = Cell(name, rowspan=groups[i], header=True) if groups[i] else Cell("", covered=True)
        rows.append([first, second, Cell(row.label, header=True), *values])
    return rows


def _review_grid(table: Table) -> list[list[Cell]]:
    labels = [c.label for c in REVIEW_COLUMNS]
    rows = [
        [Cell(REVIEW_GROUPS[0][1], colspan=5, header=True), Cell("行政诉讼", colspan=10, header=True)],
        [
            *(Cell(t, rowspan=2, header=True) for t in labels),
            *(Cell(name, colspan=5, header=True) for _, name in REVIEW_GROUPS[1:]),
        ],
        [*(Cell("", covered=True) for _ in labels), *(Cell(t, header=True) for t in labels * 2)],
    ]
    return rows + [[Cell(v) for v in r.values] for r in table.rows]


def positions(rows: list[list[Cell]]) -> list[list[tuple[int, Cell]]]:
    """Each cell with its starting column."""
    out = []
    for row in rows:
        col, placed = 0, []
        for cell in row:
            placed.append((col, cell))
            col += cell.colspan
        out.append(placed)
    return out


def width(rows: list[list[Cell]]) -> int:
    return max(sum(c.colspan for c in row) for row in rows)
