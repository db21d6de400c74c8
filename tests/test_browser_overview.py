"""The overview page in headless Chromium: its charts are drawn, a bar leads to the search it
counts, and the browser reports no console error (a CSP violation would show there)."""


import pytest
from playwright.sync_api import expect
from test_overview import DATA, SEEDS, _crafted

from search_web import create_app

from browser_harness import LiveServer, english_words, query_of, screenshot


@pytest.fixture(scope="module")
def server(index_of, tmp_path_factory):
    files = sorted(SEEDS.glob("*.txt")) + [DATA / "real" / "02_pingtan_zone_2013.html"]
    ix = index_of("browser-overview", files + _crafted(tmp_path_factory.mktemp("crafted")))  # with its 雷同
    with LiveServer(create_app({"INDEX_DIR": ix.storage.folder})) as live:
        yield live


def test_overview_charts_and_a_year_bar_leads_to_its_reports(page, server):
    page.goto(server.url + "/")
    page.locator("nav.site-nav a", has_text="索引概况").click()
    page.wait_for_url("**/overview")
    expect(page.locator("h1")).to_have_text("索引概况")
    expect(page.locator("strong.total")).to_have_text("10")
    for chart in ("years", "levels", "templates", "provinces"):
        bars = page.locator(f"#chart-{chart} svg.chart rect")
        assert bars.count() > 0, chart
        assert all(bars.nth(i).bounding_box()["height"] > 0 for i in range(bars.count())), chart
    assert page.locator("#chart-checks svg.chart a.bar-link").count() == 6
    expect(page.locator("ol.clusters > li").first).to_contain_text("问题改进：3 份报告")
    assert english_words(page) == set()
    screenshot(page, "overview")

    year_2013 = page.locator("#chart-years svg a.bar-link").first  # the years run oldest first
    expect(year_2013.locator("rect title")).to_have_text("2013：1 份报告")
    year_2013.locator("rect").click()
    page.wait_for_url(lambda url: query_of(url) == "in 2013")
    assert page.locator("li.hit .agency").all_inner_texts() == ["平潭综合实验区"]


def test_a_listed_count_leads_to_its_search(page, server):
    page.goto(server.url + "/overview")
    page.locator("#chart-provinces ul.count-list a", has_text="湖南省").click()
    page.wait_for_url(lambda url: query_of(url) == "地区:湖南省")
    assert sorted(page.locator("li.hit .agency").all_inner_texts()) == sorted(
        ["城步苗族自治县商务局", "湖南省商务厅", "邵阳市商务局"]
    )
