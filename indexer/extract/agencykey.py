"""One key per reporting body, whatever name a year's report gives it.

An agency's reports across years are linked by ``agency_key(agency, region)``:

* the name is read in simplified characters, without spaces or punctuation
  (縣商務局 → 县商务局), and a bracketed aside is dropped where the rest is still
  a name (某某县人民政府办公室（县政务公开办）);
* the place is the most specific one the name states (重庆市荣昌区商务委员会 and
  荣昌区商务委员会 are one body), in its gazetteer name (城步县 → 城步苗族自治县,
  广东商务厅 → 广东省商务厅), with its city or province before it only where the
  name alone is shared by several places (北京市通州区 / 南通市通州区);
* a name without a place takes the report's region: a leading level word stands
  for the region's place of that level (县商务局 in 城步苗族自治县 →
  城步苗族自治县商务局; 市商务局 there → 邵阳市商务局), and a name without
  one gets the most specific place (商务局 → 城步苗族自治县商务局).  A name that
  states a place is kept as stated, even when the region is narrower;
* abbreviations of the same office are written out (发改委, 发展改革委 →
  发展和改革委员会; 人社局 → 人力资源和社会保障局; 市场监管局 → 市场监督管理局;
  政府办 → 人民政府办公室; 行署 → 行政公署); only shortenings of one official
  name are merged: bodies that were reorganised into another (卫计委 → 卫健委,
  环保局 → 生态环境局, 自然资源局 vs 自然资源和规划局) keep their own keys;
* X政府 is X人民政府; a department under the government is one body with or
  without it (湛江市人民政府地方志办公室 = 湛江市地方志办公室), the government's
  own office (人民政府办公室) not;
* a place alone, or its government, is that government (江西省 → 江西省人民政府);
  a township or sub-district is its government or office (龙归镇, 龙归镇政府 →
  龙归镇人民政府; 官洲街道 → 官洲街道办事处); a zone is its management committee
  (平潭综合实验区, 平潭综合实验区管委会 → 平潭综合实验区管理委员会).

``agency_label(names)`` picks the name to show for a body among its variants.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from collections.abc import Iterable, Mapping
from functools import lru_cache

from analyzers.filters import simplified_text

from ..models import Region
from .agency import as_name, is_proper
from .gazetteer import MUNICIPALITIES, _table, locate, short_forms

_PUNCT = re.compile(r"[\s\W_]+")
_ASIDE = re.compile(r"[(（【\[][^()（）【】\[\]]*[)）】\]]")

# Full official wording ← its shortenings, matched at the end of a name.  Only
# shortenings of one name: a body reorganised into another keeps its own key.
_FORMS: dict[str, tuple[str, ...]] = {
    "发展和改革委员会": ("发展改革委员会", "发展和改革委", "发展改革委", "发改委"),
    "发展和改革局": ("发展改革局", "发改局"),
    "经济和信息化委员会": ("经济信息化委员会", "经济和信息化委", "经济信息化委", "经济信息委", "经信委"),
    "经济和信息化局": ("经济信息化局", "经信局"),
    "人力资源和社会保障局": ("人力资源社会保障局", "人社局"),
    "人力资源和社会保障厅": ("人力资源社会保障厅", "人社厅"),
    "住房和城乡建设局": ("住房城乡建设局", "住建局"),
    "住房和城乡建设厅": ("住房城乡建设厅", "住建厅"),
    "住房和城乡建设委员会": ("住房城乡建设委员会", "住房城乡建设委", "住建委"),
    "卫生健康委员会": ("卫生和健康委员会", "卫生健康委", "卫健委"),
    "卫生和计划生育委员会": ("卫生计生委员会", "卫生计生委", "卫计委"),
    "市场监督管理局": ("市场监管局",),
    "自然资源和规划局": ("自然资源规划局",),
    "国有资产监督管理委员会": ("国资委",),
    "文化和旅游局": ("文化旅游局", "文旅局"),
    "文化和旅游厅": ("文化旅游厅", "文旅厅"),
    "退役军人事务局": ("退役军人局",),
    "医疗保障局": ("医保局",),
    "商务委员会": ("商务委",),
    "教育委员会": ("教委",),
    "外事办公室": ("外事办", "外办"),
    "法制办公室": ("法制办",),
    "人民政府办公室": ("政府办公室", "政府办"),
    "人民政府办公厅": ("政府办公厅",),
    "管理委员会": ("管委会",),
}
_SHORT_FORMS = sorted(
    ((short, full) for full, shorts in _FORMS.items() for short in shorts), key=lambda p: -len(p[0])
)
_GOVERNMENT = re.compile(r"^(?:人民政府|政府|行政公署|行署)")
_GOVERNMENT_OFFICE = ("办公室", "办公厅")
_TOWNSHIP = re.compile(r"(镇|乡|苏木)(?:人民政府|政府)?$")
_SUBDISTRICT = re.compile(r"街道(?:办事处|办)?$")
_ZONE = re.compile(r"(?:开发区|实验区|高新区|新区|园区|保税区|合作区|示范区|试验区)$")
# A leading level word of a name without its place, and the region levels it may stand for.
_LEVEL_WORDS = (
    ("自治区", ("province",)),
    ("自治州", ("city",)),
    ("省", ("province",)),
    ("市", ("county", "city", "province")),
    ("州", ("city",)),
    ("盟", ("city",)),
    ("县", ("county",)),
    ("区", ("county",)),
    ("旗", ("county",)),
)

# Words that start with a level character without being one (市场监督管理局).
_NOT_LEVEL = ("市场", "市政", "区域", "州府")

RegionLike = Region | Mapping[str, str | None] | None


@lru_cache(maxsize=1)
def _short_places() -> dict[str, str]:
    """Short forms of autonomous places (城步县 → 城步苗族自治县, 大理州 → 大理白族自治州),
    where the short form is not itself a place's name."""
    return short_forms()


@lru_cache(maxsize=1)
def _short_provinces() -> dict[str, str]:
    """广东 → 广东省, 广西 → 广西壮族自治区: only at the start of a name."""
    table = _table()
    return {stem: table.by_code[code] for stem, code in table.short_provinces.items()}


def place_name(name: str | None) -> str | None:
    """A place's gazetteer name: 城步县 → 城步苗族自治县; a name it does not know as it is."""
    if not name:
        return None
    return _short_places().get(name, name)


def _clean(text: str) -> str:
    text = simplified_text(unicodedata.normalize("NFKC", text))
    plain = _ASIDE.sub("", text)
    if plain != text and as_name(_PUNCT.sub("", plain)):
        text = plain
    return _PUNCT.sub("", text)


def _leading_places(name: str) -> tuple[list[str], str]:
    """The places a name starts with, in gazetteer names, and the rest of the name."""
    table, short, provinces = _table(), _short_places(), _short_provinces()
    places: list[str] = []
    i = 0
    while found := _place_at(name, i, table.names, short, provinces if i == 0 else {}):
        places.append(found[0])
        i += found[1]
    return places, name[i:]


def _place_at(name: str, i: int, *tables: Mapping[str, object]) -> tuple[str, int] | None:
    """The longest place name at ``name[i:]`` and its length, in gazetteer form."""
    full, short, provinces = tables
    for size in range(min(len(name) - i, 12), 1, -1):
        piece = name[i : i + size]
        if piece in full and piece not in short:  # 黔南州 is a name of the table's, and short
            return piece, size
        if piece in short or piece in provinces:
            return str(short.get(piece) or provinces.get(piece)), size
    return None


def _region_names(region: RegionLike) -> dict[str, str]:
    if region is None:
        return {}
    values = region.to_dict() if isinstance(region, Region) else dict(region)
    return {
        level: place_name(values.get(level)) for level in ("province", "city", "county") if values.get(level)
    }


def _qualified(places: list[str], region: dict[str, str]) -> str:
    """The most specific place, with its parent before it where the name alone is shared."""
    table = _table()
    place = places[-1]
    codes = table.names.get(place, ())
    if len(codes) < 2:
        return place
    parents = [*places[:-1], *region.values()]
    for parent in parents:
        for pcode in table.names.get(parent, ()):
            prefix = pcode[:4] if pcode[4:6] == "00" and pcode[2:4] != "00" else pcode[:2]
            if len([c for c in codes if c.startswith(prefix)]) == 1:
                return parent + place
    return place


def _fill_place(body: str, region: dict[str, str]) -> tuple[list[str], str]:
    """A name without a place: its leading level word, or nothing, becomes the region's place."""
    for word, levels in _LEVEL_WORDS:
        if body.startswith(word) and len(body) > len(word) and not body.startswith(_NOT_LEVEL):
            for level in levels:
                place = region.get(level, "")
                if level == "province" and word == "市" and place not in MUNICIPALITIES:
                    continue
                if place.endswith(word) or (word == "州" and place.endswith("自治州")):
                    return [place], body[len(word) :]
            return [], body
    specific = region.get("county") or region.get("city") or region.get("province")
    return ([specific] if specific else []), body


def _body(body: str, place: str) -> str:
    """The body's own words written out in full (see the module docstring)."""
    for short, full in _SHORT_FORMS:
        if body.endswith(short) and not body.endswith(full):
            body = body[: -len(short)] + full
            break
    if m := _GOVERNMENT.match(body):
        rest = body[m.end() :]
        own = "行政公署" if m[0] in ("行政公署", "行署") else "人民政府"
        body = own + rest if not rest or rest in _GOVERNMENT_OFFICE else rest
    if not body:
        return _government_of(place)
    body = _TOWNSHIP.sub(r"\1人民政府", body)
    body = _SUBDISTRICT.sub("街道办事处", body)
    return body + "管理委员会" if _ZONE.search(body) else body


def _government_of(place: str) -> str:
    """What a place alone stands for: its government (a 盟's 行政公署, a zone's committee)."""
    if place.endswith(("盟", "地区")):
        return "行政公署"
    return "管理委员会" if _ZONE.search(place) else "人民政府"


def agency_key(agency: str | None, region: RegionLike = None) -> str | None:
    """The key one body's reports share across years and name variants, or None for no name.

    >>> agency_key("县商务局", {"province": "湖南省", "city": "邵阳市", "county": "城步苗族自治县"})
    '城步苗族自治县商务局'
    >>> agency_key("重庆市荣昌区商务委", None)
    '荣昌区商务委员会'
    """
    name = _clean(agency or "")
    if not re.search(r"[\u4e00-\u9fff]", name):
        return None
    regions = _region_names(region)
    places, body = _leading_places(name)
    if not places and locate(name) != Region():
        places, body = [], name  # a place the name states its own way (平潭综合实验区)
    elif not places:
        places, body = _fill_place(body, regions)
        if not places and not is_proper(body):
            return None  # 县商务局, 商务局 with no region: any county's
    prefix = _qualified(places, regions) if places else ""
    return prefix + _body(body, places[-1] if places else body)


def agency_label(names: Iterable[str | None]) -> str | None:
    """The name to show for a body among the variants its reports print.

    The fullest statement wins: a name that says where the body is over one that
    does not (城步苗族自治县商务局 over 县商务局), then the longest, then the most
    often printed, then the first in character order (so the choice never depends
    on the order the reports were read in).
    """
    cleaned = [_PUNCT.sub("", simplified_text(unicodedata.normalize("NFKC", n))) for n in names if n]
    counts = Counter(n for n in cleaned if n)
    if not counts:
        return None
    return min(counts, key=lambda n: (locate(n) == Region(), -len(n), -counts[n], n))
