"""Metadata (title, agency, region, year, published) and the gazetteer."""

from __future__ import annotations

from pathlib import Path

import pytest

from indexer.extract.agency import as_name, expand, government_of, is_name, lengthen
from indexer.extract.gazetteer import locate
from indexer.extract.metadata import Metadata, extract_metadata
from indexer.extract.sections import split_sections
from indexer.extract.titles import header_fields, parse_report_name
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
        # zq40: 绍兴县 (a former county named after its city) holds no 兴县 of 山西
        ("绍兴县福全镇", Region("浙江省", "绍兴市", None)),
        # zq31: 莲花山 is a hill, no 莲花县
        ("莲花山度假区商务局", Region()),
        ("吕梁市兴县", Region("山西省", "吕梁市", "兴县")),
        # zo61, zo73: the municipality by its short name before a zone (its two city-level parts, one province)
        ("重庆高新技术产业开发区管理委员会办公室", Region("重庆市", None, None)),
        ("重庆高新区融媒体中心", Region("重庆市", None, None)),
        ("宿迁市发展和改革委员会", Region("江苏省", "宿迁市", None)),
        ("东莞市商务局", Region("广东省", "东莞市", None)),
        ("吉林省商务厅", Region("吉林省", None, None)),
        ("广东省商务厅", Region("广东省", None, None)),
        ("广东商务厅", Region("广东省", None, None)),
        ("宁夏商务厅", Region("宁夏回族自治区", None, None)),
        ("湖北省仙桃市", Region("湖北省", None, "仙桃市")),
        # 恩施 starts the 州's own name, not 恩施市; 公安 (公安县, in 荆州) is not in the 州
        ("湖北省恩施土家族苗族自治州公安局", Region("湖北省", "恩施土家族苗族自治州", None)),
        ("商务部", Region()),
        ("区经信委", Region()),
        ("县商务局", Region()),
        ("", Region()),
    ],
)
def test_locate(name: str, region: Region) -> None:
    assert locate(name) == region


def test_locate_is_the_same_in_every_process() -> None:
    """The place names found are tried in the order they stand, not in a set's order, which
    changes with each process's string hashing (the same report got 恩施市 in one ingest and no
    county in the next)."""
    import os
    import subprocess
    import sys

    names = ["湖北省恩施土家族苗族自治州公安局", "福建省平潭综合实验区", "长春市朝阳区商务局"]
    script = "import sys; from indexer.extract.gazetteer import locate; print([locate(n).to_dict() for n in sys.argv[1:]])"
    seen = {
        subprocess.run(
            [sys.executable, "-c", script, *names],
            env={**os.environ, "PYTHONHASHSEED": str(seed)},
            capture_output=True,
            text=True,
            check=True,
        ).stdout
        for seed in range(4)
    }
    assert seen == {str([locate(n).to_dict() for n in names]) + "\n"}


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
        # signed 二○一二年二月二十日 above the appended 统计表; the crawler's 发布时间 says 2012-04-11
        ("05", "平潭综合实验区2011年政府信息公开工作年度报告", 2011, "2012-02-20"),
        ("06", "平潭综合实验区2012年政府信息公开工作年度报告", 2012, "2013-01-20"),
    ],
)
def test_real_crawler_metadata(report: str, title: str, year: int, published: str) -> None:
    meta = _meta(_lines("real", report))
    assert meta == Metadata(title, "平潭综合实验区", PINGTAN, year, published, meta.source_url)
    assert meta.source_url.startswith("https://www.pingtan.gov.cn/zwgk/zfxxgk/zfxxgknb/")  # 原文链接:


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
        "http://www.shuyang.gov.cn/sygfj/gknb/202401/2ecfb31a335f4d689220a3a23e24a986.shtml",  # 来源：
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
    # the publishing office stands for its body where the text (我区) speaks as no office
    assert meta == Metadata(
        "政府信息公开工作年度报告", "平潭综合实验区管委会", PINGTAN, 2017, "2018-01-23"
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
        # Real pages whose only year is in the body (tests/data/real/pages a02, b15, d18, b16)
        ("2019年我局政府信息公开工作运行良好。", 2019),
        ("2025年中仓街道积极推动街道政府信息公开工作。", 2025),
        ("2022年以来,丰收乡认真贯彻落实《条例》。", 2022),
        ("截止2023年12月31日我局共有公开目录12项。", 2023),
        ("《条例》于2019年5月15日起施行,我局认真贯彻。", None),  # a date, not the year covered
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


@pytest.mark.parametrize(
    "account, region",
    [
        ("“健康朔州官微”微信公众号", Region("山西省", "朔州市", None)),  # theme, place, what it is
        ("“健康朔州官方”头条号", Region("山西省", "朔州市", None)),
        ("“法治平安发布”公众号", Region()),  # 平安 opens an account's name here, not 平安区
        ("“幸福和平官微”", Region()),
        ("“政务公开在线”", Region()),  # no place at all
        ("“朔州发布”", Region("山西省", "朔州市", None)),  # a name that starts with its place, as before
    ],
)
def test_region_from_an_account_named_for_its_place(account: str, region: Region) -> None:
    lines = ["2022年政府信息公开工作年度报告", "一、总体情况", f"我委充分利用{account}发布信息。"]
    assert _meta(lines).region == region


@pytest.mark.parametrize("separator", ["\t", " | ", "：", " "])
def test_catalogue_box_name_field_is_the_title_not_the_agency(separator: str) -> None:
    # A 信息公开 catalogue's box as a crawler flattened its table: 名称 is a field, not a name's start.
    lines = [
        "沭阳县发改局",
        "政府信息公开",
        f"名称{separator}沭阳县发展和改革局2023年政府信息公开年度报告",
        f"索引号{separator}014314799/2024-00002",
        f"发布机构{separator}沭阳县发展和改革局",
        "一、总体情况",
        "2023年，我局认真贯彻落实《条例》。",
    ]
    meta = _meta(lines)
    assert meta.title == "沭阳县发展和改革局2023年政府信息公开年度报告"
    assert meta.agency == "沭阳县发展和改革局"


def test_chinese_numeral_signature_date() -> None:
    lines = ["某某局2012年政府信息公开工作年度报告", "一、概述", "正文。", "某某局", "二〇一三年一月二十日"]
    assert _meta(lines).published == "2013-01-20"


def test_nothing_known() -> None:
    assert _meta(["正文。"]) == Metadata(None, None, Region(), None, None)


def test_title_wrapped_mid_phrase_by_a_pdf_line():
    lines = [
        "恩施土家族苗族自治州人力资源和社会保障局 2014 年政府信息公开",
        "工作年度报告",
        "一. 概述",
        "正文。",
    ]
    meta = extract_metadata(lines, split_sections(lines))
    assert meta.title == "恩施土家族苗族自治州人力资源和社会保障局2014年政府信息公开工作年度报告"
    assert meta.agency == "恩施土家族苗族自治州人力资源和社会保障局"
    assert meta.year == 2014


@pytest.mark.parametrize(
    ("name", "government"),
    [
        ("江西省", "江西省人民政府"),
        ("贺州市", "贺州市人民政府"),
        ("南京市秦淮区", "南京市秦淮区人民政府"),
        ("兴安盟", "兴安盟行政公署"),
        ("江南镇", "江南镇"),  # a township keeps its name as printed
        ("乌拉特中旗巴音乌兰苏木", "乌拉特中旗巴音乌兰苏木"),
        ("平潭综合实验区", "平潭综合实验区"),
        ("苏州工业园区", "苏州工业园区"),  # in the gazetteer, but run by a committee
        ("朝阳区", "朝阳区"),  # 北京 or 长春: not settled, so not completed
        ("西宁市人民政府", "西宁市人民政府"),
        ("沈阳市卫生健康委员会", "沈阳市卫生健康委员会"),
    ],
)
def test_place_alone_means_its_government(name: str, government: str) -> None:
    assert government_of(name) == government


@pytest.mark.parametrize(
    ("text", "ok"),
    [
        ("官洲街道办事处", True),
        ("乌鲁木齐国家高新区(新市区)", True),
        ("本溪市桓仁满族自治县生态环境局", True),  # 本溪 is a place, not 本局
        ("365体育备用网址自然资源和规划局", False),
        ("我局", False),
        ("本机关", False),
        ("全文检索", False),
        ("市委市政府", False),
        ("芜湖市人民政府门户网站", False),
        ("政府信息公开", False),
    ],
)
def test_is_name(text: str, ok: bool) -> None:
    assert is_name(text) is ok


def test_fuller_name_and_abbreviation() -> None:
    assert lengthen("龙归镇", ["韶关市政府", "武江区龙归镇人民政府"]) == "武江区龙归镇人民政府"
    assert lengthen("丽水市市场监督管理局", ["丽水市市场监管局"]) == "丽水市市场监督管理局"
    full = ["国务院办公厅", "河南省人民政府法制办公室"]
    assert expand("省政府法制办", full) == "河南省人民政府法制办公室"
    assert expand("市卫生健康委", ["沈阳市卫生健康委", "沈阳市卫生健康委员会"]) == "沈阳市卫生健康委员会"
    assert expand("市卫生健康委", ["沈阳市卫生健康委员会", "大连市卫生健康委员会"]) is None  # two bodies fit
    assert expand("省委", ["河南省卫生健康委员会"]) is None


@pytest.mark.parametrize(
    ("title", "name", "year"),
    [
        ("2019年上海市人民政府办公厅政府信息公开工作年度报告", "上海市人民政府办公厅", 2019),
        ("丽水市市场监督管理局2021年度政府信息公开工作年度报告", "丽水市市场监督管理局", 2021),
        ("2016年龙归镇政府信息公开年度报告", "龙归镇", 2016),
        ("西藏自治区审计厅2025年政务信息公开工作开展年度报告", "西藏自治区审计厅", 2025),
        ("西藏自治区政府国资委2020政府信息公开工作年度报告", "西藏自治区政府国资委", 2020),
        ("(图解)丽水市市场监管局2021年度政府信息公开工作年度报告", "丽水市市场监管局", 2021),
        ("贺州市人民政府办公室关于公布贺州市2009年度政府信息公开工作年度报告的通知", "贺州市", 2009),
        ("沭阳县发展和改革局2023年政府信息公开年度报告-沭阳县发改局", "沭阳县发展和改革局", 2023),
        ("宿州市人民政府2019年政府信息公开工作年度报告（图片版）", "宿州市人民政府", 2019),
        ("某某县人民政府信息公开工作年度报告", "某某县人民政府", None),
        ("周村区商务局政府信息公开工作年度报告", "周村区商务局", None),
    ],
)
def test_parse_report_name(title: str, name: str, year: int | None) -> None:
    parsed = parse_report_name(title)
    assert parsed is not None and (parsed.name, parsed.year) == (name, year)


def test_header_fields_pipes_spaces_and_runs() -> None:
    assert header_fields(["标 题 | 西藏自治区政府国资委2020政府信息公开工作年度报告 | ||"]) == {
        "标题": "西藏自治区政府国资委2020政府信息公开工作年度报告"
    }
    assert header_fields(["标      题 西藏自治区审计厅2025年政务信息公开工作开展年度报告"]) == {
        "标题": "西藏自治区审计厅2025年政务信息公开工作开展年度报告"
    }
    assert header_fields(["作者: 发布时间:2021-01-08 15:51 信息来源: 江南镇 浏览数:"]) == {
        "发布时间": "2021-01-08 15:51",
        "信息来源": "江南镇",
    }
    assert header_fields(["时间:2024年01月29日来源:市卫生健康委员会"]) == {
        "时间": "2024年01月29日",
        "来源": "市卫生健康委员会",
    }
    assert header_fields(["来源: 发布时间:2023-01-31 浏览次数: 【字体:"]) == {"发布时间": "2023-01-31"}
    assert header_fields(["西宁机关事务管理局:http://www.yqjnjc.com    来源:    创建时间:2015/10/15"]) == {}


def test_signature_on_the_date_line() -> None:
    lines = [
        "一、总体情况",
        "2021年，我局认真贯彻。",
        "六、其他需要报告的事项",
        "无。",
        "芜湖市繁昌区农业农村局 2022年1月20日",
    ]
    meta = _meta(lines)
    assert (meta.agency, meta.published) == ("芜湖市繁昌区农业农村局", "2022-01-20")


def test_bare_subject_without_a_full_name_is_the_agency_as_printed() -> None:
    # the text's only name for the body, as a title's 市环保局 is kept (most hand-read gold does so)
    assert _meta(["一、总体情况", "2021年，区农业农村局在区委区政府的正确领导下，认真贯彻。"]).agency == "区农业农村局"
    # a unit word after no level word names no body
    assert (
        _meta(["一、总体情况", "2025年，审计厅认真贯彻中央及自治区关于政务公开的有关要求。"]).agency is None
    )


@pytest.mark.parametrize(
    ("lines", "title", "agency", "year"),
    [
        (
            ["芜湖市人民政府办公室关于印发《芜湖市2015年政府信息公开工作年度报告》的通知", "一、概述"],
            "芜湖市2015年政府信息公开工作年度报告",
            "芜湖市人民政府",
            2015,
        ),
        (
            ["《芜湖市镜湖区2015年政府信息公开工作年度报告》", "一、概述"],
            "芜湖市镜湖区2015年政府信息公开工作年度报告",
            "芜湖市镜湖区人民政府",
            2015,
        ),
        (
            ["芜湖市镜湖区人民政府信息公开工作年度报告（2015年）", "一、概述"],
            "芜湖市镜湖区人民政府信息公开工作年度报告（2015年）",
            "芜湖市镜湖区人民政府",
            2015,
        ),
        (  # the body's name under a title that names none
            ["2015年政府信息公开工作年度报告", "芜湖市镜湖区人民政府", "一、概述"],
            "芜湖市镜湖区人民政府2015年政府信息公开工作年度报告",
            "芜湖市镜湖区人民政府",
            2015,
        ),
        (  # a sentence is not a title, but it names the report
            ["现将芜湖市农业农村局2020年政府信息公开工作年度报告公布如下。", "一、总体情况"],
            None,
            "芜湖市农业农村局",
            2020,
        ),
        (
            ["2015年政府信息公开工作年度报告", "全文检索", "一、概述"],
            "2015年政府信息公开工作年度报告",
            None,
            2015,
        ),
    ],
)
def test_title_shapes(lines: list[str], title: str | None, agency: str | None, year: int) -> None:
    meta = _meta(lines)
    assert (meta.title, meta.agency, meta.year) == (title, agency, year)


def test_bracketed_aside_is_not_part_of_the_name() -> None:
    lines = ["某某县人民政府办公室（县政务公开办）2020年政府信息公开工作年度报告", "一、总体情况"]
    assert _meta(lines).agency == "某某县人民政府办公室"
    assert as_name("乌鲁木齐国家高新区(新市区)") == "乌鲁木齐国家高新区(新市区)"


# One-line pages: a crawler flattened the whole page, chrome and signature included.
BREADCRUMB_THEN_TITLE = (
    "当前位置： 首页政务公开政府信息公开政府信息公开年报 哈尔滨市呼兰区应急管理局2023年政府信息公开工作年度报告"
    " 一、总体情况 2023年，我局认真贯彻落实《中华人民共和国政府信息公开条例》。 二、主动公开政府信息情况 第二十条第（一）项"
)
ARROW_CRUMBS_ENDING_IN_A_REPORT_NAME = (
    "首页 -> 政务公开 -> 政府信息公开年报 -> 2020年 -> 部门政府信息公开工作年度报告 孝感市市场监督管理局2019年政府信息"
    "公开工作年度报告 一、总体情况 2019年，我局认真贯彻落实《中华人民共和国政府信息公开条例》。"
)
SITE_CHROME_THEN_TITLE = (
    "站群导航 | 加入收藏 | 设为首页 | 手机版 理塘县人民政府 政府信息公开 全文检索 理塘县民政局2025年政府信息公开工作年度报告"
    " 字号: 一、总体情况2025年，我局认真贯彻落实《中华人民共和国政府信息公开条例》。"
)
MENU_WORDS_THEN_TITLE = (
    "法定主动 公开内容 政府信息 公开年报 申请公开 政府信息 黔西南布依族苗族自治州民政局2021年政府信息公开工作年度报告"
    " 来源: 发布时间:2022-03-05 浏览次数: 【字体: 一、总体情况 2021年，我局认真贯彻落实《条例》。"
)
NAME_WORD_BEFORE_A_NAMELESS_TITLE = (
    "晋安区人民政府 全文检索 当前位置： 首页政务公开政府信息公开政府信息公开年报 福州市晋安区人民政府办公室"
    " 2021年政府信息公开工作年度报告 字号: 一、总体情况2021年，我办认真贯彻落实《条例》。"
)
SITE_NAME_AND_CHROME_BEFORE_A_NAMELESS_TITLE = (
    "杞县人民政府 全文检索 2020年政府信息公开工作年度报告 时间:2021-02-28来源: [字体: ] 打印 一、总体情况 2020年，我局"
    "认真贯彻落实《条例》。"
)


@pytest.mark.parametrize(
    ("line", "title", "agency"),
    [
        (BREADCRUMB_THEN_TITLE, "哈尔滨市呼兰区应急管理局2023年政府信息公开工作年度报告", "哈尔滨市呼兰区应急管理局"),
        (ARROW_CRUMBS_ENDING_IN_A_REPORT_NAME, "孝感市市场监督管理局2019年政府信息公开工作年度报告", "孝感市市场监督管理局"),
        (SITE_CHROME_THEN_TITLE, "理塘县民政局2025年政府信息公开工作年度报告", "理塘县民政局"),
        (MENU_WORDS_THEN_TITLE, "黔西南布依族苗族自治州民政局2021年政府信息公开工作年度报告",
         "黔西南布依族苗族自治州民政局"),
        (NAME_WORD_BEFORE_A_NAMELESS_TITLE, "福州市晋安区人民政府办公室2021年政府信息公开工作年度报告",
         "福州市晋安区人民政府办公室"),
        (SITE_NAME_AND_CHROME_BEFORE_A_NAMELESS_TITLE, "2020年政府信息公开工作年度报告", None),
    ],
)  # fmt: skip
def test_title_after_chrome_on_a_one_line_page(line: str, title: str, agency: str | None) -> None:
    meta = _meta([line])
    assert (meta.title, meta.agency) == (title, agency)


@pytest.mark.parametrize(
    "line",
    [
        "河西镇人民政府2023年政府信息公开工作年度报告 一、总体情况 2023年，我镇认真贯彻落实《条例》。"
        " 六、其他需要报告的事项 无。 相城区河西镇人民政府 2024年1月12日",
        "河西镇人民政府2023年政府信息公开工作年度报告 一、总体情况2023年，我镇认真贯彻落实《条例》。"
        "六、其他需要报告的事项无。相城区河西镇人民政府2024年1月12日",
    ],
    ids=["spaced", "fused"],
)
def test_signature_ending_a_one_line_page_lengthens_the_title_name(line: str) -> None:
    meta = _meta([line])
    assert (meta.agency, meta.published) == ("相城区河西镇人民政府", "2024-01-12")


def test_date_alone_ending_an_unsigned_one_line_page_is_the_publication_date() -> None:
    line = "2022年政府信息公开工作年度报告 一、总体情况2022年，我局认真贯彻落实《条例》。六、其他需要报告的事项无。2023年3月13日"
    meta = _meta([line])
    assert (meta.agency, meta.published) == (None, "2023-03-13")


def test_signature_above_an_appended_statistics_table() -> None:
    line = (
        "市水利厅2017年政府信息公开工作年度报告 一、概述 2017年，我厅认真贯彻落实《条例》。 六、其他需要报告的事项 2017年，"
        "我厅未收取信息处理费。 重庆市水利厅 2018年1月17日 附：政府信息公开情况统计表 指标名称 计量 单位 2017 年度 历年累计"
        " 主动公开文件数 条 717 1735 行政复议数 件 0 0 行政诉讼数 件 0 5"
    )
    meta = _meta([line])
    assert (meta.agency, meta.published) == ("重庆市水利厅", "2018-01-17")


def test_signature_is_not_read_from_prose_ending_in_a_date() -> None:
    lines = [
        "一、总体情况",
        "2021年，我局认真贯彻。",
        "六、其他需要报告的事项",
        "本报告统计期限自2021年1月1日至2021年12月31日",
    ]
    assert (_meta(lines).agency, _meta(lines).published) == (None, None)


@pytest.mark.parametrize(
    ("lines", "agency"),
    [
        (  # the site's name, then its chrome, then the title: the opening sentence names the body
            ["杞县人民政府", "全文检索", "2020年政府信息公开工作年度报告",
             "根据《中华人民共和国政府信息公开条例》要求，特编制开封市杞县住房和城乡建设局2020年政府信息公开工作年度报告。",
             "一、总体情况", "2020年，我局认真贯彻落实《条例》。"],
            "开封市杞县住房和城乡建设局",
        ),
        (  # a report that only says 我局, under the site's name
            ["宿迁市人民政府", "", "全文检索", "", "2020年政府信息公开工作年度报告", "", "一、总体情况", "",
             "2020年，我局认真贯彻落实《中华人民共和国政府信息公开条例》。"],
            None,
        ),
        (  # a name line right above the title, but the opening sentence names another body
            ["杞县人民政府", "2020年政府信息公开工作年度报告",
             "根据《中华人民共和国政府信息公开条例》要求，特编制开封市杞县住房和城乡建设局2020年政府信息公开工作年度报告。",
             "一、总体情况"],
            "开封市杞县住房和城乡建设局",
        ),
        (  # the opening's shortening of the name line does not overrule it
            ["周村区商务局", "政府信息公开工作年度报告", "根据《条例》要求，特编制商务局2020年政府信息公开工作年度报告。",
             "一、总体情况"],
            "周村区商务局",
        ),
    ],
)  # fmt: skip
def test_a_site_name_is_not_the_agency(lines: list[str], agency: str | None) -> None:
    assert _meta(lines).agency == agency


def test_a_simplified_page_keeps_characters_both_scripts_use() -> None:
    """乾县 is a county; converting 乾 as if it were traditional would give 干县, which is nowhere."""
    lines = [
        "咸阳市乾县应急管理局2019年政府信息公开工作年度报告",
        "一、总体情况",
        "2019年，我局显著提升了公开质量。",
    ]
    meta = _meta(lines)
    assert (meta.agency, meta.region) == ("咸阳市乾县应急管理局", Region("陕西省", "咸阳市", "乾县"))


def test_a_traditional_page_is_simplified_but_keeps_a_known_place() -> None:
    lines = [
        "咸陽市乾縣應急管理局2019年政府信息公開工作年度報告",
        "一、總體情況",
        "2019年，我局認真貫徹落實《條例》。",
    ]
    meta = _meta(lines)
    assert (meta.title, meta.agency) == (
        "咸阳市乾县应急管理局2019年政府信息公开工作年度报告",
        "咸阳市乾县应急管理局",
    )


@pytest.mark.parametrize(
    "footer",
    [
        ["主办单位：向阳区人民政府 网站标识码：7096594463", "ICP备案号：ICP备95589200号 政府网站找错"],
        ["【打印本页】 【关闭窗口】", "", "版权所有：某区人民政府办公室 技术支持：某某公司"],
    ],
)
def test_a_saved_pages_site_footer_hides_neither_signature_nor_date(tmp_path, footer):
    """A crawled page ends with the site's footer under the report's signature: the title's
    short name (区商务局) is lengthened by the signature (鹤岗市向阳区商务局) above it, the date
    read, and the footer is no part of the last section."""
    from indexer.extract import extract_path
    from indexer.generator import generate, write

    report = generate(3022, damage=False, form="cells")
    path = write(report, "cells", tmp_path)
    path.write_text(path.read_text(encoding="utf-8").rstrip() + "\n" + "\n".join(footer) + "\n", encoding="utf-8")
    extracted = extract_path(path)
    assert (extracted.agency, extracted.published) == ("鹤岗市向阳区商务局", "2020-01-02")
    assert extracted.sections["其他事项"] == "本年度未收取政府信息公开信息处理费。"


# --- the body the foreword names as compiler or contact (real pages, tests/data/real/pages) --------


@pytest.mark.parametrize(
    ("lines", "agency"),
    [
        (  # d02: a mirror's page that starts with the signature; compiled by
            ["本报告是根据《中华人民共和国政府信息公开条例》的规定,由广州市统计局编制的2017年度政府信息公开年度报告。",
             "一、概述"],
            "广州市统计局",
        ),
        (  # d06: compiled by the township government's office
            ["一、工作基本情况", "本报告是根据《条例》要求,由两城镇人民政府党政办公室编制。"],
            "两城镇人民政府",
        ),
        (  # c11: a city-wide report compiled by the city's disclosure office
            ["本报告由南平市人民政府信息公开工作领导小组办公室根据《条例》要求,汇总各县(市、区)情况编制而成。",
             "一、概述"],
            "南平市人民政府",
        ),
        (  # d15: no title, the contact named in full
            ["根据《条例》编制本报告。如对本年度报告有疑问,请联系:杭州市滨江区人民政府长河街道办事处;联系电话:0571-86624908。",
             "一、总体情况"],
            "杭州市滨江区人民政府长河街道办事处",
        ),
        (  # d05: the contact named, its address in brackets
            ["编制我单位2021年政府信息公开工作年度报告。如有疑问请与来凤县政务服务和大数据管理局(地址:来凤县政务服务中心501室)。",
             "一、总体情况"],
            "来凤县政务服务和大数据管理局",
        ),
        (  # c08: the general office compiles the city's report; its full name says which city
            ["本年度报告由市政府办公厅综合各区(县)人民政府的年度报告编制而成。如有疑问,请与上海市人民政府办公厅联系。",
             "一、概述"],
            "上海市人民政府",
        ),
        (  # d13: the disclosure office of a national body
            ["如对本报告有任何疑问,请与国家税务总局政府信息公开办公室联系(地址:北京市海淀区羊坊店西路5号)。", "一、概述"],
            "国家税务总局",
        ),
        (  # a12: the opening says what the body is
            ["一、总体情况", "绍兴市卫生健康委是主管全市医疗卫生健康事业的市政府职能部门,按照《条例》的要求开展工作。"],
            "绍兴市卫生健康委",
        ),
        (  # b15: the opening sentence's subject with no comma after its year
            ["依据《条例》第五十条规定,编制本报告。", "一、总体情况", "2025年中仓街道积极推动街道政府信息公开工作。"],
            "中仓街道",
        ),
        (  # a contact without a place says nothing of which body it is
            ["如有疑问请与局办公室联系。", "一、总体情况", "2020年，我局认真贯彻。"],
            None,
        ),
    ],
)  # fmt: skip
def test_agency_from_the_forewords_compiler_or_contact(lines: list[str], agency: str | None) -> None:
    assert _meta(lines).agency == agency


def test_a_title_name_is_lengthened_by_the_forewords_compiler() -> None:
    # c17, b05: the title names the township; the foreword its full name
    lines = ["云林街道2015年政府信息公开工作年度报告",
             "本报告由无锡市锡山区人民政府云林街道办事处编制。", "一、概述"]  # fmt: skip
    assert _meta(lines).agency == "无锡市锡山区人民政府云林街道办事处"
    lines = ["农业农村局2020年政府信息公开工作年度报告", "如对本报告有疑问,请与资溪县农业农村局联系。", "一、总体情况"]
    assert _meta(lines).agency == "资溪县农业农村局"


def test_a_place_the_body_aids_is_not_its_region() -> None:
    # d11: 上海's 2009 report, which never names 上海, names the city it aids
    lines = ["一、概述", "本市认真贯彻《条例》,向社会公开对口支援都江堰市灾后恢复重建项目以及资金筹集使用情况。"]
    assert _meta(lines).region == Region()


def test_a_national_body_has_no_region() -> None:
    # d13: 国家税务总局's contact address is in 北京市海淀区; the body reports for the country
    lines = ["国家税务总局2010年政府信息公开工作年度报告",
             "如有疑问,请与国家税务总局政府信息公开办公室联系(地址:北京市海淀区羊坊店西路5号)。", "一、概述"]  # fmt: skip
    meta = _meta(lines)
    assert (meta.agency, meta.region) == ("国家税务总局", Region())


@pytest.mark.parametrize(
    ("name", "province", "city"),
    [("西咸新区底张街道办事处", "陕西省", None), ("兰州新区卫生健康委员会", "甘肃省", "兰州市"),
     ("青岛西海岸新区", "山东省", "青岛市"), ("天津市滨海新区", "天津市", None)],
)  # fmt: skip
def test_state_level_new_areas_are_placed(name: str, province: str, city: str | None) -> None:
    region = locate(name)
    assert (region.province, region.city) == (province, city)


@pytest.mark.parametrize(
    ("name", "province", "city"),
    [("黔南州交通运输局", "贵州省", "黔南布依族苗族自治州"), ("黔东南州农业农村局", "贵州省", "黔东南苗族侗族自治州"),
     ("凉山州", "四川省", "凉山彝族自治州"), ("海南州", "青海省", "海南藏族自治州"), ("海南省人民政府", "海南省", None)],
)  # fmt: skip
def test_autonomous_prefectures_by_their_short_names(name: str, province: str, city: str | None) -> None:
    region = locate(name)
    assert (region.province, region.city) == (province, city)


@pytest.mark.parametrize(
    ("lines", "agency"),
    [
        (["政府政务公开年报", "一、总体情况", "我镇认真贯彻《条例》。"], None),  # a unit word alone is no name
        (["根据《条例》,特向社会公布2019年度青龙镇政府(机关)信息公开年度报告。", "一、总体情况"], "青龙镇政府"),
        (["如有疑问,请与洮北区东风乡人民办公室联系。", "一、总体情况"], None),  # an office is not the body
        (["如有疑问,请与邢台市生态环境局沙河市分局办公室联系。", "一、总体情况"], "邢台市生态环境局沙河市分局"),
        (["福州市闽侯生态环境局编制了本报告。", "一、总体情况"], "福州市闽侯生态环境局"),
        (["一、总体情况", "黔南州交通运输局始终高度重视政府信息公开工作。"], "黔南州交通运输局"),
        (["新疆伊宁县", "伊宁县政府信息公开工作2023年度报告",
          "现向社会公布伊宁县人民政府2023年政府信息公开工作年度报告。", "一、总体情况"], "伊宁县人民政府"),
    ],
)  # fmt: skip
def test_agency_shapes_of_the_second_round_of_real_pages(lines: list[str], agency: str | None) -> None:
    assert _meta(lines).agency == agency


def test_a_street_address_places_a_body_only_where_nothing_else_does() -> None:
    lines = ["一、总体情况", "请与黔南州交通运输局联系(地址:贵州省都匀市剑江中路2号)。"]
    region = _meta(lines).region
    assert (region.province, region.city, region.county) == ("贵州省", "黔南布依族苗族自治州", None)
    lines = ["一、总体情况", "请与连生乡人民政府联系(地址:绥滨县连生乡连生村)。"]
    assert _meta(lines).region.county == "绥滨县"


def test_the_pages_publisher_is_no_agency_of_a_township_that_says_we() -> None:
    # i05 昌图县七家子镇 2023, posted by the county's office; its title is garbled
    lines = ["来源:昌图县人民政府办公室 时间:2024-01-31", "昌图县七家子镇2023年政府信息公开 工作告年度报",
             "一、总体情况", "2023年,我镇认真贯彻《条例》,依法公开政府信息。"]  # fmt: skip
    meta = _meta(lines)
    assert meta.agency is None
    assert (meta.region.province, meta.region.county) == ("辽宁省", "昌图县")


def test_a_street_named_like_a_county_is_no_county() -> None:
    # j09 淄博市中埠镇 2020: 铁山路 is a street, not 黄石市铁山区
    lines = ["一、总体情况", "如有疑问请与中埠镇党政办联系(地址:中埠镇铁山路37号,邮编:255000)。"]
    assert _meta(lines).region == Region()


def test_compiled_by_a_governments_disclosure_office() -> None:
    # h25 哈尔滨市 2015
    lines = ["本报告由哈尔滨市人民政府政务公开办公室综合各区、县(市)政府和市政府各部门年度报告编制。", "一、概述"]
    assert _meta(lines).agency == "哈尔滨市人民政府"


def test_the_body_whose_work_the_foreword_says_the_report_covers() -> None:
    # l10 自贡市商务局 2022: no title, the body named once in the foreword
    lines = ["根据《条例》的要求,结合自贡市商务局2022年政府信息公开工作实际,编制发布本报告。", "一、总体情况",
             "2022年,我局严格贯彻执行国家、省、市有关规定。"]  # fmt: skip
    assert _meta(lines).agency == "自贡市商务局"


def test_a_doubled_please_contact_is_not_part_of_the_name() -> None:
    # a page held out from the bundled ones (南昌市西湖区绳金塔街道, 2021)
    lines = ["一、总体情况", "如对本报告有疑问,请联系请联系绳金塔街道党政办公室(电话:0791-86000000)。"]
    assert _meta(lines).agency == "绳金塔街道"


@pytest.mark.parametrize(
    ("lines", "agency"),
    [
        (["本年报是根据《规定》要求,由海虞镇党政办编制。", "一、概述"], "海虞镇"),  # the office abbreviated
        (["本报告由临夏市人民政府办公室编制。", "一、总体情况",
          "2025年,临夏市人民政府办公室深入贯彻落实《条例》。"], "临夏市人民政府办公室"),  # the office on itself
        (["长塘镇2019年政府信息公开工作年度报告",
          "特公布临湘市长塘镇人民政府(以下简称长塘镇人民政府)2019年政府信息公开工作年度报告。",
          "一、总体情况"], "临湘市长塘镇人民政府"),  # a fuller name less its aside
    ],
)  # fmt: skip
def test_agency_shapes_of_held_out_pages(lines: list[str], agency: str) -> None:
    assert _meta(lines).agency == agency


def test_a_mirrors_gambling_spam_names_no_place() -> None:
    lines = ["海虞镇2015年政府 澳门皇冠_皇冠国际线上娱乐-体育*投注:工作年度报告",
             "本年报是根据《苏州市政府 澳门皇冠_皇冠国际线上娱乐-体育*投注:规定》要求编制。", "一、概述"]  # fmt: skip
    assert _meta(lines).region.province == "江苏省"


@pytest.mark.parametrize(
    ("lines", "agency"),
    [
        # m09 (抚州市东乡区): the title abbreviates the name the foreword spells out
        (["撫州市東鄉區教體局2022年政府信息公開工作年度報告", "本報告由撫州市東鄉區教育體育局編制。", "一、總體情況"],
         "抚州市东乡区教育体育局"),
        # o07 五通桥区: the publisher field spells out the title's abbreviation
        (["五通桥区文体旅游局2020年政府信息公开工作年度报告", "发布时间:2021-01-11 来源:五通桥区文化体育和旅游局",
          "一、总体情况", "2020年,区文体旅游局认真按照部署。"], "五通桥区文化体育和旅游局"),
        # a unit of the body is no spelling out of its name
        (["高平市人民政府办公室2023年政府信息公开工作年度报告", "请与高平市人民政府办公室信息室联系。", "一、总体情况"],
         "高平市人民政府办公室"),
        # p02 宣城市气象局: a bare name the text prints once after its city
        (["市气象局2017年政府信息公开工作报告", "一、总体情况", "今年以来,市气象局紧抓宣城市气象局政务公开权责清单。"],
         "宣城市气象局"),
        # n22 良庆区: the district's disclosure leading group's office compiled it
        (["政府信息公开工作年度报告【城区本级】", "本报告由南宁市良庆区政务公开工作领导小组办公室编制。", "一、总体情况"],
         "南宁市良庆区人民政府"),
        # p24 宁波: the title wrapped after its year
        (["宁波市自然资源和规划局国家高新区分局2020年", "政府信息公开工作年度报告", "一、总体情况"],
         "宁波市自然资源和规划局国家高新区分局"),
    ],
)
def test_fifth_round_agencies(lines: list[str], agency: str) -> None:
    assert _meta(lines).agency == agency


@pytest.mark.parametrize(
    ("line", "region"),
    [
        # o01: 和 joins 部署 and 县委; it is no 和县
        ("并按照省、市深化政务公开工作的决策部署和县委、县政府的工作要求。", Region()),
        ("马鞍山市和县人民政府主动公开政府信息。", Region("安徽省", "马鞍山市", "和县")),
        # m16 东至县木塔乡: a slogan opens with 惠民 (惠民县's stem)
        ("开展“惠民惠农政策暖人心”宣传活动。", Region()),
        ("充分发挥“淮安自然资源和规划”公众号作用。", Region("江苏省", "淮安市", None)),
    ],
)
def test_places_in_sentences(line: str, region: Region) -> None:
    lines = ["2024年政府信息公开工作年度报告", "一、总体情况", line]
    assert _meta(lines).region == region


def test_the_year_after_a_heading_and_its_colon() -> None:
    # o08 杭州市拱墅区: "总体情况 :2020年,我局…", no title
    lines = ["总体情况 :2020年,我局以深化公开内容为重点。", "1.主动公开:局门户网站全年发布信息96条。"]
    assert _meta(lines).year == 2020


def test_the_year_of_a_clause_that_opens_with_it_and_the_body() -> None:
    # o02 中江县: no title, no sentence opens with the year
    lines = ["一、总体情况", "按照要求,坚持依法公开,2022年,我局在中江县人民政府网站主动公开信息416条。"]
    assert _meta(lines).year == 2022


def test_an_autonomous_county_by_its_short_name() -> None:
    # p15: 张家川县 is 张家川回族自治县
    lines = ["现向社会公布张家川县退役军人事务局2025年度政府信息公开工作年度报告。", "一、总体情况"]
    assert _meta(lines).region == Region("甘肃省", "天水市", "张家川回族自治县")


@pytest.mark.parametrize(
    ("lines", "agency"),
    [
        # q22: the page's font-size chrome (大中小) before a second printing of the title
        (["城口县卫生健康委员会2020年政府信息公开工作年度报告", " 大中小",
          "大中小城口县卫生健康委员会2020年政府信息公开工作年度报告", "一、总体情况"], "城口县卫生健康委员会"),
        # a16's shape: another body's name before the title's is no place
        (["商丘市人民政府办公室2019年政府信息公开工作年度报告", "一、总体情况",
          "《中共商丘市委办公室商丘市人民政府办公室关于印发…的通知》"], "商丘市人民政府办公室"),
        # q27 福禄镇: the government's name only in a guide's title
        (["重庆市璧山区福禄镇2019年政府信息公开工作年度报告", "一、总体情况",
          "我镇编制了《重庆市璧山区福禄镇人民政府信息公开指南》。"], "重庆市璧山区福禄镇人民政府"),
        # s02 茅坪回族镇, no title: a sentence's subject names the government
        (["一、总体情况", "2022年,茅坪回族镇人民政府严格按照《条例》要求,认真贯彻落实。",
          "(一)主动公开。茅坪回族镇主动公开信息。"], "茅坪回族镇人民政府"),
        # t19 文昌市铺前镇: the contact is the government's 党政综合办公室
        (["铺前镇2021年政府信息公开工作年度报告", "如对本报告有任何疑问,请联系:文昌市铺前镇人民政府党政综合办公室,电话:0898-63653281。",
          "一、概述"], "文昌市铺前镇人民政府"),
        # r22 山东省经济和信息化委: the contact spells 委 out as 委员会
        (["山东省经济和信息化委2011年政府信息公开工作报告",
          "若对本报告有疑问,请直接与山东省经济和信息化委员会办公室联系(地址:济南市历下区省府前街一号)。", "一、概述"],
         "山东省经济和信息化委员会"),
        # r13 洛阳市: a city's 市政府 is its 人民政府
        (["洛阳市政府2017年政府信息公开工作年度报告", "一、概述"], "洛阳市人民政府"),
        # r20 大兴区: a 综合 in the compiler's name is no verb
        (["一、概述", "根据《条例》要求,由北京市大兴区综合行政服务中心编制的2012年度政府信息公开年度报告。"],
         "北京市大兴区综合行政服务中心"),
        # t26 礼让街: the foreword sums up the body's year's work
        (["本报告根据《条例》要求编制,全面总结西宁市城中区人民政府礼让街街道办事处2025年政府信息公开工作情况。",
          "一、总体情况"], "西宁市城中区人民政府礼让街街道办事处"),
        # r07 金水区: 特编制并向社会公布 X…报告
        (["一、概述", "结合工作实际情况,特编制并向社会公布金水区发展改革和统计局2014年度政府信息公开年度报告如下:"],
         "金水区发展改革和统计局"),
    ],
)
def test_sixth_round_agencies(lines: list[str], agency: str) -> None:
    assert _meta(lines).agency == agency


def test_no_place_of_taiwan_and_an_autonomous_county_by_its_short_name() -> None:
    # s13 桃园开发区 (Xi'an): 桃园 is no place in Taiwan; q23 镇宁自治县
    assert _meta(["桃园开发区管委会2023年信息公开工作年度报告", "一、总体情况"]).region == Region()
    assert _meta(["镇宁自治县人民政府2019年政府信息公开工作年度报告", "一、总体情况"]).region == Region(
        "贵州省", "安顺市", "镇宁布依族苗族自治县"
    )


def test_seventh_round_agencies_and_places() -> None:
    # x18 北京市西城区人民防空办公室 2020: the site's header over a breadcrumb is no title beside
    # the report's own, which has its year
    lines = ["北京市西城区人民政府", "政府信息公开年报", "北京市西城区人民防空办公室2020", "政府信息公开工作年度报告",
             "一、概述"]  # fmt: skip
    assert _meta(lines).agency == "北京市西城区人民防空办公室"
    # v09 瓯海: 要求编制的X…报告
    lines = ["本年报是根据《条例》要求编制的瓯海发展和改革局2018年度政府信息公开年度报告。", "一、基本情况"]
    assert _meta(lines).agency == "瓯海发展和改革局"
    # v16: a gambling site's name fused to the body's is no name
    assert _meta(["英国威廉希尔公司市政务服务管理局2023年政府信息公开工作年度报告", "一、总体情况"]).agency is None
    # w27 禄丰: the county-level city under its old county name, not 丰县 (徐州)
    lines = ["土官镇2016年政府信息公开年度报告", "一、概述", "我镇通过禄丰县电子政务网土官镇专栏公开信息。"]
    assert _meta(lines).region == Region("云南省", "楚雄彝族自治州", "禄丰市")


def test_a_county_whose_name_is_also_a_casinos_is_a_county() -> None:
    # 金沙县 (毕节): gambling spam names 金沙 too, but no spam word is a county's
    assert _meta(["毕节市金沙县住房和城乡建设局2023年政府信息公开工作年度报告", "一、总体情况"]).agency == (
        "毕节市金沙县住房和城乡建设局"
    )


def test_a_street_office_that_calls_itself_ours_names_no_body() -> None:
    # a page held out at the end of the twelfth session (桦甸市新华街道 2012): 我街道 is no name
    from indexer.extract.agency import is_name

    assert not is_name("我街道") and not is_name("本街道") and not is_name("我镇政府")


def test_eighth_round_agencies_and_years() -> None:
    # 扶风县 2022: 现向社会公开《…报告》 names the body
    lines = ["根据《条例》要求,现向社会公开《扶风县人民政府2022年政府信息公开工作年度报告》。", "一、总体情况"]
    assert _meta(lines).agency == "扶风县人民政府"
    # 保山市交通运输局 2013: a title whose name goes on after its first 报告 is one title
    lines = ["保山市交通运输局2013年度关于开展政府信息公开工作年度报告编制和发布工作情况报告", "保山市政府办公室:",
             "一、概述"]  # fmt: skip
    assert (_meta(lines).agency, _meta(lines).year) == ("保山市交通运输局", 2013)
    # 府谷县政府办 2022: the title's abbreviation, spelled out by the opening sentence's subject
    lines = ["县政府办2022年度政府信息公开工作年度报告", "本报告根据《条例》规定编制。", "一、总体情况",
             "2022年,府谷县人民政府办公室严格贯彻落实《条例》,扎实工作。"]  # fmt: skip
    assert _meta(lines).agency == "府谷县人民政府办公室"
    # 北京市环境保护局 2017: the name before (以下简称市环保局) spells out the subject's 市环保局
    lines = ["本报告是根据《条例》的要求,以及北京市环境保护局(以下简称市环保局)落实工作的实际情况编制。",
             "一、概述", "2017年,市环保局认真落实国家和本市关于信息公开工作的各项要求。"]  # fmt: skip
    assert _meta(lines).agency == "北京市环境保护局"
    # 黄石市环保局: a report name and a statistics period a year apart, one carried over from last
    # year's report: the later year is the report's
    lines = ["现公布黄石市环保局2017年度政府信息公开工作报告,本报告统计时间为2018年1月1日至2018年12月31日。",
             "一、概述", "2018年,我局认真贯彻落实《条例》。"]  # fmt: skip
    assert _meta(lines).year == 2018
    lines[0] = "现公布黄石市环保局2018年度政府信息公开工作报告,本报告统计时间为2017年1月1日至2017年12月31日。"
    assert _meta(lines).year == 2018


@pytest.mark.parametrize(
    ("lines", "agency"),
    [
        # 吉林市公安局 2013: a unit inside the bureau answers for it
        (["我局编制了2013年度政府信息公开工作年度报告。如有疑问,请联系吉林市公安局行政审批办公室,联系电话:0432-64820303。",
          "一、基本工作情况"], "吉林市公安局"),
        # 东丽湖街道 2021: 由…结合自身工作实际, 可与…联系
        (["本年度报告由东丽湖街道办事处结合自身工作实际,对全年信息公开工作进行总结。", "一、总体情况"], "东丽湖街道办事处"),
        (["本年度报告根据《条例》要求编制。如对本报告有疑问,可与东丽湖街道办事处综合保障科联系(地址:天津市东丽区)。",
          "一、总体情况"], "东丽湖街道办事处"),
        # a bureau's branch is a body of its own; a government's 法制办公室 is not the government
        (["本年度报告根据《条例》要求编制。请与邢台市生态环境局沙河市分局办公室联系。", "一、概述"], "邢台市生态环境局沙河市分局"),
        (["本年度报告根据《条例》要求编制。请与河南省人民政府法制办公室联系。", "一、概述"], None),
    ],
)
def test_the_body_a_contact_or_compiler_in_the_foreword_stands_for(lines: list[str], agency: str | None) -> None:
    assert _meta(lines).agency == agency


def test_ninth_round_agencies_places_and_years() -> None:
    # 乌鲁木齐 2009: 现就X…工作情况汇总报告如下
    lines = ["根据《条例》有关要求,现就乌鲁木齐市人民政府2009年度政府信息公开工作情况汇总报告如下:", "一、概述"]
    assert (_meta(lines).agency, _meta(lines).year) == ("乌鲁木齐市人民政府", 2009)
    # 大理州 2011: 关于 between the body and the year is no part of its name
    lines = ["大理白族自治州人民政府关于2011年政府信息公开工作的年度报告", "省工信委:", "一、概述"]
    assert _meta(lines).agency == "大理白族自治州人民政府"
    # 峨山县 2011: the sentence opens with the report's name; 峨山县 is 峨山彝族自治县's short name
    lines = ["2011年峨山县政府信息公开工作年度报告是按照《条例》要求,由县工业商贸和科技信息局综合编制而成。", "一、概述"]
    assert _meta(lines).agency == "峨山县人民政府"
    # 海关总署: a national body has no region, wherever its offices stand
    lines = ["海关总署2010年政府信息公开工作年度报告", "请与海关总署办公厅联系(地址:北京市东城区建国门内大街6号)。", "一、概述"]
    assert (_meta(lines).agency, _meta(lines).region) == ("海关总署", Region())
    # 朝天区 西北乡 2015: the page's title without a name above the document's with one
    lines = ["当前位置: 首页 » 信息公开 » 2015年政府信息公开工作年度报告 » 详情", " 2015年政府信息公开工作年度报告",
             "发布机构: 西北乡", "  广元市朝天区西北乡人民政府", "  2015年政府信息公开工作年度报告",
             "  根据《条例》的规定和要求,现将2015年西北乡政府信息公开年度报告向社会公布。", "一、概述"]  # fmt: skip
    assert _meta(lines).agency == "广元市朝天区西北乡人民政府"
    # 沙依巴克区 2012: last year's report cited in the body, the period states the year
    lines = ["本年度报告由沙依巴克区人民政府办公室编制。报告中所列数据的统计期限自2012年1月1日至2012年12月31日止。",
             "一、概述", "按时公布2011年区政府信息公开工作年度报告。"]  # fmt: skip
    assert _meta(lines).year == 2012
    # 常州西太湖科技产业园管委会 2021: a committee's office stands for the committee
    lines = ["本报告根据《条例》编制。如对本报告有疑问,请与常州西太湖科技产业园管委会办公室联系。", "一、总体情况"]
    assert _meta(lines).agency == "常州西太湖科技产业园管委会"
    lines = ["本报告根据《条例》编制。如对本报告有任何疑问,请与经济开发区管委会党政办公室联系。", "一、总体情况"]
    assert _meta(lines).agency == "经济开发区管委会"


def test_a_bare_subject_is_the_body_where_the_text_names_it_no_other_way() -> None:
    # 武清区住建委 2021: no title, no foreword; 区住建委 is the text's only name for the body
    lines = ["一、总体情况", "2021年,区住建委以习近平新时代中国特色社会主义思想为指引,认真落实《条例》。"]
    assert _meta(lines).agency == "区住建委"
    # a name the text prints in full elsewhere is given in full
    lines += ["请与天津市武清区住房和城乡建设委员会联系。"]
    assert _meta(lines).agency == "天津市武清区住房和城乡建设委员会"


def test_tenth_round_agencies_and_years() -> None:
    # 松北区 2019: 政府 doubled by a slip
    lines = ["本年度报告由松北区人民政府政府办公室综合区政府各委、办、局2019年政府信息公开工作完成情况编制而成。", "一、总体情况"]
    assert _meta(lines).agency == "松北区人民政府"
    # 衡阳市统计局 2019 (a page flattened to one line): the period stated before 一、 on that line
    line = "编制说明:本年度报告根据相关规定编制。本年度报告中所列数据的统计期限自2019年1月1日起至2019年12月31日止。 一、总体情况 衡阳市统计局坚持…"
    assert _meta([line]).year == 2019
    # a numbered item opening with its year; the body, then the year
    assert _meta(["一、总体情况", "(一)主动公开情况", "4、2019年县政府办公室主动公开政府信息89条。"]).year == 2019
    assert _meta(["一、总体情况", "1.主动公开情况", "本局2019年共主动公开政府信息68条。"]).year == 2019
    # 安康市统计局 2020: 由X围绕…编制而成
    lines = ["本年度报告根据《条例》要求,由安康市统计局围绕2020年度政府信息公开工作情况编制而成。", "一、总体情况"]
    assert _meta(lines).agency == "安康市统计局"
    # 钢城街道 2024: the opening sentence states the name with its district
    lines = ["一、总体情况", "柳北区钢城街道高度重视政府信息公开工作,不断完善工作机制。", "(一)主动公开",
             "2024年,钢城街道通过柳北区政府门户网站主动公开政府信息83条。"]  # fmt: skip
    assert _meta(lines).agency == "柳北区钢城街道"


def test_an_office_that_compiled_a_report_stands_for_its_body() -> None:
    # 紫云 大营镇 2023: X党政办公室编制了《2023年度…报告》
    lines = ["根据《条例》的要求。大营镇党政办公室编制了《2023年度政府信息公开工作报告》,面向社会公众公布。", "一、总体情况"]
    assert _meta(lines).agency == "大营镇"


def test_eleventh_round_agencies_and_places() -> None:
    # 云林街道 2019: 现公开X…报告 states the fuller name
    lines = ["云林街道2019年度政府信息公开工作报告", "一、总体情况",
             "根据《条例》的规定,现公开锡山区云林街道2019年度政府信息公开工作报告。"]  # fmt: skip
    assert _meta(lines).agency == "锡山区云林街道"
    # 重庆市人民防空办 2020: a bare subject at a sentence's start
    lines = ["一、总体情况", "市人民防空办认真贯彻国家和市政府关于政务公开的有关规定,现公布2020年政府信息公开工作年度报告。"]
    assert _meta(lines).agency == "市人民防空办"
    # a government with no place says no more than 我市
    assert _meta(["一、总体情况", "市政府认真贯彻《条例》,扎实推进政务公开。"]).agency is None
    # 漳州 2024: 滨海城市 holds 海城市 (辽宁), which no word there begins; 完成县政务公开 holds 成县
    lines = ["一、总体情况", "2024年,我市为推动我市加快建设现代化滨海城市贡献力量。"]
    assert _meta(lines).region == Region()
    assert _meta(["一、总体情况", "2014年度我镇政府信息公开完成县政务公开下达的全年目标任务。"]).region == Region()
    assert _meta(["一、总体情况", "我镇在马鞍山市和县人民政府网站公开信息。"]).region == Region("安徽省", "马鞍山市", "和县")


def test_twelfth_round_agencies_and_years() -> None:
    # 额济纳旗 2021 (a spam mirror): 编制形成X…报告; a football site's name is no body's
    lines = ["第一足球网额济纳旗2021年度政府信息公开工作年度报告",
             "根据有关要求,结合我旗2021年政务公开工作施展情况,编制形成额济纳旗2021年政府信息公开工作年度报告。", "一、总体情况"]  # fmt: skip
    assert _meta(lines).agency == "额济纳旗人民政府"
    # 国家药品监督管理局 2018: its 综合司 answers for it
    lines = ["本报告根据《条例》编制。如对本报告有疑问,请与国家药品监督管理局综合司联系。", "一、概述"]
    assert _meta(lines).agency == "国家药品监督管理局"
    # 国家新闻出版署 2022: last year's report cited, the first sentence opening with a year says 2022
    lines = ["根据有关规定,编制本报告。", "一、总体情况", "2022年,国家新闻出版署坚持以习近平新时代中国特色社会主义思想为指导。",
             "及时公开了2021年政府信息公开工作年度报告。"]  # fmt: skip
    assert _meta(lines).year == 2022


def test_thirteenth_round_agencies() -> None:
    # 焦作 2016: another unit of the government compiled the whole city's report
    lines = ["现向社会公布2016年度本级政府信息公开年度报告,由焦作市人民政府电子政务管理中心综合市政府各委、办、局,"
             "各县(市)区人民政府的政府信息公开年度报告编制而成。", "一、概述"]  # fmt: skip
    assert _meta(lines).agency == "焦作市人民政府"
    # 人社部 2009: (含国家公务员局) says what else it reports for; a national body, no region
    lines = ["根据《条例》的规定,现公开人力资源社会保障部(含国家公务员局)2009年政府信息公开工作年度报告。", "一、概述"]
    assert (_meta(lines).agency, _meta(lines).region) == ("人力资源社会保障部", Region())


def test_fourteenth_round_agencies_and_places() -> None:
    # 大垅乡 2025: a stray year before the title's name; the contact's other form (大垅集镇) loses
    lines = ["2025湖口县大垅乡2025年度政府信息公开工作年度报告",
             "本报告依据《条例》编制。如对本报告有意见或建议:请联系湖口县大垅集镇,联系电话:0792-6532910。", "一、总体情况"]
    assert _meta(lines).agency == "湖口县大垅乡"
    # a township's and a commission's units stand for their body
    lines = ["本年度报告根据《条例》要求进行公开。如对本年报有任何疑问,请与金坑乡人民政府党建办联系(地址:金坑乡金坑街90号)", "一、总体情况"]
    assert _meta(lines).agency == "金坑乡人民政府"
    lines = ["本报告根据《条例》要求编制。如对报告有任何疑问,请与北京市东城区城市综合管理委员会研究室联系。", "一、概述"]
    assert _meta(lines).agency == "北京市东城区城市综合管理委员会"
    # the place printed twice; a government with its office beside it is the office
    lines = ["本报告是根据《条例》要求,由北京市大兴区北京市大兴区发展和改革委员会编制的2013年度政府信息公开年度报告。", "一、概述"]
    assert _meta(lines).agency == "北京市大兴区发展和改革委员会"
    lines = ["根据《条例》要求,现公布桐梓县人民政府(县人民政府办公室)2019年政府信息公开工作年度报告。", "一、总体情况"]
    assert _meta(lines).agency == "桐梓县人民政府办公室"
    # 政府信息工作年度报告, a slip; an account's name in brackets spells the township out
    lines = ["现将莲湖区西关街道办事处2024年度政府信息工作年度报告予以公开。", "一、总体情况"]
    assert _meta(lines).agency == "莲湖区西关街道办事处"
    lines = ["大山镇2024年政府信息公开工作年度报告", "一、总体情况",
             "通过大山镇微信公众号(兴仁市大山镇人民政府)发布信息共122篇。"]
    assert _meta(lines).agency == "兴仁市大山镇人民政府"
    # a catalogue list's bulleted 标题 field
    lines = ["- 索引号: 20230611-131258-556", "- 标题: 天水市财政局2021年政府信息公开工作年度报告", "一、总体情况"]
    assert _meta(lines).agency == "天水市财政局"


def test_a_zones_place_in_a_sentence_and_a_quoted_townships_name() -> None:
    lines = ["一、概述", "编制了合肥高新区管委会政府信息公开指南及政府信息公开目录。"]
    assert _meta(lines).region.province == "安徽省"
    # “合水镇政府”栏目: 合水 is the township's name here, not 合水县 of 甘肃
    lines = ["2024年合水镇人民政府信息公开工作年度报告", "一、总体情况", "通过门户网站的“合水镇政府”栏目可查阅我镇公开的政务信息。"]
    assert _meta(lines).region == Region()


def test_a_contact_that_is_a_unit_of_the_openings_body() -> None:
    # 子长市 2022: the contact (子长市政府政务服务中心) is a unit of the government the opening names
    lines = ["编制本报告。如对本报告有疑问,请联系子长市政府政务服务中心(地址:子长市安兴路政府大楼三楼)。", "一、总体情况",
             "2022年,子长市人民政府坚持以习近平新时代中国特色社会主义思想为指导,深化政务公开。"]
    assert _meta(lines).agency == "子长市人民政府"


@pytest.mark.parametrize(
    ("name", "region"),
    [
        # a long-named banner by its short name
        ("东乌旗", Region("内蒙古自治区", "锡林郭勒盟", "东乌珠穆沁旗")),
        ("科右前旗人民政府", Region("内蒙古自治区", "兴安盟", "科尔沁右翼前旗")),
        ("土左旗教育局", Region("内蒙古自治区", "呼和浩特市", "土默特左旗")),
        # a lake's area after a stem is a zone of its own (淄博市文昌湖区), not 文昌市
        ("文昌湖区旅游局", Region()),
        ("文昌市旅游局", Region("海南省", None, "文昌市")),
        # 巴州, 博州, 克州: Xinjiang's prefectures by their first character; 巴中's 巴州区 keeps its own
        ("巴州市场监督管理局", Region("新疆维吾尔自治区", "巴音郭楞蒙古自治州", None)),
        ("博州发展和改革委员会", Region("新疆维吾尔自治区", "博尔塔拉蒙古自治州", None)),
        ("克州教育局", Region("新疆维吾尔自治区", "克孜勒苏柯尔克孜自治州", None)),
        ("巴州和静县人民政府", Region("新疆维吾尔自治区", "巴音郭楞蒙古自治州", "和静县")),
        ("巴中市巴州区人民政府", Region("四川省", "巴中市", "巴州区")),
        ("巴州区教育局", Region("四川省", "巴中市", "巴州区")),
        # a district under its county's old name, in a body's name (晋宁县, 晋宁区 since 2016), not 宁县
        ("晋宁县教育局", Region("云南省", "昆明市", "晋宁区")),
        ("宁县教育局", Region("甘肃省", "庆阳市", "宁县")),
    ],
)
def test_short_banner_names_and_a_lakes_area(name: str, region: Region) -> None:
    assert locate(name) == region


def test_fifteenth_round_agencies_and_years() -> None:
    # 衡阳市粮食局 2014: 我局 only, and its own leading group named after it
    lines = ["一、概述", "我局按照市里的统一部署,认真开展政府信息公开工作。专门成立了衡阳市粮食局政府信息公开领导小组,由局长任组长。"]
    assert _meta(lines).agency == "衡阳市粮食局"
    # a leading group of another kind of body than the text's own (我局) names no body
    lines = ["一、概述", "我局按照市里的统一部署,认真开展工作。根据衡阳市人民政府政务公开领导小组的要求,做好信息公开。"]
    assert _meta(lines).agency is None
    # 泰安市财政局 2010: an encyclopedia's first line opens with the report's name in 《》
    lines = ["《泰安市财政局2010年信息公开工作年度报告》是泰安市财政局2010年发布的一份报告。", "一、概述"]
    assert _meta(lines).agency == "泰安市财政局"
    # 南漳县农业农村局 2021: the year the foreword says it sums up
    lines = ["来源:南漳县农业农村局", "根据要求,我局对2021年度政府信息公开情况总结如下:", "一、总体情况", "今年以来,县农业农村局严格按照…"]
    assert _meta(lines).year == 2021
    # 甘南州 2023: an autonomous prefecture's short name spelled out where the text prints it so
    lines = ["一、总体情况", "2023年,我局完善了甘南州自然资源局信息公开领导小组。",
             "主动公开甘南藏族自治州自然资源局权责清单目录。"]
    assert _meta(lines).agency == "甘南藏族自治州自然资源局"


def test_a_section_of_an_office_stands_for_the_office() -> None:
    # 广元市重点办 2016: the contact is a section (综合科) of an office that is the body itself
    lines = ["本报告所列数据自2016年1月1日至2016年12月31日。如对本报告有疑问,请与广元市人民政府重点建设项目领导小组办公室综合科联系。",
             "一、概述"]
    assert _meta(lines).agency == "广元市人民政府重点建设项目领导小组办公室"


def test_sixteenth_round_agencies_and_places() -> None:
    # 乌兰察布市 2020: the foreword's short form spelled out by the opening's subject as printed
    lines = ["根据《条例》的有关规定,现向社会公布2020年乌兰察布市政府办公室信息公开工作年度报告。", "一、总体情况",
             "2020年,乌兰察布市人民政府办公室坚持以习近平新时代中国特色社会主义思想为指导。"]
    assert _meta(lines).agency == "乌兰察布市人民政府办公室"
    # 福州片区 2022: a contact whose name holds a short aside (中国(福建)自由贸易试验区…)
    lines = ["如对本报告有任何疑问,请联系:中国(福建)自由贸易试验区福州片区管理委员会(福州保税港区管理委员会)政府信息公开办公室,"
             "地址:福州市长乐区。", "一、总体情况", "2022年,我委认真贯彻落实《条例》。"]
    assert _meta(lines).agency == "中国(福建)自由贸易试验区福州片区管理委员会"
    # 榆垡镇 2016: a body's name alone on the last line, after a finished sentence, signs it
    lines = ["2016年北京市大兴区榆垡镇政府信息公开工作年度报告", "一、概述", "本镇认真贯彻《条例》。", "北京市大兴区榆垡镇政府"]
    assert _meta(lines).agency == "北京市大兴区榆垡镇政府"
    # 东风场 2024: a farm's name after a place's stem is no place (东风区 of 黑龙江)
    assert locate("东风场") == Region()


def test_seventeenth_round_agencies() -> None:
    # 宅梧镇 2019: a plan's title 《宅梧镇政府信息公开…》 gives no 宅梧镇政府 (its 政府 is the marker's)
    lines = ["2019年宅梧镇政府信息公开工作报告", "一、总体情况", "制定了《宅梧镇政府信息公开工作实施方案》等文件。"]
    assert _meta(lines).agency == "宅梧镇"
    # 寮步镇 2019: the report's 寮步镇政府 where the contact states 寮步镇人民政府(办公室)
    lines = ["现向社会公布寮步镇政府2019年信息公开工作年度报告。如对本报告有任何疑问,请与寮步镇人民政府办公室联系。", "一、总体情况"]
    assert _meta(lines).agency == "寮步镇人民政府"
    # 清溪街道 2019: 2019年年以来 (a slip) before the opening's subject
    lines = ["本报告依据《条例》要求撰写。", "一、总体情况", "2019年年以来,清溪街道办事处坚持“以公开为常态”的原则。"]
    assert _meta(lines).agency == "清溪街道办事处"
    # 仓山区对湖街道 2020: 可咨询:X办公室; 常太镇 2020: 请与X政务办公室联络
    lines = ["公众如对本报告有任何疑问可咨询:仓山区对湖街道办公室(地址:仓山区马厂街15号)。", "一、总体情况"]
    assert _meta(lines).agency == "仓山区对湖街道"
    lines = ["如对本年报有任何疑问和建议,请与常太镇人民政府政务办公室联络(地址:莆田市城厢区常太镇)。", "一、总体情况"]
    assert _meta(lines).agency == "常太镇人民政府"
    # 永兴街道 2019: 我街道 and its own guide's owner
    lines = ["一、总体情况", "我街道规范编制、公布了《温州市龙湾区永兴街道办事处政府信息公开指南》。"]
    assert _meta(lines).agency == "温州市龙湾区永兴街道办事处"
    # 桦甸市财政局 2013: the compiler states the report's bare name in full
    lines = ["根据《条例》的规定,桦甸市财政局编制了财政局2013年政府信息公开工作年度报告(以下简称年报)。", "一、基本工作情况"]
    assert _meta(lines).agency == "桦甸市财政局"
    # 临安市环保局 2016: a title ending in a mirror's broken character
    lines = ["臨安市環境保護局2016年度政府信息公開工作報告?", "一、概述"]
    assert (_meta(lines).agency, _meta(lines).title) == ("临安市环境保护局", "临安市环境保护局2016年度政府信息公开工作报告")


def test_eighteenth_round_agencies() -> None:
    # 广元市以工代赈办 2020: a title over two lines, the foreword's shorter form of the same name
    lines = ["广元市人民政府以工代赈办公室", "2020年度政府信息公开工作年度报告",
             "现将《广元市以工代赈办公室2020年度政府信息公开工作年度报告》予以公布。", "一、总体情况"]
    assert _meta(lines).agency == "广元市人民政府以工代赈办公室"
    # 解放碑中央商务区 2020: a zone's committee named by its 商务区
    lines = ["本报告由重庆解放碑中央商务区管理委员会根据《条例》编制。", "一、总体情况"]
    assert _meta(lines).agency == "重庆解放碑中央商务区管理委员会"


def test_nineteenth_round_agencies() -> None:
    # 长治市信访局 2019: 现把…报告如下
    lines = ["现把长治市信访局2019年度政府信息公开工作情况报告如下:", "一、总体情况", "2019年,长治信访局认真贯彻《条例》。"]
    assert _meta(lines).agency == "长治市信访局"
    # 宣汉县 2018: its 政府信息公开管理办公室 stands for the county
    lines = ["如对本报告有任何疑问,请与宣汉县政府信息公开管理办公室联系。", "一、概述"]
    assert _meta(lines).agency == "宣汉县人民政府"
    # 平甸乡 2017: the disclosure office of a township government's office
    lines = ["如对本报告有疑问,请与平甸乡人民政府办公室政府信息公开办公室联系。", "一、概述"]
    assert _meta(lines).agency == "平甸乡人民政府"
    # a city government's office stays the body (钦州市人民政府办公室文电科)
    lines = ["如对本报告有疑问,请与钦州市人民政府办公室文电科联系。", "一、概述"]
    assert _meta(lines).agency == "钦州市人民政府办公室"


def test_old_county_names_are_read_in_names_only() -> None:
    # in sentences such names end other words (乡村振兴县域 holds 振兴县, 江西市县 西市县)
    assert locate("乡村振兴县域经济", prose=True) == Region()
    assert locate("江西市县两级政府") == Region("江西省", None, None)


def test_a_county_stem_before_its_government_in_a_sentence() -> None:
    # zo15 别拉洪乡 2023: 抚远 only as the site's owner; b06 大东坝镇 2021: 松阳政府网
    assert locate("别拉洪乡政务公开依托于抚远政府网站", prose=True) == Region("黑龙江省", "佳木斯市", "抚远市")
    assert locate("关注松阳政府网", prose=True) == Region("浙江省", "丽水市", "松阳县")
    # not a stem inside another word (建设法治政府), nor 政府 after no place at all
    assert locate("建设法治政府、廉洁政府和服务型政府", prose=True) == Region()


def test_twentieth_round_places() -> None:
    # 阳城县横河镇 2020: a column's name above the report, the last place a region is looked for
    lines = ["阳城县横河镇", "横河镇人民政府2020年政府信息公开工作年度报告", "发布时间: 2021-01-20",
             "一、总体情况", "2020年,在党委、政府的正确领导下,严格按照《条例》的要求。"]
    assert _meta(lines).region == Region("山西省", "晋城市", "阳城县")


def test_twenty_first_round_agencies() -> None:
    # 江汉区发改局 2023: the foreword states the title's short name in full, after its city
    lines = ["江汉区发改局2023年政府信息公开工作年度报告",
             "按照《政府信息公开条例》要求,现公布武汉市江汉区发展和改革局2023年政府信息公开工作年度报告。", "一、总体情况"]
    assert _meta(lines).agency == "武汉市江汉区发展和改革局"
    # 普陀区发改委 2023: 政府信息工作报告, a slip for 政府信息公开工作报告
    lines = ["上海市普陀区发展和改革委员会2023年度政府信息工作报告", "一、总体情况", "区发改委坚持…"]
    assert _meta(lines).agency == "上海市普陀区发展和改革委员会"


def test_twenty_second_round_agencies() -> None:
    # 昌江区商务局 2019: the report named after its body in the foreword (特编制…公开年度报告)
    lines = ["根据《中华人民共和国政府信息公开条例》第五十条之规定,及相关文件要求,特编制昌江区商务局公开年度报告。",
             "在区政府信息公开工作领导小组的领导下,我局认真贯彻《条例》。"]
    assert _meta(lines).agency == "昌江区商务局"


def test_the_zp_rounds_bodies() -> None:
    # zp40 巴州科技局 2016: the words that lead to the compiler are not its name
    lines = ["本年报是由巴州科技局编制的2016年度政府信息公开年度报告。本年报中统计数据期限自2016年1月1日起。", "一、概述"]
    assert _meta(lines).agency == "巴州科技局"
    # zp43 阿勒泰地区 2016: a government and its office report together, as the government
    lines = ["现就阿勒泰地区行政公署及办公室2016年度政府信息公开工作情况报告如下。", "一、概述"]
    assert _meta(lines).agency == "阿勒泰地区行政公署"
    # zp44 锡林郭勒盟 2017: the league by its customary short name
    lines = ["现公布我局2017年政府信息公开工作年度报告。", "一、基本情况", "2017年,锡盟人力资源和社会保障局认真贯彻落实盟委、行署推进政务公开工作的要求部署。"]  # fmt: skip
    meta = _meta(lines)
    assert (meta.agency, meta.region) == ("锡盟人力资源和社会保障局", Region("内蒙古自治区", "锡林郭勒盟", None))


def test_a_catalogue_boxs_issuing_body_is_a_last_resort_only() -> None:
    # zp25 昌洒镇 2020: the bare title and 镇政府 leave only the box's 发文机关
    lines = ["- 发文机关:文昌市昌洒镇 成文日期:2021-01-19 08:58", "2020年政府信息公开工作年度报告", "一、总体情况",
             "2020年,认真执行《中华人民共和国政府信息公开条例》,镇政府多渠道进行政府信息公开。"]  # fmt: skip
    assert _meta(lines).agency == "文昌市昌洒镇"
    # r11 沂水县卫生局 2009: the box prints the body's later name, which does not rename the title's
    lines = ["发文机关: | 沂水县卫生健康局 | 成文日期: | 2010-01-28 |", "沂水县卫生局2009年政府信息公开工作年度报告", "一、基本情况"]  # fmt: skip
    assert _meta(lines).agency == "沂水县卫生局"


def test_the_zq_and_zr_rounds_bodies() -> None:
    # zq24 石拐区农牧局 2020: the contact prints the district twice after its city
    lines = ["石拐区农牧局 2020年政府信息公开年度报告", "如对本报告有疑问,请与包头市石拐区石拐区农牧局联系。", "一、总体情况"]
    assert _meta(lines).agency == "包头市石拐区农牧局"
    # zq65 广丰县 2011: a county under its name before it became a district, as its government
    lines = ["广丰县2011年政府信息公开年度报告", "一、概述", "2011年是《条例》实施的第三年,我县高度重视信息公开工作。"]
    assert _meta(lines).agency == "广丰县人民政府"
    # zr48 安丘市卫生和计划生育局 2016: 局政府 in the contact is a slip, not a body
    lines = ["安丘市卫生和计划生育局2016年政府信息公开工作年度报告",
             "如对报告有任何疑问,请与安丘市卫生和计划生育局政府政务公开领导小组办公室联系。", "一、概述"]  # fmt: skip
    assert _meta(lines).agency == "安丘市卫生和计划生育局"


def test_the_zs_rounds_bodies() -> None:
    # zs20 曙光街道 2019: no title; the foreword names the body that takes applications in full
    lines = ["一、前言", "本报告所列数据的统计期限自2019年1月1日起至2019年12月31日止。受理机构为长春市南关区曙光街道办事处。"
             "如对本年度报告有疑问,请与曙光街道办公室联系。", "二、概述", "2019年,曙光街道全面贯彻落实《条例》等文件精神。"]  # fmt: skip
    assert _meta(lines).agency == "长春市南关区曙光街道办事处"


def test_a_street_office_named_with_jie_alone() -> None:
    # zr57 佳荣里街 2021: 街 for 街道, the street office's own short name (天津, 武汉)
    lines = ["佳荣里街2021年政府信息公开工作年度报告", "一、总体情况", "2021年,佳荣里街认真贯彻落实《条例》。"]
    assert _meta(lines).agency == "佳荣里街"
    # zs22 武湖街 2020: no title, the opening sentence's subject
    lines = ["一、总体情况", "2020年,武湖街认真贯彻落实《中华人民共和国政府信息公开条例》。"]
    assert _meta(lines).agency == "武湖街"
    # y38 东丽湖街 2021: the name printed in full elsewhere wins
    lines = ["东丽湖街2021年政府信息公开工作年度报告", "本报告由东丽湖街道办事处结合自身工作实际编制。", "一、总体情况"]
    assert _meta(lines).agency == "东丽湖街道办事处"


def test_a_name_without_place_is_placed_where_the_text_prints_one_place_before_it() -> None:
    # zt 长春市环保局 2012: the foreword's 环保局, the opening's 长春市环保局
    lines = ["为贯彻实施《中华人民共和国政府信息公开条例》,特公布2012年度环保局政府信息公开工作年度报告。", "一、概述",
             "2012年以来,长春市环保局政府信息公开工作在市委、市政府的正确领导下稳步推进。"]  # fmt: skip
    assert _meta(lines).agency == "长春市环保局"
    # two places print it: neither is taken
    lines = [*lines, "吉林省环保局对我局工作给予指导。"]
    assert _meta(lines).agency == "环保局"


def test_a_statistics_period_to_its_years_end_from_may() -> None:
    # zt 龙潭区林业畜牧局 2008: the Regulations' first year, counted from 1 May
    lines = ["本报告根据《中华人民共和国政府信息公开条例》和《吉林市人民政府办公厅关于做好2008年度政府信息公开工作年度报告的通知》"
             "的要求编制。本报告中所列数据的统计期限自2008年5月1日起至2008年12月31日止。", "一、概述"]  # fmt: skip
    assert _meta(lines).year == 2008


def test_an_office_that_compiles_and_speaks_for_itself_by_its_short_name() -> None:
    # zt 广汉市政府办 2025: "由广汉市人民政府办公室编制", then "市政府办公室认真贯彻…": the office's own report
    lines = ["一、总体情况", "本年度报告根据《中华人民共和国政府信息公开条例》要求,由广汉市人民政府办公室编制,报告中所列数据的统计期限"
             "自2025年1月1日起至2025年12月31日止。", "(一)主动公开方面",
             "2025年,市政府办公室认真贯彻落实市委、市政府决策部署,严格落实《条例》要求。"]  # fmt: skip
    assert _meta(lines).agency == "广汉市人民政府办公室"


def test_the_zu_rounds_bodies_and_years() -> None:
    # zu 麒麟区自然资源局 2022: 局 doubled, a slip; the place printed before the name once
    lines = ["特向社会公布2022年度我局政府信息公开工作年度报告。本报告涵盖了2022年麒麟区自然资源局政府信息公开工作。",
             "一、总体情况", "2022年,区自然资源局局认真贯彻落实《条例》。"]  # fmt: skip
    assert _meta(lines).agency == "麒麟区自然资源局"
    # zu 辽宁省政府办公厅 2022 (a spam copy): the casino's name, in traditional characters, is no body
    lines = ["美高梅娛樂城办公厅2022年政府信息公开工作年度报告", "一、总体情况",
             "2022年,美高梅娛樂城办公厅坚持以习近平新时代中国特色社会主义思想为指导。"]  # fmt: skip
    assert _meta(lines).agency is None
    # zu 易门县气象局 2023: the statistics period with 年 lost (20231月1日至12月31日)
    lines = ["本报告由云南省易门县气象局编制。", "本报告中使用数据统计期限为20231月1日至12月31日。", "一、总体情况"]
    assert _meta(lines).year == 2023


def test_the_body_that_publishes_the_report_names_itself() -> None:
    # zu 佛冈县住建局 2024: "佛冈县住房和城乡建设局特向社会公布…", elsewhere 县住建局
    lines = ["根据《中华人民共和国政府信息公开条例》和省、市、县有关要求,佛冈县住房和城乡建设局特向社会公布2024年度本机关"
             "信息公开工作年度报告。", "一、总体情况", "2024年,县住建局认真贯彻落实《条例》。"]  # fmt: skip
    assert _meta(lines).agency == "佛冈县住房和城乡建设局"


def test_a_sumu_is_inner_mongolias() -> None:
    # zu 伊敏苏木 2019: no place written but the 苏木, a unit only Inner Mongolia has
    lines = ["三、政府信息公开申请情况", "2019年度,我苏木未收到政府信息公开申请情况。", "伊敏苏木人民政府", "2020年1月9日"]
    assert _meta(lines).region == Region(province="内蒙古自治区")


def test_an_office_that_published_a_bodys_report_stands_for_the_body() -> None:
    # zv 鲤城高新区 2019: the catalogue box's publisher is the committee's office; the text speaks as the zone
    lines = ["- 发布机构:泉州市鲤城高新技术产业开发区管理委员会办公室", "- 公文生成日期:2020-01-02", "一、总体情况",
             "截至2019年底,鲤城高新区主动公开的政府信息数为109条。"]  # fmt: skip
    assert _meta(lines).agency == "泉州市鲤城高新技术产业开发区管理委员会"
    # an office's own report (县政府办公室 in the text): the office
    lines = ["- 发布机构:保亭黎族苗族自治县人民政府办公室", "一、总体情况", "2021年,县政府办公室认真贯彻落实《条例》。"]
    assert _meta(lines).agency == "保亭黎族苗族自治县人民政府办公室"


def test_a_joint_party_and_government_office_reports_for_the_government() -> None:
    # zv 嵊泗县 2016: "请与中共嵊泗县委嵊泗县人民政府办公室联系", the county's report (我县)
    lines = ["本报告由基本情况、主动公开政府信息情况等七部分组成。本年报中所列数据统计期限从2016年1月1日至12月31日止。"
             "如对本年报有任何疑问,请与中共嵊泗县委嵊泗县人民政府办公室联系(地址:嵊泗县菜园镇)。", "一、概述"]  # fmt: skip
    assert _meta(lines).agency == "嵊泗县人民政府"


def test_a_catalogue_boxs_information_name_is_a_field() -> None:
    # zw 良庆区南晓镇 2014: "信息名称  …报告", not a name with 信息名称 fused to it
    lines = ["信息名称  良庆区南晓镇2014年政府信息公开工作年度报告", "一、概述", "2014年,我镇认真贯彻落实《条例》。"]
    assert _meta(lines).agency == "良庆区南晓镇"


def test_a_body_of_a_district_several_cities_have_is_still_named() -> None:
    # zt 铁西区发改局 2025 (沈阳, 鞍山 and 四平 each have a 铁西区): no title, the opening's subject
    lines = ["一、总体情况", "2025年,铁西区发改局紧扣发展改革主责主业,将政府信息公开与重点工作融合。"]
    meta = _meta(lines)
    assert (meta.agency, meta.region) == ("铁西区发改局", Region())
