"""Matching printed row labels and column headers against the templates.

Printed labels are damaged in predictable ways: spaces inside words
(``本 年 度 办 理 结 果``), numbering in any style (``一、`` ``(三)`` ``1．``),
full-width forms, and labels cut where a PDF line or cell broke
(``本机关不`` … ``掌握相关政府信息``). ``key_of`` normalises all of that away.
"""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_left
from dataclasses import dataclass
from functools import lru_cache

from ..templates import (
    ACTIVE_TABLES,
    APPLICATION_GROUPS,
    APPLICATION_ROWS,
    CHECK_NOTE,
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
    # a mirror that rewrites mainland words as Taiwan's (文件 → 檔案: 行政規範性檔案)
    text = text.replace("规范性档案", "规范性文件")
    return _DROP.sub("", text)


@lru_cache(maxsize=16384)
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

    # A row label printed in one template only (行政规范性文件, 其他对外管理服务事项, the 2021
    # sub-rows of 其他处理) belongs to that template: it votes for it, and the other ignores it.
    rows = [(template, "active", row.key, printed) for template, tables in ACTIVE_TABLES.items()
            for t in tables for row in t.rows for printed in row.labels]
    rows += [(template, "application", row.key, row.label) for template, app in APPLICATION_ROWS.items()
             for row in app]  # fmt: skip
    templates_of: dict[tuple[str, str], set[str]] = {}
    for template, kind, _, printed in rows:
        templates_of.setdefault((kind, core_of(printed)), set()).add(template)
    for template, kind, key, printed in rows:
        only = template if len(templates_of[kind, core_of(printed)]) == 1 else None
        add(printed, Label(kind, key, only))
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
    for tables in ACTIVE_TABLES.values():
        for t in tables:
            add(f"第二十条{t.item}", Label("header", ""))
            for col in t.columns:
                add(col.label, Label("header", ""))
    add(CHECK_NOTE, Label("header", ""))
    add(CHECK_NOTE.strip("（）"), Label("header", ""))
    return table


@lru_cache(maxsize=1)
def label_table() -> dict[str, list[Label]]:
    return _labels()


@lru_cache(maxsize=1)
def _shortened() -> dict[str, list[Label]]:
    """Labels printed with a word dropped (二、上年结转政府信息公开数量): matched whole only, so
    that a label cut short still begins one label alone."""
    table = label_table()
    return {
        core_of(row.label.replace("申请数量", "数量")): table[core_of(row.label)]
        for rows in APPLICATION_ROWS.values()
        for row in rows
        if "申请数量" in row.label
    }


@lru_cache(maxsize=16384)
def match(text: str, strict: bool = False) -> tuple[Label, ...]:
    """Labels a printed cell can mean: exact first, then a unique prefix.

    A cut label (``本机关不``) matches the one label it begins; a label with
    extra words after it (``部分公开（区分处理…``) matches the label it starts
    with, unless ``strict`` (text that may be prose: "行政许可事项…共办理1205"
    is a sentence, not the 行政许可 row). Short fragments match nothing.
    Asked of every cell of every row, again and again for the same texts: each answer is kept.
    """
    key = core_of(text)
    numbered = len(key) == 3 and bool(_NUMBERING.match(unicodedata.normalize("NFKC", text).strip()))
    return tuple(_lookup(key, strict, numbered))


@lru_cache(maxsize=1)
def _sorted_keys() -> tuple[str, ...]:
    return tuple(sorted(label_table()))


def _lookup(key: str, strict: bool, numbered: bool = False) -> list[Label]:
    if not key:
        return []
    table = label_table()
    if key in table:
        return table[key]
    if key in _shortened():
        return _shortened()[key]
    # A label cut at a page's or a narrow column's edge: four characters that begin one label
    # only, or three after the row's own number (（二）部分公, 3.危及三).
    if len(key) >= 4 or numbered:
        # The labels that start with ``key`` sort together right after it: one label
        # begins with it when the first does and the second does not.
        keys = _sorted_keys()
        at = bisect_left(keys, key)
        starts = [k for k in keys[at : at + 2] if k.startswith(key)]
        if len(starts) == 1:
            return table[starts[0]]
    if strict:
        return []
    # The longest label (of four characters or more) that ``key`` starts with.
    for size in range(len(key) - 1, 3, -1):
        if key[:size] in table:
            return table[key[:size]]
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


# --- vocabulary of the tables: what flattened table text is made of ----------

_SIGNAL_KINDS = frozenset({"header", "review", "results", "group"})


# The three tests below are asked of every piece of every table-like line, again and again
# for the same pieces; each answer is kept (the label table never changes).
@lru_cache(maxsize=16384)
def is_vocabulary(text: str) -> bool:
    """Whether a piece of text is a row label or a column header of the templates (strictly)."""
    return bool(match(text, strict=True))


@lru_cache(maxsize=16384)
def is_group(text: str) -> bool:
    """A section 三 group heading (（三）不予公开 …) or the results heading."""
    return any(lb.kind in ("group", "results") for lb in match(text, strict=True))


@lru_cache(maxsize=16384)
def is_table_signal(text: str) -> bool:
    """Words that only a table prints: headers, captions, the long section 三 labels.

    Short row labels (规章, 行政许可, 其他) also occur in prose, so alone they open no table.
    """
    labels = match(text, strict=True)
    return any(lb.kind in _SIGNAL_KINDS or (lb.kind == "application" and len(core_of(text)) >= 6)
               for lb in labels)


@lru_cache(maxsize=1)
def _vocabulary_keys() -> tuple[str, ...]:
    return tuple(sorted((k for k in label_table() if len(k) >= 2), key=len, reverse=True))


@lru_cache(maxsize=4096)
def split_fused_text(text: str) -> tuple[str, ...]:
    """Cut text that ran table cells together into vocabulary words, from the right.

    ``信息内容本年制发件数规章`` -> ``['信息内容', '本年制发件数', '规章']``.  A word is cut
    off only where the text before it ends in another word of the tables, ends a
    sentence, or is a fragment of a label a PDF line broke (``（三）不``), or nothing is
    left: ``我区公开行政规范性文件`` is prose and stays whole.
    """
    parts: list[str] = []
    rest = text
    while rest:
        cut = _last_word(rest)
        if cut is None:
            break
        head, word = rest[:cut], rest[cut:]
        if head and _last_word(head) is None and not _boundary(head):
            break
        parts.insert(0, word)
        rest = head
        if head and _last_word(head) is None:
            break
    if rest and parts and not is_vocabulary(parts[0]):
        return (text,)
    return tuple([rest] if rest else []) + tuple(parts)


_SENTENCE_END = re.compile(r"[。；;：:！？!?]\s*$")
# "（三）不", "予公开", "三、本": what is left of group labels a PDF line broke, nothing else
_FRAGMENT = re.compile(
    r"^(?:\s*(?:[（(][一二三四五六七八九十]{1,2}[)）]|[一二三四五六七八九十]{1,2}、)?[\u4e00-\u9fff]{1,4}\s*){1,3}$"
)


def _boundary(head: str) -> bool:
    """Text before a table word that still lets the word start a cell."""
    return bool(_SENTENCE_END.search(head) or _FRAGMENT.match(head))


def _last_word(text: str) -> int | None:
    """Where the longest vocabulary word ending ``text`` starts (its numbering included)."""
    tail = core_of(text[-80:])
    for word in _vocabulary_keys():
        if not tail.endswith(word):
            continue
        top = len(text) - len(word)
        for start in range(top, max(-1, top - 40), -1):  # a word may carry a remark in brackets
            if core_of(text[start:]) == word:
                return _with_numbering(text, start)
    return None


def _with_numbering(text: str, start: int) -> int:
    """Move a cut left over the word's own numbering (一、 （三） 2.)."""
    m = re.search(r"(?:[（(][一二三四五六七八九十\d]{1,3}[)）]|[一二三四五六七八九十]{1,3}[、.．]|\d{1,2}[.．、])\s*$",
                  text[:start])
    return m.start() if m else start
