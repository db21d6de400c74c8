"""The load rounds ask every kind of request, count what they see, and count failures as errors.

Only counts and shapes are asserted, never a timing: a shared 2-core machine varies too much.
"""

from __future__ import annotations

import json
import socket

import pytest

from indexer.benchmark import load, workload
from indexer.benchmark.report import load_only_table
from indexer.benchmark.server import Server
from indexer.cli import main

ROUND_KEYS = {
    "round",
    "requests",
    "errors",
    "wall_s",
    "requests_per_s",
    "all",
    "kinds",
    "error_examples",
    "memory",
}
QUIET = load.Settings(clients=2, seconds=1, rounds=1)


@pytest.fixture(scope="module")
def workdir(tmp_path_factory):
    return tmp_path_factory.mktemp("load")


@pytest.fixture(scope="module")
def results(workdir):
    settings = load.Settings(clients=len(load.KINDS), seconds=2, rounds=2)  # each kind asked first by one
    return load.load_only(40, workdir, workers=2, settings=settings, log=lambda _: None)


def test_every_kind_is_asked_in_every_round_and_the_counts_add_up(results):
    measured = results["load"]
    assert set(measured) == {
        "clients", "seconds", "server_threads", "rounds", "memory_before", "total", "rss_growth_mb",
    }  # fmt: skip
    assert [r["round"] for r in measured["rounds"]] == [1, 2]
    for r in measured["rounds"]:
        assert set(r) == ROUND_KEYS
        assert list(r["kinds"]) == list(load.KINDS)
        assert all(k["requests"] > 0 and k["errors"] == 0 for k in r["kinds"].values())
        assert sum(k["requests"] for k in r["kinds"].values()) == r["requests"] == r["all"]["requests"]
        assert r["errors"] == 0 and r["error_examples"] == []
        assert 0 < r["memory"]["rss_mb"] <= r["memory"]["hwm_mb"]
    total = measured["total"]
    assert total["requests"] == sum(r["requests"] for r in measured["rounds"])
    for kind in load.KINDS:
        assert total["kinds"][kind]["requests"] == sum(
            r["kinds"][kind]["requests"] for r in measured["rounds"]
        )
    first, last = (r["memory"]["rss_mb"] for r in measured["rounds"])
    assert measured["rss_growth_mb"] == round(last - first, 1)
    assert measured["rounds"][1]["memory"]["rss_change_mb"] == round(last - first, 1)
    assert measured["rounds"][0]["memory"]["rss_change_mb"] == round(
        first - measured["memory_before"]["rss_mb"], 1
    )
    json.dumps(results)  # what --json writes


def test_the_load_table_has_a_row_per_round_and_per_kind(results):
    measured = results["load"]
    printed = load_only_table(results)
    assert printed.startswith("## nianbao bench --load-only: 40 reports, ")
    assert "### Load: 5 clients × 2 s, 2 rounds, server threads default, loopback" in printed
    before = measured["memory_before"]
    assert f"| before | | | | | {before['rss_mb']:.1f} / {before['hwm_mb']:.1f} | |" in printed
    for r in measured["rounds"]:
        memory = r["memory"]
        assert f"| {r['round']} | {r['requests']} | {r['requests_per_s']:.1f} | 0 | " in printed
        assert (
            f" | {memory['rss_mb']:.1f} / {memory['hwm_mb']:.1f} | {memory['rss_change_mb']:+.1f} |"
            in printed
        )
    for kind in load.KINDS:
        assert f"| {kind} | {measured['total']['kinds'][kind]['requests']} | 0 | " in printed
    assert f"server RSS growth from round 1 to round 2: {measured['rss_growth_mb']:+.1f} MB" in printed
    assert "- error:" not in printed


def test_the_plan_draws_every_kind_from_the_index():
    vocab = workload.Vocabulary(
        common=["公开"], middle=["培训", "人手不足"], rare=["城步"], problems=["人手"],
        phrases=["政府信息公开"], provinces=["湖南省"], years=[2020],
        values={"申请.新收": [1.0, 5.0, 9.0]},
    )  # fmt: skip
    records = [{"id": f"{n:016x}"} for n in range(10)]
    addresses = load.plan(vocab, records, per_kind=4)
    assert list(addresses) == list(load.KINDS)
    assert len(addresses["search"]) == 4 * 11 and all(
        a.startswith("/api/search?q=") for a in addresses["search"]
    )
    assert len(addresses["search page"]) == 4 and all(a.startswith("/?q=") for a in addresses["search page"])
    assert len(addresses["stats"]) == 4 and all(a.startswith("/api/stats?q=") for a in addresses["stats"])
    assert len(set(addresses["report page"])) == 4
    assert set(addresses["report page"]) <= {f"/reports/{n:016x}" for n in range(10)}
    assert [a.split("?")[0] for a in addresses["export"]] == ["/export.csv", "/export.jsonl"] * 4
    assert addresses == load.plan(vocab, records, per_kind=4)


def test_answers_of_400_and_more_are_errors_with_examples(workdir, results):
    server = Server(workdir / "index")
    asked = {"missing report": ["/reports/0000000000000000"], "bad query": ["/api/search?q=%28"]}
    try:
        tally = load.run_round(server.host, server.port, asked, QUIET)
    finally:
        server.close()
    summary = tally.summary(tally.wall_s)
    assert summary["requests"] > 0 and summary["errors"] == summary["requests"]
    for kind in asked:
        k = summary["kinds"][kind]
        assert k["requests"] > 0 and k["errors"] == k["requests"] and k["p50"] is None
    assert sorted(summary["error_examples"]) == [
        "bad query: GET /api/search?q=%28 → 400 BAD REQUEST",
        "missing report: GET /reports/0000000000000000 → 404 NOT FOUND",
    ]


def test_a_refused_connection_is_an_error():
    with socket.socket() as taken:  # a port just freed: nothing listens on it
        taken.bind(("127.0.0.1", 0))
        port = taken.getsockname()[1]
    tally = load.run_round("127.0.0.1", port, {"search": ["/api/search?q=x"]}, QUIET)
    summary = tally.summary(tally.wall_s)
    assert summary["requests"] > 0 and summary["errors"] == summary["requests"]
    assert summary["error_examples"] == [
        "search: GET /api/search?q=x → ConnectionRefusedError: [Errno 111] Connection refused"
    ]


def test_bench_load_only_reuses_the_index_and_writes_json(workdir, results, tmp_path, capsys):
    out = tmp_path / "load.json"
    argv = ["bench", "--load-only", "--count", "40", "--dir", str(workdir), "--workers", "2"]
    argv += ["--load-clients", "2", "--load-seconds", "1", "--load-rounds", "1", "--json", str(out)]
    assert main(argv) == 0
    printed, said = capsys.readouterr()
    assert "bench: corpus: 40 reports reused" in said and "bench: index: 0 reports added, 0 failed" in said
    written = json.loads(out.read_text())
    assert written["count"] == 40 and len(written["load"]["rounds"]) == 1
    assert written["load"]["total"]["errors"] == 0
    assert printed.strip() == load_only_table(written)
