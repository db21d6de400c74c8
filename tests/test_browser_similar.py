"""Copied text (雷同) in headless Chromium: a report page lists its similar reports, and 对照
opens the two side by side with the shared passages marked."""

import re

import pytest
from test_similar_pages import COPIED, OWN_SIMING, S, build

from search_web import create_app

from browser_harness import LiveServer, chromium_page, english_words, screenshot


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    return build(tmp_path_factory.mktemp("similar-browser"), hostile=False)


def test_a_similar_report_opened_side_by_side(built):
    folder, ids = built
    app = create_app({"INDEX_DIR": str(folder)})
    with LiveServer(app) as server, chromium_page() as page:
        page.goto(f"{server.url}/reports/{ids['gulou2022']}")
        page.locator("nav.toc a[href='#similar']").click()
        rows = page.locator("#similar table.similar-reports tbody tr")
        assert [row.locator("td").first.inner_text() for row in rows.all()] == ["100%", "90.6%", "83.8%"]
        assert rows.nth(0).locator("td").nth(1).inner_text() == "福州市鼓楼区商务局 同一机关 上一年"
        assert rows.nth(2).locator("td").nth(1).inner_text() == "厦门市思明区商务局"
        assert english_words(page) == set()
        assert screenshot(page, "similar-reports").stat().st_size > 10_000

        rows.nth(2).locator("a.compare-link").click()
        page.wait_for_url(re.compile(r"/compare\?a=\w+&b=\w+#compare-"))
        assert page.locator("h1").inner_text() == "两份报告对照"
        marks = page.locator("#compare-问题改进 td mark")
        assert marks.all_inner_texts() == [COPIED, COPIED]
        cells = page.locator("#compare-问题改进 td").all_inner_texts()
        assert cells == [COPIED + S[5], COPIED + OWN_SIMING]
        assert page.locator("#compare-问题改进 mark").first.is_visible()
        assert english_words(page) == set()
        assert screenshot(page, "compare").stat().st_size > 10_000
