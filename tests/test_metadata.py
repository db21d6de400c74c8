"""Metadata (title, agency, region, year, published) and the gazetteer."""

from __future__ import annotations

from pathlib import Path

import pytest

from indexer.extract.gazetteer import locate
from indexer.extract.metadata import Metadata, extract_metadata
from indexer.extract.sections import split_sections
from indexer.models import Region

DATA = Path(__file__).parent / "data"


def _lines(folder: str, prefix: str) -> list[str]:
    (path,) = (DATA / folder).glob(f"{prefix}*.txt")
    return path.read_text(encoding="utf-8").splitlines()


def _meta(lines: list[str]) -> Metadata:
    return extract_metadata(lines, split_sections(lines))


@pytest.mark.parametrize(
    ("name", "region"),
    [
        ("重庆市荣昌区商务委员会", Region("重庆市", None, "荣昌区")),
        ("城步苗族自治县商务局", Region("湖南省", "邵阳市", "城步苗族自治县")),
        ("周村区商务局", Region("山东省", "淄博市", "周村区")),
        ("兴庆区商务和经济技术合作局", Region("宁夏回族自治区", "银川市", "兴庆区")),
        ("沭阳县发展和改革局", Region("江苏省", "宿迁市", "沭阳县")),
        ("平潭综合实验区", Region("福建省", "福州市", "平潭县")),
        ("福建省平潭综合实验区", Region("福建省", "福州市", "平潭县")),
        ("北京市朝阳区商务局", Region("北京市", None, "朝阳区")),
        ("长春市朝阳区商务局", Region("吉林省", "长春市", "朝阳区")),
        ("吉林省朝阳区", Region("吉林省", "长春市", "朝阳区")),
        ("朝阳区商务局", Region()),  # 北京 or 长春: nothing is certain
        ("江苏省鼓楼区", Region("江苏省", None, None)),  # 南京 or 徐州: only the province
        ("福州市鼓楼区", Region("福建省", "福州市", "鼓楼区")),
        ("上海市浦东新区", Region("上海市", None, "浦东新区")),
        ("宿迁市发展和改革委员会", Region("江苏省", "宿迁市", None)),
        ("东莞市商务局", Region("广东省", "东莞市", None)),
        ("吉林省商务厅", Region("吉林省", None, None)),
        ("广东省商务厅", Region("广东省", None, None)),
        ("广东商务厅", Region("广东省", None, None)),
        ("宁夏商务厅", Region("宁夏回族自治区", None, None)),
        ("湖北省仙桃市", Region("湖北省", None, "仙桃市")),
        ("商务部", Region()),
        ("区经信委", Region()),
        ("县商务局", Region()),
        ("", Region()),
    ],
)
def test_locate(name: str, region: Region) -> None:
    assert locate(name) == region


def test_short_province_only_at_start() -> None:
    assert locate("驻广东办事处") == Region()


SEEDS = [
    ("000", "重庆市荣昌区商务委员会2020年政府信息公开工作年度报告", "重庆市荣昌区商务委员会",
     Region("重庆市", None, "荣昌区"), 2020, None),
    ("001", "重庆市大渡口区经济和信息化委员会2019年政府信息公开工作年度报告", "重庆市大渡口区经济和信息化委员会",
     Region("重庆市", None, "大渡口区"), 2019, "2020-03-03"),
    ("002", "县商务局2019年政府信息公开工作年度报告", "城步苗族自治县商务局",
     Region("湖南省", "邵阳市", "城步苗族自治县"), 2019, "2020-02-12"),
    ("003", "周村区商务局政府信息公开工作年度报告", "周村区商务局",
     Region("山东省", "淄博市", "周村区"), 2020, None),
    ("004", "兴庆区商务和经济技术合作局2020年政府信息公开工作年度报告", "兴庆区商务和经济技术合作局",
     Region("宁夏回族自治区", "银川市", "兴庆区"), 2020, "2021-01-21"),
]  # fmt: skip


@pytest.mark.parametrize(("seed", "title", "agency", "region", "year", "published"), SEEDS)
def test_seed_metadata(seed, title, agency, region, year, published) -> None:
    assert _meta(_lines("seeds", seed)) == Metadata(title, agency, region, year, published)


PINGTAN = Region("福建省", "福州市", "平潭县")


@pytest.mark.parametrize(
    ("report", "title", "year", "published"),
    [
        ("04", "平潭综合实验区2017年度政府信息公开工作年度报告", 2017, "2018-01-23"),
        ("05", "平潭综合实验区2011年政府信息公开工作年度报告", 2011, "2012-04-11"),
        ("06", "平潭综合实验区2012年政府信息公开工作年度报告", 2012, "2013-02-25"),
    ],
)
def test_real_crawler_metadata(report: str, title: str, year: int, published: str) -> None:
    assert _meta(_lines("real", report)) == Metadata(title, "平潭综合实验区", PINGTAN, year, published)


def test_real_html_shuyang() -> None:
    bs4 = pytest.importorskip("bs4")
    html = (DATA / "real" / "01_shuyang_ndrc_2023.html").read_text(encoding="utf-8")
    lines = bs4.BeautifulSoup(html, "html.parser").get_text().splitlines()
    assert _meta(lines) == Metadata(
        "沭阳县发展和改革局2023年政府信息公开年度报告",  # the crawler title's "-沭阳县发改局" is the site's
        "沭阳县发展和改革局",
        Region("江苏省", "宿迁市", "沭阳县"),
        2023,
        "2024-01-17",
    )


def test_crawler_header_wins_and_agency_field_is_last_resort() -> None:
    lines = [
        "标题: 政府信息公开工作年度报告",
        "发布时间: 2018-01-23 08:51",
        "发布机构: 平潭综合实验区管委会办公室",
        "某某局2016年政府信息公开工作年度报告",
        "一、概述",
        "2017年，我区认真贯彻。",
    ]
    meta = _meta(lines)
    assert meta == Metadata(
        "政府信息公开工作年度报告", "平潭综合实验区管委会办公室", PINGTAN, 2017, "2018-01-23"
    )


def test_year_from_title_not_publication() -> None:
    lines = [
        "某某县商务局2019年政府信息公开工作年度报告",
        "一、总体情况",
        "2020年，我局认真贯彻。",
        "某某县商务局",
        "2020年1月5日",
    ]
    meta = _meta(lines)
    assert (meta.year, meta.published) == (2019, "2020-01-05")


@pytest.mark.parametrize(
    ("body", "year"),
    [
        ("本报告中所列数据的统计期限自2020年1月1日起至2020年12月31日止。", 2020),
        ("我局认真贯彻《条例》。2018年，我局主动公开信息20条。", 2018),
        ("2021 年度，我局认真贯彻。", 2021),
        ("我局认真贯彻《条例》，主动公开信息20条。", None),
    ],
)
def test_year_from_body(body: str, year: int | None) -> None:
    assert _meta(["周村区商务局", "政府信息公开工作年度报告", "一、总体情况", body]).year == year


def test_markup_and_spaces_stripped_from_title() -> None:
    lines = [
        "# **重庆市大渡口区经济和信息化委员会 2019 年政府信息公开工作年度报告**",
        "一、总体情况",
        "正文。",
    ]
    meta = _meta(lines)
    assert meta.title == "重庆市大渡口区经济和信息化委员会2019年政府信息公开工作年度报告"
    assert meta.agency == "重庆市大渡口区经济和信息化委员会"


def test_region_from_body_when_agency_has_no_place() -> None:
    lines = [
        "区经信委2019年政府信息公开工作年度报告",
        "一、总体情况",
        "按照重庆市大渡口区政府的部署，我委认真贯彻。",
    ]
    meta = _meta(lines)
    assert meta.agency == "区经信委"
    assert meta.region == Region("重庆市", None, "大渡口区")


def test_chinese_numeral_signature_date() -> None:
    lines = ["某某局2012年政府信息公开工作年度报告", "一、概述", "正文。", "某某局", "二〇一三年一月二十日"]
    assert _meta(lines).published == "2013-01-20"


def test_nothing_known() -> None:
    assert _meta(["正文。"]) == Metadata(None, None, Region(), None, None)


def test_title_wrapped_mid_phrase_by_a_pdf_line():
    lines = ["恩施土家族苗族自治州人力资源和社会保障局 2014 年政府信息公开", "工作年度报告", "一. 概述", "正文。"]
    meta = extract_metadata(lines, split_sections(lines))
    assert meta.title == "恩施土家族苗族自治州人力资源和社会保障局2014年政府信息公开工作年度报告"
    assert meta.agency == "恩施土家族苗族自治州人力资源和社会保障局"
    assert meta.year == 2014
