"""Ingest speed and query latency over generated reports.

    python scripts/bench_index.py [--count 1000] [--workers 2] [--repeat 5]

Writes ``count`` generated reports (tab-separated text, the cheapest form to
read, so the numbers measure indexing rather than PDF parsing), ingests them
into a fresh index with ``workers`` extraction processes, then runs a fixed
set of queries ``repeat`` times each and prints median and p95 latency.
On a shared 2-core machine expect ±20 % between runs.
"""

from __future__ import annotations

import argparse
import resource
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from indexer.generator import generate, write  # noqa: E402
from indexer.ingest import ingest  # noqa: E402
from indexer.search import search  # noqa: E402
from indexer.store import open_existing  # noqa: E402

QUERIES = (
    "行政处罚 > 10 in 2020",
    "问题:人手不足",
    "采购金额 > 50万 地区:重庆",
    "申请.新收 >= 5 AND NOT 模板:2019",
    '"政府信息公开" in 2019-2021',
    "公开",
    "in 2021",
)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--count", type=int, default=1000)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        reports = Path(tmp) / "reports"
        reports.mkdir()
        for seed in range(args.count):
            write(generate(seed), "tsv", reports)
        start = time.perf_counter()
        summary = ingest([reports], Path(tmp) / "index", workers=args.workers)
        seconds = time.perf_counter() - start
        print(f"ingest: {len(summary.added)} reports in {seconds:.1f} s = {len(summary.added) / seconds:.1f} reports/s "
              f"({args.workers} workers); failed {len(summary.failed)}")
        start = time.perf_counter()
        again = ingest([reports], Path(tmp) / "index", workers=args.workers)
        print(f"re-ingest (all unchanged): {len(again.unchanged)} in {time.perf_counter() - start:.1f} s")
        size = sum(p.stat().st_size for p in (Path(tmp) / "index").iterdir()) / 2**20
        print(f"index size: {size:.1f} MB; peak memory of this process: "
              f"{resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MB")
        ix = open_existing(Path(tmp) / "index")
        search(ix, "公开")  # warm the analyzer
        print(f"{'query':<36} {'hits':>6} {'median ms':>10} {'p95 ms':>8}")
        for text in QUERIES:
            times, total = [], 0
            for _ in range(args.repeat):
                started = time.perf_counter()
                total = search(ix, text)["total"]
                times.append((time.perf_counter() - started) * 1000)
            times.sort()
            p95 = times[min(len(times) - 1, int(len(times) * 0.95))]
            print(f"{text:<36} {total:>6} {statistics.median(times):>10.1f} {p95:>8.1f}")


if __name__ == "__main__":
    main()
