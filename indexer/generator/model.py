"""Synthetic annual reports whose every stated number is known.

``generate(seed)`` draws an agency, a year, a template and internally consistent tables (each row's
columns add up to its 总计, 新收 + 上年结转 = 办理总计 + 结转下年 …), so an extractor's output can be
scored against the truth.  Money is kept in 万元, as the facet registry wants it.
"""

from __future__ import annotations

import dataclasses
import random
from collections import Counter
from dataclasses import dataclass, field
from decimal import Decimal

from ..extract.templates import (
    ACTIVE_TABLES,
    APPLICANT_COLUMNS,
    APPLICATION_ROWS,
    REVIEW_COLUMNS,
    REVIEW_GROUPS,
)
from ..models import Region
from . import agency as agencies
from . import forms, prose
from .statstable import StatsTable

TEMPLATE_YEARS = {"free": (2008, 2018), "2019": (2019, 2020), "2021": (2021, 2025)}
SECTION_HEADINGS = {
    "templated": (
        "总体情况",
        "主动公开政府信息情况",
        "收到和处理政府信息公开申请情况",
        "政府信息公开行政复议、行政诉讼情况",
        None,
        "其他需要报告的事项",
    ),
    "free": (
        "概述",
        "主动公开政府信息的情况",
        "依申请公开政府信息和不予公开政府信息的情况",
        "因政府信息公开申请提起行政复议、行政诉讼的情况",
        None,
        "其他需要报告的事项",
    ),
}
SECTIONS = ("总体情况", "主动公开", "依申请公开", "复议诉讼", "问题改进", "其他事项")
COLUMNS = tuple(c.suffix for c in APPLICANT_COLUMNS if c.suffix)  # 自然人 … 其他
# How often each outcome answers one request (relative weights).
OUTCOME_WEIGHTS = {
    "予以公开": 40,
    "部分公开": 8,
    "不予公开.国家秘密": 0.3,
    "不予公开.法律法规禁止": 0.6,
    "不予公开.三安全一稳定": 0.4,
    "不予公开.第三方权益": 2,
    "不予公开.内部事务": 1.2,
    "不予公开.过程性信息": 1.5,
    "不予公开.行政执法案卷": 0.6,
    "不予公开.行政查询": 0.8,
    "无法提供.不掌握": 20,
    "无法提供.需另行制作": 3,
    "无法提供.仍不明确": 3,
    "不予处理.信访举报投诉": 4,
    "不予处理.重复申请": 3,
    "不予处理.公开出版物": 0.8,
    "不予处理.大量反复": 0.6,
    "不予处理.确认或重新出具": 1.5,
    "其他处理": 6,
    "其他处理.逾期不补正": 3,
    "其他处理.逾期未缴费": 0.3,
    "其他处理.其他": 3,
}
COLUMN_WEIGHTS = (70, 15, 2, 3, 4, 6)


@dataclass(frozen=True)
class SyntheticReport:
    """One generated report: what it says, and what an extractor should recover from it."""

    seed: int
    agency: str
    region: Region
    year: int
    published: str  # ISO date printed under the signature
    template: str  # "2019" | "2021" | "free"
    sections: dict[str, str]  # canonical section name → prose paragraphs ("\n"-separated)
    facets: dict[str, int | float]  # every value the report states, plus the spec's derived sums
    damage: tuple[str, ...] = ()
    expected: dict[str, int | float] = field(default_factory=dict)
    title: str = ""
    headings: tuple[str, ...] = ()  # the six headings without numbering
    printed: dict[str, str] = field(default_factory=dict)  # money facets as their cells print them
    signature: str = ""
    form: str = ""  # the form ``expected`` was worked out for ("" : any of the original forms)
    page: tuple[str, ...] = ()  # crawled-page shapes (``page.SHAPES``) the report was drawn with
    preface: str = ""  # an opening paragraph above section 一
    stats: StatsTable | None = None  # the pre-2019 statistics table appended to a free report

    @property
    def expected_agency(self) -> str | None:
        """The agency a correct reader finds: none where the report only says 我局."""
        return None if "anonymous" in self.page else self.agency


def _small(rng: random.Random, p0: float, hi: int) -> int:
    """Mostly 0, else a small count skewed low."""
    if rng.random() < p0:
        return 0
    return min(hi, 1 + int(rng.expovariate(3 / hi)))


def _decisions(rng: random.Random, big: bool) -> int:
    """处理决定数: 0 often, occasionally hundreds or thousands for enforcement bodies."""
    roll = rng.random()
    if roll < 0.45:
        return 0
    if big and roll > 0.8:
        return rng.randint(100, 9000)
    return _small(rng, 0, 60)


def _money(rng: random.Random) -> tuple[float, str]:
    """A purchase total: (万元 value, cell text in 元 or 万元)."""
    yuan = Decimal(rng.randint(100_000, 2_000_000_000)) / 100
    if rng.random() < 0.5:
        return float(yuan / 10000), f"{yuan:.2f}{rng.choice([' 元', '元'])}"
    wan = (yuan / 10000).quantize(Decimal(1).scaleb(-rng.randint(1, 4)))
    return float(wan), f"{wan}万元"


def _active(rng: random.Random, template: str, big: bool) -> tuple[dict, dict]:
    """Section 二 values (facets, printed money cells)."""
    facets: dict[str, int | float] = {}
    printed: dict[str, str] = {}
    for table in ACTIVE_TABLES[template]:
        for row in table.rows:
            values = _active_row(rng, row.key, [c.suffix for c in table.columns], big)
            for suffix, value in values.items():
                key = f"{row.key}.{suffix}"
                if isinstance(value, tuple):
                    value, printed[key] = value
                facets[key] = value
    return facets, printed


def _active_row(rng: random.Random, key: str, suffixes: list[str], big: bool) -> dict:
    out: dict = {}
    p0 = 0.9 if key == "规章" else 0.55
    for s in suffixes:
        if s == "本年制发":
            out[s] = _small(rng, p0, 12)
        elif s == "本年新公开":
            out[s] = out["本年制发"] if rng.random() < 0.7 else _small(rng, p0, 12)
        elif s == "对外公开总数":
            out[s] = out["本年新公开"] + _small(rng, 0.3, 60)
        elif s == "本年废止":
            out[s] = _small(rng, 0.8, 6)
        elif s == "现行有效":
            out[s] = out["本年制发"] + _small(rng, 0.3, 80)
        elif s == "上一年项目数":
            out[s] = _small(rng, 0.45, 80)
        elif s == "本年增减":
            last = out.get("上一年项目数", 0)
            out[s] = 0 if rng.random() < 0.6 else rng.randint(-min(last, 10), 10)
        elif s == "处理决定数":
            out[s] = _decisions(rng, big and key in ("行政处罚", "行政强制", "行政许可"))
        elif s == "项目数":
            out[s] = _small(rng, 0.4, 90)
        elif s == "总金额_万元":
            out[s] = _money(rng) if out["项目数"] else (0, "0")
        elif s == "金额_万元":
            wan = Decimal(rng.randint(1, 500_000)) / 100 if rng.random() < 0.3 else Decimal(0)
            out[s] = (float(wan), str(wan))
    return out


def _spread(rng: random.Random, total: int, weights: tuple[float, ...]) -> list[int]:
    """Split a count over buckets by weight (a multinomial draw)."""
    counts = Counter(rng.choices(range(len(weights)), weights, k=total))
    return [counts[i] for i in range(len(weights))]


def _volume(rng: random.Random) -> int:
    """新收 for the whole report: often 0, usually small, now and then thousands."""
    roll = rng.random()
    if roll < 0.45:
        return 0
    if roll < 0.85:
        return rng.randint(1, 15)
    if roll < 0.97:
        return rng.randint(16, 300)
    return rng.randint(1000, 5000)


def _applications(rng: random.Random, template: str) -> dict[str, int]:
    """Section 三: every row by column, its 总计, the group sums; the table balances."""
    rows = [r.key for r in APPLICATION_ROWS[template]]
    leaves = [k for k in rows if k in OUTCOME_WEIGHTS]
    new = _spread(rng, _volume(rng), COLUMN_WEIGHTS)
    carried = _spread(rng, rng.randint(0, max(1, sum(new) // 5)) if rng.random() < 0.3 else 0, COLUMN_WEIGHTS)
    table: dict[str, list[int]] = {k: [0] * 6 for k in rows}
    for c in range(6):
        table["新收"][c], table["上年结转"][c] = new[c], carried[c]
        pending = new[c] + carried[c]
        forward = rng.randint(0, pending // 4) if pending and rng.random() < 0.3 else 0
        table["结转下年"][c] = forward
        table["办理总计"][c] = pending - forward
        for key, n in zip(
            leaves, _spread(rng, pending - forward, tuple(OUTCOME_WEIGHTS[k] for k in leaves)), strict=True
        ):
            table[key][c] = n
    facets: dict[str, int] = {}
    for key, cols in table.items():
        facets[f"申请.{key}"] = sum(cols)
        facets.update({f"申请.{key}.{name}": v for name, v in zip(COLUMNS, cols, strict=True)})
    for row in APPLICATION_ROWS[template]:
        if row.group:
            facets[f"申请.{row.group}"] = facets.get(f"申请.{row.group}", 0) + facets[f"申请.{row.key}"]
    return facets


def _reviews(rng: random.Random) -> dict[str, int]:
    """Section 四: three groups of four outcomes and their 总计, plus 诉讼.总计."""
    facets: dict[str, int] = {}
    for group, _ in REVIEW_GROUPS:
        parts = [0] * 4 if rng.random() < 0.85 else [_small(rng, 0.5, 4) for _ in range(4)]
        for col, value in zip(REVIEW_COLUMNS, parts + [sum(parts)], strict=True):
            facets[f"{group}.{col.suffix}"] = value
    facets["诉讼.总计"] = facets["诉讼.直接起诉.总计"] + facets["诉讼.复议后起诉.总计"]
    return facets


def _free(rng: random.Random) -> dict[str, int]:
    """Pre-2019 numbers that prose states: requests by outcome, reviews, lawsuits."""
    new = 0 if rng.random() < 0.5 else _small(rng, 0, 80)
    parts = _spread(rng, new, (60, 10, 5, 25))
    facets = dict(
        zip(("申请.予以公开", "申请.部分公开", "申请.不予公开", "申请.无法提供"), parts, strict=True)
    )
    if new == 0:  # the prose then says only 未收到政府信息公开申请
        facets = {}
    facets["申请.新收"] = new
    facets["复议.总计"] = _small(rng, 0.9, 3)
    facets["诉讼.总计"] = _small(rng, 0.95, 2)
    if rng.random() < 0.4:
        facets["规范性文件.本年制发"] = _small(rng, 0.4, 15)
    return facets


def _sections(
    rng: random.Random, template: str, facets: dict, year: int, we: str
) -> tuple[dict[str, str], list[int]]:
    """The six sections' prose, and the 主动公开 totals its sentences state (zero to two)."""
    overview, stated = prose.overview(rng, year, we)
    totals = [stated] if stated is not None else []
    sections = {
        "总体情况": overview,
        "问题改进": prose.problems(rng, year, we),
        "其他事项": prose.pick(rng, prose.OTHER, year, we),
    }
    if template == "free":
        totals.append(rng.randint(15, 900))
        active = f"{year}年，{we}全年主动公开政府信息{totals[-1]}条。"
        if "规范性文件.本年制发" in facets:
            active += f"制发规范性文件{facets['规范性文件.本年制发']}件，均已按规定公开。"
        sections["主动公开"] = active
        sections["依申请公开"] = prose.free_request(rng, facets, we, year)
        sections["复议诉讼"] = prose.free_review(facets, we)
    else:
        sections["主动公开"] = prose.pick(rng, prose.ACTIVE_INTRO, year, we) if rng.random() < 0.5 else ""
        sections["依申请公开"] = prose.pick(rng, prose.REQUEST_INTRO, year, we) if rng.random() < 0.4 else ""
        sections["复议诉讼"] = prose.pick(rng, prose.REVIEW_INTRO, year, we) if rng.random() < 0.3 else ""
    return {name: sections[name] for name in SECTIONS}, totals


def _title(rng: random.Random, agency: agencies.Agency, year: int) -> str:
    """Title as printed: usually whole, sometimes on two lines, spaced, or with a clipped name."""
    roll = rng.random()
    if roll < 0.2:
        return f"{agency.name}\n{year}年政府信息公开工作年度报告"
    if roll < 0.3:
        return f"{agency.name} {year} 年政府信息公开工作年度报告"
    if roll < 0.37:
        return f"{agency.short}{year}年政府信息公开工作年度报告"
    return f"{agency.name}{year}年政府信息公开工作年度报告"


def _we(department: str) -> str:
    """How the report names its author: 我局, 我委, 我厅, 我办, 我镇 …"""
    for end, we in (
        ("委员会", "我委"),
        ("厅", "我厅"),
        ("办公室", "我办"),
        ("街道办事处", "我街道"),
        ("镇人民政府", "我镇"),
        ("乡人民政府", "我乡"),
        ("人民政府", "我府"),
        ("局", "我局"),
    ):
        if department.endswith(end):
            return we
    return "本机关"


def _pick_template(rng: random.Random) -> str:
    return rng.choices(("free", "2019", "2021"), (2, 3, 5))[0]


def generate(
    seed: int, *, template: str | None = None, damage: bool | None = None, form: str | None = None
) -> SyntheticReport:
    """A report drawn deterministically from ``seed``; ``damage=None`` lets the seed decide.

    With ``form`` the report is drawn for that form: the free-form and statistics forms force
    the free template (the statistics forms append the old 统计表), the crawled-page forms draw
    page shapes, and ``expected`` says what a correct reader recovers from that form.  For the
    original forms the report is the one drawn without ``form``.
    """
    from . import damage as damages  # damage.py reads SyntheticReport

    template = forms.template_for(form, template)
    rng = random.Random(seed)
    template = template or _pick_template(rng)
    if form in forms.TABLES_ONLY and template == "free":  # the draw is kept, so the seed's stream is too
        template = random.Random(f"template:{seed}").choice(("2019", "2021"))
    if template not in TEMPLATE_YEARS:
        raise ValueError(f"unknown template {template!r}; expected one of {sorted(TEMPLATE_YEARS)}")
    year = rng.randint(*TEMPLATE_YEARS[template])
    agency = agencies.pick(rng)
    we = _we(agency.department) if rng.random() < 0.8 else rng.choice(("本机关", "我单位"))
    printed: dict[str, str] = {}
    if template == "free":
        facets: dict = _free(rng)
    else:
        big = any(word in agency.department for word in agencies.ENFORCERS)
        facets, printed = _active(rng, template, big)
        facets.update(_applications(rng, template))
        facets.update(_reviews(rng))
    published = f"{year + 1}-{rng.randint(1, 3):02d}-{rng.randint(1, 28):02d}"
    heads = SECTION_HEADINGS["free" if template == "free" else "templated"]
    problem = rng.choice(prose.PROBLEM_HEADINGS)
    sections, totals = _sections(rng, template, facets, year, we)
    if len(set(totals)) == 1:  # two different totals state none (the spec's rule)
        facets["主动公开.条数"] = totals[0]
    report = SyntheticReport(
        seed=seed,
        agency=agency.name,
        region=Region(agency.province, agency.city, agency.county),
        year=year,
        published=published,
        template=template,
        sections=sections,
        facets=facets,
        title=_title(rng, agency, year),
        headings=tuple(h or problem for h in heads),
        printed=printed,
        signature=agency.name,
    )
    report = _for_form(report, form, totals)
    chosen = damages.choose(seed, template) if damage or (damage is None and seed % 2) else ()
    report = damages.with_damage(report, chosen)
    if form is None:
        return report
    from . import recover  # recover.py reads the layout, which reads this module

    return dataclasses.replace(report, form=form, expected=recover.expected(report, form))


def _for_form(report: SyntheticReport, form: str | None, totals: list[int]) -> SyntheticReport:
    """What the form adds to the drawn report: the statistics table, the page's shapes."""
    from . import page, statstable

    if form in forms.STATS:
        table = statstable.draw(report.seed, report.year, report.facets, totals[-1])
        report = dataclasses.replace(report, stats=table, facets={**report.facets, **table.facets()})
    if form in forms.PAGES:
        report = page.shape(report)
    return report
