"""Copied text (雷同) on the web: the report page's similar reports, the side-by-side view
``/compare`` and its JSON, the errors, escaping, and an index without a copied-text file."""

import json
import re
import shutil
from html import unescape
from pathlib import Path
from urllib.parse import quote

import pytest

from indexer.ingest import ingest
from indexer.similarity import SimilarityIndex
from indexer.store import open_existing, record_document, writer
from search_web import create_app

# Six sentences of one 问题改进 section, each long enough to be compared on its own.
S = [
    "针对部分乡镇公开栏更新不及时的问题，我局每季度派人到现场检查并通报结果。",
    "依申请公开答复文书格式不统一，下一步将制定统一的答复模板并组织业务骨干集中学习。",
    "网站栏目设置与新版目录不一致，计划年内完成栏目调整并逐条核对历史信息的链接。",
    "政策解读形式较为单一，今后将更多采用图表、短视频等群众喜闻乐见的方式发布解读。",
    "重点领域信息公开不够细，将按照上级要求补充公开项目审批和资金分配的具体情况。",
    "工作人员变动频繁导致业务衔接不畅，拟建立岗位交接清单并由分管领导签字确认。",
]
OWN_SIMING = "部分工作人员对条例理解不深，今后每半年邀请法律顾问到局里讲授一次公开实务课程。"
OWN_HANJIANG = "工作人员变动频繁导致业务衔接不畅，拟由办公室统一保管全部公开台账和原始材料。"
OWN_FENGZE = (
    "档案室空间有限，纸质公开资料查阅不便，准备在服务大厅新设自助查询终端两台。"
    "个别科室报送信息积极性不高，将把信息报送情况纳入年度绩效考核并按月通报排名。"
)
COPIED = "".join(S[:5])  # what 思明 and 涵江 copied from 鼓楼

HOSTILE_AGENCY = '<script>alert("雷同")</script>莆田市涵江区商务局'
HOSTILE_TITLE = "莆田市涵江区商务局2022年<img src=x onerror=alert(1)>报告"


def _report(title: str, year: int, place: str, improve: str, active: int) -> str:
    """A 2021-template report in plain text whose sections other than 问题改进 are too short to compare."""
    return f"""{title}

一、总体情况
{year}年，{place}认真贯彻落实《条例》，推进政务公开。
二、主动公开政府信息情况
本年主动公开政府信息{active}条。
三、收到和处理政府信息公开申请情况
本年新收政府信息公开申请{active // 3}件。
四、政府信息公开行政复议、行政诉讼情况
未发生行政复议、行政诉讼。
五、存在的主要问题及改进情况
{improve}
六、其他需要报告的事项
无。
"""


# 鼓楼 copies its own 2021 section forward whole; 思明 and 涵江 copy five of its six sentences
# (涵江 half of the sixth too); 丰泽 shares nothing.
REPORTS = {
    "gulou2021": _report("福州市鼓楼区商务局2021年政府信息公开工作年度报告", 2021, "鼓楼区商务局", "".join(S), 21),
    "gulou2022": _report("福州市鼓楼区商务局2022年政府信息公开工作年度报告", 2022, "鼓楼区商务局", "".join(S), 30),
    "siming2022": _report("厦门市思明区商务局2022年政府信息公开工作年度报告", 2022, "思明区商务局", COPIED + OWN_SIMING, 12),
    "hanjiang2022": _report("莆田市涵江区商务局2022年政府信息公开工作年度报告", 2022, "涵江区商务局", COPIED + OWN_HANJIANG, 9),
    "fengze2022": _report("泉州市丰泽区商务局2022年政府信息公开工作年度报告", 2022, "丰泽区商务局", OWN_FENGZE, 6),
}  # fmt: skip


def _records(ix) -> list[dict]:
    with ix.searcher() as searcher:
        return [json.loads(stored["record"]) for stored in searcher.all_stored_fields()]


def _make_hostile(ix, path: str, record: dict) -> None:
    """The stored record of 涵江 rewritten with markup in its agency and title: whatever a record
    holds, a page shows it as text."""
    record = {**record, "agency": HOSTILE_AGENCY, "title": HOSTILE_TITLE}
    with writer(ix) as w:
        w.update_document(**record_document(record, path))


def build(folder: Path, hostile: bool = True) -> tuple[Path, dict[str, str]]:
    """REPORTS ingested into ``folder/index`` (which builds its copied-text file), 涵江's record
    made hostile if asked and every record added to the copied-text file again (as the hostile
    one now reads); returns the index folder and the ids by name."""
    (folder / "reports").mkdir()
    for name, text in REPORTS.items():
        (folder / "reports" / f"{name}.txt").write_text(text, encoding="utf-8")
    summary = ingest([folder / "reports"], folder / "index", workers=1)
    assert len(summary.added) == 5 and not summary.failed
    ix = open_existing(folder / "index")
    with ix.searcher() as searcher:
        paths = {stored["id"]: stored["path"] for stored in searcher.all_stored_fields()}
    ids = {}
    for record in _records(ix):
        name = next(n for n in REPORTS if paths[record["id"]].endswith(f"{n}.txt"))
        ids[name] = record["id"]
        if hostile and name == "hanjiang2022":
            _make_hostile(ix, paths[record["id"]], record)
    with SimilarityIndex(folder / "index") as index:
        for record in _records(open_existing(folder / "index")):
            index.add(record)
        index.commit()
    return folder / "index", ids


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    """The index folder with its copied-text file, and the report ids by file name."""
    return build(tmp_path_factory.mktemp("similar"))


@pytest.fixture(scope="module")
def ids(built):
    return built[1]


@pytest.fixture(scope="module")
def client(built):
    return create_app({"INDEX_DIR": str(built[0]), "TESTING": True}).test_client()


def _page(client, url: str) -> str:
    response = client.get(url)
    assert response.status_code == 200, response.status_code
    return response.get_data(as_text=True)


def _cells(html: str, table_class: str) -> list[list[list[str]]]:
    """The rows of every table of that class, as cell texts."""
    tables = re.findall(rf'<table class="[^"]*{table_class}[^"]*">(.*?)</table>', html, re.S)
    return [
        [
            [
                unescape(re.sub(r"<[^>]+>", "", c)).strip()
                for c in re.findall(r"<t[dh][^>]*>(.*?)</t[dh]>", row, re.S)
            ]
            for row in re.findall(r"<tr[^>]*>(.*?)</tr>", table, re.S)
        ]
        for table in tables
    ]


def _section(html: str, section_id: str) -> str:
    found = re.search(rf'<section class="report-section" id="{section_id}">(.*?)</section>', html, re.S)
    return found.group(1)


def _compare_link(a: str, b: str, section: str = "问题改进") -> str:
    return f"/compare?a={a}&amp;b={b}#compare-{quote(section)}"


# --- the report page -----------------------------------------------------------------------------


def test_the_report_page_lists_similar_reports_most_similar_first(client, ids):
    html = _section(_page(client, f"/reports/{ids['gulou2022']}"), "similar")
    assert "<h2>相似报告（雷同）</h2>" in html
    assert re.findall(r'<h3 id="similar-([^"]+)">([^<]+)</h3>', html) == [
        ("问题改进", "五、存在的主要问题及改进情况")
    ]
    # 173 and 160 of the section's 191 distinct five-character shingles are in 涵江's and 思明's.
    assert _cells(html, "similar-reports") == [
        [
            ["相似度", "机关", "年度", "报告", "对照"],
            ["100%", "福州市鼓楼区商务局 同一机关 上一年", "2021 年", "福州市鼓楼区商务局2021年政府信息公开工作年度报告", "对照"],
            ["90.6%", HOSTILE_AGENCY, "2022 年", HOSTILE_TITLE, "对照"],
            ["83.8%", "厦门市思明区商务局", "2022 年", "厦门市思明区商务局2022年政府信息公开工作年度报告", "对照"],
        ]
    ]  # fmt: skip
    for other in ("gulou2021", "hanjiang2022", "siming2022"):
        assert (
            f'<a class="compare-link" href="{_compare_link(ids["gulou2022"], ids[other])}">对照</a>' in html
        )
        assert f'<a href="/reports/{ids[other]}">' in html
    assert '<a href="#similar">相似报告</a>' in _page(client, f"/reports/{ids['gulou2022']}")


def test_the_next_year_is_the_same_agency_but_not_the_year_before(client, ids):
    rows = _cells(_section(_page(client, f"/reports/{ids['gulou2021']}"), "similar"), "similar-reports")[0]
    assert rows[1][:3] == ["100%", "福州市鼓楼区商务局 同一机关", "2022 年"]
    assert [row[1] for row in rows[2:]] == [HOSTILE_AGENCY, "厦门市思明区商务局"]


def test_a_report_with_nothing_similar_says_so_in_one_line(client, ids):
    html = _section(_page(client, f"/reports/{ids['fengze2022']}"), "similar")
    assert re.sub(r"\s+", " ", html).strip() == (
        "<h2>相似报告（雷同）</h2> "
        '<p class="muted">没有与这份报告相似的报告：各部分自己的文字，在其他报告同一部分中出现的都不到一半。</p>'
    )


def test_a_hostile_agency_name_and_title_are_shown_as_text(client, ids):
    for url in (f"/reports/{ids['gulou2022']}", f"/compare?a={ids['gulou2022']}&b={ids['hanjiang2022']}"):
        html = _page(client, url)
        assert "<script>alert" not in html and "<img src=x" not in html
        assert "&lt;script&gt;alert(&#34;雷同&#34;)&lt;/script&gt;莆田市涵江区商务局" in html
        assert "莆田市涵江区商务局2022年&lt;img src=x onerror=alert(1)&gt;报告" in html


# --- the side-by-side view -----------------------------------------------------------------------


def _marked(html: str, section: str) -> list[list[str]]:
    """Per side, the marked passages of a section's row in the compare table."""
    row = re.search(rf'<tr id="compare-{section}">(.*?)</tr>', html, re.S).group(1)
    return [[unescape(m) for m in re.findall(r"<mark>(.*?)</mark>", cell, re.S)] for cell in re.findall(r"<td>(.*?)</td>", row, re.S)]  # fmt: skip


def test_the_compare_page_marks_the_shared_passages(client, ids):
    html = _page(client, f"/compare?a={ids['gulou2022']}&b={ids['siming2022']}")
    assert "<h1>两份报告对照</h1>" in html
    assert _marked(html, "问题改进") == [[COPIED], [COPIED]]
    row = re.search(r'<tr id="compare-问题改进">(.*?)</tr>', html, re.S).group(1)
    assert f"<mark>{COPIED}</mark>{S[5]}</div>" in row
    assert f"<mark>{COPIED}</mark>{OWN_SIMING}</div>" in row
    # Sentences alike but for a name or a number are shared too.
    assert _marked(html, "总体情况") == [["区商务局认真贯彻落实《条例》，推进政务公开。"]] * 2
    assert _marked(html, "主动公开") == [["本年主动公开政府信息30条。"], ["本年主动公开政府信息12条。"]]
    # Both reports are named in the column headings and the numbers are set side by side.
    facets = _cells(html, "compare-facets")[0]
    assert facets[0] == [
        "指标",
        "名称",
        "福州市鼓楼区商务局 · 2022 年",
        "厦门市思明区商务局 · 2022 年",
        "差值",
    ]
    assert facets[1] == ["主动公开.条数", "主动公开 条数（条）", "30", "12", "-18"]
    assert f'<a href="/compare?a={ids["siming2022"]}&amp;b={ids["gulou2022"]}">左右互换</a>' in html


def test_the_agency_page_still_marks_what_changed(client, ids):
    html = _page(client, "/agencies/福州市鼓楼区商务局")
    assert _marked(html, "问题改进") == [[], []]  # copied forward whole: nothing changed
    assert _marked(html, "主动公开") == [[], []]  # only the number differs
    assert _cells(html, "compare-facets")[0][0] == ["指标", "名称", "2021 年", "2022 年", "差值"]


def test_the_compare_json(client, ids):
    answer = client.get("/api/compare", query_string={"a": ids["gulou2022"], "b": ids["siming2022"]})
    assert answer.status_code == 200
    body = answer.get_json()
    assert list(body) == ["a", "b", "facets", "sections"]
    assert body["a"] == {
        "id": ids["gulou2022"], "year": 2022, "title": "福州市鼓楼区商务局2022年政府信息公开工作年度报告",
        "agency": "福州市鼓楼区商务局", "template": "2021", "checks": 0, "checks_failed": [],
        "findings": 1, "findings_failed": [],
    }  # fmt: skip
    assert body["facets"][0] == {
        "key": "主动公开.条数", "label": "主动公开 条数", "unit": "条", "a": 30, "b": 12, "difference": -18,
    }  # fmt: skip
    # The span stops at the copied passage's last letter; the page marks its closing 。 with it.
    improve = body["sections"][4]
    assert improve == {
        "name": "问题改进",
        "a": {"text": "".join(S), "shared": [[0, len(COPIED) - 1]]},
        "b": {"text": COPIED + OWN_SIMING, "shared": [[0, len(COPIED) - 1]]},
    }


def test_the_similar_reports_json(client, ids):
    body = client.get(f"/api/reports/{ids['gulou2022']}/similar").get_json()
    assert body["id"] == ids["gulou2022"] and body["available"] is True
    assert [s["section"] for s in body["sections"]] == ["问题改进"]
    assert body["sections"][0]["reports"][0] == {
        "id": ids["gulou2021"], "agency": "福州市鼓楼区商务局", "year": 2021,
        "title": "福州市鼓楼区商务局2021年政府信息公开工作年度报告",
        "similarity": 1.0, "same_agency": True, "previous_year": True,
    }  # fmt: skip
    assert [(r["similarity"], r["same_agency"]) for r in body["sections"][0]["reports"][1:]] == [
        (0.9058, False),
        (0.8377, False),
    ]
    alone = client.get(f"/api/reports/{ids['fengze2022']}/similar").get_json()
    assert alone == {"id": ids["fengze2022"], "available": True, "sections": []}


# --- errors --------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("query", "status", "code", "zh"),
    [
        ({}, 400, "incomplete_pair", "对比需要选择两份报告（a 和 b）"),
        ({"a": "gulou2022"}, 400, "incomplete_pair", "对比需要选择两份报告（a 和 b）"),
        ({"a": "gulou2022", "b": "  "}, 400, "incomplete_pair", "对比需要选择两份报告（a 和 b）"),
        ({"a": "gulou2022", "b": "nope"}, 404, "report_not_found", "没有编号为“nope”的报告"),
        ({"a": "<b>x</b>", "b": "gulou2022"}, 404, "report_not_found", "没有编号为“<b>x</b>”的报告"),
    ],
)
def test_a_missing_or_unknown_report_is_a_clear_error(client, ids, query, status, code, zh):
    query = {side: ids.get(v, v) for side, v in query.items()}
    answer = client.get("/api/compare", query_string=query)
    assert answer.status_code == status
    error = answer.get_json()["error"]
    assert (error["code"], error["message_zh"]) == (code, zh)
    page = client.get("/compare", query_string=query)
    assert page.status_code == status
    html = page.get_data(as_text=True)
    assert f'<p class="error-message">{zh.replace("<", "&lt;").replace(">", "&gt;")}</p>' in html
    assert "<b>x</b>" not in html


def test_similar_reports_of_an_unknown_report_is_a_404(client):
    answer = client.get("/api/reports/nope/similar")
    assert answer.status_code == 404
    assert answer.get_json()["error"]["message_zh"] == "没有编号为“nope”的报告"


# --- without a usable copied-text file -----------------------------------------------------------


@pytest.fixture
def copy_of(built, tmp_path):
    """A copy of the built index whose copied-text file is removed or replaced."""

    def make(content: bytes | None):
        folder = tmp_path / "index"
        shutil.copytree(built[0], folder)
        for extra in folder.glob(f"{SimilarityIndex.FILE}*"):
            extra.unlink()
        if content is not None:
            (folder / SimilarityIndex.FILE).write_bytes(content)
        return create_app({"INDEX_DIR": str(folder), "TESTING": True}).test_client()

    return make


def test_without_a_copied_text_file_the_page_says_so(copy_of, ids):
    client = copy_of(None)
    html = _section(_page(client, f"/reports/{ids['gulou2022']}"), "similar")
    assert re.sub(r"\s+", " ", html).strip() == (
        "<h2>相似报告（雷同）</h2> "
        '<p class="muted">索引中还没有雷同比对数据（重新运行 nianbao ingest 后生成），暂不能列出相似报告。</p>'
    )
    body = client.get(f"/api/reports/{ids['gulou2022']}/similar").get_json()
    assert body == {"id": ids["gulou2022"], "available": False, "sections": []}
    # Comparing needs no copied-text file.
    compared = _page(client, f"/compare?a={ids['gulou2022']}&b={ids['siming2022']}")
    assert _marked(compared, "问题改进")[0] == [COPIED]


def test_an_unusable_copied_text_file_leaves_the_report_page_whole(copy_of, ids):
    client = copy_of(b"not a database" * 100)
    html = _page(client, f"/reports/{ids['gulou2022']}")
    assert re.sub(r"\s+", " ", _section(html, "similar")).strip() == (
        "<h2>相似报告（雷同）</h2> "
        '<p class="muted">雷同比对索引无法使用（重新运行 nianbao ingest 可重建），暂不能列出相似报告。</p>'
    )
    assert '<section class="report-section" id="问题改进">' in html
    answer = client.get(f"/api/reports/{ids['gulou2022']}/similar")
    assert answer.status_code == 503
    assert answer.get_json()["error"]["code"] == "similarity_store_error"
