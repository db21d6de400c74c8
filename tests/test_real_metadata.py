"""Agency and year on the openings of real published pages (lines copied from tests/data/real/excerpts).

Each case is named after the shape it guards; the lines are the page's own, cut to what matters.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from indexer.extract.cleanup import clean_line, is_traditional
from indexer.extract.metadata import extract_metadata
from indexer.extract.sections import split_sections


def _agency_year(lines: list[str]) -> tuple[str | None, int | None]:
    meta = extract_metadata(lines, split_sections(lines))
    return meta.agency, meta.year


PINYIN_AND_TRADITIONAL_PLACE_TITLE = [  # 01: a province-wide report, on a mirror that injects readings
    "首頁 |",
    "|",
    "江西省2008年政府信息公開工作年度報(bào)告",
    "本年報(bào)根據(jù)《中華人民共和國政府信息公開條例》(以下簡稱《條例》)編制,。",
    "一,、概 述",
    "2008年是《條例》頒布施行的第一年,。",
]
NOTICE_WRAPPING_THE_REPORT = [  # 03: the office's notice publishes the city's report
    "贺州市人民政府办公室关于公布",
    "贺州市2009年度政府信息公开工作年度报告的通知",
    "(贺政办发〔2010〕3号)",
    "各县(区)人民政府,平桂管理区管委,市政府各副处级以上单位:",
    "我办编制了《贺州市2009年度政府信息公开工作年度报告》,现予公布。",
    "二〇一〇年一月十九日",
    "贺州市2009年度政府信息公开工作年度报告",
    "一、本年度政府信息公开工作的基本情况",
    "2009年是《条例》正式实施的第二年,也是我市政府信息公开工作创新之年。",
]
SPAM_HEADER_UNDER_A_PLACE_TITLE = [  # 05
    "您的位置:首页 > 信息公开年报",
    "西宁市2012年政府信息公开工作年度报告",
    "西宁机关事务管理局:http://www.yqjnjc.com    来源:    创建时间:2015/10/15 16:55:00    ",
    "  本年度报告是根据《中华人民共和国政府信息公开条例》(以下简称《条例》)要求,现公布2012年西宁市政府信息公开工作年度报告。",
    "  一、概述",
    "  2012年,西宁市按照上级关于政府信息公开工作的部署和要求,加强组织领导。",
]
OFFICE_COMPILES_THE_GOVERNMENTS_REPORT = [  # 07: no title; the district office compiled it
    "2015年3月13日",
    "引 言",
    "本年报是根据《中华人民共和国政府信息公开条例》(以下简称《条例》)和《南京市政府信息公开规定》"
    "(以下简称《规定》)要求,由秦淮区人民政府办公室综合区政府所属各行政机关的政府信息公开年度总结报告编制而成。"
    "本年报中所列数据的统计期限自2014年1月1日起至12月31日止。",
    "一、概 述",
    "2014年我区政府信息公开工作以党的十八届三中、四中全会精神为指导。",
]
TOWNSHIP_TITLE_AND_ITS_FULL_NAME = [  # 09: the short title, then the full name opening the flattened body
    "2016年龙归镇政府信息公开年度报告",
    "武江区龙归镇人民政府2016年政府信息公开年度报告 本年报是按照《中华人民共和国政府信息公开条例》和"
    "《韶关市政府信息公开办法》要求,特向社会公布2016年度本级政府信息公开年度报告。 一、概述 2016年以来,我镇积极贯彻执行。",
]
ABBREVIATION_EXPANDED_BY_A_RULE_TITLE = [  # 11: letter form; 省政府法制办 in full only in a rule's title
    "省政府办公厅:",
    "2017年,省政府法制办认真贯彻执行《中华人民共和国政府信息公开条例》。现将我办2017年政府信息公开工作报告如下:",
    "一、基本情况",
    "(一)健全组织机构,严格落实责任",
    "2017年,我办严格按照《河南省人民政府法制办公室政府信息公开工作规则》开展工作。",
]
NEVER_NAMED = [  # 13
    "依据《中华人民共和国政府信息公开条例》第五十条之规定,制作本报告。",
    "一、总体情况",
    "2019年,我局高度重视政府信息公开工作,严格按照通州区政务公开工作要点开展工作。",
]
TOWNSHIP_KEPT_AS_PRINTED = [  # 17
    "2020年江南镇政府信息公开年度报告",
    "作者: 发布时间:2021-01-08 15:51 信息来源: 江南镇 浏览数:",
    "本年度报告根据《中华人民共和国政府信息公开条例》(以下简称《条例》)编制。 一、总体情况 2020年,在县委、县政府的正确"
    "领导下,江南镇党委、政府高度重视政府信息公开工作。 通过安化县政府门户网和其子网站江南镇人民政府网公开。",
]
PIPE_FLATTENED_HEADER_YEAR_WITHOUT_NIAN = [  # 19: 发布机构 is the publishing site, not the agency
    "标 题 | 西藏自治区政府国资委2020政府信息公开工作年度报告 | ||",
    "索引号 | 000014349/2021-00008 | 文 号 | |",
    "发布机构 | 自治区政府办公厅 | 发布日期 | 2021-04-09 17:05:00 |",
    "西藏自治区政府国资委2020政府信息公开工作年度报告",
    "一、总体情况",
    "一是公开了《西藏自治区人民政府国有资产监督管理委员会2020年度部门预算》。",
]
YEAR_BEFORE_THE_BODY = [  # 21
    "2020年上海市人民政府办公厅政府信息公开工作年度报告",
    "",
    "字号:",
    "  一、总体情况",
    "  2020年,上海市人民政府办公厅坚持以习近平新时代中国特色社会主义思想为指导。",
]
TRADITIONAL_PLACE_TITLE = [  # 23
    "天津市2021年政府信息公開工作年度報告",
    "本年度報告根據《中華人民共和國政府信息公開條例》的要求編制。所列數據統計期限為2021年1月1日至12月31日。",
    "一、總體情況",
    "2021年,天津市堅持以習近平新時代中國特色社會主義思想為指導。",
]
DOCX_FILE_NAME_AND_SPACED_TITLE = [  # 25
    "乌拉特中旗巴音乌兰苏木2021年政府信息公开工作年度报告.docx",
    "乌拉特中旗巴音乌兰苏木 2021 年政府信息 公开工作年度报告 根据《中华人民共和国政府信息公开条例》(以下简 称《条例》),"
    "结合我苏木实际,对 2021 年度政府信息公开工作 进行了梳理。 一、总体情况 2021 年,我苏木严格按照《条例》。",
]
NAVIGATION_AND_ILLUSTRATED_DUPLICATE = [  # 27
    "法定主动",
    "公开内容",
    "",
    "政府信息",
    "公开年报",
    "",
    "丽水市市场监督管理局2021年度政府信息公开工作年度报告",
    "发布日期: 2022-01-13 15:27:58 浏览次数:",
    "(图解)丽水市市场监管局2021年度政府信息公开工作年度报告",
    "",
    "一、总体情况",
    "2021年,市市场监管局严格按照《中华人民共和国政府信息公开条例》。",
]
SPAM_IN_THE_NAME_AND_A_WRONG_PERIOD = [  # 29
    "根据《中华人民共和国政府信息公开条例》和省、市有关要求,365体育直播,365体育备用网址自然资源和规划局编制了"
    "2021年政府信息公开年度报告。本报告中所列数据的统计期限自2020年1月1日起至2020年12月31日止。",
    "一、总体情况",
    "2021年,365体育直播,365体育备用网址自然资源和规划局按照中央、省、市关于政务公开工作的相关要求和部署。",
    "(一)持续推进政府信息主动公开。此外,优化调整“淮安自然资源和规划”微信公众号栏目设置,全年共推送291期。",
]
PINYIN_INSIDE_THE_NAME = [  # 31
    "?",
    "朝陽(yáng)市衛生健康委員會(huì )2022年度政府信息公開(kāi)年度報告",
    "一、總體情況",
    "一是主動(dòng)公開(kāi)情況",
]
OLD_OUTLINE_ONLY_WO_WEI = [  # 33
    "根据《中华人民共和国政府信息公开条例》要求,特向社会公布我委政府信息公开工作年度报告。"
    "报告中所列数据统计期限自2022年1月1日起,至2022年12月31日止。",
    "一、总体情况",
    "(一)主动公开情况。从2022年1月1日起至2022年12月31日止,我委在市政府门户网站累计发布政务信息2035篇。",
]
SITE_HEADER_GIVES_THE_FULL_NAME = [  # 37
    "站群导航",
    "|",
    "加入收藏",
    "乌鲁木齐国家高新区(新市区)",
    "政府信息公开",
    "全文检索",
    "2022年高新区(新市区)政府信息公开工作年度报告",
    "来源: 发布时间:2023-01-31 浏览次数: 【字体:",
    "2022年高新区(新市区)政府信息公开      ",
    "工作年度报告  ",
    "一、总体情况  ",
    "高新区(新市区)严格贯彻落实《中华人民共和国政府信息公开条例》。",
]
NAMED_ONLY_IN_THE_FIRST_SENTENCE = [  # 39
    "根据《中华人民共和国政府信息公开条例》要求,特编制湛江市人民政府地方志办公室2023年政府信息公开工作年度报告。",
    "一、总体情况",
    "2023年,我办坚持以习近平新时代中国特色社会主义思想为指导。",
]
BREADCRUMB_ABOVE_THE_TITLE = [  # 41
    "首页 -> 政务公开 -> 政府信息公开年报 -> 2023年 -> 部门政府信息公开工作年度报告",
    "沈阳市卫生健康委员会2023年政府信息公开工作年度报告",
    "时间:2024年01月29日来源:市卫生健康委员会",
    "[字体: ] 打印",
    "  一、总体情况",
    "  2023年,市卫生健康委以习近平新时代中国特色社会主义思想为指导。",
]
SUBJECT_OF_THE_OPENING_SENTENCE = [  # 43
    "一、总体情况",
    "2023年,在区委、区政府的坚强领导下,官洲街道办事处认真贯彻落实《中华人民共和国政府信息公开条例》。",
    "二、主动公开政府信息情况",
]
SPACE_BEFORE_THE_TITLES_END = [  # 47
    "兴安盟行署外事办公室2025年 政府信息公开工作年度报告",
    "",
    "来源:盟外事办 发布时间:2026-01-20 17:20",
    "  一、总体情况",
]
SPACED_HEADER_KEY = [  # 49
    "标      题 西藏自治区审计厅2025年政务信息公开工作开展年度报告",
    "索引号 000014349/2026-00021 文      号",
    "发布机构 发布日期 2026-01-16 18:22:45",
    "西藏自治区审计厅2025年政务信息",
    "公开工作开展年度报告",
    "一、总体情况",
    "2025年,在自治区党委、政府坚强领导下,审计厅认真贯彻中央及自治区关于政务公开的有关要求和规定。",
]


@pytest.mark.parametrize(
    ("lines", "agency", "year"),
    [
        (PINYIN_AND_TRADITIONAL_PLACE_TITLE, "江西省人民政府", 2008),
        (NOTICE_WRAPPING_THE_REPORT, "贺州市人民政府", 2009),
        (SPAM_HEADER_UNDER_A_PLACE_TITLE, "西宁市人民政府", 2012),
        (OFFICE_COMPILES_THE_GOVERNMENTS_REPORT, "秦淮区人民政府", 2014),
        (TOWNSHIP_TITLE_AND_ITS_FULL_NAME, "武江区龙归镇人民政府", 2016),
        (ABBREVIATION_EXPANDED_BY_A_RULE_TITLE, "河南省人民政府法制办公室", 2017),
        (NEVER_NAMED, None, 2019),
        (TOWNSHIP_KEPT_AS_PRINTED, "江南镇", 2020),
        (PIPE_FLATTENED_HEADER_YEAR_WITHOUT_NIAN, "西藏自治区政府国资委", 2020),
        (YEAR_BEFORE_THE_BODY, "上海市人民政府办公厅", 2020),
        (TRADITIONAL_PLACE_TITLE, "天津市人民政府", 2021),
        (DOCX_FILE_NAME_AND_SPACED_TITLE, "乌拉特中旗巴音乌兰苏木", 2021),
        (NAVIGATION_AND_ILLUSTRATED_DUPLICATE, "丽水市市场监督管理局", 2021),
        (SPAM_IN_THE_NAME_AND_A_WRONG_PERIOD, None, 2021),
        (PINYIN_INSIDE_THE_NAME, "朝阳市卫生健康委员会", 2022),
        (OLD_OUTLINE_ONLY_WO_WEI, None, 2022),
        (SITE_HEADER_GIVES_THE_FULL_NAME, "乌鲁木齐国家高新区(新市区)", 2022),
        (NAMED_ONLY_IN_THE_FIRST_SENTENCE, "湛江市人民政府地方志办公室", 2023),
        (BREADCRUMB_ABOVE_THE_TITLE, "沈阳市卫生健康委员会", 2023),
        (SUBJECT_OF_THE_OPENING_SENTENCE, "官洲街道办事处", 2023),
        (SPACE_BEFORE_THE_TITLES_END, "兴安盟行署外事办公室", 2025),
        (SPACED_HEADER_KEY, "西藏自治区审计厅", 2025),
    ],
)
def test_real_openings(lines: list[str], agency: str | None, year: int) -> None:
    assert _agency_year(lines) == (agency, year)


def test_township_is_not_a_county_for_the_region() -> None:
    """江南镇 starts like 江南区 (南宁); the body's 安化县 places it in 湖南."""
    meta = extract_metadata(TOWNSHIP_KEPT_AS_PRINTED, split_sections(TOWNSHIP_KEPT_AS_PRINTED))
    assert (meta.region.province, meta.region.county) == ("湖南省", "安化县")


@pytest.mark.parametrize(
    ("lines", "province", "city"),
    [
        (SITE_HEADER_GIVES_THE_FULL_NAME, "新疆维吾尔自治区", "乌鲁木齐市"),  # 新市区 alone is ambiguous
        (SPAM_IN_THE_NAME_AND_A_WRONG_PERIOD, "江苏省", "淮安市"),  # from the account's quoted name
        (TRADITIONAL_PLACE_TITLE, "天津市", None),
        (NEVER_NAMED, None, None),  # 通州区: 北京 or 南通, so nothing
    ],
)
def test_region_where_the_text_supports_it(lines: list[str], province: str | None, city: str | None) -> None:
    region = extract_metadata(lines, split_sections(lines)).region
    assert (region.province, region.city) == (province, city)


def test_traditional_title_comes_out_simplified() -> None:
    meta = extract_metadata(PINYIN_INSIDE_THE_NAME, split_sections(PINYIN_INSIDE_THE_NAME))
    assert meta.title == "朝阳市卫生健康委员会2022年度政府信息公开年度报告"
    assert (meta.region.province, meta.region.city) == ("辽宁省", "朝阳市")


@pytest.mark.parametrize(
    ("line", "cleaned"),
    [
        ("朝陽(yáng)市衛生健康委員會(huì )2022年度政府信息公開(kāi)年度報告",
         "朝陽市衛生健康委員會2022年度政府信息公開年度報告"),
        ("嚴格按照《中華人民共和國政府信息公開(k", "嚴格按照《中華人民共和國政府信息公開"),
        ("一,、概 述", "一、概 述"),
        ("報告編制,。年報由概述,,主動公開", "報告編制。年報由概述,主動公開"),
        ("电子版可在门户网站(http://xxgk.jiangxi.gov.cn)下载", "电子版可在门户网站(http://xxgk.jiangxi.gov.cn)下载"),
        ("第二十条第(一)项", "第二十条第(一)项"),
        ("规章 | 0 | 0 | 0 |", "规章 | 0 | 0 | 0 |"),
    ],
)  # fmt: skip
def test_clean_line(line: str, cleaned: str) -> None:
    assert clean_line(line) == cleaned
    assert clean_line(cleaned) == cleaned


EXCERPTS = Path(__file__).parent / "data" / "real" / "excerpts"
TRADITIONAL_MIRRORS = {"01_jiangxi_2008.txt", "23_tianjin_2021.txt", "31_chaoyang_weijianwei_2022.txt"}


def test_script_is_told_on_every_real_page() -> None:
    """Only the three traditional mirrors are converted; every other page is read as printed."""
    for path in sorted(EXCERPTS.glob("*.txt")):
        lines = [clean_line(line) for line in path.read_text(encoding="utf-8").splitlines()]
        assert is_traditional(lines) is (path.name in TRADITIONAL_MIRRORS), path.name


def test_a_traditional_title_alone_is_told() -> None:
    assert is_traditional(TRADITIONAL_PLACE_TITLE[:1])
    assert not is_traditional(["2021年，我局显著提升公开质量，咸阳市乾县应急管理局编制本报告。"])
