"""The pre-2019 statistics table (政府信息公开情况统计表), in every form it arrives.

Rows and lines are copied from the real reports 02–06 in tests/data/real.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from indexer.extract.readers import read
from indexer.extract.tables.oldstats import fused_readings, read_old_stats
from indexer.extract.tables.rows import Item, items_from_blocks

REAL = Path(__file__).parent / "data" / "real"

HEADER = ("指标名称", "计量单位", "2013年度", "历年累计")
# 03 (平潭县人民政府 2013), the HTML grid as the reader gives it.
COUNTY_2013 = [
    HEADER,
    ("主动公开信息数", "条", "1853", "5395"),
    ("其中：1.网站公开", "条", "1713", "5017"),
    ("2.政府公报公开", "条", "0", "7"),
    ("受理依申请公开信息总数", "条", "7", "28"),
    ("其中：1.当面申请数", "条", "0", "18"),
    ("对申请的答复数", "条", "3", "24"),
    ("其中：1.同意公开答复数", "条", "2", "19"),
    ("2.同意部分公开答复数", "条", "1", "3"),
    ("3.否决公开答复数", "条", "0", "2"),
    ("行政复议数", "条", "0", "0"),
    ("行政诉讼数", "条", "0", "0"),
    ("行政申诉数", "条", "0", "0"),
]
# 05 (平潭综合实验区 2011), the table on one line, separated by spaces.
SPACED_2011 = (
    "二○一二年二月二十日 附件1：平潭综合实验区管委会2011年政府信息公开情况统计表 指标名称 计量 单位 2011 年度 历年累计 "
    "主动公开信息数 条 425 1516 其中：1.网站公开 条 418 1509 2.政府公报公开 条 7 7 受理依申请公开信息总数 条 0 0 "
    "其中：1.当面申请数 条 0 0 2.传真申请数 条 0 0 3.电子邮件申请数 条 0 0 4.网上申请数 条 0 0 5.信函申请数 条 0 0 "
    "6.其它形式申请数 条 0 0 对申请的答复数 条 0 0 其中：1.同意公开答复数 条 0 0 2.同意部分公开答复数 条 0 0 "
    "3.否决公开答复数 条 0 0 行政复议数 条 0 0 行政诉讼数 条 0 0 行政申诉数 条 0 0 附件下载"
)
# 04 (平潭综合实验区 2017), the table fused with no separators at all.
FUSED_2017 = (
    "六、政府信息公开情况统计表指标名称计量单位2017年度历年累计主动公开文件数条212210037其中：1、政府网站公开数条"
    "2122100372、政府公报公开数条00受理政府信息依申请公开总数条00其中：1、当面申请数条002、网上申请数条003、信函、传真"
    "申请数条00对申请的答复总数条00其中：1、同意公开答复数条002、同意部分公开答复数条003、不予公开答复数条004、其他类型"
    "答复数条00接受行政诉讼、举报数件00行政复议数件00行政诉讼数件00 附件下载"
)
# Other reports of the same archive (changwu/pingtan-gov-zwgk-archive), by page id.
# 80716 (平潭县人民政府 2011): fused; 4251516 splits only as 425+1516 with 网站 418+1509 and 公报 7+7.
COUNTY_2011_FUSED = (
    "附件1：平潭县人民政府2011年政府信息公开情况统计表 指标名称计量单位2011年度历年累计主动公开信息数条4251516"
    "其中：1.网站公开条41815092.政府公报公开条77受理依申请公开信息总数条00其中：1.当面申请数条002.传真申请数条00"
    "3.电子邮件申请数条004.网上申请数条005.信函申请数条006.其它形式申请数条00对申请的答复数条00其中：1.同意公开答复数"
    "条002.同意部分公开答复数条003.否决公开答复数条00行政复议数条00行政诉讼数条00行政申诉数条00"
)
# 80725 (平潭县人民政府 2012): 2121 is 21+21 only where 当面 18+18 and 电子邮件 3+3 add up to it.
COUNTY_2012_FUSED = (
    "附件1：平潭县人民政府2012年政府信息公开情况统计表 指标名称计量单位2012年度历年累计主动公开信息数条20263542"
    "其中：1.网站公开条179533042.政府公报公开条07受理依申请公开信息总数条2121其中：1.当面申请数条18182.传真申请数条00"
    "3.电子邮件申请数条334.网上申请数条005.信函申请数条006.其它形式申请数条00对申请的答复数条2121其中：1.同意公开答复数"
    "条17172.同意部分公开答复数条223.否决公开答复数条22行政复议数条00行政诉讼数条00行政申诉数条00"
)
# 80791 (平潭综合实验区 2014): spaced, with a row in 元.
ZONE_2014_SPACED = (
    "六、平潭综合实验区政府信息公开情况统计表 指标名称 计量单位 2014年度 历年累计 主动公开文件数 条 2543 78967 "
    "其中：1、政府网站公开数 条 2543 78967 2、政府公报公开数 条 0 0 受理依申请公开信息总数 条 1 1 其中：1、当面申请数 条 0 0 "
    "2、网上申请数 条 0 0 3、信函、传真申请数 条 1 1 对申请的答复总数 条 1 1 其中：1、同意公开答复数 条 1 1 "
    "2、同意部分公开答复数 条 0 0 3、不予公开答复数 条 0 0 4、其他类型答复数 条 0 0 政府信息公开收费减免金额 元 0 0 "
    "接受行政诉讼、举报数 件 0 0 行政复议数 件 0 0 行政诉讼数 件 0 0 附件下载"
)
ZEROS = {"申请.新收": 0, "申请.予以公开": 0, "申请.部分公开": 0, "复议.总计": 0, "诉讼.总计": 0}


def grid(rows: list[tuple[str, ...]]) -> list[Item]:
    return [Item(text="\t".join(r), where=f"row {i}", cells=tuple(r)) for i, r in enumerate(rows, 1)]


def line(text: str) -> Item:
    return Item(text=text, where="line")


def test_grid_gives_the_year_column() -> None:
    assert read_old_stats(grid(COUNTY_2013)) == (
        {
            "主动公开.条数": 1853,
            "申请.新收": 7,
            "申请.予以公开": 2,
            "申请.部分公开": 1,
            "复议.总计": 0,
            "诉讼.总计": 0,
        },
        [],
    )


def test_grid_column_order_comes_from_the_header() -> None:
    rows = [("指标名称", "计量单位", "历年累计", "2013年度"), ("主动公开信息数", "条", "5395", "1853")]
    assert read_old_stats(grid(rows)) == ({"主动公开.条数": 1853}, [])


def test_grid_ends_at_the_first_line_of_text() -> None:
    items = [*grid(COUNTY_2013[:2]), line("附件下载"), *grid([("行政复议数", "条", "3", "3")])]
    assert read_old_stats(items) == ({"主动公开.条数": 1853}, [])


def test_grid_row_with_a_lost_cell_is_left_out_with_a_warning() -> None:
    rows = [HEADER, ("主动公开信息数", "条", "72804"), ("行政复议数", "件", "0", "0")]
    assert read_old_stats(grid(rows)) == (
        {"复议.总计": 0},
        ["主动公开.条数: statistics table row “主动公开信息数” does not hold one value per column; left out"],
    )


def test_blank_year_cell_is_not_zero() -> None:
    rows = [HEADER, ("行政复议数", "件", "", "2")]
    assert read_old_stats(grid(rows)) == (
        {},
        ["复议.总计: statistics table row “行政复议数” has no number for the year; left out"],
    )


def test_blank_cumulative_cell_keeps_the_year() -> None:
    """02: ('2、政府公报公开', '条', '0', '') — the year's 0 stands on its own."""
    rows = [HEADER, ("行政诉讼数", "件", "0", "")]
    assert read_old_stats(grid(rows)) == ({"诉讼.总计": 0}, [])


def test_year_above_cumulative_is_left_out_with_a_warning() -> None:
    rows = [HEADER, ("受理依申请公开信息总数", "条", "28", "7")]
    assert read_old_stats(grid(rows)) == (
        {},
        [
            "申请.新收: statistics table row “受理依申请公开信息总数” gives the year 28, more than the cumulative 7; left out"
        ],
    )


def test_labels_that_name_no_facet_are_ignored() -> None:
    """对申请的答复数 is not 办理总计 (03 answers 3 of 7); 接受行政诉讼、举报数 is not 诉讼."""
    rows = [
        HEADER,
        ("对申请的答复数", "条", "3", "24"),
        ("接受行政诉讼、举报数", "件", "1", "1"),
        ("行政申诉、举报数", "件", "0", "0"),
        ("其中：1、网站公开", "条", "72804", "76424"),
    ]
    assert read_old_stats(grid(rows)) == ({}, [])


def test_spaced_line() -> None:
    assert read_old_stats([line(SPACED_2011)]) == ({"主动公开.条数": 425, **ZEROS}, [])


def test_spaced_rows_over_several_lines() -> None:
    items = [
        line("平潭综合实验区政府信息公开情况统计表 指标名称 计量单位 2012年度 历年累计"),
        line("主动公开信息数 条 739 4359"),
        line("其中：1、网站公开 条 739 4359"),
        line("行政复议数 件 0 0"),
    ]
    assert read_old_stats(items) == ({"主动公开.条数": 739, "复议.总计": 0}, [])


def test_spaced_row_with_one_number_is_left_out() -> None:
    text = "指标名称 计量单位 2012年度 历年累计 主动公开信息数 条 739 4359 行政复议数 件 2 行政诉讼数 件 0 0"
    assert read_old_stats([line(text)]) == (
        {"主动公开.条数": 739, "诉讼.总计": 0},
        ["复议.总计: statistics table row “行政复议数” has 1 numbers where 2 were expected; left out"],
    )


def test_fused_line_splits_where_the_arithmetic_allows() -> None:
    assert read_old_stats([line(FUSED_2017)]) == (
        ZEROS,
        [
            "主动公开.条数: statistics table row “主动公开文件数” fuses its numbers as 212210037 "
            "(readings: 2+12210037, 21+2210037, 212+210037, 2122+10037); left out"
        ],
    )


def test_fused_digits_lose_the_next_rows_number() -> None:
    """…同意公开答复数条002、同意部分… : the trailing 2 numbers the next row."""
    text = "指标名称计量单位2017年度历年累计其中：1、同意公开答复数条052、同意部分公开答复数条34"
    assert read_old_stats([line(text)]) == ({"申请.予以公开": 0, "申请.部分公开": 3}, [])


def test_fused_digits_without_the_expected_number_stop_the_reading() -> None:
    text = "指标名称计量单位2017年度历年累计其中：1、同意公开答复数条055、同意部分公开答复数条34"
    assert read_old_stats([line(text)]) == (
        {},
        [
            "申请.予以公开: statistics table row “其中:1、同意公开答复数” runs into the next row's number; left out"
        ],
    )


def test_fused_digits_split_by_the_groups_sums() -> None:
    assert read_old_stats([line(COUNTY_2011_FUSED)]) == ({"主动公开.条数": 425, **ZEROS}, [])


def test_fused_group_whose_sums_do_not_hold_stays_ambiguous() -> None:
    """主动公开 2026 against 网站公开 1795 + 公报 0: the table contradicts itself."""
    assert read_old_stats([line(COUNTY_2012_FUSED)]) == (
        {"申请.新收": 21, "申请.予以公开": 17, "申请.部分公开": 2, "复议.总计": 0, "诉讼.总计": 0},
        [
            "主动公开.条数: statistics table row “主动公开信息数” fuses its numbers as 20263542 "
            "(readings: 20+263542, 202+63542, 2026+3542); left out"
        ],
    )


def test_spaced_line_reads_past_a_row_in_yuan() -> None:
    expected = {"主动公开.条数": 2543, "申请.新收": 1, "申请.予以公开": 1, "申请.部分公开": 0}
    assert read_old_stats([line(ZONE_2014_SPACED)]) == ({**expected, "复议.总计": 0, "诉讼.总计": 0}, [])


@pytest.mark.parametrize(
    ("digits", "readings"),
    [
        ("00", [(0, 0)]),
        ("77", [(7, 7)]),
        ("75", []),  # the year above the cumulative
        ("212210037", [(2, 12210037), (21, 2210037), (212, 210037), (2122, 10037)]),
        ("1020", [(10, 20)]),  # no number starts with 0
        ("7", []),
    ],
)
def test_fused_readings(digits: str, readings: list[tuple[int, int]]) -> None:
    assert fused_readings(digits) == readings


def test_table_for_another_year_is_not_read() -> None:
    assert read_old_stats(grid(COUNTY_2013), year=2014) == (
        {},
        ["statistics table headed 2013年度 in a report on 2014: not read"],
    )


def test_table_for_the_reports_year_is_read() -> None:
    assert read_old_stats(grid(COUNTY_2013[:2]), year=2013) == ({"主动公开.条数": 1853}, [])


def test_two_tables_that_disagree_leave_the_key_out() -> None:
    items = [*grid(COUNTY_2013[:2]), line("附"), *grid([HEADER, ("主动公开信息数", "条", "1713", "5017")])]
    assert read_old_stats(items) == ({}, ["主动公开.条数: statistics table says 1853 and 1713; left out"])


def test_no_table_no_facets() -> None:
    items = [line("2013年全县共收到有关政府信息公开的申请7条"), *grid([("行政处罚", "12", "0", "12")])]
    assert read_old_stats(items) == ({}, [])


@pytest.mark.parametrize(
    ("prefix", "expected", "warned"),
    [
        ("02", {"主动公开.条数": 72804, **ZEROS}, 0),  # HTML grid
        (
            "03",
            {
                "主动公开.条数": 1853,
                "申请.新收": 7,
                "申请.予以公开": 2,
                "申请.部分公开": 1,
                "复议.总计": 0,
                "诉讼.总计": 0,
            },
            0,
        ),  # HTML grid
        ("04", ZEROS, 1),  # fused: 主动公开 212210037 stays ambiguous
        ("05", {"主动公开.条数": 425, **ZEROS}, 0),  # one spaced line
        ("06", {"主动公开.条数": 739, **ZEROS}, 0),  # one spaced line
    ],
)
def test_whole_real_reports(prefix: str, expected: dict[str, int], warned: int) -> None:
    path = next(p for p in REAL.glob(f"{prefix}_*") if not p.name.endswith(".json"))
    found, warnings = read_old_stats(items_from_blocks(read(path).blocks))
    assert (found, len(warnings)) == (expected, warned)


def _from_text(text: str) -> list[Item]:
    from indexer.models import TextBlock

    return items_from_blocks([TextBlock(text, "t")])


COUNTY_2013_FACETS = {"主动公开.条数": 1853, "申请.新收": 7, "申请.予以公开": 2, "申请.部分公开": 1, "复议.总计": 0, "诉讼.总计": 0}


def test_table_written_a_cell_a_line():
    # 03's grid as a crawler writes every element of a cell on a line of its own
    # (指标名称 / 计量 / 单位 / 2013 / 年度 / …, a row's number apart from its label).
    lines = ["指标名称", "计量", "单位", "2013", "年度", "历年累计"]
    for label, unit, year, total in COUNTY_2013[1:]:
        number, dot, rest = label.partition(".")
        lines += [number + dot, rest] if dot else [label]
        lines += [unit, year, total]
    facets, warnings = read_old_stats(_from_text("\n".join(lines) + "\n附件下载\n"), 2013)
    assert facets == COUNTY_2013_FACETS and warnings == []


def test_table_written_as_tab_separated_rows():
    # Each row a line, its cells separated by tabs: read as the grid it is, not as text.
    text = "\n".join("\t".join(row) for row in COUNTY_2013) + "\n"
    facets, warnings = read_old_stats(_from_text(text), 2013)
    assert facets == COUNTY_2013_FACETS and warnings == []
