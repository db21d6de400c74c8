"""The HTML pages, the exports and the SVG charts, over the five seed reports."""

from __future__ import annotations

import csv
import io
import json
import re
from urllib.parse import quote_plus

import pytest

from indexer.ingest import ingest
from indexer.registry import facets
from search_web import charts, create_app
from search_web.pages import refine

PENALTIES = "行政处罚 > 10 in 2020"


def href(q: str) -> str:
    """The search page URL of a query, encoded the way the pages encode it."""
    return "/?q=" + quote_plus(q, safe=":")


@pytest.fixture(scope="module")
def client(seed_index):
    app = create_app({"INDEX_DIR": seed_index.storage.folder, "TESTING": True})
    return app.test_client()


def body(response) -> str:
    assert response.status_code != 500
    return response.get_data(as_text=True)


# --- search page ---------------------------------------------------------------


def test_home_shows_help_and_examples(client):
    response = client.get("/")
    text = body(response)
    assert response.status_code == 200
    assert '<details id="help" class="help" open>' in text
    assert f'href="{href(PENALTIES)}"' in text
    assert f'href="{href("勾稽:不符")}"' in text
    assert "索引中共有 <strong>5</strong> 份年度报告" in text
    assert '<datalist id="facet-names">' in text
    assert '<option value="行政处罚" label="行政处罚.处理决定数"></option>' in text


def test_penalties_in_2020_finds_seed_000(client, seed_ids):
    response = client.get("/", query_string={"q": PENALTIES})
    text = body(response)
    assert response.status_code == 200
    assert "重庆市荣昌区商务委员会" in text
    assert "重庆市大渡口区经济和信息化委员会" not in text
    assert "<code>行政处罚.处理决定数 &gt; 10 AND year = 2020</code>" in text
    assert '<span class="value" title="行政处罚.处理决定数">12 <small>件</small></span>' in text
    assert f'href="/reports/{seed_ids["000"]}"' in text
    assert "找到 <strong>1</strong> 份报告" in text


def test_facet_counts_refine_the_query(client):
    text = body(client.get("/", query_string={"q": PENALTIES}))
    assert f'<a href="{href(PENALTIES + " in 2020")}">2020 年</a><span class="count">1</span>' in text
    assert f'<a href="{href(PENALTIES + " 地区:重庆市")}">重庆市</a><span class="count">1</span>' in text
    assert f'<a href="{href(PENALTIES + " 模板:2019")}">2019 版模板</a>' in text


def test_failed_checks_link_appends_consistent_no():
    assert refine("培训", "勾稽:不符") == "培训 勾稽:不符"
    assert refine("培训 OR 宣传", "in 2020") == "(培训 OR 宣传) in 2020"
    assert refine("", "in 2020") == "in 2020"


def test_section_scope_shows_marked_fragment(client, seed_ids):
    text = body(client.get("/", query_string={"q": "问题:人手不足"}))
    fragment = re.search(r'<span class="section-tag">问题改进</span>([^\n]*)</p>', text)
    assert fragment and "<mark>人手不足</mark>" in fragment.group(1)
    assert f'href="/reports/{seed_ids["001"]}"' in text


def test_unknown_facet_is_shown_beside_the_box_with_suggestion_links(client):
    response = client.get("/", query_string={"q": "行政处法 > 10"})
    text = body(response)
    assert response.status_code == 200
    assert "unknown facet &#39;行政处法&#39;" in text
    assert '<mark class="error-at">行政处法</mark> &gt; 10' in text
    assert f'<a class="chip" href="{href("行政处罚 > 10")}">行政处罚</a>' in text
    assert 'value="行政处法 &gt; 10"' in text


def test_unbalanced_scope_shows_position(client):
    response = client.get("/", query_string={"q": "问题:("})
    text = body(response)
    assert response.status_code == 200
    assert "at character 4" in text
    assert "第 4 个字符" in text
    assert '<code class="query-echo">问题:<mark class="error-at">(</mark></code>' in text


def test_builder_folds_condition_into_q_and_redirects(client, seed_ids):
    args = {"q": "in 2020", "b_facet": "行政处罚.处理决定数", "b_op": ">", "b_value": "10"}
    response = client.get("/", query_string=args)
    assert response.status_code == 303
    assert response.headers["Location"] == href("in 2020 行政处罚.处理决定数 > 10")
    text = body(client.get(response.headers["Location"]))
    assert "重庆市荣昌区商务委员会" in text
    assert "找到 <strong>1</strong> 份报告" in text


def test_sort_and_pagination_stay_in_the_url(client):
    text = body(client.get("/", query_string={"q": "in 2019-2021", "per_page": "2", "sort": "-year"}))
    assert "找到 <strong>5</strong> 份报告" in text
    assert '<span class="current" aria-current="page">1</span>' in text
    assert f'<a href="{href("in 2019-2021")}&amp;page=3&amp;per_page=2&amp;sort=-year">3</a>' in text
    assert '<option value="-year" selected>' in text
    assert text.count('<li class="hit">') == 2
    last = body(client.get("/", query_string={"q": "in 2019-2021", "per_page": "2", "page": "3"}))
    assert last.count('<li class="hit">') == 1


def test_bad_page_and_sort_are_shown_beside_the_box(client):
    for args in (
        {"q": "in 2020", "page": "x"},
        {"q": "in 2020", "page": "²"},  # isdigit() but not int(): once a 500
        {"q": "in 2020", "sort": "bogus"},
        {"q": "in 2020", "per_page": "x", "b_facet": "行政处罚.处理决定数", "b_op": ">", "b_value": "1"},
    ):
        response = client.get("/", query_string=args)
        assert response.status_code == 200
        assert 'class="query-error"' in body(response)


def test_charts_drawn_for_results(client):
    text = body(client.get("/", query_string={"q": "in 2019-2021"}))
    assert "<title>申请.新收：各年度合计与中位数（件）</title>" in text
    assert "另有 1 份报告未载明此项，未计入" in text
    assert "style=" not in text
    other = body(client.get("/", query_string={"q": "in 2019-2021", "chart": "政府集中采购.项目数"}))
    assert "<title>政府集中采购.项目数：各省份合计（件）</title>" in other
    assert '<option value="政府集中采购.项目数" selected>' in other


def test_exports_linked_from_results(client):
    text = body(client.get("/", query_string={"q": PENALTIES}))
    assert f'href="/export.csv?q={quote_plus(PENALTIES, safe=":")}"' in text
    assert f'href="/export.jsonl?q={quote_plus(PENALTIES, safe=":")}"' in text


# --- report page ---------------------------------------------------------------


def test_report_004_shows_absent_values_and_tables(client, seed_ids):
    response = client.get(f"/reports/{seed_ids['004']}")
    text = body(response)
    assert response.status_code == 200
    assert "兴庆区商务和经济技术合作局" in text
    assert '<td class="num absent" title="报告中未载明 (not stated in the report) · 申请.新收">—</td>' in text
    assert '<td class="num" title="申请.新收">' not in text
    assert '<td class="num" title="行政处罚.处理决定数">0</td>' in text
    assert '<td class="num" title="申请.办理总计">0</td>' in text
    assert "<caption>收到和处理政府信息公开申请情况</caption>" in text
    assert "（三）不予公开" in text and "（七）总计" in text
    assert "<caption>政府信息公开行政复议、行政诉讼情况</caption>" in text
    assert '<p class="absent-section">报告中未找到这一部分。</p>' in text
    assert 'href="/reports/' not in text
    assert "索引中没有该机关其他年度的报告。" in text


def test_report_000_values_and_checks(client, seed_ids):
    text = body(client.get(f"/reports/{seed_ids['000']}"))
    assert '<td class="num" title="行政处罚.处理决定数">12</td>' in text
    assert '<td class="num" title="政府集中采购.总金额_万元">103.9</td>' in text
    assert "新收+上年结转=办理总计+结转下年" in text
    assert "<code>0+0 = 0+0</code>" in text


def synthetic(template: str, facets_: dict, checks: list) -> dict:
    """A record as get_report returns it, for shapes the seeds do not have."""
    return {
        "id": "feedfacefeedface", "source": "x.txt", "format": "txt", "title": "某局2017年政府信息公开工作年度报告",
        "agency": "某局", "region": {"province": None, "city": None, "county": None}, "year": 2017,
        "published": None, "template": template, "sections": {"总体情况": "全年受理申请12件。"},
        "facets": facets_, "checks": checks, "warnings": ["sections not found: 主动公开"],
    }  # fmt: skip


def test_free_report_lists_found_facets_and_failed_checks(client, monkeypatch):
    import search_web.pages as pages

    failed = {"rule": "新收+上年结转=办理总计+结转下年", "ok": False, "detail": "12+0 = 10+0"}
    record = synthetic("free", {"申请.新收": 12}, [failed])
    monkeypatch.setattr(pages, "get_report", lambda ix, report_id: record)
    monkeypatch.setattr(
        pages, "agency_reports", lambda ix, agency: [{"id": "0123abcd", "year": 2018, "title": "t"}]
    )
    text = body(client.get("/reports/feedfacefeedface"))
    assert "<h2>从正文中提取的数字</h2>" in text
    assert '<td class="num">12 <small>件</small></td>' in text
    assert '<table class="official' not in text
    assert (
        '<tr class="failed"><td>✗ 不符</td><td>新收+上年结转=办理总计+结转下年</td><td><code>12+0 = 10+0</code></td></tr>'
        in text
    )
    assert '<span class="bad">1 项不符</span>' in text
    assert '<a href="/reports/0123abcd">2018 年</a>' in text
    assert "<li>sections not found: 主动公开</li>" in text
    assert text.count('<p class="absent-section">') == 5


def test_unknown_report_is_404_page(client):
    response = client.get("/reports/nope")
    assert response.status_code == 404
    assert "没有找到这个页面" in body(response)


def test_unknown_path_is_404_page(client):
    response = client.get("/no/such/page")
    assert response.status_code == 404
    assert '<p class="error-status">404</p>' in body(response)


# --- exports ---------------------------------------------------------------------


def test_csv_export(client, seed_ids):
    response = client.get("/export.csv", query_string={"q": "in 2019-2021", "sort": "year"})
    assert response.status_code == 200
    assert response.headers["Content-Type"] == "text/csv; charset=utf-8"
    assert response.headers["Content-Disposition"] == "attachment; filename=nianbao.csv"
    raw = response.get_data()
    assert raw.startswith(b"\xef\xbb\xbf")
    rows = list(csv.DictReader(io.StringIO(raw.decode("utf-8-sig"))))
    header = raw.decode("utf-8-sig").splitlines()[0].split(",")
    assert {"id", "agency", "year"} <= set(header)
    assert set(facets()) <= set(header)
    assert len(rows) == 5
    by_id = {row["id"]: row for row in rows}
    assert set(by_id) == set(seed_ids.values())
    assert by_id[seed_ids["004"]]["申请.新收"] == ""
    assert by_id[seed_ids["000"]]["申请.新收"] == "0"
    assert by_id[seed_ids["000"]]["行政处罚.处理决定数"] == "12"


def test_jsonl_export(client, seed_ids):
    response = client.get("/export.jsonl", query_string={"q": PENALTIES})
    assert response.status_code == 200
    assert response.headers["Content-Type"].startswith("application/x-ndjson")
    lines = response.get_data(as_text=True).splitlines()
    records = [json.loads(line) for line in lines]
    assert [r["id"] for r in records] == [seed_ids["000"]]
    assert records[0]["facets"]["行政处罚.处理决定数"] == 12


def test_export_bad_query_is_400_text(client):
    response = client.get("/export.csv", query_string={"q": "行政处法 > 10"})
    assert response.status_code == 400
    assert response.headers["Content-Type"].startswith("text/plain")
    assert "unknown facet '行政处法'" in body(response)
    assert client.get("/export.jsonl").status_code == 400


# --- static, headers, safety -----------------------------------------------------------


def test_static_files(client):
    css = client.get("/static/app.css")
    assert css.status_code == 200 and css.mimetype == "text/css"
    css.close()
    js = client.get("/static/app.js")
    assert js.status_code == 200
    js.close()


def test_csp_header_on_pages(client, seed_ids):
    for url in ("/", f"/?q={PENALTIES}", f"/reports/{seed_ids['000']}", "/reports/nope"):
        response = client.get(url)
        assert "script-src 'self'" in response.headers["Content-Security-Policy"]
        assert "<script>" not in body(response)
        assert " style=" not in body(response)


def test_query_text_is_escaped(client):
    response = client.get("/", query_string={"q": "<img src=x onerror=alert(1)>"})
    text = body(response)
    assert "<img" not in text
    assert "&lt;img src=x onerror=alert(1)&gt;" in text


def test_report_text_is_escaped(tmp_path):
    report = tmp_path / "reports" / "xss.txt"
    report.parent.mkdir()
    report.write_text(
        "测试局2020年政府信息公开工作年度报告\n\n一、总体情况\n\n本年度<script>alert(1)</script>开展工作。\n\n"
        "五、存在的主要问题及改进情况\n\n人手不足<b>加粗</b>。\n",
        encoding="utf-8",
    )
    summary = ingest([report.parent], tmp_path / "index", workers=1)
    assert len(summary.added) == 1 and not summary.failed
    client = create_app({"INDEX_DIR": str(tmp_path / "index"), "TESTING": True}).test_client()
    found = body(client.get("/", query_string={"q": "问题:人手不足"}))
    link = re.search(r'href="(/reports/[0-9a-f]+)"', found)
    assert link, "the report is found"
    page = body(client.get(link.group(1)))
    for text in (found, page):
        assert "<script>alert" not in text and "<b>加粗" not in text
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    assert "人手不足&lt;b&gt;加粗&lt;/b&gt;" in page


def test_missing_index_is_a_clear_message(tmp_path):
    client = create_app({"INDEX_DIR": str(tmp_path / "none"), "TESTING": True}).test_client()
    home = client.get("/")
    assert home.status_code == 200
    assert "尚未建立索引" in body(home)
    response = client.get("/", query_string={"q": "培训"})
    assert response.status_code == 503
    assert "no index in" in body(response)


# --- charts.py ---------------------------------------------------------------------------


SERIES = [
    {"key": 2019, "reports": 2, "sum": 3, "median": 1},
    {"key": 2020, "reports": 1, "sum": 12, "median": 12},
]


def test_year_bars_exact_fragments():
    svg = charts.year_bars(SERIES, "申请.新收", "件", absent=1)
    assert svg.startswith(
        '<svg xmlns="http://www.w3.org/2000/svg" class="chart" role="img" viewBox="0 0 640 278"'
    )
    assert "<title>申请.新收：各年度合计与中位数（件）</title>" in svg
    assert (
        '<rect x="440" y="44" width="56" height="170" fill="#3d6fa6"><title>2020年：合计 12，中位数 12，1 份报告</title></rect>'
        in svg
    )
    assert '<text x="172" y="163.5" text-anchor="middle" font-size="12" fill="#2b2b2b">3</text>' in svg
    assert '<text x="172" y="248" text-anchor="middle" font-size="11" fill="#d9822b">中位数 1</text>' in svg
    assert '<polyline points="172,199.8 468,44" fill="none" stroke="#d9822b" stroke-width="2"/>' in svg
    assert '<circle cx="172" cy="199.8" r="4" fill="#d9822b"/>' in svg
    assert ">另有 1 份报告未载明此项，未计入</text>" in svg
    assert svg.endswith("</svg>") and "style=" not in svg


def test_province_bars_exact_fragments_and_escaping():
    svg = charts.province_bars([{"key": "<b>省", "reports": 2, "sum": 3, "median": 1}], "k<", "件")
    assert "<title>k&lt;：各省份合计（件）</title>" in svg
    assert '<text x="124" y="27" text-anchor="end" font-size="12" fill="#2b2b2b">&lt;b&gt;省</text>' in svg
    assert '<rect x="132" y="15" width="436" height="16" fill="#3d6fa6">' in svg
    assert "<b>" not in svg and "未载明" not in svg


def test_empty_series_says_so():
    svg = charts.year_bars([], "申请.新收", "件", absent=2)
    assert ">没有报告载明此项</text>" in svg
    assert ">另有 2 份报告未载明此项，未计入</text>" in svg


def test_negative_values_draw_below_the_axis():
    svg = charts.year_bars([{"key": 2020, "reports": 1, "sum": -4, "median": -4}], "行政许可.本年增减", "件")
    assert '<line x1="24" y1="44" x2="616" y2="44" stroke="#b5b5b5"/>' in svg
    assert '<rect x="292" y="44" width="56" height="170"' in svg


def test_number_format():
    assert charts.number(12.0) == "12"
    assert charts.number(58.9484) == "58.9484"
