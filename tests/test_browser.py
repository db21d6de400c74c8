"""The web front end in headless Chromium, against a real server over the seed index.

Each test drives the page as a person would, saves a screenshot under
out/screenshots/, and ends by checking that the browser reported no console
error (a CSP violation, a missing file or a script error all show up there).
"""

from urllib.parse import parse_qs, urlparse

import pytest
from playwright.sync_api import expect, sync_playwright

from search_web import create_app

from browser_harness import CHROMIUM_ARGS, Console, LiveServer, chromium_path, screenshot


@pytest.fixture(scope="module")
def server(seed_index):
    app = create_app({"INDEX_DIR": seed_index.storage.folder})
    with LiveServer(app) as live:
        yield live


@pytest.fixture(scope="module")
def browser():
    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=chromium_path(), args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


@pytest.fixture
def page(browser):
    context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="zh-CN")
    page = context.new_page()
    console = Console()
    console.attach(page)
    dialogs = []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    yield page
    context.close()
    assert console.errors == []
    assert dialogs == []  # no injected script ever ran


def query_of(url: str) -> str:
    return parse_qs(urlparse(url).query).get("q", [""])[0]


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
    assert sorted(first) == sorted(["城步苗族自治县商务局", "周村区商务局"])  # the two zeros, after 103.9 and 58.9484
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
