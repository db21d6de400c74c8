"""The facets that set a report against other reports, kept current across ingests:
雷同 (copied text), 同比 (change on the body's year before) and 异常 (far outside the peer group).

Each test ingests small text reports, changes the folder, ingests again, and checks the
queries and the stored figures against values worked out by hand."""

import math
import shutil
from statistics import median as median_of
from urllib.parse import unquote_plus

import pytest

from indexer.export import records
from indexer.ingest import ingest
from indexer.search import get_report, search
from indexer.store import open_existing

COPIED = (
    "一是公开平台建设仍需加强，栏目内容更新不够及时。二是依申请公开答复的规范化水平有待提升，"
    "个别答复说理不够充分。下一步，我们将加强业务培训，完善内部审核流程，定期检查栏目更新情况。"
)
OWN = {
    "商务局": "部分科室对主动公开的认识不足，信息报送迟缓。今后将把公开工作纳入年度考核，按月通报各科室报送数量和质量，对连续两月未报送的科室约谈负责人。外贸企业关心的政策解读也将集中发布。",
    "财政局": "预决算公开的解读材料偏少，图表化程度不高。明年将逐项配发图解，并在门户网站开设财政资金直达专栏，方便群众查阅每一笔资金的去向。乡镇财政所的公开情况纳入抽查范围。",
    "教育局": "学校信息公开指导不够，部分学校栏目长期空白。将开展专项督查，对空白栏目限期整改并通报结果，同时组织各校信息员集中培训两次。招生入学政策在报名前一个月公布。",
}


def robust_z(values: list[float]) -> tuple[float, list[float]]:
    """The definition 异常 uses: the median, and each value's robust z-score on log1p
    (0.6745 × (x − median) / MAD; Iglewicz and Hoaglin)."""
    logs = [math.log1p(v) for v in values]
    centre = median_of(logs)
    spread = median_of(abs(x - centre) for x in logs)
    return median_of(values), [0.6745 * (x - centre) / spread for x in logs]


def report(agency: str, year: int, problems: str, active: int = 20) -> str:
    return f"""邵阳市城步苗族自治县{agency}{year}年政府信息公开工作年度报告

一、总体情况
{year}年，本单位认真贯彻落实《条例》。
二、主动公开政府信息情况
本年主动公开政府信息{active}条。
三、收到和处理政府信息公开申请情况
本年未收到政府信息公开申请。
四、政府信息公开行政复议、行政诉讼情况
未发生行政复议、行政诉讼。
五、存在的主要问题及改进情况
{problems}
六、其他需要报告的事项
无。
"""


def found(ix, query: str) -> set[str]:
    hits = search(ix, query, per_page=100)["results"]
    return {hit["source"].rsplit("/", 1)[-1] for hit in hits}


def docnum_of(ix, name: str) -> int:
    with ix.searcher() as searcher:
        (docnum,) = [n for n, fields in searcher.iter_docs() if fields["path"].endswith("/" + name)]
    return docnum


def record_of(ix, name: str) -> dict:
    hit = next(h for h in search(ix, "公开", per_page=100)["results"] if h["source"].endswith("/" + name))
    return get_report(ix, hit["id"])


@pytest.fixture
def folders(tmp_path):
    reports = tmp_path / "reports"
    reports.mkdir()
    return reports, tmp_path / "index"


def write(folder, name: str, text: str) -> None:
    (folder / name).write_text(text, encoding="utf-8")


def test_copied_sections_are_found_and_follow_changes(folders):
    reports, index = folders
    write(reports, "shangwu2021.txt", report("商务局", 2021, COPIED))
    write(reports, "caizheng2021.txt", report("财政局", 2021, COPIED))
    write(reports, "jiaoyu2021.txt", report("教育局", 2021, OWN["教育局"]))
    ingest([reports], index, workers=1)
    ix = open_existing(index)
    assert found(ix, "雷同:问题改进 > 0.9") == {"shangwu2021.txt", "caizheng2021.txt"}
    assert found(ix, "雷同:问题 >= 90%") == {"shangwu2021.txt", "caizheng2021.txt"}
    # Compared and nothing alike: 0, so a NOT finds it; the 总体情况 lines are too short to compare.
    assert found(ix, "NOT 雷同:问题改进 > 0.5") == {"jiaoyu2021.txt"}
    copied = record_of(ix, "shangwu2021.txt")["copying"]
    assert copied == {"雷同.问题改进": 1.0, "雷同.全文": 1.0}  # no report of 2020: no 去年
    assert record_of(ix, "jiaoyu2021.txt")["copying"] == {"雷同.问题改进": 0.0, "雷同.全文": 0.0}

    # The next year's report of 商务局 repeats its 2021 text: copied forward, not from another agency.
    write(reports, "shangwu2022.txt", report("商务局", 2022, COPIED))
    ingest([reports], index, workers=1)
    ix = open_existing(index)
    assert found(ix, "雷同:去年 > 0.95") == {"shangwu2022.txt"}
    assert record_of(ix, "shangwu2022.txt")["copying"] == {
        "雷同.问题改进": 1.0, "雷同.全文": 1.0, "雷同.去年": 1.0,
    }  # fmt: skip  (财政局 2021 has it too: another agency's)

    # 财政局 rewrites its section: the others' figures fall with it, without their files changing.
    write(reports, "caizheng2021.txt", report("财政局", 2021, OWN["财政局"]))
    summary = ingest([reports], index, workers=1)
    assert (len(summary.replaced), len(summary.unchanged)) == (1, 3)
    ix = open_existing(index)
    assert found(ix, "雷同:问题改进 > 0.9") == set()
    assert found(ix, "雷同:去年 > 0.95") == {"shangwu2022.txt"}
    assert record_of(ix, "shangwu2021.txt")["copying"] == {"雷同.问题改进": 0.0, "雷同.全文": 0.0}
    assert search(ix, "公开")["total"] == 4  # rewritten in place, never added twice


def test_year_over_year_change_of_the_main_facets(folders):
    reports, index = folders
    write(reports, "r2021.txt", report("商务局", 2021, OWN["商务局"], active=30))
    ingest([reports], index, workers=1)
    assert "主动公开.条数.同比" not in (record_of(open_existing(index), "r2021.txt").get("yoy") or {})

    # The year before arrives later; and a year with a 0 gives no change after it.
    write(reports, "r2020.txt", report("商务局", 2020, OWN["商务局"], active=20))
    write(reports, "r2019.txt", report("商务局", 2019, OWN["商务局"], active=0))
    ingest([reports], index, workers=1)
    ix = open_existing(index)
    assert record_of(ix, "r2021.txt")["yoy"] == {"主动公开.条数.同比": 0.5}
    assert record_of(ix, "r2020.txt").get("yoy", {}) == {}
    assert found(ix, "主动公开.同比 > 40%") == {"r2021.txt"}
    assert found(ix, "主动公开.同比 >= 0") == {"r2021.txt"}  # absent is unknown, never matched

    # Removing 2020 takes the 2021 change away.
    (reports / "r2020.txt").unlink()
    ingest([reports], index, workers=1, prune=True)
    ix = open_existing(index)
    assert found(ix, "主动公开.同比 > -100%") == set()
    assert record_of(ix, "r2021.txt").get("yoy", {}) == {}


AGENCIES = ("商务局", "财政局", "教育局", "民政局", "司法局", "交通运输局", "水利局", "农业农村局", "林业局",
            "文化旅游广电局", "卫生健康局", "应急管理局")  # fmt: skip


def test_a_value_far_outside_its_peer_group_is_an_anomaly(folders):
    reports, index = folders
    # Twelve county bodies of 2021 (one peer group); 农业农村局 states 20 times the others'.
    counts = [18, 20, 21, 22, 24, 25, 26, 28, 30, 32, 35]
    peers = [agency for agency in AGENCIES if agency != "卫生健康局"]
    for agency, count in zip(peers, counts, strict=True):
        write(reports, f"{agency}.txt", report(agency, 2021, OWN["商务局"] + agency, active=count))
    ingest([reports], index, workers=1)
    ix = open_existing(index)
    assert found(ix, "异常:任一") == set()  # eleven close values

    write(reports, "卫生健康局.txt", report("卫生健康局", 2021, OWN["商务局"] + "卫生", active=600))
    ingest([reports], index, workers=1)
    ix = open_existing(index)
    assert found(ix, "异常:主动公开") == {"卫生健康局.txt"}
    assert found(ix, "异常:任一 级别:县级") == {"卫生健康局.txt"}
    (anomaly,) = record_of(ix, "卫生健康局.txt")["anomalies"].values()
    median, scores = robust_z([*counts, 600])
    assert anomaly == {"value": 600, "median": median, "z": round(scores[-1], 2), "peers": 12}
    assert anomaly["median"] == 25.5 and anomaly["z"] > 3.5

    def close_peer_added(ix):
        """Add a peer close to the others: the far report stays flagged, its document left as
        it was (nothing of 异常 is stored); its figures as the group stands now."""
        where = docnum_of(ix, "卫生健康局.txt")
        write(reports, "林草局.txt", report("林草局", 2021, OWN["财政局"], active=27))
        ingest([reports], index, workers=1)
        ix = open_existing(index)
        assert found(ix, "异常:主动公开") == {"卫生健康局.txt"}
        assert docnum_of(ix, "卫生健康局.txt") == where
        (anomaly,) = record_of(ix, "卫生健康局.txt")["anomalies"].values()
        return ix, anomaly

    # A thirteenth peer moves the median and the z-score but not the flag.
    ix, anomaly = close_peer_added(ix)
    median, scores = robust_z([*counts, 600, 27])
    assert anomaly == {"value": 600, "median": median, "z": round(scores[-2], 2), "peers": 13}
    assert median == 26 and anomaly["z"] != round(robust_z([*counts, 600])[1][-1], 2)
    (exported,) = records(ix, "异常:主动公开")
    assert exported["anomalies"] == {"主动公开.条数": anomaly}
    (reports / "林草局.txt").unlink()

    # Below ten peers stating the facet, nothing is judged.
    for agency in peers[:3]:
        (reports / f"{agency}.txt").unlink()
    ingest([reports], index, workers=1, prune=True)
    ix = open_existing(index)
    assert found(ix, "异常:任一") == set()
    assert record_of(ix, "卫生健康局.txt")["anomalies"] == {}

    # A tenth peer: the group is judged again and the report flagged again (a flag set at
    # ingest would have rewritten its document).
    ix, anomaly = close_peer_added(ix)
    assert (anomaly["value"], anomaly["peers"]) == (600, 10)


def test_an_index_of_an_earlier_version_gains_the_copied_text_index(folders):
    reports, index = folders
    write(reports, "a.txt", report("商务局", 2021, COPIED))
    write(reports, "b.txt", report("财政局", 2021, COPIED))
    ingest([reports], index, workers=1)
    for suffix in ("", "-wal", "-shm"):
        (index / f"similarity.sqlite{suffix}").unlink(missing_ok=True)
    (index / "similarity.sqlite").write_bytes(b"not a database at all")
    summary = ingest([reports], index, workers=1)  # nothing to extract: rebuilt from the stored records
    assert len(summary.unchanged) == 2
    assert found(open_existing(index), "雷同:问题改进 > 0.9") == {"a.txt", "b.txt"}


def test_the_api_answers_the_new_facets(folders):
    from search_web import create_app

    reports, index = folders
    write(reports, "a.txt", report("商务局", 2021, COPIED))
    write(reports, "b.txt", report("财政局", 2021, COPIED))
    ingest([reports], index, workers=1)
    client = create_app({"INDEX_DIR": str(index), "TESTING": True}).test_client()
    answer = client.get("/api/search", query_string={"q": "雷同:问题改进 > 0.9"}).get_json()
    assert answer["total"] == 2
    assert {hit["facets"]["雷同.问题改进"] for hit in answer["results"]} == {1.0}
    bad = client.get("/api/search", query_string={"q": "雷同:附件 > 0.9"})
    assert bad.status_code == 400 and bad.get_json()["error"]["code"] == "bad_value"
    fields = {f["name"]: f["example"] for f in client.get("/api/facets").get_json()["fields"]}
    assert fields["copy"] == "雷同:问题改进 > 0.9" and fields["anomaly"] == "异常:行政处罚"
    schema = client.get("/api/openapi.json").get_json()["components"]["schemas"]["Report"]["properties"]
    assert set(schema["copying"]["properties"]) == {
        "雷同.总体情况", "雷同.主动公开", "雷同.依申请公开", "雷同.复议诉讼", "雷同.问题改进", "雷同.其他事项",
        "雷同.全文", "雷同.去年",
    }  # fmt: skip
    assert "主动公开.条数.同比" in schema["yoy"]["properties"]
    assert set(schema["anomalies"]["additionalProperties"]["properties"]) == {"value", "median", "z", "peers"}


def test_copying_of_a_folder_copy_is_not_counted_twice(folders, tmp_path):
    reports, index = folders
    write(reports, "a.txt", report("商务局", 2021, COPIED))
    shutil.copy(reports / "a.txt", tmp_path / "a-again.txt")  # same bytes: a duplicate, skipped
    summary = ingest([reports, tmp_path / "a-again.txt"], index, workers=1)
    assert len(summary.duplicates) == 1
    assert record_of(open_existing(index), "a.txt")["copying"] == {"雷同.问题改进": 0.0, "雷同.全文": 0.0}


def test_pages_show_the_figures_against_other_reports(folders):
    from search_web import create_app

    reports, index = folders
    counts = [18, 20, 21, 22, 24, 25, 26, 28, 30, 32, 35]
    for agency, count in zip([a for a in AGENCIES if a != "卫生健康局"], counts, strict=True):
        write(reports, f"{agency}.txt", report(agency, 2021, OWN["商务局"] + agency, active=count))
    write(reports, "卫生健康局.txt", report("卫生健康局", 2021, OWN["教育局"], active=600))
    write(reports, "卫生健康局2020.txt", report("卫生健康局", 2020, OWN["教育局"], active=400))
    ingest([reports], index, workers=1)
    ix = open_existing(index)
    client = create_app({"INDEX_DIR": str(index), "TESTING": True}).test_client()
    record = record_of(ix, "卫生健康局.txt")
    assert record["yoy"] == {"主动公开.条数.同比": 0.5}
    assert record["copying"] == {"雷同.问题改进": 0.0, "雷同.全文": 0.0, "雷同.去年": 1.0}

    page = client.get(f"/reports/{record['id']}").get_data(as_text=True)
    across = page[page.index('id="across"') : page.index('id="similar"')]
    row = across[across.index("<tr><td><a") : across.index("</tr>", across.index("<tr><td><a"))]
    cells = [c.split(">", 1)[1].split("<", 1)[0] for c in row.split('<td class="num')[1:]]
    assert cells == ["600", "25.5", "12.28", "12"]  # value, the group's median, z, peers
    assert "+50 <small>%</small>" in across
    assert "异常:主动公开.条数 级别:县级 地区:湖南省 in 2021" in unquote_plus(across)

    answer = client.get("/api/search", query_string={"q": "异常:任一"}).get_json()
    assert [hit["anomalies"] for hit in answer["results"]] == [["主动公开.条数"]]
    assert answer["facet_counts"]["anomalies"] == {"主动公开.条数": 1}
    assert answer["facet_counts"]["level"] == {"县级": 1}
    results = client.get("/", query_string={"q": "级别:县级"}).get_data(as_text=True)
    assert results.count("异常：主动公开.条数</span>") == 1
    sidebar = results[results.index("同级同省同年中异常") :]
    assert '<li class="failed"><a href="/?q=' in sidebar and ">主动公开</a>" in sidebar
