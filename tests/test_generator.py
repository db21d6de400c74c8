"""The synthetic report generator: deterministic, internally consistent, real files, honest damage."""

from __future__ import annotations

import dataclasses
import functools
import io
import itertools
import json
from pathlib import Path

import pytest

from indexer.extract.tables import fused
from indexer.extract.templates import (
    ACTIVE_TABLES,
    APPLICATION_GROUPS,
    APPLICATION_ROWS,
    REVIEW_GROUPS,
    review_keys,
)
from indexer.generator import FORMS, generate, page, render, statstable, write
from indexer.generator import __main__ as cli
from indexer.generator.damage import FREE_KINDS, KINDS, choose, fused_plan, with_damage
from indexer.generator.forms import FREE_ONLY, TABLES_ONLY
from indexer.generator.model import COLUMNS
from indexer.registry import facets as registry

SEEDS = range(200)
STATS_KEYS = ("主动公开.条数", "申请.新收", "申请.予以公开", "申请.部分公开", "复议.总计", "诉讼.总计")
TABLE_FORMS = [f for f in FORMS if f != "free"]


def _rows(template: str) -> list[str]:
    return [r.key for r in APPLICATION_ROWS[template]]


def check_identities(f: dict, template: str) -> None:
    """Every table identity the spec states, in exact arithmetic."""
    rows = _rows(template)
    for row in rows:
        assert sum(f[f"申请.{row}.{c}"] for c in COLUMNS) == f[f"申请.{row}"], row
    for col in ("", *(f".{c}" for c in COLUMNS)):
        leaves = [r for r in rows if r not in ("新收", "上年结转", "办理总计", "结转下年")]
        assert sum(f[f"申请.{r}{col}"] for r in leaves) == f[f"申请.办理总计{col}"]
        assert (
            f[f"申请.新收{col}"] + f[f"申请.上年结转{col}"]
            == f[f"申请.办理总计{col}"] + f[f"申请.结转下年{col}"]
        )
    groups = [g for g in APPLICATION_GROUPS if not (template == "2019" and g == "其他处理")]
    for group in groups:
        subs = [r for r in rows if r.startswith(group + ".")]
        assert f[f"申请.{group}"] == sum(f[f"申请.{r}"] for r in subs), group
    top = ["予以公开", "部分公开", "不予公开", "无法提供", "不予处理", "其他处理"]
    assert sum(f[f"申请.{k}"] for k in top) == f["申请.办理总计"]
    for group, _ in REVIEW_GROUPS:
        parts = sum(f[f"{group}.{c}"] for c in ("维持", "纠正", "其他", "未审结"))
        assert parts == f[f"{group}.总计"]
    assert f["诉讼.总计"] == f["诉讼.直接起诉.总计"] + f["诉讼.复议后起诉.总计"]
    if template == "2019":
        for row in ("规章", "规范性文件"):
            assert f[f"{row}.对外公开总数"] >= f[f"{row}.本年新公开"]
    assert all(v >= 0 for k, v in f.items() if not k.endswith("本年增减"))


@pytest.mark.parametrize("template", ["2019", "2021"])
def test_tables_balance(template):
    for seed in SEEDS:
        report = generate(seed, template=template)
        assert report.template == template
        check_identities(report.facets, template)


def test_free_prose_numbers_add_up():
    for seed in SEEDS:
        f = generate(seed, template="free").facets
        parts = ("予以公开", "部分公开", "不予公开", "无法提供")
        if f["申请.新收"] == 0:
            assert not any(f"申请.{p}" in f for p in parts)  # "未收到申请" states nothing more
            continue
        assert sum(f[f"申请.{p}"] for p in parts) == f["申请.新收"]


def test_years_follow_template():
    spans = {"free": (2008, 2018), "2019": (2019, 2020), "2021": (2021, 2025)}
    for seed in SEEDS:
        report = generate(seed)
        low, high = spans[report.template]
        assert low <= report.year <= high
        assert report.published.startswith(str(report.year + 1))


def test_every_facet_key_is_registered_for_its_template():
    known = registry()
    for seed in SEEDS:
        report = generate(seed)
        for key in report.facets:
            assert key in known, key
            if report.template != "free":
                assert report.template in known[key].templates, key


def test_deterministic():
    for seed in (0, 1, 7, 12345):
        assert generate(seed) == generate(seed)
        assert generate(seed, damage=True) == generate(seed, damage=True)
        for form in ("cells", "tsv", "md", "html"):
            assert render(generate(seed), form) == render(generate(seed), form)


def test_damage_does_not_change_the_report_itself():
    for seed in range(30):
        clean, hurt = generate(seed, damage=False), generate(seed, damage=True)
        assert clean.facets == hurt.facets and clean.agency == hurt.agency
        assert clean.expected == clean.facets and clean.damage == ()
        assert 1 <= len(hurt.damage) <= 3


def test_expected_is_a_subset_of_facets():
    for seed in SEEDS:
        report = generate(seed, damage=True)
        allowed = FREE_KINDS if report.template == "free" else KINDS
        assert set(report.damage) <= set(allowed)
        for key, value in report.expected.items():
            assert report.facets[key] == value


def test_agencies_vary_and_have_regions():
    reports = [generate(seed) for seed in range(100)]
    assert len({r.agency for r in reports}) > 90
    assert {r.region.county is None for r in reports} == {True, False}
    assert all(r.region.province and r.agency.endswith(("局", "会", "府", "厅", "室", "处")) for r in reports)


def test_only_total_keeps_columns_of_zero_rows_only():
    report = with_damage(generate(3, template="2019", damage=False), ("only_total",))
    for row in _rows("2019"):
        total = report.facets[f"申请.{row}"]
        assert f"申请.{row}" in report.expected
        for col in COLUMNS:
            assert (f"申请.{row}.{col}" in report.expected) == (total == 0)


def test_lost_rows_drop_their_facets_and_dependent_sums():
    for seed in range(40):
        report = with_damage(
            generate(seed, template=("2019", "2021")[seed % 2], damage=False), ("lost_rows",)
        )
        gone = set(report.facets) - set(report.expected)
        assert gone
        for row in APPLICATION_ROWS[report.template]:
            if row.group and f"申请.{row.key}" in gone:
                assert f"申请.{row.group}" in gone


def test_cells_form_looks_like_seed_000():
    text = render(generate(5, template="2019", damage=False), "cells").decode("utf-8")
    assert "\t一、本年新收政府信息公开申请数量\n" in text
    assert "\t（三）不予公开\n\t1.属于国家秘密\n" in text
    assert "\n\n\t行政处罚\n" in text


def test_tsv_and_md_forms():
    report = generate(5, template="2021", damage=False)
    tsv = render(report, "tsv").decode("utf-8")
    assert "行政处罚\t" in tsv and "\t申请人情况\t" in tsv
    md = render(report, "md").decode("utf-8")
    assert "\n## 三、收到和处理政府信息公开申请情况\n" in md and "|---|" in md


def test_blank_zeros_and_fullwidth_show_in_text():
    report = with_damage(generate(8, template="2019", damage=False), ("blank_zeros", "fullwidth"))
    text = render(report, "tsv").decode("utf-8")
    assert "　" in text
    assert report.expected == report.facets


def test_sparse_leaves_zeros_and_result_totals_empty_and_only_with_damage_that_keeps_cells():
    picked = [choose(seed, template) for seed in range(400) for template in ("2019", "2021")]
    sparse = [kinds for kinds in picked if "sparse" in kinds]
    assert sparse and all(not {"lost_rows", "only_total", "fused"} & set(k) for k in sparse)
    assert all(len(kinds) <= 3 for kinds in picked)
    report = with_damage(generate(41, damage=False), ("sparse",))
    assert report.template == "2019" and report.facets["申请.予以公开"] == 4
    assert report.expected == report.facets  # the column sums give every value back
    lines = render(report, "tsv").decode("utf-8").splitlines()
    cells = lambda words: next(line for line in lines if words in line).split("\t")[-7:]  # noqa: E731
    row = [report.facets[f"申请.予以公开.{c}"] for c in COLUMNS]
    assert cells("（一）予以公开") == [str(v) if v else "" for v in row] + [""]  # the total left empty
    new_row = [report.facets[f"申请.新收.{c}"] for c in COLUMNS]
    assert cells("本年新收") == [str(v) if v else "" for v in new_row] + [str(report.facets["申请.新收"])]


def test_sparse_reports_are_read_whole_where_their_empty_cells_keep_their_places(tmp_path):
    from indexer.extract import extract_path

    report = with_damage(generate(107, damage=False), ("sparse", "broken_labels"))
    assert report.facets["申请.予以公开"] == 6 and report.facets["申请.办理总计"] == 10
    for form in ("html", "docx", "pdf", "tsv", "md"):  # the PDF's table broken by a page
        extracted = extract_path(write(report, form, tmp_path))
        assert extracted.facets == report.facets, form
        assert any("总计 left blank, summed" in w for w in extracted.warnings), form


def test_free_form_is_prose():
    report = generate(4, template="free", damage=False)
    text = render(report, "free").decode("utf-8")
    assert report.agency in text and "\t" not in text
    assert f"政府信息公开申请{report.facets['申请.新收']}件" in text or report.facets["申请.新收"] == 0
    with pytest.raises(ValueError):
        render(generate(4, template="2019"), "free")


@pytest.mark.parametrize("form", FORMS)
def test_every_form_renders_with_and_without_damage(form, tmp_path):
    for seed in range(12):
        for damage in (False, True):
            report = generate(seed, damage=damage, form=form)
            assert report.form == form
            assert (
                report.template == "free"
                if form in FREE_ONLY
                else form not in TABLES_ONLY or report.template != "free"
            )
            path = write(report, form, tmp_path)
            assert path.exists() and path.stat().st_size > 500


def test_docx_has_merged_tables(tmp_path):
    import docx

    report = generate(2, template="2019", damage=False)
    document = docx.Document(str(write(report, "docx", tmp_path)))
    assert len(document.tables) == 7
    apply = document.tables[5]
    assert apply.cell(0, 0).text == apply.cell(2, 2).text  # the 3×3 note cell is one merged cell
    assert any(report.agency in p.text for p in document.paragraphs)


def test_pdf_opens_and_names_the_agency(tmp_path):
    import pdfplumber

    for seed in (2, 3):
        report = generate(seed, template="2021", damage=seed == 3)
        with pdfplumber.open(io.BytesIO(render(report, "pdf"))) as pdf:
            text = "\n".join(page.extract_text() or "" for page in pdf.pages)
        assert report.agency in text.replace(" ", "")


def test_html_is_a_page_with_spanned_tables():
    from bs4 import BeautifulSoup

    report = generate(6, template="2019", damage=False)
    soup = BeautifulSoup(render(report, "html").decode("utf-8"), "html.parser")
    assert soup.find("nav") and soup.find("footer")
    assert soup.find("td", attrs={"rowspan": True}) and soup.find("td", attrs={"colspan": "10"})
    assert len(soup.find_all("table")) == 7


def test_pdf_is_fast():
    import time

    report = generate(9, template="2019")
    start = time.perf_counter()
    render(report, "pdf")
    assert time.perf_counter() - start < 1.0


def test_cli_writes_files_and_truth(tmp_path):
    assert cli.main([str(tmp_path), "--count", "8", "--forms", "cells,free,html", "--seed", "100"]) == 0
    lines = [json.loads(line) for line in (tmp_path / "truth.jsonl").read_text(encoding="utf-8").splitlines()]
    assert len(lines) == 8
    for line in lines:
        assert (tmp_path / line["file"]).exists()
        assert line["form"] in ("cells", "free", "html")
        assert set(line) >= {
            "seed",
            "agency",
            "region",
            "year",
            "published",
            "template",
            "facets",
            "expected",
        }
    assert {line["template"] for line in lines if line["form"] == "free"} == {"free"}


# --- fused: rows whose cell borders a crawler dropped --------------------------------


def _fused(seed: int, template: str, *kinds: str):
    report = with_damage(generate(seed, template=template, damage=False), ("fused", *kinds))
    return report, fused_plan(report, report.damage)


def _digits(row) -> str:
    return "".join(v.strip() for v in row.values)


def test_fused_rows_print_label_and_digits_in_text_forms_only():
    report, plan = _fused(38, "2021")
    assert [row.key for _, row in plan] == ["规章", "规范性文件", "行政强制", "上年结转"]
    lines = {form: render(report, form).decode("utf-8").splitlines() for form in ("cells", "tsv", "md")}
    for _, row in plan:
        fused_text = row.label + _digits(row)
        assert "\t" + fused_text in lines["cells"]
        assert fused_text in lines["tsv"]
        assert f"| {fused_text} |" in lines["md"]
    assert "\t二、上年结转政府信息公开申请数量0000000" in lines["cells"]
    assert "行政规范性文件2375" in lines["tsv"]
    page = render(report, "html").decode("utf-8")
    assert "行政规范性文件2375" not in page and ">行政规范性文件</p></td>" in page


def test_fused_review_row_is_just_digits():
    report, plan = _fused(0, "2021")
    review = [row for table, row in plan if table.kind == "review"]
    assert review and review[0].label == "" and _digits(review[0]) == "000000000001135"
    assert "000000000001135" in render(report, "tsv").decode("utf-8").splitlines()
    assert "\t000000000001135" in render(report, "cells").decode("utf-8").splitlines()
    assert "诉讼.复议后起诉.总计" in report.expected  # 0000 0 0000 0 1135 splits one way only


def _column_sums_hold(facets: dict, template: str) -> bool:
    """Oracle: in every applicant column (and 总计) the result rows add up to （七）总计, and
    新收 + 上年结转 = 总计 + 结转下年."""
    outside = ("新收", "上年结转", "办理总计", "结转下年")
    results = [r.key for r in APPLICATION_ROWS[template] if r.key not in outside]
    for suffix in [*COLUMNS, ""]:
        at = {k: facets[f"申请.{k}.{suffix}" if suffix else f"申请.{k}"] for k in (*outside, *results)}
        if sum(at[k] for k in results) != at["办理总计"] or at["新收"] + at["上年结转"] != at["办理总计"] + at["结转下年"]:
            return False
    return True


def _row_facets(table, row, template: str) -> set[str]:
    if table.kind == "review":
        return set(review_keys())
    if table.kind == "active":
        spec = next(t for t in ACTIVE_TABLES[template] if f"第二十条{t.item}" == table.caption)
        return {f"{row.key}.{c.suffix}" for c in spec.columns}
    return {f"申请.{row.key}"} | {f"申请.{row.key}.{c}" for c in COLUMNS} | ({f"申请.{row.group}"} if row.group else set())


def test_fused_expected_drops_exactly_the_ambiguous_rows():
    """A fused row stays where its digits split one way under its row's arithmetic or, in
    section 三, where of the splits its total allows only the printed one keeps the table's
    column sums (the other fused rows read as they split)."""
    constraints = {"active": None, "apply": fused.row_total, "review": fused.group_totals}
    dropped_some = kept_some = settled_some = False
    for seed in range(60):
        template = ("2019", "2021")[seed % 2]
        report, plan = _fused(seed, template)
        assert 1 <= len(plan) <= 4
        gone: set[str] = set()
        open_rows = []
        for table, row in plan:
            values = tuple(int(v) for v in row.values)
            if fused.unique_split(_digits(row), len(values), constraints[table.kind]) == values:
                kept_some = True
                continue
            candidates = fused.split_candidates(_digits(row), len(values), fused.row_total)
            if table.kind == "apply" and candidates and len(candidates) > 1:
                open_rows.append((table, row, candidates))
            else:
                dropped_some = True
                gone |= _row_facets(table, row, template)
        if open_rows and not gone:  # every term of the sums known: exactly the printed reading holds
            readings = []
            for reading in itertools.product(*(c for _, _, c in open_rows)):
                facets = dict(report.facets)
                for (_, row, _), split in zip(open_rows, reading, strict=True):
                    keys = [f"申请.{row.key}.{c}" for c in COLUMNS] + [f"申请.{row.key}"]
                    facets.update(zip(keys, split, strict=True))
                if _column_sums_hold(facets, template):
                    readings.append(reading)
            for i, (table, row, _) in enumerate(open_rows):
                if {r[i] for r in readings} == {tuple(int(v) for v in row.values)}:
                    settled_some = True
                else:
                    gone |= _row_facets(table, row, template)
            assert set(report.facets) - set(report.expected) == gone, seed
        elif not open_rows:
            assert set(report.facets) - set(report.expected) == gone, seed
    assert dropped_some and kept_some and settled_some


def test_fused_rows_are_plain_integers_and_show_under_other_damage():
    seen = 0
    for seed in range(200):
        report = generate(seed, damage=True)
        if "fused" not in report.damage:
            continue
        seen += 1
        lines = render(report, "tsv").decode("utf-8").splitlines()
        for _, row in fused_plan(report, report.damage):
            assert all(v.strip().isascii() and v.strip().isdigit() for v in row.values)
            assert row.label.replace("\n", " ") + _digits(row) in lines, seed
    assert seen > 20


def test_fused_is_drawn_without_changing_the_other_kinds():
    for seed in range(100):
        kinds = choose(seed, "2019")
        assert 1 <= len(kinds) <= 3 and kinds == tuple(k for k in KINDS if k in kinds)
    assert "fused" in {k for seed in range(100) for k in choose(seed, "2021")}
    assert not any("fused" in choose(seed, "free") for seed in range(100))


@pytest.mark.parametrize("seed, template", [(38, "2021"), (198, "2019")])
def test_fused_tsv_extracts_what_is_expected(seed, template, tmp_path):
    from indexer.extract import extract_path

    report, plan = _fused(seed, template)
    assert any(
        fused.unique_split(_digits(r), len(r.values), None) is None for t, r in plan if t.kind == "active"
    )
    extracted = extract_path(write(report, "tsv", tmp_path))
    got = dict(extracted.facets)
    assert {k: got.get(k) for k in report.expected} == report.expected
    assert all(report.facets.get(k) == v for k, v in got.items())
    assert any("run together; split as" in w for w in extracted.warnings)


# --- 主动公开.条数: the total a sentence states ------------------------------------------


def test_active_total_is_a_facet_where_one_sentence_states_it():
    assert generate(2, template="2021", damage=False).facets["主动公开.条数"] == 392
    assert "主动公开.条数" not in generate(0, template="2021", damage=False).facets  # no sentence says it
    report = generate(2, template="free", damage=False)  # 各类政府信息429条 and 全年…692条: two totals
    text = render(report, "free").decode("utf-8")
    assert "主动公开各类政府信息429条" in text and "全年主动公开政府信息692条" in text
    assert "主动公开.条数" not in report.facets


def test_original_forms_keep_their_bytes():
    samples = Path(__file__).parent.parent / "indexer" / "sample_data" / "generated"
    for line in (samples / "truth.jsonl").read_text(encoding="utf-8").splitlines():
        entry = json.loads(line)
        if entry["form"] in ("docx", "pdf"):
            continue  # they carry the time they were written
        report = generate(entry["seed"], damage=False, form=entry["form"])
        assert render(report, entry["form"]) == (samples / entry["file"]).read_bytes(), entry["file"]
        drawn = generate(entry["seed"], template="free" if entry["form"] == "free" else None, damage=False)
        assert report == dataclasses.replace(drawn, form=entry["form"])


# --- crawled and dumped shapes (excerpts in tests/data/real/excerpts) ---------------------


def _lines(seed: int, form: str, damage: bool = False) -> list[str]:
    return render(generate(seed, damage=damage, form=form), form).decode("utf-8").splitlines()


def test_pipes_rows_have_a_trailing_pipe_and_empty_cells_as_pipe_runs():
    expanded = _lines(5, "pipes")  # spanning cells leave their places empty: "| |||"
    assert "第二十条第（一）项 | |||" in expanded and "申请人情况 | ||||||||" in expanded
    assert "一、本年新收政府信息公开申请数量 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | ||" in expanded
    assert "0 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | 3 | 0 | 3 |" in expanded
    plain = _lines(3, "pipes")  # excerpt 39: no runs, 商业 企业, the note on its own row
    assert "第二十条第（一）项 |" in plain and "规范性文件 | 3 | 0 | 4 |" in plain
    assert "商业 企业 | 科研 机构 | 社会公益组织 | 法律服务机构 | 其他 |" in plain
    note = plain.index("（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和） |")
    assert plain[note + 1] == "申请人情况 |"
    assert "（三）不予公开 | 1.属于国家秘密 | 0 | 0 | 0 | 0 | 0 | 0 | 0 |" in plain


def test_cellpipe_is_one_cell_a_line_with_empty_places_as_one_line():
    lines = _lines(1, "cellpipe")
    at = lines.index("申请人情况 |")
    assert lines[at : at + 11] == [
        "申请人情况 |", "||||||||", "自然人 |", "法人或其他组织 |", "总计 |", "|||||||",
        "商业企业 |", "科研机构 |", "社会公益组织 |", "法律服务机构 |", "其他 |",
    ]  # fmt: skip
    assert lines[at + 11 : at + 22] == ["|||||", "一、本年新收政府信息公开申请数量 |"] + [
        f"{n} |" for n in (139, 32, 7, 3, 13, 17, 211)
    ] + ["||", "二、上年结转政府信息公开申请数量 |"]


def test_blanklines_break_and_cut_headers_between_blank_lines():
    text = render(generate(2, damage=False, form="blanklines"), "blanklines").decode("utf-8")
    assert "\n\n信息内容\n\n本年制发件数\n\n本年废止件数\n\n现行有效件\n\n规章\n\n0\n\n0\n\n25\n\n" in text
    assert "\n\n本年处\n理决定数量\n\n行政许可\n\n16\n\n" in text
    trailing = render(generate(14, damage=False, form="blanklines"), "blanklines").decode("utf-8")
    assert "\n\n上一年\n项目数量     \n\n" in trailing and "\n\n行政强制     \n\n61      \n\n" in trailing


def test_pdftext_wraps_labels_around_their_numbers():
    lines = _lines(1, "pdftext")
    assert "一、本年新收政府信息公开申请数量 139 32 7 3 13 17 211" in lines
    at = lines.index("（二）部分公开（区分处理的，只计 10 1 0 0 1 0 12")
    assert lines[at + 1] == "这一情形，不计其他情形）"
    at = lines.index("1.申请人无正当理由逾期")  # three lines, the numbers on the middle one
    assert lines[at + 1 : at + 3] == ["不补正、行政机关不再处 3 1 0 0 1 1 6", "理其政府信息公开申请"]
    at = lines.index("行政复议 行政诉讼")  # section 四's header on four lines, then 15 bare numbers
    assert lines[at + 1 : at + 5] == [
        "结果 结果 其他 尚未 未经复议直接起诉 复议后起诉",
        "维持 纠正 结果 审结 总计 结果 结果 其他 尚未 总计 结果 结果 其他 尚未 总计",
        "维持 纠正 结果 审结 维持 纠正 结果 审结",
        "0 1 0 0 1 0 0 0 0 0 1 0 4 2 7",
    ]
    assert "（三）不 3.危及“三安全一稳定” 0 0 0 0 0 0 0" in lines  # a spanning label mid-span


def test_oneline_puts_the_report_on_one_line_spaced_or_fused():
    (fused,) = _lines(1, "oneline")  # no title line above: the page's title leads the line
    assert fused.startswith("嘉兴市民政局2021年政府信息公开工作年度报告 一、总体情况2021年，我局")
    assert "规章000行政规范性文件303第二十条第（五）项" in fused
    assert "（七）总计13932731317211四、结转下年度继续办理0000000" in fused
    spaced = _lines(3, "oneline")
    assert len(spaced) == 2 and spaced[0] == "泰州市水利局2019年政府信息公开工作年度报告"
    assert " 规范性文件 3 0 4 第二十条第（五）项 " in spaced[1]


def test_ocrmd_tables_have_a_column_the_template_lacks():
    lines = _lines(1, "ocrmd")
    assert "| 信息内容 | 本年制发件数 | 本年废止件数 | 现行有效件数 | 合计 |" in lines
    assert "| 规章 | 0 | 0 | 0 |  |" in lines
    assert "| 一、本年新收政府信息公开申请数量 |  |  | 139 | 32 | 7 | 3 | 13 | 17 | 211 |  |" in lines


# --- the old statistics table ------------------------------------------------------------


def test_statistics_table_agrees_with_the_prose_and_adds_up():
    for seed in range(40):
        report = generate(seed, form="statsline", damage=False)
        table = report.stats
        assert table.year == report.year and {r.key for r in table.rows} - {""} == set(STATS_KEYS)
        for key, value in table.facets().items():
            assert report.facets[key] == value and table.prose.get(key, value) == value
        for i, row in enumerate(table.rows):
            assert 0 <= row.year <= row.total
            members = [r for r in table.rows if r.parent == i]
            if members:
                assert sum(r.year for r in members) == row.year and sum(r.total for r in members) == row.total


def test_statistics_table_forms():
    spaced = _lines(0, "statsline")
    assert len(spaced) == 2  # the page's title line, then the report
    assert (
        "指标名称 计量 单位 2014 年度 历年累计 主动公开信息数 条 596 596 其中：1.网站公开 条 501 501"
        in spaced[1]
    )
    fused = _lines(1, "statsfused")[-1]
    assert fused.endswith(
        "指标名称计量单位2010年度历年累计主动公开信息数条7174300其中：1.网站公开条61736912.政府公报公开条100609"
        "受理依申请公开信息总数条00其中：1.当面申请数条002.传真申请数条003.电子邮件申请数条004.网上申请数条00"
        "5.信函申请数条006.其它形式申请数条00对申请的答复数条00其中：1.同意公开答复数条002.同意部分公开答复数条00"
        "3.否决公开答复数条00行政复议数条019行政诉讼数条00行政申诉数条00"
    )
    from bs4 import BeautifulSoup

    soup = BeautifulSoup(
        render(generate(1, damage=False, form="statshtml"), "statshtml").decode("utf-8"), "html.parser"
    )
    rows = [[td.get_text() for td in tr.find_all("td")] for tr in soup.find_all("table")[-1].find_all("tr")]
    assert rows[:2] == [
        ["指标名称", "计量单位", "2010年度", "历年累计"],
        ["主动公开信息数", "条", "717", "4300"],
    ]
    with pytest.raises(ValueError):
        render(generate(1, template="free"), "statsline")  # drawn without the table


def test_fused_statistics_keep_only_what_the_arithmetic_splits():
    assert statstable.readings("212210037", True) == {
        (2, 12210037),
        (21, 2210037),
        (212, 210037),
        (2122, 10037),
    }
    assert statstable.readings("019", True) == {(0, 19)}
    # 主动公开文件数条4811900 / 1、政府网站公开数条4811900 / 2、政府公报公开数条00: 4+811900,
    # 48+11900 and 481+1900 all add up, and no sentence states the total (two disagree).
    fused, spaced = generate(19, form="statsfused"), generate(19, form="statsline")
    assert fused.facets["主动公开.条数"] == 481 and "主动公开.条数" not in fused.stats.prose
    assert "主动公开.条数" not in fused.expected and spaced.expected["主动公开.条数"] == 481
    assert set(fused.facets) - set(fused.expected) == {"主动公开.条数"}


# --- what a reader recovers from text placed by count -------------------------------------


def test_rows_with_blank_cells_say_nothing_where_cells_are_placed_by_count():
    only_total = generate(15, damage=True, form="pipes")
    assert "only_total" in only_total.damage and not any(k.startswith("申请.") for k in only_total.expected)
    assert "申请.新收" in generate(15, damage=True).expected  # a tab row keeps the empty places
    report = generate(18, damage=True, form="cellpipe")
    assert "blank_zeros" in report.damage
    for row in APPLICATION_ROWS[report.template]:
        zero = any(report.facets[f"申请.{row.key}.{c}"] == 0 for c in COLUMNS)
        # The zeros printed blank: the columns are not placed, but a total that is not 0 adds
        # up the values left (1 2 1 4) and is still read; a row of blanks and 0 says nothing.
        assert all((f"申请.{row.key}.{c}" in report.expected) == (not zero) for c in COLUMNS), row.key
        total = report.facets[f"申请.{row.key}"]
        assert (f"申请.{row.key}" in report.expected) == (not zero or total != 0), row.key
    review = [report.facets[f"{g}.{c}"] for g, _ in REVIEW_GROUPS for c in ("维持", "纠正", "其他", "未审结")]
    assert all((k in report.expected) == (0 not in review) for k in review_keys())


def test_fused_one_line_keeps_rows_the_arithmetic_splits():
    report = generate(36, damage=False, form="oneline")
    line = render(report, "oneline").decode("utf-8").splitlines()[-1]
    assert "行政事业性收费10-8第二十条" in line and "行政处罚62046行政强制54-215" in line
    assert report.expected["行政事业性收费.本年增减"] == -8  # the sign starts the second number
    assert not any(k.startswith(("行政处罚.", "行政强制.")) for k in report.expected)  # 6 20 46, 62 0 46 …
    columns = ("上一年项目数", "本年增减", "处理决定数")
    assert tuple(report.expected[f"行政许可.{c}"] for c in columns) == (0, 0, 15)  # 0015: one split


# --- page shapes ---------------------------------------------------------------------------


def test_page_shapes_name_the_body_as_real_pages_do():
    anonymous = generate(14, form="blanklines")
    text = render(anonymous, "blanklines").decode("utf-8")
    assert anonymous.page == ("fields", "anonymous") and anonymous.expected_agency is None
    assert anonymous.agency not in text and text.startswith("标      题 2019年政府信息公开工作年度报告\n")
    opening = generate(2, form="pipes")
    text = render(opening, "pipes").decode("utf-8")
    assert opening.page == ("fields", "opening") and opening.expected_agency == "四川省教育厅"
    assert text.count("四川省教育厅") == 1 and "特编制四川省教育厅2021年政府信息公开工作年度报告。" in text
    assert text.startswith("标 题 | 2021年政府信息公开工作年度报告 | ||\n")


def test_page_chrome_breadcrumbs_and_traditional_script():
    lines = _lines(7, "pipes")
    assert lines[3:5] == ["您的位置:首页 > 信息公开年报", generate(7, form="pipes").title]
    chrome = _lines(0, "blanklines")
    assert chrome[:6] == [
        "云南省人民政府",
        "",
        "全文检索",
        "",
        "云南省司法厅2024年政府信息公开工作年度报告",
        "",
    ]
    traditional = generate(11, form="pipes")
    assert traditional.page == ("traditional",)
    text = render(traditional, "pipes").decode("utf-8")
    assert text.startswith("宜昌市夷陵區民政局2020年政府信息公開工作年度報告\n")
    assert "規範性文件 | 5 | 5 | 65 |" in text


# --- breadth: what the extractor reads from each new form ---------------------------------

BREADTH = 12  # reports a form and damage state, without page shapes (tested on their own)
NEW_FORMS = FORMS[7:]


def _breadth(form: str, damaged: bool) -> list:
    drawn = (generate(seed, damage=damaged, form=form) for seed in range(200))
    return list(itertools.islice((r for r in drawn if not r.page), BREADTH))


def _extract(report, tmp_path):
    from indexer.extract import extract_path

    return extract_path(write(report, report.form, tmp_path))


def _facet_cases():
    for form in NEW_FORMS:
        for damaged in (False, True):
            yield pytest.param(form, damaged, id=f"{form}-{'damaged' if damaged else 'clean'}")


@pytest.mark.parametrize("form, damaged", _facet_cases())
def test_new_forms_give_the_expected_facets(form, damaged, tmp_path):
    for report in _breadth(form, damaged):
        assert dict(_extract(report, tmp_path).facets) == report.expected, report.seed


@pytest.mark.parametrize("form", NEW_FORMS)
def test_new_forms_give_agency_year_and_template(form, tmp_path):
    for report in _breadth(form, False):
        got = _extract(report, tmp_path)
        assert (got.agency, got.year, got.template) == (report.expected_agency, report.year, report.template)




@functools.cache
def _by_page_shape(form: str) -> dict[tuple[str, ...], list]:
    """Reports drawn for a form, by the page shapes they show."""
    found: dict[tuple[str, ...], list] = {}
    for seed in range(200):
        report = generate(seed, form=form)
        found.setdefault(report.page, []).append(report)
    return found


def _check_page_shape(shape: str, form: str, tmp_path) -> None:
    reports = _by_page_shape(form)[(shape,)][:3]
    assert len(reports) == 3
    for report in reports:
        got = _extract(report, tmp_path)
        assert dict(got.facets) == report.expected, report.seed
        assert (got.agency, got.year, got.template) == (report.expected_agency, report.year, report.template)


@pytest.mark.parametrize("shape", page.SHAPES)
def test_page_shapes_are_read_on_crawled_lines(shape, tmp_path):
    _check_page_shape(shape, "pipes", tmp_path)


@pytest.mark.parametrize("shape", page.SHAPES)
def test_page_shapes_are_read_on_one_line_pages(shape, tmp_path):
    _check_page_shape(shape, "oneline", tmp_path)


def test_fused_signed_cells_are_split_at_the_sign(tmp_path):
    report = generate(36, damage=False, form="oneline")
    got = dict(_extract(report, tmp_path).facets)
    assert (got.get("行政事业性收费.上一年项目数"), got.get("行政事业性收费.本年增减")) == (10, -8)


def test_spacer_column_does_not_shift_a_row_that_starts_blank(tmp_path):
    report = generate(50, damage=True, form="ocrmd")
    assert dict(_extract(report, tmp_path).facets) == report.expected


@pytest.mark.parametrize("seed, form, shape", [(47, "pipes", "opening"), (809, "blanklines", "anonymous")])
def test_a_site_name_is_not_the_agency(seed, form, shape, tmp_path):
    report = generate(seed, damage=False, form=form)
    assert report.page == ("chrome", shape)
    assert _extract(report, tmp_path).agency == report.expected_agency
