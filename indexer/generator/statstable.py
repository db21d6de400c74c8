"""The pre-2019 statistics table (政府信息公开情况统计表) that many free-form reports append.

``指标名称 | 计量单位 | 2013年度 | 历年累计`` then one row per indicator: a total and its
"其中：1、… 2、…" members, each with the year's value and the cumulative one.  Its numbers
agree with the report's prose (the same requests, reviews and lawsuits).  Real pages print it
as an HTML table (tests/data/real/02), as one space-separated line (05) or with every separator
lost (04: ``主动公开文件数条212210037``); ``recoverable`` says which of its facets a correct
reader still gets from the fused digits, by the table's own arithmetic alone.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from itertools import product

from ..extract.tables.oldstats import fused_readings

# Two wordings real tables use: (label, facet it states or "", unit), members numbered under
# the row before them.  "A" is the 2008-2014 form (05_*.txt), "B" the 2015-2018 one (04_*.txt).
_A = (
    ("主动公开信息数", "主动公开.条数", "条", ("网站公开", "政府公报公开")),
    (
        "受理依申请公开信息总数",
        "申请.新收",
        "条",
        ("当面申请数", "传真申请数", "电子邮件申请数", "网上申请数", "信函申请数", "其它形式申请数"),
    ),
    ("对申请的答复数", "", "条", ("同意公开答复数", "同意部分公开答复数", "否决公开答复数")),
    ("行政复议数", "复议.总计", "条", ()),
    ("行政诉讼数", "诉讼.总计", "条", ()),
    ("行政申诉数", "", "条", ()),
)
_B = (
    ("主动公开文件数", "主动公开.条数", "条", ("政府网站公开数", "政府公报公开数")),
    ("受理政府信息依申请公开总数", "申请.新收", "条", ("当面申请数", "网上申请数", "信函、传真申请数")),
    (
        "对申请的答复总数",
        "",
        "条",
        ("同意公开答复数", "同意部分公开答复数", "不予公开答复数", "其他类型答复数"),
    ),
    ("接受行政诉讼、举报数", "", "件", ()),
    ("行政复议数", "复议.总计", "件", ()),
    ("行政诉讼数", "诉讼.总计", "件", ()),
)
MEMBER_KEYS = {"同意公开答复数": "申请.予以公开", "同意部分公开答复数": "申请.部分公开"}
# Which prose outcome each answer row counts (A has no row for 无法提供: its sum leaves it out).
_ANSWERS = {
    "同意公开答复数": "申请.予以公开",
    "同意部分公开答复数": "申请.部分公开",
    "否决公开答复数": "申请.不予公开",
    "不予公开答复数": "申请.不予公开",
    "其他类型答复数": "申请.无法提供",
}


@dataclass(frozen=True)
class StatRow:
    """One printed row: label (numbering included), unit, the year's value, the cumulative one."""

    label: str
    unit: str
    year: int
    total: int
    key: str = ""  # the facet the row states, if any
    parent: int | None = None  # index of the total this row is a member of


@dataclass(frozen=True)
class StatsTable:
    """The whole table as printed, and the facets the prose states beside it."""

    year: int
    rows: tuple[StatRow, ...]
    year_first: bool = True  # the year's column before 历年累计
    prose: dict[str, int | float] = field(default_factory=dict)

    def header(self) -> list[str]:
        columns = [f"{self.year}年度", "历年累计"]
        return ["指标名称", "计量单位", *(columns if self.year_first else columns[::-1])]

    def values(self, row: StatRow) -> list[str]:
        pair = [str(row.year), str(row.total)]
        return pair if self.year_first else pair[::-1]

    def facets(self) -> dict[str, int]:
        return {row.key: row.year for row in self.rows if row.key}


def _parts(rng: random.Random, total: int, n: int) -> list[int]:
    """``total`` spread over ``n`` members, most of it in the first."""
    weights = [6] + [rng.choice((0, 1, 1, 2)) for _ in range(n - 1)]
    counts = [0] * n
    for i in rng.choices(range(n), weights, k=total):
        counts[i] += 1
    return counts


def draw(seed: int, year: int, facets: dict, active: int) -> StatsTable:
    """The table for a free report on ``year`` whose prose states ``facets`` and whose
    proactive-disclosure total is ``active``; deterministic by seed."""
    rng = random.Random(f"stats:{seed}")
    wording = _A if year <= 2014 or rng.random() < 0.3 else _B
    new = facets["申请.新收"]
    rows: list[StatRow] = []
    for label, key, unit, members in wording:
        values = _member_values(rng, label, members, facets, new, active)
        if key == "主动公开.条数":
            this = active
        elif key:
            this = facets[key]  # the prose states it too: the table agrees
        else:
            this = sum(values) if members else _small(rng)
        prior = 0 if rng.random() < 0.3 else rng.randint(1, 5 * this + 40)
        priors = _parts(rng, prior, len(members)) if members else []
        rows.append(StatRow(label, unit, this, this + prior, key))
        parent = len(rows) - 1
        for i, (name, value, before) in enumerate(zip(members, values, priors, strict=True), 1):
            lead = "其中：" if i == 1 else ""
            sep = "." if wording is _A else "、"
            member_key = MEMBER_KEYS.get(name, "")
            rows.append(StatRow(f"{lead}{i}{sep}{name}", unit, value, value + before, member_key, parent))
    return StatsTable(year, tuple(rows), rng.random() < 0.9, dict(facets))


def _member_values(
    rng: random.Random, label: str, members: tuple, facets: dict, new: int, active: int
) -> list:
    """The members' year values: answers by outcome, channels and outlets spread at random."""
    if not members:
        return []
    if "答复" in label:
        return [facets.get(_ANSWERS[name], 0) for name in members]
    return _parts(rng, active if "主动公开" in label else new, len(members))


def _small(rng: random.Random) -> int:
    return 0 if rng.random() < 0.85 else rng.randint(1, 3)


# --- what a reader recovers from fused digits -------------------------------------------


def readings(digits: str, year_first: bool) -> set[tuple[int, int]]:
    """Every (year, cumulative) pair the digits allow, as the reader counts them."""
    return set(fused_readings(digits, year_first))


def recoverable(table: StatsTable) -> set[str]:
    """Facets whose year value the fused table still gives: the row's digits allow one
    reading once every total must equal the sum of its members in both columns."""
    options = ["".join(table.values(r)) for r in table.rows]
    sets = [readings(d, table.year_first) for d in options]
    for parent in {r.parent for r in table.rows if r.parent is not None}:
        group = [parent] + [i for i, r in enumerate(table.rows) if r.parent == parent]
        kept: list[set] = [set() for _ in group]
        for combo in product(*(sorted(sets[i]) for i in group)):
            head, *parts = combo
            if head == (sum(p[0] for p in parts), sum(p[1] for p in parts)):
                for seen, reading in zip(kept, combo, strict=True):
                    seen.add(reading)
        for i, seen in zip(group, kept, strict=True):
            sets[i] = seen
    return {r.key for r, s in zip(table.rows, sets, strict=True) if r.key and {y for y, _ in s} == {r.year}}
