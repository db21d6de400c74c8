"""An agency's history in headless Chromium: from a report page to its body's page, with the
years' chart and table, and two years compared side by side."""

import pytest
from test_similar_pages import build

from search_web import create_app

from browser_harness import LiveServer, chromium_page, english_words, screenshot


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    return build(tmp_path_factory.mktemp("agency-browser"), hostile=False)


def test_from_a_report_to_its_agency_and_two_years_compared(built):
    folder, ids = built
    app = create_app({"INDEX_DIR": str(folder)})
    with LiveServer(app) as server, chromium_page() as page:
        page.goto(f"{server.url}/reports/{ids['gulou2022']}")
        page.locator("a.agency-link").click()
        page.wait_for_url("**/agencies/**")
        assert page.locator("h1").inner_text().startswith("福州市鼓楼区商务局")
        assert page.locator("#reports ul.years li a").all_inner_texts() == ["2021 年", "2022 年"]
        # The chart draws one bar per year; the table's first row is 主动公开 (21 then 30 条).
        assert page.locator("#chart svg rect").count() == 2
        row = page.locator("#table tbody tr").first
        assert row.locator("td").all_inner_texts()[2:] == ["21", "30"]
        # The two latest years are compared: 主动公开 21 → 30 条, +9.
        compared = page.locator("#compare table.compare-facets tbody tr").first.locator("td").all_inner_texts()
        assert compared[0] == "主动公开.条数" and compared[2:] == ["21", "30", "+9"]
        assert english_words(page) == set()
        assert screenshot(page, "agency").stat().st_size > 10_000
