"""The ``nianbao`` command line. Each command translates arguments into one
library call and its result into text or JSON; no extraction logic lives here.

Exit codes: 0 success, 1 some inputs failed (or the index, a file, the system
did), 2 misuse (bad arguments, a query that cannot be understood).
Errors are printed once: for people on stderr, in Chinese (``message_zh``);
with ``--json`` as the JSON API's error object on stdout, its ``message`` English.
"""

from __future__ import annotations

import argparse
import dataclasses
import json
import os
import re
import sys
from collections.abc import Sequence
from importlib.metadata import entry_points
from typing import NoReturn

from .errors import NianbaoError
from .filenames import display_name
from .files import find_files
from .messages_zh import os_error_zh, reason_zh
from .textout import render_error, render_report, render_results, render_summary

EXIT_FAILED, EXIT_MISUSE, EXIT_INTERRUPTED = 1, 2, 130


class _Parser(argparse.ArgumentParser):
    """argparse, with its misuse messages in Chinese (subcommands inherit the class)."""

    def error(self, message: str) -> NoReturn:
        self.print_usage(sys.stderr)
        self.exit(EXIT_MISUSE, f"{self.prog}: {_usage_zh(message)}\n")


_USAGE_MESSAGES = [
    (r"the following arguments are required: (.*)", "缺少参数：{}"),
    (r"unrecognized arguments: (.*)", "无法识别的参数：{}"),
    (r"argument (\S+): invalid int value: (.*)", "参数 {}：{} 不是整数"),
    (r"argument (\S+): invalid choice: (.*?) \(choose from (.*)\)", "参数 {}：没有 {} 这一项（可选：{}）"),
    (r"argument (\S+): expected one argument", "参数 {} 后面需要一个值"),
    (r"argument (\S+): (.*)", "参数 {}：{}"),
]


def _usage_zh(message: str) -> str:
    """argparse's message in Chinese where it is a common one (it ships no Chinese of its own)."""
    for pattern, text in _USAGE_MESSAGES:
        match = re.fullmatch(pattern, message)
        if match:
            return text.format(*match.groups())
    return message


def int_between(low: int, high: int):
    """An argparse type: an integer from ``low`` to ``high``, refused in Chinese otherwise."""

    def parse(text: str) -> int:
        try:
            value = int(text)
        except ValueError:
            raise argparse.ArgumentTypeError(f"'{text}' 不是整数") from None
        if not low <= value <= high:
            raise argparse.ArgumentTypeError(f"{value} 不在 {low}–{high} 之间")
        return value

    return parse


def search_bound(name: str):
    """An argparse type for ``search --limit`` and ``--page``: from 1 to the search's own bound
    (``search.MAX_PER_PAGE``, ``MAX_PAGE``), so a bad value is named by its option, not by the
    API's parameter. The search module is imported only when the option is given: it is slow to
    import, and the command that takes it imports it anyway."""

    def parse(text: str) -> int:
        from . import search

        return int_between(1, getattr(search, name))(text)

    return parse


def _parser() -> argparse.ArgumentParser:
    common = _Parser(add_help=False)
    index = common.add_argument(
        "--index", default=argparse.SUPPRESS, help="index folder (default: $NIANBAO_INDEX, else ./index_data)"
    )
    parser = _Parser(
        prog="nianbao",
        description="Search Chinese government information-disclosure annual reports.",
        parents=[common],
    )
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", required=True)

    ext = sub.add_parser("extract", parents=[common], help="print what ingestion would extract from files")
    ext.add_argument(
        "paths", nargs="+", metavar="FILE", help="report files or folders (searched recursively)"
    )
    ext.add_argument("--json", action="store_true", help="one JSON record per line")

    ing = sub.add_parser("ingest", parents=[common], help="add, replace or skip report files in the index")
    ing.add_argument(
        "paths", nargs="+", metavar="PATH", help="report files or folders (searched recursively)"
    )
    ing.add_argument(
        "--workers", type=int_between(1, 1024), default=None, help="extraction processes (default: all cores)"
    )
    ing.add_argument(
        "--batch", type=int_between(1, 1_000_000), default=1000, help="commit every N reports (default 1000)"
    )
    ing.add_argument("--prune", action="store_true", help="also remove reports whose files were deleted")
    ing.add_argument(
        "--file-timeout",
        type=int_between(1, 86_400),
        default=120,
        metavar="SECONDS",
        help="give up on a file that takes longer to read (default 120)",
    )
    ing.add_argument(
        "--memory-limit",
        type=int_between(0, 1_048_576),
        default=4096,
        metavar="MB",
        help="address space of each extraction process; a file needing more fails (default 4096; 0: none)",
    )
    ing.add_argument("--json", action="store_true", help="print the summary as JSON")

    src = sub.add_parser("search", parents=[common], help="run a query (see the query language)")
    src.add_argument("query", help='e.g. "行政处罚 > 10 in 2020" or "问题:人手不足"')
    searching = [
        index,
        src.add_argument("--json", action="store_true", help="print the JSON endpoint's object (errors too)"),
        src.add_argument(
            "--limit", type=search_bound("MAX_PER_PAGE"), default=10, help="results per page (default 10)"
        ),
        src.add_argument("--page", type=search_bound("MAX_PAGE"), default=1, help="page number (default 1)"),
        src.add_argument(
            "--sort", default=None, help="relevance (default), year, -year, or a facet (key or alias), -facet"
        ),
        src.add_argument("--explain", action="store_true", help="print the parsed query first"),
    ]
    # The search options that take a value, for ``_search_argv`` (a flag's nargs is 0).
    parser.search_values = frozenset(s for action in searching if action.nargs != 0 for s in action.option_strings)
    bench = sub.add_parser("bench", help="generate N reports, ingest them, time every query class (slow)")
    from .benchmark.command import add_arguments

    add_arguments(bench)
    for entry in entry_points(group="nianbao.commands"):
        # Commands of packages built on this one (search_web adds `serve`): the
        # indexer names none of them, so the layering stays one-way.
        entry.load()(sub, common)
    return parser


def cmd_extract(args: argparse.Namespace) -> int:
    """Each file's record (or readable summary) on stdout; each file that has none, once, on stderr."""
    from .extract import try_extract

    found = find_files(args.paths)
    seen = failed = 0
    for problem in found.problems:
        seen += 1
        failed += problem.failed
        _not_read(problem.path, problem.reason, skipped=not problem.failed)
    for path in found.files:
        seen += 1
        outcome = try_extract(path)
        if outcome.report is None:
            failed += not outcome.skipped
            _not_read(path, outcome.reason or "unknown error", skipped=outcome.skipped)
            continue
        report = dataclasses.replace(outcome.report, source=display_name(outcome.report.source))
        if args.json:
            print(json.dumps(report.to_record(), ensure_ascii=False))
        else:
            print(render_report(report))
    if failed and seen > 1:
        print(f"nianbao: {seen} 个文件中有 {failed} 个无法读取", file=sys.stderr)
    return EXIT_FAILED if failed else 0


def _not_read(path, reason: str, *, skipped: bool) -> None:
    """One line on stderr for a file ``extract`` has no record of."""
    print(
        f"nianbao: {display_name(path)}: {reason_zh(reason)}{'；已跳过' if skipped else ''}", file=sys.stderr
    )


def cmd_ingest(args: argparse.Namespace) -> int:
    from .ingest import ingest
    from .store import index_folder
    from .workers import Limits

    summary = ingest(
        args.paths,
        index_folder(args.index),
        workers=args.workers,
        batch=args.batch,
        progress=sys.stderr.isatty(),
        prune=args.prune,
        limits=Limits(timeout=args.file_timeout, memory_mb=args.memory_limit),
    )
    if args.json:
        print(json.dumps(summary.to_dict(), ensure_ascii=False))
    else:
        print(render_summary(summary.to_dict()))
    return summary.exit_code


def cmd_search(args: argparse.Namespace) -> int:
    """One page of results; a query error is raised to ``main``, which prints it once."""
    from .search import search
    from .store import index_folder, open_existing

    ix = open_existing(index_folder(args.index))
    answer = search(ix, args.query, page=args.page, per_page=args.limit, sort=args.sort)
    if args.json:
        print(json.dumps(answer, ensure_ascii=False))
    else:
        print(render_results(answer, explain=args.explain))
    return 0


def cmd_bench(args: argparse.Namespace) -> int:
    from .benchmark.command import execute

    return execute(args)


COMMANDS = {"extract": cmd_extract, "ingest": cmd_ingest, "search": cmd_search, "bench": cmd_bench}


def error_object(err: NianbaoError) -> dict:
    """The JSON API's error object, so a script reads one shape from the CLI and from /api:
    ``{"error": {"code", "message", "message_zh", "position", "suggestions"}}``, with
    ``hint`` and ``hint_zh`` when the error has them."""
    return {"error": err.to_dict()}


def exit_code(err: NianbaoError) -> int:
    """2 when the input was wrong (the API's 400: a bad query, sort, page), else 1."""
    return EXIT_MISUSE if err.status == 400 else EXIT_FAILED


def _report(err: NianbaoError, args: argparse.Namespace) -> int:
    """Print ``err`` once: JSON on stdout with ``--json``, else Chinese on stderr."""
    if getattr(args, "json", False):
        print(json.dumps(error_object(err), ensure_ascii=False))
    else:
        print(render_error(err, getattr(args, "query", None)), file=sys.stderr)
    return exit_code(err)


def _unexpected(err: Exception) -> int:
    """A bug, told in one line rather than a traceback; NIANBAO_DEBUG=1 shows the traceback."""
    if os.environ.get("NIANBAO_DEBUG"):
        raise err
    print(f"nianbao: 内部错误（{type(err).__name__}: {err}）", file=sys.stderr)
    print("  提示：这是 nianbao 的缺陷，请报告；设置 NIANBAO_DEBUG=1 再运行可看到完整的回溯", file=sys.stderr)
    return EXIT_FAILED


def _quiet_stdout() -> None:
    """After a closed pipe (``nianbao search … | head``) point stdout at /dev/null, so the
    interpreter's last flush does not print an error of its own."""
    try:
        fileno = sys.stdout.fileno()
    except (OSError, ValueError):  # no descriptor (a captured stream): no last flush to fail
        return
    os.dup2(os.open(os.devnull, os.O_WRONLY), fileno)


def _search_argv(argv: list[str], values: frozenset[str]) -> list[str]:
    """``argv`` with the search command's values that begin with '-' kept as values, where
    argparse would take them for options: a descending sort (``--sort -year``, joined as
    ``--sort=-year``) and a query opening with NOT's '-' (``-模板:2019``, moved after ``--``).
    ``values`` are the options that take a value (``--index`` may come before the command)."""
    at = 0
    while at < len(argv) and argv[at] != "search":
        if argv[at].split("=", 1)[0] not in values:
            return argv  # another command, or none: argparse says what is wrong
        at += 1 if "=" in argv[at] else 2
    head, rest, options, operands = argv[: at + 1], argv[at + 1 :], [], []
    i = 0
    while i < len(rest):
        arg = rest[i]
        if arg == "--":
            operands += rest[i + 1 :]
            break
        if arg in values and i + 1 < len(rest) and not rest[i + 1].startswith("--"):
            options.append(f"{arg}={rest[i + 1]}")
            i += 2
            continue
        dashed = arg.startswith("-") and not arg.startswith("--") and arg not in ("-", "-h")
        (operands if dashed else options).append(arg)
        i += 1
    return head + options + (["--", *operands] if operands else [])


def main(argv: Sequence[str] | None = None) -> int:
    parser = _parser()
    args = parser.parse_args(_search_argv(list(sys.argv[1:] if argv is None else argv), parser.search_values))
    args.index = getattr(args, "index", None)
    handler = getattr(args, "handler", None) or COMMANDS[args.command]
    try:
        return handler(args)
    except NianbaoError as err:
        return _report(err, args)
    except BrokenPipeError:
        _quiet_stdout()
        return 0
    except OSError as err:
        print(f"nianbao: {os_error_zh(err)}", file=sys.stderr)
        return EXIT_FAILED
    except KeyboardInterrupt:
        print("nianbao: 已中断", file=sys.stderr)
        return EXIT_INTERRUPTED
    except Exception as err:  # noqa: BLE001 - the last guard before a traceback reaches a person
        return _unexpected(err)


if __name__ == "__main__":
    sys.exit(main())
