"""Checks beyond one report's tables (indexer.extract.reportchecks), on crafted records
and on every bundled report."""

from pathlib import Path

import pytest

import indexer
from indexer.extract import try_extract
from indexer.extract.reportchecks import (
    carry_over,
    fees_explained,
    history_checks,
    improvement_section,
    report_checks,
    template_fits_year,
    text_vs_tables,
)
from indexer.models import FORMATS, Check

SAMPLES = Path(indexer.__file__).parent / "sample_data"
REAL = Path(__file__).parent / "data" / "real"
CHENGBU = {"province": "湖南省", "city": "邵阳市", "county": "城步苗族自治县"}


def record(**fields) -> dict:
    """A record as ``Report.to_record()`` gives it, with only what a test sets."""
    base = {
        "id": "r",
        "agency": "城步苗族自治县商务局",
        "region": CHENGBU,
        "year": 2021,
        "template": "2021",
        "sections": {},
        "facets": {},
        "warnings": [],
    }
    return base | fields


# --- 跨年结转 ------------------------------------------------------------------


def test_carry_over_passes_when_last_years_carried_on_is_this_years_carried_in():
    this = record(year=2021, facets={"申请.上年结转": 3})
    last = record(year=2020, facets={"申请.结转下年": 3})
    assert carry_over(this, last) == [Check("跨年结转", True, "上年结转 3 = 2020 年结转下年 3")]


def test_carry_over_fails_with_both_numbers():
    this = record(agency="县商务局", year=2021, facets={"申请.上年结转": 3})
    last = record(agency="城步县商务局", region={}, year=2020, facets={"申请.结转下年": 5})
    assert carry_over(this, last) == [Check("跨年结转", False, "上年结转 3 ≠ 2020 年结转下年 5")]


@pytest.mark.parametrize(
    "last",
    [
        record(year=2019, facets={"申请.结转下年": 5}),  # not the year before
        record(year=2020, facets={}),  # the number was not read: no invented 0
        record(agency="隆回县商务局", year=2020, facets={"申请.结转下年": 5}),  # another body
        record(agency=None, year=2020, facets={"申请.结转下年": 5}),
    ],
)
def test_carry_over_is_not_run_without_a_matching_previous_number(last):
    assert carry_over(record(year=2021, facets={"申请.上年结转": 3}), last) == []


def test_history_checks_pair_each_report_with_its_bodys_year_before():
    reports = [
        record(id="a19", year=2019, facets={"申请.结转下年": 2}),
        record(id="a20", agency="县商务局", year=2020, facets={"申请.上年结转": 2, "申请.结转下年": 4}),
        record(id="a21", agency="城步县商务局", region={}, year=2021, facets={"申请.上年结转": 1}),
        record(id="b21", agency="隆回县商务局", year=2021, facets={"申请.上年结转": 4}),
    ]
    assert history_checks(reports) == {
        "a20": [Check("跨年结转", True, "上年结转 2 = 2019 年结转下年 2")],
        "a21": [Check("跨年结转", False, "上年结转 1 ≠ 2020 年结转下年 4")],
    }


# --- 文表不符 ------------------------------------------------------------------

# as tables are read: every cell of the 复议 row (a sentence can state 总计 and 维持 alone)
TABLE = {"申请.新收": 10, "申请.新收.自然人": 10, "复议.维持": 3, "复议.纠正": 0, "复议.其他": 0, "复议.未审结": 0,
         "复议.总计": 3}  # fmt: skip


def test_text_vs_tables_passes_where_the_sentence_says_the_tables_number():
    text = "2021年，本机关共收到政府信息公开申请10件。因政府信息公开被申请行政复议三件。"
    checks = text_vs_tables(record(facets=TABLE, sections={"依申请公开": text}))
    assert checks == [
        Check("文表不符", True, "申请.新收：正文 10（依申请公开） = 表格 10"),
        Check("文表不符", True, "复议.总计：正文 3（依申请公开） = 表格 3"),
    ]


def test_text_vs_tables_fails_naming_both_numbers_and_the_section():
    sections = {"总体情况": "2021年，本机关共收到政府信息公开申请12件，均按时答复。"}
    assert text_vs_tables(record(facets=TABLE, sections=sections)) == [
        Check("文表不符", False, "申请.新收：正文 12（总体情况） ≠ 表格 10")
    ]


def test_text_vs_tables_names_the_first_section_stating_each_number():
    sections = {
        "总体情况": "2021年，本机关共收到政府信息公开申请10件。",
        "主动公开": "无。",
        "依申请公开": "本机关共收到政府信息公开申请10件。因政府信息公开被申请行政复议三件。",
        "问题改进": "因政府信息公开被申请行政复议三件。",
    }
    assert text_vs_tables(record(facets=TABLE, sections=sections)) == [
        Check("文表不符", True, "申请.新收：正文 10（总体情况） = 表格 10"),
        Check("文表不符", True, "复议.总计：正文 3（依申请公开） = 表格 3"),
    ]


def test_text_vs_tables_does_not_compare_the_prose_with_itself():
    # No table of section 三 was read: 申请.新收 came from this very sentence.
    sections = {"总体情况": "全年共受理政府信息公开申请12件。"}
    assert text_vs_tables(record(facets={"申请.新收": 12}, sections=sections)) == []


def test_text_vs_tables_reports_a_dispute_the_extractor_left_out():
    sections = {"主动公开": "2012年主动公开政府信息1913条。"}
    warnings = ["主动公开.条数: table says 739, prose says 1913; left out"]
    assert text_vs_tables(record(template="free", sections=sections, warnings=warnings)) == [
        Check("文表不符", False, "主动公开.条数：正文 1913（主动公开） ≠ 表格 739")
    ]


# --- 问题改进缺失 ---------------------------------------------------------------


def test_improvement_section_with_content_passes():
    text = "一是人手不足；二是公开内容不够全面。下一步将加强培训。"
    assert improvement_section(record(sections={"问题改进": text})) == [
        Check("问题改进缺失", True, "“问题改进”一节 24 字")
    ]


@pytest.mark.parametrize(
    ("sections", "detail"),
    [
        ({"其他事项": "无。"}, "没有“问题改进”一节"),
        ({"问题改进": "", "其他事项": "无。"}, "“问题改进”一节为空"),
        ({"问题改进": "（文字描述）"}, "“问题改进”一节为空"),
        ({"问题改进": "无。"}, "“问题改进”一节只写“无。”"),
        ({"问题改进": " 暂无 "}, "“问题改进”一节只写“暂无”"),
        ({"问题改进": "本年度没有。"}, "“问题改进”一节只写“本年度没有。”"),
    ],
)
def test_improvement_section_missing_empty_or_nothing_fails(sections, detail):
    assert improvement_section(record(sections=sections)) == [Check("问题改进缺失", False, detail)]


def test_a_report_cut_before_its_last_section_is_not_judged_on_the_missing_one():
    assert improvement_section(record(sections={"总体情况": "…", "主动公开": "…"})) == []


# --- 收费未说明 -----------------------------------------------------------------

FEE = {"行政事业性收费.金额_万元": 143.9}


@pytest.mark.parametrize(
    "text",
    [
        "本年收取行政事业性收费143.9万元，主要为不动产登记费。",
        "行政事业性收费依据省定标准收取。",
    ],
)
def test_a_fee_explained_by_an_amount_or_a_reason_passes(text):
    checks = fees_explained(record(facets=FEE, sections={"其他事项": text}))
    assert checks == [Check("收费未说明", True, "行政事业性收费 143.9 万元，正文有说明")]


@pytest.mark.parametrize("text", ["无。", "2021年，我厅未收取信息处理费。", "收费。"])
def test_a_fee_without_explanation_fails(text):
    checks = fees_explained(record(facets=FEE, sections={"其他事项": text}))
    assert checks == [Check("收费未说明", False, "行政事业性收费 143.9 万元，正文无说明")]


def test_applications_dropped_for_an_unpaid_fee_need_a_word_on_the_fee():
    facets = {"申请.其他处理.逾期未缴费": 2}
    said = record(facets=facets, sections={"其他事项": "本年度收取信息处理费200元。"})
    silent = record(facets=facets, sections={"其他事项": "无。"})
    assert fees_explained(said) == [Check("收费未说明", True, "逾期未缴信息处理费 2 件，正文有说明")]
    assert fees_explained(silent) == [Check("收费未说明", False, "逾期未缴信息处理费 2 件，正文无说明")]


@pytest.mark.parametrize("facets", [{}, {"行政事业性收费.金额_万元": 0}, {"申请.其他处理.逾期未缴费": 0}])
def test_no_fee_no_check(facets):
    assert fees_explained(record(facets=facets, sections={"其他事项": "无。"})) == []


# --- 模板不符 -------------------------------------------------------------------

READ = {"规章.本年制发": 0}  # a facet only a table gives: the template was read from tables


@pytest.mark.parametrize(
    ("year", "template", "ok", "detail"),
    [
        (2021, "2021", True, "2021 年报告用 2021 版模板"),
        (2020, "2019", True, "2020 年报告用 2019 版模板"),
        (2022, "2019", False, "2022 年报告用 2019 版模板，该年应为 2021 版模板"),
        (2020, "2021", False, "2020 年报告用 2021 版模板，该年应为 2019 版模板"),
        (2018, "2019", False, "2018 年报告用 2019 版模板，该年应为自由格式（2019 年前）"),
    ],
)
def test_template_against_year(year, template, ok, detail):
    checks = template_fits_year(record(year=year, template=template, facets=READ))
    assert checks == [Check("模板不符", ok, detail)]


def test_the_old_outline_after_2018_is_a_finding():
    assert template_fits_year(record(year=2022, template="free")) == [
        Check("模板不符", False, "2022 年报告用自由格式（2019 年前），该年应为 2021 版模板")
    ]
    assert template_fits_year(record(year=2013, template="free")) == [
        Check("模板不符", True, "2013 年报告用自由格式（2019 年前）")
    ]


def test_template_not_judged_when_taken_from_the_year_or_without_a_year():
    assert template_fits_year(record(year=2021, template="2021", facets={"申请.新收": 4})) == []
    assert template_fits_year(record(year=None, template="2021", facets=READ)) == []


# --- every bundled report -------------------------------------------------------


PAGES = REAL / "pages"


def _bundled() -> list[dict]:
    # not the page excerpts of real/pages, kept for gold accuracy (test_real.py)
    paths = [p for root in (SAMPLES, REAL) for p in sorted(root.rglob("*"))
             if p.suffix[1:] in FORMATS and PAGES not in p.parents]  # fmt: skip
    outcomes = (try_extract(p) for p in paths)
    return [o.report.to_record() for o in outcomes if o.report is not None]


@pytest.fixture(scope="module")
def bundled():
    return _bundled()


def test_the_failures_found_in_the_bundled_reports(bundled):
    failed = {
        (Path(r["source"]).name, c.rule, c.detail) for r in bundled for c in report_checks(r) if not c.ok
    }
    assert failed == {
        # Generated: 143.9 万元 of fees in the table; the text only says no 信息处理费 was charged.
        ("2021-2021-tsv-000002.txt", "收费未说明", "行政事业性收费 143.9 万元，正文无说明"),
        # Real: the report's own 统计表 says 72804 / 739 items, its sentences 4970 / 1913.
        ("02_pingtan_zone_2013.html", "文表不符", "主动公开.条数：正文 4970（主动公开） ≠ 表格 72804"),
        ("06_pingtan_zone_2012.txt", "文表不符", "主动公开.条数：正文 1913（主动公开） ≠ 表格 739"),
        # Real, crawled with its tables run into the text: the zone's 行政事业性收费 in the table,
        # the text says only that no 信息处理费 was charged (the table's own words explain nothing).
        ("08_pingtan_zone_2021.txt", "收费未说明", "行政事业性收费 24252.311082 万元，正文无说明"),
        ("10_pingtan_zone_2023.txt", "收费未说明", "行政事业性收费 5949.088667 万元，正文无说明"),
        ("11_pingtan_zone_2022.txt", "收费未说明", "行政事业性收费 9116.36 万元，正文无说明"),
        ("12_pingtan_zone_2024.txt", "收费未说明", "行政事业性收费 18651.06 万元，正文无说明"),
        ("13_pingtan_zone_2025.txt", "收费未说明", "行政事业性收费 4166.241619 万元，正文无说明"),
        # Real: the sentence counts the year's applications with those carried over (74 + 1,
        # 713 + 36) where the table's 新收 row counts the new ones alone.
        ("11_pingtan_zone_2022.txt", "文表不符", "申请.新收：正文 75（总体情况） ≠ 表格 74"),
        ("15_shuyang_county_gov_2025.md", "文表不符", "申请.新收：正文 749（总体情况） ≠ 表格 713"),
        ("15_shuyang_county_gov_2025.md", "文表不符", "申请.新收.自然人：正文 741（总体情况） ≠ 表格 705"),
        # 上海市政府办公厅 2019: its text says 因本机关不掌握等原因无法提供265件 (the table's 不掌握
        # row), its table 无法提供 337 in all
        ("14_shanghai_gov_office_2019.html", "文表不符", "申请.无法提供：正文 265（总体情况） ≠ 表格 337"),
        # Real: a 2022 report written in the pre-2019 seven-part outline.
        (
            "33_shuozhou_weijianwei_2022.txt",
            "模板不符",
            "2022 年报告用自由格式（2019 年前），该年应为 2021 版模板",
        ),
        # The blank official template: its sections hold only （文字描述）.
        ("official-template-2021.docx", "问题改进缺失", "“问题改进”一节为空"),
    }
    assert len(bundled) == 62


def test_the_bundled_reports_pass_the_checks_they_can_be_given(bundled):
    passed = {(Path(r["source"]).name, c.rule) for r in bundled for c in report_checks(r) if c.ok}
    rules = {rule for _, rule in passed}
    assert rules == {"文表不符", "问题改进缺失", "模板不符", "收费未说明"}
    assert ("000_a11d1aa962f2c413.txt", "文表不符") in passed
    # 七 fee notices unpaid, and a sentence on the 信息处理费 collected (共计380元).
    assert ("15_shuyang_county_gov_2025.md", "收费未说明") in passed
    assert ("01_shuyang_ndrc_2023.html", "问题改进缺失") in passed


def test_the_pingtan_zone_years_link_and_the_template_years_state_their_carry_over(bundled):
    zone = sorted((r for r in bundled if "pingtan_zone" in r["source"]), key=lambda r: r["year"])
    assert [r["year"] for r in zone] == [2011, 2012, 2013, 2017, 2019, 2020, 2021, 2022, 2023, 2024, 2025]
    # One body, consecutive years, but free-form reports state no 结转: nothing is invented.
    assert carry_over(zone[1], zone[0]) == [] and carry_over(zone[2], zone[1]) == []
    # The template years state it: 2019's 结转下年 is 2020's 上年结转, and so on to 2025 (2021's
    # is 1, the others 0; the crawled years' run-together rows give them).
    by_year = {r["year"]: r for r in zone}
    assert [c.detail for c in carry_over(by_year[2020], by_year[2019])] == ["上年结转 0 = 2019 年结转下年 0"]
    assert [c.detail for c in carry_over(by_year[2021], by_year[2020])] == ["上年结转 0 = 2020 年结转下年 0"]
    checks = history_checks(bundled)
    assert sorted(c.detail for found in checks.values() for c in found) == [
        "上年结转 0 = 2019 年结转下年 0", "上年结转 0 = 2020 年结转下年 0", "上年结转 0 = 2022 年结转下年 0",
        "上年结转 0 = 2023 年结转下年 0", "上年结转 0 = 2024 年结转下年 0", "上年结转 1 = 2021 年结转下年 1",
    ]  # fmt: skip
    assert all(c.ok for found in checks.values() for c in found)
