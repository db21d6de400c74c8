"""Damaged grids: a row's values go under a column only where that column is certain."""

from indexer.extract.tables.interpret import read_tables
from indexer.extract.tables.rows import items_from_blocks
from indexer.models import TableBlock

# Section 三 as the HTML reader gives it: three label columns, then the seven applicant
# columns, the header spread over rows so that no one row names them all.
_HEADER = [
    ["（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）", "", "", "申请人情况", *[""] * 6],
    ["", "", "", "自然人", "法人或其他组织", *[""] * 5],
    [*[""] * 9, "总计"],
    ["", "", "", "", "商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他", ""],
]
_CARRIED = ["二、上年结转政府信息公开申请数量", "", "", "1", "0", "0", "0", "0", "0", "1"]


def read_grid(rows, year: int = 2021):
    return read_tables(items_from_blocks([TableBlock(tuple(map(tuple, rows)), "table 1")]), year)


def applications(reading, row: str) -> dict:
    return {k: v for k, v in reading.facets.items() if k == f"申请.{row}" or k.startswith(f"申请.{row}.")}


def test_a_row_broken_after_its_first_numbers_is_left_out_not_shifted():
    # "8 0 0 0" then empty cells: the first four columns, the rest broken off onto the
    # next line, or padding after the last four.  Nothing says which.
    broken = [
        ["一、本年新收政府信息公开申请数量", "", "", "8", "0", "0", "0", "", "", ""],
        [*[""] * 7, "0", "0", "8"],
    ]
    reading = read_grid([*_HEADER, *broken, _CARRIED])
    assert applications(reading, "新收") == {}
    assert "table 1 row 5: 申请.新收 fits its 7 columns 3 ways that read differently, and no header says " \
           "which; left out" in reading.warnings
    assert applications(reading, "上年结转") == {
        "申请.上年结转.自然人": 1, "申请.上年结转.商业企业": 0, "申请.上年结转.科研机构": 0,
        "申请.上年结转.社会公益组织": 0, "申请.上年结转.法律服务机构": 0, "申请.上年结转.其他": 0,
        "申请.上年结转": 1,
    }  # fmt: skip


def test_a_blank_total_with_no_header_leaves_the_row_out():
    # Its total blanked, 843 … 68 could stand one column either way.
    row = ["一、本年新收政府信息公开申请数量", "", "", "843", "175", "11", "45", "48", "68", ""]
    reading = read_grid([row, _CARRIED])
    assert applications(reading, "新收") == {}
    assert applications(reading, "上年结转")["申请.上年结转.自然人"] == 1


def test_a_header_naming_every_column_places_a_broken_row():
    header = ["", "", "", "自然人", "商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他", "总计"]
    broken = ["一、本年新收政府信息公开申请数量", "", "", "8", "0", "0", "0", "", "", ""]
    assert applications(read_grid([header, broken]), "新收") == {
        "申请.新收.自然人": 8, "申请.新收.商业企业": 0, "申请.新收.科研机构": 0, "申请.新收.社会公益组织": 0,
    }  # fmt: skip


def test_a_header_below_the_data_places_nothing_above_it():
    header = ["", "", "", "自然人", "商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他", "总计"]
    broken = ["一、本年新收政府信息公开申请数量", "", "", "8", "0", "0", "0", "", "", ""]
    assert applications(read_grid([broken, header]), "新收") == {}


def test_a_lone_total_is_read_when_every_placement_reads_it_alike():
    # Seed 001's layout with a padding cell after the total: the 0 is the 其他 cell or the
    # 总计 cell, and a row's lone number beside its total is its total either way.
    row = ["（六）其他处理", "", "", "", "", "", "", "0", ""]
    assert applications(read_grid([row], year=2020), "其他处理") == {
        "申请.其他处理.自然人": 0, "申请.其他处理.商业企业": 0, "申请.其他处理.科研机构": 0,
        "申请.其他处理.社会公益组织": 0, "申请.其他处理.法律服务机构": 0, "申请.其他处理.其他": 0,
        "申请.其他处理": 0,
    }  # fmt: skip


def test_a_row_that_fits_its_columns_one_way_is_read():
    # Empty label cells before the numbers and every column filled: one placement only.
    row = ["一、本年新收政府信息公开申请数量", "", "", "8", "1", "1", "0", "1", "1", "12"]
    assert applications(read_grid([row]), "新收") == {
        "申请.新收.自然人": 8, "申请.新收.商业企业": 1, "申请.新收.科研机构": 1, "申请.新收.社会公益组织": 0,
        "申请.新收.法律服务机构": 1, "申请.新收.其他": 1, "申请.新收": 12,
    }  # fmt: skip


def test_an_active_row_with_a_spacer_and_a_blank_last_cell_is_left_out():
    # 规章 over four cells for three columns, its last two empty: "3 0" are the first
    # two columns, or the last two after an empty first.
    grid = [["信息内容", "本年制发件数", "本年废止件数", "现行有效件数"], ["规章", "", "3", "0", ""]]
    reading = read_grid(grid)
    assert not any(k.startswith("规章.") for k in reading.facets)
    assert "table 1 row 2: 规章 fits its 3 columns 2 ways that read differently, and no header says " \
           "which; left out" in reading.warnings
