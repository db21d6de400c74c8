"""The HTML pages, the exports and the SVG charts, over the five seed reports."""

from __future__ import annotations

import csv
import io
import json
import re
from dataclasses import replace
from pathlib import Path
from urllib.parse import quote_plus, unquote_plus

import pytest

from indexer.ingest import ingest
from indexer.messages_zh import to_chinese
from indexer.querylang import And, parse
from indexer.registry import facets
from indexer.search import browse, get_report
from search_web import charts, create_app
from search_web.pages import refine
from search_web.state import without

DATA = Path(__file__).parent / "data"
SEEDS = DATA / "seeds"

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
    assert href(PENALTIES + " in 2020") not in text  # the query has "in 2020": never appended again
    assert (
        '<li class="active"><span class="chosen">2020 年<small class="muted">（已选）</small></span>'
        f'<a class="remove" href="{href("行政处罚 > 10")}" title="移除这个条件" aria-label="移除条件：2020 年">×</a>'
        '<span class="count">1</span></li>'
    ) in text
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
    assert (
        '<p class="error-message">第 1 个字符处：未知指标“行政处法”；您是否想找：行政处罚、行政诉讼、行政许可？</p>'
        in text
    )
    assert "unknown facet" not in text
    assert '<mark class="error-at">行政处法</mark> &gt; 10' in text
    assert f'<a class="chip" href="{href("行政处罚 > 10")}">行政处罚</a>' in text
    assert 'value="行政处法 &gt; 10"' in text


def test_unbalanced_scope_shows_position(client):
    response = client.get("/", query_string={"q": "问题:("})
    text = body(response)
    assert response.status_code == 200
    assert '<p class="error-message">第 4 个字符处：“问题:”后面缺少要找的词语</p>' in text
    assert "at character" not in text
    assert "← 第 4 个字符" in text
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
    assert '<td class="num absent" title="报告中未载明 · 申请.新收">—</td>' in text
    assert '<td class="num" title="申请.新收">' not in text
    assert '<td class="num" title="行政处罚.处理决定数">0</td>' in text
    assert '<td class="num" title="申请.办理总计">0</td>' in text
    assert "<caption>收到和处理政府信息公开申请情况</caption>" in text
    assert "（三）不予公开" in text and "（七）总计" in text
    assert "<caption>政府信息公开行政复议、行政诉讼情况</caption>" in text
    assert '<p class="absent-section">报告中未找到这一部分。</p>' in text
    assert '<ul class="years">' not in text
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
    import search_web.reports as pages

    failed = {"rule": "新收+上年结转=办理总计+结转下年", "ok": False, "detail": "12+0 = 10+0"}
    record = synthetic("free", {"申请.新收": 12}, [failed])
    monkeypatch.setattr(pages, "get_report", lambda ix, report_id: record)
    monkeypatch.setattr(
        pages, "agency_reports", lambda ix, agency, key=None: [{"id": "0123abcd", "year": 2018, "title": "t"}]
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
    assert "<li>未找到这些章节：主动公开</li>" in text
    assert text.count('<p class="absent-section">') == 5


def test_unknown_report_is_404_page(client):
    response = client.get("/reports/nope")
    text = body(response)
    assert response.status_code == 404
    assert "<h1>没有找到</h1>" in text
    assert '<p class="error-message">没有编号为“nope”的报告</p>' in text
    assert (
        '<p class="hint">提示：报告可能已从索引中删除（重新运行 nianbao ingest --prune 后），或链接不完整</p>'
        in text
    )


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


def test_export_bad_query_is_400_in_chinese(client):
    response = client.get("/export.csv", query_string={"q": "行政处法 > 10"})
    assert response.status_code == 400
    assert response.mimetype == "text/html"
    text = body(response)
    assert (
        '<p class="error-message">第 1 个字符处：未知指标“行政处法”；您是否想找：行政处罚、行政诉讼、行政许可？</p>'
        in text
    )
    assert "<p>位置：第 1 个字符</p>" in text
    assert "unknown facet" not in text
    empty = client.get("/export.jsonl")
    assert empty.status_code == 400 and "第 1 个字符处：查询为空" in body(empty)


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
    text = body(response)
    assert response.status_code == 503
    assert response.headers["Retry-After"] == "10"
    assert "<h1>索引暂不可用</h1>" in text
    assert f'<p class="error-message">索引文件夹 {tmp_path / "none"} 中还没有索引</p>' in text
    assert "提示：请先运行 nianbao ingest 报告所在文件夹，或用 --index / NIANBAO_INDEX 指向已有的索引" in text
    assert "no index in" not in text
    api = client.get("/api/search", query_string={"q": "培训"})
    assert api.status_code == 503
    assert api.get_json()["error"] == {
        "code": "index_missing",
        "message": f"no index in {tmp_path / 'none'}",
        "message_zh": f"索引文件夹 {tmp_path / 'none'} 中还没有索引",
        "position": None,
        "suggestions": [],
        "hint": "run `nianbao ingest PATH...` first, or point --index / NIANBAO_INDEX at an index",
        "hint_zh": "请先运行 nianbao ingest 报告所在文件夹，或用 --index / NIANBAO_INDEX 指向已有的索引",
    }


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


# --- the chart shows the facet the query names ------------------------------------------------------


def test_chart_shows_the_facet_the_query_names(client):
    text = body(client.get("/", query_string={"q": PENALTIES}))
    assert "<title>行政处罚.处理决定数：各年度合计与中位数（件）</title>" in text
    assert "<title>行政处罚.处理决定数：各省份合计（件）</title>" in text
    assert '<span class="chart-facet">行政处罚.处理决定数</span>' in text
    assert "（件），查询中的指标</small>" in text
    assert "申请.新收：" not in text
    assert (
        text.count('<option value="行政处罚.处理决定数" selected>') == 2
    )  # the chart's select and the builder's
    assert '<option value="-行政处罚.处理决定数">行政处罚.处理决定数：大 → 小</option>' in text


def test_chart_of_a_money_condition_with_rounded_labels(client):
    text = body(client.get("/", query_string={"q": "采购金额 > 50万 地区:重庆"}))
    assert "<title>政府集中采购.总金额_万元：各年度合计与中位数（万元）</title>" in text
    assert "<title>2019年：合计 58.9484，中位数 58.9484，1 份报告</title>" in text
    assert "<title>重庆市：合计 162.8484，2 份报告</title>" in text


def test_an_explicit_chart_wins_and_survives_refining_but_not_a_new_query(client):
    chart = "&amp;chart=" + quote_plus("申请.新收")
    text = body(client.get("/", query_string={"q": PENALTIES, "chart": "申请.新收"}))
    assert "<title>申请.新收：各年度合计与中位数（件）</title>" in text
    assert "行政处罚.处理决定数：各年度" not in text
    assert f'<a href="{href(PENALTIES + " 模板:2019")}{chart}">2019 版模板</a>' in text
    search_form = re.search(r'<form class="search-form".*?</form>', text, re.S).group(0)
    assert 'name="chart"' not in search_form  # a new query charts the facet it names
    toolbar = re.search(r'<form class="toolbar".*?</form>', text, re.S).group(0)
    assert '<input type="hidden" name="chart" value="申请.新收">' in toolbar


def test_chart_parameter_takes_an_alias_and_ignores_unknown_names(client):
    alias = body(client.get("/", query_string={"q": "in 2020", "chart": "采购金额"}))
    assert "<title>政府集中采购.总金额_万元：各年度合计与中位数（万元）</title>" in alias
    unknown = body(client.get("/", query_string={"q": PENALTIES, "chart": "nonsense"}))
    assert "<title>行政处罚.处理决定数：各年度合计与中位数（件）</title>" in unknown


# --- numbers rounded for people ----------------------------------------------------------------------

MONEY = "政府集中采购.总金额_万元"
FEES = "行政事业性收费.金额_万元"


def test_search_page_rounds_money_and_counts(client, monkeypatch):
    import search_web.pages as pages

    real = pages.run_search

    def noisy(*args, **kwargs):
        outcome = real(*args, **kwargs)
        for hit in outcome.answer["results"]:
            hit["facets"].update({MONEY: 103.90000001, "行政处罚.处理决定数": 12.0})
        by_year = [{"key": 2020, "reports": 3, "sum": 12.345678, "median": 0.00004}]
        chart = {**outcome.chart, "by_year": by_year, "by_province": []}
        return replace(outcome, named=[MONEY, "行政处罚.处理决定数"], chart=chart)

    monkeypatch.setattr(pages, "run_search", noisy)
    text = body(client.get("/", query_string={"q": "采购金额 > 50 行政处罚 >= 0"}))
    assert f'<span class="value" title="{MONEY}">103.9 <small>万元</small></span>' in text
    assert '<span class="value" title="行政处罚.处理决定数">12 <small>件</small></span>' in text
    assert "<title>2020年：合计 12.3457，中位数 0，3 份报告</title>" in text
    assert ">12.3457</text>" in text and ">中位数 0</text>" in text
    assert "103.90000001" not in text and "12.345678" not in text


def test_report_page_rounds_money_to_four_decimals(client, monkeypatch):
    import search_web.reports as reports

    values = {MONEY: 103.90000001, "行政处罚.处理决定数": 12.0, "申请.新收": 3}
    monkeypatch.setattr(reports, "get_report", lambda ix, report_id: synthetic("2019", values, []))
    monkeypatch.setattr(reports, "agency_reports", lambda ix, agency, key=None: [])
    text = body(client.get("/reports/feedfacefeedface"))
    assert f'<td class="num" title="{MONEY}">103.9</td>' in text
    assert '<td class="num" title="行政处罚.处理决定数">12</td>' in text
    assert '<td class="num" title="申请.新收">3</td>' in text


def test_free_report_facet_table_rounds_too(client, monkeypatch):
    import search_web.reports as reports

    values = {MONEY: 58.94844444, FEES: 0.123456}
    monkeypatch.setattr(reports, "get_report", lambda ix, report_id: synthetic("free", values, []))
    monkeypatch.setattr(reports, "agency_reports", lambda ix, agency, key=None: [])
    text = body(client.get("/reports/feedfacefeedface"))
    assert '<td class="num">58.9484 <small>万元</small></td>' in text
    assert '<td class="num">0.1235 <small>万元</small></td>' in text


# --- sidebar refinements never repeat a condition ----------------------------------------------------


def sidebar_of(text: str) -> str:
    return re.search(r'<aside class="sidebar".*?</aside>', text, re.S).group(0)


def test_region_in_the_query_covers_its_province(client):
    q = "采购金额 > 50万 地区:重庆"
    side = sidebar_of(body(client.get("/", query_string={"q": q})))
    assert "地区:重庆市" not in unquote_plus(side)
    assert (
        '<li class="active"><span class="chosen">重庆市<small class="muted">（已选）</small></span>'
        f'<a class="remove" href="{href("采购金额 > 50万")}" title="移除这个条件" aria-label="移除条件：重庆市">×</a>'
        '<span class="count">2</span></li>'
    ) in side
    assert f'<a href="{href(q + " in 2020")}">2020 年</a><span class="count">1</span>' in side


def test_a_year_written_otherwise_is_the_same_condition(client):
    side = sidebar_of(body(client.get("/", query_string={"q": "2020年 行政处罚 > 10"})))
    assert f'<a class="remove" href="{href("行政处罚 > 10")}"' in side
    assert "in 2020" not in unquote_plus(side)


def test_a_year_inside_the_query_range_replaces_the_range(client):
    side = sidebar_of(body(client.get("/", query_string={"q": "公开 in 2019-2021"})))
    assert f'<a href="{href("公开 in 2020")}">2020 年</a><span class="count">3</span>' in side
    assert f'<a href="{href("公开 in 2019")}">2019 年</a><span class="count">2</span>' in side


def test_removing_the_only_condition_leads_to_all_reports(client):
    side = sidebar_of(body(client.get("/", query_string={"q": "模板:2019"})))
    assert (
        '<a class="remove" href="/browse" title="移除这个条件" aria-label="移除条件：2019 版模板">×</a>'
        in side
    )
    assert f'<a href="{href("模板:2019 in 2020")}">2020 年</a>' in side


def test_checks_entry_is_active_when_the_query_asks_for_it(client):
    side = sidebar_of(body(client.get("/", query_string={"q": "勾稽:相符 in 2019"})))
    assert (
        '<li class="active"><span class="chosen">全部相符<small class="muted">（已选）</small></span>'
        f'<a class="remove" href="{href("in 2019")}"'
    ) in side


@pytest.mark.parametrize(
    ("q", "condition", "rest"),
    [
        ("行政处罚 > 10 in 2020", "in 2020", "行政处罚 > 10"),
        ("in 2020 行政处罚 > 10", "in 2020", "行政处罚 > 10"),
        ("培训 AND in 2020", "in 2020", "培训"),
        ("in 2020 AND 培训", "in 2020", "培训"),
        ("培训 且 2020年 且 宣传", "in 2020", "培训 且 宣传"),
        ("(培训 OR 宣传) in 2020", "in 2020", "(培训 OR 宣传)"),
        ("in 2020", "in 2020", ""),
        ("培训 地区:重庆 问题:人手", "地区:重庆", "培训 问题:人手"),
    ],
)
def test_without_takes_one_condition_out_as_typed(q, condition, rest):
    node, wanted = parse(q), parse(condition)
    item = next(i for i in (node.items if isinstance(node, And) else (node,)) if i == wanted)
    assert without(q, node, item) == rest


def test_without_falls_back_to_the_normal_form():
    q = "(in 2020) 培训 宣传"
    node = parse(q)
    assert without(q, node, node.items[0]) == "培训 AND 宣传"


# --- every message a person reads is Chinese ---------------------------------------------------------


def test_unknown_path_is_a_chinese_404(client):
    text = body(client.get("/no/such/page"))
    assert "<h1>没有找到</h1>" in text
    assert '<p class="error-message">这个地址没有页面：/no/such/page</p>' in text
    assert '<a href="/browse">浏览全部报告</a>' in text
    assert "nothing at" not in text


def test_wrong_method_is_a_chinese_405(client):
    response = client.post("/", data={"q": "培训"})
    text = body(response)
    assert response.status_code == 405
    assert set(response.headers["Allow"].split(", ")) == {"GET", "HEAD", "OPTIONS"}
    assert "<h1>不支持这种请求方式</h1>" in text
    assert '<p class="error-message">这个地址不接受 POST 请求</p>' in text


def test_a_crash_is_a_chinese_500_without_details(seed_index, monkeypatch):
    import search_web.reports as reports

    def broken(ix, report_id):
        raise RuntimeError("secret detail")

    monkeypatch.setattr(reports, "get_report", broken)
    crashing = create_app({"INDEX_DIR": seed_index.storage.folder}).test_client()
    response = crashing.get("/reports/feedfacefeedface")
    text = response.get_data(as_text=True)
    assert response.status_code == 500
    assert "<h1>服务器出了点问题</h1>" in text
    assert '<p class="error-message">服务器内部出错了，这不是您的操作造成的；请稍后再试</p>' in text
    assert "secret detail" not in text and "Traceback" not in text


def test_an_index_being_rebuilt_is_a_chinese_503(client, monkeypatch):
    from whoosh.index import EmptyIndexError

    import search_web.reports as reports

    def rebuilding(ix, report_id):
        raise EmptyIndexError("no segments")

    monkeypatch.setattr(reports, "get_report", rebuilding)
    response = client.get("/reports/feedfacefeedface")
    text = body(response)
    assert response.status_code == 503
    assert response.headers["Retry-After"] == "10"
    assert "<h1>索引暂不可用</h1>" in text
    assert '<p class="error-message">索引暂时无法读取，可能正在重建</p>' in text
    assert '<p class="hint">提示：请稍后再试；如果一直如此，请重新运行 nianbao ingest</p>' in text


@pytest.mark.parametrize(
    ("args", "message"),
    [
        ({"q": "in 2020", "page": "x"}, "参数 page 应为整数，而不是“x”"),
        ({"q": "in 2020", "per_page": "1000"}, "每页条数 per_page 应在 1 到 100 之间"),
        ({"q": "in 2020", "page": "0"}, "页码 page 应为 1 或更大的整数"),
        (
            {"q": "in 2020", "sort": "bogus"},
            "未知的排序方式“bogus”：可用 relevance（相关度）、year、-year 或指标名称",
        ),
    ],
)
def test_parameter_errors_are_chinese(client, args, message):
    text = body(client.get("/", query_string=args))
    assert f'<p class="error-message">{message}</p>' in text


def test_no_english_message_in_the_templates():
    """What the templates themselves say to a person is Chinese (names of the syntax aside)."""
    allowed = {"AND", "OR", "NOT", "in", "free", "nianbao", "CSV", "JSON", "Lines", "ingest", "index",
               "NIANBAO_INDEX", "year"}  # fmt: skip
    folder = Path(create_app.__code__.co_filename).parent / "templates"
    for template in folder.glob("*.html"):
        text = re.sub(r"\{[{%#].*?[%}#]\}", " ", template.read_text(encoding="utf-8"), flags=re.S)
        text = re.sub(r'="[^"]*"', " ", text)  # attribute values: translated ones are checked in pages
        text = re.sub(r"<code>.*?</code>|<[^>]*>", " ", text, flags=re.S)
        words = set(re.findall(r"[A-Za-z][A-Za-z_']+", text)) - allowed
        assert not words, (template.name, words)


# --- /search, the browse view, the original file -------------------------------------------------------


@pytest.mark.parametrize("path", ["/search", "/search/"])
def test_search_path_leads_to_the_search_page(client, path):
    response = client.get(path, query_string={"q": PENALTIES, "sort": "-year"})
    assert response.status_code == 302
    assert response.headers["Location"] == "/?q=" + quote_plus(PENALTIES) + "&sort=-year"
    text = body(client.get(response.headers["Location"]))
    assert "找到 <strong>1</strong> 份报告" in text
    assert client.get(path).headers["Location"] == "/"


@pytest.mark.parametrize("q", ["", "   "])
def test_an_empty_query_opens_the_browse_view(client, q):
    response = client.get("/", query_string={"q": q})
    assert (response.status_code, response.headers["Location"]) == (303, "/browse")


def agencies_of(text: str) -> list[str]:
    return re.findall(r'<td class="agency">([^<]*)</td>', text)


def test_browse_lists_every_report_newest_first_with_counts(client, seed_ids):
    text = body(client.get("/browse"))
    assert "索引中共有 <strong>5</strong> 份年度报告" in text
    assert agencies_of(text) == [  # newest first; within a year by agency in pinyin order
        "兴庆区商务和经济技术合作局", "重庆市荣昌区商务委员会", "周村区商务局",
        "城步苗族自治县商务局", "重庆市大渡口区经济和信息化委员会",
    ]  # fmt: skip
    assert f'<a href="/reports/{seed_ids["003"]}">周村区商务局政府信息公开工作年度报告</a>' in text
    assert '<a href="/?q=in+2020">2020 年</a><span class="count">3</span>' in text
    assert (
        '<a href="/?q=%E5%9C%B0%E5%8C%BA:%E9%87%8D%E5%BA%86%E5%B8%82">重庆市</a><span class="count">2</span>'
        in text
    )
    assert '<a href="/?q=%E6%A8%A1%E6%9D%BF:2019">2019 版模板</a><span class="count">5</span>' in text
    assert '<th scope="col" aria-sort="descending"><a href="/browse?sort=year">年度</a></th>' in text
    assert '<th scope="col"><a href="/browse?sort=agency">机关</a></th>' in text


def test_browse_sorts_by_agency_and_province_in_pinyin_order(client):
    by_agency = agencies_of(body(client.get("/browse", query_string={"sort": "agency"})))
    assert by_agency == [
        "城步苗族自治县商务局", "兴庆区商务和经济技术合作局", "重庆市大渡口区经济和信息化委员会",
        "重庆市荣昌区商务委员会", "周村区商务局",
    ]  # fmt: skip
    assert agencies_of(body(client.get("/browse", query_string={"sort": "-agency"}))) == by_agency[::-1]
    by_province = body(client.get("/browse", query_string={"sort": "province"}))
    assert re.findall(r"<td>(\S+省|\S+市|\S+自治区)(?: \S+)*</td>", by_province)[:1] == ["湖南省"]
    assert (
        '<th scope="col" aria-sort="ascending"><a href="/browse?sort=-province">地区</a></th>' in by_province
    )


def test_browse_pages(client):
    text = body(client.get("/browse", query_string={"per_page": "2", "page": "3", "sort": "year"}))
    assert agencies_of(text) == ["周村区商务局"]
    assert '<a rel="prev" href="/browse?page=2&amp;per_page=2&amp;sort=year">‹ 上一页</a>' in text


def test_browse_bad_parameters_are_chinese_400(client):
    response = client.get("/browse", query_string={"sort": "bogus"})
    assert response.status_code == 400
    assert "未知的排序方式“bogus”：可用 -year、year、agency、-agency、province、-province" in body(response)
    assert client.get("/browse", query_string={"page": "x"}).status_code == 400


def test_home_and_empty_results_lead_to_the_browse_view(client):
    assert '<a class="browse-all" href="/browse">浏览全部报告</a>' in body(client.get("/"))
    none = body(client.get("/", query_string={"q": "申请.新收 >= 5 AND NOT 模板:2019"}))
    assert "找到 <strong>0</strong> 份报告" in none
    assert '或<a href="/browse">浏览全部报告</a>。' in none


def test_report_page_links_its_original_file(client, seed_ids):
    text = body(client.get(f"/reports/{seed_ids['000']}"))
    assert (
        f'<a class="download" href="/reports/{seed_ids["000"]}/file" download>下载原文件</a> '
        f'<small class="muted"><code class="file-name">{next(SEEDS.glob("000_*.txt")).name}</code>（txt）</small>'
    ) in text
    assert "原文地址" not in text  # the seeds state no address


def test_original_file_is_the_ingested_file(client, seed_ids):
    seed = next(SEEDS.glob("000_*.txt"))
    response = client.get(f"/reports/{seed_ids['000']}/file")
    assert response.status_code == 200
    assert response.get_data() == seed.read_bytes()
    assert response.mimetype == "text/plain"
    assert response.headers["Content-Disposition"] == f"attachment; filename={seed.name}"
    response.close()


def test_original_files_are_served_as_the_format_their_content_proved(tmp_path):
    folder = tmp_path / "reports"
    folder.mkdir()
    saved = {
        "t20140115_80759.shtml": (DATA / "real" / "02_pingtan_zone_2013.html", "text/html"),
        "附件.wps": (DATA / "doc" / "2020-2019-docx-000012.doc", "application/msword"),
        "renamed.docx": (DATA / "doc" / "2023-2021-docx-000005.doc", "application/msword"),
        "报告.pdf": (Path(__file__).parent.parent / "indexer" / "sample_data" / "generated" / "2021-2021-pdf-000006.pdf",
                   "application/pdf"),
    }
    for name, (source, _) in saved.items():
        (folder / name).write_bytes(source.read_bytes())
    summary = ingest([folder], tmp_path / "index", workers=1)
    assert (len(summary.added), summary.failed) == (4, [])
    client = create_app({"INDEX_DIR": str(tmp_path / "index"), "TESTING": True}).test_client()
    ids = re.findall(r'href="/reports/([0-9a-f]+)"', body(client.get("/browse")))
    served = {}
    for report_id in dict.fromkeys(ids):
        response = client.get(f"/reports/{report_id}/file")
        name = response.headers["Content-Disposition"].split("filename")[-1]
        served[name] = (response.get_data(), response.headers["Content-Type"])
        response.close()
    assert sorted(served.values()) == sorted((s.read_bytes(), kind) for s, kind in saved.values())


def test_every_format_a_record_can_state_is_downloaded_as_its_media_type():
    from indexer.models import FORMATS
    from search_web.reports import CONTENT_TYPES

    assert set(CONTENT_TYPES) == set(FORMATS)


def test_original_file_of_no_report_is_a_chinese_404(client):
    response = client.get("/reports/nope/file")
    assert response.status_code == 404
    assert '<p class="error-message">没有编号为“nope”的报告</p>' in body(response)
    traversal = client.get("/reports/..%2F..%2Fetc%2Fpasswd/file")  # not a report id: no route at all
    assert traversal.status_code == 404 and "这个地址没有页面" in body(traversal)


def test_original_file_gone_or_changed_is_a_chinese_404(tmp_path):
    folder = tmp_path / "reports"
    folder.mkdir()
    report = folder / "report.txt"
    report.write_bytes(next(SEEDS.glob("000_*.txt")).read_bytes())
    ingest([folder], tmp_path / "index", workers=1)
    client = create_app({"INDEX_DIR": str(tmp_path / "index"), "TESTING": True}).test_client()
    report_id = re.search(
        r'href="/reports/([0-9a-f]+)"', body(client.get("/", query_string={"q": PENALTIES}))
    )[1]
    report.write_text("另一份文件", encoding="utf-8")
    changed = client.get(f"/reports/{report_id}/file")
    assert changed.status_code == 404
    assert "这份报告的原文件（report.txt）在建立索引后已被修改，请重新运行 nianbao ingest" in body(changed)
    report.unlink()
    gone = client.get(f"/reports/{report_id}/file")
    assert gone.status_code == 404
    assert "这份报告的原文件已不在原处（report.txt），可能已被移动或删除" in body(gone)
    assert client.get(f"/api/reports/{report_id}").status_code == 200  # the record itself stays


@pytest.mark.parametrize(
    ("url", "shown"),
    [
        ("https://www.pingtan.gov.cn/zwgk/t20180123_80506.htm",
         '<a class="source-url" href="https://www.pingtan.gov.cn/zwgk/t20180123_80506.htm" '
         'rel="noopener noreferrer nofollow external">https://www.pingtan.gov.cn/zwgk/t20180123_80506.htm</a>'),
        ("javascript:alert(1)", '<dt>原文地址</dt><dd class="wrap-anywhere">javascript:alert(1)</dd>'),
    ],
)  # fmt: skip
def test_report_page_shows_the_address_the_file_states(client, monkeypatch, url, shown):
    import search_web.reports as reports

    record = {**synthetic("free", {}, []), "source_url": url}
    monkeypatch.setattr(reports, "get_report", lambda ix, report_id: record)
    monkeypatch.setattr(reports, "agency_reports", lambda ix, agency, key=None: [])
    text = body(client.get("/reports/feedfacefeedface"))
    assert shown in text
    assert 'href="javascript' not in text


def test_warnings_are_shown_in_chinese(client, monkeypatch):
    import search_web.reports as reports

    record = {**synthetic("free", {}, []), "warnings": ["line 87: 申请.上年结转 has 4 values for 7 columns; left out",
                                                        "something new the extractor says"]}  # fmt: skip
    monkeypatch.setattr(reports, "get_report", lambda ix, report_id: record)
    monkeypatch.setattr(reports, "agency_reports", lambda ix, agency, key=None: [])
    text = body(client.get("/reports/feedfacefeedface"))
    assert "<li>第 87 行：申请.上年结转 有 4 个数值，而表格有 7 列；未采用</li>" in text
    assert '<li lang="en">something new the extractor says</li>' in text


@pytest.mark.parametrize(
    ("warning", "chinese"),
    [
        ("no table read: template 2019 taken from the year covered (2020)", "未读到表格：按报告所属年度（2020 年）推定为 2019 版模板"),
        ("no table read: template 2021 taken from the table's header words", "未读到表格：按表头用语推定为 2021 版模板"),
        ("sections not found: 复议诉讼, 问题改进", "未找到这些章节：复议诉讼、问题改进"),
        ("no section headings recognised: the whole text is kept, unsectioned", "未识别出章节标题：全文保留，不分章节"),
        ("agency not found in the title or signature", "标题和落款中未找到机关名称"),
        ("year covered not found in the title or body", "标题和正文中未找到报告所属年度"),
        ("no article text found in the page", "网页中未找到正文"),
        ("page 3 has no text layer (scanned?)", "第 3 页没有文字层（可能是扫描件）"),
        ("table rows not found or without numbers: 行政处罚, 申请.新收", "这些表格行未找到或没有数字：行政处罚、申请.新收"),
        ("主动公开.条数: table says 72804, prose says 4970; left out", "主动公开.条数：表格为 72804，正文为 4970；未采用"),
        ("申请.新收: table says 3, prose says 4; the table's 3 is kept", "申请.新收：表格为 3，正文为 4；采用表格的 3"),
        ("申请.新收: sentences disagree (3 in “共收到申请3件”; 4 in “新收申请4件”); left out",
         "申请.新收：正文几处说法不一（3：“共收到申请3件”；4：“新收申请4件”）；未采用"),
        ("主动公开.条数: 19 is less than a part of it (35); left out", "主动公开.条数：19 小于其中一部分（35）；未采用"),
        ("statistics table headed 2012年度 in a report on 2013: not read", "统计表标明 2012 年度，而报告属于 2013 年：未读取"),
        ("主动公开.条数: statistics table row “主动公开文件数” fuses its numbers as 212210037 (readings: 2+12210037, 21+2210037); left out",
         "主动公开.条数：统计表“主动公开文件数”一行的数字连写为 212210037（可能的读法：2+12210037、21+2210037）；未采用"),
        ("主动公开.条数: statistics table row “主动公开文件数” fuses its numbers as 00 (readings: none); left out",
         "主动公开.条数：统计表“主动公开文件数”一行的数字连写为 00（没有可行的读法）；未采用"),
        ("申请.新收: statistics table row “受理总数” has no number for the year; left out", "申请.新收：统计表“受理总数”一行没有本年度的数字；未采用"),
        ("申请.新收: statistics table says 3 and 4; left out", "申请.新收：统计表中有 3 和 4 两个值；未采用"),
        ("line 27: 其他对外管理服务事项 has a signed value under 上一年项目数量: its cells are shifted; only the last column is kept",
         "第 27 行：其他对外管理服务事项 在“上一年项目数量”列下有带正负号的数值，单元格错位；只采用最后一列"),
        ("table 2 row 5: 复议诉讼 digits '0000' run together and cannot be split unambiguously; left out",
         "第 2 个表格第 5 行：复议诉讼 的数字“0000”连在一起，无法唯一拆分；未采用"),
        ("line 9: 行政处罚 digits '1203' run together; split as 1 2 0 3 (the only split into whole numbers)",
         "第 9 行：行政处罚 的数字“1203”连在一起；拆为 1 2 0 3（唯一可行的整数拆分）"),
        ("line 87: 申请.上年结转 has 4 values for 7 columns and its empty cells cannot be placed; left out",
         "第 87 行：申请.上年结转 有 4 个数值，而表格有 7 列，空单元格的位置无法确定；未采用"),
        ("paragraph 4: 申请.新收 has 5 of 7 cells; only the first is kept", "第 4 段：申请.新收 只有 7 个单元格中的 5 个；只采用第一个"),
        ("line 3: amount 250000 printed without a unit; read as 万元 as the template's header says, check whether it is in 元",
         "第 3 行：金额 250000 未注明单位，按模板表头读作万元；请核对是否实为元"),
        ("line 40: 行政处罚.处理决定数 read as 5 here but 7 at line 12; kept the first",
         "第 40 行：行政处罚.处理决定数 在此读作 5，但在第 12 行读作 7；采用先读到的值"),
    ],
)  # fmt: skip
def test_every_extraction_warning_reads_in_chinese(warning, chinese):
    assert to_chinese(warning) == chinese


def test_seed_warnings_all_have_a_chinese_text(seed_index):
    warnings = [w for hit in browse(seed_index, per_page=100)["results"]
                for w in get_report(seed_index, hit["id"])["warnings"]]  # fmt: skip
    assert len(warnings) == 3
    assert [to_chinese(w) for w in warnings if to_chinese(w) is None] == []
