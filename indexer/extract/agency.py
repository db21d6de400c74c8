"""What counts as an agency's name, and how a name as printed becomes the reporting body.

Pure functions over names already in simplified characters.

* A name is Han characters (and bracketed Han, as in 高新区(新市区)) ending in a unit
  word (局, 委员会, 办公室, 政府, 镇, 街道, 区, 县 …).  Digits, Latin letters or
  punctuation mean spam or prose (365体育备用网址自然资源和规划局), and 我局 / 本委 /
  全市 or site chrome (全文检索) are never a name.
* Place-wide reports: a name that is a province-, prefecture- or county-level place and
  nothing else (江西省, 天津市, 贺州市, 南京市秦淮区) means that place's government, so
  人民政府 is added (行政公署 for a 盟 or 地区).  Townships, sub-districts and zones
  (江南镇, 巴音乌兰苏木, 官洲街道, 平潭综合实验区, 高新区(新市区)) are units in their
  own right and keep the name as printed, since their government's name cannot be known
  from the text; so does any place the gazetteer cannot settle (朝阳区).
* A fuller statement of the same name wins: 龙归镇 → 武江区龙归镇人民政府 when the page
  also names it so (only a place may come before it, never a page's chrome or another body);
  an abbreviation the foreword or the publisher field spells out (五通桥区文体旅游局 →
  五通桥区文化体育和旅游局, …委 → …委员会); a bare name the text prints after one place
  (市气象局 → 宣城市气象局); 洛阳市政府 is 洛阳市人民政府.  An abbreviation such as
  省政府法制办 is expanded only to a full name printed elsewhere in the text
  (河南省人民政府法制办公室), and dropped otherwise.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache
from os.path import commonprefix

from analyzers.filters import simplify_chars

from ..models import Region
from .cleanup import ASIDE
from .gazetteer import locate, opens_with_a_place, short_forms

_UNIT = (
    r"(?:局|委员会|委|办公室|办公厅|办|厅|室|处|科|部|署|院|会|中心|政府|公署|街道|办事处|镇|乡|苏木"
    r"|区|县|市|旗|盟|州|省|站|所|队|馆|社|司|团|场|组|庭|监狱|集团|机关|街)"
)
_NAME = re.compile(r"[\u4e00-\u9fff]+(?:[(（][\u4e00-\u9fff]+[)）][\u4e00-\u9fff]*)?(?<=[\u4e00-\u9fff)）])")
_UNIT_END = re.compile(rf"{_UNIT}(?:[(（][\u4e00-\u9fff]+[)）])?$")
# Words that open a reference to a body, not its name (我局, 本委, 全市, 各部门, 该局).
_NOT_NAME_START = re.compile(
    r"^(?:(?:我|本|该|贵|其|此)(?:[局委办厅院会部署处科室所站镇乡区县市省旗]|机关|单位|级|部门|中心|街道|政府)"
    r"|全[省市县区镇乡旗]|各|上级|下级|有关|相关|[省市县区]直|请|联系"  # 请联系请联系X: a slip
    r"|[省市县区州旗镇乡]委(?:[省市县区州旗镇乡]|$))"  # party committees as a subject: 市委市政府, 省委
)
# Site chrome, headers and verbs: a "name" containing one is not a name.
_NOT_NAME_WORD = re.compile(
    r"首页|检索|导航|收藏|设为|手机|打印|分享|字号|字体|浏览|位置|来源|发布|政府信息公开|政务公开|信息公开"
    r"|年度|报告|认真|贯彻|落实|坚持|按照|根据|依据|关于|通知|高度重视|部门|本级"
    r"|网站|网址|门户|平台|官网|直播|彩票|博彩|娱乐|投注|公司|威廉|皇冠|澳门|葡京|老虎机|真人|足球网|球迷网"
    r"|赌"
)
# An aside that says the body is itself, or what it reports for beside itself (含国家公务员局).
_SELF_ASIDE = re.compile(r"[(（](?:机关|本级|机关本级|(?:以下)?简称[^()（）]*|含[^()（）]*)[)）]$")
# A unit word alone is no body's name: "政府政务公开年报" names none.
_UNIT_ONLY = re.compile(rf"(?:人民)?{_UNIT}")
_LEVEL = "省市县区州盟旗"
NATIONAL = ("国家", "国务院", "中华人民共和国")  # a national body's name begins so (国家税务总局)
# Or it is a ministry's or an administration's name with no place in it (海关总署, 公安部, 审计署).
_CENTRAL = re.compile(r"[\u4e00-\u9fff]{2,10}(?:部|总署|署|总局)")


_NATIONAL_BODY = re.compile(r"^[\u4e00-\u9fff]*?(?:总局|局|总署|署|部)")


def below_national_body(name: str) -> str:
    """What a national body's name goes on with after the body itself: 重庆调查总队 of
    国家统计局重庆调查总队."""
    return _NATIONAL_BODY.sub("", name, count=1)


def is_national(name: str) -> bool:
    """A national body's name: 国家税务总局, 海关总署, 公安部; not one with a place (国家税务总局
    佛山市税务局) nor one that only lacks its place (市审计局)."""
    if locate(name) != Region():
        return False
    return name.startswith(NATIONAL) or (bool(_CENTRAL.fullmatch(name)) and not name.startswith(tuple(_LEVEL)))
_BODY_WORD = re.compile(r"中共|党|委|办|局|厅|部|院")  # words of a body's name, not of a place's
_GOV_SUFFIXES = ("", "人民政府", "政府", "办事处", "行政公署")
_GOVERNMENT_OFFICE = re.compile(r"[省市县区州旗盟](?:人民)?政府(办公[室厅])")
_LAST_ASIDE = re.compile(r"[(（]([^()（）]+)[)）]$")
_DOUBLED = re.compile(r"([\u4e00-\u9fff]{2,12}?)\1")
_DOUBLED_PLACE = re.compile(r"([\u4e00-\u9fff]{1,8}?[省市区县旗州盟])\1")  # after its city: 包头市石拐区石拐区
# A unit word's short form and its full forms (山东省经济和信息化委 → …委员会).
_UNIT_FORMS = {"委": ("委", "委员会"), "办": ("办", "办公室", "办公厅")}
# Zones in the gazetteer that are run by a committee, not a people's government.
_ZONE = re.compile(r"(?:开发|实验|示范|合作|管理|保税|园|高新|经济)区$")
# A township, sub-district or sumu name: not a county, whatever its first characters are.
_TOWNSHIP = re.compile(rf"(?:(?<!\S)|(?<=[{_LEVEL}年]))[^{_LEVEL}\d\s]{{1,8}}?县?(?:镇|乡|街道|苏木)(?=[^镇乡]|$)")  # 新县镇


# 和 joining two things, the second a county's (部署和县委): not 和县 itself, which opens a name
# or follows its city (马鞍山市和县).
_AND_COUNTY = re.compile(r"(?<=[^\s省市州])和(?=县(?:委|政府|人民政府|直|级|领导))")


def is_name(text: str | None) -> bool:
    """Whether ``text`` reads as a body's name (see the module docstring)."""
    if not text or not 2 <= len(text) <= 40 or not _NAME.fullmatch(text):
        return False
    # the words read simplified: spam left in traditional characters on a simplified page (美高梅娛樂城)
    if _NOT_NAME_START.search(text) or _NOT_NAME_WORD.search(simplify_chars(text)) or _UNIT_ONLY.fullmatch(text):
        return False
    return bool(_UNIT_END.search(text))


# 阿勒泰地区行政公署及办公室: a government and its office report together, as the government.
_AND_ITS_OFFICE = re.compile(r"(?<=[署府])(?:及|和)其?办公[室厅]$")
_BUREAUS_GOVERNMENT = re.compile(r"(?<=[局厅])政府$")
# A joint office of the party committee and the government: the report is the government's.
_PARTY_BESIDE = re.compile(r"^中共[\u4e00-\u9fff]{2,12}?[省市县区旗]委(?=[\u4e00-\u9fff]{2,12}?人民政府)")
# Words beside the body's name, taken off: its office reporting with it, the party committee of a
# joint office (中共嵊泗县委嵊泗县人民政府办公室), 政府 after a bureau (安丘市卫生和计划生育局政府…, a slip).
_BESIDE_THE_BODY = (_AND_ITS_OFFICE, _PARTY_BESIDE, _BUREAUS_GOVERNMENT)


def as_name(text: str | None) -> str | None:
    """``text`` if it is a name (without an aside that only says it is the body itself:
    青龙镇政府(机关), or names a unit of it without a place, with 政府 once where a slip doubles
    it and its place once where the page prints it twice; a government with its office beside it
    is the office), else ``text`` without a
    bracketed aside if that is one (某某县人民政府办公室（县政务公开办）), else None."""
    # 松北区人民政府政府办公室, 区自然资源局局: a word doubled, a slip
    text = _SELF_ASIDE.sub("", text or "").replace("政府政府", "政府").replace("局局", "局") or None
    for beside in _BESIDE_THE_BODY:
        text = beside.sub("", text or "") or None
    if text and (doubled := _DOUBLED.match(text)) and is_place_only(doubled[1]):
        text = text[len(doubled[1]) :]  # 北京市大兴区北京市大兴区发展和改革委员会: the place printed twice
    elif text and (doubled := _DOUBLED_PLACE.search(text)) and is_place_only(doubled[1]):
        text = text[: doubled.start()] + text[doubled.start() + len(doubled[1]) :]  # 包头市石拐区石拐区农牧局
    if (aside := _LAST_ASIDE.search(text or "")) and is_name(aside[1]) and is_bare(aside[1]):
        # 贵阳市人民政府(市人民政府办公厅): the government's office, which reports for it
        office = _GOVERNMENT_OFFICE.fullmatch(aside[1]) if text[: aside.start()].endswith("政府") else None
        text = text[: aside.start()] + (office[1] if office else "")
    if is_name(text):
        return text
    plain = ASIDE.sub("", text or "")
    return plain if plain != text and is_name(plain) else None


def is_bare(name: str) -> bool:
    """An abbreviation without its place: 县商务局, 市卫生健康委, 省政府法制办."""
    return name.startswith(tuple(_LEVEL) + ("自治区", "自治州")) and locate(name) == Region()


def is_proper(name: str) -> bool:
    """A name that says which body it is: it holds a known place, or a township or zone of
    its own name (官洲街道办事处), or is a national body's (国家税务总局), not only generic
    words (审计厅, 商务局)."""
    if locate(name) != Region() or name.startswith(NATIONAL) or opens_with_a_place(name):
        return True  # 宝山区人力资源和社会保障局: a place several cities have still says which body
    return bool(
        re.search(r"[\u4e00-\u9fff]{2,}(?:街道|街$|镇|乡|苏木|开发区|高新区|新区|[实试]验区|示范区|商务区|园区|管委会)", name)
    )


def government_of(name: str) -> str:
    """The government a place-only name stands for (江西省 → 江西省人民政府, 洛阳市政府 →
    洛阳市人民政府), else ``name``."""
    place = name.removesuffix("政府") if name.endswith(("省政府", "市政府", "县政府", "区政府", "旗政府")) else name
    if not is_place_only(place) or _ZONE.search(place):
        return name
    return place + ("行政公署" if place.endswith(("盟", "地区")) else "人民政府")


def is_place_only(name: str) -> bool:
    """江西省, 贺州市, 南京市秦淮区, 峨山县 (峨山彝族自治县 by its short name): the name is the
    place's own name(s), nothing more."""
    region = locate(name)
    parts = [p for p in (region.province, region.city, region.county) if p]
    if any(name == "".join(parts[k:]) for k in range(len(parts))):
        return True
    if region.county and region.county.endswith("区"):  # 广丰县, the county 广丰区 was before 2015
        former = [*parts[:-1], region.county[:-1] + "县"]
        if any(name == "".join(former[k:]) for k in range(len(former))):
            return True
    shorts = _short_names().get(parts[-1], ()) if parts else ()
    return any(name == "".join(parts[k:-1]) + short for short in shorts for k in range(len(parts)))


@lru_cache(maxsize=1)
def _short_names() -> dict[str, list[str]]:
    """An autonomous place's gazetteer name -> its short names (峨山彝族自治县 → 峨山县, 峨山自治县)."""
    names: dict[str, list[str]] = {}
    for brief, full in short_forms().items():
        names.setdefault(full, []).append(brief)
    return names


def lengthen(name: str, fuller: Iterable[str], government: bool = False) -> str:
    """The longest fuller statement of ``name``: the same name with a place before it and at
    most a government word after it (龙归镇 → 武江区龙归镇人民政府); with ``government``, only
    one that adds the government word (福禄镇 → 重庆市璧山区福禄镇人民政府)."""
    suffixes = _GOV_SUFFIXES[1:] if government else _GOV_SUFFIXES
    found = [
        other
        for other in fuller
        if other != name
        and is_name(other)
        and any(other.endswith(name + s) and _is_place_before(other[: len(other) - len(name + s)]) for s in suffixes)
    ]
    return max(found, key=len, default=name)


def _is_place_before(text: str) -> bool:
    """Nothing, or a place and maybe its government (武江区, 杭州市滨江区人民政府, 乌鲁木齐国家):
    never a page's chrome (大中小) nor another body (中共商丘市委办公室)."""
    place = text.removesuffix("人民政府").removesuffix("政府")
    return not text or is_place_only(place) or (locate(place) != Region() and not _BODY_WORD.search(place))


def with_full_place(name: str, text: str) -> str:
    """``name`` with its autonomous place's short name spelled out where the text prints the name
    so (甘南州自然资源局 → 甘南藏族自治州自然资源局), else ``name``."""
    for brief, full in short_forms().items():
        if name.startswith(brief) and (spelled := full + name[len(brief) :]) in text:
            return spelled
    return name


def spelled_out(name: str, others: Iterable[str]) -> str:
    """The first of ``others`` that spells ``name`` out: the same place, its other words in order
    and the same unit word last (五通桥区文体旅游局 → 五通桥区文化体育和旅游局, 抚州市东乡区教体局
    → 抚州市东乡区教育体育局), also after the place's higher level (江汉区发改局 → 武汉市江汉区发展和
    改革局), else ``name``."""
    place = locate(name)
    # a name without a known place (镇宁自治县政府) needs more of its start in common
    common = 2 if place != Region() else 4
    for other in others:
        if other.startswith(name) and name[-1] + other[len(name) :] not in _UNIT_FORMS.get(name[-1], ()):
            continue  # a unit of the body (…人民政府办公室信息室), not its name spelled out (…委员会)
        if len(other) > len(name) and _same_unit(name, other) and is_name(other) and locate(other) == place:
            rest = iter(other)
            at = other.find(name[:2])
            start = at if at > 0 and is_place_only(other[:at]) else 0
            if all(ch in rest for ch in name) and len(commonprefix([name, other[start:]])) >= common:
                return other
    return name


def _same_unit(name: str, other: str) -> bool:
    """Both end in the same unit word, or ``name`` in its short form (委 for 委员会, 办 for 办公室)."""
    return any(other.endswith(full) for full in _UNIT_FORMS.get(name[-1], (name[-1],)))


def placed(abbreviation: str, text: str) -> str | None:
    """A bare name (市气象局) where the text prints it after its place (紧抓宣城市气象局…), or a
    name without place or level (环保局) printed after a place (长春市环保局): that place's, if the
    text names one place so."""
    level = abbreviation[0] if abbreviation[0] in _LEVEL else ""
    found = set()
    for m in re.finditer(rf"([\u4e00-\u9fff]{{1,8}}?){re.escape(abbreviation)}", text):
        before = m[1]
        for k in range(len(before)):
            if is_place_only(before[k:] + level):
                found.add(before[k:] + abbreviation)
                break
    return found.pop() if len(found) == 1 else None


def expand(abbreviation: str, names: Iterable[str]) -> str | None:
    """The full name printed elsewhere that ``abbreviation`` shortens, if exactly one body fits.

    省政府法制办 shortens 河南省人民政府法制办公室: the full name is a known place up to the
    level word the abbreviation starts with, then the rest of the abbreviation in order.
    Names that extend one another (沈阳市卫生健康委 / 沈阳市卫生健康委员会) are one body:
    the longest is given.
    """
    if len(abbreviation) < 4:
        return None  # 省委, 市局: too short to tell one body from another
    fits = sorted({n for n in names if _abbreviates(abbreviation, n)}, key=len)
    if fits and all(fits[-1].startswith(n) for n in fits):
        return fits[-1]
    return None


def _abbreviates(short: str, full: str) -> bool:
    level = full.find(short[0])
    if len(full) <= len(short) or not 1 <= level <= 10 or locate(full[: level + 1]) == Region():
        return False
    rest = iter(full[level + 1 :])
    return all(ch in rest for ch in short[1:]) and short[-1] in full[-3:]


def for_region(text: str) -> str:
    """``text`` without township names, whose first characters may look like a county's
    (江南镇 is not 江南区): the gazetteer knows counties, not townships; and without 和 as
    "and" before 县 (部署和县委、县政府, …号)和县政府办公室), which is no 和县."""
    return _AND_COUNTY.sub(" ", _TOWNSHIP.sub("", text))
