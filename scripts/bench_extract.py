"""Extraction speed per input form, on generated reports.

    python scripts/bench_extract.py [--count 40] [--seed 0]

Writes ``count`` reports in each form into a temporary folder, extracts each
once to warm up imports and caches, then times a second pass and prints
milliseconds per file (median and p95) and files per second, one line per form.
Numbers on a shared 2-core machine vary by ±20 %: compare forms with each
other, not runs on different days.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from indexer.extract import extract_path  # noqa: E402
from indexer.generator import FORMS, generate, write  # noqa: E402


def bench(form: str, count: int, seed: int, folder: Path) -> list[float]:
    paths = [write(generate(seed + i, form=form), form, folder) for i in range(count)]
    for path in paths:
        extract_path(path)
    timings = []
    for path in paths:
        start = time.perf_counter()
        extract_path(path)
        timings.append((time.perf_counter() - start) * 1000)
    return timings


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--count", type=int, default=40)
    parser.add_argument("--seed", type=int, default=0)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        print(f"{'form':<10} {'files':>5} {'median ms':>10} {'p95 ms':>8} {'files/s':>8}")
        for form in FORMS:
            folder = Path(tmp) / form
            folder.mkdir()
            ms = sorted(bench(form, args.count, args.seed, folder))
            p95 = ms[min(len(ms) - 1, int(len(ms) * 0.95))]
            rate = 1000 * len(ms) / sum(ms)
            print(f"{form:<10} {len(ms):>5} {statistics.median(ms):>10.1f} {p95:>8.1f} {rate:>8.1f}")


if __name__ == "__main__":
    main()
