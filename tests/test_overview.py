"""The corpus overview: counts by year, province, level and template, check failure rates, the
largest values, extraction coverage and copied-text clusters; the library, the page and the API."""

import copy
import json
import re
from html import unescape
from pathlib import Path
from urllib.parse import quote_plus

import numpy as np
import pytest

from indexer import overview as overview_module
from indexer.overview import clusters_of, overview, stated
from indexer.registry import facets
from indexer.schema import facet_field
from indexer.similarity import SimilarityIndex
from search_web import create_app
from search_web import overview as overview_pages

DATA = Path(__file__).parent / "data"
SEEDS = DATA / "seeds"

# The same 问题改进 section in three bodies' reports: one copied-text cluster of three.
COPIED = (
    "本机关政府信息公开工作仍存在一些不足：一是公开内容不够全面，部分业务信息更新不及时；"
    "二是工作人员业务能力有待提高，对条例的理解还不够深入。下一步，我们将加强业务培训，"
    "完善信息发布审核机制，及时更新网站栏目，切实提高政府信息公开工作的质量和水平。"
)


def _report(title: str, year: int, who: str, new: int, active: int) -> str:
    return f"""{title}

一、总体情况
{year}年，{who}认真贯彻落实《中华人民共和国政府信息公开条例》，扎实推进政务公开工作。
二、主动公开政府信息情况
本年主动公开政府信息{active}条。
三、收到和处理政府信息公开申请情况
本年新收政府信息公开申请{new}件，上年结转政府信息公开申请0件，结转下年度继续办理0件。
四、政府信息公开行政复议、行政诉讼情况
未发生行政复议、行政诉讼。
五、存在的主要问题及改进情况
{COPIED}
六、其他需要报告的事项
无。
"""


def _crafted(folder: Path) -> list[Path]:
    """A province-, a city- and a central (no place) body's report sharing one section, and seed
    001 as another body's report whose table does not add up (新收 5, results 0)."""
    texts = {
        "province_2021.txt": _report("湖南省商务厅2021年政府信息公开工作年度报告", 2021, "湖南省商务厅", 40, 300),
        "city_2021.txt": _report("邵阳市商务局2021年政府信息公开工作年度报告", 2021, "邵阳市商务局", 15, 120),
        "central_2022.txt": _report("国家档案局2022年政府信息公开工作年度报告", 2022, "国家档案局", 7, 60),
    }  # fmt: skip
    seed = next(SEEDS.glob("001_*.txt")).read_text(encoding="utf-8")
    row = "本年新收政府信息公开申请数量\t\t\t\t\t\t"
    assert seed.count(row + "0") == 1
    texts["mismatch_2019.txt"] = seed.replace(row + "0", row + "5").replace(
        "重庆市大渡口区经济和信息化委员会", "重庆市大渡口区商务委员会"
    )
    paths = []
    for name, text in texts.items():
        (folder / name).write_text(text, encoding="utf-8")
        paths.append(folder / name)
    return paths


@pytest.fixture(scope="module")
def ix(index_of, tmp_path_factory):
    files = sorted(SEEDS.glob("*.txt")) + [DATA / "real" / "02_pingtan_zone_2013.html"]
    return index_of("overview", files + _crafted(tmp_path_factory.mktemp("crafted")))  # ingest builds its 雷同


@pytest.fixture(scope="module")
def o(ix):
    return overview(ix, ix.storage.folder)


@pytest.fixture(scope="module")
def ids(ix):
    with ix.searcher() as searcher:
        return {Path(s["path"]).name: json.loads(s["record"])["id"] for s in searcher.all_stored_fields()}


def test_counts_by_year_province_level_and_template(o):
    assert o["total"] == 10
    assert o["years"] == [
        {"value": 2013, "count": 1},
        {"value": 2019, "count": 3},
        {"value": 2020, "count": 3},
        {"value": 2021, "count": 2},
        {"value": 2022, "count": 1},
    ]
    assert o["year_unknown"] == 0
    assert o["provinces"] == [
        {"value": "湖南省", "count": 3},
        {"value": "重庆市", "count": 3},
        {"value": "福建省", "count": 1},
        {"value": "宁夏回族自治区", "count": 1},
        {"value": "山东省", "count": 1},
    ]  # most first; ties in GB2312 (pinyin) order: 湖 hu, 重 zhong; 福 fu, 宁 ning, 山 shan
    assert o["province_unknown"] == 1  # 国家档案局 names no place
    assert o["levels"] == [
        {"value": "省级", "count": 1},
        {"value": "市级", "count": 1},
        {"value": "县级", "count": 7},
        {"value": "未知", "count": 1},
    ]
    assert o["templates"] == [
        {"value": "2019", "name": "2019 版模板", "count": 6},
        {"value": "2021", "name": "2021 版模板", "count": 3},
        {"value": "free", "name": "自由格式（2019 年前）", "count": 1},
    ]


def test_check_failure_rates(o):
    checks = {c["rule"]: (c["failed"], c["ran"], c["rate"]) for c in o["checks"]}
    assert list(checks) == ["跨年结转", "文表不符", "问题改进缺失", "收费未说明", "模板不符"]
    assert checks["文表不符"] == (1, 3, 0.3333)  # the 2013 Pingtan report; seeds 000 and 004 pass
    assert checks["问题改进缺失"] == (0, 10, 0.0)
    assert checks["跨年结转"] == (0, 0, None)  # no body has two years here: never ran, no rate
    assert o["consistency"] == {
        "states": [
            {"value": "no", "name": "合计不符", "count": 1},
            {"value": "yes", "name": "全部相符", "count": 5},
            {"value": "unknown", "name": "无法核对", "count": 4},
        ],
        "failed": 1,
        "checked": 6,
        "rate": 0.1667,
    }


def test_largest_values_of_the_main_facets(o, ids):
    maxima = {row["key"]: row for row in o["maxima"]}
    assert list(maxima)[:2] == ["主动公开.条数", "申请.新收"]
    active = [(r["id"], r["agency"], r["year"], r["value"]) for r in maxima["主动公开.条数"]["reports"]]
    assert active == [
        (ids["province_2021.txt"], "湖南省商务厅", 2021, 300),
        (ids["city_2021.txt"], "邵阳市商务局", 2021, 120),
        (ids["central_2022.txt"], "国家档案局", 2022, 60),
        (ids[next(SEEDS.glob("002_*")).name], "城步苗族自治县商务局", 2019, 20),
    ]
    assert [r["value"] for r in maxima["申请.新收"]["reports"]] == [40, 15, 7, 5]
    assert [r["agency"] for r in maxima["行政处罚.处理决定数"]["reports"]] == ["重庆市荣昌区商务委员会"]
    assert maxima["复议.总计"]["reports"] == []  # every report says 0: zeros are not listed
    assert maxima["主动公开.条数"]["unit"] == "条"


def test_extraction_coverage(o):
    coverage = o["coverage"]
    assert [(b["min"], b["max"], b["count"]) for b in coverage["buckets"]] == [
        (0, 0, 0),
        (1, 9, 4),  # the three crafted prose reports and the 2013 Pingtan one
        (10, 49, 0),
        (50, 99, 0),
        (100, None, 6),  # the five seeds and the mismatching copy: full tables
    ]
    assert coverage["with_warnings"] == 7
    assert coverage["warning_share"] == 0.7


def test_copied_text_clusters(ix, o, ids):
    assert overview(ix, ix.storage.folder) is o  # reading the copied-text file leaves it as it was
    similarity = o["similarity"]
    assert similarity["min_similarity"] == 0.9
    first = similarity["clusters"][0]
    assert (first["section"], first["size"], first["highest"]) == ("问题改进", 3, 1.0)
    assert [(r["id"], r["agency"], r["year"]) for r in first["reports"]] == sorted(
        [
            (ids["central_2022.txt"], "国家档案局", 2022),
            (ids["province_2021.txt"], "湖南省商务厅", 2021),
            (ids["city_2021.txt"], "邵阳市商务局", 2021),
        ],
        key=lambda r: (-r[2], r[0]),
    )
    # Seed 001 and its altered copy share their two prose sections (the others are tables).
    pair = sorted([ids["mismatch_2019.txt"], ids[next(SEEDS.glob("001_*")).name]])
    rest = [
        (c["section"], c["size"], c["highest"], sorted(r["id"] for r in c["reports"]))
        for c in similarity["clusters"][1:]
    ]
    assert rest == [("总体情况", 2, 1.0, pair), ("问题改进", 2, 1.0, pair)]
    assert (similarity["pairs"], similarity["clusters_total"]) == (5, 3)


def test_clusters_join_pairs_through_shared_reports_per_section():
    pairs = [
        ("a", "b", "问题改进", 0.92),
        ("c", "d", "问题改进", 1.0),
        ("b", "c", "问题改进", 0.95),
        ("a", "b", "总体情况", 0.97),
        ("x", "y", "其他事项", 1.0),
    ]
    found = clusters_of(pairs)
    assert [(c["section"], c["reports"], c["highest"]) for c in found] == [
        ("问题改进", ["a", "b", "c", "d"], 1.0),
        ("其他事项", ["x", "y"], 1.0),
        ("总体情况", ["a", "b"], 0.97),
    ]


def test_counts_leave_out_deleted_reports_and_follow_the_generation(index_of):
    seeds = sorted(SEEDS.glob("*.txt"))
    built = index_of("overview-deleted", seeds)
    before = overview(built, built.storage.folder)
    assert overview(built, built.storage.folder) is before  # same generation: the kept answer
    with built.writer() as writer:
        writer.delete_by_term("id", _id_of(built, "周村区商务局"))
    after = overview(built, built.storage.folder)
    assert (before["total"], after["total"]) == (5, 4)
    assert {p["value"]: p["count"] for p in after["provinces"]}.get("山东省") is None
    assert after["generation"] > before["generation"]


def _id_of(built, agency: str) -> str:
    with built.searcher() as searcher:
        return next(
            json.loads(s["record"])["id"]
            for s in searcher.all_stored_fields()
            if json.loads(s["record"])["agency"] == agency
        )


def test_facets_read_from_one_buffer_match_whoosh_values(ix):
    """The fast read of a facet column agrees with Whoosh's value-by-value read."""
    with ix.searcher() as searcher:
        for leaf, _ in searcher.reader().leaf_readers():
            for key, facet in facets().items():
                name = facet_field(key)
                if facet.kind in overview_module.READ_KINDS and leaf.has_column(name):
                    slow = np.fromiter(leaf.column_reader(name), dtype=float, count=leaf.doc_count_all())
                    assert (stated(leaf, name) == ~np.isnan(slow)).all(), key


# -- the page and the API -----------------------------------------------------------------


@pytest.fixture(scope="module")
def client(ix):
    return create_app({"INDEX_DIR": ix.storage.folder, "TESTING": True}).test_client()


def href(q: str, sort: str | None = None) -> str:
    """The search link the page writes for ``q`` (Flask's url_for quoting, & escaped for HTML)."""
    link = "/?q=" + quote_plus(q, safe=":")
    return link + ("&amp;sort=" + quote_plus(sort) if sort else "")


def test_page_links_every_count_to_its_search(client, ids):
    response = client.get("/overview")
    assert response.status_code == 200
    text = response.get_data(as_text=True)
    for q in ("in 2013", "in 2022", "地区:重庆市", "地区:宁夏回族自治区", "级别:县级", "级别:省级", "模板:2021",
              "模板:free", "检查:文表不符", "勾稽:不符", "勾稽:相符", "雷同:问题改进 > 0.9"):  # fmt: skip
        assert f'href="{href(q)}"' in text, q
    assert f'href="{href("主动公开.条数 >= 300", "-主动公开.条数")}"' in text
    assert f'href="/reports/{ids["province_2021.txt"]}"' in text
    assert '<a href="/overview">索引概况</a>' in text  # in the site navigation
    assert text.count('class="bar-link"') == 5 + 4 + 3 + 5 + 6  # years, levels, templates, provinces, checks


def test_page_numbers(client):
    text = unescape(client.get("/overview").get_data(as_text=True))
    assert re.search(r'<strong class="total">10</strong> 份年度报告', text)
    assert '有提取警告的报告 <strong class="warned">7</strong> 份，占 70%' in text
    assert "33.3%（1/3）" in text  # 文表不符 in the check chart
    assert "问题改进</strong>：3 份报告，最高相似 100%" in text
    assert "另有 1 份未识别地区" in text


def test_page_escapes_every_text(client, o, monkeypatch):
    """Names come from report files: markup in any of them is shown as text, in the HTML and the SVG."""
    hostile = copy.deepcopy(o)
    hostile["maxima"][0]["reports"][0]["agency"] = "<script>alert(1)</script>局"
    hostile["provinces"][0]["value"] = '<b>省"'
    hostile["similarity"]["clusters"][0]["section"] = "<i>节</i>"
    monkeypatch.setattr(overview_pages, "overview", lambda ix, folder: hostile)
    text = client.get("/overview").get_data(as_text=True)
    assert "<script>alert" not in text and "<b>省" not in text and "<i>节" not in text
    assert "&lt;script&gt;alert(1)&lt;/script&gt;局" in text
    assert re.search(r'<text [^>]*text-anchor="end"[^>]*>&lt;b&gt;省&quot;</text>', text)  # the SVG label
    assert "&lt;b&gt;省&#34;</a>" in text  # the province's link in the list under the chart
    assert "<strong>&lt;i&gt;节&lt;/i&gt;</strong>" in text


def test_page_without_copied_text_data(index_of):
    built = index_of("overview-nosim", sorted(SEEDS.glob("00[01]_*.txt")))
    for stale in Path(built.storage.folder).glob(SimilarityIndex.FILE + "*"):
        stale.unlink()  # an index built before the copied-text file existed
    client = create_app({"INDEX_DIR": built.storage.folder}).test_client()
    text = client.get("/overview").get_data(as_text=True)
    assert "此索引还没有雷同（文字相似）数据" in text
    assert client.get("/api/overview").get_json()["similarity"] is None


def test_json_shape(client, o):
    body = client.get("/api/overview").get_json()
    assert list(body) == [
        "total", "years", "year_unknown", "provinces", "province_unknown", "levels", "templates", "checks",
        "consistency", "maxima", "coverage", "similarity", "generation", "took_ms",
    ]  # fmt: skip
    assert body["total"] == 10
    assert body["checks"][1] == {"rule": "文表不符", "description": "正文所述数字与表格不符", "failed": 1, "ran": 3,
                                 "rate": 0.3333}  # fmt: skip
    assert set(body["maxima"][0]) == {"key", "label", "unit", "reports"}
    assert set(body["maxima"][0]["reports"][0]) == {"id", "agency", "year", "value"}
    assert set(body["similarity"]) == {"min_similarity", "pairs", "clusters_total", "clusters"}
    assert set(body["similarity"]["clusters"][0]) == {"section", "size", "highest", "reports"}
