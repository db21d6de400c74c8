"""Sections found by meaning: literal headings, order sanity, the seeds and real crawler text."""

from __future__ import annotations

from pathlib import Path

import pytest

from indexer.extract.pipeline import try_extract
from indexer.extract.sections import closing_signature, follows_pre_2019_outline, split_sections
from indexer.models import SECTION_NAMES

DATA = Path(__file__).parent / "data"


def _lines(folder: str, prefix: str) -> list[str]:
    (path,) = (DATA / folder).glob(f"{prefix}*.txt")
    return path.read_text(encoding="utf-8").splitlines()


@pytest.mark.parametrize(
    ("line", "name"),
    [
        ("一、总体情况", "总体情况"),
        ("一、概述", "总体情况"),
        ("一．基本情况", "总体情况"),
        ("## 一. 总体情况", "总体情况"),
        ("[bookmark: _GoBack]一、总体情况", "总体情况"),
        ("1. 总体情况", "总体情况"),
        ("**二、主动公开政府信息情况**", "主动公开"),
        ("### 主动公开政府信息情况", "主动公开"),
        ("二、主动公开", "主动公开"),
        ("三、收到和处理政府信息公开申请情况", "依申请公开"),
        ("三、政府信息依申请公开办理情况", "依申请公开"),
        ("（三）依申请公开政府信息情况", "依申请公开"),
        ("四、政府信息公开行政复议、行政诉讼情况", "复议诉讼"),
        ("四．因政府信息公开申请行政复议、提起行政诉讼的情况", "复议诉讼"),
        ("五、存在的主要问题及改进情况", "问题改进"),
        ("五、存在问题及下一步工作打算", "问题改进"),
        ("五、存在的不足及改进措施：", "问题改进"),
        ("六、主要问题和改进措施", "问题改进"),
        ("六、政府信息公开工作存在的主要问题及改进措施", "问题改进"),
        ("   六、其他需要报告的事项", "其他事项"),
        ("#### **四、其他需要报告的事项**", "其他事项"),
        ("七、其他", "其他事项"),
    ],
)
def test_heading_recognised(line: str, name: str) -> None:
    sections = split_sections(["标题行", line, "正文。"])
    assert sections.headings == {name: 1}
    assert sections.text == {name: "正文。"}
    assert sections.preamble_end == 1


@pytest.mark.parametrize(
    "line",
    [
        "### 1. 主动公开",
        "### 2. 依申请公开",
        "主动公开",
        "\t行政复议",
        "其他",
        "\t四、结转下年度继续办理",
        "\t一、本年新收政府信息公开申请数量",
        "收到和处理政府信息公开申请情况，见下表。",
        "本报告由概述、主动公开政府信息情况、政府信息依申请公开办理情况等部分组成。",
    ],
)
def test_not_a_heading(line: str) -> None:
    assert split_sections([line, "正文。"]) == split_sections(["x", "正文。"])
    assert split_sections([line]).headings == {}


def test_empty_lines_ignored_and_no_headings() -> None:
    lines = ["一、总体情况", "", "甲。", "", "", "乙。", "二、主动公开政府信息情况", ""]
    sections = split_sections(lines)
    assert sections.text == {"总体情况": "甲。\n乙。", "主动公开": ""}
    assert split_sections(["正文。", ""]).preamble_end == 2
    assert split_sections([]).text == {}


def test_out_of_order_candidate_needs_more_evidence() -> None:
    lines = [
        "一、总体情况",
        "甲。",
        "二、主动公开政府信息情况",
        "乙。",
        "三、收到和处理政府信息公开申请情况",
        "丙。",
        "主动公开政府信息情况",
        "丁。",
        "四、政府信息公开行政复议、行政诉讼情况",
    ]
    sections = split_sections(lines)
    assert sections.headings == {"总体情况": 0, "主动公开": 2, "依申请公开": 4, "复议诉讼": 8}
    assert sections.text["依申请公开"] == "丙。\n主动公开政府信息情况\n丁。"


def test_subheading_loses_to_section_heading() -> None:
    lines = ["一、总体情况", "（一）主动公开政府信息情况", "甲。", "二、主动公开政府信息情况", "乙。"]
    sections = split_sections(lines)
    assert sections.headings == {"总体情况": 0, "主动公开": 3}
    assert sections.text["总体情况"] == "（一）主动公开政府信息情况\n甲。"


def test_pre_2019_outline_fees_stay_and_table_is_kept_under_other_matters() -> None:
    lines = [
        "一、概述",
        "概述正文。",
        "二、主动公开政府信息情况",
        "三、政府信息依申请公开情况",
        "依申请正文。",
        "四、政府信息公开的收费及减免情况",
        "未收取任何费用。",
        "五、因政府信息公开申请行政复议、提起行政诉讼的情况",
        "无。",
        "六、政府信息公开工作存在的主要问题及改进措施",
        "人手不足。",
        "七、政府信息公开情况统计表",
        "指标名称 计量单位 2012年度",
    ]
    sections = split_sections(lines)
    assert list(sections.text) == ["总体情况", "主动公开", "依申请公开", "复议诉讼", "问题改进", "其他事项"]
    assert sections.text["依申请公开"] == "依申请正文。\n四、政府信息公开的收费及减免情况\n未收取任何费用。"
    assert sections.text["问题改进"] == "人手不足。"
    # the statistics table is no prose of the problems section, but it is kept: searchable, shown
    assert sections.text["其他事项"] == "七、政府信息公开情况统计表\n指标名称 计量单位 2012年度"


def test_signature_and_date_are_not_section_text() -> None:
    lines = ["六、其他需要报告的事项", "无。", "", "某某县商务局", "2021年1月21日"]
    assert split_sections(lines).text == {"其他事项": "无。"}


def test_inline_headings_in_one_line() -> None:
    line = (
        "当前位置：首页 某某报告 本报告由概述、主动公开政府信息情况组成。联系电话：123一、概述2017年，甲。"
        "二、主动公开政府信息情况（一）乙。三、政府信息依申请公开工作情况 丙。"
        "四、因政府信息公开申请行政复议、提起行政诉讼的情况丁。五、存在的主要问题和改进措施戊。"
        "六、政府信息公开情况统计表指标名称 附件下载"
    )
    sections = split_sections(["标题: 某某报告", line])
    assert sections.preamble_end == 1
    assert sections.text == {
        "总体情况": "2017年，甲。",
        "主动公开": "（一）乙。",
        "依申请公开": "丙。",
        "复议诉讼": "丁。",
        "问题改进": "戊。",
        "其他事项": "六、政府信息公开情况统计表指标名称 附件下载",
    }


SEEDS = {
    "000": {
        "总体情况": "明确由党委书记直接分管政务公开工作",
        "主动公开": "政府集中采购",
        "依申请公开": "本年新收政府信息公开申请数量",
        "复议诉讼": "未经复议直接起诉",
        "问题改进": "政府信息公开工作人员的综合素质有待进一步加强",
        "其他事项": "无",
    },
    "001": {
        "总体情况": "配备 1 名兼职工作人员",
        "主动公开": "政府集中采购\t33\t589484.00 元",
        "依申请公开": "本年新收政府信息公开申请数量",
        "复议诉讼": "复议后起诉",
        "问题改进": "人手不足",
    },
    "002": {
        "总体情况": "我局累计主动公开政府信息20条",
        "主动公开": "行政事业性收费",
        "依申请公开": "（七）总计",
        "复议诉讼": "尚未审结",
        "问题改进": "政府信息公开意识、认识有待进一步提高",
        "其他事项": "无其他需要报告的事项。",
    },
    "003": {
        "总体情况": "认真落实组织机构和工作职责",
        "主动公开": "第二十条第（九）项",
        "依申请公开": "上年结转政府信息公开申请数量",
        "复议诉讼": "结果纠正",
        "问题改进": "政务公开项目还需进一步完善",
        "其他事项": "本年报所用数据系反映 2020年 1月 1日- 12月 31日",
    },
    "004": {
        "总体情况": "全年没有收到依申请公开政府信息的申请",
        "主动公开": "第二十条第（六）项",
        "复议诉讼": "未经复议直接起诉",
        "问题改进": "未能严格按照公文管理规定",
        "其他事项": "无",
    },
}


@pytest.mark.parametrize("seed", sorted(SEEDS))
def test_seed_sections(seed: str) -> None:
    sections = split_sections(_lines("seeds", seed))
    expected = SEEDS[seed]
    assert set(sections.text) == set(expected)
    assert list(sections.text) == [n for n in SECTION_NAMES if n in expected]
    for name, sentence in expected.items():
        assert sentence in sections.text[name], name


def test_seed_000_details() -> None:
    sections = split_sections(_lines("seeds", "000"))
    assert sections.preamble_end == 4
    assert sections.headings["问题改进"] == 392
    assert sections.text["其他事项"] == "无"
    assert sections.text["问题改进"].startswith("通过自查")  # bookmark dropped


def test_seed_001_signature_left_out() -> None:
    text = split_sections(_lines("seeds", "001")).text["问题改进"]
    assert text.endswith("不断提升信息公开的效果。")
    assert "区经信委" not in text


def test_seed_004_wrong_numbers_lost_heading() -> None:
    sections = split_sections(_lines("seeds", "004"))
    assert sections.headings == {
        "总体情况": 4,
        "主动公开": 32,
        "复议诉讼": 76,
        "问题改进": 83,
        "其他事项": 91,
    }
    assert "### 2. 依申请公开\n2020 年" in sections.text["总体情况"]  # a subheading, kept as text
    assert sections.text["问题改进"].startswith(
        "2020年，兴庆区商务和经济技术合作局政府信息公开工作，虽然取得了一定进步"
    )
    assert "其他需要报告" not in sections.text["问题改进"]
    assert sections.text["其他事项"] == "无"


REAL = {
    "04": {
        "总体情况": ("2017年，在省政府办公厅的关心和指导下", "全年共发布47条信息。"),
        "主动公开": ("（一）主动公开政府信息的数量2017年全区主动公开政府信息2122条。", "限时办结。"),
        "依申请公开": ("2017年未收到有关政府信息公开申请。", "2017年未收到有关政府信息公开申请。"),
        "复议诉讼": ("2017年未收到有关政府信息公开行政复议", "提起行政诉讼的申请。"),
        "问题改进": ("虽然我区政务公开工作取得了一定成效", "网上的内容、咨询。"),
        "其他事项": ("六、政府信息公开情况统计表指标名称计量单位2017年度历年累计", "行政诉讼数件00 附件下载"),
    },
    "05": {
        "总体情况": ("推进政府信息公开工作是平潭县", "进行监督和指导。"),
        "主动公开": ("（一）主动公开政府信息的数量", "2011年刊出政务公开栏12期。"),
        "依申请公开": ("2011年全区未收到有关政府信息公开的申请", "未收到有关政府信息公开行政复议申请。"),
        "问题改进": ("目前，我县在政府信息公开工作的开展中", "将信息公开评议和考核工作常规化、日常化。"),
        "其他事项": ("附件1：平潭综合实验区管委会2011年政府信息公开情况统计表", "行政申诉数 条 0 0 附件下载"),
    },
    "06": {
        "总体情况": ("推进政府信息公开工作是平潭综合实验区", "有关价格控制措施等。"),
        "主动公开": ("（一）主动公开政府信息的数量", "拥有粉丝10659名。"),
        "依申请公开": ("2012年全区未收到有关政府信息公开的申请", "未收到有关政府信息公开行政复议申请。"),
        "问题改进": ("目前，我区在政府信息公开工作的开展中", "为公众提供便捷服务。"),
        "其他事项": ("平潭综合实验区政府信息公开情况统计表", "行政申诉、举报数 件 0 0 附件下载"),
    },
}


@pytest.mark.parametrize("report", sorted(REAL))
def test_real_crawler_text(report: str) -> None:
    lines = _lines("real", report)
    sections = split_sections(lines)
    assert sections.preamble_end == 9  # header, chrome and foreword precede 一、概述 in line 10
    assert set(sections.headings.values()) == {9}
    assert list(sections.text) == list(REAL[report])
    for name, (start, end) in REAL[report].items():
        assert sections.text[name].startswith(start), name
        assert sections.text[name].endswith(end), name
    assert "当前位置" not in "".join(sections.text.values())
    prose = "".join(text for name, text in sections.text.items() if name != "其他事项")
    assert "指标名称" not in prose  # the statistics table is kept under 其他事项 only


def test_real_2012_key_areas_stay_in_overview() -> None:
    text = split_sections(_lines("real", "06")).text["总体情况"]
    assert "二、重点领域政府信息公开情况 今年以来" in text


@pytest.mark.parametrize(
    ("line", "name"),
    [
        ("一、總體情況", "总体情况"),  # 天津市2021年…報告: traditional characters
        ("一、概 述", "总体情况"),  # a space inside the heading
        ("一,、概 述", "总体情况"),  # a mirror's injected comma
        ("一、本年度政府信息公开工作的基本情况", "总体情况"),  # 贺州市2009
        ("  • 主动公开情况", "主动公开"),  # 兴安盟行署外事办公室2025: bullets for numbers
        ("四、政府信息公開行政複議、行政訴訟情況", "复议诉讼"),
        ("四、政府信息公开行政法复议、行政诉讼情况", "复议诉讼"),  # 平潭综合实验区2022, as published
        ("五、存在的主要问题", "问题改进"),
        ("（一）存在的主要问题。", "问题改进"),  # 沭阳县发改局 2023, under a lost 五、
        ("存在的主要问题", "问题改进"),
        ("（一）主要问题", "问题改进"),
        # The pre-2019 outline's headings as reports printed them (山东省机关事务管理局 2008,
        # 蚌埠 2016, 馆陶县行政审批局 2018, 泰州市 2017, 永定县 2009 …).
        ("三、依申请公开政府信息和不予公开政府信息的情况", "依申请公开"),
        ("二、依申请公开和不予公开政府信息情况", "依申请公开"),
        ("三、依申请公开、不予公开及咨询政府信息情况", "依申请公开"),
        ("三、依申请公开信息办理情况", "依申请公开"),
        ("三、政府信息公开申请的办理情况", "依申请公开"),
        ("二、主动公开信息情况", "主动公开"),
        ("二、行政机关主动公开政府信息情况", "主动公开"),  # 屏边县机关事务管理局 2020
        ("四、因政府信息公开申请行政复议或提起行政诉讼情况", "复议诉讼"),
        ("五、因信息公开申请行政复议、诉讼和申诉的情况", "复议诉讼"),
        ("四、因政府信息公开工作被申请行政复议、提起行政诉讼情况", "复议诉讼"),
        ("五、存在的主要问题及下步工作安排", "问题改进"),
        ("六、工作存在的主要问题及下步打算", "问题改进"),
        ("一、主要工作概述", "总体情况"),
        ("一 概述", "总体情况"),  # 广州市统计局 2017 on a mirror: the number set off by a space
    ],
)
def test_heading_recognised_on_real_pages(line: str, name: str) -> None:
    sections = split_sections(["标题行", line, "正文。"])
    assert sections.headings == {name: 1}
    assert sections.text == {name: "正文。"}


def test_subheadings_do_not_outrun_the_next_section_heading_on_a_page_cut_short() -> None:
    # 二郎街道 2022 as a crawler kept its first 2,000 bytes: 总体情况's own parts are named like
    # sections, and the page ends before 三、 could outweigh them.
    lines = ["一、总体情况", "（一）主动公开情况", "公开信息314条。", "（二）依申请公开情况", "新收0件。",
             "二、主动公开政府信息情况", "第二十条第（一）项"]  # fmt: skip
    sections = split_sections(lines)
    assert sections.headings == {"总体情况": 0, "主动公开": 5}
    assert sections.text["总体情况"] == "（一）主动公开情况\n公开信息314条。\n（二）依申请公开情况\n新收0件。"


def test_a_list_of_contents_opens_no_section() -> None:
    # 上海市2012年政府信息公开年度报告 on a mirror: the parts listed on one line, then the text.
    contents = ("一、概述,(一)注重重点推进,深化公开内容。,二、主动公开政府信息情况,(一)主动公开范围,"
                "三、依申请公开政府信息情况,四、复议、诉讼情况,六、主要问题和改进措施,")  # fmt: skip
    sections = split_sections([contents, "一、概述", "2012年度报告根据《条例》编制。"])
    assert sections.headings == {"总体情况": 1}
    assert sections.text == {"总体情况": "2012年度报告根据《条例》编制。"}
    # Run-in headings a later line does not repeat are a flattened page's sections.
    flattened = "一、概述 本年度公开信息。二、主动公开政府信息情况 共12条。"
    assert split_sections([flattened]).headings == {"总体情况": 0, "主动公开": 0}


def test_problems_section_found_where_its_number_was_lost() -> None:
    lines = [
        "四、政府信息公开行政复议、行政诉讼情况",
        "无。",
        "（一）存在的主要问题。",
        "人手不足。",
        "（二）改进情况。",
        "加强培训。",
        "六、其他需要报告的事项",
        "无。",
    ]
    sections = split_sections(lines)
    assert sections.headings == {"复议诉讼": 0, "问题改进": 2, "其他事项": 6}
    assert sections.text["问题改进"] == "人手不足。\n（二）改进情况。\n加强培训。"


@pytest.mark.parametrize(
    "first",
    ["（一）2024 年工作中存在问题的改进情况", "（一）上年度存在问题的整改情况", "（一）2024年度存在的主要问题"],
)
def test_problems_section_found_by_its_first_part_where_its_heading_was_lost(first: str) -> None:
    # 上海市人民政府办公厅 2025 as a PDF converter left it: 五、's line lost, its parts kept.
    lines = ["四、政府信息公开行政复议、行政诉讼情况", "无。", first, "已改进。",
             "（二）2025 年工作中存在的主要问题", "人手不足。", "六、其他需要报告的事项", "无。"]  # fmt: skip
    sections = split_sections(lines)
    assert sections.headings == {"复议诉讼": 0, "问题改进": 2, "其他事项": 6}
    assert sections.text["问题改进"] == "已改进。\n（二）2025 年工作中存在的主要问题\n人手不足。"


def test_problems_subheading_loses_to_the_numbered_heading() -> None:
    lines = [
        "五、存在的主要问题及改进情况",
        "（一）存在的主要问题。",
        "人手不足。",
        "六、其他需要报告的事项",
        "无。",
    ]
    assert split_sections(lines).headings == {"问题改进": 0, "其他事项": 3}


def test_traditional_headings_keep_their_text() -> None:
    lines = ["一、總體情況", "2021年,天津市堅持。", "二、主動公開政府信息情況", "發布政務信息13985條。"]
    sections = split_sections(lines)
    assert sections.text == {"总体情况": "2021年,天津市堅持。", "主动公开": "發布政務信息13985條。"}


def test_injected_readings_are_not_section_text() -> None:
    lines = ["一、總體情況", "一是主動(dòng)公開(kāi)情況"]
    assert split_sections(lines).text == {"总体情况": "一是主動公開情況"}


@pytest.mark.parametrize(
    ("lines", "old"),
    [
        (  # 朔州市卫健委 2022: the old outline in a 2022 report
            ["根据《中华人民共和国政府信息公开条例》要求,特向社会公布我委政府信息公开工作年度报告。本报告包括总体情况,"
             "主动公开政府信息情况,依申请公开政府信息情况,咨询处理情况,行政复议和行政诉讼情况,政府信息公开支出与收费情况,"
             "存在的主要问题和改进措施及其他需要报告的事项。", "一、总体情况"],
            True,
        ),
        (  # 江西省 2008, traditional
            ["年報由概述,主動公開政府信息情況,依申請公開政府信息情況,政府信息公開收費及減免情況,"
             "因政府信息公開申請行政復議、提起行政訴訟情況,其他需要報告的事項等七部分組成。"],
            True,
        ),
        (["一、概述", "正文。", "四、咨询处理情况", "未收到咨询。"], True),  # 龙归镇 2016: a heading
        (["一、概述 2016年以来,我镇积极贯彻。 五、行政复议、诉讼和申诉情况 2016年度未接到。"], True),
        (  # 上海市人民政府办公厅 2020: the 2019 outline
            ["全文包括总体情况、主动公开政府信息情况、收到和处理政府信息公开申请情况、因政府信息公开工作被申请行政复议和"
             "提起行政诉讼情况、政府信息公开工作存在的主要问题及改进情况及其他需要报告的事项。", "一、总体情况"],
            False,
        ),
        (["一、总体情况", "收到投诉、申诉2件，均已办结。", "行政事业性收费 | 0 |"], False),  # prose, table rows
        (  # a township 2020 (a mirror): 政府信息公开相关收费情况 among the parts
            ["现公布我乡人民政府2020年政府信息公开工作情况。本文由概述、主动公开政府信息情况、依申请公开政府信息受理情况、"
             "政府信息公开相关收费情况、申请行政复议、提起行政诉讼情况、存在问题及改进措施六部分组成。", "一、概述"],
            True,
        ),
        # 阳城县横河镇 2020: the old parts numbered under 一、总体情况
        (["一、总体情况", "(一)主动公开", "正文。", "(三)政府信息公开的收费及减免情况", "2020年未收取费用。"], True),
        (["一、总体情况", "(三)政府信息管理", "2020年,我局不收取任何费用,无申诉。"], False),
        # 麒麟区自然资源局 2022: the foreword lists the templates' parts; a 咨询 sub-heading is no old part
        (["本报告由总体情况、主动公开政府信息情况、收到和处理政府信息公开申请情况、政府信息公开行政复议及行政诉讼情况、"
          "存在的主要问题及改进情况、其他需要报告的事项等六部分组成。", "一、总体情况",
          "(二)依法申请公开政府信息、咨询处理情况", "正文。"], False),
        # 明仁苏木 2019: an old part numbered 3、 with its text run on after it
        (["一、2019年工作开展情况", "3、信息公开支出及收费情况。由于我苏木未发生关于部门信息公开事务的行政复议案。"], True),
        # 衡南县泉溪镇 2020: the templates' parts listed, but a part on fees under 一
        (["内容包括:总体情况、行政机关主动公开政府信息情况、行政机关收到和处理政府信息公开申请情况、其他需要报告的事项等六项内容。",
          "一、总体情况", "(五)咨询处理情况", "(七)政府信息公开收费和减免情况", "正文。"], True),
    ],
)  # fmt: skip
def test_follows_pre_2019_outline(lines: list[str], old: bool) -> None:
    assert follows_pre_2019_outline(lines) is old


@pytest.mark.parametrize(
    ("line", "signed"),
    [
        ("某某县商务局 2021年1月21日", ("某某县商务局 2021年1月21日", "某某县商务局", "2021年1月21日")),
        ("六、其他需要报告的事项 无。 相城区河西镇人民政府 2024年1月12日",
         ("相城区河西镇人民政府 2024年1月12日", "相城区河西镇人民政府", "2024年1月12日")),
        ("六、其他需要报告的事项无。相城区河西镇人民政府2024年1月12日",
         ("相城区河西镇人民政府2024年1月12日", "相城区河西镇人民政府", "2024年1月12日")),
        ("本报告所列数据的统计期限自2021年1月1日起至2021年12月31日止 满城区财政局 2022年2月17日",
         ("满城区财政局 2022年2月17日", "满城区财政局", "2022年2月17日")),
        ("本报告统计期限自2021年1月1日至2021年12月31日", None),  # prose ending in a date
        ("无。 2022年1月20日", None),  # a date alone is no signature
    ],
)  # fmt: skip
def test_closing_signature(line: str, signed: tuple[str, str, str] | None) -> None:
    """The signature's text from where it starts, its name and its date."""
    found = closing_signature(line)
    assert (found and (line[found[0] :], *found[1:])) == signed


def test_signature_ending_a_one_line_page_is_not_section_text() -> None:
    line = "一、总体情况2023年，我镇认真贯彻。六、其他需要报告的事项无。相城区河西镇人民政府2024年1月12日"
    sections = split_sections([line])
    assert sections.text["其他事项"] == "无。"
    assert sections.closing == "无。相城区河西镇人民政府2024年1月12日"


def test_fused_attachment_ends_the_last_section() -> None:
    line = (
        "一、概述2016年，我厅认真贯彻。六、其他需要报告的事项无其他需要报告的事项。广东省司法厅2017年3月12日"
        "附：政府信息公开情况统计表指标名称计量单位2016年度历年累计主动公开文件数条210210"
    )
    sections = split_sections([line])
    assert sections.text["其他事项"] == (
        "无其他需要报告的事项。\n附：政府信息公开情况统计表指标名称计量单位2016年度历年累计主动公开文件数条210210"
    )
    assert sections.closing == "无其他需要报告的事项。广东省司法厅2017年3月12日"


@pytest.mark.parametrize("first", ["一、政府信息公开的组织领导情况", "一、加强组织领导", "第一部分 工作开展情况"])
def test_part_one_under_its_own_words_is_the_overview(first: str) -> None:
    # 山东省机关事务管理局 2008, 乐山市法制办 2010 (tests/data/real/pages c03, c07)
    lines = ["某局2008年政府信息公开工作年度报告", "本报告根据《条例》编制。", first, "成立了领导小组。",
             "二、主动公开政府信息情况", "共公开12条。"]  # fmt: skip
    sections = split_sections(lines)
    assert sections.headings == {"总体情况": 2, "主动公开": 4}
    assert sections.text["总体情况"] == "成立了领导小组。"
    # A foreword's sentence that starts 一、 is not a part's heading.
    lines[2] = "一、本报告所列数据的统计期限为2008年1月1日至12月31日。"
    assert split_sections(lines).headings == {"主动公开": 4}


def test_the_overviews_own_parts_open_no_sections_unless_a_later_part_confirms() -> None:
    # 和平街道办事处 2020 (a page cut before 二、): the overview's parts named like sections
    lines = ["一、总体情况", "(一)主动公开情况", "全年公开信息86条。", "(二)依申请公开情况", "未收到申请。",
             "(三)政府信息管理情况", "规范发布流程。"]  # fmt: skip
    sections = split_sections(lines)
    assert sections.headings == {"总体情况": 0}
    assert sections.text["总体情况"].startswith("(一)主动公开情况\n全年公开信息86条。")
    # where 二、 was lost, the part 三、 after it says (二) was section 二
    lines = ["一、总体情况", "概况。", "(二)主动公开政府信息情况", "见下表。", "三、收到和处理政府信息公开申请情况", "无。"]
    assert split_sections(lines).headings == {"总体情况": 0, "主动公开": 2, "依申请公开": 4}


@pytest.mark.parametrize(
    ("line", "name"),
    [
        ("三、收到和处理政府信息公开的申请情况", "依申请公开"),  # 吴起县商务局 2022
        ("一、总体概述", "总体情况"),  # 双塔区前进街道 2020
        ("一、2019年政府信息公开工作的总体情况", "总体情况"),  # 上湾乡 2019
        ("五、申请行政复议情况", "复议诉讼"),
        ("四、复议、诉讼和申诉情况", "复议诉讼"),
        ("五、信息公开工作存在的主要问题及改进情况", "问题改进"),  # 道县文广新局 2013
    ],
)
def test_more_headings_as_real_pages_print_them(line: str, name: str) -> None:
    assert split_sections(["标题行", line, "正文。"]).headings == {name: 1}


def test_one_heading_in_a_text_about_disclosure_makes_a_page_a_report(tmp_path):
    # k03 辽阳市 2013, a mirror's page from its part 一 on, cut inside it: no title, no year
    page = tmp_path / "page.txt"
    page.write_text("请输入搜索\n一、政府信息公开总体工作情况\n(一)组织机构建设情况。市政府进一步理顺了管理体制。\n",
                    encoding="utf-8")  # fmt: skip
    outcome = try_extract(page)
    assert outcome.report is not None
    assert (outcome.report.template, outcome.report.year) == ("free", None)
    assert list(outcome.report.sections) == ["总体情况"]
    # n13 吴淞街道: 一、总体情况 in a text on disclosure applications
    page.write_text("一、总体情况\n三是建立健全街道政府信息公开申请的工作制度。本年度共收到依申请公开3件。\n",
                    encoding="utf-8")  # fmt: skip
    assert try_extract(page).report.facets == {"申请.新收": 3}
    # one heading in a text on anything else is not enough
    page.write_text("请输入搜索\n一、概述\n市政府进一步理顺了管理体制。\n", encoding="utf-8")
    assert try_extract(page).reason == "not a report (no report title with a year, no section headings, no tables)"


def test_a_template_table_opened_outweighs_the_old_outline_in_the_foreword(tmp_path):
    # n07 三亚市海棠区 2020: the foreword lists the old parts, the page is cut at the first table
    page = tmp_path / "page.txt"
    page.write_text("三亚市海棠区人民政府办公室2020年政府信息公开工作年度报告\n"
                    "本报告包括概述、主动公开政府信息情况、政府信息公开的收费及减免情况等部分。\n"
                    "一、总体情况\n2020年,我办认真贯彻《条例》。\n二、主动公开政府信息情况\n第二十条第(\n",
                    encoding="utf-8")  # fmt: skip
    assert try_extract(page).report.template == "2019"
    page.write_text(page.read_text(encoding="utf-8").replace("第二十条第(\n", ""), encoding="utf-8")
    assert try_extract(page).report.template == "free"
