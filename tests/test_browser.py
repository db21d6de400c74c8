"""The web front end in headless Chromium, against a real server over the seed index.

Each test drives the page as a person would, saves a screenshot under
out/screenshots/, and ends by checking that the browser reported no console
error (a CSP violation, a missing file or a script error all show up there).
``test_the_first_hour`` walks what a newcomer does first: the README's example
queries, a sidebar refinement, a report, its original file and a CSV export.
"""

import csv
import io
from collections import Counter
from pathlib import Path
from urllib.parse import urlparse

import pytest
from playwright.sync_api import expect

from indexer.querylang import And, parse
from search_web import create_app

from browser_harness import LiveServer, english_words, query_of, screenshot

SEEDS = Path(__file__).parent / "data" / "seeds"


@pytest.fixture(scope="module")
def server(seed_index):
    app = create_app({"INDEX_DIR": seed_index.storage.folder})
    with LiveServer(app) as live:
        yield live


def agencies(page) -> list[str]:
    return page.locator("li.hit .agency").all_inner_texts()


def test_type_a_query_and_see_the_right_results(page, server):
    page.goto(server.url + "/")
    page.fill("#q", "行政处罚 > 10 in 2020")
    page.press("#q", "Enter")
    expect(page.locator("p.parsed code")).to_have_text("行政处罚.处理决定数 > 10 AND year = 2020")
    assert agencies(page) == ["重庆市荣昌区商务委员会"]
    expect(page.locator("li.hit dl.hit-values")).to_contain_text("12")
    assert screenshot(page, "search-results").stat().st_size > 10_000


def test_click_a_facet_to_refine(page, server):
    page.goto(server.url + "/?q=模板:2019")
    assert len(agencies(page)) == 5
    page.locator("aside.sidebar a", has_text="2019 年").click()
    page.wait_for_url(lambda url: "2019" in query_of(url).replace("模板:2019", ""))
    assert query_of(page.url) == "模板:2019 in 2019"
    assert sorted(agencies(page)) == sorted(["重庆市大渡口区经济和信息化委员会", "城步苗族自治县商务局"])
    screenshot(page, "facet-refined")


def test_condition_builder(page, server):
    page.goto(server.url + "/?q=in 2020")
    page.select_option("#b_facet", "行政处罚.处理决定数")
    page.select_option("#b_op", ">")
    page.fill("#b_value", "10")
    page.locator("form.builder button[type=submit]").click()
    page.wait_for_url(lambda url: "行政处罚" in query_of(url))
    assert query_of(page.url) == "in 2020 行政处罚.处理决定数 > 10"
    assert agencies(page) == ["重庆市荣昌区商务委员会"]
    screenshot(page, "builder")


def test_open_a_report(page, server):
    page.goto(server.url + "/?q=问题:人手不足")
    expect(page.locator("p.fragment mark")).to_have_text("人手不足")
    page.locator("li.hit h3 a").first.click()
    page.wait_for_url("**/reports/**")
    expect(page.locator("h1")).to_contain_text("重庆市大渡口区经济和信息化委员会")
    expect(page.locator("body")).to_contain_text("收到和处理政府信息公开申请情况")
    expect(page.locator("body")).to_contain_text("58.9484")
    screenshot(page, "report")


def test_permalink_restores_the_search(page, browser, server):
    page.goto(server.url + "/?q=采购金额 >= 0")
    page.goto(server.url + "/?q=采购金额+>%3D+0&sort=-政府集中采购.总金额_万元&per_page=2&page=2")
    first = agencies(page)
    assert sorted(first) == sorted(
        ["城步苗族自治县商务局", "周村区商务局"]
    )  # the two zeros, after 103.9 and 58.9484
    other = browser.new_context().new_page()
    other.goto(page.url)
    assert agencies(other) == first
    assert other.locator("input#q").input_value() == "采购金额 >= 0"
    other.context.close()
    screenshot(page, "permalink")


def test_suggestions_as_you_type(page, server):
    page.goto(server.url + "/")
    page.locator("#q").press_sequentially("行政处")
    suggest = page.locator("#q-suggest")
    expect(suggest).to_be_visible()
    expect(suggest).to_contain_text("行政处罚")
    screenshot(page, "suggestions")


def test_query_error_beside_the_box(page, server):
    page.goto(server.url + "/")
    page.fill("#q", "行政处法 > 10")
    page.press("#q", "Enter")
    error = page.locator("#q-error")
    expect(error).to_be_visible()
    expect(error).to_contain_text("行政处法")
    page.locator("#q-error a.chip", has_text="行政处罚").first.click()
    page.wait_for_url(lambda url: query_of(url) == "行政处罚 > 10")
    assert agencies(page) == ["重庆市荣昌区商务委员会"]
    screenshot(page, "query-error")


def test_hostile_query_is_shown_as_text(page, server):
    page.goto(server.url + "/")
    page.fill("#q", '"<img src=x onerror=alert(1)>"')
    page.press("#q", "Enter")
    expect(page.locator("input#q")).to_have_value('"<img src=x onerror=alert(1)>"')
    assert page.locator("img[src=x]").count() == 0
    screenshot(page, "hostile-query")


# The README's examples: (query, parsed form, agencies found, facet the chart draws or None).
README_EXAMPLES = [
    ("行政处罚 > 10 in 2020", "行政处罚.处理决定数 > 10 AND year = 2020", ["重庆市荣昌区商务委员会"],
     "行政处罚.处理决定数"),
    ("问题:人手不足", "问题改进:人手不足", ["重庆市大渡口区经济和信息化委员会"], "申请.新收"),
    ("采购金额 > 50万 地区:重庆", "政府集中采购.总金额_万元 > 50 AND region:重庆",
     ["重庆市荣昌区商务委员会", "重庆市大渡口区经济和信息化委员会"], "政府集中采购.总金额_万元"),
    ("申请.新收 >= 5 AND NOT 模板:2019", "申请.新收 >= 5 AND NOT template:2019", [], None),
]  # fmt: skip


def repeated_conditions(q: str) -> list[str]:
    """Conditions that stand twice among the query's top-level conditions (compared parsed)."""
    node = parse(q)
    items = node.items if isinstance(node, And) else (node,)
    return [item.normal() for item, n in Counter(items).items() if n > 1]


def sidebar_queries(page) -> list[str]:
    return [
        query_of(href) for href in page.locator("aside.sidebar a").evaluate_all("els => els.map(e => e.href)")
    ]


def assert_chinese(page) -> None:
    assert english_words(page) == set(), page.url


def run_query(page, text: str) -> None:
    page.fill("#q", text)
    page.press("#q", "Enter")
    page.wait_for_url(lambda url: query_of(url) == text)


def test_the_first_hour(page, server):
    page.goto(server.url + "/")
    expect(page.locator("p.lead")).to_contain_text("索引中共有 5 份年度报告")
    assert_chinese(page)
    for text, parsed, found, chart in README_EXAMPLES:
        run_query(page, text)
        expect(page.locator("p.parsed code")).to_have_text(parsed)
        assert sorted(agencies(page)) == sorted(found), text
        if chart:
            expect(page.locator("#charts .chart-facet")).to_have_text(chart)
            assert page.locator("svg.chart > title").first.text_content().startswith(chart + "：")
        else:
            expect(page.locator("p.notice")).to_contain_text("没有符合条件的报告")
            expect(page.locator("p.notice a")).to_have_attribute("href", "/browse")
        assert all(repeated_conditions(q) == [] for q in sidebar_queries(page) if q), text
        assert_chinese(page)
    screenshot(page, "first-hour-no-results")

    # Refine by the sidebar: 重庆市 is already said by 地区:重庆; a year narrows; × takes it out again.
    run_query(page, "采购金额 > 50万 地区:重庆")
    expect(page.locator("aside.sidebar li.active")).to_contain_text("重庆市")
    page.locator("aside.sidebar a", has_text="2020 年").click()
    page.wait_for_url(lambda url: query_of(url) == "采购金额 > 50万 地区:重庆 in 2020")
    assert agencies(page) == ["重庆市荣昌区商务委员会"]
    expect(page.locator("aside.sidebar li.active")).to_have_count(2)  # 2020 年 and 重庆市
    assert all(repeated_conditions(q) == [] for q in sidebar_queries(page) if q)
    expect(page.locator("li.hit dl.hit-values")).to_contain_text("103.9")
    assert_chinese(page)
    screenshot(page, "first-hour-refined")
    page.locator("aside.sidebar li.active", has_text="2020 年").locator("a.remove").click()
    page.wait_for_url(lambda url: query_of(url) == "采购金额 > 50万 地区:重庆")

    # Open a report and download the file it was read from.
    page.locator("li.hit h3 a", has_text="重庆市荣昌区").click()
    page.wait_for_url("**/reports/**")
    expect(page.locator("h1")).to_contain_text("重庆市荣昌区商务委员会")
    assert_chinese(page)
    screenshot(page, "first-hour-report")
    seed = next(SEEDS.glob("000_*.txt"))
    with page.expect_download() as info:
        page.locator("a.download").click()
    download = info.value
    assert download.suggested_filename == seed.name
    assert Path(download.path()).read_bytes() == seed.read_bytes()

    # Export the result set as CSV: full values, not the rounded ones.
    page.go_back()
    page.wait_for_url(lambda url: query_of(url) == "采购金额 > 50万 地区:重庆")
    with page.expect_download() as info:
        page.locator("p.exports a", has_text="CSV").click()
    exported = Path(info.value.path()).read_bytes()
    assert exported.startswith(b"\xef\xbb\xbf")
    rows = list(csv.DictReader(io.StringIO(exported.decode("utf-8-sig"))))
    assert sorted(row["政府集中采购.总金额_万元"] for row in rows) == ["103.9", "58.9484"]


def test_typed_addresses_and_an_empty_box_lead_somewhere(page, server):
    page.goto(server.url + "/search?q=问题:人手不足")
    assert urlparse(page.url).path == "/" and query_of(page.url) == "问题:人手不足"
    assert agencies(page) == ["重庆市大渡口区经济和信息化委员会"]
    page.fill("#q", "")
    page.press("#q", "Enter")
    page.wait_for_url("**/browse")
    expect(page.locator("table.browse-table tbody tr")).to_have_count(5)
    page.locator("table.browse-table th a", has_text="机关").click()
    page.wait_for_url("**/browse?sort=agency")
    expect(page.locator("table.browse-table td.agency").first).to_have_text("城步苗族自治县商务局")
    assert_chinese(page)
    screenshot(page, "browse")
    missing = page.context.new_page()  # a 404 is a console error by design: not on the watched page
    missing.goto(server.url + "/no/such/page")
    expect(missing.locator("h1")).to_have_text("没有找到")
    expect(missing.locator("p.error-message")).to_have_text("这个地址没有页面：/no/such/page")
    assert_chinese(missing)
    missing.close()
    page.goto(server.url + "/?q=行政处法 > 10")
    expect(page.locator("#q-error .error-message")).to_have_text(
        "第 1 个字符处：未知指标“行政处法”；您是否想找：行政处罚、行政诉讼、行政许可？"
    )
    assert_chinese(page)
