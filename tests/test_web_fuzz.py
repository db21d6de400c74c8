"""No user input makes the web front end answer 500."""

import random

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from search_web import create_app

ALPHABET = list("行政处罚申请新收问题人手不足采购金额地区重庆模板勾稽不符年") + list(
    " <>=!()\"'：:（）“”＞≥.-&|0123456789abcANDORNOTin%\\/\x00\u3000²١１"
)
PARAMS = ("q", "page", "per_page", "sort", "chart", "b_facet", "b_op", "b_value")
REPORT_PATHS = ("/reports/{}", "/api/reports/{}", "/reports/{}/file")  # {}: a report id (noise)
PATHS = (
    "/",
    "/search",
    "/browse",
    "/export.csv",
    "/export.jsonl",
    "/api/search",
    "/api/stats",
    *REPORT_PATHS,
)


@pytest.fixture(scope="module")
def client(seed_index):
    return create_app({"INDEX_DIR": seed_index.storage.folder, "TESTING": True}).test_client()


def noise(rng: random.Random) -> str:
    return "".join(rng.choice(ALPHABET) for _ in range(rng.randint(0, 24)))


def test_random_requests_never_get_a_500(client):
    rng = random.Random(4)
    for _ in range(1500):
        path = rng.choice(PATHS)
        if "{}" in path:
            path = path.format(noise(rng).replace("/", "") or "x")
        args = {name: noise(rng) for name in rng.sample(PARAMS, rng.randint(0, len(PARAMS)))}
        if rng.random() < 0.3:
            args["q"] = rng.choice(["行政处罚 > 10", "问题:人手不足", "in 2020", "采购金额 > 50万"]) + noise(
                rng
            )
        response = client.get(path, query_string=args)
        assert response.status_code < 500, (path, args, response.status_code)
        response.close()


# --- hypothesis: methods, parameters, headers and huge values on every route ----------------

ROUTES = (*PATHS, "/reports/x", "/api/reports/x", "/api/facets", "/api/openapi.json", "/static/app.css", "/nope")
METHODS = ("GET", "HEAD", "POST", "PUT", "DELETE", "OPTIONS", "PATCH")
HEADERS = (
    "Accept", "Accept-Language", "Accept-Encoding", "Cookie", "Referer", "User-Agent", "Range", "If-None-Match",
    "If-Modified-Since", "Content-Type", "X-Forwarded-For", "Host",
)  # fmt: skip
_TEXT = st.text(st.sampled_from(ALPHABET), max_size=30)
_VALUE = st.one_of(
    _TEXT,
    st.text(max_size=40),
    st.integers(-(10**30), 10**30).map(str),
    st.builds(lambda piece, n: piece * n, st.sampled_from(["公", "(", "a ", "问题:", '"x" ', "%"]), st.integers(0, 6000)),
)
# Header values: printable latin-1 without line breaks (what HTTP can carry at all).
_HEADER_VALUE = st.one_of(
    st.text(st.characters(min_codepoint=32, max_codepoint=126), max_size=60),
    st.integers(0, 20000).map(lambda n: "x" * n),
)


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    method=st.sampled_from(METHODS),
    path=st.sampled_from(ROUTES),
    args=st.dictionaries(st.sampled_from([*PARAMS, "facet", "x", "q[]"]), _VALUE, max_size=5),
    headers=st.dictionaries(st.sampled_from(HEADERS), _HEADER_VALUE, max_size=4),
)
def test_fuzz_any_request_never_gets_a_500(client, method, path, args, headers):
    response = client.open(path, method=method, query_string=args, headers=headers)
    assert response.status_code < 500, (method, path, args, headers, response.status_code)
    if response.mimetype == "text/html":
        text = response.get_data(as_text=True)
        assert "<script>" not in text.replace('<script src="/static/', "")
    response.close()


@pytest.mark.parametrize("host", [".", "a" * 64 + ".example"])
@pytest.mark.parametrize("path", ["/", "/nope", "/reports/x"])
def test_a_host_werkzeug_refuses_is_a_plain_400_not_a_500(client, host, path):
    """Found by the fuzz: BadHost left no URL adapter, and the error page's url_for then raised."""
    response = client.get(path, headers={"Host": host})
    assert (response.status_code, response.mimetype) == (400, "text/plain")
    assert response.get_data(as_text=True) == "请求无法处理\n请求无法处理（HTTP 400）\n"
    assert response.headers["X-Content-Type-Options"] == "nosniff"
