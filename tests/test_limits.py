"""Query limits, the per-search deadline and exports that fail before their first byte: each
limit answered with a 400 (API), beside the box (page) or a QueryError naming it (library)."""

from __future__ import annotations

import html
import random

import pytest
from whoosh import query as wq

from indexer import arraymatch
from indexer.compile import compile_query
from indexer.export import ExportTooLarge, records
from indexer.highlight import _merged, _window, fragment, occurrences
from indexer.querylang import QueryError, parse
from indexer.search import MAX_PAGE, SearchTimeout, search
from indexer.stats import facet_series
from indexer.textquery import AllOf
from search_web import MAX_QUERY_STRING, create_app


@pytest.fixture(scope="module")
def client(seed_index):
    return create_app({"INDEX_DIR": seed_index.storage.folder, "TESTING": True}).test_client()


def error_of(response) -> dict:
    return response.get_json()["error"]


# --- the parser's limits --------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "code", "position", "message"),
    [
        ("a" * 1001, "query_too_long", 1000, "the query is 1001 characters long; the limit is 1000"),
        ("x " * 101, "too_many_terms", 200, "more than 100 words and conditions"),
        ("(" * 41 + "a" + ")" * 41, "too_deep", 40, "more than 40 nested parentheses and scopes"),
        ("问题:" * 300 + "x", "too_deep", 120, "more than 40 nested parentheses and scopes"),
        ('"公开" ' * 101, "too_many_terms", 500, "more than 100 words and conditions"),
        ("in 2020 " * 101, "too_many_terms", 800, "more than 100 words and conditions"),
    ],
)
def test_each_limit_is_a_positioned_query_error(text, code, position, message):
    with pytest.raises(QueryError) as caught:
        parse(text)
    assert (caught.value.code, caught.value.position) == (code, position)
    assert caught.value.message == f"at character {position + 1}: {message}"


def test_limits_allow_what_people_type():
    provinces = " OR ".join(f"地区:{p}" for p in ["北京", "天津", "河北", "山西", "内蒙古"] * 6)
    assert len(parse(provinces).items) == 30
    assert len(parse("x " * 100).items) == 100
    assert parse("(" * 40 + "a" + ")" * 40).normal() == "a"
    assert parse("a" * 1000).normal() == "a" * 1000


def test_a_scope_inside_a_scope_is_not_a_recursion_error():
    with pytest.raises(QueryError) as caught:
        parse("问题:" * 41 + "培训")
    assert caught.value.code == "too_deep"


# --- the quadratic cost: Whoosh's And as a chain ----------------------------------------


def test_all_of_matches_in_a_balanced_tree(seed_index):
    parts = [wq.Every() for _ in range(1024)]  # parts of one size, as a word typed many times
    with seed_index.searcher() as searcher:
        chain = wq.And(parts[:200]).matcher(searcher)
        balanced = AllOf(parts).matcher(searcher)
        assert chain.depth() == 199  # what made the cost of a query grow with the square of its words
        assert balanced.depth() == 10
        assert list(balanced.all_ids()) == list(searcher.reader().all_doc_ids())  # the five reports
        assert searcher.doc_count() == 5


def test_all_of_finds_what_and_finds(seed_index):
    text = "政府信息 公开 申请"
    with seed_index.searcher() as searcher:
        ours = searcher.search(compile_query(parse(text)), limit=None)
        whoosh = searcher.search(wq.And(list(compile_query(parse(text)).subqueries)), limit=None)
        assert [(round(s, 6), d) for s, d in ours.top_n] == [(round(s, 6), d) for s, d in whoosh.top_n]
    assert len(ours.top_n) == 5


def test_a_word_typed_twice_is_compiled_once():
    assert compile_query(parse("公开 公开 公开")) == compile_query(parse("公开"))
    assert compile_query(parse("公开 申请 公开")) == compile_query(parse("公开 申请"))
    assert compile_query(parse("公开 OR 公开")) == compile_query(parse("公开"))


def test_many_phrases_and_repeated_words_search(seed_index):
    assert search(seed_index, " ".join(['"公开"'] * 100))["total"] == 5
    assert search(seed_index, " ".join(["公开"] * 100))["total"] == 5


# --- highlighting: the best stretch in n log n ------------------------------------------


def _window_by_counting(text, spans, width=160):
    best, best_start = -1, 0
    for start, _ in spans:
        lo = max(0, start - width // 4)
        covered = sum(min(e, lo + width) - max(s, lo) for s, e in spans if s < lo + width and e > lo)
        if covered > best:
            best, best_start = covered, lo
    return best_start, min(len(text), best_start + width)


def test_window_is_the_stretch_with_most_marked_characters():
    rng = random.Random(11)
    for _ in range(2000):
        size = rng.randint(1, 600)
        spans = _merged([(a, a + rng.randint(1, 8)) for a in (rng.randrange(size) for _ in range(rng.randint(1, 30)))])
        text = "x" * (size + 10)
        assert _window(text, spans) == _window_by_counting(text, spans), spans


def test_a_section_marked_fifty_thousand_times_is_highlighted():
    text = "公开" * 50_000
    spans = occurrences(text, ["公"])
    assert len(spans) == 50_000
    assert fragment(text, spans).startswith("<mark>公</mark>开<mark>公</mark>")


# --- paging ------------------------------------------------------------------------------


def test_page_past_the_limit_is_a_400_naming_it(client):
    response = client.get("/api/search", query_string={"q": "公开", "page": str(MAX_PAGE + 1)})
    assert response.status_code == 400
    assert error_of(response)["code"] == "page_too_large"
    assert error_of(response)["message"] == "page must be at most 10000"
    assert client.get("/api/search", query_string={"q": "公开", "page": str(MAX_PAGE)}).status_code == 200


def test_page_limit_beside_the_box(client):
    response = client.get("/", query_string={"q": "公开", "page": "99999"})
    assert response.status_code == 400
    text = response.get_data(as_text=True)
    assert '<p class="error-title">参数超出限制</p>' in text
    assert "页码 page 不能超过 10000；请缩小检索范围或改用导出" in text


# --- query limits over HTTP ----------------------------------------------------------------


@pytest.mark.parametrize(
    ("q", "code"),
    [("a" * 5000, "query_too_long"), ("x " * 150, "too_many_terms"), ("(" * 60 + "a" + ")" * 60, "too_deep")],
)
def test_api_answers_each_limit_with_400(client, q, code):
    response = client.get("/api/search", query_string={"q": q})
    assert response.status_code == 400
    assert error_of(response)["code"] == code
    stats = client.get("/api/stats", query_string={"q": q, "facet": "申请.新收"})
    assert (stats.status_code, error_of(stats)["code"]) == (400, code)


def test_page_shows_a_limit_beside_the_box_with_400(client):
    q = "x " * 150
    response = client.get("/", query_string={"q": q})
    assert response.status_code == 400
    text = response.get_data(as_text=True)
    assert '<p class="error-title">查询超出限制</p>' in text
    assert "第 201 个字符处：词语和条件超过 100 个" in text


def test_page_echoes_a_huge_query_once(client):
    q = "a" * 20_000
    response = client.get("/", query_string={"q": q})
    assert response.status_code == 400
    text = response.get_data(as_text=True)
    assert "第 1001 个字符处：查询有 20000 个字符，超过上限 1000 个字符" in text
    # In the box and the builder's hidden copy; the title and the error show 60 and 40 characters.
    assert text.count("a" * 19_000) == 2
    assert f"<title>{'a' * 59}… · 检索" in text


def test_a_syntax_error_stays_a_normal_answer_of_the_page(client):
    response = client.get("/", query_string={"q": "行政处罚 >"})
    assert response.status_code == 200
    assert 'class="query-error"' in response.get_data(as_text=True)


def test_an_over_long_query_string_is_414_naming_the_limit(client):
    response = client.get("/api/search", query_string={"q": "公" * 4000})
    assert response.status_code == 414
    assert error_of(response)["code"] == "address_too_long"
    assert error_of(response)["message"] == f"the query string is 36002 bytes long; the limit is {MAX_QUERY_STRING}"
    page = client.get("/", query_string={"q": "公" * 4000})
    assert page.status_code == 414
    assert "网址的参数部分有 36002 字节，超过上限 32768 字节" in page.get_data(as_text=True)


# --- the deadline -------------------------------------------------------------------------


def test_a_search_past_its_time_raises_search_timeout(seed_index):
    with pytest.raises(SearchTimeout) as caught:
        search(seed_index, "公开", timeout=0.0)
    assert caught.value.code == "search_too_slow"
    assert caught.value.message.startswith("the search took longer than 0 s: narrow it")
    with pytest.raises(SearchTimeout):
        facet_series(seed_index, "公开", "申请.新收", timeout=0.0)
    assert search(seed_index, "公开", timeout=30)["total"] == 5


def test_the_deadline_is_checked_while_hits_are_collected(seed_index, monkeypatch):
    """Past the deadline mid-search: the search stops at the next check, not after the last node."""
    import indexer.search as searching

    clock = iter([0.0, 0.0, 0.0] + [100.0] * 1000)  # the start, two checks in time, then late
    monkeypatch.setattr(searching.time, "monotonic", lambda: next(clock))
    deadline = searching.Deadline(1.0)
    calls = []
    original = searching.Deadline.check
    monkeypatch.setattr(searching.Deadline, "check", lambda self: (calls.append(1), original(self)))
    with seed_index.searcher() as searcher, pytest.raises(SearchTimeout):
        arraymatch.hits(searcher, compile_query(parse("公开")), deadline)
    assert len(calls) == 3  # before the segment, at the query's root, then at its first part: late


def test_api_and_page_answer_a_slow_search_with_400(seed_index):
    slow = create_app({"INDEX_DIR": seed_index.storage.folder, "TESTING": True, "SEARCH_TIMEOUT": 0.0})
    client = slow.test_client()
    response = client.get("/api/search", query_string={"q": "公开"})
    assert (response.status_code, error_of(response)["code"]) == (400, "search_too_slow")
    page = client.get("/", query_string={"q": "公开"})
    assert page.status_code == 400
    text = page.get_data(as_text=True)
    assert '<p class="error-title">检索超时</p>' in text
    assert "检索超过 0 秒仍未完成：请缩小范围" in text
    export = client.get("/export.csv", query_string={"q": "公开"})
    assert export.status_code == 400
    assert "检索超过 0 秒仍未完成" in export.get_data(as_text=True)


# --- exports ------------------------------------------------------------------------------


def test_export_over_its_limit_is_refused_before_a_byte(seed_index):
    with pytest.raises(ExportTooLarge) as caught:
        records(seed_index, "公开", limit=4)
    assert caught.value.message.startswith("the query matches 5 reports; an export holds at most 4: narrow it")
    assert len(list(records(seed_index, "公开", limit=5))) == 5
    small = create_app({"INDEX_DIR": seed_index.storage.folder, "TESTING": True, "EXPORT_LIMIT": 4})
    response = small.test_client().get("/export.csv", query_string={"q": "公开"})
    assert response.status_code == 400
    assert response.mimetype == "text/html"
    assert html.escape("检索结果有 5 份报告，一次最多导出 4 份") in response.get_data(as_text=True)


@pytest.mark.parametrize("q", ["a" * 2000, "x " * 150, "行政处法 > 10", ""])
def test_a_failing_export_is_an_error_page_not_a_cut_file(client, q):
    for path in ("/export.csv", "/export.jsonl"):
        response = client.get(path, query_string={"q": q})
        assert response.status_code == 400
        assert "Content-Disposition" not in response.headers


def test_export_reads_from_the_searcher_it_counted_with(seed_index):
    items = records(seed_index, "公开", sort="year")
    years = [r["year"] for r in items]
    assert years == [2019, 2019, 2020, 2020, 2020]
