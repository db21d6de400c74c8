"""``nianbao bench``'s options; the run itself is imported only when asked for (it loads the generator)."""

from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
from pathlib import Path


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--count", type=int, default=10_000, help="reports to generate and ingest (default 10000)"
    )
    parser.add_argument("--queries", type=int, default=100, help="queries per class (default 100)")
    parser.add_argument("--workers", type=int, default=os.cpu_count() or 1, help="extraction processes")
    parser.add_argument(
        "--dir",
        default=None,
        help="working folder, kept (its corpus is reused by later runs); default a temporary one",
    )
    parser.add_argument("--no-baseline", action="store_true", help="skip the plain Whoosh + jieba comparison")
    parser.add_argument("--json", default=None, metavar="FILE", help="also write the results as JSON")


def execute(args: argparse.Namespace) -> int:
    from .report import table
    from .runner import run

    def log(line: str) -> None:
        print(f"bench: {line}", file=sys.stderr, flush=True)

    if args.dir:
        workdir = Path(args.dir)
        workdir.mkdir(parents=True, exist_ok=True)
        results = run(args.count, workdir, args.queries, args.workers, not args.no_baseline, log)
    else:
        with tempfile.TemporaryDirectory(prefix="nianbao-bench-") as tmp:
            results = run(args.count, Path(tmp), args.queries, args.workers, not args.no_baseline, log)
    print(table(results))
    if args.json:
        Path(args.json).write_text(json.dumps(results, ensure_ascii=False, indent=1))
    return 0
