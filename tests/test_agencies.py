"""Agency histories: one body's reports across years and name variants, its main facets, its
checks, and two of its reports compared; the library, the page, the API and the browser."""

import re
from html import unescape

import pytest
import schemathesis
from playwright.sync_api import sync_playwright
from schemathesis.checks import (
    content_type_conformance,
    not_a_server_error,
    response_schema_conformance,
    status_code_conformance,
)

from indexer.agencies import AgencyNotFound, NotThisAgency, agency_history, check_pair, compare
from indexer.ingest import ingest
from indexer.store import open_existing
from search_web import create_app

from browser_harness import CHROMIUM_ARGS, Console, LiveServer, chromium_path, english_words, screenshot

KEY = "城步苗族自治县商务局"


def _report(title: str, year: int, new: int, carried: int, left: int, active: int, place: str = "城步苗族自治县",
            extra: str = "") -> str:  # fmt: skip
    return f"""{title}

一、总体情况
{year}年，{place}商务局认真贯彻落实《条例》，扎实推进政务公开工作。{extra}
二、主动公开政府信息情况
本年主动公开政府信息{active}条。
三、收到和处理政府信息公开申请情况
本年新收政府信息公开申请{new}件，上年结转政府信息公开申请{carried}件，结转下年度继续办理{left}件。
四、政府信息公开行政复议、行政诉讼情况
未发生行政复议、行政诉讼。
五、存在的主要问题及改进情况
人员力量不足，下一步加强培训。
六、其他需要报告的事项
无。
"""


# One body under three printings (full; 城步县, the short county name, throughout; 县商务局 in a title whose
# text spells the name out, which is then the body's name), and a neighbour county's office of the
# same name that must stay apart.
REPORTS = {
    "r2019.txt": _report("城步苗族自治县商务局2019年政府信息公开工作年度报告", 2019, 8, 0, 1, 20),
    "r2020.txt": _report("城步县商务局2020年政府信息公开工作年度报告", 2020, 10, 1, 3, 25, place="城步县",
                         extra="全年召开新闻发布会两次。"),
    "r2021.txt": _report("县商务局2021年政府信息公开工作年度报告", 2021, 13, 2, 0, 25),
    "longhui.txt": _report("隆回县商务局2021年政府信息公开工作年度报告", 2021, 5, 0, 0, 7, place="隆回县"),
}  # fmt: skip


@pytest.fixture(scope="module")
def ix(tmp_path_factory):
    folder = tmp_path_factory.mktemp("agencies")
    reports = folder / "reports"
    reports.mkdir()
    for name, text in REPORTS.items():
        (reports / name).write_text(text, encoding="utf-8")
    summary = ingest([reports], folder / "index", workers=1)
    assert len(summary.added) == 4 and not summary.failed
    return open_existing(folder / "index")


@pytest.fixture(scope="module")
def ids(ix):
    return {r["year"]: r["id"] for r in agency_history(ix, KEY)["reports"]}


@pytest.fixture(scope="module")
def app(ix):
    return create_app({"INDEX_DIR": ix.storage.folder, "TESTING": True})


@pytest.fixture(scope="module")
def client(app):
    return app.test_client()


# --- the library ---------------------------------------------------------------------------------


def test_the_history_links_the_names_of_one_body(ix):
    history = agency_history(ix, KEY)
    assert history["key"] == KEY
    assert history["name"] == "城步苗族自治县商务局"
    assert history["names"] == ["城步县商务局", "城步苗族自治县商务局"]
    assert [(r["year"], r["agency"], r["template"]) for r in history["reports"]] == [
        (2019, "城步苗族自治县商务局", "2019"),
        (2020, "城步县商务局", "2019"),
        (2021, "城步苗族自治县商务局", "2021"),  # the title's 县商务局 as its text names it
    ]
    assert [r["title"] for r in history["reports"]] == [
        "城步苗族自治县商务局2019年政府信息公开工作年度报告",
        "城步县商务局2020年政府信息公开工作年度报告",
        "县商务局2021年政府信息公开工作年度报告",
    ]
    assert agency_history(ix, "隆回县商务局")["names"] == ["隆回县商务局"]


def test_the_main_facets_by_report(ix):
    rows = {row["key"]: row for row in agency_history(ix, KEY)["facets"]}
    assert list(rows) == [
        "主动公开.条数", "申请.新收", "申请.办理总计", "申请.予以公开", "复议.总计", "诉讼.总计",
        "行政处罚.处理决定数", "行政许可.处理决定数", "行政事业性收费.金额_万元",
    ]  # fmt: skip
    assert rows["申请.新收"] == {
        "key": "申请.新收",
        "label": "依申请 新收",
        "unit": "件",
        "values": [8, 10, 13],
    }
    assert rows["主动公开.条数"]["values"] == [20, 25, 25]
    # "未发生行政复议、行政诉讼。" under the section's heading: none, every year
    assert rows["复议.总计"]["values"] == [0, 0, 0]


def test_the_failed_checks_per_report(ix):
    reports = agency_history(ix, KEY)["reports"]
    # The carry-over check pairs 2021 with 2020 although the two name the body differently.
    assert [r["findings_failed"] for r in reports] == [
        [],
        [],
        [{"rule": "跨年结转", "detail": "上年结转 2 ≠ 2020 年结转下年 3"}],
    ]
    assert [r["findings"] for r in reports] == [1, 2, 2]


def test_an_unknown_key_is_not_found(ix):
    with pytest.raises(AgencyNotFound) as err:
        agency_history(ix, "不存在的机关")
    assert (err.value.status, err.value.code, err.value.message_zh) == (
        404, "agency_not_found", "没有机关键为“不存在的机关”的报告"
    )  # fmt: skip


def test_compare_two_years(ix, ids):
    answer = compare(ix, ids[2020], ids[2021])
    assert (answer["a"]["year"], answer["b"]["year"]) == (2020, 2021)
    assert [(f["key"], f["a"], f["b"], f["difference"]) for f in answer["facets"]] == [
        ("主动公开.条数", 25, 25, 0),
        ("申请.新收", 10, 13, 3),
        ("申请.上年结转", 1, 2, 1),
        ("申请.结转下年", 3, 0, -3),
        ("复议.总计", 0, 0, 0),
        ("诉讼.总计", 0, 0, 0),
    ]
    overview = answer["sections"][0]
    assert overview["name"] == "总体情况"
    a, b = overview["a"]["text"], overview["b"]["text"]
    # The year and the county's printing differ but the rest of the sentence is the same; only
    # 2020's extra sentence is its own.
    assert [a[s:e] for s, e in overview["a"]["shared"]] == ["县商务局认真贯彻落实《条例》，扎实推进政务公开工作"]
    assert [b[s:e] for s, e in overview["b"]["shared"]] == ["县商务局认真贯彻落实《条例》，扎实推进政务公开工作"]
    assert a.endswith("全年召开新闻发布会两次。")
    # A short section the same in both (below shared_spans' 8 characters) is shared whole.
    assert answer["sections"][5]["a"] == {"text": "无。", "shared": [[0, 2]]}
    assert [s["name"] for s in answer["sections"]] == [
        "总体情况",
        "主动公开",
        "依申请公开",
        "复议诉讼",
        "问题改进",
        "其他事项",
    ]


# --- the page and the API ------------------------------------------------------------------------


def test_the_report_page_links_to_the_agency_page(client, ids):
    text = client.get(f"/reports/{ids[2021]}").get_data(as_text=True)
    link = (
        "/agencies/%E5%9F%8E%E6%AD%A5%E8%8B%97%E6%97%8F%E8%87%AA%E6%B2%BB%E5%8E%BF%E5%95%86%E5%8A%A1%E5%B1%80"
    )
    assert f'<dd><a class="agency-link" href="{link}" title="查看该机关的历年报告">城步苗族自治县商务局</a></dd>' in text
    assert f'<p><a class="agency-history" href="{link}">查看该机关的历年指标、核对与两年对比</a></p>' in text
    years = re.search(r'<ul class="years">(.*?)</ul>', text, re.S).group(1)
    assert re.findall(r"/reports/(\w+)\">(\d+) 年", years) == [(ids[2019], "2019"), (ids[2020], "2020")]  # other names


def _cells(html: str, table_class: str) -> list[list[str]]:
    table = re.search(rf'<table class="[^"]*{table_class}[^"]*">(.*?)</table>', html, re.S).group(1)
    rows = re.findall(r"<tr[^>]*>(.*?)</tr>", table, re.S)
    return [[unescape(re.sub(r"<[^>]+>", "", c)).strip() for c in re.findall(r"<t[dh][^>]*>(.*?)</t[dh]>", r, re.S)]
            for r in rows]  # fmt: skip


def test_the_agency_page(client, ids):
    response = client.get(f"/agencies/{KEY}")
    assert response.status_code == 200
    text = response.get_data(as_text=True)
    assert '<h1>城步苗族自治县商务局 <small class="muted">历年报告</small></h1>' in text
    assert '<dd class="agency-names">城步县商务局、城步苗族自治县商务局</dd>' in text
    assert _cells(text, "history-table")[:3] == [
        ["指标", "名称", "2019 年", "2020 年", "2021 年"],
        ["主动公开.条数", "主动公开 条数（条）", "20", "25", "25"],
        ["申请.新收", "依申请 新收（件）", "8", "10", "13"],
    ]
    assert _cells(text, "history-checks")[3] == [
        "2021 年",
        "无法核对",
        "跨年结转 上年结转 2 ≠ 2020 年结转下年 3",
    ]
    # The chart: 新收 by default, one bar per year with its value.
    assert "<title>申请.新收：各年度数值（件）</title>" in text
    assert re.findall(r"<title>(\d{4}年：[^<]+)</title>", text) == [
        "2019年：8 件",
        "2020年：10 件",
        "2021年：13 件",
    ]
    # The comparison defaults to the two latest years.
    assert _cells(text, "compare-facets") == [
        ["指标", "名称", "2020 年", "2021 年", "差值"],
        ["主动公开.条数", "主动公开 条数（条）", "25", "25", "0"],
        ["申请.新收", "依申请 新收（件）", "10", "13", "+3"],
        ["申请.上年结转", "依申请 上年结转（件）", "1", "2", "+1"],
        ["申请.结转下年", "依申请 结转下年（件）", "3", "0", "-3"],
        ["复议.总计", "复议 总计（件）", "0", "0", "0"],
        ["诉讼.总计", "诉讼 总计（件）", "0", "0", "0"],
    ]
    assert "扎实推进政务公开工作。<mark>全年召开新闻发布会两次。</mark>" in text
    assert '<div class="section-text">无。</div>' in text and "<mark>无。</mark>" not in text
    assert _cells(text, "history-table")[9] == [
        "行政事业性收费.金额_万元",
        "行政事业性收费 本年收费金额（单位：万元）",
        "—",
        "—",
        "—",
    ]
    assert f'<option value="{ids[2020]}" selected>2020 年 · 城步县商务局</option>' in text


def test_the_comparison_of_chosen_years_and_another_chart(client, ids):
    text = client.get(
        f"/agencies/{KEY}", query_string={"a": ids[2019], "b": ids[2021], "chart": "主动公开.条数"}
    )
    text = text.get_data(as_text=True)
    assert _cells(text, "compare-facets")[0] == ["指标", "名称", "2019 年", "2021 年", "差值"]
    assert _cells(text, "compare-facets")[2] == ["申请.新收", "依申请 新收（件）", "8", "13", "+5"]
    assert "<title>主动公开.条数：各年度数值（条）</title>" in text
    assert '<input type="hidden" name="chart" value="主动公开.条数">' in text


def test_an_unknown_agency_is_a_404_page_and_json(client):
    page = client.get("/agencies/不存在的机关")
    assert page.status_code == 404 and "没有机关键为“不存在的机关”的报告" in page.get_data(as_text=True)
    answer = client.get("/api/agencies/不存在的机关")
    assert answer.status_code == 404
    assert answer.get_json()["error"]["code"] == "agency_not_found"


def test_a_report_of_another_agency_cannot_be_compared(client, ix, ids):
    other = agency_history(ix, "隆回县商务局")["reports"][0]["id"]
    answer = client.get(f"/api/agencies/{KEY}", query_string={"a": ids[2019], "b": other})
    assert answer.status_code == 400
    assert answer.get_json()["error"]["message_zh"] == f"编号为“{other}”的报告不属于机关“{KEY}”"
    page = client.get(f"/agencies/{KEY}", query_string={"a": ids[2019]})
    assert page.status_code == 400 and "对比需要选择两份报告（a 和 b）" in page.get_data(as_text=True)
    with pytest.raises(NotThisAgency):
        check_pair(agency_history(ix, KEY), ids[2019], other)


def test_the_api(client, ids):
    answer = client.get(f"/api/agencies/{KEY}").get_json()
    assert answer["comparison"] is None
    assert [r["id"] for r in answer["reports"]] == [ids[2019], ids[2020], ids[2021]]
    assert answer["facets"][1]["values"] == [8, 10, 13]
    compared = client.get(f"/api/agencies/{KEY}", query_string={"a": ids[2019], "b": ids[2020]}).get_json()
    assert compared["comparison"]["facets"][1] == {
        "key": "申请.新收", "label": "依申请 新收", "unit": "件", "a": 8, "b": 10, "difference": 2
    }  # fmt: skip
    paths = client.get("/api/openapi.json").get_json()["paths"]
    assert paths["/api/agencies/{key}"]["get"]["operationId"] == "getAgency"


@pytest.mark.parametrize(
    "query", [{}, {"a": "2019", "b": "2021"}, {"a": "2019"}, {"a": "2019", "b": "nothing"}]
)
def test_the_answers_conform_to_the_description(app, ids, query):
    schema = schemathesis.openapi.from_wsgi("/api/openapi.json", app)
    query = {side: ids.get(int(v), v) if v.isdigit() else v for side, v in query.items()}
    case = schema["/api/agencies/{key}"]["GET"].Case(path_parameters={"key": KEY}, query=query)
    checks = [
        not_a_server_error,
        response_schema_conformance,
        status_code_conformance,
        content_type_conformance,
    ]
    case.call_and_validate(checks=checks)


# --- in the browser ------------------------------------------------------------------------------


def test_the_agency_page_in_a_browser(app, ids):
    with LiveServer(app) as server, sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=chromium_path(), args=CHROMIUM_ARGS)
        page = browser.new_page(viewport={"width": 1280, "height": 900}, locale="zh-CN")
        console = Console()
        console.attach(page)
        page.goto(f"{server.url}/reports/{ids[2021]}")
        page.locator("a.agency-link").click()
        page.wait_for_url(re.compile(r"/agencies/"))
        assert page.locator("h1").inner_text() == "城步苗族自治县商务局 历年报告"
        assert page.locator("#chart svg rect").count() == 3
        assert screenshot(page, "agency-history").stat().st_size > 10_000
        page.select_option("#compare-a", ids[2019])
        page.locator("form.compare-form button").click()
        page.wait_for_url(re.compile(r"[?&]a="))
        headers = page.locator("table.compare-facets thead th").all_inner_texts()
        assert headers == ["指标", "名称", "2019 年", "2021 年", "差值"]
        page.locator("#compare").scroll_into_view_if_needed()
        assert screenshot(page, "agency-compare").stat().st_size > 10_000
        assert english_words(page) == set()
        browser.close()
        assert console.errors == []
