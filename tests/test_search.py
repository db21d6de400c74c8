"""Searching an index of the five seeds: the spec's queries return exactly."""

from pathlib import Path

import pytest

from indexer.ingest import ingest
from indexer.querylang import QueryError
from indexer.search import BadRequest, Original, OriginalMissing, browse, get_report, original_file, search
from indexer.store import open_existing

SEEDS = Path(__file__).parent / "data" / "seeds"


def found(index, ids, text, **kwargs):
    answer = search(index, text, per_page=100, **kwargs)
    back = {v: k for k, v in ids.items()}
    return {back[hit["id"]] for hit in answer["results"]}


@pytest.mark.parametrize(
    "text, expected",
    [
        ("行政处罚 > 10 in 2020", {"000"}),
        ("行政许可 >= 1", {"001"}),
        ("采购金额 > 50万", {"000", "001"}),
        ("采购金额 > 500000元", {"000", "001"}),
        ("问题:人手不足", {"001"}),
        ("in 2019", {"001", "002"}),
        ("申请.新收 = 0", {"000", "001", "002", "003"}),
        ("申请.新收 != 0", set()),
        ("行政事业性收费.上一年项目数 >= 0", {"000", "001", "002", "003"}),  # 004 lost it
        ("in 2019..2020", {"000", "001", "002", "003", "004"}),
        ("2020年 行政处罚 <= 10", {"003", "004"}),
        ("NOT 行政处罚 > 10", {"001", "002", "003", "004"}),
        ("行政处罚 > 10 OR 行政许可 >= 1", {"000", "001"}),
        ("地区:重庆", {"000", "001"}),
        ("地区:淄博", {"003"}),
        ("机关:商务", {"000", "002", "003", "004"}),
        ("模板:2019", {"000", "001", "002", "003", "004"}),
        ("模板:2021", set()),
        ("级别:县级", {"000", "001", "002", "003", "004"}),  # each names a county or district
        ("级别:省级", set()),
        ("NOT 级别:市级 地区:重庆", {"000", "001"}),
        ("勾稽:不符", set()),
        ("人手不足", {"001"}),
        ('"政府信息公开"', {"000", "001", "002", "003", "004"}),
        ("公开", {"000", "001", "002", "003", "004"}),
        ("问题:人手不足 AND in 2020", set()),
    ],
)
def test_queries_over_the_seeds(seed_index, seed_ids, text, expected):
    assert found(seed_index, seed_ids, text) == expected


def test_answer_shape(seed_index, seed_ids):
    answer = search(seed_index, "行政处罚 > 10 in 2020")
    assert answer["parsed"] == "行政处罚.处理决定数 > 10 AND year = 2020"
    assert answer["total"] == 1 and answer["page"] == 1 and answer["per_page"] == 20
    hit = answer["results"][0]
    assert hit["id"] == seed_ids["000"]
    assert hit["agency"] == "重庆市荣昌区商务委员会" and hit["year"] == 2020 and hit["template"] == "2019"
    assert hit["region"] == {"province": "重庆市", "city": None, "county": "荣昌区"}
    assert hit["facets"] == {"行政处罚.处理决定数": 12}
    assert hit["url"] == f"/reports/{seed_ids['000']}"
    assert answer["facet_counts"]["year"] == {"2020": 1}
    assert answer["facet_counts"]["province"] == {"重庆市": 1}
    assert answer["facet_counts"]["template"] == {"2019": 1}


def test_highlights_name_their_section(seed_index):
    hit = search(seed_index, "问题:人手不足")["results"][0]
    assert [h["section"] for h in hit["highlights"]] == ["问题改进"]
    assert "<mark>人手不足</mark>" in hit["highlights"][0]["fragment"]


def test_facet_counts_over_all(seed_index):
    counts = search(seed_index, "模板:2019")["facet_counts"]
    assert counts["year"] == {"2020": 3, "2019": 2}
    assert counts["province"] == {"重庆市": 2, "宁夏回族自治区": 1, "山东省": 1, "湖南省": 1}


def test_sorting_and_paging(seed_index, seed_ids):
    back = {v: k for k, v in seed_ids.items()}
    answer = search(seed_index, "采购金额 >= 0", sort="-政府集中采购.总金额_万元", per_page=2)
    assert [back[h["id"]] for h in answer["results"]] == ["000", "001"]
    assert answer["total"] == 4
    page2 = search(seed_index, "采购金额 >= 0", sort="-政府集中采购.总金额_万元", per_page=2, page=2)
    assert {back[h["id"]] for h in page2["results"]} == {"002", "003"}
    years = [h["year"] for h in search(seed_index, "模板:2019", sort="year", per_page=5)["results"]]
    assert years == sorted(years)
    years = [h["year"] for h in search(seed_index, "模板:2019", sort="-year", per_page=5)["results"]]
    assert years == sorted(years, reverse=True)


def test_sort_names_a_facet_as_queries_do(seed_index, seed_ids):
    """By key, by alias (采购金额) or by the key a name starts (政府集中采购.总金) — as in ``采购金额 > 50``."""
    ids = [h["id"] for h in search(seed_index, "采购金额 >= 0", sort="-政府集中采购.总金额_万元")["results"]]
    for name in ("-采购金额", "-政府集中采购.总金"):
        assert [h["id"] for h in search(seed_index, "采购金额 >= 0", sort=name)["results"]] == ids
    with pytest.raises(BadRequest) as err:
        search(seed_index, "采购金额 >= 0", sort="-采购")  # neither a key, an alias nor the start of a key
    assert err.value.code == "bad_sort"


def test_query_errors(seed_index):
    with pytest.raises(QueryError) as err:
        search(seed_index, "行政处法 > 10")
    assert err.value.suggestions[0] == "行政处罚"
    with pytest.raises(QueryError) as err:
        search(seed_index, "问题:(")
    assert err.value.position is not None
    with pytest.raises(BadRequest):
        search(seed_index, "in 2020", sort="nonsense")
    with pytest.raises(BadRequest):
        search(seed_index, "in 2020", page=0)


def test_report_by_id(seed_index, seed_ids):
    record = get_report(seed_index, seed_ids["001"])
    assert record["agency"] == "重庆市大渡口区经济和信息化委员会"
    assert record["facets"]["政府集中采购.总金额_万元"] == 58.9484
    assert get_report(seed_index, "no-such-id") is None


def test_traditional_characters_find_simplified_text(seed_index, seed_ids):
    assert found(seed_index, seed_ids, "行政處罰") == found(seed_index, seed_ids, "行政处罚") != set()
    assert found(seed_index, seed_ids, "問題:人手不足") == {"001"}


def test_bad_parameters_say_it_in_chinese_too(seed_index):
    with pytest.raises(BadRequest) as err:
        search(seed_index, "in 2020", page=0)
    assert (err.value.code, err.value.message, err.value.message_zh) == (
        "bad_page", "page must be 1 or more", "页码 page 应为 1 或更大的整数"
    )  # fmt: skip


# -- browse: every report without a query -----------------------------------------------------------


def order(index, ids, **kwargs) -> list[str]:
    back = {v: k for k, v in ids.items()}
    return [back[hit["id"]] for hit in browse(index, per_page=100, **kwargs)["results"]]


@pytest.mark.parametrize(
    ("sort", "expected"),
    [
        # 000 重庆市荣昌区 2020, 001 重庆市大渡口区 2019, 002 城步 (湖南) 2019, 003 周村 (山东) 2020,
        # 004 兴庆 (宁夏) 2020; names in pinyin order: 城步 兴庆 重庆…大渡口 重庆…荣昌 周村.
        ("-year", ["004", "000", "003", "002", "001"]),
        ("year", ["002", "001", "004", "000", "003"]),
        ("agency", ["002", "004", "001", "000", "003"]),
        ("-agency", ["003", "000", "001", "004", "002"]),
        ("province", ["002", "004", "003", "001", "000"]),  # 湖南 宁夏 山东 重庆 重庆
        ("-province", ["001", "000", "003", "004", "002"]),
    ],
)
def test_browse_orders(seed_index, seed_ids, sort, expected):
    assert order(seed_index, seed_ids, sort=sort) == expected


def test_browse_answer(seed_index, seed_ids):
    answer = browse(seed_index, page=2, per_page=2)
    assert (answer["total"], answer["page"], answer["per_page"], answer["sort"]) == (5, 2, 2, "-year")
    assert [hit["id"] for hit in answer["results"]] == [seed_ids["003"], seed_ids["002"]]
    assert answer["results"][0]["url"] == f"/reports/{seed_ids['003']}"
    assert answer["facet_counts"] == {
        "year": {"2020": 3, "2019": 2},
        "province": {"重庆市": 2, "宁夏回族自治区": 1, "山东省": 1, "湖南省": 1},
        "level": {"县级": 5},
        "template": {"2019": 5},
        "consistent": {"yes": 5},
        "checks": {},
        "anomalies": {},
    }


def test_browse_bad_sort_and_paging(seed_index):
    with pytest.raises(BadRequest) as err:
        browse(seed_index, sort="relevance")
    assert (
        err.value.message_zh
        == "未知的排序方式“relevance”：可用 -year、year、agency、-agency、province、-province"
    )
    with pytest.raises(BadRequest):
        browse(seed_index, per_page=0)


# -- the original file --------------------------------------------------------------------------------


def test_original_file_is_where_ingest_found_it(seed_index, seed_ids):
    seed = next(SEEDS.glob("002_*.txt"))
    assert original_file(seed_index, seed_ids["002"]) == Original(seed.resolve(), seed.name, "txt")
    assert original_file(seed_index, "no-such-id") is None
    assert original_file(seed_index, "../../etc/passwd") is None


def test_original_file_gone(tmp_path):
    folder = tmp_path / "reports"
    folder.mkdir()
    copy = folder / "copy.txt"
    copy.write_bytes(next(SEEDS.glob("003_*.txt")).read_bytes())
    ingest([folder], tmp_path / "index", workers=1)
    index = open_existing(tmp_path / "index")
    report_id = search(index, "in 2020")["results"][0]["id"]
    copy.unlink()
    with pytest.raises(OriginalMissing) as err:
        original_file(index, report_id)
    assert (err.value.code, err.value.status) == ("file_gone", 404)
    assert err.value.message_zh == "这份报告的原文件已不在原处（copy.txt），可能已被移动或删除"
