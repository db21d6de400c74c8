"""Table recovery and interpretation on literal rows and text."""

import pytest

from indexer.extract.numbers import parse_cell, to_wan_yuan
from indexer.extract.tables import fused
from indexer.extract.tables.interpret import detect_template, read_tables
from indexer.extract.tables.labels import core_of, match
from indexer.extract.tables.rows import items_from_blocks
from indexer.extract.templates import APPLICANT_COLUMNS
from indexer.models import TableBlock, TextBlock


def read_text(text: str, year: int = 2020):
    return read_tables(items_from_blocks([TextBlock(text, "t")]), year)


def read_grid(rows, year: int = 2020):
    return read_tables(items_from_blocks([TableBlock(tuple(map(tuple, rows)), "table 1")]), year)


@pytest.mark.parametrize(
    "text, kind, value, unit",
    [
        ("　　0", "number", 0, None),
        ("0 ", "number", 0, None),
        ("103.9万元", "number", 103.9, "万元"),
        ("589484.00 元", "number", 589484.0, "元"),
        ("-3", "number", -3, None),
        ("减少2", "number", -2, None),
        ("十二", "number", 12, None),
        ("１２", "number", 12, None),
        ("—", "blank", None, None),
        ("/", "blank", None, None),
        ("", "blank", None, None),
        ("行政处罚", "text", None, None),
    ],
)
def test_parse_cell(text, kind, value, unit):
    cell = parse_cell(text)
    assert (cell.kind, cell.value, cell.unit) == (kind, value, unit)


def test_money_conversion_to_wan_yuan():
    assert to_wan_yuan(589484.00, "元") == 58.9484
    assert to_wan_yuan(103.9, "万元") == 103.9
    assert to_wan_yuan(1.5, "亿元") == 15000


@pytest.mark.parametrize(
    "printed, key",
    [
        ("(三) 不予公 开", "不予公开"),
        ("1. 本机关不", "无法提供.不掌握"),  # cut by a PDF line break
        ("4. 保护第三方合法权 益", "不予公开.第三方权益"),
        ("（二）部分公开（区分处理的，只计这一情形，不计其他情形）", "部分公开"),
        ("四、结转下年度继续办 理", "结转下年"),
        ("3．危及“三安全一稳定”", "不予公开.三安全一稳定"),
        ("二、上年结转政府信息公开数量", "上年结转"),  # a word dropped (o22 临潼 开发区)
    ],
)
def test_label_matching_survives_damage(printed, key):
    assert key in [label.key for label in match(printed)]


def test_short_fragments_match_nothing():
    assert match("一、") == ()
    assert match("掌握相关政府信息") == ()
    assert core_of("三、 本 年 度 办 理 结 果") == "本年度办理结果"


def test_cell_per_line_rows_with_wrapped_header():
    text = "二、主动公开政府信息情况\n\t信息内容\n\t本年新\n制作数量\n\t本年新\n公开数量\n\t对外公开总数量\n\n\t规章\n\t0\n\t1\n\t5\n"
    items = items_from_blocks([TextBlock(text, "t")])
    rows = [it.cells for it in items if it.is_row]
    assert rows == [("信息内容", "本年新制作数量", "本年新公开数量", "对外公开总数量"), ("规章", "0", "1", "5")]
    assert read_text(text).facets == {"规章.本年制发": 0, "规章.本年新公开": 1, "规章.对外公开总数": 5}


def test_markdown_pipe_table():
    text = (
        "| 信息内容 | 上一年项目数量 | 本年增/减 | 处理决定数量 |\n"
        "|---|---|---|---|\n"
        "| 行政处罚 | 7 | -2 | 30 |\n"
    )
    assert read_text(text).facets == {
        "行政处罚.上一年项目数": 7,
        "行政处罚.本年增减": -2,
        "行政处罚.处理决定数": 30,
    }


def test_template_2021_from_headers():
    grid = [
        ["信息内容", "本年制发件数", "本年废止件数", "现行有效件数"],
        ["规章", "0", "0", "3"],
        ["行政规范性文件", "2", "1", "9"],
        ["信息内容", "本年处理决定数量"],
        ["行政许可", "1,205"],
        ["信息内容", "本年收费金额（单位：万元）"],
        ["行政事业性收费", "12.5"],
    ]
    reading = read_grid(grid)
    assert reading.template == "2021"
    assert reading.facets == {
        "规章.本年制发": 0,
        "规章.本年废止": 0,
        "规章.现行有效": 3,
        "规范性文件.本年制发": 2,
        "规范性文件.本年废止": 1,
        "规范性文件.现行有效": 9,
        "行政许可.处理决定数": 1205,
        "行政事业性收费.金额_万元": 12.5,
    }


def test_no_tables_means_no_template():
    assert detect_template([], 2015) is None
    assert read_text("全年共受理政府信息公开申请12件。").template is None


def test_blank_cells_are_zero_only_where_the_total_confirms_them():
    grid = [
        ["一、本年新收政府信息公开申请数量", "3", "", "", "", "", "", "3"],
        ["二、上年结转政府信息公开申请数量", "1", "", "", "", "", "", "4"],
    ]
    facets = read_grid(grid).facets
    assert facets["申请.新收.商业企业"] == 0 and facets["申请.新收"] == 3
    assert facets["申请.上年结转.自然人"] == 1 and facets["申请.上年结转"] == 4
    assert "申请.上年结转.商业企业" not in facets  # 1 ≠ 4: the blanks are unknown


def test_lone_value_in_a_row_is_its_total():
    # Seed 001's layout: the single 0 sits one cell left of the 总计 column.
    grid = [["一、", "本年新收政府信息公开申请数量", "", "", "", "", "", "0", ""]]
    facets = read_grid(grid).facets
    assert facets["申请.新收"] == 0
    assert facets["申请.新收.自然人"] == 0  # a total of 0 confirms every column


def test_2021_other_handling_subrows_and_sums():
    grid = [
        ["", "（六）其他处理", "1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请", "1", "0", "0", "0", "0", "0", "1"],
        ["", "", "2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请", "0", "0", "0", "0", "0", "0", "0"],
        ["", "", "3.其他", "2", "1", "0", "0", "0", "0", "3"],
    ]
    reading = read_grid(grid, 2022)
    assert reading.template == "2021"
    assert reading.facets["申请.其他处理.其他"] == 3
    assert reading.facets["申请.其他处理.其他.商业企业"] == 1
    assert reading.facets["申请.其他处理"] == 4


def test_review_row_of_fifteen():
    grid = [
        ["行政复议", "", "", "", "", "行政诉讼"],
        ["结果维持", "结果纠正", "其他结果", "尚未审结", "总计", "未经复议直接起诉", "", "", "", "", "复议后起诉"],
        ["1", "2", "0", "0", "3", "0", "1", "0", "0", "1", "2", "0", "0", "0", "2"],
    ]
    facets = read_grid(grid).facets
    assert facets["复议.纠正"] == 2 and facets["复议.总计"] == 3
    assert facets["诉讼.直接起诉.总计"] == 1 and facets["诉讼.复议后起诉.维持"] == 2
    assert facets["诉讼.总计"] == 3


def test_fused_cells_split_only_when_unique():
    text = (
        "信息内容\t上一年项目数量\t本年增/减\t处理决定数量\n"
        "行政处罚12012\n"
        "行政强制000\n"
        "一、本年新收政府信息公开申请数量3000003\n"
    )
    reading = read_text(text)
    assert not any(k.startswith("行政处罚.") for k in reading.facets)
    assert any("12012" in w and "cannot be split" in w for w in reading.warnings)
    assert [reading.facets[f"行政强制.{s}"] for s in ("上一年项目数", "本年增减", "处理决定数")] == [0, 0, 0]
    assert reading.facets["申请.新收"] == 3 and reading.facets["申请.新收.自然人"] == 3


def test_fused_split_enumeration():
    assert sorted(fused.splits("12012", 3)) == [(1, 20, 12), (1, 201, 2), (12, 0, 12), (120, 1, 2)]
    assert fused.unique_split("12012", 3, None) is None
    assert fused.unique_split("3000003", 7, fused.row_total) == (3, 0, 0, 0, 0, 0, 3)
    assert fused.unique_split("0" * 15, 15, fused.group_totals) == (0,) * 15


def test_conflicting_reads_keep_first_and_warn():
    grid = [["行政处罚", "1", "2", "3"], ["行政处罚", "1", "2", "4"]]
    reading = read_grid(grid)
    assert reading.facets["行政处罚.处理决定数"] == 3
    assert any("kept the first" in w for w in reading.warnings)


def test_amount_without_unit_is_read_as_wan_yuan_with_a_warning_when_large():
    grid = [["信息内容", "采购项目数量", "采购总金额"], ["政府集中采购", "2", "589484.00"]]
    reading = read_grid(grid)
    assert reading.facets["政府集中采购.总金额_万元"] == 589484
    assert any("without a unit" in w for w in reading.warnings)
    grid = [["信息内容", "采购项目数量", "采购总金额（元）"], ["政府集中采购", "2", "589484.00"]]
    assert read_grid(grid).facets["政府集中采购.总金额_万元"] == 58.9484


def test_missing_rows_are_named_in_a_warning():
    reading = read_grid([["行政处罚", "1", "2", "3"]])
    assert reading.warnings[-1].startswith("table rows not found or without numbers: 规章, 规范性文件")


def test_prose_ending_in_a_number_is_not_a_row():
    text = "信息内容\t本年处理决定数量\n行政许可事项办理，全年共办理1205\n行政处罚案件较上年增加12\n"
    assert read_text(text, 2022).facets == {}


def test_fused_rows_in_tab_text_and_digit_only_review_row():
    text = (
        "2.其他法律行政法规禁止公开0000000\n"
        "（二）部分公开（区分处理的，只计这一情形，不计其他情形）3000003\n"
        "行政复议\t行政诉讼\n"
        "000000000001135\n"
    )
    facets = read_text(text).facets
    assert facets["申请.不予公开.法律法规禁止"] == 0
    assert facets["申请.部分公开"] == 3 and facets["申请.部分公开.自然人"] == 3
    assert facets["诉讼.复议后起诉.未审结"] == 3 and facets["诉讼.复议后起诉.总计"] == 5
    assert facets["复议.总计"] == 0


def test_fused_rows_with_spaced_labels():
    text = "信息内容\t上一年项目数量\t本年增/减\t处理决定数量\n行政强 制0012\n四、结 转 下 年 度 继 续 办 理0000000\n"
    facets = read_text(text).facets
    assert [facets[f"行政强制.{c}"] for c in ("上一年项目数", "本年增减", "处理决定数")] == [0, 0, 12]
    assert facets["申请.结转下年"] == 0 and facets["申请.结转下年.其他"] == 0


def test_fused_split_over_cells_a_crawler_kept_apart():
    # Some borders kept, some lost: each cell holds at least one number, none crosses a border.
    assert fused.unique_split(("230", "000023"), 7, fused.row_total) == (23, 0, 0, 0, 0, 0, 23)
    assert fused.unique_split(("23", "0", "00", "0", "023"), 7, fused.row_total) == (23, 0, 0, 0, 0, 0, 23)
    assert fused.unique_split(("500000", "5"), 7, fused.row_total) == (5, 0, 0, 0, 0, 0, 5)
    assert fused.unique_split(("5", "5"), 7, fused.row_total) is None  # too few digits for seven
    assert fused.split_candidates("270020130", 7, fused.row_total) == [
        (2, 7, 0, 0, 20, 1, 30), (27, 0, 0, 2, 0, 1, 30)
    ]  # fmt: skip
    assert fused.split_candidates("693665", 3, None, most=4) is None  # more than four


# Section 三 of a 2021 report, every row run together (08_pingtan_zone_2021 in tests/data/real/crawled).
_RUN_TOGETHER_2021 = (
    "申请人情况自然人法人或其他组织总计 商业企业科研机构社会公益组织法律服务机构其他"
    "一、本年新收政府信息公开申请数量640020470二、上年结转政府信息公开申请数量0000000"
    "三、本年度办理结果（一）予以公开270020130（二）部分公开（区分处理的，只计这一情形，不计其他情形）500000 5"
    "（三）不予公开1.属于国家秘密00000002.其他法律行政法规禁止公开00000003.危及“三安全一稳定”0000000"
    "4.保护第三方合法权益00000005.属于三类内部事务信息10000016.属于四类过程性信息0000000"
    "7.属于行政执法案卷60000068.属于行政查询事项1000001（四）无法提供1.本机关不掌握相关政府信息220000325"
    "2.没有现成信息需要另行制作00000003.补正后申请内容仍不明确0000000（五）不予处理1.信访举报投诉类申请0000000"
    "2.重复申请00000003.要求提供公开出版物00000004.无正当理由大量反复申请0000000"
    "5.要求行政机关确认或重新出具已获取信息0000000（六）其他处理"
    "1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请0000000"
    "2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请00000003.其他1000001"
    "（七）总计630020469四、结转下年度继续办理1000001\n"
)


def test_column_sums_choose_between_splits_the_row_total_allows():
    reading = read_text(_RUN_TOGETHER_2021, 2021)
    row = lambda key: [reading.facets.get(f"申请.{key}.{c.suffix}" if c.suffix else f"申请.{key}")  # noqa: E731
                       for c in APPLICANT_COLUMNS]  # fmt: skip
    # 27 0 0 2 0 1 30 and 2 7 0 0 20 1 30 both add up; only the first leaves 商业企业 at 总计's 0.
    assert row("予以公开") == [27, 0, 0, 2, 0, 1, 30]
    assert row("无法提供.不掌握") == [22, 0, 0, 0, 0, 3, 25]
    assert row("部分公开") == [5, 0, 0, 0, 0, 0, 5]
    assert any("予以公开 digits '270020130'" in w and "column sums allow" in w for w in reading.warnings)


def test_column_sums_that_do_not_hold_leave_the_rows_out():
    # The same table with 总计's 自然人 printed 62: no reading of the two open rows adds up.
    text = _RUN_TOGETHER_2021.replace("（七）总计630020469", "（七）总计620020468")
    reading = read_text(text, 2021)
    assert "申请.予以公开" not in reading.facets and "申请.无法提供.不掌握" not in reading.facets
    assert any("予以公开 digits '270020130'" in w and "do not say which" in w for w in reading.warnings)
    assert reading.facets["申请.新收"] == 70  # rows that split one way stay


def test_column_sums_need_the_rows_they_add():
    # Without （七）总计 the column sums of the results cannot be formed; 新收 + 上年结转 = 总计 +
    # 结转下年 cannot either: the two open rows stay out, the others are read.
    text = _RUN_TOGETHER_2021.replace("（七）总计630020469", "")
    reading = read_text(text, 2021)
    assert "申请.予以公开" not in reading.facets and reading.facets["申请.部分公开"] == 5


# Section 三 of a 2019 grid that leaves blank every cell but the stated ones, the 总计 cell of
# every result row included (as 14_shanghai_gov_office_2019 in tests/data/real/crawled does).
_RESULT_LABELS_2019 = (
    "（一）予以公开", "（二）部分公开（区分处理的，只计这一情形，不计其他情形）",
    "1.属于国家秘密", "2.其他法律行政法规禁止公开", "3.危及“三安全一稳定”", "4.保护第三方合法权益",
    "5.属于三类内部事务信息", "6.属于四类过程性信息", "7.属于行政执法案卷", "8.属于行政查询事项",
    "1.本机关不掌握相关政府信息", "2.没有现成信息需要另行制作", "3.补正后申请内容仍不明确",
    "1.信访举报投诉类申请", "2.重复申请", "3.要求提供公开出版物", "4.无正当理由大量反复申请",
    "5.要求行政机关确认或重新出具已获取信息", "（六）其他处理",
)  # fmt: skip


def _sparse_grid(total: str = "17") -> list[list[str]]:
    stated = {"（一）予以公开": ["6", "2", "", "", "", "1", ""], "1.属于国家秘密": ["3", "", "", "", "", "", ""],
              "1.本机关不掌握相关政府信息": ["4", "1", "", "", "", "", ""]}  # fmt: skip
    rows = [["一、本年新收政府信息公开申请数量", "13", "3", "", "", "", "1", "17"],
            ["二、上年结转政府信息公开申请数量", "", "", "", "", "", "", ""]]  # fmt: skip
    rows += [[label, *stated.get(label, [""] * 7)] for label in _RESULT_LABELS_2019]
    rows += [["（七）总计", "13", "3", "0", "0", "0", "1", total], ["四、结转下年度继续办理", *[""] * 7]]
    return rows


def test_blank_cells_of_a_grid_are_read_by_the_column_sums():
    reading = read_grid(_sparse_grid(), 2019)
    f = reading.facets
    # 自然人: 6 + 3 + 4 = 13, the 总计 row's; every other cell of the column is 0.
    assert [f[f"申请.{k}.自然人"] for k in ("予以公开", "部分公开", "不予公开.第三方权益", "其他处理")] == [6, 0, 0, 0]
    assert f["申请.不予处理.重复申请.商业企业"] == 0 and f["申请.予以公开.科研机构"] == 0
    # A blank 总计 cell is its row's cells added up, where the 总计 column then adds up too.
    assert (f["申请.予以公开"], f["申请.不予公开.国家秘密"], f["申请.无法提供.不掌握"]) == (9, 3, 5)
    assert (f["申请.部分公开"], f["申请.不予公开"], f["申请.无法提供"], f["申请.其他处理"]) == (0, 3, 5, 0)
    # 新收 + 上年结转 = 总计 + 结转下年 with both carry-over rows blank says only that they are
    # equal: they stay unknown.
    assert "申请.上年结转.自然人" not in f and "申请.结转下年" not in f
    assert any("总计 left blank, summed" in w and "予以公开" in w for w in reading.warnings)


def test_blank_totals_stay_blank_where_their_sums_would_not_add_up():
    # The 总计 row says 18 (its own cells add up to 17): the rows' sums would not match it, so
    # no blank total is filled in; the applicant columns still add up, their blanks still 0.
    reading = read_grid(_sparse_grid(total="18"), 2019)
    f = reading.facets
    assert "申请.予以公开" not in f and "申请.不予公开" not in f
    assert f["申请.予以公开.自然人"] == 6 and f["申请.部分公开.自然人"] == 0
    assert any("are not summed" in w for w in reading.warnings)


def test_blank_cells_of_rows_cut_short_are_not_read_as_zero():
    # Rows that lost their last cells (fewer cells than columns) may have lost numbers:
    # their missing cells are unknown, so the columns they belong to confirm nothing.
    rows = _sparse_grid()
    rows[2] = rows[2][:3]  # 予以公开 keeps 自然人 and 商业企业 only
    f = read_grid(rows, 2019).facets
    assert "申请.予以公开.科研机构" not in f and "申请.予以公开" not in f
    assert f["申请.予以公开.自然人"] == 6


def _other_handling(reading) -> dict:
    return {k: v for k, v in reading.facets.items() if k.startswith("申请.其他处理")}


def test_a_rows_one_number_beside_its_blank_total_is_its_other_applicants_where_the_sums_say_so():
    # （六）其他处理 shows 1 under 其他 and leaves its 总计 blank: its total, and its 其他 cell's
    # where the column sums make its other applicant cells 0.
    rows = _sparse_grid(total="18")
    rows[0] = ["一、本年新收政府信息公开申请数量", "13", "3", "", "", "", "2", "18"]
    rows[20] = ["（六）其他处理", "", "", "", "", "", "1", ""]
    rows[21] = ["（七）总计", "13", "3", "0", "0", "0", "2", "18"]
    reading = read_grid(rows, 2019)
    assert _other_handling(reading) == {
        "申请.其他处理": 1, "申请.其他处理.自然人": 0, "申请.其他处理.商业企业": 0, "申请.其他处理.科研机构": 0,
        "申请.其他处理.社会公益组织": 0, "申请.其他处理.法律服务机构": 0, "申请.其他处理.其他": 1,
    }  # fmt: skip
    assert any("beside its blank 总计 is its 其他 applicants' too" in w for w in reading.warnings)
    # Where 自然人's column needs the 1 (the row shifted one cell left), the 其他 cell stays
    # unknown; the columns that add up without the row still make its cells there 0.
    rows[0] = ["一、本年新收政府信息公开申请数量", "14", "3", "", "", "", "1", "18"]
    rows[21] = ["（七）总计", "14", "3", "0", "0", "0", "1", "18"]
    assert _other_handling(read_grid(rows, 2019)) == {
        "申请.其他处理": 1, "申请.其他处理.商业企业": 0, "申请.其他处理.科研机构": 0,
        "申请.其他处理.社会公益组织": 0, "申请.其他处理.法律服务机构": 0,
    }  # fmt: skip


def test_a_row_with_no_numbers_broken_across_a_page_is_joined():
    # A table that leaves zeros empty, printed to PDF: 2.没有现成信息需要另行制作 broken after
    # 2.没, no number on either part; unread, it would leave every column sum open.  The
    # header's rows above, also without numbers, stay apart.
    header = [["", "自然人", "法人或其他组织", "", "", "", "", "总计"],
              ["", "", "商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他", ""]]  # fmt: skip
    rows = _sparse_grid()
    at = next(n for n, row in enumerate(rows) if row[0] == "2.没有现成信息需要另行制作")
    rows[at : at + 1] = [["2.没", *[""] * 7], ["有现成信息需要另行制作", *[""] * 7]]
    f = read_grid([*header, *rows], 2019).facets
    assert f["申请.无法提供.需另行制作"] == 0 and f["申请.无法提供.需另行制作.自然人"] == 0
    assert (f["申请.予以公开"], f["申请.予以公开.科研机构"], f["申请.部分公开.商业企业"]) == (9, 0, 0)


def test_a_cell_merged_differently_from_its_header_is_read_under_the_header_it_falls_in():
    # The header merges the two places under 本年增/减; 行政许可's row merges the two under
    # 上一年项目数量 instead (14_shanghai_gov_office_2019 in tests/data/real/crawled).
    grid = [
        ["第二十条第（五）项", "", "", "", ""],
        ["信息内容", "上一年项目数量", "本年增/减", "", "处理决定数量"],
        ["行政许可", "12", "", "+3", "40"],
        ["其他对外管理服务事项", "5", "", "-1", "8"],
    ]
    f = read_grid(grid, 2019).facets
    assert (f["行政许可.上一年项目数"], f["行政许可.本年增减"], f["行政许可.处理决定数"]) == (12, 3, 40)
    assert (f["其他对外管理服务事项.上一年项目数"], f["其他对外管理服务事项.本年增减"]) == (5, -1)


def test_a_row_of_numbers_takes_the_label_a_converter_moved_above_it():
    # 上海市人民政府办公厅 2025 converted from PDF: the wrapped label cell left the table.
    text = (
        "| （一）予以公开 | 201 | 5 | 0 | 0 | 0 | 0 | 206 |\n\n"
        "（二）部分公开（区分处理的，只计这一情\n形，不计其他情形）\n\n"
        "| 2 | 0 | 0 | 0 | 0 | 0 | 2 |\n|---|---|---|---|---|---|---|\n"
        "| 1.属于国家秘密 | 4 | 0 | 0 | 0 | 0 | 0 | 4 |\n"
    )
    f = read_text(text, 2025).facets
    assert (f["申请.部分公开"], f["申请.部分公开.自然人"], f["申请.部分公开.商业企业"]) == (2, 2, 0)
    assert f["申请.予以公开"] == 206 and f["申请.不予公开.国家秘密"] == 4


def test_a_row_of_numbers_under_words_that_name_no_row_stays_out():
    text = "| （一）予以公开 | 201 | 5 | 0 | 0 | 0 | 0 | 206 |\n\n单位：件\n\n| 2 | 0 | 0 | 0 | 0 | 0 | 2 |\n"
    f = read_text(text, 2025).facets
    assert f["申请.予以公开"] == 206 and "申请.部分公开" not in f
    assert not any(v == 2 for k, v in f.items() if k.count(".") == 1)


@pytest.mark.parametrize("between", ["", "— 5 —\n"])  # a page's footer parts the labels' lines
def test_a_row_of_numbers_under_several_rows_labels_stays_out(between):
    # 上海市科委 2024 converted from PDF: two rows' labels stacked above one row of numbers,
    # which is the first's (内部事务, by sums the text does not state), not the nearer second's.
    text = (
        "| 4.保护第三方合法权益 | 0 | 0 | 0 | 0 | 0 | 0 | 0 |\n\n"
        f"5.属于三类内部事务信\n息\n{between}1.本机关不掌握相关政\n府信息\n"
        "| 1 | 0 | 0 | 0 | 0 | 0 | 1 |\n|---|---|---|---|---|---|---|\n"
        "| 6.属于四类过程性信息 | 1 | 0 | 0 | 0 | 0 | 0 | 1 |\n"
    )
    f = read_text(text, 2024).facets
    assert "申请.无法提供.不掌握" not in f and "申请.不予公开.内部事务" not in f
    assert f["申请.不予公开.第三方权益"] == 0 and f["申请.不予公开.过程性信息"] == 1


def test_numbers_whose_empty_cells_were_dropped_are_not_read_as_run_together():
    # 自然人 100, 商业企业 20, 总计 120 with the blanks dropped: no split into seven adds up,
    # so the row is what it is, three numbers whose last adds up the others: its total.
    reading = read_text("一、本年新收政府信息公开申请数量 100 20 120\n二、上年结转政府信息公开申请数量\n", 2021)
    assert reading.facets == {"申请.新收": 120}
    assert any("新收 has 3 values for 7 columns; the last adds up the others" in w for w in reading.warnings)
    assert not any("run together" in w for w in reading.warnings)


# Section 三 of a real 2021-template page (01_shuyang_ndrc_2023) as a crawler writes a table whose
# cells hold several elements: every element on a line of its own, empty cells gone.
_ELEMENT_PER_LINE = """三、收到和处理
政府信息公开申请情况
申请人情
况
自然
人
法人或其他组织
总
计
商业
企业
科研
机
构
社会公益组织
法律服务机构
其
他
一
、本年新收政府信息公开申请数量
26
26
二
、上年结转政府信息公开申请数量
0
0
三
、本
年
度
办
理
结
果
（
一
）
予以公开
26
26
（
二
）
部分公开（区分处理的，只计这一情形，不计其他情形）
0
0
（
三
）
不予公开
1.
属于国家秘密
0
0
2.
其他法律行政法规禁止公开
0
0
3.
危及“三安全一稳定”
0
"""


def test_rows_whose_empty_cells_were_dropped_keep_the_total_that_adds_them_up():
    facets = read_text(_ELEMENT_PER_LINE, 2023).facets
    # 26 of one applicant column (which, the text no longer says) and the 总计 26.
    assert facets["申请.新收"] == 26 and facets["申请.予以公开"] == 26
    assert not any(k.startswith("申请.新收.") or k.startswith("申请.予以公开.") for k in facets)
    # A total of 0: every column is 0.
    for key in ("上年结转", "部分公开", "不予公开.国家秘密", "不予公开.法律法规禁止"):
        assert [facets[f"申请.{key}.{c.suffix}" if c.suffix else f"申请.{key}"] for c in APPLICANT_COLUMNS] == [0] * 7


def test_a_row_showing_one_number_alone_says_totals_may_be_empty():
    # The same rows, but 予以公开 shows 26 alone: a table that prints its totals cannot (26 > 0
    # needs a column holding it too), so this one may leave a row's 总计 empty, and 新收's
    # "26 26" may be two applicants' 26 under an empty total: no total is read by its sum.
    text = _ELEMENT_PER_LINE.replace("予以公开\n26\n26\n", "予以公开\n26\n")
    assert text != _ELEMENT_PER_LINE
    reading = read_text(text, 2023)
    assert "申请.新收" not in reading.facets and "申请.予以公开" not in reading.facets
    assert any("a row shows numbers that cannot end with its total" in w and "新收" in w for w in reading.warnings)
    assert reading.facets["申请.上年结转"] == 0  # "0 0": every value shown is 0, the others empty


def test_a_row_whose_last_number_is_not_the_others_sum_says_totals_may_be_empty():
    # 予以公开 shows 20 and 6: no total (20 + … = 6 cannot be), so 新收's "26 26" may be two
    # applicants' 26 under an empty total, as LibreOffice's text of a table that leaves
    # zeros and its result rows' totals empty gives 1.本机关不掌握相关政府信息 as "1 1" (total 2).
    text = _ELEMENT_PER_LINE.replace("予以公开\n26\n26\n", "予以公开\n20\n6\n")
    assert text != _ELEMENT_PER_LINE
    reading = read_text(text, 2023)
    assert "申请.新收" not in reading.facets and "申请.予以公开" not in reading.facets
    assert any("a row shows numbers that cannot end with its total" in w for w in reading.warnings)


def test_a_total_read_by_its_sum_stays_where_the_column_sums_confirm_it():
    # 新收 26 26, 上年结转 0 0, （七）总计 25 25, 结转下年 1 1, and a row showing 25 alone:
    # 26 + 0 = 25 + 1 in the 总计 column confirms all four totals.
    rows = ["一、本年新收政府信息公开申请数量", "26", "26", "二、上年结转政府信息公开申请数量", "0", "0",
            "（一）予以公开", "25", "（七）总计", "25", "25", "四、结转下年度继续办理", "1", "1", "四、政府信息公开行政复议"]  # fmt: skip
    facets = read_text("\n".join(rows) + "\n", 2023).facets
    assert (facets["申请.新收"], facets["申请.办理总计"], facets["申请.结转下年"]) == (26, 25, 1)
    assert "申请.予以公开" not in facets


def test_a_numbering_on_its_own_line_starts_the_next_row_not_a_value():
    # "2." under 国家秘密's "1 1" was read as a third value (1 1 2: and 1 + 1 = 2 would
    # make 2 its total); it is the next row's number.
    text = _ELEMENT_PER_LINE.replace("属于国家秘密\n0\n0\n", "属于国家秘密\n1\n1\n")
    facets = read_text(text, 2023).facets
    assert facets["申请.不予公开.国家秘密"] == 1
    assert facets["申请.不予公开.法律法规禁止"] == 0


def test_a_row_that_ends_the_text_may_be_cut_short_and_keeps_no_total():
    # The same rows with nothing after the last: a page cut there may have taken its last
    # cells (0 0 … then 法律服务机构 2), so 0 0 is not read as a total.
    text = _ELEMENT_PER_LINE.rsplit("3.", 1)[0]
    facets = read_text(text, 2023).facets
    assert facets["申请.不予公开.国家秘密"] == 0
    assert not any(k.startswith("申请.不予公开.法律法规禁止") for k in facets)


def test_values_that_do_not_add_up_still_cannot_be_placed():
    text = _ELEMENT_PER_LINE.replace("、本年新收政府信息公开申请数量\n26\n26\n", "、本年新收政府信息公开申请数量\n20\n5\n26\n")
    reading = read_text(text, 2023)
    assert "申请.新收" not in reading.facets
    assert any("新收 has 3 values for 7 columns and its empty cells cannot be placed" in w for w in reading.warnings)


@pytest.mark.parametrize(
    "text",
    [
        "一、本年新收政府信息公开申请数量 8 — — — — 1 9\n",  # marks between spaces
        "一、本年新收政府信息公开申请数量8————19\n".replace("19", "1/9"),  # run together, marks parting them
        "一、本年新收政府信息公开申请数量\n\n8\n\n—\n\n—\n\n—\n\n—\n\n1\n\n9\n",  # a cell between blank lines
        "一、本年新收政府信息公开申请数量 |\n8 |\n- |\n- |\n- |\n- |\n1 |\n9 |\n",  # a cell a line, ending in |
        "一、本年新收政府信息公开申请数量8-----1--9\n",  # a dash before a digit after other dashes is a mark
    ],
)
def test_marked_empty_cells_part_a_row_without_ending_it(text):
    reading = read_text(text + "二、上年结转政府信息公开申请数量\n", 2021)
    assert reading.facets == {"申请.新收": 9}  # 8 + 1 = 9: the total; which columns, unknown


def test_digits_parted_by_a_marked_empty_cell_are_not_run_together():
    # 1943787 — 820274: the mark shows the crawler kept that border; 13 digits split into seven
    # would make up columns the row does not have.
    reading = read_text("一、本年新收政府信息公开申请数量1943787—820274\n", 2021)
    assert "申请.新收" not in reading.facets
    assert not any("run together" in w for w in reading.warnings)


def test_a_run_of_fifteen_digits_after_section_three_header_words_is_that_row():
    # A whole table on one line: section 三's header words, then 新收's label and its digits.
    text = "申请人情况 自然人 法人或其他组织 总计 商业企业 科研机构 社会公益组织 法律服务机构 其他 一、本年新收政府信息公开申请数量17293805676971472485\n"
    facets = read_text(text, 2023).facets
    assert [facets[f"申请.新收.{c.suffix}" if c.suffix else "申请.新收"] for c in APPLICANT_COLUMNS] == [
        1729, 380, 56, 76, 97, 147, 2485
    ]  # fmt: skip
    assert not any(k.startswith(("复议", "诉讼")) for k in facets)


def test_a_last_row_that_the_next_section_follows_on_its_line_keeps_its_total():
    # A report on one line: the table's last row, then section 四's heading on the same line.
    line = "（七）总计 7 7 四、结转下年度继续办理 1 1 四、政府信息公开行政复议、行政诉讼情况 2023年，本机关未发生行政复议。\n"
    facets = read_text(line, 2023).facets
    assert facets["申请.办理总计"] == 7 and facets["申请.结转下年"] == 1
    cut = read_text("（七）总计 7 7 四、结转下年度继续办理 1 1\n", 2023).facets  # the text ends there
    assert cut["申请.办理总计"] == 7 and "申请.结转下年" not in cut


def test_a_catalogue_box_flattened_into_cells_votes_for_no_template(tmp_path):
    # r11 沂水县卫生局 2009: "主题分类: | 其他;" is no 其他处理.其他 row of the 2021 template
    from indexer.extract import extract_path

    page = tmp_path / "page.txt"
    page.write_text("索 引 号: | yishuixwsj2251670/2021-0000073 | 主题分类: | 其他; |\n"
                    "沂水县卫生局2009年政府信息公开工作年度报告\n一、基本情况\n2009年,县卫生局认真实施政府信息公开。\n"
                    "二、主动公开政府信息情况\n我局主动公开信息27条。\n", encoding="utf-8")  # fmt: skip
    assert extract_path(page).template == "free"


def test_a_label_ending_its_line_with_a_bar_over_its_numbers(tmp_path):
    # s17 赫章县交通运输局 2021: "行政规范性文件 |" then "0 | 0 | 0 |"; 规章 at the end of the header's line
    from indexer.extract import extract_path

    page = tmp_path / "page.txt"
    page.write_text("赫章县交通运输局2021年政府信息公开工作年度报告\n二、主动公开政府信息情况\n第二十条第(一)项 | |||\n"
                    "信息内容 |\n本年制发件数 |\n本年废止件数 |\n现行有效件数 |\n规章 |\n0 | 0 | 2 |\n行政规范性文件 |\n"
                    "1 | 0 | 3 |\n三、行政机关收到和处理政府信息公开申请情况\n一、本年新收政府信息公开申请数量 |\n"
                    "1 | 0 | 0 | 0 | 0 | 0 | 1 | ||\n二、上年结转政府信息公开申请数量 |\n0 | 0 | 0 | 0 | 0 | 0 | 0 | ||\n",
                    encoding="utf-8")  # fmt: skip
    facets = extract_path(page).facets
    assert {k: facets.get(k) for k in ("规章.现行有效", "规范性文件.本年制发", "规范性文件.现行有效",
                                        "申请.新收", "申请.新收.自然人", "申请.上年结转")} == {
        "规章.现行有效": 2, "规范性文件.本年制发": 1, "规范性文件.现行有效": 3,
        "申请.新收": 1, "申请.新收.自然人": 1, "申请.上年结转": 0,
    }  # fmt: skip


def test_a_signs_word_alone_holds_its_cells_place(tmp_path):
    # u21 新乡市卫生健康委员会 2019: "本年增/减" printed as "减", a cell a line; before, the row
    # stopped there and 990 was split as 9 | 9 | 0
    from indexer.extract import extract_path

    page = tmp_path / "page.txt"
    page.write_text("新乡市卫生健康委员会2019年政府信息公开工作年度报告\n二、主动公开政府信息情况\n\n第二十条第(五)项\n\n"
                    "信息内容\n\n上一年项目数量\n\n本年增/减\n\n处理决定数量\n\n行政许可\n\n 990\n\n 减\n\n 711\n\n"
                    "其他对外管理服务事项\n\n 0\n\n0 \n\n 0\n", encoding="utf-8")  # fmt: skip
    report = extract_path(page)
    assert {k: v for k, v in report.facets.items() if k.startswith("行政许可")} == {
        "行政许可.上一年项目数": 990, "行政许可.处理决定数": 711,
    }  # fmt: skip
    assert parse_cell("减").kind == "unreadable"


def test_indented_cells_a_line_with_the_last_pipe_wrapped():
    # 遂溪县农业农村局 2021 (a mirror): each cell indented with tabs and closed by "|", the row's
    # last cell's pipe on a line of its own
    text = (
        "二、主动公开政府信息情况\n  第二十条第(一)项  | \n\t\t\n信息内容  | \n\t\t\t本年制发件数  | \n\t\t\t本年废止件数  | \n"
        "\t\t\t现行有效件数  | \n\t\t\n规章  | \n\t\t\t0  | \n\t\t\t1  | \n\t\t\t5\n   | \n\t\t\n"
    )
    assert read_text(text, 2021).facets == {"规章.本年制发": 0, "规章.本年废止": 1, "规章.现行有效": 5}


def test_a_mirrors_taiwan_wording_of_the_normative_documents_row():
    # a wiki mirror rewrites 文件 as 檔案: 行政規範性檔案 is still the 规范性文件 row
    text = "信息内容 | 本年制发件数 | 本年废止件数 | 现行有效件数 |\n规章 | 0 | 0 | 0 |\n行政規範性檔案 | 2 | 1 | 9 |\n"
    facets = read_text(text, 2021).facets
    assert {k: v for k, v in facets.items() if k.startswith("规范性文件")} == {
        "规范性文件.本年制发": 2, "规范性文件.本年废止": 1, "规范性文件.现行有效": 9}


_HEADER_2021 = "第二十条第(一)项 |\n信息内容 | 本年制发件数 | 本年废止件数 | 现行有效件数 |\n规章 | 0 | 0 | 0 |\n"


@pytest.mark.parametrize(
    ("last", "expected"),
    [
        # cut after a separator or on a 0: every cell shown is whole
        ("行政规范性文件 | 1 | 0 |", {"规范性文件.本年制发": 1, "规范性文件.本年废止": 0}),
        ("行政规范性文件 | 1 | 0", {"规范性文件.本年制发": 1, "规范性文件.本年废止": 0}),
        # cut on a digit that may have lost the next ones (12 of 125): that cell is left out
        ("行政规范性文件 | 1 | 12", {"规范性文件.本年制发": 1}),
    ],
)
def test_a_row_the_texts_end_cuts_keeps_its_whole_cells(last: str, expected: dict) -> None:
    facets = read_text(_HEADER_2021 + last, 2022).facets
    assert {k: v for k, v in facets.items() if k.startswith("规范性文件")} == expected


def test_a_cut_row_of_cells_a_line_keeps_its_cells_where_the_tables_rows_show_every_cell() -> None:
    # 四平市生态环境局 2022: one cell a line, the page cut inside the 予以公开 row after 4 | 0 | 2 | 1
    head = "三、收到和处理政府信息公开申请情况\n一、本年新收政府信息公开申请数量 |\n" + "".join(
        f"{n} |\n" for n in (5, 0, 2, 1, 0, 0, 8))
    facets = read_text(head + "三、本年度办理结果 |\n(一)予以公开 |\n4 |\n0 |\n2 |\n1", 2022).facets
    assert {k: v for k, v in facets.items() if k.startswith("申请.予以公开")} == {
        "申请.予以公开.自然人": 4, "申请.予以公开.商业企业": 0, "申请.予以公开.科研机构": 2}
    # a row followed by more text is no cut row: with cells missing it is left out
    facets = read_text(head + "三、本年度办理结果 |\n(一)予以公开 |\n4 |\n0 |\n2 |\n四、结转下年度继续办理 |\n0", 2022).facets
    assert not any(k.startswith("申请.予以公开") for k in facets)


def test_a_cut_row_is_left_out_where_the_tables_rows_dropped_their_empty_cells() -> None:
    text = ("三、收到和处理政府信息公开申请情况\n一、本年新收政府信息公开申请数量 |\n5 |\n5 |\n"
            "三、本年度办理结果 |\n(一)予以公开 |\n4 |\n0 |\n2 |\n1")
    reading = read_text(text, 2022)
    assert not any(k.startswith("申请.予以公开") for k in reading.facets)
    assert "t +4: 申请.予以公开 has 3 values for 7 columns and its empty cells cannot be placed; left out" in reading.warnings
