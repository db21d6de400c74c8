"""The 检查 facet end to end: checks beyond the tables in the record, the index, the query
language, the sidebar, the report page and the CLI; 跨年结转 kept current across ingests."""

import json
import re
from pathlib import Path
from urllib.parse import quote_plus, unquote_plus

import pytest
from whoosh import fields, index

from indexer.compile import compile_query
from indexer.extract import extract_path
from indexer.ingest import ingest
from indexer.querylang import QueryError, parse
from indexer.registry import CHECK_RULES
from indexer.search import get_report, search
from indexer.store import INDEX_NAME, open_existing, to_document
from search_web import create_app

ROOT = Path(__file__).parent.parent
REAL = Path(__file__).parent / "data" / "real"
GENERATED = ROOT / "indexer" / "sample_data" / "generated"
BUNDLED = [
    GENERATED / "2021-2021-tsv-000002.txt",
    REAL / "01_shuyang_ndrc_2023.html",
    REAL / "02_pingtan_zone_2013.html",
    REAL / "06_pingtan_zone_2012.txt",
    REAL / "excerpts" / "33_shuozhou_weijianwei_2022.txt",
    REAL / "official-template-2021.docx",
]


# --- the record ---------------------------------------------------------------------


def test_the_record_carries_findings_and_the_agency_key():
    record = extract_path(GENERATED / "2021-2021-tsv-000002.txt").to_record()
    assert record["agency_key"] == "四川省教育厅"
    assert record["findings"] == [
        {"rule": "问题改进缺失", "ok": True, "detail": "“问题改进”一节 212 字"},
        {"rule": "收费未说明", "ok": False, "detail": "行政事业性收费 143.9 万元，正文无说明"},
        {"rule": "模板不符", "ok": True, "detail": "2021 年报告用 2021 版模板"},
    ]
    # 勾稽 keeps meaning the tables' own arithmetic: no finding is among the checks.
    assert record["checks"] and not {c["rule"] for c in record["checks"]} & set(CHECK_RULES)
    assert list(record)[11:14] == ["checks", "findings", "agency_key"]


# --- the query language -----------------------------------------------------------


@pytest.mark.parametrize(
    "text, normal",
    [
        ("检查:文表不符", "check:文表不符"),
        ("check:fees", "check:收费未说明"),
        ("检查:不符", "check:不符"),
        ("检查:任一", "check:不符"),
        ("check:any", "check:不符"),
        ("培训 -检查:跨年结转", "培训 AND NOT check:跨年结转"),
    ],
)
def test_check_values_parse(text, normal):
    assert parse(text).normal() == normal


def test_an_unknown_check_is_a_positioned_error_with_suggestions():
    with pytest.raises(QueryError) as err:
        parse("培训 检查:文表")
    assert (err.value.code, err.value.position, err.value.suggestions) == ("bad_value", 6, ["文表不符"])
    assert (
        err.value.message_zh
        == "第 7 个字符处：未知检查“文表”（可用：跨年结转、文表不符、问题改进缺失、收费未说明、模板不符、不符）"
    )


def test_negation_means_checked_and_passed():
    assert str(compile_query(parse("检查:模板不符"))) == "check_failed:模板不符"
    assert str(compile_query(parse("NOT 检查:模板不符"))) == "check_passed:模板不符"


# --- an index of the bundled reports the checks fail ----------------------------------


@pytest.fixture(scope="module")
def bundled_index(index_of):
    return index_of("findings", BUNDLED)


def _names(ix, q: str) -> set[str]:
    return {Path(hit["source"]).name for hit in search(ix, q, per_page=100)["results"]}


@pytest.mark.parametrize(
    "q, names",
    [
        ("检查:文表不符", {"02_pingtan_zone_2013.html", "06_pingtan_zone_2012.txt"}),
        ("检查:收费未说明", {"2021-2021-tsv-000002.txt"}),
        ("检查:模板不符", {"33_shuozhou_weijianwei_2022.txt"}),
        ("检查:问题改进缺失", {"official-template-2021.docx"}),
        ("检查:跨年结转", set()),
        ("NOT 检查:不符", {"01_shuyang_ndrc_2023.html"}),
        ("NOT 检查:收费未说明", set()),
        ("检查:文表不符 in 2013", {"02_pingtan_zone_2013.html"}),
    ],
)
def test_each_check_finds_exactly_its_reports(bundled_index, q, names):
    assert _names(bundled_index, q) == names


def test_any_failed_check_and_its_counts(bundled_index):
    answer = search(bundled_index, "检查:不符", per_page=100)
    assert answer["total"] == 5
    assert answer["facet_counts"]["checks"] == {
        "文表不符": 2,
        "收费未说明": 1,
        "模板不符": 1,
        "问题改进缺失": 1,
    }
    assert search(bundled_index, "检查:文表不符")["facet_counts"]["checks"] == {"文表不符": 2}
    assert search(bundled_index, "NOT 检查:不符")["facet_counts"]["checks"] == {}


def test_the_index_holds_failed_and_passed_rules(bundled_index):
    with bundled_index.searcher() as searcher:
        reader = searcher.reader()
        failed = {t.decode() for t in reader.lexicon("check_failed")}
        passed = {t.decode() for t in reader.lexicon("check_passed")}
        bodies = {t.decode() for t in reader.lexicon("body_key")}
    assert failed == {"不符", "文表不符", "收费未说明", "模板不符", "问题改进缺失"}
    assert passed == {"不符", "文表不符", "问题改进缺失", "模板不符"}  # 01 states 新收 26 as its table does
    assert "平潭综合实验区管理委员会" in bodies and "四川省教育厅" in bodies


@pytest.fixture(scope="module")
def client(bundled_index):
    return create_app({"INDEX_DIR": bundled_index.storage.folder, "TESTING": True}).test_client()


def _id(ix, name: str) -> str:
    return next(
        h["id"] for h in search(ix, "检查:不符", per_page=100)["results"] if h["source"].endswith(name)
    )


def test_the_report_page_lists_failed_and_passed_checks(client, bundled_index):
    text = client.get(f"/reports/{_id(bundled_index, '02_pingtan_zone_2013.html')}").get_data(as_text=True)
    link = "/?q=" + quote_plus("检查:文表不符", safe=":")
    assert '<div><dt>检查</dt><dd>\n        <span class="bad">文表不符</span>' in text
    assert '<a href="#findings">检查</a>' in text
    assert (
        f'<tr class="failed"><td>✗ 未通过</td><td><a href="{link}" title="正文所述数字与表格不符：查看同类报告">'
        "文表不符</a></td><td><code>主动公开.条数：正文 4970（主动公开） ≠ 表格 72804</code></td></tr>"
    ) in text
    assert "<summary>查看 2 项通过的检查</summary>" in text
    assert (
        '<tr class="ok"><td>✓ 通过</td><td>模板不符</td><td><code>2013 年报告用自由格式（2019 年前）</code></td></tr>'
        in text
    )


def test_the_api_record_and_the_openapi_description(client, bundled_index):
    record = client.get(f"/api/reports/{_id(bundled_index, '2021-2021-tsv-000002.txt')}").get_json()
    assert record["agency_key"] == "四川省教育厅"
    assert [c["rule"] for c in record["findings"] if not c["ok"]] == ["收费未说明"]
    schema = client.get("/api/openapi.json").get_json()["components"]["schemas"]
    assert {"findings", "agency_key"} <= set(schema["Report"]["required"])
    assert "checks" in schema["FacetCounts"]["properties"]


def _sidebar(text: str) -> str:
    return re.search(r'<aside class="sidebar".*?</aside>', text, re.S).group(0)


def test_the_sidebar_counts_failed_checks_and_narrows_any_to_one(client):
    side = _sidebar(client.get("/", query_string={"q": "检查:不符"}).get_data(as_text=True))
    group = re.search(r"<h3>检查未通过</h3>(.*?)</section>", side, re.S).group(1)
    entries = re.findall(
        r'<li class="failed"><a href="([^"]+)">([^<]+)</a><span class="count">(\d+)</span>', group
    )
    assert [(unquote_plus(h), label, n) for h, label, n in entries] == [
        ("/?q=检查:文表不符", "文表不符", "2"),
        ("/?q=检查:收费未说明", "收费未说明", "1"),
        ("/?q=检查:模板不符", "模板不符", "1"),
        ("/?q=检查:问题改进缺失", "问题改进缺失", "1"),
    ]
    chosen = _sidebar(client.get("/", query_string={"q": "平潭 检查:文表不符"}).get_data(as_text=True))
    assert (
        '<li class="active failed"><span class="chosen">文表不符<small class="muted">（已选）</small></span>'
        f'<a class="remove" href="/?q={quote_plus("平潭")}" title="移除这个条件" aria-label="移除条件：文表不符">×</a>'
        '<span class="count">2</span></li>'
    ) in chosen


def test_no_failed_check_no_sidebar_group(client):
    side = _sidebar(client.get("/", query_string={"q": "NOT 检查:不符"}).get_data(as_text=True))
    assert "检查未通过" not in side


# --- 跨年结转 across ingests ------------------------------------------------------------


def _report(year: int, carried: int, left: int) -> str:
    return f"""邵阳市城步苗族自治县商务局{year}年政府信息公开工作年度报告

一、总体情况
{year}年，本局认真贯彻落实《条例》。
二、主动公开政府信息情况
本年主动公开政府信息20条。
三、收到和处理政府信息公开申请情况
本年新收政府信息公开申请10件，上年结转政府信息公开申请{carried}件，结转下年度继续办理{left}件。
四、政府信息公开行政复议、行政诉讼情况
未发生行政复议、行政诉讼。
五、存在的主要问题及改进情况
人员力量不足，下一步加强培训。
六、其他需要报告的事项
无。
"""


def _carry(ix, name: str) -> list[dict]:
    hit = next(h for h in search(ix, "机关:商务局", per_page=10)["results"] if h["source"].endswith(name))
    return [c for c in get_report(ix, hit["id"])["findings"] if c["rule"] == "跨年结转"]


def test_carry_over_follows_the_years_whatever_the_order(tmp_path):
    reports, folder = tmp_path / "reports", tmp_path / "index"
    reports.mkdir()
    (reports / "r2021.txt").write_text(_report(2021, 4, 2), encoding="utf-8")
    ingest([reports], folder, workers=1)
    ix = open_existing(folder)
    assert _carry(ix, "r2021.txt") == [] and _names(ix, "检查:跨年结转") == set()

    # The year before arrives later: the 2021 report gains its check.
    (reports / "r2020.txt").write_text(_report(2020, 1, 3), encoding="utf-8")
    summary = ingest([reports], folder, workers=1)
    assert (len(summary.added), len(summary.unchanged)) == (1, 1)
    ix = open_existing(folder)
    failed = {"rule": "跨年结转", "ok": False, "detail": "上年结转 4 ≠ 2020 年结转下年 3"}
    assert _carry(ix, "r2021.txt") == [failed] and _carry(ix, "r2020.txt") == []
    assert _names(ix, "检查:跨年结转") == {"r2021.txt"}
    assert search(ix, "机关:商务局")["facet_counts"]["checks"] == {"跨年结转": 1}
    assert search(ix, "机关:商务局")["total"] == 2  # rewritten, not added again

    # An unchanged rerun keeps it.
    ingest([reports], folder, workers=1)
    assert _carry(open_existing(folder), "r2021.txt") == [failed]

    # The year before corrected: the check now passes.
    (reports / "r2020.txt").write_text(_report(2020, 1, 4), encoding="utf-8")
    assert len(ingest([reports], folder, workers=1).replaced) == 1
    ix = open_existing(folder)
    assert _carry(ix, "r2021.txt") == [
        {"rule": "跨年结转", "ok": True, "detail": "上年结转 4 = 2020 年结转下年 4"}
    ]
    assert _names(ix, "NOT 检查:跨年结转") == {"r2021.txt"} and _names(ix, "检查:跨年结转") == set()

    # The year before removed: nothing to check against.
    (reports / "r2020.txt").unlink()
    assert len(ingest([reports], folder, workers=1, prune=True).removed) == 1
    ix = open_existing(folder)
    assert _carry(ix, "r2021.txt") == [] and _names(ix, "NOT 检查:跨年结转") == set()


def test_an_index_of_the_old_schema_is_rebuilt_with_nothing_lost(tmp_path):
    reports, folder = tmp_path / "reports", tmp_path / "index"
    reports.mkdir()
    (reports / "r2020.txt").write_text(_report(2020, 1, 3), encoding="utf-8")
    (reports / "r2021.txt").write_text(_report(2021, 4, 2), encoding="utf-8")
    new = {"body_key", "check_failed", "check_passed"}
    from indexer.schema import build_schema

    old = fields.Schema(**{name: field for name, field in build_schema().items() if name not in new})
    ix = index.create_in(str(folder.mkdir() or folder), old, indexname=INDEX_NAME)
    writer = ix.writer()
    for path in sorted(reports.iterdir()):
        document = to_document(extract_path(path), str(path.resolve()))
        writer.add_document(**{k: v for k, v in document.items() if k not in new})
    writer.commit()

    summary = ingest([reports], folder, workers=1)
    assert (len(summary.added), len(summary.unchanged)) == (2, 0)
    ix = open_existing(folder)
    assert search(ix, "机关:商务局")["total"] == 2
    assert _names(ix, "检查:跨年结转") == {"r2021.txt"}
    assert json.loads(json.dumps(_carry(ix, "r2021.txt")))[0]["detail"] == "上年结转 4 ≠ 2020 年结转下年 3"


def test_a_recheck_cut_short_is_done_by_the_next_ingest(tmp_path, monkeypatch):
    reports, folder = tmp_path / "reports", tmp_path / "index"
    reports.mkdir()
    (reports / "r2020.txt").write_text(_report(2020, 1, 3), encoding="utf-8")
    (reports / "r2021.txt").write_text(_report(2021, 4, 2), encoding="utf-8")
    ingest([reports], folder, workers=1)  # one batch: each checked against the other as written
    assert _carry(open_existing(folder), "r2021.txt")[0]["detail"] == "上年结转 4 ≠ 2020 年结转下年 3"

    # A corrected 2020 (结转下年 4) is written with 2021 checked again in the same commit.
    (reports / "r2020.txt").write_text(_report(2020, 1, 4), encoding="utf-8")
    ingest([reports], folder, workers=1)
    passed = {"rule": "跨年结转", "ok": True, "detail": "上年结转 4 = 2020 年结转下年 4"}
    assert _carry(open_existing(folder), "r2021.txt") == [passed]

    # 2020 is deleted, and the ingest killed after pruning it, before 2021 is checked again.
    (reports / "r2020.txt").unlink()

    def killed(*args):
        raise KeyboardInterrupt

    with monkeypatch.context() as patched:
        patched.setattr("indexer.corpus.refresh", killed)
        with pytest.raises(KeyboardInterrupt):
            ingest([reports], folder, workers=1, prune=True)
    assert _carry(open_existing(folder), "r2021.txt") == [passed]  # not yet checked again
    assert json.loads((folder / "history-pending.json").read_text(encoding="utf-8")) == [
        "城步苗族自治县商务局"
    ]

    summary = ingest([reports], folder, workers=1)
    assert len(summary.unchanged) == 1
    assert _carry(open_existing(folder), "r2021.txt") == []
    assert not (folder / "history-pending.json").exists()


def test_the_csv_export_names_the_failed_checks(client):
    rows = client.get("/export.csv", query_string={"q": "检查:不符"}).get_data(as_text=True).splitlines()
    header = rows[0].lstrip("\ufeff").split(",")
    failed = {row.split(",")[header.index("source")].rsplit("/", 1)[-1]: row.split(",")[header.index("failed_checks")]
              for row in rows[1:]}  # fmt: skip
    assert failed == {
        "02_pingtan_zone_2013.html": "文表不符",
        "06_pingtan_zone_2012.txt": "文表不符",
        "2021-2021-tsv-000002.txt": "收费未说明",
        "33_shuozhou_weijianwei_2022.txt": "模板不符",
        "official-template-2021.docx": "问题改进缺失",
    }
