"""Splitting a report's lines into its six sections, recognised by meaning.

Headings vary in wording and numbering (seed 004 numbers 复议诉讼 as 二 and
loses 依申请公开), so a heading is found by what it says, and numbers only
weigh the evidence.  Candidates come from whole short lines ("二、主动公开政府
信息情况", "### 主动公开政府信息情况") and, for crawler text whose body is one
line, from numbered headings inline ("…联系。一、概述2017年，在…").  Of all
candidates, the best-scoring run in canonical order is kept (a weighted longest
increasing subsequence), so a candidate out of order needs more evidence than
the ones it would displace.

Pre-2019 outlines: 概述 → 总体情况, 其他 → 其他事项; 收费及减免 and 重点领域
parts are not headings here, so their text stays in the preceding section; a
numbered 统计表 part (or an "附件1：…统计表" attachment) ends the section
before it and belongs to none, as its numbers are a table, not prose.
``follows_pre_2019_outline`` tells such a report from one on the 2019 outline.

Lines are cleaned of mirror damage first (``cleanup.clean_line``) and matched
in simplified characters, one for one, so "一、總體情況" is a heading and the
text keeps its own characters.  A stray character inside 行政复议 ("行政法复议", a
real heading's slip) still names the part.  A bullet ("• 主动公开情况") counts as a
sub-number; a problems part whose 五、 was lost still opens 问题改进 when its
own heading remains ("（一）存在的主要问题").

The closing signature and date are metadata, not section text: the last section ends
before them, also where they end a page flattened to one line ("…无。相城区河西镇人民
政府2024年1月12日", see ``closing_signature``) or stand above a 统计表 appended to it
("… 重庆市水利厅 2018年1月17日 附：政府信息公开情况统计表 …", which ends the section
even fused to the text around it).  ``Sections.closing`` keeps those last lines for metadata.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, replace

from analyzers.filters import simplify_chars

from ..models import SECTION_NAMES
from .agency import is_name
from .cleanup import clean_line

_PREFIX = r"(?:\d{4}\s*年度?|本年度)?(?:行政机关)?(?:(?:政府)?信息公开)?(?:工作)?的?"
_STRONG = {
    "总体情况": r"(?:总体(?:工作)?(?:情况|概述)|(?:主要工作)?概述|概况|基本情况)",
    "主动公开": r"(?:主动公开(?:政府)?信息的?(?:工作)?情况|(?:政府信息)?主动公开(?:工作)?(?:开展)?情况)",
    # The pre-2019 outline's "依申请公开政府信息和不予公开政府信息的情况", with 咨询 beside it
    # ("依申请公开、不予公开及咨询政府信息情况"); 信息 without 政府 ("依申请公开信息办理情况").
    "依申请公开": (
        r"(?:收到和处理政府信息公开的?申请的?情况"
        r"|(?:政府)?信息公开申请的?(?:办理|受理|处理)情况"
        r"|(?:政府信息)?依申请公开(?:(?:政府)?信息)?(?:(?:[、和及与]|以及)(?:不予公开|咨询)(?:(?:政府)?信息)?)*"
        r"的?(?:办理|工作|受理|处理)?情况)"
    ),
    # 诉讼 may be left out (五、申请行政复议情况) and 行政 too (复议、诉讼和申诉情况).
    "复议诉讼": (
        r"(?:因?(?:(?:政府)?信息公开)?(?:工作)?(?:申请)?(?:被申请)?(?:提起)?(?:行政[^、，。\s\d]?)?复议"
        r"(?:(?:[、和及与或]|以及)?(?:提起)?(?:行政)?诉讼)?(?:[、和及与]?(?:投诉|举报|申诉))*的?(?:情况|案件情况))"
    ),
    "问题改进": (
        r"(?:工作中)?(?:存在的?)?(?:主要)?(?:问题|不足)(?:[和及与、]|以及)(?:下一?步)?的?(?:工作)?"
        r"(?:改进|整改)?(?:措施|情况|打算|计划|方向|思路|举措|安排)"
    ),
    "其他事项": r"(?:其他需要报告的?事项|其他(?:需要)?(?:说明|报告)的?(?:事项|情况)|其他事项)",
}
# Bare keywords: a heading only with a top-level number ("二、主动公开", "七、其他").
_WEAK = {"主动公开": r"主动公开(?:工作)?", "依申请公开": r"依申请公开(?:工作)?", "其他事项": r"其他"}
_CN = "一二三四五六七八九十"
_TOP_NUM = rf"(?:第[{_CN}]+部分[、.．:：]?|[{_CN}]{{1,3}}\s*[、.．])"
_SUB_NUM = rf"(?:[（(]\s*[{_CN}\d]{{1,3}}\s*[)）]\s*[、.．]?|\d{{1,2}}\s*[、.．](?!\d))"
_MARKUP = re.compile(r"^(?:\s|\u3000|#+|\*+|\[bookmark:[^\]]*\])*")
_TRAIL = re.compile(r"(?:\s|\u3000|\*+|[：:。.])*$")
_BULLET = r"[•·●◆◇■□▪▸▶►★☆]"
_NUMBERING = re.compile(rf"^(?:(?P<top>{_TOP_NUM})|(?P<sub>{_SUB_NUM}|{_BULLET}))?\s*")
_SPACES = re.compile(r"[\s\u3000]+")
_FIRST_PART = re.compile(r"(?:一\s*[、.．]|第一部分)")
# A top-level number set off by a space alone ("一 概述", a mirror's heading).
_SPACED_TOP = re.compile(rf"^[{_CN}]{{1,3}}[\s\u3000]+(?=\S)")
# How much a heading candidate weighs, by how it is numbered: a top-level number is the best
# evidence, less where the words are a bare keyword ("weak": 二、主动公开); two sub-numbered
# candidates weigh less than one top-level heading, so "（一）主动公开情况" and "（二）依申请公开情况"
# under 一、总体情况 do not outrun 二、主动公开政府信息情况 where a page is cut short after it.
_SCORES = {"top": 8, "plain": 6, "weak": 4, "sub": 3}
_TOP_LEVELS = ("top", "weak")
# The problems part under its own words, for a 问题改进 whose numbered heading was lost.
# Also the parts a 2021-format 五 opens with: "（一）2024年工作中存在问题的改进情况",
# "（二）2025年工作中存在的主要问题", "上年度存在问题的整改情况".
_PROBLEMS = re.compile(
    rf"(?:\d{{4}}\s*年度?|上一?年度?)?{_PREFIX}中?(?:存在的?(?:主要)?|主要)(?:问题|不足)"
    r"(?:[和与及、](?:不足|问题))?(?:的?(?:改进|整改)情况)?"
)
_LINE_STRONG = {n: re.compile(rf"{_PREFIX}{p}") for n, p in _STRONG.items()}
_LINE_WEAK = {n: re.compile(p) for n, p in _WEAK.items()}
_TABLE_CAPTION = re.compile(r"(?:附件?\s*\d*\s*[:：])?[^，。；：,;:]{0,30}政府信息公开(?:工作)?情况统计表")
_TABLE_PART = re.compile(rf"(?:附件\s*\d*\s*[:：]?)?{_PREFIX}.{{0,30}}?统计表")
_INLINE = re.compile(
    rf"(?<![{_CN}第])[{_CN}]{{1,3}}\s*[、.．]\s*(?:"
    + "|".join(f"(?P<s{i}>{_PREFIX}{_STRONG[n]})" for i, n in enumerate(SECTION_NAMES))
    + rf"|(?P<table>{_PREFIX}情况统计表))"
)
# "… 附件1：…统计表 指标名称 …", or fused to the text around it when "附：" / "附件：" opens it.
_INLINE_ATTACHMENT = re.compile(
    r"(?:(?<=\s)|^)(?:附件\s*\d*\s*[:：])?[^\s。，；]{0,30}统计表(?=\s)"
    r"|附(?:件\s*\d*)?\s*[:：][^\s。，；：:]{0,30}?统计表"
)
_DATE = r"(?:\d{4}|[〇○零一二三四五六七八九]{4})\s*年[\d\s〇○零一二三四五六七八九十]{1,4}月[\d\s〇○零一二三四五六七八九十]{1,4}日"
_DATE_LINE = re.compile(rf"^\s*{_DATE}\s*$")
_DATE_TAIL = re.compile(rf"\s+{_DATE}\s*$")
_CLOSING_DATE = re.compile(rf"{_DATE}\s*$")
_CLAUSE_END = re.compile(r"[。；！？：，;!?:,]")
_SIGNATURE_CHARS = 80  # of a line's end: where a signature and its date can be
_BOOKMARK = re.compile(r"\[bookmark:[^\]]*\]")
_PLAIN_SHORT = re.compile(r"^[^，。；：,;:]{1,30}$")

TABLE = "统计表"  # pseudo-name of a boundary that opens no section

# Parts only the pre-2019 outlines have (咨询处理, 收费及减免 / 支出与收费, 申诉).
_FEE_PART = re.compile(r"收费(?:及|和|与)?减免|支出(?:与|和|及|、)收费|公开(?:的|相关)?收费情况")
_OLD_PART = re.compile(rf"咨询(?:处理)?(?:的)?情况|{_FEE_PART.pattern}|(?:诉讼|复议)(?:[、和及与]|以及)申诉|申诉(?:的)?情况")
# Parts only the 2019 and 2021 outlines list (收到和处理政府信息公开申请情况, 存在的主要问题及改进情况).
_NEW_PART = re.compile(r"收到和处理政府信息公开申请|存在的?主要问题及改进情况")
# The foreword's list of parts: "全文包括…", "年报由…组成", "分为…": a clause (up to 。 or ；)
# holding one of these words.
_OUTLINE_WORD = re.compile(r"包括|包含|组成|分为")
_CLAUSE_BREAK = re.compile(r"[。；]")
# A numbered part run into a flattened page: "…信息。 四、咨询处理情况 2016年度…".
_INLINE_TOP = re.compile(rf"(?:^|(?<=[\s。；]))[{_CN}]{{1,3}}\s*[、.．]\s*[^。；，,\s]{{2,30}}")
_OPENING_LINES = 40


@dataclass(frozen=True)
class Sections:
    """Section bodies by canonical name, where their headings were, and where the preamble ends."""

    text: dict[str, str]
    headings: dict[str, int]
    preamble_end: int
    closing: str = ""  # the report's last lines of text (up to 3), before a table appended to it


@dataclass(frozen=True)
class _Mark:
    line: int
    start: int  # column where the heading begins
    body: int  # column where its body begins (len(line) for a whole-line heading)
    name: str
    score: int  # how much it weighs as a heading (``_best_run``)
    level: str = "plain"  # how it is numbered: a key of _SCORES


def _mark(line: int, start: int, body: int, name: str, level: str) -> _Mark:
    """A candidate weighing what its numbering says (a 统计表 boundary weighs nothing)."""
    return _Mark(line, start, body, name, 0 if name == TABLE else _SCORES[level], level)


def split_sections(lines: Sequence[str]) -> Sections:
    """Find the six sections in ``lines`` (table rows may be blanked to "")."""
    lines = [clean_line(line) for line in lines]
    marks: list[_Mark] = []
    for i, line in enumerate(lines):
        whole = _line_mark(i, line)
        marks.extend([whole] if whole else _inline_marks(i, line))
    heads = _best_run([m for m in _without_parts_of_the_overview(_without_contents(marks, lines)) if m.name != TABLE])
    if not heads:
        return Sections({}, {}, len(lines))
    if heads[0].name != SECTION_NAMES[0] and (first := _first_part(lines, heads[0].line)):
        heads.insert(0, first)
    tables = [m for m in marks if m.name == TABLE and (m.line, m.start) > (heads[0].line, heads[0].start)]
    bounds = sorted(heads + tables, key=lambda m: (m.line, m.start))
    text: dict[str, str] = {}
    closing = ""
    appendix: list[str] = []  # the pre-2019 统计表, caption included: kept, under 其他事项
    for k, mark in enumerate(bounds):
        end = bounds[k + 1] if k + 1 < len(bounds) else None
        if mark.name == TABLE:
            appendix += _slice(lines, replace(mark, body=mark.start), end)
            continue
        body = _slice(lines, mark, end)
        if end is None or end.name == TABLE:
            closing = "\n".join(body[-3:])
            body = _drop_signature(body)
        text[mark.name] = "\n".join(body)
    if appendix:
        text["其他事项"] = "\n".join(filter(None, [text.get("其他事项", ""), *appendix]))
    return Sections(text, {m.name: m.line for m in heads}, heads[0].line, closing)


def _line_mark(i: int, line: str) -> _Mark | None:
    """A whole line that is a heading (markup, numbering and trailing colon allowed)."""
    # Spaces inside a short heading are layout ("一、概 述"); traditional characters match as simplified.
    core = _heading_key(line)
    if not core or len(core) > 40:
        return None
    num = _NUMBERING.match(core)
    top, sub = bool(num["top"]), bool(num["sub"])
    rest = core[num.end() :]
    if not top and not sub and (spaced := _SPACED_TOP.match(_MARKUP.sub("", line))):
        top, rest = True, core[len(spaced[0].rstrip()) :]
    if (top or core.startswith("附件")) and _TABLE_PART.fullmatch(rest if top else core):
        return _mark(i, 0, len(line), TABLE, "top")
    if not top and not sub and _TABLE_CAPTION.fullmatch(core):
        return _mark(i, 0, len(line), TABLE, "plain")  # "平潭综合实验区政府信息公开情况统计表" above the grid
    for name, pattern in _LINE_STRONG.items():
        if pattern.fullmatch(rest):
            return _mark(i, 0, len(line), name, "top" if top else "sub" if sub else "plain")
    for name, pattern in _LINE_WEAK.items():
        if top and pattern.fullmatch(rest):
            return _mark(i, 0, len(line), name, "weak")
    if _PROBLEMS.fullmatch(rest):
        return _mark(i, 0, len(line), "问题改进", "top" if top else "sub")
    return None


def _inline_marks(i: int, line: str) -> list[_Mark]:
    """Numbered headings run into body text, as crawlers flatten pages."""
    found = []
    line = simplify_chars(line)  # one for one: offsets stay those of the line
    for m in _INLINE.finditer(line):
        name = TABLE if m["table"] else SECTION_NAMES[int(next(k for k, v in m.groupdict().items() if v)[1:])]
        found.append(_mark(i, m.start(), m.end(), name, "plain"))
    for m in _INLINE_ATTACHMENT.finditer(line):
        found.append(_mark(i, m.start(), m.end(), TABLE, "plain"))
    return found


def _first_part(lines: Sequence[str], before: int) -> _Mark | None:
    """The report's part 一、 under a heading of its own words, above the first part recognised
    ("一、政府信息公开的组织领导情况", "一、加强组织领导" above 二、主动公开…): in every outline the
    parts before 主动公开 report the work as a whole, so its text is 总体情况's, not the preamble's."""
    for i in range(before):
        core = _heading_key(lines[i])
        if 2 < len(core) <= 30 and _FIRST_PART.match(core) and not _CLAUSE_END.search(core):
            return _mark(i, 0, len(lines[i]), SECTION_NAMES[0], "top")
    return None


def _without_parts_of_the_overview(marks: list[_Mark]) -> list[_Mark]:
    """The marks, less sub-numbered ones under a top-level 总体情况 that no later top-level
    heading confirms: 总体情况's own parts are named 主动公开情况, 依申请公开情况 … (the 2021
    format prescribes them), so "（一）主动公开情况" under 一、总体情况 opens a section only where
    a top-level heading of a later part follows it (a problems part whose 五、 was lost, above
    六、其他需要报告的事项)."""
    # the rank of the next top-level heading after each mark (-1: none), found back to front
    after: list[int] = []
    rank = -1
    for mark in reversed(marks):
        after.append(rank)
        if mark.level in _TOP_LEVELS and mark.name != TABLE:
            rank = SECTION_NAMES.index(mark.name)
    after.reverse()
    kept: list[_Mark] = []
    part = ""  # the name of the top-level heading above
    for mark, next_rank in zip(marks, after, strict=True):
        if mark.level in _TOP_LEVELS and mark.name != TABLE:
            part = mark.name
        elif mark.level == "sub" and part == SECTION_NAMES[0] and next_rank <= SECTION_NAMES.index(mark.name):
            continue
        kept.append(mark)
    return kept


def _without_contents(marks: list[_Mark], lines: Sequence[str]) -> list[_Mark]:
    """The marks, less the headings of a list of contents: a line whose run-in headings
    ("一、概述,(一)注重重点推进,…,二、主动公开政府信息情况,…") are repeated word for word
    by a heading on a line of its own further down names the parts, it does not open them."""
    whole = [(m.line, _heading_key(lines[m.line])) for m in marks if m.body == len(lines[m.line]) and m.start == 0]
    listed: set[int] = set()
    for m in marks:
        if m.body < len(lines[m.line]) and m.name != TABLE:
            key = _heading_key(lines[m.line][m.start : m.body])
            if any(line > m.line and key == other for line, other in whole):
                listed.add(m.line)
    return [m for m in marks if m.line not in listed or m.name == TABLE]


def _heading_key(text: str) -> str:
    return simplify_chars(_SPACES.sub("", _TRAIL.sub("", _MARKUP.sub("", text))))


def _best_run(marks: list[_Mark]) -> list[_Mark]:
    """The highest-scoring subsequence in canonical order, one heading per name.

    For each mark, the best run ending at it extends the best run ending at an earlier
    mark of an earlier name (the first such mark, among equals).  Keeping that best per
    name as the marks go makes this linear: a page of nothing but headings costs no more
    than its length.
    """
    if not marks:
        return []
    best = [m.score for m in marks]
    prev = [-1] * len(marks)
    # per section name: (best score of a run ending at a mark of that name, that mark)
    ends: list[tuple[int, int] | None] = [None] * len(SECTION_NAMES)
    for j, mark in enumerate(marks):
        k = SECTION_NAMES.index(mark.name)
        earlier = [e for e in ends[:k] if e is not None]
        if earlier:
            score, i = max(earlier, key=lambda e: (e[0], -e[1]))
            if score + mark.score > best[j]:
                best[j], prev[j] = score + mark.score, i
        if ends[k] is None or best[j] > ends[k][0]:
            ends[k] = (best[j], j)
    j = max(range(len(marks)), key=lambda k: (best[k], -k))
    run = []
    while j >= 0:
        run.append(marks[j])
        j = prev[j]
    return run[::-1]


def _slice(lines: Sequence[str], start: _Mark, end: _Mark | None) -> list[str]:
    """Non-empty, stripped lines between a heading's body and the next boundary."""
    last = end.line if end else len(lines) - 1
    parts = []
    for n in range(start.line, last + 1):
        line = lines[n]
        lo = start.body if n == start.line else 0
        hi = end.start if end and n == end.line else len(line)
        parts.append(line[lo:hi])
    parts = [_BOOKMARK.sub("", p).strip() for p in parts]
    return [p for p in parts if p]


def _drop_signature(body: list[str]) -> list[str]:
    """The last section ends before the closing signature and date, which are metadata."""
    if body and _DATE_LINE.match(body[-1]):
        body = body[:-1]
        if body and _PLAIN_SHORT.match(body[-1]) and len(body) > 1:
            body = body[:-1]
    elif body and (signed := closing_signature(body[-1])):
        rest = body[-1][: signed[0]].rstrip()
        body = body[:-1] + ([rest] if rest else [])
    elif body and _DATE_TAIL.search(body[-1]):
        body = body[:-1] + [_DATE_TAIL.sub("", body[-1])]
    return body


def closing_signature(line: str) -> tuple[int, str, str] | None:
    """The signature and date ending ``line``: where it starts, the name, the date as printed.

    "某某县商务局 2021年1月21日" on one line, or the end of a page flattened to one line
    ("…无。 相城区河西镇人民政府 2024年1月12日", "…事项。河西镇人民政府2024年1月12日").
    The name is the whole text before the date, else what follows the last sentence mark,
    else the last word (spaces part it from the prose); it must read as a body's name.
    """
    date = _CLOSING_DATE.search(line, max(0, len(line) - _SIGNATURE_CHARS))
    if not date:
        return None
    before = line[: date.start()]
    clause = _CLAUSE_END.split(before)[-1]
    words = before.split()
    for text in (before, clause, words[-1] if words else ""):
        name = _SPACES.sub("", text)
        if is_name(name):
            return before.rfind(text.strip()), name, date[0]
    return None


def _outline_clauses(line: str) -> list[str]:
    """The clauses of ``line`` that list parts, whole.  Split first, then tested: the single
    pattern ``[^。；]*(?:包括|…)[^。；]*`` finds the same clauses but retries every position
    of a clause without the words, quadratic in the clause (a flattened page is one line)."""
    return [clause for clause in _CLAUSE_BREAK.split(line) if _OUTLINE_WORD.search(clause)]


def follows_pre_2019_outline(lines: Sequence[str]) -> bool:
    """Whether the report is laid out on a pre-2019 outline, whatever year it covers.

    Only the old outlines have parts for 咨询处理情况, 收费及减免 / 支出与收费 and
    申诉 (朔州's 2022 report still lists them); the 2019 and 2021 formats never do.
    Looked for in the foreword's list of parts (in the first lines) and in numbered
    headings, never in other prose, where 申诉 or 收费 can occur in any year; under a foreword
    that lists the templates' parts, only a heading on fees.
    """
    cleaned = [simplify_chars(clean_line(line)) for line in lines]
    opening = [line for line in cleaned if line.strip()][:_OPENING_LINES]
    listed = [clause for line in opening for clause in _outline_clauses(line)]
    if any(_OLD_PART.search(clause) for clause in listed):
        return True
    # where the foreword lists the templates' parts, only a part on fees says the old outline (衡南县
    # 泉溪镇 2020: (七)政府信息公开收费和减免情况 under 一); a 咨询 one does not (麒麟区自然资源局 2022)
    old = _FEE_PART if any(_NEW_PART.search(clause) for clause in listed) else _OLD_PART
    for line in cleaned:
        # top-level, or a part of 一 (一、总体情况 … (三)政府信息公开的收费及减免情况), its text
        # maybe run on after it (3、信息公开支出及收费情况。由于我苏木未发生…)
        core = _heading_key(line).partition("。")[0]
        if len(core) <= 40 and (num := _NUMBERING.match(core))[0] and old.search(core[num.end() :]):
            return True
        if any(old.search(m[0]) for m in _INLINE_TOP.finditer(line)):
            return True
    return False
