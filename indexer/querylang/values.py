"""Reading the values of a query: numbers with units, years, field values."""

from __future__ import annotations

import difflib
import re

from ..extract.numbers import parse_number
from ..levels import LEVELS
from ..registry import CHECK_ANY, CHECK_RULES, facets, is_ratio
from .ast import YEAR_MAX, YEAR_MIN
from .errors import QueryError

_CN = "零〇一二两三四五六七八九十百千万亿壹贰叁肆伍陆柒捌玖拾佰仟"
_NUMBER_RE = re.compile(rf"^(?P<sign>[+\-]?)(?P<num>\d+(?:,\d{{3}})*(?:\.\d+)?|[{_CN}]+)(?P<unit>.*)$")
MONEY_UNITS = {"": 1.0, "万": 1.0, "万元": 1.0, "元": 1e-4, "千元": 0.1, "亿": 1e4, "亿元": 1e4}
COUNT_UNITS = {"": 1.0, "件": 1.0, "个": 1.0, "项": 1.0}
# A ratio is a fraction of 1: 0.5 and 50% are the same value.
RATIO_UNITS = {"": 1.0, "%": 0.01}  # the lexer reads ％ as %
UNITS = (frozenset(MONEY_UNITS) | frozenset(COUNT_UNITS) | frozenset(RATIO_UNITS)) - {""}

_SEP = r"(?:-|~|至|到|\.\.)"
_YEAR_RE = re.compile(rf"^(\d{{4}})(?:年度?)?(?:{_SEP}(\d{{4}})(?:年度?)?)?$")
_ONE_YEAR_RE = re.compile(r"^\d{4}(?:年度?)?$")
_NOT_UNIT = frozenset(",.0123456789")
TEMPLATES = {"2019": "2019", "2021": "2021", "free": "free", "自由": "free", "自由格式": "free"}
CONSISTENT = {
    "不符": False, "不相符": False, "不一致": False, "no": False, "false": False, "0": False, "否": False,
    "相符": True, "一致": True, "yes": True, "true": True, "1": True, "是": True,
}  # fmt: skip


def _number(text: str) -> float | None:
    try:
        value = parse_number(text)
    except Exception:  # cn2an's own parser: any failure there is just "not a number"
        return None
    return None if value is None else float(value)


def facet_value(facet: str, text: str, position: int) -> float:
    """``text`` (``50万``, ``500000元``, ``十二``, ``-3``, ``50%``) in the unit of ``facet``."""
    match = _NUMBER_RE.match(text)
    value = _number(match["num"]) if match else None
    if match is None or value is None or match["unit"][:1] in _NOT_UNIT:
        raise QueryError("bad_number", f"'{text}' is not a number", position, zh=f"“{text}”不是数字")
    unit, money = match["unit"], facets()[facet].unit == "万元"
    if is_ratio(facet):
        value *= _ratio_factor(facet, text, unit, value, position)
    else:
        if money and not unit and match["num"][-1] in "万亿" and not match["num"].isascii():
            value /= 10000  # 五十万 reads as 500000 元
        value *= _unit_factor(facet, unit, money, position + len(text) - len(unit))
    # Ten places only round away binary noise: 0.001 元 is 0.0000001 万元, not 0.
    return round(-value if match["sign"] == "-" else value, 10)


def _ratio_factor(facet: str, text: str, unit: str, value: float, position: int) -> float:
    """A ratio's value is a fraction (0.5) or a percentage (50%); a bare number above 1 is
    refused rather than guessed (50 could mean 50%, or a ratio no report has)."""
    if unit in RATIO_UNITS and (unit or value <= 1):
        return RATIO_UNITS[unit]
    if not unit:  # the whole number is what is wrong
        change = facets()[facet].kind == "yoy"
        what, what_zh = ("a change (0.5 is +50%)", "同比变化（0.5 即增加 50%）") if change else ("a fraction of 1", "比例（0 到 1）")
        raise QueryError("bad_unit", f"'{text}': {facet} is {what}, write {text}% or {value / 100:g}",
                         position, [f"{text}%", f"{value / 100:g}"],
                         zh=f"“{text}”：{facet} 是{what_zh}，请写 {text}% 或 {value / 100:g}")  # fmt: skip
    raise QueryError("bad_unit", f"'{unit}' does not fit {facet}, which is a ratio (use % or none)",
                     position + len(text) - len(unit), ["%"], zh=f"单位“{unit}”不适用于 {facet}：它是比例（可用 % 或不写单位）")  # fmt: skip


def _unit_factor(facet: str, unit: str, money: bool, position: int) -> float:
    table, other = (MONEY_UNITS, COUNT_UNITS) if money else (COUNT_UNITS, MONEY_UNITS)
    if unit in table:
        return table[unit]
    kind, kind_zh = ("an amount of money", "金额（万元）") if money else ("a count (件)", "件数")
    units = [u for u in table if u]
    if unit in other:
        detail = f"'{unit}' does not fit {facet}, which is {kind}"
        zh = f"单位“{unit}”不适用于 {facet}：它是{kind_zh}"
    else:
        detail = f"unknown unit '{unit}' (use {', '.join(units)})"
        zh = f"未知单位“{unit}”（可用：{'、'.join(units)}）"
    raise QueryError("bad_unit", detail, position, units, zh=zh)


def looks_like_year(text: str) -> bool:
    return bool(_ONE_YEAR_RE.match(text))


def is_year_text(text: str) -> bool:
    """``2020年`` and ``2019-2021年`` name years on their own; a bare ``2020`` is a word."""
    return "年" in text and bool(_YEAR_RE.match(text))


_CN_YEAR_DIGITS = str.maketrans("〇○零一二三四五六七八九", "00012345678" + "9")


def year_range(text: str, position: int) -> tuple[int, int]:
    """``2020``, ``2019-2021``, ``2019..2021``, ``2020年``, ``二〇二〇`` → (lo, hi)."""
    match = _YEAR_RE.match(text.translate(_CN_YEAR_DIGITS))
    if not match:
        raise QueryError("bad_year", f"'{text}' is not a year or a range like 2019-2021", position,
                         zh=f"“{text}”不是年份，也不是 2019-2021 这样的年份范围")  # fmt: skip
    lo = int(match[1])
    hi = int(match[2] or lo)
    for year in (lo, hi):
        if not YEAR_MIN < year < YEAR_MAX:
            raise QueryError("bad_year", f"year {year} is out of range", position,
                             zh=f"年份 {year} 超出范围（{YEAR_MIN + 1}—{YEAR_MAX - 1}）")  # fmt: skip
    if lo > hi:
        raise QueryError("bad_year", f"the year range '{text}' runs backwards", position,
                         zh=f"年份范围“{text}”前大后小")  # fmt: skip
    return lo, hi


def year_bounds(op: str, year: int) -> tuple[int, int]:
    """The range ``year OP N`` covers (``!=`` is handled by the caller)."""
    return {
        "=": (year, year),
        ">": (year + 1, YEAR_MAX),
        ">=": (year, YEAR_MAX),
        "<": (YEAR_MIN, year - 1),
        "<=": (YEAR_MIN, year),
    }[op]


# 级别: values: the level words (levels.LEVELS), with 省/市/县 and 区级 (a district is county level).
LEVEL_WORDS = {level: level for level in LEVELS} | {
    "省": "省级", "市": "市级", "县": "县级", "区级": "县级", "区县": "县级", "中央": "未知",
    "province": "省级", "city": "市级", "county": "县级", "unknown": "未知",
}  # fmt: skip


def level_value(text: str, position: int) -> str:
    key = text.lower() if text.isascii() else text
    if key not in LEVEL_WORDS:
        raise QueryError("bad_value", f"unknown level '{text}' (use {', '.join(LEVELS)})", position, list(LEVELS),
                         zh=f"未知级别“{text}”（可用：{'、'.join(LEVELS)}）")  # fmt: skip
    return LEVEL_WORDS[key]


def template_value(text: str, position: int) -> str:
    key = re.sub(r"(年版|年|版)$", "", text.lower())
    if key not in TEMPLATES:
        raise QueryError("bad_template", f"unknown template '{text}' (use 2019, 2021 or free)", position,
                         ["2019", "2021", "free"], zh=f"未知模板“{text}”（可用：2019、2021 或 自由格式）")  # fmt: skip
    return TEMPLATES[key]


# 检查: values: each rule by its name, and any rule failed.
CHECKS = {rule: rule for rule in CHECK_RULES} | {
    CHECK_ANY: CHECK_ANY, "任一": CHECK_ANY, "任意": CHECK_ANY, "any": CHECK_ANY,
    "carry_over": "跨年结转", "text_vs_tables": "文表不符", "improvement": "问题改进缺失",
    "fees": "收费未说明", "template": "模板不符",
}  # fmt: skip


def check_value(text: str, position: int) -> str:
    """The rule ``检查:text`` names (``CHECK_ANY`` for any), else bad_value with the nearest."""
    key = text.lower() if text.isascii() else text
    if key in CHECKS:
        return CHECKS[key]
    known = [*CHECK_RULES, CHECK_ANY]
    near = difflib.get_close_matches(key, known, n=3, cutoff=0.3) or known
    raise QueryError("bad_value", f"unknown check '{text}' (use {', '.join(known)})", position, near,
                     zh=f"未知检查“{text}”（可用：{'、'.join(known)}）")  # fmt: skip


def consistent_value(text: str, position: int) -> bool:
    key = text.lower()
    if key not in CONSISTENT:
        raise QueryError("bad_value", f"'{text}' is not 不符/no or 相符/yes", position, ["不符", "相符"],
                         zh=f"“{text}”应为“不符”或“相符”")  # fmt: skip
    return CONSISTENT[key]
