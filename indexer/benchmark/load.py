"""The server under load: concurrent clients on loopback asking what people ask of it.

``rounds`` starts ``nianbao serve`` on an index and runs ``Settings.rounds``
rounds in which ``clients`` threads, each on its own keep-alive connection,
ask for searches, search pages with a chart, report pages, stats and exports
until the round's time is up. Each round gives its throughput, latency
percentiles per kind, its errors (any status of 400 or more, a refused or
reset connection, a timeout) with examples, and the server's memory after it.
The first round fills the server's caches (analyzer dictionary, segment
readers, facet arrays), so memory growth is read from the first round's end to
the last's; each round's change is given too, so a leak shows as a steady rise. ``nianbao bench`` runs it after its query classes;
``nianbao bench --load-only`` runs only this.
"""

from __future__ import annotations

import http.client
import os
import random
import time
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from itertools import cycle
from pathlib import Path
from urllib.parse import quote, urlencode

from . import workload
from .server import Server, percentiles

KINDS = ("search", "search page", "report page", "stats", "export")
# Mostly searches and report pages, as a search engine is used; exports are the heaviest and rarest.
WEIGHTS = {"search": 45, "search page": 15, "report page": 20, "stats": 10, "export": 10}
# The query classes asked as "search" through the JSON API; stats and page + chart have kinds of their own.
_SEARCH_CLASSES = [kind for kind in workload.CLASSES if kind not in ("stats", "page + chart")]
_EXAMPLES = 5  # distinct error examples kept per round


@dataclass(frozen=True)
class Settings:
    clients: int = 32
    seconds: float = 30.0
    rounds: int = 3
    timeout: float = 30.0  # a request not answered within this is counted as an error
    server_threads: int | None = None  # ``serve --threads``; None: its default


def plan(vocab: workload.Vocabulary, records: list[dict], per_kind: int = 200, seed: int = 1) -> dict:
    """Addresses to ask, by kind: drawn like the benchmark's query classes, report ids from ``records``."""
    drawn = workload.probes(vocab, per_kind, seed)
    ids = sorted({r["id"] for r in records})
    chosen = random.Random(seed).sample(ids, min(len(ids), per_kind))
    # Exports of a researcher's narrowed set: a word, or a word with a threshold and a year.
    exported = drawn["word"] + drawn["word + range + year"]
    return {
        "search": [p.path() for kind in _SEARCH_CLASSES for p in drawn[kind]],
        "search page": [p.path() for p in drawn["page + chart"]],
        "report page": [f"/reports/{quote(i)}" for i in chosen],
        "stats": [p.path() for p in drawn["stats"]],
        "export": [
            f"/export.{fmt}?" + urlencode({"q": p.q})
            for p, fmt in zip(exported, cycle(("csv", "jsonl")), strict=False)
        ],
    }


@dataclass
class Tally:
    """What clients saw: answered requests' milliseconds and failures, by kind."""

    ms: dict[str, list[float]] = field(default_factory=dict)
    failures: dict[str, int] = field(default_factory=dict)
    examples: dict[tuple[str, str], str] = field(default_factory=dict)
    wall_s: float = 0.0  # a round's: from its start to its last client's end

    def record(self, kind: str, ms: float, failure: str | None, path: str) -> None:
        self.ms.setdefault(kind, [])
        self.failures.setdefault(kind, 0)
        if failure is None:
            self.ms[kind].append(ms)
            return
        self.failures[kind] += 1
        if len(self.examples) < _EXAMPLES:
            shown = path if len(path) <= 120 else path[:117] + "..."
            self.examples.setdefault((kind, failure), f"{kind}: GET {shown} → {failure}")

    def merge(self, other: Tally) -> None:
        for kind, ms in other.ms.items():
            self.ms.setdefault(kind, []).extend(ms)
        for kind, n in other.failures.items():
            self.failures[kind] = self.failures.get(kind, 0) + n
        for key, example in other.examples.items():
            if len(self.examples) < _EXAMPLES:
                self.examples.setdefault(key, example)

    def summary(self, wall_s: float) -> dict:
        order = [k for k in KINDS if k in self.ms] + [k for k in self.ms if k not in KINDS]
        kinds = {kind: _kind_summary(self.ms[kind], self.failures[kind]) for kind in order}
        every = [ms for kind in self.ms for ms in self.ms[kind]]
        total = sum(k["requests"] for k in kinds.values())
        errors = sum(self.failures.values())
        return {
            "requests": total,
            "errors": errors,
            "wall_s": round(wall_s, 2),
            "requests_per_s": round(total / wall_s, 1) if wall_s else 0.0,
            "all": _kind_summary(every, errors),
            "kinds": kinds,
            "error_examples": list(self.examples.values()),
        }


def _kind_summary(ms: list[float], errors: int) -> dict:
    """Requests (answered and failed), failures, and the answered ones' percentiles (None without any)."""
    answered = percentiles(ms) if ms else {"p50": None, "p95": None, "p99": None}
    return {"requests": len(ms) + errors, "errors": errors, **{p: answered[p] for p in ("p50", "p95", "p99")}}


def _ask(connection: http.client.HTTPConnection, path: str) -> tuple[str | None, bool]:
    """GET ``path``, reading the whole body; the failure (None when answered below 400), whether to reconnect."""
    try:
        connection.request("GET", path)
        response = connection.getresponse()
        response.read()
    except TimeoutError:
        return "timed out", True
    except (OSError, http.client.HTTPException) as err:
        return f"{type(err).__name__}: {err}" if str(err) else type(err).__name__, True
    failure = None if response.status < 400 else f"{response.status} {response.reason}"
    return failure, response.will_close


def client(
    host: str, port: int, addresses: dict, deadline: float, timeout: float, seed: str, n: int
) -> Tally:
    """Client ``n`` of a round on its own keep-alive connection, asking until ``deadline``: every kind
    once first, starting from the ``n``-th (so as many clients as kinds ask them all even in a
    short round), then kinds drawn by ``WEIGHTS``."""
    rng = random.Random(seed)
    kinds = list(addresses)
    weights = [WEIGHTS.get(kind, 1) for kind in kinds]
    first = kinds[n % len(kinds) :] + kinds[: n % len(kinds)]
    tally, connection = Tally(), None
    while time.perf_counter() < deadline:
        kind = first.pop(0) if first else rng.choices(kinds, weights)[0]
        path = rng.choice(addresses[kind])
        connection = connection or http.client.HTTPConnection(host, port, timeout=timeout)
        started = time.perf_counter()
        failure, reconnect = _ask(connection, path)
        tally.record(kind, (time.perf_counter() - started) * 1000, failure, path)
        if reconnect:
            connection.close()
            connection = None
    if connection:
        connection.close()
    return tally


def run_round(host: str, port: int, addresses: dict, settings: Settings, number: int = 1) -> Tally:
    """``settings.clients`` clients at once for ``settings.seconds``; their tallies merged, wall time set."""
    started = time.perf_counter()
    deadline = started + settings.seconds

    def one(i: int) -> Tally:
        return client(host, port, addresses, deadline, settings.timeout, f"load:{number}:{i}", i)

    merged = Tally(ms={kind: [] for kind in addresses}, failures=dict.fromkeys(addresses, 0))
    with ThreadPoolExecutor(max_workers=settings.clients) as pool:
        for tally in pool.map(one, range(settings.clients)):
            merged.merge(tally)
    merged.wall_s = time.perf_counter() - started
    return merged


def rounds(index: Path, addresses: dict, settings: Settings, log=print) -> dict:
    """Serve ``index`` and run the rounds; each round's summary and memory, all rounds together, growth."""
    server = Server(index, threads=settings.server_threads)
    results: dict = {
        "clients": settings.clients,
        "seconds": settings.seconds,
        "server_threads": settings.server_threads or "default",
        "rounds": [],
    }
    together, wall = Tally(), 0.0
    try:
        results["memory_before"] = previous = server.memory()
        for number in range(1, settings.rounds + 1):
            tally = run_round(server.host, server.port, addresses, settings, number)
            memory = server.memory()
            memory["rss_change_mb"] = round(memory["rss_mb"] - previous["rss_mb"], 1)
            summary = {"round": number, **tally.summary(tally.wall_s), "memory": memory}
            previous = memory
            results["rounds"].append(summary)
            together.merge(tally)
            wall += tally.wall_s
            log(_line(summary))
        if together.failures and any(together.failures.values()):
            results["server_log_tail"] = list(server.stderr_tail)[-10:]
    finally:
        server.close()
    results["total"] = together.summary(wall)
    first, last = results["rounds"][0]["memory"], results["rounds"][-1]["memory"]
    results["rss_growth_mb"] = round(last["rss_mb"] - first["rss_mb"], 1)
    return results


def _line(summary: dict) -> str:
    a = summary["all"]
    return (
        f"load round {summary['round']}: {summary['requests']} requests, {summary['requests_per_s']} /s, "
        f"p95 {a['p95']} ms, {summary['errors']} errors, server RSS {summary['memory']['rss_mb']:.1f} MB"
    )


def load_only(count: int, workdir: Path, workers: int, settings: Settings, log=print) -> dict:
    """``nianbao bench --load-only``: the benchmark corpus of ``count`` reports, indexed (only what
    changed since a kept ``workdir``'s last run), then the load rounds."""
    from indexer.ingest import ingest
    from indexer.live import LiveIndex
    from indexer.store import open_existing

    from . import corpus

    reports, written = corpus.build(workdir / "corpus", count, workers)
    log(f"corpus: {count} reports {'written' if written else 'reused'}")
    index = workdir / "index"
    summary = ingest([reports], index, workers=workers, prune=True)
    log(f"index: {len(summary.added)} reports added, {len(summary.failed)} failed")
    sample = workload.sample(LiveIndex(open_existing(index)))
    addresses = plan(workload.sample_vocabulary(sample), sample)
    return {"count": count, "cores": os.cpu_count(), "load": rounds(index, addresses, settings, log)}
