"""Numbers that pre-2019 (free-form) reports state in sentences.

Before the 2019 template, reports had no fixed tables: "全年共受理政府信息公开
申请12件", "未收到政府信息公开申请", "未发生因政府信息公开申请行政复议、提起行政
诉讼的情况".  Only patterns that say one thing are read, and a key on which two
sentences disagree is left out with a warning: a wrong number is worse than a
missing one.  Statistics tables flattened into text ("行政复议数 条 0 0") are not
read here, since their columns cannot be told apart once flattened.
"""

from __future__ import annotations

import re

from .numbers import parse_number

_NUM = r"(?P<n>\d+|[零〇一二两三四五六七八九十百千]+)\s*(?:件|条|个|份|宗|项|起|次)"
_QTY = r"(?:共|共计|合计|总计|累计|有|为|计)?"
_APPLICATION = r"(?:各类|有关|相关|任何)*的?(?:政府信息公开|信息公开|依申请公开(?:政府信息)?|公开)的?申请"
_CONTEXT = re.compile(r"信息公开|依申请")
_NEGATION = r"(?:未|没有|无(?!法|论))(?:发生|收到|接到|出现|产生|受理|有)?过?"

# (key, pattern, needs 信息公开 context in the sentence)
_STATED: tuple[tuple[str, re.Pattern, bool], ...] = tuple(
    (key, re.compile(pattern), context)
    for key, pattern, context in (
        ("申请.新收", rf"(?:受理|收到|接到|接收)(?:了|到)?{_APPLICATION}{_QTY}{_NUM}", False),
        ("申请.予以公开", rf"(?<!部分)(?<!不)(?:同意|予以|准予)(?:全部)?公开的?(?:答复)?{_QTY}{_NUM}", True),
        ("申请.部分公开", rf"部分公开的?(?:答复)?{_QTY}{_NUM}", True),
        ("申请.不予公开", rf"(?:不予|不同意)公开的?(?:答复)?{_QTY}{_NUM}", True),
        ("申请.无法提供", rf"无法提供的?(?:答复)?{_QTY}{_NUM}", True),
        ("规范性文件.本年制发", rf"(?:制发|出台|印发|制定)(?:了)?(?:行政)?规范性文件{_QTY}{_NUM}", False),
        ("申请.办理总计", rf"(?:已|均已|全部)?办结(?:了)?(?:申请)?{_QTY}{_NUM}", True),
        ("申请.结转下年", rf"结转(?:至|到)?下一?年度?(?:继续办理)?的?{_QTY}{_NUM}", True),
        ("复议.总计", rf"行政复议(?:案件|申请)?{_QTY}{_NUM}", True),
        ("诉讼.总计", rf"(?:行政)?诉讼(?:案件)?{_QTY}{_NUM}", True),
    )
)
_NO_APPLICATION = re.compile(rf"{_NEGATION}{_APPLICATION}")
_NO_REVIEW = re.compile(rf"{_NEGATION}[^，,\d]{{0,30}}?行政复议")
_NO_SUIT = re.compile(rf"{_NEGATION}[^，,\d]{{0,40}}?诉讼")
_DATES = re.compile(r"\d{4}\s*年度?|\d{1,2}\s*月(?:\s*\d{1,2}\s*日)?")  # "2017年未收到…" states no count
_SENTENCES = re.compile(r"[。；;！？!?\n]+")
_CLAUSES = re.compile(r"[，,]")
_ENDS_SENTENCE = tuple("。；;！？!?：:")
_WRAP_WIDTH = 25  # a line this long that stops mid-sentence was wrapped by the page (PDF)


def _unwrap(text: str) -> str:
    """Join lines that a page layout wrapped in mid-sentence."""
    out: list[str] = []
    for line in text.split("\n"):
        if out and len(out[-1]) >= _WRAP_WIDTH and not out[-1].endswith(_ENDS_SENTENCE):
            out[-1] += line.strip()
        else:
            out.append(line)
    return "\n".join(out)


def extract_freeform_facets(text: str) -> tuple[dict[str, int], list[str]]:
    """Facet values stated unambiguously in sentences, and warnings for contradictions.

    >>> extract_freeform_facets("全年共受理政府信息公开申请12件，均按时答复。")
    ({'申请.新收': 12}, [])
    """
    seen: dict[str, dict[int, str]] = {}
    previous = ""
    for sentence in _SENTENCES.split(_unwrap(text)):
        # "其中，予以公开6件…" continues the sentence before it, which names the applications.
        inherited = sentence.lstrip().startswith("其中") and bool(_CONTEXT.search(previous))
        for key, value in _sentence_facts(sentence, inherited):
            seen.setdefault(key, {}).setdefault(value, sentence.strip())
        previous = sentence
    facets, warnings = {}, []
    for key, values in seen.items():
        if len(values) == 1:
            facets[key] = next(iter(values))
        else:
            stated = "; ".join(f"{v} in “{s[:40]}”" for v, s in values.items())
            warnings.append(f"{key}: sentences disagree ({stated}); left out")
    return facets, warnings


def _sentence_facts(sentence: str, inherited: bool = False) -> list[tuple[str, int]]:
    """(key, value) pairs one sentence states."""
    context = inherited or bool(_CONTEXT.search(sentence))
    facts = []
    for key, pattern, needs_context in _STATED:
        if needs_context and not context:
            continue
        for m in pattern.finditer(sentence):
            value = parse_number(m["n"])
            if isinstance(value, int):
                facts.append((key, value))
    if context:
        for clause in _CLAUSES.split(sentence):
            facts.extend(_zeros(clause))
    return facts


def _zeros(clause: str) -> list[tuple[str, int]]:
    """Zero for "未收到…申请" or "未发生…行政复议、…诉讼", when the clause states no number."""
    if re.search(r"\d", _DATES.sub("", clause)):
        return []
    facts = []
    if "复议" not in clause and "诉讼" not in clause and _NO_APPLICATION.search(clause):
        facts.append(("申请.新收", 0))
    if _NO_REVIEW.search(clause):
        facts.append(("复议.总计", 0))
    if _NO_SUIT.search(clause):
        facts.append(("诉讼.总计", 0))
    return facts
