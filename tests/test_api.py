"""The JSON endpoint over an index of the five seeds: exact answers, error objects, the OpenAPI
description, and schema-driven cases (schemathesis) against that description."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import schemathesis
from hypothesis import HealthCheck, settings
from openapi_spec_validator import validate
from schemathesis.checks import (
    content_type_conformance,
    not_a_server_error,
    response_schema_conformance,
    status_code_conformance,
)

from indexer.extract import extract_path
from search_web import create_app

SEEDS = Path(__file__).parent / "data" / "seeds"
MONEY = "政府集中采购.总金额_万元"


@pytest.fixture(scope="module")
def app(seed_index):
    return create_app({"INDEX_DIR": seed_index.storage.folder, "TESTING": True})


@pytest.fixture(scope="module")
def client(app):
    return app.test_client()


def get_json(client, path: str, status: int = 200, **params) -> dict:
    """GET ``path`` with query parameters; asserts the status and a JSON body, returns it."""
    response = client.get(path, query_string=params)
    assert response.status_code == status, response.get_data(as_text=True)
    assert response.mimetype == "application/json"
    return response.get_json()


def error_of(client, path: str, status: int = 400, **params) -> dict:
    """The error object of a failing request, checked for its fixed shape: an English ``message``
    for scripts and a Chinese ``message_zh`` for people."""
    body = get_json(client, path, status, **params)
    assert set(body) == {"error"}
    error = body["error"]
    assert {"code", "message", "message_zh", "position", "suggestions"} <= set(error) <= {
        "code", "message", "message_zh", "position", "suggestions", "hint", "hint_zh"
    }  # fmt: skip
    assert isinstance(error["message"], str) and error["message"]
    assert re.search(r"[\u4e00-\u9fff]", error["message_zh"]), error["message_zh"]
    return error


# --- /api/search ---------------------------------------------------------------------------------


def test_search_answer(client, seed_ids):
    answer = get_json(client, "/api/search", q="行政处罚 > 10 in 2020")
    assert answer["query"] == "行政处罚 > 10 in 2020"
    assert answer["parsed"] == "行政处罚.处理决定数 > 10 AND year = 2020"
    assert (answer["total"], answer["page"], answer["per_page"]) == (1, 1, 20)
    hit = answer["results"][0]
    assert hit["id"] == seed_ids["000"]
    assert hit["agency"] == "重庆市荣昌区商务委员会"
    assert hit["region"] == {"province": "重庆市", "city": None, "county": "荣昌区"}
    assert (hit["year"], hit["template"]) == (2020, "2019")
    assert hit["facets"] == {"行政处罚.处理决定数": 12}
    assert hit["url"] == f"/reports/{seed_ids['000']}"
    assert answer["facet_counts"] == {
        "year": {"2020": 1},
        "province": {"重庆市": 1},
        "level": {"县级": 1},
        "template": {"2019": 1},
        "consistent": {"yes": 1},
        "checks": {},
        "anomalies": {},
    }
    assert (hit["failed_checks"], hit["anomalies"]) == ([], [])


def test_search_answers_utf8_not_escaped(client):
    raw = client.get("/api/search", query_string={"q": "行政处罚 > 10 in 2020"}).get_data()
    assert "重庆市荣昌区商务委员会".encode() in raw and b"\\u" not in raw


def test_search_highlights_the_scoped_section(client, seed_ids):
    answer = get_json(client, "/api/search", q="问题:人手不足")
    assert [hit["id"] for hit in answer["results"]] == [seed_ids["001"]]
    first = answer["results"][0]["highlights"][0]
    assert set(first) == {"section", "fragment"}
    assert first["section"] == "问题改进"
    assert "<mark>人手不足</mark>" in first["fragment"]


def test_search_paging_and_sorting(client):
    answer = get_json(client, "/api/search", q="in 2019..2020", page="2", per_page="2", sort="-year")
    assert (answer["total"], answer["page"], answer["per_page"]) == (5, 2, 2)
    assert len(answer["results"]) == 2
    years = [
        hit["year"] for hit in get_json(client, "/api/search", q="in 2019..2020", sort="year")["results"]
    ]
    assert years == sorted(years)
    assert get_json(client, "/api/search", q="in 2019..2020", page=9)["results"] == []


def test_unknown_facet_error(client):
    error = error_of(client, "/api/search", q="行政处法 > 10")
    assert error == {
        "code": "unknown_facet",
        "message": "at character 1: unknown facet '行政处法'; did you mean 行政处罚, 行政诉讼, 行政许可?",
        "message_zh": "第 1 个字符处：未知指标“行政处法”；您是否想找：行政处罚、行政诉讼、行政许可？",
        "position": 0,
        "suggestions": ["行政处罚", "行政诉讼", "行政许可", "行政强制", "行政复议"],
        "hint": "did you mean 行政处罚, 行政诉讼, 行政许可?",
        "hint_zh": "您是否想找：行政处罚、行政诉讼、行政许可？",
    }


def test_empty_scope_error(client):
    error = error_of(client, "/api/search", q="问题:(")
    assert (error["code"], error["position"]) == ("empty_scope", 3)
    assert error["message"] == "at character 4: '问题:' has no words after it"
    assert error["message_zh"] == "第 4 个字符处：“问题:”后面缺少要找的词语"


@pytest.mark.parametrize(
    "params, code, named",
    [
        ({"q": "公开", "page": "abc"}, "bad_page", "abc"),
        ({"q": "公开", "page": "1.5"}, "bad_page", "1.5"),
        ({"q": "公开", "page": "0"}, "bad_page", "page"),
        ({"q": "公开", "page": "-3"}, "bad_page", "page"),
        ({"q": "公开", "page": "99999999999999999999"}, "bad_page", "at most 18 digits, not '99999999999999999999'"),
        ({"q": "公开", "per_page": "x"}, "bad_per_page", "x"),
        ({"q": "公开", "per_page": "0"}, "bad_per_page", "per_page"),
        ({"q": "公开", "per_page": "1000"}, "bad_per_page", "per_page"),
        ({"q": "公开", "sort": "nonsense"}, "bad_sort", "nonsense"),
        ({}, "empty_query", ""),
        ({"q": ""}, "empty_query", ""),
        ({"q": "   "}, "empty_query", ""),
    ],
)
def test_bad_parameters_answer_400(client, params, code, named):
    error = error_of(client, "/api/search", **params)
    assert error["code"] == code
    assert named in error["message"]


def test_a_word_of_punctuation_alone_answers_400_not_an_empty_search(client):
    # "人手不足 ?" would AND a word that is in no index: no report, with nothing said why.
    error = error_of(client, "/api/search", q="人手不足 ?")
    assert (error["code"], error["position"]) == ("nothing_to_search", 5)
    assert error["message"] == (
        "at character 6: '?' holds no letter, digit or Chinese character: punctuation and symbols are not searched"
    )
    # Beside a character, punctuation is no word of its own: 人手不足? finds seed 001's 人手不足.
    assert get_json(client, "/api/search", q="人手不足?")["total"] == get_json(client, "/api/search", q="人手不足")["total"] == 1


def test_xss_query_answers_json(client):
    text = "<img src=x onerror=alert(1)>"
    error = error_of(client, "/api/search", q=text)
    assert (error["code"], error["position"]) == ("dangling_operator", 0)
    response = client.get("/api/search", query_string={"q": f'"{text}"'})
    assert response.status_code == 200 and response.mimetype == "application/json"
    assert response.headers["X-Content-Type-Options"] == "nosniff"
    assert response.get_json()["query"] == f'"{text}"'
    assert '"query":"\\"<img src=x onerror=alert(1)>\\""' in response.get_data(as_text=True)


@pytest.mark.parametrize(
    "text", ["问题:人手不足", "公开", "政府信息公开 培训", "培训 OR 宣传", "公开 OR 人手"]
)
def test_highlights_carry_no_markup_but_mark(client, text):
    answer = get_json(client, "/api/search", q=text, per_page=100)
    fragments = [h["fragment"] for hit in answer["results"] for h in hit["highlights"]]
    assert fragments and all("<mark>" in fragment for fragment in fragments)
    for fragment in fragments:
        assert re.findall(r"<[^>]*>", fragment.replace("<mark>", "").replace("</mark>", "")) == []
        assert "<" not in re.sub(r"</?mark>", "", fragment)


# --- /api/reports/<id> ---------------------------------------------------------------------------


@pytest.mark.parametrize("prefix", ["000", "001", "002", "003", "004"])
def test_report_is_the_extraction_record(client, seed_ids, prefix):
    record = get_json(client, f"/api/reports/{seed_ids[prefix]}")
    seed = next(SEEDS.glob(f"{prefix}_*.txt"))
    expected = extract_path(record["source"]).to_record()
    assert Path(record["source"]).resolve() == seed.resolve()
    # Beside what extraction gives, the figures set against the other reports: the five seeds are
    # five bodies of five places, and none shares a section's text with another.
    copying = record.pop("copying")
    assert set(copying.values()) == {0.0} and "雷同.全文" in copying
    assert record.pop("anomalies") == {}  # judged when read: too few peers to judge anything
    assert record == expected


def test_report_000_values(client, seed_ids):
    record = get_json(client, f"/api/reports/{seed_ids['000']}")
    assert record["agency"] == "重庆市荣昌区商务委员会"
    assert record["facets"]["行政处罚.处理决定数"] == 12
    assert record["facets"][MONEY] == 103.9


def test_unknown_report_is_404(client):
    error = error_of(client, "/api/reports/0000000000000000", 404)
    assert error["code"] == "report_not_found" and "0000000000000000" in error["message"]
    assert error["message_zh"] == "没有编号为“0000000000000000”的报告"


def test_unknown_path_and_method_answer_json(client):
    missing = error_of(client, "/api/nothing", 404)
    assert (missing["code"], missing["message"]) == ("not_found", "nothing at /api/nothing")
    assert missing["message_zh"] == "这个地址没有页面：/api/nothing"
    response = client.post("/api/search", data={"q": "公开"})
    assert response.status_code == 405 and response.mimetype == "application/json"
    assert response.get_json()["error"] == {
        "code": "method_not_allowed",
        "message": "POST is not allowed here",
        "message_zh": "这个地址不接受 POST 请求",
        "position": None,
        "suggestions": [],
    }


@pytest.mark.parametrize(
    ("params", "message_zh"),
    [
        ({"q": "公开", "page": "abc"}, "参数 page 应为整数，而不是“abc”"),
        ({"q": "公开", "per_page": "0"}, "每页条数 per_page 应在 1 到 100 之间"),
        (
            {"q": "公开", "sort": "nonsense"},
            "未知的排序方式“nonsense”：可用 relevance（相关度）、year、-year 或指标名称",
        ),
    ],
)
def test_parameter_errors_carry_chinese_beside_english(client, params, message_zh):
    assert error_of(client, "/api/search", **params)["message_zh"] == message_zh


# --- /api/facets and /api/stats ------------------------------------------------------------------


def test_facets_registry(client):
    body = get_json(client, "/api/facets")
    by_key = {f["key"]: f for f in body["facets"]}
    penalty = by_key["行政处罚.处理决定数"]
    assert penalty["aliases"] == ["行政处罚", "处罚"] and penalty["unit"] == "件" and penalty["type"] == "int"
    assert by_key[MONEY]["unit"] == "万元" and by_key[MONEY]["type"] == "float"
    assert [s["name"] for s in body["sections"]] == [
        "总体情况", "主动公开", "依申请公开", "复议诉讼", "问题改进", "其他事项"
    ]  # fmt: skip
    assert {"问题", "改进"} <= set(body["sections"][4]["aliases"])
    fields = {f["name"]: f["aliases"] for f in body["fields"]}
    assert {"agency", "region", "template", "consistent"} <= set(fields)
    assert "机关" in fields["agency"] and "地区" in fields["region"] and "勾稽" in fields["consistent"]


def test_stats_sums_and_medians(client):
    series = get_json(client, "/api/stats", q="in 2019..2020", facet=MONEY)
    assert (series["facet"], series["reports"], series["absent"]) == (MONEY, 4, 1)
    assert series["by_year"] == [
        {"key": 2019, "reports": 2, "sum": 58.9484, "median": 29.4742},
        {"key": 2020, "reports": 2, "sum": 103.9, "median": 51.95},
    ]
    assert series["by_province"][0] == {"key": "重庆市", "reports": 2, "sum": 162.8484, "median": 81.4242}
    assert {g["key"]: g["sum"] for g in series["by_province"][1:]} == {"山东省": 0, "湖南省": 0}


def test_stats_accepts_an_alias(client):
    assert get_json(client, "/api/stats", q="in 2020", facet="采购金额")["facet"] == MONEY


def test_stats_bad_facet(client):
    error = error_of(client, "/api/stats", q="in 2020", facet="行政处法")
    assert error["code"] == "unknown_facet"
    assert "行政处罚" in error["suggestions"]
    assert error["message_zh"].startswith("未知指标“行政处法”；您是否想找：行政处罚")
    missing = error_of(client, "/api/stats", q="in 2020")
    assert (missing["code"], missing["message_zh"]) == ("missing_facet", "缺少参数 facet（指标名称或简称）")
    assert error_of(client, "/api/stats", facet=MONEY)["code"] == "empty_query"


# --- OpenAPI -------------------------------------------------------------------------------------


def test_openapi_document_is_valid(client):
    document = get_json(client, "/api/openapi.json")
    validate(document)
    error = document["components"]["schemas"]["Error"]["properties"]["error"]
    assert error["required"] == ["code", "message", "message_zh", "position", "suggestions"]
    assert set(error["properties"]) == {
        "code",
        "message",
        "message_zh",
        "position",
        "suggestions",
        "hint",
        "hint_zh",
    }
    report = document["components"]["schemas"]["Report"]
    assert "source_url" in report["properties"] and "source_url" not in report["required"]
    assert set(document["paths"]) == {
        "/api/search", "/api/reports/{id}", "/api/reports/{id}/similar", "/api/agencies/{key}", "/api/compare",
        "/api/overview", "/api/facets", "/api/stats", "/api/openapi.json",
    }  # fmt: skip


@pytest.fixture(scope="module")
def api_schema(app):
    return schemathesis.openapi.from_wsgi("/api/openapi.json", app)


schema = schemathesis.pytest.from_fixture("api_schema")
CHECKS = [not_a_server_error, response_schema_conformance, status_code_conformance, content_type_conformance]


@schema.parametrize()
@settings(
    max_examples=60,
    deadline=None,
    derandomize=True,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
def test_api_conforms_to_its_description(case):
    case.call_and_validate(checks=CHECKS)


@pytest.mark.parametrize(
    "path, query",
    [
        ("/api/search", {"q": "行政处罚 > 10 in 2020"}),
        ("/api/search", {"q": "问题:人手不足", "sort": "-行政处罚.处理决定数"}),
        ("/api/search", {"q": "in 2019..2020", "per_page": 100, "sort": "year"}),
        ("/api/search", {"q": "行政处法 > 10"}),
        ("/api/stats", {"q": "in 2019..2020", "facet": MONEY}),
        ("/api/stats", {"q": "机关:商务", "facet": "处罚"}),
        ("/api/facets", {}),
    ],
)
def test_known_answers_conform(api_schema, path, query):
    case = api_schema[path]["GET"].Case(query=query)
    case.call_and_validate(checks=CHECKS)


@pytest.mark.parametrize("prefix", ["000", "001", "002", "003", "004", "none"])
def test_reports_conform(api_schema, seed_ids, prefix):
    case = api_schema["/api/reports/{id}"]["GET"].Case(
        path_parameters={"id": seed_ids.get(prefix, "nothing")}
    )
    case.call_and_validate(checks=CHECKS)
