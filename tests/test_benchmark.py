"""The benchmark runs end to end and asks what it says it asks (its timings are never asserted)."""

from __future__ import annotations

import pytest

from indexer.benchmark import corpus, load, plain, workload
from indexer.benchmark.report import table
from indexer.benchmark.runner import run
from indexer.generator import FORMS
from indexer.querylang import parse


def test_the_corpus_holds_every_form_and_is_a_prefix_of_larger_ones():
    counted = corpus.forms_in(3000)
    assert set(counted) == set(FORMS)
    assert sum(counted.values()) == 3000
    # A kept corpus folder is reused and grown by later runs: a seed's form never changes.
    assert [corpus.form_of(seed) for seed in range(8)] == [
        "html", "html", "html", "pdf", "docx", "html", "html", "free",
    ]  # fmt: skip
    assert counted["html"] > counted["pdf"] > 0 and counted["docx"] > 0


@pytest.fixture(scope="module")
def results(tmp_path_factory):
    settings = load.Settings(clients=2, seconds=1, rounds=1)
    folder = tmp_path_factory.mktemp("bench")
    return run(130, folder, per_class=3, workers=2, baseline=True, log=lambda _: None, load_settings=settings)


def test_every_report_is_ingested_in_bulk_then_as_an_increment(results):
    assert results["ingest"]["added"] == 100 and results["ingest"]["failed"] == 0
    assert results["increment"]["added"] == 30
    assert results["unchanged_added"] == 0
    assert results["plain"]["documents"] == 130
    # sampled from the workers themselves: one loads jieba's dictionaries (over 100 MB), and its
    # peak is not the parent's size at the fork before its exec
    ingest = results["ingest"]
    assert 100 < ingest["worker_peak_mb"] < 1024 and ingest["tree_peak_mb"] >= ingest["worker_peak_mb"]
    # the writer's CPU while reading, by stage: each stage counted once, within the writer's CPU
    stages = ingest["batch_cpu_s"]
    assert set(stages) == {"figures", "documents", "commits", "merges"}
    assert min(stages.values()) >= 0 and sum(stages.values()) <= ingest["parent_cpu_s"]


def test_every_query_class_is_timed_in_process_and_over_http(results):
    assert set(results["queries"]) == set(workload.CLASSES)
    for timings in results["queries"].values():
        assert timings["in_process"]["n"] == 3 and timings["http"]["n"] == 3
    assert set(results["plain"]["queries"]) == set(plain.ANSWERED) and len(plain.ANSWERED) == 10
    for timings in results["plain"]["queries"].values():
        assert timings["n"] == 3


def test_the_table_has_a_row_per_query_class(results):
    printed = table(results)
    for kind in workload.CLASSES:
        assert f"| {kind} |" in printed
    assert "reports/s (wall)" in printed
    assert "| of which, while reading: each batch's cross-report figures / documents added / commits" in printed
    assert "search time limit" not in printed
    assert all(q["http_timeouts"] == 0 for q in results["queries"].values())


def test_searches_stopped_at_the_time_limit_are_counted_in_the_table(results):
    stopped = {
        **results,
        "queries": {**results["queries"], "phrase": {**results["queries"]["phrase"], "http_timeouts": 3}},
    }
    assert "stopped at the server's search time limit (timed as they ran): phrase 3" in table(stopped)


def test_the_load_rounds_run_after_the_query_classes_and_are_in_the_table(results):
    measured = results["load"]
    assert len(measured["rounds"]) == 1 and measured["clients"] == 2
    assert list(measured["total"]["kinds"]) == list(load.KINDS)
    assert measured["total"]["errors"] == 0
    printed = table(results)
    assert "### Load: 2 clients × 1 s, 1 rounds, server threads default, loopback" in printed
    for kind in load.KINDS:
        assert f"| {kind} | {measured['total']['kinds'][kind]['requests']} | 0 | " in printed
    assert printed.index("| page 10 |") < printed.index("### Load") < printed.index("forms: ")


def test_drawn_queries_are_valid_queries():
    vocab = workload.Vocabulary(
        common=["公开", "信息"], middle=["培训", "人手不足", "等于"], rare=["城步"], problems=["人手"],
        phrases=["政府信息公开"], provinces=["湖南省"], years=[2020, 2021],
        values={"申请.新收": [1.0, 5.0, 9.0], "行政处罚.处理决定数": [0.0, 12.0]},
    )  # fmt: skip
    vocab.middle = [w for w in vocab.middle if workload._plain(w)]
    assert vocab.middle == ["培训", "人手不足"]  # 等于 is an operator word
    drawn = workload.probes(vocab, per_class=25)
    assert drawn == workload.probes(vocab, per_class=25)
    for kind, probes in drawn.items():
        assert len(probes) == 25
        for probe in probes:
            parse(probe.q)
            assert probe.path().startswith("/api/" if kind != "page + chart" else "/?")


def test_a_corpus_folder_grows_to_a_larger_count_and_is_reused(tmp_path):
    reports, written = corpus.build(tmp_path, 30, workers=1)
    assert written and len([p for p in reports.rglob("*") if p.is_file()]) == 30
    first = {p.name: p.stat().st_mtime_ns for p in reports.rglob("*") if p.is_file()}
    reports, written = corpus.build(tmp_path, 45, workers=1)
    now = {p.name: p.stat().st_mtime_ns for p in reports.rglob("*") if p.is_file()}
    assert written and len(now) == 45
    assert all(now[name] == mtime for name, mtime in first.items())  # the first 30 were kept
    assert corpus.build(tmp_path, 45, workers=1) == (reports, False)
