"""The derived ratios (公开率, 不予公开率, 无法提供率, 复议纠正率, 诉讼纠正率): computed only from
numbers read, kept in the record's ``ratios`` apart from its ``facets``, indexed and queried
like a facet (as a fraction of 1, or a percentage)."""

import re
from pathlib import Path

import pytest

from indexer.extract import extract_path
from indexer.extract.ratios import ratios
from indexer.querylang import QueryError, parse
from indexer.registry import RATIOS, facets
from indexer.schema import facet_field
from indexer.search import search
from indexer.store import record_document
from search_web import create_app

ROOT = Path(__file__).parent.parent
REAL = Path(__file__).parent / "data" / "real"
GENERATED = ROOT / "indexer" / "sample_data" / "generated"
BUNDLED = [
    GENERATED / "2019-2019-md-000003.md",  # 公开率 3/7, 不予公开率 1/7, 无法提供率 3/7
    GENERATED / "2019-2019-pdf-000013.pdf",  # 公开率 3/5, 无法提供率 1/5, 诉讼纠正率 0/1
    GENERATED / "2019-2019-html-000004.html",  # 公开率 1, 诉讼纠正率 1/6
    REAL / "01_shuyang_ndrc_2023.html",  # 公开率 1, 复议纠正率 0/1
    REAL / "02_pingtan_zone_2013.html",  # no 办理总计 read: no ratio
]

APPLY = {"申请.予以公开": 3, "申请.部分公开": 1, "申请.不予公开": 2, "申请.无法提供": 1, "申请.办理总计": 8}
REVIEW = {"复议.纠正": 1, "复议.总计": 5}
SUIT = {
    "诉讼.直接起诉.纠正": 1,
    "诉讼.复议后起诉.纠正": 2,
    "诉讼.直接起诉.总计": 4,
    "诉讼.复议后起诉.总计": 4,
}


# --- computing ----------------------------------------------------------------------


def test_every_ratio_from_read_numbers():
    assert ratios({**APPLY, **REVIEW, **SUIT}) == {
        "公开率": 0.5,
        "不予公开率": 0.25,
        "无法提供率": 0.125,
        "复议纠正率": 0.2,
        "诉讼纠正率": 0.375,
    }


@pytest.mark.parametrize(
    "left_out, lost",
    [
        ("申请.部分公开", {"公开率"}),  # one of two numerators not read
        ("申请.予以公开", {"公开率"}),
        ("申请.不予公开", {"不予公开率"}),
        ("申请.办理总计", {"公开率", "不予公开率", "无法提供率"}),  # the denominator not read
        ("复议.纠正", {"复议纠正率"}),
        ("诉讼.复议后起诉.总计", {"诉讼纠正率"}),  # half of the denominator not read
        ("诉讼.直接起诉.纠正", {"诉讼纠正率"}),
    ],
)
def test_a_number_not_read_is_never_taken_as_zero(left_out, lost):
    values = {k: v for k, v in {**APPLY, **REVIEW, **SUIT}.items() if k != left_out}
    assert set(RATIOS) - set(ratios(values)) == lost


def test_a_zero_denominator_gives_no_ratio_and_a_zero_numerator_gives_zero():
    assert ratios({**APPLY, "申请.办理总计": 0, "复议.纠正": 0, "复议.总计": 3}) == {"复议纠正率": 0.0}
    assert ratios({**SUIT, "诉讼.直接起诉.总计": 0, "诉讼.复议后起诉.总计": 0}) == {}
    assert ratios({}) == {}


def test_every_ratio_is_built_from_registry_facets():
    known = facets()
    for key, (_, top, bottom) in RATIOS.items():
        assert set(top + bottom) <= set(known), key
        assert known[key].derived and known[key].unit == "%" and known[key].kind == "ratio"
    # Besides the ratios, only the facets set against other reports are derived: 同比 and 雷同.
    others = {k: f.kind for k, f in known.items() if f.derived and k not in RATIOS}
    assert set(others.values()) == {"yoy", "copy"}
    assert [k for k, kind in others.items() if kind == "copy"] == [
        "雷同.总体情况", "雷同.主动公开", "雷同.依申请公开", "雷同.复议诉讼", "雷同.问题改进", "雷同.其他事项",
        "雷同.全文", "雷同.去年",
    ]  # fmt: skip
    assert len([k for k, kind in others.items() if kind == "yoy"]) == 9


# --- the record ---------------------------------------------------------------------


def test_the_record_of_a_real_report_carries_its_ratios_apart_from_its_facets():
    record = extract_path(REAL / "01_shuyang_ndrc_2023.html").to_record()
    # 予以公开 26 + 部分公开 0 of 办理总计 26; 复议 纠正 0 of 总计 1; 诉讼 总计 0: no 诉讼纠正率.
    assert record["ratios"] == {"公开率": 1.0, "不予公开率": 0.0, "无法提供率": 0.0, "复议纠正率": 0.0}
    assert not set(record["facets"]) & set(RATIOS)
    assert list(record)[13:15] == ["agency_key", "ratios"]


def test_the_record_of_a_generated_report_has_exact_fractions():
    report = extract_path(GENERATED / "2019-2019-md-000003.md")
    assert report.ratios == {"公开率": 3 / 7, "不予公开率": 1 / 7, "无法提供率": 3 / 7}
    assert extract_path(REAL / "02_pingtan_zone_2013.html").ratios == {}


def test_a_stored_record_without_ratios_is_indexed_with_them():
    record = extract_path(GENERATED / "2019-2019-md-000003.md").to_record()
    del record["ratios"]  # as an index written before ratios were derived stores it
    doc = record_document(record, "x.md")
    assert doc[facet_field("公开率")] == 3 / 7
    assert facet_field("复议纠正率") not in doc


# --- the query language -------------------------------------------------------------


@pytest.mark.parametrize(
    "text, value, note",
    [
        ("公开率 < 50%", 0.5, "50%"),
        ("公开率 < 50 %", 0.5, "50%"),
        ("公开率<50％", 0.5, "50%"),  # full width, as the query box may give it
        ("公开率 < 0.5", 0.5, None),
        ("复议纠正率 > 0.2", 0.2, None),
        ("诉讼纠正率 >= 100%", 1.0, "100%"),
        ("无法提供率 > 0", 0.0, None),
    ],
)
def test_a_ratio_is_a_fraction_or_a_percentage(text, value, note):
    node = parse(text)
    assert (node.facet, node.value, node.unit_note) == (text.split()[0].split("<")[0], value, note)


def test_a_bare_number_above_one_is_refused_with_both_readings():
    with pytest.raises(QueryError) as err:
        parse("公开率 < 50")
    assert (err.value.code, err.value.position, err.value.suggestions) == ("bad_unit", 6, ["50%", "0.5"])
    assert err.value.message_zh == "第 7 个字符处：“50”：公开率 是比例（0 到 1），请写 50% 或 0.5"


@pytest.mark.parametrize("text, position", [("公开率 < 5万", 7), ("复议纠正率 > 3件", 9)])
def test_a_count_or_money_unit_does_not_fit_a_ratio(text, position):
    with pytest.raises(QueryError) as err:
        parse(text)
    assert (err.value.code, err.value.position, err.value.suggestions) == ("bad_unit", position, ["%"])


def test_a_percentage_does_not_fit_a_count():
    with pytest.raises(QueryError) as err:
        parse("复议.纠正 > 50%")
    assert err.value.code == "bad_unit"


# --- the index, search and API ------------------------------------------------------


@pytest.fixture(scope="module")
def ratio_index(index_of):
    return index_of("ratios", BUNDLED)


def _names(ix, q: str) -> set[str]:
    return {Path(hit["source"]).name for hit in search(ix, q, per_page=100)["results"]}


@pytest.mark.parametrize(
    "q, names",
    [
        ("公开率 < 0.5", {"2019-2019-md-000003.md"}),
        ("公开率 < 50%", {"2019-2019-md-000003.md"}),
        ("公开率 < 60%", {"2019-2019-md-000003.md"}),
        ("公开率 <= 60%", {"2019-2019-md-000003.md", "2019-2019-pdf-000013.pdf"}),
        ("公开率 = 1", {"2019-2019-html-000004.html", "01_shuyang_ndrc_2023.html"}),
        ("无法提供率 > 0.1", {"2019-2019-md-000003.md", "2019-2019-pdf-000013.pdf"}),
        ("不予公开率 > 0", {"2019-2019-md-000003.md"}),
        ("复议纠正率 >= 0", {"01_shuyang_ndrc_2023.html"}),
        ("诉讼纠正率 > 0.1", {"2019-2019-html-000004.html"}),
        ("诉讼纠正率 >= 0", {"2019-2019-html-000004.html", "2019-2019-pdf-000013.pdf"}),
        # A report with no 公开率 matches neither side: absent is not 0.
        (
            "NOT 公开率 < 0.5",
            {"2019-2019-pdf-000013.pdf", "2019-2019-html-000004.html", "01_shuyang_ndrc_2023.html"},
        ),
    ],
)
def test_a_ratio_query_finds_exactly_its_reports(ratio_index, q, names):
    assert _names(ratio_index, q) == names


def test_the_api_record_the_facet_list_and_the_openapi_description(ratio_index):
    client = create_app({"INDEX_DIR": ratio_index.storage.folder, "TESTING": True}).test_client()
    hit = search(ratio_index, "公开率 < 0.5")["results"][0]
    record = client.get(f"/api/reports/{hit['id']}").get_json()
    assert record["ratios"] == {"公开率": 3 / 7, "不予公开率": 1 / 7, "无法提供率": 3 / 7}
    listed = {f["key"]: f for f in client.get("/api/facets").get_json()["facets"]}
    assert listed["复议纠正率"] == {
        "key": "复议纠正率",
        "label": "复议纠正率（结果纠正占行政复议总计）",
        "unit": "%",
        "type": "ratio",
        "templates": ["2019", "2021"],
        "aliases": [],
    }
    schema = client.get("/api/openapi.json").get_json()["components"]["schemas"]["Report"]
    assert set(schema["properties"]["ratios"]["properties"]) == set(RATIOS)
    assert not set(schema["properties"]["facets"]["properties"]) & set(RATIOS)


def test_a_ratio_named_by_the_query_is_shown_on_the_hit_as_a_percentage(ratio_index):
    (hit,) = search(ratio_index, "公开率 < 0.5")["results"]
    assert hit["facets"] == {"公开率": 3 / 7}
    client = create_app({"INDEX_DIR": ratio_index.storage.folder, "TESTING": True}).test_client()
    page = client.get("/", query_string={"q": "公开率 < 50%"}).get_data(as_text=True)
    assert '<span class="value" title="公开率">42.9 <small>%</small></span>' in page


def test_charts_never_sum_ratios(ratio_index):
    client = create_app({"INDEX_DIR": ratio_index.storage.folder, "TESTING": True}).test_client()
    page = client.get("/", query_string={"q": "公开率 < 50% 申请.新收 > 0"}).get_data(as_text=True)
    assert '<span class="chart-facet">申请.新收</span>' in page  # the first condition that can be summed
    asked = client.get("/", query_string={"q": "公开率 < 50%", "chart": "公开率"}).get_data(as_text=True)
    assert '<span class="chart-facet">公开率</span>' not in asked
    assert '<option value="公开率"' in asked  # offered to the condition builder, not to the chart


def test_exports_and_the_cli_carry_the_ratios(ratio_index, capsys):
    client = create_app({"INDEX_DIR": ratio_index.storage.folder, "TESTING": True}).test_client()
    rows = client.get("/export.csv", query_string={"q": "公开率 < 0.5"}).get_data(as_text=True).splitlines()
    header, row = rows[0].lstrip("\ufeff").split(","), rows[1].split(",")
    assert float(row[header.index("公开率")]) == 3 / 7
    from indexer.extract import extract_path
    from indexer.textout import render_report

    shown = render_report(extract_path(next(p for p in BUNDLED if p.name == "2019-2019-md-000003.md")))
    assert "比率：    公开率 42.9 %，不予公开率 14.3 %，无法提供率 42.9 %" in shown


def test_the_report_page_lists_the_ratios(ratio_index):
    client = create_app({"INDEX_DIR": ratio_index.storage.folder, "TESTING": True}).test_client()
    (hit,) = search(ratio_index, "公开率 < 0.5")["results"]
    page = client.get(f"/reports/{hit['id']}").get_data(as_text=True)
    section = page[page.index('<section class="report-section" id="ratios">') :]
    section = section[: section.index("</section>")]
    shown = re.findall(r'<code>(\S+)</code></td><td>[^<]*</td>\s*<td class="num">([\d.]+) <small>%</small>', section)
    assert shown == [("公开率", "42.9"), ("不予公开率", "14.3"), ("无法提供率", "42.9")]


def test_stats_of_a_ratio_give_medians_and_no_sums(ratio_index):
    client = create_app({"INDEX_DIR": ratio_index.storage.folder, "TESTING": True}).test_client()
    answer = client.get("/api/stats", query_string={"q": "公开率 <= 60%", "facet": "公开率"}).get_json()
    assert answer["reports"] == 2
    # 3/7 (2019, md 3) and 0.6 (2019, pdf 13): a median of percentages, never their sum.
    assert answer["by_year"] == [{"key": 2019, "reports": 2, "sum": None, "median": round((3 / 7 + 0.6) / 2, 6)}]
    assert all(group["sum"] is None for group in answer["by_province"])
