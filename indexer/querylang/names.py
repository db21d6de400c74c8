"""Resolving the names a user types: facets, sections and fields."""

from __future__ import annotations

import difflib
from functools import lru_cache

from analyzers.filters import to_simplified

from ..models import SECTION_NAMES
from ..registry import ALIASES, ANOMALY_ANY, COPY, COPY_PREVIOUS, COPY_WHOLE, MAIN_FACETS, YOY, facets
from .errors import QueryError

# Section names and their short forms; None is the whole text.
SECTIONS: dict[str, str | None] = {name: name for name in SECTION_NAMES} | {
    "总体": "总体情况",
    "主动": "主动公开",
    "依申请": "依申请公开",
    "问题": "问题改进",
    "改进": "问题改进",
    "其他": "其他事项",
    "全文": None,
    "text": None,
}
# Field names (Chinese and English) → canonical field.
FIELDS = {
    "机关": "agency", "agency": "agency", "地区": "region", "region": "region",
    "模板": "template", "template": "template", "勾稽": "consistent", "consistent": "consistent",
    "检查": "check", "check": "check", "雷同": "copy", "copied": "copy", "异常": "anomaly", "outlier": "anomaly",
    "级别": "level", "层级": "level", "level": "level",
    "year": "year", "年份": "year", "年度": "year",
}  # fmt: skip
# The field names a person is told about, in Chinese (the English ones work too).
FIELDS_ZH = ("机关", "地区", "级别", "模板", "勾稽", "检查", "雷同", "异常", "年度")
YEAR_NAMES = frozenset(name for name, field in FIELDS.items() if field == "year")


def _fold_name(name: str) -> str:
    """Names compare in lower case and simplified characters (問題 is 问题)."""
    return name.lower() if name.isascii() else to_simplified(name)


def field_name(name: str) -> str | None:
    return FIELDS.get(_fold_name(name))


def is_year_name(name: str) -> bool:
    return _fold_name(name) in YEAR_NAMES


def section_of(name: str) -> tuple[bool, str | None]:
    """(known, canonical section or None for the whole text)."""
    folded = _fold_name(name)
    return folded in SECTIONS, SECTIONS.get(folded)


def unknown_name(name: str, position: int) -> QueryError:
    """The error for ``name:`` that is neither a section nor a field."""
    fields = difflib.get_close_matches(_fold_name(name), list(FIELDS), n=3, cutoff=0.5)
    sections = difflib.get_close_matches(name, list(SECTIONS), n=3, cutoff=0.3)
    if name.isascii() or (fields and not sections):
        hint = fields or [n for n in FIELDS if n.isascii()]
        return QueryError(
            "unknown_field",
            f"unknown field '{name}:'; known: {', '.join(hint)}",
            position,
            hint,
            zh=f"未知字段“{name}:”；可用的字段：{'、'.join(FIELDS_ZH)}",
        )
    hint = list(dict.fromkeys([SECTIONS[s] or s for s in sections] + list(SECTION_NAMES)))
    return QueryError(
        "unknown_section",
        f"unknown section '{name}:'; sections are {', '.join(SECTION_NAMES)}",
        position,
        hint,
        zh=f"未知章节“{name}:”；章节有：{'、'.join(SECTION_NAMES)}",
    )


@lru_cache(maxsize=1)
def aliases() -> dict[str, str]:
    """Every alias → its canonical facet key (only keys the registry knows)."""
    known = facets()
    return {alias: key for key, names in ALIASES.items() if key in known for alias in names}


def resolve_facet(name: str, position: int) -> str:
    """The canonical key ``name`` means: the key itself, an alias, or the one key it starts.

    A prefix shared by a key and its sub-keys (``申请.新`` → 申请.新收, 申请.新收.自然人 …)
    means the parent. Raises ``unknown_facet`` with the nearest names, or
    ``ambiguous_facet`` with the candidates.
    """
    keys = facets()
    name = _fold_name(name) if not name.isascii() else name
    if name in keys:
        return name
    if name.endswith(YOY) and len(name) > len(YOY):  # 行政处罚.同比: the change of what 行政处罚 names
        base = resolve_facet(name[: -len(YOY)], position)
        if base + YOY in keys:
            return base + YOY
        raise QueryError("unknown_facet", f"'{base}' has no year-over-year change; the main facets do",
                         position, [k for k in keys if k.endswith(YOY)],
                         zh=f"“{base}”没有同比指标；同比只对主要指标计算")  # fmt: skip
    if name in aliases():
        return aliases()[name]
    candidates = [key for key in keys if key.startswith(name)]
    if not candidates:
        raise _unknown_facet(name, position)
    root = min(candidates, key=len)
    if all(c == root or c.startswith(root + ".") for c in candidates):
        return root
    raise _ambiguous_facet(name, candidates, position)


def anomaly_facet(text: str, position: int) -> str:
    """The main facet ``异常:text`` names (any name ``resolve_facet`` takes), or ANOMALY_ANY."""
    if text in (ANOMALY_ANY, "任意", "any"):
        return ANOMALY_ANY
    key = resolve_facet(text, position)
    if key not in MAIN_FACETS:
        raise QueryError("bad_value", f"'异常:' is judged for the main facets only, not {key}", position,
                         list(MAIN_FACETS), zh=f"“异常:”只对主要指标判断，不含 {key}")  # fmt: skip
    return key


def copy_facet(text: str, position: int) -> str:
    """The 雷同 facet ``雷同:text`` names: a section (or its short name), 全文, or 去年."""
    if text in (COPY_PREVIOUS, "上年", "上一年", "previous"):
        return COPY + COPY_PREVIOUS
    known, section = section_of(text)
    if not known:
        options = [*(n for n in SECTIONS.values() if n), COPY_WHOLE, COPY_PREVIOUS]
        options = list(dict.fromkeys(options))
        raise QueryError("bad_value", f"'雷同:' takes a section, 全文 or 去年, not '{text}'", position, options,
                         zh=f"“雷同:”后面应是章节名、全文或去年，不能是“{text}”")  # fmt: skip
    return COPY + (section or COPY_WHOLE)


def _unknown_facet(name: str, position: int) -> QueryError:
    known = list(facets()) + list(aliases())
    near = difflib.get_close_matches(name, known, n=5, cutoff=0.4)
    detail = f"unknown facet '{name}'" + (f"; did you mean {', '.join(near[:3])}?" if near else "")
    zh = f"未知指标“{name}”" + (f"；您是否想找：{'、'.join(near[:3])}？" if near else "")
    return QueryError("unknown_facet", detail, position, near, zh=zh)


def _ambiguous_facet(name: str, candidates: list[str], position: int) -> QueryError:
    tops = [c for c in candidates if not any(c.startswith(p + ".") for p in candidates)]
    named = [alias for alias in aliases() if alias.startswith(name)]
    options = list(dict.fromkeys(named + tops))[:10]
    detail = f"'{name}' could mean several facets: {', '.join(options[:5])}…"
    zh = f"“{name}”可指多个指标：{'、'.join(options[:5])}……请写出完整名称"
    return QueryError("ambiguous_facet", detail, position, options, zh=zh)
