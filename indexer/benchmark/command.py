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
    _load_arguments(parser)


def _load_arguments(parser: argparse.ArgumentParser) -> None:
    from indexer.cli import int_between

    load = parser.add_argument_group("load", "concurrent clients against `nianbao serve` on loopback")
    chosen = load.add_mutually_exclusive_group()
    chosen.add_argument("--no-load", action="store_true", help="skip the load rounds")
    chosen.add_argument(
        "--load-only",
        action="store_true",
        help="only index the corpus (what changed, with --dir) and run the load rounds",
    )
    load.add_argument(
        "--load-clients", type=int_between(1, 1000), default=32, help="concurrent clients (default 32)"
    )
    load.add_argument(
        "--load-seconds", type=int_between(1, 3600), default=30, help="seconds per round (default 30)"
    )
    load.add_argument("--load-rounds", type=int_between(1, 100), default=3, help="rounds (default 3)")


def execute(args: argparse.Namespace) -> int:
    if args.dir:
        workdir = Path(args.dir)
        workdir.mkdir(parents=True, exist_ok=True)
        results = _run(args, workdir)
    else:
        with tempfile.TemporaryDirectory(prefix="nianbao-bench-") as tmp:
            results = _run(args, Path(tmp))
    if args.json:
        Path(args.json).write_text(json.dumps(results, ensure_ascii=False, indent=1))
    return 0


def _run(args: argparse.Namespace, workdir: Path) -> dict:
    """Run what was asked and print its table; the results."""
    from . import load
    from .report import load_only_table, table
    from .runner import run

    def log(line: str) -> None:
        print(f"bench: {line}", file=sys.stderr, flush=True)

    settings = load.Settings(args.load_clients, args.load_seconds, args.load_rounds)
    if args.load_only:
        results = load.load_only(args.count, workdir, args.workers, settings, log)
        print(load_only_table(results))
        return results
    chosen = None if args.no_load else settings
    results = run(args.count, workdir, args.queries, args.workers, not args.no_baseline, log, chosen)
    print(table(results))
    return results
