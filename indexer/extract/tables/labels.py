"""Matching printed row labels and column headers against the templates.

Printed labels are damaged in predictable ways: spaces inside words
(``本 年 度 办 理 结 果``), numbering in any style (``一、`` ``(三)`` ``1．``),
full-width forms, and labels cut where a PDF line or cell broke
(``本机关不`` … ``掌握相关政府信息``). ``key_of`` normalises all of that away.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

from ..templates import (
    ACTIVE_TABLES,
    APPLICATION_GROUPS,
    APPLICATION_ROWS,
    REVIEW_COLUMNS,
)

_NUMBERING = re.compile(
    r"^(?:[（(]?[一二三四五六七八九十]+[)）]?[、.．]?|[（(]?\d{1,2}[)）.．、]|第[一二三四五六七八九十]+[项部分]?)"
)
_DROP = re.compile(r"[\s\"'“”‘’「」*#：:,，。;；、]+")
_PAREN = re.compile(r"[（(][^）)]*[）)]?$")


def key_of(text: str) -> str:
    """Normalise a printed label for comparison.

    >>> key_of("(三) 不予公 开")
    '不予公开'
    >>> key_of("3.危及“三安全一稳定”")
    '危及三安全一稳定'
    """
    text = unicodedata.normalize("NFKC", text)
    text = re.sub(r"\s+", "", text)
    text = _NUMBERING.sub("", text)
    return _DROP.sub("", text)


def core_of(text: str) -> str:
    """A label without a trailing parenthetical remark (部分公开（区分处理的…）)."""
    key = key_of(text)
    stripped = _PAREN.sub("", key)
    return stripped or key


@dataclass(frozen=True)
class Label:
    kind: str  # "active", "application", "group", "results", "review", "header"
    key: str  # facet key prefix, group name, or "" for headers
    template: str | None = None  # when the label belongs to one template only


def _labels() -> dict[str, list[Label]]:
    table: dict[str, list[Label]] = {}

    def add(text: str, label: Label) -> None:
        bucket = table.setdefault(core_of(text), [])
        if label not in bucket:
            bucket.append(label)

    for template, tables in ACTIVE_TABLES.items():
        for t in tables:
            for row in t.rows:
                for printed in row.labels:
                    only = template if printed == "行政规范性文件" else None
                    add(printed, Label("active", row.key, only))
    for template, rows in APPLICATION_ROWS.items():
        for row in rows:
            only = template if row.key.startswith("其他处理.") else None
            add(row.label, Label("application", row.key, only))
    for group, printed in APPLICATION_GROUPS.items():
        add(printed, Label("group", group))
    add("本年度办理结果", Label("results", ""))
    for word in ("行政复议", "行政诉讼", "未经复议直接起诉", "复议后起诉"):
        add(word, Label("review", ""))
    for col in REVIEW_COLUMNS:
        add(col.label, Label("review", ""))
    for word in ("信息内容", "申请人情况", "自然人", "法人或其他组织", "商业企业", "科研机构",
                 "社会公益组织", "法律服务机构"):
        add(word, Label("header", ""))
    return table


@lru_cache(maxsize=1)
def label_table() -> dict[str, list[Label]]:
    return _labels()


def match(text: str, strict: bool = False) -> list[Label]:
    """Labels a printed cell can mean: exact first, then a unique prefix.

    A cut label (``本机关不``) matches the one label it begins; a label with
    extra words after it (``部分公开（区分处理…``) matches the label it starts
    with, unless ``strict`` (text that may be prose: "行政许可事项…共办理1205"
    is a sentence, not the 行政许可 row). Short fragments match nothing.
    """
    key = core_of(text)
    if not key:
        return []
    table = label_table()
    if key in table:
        return table[key]
    if len(key) >= 4:
        starts = [k for k in table if k.startswith(key)]
        if len(starts) == 1:
            return table[starts[0]]
    if strict:
        return []
    prefixes = [k for k in table if len(k) >= 4 and key.startswith(k)]
    if prefixes:
        return table[max(prefixes, key=len)]
    return []


# Column headers that only one template prints: they decide the template.
def template_votes(text: str) -> str | None:
    key = core_of(text)
    if key in _TEMPLATE_HEADERS:
        return _TEMPLATE_HEADERS[key]
    return None


def _template_headers() -> dict[str, str]:
    seen: dict[str, set[str]] = {}
    for template, tables in ACTIVE_TABLES.items():
        for t in tables:
            for col in t.columns:
                seen.setdefault(core_of(col.label), set()).add(template)
    return {k: next(iter(v)) for k, v in seen.items() if len(v) == 1}


_TEMPLATE_HEADERS = _template_headers()
