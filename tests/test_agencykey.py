"""One key per reporting body across years and name variants (indexer.extract.agencykey)."""

from pathlib import Path

import pytest

import indexer
from indexer.extract import extract_path
from indexer.extract.agencykey import agency_key, agency_label, place_name
from indexer.extract.gazetteer import locate
from indexer.models import Region

SEEDS = Path(indexer.__file__).parent / "sample_data" / "seeds"
REAL = Path(__file__).parent / "data" / "real"
CHENGBU = {"province": "湖南省", "city": "邵阳市", "county": "城步苗族自治县"}
RONGCHANG = Region("重庆市", None, "荣昌区")
WUJIANG = Region("广东省", "韶关市", "武江区")

SAME_BODY = {
    "城步苗族自治县商务局": [
        ("县商务局", CHENGBU),
        ("縣商務局", CHENGBU),
        ("商务局", CHENGBU),
        ("城步县商务局", None),
        ("城步苗族自治县商务局", None),
        ("湖南省城步苗族自治县商务局", None),
        ("邵阳市城步苗族自治县商务局", CHENGBU),
        (" 城步苗族自治县 商务局。", None),
    ],
    "荣昌区商务委员会": [
        ("重庆市荣昌区商务委员会", None),
        ("荣昌区商务委", None),
        ("区商务委员会", RONGCHANG),
        ("重慶市榮昌區商務委員會", None),
    ],
    "宿迁市发展和改革委员会": [
        ("宿迁市发展和改革委员会", None),
        ("宿迁市发展改革委", None),
        ("宿迁市发改委", None),
        ("江苏省宿迁市发展改革委员会", None),
    ],
    "沭阳县发展和改革局": [
        ("沭阳县发展和改革局", None),
        ("沭阳县发改局", None),
        ("宿迁市沭阳县发展改革局", None),
    ],
    "嘉兴市人力资源和社会保障局": [("嘉兴市人社局", None), ("嘉兴市人力资源社会保障局", None)],
    "丽水市市场监督管理局": [
        ("丽水市市场监督管理局", None),
        ("丽水市市场监管局", None),
        ("市场监督管理局", {"province": "浙江省", "city": "丽水市"}),
    ],
    "朝阳市卫生健康委员会": [
        ("朝陽市衛生健康委員會", None),
        ("朝阳市卫健委", None),
        ("朝阳市卫生健康委", None),
    ],
    "城步苗族自治县人民政府办公室": [
        ("城步县政府办", None),
        ("城步苗族自治县人民政府办公室", None),
        ("县政府办公室", CHENGBU),
    ],
    "上海市人民政府办公厅": [("上海市人民政府办公厅", None), ("上海市政府办公厅", None)],
    "江西省人民政府": [
        ("江西省", None),
        ("江西省政府", None),
        ("江西省人民政府", None),
        ("省政府", {"province": "江西省"}),
    ],
    "湛江市地方志办公室": [("湛江市人民政府地方志办公室", None), ("湛江市地方志办公室", None)],
    "西藏自治区国有资产监督管理委员会": [
        ("西藏自治区政府国资委", None),
        ("西藏自治区国资委", None),
        ("西藏自治区人民政府国有资产监督管理委员会", None),
    ],
    "兴安盟外事办公室": [
        ("兴安盟行署外事办公室", None),
        ("兴安盟外办", None),
        ("兴安盟行政公署外事办公室", None),
    ],
    "武江区龙归镇人民政府": [
        ("武江区龙归镇人民政府", None),
        ("龙归镇", WUJIANG),
        ("龙归镇政府", WUJIANG),
        ("韶关市武江区龙归镇人民政府", None),
    ],
    "海珠区官洲街道办事处": [
        ("官洲街道", Region("广东省", "广州市", "海珠区")),
        ("官洲街道办", Region("广东省", "广州市", "海珠区")),
    ],
    "平潭综合实验区管理委员会": [("平潭综合实验区", None), ("平潭综合实验区管委会", None)],
    "巍山彝族回族自治县教育局": [
        ("大理白族自治州巍山彝族回族自治县教育局", None),
        ("大理州巍山县教育局", None),
    ],
    "广东省商务厅": [("广东省商务厅", None), ("广东商务厅", None)],
    "广西壮族自治区人力资源和社会保障厅": [
        ("广西人社厅", None),
        ("广西壮族自治区人力资源和社会保障厅", None),
    ],
    "北京市通州区商务局": [
        ("北京市通州区商务局", None),
        ("通州区商务局", {"province": "北京市", "county": "通州区"}),
    ],
}


@pytest.mark.parametrize(
    ("name", "region", "key"),
    [(name, region, key) for key, variants in SAME_BODY.items() for name, region in variants],
)
def test_name_variants_share_one_key(name, region, key):
    assert agency_key(name, region) == key


@pytest.mark.parametrize(
    ("a", "b"),
    [
        (("县商务局", CHENGBU), ("县商务局", {"province": "湖南省", "city": "邵阳市", "county": "隆回县"})),
        (("县商务局", CHENGBU), ("市商务局", CHENGBU)),
        (("市商务局", {"province": "湖南省", "city": "邵阳市"}), ("县商务局", CHENGBU)),
        (("北京市通州区商务局", None), ("南通市通州区商务局", None)),
        (("平潭综合实验区", None), ("平潭县人民政府", None)),
        (("城步苗族自治县人民政府", None), ("城步苗族自治县人民政府办公室", None)),
        # Reorganised bodies and names that differ in substance stay apart.
        (("朝阳市卫生和计划生育委员会", None), ("朝阳市卫生健康委员会", None)),
        (("淮安市自然资源和规划局", None), ("淮安市自然资源局", None)),
        (("沭阳县发展和改革局", None), ("沭阳县发展和改革委员会", None)),
    ],
)
def test_distinct_bodies_keep_distinct_keys(a, b):
    assert agency_key(*a) != agency_key(*b)


def test_the_level_word_stands_for_the_regions_place_of_that_level():
    assert agency_key("市商务局", CHENGBU) == "邵阳市商务局"
    assert agency_key("市商务委员会", RONGCHANG) == "重庆市商务委员会"
    assert (
        agency_key("县商务局", {"province": "湖南省", "city": "邵阳市", "county": "隆回县"}) == "隆回县商务局"
    )


def test_a_stated_place_is_kept_even_where_the_region_is_narrower():
    assert agency_key("邵阳市商务局", CHENGBU) == "邵阳市商务局"


def test_a_name_that_cannot_say_which_body_has_no_key():
    assert agency_key("县商务局", None) is None
    assert agency_key("商务局", Region()) is None
    assert agency_key("县商务局", {"province": "湖南省"}) is None  # no county to stand for
    assert agency_key(None, CHENGBU) is None
    assert agency_key("", CHENGBU) is None
    assert agency_key("2023", CHENGBU) is None


def test_a_proper_name_without_a_region_keeps_its_own_words():
    assert agency_key("官洲街道办事处", Region()) == "官洲街道办事处"


def test_region_names_are_read_in_their_gazetteer_form():
    assert place_name("城步县") == "城步苗族自治县"
    assert place_name("大理州") == "大理白族自治州"
    assert place_name("荣昌区") == "荣昌区"
    assert agency_key("县商务局", {"province": "湖南省", "county": "城步县"}) == "城步苗族自治县商务局"


def test_seed_002_links_to_its_full_name():
    report = extract_path(next(SEEDS.glob("002_*.txt")))
    record = report.to_record()
    assert agency_key(record["agency"], record["region"]) == "城步苗族自治县商务局"
    assert agency_key("县商务局", report.region) == "城步苗族自治县商务局"


def test_the_pingtan_zone_reports_of_four_years_share_one_key_apart_from_the_county():
    keys = {
        path.name: agency_key(r.agency, r.region)
        for path in sorted(REAL.glob("0[2-6]_pingtan_*"))
        if not path.name.endswith(".json")
        for r in [extract_path(path)]
    }
    assert keys == {
        "02_pingtan_zone_2013.html": "平潭综合实验区管理委员会",
        "03_pingtan_county_gov_2013.html": "平潭县人民政府",
        "04_pingtan_zone_2017.txt": "平潭综合实验区管理委员会",
        "05_pingtan_zone_2011.txt": "平潭综合实验区管理委员会",
        "06_pingtan_zone_2012.txt": "平潭综合实验区管理委员会",
    }


def test_the_label_is_the_fullest_name_seen():
    assert agency_label(["县商务局", "城步苗族自治县商务局", "城步县商务局", None]) == "城步苗族自治县商务局"
    assert agency_label(["荣昌区商务委", "重庆市荣昌区商务委员会"]) == "重庆市荣昌区商务委员会"
    assert agency_label(["縣商務局"]) == "县商务局"
    # Equal length: the name printed more often, then character order, whatever the input order.
    assert agency_label(["宿迁市发改委", "宿迁市发改局", "宿迁市发改局"]) == "宿迁市发改局"
    assert agency_label(["乙市商务局", "甲市商务局"]) == agency_label(["甲市商务局", "乙市商务局"])
    assert agency_label([None, ""]) is None


def test_a_prefectures_short_name_keys_as_its_full_name():
    # the gazetteer places 黔南州 (pages e06); the key still links it with the full name
    short, full = "黔南州交通运输局", "黔南布依族苗族自治州交通运输局"
    assert agency_key(short, locate(short)) == agency_key(full, locate(full)) == full
