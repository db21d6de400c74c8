"""Analyzer throughput on the seed reports, in MB/s of UTF-8 text.

    python scripts/bench_analyzer.py [--repeat 20]

Loads jieba and the converter first (about 1 s, once per process, not counted), then times
jieba's plain cut, the analyzer in index mode with its per-word caches cleared before each pass
("cold": every word planned anew, as for a first document) and with them filled ("warm", as for
the thousands of documents after it), and the analyzer in query mode.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from analyzers import chinese_analyzer  # noqa: E402
from analyzers.filters import to_simplified  # noqa: E402
from analyzers.segment import atoms, cut, plan  # noqa: E402


def clear_word_caches() -> None:
    for cached in (atoms, plan, to_simplified):
        cached.cache_clear()


def mb_per_s(run, texts: list[str], repeat: int, before=None) -> float:
    size = sum(len(t.encode("utf-8")) for t in texts) * repeat
    elapsed = 0.0
    for _ in range(repeat):
        if before:
            before()
        start = time.perf_counter()
        for text in texts:
            run(text)
        elapsed += time.perf_counter() - start
    return size / elapsed / 1e6


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=20)
    args = parser.parse_args()
    texts = [p.read_text(encoding="utf-8") for p in sorted((ROOT / "tests/data/seeds").glob("*.txt"))]
    analyzer = chinese_analyzer()

    def index(text: str) -> None:
        for _ in analyzer(text, positions=True, chars=True, mode="index"):
            pass

    def query(text: str) -> None:
        for _ in analyzer(text, positions=True, chars=True, mode="query"):
            pass

    index(texts[0])  # load jieba and the converter
    kb = sum(len(t.encode("utf-8")) for t in texts) / 1024
    print(f"{len(texts)} seed texts, {kb:.0f} KB, {args.repeat} passes")
    print(f"jieba cut              {mb_per_s(cut, texts, args.repeat):6.2f} MB/s")
    print(f"analyzer index (cold)  {mb_per_s(index, texts, args.repeat, clear_word_caches):6.2f} MB/s")
    print(f"analyzer index (warm)  {mb_per_s(index, texts, args.repeat):6.2f} MB/s")
    print(f"analyzer query         {mb_per_s(query, texts, args.repeat):6.2f} MB/s")


if __name__ == "__main__":
    main()
