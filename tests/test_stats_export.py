"""Aggregates and exports over the seed index."""

import csv
import io
import json

import pytest

from indexer import numberfmt
from indexer.export import csv_lines, jsonl_lines, records
from indexer.registry import facets
from indexer.search import run_search, search
from indexer.stats import agency_reports, facet_series


def test_facet_series_by_year_and_province(seed_index):
    series = facet_series(seed_index, "in 2019..2020", "政府集中采购.总金额_万元")
    assert series["reports"] == 4 and series["absent"] == 1  # 004 lost its 第（九）项 table
    assert series["by_year"] == [
        {"key": 2019, "reports": 2, "sum": 58.9484, "median": 29.4742},
        {"key": 2020, "reports": 2, "sum": 103.9, "median": 51.95},
    ]
    assert series["by_province"][0] == {"key": "重庆市", "reports": 2, "sum": 162.8484, "median": 81.4242}


def test_facet_series_of_nothing(seed_index):
    assert facet_series(seed_index, "模板:2021", "申请.新收")["by_year"] == []


def test_agency_reports(seed_index, seed_ids):
    assert agency_reports(seed_index, "周村区商务局") == [
        {"id": seed_ids["003"], "year": 2020, "title": "周村区商务局政府信息公开工作年度报告"}
    ]
    assert agency_reports(seed_index, "商务局") == []


def test_csv_export_has_a_bom_and_one_column_per_facet(seed_index, seed_ids):
    text = "".join(csv_lines(records(seed_index, "in 2019..2020", sort="year")))
    assert text.startswith("\ufeffid,title,agency,")
    rows = list(csv.DictReader(io.StringIO(text.lstrip("\ufeff"))))
    assert len(rows) == 5
    assert set(facets()) <= set(rows[0])
    by_id = {row["id"]: row for row in rows}
    assert by_id[seed_ids["000"]]["行政处罚.处理决定数"] == "12"
    assert by_id[seed_ids["004"]]["申请.新收"] == ""  # absent, not 0
    assert by_id[seed_ids["004"]]["申请.办理总计"] == "0"
    assert [row["year"] for row in rows] == sorted(row["year"] for row in rows)


def test_jsonl_export(seed_index):
    lines = list(jsonl_lines(records(seed_index, "问题:人手不足")))
    assert len(lines) == 1
    assert json.loads(lines[0])["agency"] == "重庆市大渡口区经济和信息化委员会"


def test_search_page_pass_gives_the_same_series_and_named_facets(seed_index):
    outcome = run_search(
        seed_index, "采购金额 >= 0 in 2019..2020 行政处罚 >= 0", chart="政府集中采购.总金额_万元"
    )
    assert outcome.chart == facet_series(
        seed_index, "采购金额 >= 0 in 2019..2020 行政处罚 >= 0", "政府集中采购.总金额_万元"
    )
    assert outcome.named == ["政府集中采购.总金额_万元", "行政处罚.处理决定数"]
    assert outcome.answer == {
        **search(seed_index, outcome.answer["query"]),
        "took_ms": outcome.answer["took_ms"],
    }


# -- numbers for people (the UI and the CLI) versus exports (full values) ------------------------------

MONEY = "政府集中采购.总金额_万元"


@pytest.mark.parametrize(
    ("key", "value", "shown"),
    [
        (MONEY, 103.9, "103.9"),
        (MONEY, 103.90000001, "103.9"),
        (MONEY, 12.345678, "12.3457"),
        (MONEY, 58.9484, "58.9484"),
        (MONEY, 0.00004, "0"),
        (MONEY, -0.00004, "0"),
        (MONEY, 1e-4, "0.0001"),
        (MONEY, 120.0, "120"),
        (MONEY, 5, "5"),
        ("行政处罚.处理决定数", 12.0, "12"),
        ("行政处罚.处理决定数", 12, "12"),
        ("行政许可.本年增减", -3.0, "-3"),
        ("申请.新收", 2122.0, "2122"),
        (None, 1.23456789, "1.2346"),
        ("no-such-facet", 2.5, "2.5"),
        (MONEY, float("nan"), "—"),
    ],
)
def test_facet_values_for_people(key, value, shown):
    assert numberfmt.facet_value(key, value) == shown


@pytest.mark.parametrize(
    ("key", "value", "shown"),
    [
        ("申请.新收", 1.5, "1.5"),
        ("申请.新收", 3.0, "3"),
        (MONEY, 29.47424999, "29.4742"),
        (MONEY, 51.95, "51.95"),
    ],
)
def test_sums_and_medians_for_people(key, value, shown):
    assert numberfmt.statistic(key, value) == shown


def test_exports_keep_the_full_value():
    record = {"id": "x", "region": {}, "facets": {MONEY: 12.345678, "行政处罚.处理决定数": 12}, "checks": []}
    rows = list(csv.DictReader(io.StringIO("".join(csv_lines([record])).lstrip("\ufeff"))))
    assert (rows[0][MONEY], rows[0]["行政处罚.处理决定数"]) == ("12.345678", "12")
    assert json.loads(next(jsonl_lines([record])))["facets"][MONEY] == 12.345678


def test_csv_cells_that_look_like_formulas_are_neutralised():
    record = {
        "id": "r1", "title": "=HYPERLINK(\"http://x\",\"点击\")", "agency": "+cmd|' /C calc'!A0",
        "region": {"province": "@SUM(1)", "city": "-2+3", "county": "\tx"}, "year": 2021,
        "published": "2022-01-31", "template": "2021", "source": "普通标题", "checks": [],
        "facets": {"申请.新收": -3},
    }  # fmt: skip
    rows = list(csv.reader(io.StringIO("".join(csv_lines([record])).lstrip("\ufeff"))))
    row = dict(zip(rows[0], rows[1], strict=True))
    assert row["title"] == "'=HYPERLINK(\"http://x\",\"点击\")"
    assert row["agency"] == "'+cmd|' /C calc'!A0"
    assert (row["province"], row["city"], row["county"]) == ("'@SUM(1)", "'-2+3", "'\tx")
    assert (row["source"], row["year"], row["申请.新收"]) == ("普通标题", "2021", "-3")  # numbers stay numbers


def test_groups_sum_exactly_and_take_the_median_of_each_key():
    import math
    import random
    import statistics

    import numpy as np

    from indexer.extract.numbers import tidy
    from indexer.stats import _group

    rng = random.Random(3)
    keys = [rng.choice([2019, 2020, 2021, 2023]) for _ in range(2001)]
    values = [rng.choice([0.0, 1.5, 1e-9, 1e9, rng.uniform(-50, 5000)]) for _ in keys]
    expected = {}
    for key, value in zip(keys, values, strict=True):
        expected.setdefault(key, []).append(value)
    for summed in (True, False):
        found = _group(np.array(keys), np.array(values), summed)
        assert sorted(found, key=lambda g: g["key"]) == [
            {
                "key": key,
                "reports": len(run),
                "sum": tidy(math.fsum(run)) if summed else None,
                "median": tidy(statistics.median(run)),
            }
            for key, run in sorted(expected.items())
        ]
