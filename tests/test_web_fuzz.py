"""No user input makes the web front end answer 500."""

import random

import pytest

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
