"""Report names on a page: crawler header fields, the title, and report names in the prose.

Pure functions over cleaned lines (``cleanup.clean_line``) in simplified characters.
A report name is "<body> <year> 政府信息公开工作年度报告" in any of its printed
shapes: the year before or after the body (2019年上海市XX局… / XX局2023年度…), the
year without 年 (…国资委2020政府信息公开…), 工作 missing or 工作开展 added, 年报 for
年度报告, spaces anywhere (…外事办公室2025年 政府信息公开…), a "(图解)" tag in
front, or wrapped in a notice (贺州市人民政府办公室关于公布 / 贺州市2009年度…报告的通知:
the report is 贺州市's).  Navigation, breadcrumbs and header fields are never a title.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass

from .agency import NATIONAL, as_name, is_name, is_place_only

_CN_YEAR = "〇○零一二三四五六七八九"
# What a report's name says it is about; 政府信息工作(年度)报告 is a slip for 政府信息公开工作年度报告.
_ABOUT = r"(?:(?:政府|政务)?信息公开|政务公开|政府信息(?=工作(?:年|报告)))"
_MARKER = re.compile(_ABOUT + r"[^，。；：,;:《》“”]{0,10}?(?:报告|年报)")
_YEAR = re.compile(rf"(\d{{4}}|[{_CN_YEAR}]{{4}})(?:年度|年|度(?=$))?")
_STRAY_YEAR = re.compile(r"^(?:19|20)\d{2}(?![年\d])")
_TAG = re.compile(r"^[(（【\[][^)）】\]]{1,6}[)）】\]]")  # "(图解)", "【全文】"
_NOTICE = re.compile(r"关于(?:印发|公布|发布|公开|转发)?《?(?P<inner>.+?)》?的?通知$")
_KEPT_TAIL = re.compile(
    r"[》”]?(?:的通知|[(（【][^)）】]{1,8}[)）】])?[?？]{0,2}"
)  # "…报告》的通知", "…报告（图片版）", "…工作報告?" (a mirror's mojibake)
_MOJIBAKE_END = re.compile(r"(报告|年报)[?？]+$")  # "…工作報告?": a mirror's broken character
_TAIL_YEAR = re.compile(rf"[(（](\d{{4}}|[{_CN_YEAR}]{{4}})\s*年度?[)）]")  # "…年度报告（2015年）"
_TITLE_END = re.compile(r"(?:报告|年报)(?=[\s\u3000])")
_SITE_SUFFIX = re.compile(r"(年度报告|年报)[-_|—–].*$")  # "…年度报告-沭阳县发改局": the site's name
_FILE_SUFFIX = re.compile(r"\.(?:docx?|wps|pdf|html?|txt)$", re.IGNORECASE)
_SENTENCE = re.compile(r"[，。；：,;:！？]")
_MARKUP = re.compile(r"\[bookmark:[^\]]*\]|[#*\s\u3000]")
_CHROME = re.compile(
    r"->|>|»|首页|您的位置|当前位置|现在的位置|全文检索|站群导航|加入收藏|设为首页|字号|字体|打印"
)
_CRUMB_END = re.compile(r"(?:->|>|»)$")  # a breadcrumb separator ends the word before an item
_HEAD_CHARS = 400  # of a flattened page: where its title can still be
_FIRST_CLAUSE = re.compile(r"[。，；！？,;!?]")  # the body's prose begins; chrome has colons only
_KEYS = (
    "标题", "名称", "信息名称", "文件名称", "发布机构", "发文机关", "发布时间", "发布日期", "信息来源", "来源", "索引号", "文号", "作者",
    "浏览数", "浏览次数", "点击数", "创建时间", "时间", "日期", "主题分类", "所属机构", "成文日期", "字体", "字号",
)  # fmt: skip
_KEY = "|".join(r"\s*".join(k) for k in sorted(_KEYS, key=len, reverse=True))
# A key with a colon or bar may follow anything ("…29日来源:"); a bare key only a space or bar.
_FIELD = re.compile(rf"(?P<k1>{_KEY})\s*[:：|]|(?:^|(?<=[\s|]))(?P<k2>{_KEY})(?=\s)")
# 现向社会公开《扶风县人民政府…报告》, 现公开锡山区云林街道2019年度…报告, 现就乌鲁木齐市人民政府
# 2009年度…工作情况汇总报告如下
_REPORT_VERBS = "编制|公布|发布|制作|编写|形成|现将|现把|现就|(?<=向社会)公开|(?<=现)公开"
_REPORT_VERB_AT = re.compile(f"(?={_REPORT_VERBS})")  # every place a verb starts, overlaps included
# How far before its verb a _VERB_REPORT match can start: its longest ``who`` and prefix
# (keep in step with the pattern).
_VERB_REACH = 30 + len("现向社会")
# "编制形成额济纳旗2021年政府信息公开工作年度报告": a second verb before the report's name.
_VERB_REPORT = re.compile(
    r"(?P<who>[^，。；：,;:、《》“”]{0,30}?)(?:特|现|已|(?:特|现)?向社会)?(?:" + _REPORT_VERBS + ")"
    r"(?:形成)?(?:了|完成了?)?(?:并(?:向社会)?(?:公布|发布))?的?(?:本|我[局委办厅])?《?(?P<report>[^，。；：,;:《》]{0,40}?"
    + _ABOUT + r"[^，。；：,;:《》]{0,10}?(?:报告|年报))"
)
# A sentence that opens with the report's name: "2011年峨山县政府信息公开工作年度报告是按照…编制而成".
_REPORT_FIRST = re.compile(
    r"《?(?P<report>[^，。；：,;:《》]{0,40}?" + _ABOUT + r"[^，。；：,;:《》]{0,10}?(?:报告|年报))"
    r"》?(?=是|根据|依据|按照)"  # 《泰安市财政局2010年信息公开工作年度报告》是…
)
_YEAR_REPORT = re.compile(
    rf"(?:{_REPORT_VERBS})(?:了|完成了?)?(?:本|我[局委办厅])?《?"
    rf"[^，。；：,;:《》]{{0,30}}?(\d{{4}}|[{_CN_YEAR}]{{4}})\s*年度?[^，。；：,;:《》]{{0,30}}?报告"
)
# A name and the short form the text goes on with: "北京市环境保护局(以下简称市环保局)",
# "国家税务总局佛山市税务局(以下简称“佛山市税务局”,下文类同)".
_DEFINED = re.compile(
    r"(?P<name>[\u4e00-\u9fff]{4,30})[(（](?:以下)?简称\s*[“\"]?(?P<short>[\u4e00-\u9fff]{2,12})[”\"]?(?=[)）,，;；])"
)
# A body's own leading group for disclosure, or its own disclosure guide (《…政府信息公开指南》).
_GROUP = re.compile(
    r"(?P<owner>[\u4e00-\u9fff]{4,30}?)(?:政府信息公开|政务公开|信息公开)(?:工作)?领导小组"
    r"|《(?P<guide>[\u4e00-\u9fff]{4,30}?)政府信息公开(?:指南|目录)》"
)
_FULL_IN_QUOTES = re.compile(
    r"《(?P<name>[^《》]{3,40}?)(?<!人民)(?:\d{4}|关于|(?:政府|政务)?信息公开|政务公开|门户网站|部门(?:预算|决算)|工作规则)"
)


@dataclass(frozen=True)
class ReportName:
    """A report name split into its body (as printed, may be "") and the year it covers."""

    text: str
    name: str
    year: int | None


def squeeze(line: str) -> str:
    """The line without markup and spaces (spaces fall anywhere in crawled titles)."""
    return _MARKUP.sub("", line)


def header_fields(lines: Sequence[str]) -> dict[str, str]:
    """Crawler header fields ("标 题 | …", "发布机构: …", "时间:…来源:…"), first of each key.

    Only lines that start with a key count, so prose and spam headers
    ("西宁机关事务管理局:http://…") are not read as fields; empty values are dropped.
    """
    found: dict[str, str] = {}
    for line in lines:
        keys = list(_FIELD.finditer(line))
        if not keys or line[: keys[0].start()].strip(" \t-*•·"):  # a list's bullet may lead
            continue
        for k, m in enumerate(keys):
            end = keys[k + 1].start() if k + 1 < len(keys) else len(line)
            value = next(
                (v.strip(" 【】[]") for v in line[m.end() : end].split("|") if v.strip(" 【】[]")), ""
            )
            key = re.sub(r"\s", "", m["k1"] or m["k2"])
            if value:
                found.setdefault(key, value)
    return found


def parse_report_name(text: str) -> ReportName | None:
    """Body and year of a report name (spaces and markup already squeezed out), or None."""
    text = _FILE_SUFFIX.sub("", _SITE_SUFFIX.sub(r"\1", text))
    text = _TAG.sub("", _MOJIBAKE_END.sub(r"\1", text))
    if text.startswith("《") and text.endswith("》"):
        text = text[1:-1]
    if m := _NOTICE.search(text):
        text = m["inner"]
    marker = _MARKER.search(text)
    if not marker:
        return None
    head = re.sub(r"^关于", "", text[: marker.start()].strip('《“"'))
    if head.endswith("人民"):
        head += "政府"  # "XX县人民政府信息公开…": the marker took the government's last word
    # 2025湖口县大垅乡2025年度…: a year stray before the name, where the name has its own
    stray = _STRAY_YEAR.match(head)
    start = stray.end() if stray and _YEAR.search(head, stray.end()) else 0
    year = _YEAR.search(head, start)
    if year and not (year[0][4:] or year.end() == len(head)):
        year = None  # four digits that are not followed by 年 nor end the name: not a year
    if year:
        # 大理白族自治州人民政府关于2011年…的年度报告: 关于 is no part of the name
        before, after = head[start : year.start()].removesuffix("关于"), head[year.end() :]
        name = before or after
    else:
        name = head
    if not year:
        year = _TAIL_YEAR.match(text, marker.end())
    return ReportName(text, name, _year_number(year[1]) if year else None)


@dataclass(frozen=True)
class Title:
    """A title as found, and whether its body's name was a line of its own beside it
    (周村区商务局 / 政府信息公开工作年度报告): weaker evidence than a name printed in the title."""

    text: str
    name_beside: bool = False


def find_title(lines: Sequence[str]) -> str | None:
    """The page's title: the first heading-like report name with a body or a year in it.

    A title may be wrapped over two lines (周村区商务局 / 政府信息公开工作年度报告,
    …审计厅2025年政务信息 / 公开工作开展年度报告, …办公室关于公布 / …报告的通知), open a
    line the crawler flattened ("武江区龙归镇人民政府2016年…年度报告 本年报是…"), or follow
    the site's chrome on such a line ("当前位置： 首页…年报 XX局2023年…报告 一、总体情况 …").
    """
    for title in title_lines(lines):
        return title.text
    return None


def title_lines(lines: Sequence[str]) -> list[Title]:
    """Every title-like report name in ``lines``, in order (see ``find_title``).

    Lines of chrome (breadcrumbs, 全文检索) and header fields are never a title's part, and
    they part the lines around them: a site name above 全文检索 is not the title's body.
    """
    kept = [line for line in lines if squeeze(line)]
    found = []
    for k, line in enumerate(kept):
        if header_fields([line]):
            continue
        title = _title_among_words(line) if _CHROME.search(line) else _title_on(kept, k)
        if title:
            found.append(title)
    return found


def _title_on(kept: Sequence[str], k: int) -> Title | None:
    """The title line ``k`` holds, joined with a line beside it that is part of it; on a
    flattened line whose opening words are not a title's ("法定主动 公开内容 政府信息 公开年报
    … XX厅2016年…报告 背景色: 一、概述 …"), the title among its words."""
    line = kept[k]
    prev, after = _neighbour(kept, k - 1), _neighbour(kept, k + 1)
    title = _title_at(line)
    if _wrapped(prev) and not _names_body_or_year(title):
        # 宁波市…国家高新区分局2020年 / 政府信息公开工作年度报告: the line above opens the title
        title = _title_at(prev + line) or title
    beside = False
    if title and prev and _joins(prev, title):
        title, beside = prev + title, not _notice_opening(prev)
    elif title and after and _joins(after, title):
        title, beside = after + title, True  # the body's name alone under a title that names none
    if not _names_body_or_year(title):
        return None
    if not _names_a_report(title) and (among := _title_among_words(line)):
        return among
    return Title(title, beside)


def _names_body_or_year(title: str | None) -> bool:
    parsed = parse_report_name(title) if title else None
    return bool(parsed and (parsed.name or parsed.year))


def _neighbour(kept: Sequence[str], k: int) -> str:
    """The squeezed line at ``k``, or "" when there is none or it is chrome or header fields."""
    if not 0 <= k < len(kept) or _CHROME.search(kept[k]) or header_fields([kept[k]]):
        return ""
    return squeeze(kept[k])


def _title_among_words(line: str) -> Title | None:
    """The title a flattened page prints after its chrome (or other words that are not a
    title's), before the body's first sentence.

    Each word (between spaces) that is not chrome may open it; of the starts that give the
    same title the last one is taken ("…申请公开 政府信息 省司法厅2024年…报告": not
    政府信息省司法厅), and the name is only what the title's own words say: a name word
    right before a title that names none is its body ("福州市晋安区人民政府办公室 2021年…"),
    but not across chrome ("杞县人民政府 全文检索 2020年…").
    """
    head = _FIRST_CLAUSE.split(line[:_HEAD_CHARS])[0]
    words = list(re.finditer(r"\S+", head))
    best: tuple[int, str] | None = None
    for j, word in enumerate(words):
        if _is_chrome_word(words, j):
            continue
        title = _title_at(head[word.start() :])
        if not title or not _names_a_report(title):
            continue
        if best and not best[1].endswith(title):
            break  # a later title on the line
        best = (j, title)
    if not best:
        return None
    j, title = best
    parsed = parse_report_name(title)
    if parsed and not parsed.name and j and not _is_chrome_word(words, j - 1):
        name = squeeze(words[j - 1][0])
        if is_name(name):
            return Title(name + title, True)
    return Title(title)


def _is_chrome_word(words: Sequence[re.Match], j: int) -> bool:
    """A word of chrome, or a breadcrumb's item (the word after a "->" / ">" separator)."""
    return bool(_CHROME.search(words[j][0]) or (j and _CRUMB_END.search(words[j - 1][0])))


def _names_a_report(title: str) -> bool:
    """A report name whose body reads as a name, or without a body but with a year: the
    chrome before a flattened title ("首页政务公开…年报", "部门政府信息公开…报告") is neither."""
    parsed = parse_report_name(title)
    if not parsed:
        return False
    return bool(as_name(parsed.name)) if parsed.name else parsed.year is not None


def _title_at(line: str) -> str | None:
    """The line (squeezed) if it is a title; the title that opens it if a space then parts it
    from the body ("…2016年政府信息公开年度报告 本年报是…"); else None."""
    text = _FILE_SUFFIX.sub("", _SITE_SUFFIX.sub(r"\1", squeeze(line)))
    marker = _MARKER.search(text)
    if not marker:
        return None
    head = text[: marker.end()]
    if len(head) > 70 or _SENTENCE.search(head):
        return None
    if _KEPT_TAIL.fullmatch(text[marker.end() :]):
        return text
    if len(text) <= 70 and text.endswith(("报告", "年报")) and not _SENTENCE.search(text):
        return text  # "…2013年度关于开展政府信息公开工作年度报告编制和发布工作情况报告": one name
    for end in _TITLE_END.finditer(line):
        if squeeze(line[: end.end()]) == head:
            return head
    return None  # "现将XX局2020年…报告公布如下": a sentence, not a title


def _wrapped(prev: str) -> bool:
    """A short heading-like line that a title continues from (no report marker of its own)."""
    return 0 < len(prev) <= 40 and not _SENTENCE.search(prev) and not _MARKER.search(prev)


def _joins(prev: str, title: str) -> bool:
    """Whether the line above belongs to the title: a notice's opening (…关于公布), or the
    body's name alone above a title that names none (周村区商务局 / 政府信息公开…)."""
    if not _wrapped(prev) or title.startswith(prev):
        return False
    if _notice_opening(prev):
        return True
    parsed = parse_report_name(title)
    return bool(parsed and not parsed.name and is_name(prev))


def _notice_opening(line: str) -> bool:
    """贺州市人民政府办公室关于公布: the first line of a notice wrapping the report's title."""
    return bool(re.search(r"关于(?:印发|公布|发布|公开|转发)?$", line))


def prose_reports(text: str) -> list[tuple[str, ReportName]]:
    """Report names the prose says were compiled or published, with who did it.

    "特编制湛江市人民政府地方志办公室2023年政府信息公开工作年度报告",
    "现公布2012年西宁市政府信息公开工作年度报告", "XX局编制了2021年政府信息公开年度报告", and a
    line that opens with the report's name ("2011年峨山县政府信息公开工作年度报告是按照…").
    ``who`` is the clause before the verb ("" when none); it is checked by the caller.
    """
    found = []
    for line in text.splitlines():
        line = squeeze(line)
        if (first := _REPORT_FIRST.match(line)) and (parsed := parse_report_name(first["report"])):
            found.append(("", parsed))
        for m in _verb_reports(line):
            if parsed := parse_report_name(m["report"]):
                found.append((m["who"], parsed))
    return found


def _verb_reports(line: str) -> Iterator[re.Match]:
    """``_VERB_REPORT.finditer(line)``, trying only the starts within reach of a verb.

    The pattern tries up to 30 characters of ``who`` at every position of the line (a
    flattened page is one line of thousands); every match starts at most ``_VERB_REACH``
    characters before its verb, so only those starts are tried, left to right, each once.
    """
    pos = tried = 0  # where the next match may start; the first start not yet tried
    for verb in _REPORT_VERB_AT.finditer(line):
        for start in range(max(pos, tried, verb.start() - _VERB_REACH), verb.start() + 1):
            if m := _VERB_REPORT.match(line, start):
                yield m
                pos = m.end()
                break
        tried = verb.start() + 1


def prose_year(text: str) -> int | None:
    """The year of a report the prose names ("编制了2021年政府信息公开年度报告")."""
    for line in text.splitlines():
        if m := _YEAR_REPORT.search(squeeze(line)):
            return _year_number(m[1])
    return None


def quoted_names(text: str, defined: dict[str, str] | None = None) -> list[str]:
    """Bodies named at the head of quoted titles (《河南省人民政府法制办公室政府信息公开工作规则》)
    and named in full before the short name the text goes on with (以及北京市环境保护局(以下简称
    市环保局)落实…: from the place on); ``defined`` is ``defined_names(text)`` where the caller
    has it already."""
    found = [m["name"] for line in text.splitlines() for m in _FULL_IN_QUOTES.finditer(squeeze(line))]
    defined = defined_names(text) if defined is None else defined
    return [name for name in [*found, *defined.values()] if is_name(name)]


def defined_names(text: str) -> dict[str, str]:
    """Short forms the text defines, each to its full name from the place or the national body
    on (以及北京市环境保护局(以下简称市环保局) → {市环保局: 北京市环境保护局}, 特向社会公布国家税务
    总局佛山市税务局(以下简称“佛山市税务局”…) → {佛山市税务局: 国家税务总局佛山市税务局})."""
    found = {}
    for m in _DEFINED.finditer(text):
        words = m["name"]
        starts = (words[k:] for k in range(len(words) - 1))
        full = next((w for w in starts if w.startswith(NATIONAL) or _opens_with_place(w)), None)
        if full and full != m["short"] and is_name(full):
            found.setdefault(m["short"], full)
    return found


def group_owners(text: str) -> list[str]:
    """Bodies whose own disclosure leading group or guide the text names (成立了衡阳市粮食局政府信息
    公开领导小组 → 衡阳市粮食局, 公布了《温州市龙湾区永兴街道办事处政府信息公开指南》), from the
    place on."""
    found = []
    for m in _GROUP.finditer(text):
        words = m["owner"] or m["guide"]
        full = next((w for w in (words[k:] for k in range(len(words) - 1)) if _opens_with_place(w)), None)
        if full and is_name(full) and full not in found:
            found.append(full)
    return found


def _opens_with_place(name: str) -> bool:
    """北京市环境保护局: a place's whole name opens it."""
    return any(is_place_only(name[:k]) for k in range(2, min(len(name), 12)))


def _year_number(text: str) -> int | None:
    """2020 or 二〇二〇 (digit by digit), within a plausible range."""
    year = int(text.translate(str.maketrans(_CN_YEAR, "00012345678" + "9")))
    return year if 1990 <= year <= 2100 else None
