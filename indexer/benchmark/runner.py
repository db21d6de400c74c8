"""One benchmark run: corpus, ingest, queries in-process and over HTTP, the load rounds, the plain baseline."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

from . import corpus, load, plain, workload
from .probe import TreeMemory
from .server import Server, percentiles


def _ingest(index: Path, paths: list[Path], workers: int) -> dict:
    """Ingest in a child process, sampling the memory of the whole process tree."""
    env = {**os.environ, "NIANBAO_BENCH_WORKERS": str(workers)}
    cmd = [sys.executable, "-m", "indexer.benchmark.probe", str(index), *map(str, paths)]
    child = subprocess.Popen(cmd, stdout=subprocess.PIPE, env=env, text=True)
    sampler = TreeMemory(child.pid)
    sampler.start()
    out, _ = child.communicate()
    tree = sampler.stop()
    if child.returncode != 0:
        raise RuntimeError(f"ingest exited with {child.returncode}")
    result = json.loads(out.strip().splitlines()[-1])
    result["tree_peak_mb"], result["worker_peak_mb"] = tree, sampler.descendant_peak_mb
    cpu = result["parent_cpu_s"] + result["workers_cpu_s"]
    result["reports_per_s"] = result["added"] / result["wall_s"]
    result["reports_per_cpu_s"] = result["added"] / cpu
    return result


def _in_process(ix, probe: workload.Probe) -> None:
    from indexer.search import run_search, search
    from indexer.stats import facet_series

    if probe.kind == "stats":
        facet_series(ix, probe.q, probe.facet)
    elif probe.kind == "page + chart":
        run_search(ix, probe.q, chart=probe.facet)
    else:
        search(ix, probe.q, page=probe.page, sort=probe.sort)


def _timed(run, probes: list[workload.Probe]) -> list[float]:
    ms = []
    for probe in probes:
        started = time.perf_counter()
        run(probe)
        ms.append((time.perf_counter() - started) * 1000)
    return ms


def run(
    count: int,
    workdir: Path,
    per_class: int,
    workers: int,
    baseline: bool,
    log=print,
    load_settings: load.Settings | None = None,
) -> dict:
    from indexer.live import LiveIndex
    from indexer.store import open_existing

    results: dict = {
        "count": count,
        "queries_per_class": per_class,
        "workers": workers,
        "cores": os.cpu_count(),
    }
    started = time.perf_counter()
    reports, written = corpus.build(workdir / "corpus", count, workers)
    results["forms"] = corpus.forms_in(count)
    log(
        f"corpus: {count} reports {'written' if written else 'reused'} in {time.perf_counter() - started:.0f} s"
    )

    index = workdir / "index"
    folders = sorted(p for p in reports.iterdir() if p.is_dir())
    # The last 1 % of the corpus is added afterwards: what adding a week's reports costs.
    cut = len(folders) - max(1, len(folders) // 100) if len(folders) > 1 else len(folders)
    bulk, increment = folders[:cut], folders[cut:]
    shutil.rmtree(index, ignore_errors=True)
    results["ingest"] = _ingest(index, bulk, workers)
    log(f"ingest: {results['ingest']['added']} reports, {results['ingest']['reports_per_s']:.1f} reports/s")
    if increment:
        results["increment"] = _ingest(index, increment, workers)
        log(
            f"increment: {results['increment']['added']} more, {results['increment']['reports_per_s']:.1f} reports/s"
        )
    started = time.perf_counter()
    unchanged = _ingest(index, folders, workers)
    results["unchanged_s"] = time.perf_counter() - started
    results["unchanged_added"] = unchanged["added"]
    results["index_mb"] = sum(p.stat().st_size for p in index.iterdir()) / 2**20
    results["similarity_mb"] = sum(p.stat().st_size for p in index.glob("similarity.sqlite*")) / 2**20

    ix = LiveIndex(open_existing(index))  # as the server holds it
    sample = workload.sample(ix)
    vocab = workload.sample_vocabulary(sample)
    chosen = workload.probes(vocab, per_class)
    results["queries"] = {}
    ix.warm()  # as `nianbao serve` does on start
    _in_process(ix, workload.Probe("word", vocab.middle[0]))
    for kind, probes in chosen.items():
        results["queries"][kind] = {"in_process": percentiles(_timed(lambda p: _in_process(ix, p), probes))}
        log(f"query {kind}: in-process p95 {results['queries'][kind]['in_process']['p95']} ms")
    server = Server(index)
    try:
        server.get(workload.Probe("word", vocab.middle[0]).path())
        for kind, probes in chosen.items():
            answered: list[bool] = []
            ms = _timed(lambda p, answered=answered: answered.append(server.get(p.path())), probes)
            results["queries"][kind]["http"] = percentiles(ms)
            results["queries"][kind]["http_timeouts"] = answered.count(False)
            log(f"query {kind}: HTTP p95 {results['queries'][kind]['http']['p95']} ms")
    finally:
        results["server_peak_mb"] = server.close()
    if load_settings:  # on a server of its own, so its memory figures start from an idle server
        results["load"] = load.rounds(index, load.plan(vocab, sample), load_settings, log)

    if baseline:
        results["plain"] = _baseline(ix, workdir / "plain", vocab, chosen, log)
    return results


def _baseline(ix, folder: Path, vocab, chosen: dict, log) -> dict:
    shutil.rmtree(folder, ignore_errors=True)
    with ix.searcher() as searcher:
        built = plain.build(workload.records_of(searcher), sorted(vocab.values), folder)
    built["reports_per_s"] = built["documents"] / built["wall_s"]
    built["reports_per_cpu_s"] = built["documents"] / built["cpu_s"]
    log(f"plain Whoosh: {built['documents']} documents, {built['reports_per_s']:.1f} per s")
    searcher = plain.PlainSearcher(folder)
    searcher.run(workload.Probe("word", vocab.middle[0]))
    built["queries"] = {}
    for kind in plain.ANSWERED:
        built["queries"][kind] = percentiles(_timed(searcher.run, chosen[kind]))
    return built
