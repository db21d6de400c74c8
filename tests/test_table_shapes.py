"""Table text in the shapes real pages arrive in: each read by the same row recovery.

The literal text comes from real published reports (tests/data/real/excerpts), cut to the rows
each test is about; values are as printed there.
"""

from indexer.extract.tables.interpret import read_tables
from indexer.extract.tables.rows import items_from_blocks
from indexer.models import TableBlock, TextBlock


def read(text: str, year: int = 2022):
    return read_tables(items_from_blocks([TextBlock(text, "t")]), year)


def lines_kept(text: str) -> list[str]:
    """The text lines sections and metadata see (table rows blanked)."""
    return [it.text for it in items_from_blocks([TextBlock(text, "t")]) if not it.is_row and it.text]


def test_pipe_rows_without_leading_pipe():
    text = (
        "第二十条第(一)项 |\n"
        "信息内容 | 本年制发件数 | 本年废止件数 | 现行有效件数 |\n"
        "规章 | 0 | 0 | 0 |\n"
        "行政规范性文件 | 5 | 1 | 25 |\n"
        "第二十条第(六)项 |\n"
        "信息内容 | 本年处理决定数量 |\n"
        "行政处罚 | 1472 |\n"
    )
    reading = read(text)
    assert reading.template == "2021"
    assert reading.facets == {
        "规章.本年制发": 0, "规章.本年废止": 0, "规章.现行有效": 0,
        "规范性文件.本年制发": 5, "规范性文件.本年废止": 1, "规范性文件.现行有效": 25,
        "行政处罚.处理决定数": 1472,
    }


def test_section_three_pipe_rows_with_two_label_cells():
    text = (
        "(本列数据的勾稽关系为:第一项加第二项之和,等于第三项加第四项之和) | 申请人情况 |\n"
        "自然人 | 法人或其他组织 | 总计 |\n"
        "商业 企业 | 科研 机构 | 社会公益组织 | 法律服务机构 | 其他 |\n"
        "一、本年新收政府信息公开申请数量 | 58 | 7 | 0 | 0 | 1 | 0 | 66 |\n"
        "三、本年度办理结果 | (一)予以公开 | 2 | 1 | 0 | 0 | 0 | 0 | 3 |\n"
        "(三)不予公开 | 1.属于国家秘密 | 0 | 0 | 0 | 0 | 0 | 0 | 0 |\n"
        "5.属于三类内部事务信息 | 1 | 0 | 0 | 0 | 0 | 0 | 1 |\n"
        "7.属于行政执法案卷 | 0 | 0 | 0 | 0 | 0 | 0 |\n"  # cut by the page: six of seven cells
    )
    facets = read(text).facets
    assert facets["申请.新收"] == 66 and facets["申请.新收.自然人"] == 58 and facets["申请.新收.商业企业"] == 7
    assert facets["申请.予以公开"] == 3 and facets["申请.予以公开.商业企业"] == 1
    assert facets["申请.不予公开.国家秘密"] == 0 and facets["申请.不予公开.内部事务"] == 1
    # the cut row's six cells stand under the first six columns, its 总计 is not known
    assert {k: v for k, v in facets.items() if k.startswith("申请.不予公开.行政执法案卷")} == {
        f"申请.不予公开.行政执法案卷.{c}": 0 for c in ("自然人", "商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他")}


def test_one_cell_per_line_ending_in_a_pipe():
    text = (
        "信息内容 |\n本年新制作数量 |\n本年新公开数量 |\n对外公开总数量 |\n"
        "规章 |\n0 |\n0 |\n0 |\n"
        "第二十条第(五)项 |\n|||\n信息内容 |\n上一年项目数量 |\n本年增/减 |\n处理决定数量 |\n"
        "行政许可 |\n16 |\n+3 |\n780 |\n"
        "其他对外管理服务事项 |\n+22 |\n0 |\n889 |\n"
        "第二十条第(六)项 |\n|||\n信息内容 |\n上一年项目数量 |\n本年增/减 |\n处理决定数量 |\n"
        "行政处罚 |\n253 |\n--253 |\n0 |\n"
        "第二十条第(九)项 |\n|||\n信息内容 |\n采购项目数量 |\n采购总金额(万元,保留四位小数) |\n|\n"
        "政府集中采购 |\n9 |\n103.3879万元 |\n"
    )
    reading = read(text, 2019)
    assert reading.template == "2019"
    assert reading.facets == {
        "规章.本年制发": 0, "规章.本年新公开": 0, "规章.对外公开总数": 0,
        "行政许可.上一年项目数": 16, "行政许可.本年增减": 3, "行政许可.处理决定数": 780,
        # "+22" cannot be a count of last year's items: the cells are shifted, only the last is kept
        "其他对外管理服务事项.处理决定数": 889,
        # "--253" is unreadable: its column stays empty, the others keep their places
        "行政处罚.上一年项目数": 253, "行政处罚.处理决定数": 0,
        "政府集中采购.项目数": 9, "政府集中采购.总金额_万元": 103.3879,
    }
    assert any("signed value under 上一年项目数量" in w for w in reading.warnings)


def test_cells_between_blank_lines_with_headers_broken_over_lines():
    text = (
        "第二十条第(一)项\n\n信息内容\n\n本年新\n制作数量\n\n本年新\n公开数量\n\n对外公开总数量\n\n"
        "规章\n\n0\n\n0\n\n0\n\n规范性文件\n\n0\n\n0\n\n0\n\n"
        "第二十条第(八)项\n\n信息内容\n\n上一年项目数量\n\n本年增/\n\n"
        "行政事业性收费\n\n0\n\n 0\n\n"
        "一、本年新收政府信息公开申请数量\n\n0\n\n0\n\n0\n\n0\n\n0\n\n0\n\n0\n\n"
        "(二)部分公开(区分处理的,只计这一情形,不计其他情形\n"
    )
    reading = read(text, 2019)
    assert reading.template == "2019"
    assert reading.facets["规范性文件.对外公开总数"] == 0
    assert reading.facets["行政事业性收费.本年增减"] == 0
    assert reading.facets["申请.新收"] == 0 and reading.facets["申请.新收.其他"] == 0


def test_trailing_whitespace_runs_in_cells():
    text = "信息内容\n\n本年处理决定数量      \n\n行政许可\n\n3606      \n\n行政处罚\n\n499      \n\n行政强\n"
    assert read(text).facets == {"行政许可.处理决定数": 3606, "行政处罚.处理决定数": 499}


def test_a_row_cut_short_is_left_out():
    text = (
        "自然人 |\n法人或其他组织 |\n总计 |\n"
        "二、上年结转政府信息公开申请数量 |\n0 |\n0 |\n0 |\n0 |\n"
    )
    reading = read(text)
    assert not any(k.startswith("申请.上年结转") for k in reading.facets)
    assert any("4 values for 7 columns" in w for w in reading.warnings)


def test_pipe_row_with_dropped_empty_cells_is_not_placed_by_position():
    text = (
        "信息内容 | 本年新制作数量 | 本年新公开数量 | 对外公开总数量 |\n"
        "规章 | |||\n"
        "规范性文件 | 11 | ||\n"
    )
    assert read(text, 2020).facets == {}


def test_pdf_text_label_wrapped_over_three_lines_with_numbers_on_the_middle_one():
    text = (
        "（一）予以公开 3 0 0 0 0 0 3\n"
        "（二）部分公开（区分处理\n"
        "的，只计这一情形，不计 1 0 0 0 0 0 1\n"
        "其他情形）\n"
        "（三）不予公开 1.属于国家秘密 0 0 0 0 0 0 0\n"
    )
    facets = read(text).facets
    assert facets["申请.予以公开"] == 3
    assert facets["申请.部分公开"] == 1 and facets["申请.部分公开.自然人"] == 1
    assert facets["申请.不予公开.国家秘密"] == 0


def test_section_four_bare_numbers_under_a_multi_line_header():
    text = (
        "行政复议 行政诉讼\n"
        "结果 结果 其他 尚未 总计 未经复议直接起诉 复议后起诉\n"
        "维持 纠正 结果 审结 结果 结果 其他 尚未 总计 结果 结果 其他 尚未 总计\n"
        "维持 纠正 结果 审结 维持 纠正 结果 审结\n"
        "0 1 0 0 1 0 0 0 2 2 0 0 0 0 0\n"
    )
    facets = read(text).facets
    assert facets["复议.纠正"] == 1 and facets["复议.总计"] == 1
    assert facets["诉讼.直接起诉.未审结"] == 2 and facets["诉讼.直接起诉.总计"] == 2
    assert facets["诉讼.总计"] == 2


def test_whole_table_fused_on_one_line():
    text = (
        "二、主动公开政府信息情况第二十条第（一）项信息内容本年制发件数本年废止件数现行有效件数"
        "规章000行政规范性文件307第二十条第（五）项信息内容本年处理决定数量行政许可12"
        "第二十条第（六）项信息内容本年处理决定数量行政处罚0行政强制0"
    )
    reading = read(text)
    assert reading.template == "2021"
    assert reading.facets == {
        "规章.本年制发": 0, "规章.本年废止": 0, "规章.现行有效": 0,
        "规范性文件.本年制发": 3, "规范性文件.本年废止": 0, "规范性文件.现行有效": 7,
        "行政许可.处理决定数": 12, "行政处罚.处理决定数": 0, "行政强制.处理决定数": 0,
    }


def test_prose_numbers_after_table_words_are_not_rows():
    text = (
        "信息内容 | 本年处理决定数量 |\n"
        "截至目前,2022年我区公开行政规范性文件2件,行政许可3606件,行政处罚499件。\n"
        "推进行政执法信息公开，实施 行政处罚 25 起，罚款64.20万元\n"
    )
    assert read(text).facets == {}


def test_headings_between_tables_stay_text():
    text = (
        "二、主动公开政府信息情况\n"
        "第二十条第(一)项 |\n信息内容 | 本年制发件数 | 本年废止件数 | 现行有效件数 |\n规章 | 0 | 0 | 0 |\n"
        "三、收到和处理政府信息公开申请情况\n"
        "(本列数据的勾稽关系为:第一项加第二项之和,等于第三项加第四项之和) | 申请人情况 |\n"
    )
    assert lines_kept(text) == ["二、主动公开政府信息情况", "三、收到和处理政府信息公开申请情况"]


def test_ocr_markdown_with_a_spacer_column_and_a_total_column_goes_by_the_header():
    text = (
        "| 信息内容 | 本年制发件数 | | 本年废止件数 | 现行有效件数 | 合计 |\n"
        "|---|---|---|---|---|---|\n"
        "| 规章 | 1 | | 0 | 3 | 4 |\n"
        "| 行政规范性文件 | 2 | | 1 | 9 | 12 |\n"
    )
    assert read(text).facets == {
        "规章.本年制发": 1, "规章.本年废止": 0, "规章.现行有效": 3,
        "规范性文件.本年制发": 2, "规范性文件.本年废止": 1, "规范性文件.现行有效": 9,
    }


def test_ocr_markdown_section_three_with_a_spacer_column():
    text = (
        "| | 申请人情况 | | | | | | | |\n"
        "| | 自然人 | | 法人或其他组织 | | | | | 总计 |\n"
        "| | | | 商业企业 | 科研机构 | 社会公益组织 | 法律服务机构 | 其他 | |\n"
        "| 一、本年新收政府信息公开申请数量 | 5 | | 1 | 0 | 0 | 0 | 0 | 6 |\n"
    )
    facets = read(text).facets
    assert facets["申请.新收"] == 6 and facets["申请.新收.自然人"] == 5 and facets["申请.新收.商业企业"] == 1


def test_tables_in_traditional_characters():
    text = (
        "第二十條第（一）項 |\n信息內容 | 本年新製作數量 | 本年新公開數量 | 對外公開總數量 |\n"
        "規章 | 0 | 0 | 0 |\n規範性文件 | 5 | 5 | 65 |\n"
        "第二十條第（九）項 |\n信息內容 | 採購項目數量 | 採購總金額 |\n政府集中採購 | 2 | 15.5萬元 |\n"
        "4.無正當理由大量反覆申請 | 0 | 1 | 0 | 0 | 0 | 0 | 1 |\n"
    )
    reading = read(text, 2020)
    assert reading.template == "2019"
    assert reading.facets["规范性文件.对外公开总数"] == 65
    assert reading.facets["政府集中采购.总金额_万元"] == 15.5
    assert reading.facets["申请.不予处理.大量反复.商业企业"] == 1


def test_fused_cells_are_cut_at_each_sign():
    text = "第二十条第（八）项信息内容上一年项目数量本年增/减行政事业性收费10-8第二十条第（九）项"
    assert read(text, 2019).facets == {"行政事业性收费.上一年项目数": 10, "行政事业性收费.本年增减": -8}


def test_a_dash_holds_its_column_beside_a_spacer_column():
    text = (
        "| | | | 申请人情况 | | | | | | | |\n"
        "| | | | 自然人 | 法人或其他组织 | | | | | | 总计 |\n"
        "| | | | | 商业企业 | 科研机构 | 社会公益组织 | 法律服务机构 | 其他 | | |\n"
        "| 四、结转下年度继续办理 |  |  | - | - | - | 1 | 2 | 2 |  | 5 |\n"
    )
    facets = read(text).facets
    columns = ("自然人", "商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他")
    assert [facets[f"申请.结转下年.{c}"] for c in columns] == [0, 0, 0, 1, 2, 2]
    assert facets["申请.结转下年"] == 5


def test_a_label_wrapped_inside_its_cell_is_joined_back():
    assert read("信息内容 |\n本年处理决定数量 |\n行政\n许可 |\n7 |\n").facets == {"行政许可.处理决定数": 7}
    text = "信息内容\n\n本年处理决定数量\n\n行政\n许可\n\n7\n\n行政处罚\n\n3\n"
    assert read(text).facets == {"行政许可.处理决定数": 7, "行政处罚.处理决定数": 3}


def test_a_label_whose_end_is_printed_under_its_numbers():
    text = "信息内容 采购项目数量 采购总金额\n政府集 2 15.5\n中采购\n"
    assert read(text, 2019).facets == {"政府集中采购.项目数": 2, "政府集中采购.总金额_万元": 15.5}


def test_pdf_group_labels_printed_in_halves_around_their_rows():
    text = (
        "一、本年新收政府信息公开申请数量 2 0 0 0 0 0 2\n"
        "3.危及“三安全一稳定” 0 0 0 0 0 0 0\n"
        "（三）不 4.保护第三方合法权益 1 0 0 0 0 0 1\n"
        "予公开 5.属于三类内部事务信息 0 0 0 0 0 0 0\n"
        "1.申请人无正当理由逾期不补\n"
        "正、行政机关不再处理其政府 0 0 0 0 0 0 0\n"
        "信息公开申请\n"
        "（六）其 2.申请人逾期未按收费通知要\n"
        "他处理 求缴纳费用、行政机关不再处 0 0 0 0 0 0 0\n"
        "理其政府信息公开申请\n"
        "3.其他 1 0 0 0 0 0 1\n"
    )
    facets = read(text).facets
    assert facets["申请.不予公开.第三方权益"] == 1 and facets["申请.不予公开.内部事务"] == 0
    assert facets["申请.其他处理.逾期不补正"] == 0 and facets["申请.其他处理.逾期未缴费"] == 0
    assert facets["申请.其他处理.其他"] == 1 and facets["申请.其他处理"] == 1


def test_a_page_on_one_line_with_site_chrome_pipes_is_not_one_row():
    text = (
        "站群导航 | 加入收藏 一、总体情况 我局认真落实《条例》。二、主动公开政府信息情况 第二十条第（一）项 信息内容"
        " 本年制发件数 本年废止件数 现行有效件数 规章 0 0 8 行政规范性文件 12 0 37"
    )
    assert read(text).facets == {
        "规章.本年制发": 0, "规章.本年废止": 0, "规章.现行有效": 8,
        "规范性文件.本年制发": 12, "规范性文件.本年废止": 0, "规范性文件.现行有效": 37,
    }


def test_section_four_header_words_are_not_row_labels():
    text = (
        "行政复议 行政诉讼\n结果 结果 其他 尚未 总计 未经复议直接起诉 复议后起诉\n"
        "维持 纠正 结果 审结 结果 结果 其他 尚未 总计 结果 结果 其他 尚未 总计\n"
        "0 0 0 0 0 0 0 0 0 0 0 0 1 0 1\n"
    )
    facets = read(text).facets
    assert facets["诉讼.复议后起诉.其他"] == 1 and facets["诉讼.复议后起诉.总计"] == 1
    assert not any(k.startswith("申请.") for k in facets)


_GROUPS = {
    "复议.维持": 27, "复议.纠正": 10, "复议.其他": 9, "复议.未审结": 15, "复议.总计": 61,
    "诉讼.直接起诉.维持": 3, "诉讼.直接起诉.纠正": 0, "诉讼.直接起诉.其他": 0, "诉讼.直接起诉.未审结": 0,
    "诉讼.直接起诉.总计": 3,
    "诉讼.复议后起诉.维持": 8, "诉讼.复议后起诉.纠正": 0, "诉讼.复议后起诉.其他": 1, "诉讼.复议后起诉.未审结": 1,
    "诉讼.复议后起诉.总计": 10,
    "诉讼.总计": 13,
}  # fmt: skip


def test_section_four_as_one_table_a_group_under_its_heading():
    # As an OCR-to-Markdown conversion of a 2025 county report prints section 四.
    text = "".join(
        f"### {group}\n"
        "| 结果维持 | 结果纠正 | 其他结果 | 尚未审结 | 总计 |\n"
        "|----------|----------|----------|----------|------|\n"
        f"| {numbers} |\n\n"
        for group, numbers in (
            ("行政复议", "27 | 10 | 9 | 15 | 61"),
            ("行政诉讼（未经复议直接起诉）", "3 | 0 | 0 | 0 | 3"),
            ("行政诉讼（复议后起诉）", "8 | 0 | 1 | 1 | 10"),
        )
    )
    assert read("四、政府信息公开行政复议、行政诉讼情况\n\n" + text).facets == _GROUPS


def test_section_four_with_a_row_a_group():
    text = (
        "四、政府信息公开行政复议、行政诉讼情况\n"
        "| 类别 | 结果维持 | 结果纠正 | 其他结果 | 尚未审结 | 总计 |\n"
        "|---|---|---|---|---|---|\n"
        "| 行政复议 | 27 | 10 | 9 | 15 | 61 |\n"
        "| 行政诉讼(未经复议直接起诉) | 3 | 0 | 0 | 0 | 3 |\n"
        "| 行政诉讼(复议后起诉) | 8 | 0 | 1 | 1 | 10 |\n"
    )
    assert read(text).facets == _GROUPS


def test_section_four_groups_as_caption_rows_over_their_numbers():
    text = "".join(
        f"{group}\t\t\t\t\n结果维持\t结果纠正\t其他结果\t尚未审结\t总计\n{numbers}\n"
        for group, numbers in (
            ("行政复议", "27\t10\t9\t15\t61"),
            ("未经复议直接起诉", "3\t0\t0\t0\t3"),
            ("复议后起诉", "8\t0\t1\t1\t10"),
        )
    )
    assert read(text).facets == _GROUPS


def test_five_numbers_under_no_single_named_group_are_not_section_four():
    official_header = (
        "行政复议\t行政诉讼\n"
        "结果维持\t结果纠正\t其他结果\t尚未审结\t总计\t未经复议直接起诉\t复议后起诉\n"
        "0\t1\t0\t0\t1\n"  # five of the fifteen: which group is not said
    )
    assert not any(k.startswith(("复议", "诉讼")) for k in read(official_header).facets)
    moved_on = (
        "行政复议\t\t\t\t\n"
        "三、本年度办理结果\t（一）予以公开\t2\t1\t0\t0\t0\t0\t3\n"
        "1\t2\t3\t4\t10\n"  # the group's caption is behind another table's row
    )
    facets = read(moved_on).facets
    assert facets["申请.予以公开"] == 3
    assert not any(k.startswith(("复议", "诉讼")) for k in facets)


def test_other_under_other_handling_is_known_by_the_sub_rows_before_it():
    # The group's heading printed as "(六) 其他" and the sub-rows split over two tables, as an
    # OCR-to-Markdown conversion of a 2025 county report prints them.
    text = (
        "### (六) 其他\n"
        "| 类别 | 数据1 | 数据2 | 数据3 | 数据4 | 数据5 | 数据6 | 总计 |\n"
        "|---|---|---|---|---|---|---|---|\n"
        "| 1. 申请人无正当理由逾期不补正, 行政机关不再处理其政府信息公开申请 | 9 | 0 | 0 | 0 | 0 | 0 | 9 |\n"
        "\n"
        "| 项目 | 本年新收件数 | 上年结转件数 | 予以公开 | 部分公开 | 不予公开 | 结转下年度 | 总计 |\n"
        "|---|---|---|---|---|---|---|---|\n"
        "| 2. 申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请 | 7 | 0 | 0 | 0 | 0 | 0 | 7 |\n"
        "| 3. 其他 | 142 | 1 | 0 | 0 | 0 | 0 | 143 |\n"
        "| （七）总计 | 710 | 3 | 0 | 0 | 5 | 0 | 718 |\n"
    )
    facets = read(text, 2025).facets
    assert facets["申请.其他处理.其他"] == 143 and facets["申请.其他处理.其他.自然人"] == 142
    assert facets["申请.其他处理.逾期未缴费"] == 7 and facets["申请.办理总计"] == 718
    alone = read("| 3. 其他 | 142 | 1 | 0 | 0 | 0 | 0 | 143 |\n", 2025).facets
    assert not any(k.startswith("申请.其他处理") for k in alone)  # no group said: not placed


def test_section_four_whose_header_came_out_as_fused_text_is_known_by_its_sums():
    # A PDF converted to Markdown (a 2025 provincial office report): the header's words run
    # together on text lines, and only the fifteen numbers stay a row.
    text = (
        "四、政府信息公开行政复议、行政诉讼情况\n"
        "行政复议行政诉讼\n"
        "未经复议直接起诉复议后起诉\n"
        "注：行政复议、行政诉讼数量含上年度结转数量。\n"
        "| 维持 | 纠正 | 结果 | 审结 | 总计 | 总计 |\n"
        "|---|---|---|---|---|---|\n"
        "| 40 | 0 | 10 | 5 | 55 | 2 | 0 | 4 | 6 | 12 | 6 | 0 | 9 | 7 | 22 |\n"
    )
    facets = read(text, 2025).facets
    assert facets["复议.维持"] == 40 and facets["复议.总计"] == 55
    assert facets["诉讼.直接起诉.未审结"] == 6 and facets["诉讼.复议后起诉.总计"] == 22
    assert facets["诉讼.总计"] == 34
    # Fifteen numbers that do not add up five by five are no section 四 without its header.
    other = read(text.replace("| 40 | 0 | 10 |", "| 41 | 0 | 10 |"), 2025).facets
    assert not any(k.startswith(("复议", "诉讼")) for k in other)


def test_a_row_with_a_cell_lost_keeps_only_its_first():
    # The same conversion pulled each row's two-line middle cell out of the table.
    text = (
        "| 信息内容 | 本年制发件数 | 本年废止件数 | 现行有效件数 |\n"
        "|---|---|---|---|\n"
        "## 表二：主动公开政府信息情况\n"
        "| 规章 | 22 | 235 |\n"
        "|---|---|---|\n"
        "## 表二：主动公开政府信息情况\n"
        "| 行政规范性文件 | 34 | 189 |\n"
        "|---|---|---|\n"
    )
    reading = read(text, 2025)
    assert reading.facets == {"规章.本年制发": 22, "规范性文件.本年制发": 34}
    assert reading.warnings[:2] == [
        "t +3: 规章 has 2 of 3 cells; only the first is kept",
        "t +6: 规范性文件 has 2 of 3 cells; only the first is kept",
    ]


def test_a_sliver_column_between_two_cells_is_no_column_of_the_row():
    # A Word table redrawn by LibreOffice: 行政诉讼's left edge a hair left of 未经复议直接起诉's,
    # so the grid has a sixteenth column, blank in the numbers' row.
    rows = [
        ["行政复议", "", "", "", "", "行政诉讼", "", "", "", "", "", "", "", "", "", ""],
        ["结果维持", "结果纠正", "其他结果", "尚未审结", "总计", "", "未经复议直接起诉", "", "", "", "",
         "复议后起诉", "", "", "", ""],
        ["", "", "", "", "", "", "结果维持", "结果纠正", "其他结果", "尚未审结", "总计",
         "结果维持", "结果纠正", "其他结果", "尚未审结", "总计"],
        ["1", "0", "0", "0", "1", "", "0", "2", "0", "0", "2", "0", "0", "0", "1", "1"],
    ]  # fmt: skip
    facets = read_tables(items_from_blocks([TableBlock(tuple(map(tuple, rows)), "table 3")]), 2020).facets
    assert facets["复议.维持"] == 1 and facets["诉讼.直接起诉.纠正"] == 2 and facets["诉讼.复议后起诉.未审结"] == 1
    assert facets["诉讼.总计"] == 3
    # Two blanks in a row of fifteen values' worth of cells and a sliver: the header's names
    # tell which is which (the sliver stands under none), 直接起诉's 结果维持 is the other, 0 as
    # its group adds up without it.
    rows[3][6] = ""
    facets = read_tables(items_from_blocks([TableBlock(tuple(map(tuple, rows)), "table 3")]), 2020).facets
    assert (facets["诉讼.直接起诉.维持"], facets["诉讼.直接起诉.纠正"], facets["诉讼.复议后起诉.总计"]) == (0, 2, 1)
    # Without the rows that name the columns, which is which cannot be told: the row is left out.
    headless = [rows[0], rows[3]]
    facets = read_tables(items_from_blocks([TableBlock(tuple(map(tuple, headless)), "table 3")]), 2020).facets
    assert not any(k.startswith(("复议", "诉讼")) for k in facets)


def test_section_four_groups_are_read_from_rows_in_place_only():
    # pdftotext's default output of a printed report: each column's characters on lines of
    # their own, the rows cut from it by their labels hold numbers out of order.
    text = (
        "行政诉讼\n未经复议直接起诉\n结\n结\n其\n尚\n果\n果\n他\n未\n维\n纠\n结\n审\n持\n正\n果\n结\n"
        "1\n0\n0\n1\n\n0\n0\n\n总\n计\n2\n\n0\n0\n\n0\n0\n"
    )
    assert not any(k.startswith(("复议", "诉讼")) for k in read(text, 2019).facets)


def test_a_rows_last_number_with_the_pages_padding_after_it():
    # 湖口县大垅乡 2020 (and 汉阳区政府办 2022): a cell a line, the last one padded ("0 | |")
    text = (
        "第二十条第(一)项 |\n信息内容 |\n本年新制作数量 |\n本年新公开数量 |\n对外公开总数量 |\n"
        "规章 |\n0 |\n0 |\n0 | |\n|\n规范性文件 |\n3 |\n3 |\n12 | |||\n|\n"
    )
    reading = read(text, 2020)
    assert reading.facets == {
        "规章.本年制发": 0, "规章.本年新公开": 0, "规章.对外公开总数": 0,
        "规范性文件.本年制发": 3, "规范性文件.本年新公开": 3, "规范性文件.对外公开总数": 12,
    }  # fmt: skip


def test_none_written_out_in_a_cell_is_zero():
    # 南昌市新建区南矶乡 2023 (tests/data/real/pages zt): every cell 無, a cell a line
    text = (
        "第二十條第(一)項 |\n|||\n|\n信息內容 |\n本年制發件數 |\n本年廢止件數 |\n現行有效件數 |\n|\n"
        "規章 |\n無 |\n無 |\n無 |\n|\n規范性文件 |\n無 |\n無 |\n無 |\n|\n"
        "第二十條第(五)項 |\n|||\n|\n信息內容 |\n本年處理決定數量 |\n||\n|\n行政許可 |\n無 |\n||\n"
    )
    assert read(text, 2023).facets == {
        "规章.本年制发": 0, "规章.本年废止": 0, "规章.现行有效": 0,
        "规范性文件.本年制发": 0, "规范性文件.本年废止": 0, "规范性文件.现行有效": 0,
        "行政许可.处理决定数": 0,
    }


def _facets_of_page(text: str, tmp_path) -> dict:
    from indexer.extract import extract_path

    path = tmp_path / "page.txt"
    path.write_text(text, encoding="utf-8")
    return extract_path(path).facets


_CUT_PAGE = (
    "广汉市人民政府办公室2025年政府信息公开工作年度报告\n一、总体情况\n"
    "2025年度制定并公开行政规范性文件8件,均进行了解读。\n"
    "二、主动公开政府信息情况\n第二十条第(一)项 | |||\n信息内容 | 本年制发件数 | 本年废止件数 | 现行有效件数 |\n"
    "规章 | 0 | 0 | 0 |\n"
)


def test_prose_fills_the_rows_of_the_table_a_page_is_cut_inside(tmp_path):
    # 广汉市政府办 2025: the page ends at the 规章 row; the 规范性文件 row it never reached is in prose
    facets = _facets_of_page(_CUT_PAGE, tmp_path)
    assert {k: v for k, v in facets.items() if k.startswith(("规章", "规范性文件"))} == {
        "规章.本年制发": 0, "规章.本年废止": 0, "规章.现行有效": 0, "规范性文件.本年制发": 8,
    }


def test_a_tables_lost_row_stays_absent_where_the_page_goes_on(tmp_path):
    # the same table with text after it: the 规范性文件 row was lost, not unreached
    text = _CUT_PAGE + "三、收到和处理政府信息公开申请情况\n本年度未收到政府信息公开申请。\n"
    facets = _facets_of_page(text, tmp_path)
    assert {k: v for k, v in facets.items() if k.startswith(("规章", "规范性文件"))} == {
        "规章.本年制发": 0, "规章.本年废止": 0, "规章.现行有效": 0,
    }
