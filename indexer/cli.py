"""The ``nianbao`` command line. Each command translates arguments into one
library call and its result into text or JSON; no extraction logic lives here.

Exit codes: 0 success, 1 some inputs failed, 2 misuse.
"""

from __future__ import annotations

import argparse
import json
import sys
import unicodedata
from collections.abc import Sequence
from importlib.metadata import entry_points

from .errors import NianbaoError
from .files import expand_paths
from .textout import render_report, render_results, render_summary


def _parser() -> argparse.ArgumentParser:
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument(
        "--index", default=argparse.SUPPRESS, help="index folder (default: $NIANBAO_INDEX, else ./index_data)"
    )
    parser = argparse.ArgumentParser(
        prog="nianbao",
        description="Search Chinese government information-disclosure annual reports.",
        parents=[common],
    )
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", required=True)

    ext = sub.add_parser("extract", parents=[common], help="print what ingestion would extract from files")
    ext.add_argument("paths", nargs="+", metavar="FILE", help="report files or folders (searched recursively)")
    ext.add_argument("--json", action="store_true", help="one JSON record per line")

    ing = sub.add_parser("ingest", parents=[common], help="add, replace or skip report files in the index")
    ing.add_argument("paths", nargs="+", metavar="PATH", help="report files or folders (searched recursively)")
    ing.add_argument("--workers", type=int, default=None, help="extraction processes (default: all cores)")
    ing.add_argument("--batch", type=int, default=100, help="commit every N reports (default 100)")
    ing.add_argument("--prune", action="store_true", help="also remove reports whose files were deleted")
    ing.add_argument("--json", action="store_true", help="print the summary as JSON")

    src = sub.add_parser("search", parents=[common], help="run a query (see the query language)")
    src.add_argument("query", help='e.g. "行政处罚 > 10 in 2020" or "问题:人手不足"')
    src.add_argument("--json", action="store_true", help="print the JSON endpoint's object")
    src.add_argument("--limit", type=int, default=10, help="results per page (default 10)")
    src.add_argument("--page", type=int, default=1, help="page number (default 1)")
    src.add_argument("--sort", default=None, help="relevance (default), year, -year, or a facet key, -key")
    src.add_argument("--explain", action="store_true", help="print the parsed query first")
    for entry in entry_points(group="nianbao.commands"):
        # Commands of packages built on this one (search_web adds `serve`): the
        # indexer names none of them, so the layering stays one-way.
        entry.load()(sub, common)
    return parser


def cmd_extract(args: argparse.Namespace) -> int:
    from .extract import try_extract

    failed: list[str] = []
    for path in expand_paths(args.paths):
        outcome = try_extract(path)
        if outcome.skipped:
            print(f"nianbao: {path}: {outcome.reason}; skipped", file=sys.stderr)
        elif outcome.report is None:
            failed.append(f"{path}: {outcome.reason}")
            print(f"nianbao: {path}: {outcome.reason}", file=sys.stderr)
        elif args.json:
            print(json.dumps(outcome.report.to_record(), ensure_ascii=False))
        else:
            print(render_report(outcome.report))
    if failed:
        print(f"nianbao: {len(failed)} file(s) could not be read:", file=sys.stderr)
        for message in failed:
            print(f"  {message}", file=sys.stderr)
        return 1
    return 0


def cmd_ingest(args: argparse.Namespace) -> int:
    from .ingest import ingest
    from .store import index_folder

    summary = ingest(
        args.paths,
        index_folder(args.index),
        workers=args.workers,
        batch=args.batch,
        progress=sys.stderr.isatty(),
        prune=args.prune,
    )
    if args.json:
        print(json.dumps(summary.to_dict(), ensure_ascii=False))
    else:
        print(render_summary(summary.to_dict()))
    return summary.exit_code


def cmd_search(args: argparse.Namespace) -> int:
    from .querylang import QueryError
    from .search import search
    from .store import index_folder, open_existing

    ix = open_existing(index_folder(args.index))
    try:
        answer = search(ix, args.query, page=args.page, per_page=args.limit, sort=args.sort)
    except QueryError as err:
        print(f"nianbao: {err.message}", file=sys.stderr)
        print(f"  {args.query}\n  {_caret(args.query, err.position)}", file=sys.stderr)
        return 2
    if args.json:
        print(json.dumps(answer, ensure_ascii=False))
    else:
        print(render_results(answer, explain=args.explain))
    return 0


def _caret(text: str, position: int | None) -> str:
    """A ^ under the character at ``position``; CJK characters are two columns wide."""
    if position is None:
        return ""
    width = sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text[:position])
    return " " * width + "^"


COMMANDS = {"extract": cmd_extract, "ingest": cmd_ingest, "search": cmd_search}


def main(argv: Sequence[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    args.index = getattr(args, "index", None)
    try:
        handler = getattr(args, "handler", None) or COMMANDS[args.command]
        return handler(args)
    except NianbaoError as err:
        hint = f" ({err.hint})" if err.hint else ""
        print(f"nianbao: {err.message}{hint}", file=sys.stderr)
        return 1
    except BrokenPipeError:
        return 0


if __name__ == "__main__":
    sys.exit(main())
