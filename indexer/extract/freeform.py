"""Numbers that reports state in sentences, in reports of every template.

"全年主动公开政府信息224条", "本年新收政府信息公开申请42件", "未收到政府信息公开
申请", "未发生因政府信息公开申请行政复议、提起行政诉讼的情况".  Only patterns
that say one thing are read: a number inside a breakdown (其中…), a share (占…%),
a comparison (较上年…), or a count of something else is not a total; a key on
which two sentences disagree is left out with a warning.  A wrong number is worse
than a missing one.  Where a table states the same key, the table wins
(``prefer_tables``).  Statistics tables flattened into text ("行政复议数 条 0 0")
are read by ``tables.oldstats``, not here.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Mapping
from dataclasses import dataclass

from analyzers.filters import simplified_text

from .cleanup import ASIDE, clean_line
from .numbers import parse_number

# --- vocabulary -----------------------------------------------------------------

_N = r"(?<![\d.,])(?P<n>\d{1,3}(?:,\d{3})+|\d+|[零〇一二两三四五六七八九十百千]+)\s*"
_COUNT = _N + r"(?:件|条|个|份|宗|项|起|次)"
_ITEMS = _N + r"(?:条|件|篇)"  # units of proactively disclosed items
_QTY = r"\s*(?:共计|合计|总计|共|有|为|是|计|达)?\s*"  # …受理依申请公开政府信息是0件
_Q = r"[”\"]?"  # an outcome quoted: “予以公开”17件
# Not the second of two outcomes counted together (予以公开及部分公开42件, 予以公开或部分公开96件:
# the count is both's).
_NOT_SECOND = r"(?<![及和与或])(?<![^件条项个起次]、)"
# A count that opens its clause ("…,1件结转下年度", "其中3件维持,1件尚未审结"): after a comma, not
# inside a number's thousands (2,054).
_FIRST = r"(?<![\d.])(?<!\d,)(?P<n>\d+)\s*"
# A count of reviews, then (no suit between) what became of them.
_REVIEWS = r"行政复议(?:案件?)?\s*(?:共计|共|有|为)?\s*\d+\s*[件起]\s*[,，](?:(?!诉讼)[^;。]){0,30}?"
_APPLIED_FOR = (
    r"(?:各类|有关|相关|任何|书面|要求)*的?(?:(?:政府信息公开|政务信息公开|信息公开|政务公开|依申请公开(?:政府信息)?|公开)"
    r"(?:事务|事项)?的?(?:书面)?申请(?:件|事项|案件)?"
    r"|申请(?:政府)?信息公开(?:的?请求)?|申请公开(?:政府)?信息的?(?:要求|请求))"  # 收到申请政府信息公开26件(次), …请求1件; 接收…申请件共4件
)
# 共受理依申请公开信息4件, 收到依申请信息公开6件, 收到政府信息依申请公开办理事项1件,
# 受理依申请政府信息公开5件
_ON_APPLICATION = r"(?:政府)?(?:信息)?依申请(?:政府)?(?:信息)?公开(?:的?(?:政府|政务)?信息)?(?:办理)?"
_ASKED = r"(?:要求|申请|关于)?公开(?:政府)?信息的申请"  # 未收到要求公开政府信息的申请
# Where a count follows, the noun may be left out (收到依申请公开共525件).
# 依申请公开办件0件, 共收到依申请件0件
# 收到依申请公开信件2件, 收到依申请公开信函申请数15件: the applications as the letters they came in;
# 受理依申请735件: 依申请 alone before its count
_APPLICATION = (
    rf"(?:{_APPLIED_FOR}|(?:各类)?{_ON_APPLICATION}(?:的?申请|事项|案件|办件|信件|信函(?:申请)?|件)?|{_ASKED}|依申请件"
    rf"|(?:政府)?信息申请公开|申请公开件|依申请(?:政府)?(?:信息)?(?=\s*(?:共计?|合计)?\s*\d))"  # 受理依申请信息5件, 收到申请公开件92件
)
# What "no application" names where no count follows: the noun must be there (未收到依申请公开件,
# 未收到依申请公开请求, 未收到依申请公开事宜, 未收到…的依申请公开诉求, 没有发生依申请信息公开事件, 无依申请公开政府信息, 未收到政府信息申请公开
# 情况, 没有收到申请人要求公开政府信息的情况, 没有受理政府信息申请情况), so that "未收到群众对依申请公开工作的投诉" says
# nothing of applications.
_NO_SUCH = (
    rf"(?:{_APPLIED_FOR}|{_ON_APPLICATION}(?:方面)?的?(?:申请|事项|事宜|请求|诉求|要求|信件|来信|件|事件|情况|项目)|依申请公开的?(?:相关)?(?:政府)?信息"
    rf"|{_ASKED}|(?:政府)?信息申请公开|政府信息的?申请|申请公开(?:相关)?(?:政府)?信息$|要求公开(?:政府)?信息的?(?:情况|事项)"
    rf"|要求公开的(?:政府)?信息$"  # 未接到群众要求公开的信息
    # 未收到依法申请公开事项, 未收到任何形式的申请公开信息要求
    rf"|依法申请公开的?(?:政府信息的?)?(?:事项|申请)|申请公开(?:政府)?信息的?(?:要求|请求))"
)
# Every kind of applicant, named between receiving and the applications: "收到公民、法人和其他组织
# 提交的政府信息公开申请93件", "收到公民、法人依申请公开事项55件" count them all (one kind alone
# would be that kind's count).
_EVERY_APPLICANT = (
    # 受理向区政府提出的…申请60件: all made to it; 来自公民、法人或者其他组织对依申请公开…的申请;
    # 收到公众向州政府或州政府办公室提交的…申请42件
    r"(?:来自)?(?:(?:(?:公民|自然人)[、,和及与]?法人(?:(?:和|或|及|、|或者)其他(?:组织|团体))?|(?:社会)?公众|企业和群众|群众和企业|群众)"  # 群众 alone: everyone
    r"(?:向[\u4e00-\u9fff]{2,20}?)?(?:提交|提出|递交)?"
    r"|向[\u4e00-\u9fff]{2,20}?(?:提交|提出|递交))的?对?"
)
_BY_WAY = (  # 收到以信件、网络形式的…申请13件, 收到信件和在线依申请公开共计22件: all ways named
    r"(?:以[\u4e00-\u9fff、]{1,12}?(?:形式|方式)的?|(?:(?:信件|信函|网络|在线|网上|现场|当面|邮寄|传真)[和、及与]?){2,}的?)"
)
# Receiving: 受理, 收到, 接受 …, also "收到和办理" / "收到并妥善处理" (what came in was handled).
_RECEIVED = r"(?:受理|收到|接到|接收|接受|新收)(?:了|到)?(?:(?:和|并)?(?:妥善)?(?:办理|处理|办结|答复)(?:了)?)?"  # 受理答复…申请2件
_CONTEXT = re.compile(r"信息公开|依申请|公开申请|申请公开|公开政府信息的?申请")  # 未收到…提出的公开政府信息的申请
# "未因信息公开申请引发行政复议、行政诉讼": 未因 as 未发生.
_NEGATION = r"(?:(?:未|没有|没)(?:发生|收到|接到|出现|产生|受理|有|接收|涉及|提起|引起|引发|因)|没有|不存在|不涉及|无(?!法|论|正当))[过到]?"

# A count in a clause that first compares, looks back or sums over years is not the year's.
# "2013年以来" is since that year began: the year named decides (``_NAMED_YEAR``).
_YEAR_SPAN = re.compile(r"\d{4}\s*年?\s*[-—–~至到]\s*\d{4}\s*年")
_NOT_THIS_YEAR = re.compile(
    r"上年|去年|上一年|同比|较|比上|比去|相比|历年|至今|(?<!今年)(?<!本年)(?<!年初)(?<!\d年)(?<!\d年度)(?<!月)(?<!月份)以来"
)
_BREAKDOWN = "其中"
# A sentence that goes on with the one before: its breakdown, its outcomes ("处理结果中,部分公开2件"),
# or what the applications were about, who made them or how (申请内容主要涉及…, 申请人全部为公民,
# 申请渠道以信函申请为主).
_CONTINUED = (_BREAKDOWN, "处理结果", "办理结果", "答复结果", "申请内容", "申请人", "申请渠道", "申请方式")
# "…收到…政府信息公开申请93件。当年办结93件,…不予公开32件", "…受理依申请公开136件,…。同意公开
# 107件,部分公开7件": what became of them, in the next sentence.
# Also after 经依法办理, and a sentence on all the applications ("依法对全部申请进行了…处理…,其中
# “予以公开”17件").
_OUTCOMES_NEXT = re.compile(
    r"(?:经(?:依法)?[\u4e00-\u9fff]{0,4}?(?:办理|审查|审核)\s*[,，]?\s*)?"  # 经审核分类办理, 经核查办理
    r"(?:(?:当年|全年|本年度?|年内|目前)?(?:依法)?(?:共|已|均已|全部)?(?:办结|答复)"
    r"|(?:同意|予以|准予|部分|不予)公开(?:[及和]部分公开)?\d"
    r"|\d+\s*[件宗项](?:政府信息公开)?申请(?:均|全部))"  # 5件申请均在法定期限内办结(部分公开1件,…)
    r"|(?:依法)?对(?:全部|所有|上述)?申请|(?:未|没有)发生|结转|剩余"
    r"|在?[^,;\d]{0,8}?\d+\s*[件宗项](?:政府信息公开)?申请中"  # 在答复办结的303宗申请中:予以公开127宗; 45件申请中,…
    r"|(?:所有|全部)?答复件中"  # 所有答复件中,…不予公开的1件
    r"|另有\d+\s*[件宗项]"  # 另有4件结转下一年度继续办理
)
# 未经复议直接起诉1件, 经复议后起诉的行政诉讼0件: one of the two 诉讼 groups, its total
_ONE_KIND_OF_SUIT = re.compile(r"直接|复议后|经复议")
_DIRECT_SUIT = re.compile(r"直接|未经复议")
# 办结 counts any cases: read it only where the segment names no other kind (审批事项, 投诉件 …).
_OTHER_CASES = re.compile(r"审批|(?<!公开)事项|收件|信访|投诉|咨询|留言|诉求|案件")
_SHARE = re.compile(r"\s*[,(]?\s*占")  # "…122条,占28.7%": one part's share of a total
# 收到13件(含上年结转2件), 收到…30件(其中1件为上年度结转)
_INCLUDES_CARRIED = re.compile(r"\s*[,(]?\s*(?:含|包括|其中)[^,;)]{0,8}结转")


# After 规范性文件, close to it, with no count between but the row's own ("制发规范性文件17件,废止
# 30件"; not "规范性文件16件(以市政府名义印发7件…)" nor "规范性文件栏目共公开文件46件,其中…废止2件").
_DOCUMENTS = (
    r"规范性文件(?:\d+件[,、])?[^;\d()]{0,16}?"
    r"(?:(?:制发|出台|印发|发布|废止|失效|现行有效)(?:件数)?\d+件[,、])*"
)
# 规章 in the segment or clause: a count after 规范性文件, or none, may be both rows' or the 规章 row's.
_RULES = "规章"


@dataclass(frozen=True)
class _Pattern:
    key: str
    regex: re.Pattern[str]
    context: bool  # the sentence must be about disclosure applications
    total: bool  # a total: not read inside a breakdown (其中…)


def _p(key: str, pattern: str, context: bool = True, total: bool = False) -> _Pattern:
    return _Pattern(key, re.compile(pattern), context, total)


# Every one of them: "均…予以公开", "全部为自然人申请", "均在法定期限内办结" (not 其余均…).
_ALL_OF = r"(?<!其余)(?<!其他)(?<!剩余)(?:均|全部|全都|皆)(?:已|系)?"
# "收到…申请17件,均在法定期限内办结", "5件申请均在法定期限内办结": every application handled, so
# 申请.办理总计 is the count received, where no carry-over either side is stated (``_all_handled``).
_ALL_HANDLED_KEY = "申请.办理总计 (all of them)"
# 收到和处理…N件 counts those handled too, but of this year's only: read where both carry-overs are said to be none
_RECEIVED_AND_HANDLED_KEY = "申请.办理总计 (received and handled)"
_ALL_HANDLED = re.compile(rf"{_ALL_OF}(?:《[^》]{{1,40}}》|[^,;:。\d]){{0,16}}?(?:办结|答复完毕|办理完毕)")  # 均已按照《条例》…答复完毕

_OUTCOMES = (
    "申请.予以公开",
    "申请.部分公开",
    "申请.不予公开",
    "申请.无法提供",
    "申请.不予处理",
    "申请.其他处理",
)
_ABOUT_DISCLOSURE = r"(?:(?:有关|关于|涉及|因)(?:政府)?信息公开(?:工作)?的?)?"
_PATTERNS: tuple[_Pattern, ...] = (
    _p(
        "申请.新收",
        rf"{_RECEIVED}(?:{_BY_WAY})?(?:{_EVERY_APPLICANT})?{_APPLICATION}(?:总数|数量|数)?{_QTY}{_COUNT}",
        context=False,
        total=True,
    ),
    _p(
        "申请.新收",
        rf"{_RECEIVED}{_QTY}{_N}(?:件|条|起|个|项|份)的?(?:{_ON_APPLICATION}|{_APPLIED_FOR})",
        context=False,
        total=True,
    ),
    # "本街道2017年共收到申请2件" under 三、政府信息依申请公开情况: 申请 alone, where the sentence or
    # its heading is about disclosure applications.
    # "2022年,收到申请公开21条" in such a sentence: 申请公开 alone likewise.
    _p("申请.新收", rf"{_RECEIVED}{_QTY}(?:{_EVERY_APPLICANT})?(?:相关|有关)?的?申请(?:公开|书)?{_QTY}{_COUNT}", total=True),
    # 依申请公开共受理2件: the applications first, then receiving them (依申请公开受理和办结6件)
    _p(
        "申请.新收",
        rf"{_ON_APPLICATION}(?:申请)?{_QTY}(?:受理|收到)(?:(?:和|并)(?:办结|答复))?{_QTY}{_COUNT}",
        context=False,
        total=True,
    ),
    _p("申请.上年结转", rf"上一?年度?(?:结转|转结)的?(?:政府信息公开)?(?:申请|办理|答复)?(?:数量|数)?{_QTY}{_COUNT}"),
    _p("申请.上年结转", rf"结转上一?年度?的?(?:政府信息公开)?(?:申请)?{_QTY}{_COUNT}"),  # 结转上年2件, 结转上年…申请0件
    _p("申请.上年结转", rf"\(\s*其中{_FIRST}件(?:为|是|系)?上一?年度?结转"),  # 收到…30件(其中1件为上年度结转)
    # "2021年结转政府信息公开申请2件" in the report on 2022 (the year checked in ``_segment_facts``)
    _p("申请.上年结转", rf"(?P<from>\d{{4}})\s*年度?结转(?:的)?(?:政府信息公开)?(?:申请)?{_QTY}{_COUNT}"),
    # "其中,2023年新收政府信息公开申请354件": 新收 named, a part of a total received and carried over
    _p("申请.新收", rf"新收(?:到)?的?(?:政府信息公开|信息公开|依申请公开)?申请{_QTY}{_COUNT}"),
    _p(_ALL_HANDLED_KEY, rf"{_FIRST}[件宗项](?:政府信息公开)?申请{_ALL_HANDLED.pattern}"),
    # "共收到和处理依申请公开28件,无上年和下年结转": received and handled, one count for both
    _p(_RECEIVED_AND_HANDLED_KEY, rf"(?:收到|受理|接到)(?:和|并)(?:处理|办理|办结)(?:了)?{_QTY}{_APPLICATION}{_QTY}{_COUNT}"),
    _p("申请.予以公开", rf"(?<!部分)(?<!不)(?:同意|予以|准予)(?:全部|主动)?公开{_Q}的?(?:答复)?数?{_QTY}{_COUNT}"),  # 依申请予以主动公开的4件
    # the count first: "45件申请中,8件予以公开,…,17件部分公开,2件不予公开,1件不再重复处理" (另有4件结转
    # 下一年度 is read by the carried-on count first, below)
    *(_p(key, rf"(?:^|(?<=[,;:]))\s*{_FIRST}件(?:申请)?{words}")
      for key, words in (("申请.予以公开", r"(?:予以|同意)(?:全部)?公开(?![率的])"), ("申请.部分公开", "部分公开"),
                         ("申请.不予公开", "不予公开(?![率的])"), ("申请.其他处理.逾期不补正", "逾期(?:不|未)补正"),
                         ("申请.不予处理.重复申请", "(?:不再重复处理|属于重复申请)"))),  # fmt: skip
    _p("申请.部分公开", rf"{_NOT_SECOND}部分公开{_Q}的?(?:答复)?数?{_QTY}{_COUNT}"),
    _p("申请.不予公开", rf"{_NOT_SECOND}(?:不予|不同意)公开{_Q}的?(?:答复)?数?{_QTY}{_COUNT}"),
    _p("申请.无法提供", rf"{_NOT_SECOND}无法提供{_Q}的?(?:答复)?{_QTY}{_COUNT}"),
    _p("申请.不予处理", rf"{_NOT_SECOND}不予处理{_Q}的?{_QTY}{_COUNT}"),
    _p("申请.其他处理", rf"其他处理{_Q}的?{_QTY}{_COUNT}"),
    _p("申请.无法提供.不掌握", rf"(?:因)?本机关不掌握(?:相关)?(?:政府)?(?:信息)?的?{_QTY}{_COUNT}"),  # 本机关不掌握的22件
    # "属于三类内部事务信息不予公开的1件", "没有现成信息需要另行制作6件"
    _p("申请.不予公开.内部事务", rf"内部事务(?:信息)?(?:不予公开)?的?{_QTY}{_COUNT}"),
    _p("申请.无法提供.需另行制作", rf"需要?另行制作的?{_QTY}{_COUNT}"),
    _p("申请.办理总计", rf"(?:已|均已|全部)?(?:办结|办理完成|办理完毕)(?:了)?的?(?:政府信息公开)?(?:申请|{_ON_APPLICATION}(?:事项)?)?{_QTY}{_COUNT}"),
    _p("申请.结转下年", rf"下一?年度?继续办理{_QTY}{_COUNT}"),  # 下年度继续办理81件
    _p("申请.结转下年", rf"下一?年度?结转(?:件|的申请)?{_QTY}{_COUNT}"),  # 下年结转件2件
    _p("申请.结转下年", rf"(?:结转|转结|转接|(?<![\u4e00-\u9fff])转)(?:至|到)?下一?年度?(?:继续)?(?:办理|答复|处理)?的?(?:申请)?{_QTY}{_COUNT}"),
    # "结转至2024年办理0件": the next year named (a carry-over goes to no other).
    _p("申请.结转下年", rf"结转(?:至|到)?(?P<to>\d{{4}})\s*年度?(?:继续)?(?:办理)?的?{_QTY}{_COUNT}"),
    # 另有810件顺延到下年度答复, 剩余2件结转下年度继续办理: the number comes first, so Arabic digits only.
    _p("申请.结转下年", rf"{_FIRST}[件项起](?:申请)?(?:顺延|结转|转结|转)(?:到|至)?(?:下一?年|\d{{4}}\s*年)度?"),
    _p("复议.总计", rf"(?:行政|(?<=涉及))复议(?:案件?|申请)?(?:数量|数)?{_QTY}{_COUNT}"),  # 涉及复议0件,诉讼0件; 行政复议数量0件
    # "行政复议7件,结果维持6件,尚未审结1件", "…复议案件5件,结果维持3件,结果纠正1件,正在复议1件"
    _p("复议.维持", rf"{_REVIEWS}(?:复议)?(?:结果)?(?:为)?维持{_QTY}{_COUNT}"),
    _p("复议.纠正", rf"{_REVIEWS}(?:复议)?(?:结果)?(?:为|被)?纠正{_QTY}{_COUNT}"),
    _p("复议.未审结", rf"{_REVIEWS}(?:尚未审结|未审结|正在复议|正在审理)的?{_QTY}{_COUNT}"),
    _p("复议.维持", rf"行政复议(?:案件)?(?:结果)?(?:为|均为)?维持{_QTY}{_COUNT}"),  # 其中行政复议结果维持3件
    # the count first: "发生行政复议4件,其中3件维持,1件尚未审结"
    _p("复议.维持", rf"{_REVIEWS}{_FIRST}[件起](?:结果为?|被)?维持"),
    _p("复议.纠正", rf"{_REVIEWS}{_FIRST}[件起](?:结果为?)?被?纠正"),
    _p("复议.未审结", rf"{_REVIEWS}{_FIRST}[件起](?:尚未审结|未审结|正在审理)"),
    # "办理政府信息公开类行政复议7件,均获维持": every one upheld.
    _p("复议.维持", rf"行政复议(?:案件?|申请)?{_QTY}{_COUNT}\s*[,，]?\s*(?:均|全部|全都)(?:获|被|予以|得到)?维持"),
    # 行政复议1件,尚未审结 / 行政复议1起,正在办理中: the one review still pending
    _p("复议.未审结", rf"行政复议(?:案件?|申请)?{_QTY}{_COUNT}\s*[,，]?\s*(?:尚未审结|尚在审理|正在(?:审理|办理))"),
    _p("诉讼.总计", rf"(?:提起)?(?:行政)?诉讼(?:案件?)?(?:数量|数)?{_QTY}{_COUNT}"),
    # the count first: "收到1件行政复议、1件行政诉讼"
    # "发生2起关于政府信息公开的行政诉讼案件": what they were about between
    _p("复议.总计", rf"(?:收到|发生|受理){_FIRST}[件起]{_ABOUT_DISCLOSURE}行政复议(?!案件?\s*\d)"),
    _p("诉讼.总计", rf"(?:收到|发生|受理|、){_FIRST}[件起]{_ABOUT_DISCLOSURE}行政诉讼(?!案件?\s*\d)"),
    _p(
        "规范性文件.本年制发",
        rf"(?:制发|出台|印发|制定)(?:了)?(?:并(?:公开|发布|印发))?(?:行政)?规范性文件{_QTY}{_COUNT}",  # 制定并公开…8件
        context=False,
    ),
    # "本年度制发行政规范性文件1件,废止行政规范性文件2件": the year's, where the year is said (not
    # "梳理出继续有效规范性文件66件,废止规范性文件6件", a clean-up's result)
    _p("规范性文件.本年废止",
       rf"(?:本年度?|全年|今年|年内)(?:[^;。\d]|\d+件[,、]){{0,40}}?废止(?:了)?(?:行政)?规范性文件{_QTY}{_COUNT}", context=False),
    # or where the row is written out verb first: "制发行政规范性文件2件,废止规范性文件5件"
    _p("规范性文件.本年废止",
       rf"(?:制发|出台|印发|制定)(?:了)?(?:行政)?规范性文件\d+件[,、]废止(?:了)?(?:行政)?规范性文件{_QTY}{_COUNT}", context=False),
    # The 规范性文件 row written out: "对主动公开规范性文件进行全面清理,本年度制发0件,废止0件,现行
    # 有效2件", "本年出台行政规范性文件:制发件数2件,废止件数1件,现行有效件数22件"
    _p("规范性文件.本年制发", rf"{_DOCUMENTS}(?:本年度?)?(?:制发|出台|印发)(?:件数)?{_QTY}{_COUNT}", context=False),
    _p("规范性文件.本年废止", rf"{_DOCUMENTS}(?:本年度?)?废止(?:或失效|和失效)?(?:件数)?{_QTY}{_COUNT}", context=False),
    _p("规范性文件.现行有效", rf"{_DOCUMENTS}现行有效(?:件数)?{_QTY}{_COUNT}", context=False),
    _p("规范性文件.现行有效", rf"现行有效的?(?:行政)?规范性文件{_QTY}{_COUNT}", context=False),
    # 第二十条's decisions written out: "行政许可处理决定数量7556件", "行政许可2022年处理决定数量450项"
    # "行政处罚30项,较2018年无增减,处理决定数量7件": the kind, then its decisions in its segment
    *(_p(f"{kind}.处理决定数", rf"{kind}(?:事项)?[^;。]{{0,30}}?处理决定(?:数量|数|件数)?{_QTY}{_COUNT}", context=False)
      for kind in ("行政许可", "其他对外管理服务事项", "行政处罚", "行政强制")),
)
ACTIVE_KEY = "主动公开.条数"
# The kinds of applicant a sentence may count, by the table's column names.
_APPLICANT_KINDS = ("自然人", "商业企业", "科研机构", "社会公益组织", "法律服务机构")
# Every facet a sentence can state but the applicants' kinds, which a sentence states only beside
# the applications received (``stated_in_prose``; a group holding only these was not read from a table).
STATED_KEYS = frozenset(p.key for p in _PATTERNS) | {ACTIVE_KEY}

# "行政复议及行政诉讼0件": one number for both, so only 0 says what each was.
_BOTH = (
    rf"行政复议(?:案件|程序)?(?:及|和|与|、|或)(?:提起)?(?:行政)?诉讼(?:[和及、]申诉)?(?:案件|程序)?(?:的?情况)?(?:均|都)?(?:数量|数)?{_QTY}"
)
_BOTH_ZERO = re.compile(rf"{_BOTH}(?:(?P<n>0|零)\s*(?:件|起|次)|为?零(?![\u4e00-\u9fff]))")  # …行政诉讼情况均为零
# "全年行政复议和行政诉讼2件次": one count for both, neither's.
_BOTH_COUNTED = re.compile(rf"{_BOTH}[1-9]\d*\s*(?:件|起|次)")
# 答复13870件 is the number handled only where new + carried = handled + carried on (checked later).
_REPLIED = re.compile(rf"(?<!同意)答复(?:了)?(?:政府信息公开)?(?:申请)?{_QTY}{_COUNT}")
# "全年共办理依申请公开55件", "收到依申请公开164件,结转上年2件;办理85件": handled, which may also
# count what is still pending ("共办理…114件(含2019年结转18件),办结113件"), so read like 答复, where
# the table's own check holds. Not "收到和办理…9件", "上年结转…办理数量", "结转至2024年办理0件",
# "不予办理0件" nor "建议提案办理1条".
_HANDLED = re.compile(
    rf"(?:(?:^|(?<=[,;]))(?:(?!结转|转|办结|和|并|接受|受理|收到)[^,;\d]){{0,12}}?(?:全年)?(?:共)?办理(?:了)?"
    rf"(?:{_ON_APPLICATION}|{_APPLIED_FOR})|(?:^|(?<=[件项条][,;]))办理){_QTY}{_COUNT}"
)

# Who applied may stand between receiving and the application ("未收到权利人申请公开政府信息的申请",
# "未接到公民、法人和其他组织提出的政府信息公开申请", "未收到和处理政府信息公开申请").
_NOT_RECEIVED = r"(?:未|没有|没|无)(?:收到|受到|接到|受理|接收)(?:受理)?过?(?P<between>[^,;:!?。\d]{0,30}?)"
# A kind of applicant in the breakdown of the applications received.
# Other names of the table's columns: 企业 for 商业企业 ("其中自然人34件,企业1件"), 公民 for 自然人 and
# 其他组织 for 其他 ("其中来自公民申请1482宗,…,其他组织申请25宗")
_APPLICANT_KIND = re.compile(
    rf"({'|'.join(_APPLICANT_KINDS)}|(?<![或和及、与])其他组织|其他(?=申请|提出)|(?<!商业)企业|(?<![、,])公民(?![、,和或及]))(?:申请|提出)?的?{_QTY}{_COUNT}"
)
_KIND_NAMES = {"企业": "商业企业", "公民": "自然人", "其他组织": "其他"}
_KIND_FIRST = re.compile(  # "26件为自然人申请": the count first
    rf"(?:^|(?<=[,;]))\s*{_FIRST}件(?:为|是|系|属于?)(?:由)?(?P<kind>{'|'.join(_APPLICANT_KINDS)}|公民)(?:申请|提出)"
)
# "依申请受理信息公开申请:无": the count given as none after a colon
_NONE_AFTER_COLON = re.compile(rf"(?:依申请)?{_RECEIVED}(?:{_EVERY_APPLICANT})?{_APPLICATION}\s*:\s*(?:无|没有)\s*$")
_NO_APPLICATION = re.compile(rf"(?:{_NEGATION}|{_NOT_RECEIVED}){_NO_SUCH}")
# "无单位或个人申请政府信息公开": no applicant applied
_NO_APPLICANT = re.compile(
    rf"(?:无|没有)(?P<between>(?:单位|个人|公民|法人|组织|群众|企业)[^,;:!?。\d]{{0,16}}?)(?:提出|提交|递交)?{_NO_SUCH}"
)
# "我镇2016年度无申请" under 三、依申请公开政府信息…情况, "我镇未接收受理过依申请公开" under
# (二)依申请公开: the bare noun ends the clause.
_NO_BARE_APPLICATION = re.compile(rf"(?:{_NEGATION}|{_NOT_RECEIVED})(?:依?申请|依申请公开)\s*$")
_NO_REVIEW = re.compile(rf"{_NEGATION}[^,\d]{{0,30}}?复议")
_NO_SUIT = re.compile(rf"{_NEGATION}[^,\d]{{0,40}}?诉讼")
# "未发生…被行政复议纠错或行政诉讼败诉情形": no case was lost, which says nothing of how many there were.
_OUTCOME = re.compile(r"纠错|纠正|败诉|撤销|确认违法|被改变|被纠")
# Applicants named: persons (群众 alone is everyone) and bodies; one kind alone is not all.
_PERSONS = re.compile(r"公民|公众|自然人|个人")
_BODIES = re.compile(r"法人|组织|企业|单位")
_EVERYONE = re.compile(r"社会公众|社会各界|任何")  # 未收到社会公众提出的…申请
# "未产生政府信息公开事务诉讼相关的费用支出": a sentence about fees, not about suits.
_FEES = re.compile(r"费用|收费|支出")
_CASES = re.compile(r"复议|诉讼")
_CASES_HEADING = re.compile(r"行政复议[、和及与]?(?:提起)?行政诉讼|行政诉讼[、和及与]?行政复议")
# "本年度未发布、废止行政规范性文件、无现行有效行政规范性文件": the 规范性文件 row all 0.
_NO_DOCUMENTS = re.compile(
    r"(?:未|没有|无)(?P<verbs>(?:(?:制发|发布|出台|印发|制定|废止|修改|修订|清理)[、和及]?)+)的?(?:新的?)?(?:行政)?规范性文件"
)
_MADE = re.compile(r"制发|发布|出台|印发|制定")
_NONE_CARRIED = re.compile(r"(?:无|没有)上一?年度?(?:的)?结转")  # 受理…19条,无上年度结转
_NONE_CARRIED_EITHER = re.compile(r"(?:无|没有)上一?年度?(?:和|及|与|、)下一?年度?的?(?:结转|转结)")  # 无上年和下年结转
# "2023年未转结政府信息公开申请" in the report on 2024: nothing carried over from the year before
_NONE_CARRIED_FROM = re.compile(
    r"(?P<from>\d{4})\s*年度?(?:未|没有|无)(?:结转|转结)"
    r"|(?:没有|无)(?P<from2>\d{4})\s*年度?的?(?:结转|转结)"  # 我委没有2021年结转的政府信息公开申请事项
)
# "没有结转到2023年的政府信息公开申请事项" in the report on 2022: nothing carried on to the next year
_NONE_CARRIED_TO = re.compile(r"(?:未|没有|无)(?:结转|转结)(?:至|到)(?P<to>\d{4})\s*年")
_NONE_CARRIED_ON = re.compile(r"(?:无|没有)(?:结转|转结)(?:至|到)?下一?年度?")  # 无转结下年度继续办理件
_NONE_IN_FORCE = re.compile(r"(?:无|没有)现行有效的?(?:行政)?规范性文件")
_ITEM_NUMBER = re.compile(r"^\s*\d{1,2}\s*[、.．]")  # "3、本年度没有出现…": an item's number, no count
_JOINED = re.compile(r"且|并且|同时|(?<=[件情况])也")  # two statements in one clause
# A year the text names for what follows, not a date in it (2019年5月15日起施行).
# The year applications were carried over to or from, or one compared with (比2019年减少3项),
# names no topic ("结转至2024年办理0件,不予公开32件", "结转2020年继续办理的6件。同意公开107件",
# "2021年结转政府信息公开申请2件,共办结10件").
_NAMED_YEAR = re.compile(r"(?<!\d)(?<!结转)(?<!结转至)(?<!结转到)(?<![比较])(\d{4})\s*年(?!\s*\d{1,2}\s*月)(?!度?结转)")
# "截至2019年12月底,累计主动公开政府信息10220条": a running total up to a day, not the year's.
# "截至2024年12月31日,…全年累计主动公开…222条" sums the year only.
# "到2014年底累计共主动公开政府信息1323条" likewise.
_CUMULATIVE = re.compile(
    r"(?:截[至止]|到目前|目前为止|迄今|以来|[到至]\s*\d{4}\s*年(?:底|末))(?:(?![全本今当]年)[^。])*累计(?:共计?)?$"
)
# In reports on 2021 and later, "截至2022年12月31日,山城镇政府累计主动公开政府信息945条" counts the
# year: golds read it so, where before 2021 such sentences mostly count from 2008 (湖南绥宁县
# 2019: "截至2019年12月底,累计主动公开政府信息10220条"). Read only where no sentence states the
# year's count.
_TO_YEARS_END = "主动公开.条数 (to the year's end)"
_YEARS_END = re.compile(r"截[至止]到?\s*(?P<y>\d{4})\s*年\s*(?:12\s*月\s*(?:31\s*日|底|末)|底|末)")
_COUNTED_TO_ITS_END_SINCE = 2021
_SINCE_YEAR = re.compile(r"(?<!\d)(?P<y>\d{4})\s*年度?以来")
_YEAR_COUNT = re.compile(r"(?<!\d)(?P<y>(?:19|20)\d{2})\s*年度?(?P<n>\d+)\s*条")  # 2009年11条
# "高新区管委会累计主动公开政府信息272条。2010年新增主动公开政府信息57条": 累计 in a sentence
# that names no time is the running total; "2020年,全镇累计主动公开…" is the year's.
_RUNNING = re.compile(r"目前|总计|累计|截[至止]|至今|迄今")  # a running total among a breakdown's clauses
_SINCE_IT_BEGAN = re.compile(r"至今|迄今|以来")  # 公众号开通至今,…累计发布508条: since a channel began
# A year named (2020年, 全年, 本年度 …); with 年度 alone and a span of days (…1月1日至12月31日) the time a
# 累计 count runs over.
_YEAR_SAID = re.compile(r"\d{4}\s*年度?|[全本今当]年度?|年内|一年来")
_TIME_WORD = re.compile(rf"{_YEAR_SAID.pattern}|年度|\d{{1,2}}\s*月\s*\d{{1,2}}\s*日\s*(?:至|到)")
# "…共主动公开政府信息615条,今年新增94条": what the year added is the year's count.
_ADDED = re.compile(rf"(?:今年|本年度?|全年|当年)新增(?:了)?的?(?:主动公开)?的?(?:政府)?(?:信息)?{_QTY}{_ITEMS}")
# "…累计共主动公开政府信息1323条,其中2014年主动公开政府信息130条": the named year's part, where
# it is the report's year.
_YEARS_PART = re.compile(
    rf"其中\s*[,:]?\s*(?P<year>\d{{4}})\s*年度?(?:新增)?主动公开(?:了)?的?(?:政府|政务)?(?:信息)?{_QTY}{_ITEMS}"
)
# Every application received had one outcome or came from one kind of applicant, in words after
# the count ("受理依申请公开15件,其中自然人12件,商业企业3件,均依据国家有关法律规定予以公开",
# "共收到和办理依申请公开9件,全部为自然人申请"); not the rest of them (其余均予以公开), nor one
# of two outcomes (均予以公开或部分公开).
_CLAUSE_ENDS = r"\s*(?:[,;:]|$)"
_ALL_DISCLOSED = re.compile(
    rf"{_ALL_OF}(?:依法|(?:依据|依照|按照?)[^,;:\d]{{0,16}}?)?(?:予以|同意)(?:全部)?公开(?:答复)?{_CLAUSE_ENDS}"
)
_ALL_PERSONS = re.compile(  # …5件,均为自然人网上申请: how they applied may follow
    rf"{_ALL_OF}(?:是|为|属于?)(?:由)?(?:自然人|公民个人)(?:网上|在线|线上|当面|书面|信函)?(?:申请|提出)?的?(?:申请)?{_CLAUSE_ENDS}"
)
_PERSONS_ASIDE = re.compile(r"\s*\((?:均为|全部为|皆为|均系)?(?:自然人|公民个人)(?:申请|提出)?(?:的?申请)?\)")  # …1件(自然人申请)
_COUNTED = re.compile(r"\d\s*(?:件|条|个|项|份|宗|起|次)")
# "3.应主动公开的其他信息:…本年度新增信息3条": one category of a list, not the whole.
_CATEGORY = re.compile(r"\s*\d{1,2}\s*[.、][^,。:]{1,20}:")
_PERCENT = re.compile(r"\d+(?:\.\d+)?\s*%")
_DATES = re.compile(r"\d{4}\s*(?:年度?|(?=全年))|\d{1,2}\s*月(?:\s*\d{1,2}\s*日)?")  # "2017年未收到…" states no count

# --- proactive disclosure -------------------------------------------------------

# 主动公开(政府信息)(数)N条, 主动公布政府信息共计304条; the object may only be information itself,
# not 规章 or 采购信息, or the body's own (主动公开长桥乡人民政府信息57条, 主动公开街道信息423条).
_OWNER = r"(?:[\u4e00-\u9fff]{0,10}?(?:乡|镇|街道|苏木|人民政府|局|委)(?=(?:政府|政务)?信息))"
_ACTIVE = re.compile(  # not 依申请予以主动公开的4件, an application's outcome; 政府信息文件113件 counts too
    rf"(?<!予以)(?<!依申请)主动(?:向社会)?(?:公开|发布|公布)(?:公开|发布)?(?:了)?的?(?:各类|各种|各项|本?年度)?{_OWNER}?(?:政府|政务)?(?:公开)?(?:本级)?(?:信息(?:文件)?|内容)?(?:的有|的?(?:数|数量|总数|总量|件数|条数))?(?:累计)?{_QTY}{_ITEMS}"
)
# 发布政务信息2035篇, 共公开信息314条 count only under a 主动公开 heading or in a 主动公开 sentence;
# information without 政府/政务 only as the whole (共, 累计, 全年): "公众号发布信息672条" is one channel;
# 全年政务公开信息共44条 likewise.
# Not the 公开 of 依申请公开 or of 主动公开 (which ``_ACTIVE`` reads).
_PUBLISHED = re.compile(
    rf"(?:(?<!申请)(?<!主动)(?:(?:公开)?发布|公开|公布)(?:了)?(?:各类)?(?:政府|政务)"
    rf"|(?:共计?|累计|全年|(?P<y>\d{{4}})\s*年度?)(?:政务|政府)?(?:公开)?(?:发布|公开)(?:了)?(?:各类)?)信息{_QTY}{_ITEMS}"
)
# Kinds, fields or channels listed and closed by 等 before the information: "主动公开最新要闻、
# 视频新闻、公示公告…等信息1384条", "通过门户网站、微信公众号、微博等渠道公开各类信息1812条",
# "围绕户籍政策、社会救助…等领域公开各类信息10条". The list may be all of them or some
# ("主动公开与本部门职能相关热点…等信息258条", "在各级媒体…等载体公开信息5327条" after the
# total): read only where no sentence states the count otherwise (``_LISTED``).
# …等方面政府信息240條, …公益事业建设事项等共计94条, …扶贫开发、水利建设以及其他信息共计547条
_LIST_END = r"(?:等(?:方面|领域|类)?的?(?:各类|需要?公开的)?|以?及其他)"  # …等需要公开的政府信息共计328条
_ACTIVE_LISTED = re.compile(  # a year may be one of the list's words (主动公开2022年印发的规范性文件…)
    rf"主动(?:向社会)?(?:公开|发布)(?:了)?(?:[^,;:。\d]|\d{{4}}年){{1,80}}?{_LIST_END}(?:(?:政府|政务)?信息|内容)?{_QTY}{_ITEMS}"
)
_PUBLISHED_LISTED = re.compile(
    rf"(?:等(?:渠道|平台|载体|途径|方式|领域|方面|公众媒体|媒体)(?:共|累计)?(?:公开|发布)(?:了)?(?:各类)?"
    rf"|(?:公开|发布)(?:了)?[^,;:。\d]{{1,60}}?{_LIST_END})(?:政府|政务)?信息{_QTY}{_ITEMS}"  # 及时公开单位基本信息、…等信息103条
)
_LISTED = "主动公开.条数 (listed)"  # the count a 等-list states, kept apart until the end
# "2023年,旧堡街道办事处通过铁东区门户网站公开信息59条": one channel's count, in a part on 主动公开.
# It is the whole only where the part counts items on no other channel (``_one_channel``).
_ON_ONE_CHANNEL = "主动公开.条数 (one channel)"
# "2019年,共发布政府信息151条", "全年公开政府信息74条" in a report's overview, under no heading on
# 主动公开: the year's information made public is its proactive count (applications are counted in
# 件 as applications). The weakest reading, taken only where nothing else states the count.
_THE_YEARS_INFORMATION = "主动公开.条数 (the year's information)"
_ANY_COUNT = re.compile(r"\d\s*(?:余|多)?\s*(?:条|篇|件)")  # "7700余条" too
# the disclosed information as one part of the site's (主动公开文件数232条, 发布政府信息公开信息共399条);
# not the site's 法定主动公开内容 column, nor items named after disclosure (政府信息公开指南1条)
_DISCLOSED_PART = re.compile(r"(?<!法定)主动公开(?:政府|政务)?(?:信息|文件)|信息公开信息")
_CHANNEL_PUBLISHED = re.compile(rf"(?:公开|发布|公布)(?:了)?(?:各类|各项)?(?:政府|政务)?信息{_QTY}{_ITEMS}")
# the patterns that read a weaker count, kept apart under these keys until the end
_WEAKER_KEY = {_ACTIVE_LISTED: _LISTED, _PUBLISHED_LISTED: _LISTED, _CHANNEL_PUBLISHED: _ON_ONE_CHANNEL}
# 制作、获取政府信息总数3618条,其中主动公开政府信息1853条; 共发布政府信息75条,其中,主动公开67条:
# here 其中 splits all information by kind, and the 主动公开 part is the count. Not documents
# (公开政府信息43条,其中主动公开公文信息2条,主动公开率100%: the 公文 among them).
_MADE_THEN_ACTIVE = re.compile(
    rf"(?:制作、?获取(?:各类)?|制作|制发|发布|公开)的?(?:政府|政务)?信息(?:总数|总量)?{_QTY}\d+\s*[条件]\s*[,;。]\s*其中\s*[,:]?\s*"
    rf"主动公开(?:政府|(?!公文)[\u4e00-\u9fff]{{2}}(?=信息))?(?:信息|文件)?(?:数|数量)?{_QTY}{_ITEMS}"  # 主动公开水务信息405件
)
_PART = re.compile(r"(?<![\d.,])(\d+)\s*(?:条|件|篇)(?!\s*[%％])")
_NOT_ITEMS = re.compile(r"办件|访问|浏览|点击")  # counts in a breakdown that are no items disclosed
_CHANNEL = re.compile(r"网站|门户|主页|微信|微博|公众号|APP|客户端|头条|抖音|公示栏|报纸|新媒体|公报|政报")
_SEVERAL_CHANNELS = re.compile(  # 通过市政府网站、单位网站; 通过门户网站、微信公众号等平台
    rf"(?:{_CHANNEL.pattern})[^,;]{{0,15}}?[、和及与][^,;]{{0,15}}?(?:{_CHANNEL.pattern})|等(?:多种)?(?:渠道|平台|途径|方式|载体|媒体)"
)
_BY_CHANNEL = re.compile(  # a part that opens with a channel (累计通过“乌审旗发布”微信平台…)
    rf"\s*(?:累计|共计?|同时|另外?|此外|还)?,?\s*(?:通过|在|依托)[^,;]{{0,20}}?(?:{_CHANNEL.pattern})"
)
_ONE_CHANNEL_WORD = re.compile(rf"{_CHANNEL.pattern}|平台")  # "通过政府信息公开平台发布各类信息共155条"
_ITEM_COUNT = re.compile(r"(?<![\d.,])\d+\s*(?:条|篇)(?!\s*[%％])")  # 条 and 篇: items, not cases
_CHANNEL_COUNT = re.compile(rf"(?:公开|发布|公布)[^,;]{{0,12}}?{_ITEM_COUNT.pattern}")
_OTHER_THINGS = re.compile(r"\d\s*(?:件|份|个|项|次|期)")  # counts of documents, meetings …, not of items
_ITEMS_COUNTED = re.compile(r"[\d零〇一二两三四五六七八九十百千]\s*[条件篇]")  # any count of items at all
_COUNT_THEN_COLON = re.compile(rf"{_ITEM_COUNT.pattern}\s*:")
_COUNT_THEN_INCLUDES = re.compile(rf"{_ITEM_COUNT.pattern}\s*(?=[,:]\s*(?:内容)?(?:主要)?包括)")  # 234条,主要包括经信工作动态144条…
_DIGIT = re.compile(r"\d")
_HEADING_MAX = 20  # "(一)主动公开情况": a short sentence naming the topic

# --- text clean-up --------------------------------------------------------------

_CJK_GAP = re.compile(r"(?<=[\u4e00-\u9fff])[ \t]+(?=[\u4e00-\u9fff])")  # 政府信息 公开 (docx wrap)
# "共公开政府信息4738条。其中,主动公开3810条" is one statement: no end before 其中 and the proactive part
_SENTENCES = re.compile(r"[。!?\n]+(?!\s*其中\s*[,:]?\s*主动公开)")
# A ";" outside brackets ends a segment; inside them it parts an aside's list ("60931条(中央…
# 13635条;县政府网站12365条;…)").
_SEGMENTS = re.compile(r";(?![^()]*\))")
_CLAUSE_END = re.compile(r"[,;:]")
_COMMAS = re.compile(r"[,;]")
_ENDS_SENTENCE = tuple("。;!?:")
_WRAP_WIDTH = 25  # a line this long that stops mid-sentence was wrapped by the page (PDF)
_NUMBERED = re.compile(r"\s*(?:[一二三四五六七八九十]{1,3}\s*[、.]|[(]\s*[一二三四五六七八九十\d]{1,2}\s*[)])")  # a heading


def _clean(text: str) -> str:
    """Prose as the patterns expect it: simplified characters, ASCII punctuation,
    no injected pinyin, no spaces inside words, and page-wrapped lines joined."""
    text = unicodedata.normalize("NFKC", text).replace("\u3000", " ")
    text = simplified_text(text).replace("资讯", "信息")  # whole phrases: 答覆 → 答复; a mirror's 資訊
    text = "\n".join(clean_line(line) for line in text.split("\n"))  # mirror pages: 公開(kāi)
    return _unwrap(_CJK_GAP.sub("", text))


def _unwrap(text: str) -> str:
    """Join lines that a page layout wrapped in mid-sentence."""
    out: list[str] = []
    for line in text.split("\n"):
        if out and len(out[-1]) >= _WRAP_WIDTH and not out[-1].endswith(_ENDS_SENTENCE) and not _NUMBERED.match(line):
            out[-1] += line.strip()
        else:
            out.append(line)
    return "\n".join(out)


# --- reading --------------------------------------------------------------------


def stated_in_prose(text: str, year: int | None = None) -> tuple[dict[str, int], list[str]]:
    """Facet values the report's sentences state unambiguously, and warnings.

    ``text`` is the report's prose (table rows may be left out or blank). Keys on
    which sentences disagree, and totals contradicted by their own parts, are left
    out with a warning.

    >>> stated_in_prose("全年共受理政府信息公开申请12件，均按时答复。")
    ({'申请.新收': 12}, [])
    """
    seen: dict[str, dict[int, str]] = {}
    replied: dict[int, str] = {}
    warnings: list[str] = []
    previous = ""
    about = False  # whether the previous sentence was about applications
    part = ""  # the numbered heading of the part the sentence is in ("(一)…主动公开工作")
    channels: list[tuple[str, str]] = []  # (part, sentence) of the sentences counting items on a channel
    for sentence in _SENTENCES.split(_clean(text)):
        sentence = sentence.strip()
        if not sentence:
            continue
        if _NUMBERED.match(sentence) and _is_heading(sentence):
            part = sentence
        if _ONE_CHANNEL_WORD.search(sentence) and _ITEMS_COUNTED.search(sentence):
            channels.append((part, sentence))
        context = _has_context(sentence, previous, about)
        facts, notes = _sentence_facts(sentence, previous, part, year, context)
        warnings += notes
        for key, value in facts:
            seen.setdefault(key, {}).setdefault(value, sentence)
        for m in (*_REPLIED.finditer(sentence), *_HANDLED.finditer(sentence)) if context else ():
            if (value := _value(m)) is not None:
                replied.setdefault(value, sentence)
        # about applications by its own words, or going on with a sentence that is
        # ("…申请58件。目前依法办结59件…。结转下年度…2件") or counting applications itself in
        # context ("共收到申请0件,…" under a heading on 依申请公开); not by a heading's alone
        counted = any(key.startswith("申请.") for key, _ in facts)
        previous, about = sentence, bool(_CONTEXT.search(sentence)) or (context and (_goes_on(sentence) or counted))
    _drop_parts_outcomes(seen)
    # weaker readings of the year's count, best first, each taken only where none before states it
    for weak, holds in ((_LISTED, None), (_TO_YEARS_END, None), (_ON_ONE_CHANNEL, _one_channel), (_THE_YEARS_INFORMATION, None)):
        values = seen.pop(weak, {})
        if ACTIVE_KEY not in seen and values and (holds is None or holds(values, channels)):
            seen[ACTIVE_KEY] = values
    _all_handled(seen)
    facets = {}
    for key, values in seen.items():
        if len(values) == 1:
            facets[key] = next(iter(values))
        else:
            warnings.append(f"{key}: sentences disagree ({_quote(values)}); left out")
    warnings += _balance_replies(facets, replied)
    return facets, warnings


def _all_handled(seen: dict[str, dict[int, str]]) -> None:
    """申请.办理总计 from every application said handled, where it is the one count received and
    neither carry-over is stated but as none; from those said received and handled, where both
    carry-overs are stated as none."""
    handled = seen.pop(_ALL_HANDLED_KEY, {})
    both = seen.pop(_RECEIVED_AND_HANDLED_KEY, {})
    received = seen.get("申请.新收", {})
    if "申请.办理总计" in seen:
        return
    carried = ("申请.上年结转", "申请.结转下年")
    none_carried = all(set(seen.get(key, {0: ""})) == {0} for key in carried)  # stated as none, or not at all
    if len(handled) == 1 and set(handled) == set(received) and none_carried:
        seen["申请.办理总计"] = handled
    elif len(both) == 1 and set(both) == set(received) and none_carried and all(key in seen for key in carried):
        seen["申请.办理总计"] = both


def _since_the_year(before: str, year: int | None) -> bool:
    """Whether the running total before a count runs since the report's year began ("2019年以来,
    我区…累计主动公开政府信息19891条" in the report on 2019): the year's own."""
    since = _SINCE_YEAR.search(before)
    return bool(year and since and int(since["y"]) == year)


def _counted_to_years_end(before: str, year: int | None) -> bool:
    """Whether the running total before a count runs to the last day of the report's year, in
    a report on a year since ``_COUNTED_TO_ITS_END_SINCE``."""
    end = _YEARS_END.search(before)
    return bool(year and year >= _COUNTED_TO_ITS_END_SINCE and end and int(end["y"]) == year)


def _one_channel(values: dict[int, str], channels: list[tuple[str, str]]) -> bool:
    """Whether one channel's count (its one value and the sentence stating it) is all its part
    states: the sentence counts items once before its breakdown and is the only one of its part
    to count items on a channel."""
    if len(values) != 1:
        return False
    (sentence,) = values.values()
    breakdown = _breakdown_at(sentence)
    if len(_ANY_COUNT.findall(sentence if breakdown < 0 else sentence[:breakdown])) != 1:
        return False  # "微信公众号发布信息438条,官方微博发布信息516条": a count per channel
    if breakdown >= 0 and _DISCLOSED_PART.search(sentence, breakdown):
        return False  # "网站发布各类信息8632条,其中,发布政府信息公开信息共399条": the site's, not the disclosed
    parts = [p for p, s in channels if s == sentence]
    return bool(parts) and sum(p == parts[0] for p, _ in channels) == 1


def _drop_parts_outcomes(seen: dict[str, dict[int, str]]) -> None:
    """Where sentences state several counts received (政府新收…2件,…;部门新收…4件,…), the outcomes
    stated in those sentences are the parts', not the whole's: left out."""
    received = seen.get("申请.新收", {})
    if len(received) < 2:
        return
    sentences = set(received.values())
    for key in (*_OUTCOMES, "申请.办理总计", "申请.结转下年"):
        if key in seen:
            seen[key] = {value: s for value, s in seen[key].items() if s not in sentences}
            if not seen[key]:
                del seen[key]


def extract_freeform_facets(text: str) -> tuple[dict[str, int], list[str]]:
    """Former name of ``stated_in_prose``, kept while the pipeline still calls it."""
    return stated_in_prose(text)


def prefer_tables(
    tables: Mapping[str, int | float], prose: Mapping[str, int], keep_disputed: bool = True
) -> tuple[dict[str, int | float], list[str]]:
    """Table values, with prose filling the keys no table states.

    Where both state a key and disagree, the table's value is kept (or, with
    ``keep_disputed=False``, the key is left out) and a warning names both values.
    """
    merged: dict[str, int | float] = dict(tables)
    warnings = []
    for key, value in prose.items():
        if key not in merged:
            merged[key] = value
        elif merged[key] != value:
            kept = f"the table's {merged[key]} is kept" if keep_disputed else "left out"
            warnings.append(f"{key}: table says {merged[key]}, prose says {value}; {kept}")
            if not keep_disputed:
                del merged[key]
    return merged, warnings


def _sentence_facts(
    sentence: str, previous: str, part: str, year: int | None, context: bool
) -> tuple[list[tuple[str, int]], list[str]]:
    """(key, value) pairs one sentence states (``context``: it is about applications), and
    warnings about it."""
    facts: list[tuple[str, int]] = []
    for segment in _SEGMENTS.split(sentence):
        facts += _segment_facts(segment, context, year)
        for clause in _CLAUSE_END.split(segment):
            facts += _zeros(clause, context)
    active, warnings = _active_total(sentence, previous, part, year)
    return facts + active, warnings


def _has_context(sentence: str, previous: str, previous_about: bool = False) -> bool:
    """Whether a sentence is about disclosure applications: it says so, it goes on with a
    sentence that does or was ("其中…", "处理结果中…", "目前依法办结59件…。结转下年度…2件"), or
    it opens the part a heading that does names ("四、因政府信息公开申请行政复议或提起行政诉讼
    情况" above "2018年,我办行政复议为5件"), or it tells of reviews and suits right after a
    sentence about applications, or says there were none in the part on them."""
    inherited = _goes_on(sentence) or _is_heading(previous)
    if previous_about and _CASES.search(sentence):
        return True  # "…收到政府信息公开申请件1件。未收到行政复议和行政诉讼。": the applications' cases
    if _is_heading(previous) and _CASES_HEADING.search(previous) and _CASES.search(sentence) and not _COUNTED.search(sentence):
        # "(四)行政复议、行政诉讼情况。…未发生行政复议、行政诉讼事项": none, in the report's part on
        # them; not a count there, which may be of the reviews the body heard
        return True
    return (inherited and (previous_about or bool(_CONTEXT.search(previous)))) or bool(_CONTEXT.search(sentence))


def _goes_on(sentence: str) -> bool:
    """A sentence that goes on with the one before: its breakdown or what became of it."""
    return sentence.removeprefix("从").startswith(_CONTINUED) or bool(_OUTCOMES_NEXT.match(sentence))  # 从办理结果看:…


def _is_heading(sentence: str) -> bool:
    """A short line without a number: a heading (四、因政府信息公开申请行政复议…情况)."""
    return len(sentence) <= _HEADING_MAX * 2 and not _DIGIT.search(sentence)


def _segment_facts(segment: str, context: bool, year: int | None) -> list[tuple[str, int]]:
    """Facts in one ;-separated segment of a sentence."""
    facts: list[tuple[str, int]] = []
    if context and _BOTH_ZERO.search(segment):
        facts += [("复议.总计", 0), ("诉讼.总计", 0)]
    masked = _BOTH_COUNTED.sub(lambda m: " " * len(m[0]), _BOTH_ZERO.sub(lambda m: " " * len(m[0]), segment))
    if context and year and (m := _NONE_CARRIED_FROM.search(masked)) and int(m["from"] or m["from2"]) == year - 1:
        facts.append(("申请.上年结转", 0))
    if context and year and (m := _NONE_CARRIED_TO.search(masked)) and int(m["to"]) == year + 1:
        facts.append(("申请.结转下年", 0))
    if _NONE_AFTER_COLON.search(masked):
        facts.append(("申请.新收", 0))
    breakdown = _applications_broken_down(masked)
    part_at = len(masked)  # where a sub-count of applications starts ("其中区本级受理…5件")
    received_end = -1  # where the count received ends
    for pattern in _PATTERNS:
        if pattern.context and not context:
            continue
        for m in pattern.regex.finditer(masked):
            if _about_other_year(masked, m.start(), year):
                continue
            if "from" in m.re.groupindex and (year is None or int(m["from"]) != year - 1):
                continue  # carried over from a named year: only the year before the report's
            if "to" in m.re.groupindex and (year is None or int(m["to"]) != year + 1):
                continue  # carried on to a named year: only the year after
            key = _suit_kind(masked, m.start()) if pattern.key == "诉讼.总计" else pattern.key
            if key.startswith("复议.") and "审理" in masked[_clause_start(masked, m.start()) : m.start()]:
                continue  # 审理…行政复议案件7起: reviews the body heard as the reviewing body, not of its own
            inside = 0 <= breakdown < m.start()
            if pattern.total and inside:
                if pattern.key == "申请.新收":
                    part_at = min(part_at, m.start())
                continue
            if pattern.key == "申请.新收" and _INCLUDES_CARRIED.match(masked, m.end()):
                continue
            if pattern.key == "申请.办理总计" and _OTHER_CASES.search(masked):
                continue
            if pattern.key.startswith("规范性文件") and _RULES in masked:
                continue
            if pattern.key in _OUTCOMES and m.start() > part_at:
                continue  # outcomes after a sub-count may be that part's
            if (value := _value(m)) is not None:
                facts.append((key, value))
                if pattern.key == "申请.新收":
                    received_end = m.end()
    received = {value for key, value in facts if key == "申请.新收"}
    if len(received) != 1:
        return facts  # none, or two that disagree: no breakdown of it to read
    facts += _applicants(masked, breakdown, received.pop(), received_end)
    return facts + _all_of_them(masked, received_end, facts)


def _suit_kind(segment: str, at: int) -> str:
    """诉讼.总计, or one kind's total where the clause before the count names it (未经复议直接起诉,
    经复议后起诉的行政诉讼)."""
    start = _clause_start(segment, at)
    if not _ONE_KIND_OF_SUIT.search(segment, start, at):
        return "诉讼.总计"
    return "诉讼.直接起诉.总计" if _DIRECT_SUIT.search(segment, start, at) else "诉讼.复议后起诉.总计"


def _applicants(segment: str, breakdown: int, received: int, received_end: int) -> list[tuple[str, int]]:
    """The applications received by kind of applicant, where the breakdown of the segment's count
    received names them ("受理依申请公开15件,其中自然人12件,商业企业3件"), or the clauses after it
    count them first ("…27件,26件为自然人申请,1件为法人申请"), and they add up to no more."""
    if breakdown >= 0:
        found = ((m[1], m) for m in _APPLICANT_KIND.finditer(segment, breakdown))
    elif received_end >= 0:
        found = ((m["kind"], m) for m in _KIND_FIRST.finditer(segment, received_end))
    else:
        return []
    kinds = [(f"申请.新收.{_KIND_NAMES.get(kind, kind)}", value) for kind, m in found if (value := _value(m)) is not None]
    return kinds if kinds and sum(v for _, v in kinds) <= received else []


def _all_of_them(segment: str, received_end: int, facts: list[tuple[str, int]]) -> list[tuple[str, int]]:
    """The count received as every application's outcome or applicant ("…15件,其中自然人12件,商业
    企业3件,均…予以公开"), where the words after the count count nothing else (its applicants
    aside) and the segment states no other outcome or applicant of its own."""
    if received_end < 0:
        return []  # received stated only as none after a colon (申请:无): nothing after it to read
    received = next(value for key, value in facts if key == "申请.新收")
    found = []
    for aside, regex, key, others in (
        (None, _ALL_DISCLOSED, "申请.予以公开", _OUTCOMES),
        (_PERSONS_ASIDE, _ALL_PERSONS, "申请.新收.自然人", tuple(f"申请.新收.{k}" for k in _APPLICANT_KINDS)),
        (None, _ALL_HANDLED, _ALL_HANDLED_KEY, ("申请.办理总计",)),
    ):
        m = (aside and aside.match(segment, received_end)) or regex.search(segment, received_end)
        if not m or any(k in others for k, _ in facts):
            continue
        between = _APPLICANT_KIND.sub("", segment[received_end : m.start()])
        if not _COUNTED.search(between):
            found.append((key, received))
    return found


def _applications_broken_down(segment: str) -> int:
    """Where a breakdown (其中) of a count of applications, or of the sentence before, begins, -1
    where none does: the breakdown of "主动公开各类政务信息3000余份,其中政府文件121份,…,依申请公开
    受理6件" is of the information, and the applications counted after it are no part of it."""
    at = segment.find(_BREAKDOWN)
    if at < 0:
        return at
    before = segment[:at].rstrip(" ,;:")  # nothing: the sentence before holds the total
    return at if not before or "申请" in before[_clause_start(before, len(before)) :] else -1


def _active_total(
    sentence: str, previous: str, part: str, year: int | None
) -> tuple[list[tuple[str, int]], list[str]]:
    """主动公开.条数 where the sentence states one total of proactively disclosed items: in a
    sentence about 主动公开, or in the part a 主动公开 heading opens ("(一)持续做好政府信息主动公开
    工作。根据…。2020年,天涯区在政府信息公开专栏发布政府信息165条")."""
    if not _ITEMS_COUNTED.search(sentence):
        return [], []  # most sentences count no items: nothing to read
    if made := _MADE_THEN_ACTIVE.search(sentence):
        value = _value(made)
        return ([(ACTIVE_KEY, value)] if value is not None else []), []
    if _CHANNEL.search(part) and "主动公开" not in part:
        return [], []  # in the part on one channel ("(一)福田政府在线街道办事处主页。…共主动公开…165条")
    under_heading = "主动公开" in sentence or _is_active_heading(previous)
    in_part = not under_heading and _is_active_heading(part)
    added = _ADDED.search(sentence) if under_heading and not _CATEGORY.match(sentence) else None
    if added and (value := _value(added)) is not None:
        return [(ACTIVE_KEY, value)], []
    part_of_year = _YEARS_PART.search(sentence) if year else None
    if part_of_year and int(part_of_year["year"]) == year and (value := _value(part_of_year)) is not None:
        return [(ACTIVE_KEY, value)], []
    facts: list[tuple[str, int]] = []
    warnings: list[str] = []
    segments = _SEGMENTS.split(sentence)
    if _channel_by_channel(segments):
        return [], []
    before = ""  # the sentence's segments before this one
    running: set[int] = set()  # values said with 累计: a running total beside the year's own
    for segment in segments:
        if facts and _ITEM_COUNT.search(before.partition(_BREAKDOWN)[2]):
            break  # "共主动公开…68条,其中…49条;…门户网站主动公开…2条;…17条": the parts go on
        breakdown = _breakdown_at(segment)
        head = segment if breakdown < 0 else segment[:breakdown]
        matches = list(_ACTIVE.finditer(head))
        if under_heading:
            matches += _PUBLISHED.finditer(head)
        elif in_part:  # further into the part, one channel's count is not the whole
            matches += (m for m in _PUBLISHED.finditer(head) if not _CHANNEL.search(head, 0, m.start()))
        listed = [] if matches else list(_ACTIVE_LISTED.finditer(head))
        if not matches and under_heading:
            listed += _PUBLISHED_LISTED.finditer(head)
        # a list followed by another count of items may be one kind of several ("…等各类政务信息
        # 275条,民意征集…等各类互动交流信息52条")
        listed = [m for m in listed if not _ITEM_COUNT.search(head, m.end())]
        if (under_heading or in_part) and not matches and not listed:
            matches += (m for m in _CHANNEL_PUBLISHED.finditer(head)
                        if _ONE_CHANNEL_WORD.search(head, _clause_start(head, m.start()), m.start()))  # fmt: skip
        anywhere = []
        if not (under_heading or in_part or matches or listed or _ITEM_NUMBER.match(sentence)):
            anywhere = [m for m in _PUBLISHED.finditer(head) if "申请" not in head[: _clause_end(head, m.end())]
                        and _the_years_information(before, head, m)]  # fmt: skip
        for m in [*matches, *listed, *anywhere]:
            key = _THE_YEARS_INFORMATION if anywhere else _WEAKER_KEY.get(m.re, ACTIVE_KEY)
            value = _value(m)
            if value is None or _about_other_year(head, m.start(), year) or _is_part(head, m.start(), m.end(), value):
                continue
            if "y" in m.re.groupindex and m["y"] and int(m["y"]) != year:
                continue  # "2021年发布信息6758条": the year's whole, in the report on that year only
            if _CUMULATIVE.search(head, 0, m.start()) and not _since_the_year(head[: m.start()], year):
                if not _counted_to_years_end(head[: m.start()], year):
                    continue
                key = _TO_YEARS_END
            if facts and m.re is _PUBLISHED and _CHANNEL.search(head, _comma_clause_start(head, m.start()), m.start()):
                continue  # "全年主动公开信息2170条,中心网站…1794条,微信公众号、微博共发布信息376篇": a channel's
            if "累计" in head[max(0, m.start() - 4) : m.end()]:  # 累计共计主动公开
                if not _TIME_WORD.search(before + head[: m.start()]):
                    continue
                if value != sum(_later_counts(head, m.end())):  # "累计204条,通过网站…163条,…23条,…18条": the year's
                    running.add(value)
            by_year = _by_year(segment[breakdown:]) if breakdown >= 0 else {}
            if len(by_year) > 1:  # "…109条,其中2009年11条,…,2019年5条": a total over years, the year's its part
                facts += [(ACTIVE_KEY, by_year[year])] if year in by_year else []
                continue
            parts = _parts(segment[breakdown:]) if breakdown >= 0 else []
            if any(p > value for p in parts):
                warnings.append(f"主动公开.条数: {value} is less than a part of it ({max(parts)}); left out")
                continue
            facts.append((key, value))
        before += segment + ";"
    # "本年度主动公开…48条,已累计公开…189条": the running total beside the year's, which it is more
    # than (not "全乡累计主动公开信息649条,…专题主动公开信息1120条": no count there is the year's)
    others = [value for _, value in facts if value not in running]
    if others and all(total > max(others) for total in running):
        facts = [(key, value) for key, value in facts if value not in running]
    return facts, warnings


def _the_years_information(before: str, head: str, m: re.Match) -> bool:
    """Whether a count of information published, outside any part or sentence on 主动公开, is the
    year's proactive count: a year is named before it; it counts items (not 条次, items times
    channels); it is the segment's only count but running totals, or the sum of the others
    ("…公开信息85条,…公开信息160条,…APP公布信息51条,共计公开信息296条"); and it is not one
    channel's ("林业局网站中,2020年共发布信息42条": other channels may have published more), where
    several named together are all of them ("通过门户网站、微信公众号等平台发布…1311条")."""
    if not _YEAR_SAID.search(before + head, 0, len(before) + m.start()) or head.startswith("次", m.end()):
        return False
    counts = _parts(head)  # the segment's counts but running totals
    if len(counts) > 1:
        return sum(counts) == 2 * _value(m)  # the others add up to it
    return not _CHANNEL.search(head, 0, m.start()) or bool(_SEVERAL_CHANNELS.search(head, 0, m.start()))


def _by_year(breakdown: str) -> dict[int, int]:
    """The counts a breakdown gives by year ("其中2009年11条,2010年11条,…"), each year's once."""
    counts: dict[int, int] = {}
    for m in _YEAR_COUNT.finditer(breakdown):
        counts.setdefault(int(m["y"]), int(m["n"]))
    return counts


def _parts(breakdown: str) -> list[int]:
    """The counts a breakdown (or a segment) lists, not a running total said in it ("其中…,目前我委总计主动公开
    政府信息2739条") nor cases handled or visits ("…政务服务事项1970条,办件量总数26808件")."""
    clauses = _CLAUSE_END.split(breakdown)
    return [int(n) for clause in clauses if not _RUNNING.search(clause) and not _NOT_ITEMS.search(clause)
            for n in _PART.findall(clause)]  # fmt: skip


def _breakdown_at(segment: str) -> int:
    """Where the parts of a total begin: 其中, or a colon or 主要包括 right after a count ("全年共主动公开
    信息1088条:通过政务网站主动公开信息869条,…"); -1 where none do."""
    starts = [segment.find(_BREAKDOWN)]
    if ":" in segment and (colon := _COUNT_THEN_COLON.search(segment)):
        starts.append(colon.end() - 1)
    if "包括" in segment and (includes := _COUNT_THEN_INCLUDES.search(segment)):
        starts.append(includes.end())
    return min((k for k in starts if k >= 0), default=-1)


def _channel_by_channel(segments: list[str]) -> bool:
    """"外网主动公开政府信息数13条;在APP公开发布内容26条;在公示栏公开内容145条": a count per
    channel, each in its own part of the sentence, is no one total.  A breakdown (其中…) goes
    on over the parts after it, which are then the total's parts, unless the total is itself one
    channel's ("通过…门户网站主动公开信息共计106条,其中…;通过…微信公众号主动公开信息共计41条")."""
    counts = 0
    one_channels = None  # after a breakdown: whether its total was one channel's
    for segment in segments:
        head, *breakdown = ASIDE.sub("", segment).split(_BREAKDOWN, 1)
        # not a running total beside the year's ("…公众号开通至今,…累计发布508条图文信息")
        counted = bool(_CHANNEL_COUNT.search(head)) and not _SINCE_IT_BEGAN.search(head)
        if one_channels is None:
            counts += counted
            if breakdown:
                one_channels = counted and bool(_CHANNEL.search(head))
        elif one_channels and counted and _BY_CHANNEL.match(head):
            counts += 1
    return counts > 1


def _is_active_heading(sentence: str) -> bool:
    return len(sentence) <= _HEADING_MAX and "主动公开" in sentence and not _PART.search(sentence)


def _is_part(head: str, start: int, end: int, value: int) -> bool:
    """A share (占…%) follows, or a later clause names the others (其他…): one part; or the
    count is one channel's and other clauses count others' ("门户网站主动公开信息2978条,政务
    微信321条,政务微博260条"). ``value`` is the count matched at ``start:end``."""
    if _SHARE.match(head, end):
        return True
    later = _CLAUSE_END.split(head[end:])[1:]
    channel = _CHANNEL.search(head, _clause_start(head, start), start)
    if channel and any(_ITEM_COUNT.search(c) for c in later):
        return True
    # the last of them too: "通过市政府网站主动公开…2510条,通过政务新媒体主动公开…228条"
    earlier = _CLAUSE_END.split(head[: _clause_start(head, start)])
    if channel and any(_CHANNEL.search(c) and _ITEM_COUNT.search(c) for c in earlier):
        return True
    # (not other kinds of thing, counted in 件: "…主动公开信息总数773条,…其他政策文件35件")
    if any(c.strip().startswith("其他") and (_ITEM_COUNT.search(c) or not _OTHER_THINGS.search(c)) for c in later):
        # unless the later clauses' counts add up to it: "主动公开…共计6535条,通过门户网站公开
        # 3593条,政务微信2942条,其他…1000余条" lists its parts
        counts = _later_counts(head, end)
        return not counts or value not in (sum(counts), sum(counts[:-1]))
    return False


def _later_counts(head: str, end: int) -> list[int]:
    """The counts in the clauses after ``end``."""
    return [int(n) for c in _CLAUSE_END.split(head[end:])[1:] for n in _PART.findall(c)]


def _comma_clause_start(text: str, at: int) -> int:
    """Where the comma-separated clause holding ``at`` starts (a colon inside an aside, 微信号:…,
    parts no clause)."""
    return max((m.end() for m in _COMMAS.finditer(text, 0, at)), default=0)


def _about_other_year(text: str, start: int, year: int | None = None) -> bool:
    """The clause before the number compares with, or sums over, other years; or the text
    before it names a year, the last one named not the report's ("2010年度主动公开政府信息54条"
    in the report on 2011)."""
    if _NOT_THIS_YEAR.search(text, _clause_start(text, start), start):
        return True
    if _YEAR_SPAN.search(text, _clause_start(text, start), start):
        return True  # "2008年-2016年武川乡主动公开政府信息1571条": over years, not the year's
    if year is None:
        return False
    named = _NAMED_YEAR.findall(ASIDE.sub("", text[:start]))  # not "(含2019年结转18件)"
    return bool(named) and int(named[-1]) != year


def _clause_start(text: str, at: int) -> int:
    return max((m.end() for m in _CLAUSE_END.finditer(text, 0, at)), default=0)


def _clause_end(text: str, at: int) -> int:
    return m.start() if (m := _CLAUSE_END.search(text, at)) else len(text)


def _zeros(clause: str, context: bool) -> list[tuple[str, int]]:
    """Zero for "未收到…申请" or "未发生…行政复议、…诉讼", when the clause states no number.

    The application's own wording names what was not received; 复议 and 诉讼 are
    only about disclosure in a sentence that says so (``context``)."""
    if re.search(r"\d", _PERCENT.sub("", _DATES.sub("", _ITEM_NUMBER.sub("", clause)))):
        return []  # a count said: not none (a share, 办结率100%, says none)
    facts = []
    # "未接到政府信息公开申请且未出现…行政复议、…诉讼等情况": each part on its own
    parts = _JOINED.split(clause)
    if any("复议" not in part and "诉讼" not in part and _none_received(part, context) for part in parts):
        facts.append(("申请.新收", 0))
    if context and _NONE_CARRIED.search(clause):
        facts.append(("申请.上年结转", 0))
    if context and _NONE_CARRIED_ON.search(clause):
        facts.append(("申请.结转下年", 0))
    if context and _NONE_CARRIED_EITHER.search(clause):
        facts += [("申请.上年结转", 0), ("申请.结转下年", 0)]
    if _RULES not in clause:
        if (m := _NO_DOCUMENTS.search(clause)) and _MADE.search(m["verbs"]):
            facts.append(("规范性文件.本年制发", 0))
        if m and "废止" in m["verbs"]:
            facts.append(("规范性文件.本年废止", 0))
        if _NONE_IN_FORCE.search(clause):
            facts.append(("规范性文件.现行有效", 0))
    if context and not _OUTCOME.search(clause) and not _FEES.search(clause):
        if _NO_REVIEW.search(clause):
            facts.append(("复议.总计", 0))
        if _NO_SUIT.search(clause):
            facts.append(("诉讼.总计", 0))
    return facts


def _none_received(clause: str, context: bool) -> bool:
    """"未收到…政府信息公开申请" (the noun named), or in a sentence about applications "无申请"
    (the bare noun ending the clause); not where only some applicants are named."""
    m = _NO_APPLICATION.search(clause) or _NO_APPLICANT.search(clause)
    m = m or (_NO_BARE_APPLICATION.search(clause) if context else None)
    return bool(m) and not _some_applicants(m["between"] or "")


def _some_applicants(between: str) -> bool:
    """Whether the words between 未收到 and the application name some applicants only:
    "未收到法人或者其他组织对…的申请" leaves natural persons out, "未接到公民、法人和其他组织
    提出的…申请" names them all."""
    persons, bodies = set(_PERSONS.findall(between)), bool(_BODIES.search(between))
    if _EVERYONE.search(between) or (persons == {"公众"} and not bodies):
        return False  # 社会公众, or 公众 alone: the public, everyone
    return bool(persons) != bodies


def _balance_replies(facets: dict[str, int], replied: dict[int, str]) -> list[str]:
    """Take 答复N件 or 办理N件 as 申请.办理总计 when 新收 + 上年结转 = N + 结转下年 (the table's own
    check); where nothing is said carried on, when 新收 + 上年结转 = N and the outcomes stated
    add up to N ("收到…6件,结转上年9件,答复申请共15件。其中,予以公开2件,…无法提供10件"); where
    nothing is said carried over, when 新收 = N + 结转下年 ("收到…8件,作出…答复6件,…结转下年度继续
    办理2件": an unstated carry-over could not make it add up)."""
    if len(replied) != 1 or "申请.新收" not in facets:
        return []
    if "申请.上年结转" not in facets and "申请.结转下年" not in facets:
        return []
    (value,) = replied
    outcomes = [facets[k] for k in _OUTCOMES if k in facets]
    if "申请.结转下年" in facets:
        carried_on = facets["申请.结转下年"]
    elif outcomes and sum(outcomes) == value:
        carried_on = 0
    else:
        return []
    if facets["申请.新收"] + facets.get("申请.上年结转", 0) != value + carried_on:
        return []
    stated = facets.setdefault("申请.办理总计", value)
    if stated != value:
        del facets["申请.办理总计"]
        return [f"申请.办理总计: sentences disagree ({stated} and {value}); left out"]
    return []


def _value(m: re.Match[str]) -> int | None:
    value = parse_number(m["n"].replace(",", ""))
    return value if isinstance(value, int) else None


def _quote(values: dict[int, str]) -> str:
    return "; ".join(f"{v} in “{s[:40]}”" for v, s in values.items())
