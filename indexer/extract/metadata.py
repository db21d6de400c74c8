"""Title, agency, region, year covered and publication date of a report.

Pure functions over the report's lines and its ``Sections``.  Lines are cleaned of
mirror damage (``cleanup.clean_line``) and, on a page in traditional script, read in
simplified characters (``cleanup.in_simplified``), so the title and agency come out
simplified; a simplified page is read as printed (咸阳市乾县 stays, never 干县).

Agency, first found of: the title's body (a crawler's "标题" field wins over the
page's title line; a name line beside a title that names none yields to an opening
sentence naming the report for another body, as that line may be the site's name); a
report name the opening prose says was compiled or published
(特编制湛江市人民政府地方志办公室2023年…报告); a government whose office compiled the
report from its departments' (由秦淮区人民政府办公室综合…编制); the subject of the
opening "2023年，官洲街道办事处认真…" (an abbreviation only when a full name printed
elsewhere expands it); the closing signature (the last lines, the end of a page
flattened to one line, or where the text ends above an appended 统计表); the 发布机构 /
来源 fields.  A title's name is then lengthened by a fuller statement of it on the page,
and a place alone becomes its government (see ``agency``).  Nothing found means None,
never a guess.

Year covered: the title's, else a report name in the opening prose ("编制了2021年…
报告", which beats a mistyped statistics period), else the statistics period
("统计期限自2020年1月1日"), else a sentence opening "2020年，…" — never the
publication date.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from functools import cached_property

from ..models import Region
from .agency import (
    as_name,
    below_national_body,
    expand,
    for_region,
    government_of,
    is_bare,
    is_name,
    is_national,
    is_proper,
    lengthen,
    placed,
    spelled_out,
    with_full_place,
)
from .cleanup import ASIDE, clean_line, in_simplified, is_traditional
from .gazetteer import locate, province_at_start
from .numbers import parse_number
from .sections import Sections, closing_signature
from .titles import (
    ReportName,
    Title,
    defined_names,
    group_owners,
    header_fields,
    parse_report_name,
    prose_reports,
    prose_year,
    quoted_names,
    squeeze,
    title_lines,
)

_CN_YEAR = "〇○零一二三四五六七八九"
_CN_DIGIT = str.maketrans(_CN_YEAR, "00012345678" + "9")
_DATE = re.compile(
    rf"(\d{{4}}|[{_CN_YEAR}]{{4}})\s*年\s*([\d{_CN_YEAR}十]{{1,3}})\s*月\s*([\d{_CN_YEAR}十]{{1,3}})\s*日"
)
# A date alone after the last sentence: an unsigned page's date ("…事项无。2023年3月13日").
_DATED_END = re.compile(rf"[。！？；]{_DATE.pattern}$")
_ISO = re.compile(r"(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})")
_PERIOD_WORDS = r"统计(?:期限|时限|时间|区间|期间)[^。；]{0,12}?"
_STATED_PERIOD = re.compile(  # 年 may be lost between the year and the month (20231月1日)
    rf"{_PERIOD_WORDS}(\d{{4}})\s*年?\s*0?1\s*月\s*0?1\s*日"
)
# "统计期限自2008年5月1日起至2008年12月31日止": a period to a year's last day from later in that year
# (the Regulations' first year began on 1 May 2008)
_PERIOD_TO_ITS_END = re.compile(
    rf"{_PERIOD_WORDS}(\d{{4}})\s*年\s*\d{{1,2}}\s*月\s*\d{{1,2}}\s*日\s*起?\s*(?:至|到|—|-)\s*\1\s*年\s*12\s*月\s*31\s*日"
)
_PERIOD = re.compile(r"(\d{4})\s*年\s*0?1\s*月\s*0?1\s*日")
# "我局对2021年度政府信息公开情况总结如下": the year the report sums up.
_SUMMED_UP = re.compile(r"对\s*(\d{4})\s*年度?的?(?:政府信息公开|政务公开|信息公开)(?:工作)?(?:情况)?(?:总结|报告)如下")
_OPENING_YEAR = re.compile(r"(?:^|[。；！\n:：])\s*(\d{4})\s*年度?\s*[，,]")  # 总体情况:2020年,我局…
# Where no sentence opens "2020年，": one that opens with its year all the same ("2019年我局…",
# "2022年以来,丰收乡…"; not a date, 2019年5月15日), or the year's last day (截至2023年12月31日).
_SENTENCE_YEAR = re.compile(r"(?:^|[。；！\n])\s*(?:\d{1,2}\s*[、.．]\s*)?(\d{4})\s*年(?!\s*\d{1,2}\s*月)")  # 4、2019年…
_YEAR_END = re.compile(r"截[至止]\s*(\d{4})\s*年\s*(?:12\s*月\s*31\s*日|底|末)")
# "…坚持依法公开,2022年,我局在…", "…工作要求,2019年县地方志办在…": a clause that opens with the year
# and the body.
_CLAUSE_YEAR = re.compile(r"[，,]\s*(\d{4})\s*年度?\s*(?:[，,]\s*(?:我|本)|[，,]?\s*[县区市])[局委办厅院镇乡街县区市]")
# "本局2019年共主动公开政府信息68条": the body, then the year its work is counted in.
_SELF_YEAR = re.compile(r"(?:^|[。；！\n，,])\s*(?:本|我)[局委办厅院镇乡街区县市旗]\s*(\d{4})\s*年度?(?!\s*\d{1,2}\s*月)")
_SENTENCE = re.compile(r"[，。；：,;:]")
_VERBS = (
    r"(?:认真|严格|坚持|高度重视|按照|深入|紧紧|紧密|围绕|积极|全面|始终|继续|进一步|立足|扎实|不断"
    r"|根据|依据|依照|持续|着力|贯彻|切实|大力|稳步|聚焦|紧扣|以习近平|以党的|共(?:完成|发布|公开))"
)
# "2023年，[在区委、区政府的坚强领导下，]官洲街道办事处认真贯彻…": the sentence's subject.
_SUBJECT = re.compile(
    rf"(?:^|[。；，,\n])\s*(?:\d{{4}}|[{_CN_YEAR}]{{4}})\s*年{{1,2}}度?(?:以来|全年)?\s*[，,]?\s*"  # 2019年年以来: a slip
    rf"(?:在[^。；]{{2,40}}?下\s*[，,]\s*)?(?P<name>[^，。；,;、\s]{{2,30}}?)"
    rf"(?={_VERBS}|在[^，。；]{{2,30}}?(?:领导|指导|部署)下)"
)
# "黔南州交通运输局始终高度重视…": a sentence that opens with the body doing its work.
_PLAIN_SUBJECT = re.compile(rf"(?:^|[。；\n])\s*(?P<name>[^，。；,;、\s]{{2,30}}?)(?={_VERBS})")
# "由秦淮区人民政府办公室综合区政府所属各行政机关的…报告编制而成": a government-wide report.
# Or by another of its units: "由焦作市人民政府电子政务管理中心综合市政府各委、办、局…编制而成".
_COMPILED = re.compile(r"由(?P<gov>[^，。；,;、由]{1,30}?(?:人民)?政府)(?:办公[室厅]|[\u4e00-\u9fff]{2,12}?中心)(?:综合|汇总)")
# The body the foreword says compiled the report or answers questions about it: "由廣州市統計局
# 編制的…", "由两城镇人民政府党政办公室编制", "由南平市人民政府信息公开工作领导小组办公室根据…
# 编制而成", "由东丽湖街道办事处结合自身工作实际…", "由安康市统计局围绕…编制而成", "请与来凤县
# 政务服务和大数据管理局(地址…)", "请联系:杭州市滨江区人民政府长河街道办事处;", "可与枫坪乡政府
# 办公室联系", "受理机构为长春市南关区曙光街道办事处。".
_STATED_BODY = re.compile(
    r"由(?P<compiler>[\u4e00-\u9fff（）()]{2,40}?)(?=(?:负责)?编[制写]|根据|依据|按照|结合|围绕|(?<=[室厅局委办处府会])(?:综合|汇总))"
    r"|(?:^|[，,。；;])\s*(?P<author>[\u4e00-\u9fff（）()]{2,40}?)(?:(?:特|现)?编[制写]了?(?:本|此)(?:年度)?(?:报告|年报)"
    r"|(?:特|现)向社会(?:公布|发布))"  # "佛冈县住房和城乡建设局特向社会公布2024年度本机关…报告"
    # not at a short aside inside the name: 中国(福建)自由贸易试验区福州片区管理委员会
    r"|(?:(?:请|可)(?:直接)?(?:与|联系\s*[:：]?\s*)|咨询\s*[:：]\s*|受理机构(?:为|是)\s*[:：]?\s*)+(?P<contact>[\u4e00-\u9fff（）()]{2,40}?)"
    r"(?=联[系络]|[;；,，。]|[(（](?![\u4e00-\u9fff]{2,3}[)）][\u4e00-\u9fff]))"
    # "结合自贡市商务局2022年政府信息公开工作实际,编制发布本报告": the body whose work it reports.
    r"|结合(?P<worker>[\u4e00-\u9fff（）()]{2,40}?)(?:\d{4}年度?)?的?(?:(?:政府)?信息公开|政务公开)?工作实际(?:情况)?"
    r"(?=[，,]?(?:特|现)?编[制写])"
    # "…要求编制,全面总结西宁市城中区人民政府礼让街街道办事处2025年政府信息公开工作情况"
    r"|总结(?P<summed>[\u4e00-\u9fff（）()]{2,40}?)\d{4}年度?的?(?:(?:政府)?信息公开|政务公开)工作情况"
    # "特编制昌江区商务局公开年度报告": the report named after its body
    r"|编制(?P<named>[\u4e00-\u9fff（）()]{2,30}?(?:局|委员会|委|办公室|厅|政府|办事处|管委会|中心|镇|乡|街道))"
    r"(?:\d{4}年度?)?(?:政府信息|政务)?公开(?:工作)?年度报告"
)
# A question or comment on the report itself, which a contact answers
_ON_THE_REPORT = re.compile(r"(?:对|关于)本(?:年度)?(?:报告|年报)[^。;]{0,12}?(?:疑问|问题|意见|建议)")
# The office that compiles a body's report or answers for it stands for that body: its disclosure
# office (国家税务总局政府信息公开办公室, 南平市人民政府信息公开工作领导小组办公室, 南宁市良庆区
# 政务公开工作领导小组办公室), its party and
# government office (两城镇人民政府党政办公室), a bureau's or a government's general office
# (邢台市生态环境局沙河市分局办公室, 兴国县南坑乡人民政府办公室, 上海市人民政府办公厅), and
# any unit inside a bureau or a sub-district office (吉林市公安局行政审批办公室, 东丽湖街道办事处
# 综合保障科, 国家药品监督管理局综合司); not an office after 政府, which may be a body of its own
# (…人民政府法制办公室).
_OFFICE = re.compile(
    r"(?:(?:政务公开|(?:(?<!人民)政府)?信息公开)+(?:工作)?(?:管理)?(?:领导小组)?|党政|(?:党政)?综合|(?<=政府)政务)办(?:公室)?$"
    r"|(?:(?<=[镇乡局委厅场])|(?<=街道)|(?<=苏木)|(?<=办事处)|(?<=委员会)|(?<=管委会)|(?<=政府))办公[室厅]$"
    r"|(?:(?<=[局委厅])|(?<=办事处)|(?<=办公室))(?!办公|员会|会)(?:(?![局委厅府办省市县区])[\u4e00-\u9fff]){2,8}?(?:办公室|科|处|股|司)$"
    # a township's and a commission's units (金坑乡人民政府党建办, …人民政府综合信息指挥室, …管理委员会
    # 研究室); a city's 人民政府研究室 or 金融办 is a body of its own
    r"|(?:(?<=[镇乡]人民政府)|(?<=街道办事处)|(?<=委员会))(?!办公室)(?:(?![局委厅府办省市县区])[\u4e00-\u9fff]){1,7}[办室]$"
)
# An office left after that (东风乡人民办公室, a slip) is not the body.
_AN_OFFICE = re.compile(r"办公[室厅]$")
_BARE_GOVERNMENT = re.compile(r"[省市县区州旗](?:人民)?政府")
_TOWNSHIP_OFFICE = re.compile(r"[镇乡]人民政府办公室$")
_TOWNSHIP_GOVERNMENT = re.compile(r"(?:镇|乡|苏木)政府$")  # 寮步镇政府, not …人民政府
_TOWNSHIP_NAME = re.compile(r"(?:镇|乡|街道|苏木)$")  # a township's name, whose government's may be printed
_SUMU = re.compile(r"苏木(?:人民政府)?$")  # a township of Inner Mongolia (苏木), the only province that has them
# "绍兴市卫生健康委是主管全市医疗卫生健康事业的市政府职能部门": the opening says what it is.
_IS_WHAT = re.compile(r"(?:^|[。；\n])\s*(?P<name>[\u4e00-\u9fff]{2,30}?)是(?:主管|负责)")
# Places a body aids or pairs with are not its own: "对口支援都江堰市灾后恢复重建项目" in 上海's report.
_AID = re.compile(r"(?:对口)?(?:支援|援建|帮扶|协作|援助)[\u4e00-\u9fff]{2,12}")
# The page's publisher, as a catalogue box names it: a last resort for the body, and for its place.
_PUBLISHER_FIELDS = ("发布机构", "来源", "信息来源")
# 发文机关, as a catalogue box fills it in today, may print a body's later name (沂水县卫生健康局 for
# the 卫生局 of 2009): a candidate where nothing else names the body, never a spelling-out.
_LAST_RESORT_FIELDS = (*_PUBLISHER_FIELDS, "发文机关")
_NAME_FIELDS = ("标题", "名称", "信息名称", "文件名称")  # the document's name, as a crawler or catalogue box gives it
_LEADS_TO_COMPILER = re.compile(r"^(?:本(?:年度)?(?:报告|年报)(?:是|系)?)?由")
# A mirror's gambling spam run into the text ("澳门皇冠_皇冠国际线上娱乐-体育*投注:") names no place of the body's.
_SPAM = re.compile(r"[^\s，。；,;]*(?:娱乐|投注|博彩|彩票|赌场|赌博|棋牌|皇冠|网投|真人)[^\s，。；,;]*")
# How a report calls its own body, and the words its name then ends with.
_SELF = re.compile(r"我(镇|乡|街道|局|委|办|厅|院|中心|站|所)")  # not 我区, 我市: the place, not the body
_KIND_WORDS = {"街道": ("街道", "办事处"), "委": ("委", "委员会"), "办": ("办", "办公室", "办公厅")}
# An office's street address says where it sits, which may be a county of the place it reports on
# (黔南州交通运输局 at 贵州省都匀市剑江中路2号): addresses are read after the rest of the text.
_ADDRESS = re.compile(r"(?:地址|地点|通讯地址|办公地址)\s*[:：]?[^;；。)）,，]*")
# A street's name (铁山路 is no 铁山区), not the places before it (开平市沙塘镇圩东路).
_STREET = re.compile(r"[^\W\d_a-zA-Z省市县区镇乡村旗州]{1,6}?(?:路|大街|街|大道|巷|胡同|弄)[\d号]*")
_QUOTED = re.compile(r"“([^”]{2,20})”")
_IN_BOOK_MARKS = re.compile(r"《[^《》]*》")
# An account's name in brackets after what it is: 微信公众号(兴仁市大山镇人民政府).
_ACCOUNT_NAMED = re.compile(r"(?:公众号|微信号|微博|头条号|抖音号|视频号)[(（]([\u4e00-\u9fff]{2,30})[)）]")
# A new-media account's name: a theme, its place, then what it is (“健康朔州官微”, “平安XX发布”).
_ACCOUNT = re.compile(
    r"^(?P<head>.{2,10}?)(?:(?:官方)?(?:官微|微博|微信|头条号?|公众号|抖音号?|发布|在线|之声)|官方号?)$"
)
# Everyday words that are also places' names or stems (平安区, 惠民县, 新华区): a theme or a slogan
# where they open an account's name (“法治平安发布”) or a quoted phrase (“惠民惠农政策暖人心”).
_EVERYDAY_WORDS = (
    "平安", "长安", "和平", "安宁", "阳光", "幸福", "美丽", "文明", "清风", "健康",
    "惠民", "富民", "利民", "为民", "新民", "新华", "永安", "太和",
)  # fmt: skip
_TITLE_LINES = 60  # a title sits near the top; further down a report name is a citation
_OPENING_AFTER = 4  # lines after the first heading that still belong to the opening
_OPENING_CHARS = 1000  # of a line: a whole flattened report can be one line
_DATED_CHARS = 30  # of a line's end: a sentence mark and a date


@dataclass(frozen=True)
class Metadata:
    title: str | None
    agency: str | None
    region: Region
    year: int | None
    published: str | None  # ISO date "YYYY-MM-DD"
    source_url: str | None = None  # the page's address, from a crawler's header field


@dataclass(frozen=True)
class _Page:
    """What the agency is read from: the title, other title-like lines, the preamble, the
    opening prose (preamble and first lines of the body), the signature, header fields and
    the whole text (for full names to expand abbreviations with)."""

    title: str | None
    name_beside: bool  # the title's body was a line of its own beside it
    titles: list[Title]
    preamble: list[str]
    opening: str
    signature: str | None
    fields: dict[str, str]
    text: str

    @cached_property
    def stated(self) -> list[str]:
        """Names the foreword gives as the compiler or contact, as printed; else the contact for
        questions on the report wherever the text gives it (a page whose foreword is lost: "如对本
        报告有疑问,请联系重庆市江北区教育委员会办公室" at the end of 总体情况)."""
        return _stated_names(self.opening) or _stated_names(
            "\n".join(line for line in self.text.splitlines() if _ON_THE_REPORT.search(line)))

    @cached_property
    def stated_bodies(self) -> list[str]:
        """Those names read as the bodies they stand for (an office as its body)."""
        return [body for name in self.stated if (body := _as_body(name))]

    @cached_property
    def subject(self) -> str | None:
        return _subject(self.opening, self.quoted)

    @cached_property
    def defined(self) -> dict[str, str]:
        """Short forms the text defines (以下简称…), each to its full name."""
        return defined_names(self.text)

    @cached_property
    def quoted(self) -> list[str]:
        """Full names the text prints at the head of quoted titles or defines (``quoted_names``)."""
        return quoted_names(self.text, self.defined)

    @cached_property
    def self_kind(self) -> str | None:
        """What the text mostly calls its own body (镇 for 我镇, 局 for 我局), read once."""
        return _self_kind(self.text)

    @cached_property
    def bare_subject(self) -> str | None:
        """The opening sentence's body where it is an abbreviation the text spells out nowhere
        (2021年,区住建委以…为指引; 市人民防空办认真贯彻…): the text's only name for it, as printed."""
        found = (*_SUBJECT.finditer(self.opening), *_PLAIN_SUBJECT.finditer(self.opening))
        name = next((name for m in found if (name := as_name(m["name"]))), None)
        # not a government with no place at all (市政府): that says no more than 我市
        return name if name and is_bare(name) and not _BARE_GOVERNMENT.fullmatch(name) else None


def extract_metadata(lines: Sequence[str], sections: Sections) -> Metadata:
    """Read the report's metadata from its lines and sections."""
    cleaned = [clean_line(line) for line in lines]
    traditional = is_traditional(cleaned)
    simple = in_simplified(cleaned, traditional)
    preamble = simple[: min(sections.preamble_end, _TITLE_LINES)]
    opening = simple[: sections.preamble_end + _OPENING_AFTER]
    fields = header_fields(preamble)
    titles = title_lines(simple[: sections.preamble_end + 1][:_TITLE_LINES])
    # the first with a year: a site's header over a breadcrumb (北京市西城区人民政府 / 政府信息公开年报)
    # is no title beside the report's own (北京市西城区人民防空办公室2020 / …年度报告); of those, the
    # first with a name (a page's 2015年政府信息公开工作年度报告 above the document's 广元市朝天区
    # 西北乡人民政府 / 2015年…报告)
    titles.sort(key=_title_rank)
    # 名称, 信息名称: the name an information-disclosure catalogue's box gives the document
    named = next((fields[key] for key in _NAME_FIELDS if fields.get(key)), None)
    title = squeeze(named) if named else (titles[0].text if titles else None)
    if title and (parsed := parse_report_name(title)):
        title = parsed.text  # without a site's suffix, a file extension or a notice around it
    signature, signed = _signature(simple, in_simplified([sections.closing], traditional)[0])
    body = "\n".join(in_simplified("\n".join(sections.text.values()).splitlines(), traditional))
    page = _Page(
        title,
        "标题" not in fields and bool(titles) and titles[0].name_beside,
        titles,
        preamble,
        "\n".join(line[:_OPENING_CHARS] for line in _prose(opening)),
        signature,
        fields,
        "\n".join(simple),
    )
    agency = _agency(page)
    published = signed or _iso(fields.get("发布时间") or fields.get("发布日期") or "")
    return Metadata(
        title=title,
        agency=agency,
        # the opening too: a page flattened to one line has its foreword there, before 一、; the
        # page's publisher last (a county's office posting its township's report)
        region=_region(agency, title, signature, [*_prose(preamble), *page.opening.splitlines(),
                                                  *body.splitlines(), *_publishers(fields),
                                                  *_banners(preamble)]),  # fmt: skip
        # the opening too: a page flattened to one line states its period before 一、 on that line
        year=_year(title, page.opening, "\n".join([*preamble, page.opening, body])),
        published=published,
        source_url=stated_address(preamble),
    )


def _title_rank(title: Title) -> tuple[bool, bool]:
    """Sorts titles with a year first, then those that also name a body."""
    parsed = parse_report_name(title.text)
    return (not parsed or parsed.year is None, not parsed or not parsed.name)


_ADDRESS_FIELD = re.compile(
    r"^\s*(?:原文链接|原文地址|原始链接|原文网址|来源网址|页面地址|网址|链接|来源|URL|url)\s*[:：|]\s*(?P<url>https?://[^\s|<>\"'，。]+)"
)


def stated_address(lines: Sequence[str]) -> str | None:
    """The address a crawler's header gives for the page (``原文链接: https://…``).

    Only a line that starts with such a field counts: a mirror's spam line
    (``西宁机关事务管理局:http://www.yqjnjc.com``) names no field.
    """
    for line in lines:
        if m := _ADDRESS_FIELD.match(line):
            return m["url"]
    return None


def _agency(page: _Page) -> str | None:
    """The reporting body, by the order in the module docstring."""
    reports = prose_reports(page.opening)
    parsed = parse_report_name(page.title) if page.title else None
    named = as_name(parsed.name) if parsed else None
    if named and not (page.name_beside and _overruled(named, reports)):
        fuller = [  # a line that is only a name may be the site's header (新疆伊宁县): last
            *(p.name for t in page.titles if (p := parse_report_name(t.text))),
            *(as_name(r.name) or r.name for _, r in reports),  # without (以下简称…)
            page.signature or "",
            *page.stated_bodies,
            *_name_lines(page.preamble),
        ]
        return _in_full(page, _with_government(page, lengthen(named, fuller)), fuller)
    found = next((found for found in _fallbacks(page, reports) if found), None)
    if not found:
        return None
    # 2024年,钢城街道…: the opening's first sentence (柳北区钢城街道高度重视…) may state it in full
    plain = [name for m in _PLAIN_SUBJECT.finditer(page.opening) if (name := as_name(m["name"]))]
    return _in_full(page, lengthen(_with_government(page, found), plain), [])


def _in_full(page: _Page, name: str, fuller: list[str]) -> str:
    """``name`` in full: where the text defines it as a short form (佛山市税务局 from 国家税务总局
    佛山市税务局(以下简称“佛山市税务局”)), where a fuller name spells it out, an abbreviation
    without its place expanded to the full name printed elsewhere (a quoted title, a 以下简称
    aside, the opening's subject, the foreword's stated body) or placed; an autonomous place's
    short name spelled out where the text prints the name so, a township's 政府 as its 人民政府
    where the foreword states that name; and a place's own name as its government."""
    name = page.defined.get(name, name)  # the body's short form the text defines
    # the opening's subject as printed (not one spelled out from a quoted title, see excerpt 19)
    unquoted = _IN_BOOK_MARKS.sub("", page.opening) if page.subject else ""
    printed = page.subject if page.subject and page.subject in unquoted else ""
    name = spelled_out(name, [*fuller, *_publishers(page.fields), printed])
    if is_bare(name):
        full = [*page.quoted, page.subject or "", *page.stated_bodies]
        name = expand(name, full) or placed(name, page.text) or name
    elif not is_proper(name):
        name = placed(name, page.text) or name  # 环保局 where the text prints 长春市环保局
    name = with_full_place(name, page.text)
    if _TOWNSHIP_GOVERNMENT.search(name) and (full := name[:-2] + "人民政府") in page.stated_bodies:
        name = full  # 寮步镇政府 where the foreword names 寮步镇人民政府 (its office) as the contact
    if name.endswith("街") and (streets := re.findall(re.escape(name) + "道(?:办事处)?", page.text)):
        name = max(streets, key=len)  # 东丽湖街 (a street office's short name) where 东丽湖街道办事处 is printed
    return government_of(name)


def _with_government(page: _Page, name: str) -> str:
    """``name`` with its government's words where the foreword's stated body, a sentence's
    subject or a quoted name prints them (《重庆市璧山区福禄镇人民政府信息公开指南》,
    “遂溪县北坡镇人民政府”微信公众号, 茅坪回族镇人民政府严格按照…)."""
    if not _TOWNSHIP_NAME.search(name):
        return name  # a place's own name gets its government from ``government_of``; a bureau has none
    return lengthen(name, [*page.stated_bodies, page.subject or "", *_named_in_quotes(page)], True)


def _named_in_quotes(page: _Page) -> list[str]:
    """Names at the head of quoted titles and quoted or bracketed names that are whole names (a
    guide's, an account's): a fuller statement of the title's name may be printed only there."""
    named = (*_QUOTED.findall(page.text), *_ACCOUNT_NAMED.findall(page.text))
    return [*page.quoted, *(name for name in named if is_name(name))]


def _overruled(beside: str, reports: list[tuple[str, ReportName]]) -> bool:
    """Whether the opening sentence names the report for another body than the name line
    beside the title (which may be the site's: 杞县人民政府 over 特编制开封市杞县住房和城乡
    建设局…报告); a shortening of that name (区商务局, 西北乡 beside 广元市朝天区西北乡人民政府) or one
    without a place does not."""
    return any(
        is_name(r.name)
        and is_proper(r.name)
        and not beside.endswith(r.name)
        and lengthen(r.name, [beside]) == r.name
        and spelled_out(r.name, [beside]) == r.name  # 广元市以工代赈办公室 shortens 广元市人民政府以工代赈办公室
        for _, r in reports
    )


def _fallbacks(page: _Page, reports: list[tuple[str, ReportName]]) -> Iterator[str | None]:
    """Candidates when the title names no body, best first (each may be None)."""
    # 桦甸市财政局编制了财政局2013年…报告: the compiler states the report's name in full
    yield next((lengthen(name, [_compiler(who)]) for who, r in reports if (name := as_name(r.name))), None)
    whos = (_compiler(who) for who, r in reports if not r.name)  # 由X编写了…报告, 本年报是由X编制的…报告
    # 大营镇党政办公室编制了《2023年度…报告》: the office stands for its body
    yield next((_as_body(who) or who for who in whos if is_name(who) and is_proper(who)), None)
    stated, subject = page.stated_bodies, page.subject
    if subject and subject in page.stated:
        yield subject  # "由临夏市人民政府办公室编制", "2025年,临夏市人民政府办公室深入贯彻…": the office's own
    bare = page.bare_subject
    if bare and _AN_OFFICE.search(bare):
        yield expand(bare, page.stated)  # "由广汉市人民政府办公室编制", "2025年,市政府办公室认真贯彻…"
    if subject and any(_unit_of(name, subject) for name in stated):
        yield subject  # 请联系子长市政府政务服务中心 … 2022年,子长市人民政府坚持…: the contact is its unit
    compiled = (m["gov"] for line in page.opening.splitlines() for m in _COMPILED.finditer(squeeze(line)))
    # 由市政府办公厅综合…: a bare 市政府 is a government the foreword names in full elsewhere
    # (请与上海市人民政府办公厅联系), else none
    yield next((name for gov in compiled if (name := as_name(gov)) and not is_bare(name)), None)
    yield next((name for name in stated if is_proper(name)), None)
    yield subject
    yield next((name for m in _IS_WHAT.finditer(page.opening) if is_proper(name := as_name(m["name"]) or "")), None)
    if page.signature and is_name(page.signature):
        yield page.signature
    publishers = [name for name in _publishers(page.fields, _LAST_RESORT_FIELDS)
                  if is_name(name) and not is_bare(name) and is_proper(name)]  # fmt: skip
    if publishers:
        # an office that published the report stands for its body, unless the text speaks of an office
        # (保亭县政府办公室's own report, 县政府办公室 throughout; not 泉州市鲤城高新区管委会办公室 posting the zone's)
        speaks_as_office = any(
            "办公" in line and not any(key in line for key in _LAST_RESORT_FIELDS) for line in page.text.splitlines()
        )
        yield next(
            (name if speaks_as_office else _as_body(name) or name for name in publishers if _could_be(page.self_kind, name)),
            None,
        )
    yield page.bare_subject
    # the text calls itself 我局 and names one 局 only as the owner of its leading group or guide
    owners = [name for name in group_owners(page.text) if is_proper(name)]
    if page.self_kind and len(owners) == 1 and _could_be(page.self_kind, owners[0]):
        yield owners[0]


def _unit_of(name: str, body: str) -> bool:
    """Whether ``name`` is a unit of ``body``: its name goes on after the body's (a government's
    also after its short form, 子长市政府政务服务中心 of 子长市人民政府)."""
    heads = {body, body.replace("人民政府", "政府")}
    return any(name.startswith(head) and len(name) > len(head) for head in heads)


def _publishers(fields: dict[str, str], keys: tuple[str, ...] = _PUBLISHER_FIELDS) -> list[str]:
    return [squeeze(fields[key]) for key in keys if fields.get(key)]


def _banners(preamble: Sequence[str]) -> list[str]:
    """Short lines above the report that are no sentence and no header field: a column's name
    (阳城县横河镇 over 横河镇人民政府's report), the last place a region is looked for."""
    return [line for line in preamble if len(line.strip()) <= _BANNER_CHARS and not _SENTENCE.search(line)
            and not header_fields([line])]


def _self_kind(text: str) -> str | None:
    """What the text mostly calls its own body: 镇 for 我镇, 局 for 我局 …"""
    kinds = Counter(m[1] for m in _SELF.finditer(text))
    return kinds.most_common(1)[0][0] if kinds else None


def _could_be(kind: str | None, name: str) -> bool:
    """Whether the body the text calls itself (``kind``) could be ``name``: a page posted by the
    county's office (来源:昌图县人民政府办公室) for a township that says 我镇 is not the
    township's own."""
    return kind is None or any(word in name[-6:] for word in _KIND_WORDS.get(kind, (kind,)))


def _stated_names(opening: str) -> list[str]:
    """Names the foreword gives as the report's compiler or contact, as printed."""
    return [
        m["compiler"] or m["author"] or m["contact"] or m["worker"] or m["summed"] or m["named"]
        for line in opening.splitlines()
        for m in _STATED_BODY.finditer(squeeze(line))
    ]


def _compiler(who: str) -> str:
    """The body before a report's verb, without the words that lead to it (本年报是由巴州科技局)."""
    return _LEADS_TO_COMPILER.sub("", who)


def _as_body(stated: str) -> str | None:
    """The body a stated name stands for, an office read as its body (两城镇人民政府党政办公室 →
    两城镇人民政府); None for no name, or an office left over (东风乡人民办公室, a slip)."""
    body = _OFFICE.sub("", stated)
    if body != stated and _TOWNSHIP_OFFICE.search(body):
        body = _OFFICE.sub("", body)  # 平甸乡人民政府办公室政府信息公开办公室: a township office's office
    name = as_name(body)
    # an office left after its section (…领导小组办公室综合科) is the body; one left after an office
    # word was taken off (东风乡人民办公室) is a slip
    section_of_office = body != stated and body.endswith("办公室") and not _AN_OFFICE.search(stated)
    return name if name and (section_of_office or not _AN_OFFICE.search(name)) else None


def _subject(opening: str, quoted: list[str]) -> str | None:
    """The body the opening sentence is about, if it is named (an abbreviation is expanded
    from a full name printed elsewhere, else dropped)."""
    for m in _SUBJECT.finditer(opening):
        name = as_name(m["name"])
        if not name:
            continue
        if is_bare(name):
            return expand(name, quoted)
        return name if is_proper(name) else None
    named = (as_name(m["name"]) for m in _PLAIN_SUBJECT.finditer(opening))
    return next((name for name in named if name and is_proper(name) and not is_bare(name)), None)


def _name_lines(lines: Sequence[str]) -> list[str]:
    """Lines that are a name and nothing else (a site's header: 乌鲁木齐国家高新区(新市区))."""
    return [name for line in lines if is_name(name := squeeze(line))]


_BANNER_CHARS = 20


def _prose(lines: Sequence[str]) -> list[str]:
    """Lines of prose: with sentence punctuation, and not header fields."""
    return [line for line in lines if _SENTENCE.search(line) and not header_fields([line])]


def _signature(lines: Sequence[str], closing: str) -> tuple[str | None, str | None]:
    """The closing signature and its date (ISO), from the last non-empty lines: a name line
    over a date line, or both ending one line ("某某县商务局 2021年1月21日", also the end of
    a page flattened to one line: "…无。 相城区河西镇人民政府 2024年1月12日", or only the
    date after its last sentence); else a name and date where the report's text ends
    (``closing``), above a statistics table appended to it (a date alone there may be any
    date, and the page's 发布时间 is then the better one)."""
    if signed := _tail_signature(lines):
        return signed
    return _tail_signature(closing.split("\n")) or (None, None)


def _tail_signature(lines: Sequence[str]) -> tuple[str | None, str | None] | None:
    """(name or None, ISO date) signed at the end of ``lines``, or None."""
    tail = [line for line in lines if line.strip()][-3:]
    for k in range(len(tail) - 1, -1, -1):
        if m := _DATE.fullmatch(squeeze(tail[k])):
            name = squeeze(tail[k - 1]) if k and _heading_like(squeeze(tail[k - 1]), 30) else None
            if name and _DATE.search(name):
                name = None
            return name, _date_iso(m)
        if signed := _signed(tail[k]) or _dated(tail[k]):
            return signed
    # a body's name alone on the last line, after a finished sentence: signed without a date
    if len(tail) >= 2 and squeeze(tail[-2]).endswith("。") and is_name(name := squeeze(tail[-1])) and is_proper(name):
        return name, None
    return None


def _signed(line: str) -> tuple[str, str | None] | None:
    """A name and a date ending ``line`` (``sections.closing_signature``), the date as ISO."""
    if not (signed := closing_signature(line)):
        return None
    _, name, date = signed
    m = _DATE.search(date)
    return name, _date_iso(m) if m else None


def _dated(line: str) -> tuple[None, str | None] | None:
    """A date alone after the last sentence of the page's last line."""
    m = _DATED_END.search(squeeze(line)[-_DATED_CHARS:])
    return (None, _date_iso(m)) if m else None


def _heading_like(text: str, limit: int) -> bool:
    """Short and without sentence punctuation: a title or a signature, not prose."""
    return len(text) <= limit and not _SENTENCE.search(text)


def _date_iso(m: re.Match) -> str | None:
    year = _year_number(m[1])
    month, day = parse_number(m[2]), parse_number(m[3])
    if year and isinstance(month, int) and isinstance(day, int) and 1 <= month <= 12 and 1 <= day <= 31:
        return f"{year:04d}-{month:02d}-{day:02d}"
    return None


def _iso(text: str) -> str | None:
    m = _ISO.search(text)
    if not m:
        return None
    year, month, day = (int(g) for g in m.groups())
    return f"{year:04d}-{month:02d}-{day:02d}" if 1 <= month <= 12 and 1 <= day <= 31 else None


def _year_number(text: str) -> int | None:
    """2020 or 二〇二〇 (digit by digit), within a plausible range."""
    year = int(text.translate(_CN_DIGIT))
    return year if 1990 <= year <= 2100 else None


def _year(title: str | None, opening: str, text: str) -> int | None:
    """The title's year, else the opening's report name (unless the statistics period, or the
    first sentence opening with a year, states the year after), else the statistics period (from
    1 January, or to the last day of the year it starts in), else
    the year the foreword says it sums up, else a sentence opening "2020年，", else one opening
    with its year, else the year's last day, else a clause opening with the year and the body
    ("…,2022年,我局…"), else the body then the year ("本局2019年共主动公开…")."""
    parsed = parse_report_name(title) if title else None
    if parsed and parsed.year:
        return parsed.year
    if year := prose_year(opening):
        # Of a name and a stated period (or, without one, the first sentence opening with a year)
        # a year apart, one was carried over from last year's report ("现公布…2017年度…报告,本报告
        # 统计时间为2018年1月1日至…") or is last year's report cited ("按时公布2011年区政府信息
        # 公开工作年度报告" in the report on 2012): the later year is the report's
        later = _first_year(_STATED_PERIOD, text) or _first_year(_OPENING_YEAR, text)
        return later if later == year + 1 else year
    patterns = (_STATED_PERIOD, _PERIOD_TO_ITS_END, _PERIOD, _SUMMED_UP, _OPENING_YEAR, _SENTENCE_YEAR, _YEAR_END,
                _CLAUSE_YEAR, _SELF_YEAR)  # fmt: skip
    for pattern in patterns:
        if year := _first_year(pattern, text):
            return year
    return None


def _first_year(pattern: re.Pattern[str], text: str) -> int | None:
    m = pattern.search(text)
    return _year_number(m[1]) if m else None


def _region(agency: str | None, title: str | None, signature: str | None, lines: list[str]) -> Region:
    """From the agency's name; failing that the title, the signature, then the text's first place.

    Each text is also tried without its brackets (乌鲁木齐国家高新区(新市区): 新市区 alone is
    ambiguous) and by its quoted names, where an account's name starts with its place
    (“淮安自然资源和规划”) or ends with it before what the account is (“健康朔州官微”).
    Township names are left out: the gazetteer knows counties, and 江南镇 is not 江南区;
    so are places the body aids (对口支援都江堰市…), and street addresses come last; a 苏木 found
    nowhere else is Inner Mongolia's. A national body (国家税务总局) has no region.
    """
    if agency and is_national(agency):
        # a national body: where its offices stand is not a region it reports on; its corps or
        # branch named by a province's short name is that province's (国家统计局重庆调查总队)
        return province_at_start(below_national_body(agency))
    lines = [_AID.sub("", _SPAM.sub("", line)) for line in lines]
    addresses = [_STREET.sub("", m[0]) for line in lines for m in _ADDRESS.finditer(line)]
    names = (agency, title, signature)
    for k, text in enumerate((*names, *(_ADDRESS.sub("", line) for line in lines), *addresses)):
        if not text:
            continue
        text = for_region(text)
        quoted = [for_region(q) for q in _QUOTED.findall(text)]  # “合水镇政府”栏目: a township's, no 合水县
        in_prose = k >= len(names)  # a county's stem alone is no place in a sentence (惠民惠农)
        # a quoted name opens with its place (“淮安自然资源和规划”), unless with an everyday word
        # (“惠民惠农政策暖人心”)
        for variant, prose in ((text, in_prose), (ASIDE.sub("", text), in_prose),
                               *((q, in_prose and q.startswith(_EVERYDAY_WORDS)) for q in quoted),
                               *((p, False) for p in filter(None, map(_account_place, quoted)))):
            region = locate(variant, prose=prose)
            if region != Region():
                return region
    if agency and _SUMU.search(agency):
        return Region(province="内蒙古自治区")  # 伊敏苏木: the unit is Inner Mongolia's only
    return Region()


def _account_place(name: str) -> str | None:
    """The place that ends an account's name before what it is: 朔州 of “健康朔州官微”
    (a name that starts with its place is tried as it stands)."""
    m = _ACCOUNT.match(name)
    if not m:
        return None
    head = m["head"]
    for size in (4, 3, 2):
        place = head[-size:]
        if len(head) > size and place not in _EVERYDAY_WORDS and locate(place) != Region():
            return place
    return None
