"""Checks beyond one report's tables: what reviewers of reports look for.

Pure functions over extraction records (the dicts ``Report.to_record()`` gives and the
index stores), each returning ``Check`` objects whose rule is the value of the
``检查`` facet it feeds:

* ``跨年结转``: this year's 上年结转 against the same body's previous 结转下年
  (``carry_over``, two records; ``history_checks`` pairs a body's years);
* ``文表不符``: a number the sentences state against the table's (``text_vs_tables``);
* ``问题改进缺失``: the problems-and-improvements section missing, empty or only 无;
* ``收费未说明``: fees in the tables that no sentence explains (``fees_explained``);
* ``模板不符``: a template another year's (``template_fits_year``).

As with the table checks, a check runs only where every number it needs was read:
never on invented zeros.  A failed check's detail shows the numbers on both sides.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable, Mapping

from .. import registry  # the module: registry imports extraction while it loads
from ..models import SECTION_NAMES, Check
from .agencykey import agency_key
from .freeform import STATED_KEYS, stated_in_prose
from .templates import table_of, template_of_year

Record = Mapping

# The pipeline's note where a table and the prose disagree (freeform.prefer_tables).
_DISPUTE = re.compile(
    r"^(?P<key>\S+): table says (?P<table>[\d.]+), prose says (?P<prose>[\d.]+); "
    r"(?:left out|the table's [\d.]+ is kept)$"
)
_IMPROVEMENT = "问题改进"
_AFTER_IMPROVEMENT = "其他事项"
_ASIDE = re.compile(r"[(（【\[][^()（）【】\[\]]*[)）】\]]")
_MARKS = re.compile(r"[\s\W_]+")
# What a section says when it says nothing: 无, 暂无, 没有, 本年度无, 无相关情况 …
_NOTHING = re.compile(r"(?:(?:本|今)年度?)?(?:暂无|无|没有)?(?:相关情况|此类情况|问题|其他)?")
_SENTENCE = re.compile(r"[^。；;！!？?\n]+")
_CHARGE = re.compile(r"收费|收取[^。；，,]{0,12}费|信息处理费")
_NO_CHARGE = re.compile(r"(?:未|没有|无|不)(?:发生|产生)?(?:收取|收费|.{0,4}收费)")
_AMOUNT = re.compile(r"\d[\d,.]*\s*(?:万元|元)|[零一二两三四五六七八九十百千万]+元")
_REASON = re.compile(r"依据|标准|用于|主要|项目|包括|系|为")
# The tables' own words: a table flattened into the text (…本年收费金额（单位：万元）行政事业性收费
# 24252.3…) is the figure, not a sentence explaining it.
_TABLE_WORDS = re.compile(r"信息内容|本年收费金额|勾稽关系|申请人情况|本年处理决定数量|上一年项目数量|第二十条第")


def _facets(record: Record) -> Mapping[str, int | float]:
    return record.get("facets") or {}


def _tables_read(record: Record) -> set[str]:
    """The table groups whose numbers were read from a table, not from sentences: a group
    holding only facets a sentence can state was not read from a table."""
    return {table_of(k) for k in _facets(record) if k not in STATED_KEYS}


# --- 跨年结转 -------------------------------------------------------------------


def carry_over(current: Record, previous: Record) -> list[Check]:
    """``跨年结转``: 申请.上年结转 of ``current`` equals 申请.结转下年 of ``previous``,
    the same body's report on the year before (by ``agency_key``); else no check.

    >>> a = {"agency": "城步县商务局", "region": {}, "year": 2020, "facets": {"申请.上年结转": 3}}
    >>> b = {"agency": "城步苗族自治县商务局", "region": {}, "year": 2019, "facets": {"申请.结转下年": 5}}
    >>> carry_over(a, b)
    [Check(rule='跨年结转', ok=False, detail='上年结转 3 ≠ 2019 年结转下年 5')]
    """
    year, before = current.get("year"), previous.get("year")
    if year is None or before != year - 1 or not _same_body(current, previous):
        return []
    carried, left = _facets(current).get("申请.上年结转"), _facets(previous).get("申请.结转下年")
    if carried is None or left is None:
        return []
    ok = carried == left
    return [Check("跨年结转", ok, f"上年结转 {carried} {'=' if ok else '≠'} {before} 年结转下年 {left}")]


def _same_body(a: Record, b: Record) -> bool:
    key = agency_key(a.get("agency"), a.get("region"))
    return key is not None and key == agency_key(b.get("agency"), b.get("region"))


def history_checks(records: Iterable[Record]) -> dict[str, list[Check]]:
    """``跨年结转`` for every record whose body's report on the year before is among
    ``records``, by record id (several reports of that year: one check for each)."""
    by_body: dict[tuple[str, int], list[Record]] = defaultdict(list)
    for record in records:
        key = agency_key(record.get("agency"), record.get("region"))
        if key is not None and record.get("year") is not None:
            by_body[(key, record["year"])].append(record)
    found: dict[str, list[Check]] = {}
    for (key, year), current in by_body.items():
        for record in current:
            checks = [c for before in by_body.get((key, year - 1), []) for c in carry_over(record, before)]
            if checks:
                found[record["id"]] = checks
    return found


# --- 文表不符 -------------------------------------------------------------------


def text_vs_tables(record: Record) -> list[Check]:
    """``文表不符``: each number the sentences state once (本年新收申请N件, 行政复议N件 …)
    against the table's, where a table stated it; one check per key."""
    stated = _stated(record)
    facets, read = _facets(record), _tables_read(record)
    checks = {
        key: _compare(key, value, facets[key], stated)
        for key, (value, _) in stated.items()
        if key in facets and key != "主动公开.条数" and table_of(key) in read
    }
    for note in record.get("warnings") or ():
        if (m := _DISPUTE.match(note)) and m["key"] not in checks:
            checks[m["key"]] = _compare(m["key"], _num(m["prose"]), _num(m["table"]), stated)
    return list(checks.values())


def _stated(record: Record) -> dict[str, tuple[int, str]]:
    """Values the whole text states unambiguously, with the first section stating each."""
    sections: Mapping[str, str] = record.get("sections") or {}
    parts = [(name, sections[name]) for name in SECTION_NAMES if name in sections]
    parts = parts or [("全文", record.get("unsectioned") or "")]
    whole, _ = stated_in_prose("\n".join(text for _, text in parts))
    where: dict[str, str] = {}
    for name, text in parts:
        if len(where) == len(whole):
            break  # every value has its first section (most texts state none)
        for key, value in stated_in_prose(text)[0].items():
            if whole.get(key) == value:
                where.setdefault(key, name)
    return {key: (value, where.get(key, "")) for key, value in whole.items()}


def _compare(key: str, prose: int | float, table: int | float, stated: Mapping) -> Check:
    where = stated.get(key, (None, ""))[1]
    ok = prose == table
    said = f"正文 {prose}（{where}）" if where else f"正文 {prose}"
    return Check("文表不符", ok, f"{key}：{said} {'=' if ok else '≠'} 表格 {table}")


def _num(text: str) -> int | float:
    value = float(text)
    return int(value) if value.is_integer() else value


# --- 问题改进缺失 ---------------------------------------------------------------


def improvement_section(record: Record) -> list[Check]:
    """``问题改进缺失``: the problems-and-improvements section is missing, empty or only
    says 无 / 暂无 / 没有 (or only a bracketed placeholder such as （文字描述）).

    A missing section counts only where the report's last section (其他事项) was found:
    a page cut short, or a report whose headings were not recognised, is not judged.
    """
    sections: Mapping[str, str] = record.get("sections") or {}
    if _IMPROVEMENT not in sections:
        if _AFTER_IMPROVEMENT not in sections:
            return []
        return [Check("问题改进缺失", False, "没有“问题改进”一节")]
    text = sections[_IMPROVEMENT]
    said = _MARKS.sub("", _ASIDE.sub("", text))
    if not said:
        return [Check("问题改进缺失", False, "“问题改进”一节为空")]
    if _NOTHING.fullmatch(said):
        return [Check("问题改进缺失", False, f"“问题改进”一节只写“{text.strip()}”")]
    return [Check("问题改进缺失", True, f"“问题改进”一节 {len(said)} 字")]


# --- 收费未说明 -----------------------------------------------------------------


def fees_explained(record: Record) -> list[Check]:
    """``收费未说明``: fees the tables state, and whether a sentence explains them.

    Two fees are stated in tables: 行政事业性收费 (2021 template, 万元), explained by a
    sentence about a charge that gives an amount or a reason (依据, 标准, 用于, 主要 …);
    and applications dropped for an unpaid fee notice (申请.其他处理.逾期未缴费), which
    means 信息处理费 were charged, explained by any sentence about 信息处理费 or 收费.
    A sentence saying nothing was charged (未收取信息处理费) explains no charged fee.
    """
    facets, text = _facets(record), _all_text(record)
    checks = []
    amount = facets.get("行政事业性收费.金额_万元")
    if amount is not None and amount > 0:
        said = _explains(text, detailed=True)
        checks.append(_fee_check(f"行政事业性收费 {amount} 万元", said))
    unpaid = facets.get("申请.其他处理.逾期未缴费")
    if unpaid is not None and unpaid > 0:
        checks.append(_fee_check(f"逾期未缴信息处理费 {unpaid} 件", _explains(text, detailed=False)))
    return checks


def _explains(text: str, detailed: bool) -> bool:
    for sentence in _SENTENCE.findall(text):
        if not _CHARGE.search(sentence) or _TABLE_WORDS.search(sentence):
            continue
        if not detailed:
            return True
        if not _NO_CHARGE.search(sentence) and (_AMOUNT.search(sentence) or _REASON.search(sentence)):
            return True
    return False


def _fee_check(stated: str, explained: bool) -> Check:
    return Check("收费未说明", explained, f"{stated}，正文{'有' if explained else '无'}说明")


def _all_text(record: Record) -> str:
    sections: Mapping[str, str] = record.get("sections") or {}
    return "\n".join([*sections.values(), record.get("unsectioned") or ""])


# --- 模板不符 -------------------------------------------------------------------


def template_fits_year(record: Record) -> list[Check]:
    """``模板不符``: the template read from the tables is not the year's (2019 template for
    2019–2020, 2021 from 2021, none before 2019; the pre-2019 outline, ``free``, after
    2018 is a finding too).  Not run where the template was only taken from the year
    (no table read) or the year is unknown."""
    year, template = record.get("year"), record.get("template")
    expected = template_of_year(year)
    if expected is None or template not in registry.TEMPLATE_NAMES:
        return []
    if template != "free" and not _tables_read(record):
        return []
    used = _spaced(registry.TEMPLATE_NAMES[template])
    if template == expected:
        return [Check("模板不符", True, f"{year} 年报告用{used}")]
    due = _spaced(registry.TEMPLATE_NAMES[expected])
    return [Check("模板不符", False, f"{year} 年报告用{used}，该年应为{due}")]


def _spaced(name: str) -> str:
    """A space between Chinese text and a number that follows it (用 2019 版模板)."""
    return f" {name}" if name[0].isdigit() else name


# --- all ---------------------------------------------------------------------------


def report_checks(record: Record) -> list[Check]:
    """Every single-report check above, in the order of this module."""
    return [
        *text_vs_tables(record),
        *improvement_section(record),
        *fees_explained(record),
        *template_fits_year(record),
    ]
