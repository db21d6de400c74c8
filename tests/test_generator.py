"""The synthetic report generator: deterministic, internally consistent, real files, honest damage."""

from __future__ import annotations

import io
import json

import pytest

from indexer.extract.tables import fused
from indexer.extract.templates import (
    ACTIVE_TABLES,
    APPLICATION_GROUPS,
    APPLICATION_ROWS,
    REVIEW_GROUPS,
    review_keys,
)
from indexer.generator import FORMS, generate, render, write
from indexer.generator import __main__ as cli
from indexer.generator.damage import FREE_KINDS, KINDS, choose, fused_plan, with_damage
from indexer.generator.model import COLUMNS
from indexer.registry import facets as registry

SEEDS = range(200)
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


def test_free_form_is_prose():
    report = generate(4, template="free", damage=False)
    text = render(report, "free").decode("utf-8")
    assert report.agency in text and "\t" not in text
    assert f"政府信息公开申请{report.facets['申请.新收']}件" in text or report.facets["申请.新收"] == 0
    with pytest.raises(ValueError):
        render(generate(4, template="2019"), "free")


@pytest.mark.parametrize("form", FORMS)
def test_every_form_renders_with_and_without_damage(form, tmp_path):
    template = "free" if form == "free" else None
    for seed in range(12):
        for damage in (False, True):
            report = generate(seed, template=template, damage=damage)
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


def test_fused_expected_drops_exactly_the_ambiguous_rows():
    constraints = {"active": None, "apply": fused.row_total, "review": fused.group_totals}
    dropped_some = kept_some = False
    for seed in range(60):
        template = ("2019", "2021")[seed % 2]
        report, plan = _fused(seed, template)
        assert 1 <= len(plan) <= 4
        gone: set[str] = set()
        for table, row in plan:
            values = tuple(int(v) for v in row.values)
            if fused.unique_split(_digits(row), len(values), constraints[table.kind]) == values:
                kept_some = True
                continue
            dropped_some = True
            if table.kind == "review":
                gone |= set(review_keys())
            elif table.kind == "active":
                spec = next(t for t in ACTIVE_TABLES[template] if f"第二十条{t.item}" == table.caption)
                gone |= {f"{row.key}.{c.suffix}" for c in spec.columns}
            else:
                gone |= {f"申请.{row.key}"} | {f"申请.{row.key}.{c}" for c in COLUMNS}
                gone |= {f"申请.{row.group}"} if row.group else set()
        assert set(report.facets) - set(report.expected) == gone, seed
    assert dropped_some and kept_some


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
