"""Reports printed to PDF by a word processor: every number of the tables, rows broken across
pages included (tests/data/printed/README.md says how the files were made)."""

from __future__ import annotations

from pathlib import Path

import pytest

from indexer.extract import extract_path
from indexer.extract.readers import read
from indexer.generator import generate
from indexer.generator.damage import with_damage
from indexer.models import TableBlock

PRINTED = Path(__file__).parent / "data" / "printed"


@pytest.mark.parametrize(
    ("name", "seed", "form"),
    [
        ("2019-2019-docx-001006.pdf", 1006, "docx"),
        ("2020-2019-docx-001003.pdf", 1003, "docx"),
        ("2019-2019-html-003004.pdf", 3004, "html"),
    ],
)
def test_a_printed_report_gives_every_number_of_its_tables(name, seed, form):
    report = generate(seed, damage=False, form=form)
    extracted = extract_path(PRINTED / name)
    assert dict(extracted.facets) == report.expected
    assert (extracted.agency, extracted.year, extracted.template) == (
        report.expected_agency, report.year, report.template
    )


def test_the_broken_rows_are_two_tables_apart_in_the_file():
    """What the join has to undo: the row's first part ends one page's table, its label cut,
    and the second part opens the next page's.  The page below splits its labels over one
    column more (三、本年度办理结果 | （三）不予公开 | 1.属于国家秘密); both pages' tables are given
    those columns, so the numbers of each stand under the columns of the header above."""
    tables = [b for b in read(PRINTED / "2019-2019-docx-001006.pdf").blocks if isinstance(b, TableBlock)]
    ends = [(a.rows[-1], b.rows[0]) for a, b in zip(tables, tables[1:], strict=False) if a.where != b.where]
    assert (
        ("", "（二）部分公", "", "0", "0", "0", "0", "0", "0", "0"),
        ("理结果", "开（区分处理的，只计这一情形，不计其他情形）", "", "", "", "", "", "", "", ""),
    ) in ends
    assert tables[1].rows[1] == ("", "", "", "自然人", "法人或其他组织", "", "", "", "", "总计")


def test_low_glyphs_stay_on_their_line():
    """一 and 、 have short boxes of their own in this file's fonts: read by their tops they
    began lines of their own (`三 本年、度办理结果`, `（ ）予以公开一`)."""
    rows = [r for b in read(PRINTED / "2019-2019-html-003004.pdf").blocks if isinstance(b, TableBlock) for r in b.rows]
    assert ("三、本年度办理结果", "（一）予以公开") in {r[:2] for r in rows}
    assert any(r[2] == "3.危及“三安全一稳定”" for r in rows if len(r) > 2)


def test_a_printed_pages_site_footer_is_no_part_of_the_report():
    extracted = extract_path(PRINTED / "2019-2019-html-003004.pdf")
    assert not any(w in extracted.sections["其他事项"] for w in ("主办单位", "网站标识码", "ICP"))


def test_pdftotext_raw_text_of_a_printed_report_gives_every_number():
    report = generate(8004, damage=False, form="docx")
    assert dict(extract_path(PRINTED / "2019-2019-docx-008004.pdftotext-raw.txt").facets) == report.expected


def test_pdftotext_layout_text_gives_the_rows_whose_labels_start_on_their_numbers_line():
    """`三、  （一）予以公    945 198 …` over `本年  开`: the cut labels, three characters after
    their numbers, name their rows; rows whose label lines are wrapped above their numbers
    (the 2019 template's narrow 不予公开 column) stay unread, never misread."""
    report = generate(8004, damage=False, form="docx")
    facets = dict(extract_path(PRINTED / "2019-2019-docx-008004.pdftotext-layout.txt").facets)
    assert {k: report.facets[k] for k in facets} == facets
    assert (facets["申请.予以公开"], facets["申请.部分公开"], facets["申请.新收.自然人"]) == (1346, 277, 2281)
    assert "申请.不予公开.国家秘密" not in facets
    assert len(facets) == 165


def drawn(seed: int, form: str, damage: str):
    return with_damage(generate(seed, damage=False, form=form), (damage,))


@pytest.mark.parametrize(
    ("name", "seed", "form", "damage"),
    [
        # Zeros and result rows' totals left empty, the table broken across pages: a row
        # without a number broken after 2.没 (1007), and （六）其他处理's one number under 其他
        # beside its empty 总计 (1004).
        ("2025-2021-docx-001007.sparse.pdf", 1007, "docx", "sparse"),
        ("2019-2019-docx-001004.sparse.pdf", 1004, "docx", "sparse"),
        # Saved again by LibreOffice: section 四's grid has a column no group has, where
        # 行政诉讼's merged cell starts, and the zeros are empty.
        ("2019-2019-docx-001012.blank_zeros.docx", 1012, "docx", "blank_zeros"),
        # A web page printed: section 四's header broken by the page, its zeros `/`.
        ("2019-2019-html-001006.blank_zeros.pdf", 1006, "html", "blank_zeros"),
    ],
)
def test_a_converted_report_whose_tables_leave_cells_empty_gives_every_number(name, seed, form, damage):
    report = drawn(seed, form, damage)
    assert dict(extract_path(PRINTED / name).facets) == report.expected


def test_section_four_words_are_not_section_three_rows_in_pdftotext_text():
    """其他 of section 四's header (其他结果, one character a line) after （六）其他处理's rows is
    not 3.其他: no number of section 四 goes to section 三."""
    report = drawn(1001, "docx", "blank_zeros")
    facets = dict(extract_path(PRINTED / "2021-2021-docx-001001.blank_zeros.pdftotext-raw.txt").facets)
    assert {k: report.facets.get(k) for k in facets} == facets
    assert not any(k.startswith("申请.其他处理") for k in facets)


def test_a_label_wrapped_after_a_word_of_its_own_is_one_label():
    """其他 / 对外管理服务事项 on two lines is the 2019 template's row, and the report stays a
    2019 one (其他 alone is 2021's 3.其他)."""
    report = drawn(1017, "docx", "broken_labels")
    extracted = extract_path(PRINTED / "2020-2019-docx-001017.broken_labels.pdftotext-raw.txt")
    facets = dict(extracted.facets)
    assert extracted.template == "2019"
    assert {k: report.facets.get(k) for k in facets} == facets
    assert (facets["其他对外管理服务事项.上一年项目数"], facets["其他对外管理服务事项.本年增减"]) == (0, 1)


def test_numbers_printed_over_two_lines_are_not_taken_in_the_wrong_order():
    """Full-width digits sit lower than the labels: pdftotext -layout prints 新收's 11 on the
    label's second line and section 四's row over two lines. Neither is read out of order:
    1 0 1 1 1 15 is not split into seven to fit, and section 四's numbers do not add up
    group by group in the order printed."""
    report = drawn(1024, "docx", "fullwidth")
    extracted = extract_path(PRINTED / "2024-2021-docx-001024.fullwidth.pdftotext-layout.txt")
    facets = dict(extracted.facets)
    assert {k: report.facets.get(k) for k in facets} == facets
    assert "申请.新收.自然人" not in facets and "复议.总计" not in facets
    assert any("复议诉讼's numbers do not add up group by group" in w for w in extracted.warnings)
