"""The ``nianbao`` command line. Each command translates arguments into one
library call and its result into text or JSON; no extraction logic lives here.

Exit codes: 0 success, 1 some inputs failed, 2 misuse.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections.abc import Sequence

from .errors import NianbaoError
from .files import expand_paths
from .models import Report


def _default_index() -> str:
    return os.environ.get("NIANBAO_INDEX") or "index_data"


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="nianbao",
        description="Search Chinese government information-disclosure annual reports.",
    )
    parser.add_argument("--index", default=None, help="index folder (default: $NIANBAO_INDEX or ./index_data)")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", required=True)
    ext = sub.add_parser("extract", help="print what ingestion would extract from report files")
    ext.add_argument("paths", nargs="+", metavar="FILE", help="report files or folders (searched recursively)")
    ext.add_argument("--json", action="store_true", help="one JSON record per line")
    ext.add_argument("--index", default=None, help=argparse.SUPPRESS)
    return parser


def cmd_extract(args: argparse.Namespace) -> int:
    from .extract import extract_path

    failed: list[str] = []
    for path in expand_paths(args.paths):
        try:
            report = extract_path(path)
        except NianbaoError as err:
            failed.append(err.message)
            print(f"nianbao: {err.message}", file=sys.stderr)
            continue
        except Exception as err:  # noqa: BLE001 - one bad file must not stop a folder
            message = f"{path}: extraction failed ({type(err).__name__}: {err})"
            failed.append(message)
            print(f"nianbao: {message}", file=sys.stderr)
            continue
        if args.json:
            print(json.dumps(report.to_record(), ensure_ascii=False))
        else:
            print(render_report(report))
    if failed:
        print(f"nianbao: {len(failed)} file(s) could not be read:", file=sys.stderr)
        for message in failed:
            print(f"  {message}", file=sys.stderr)
        return 1
    return 0


def render_report(report: Report) -> str:
    """A readable summary of one extraction record."""
    region = " ".join(p for p in (report.region.province, report.region.city, report.region.county) if p)
    lines = [
        f"== {report.source} ({report.format})",
        f"title:     {report.title or '-'}",
        f"agency:    {report.agency or '-'}   region: {region or '-'}",
        f"year:      {report.year or '-'}   published: {report.published or '-'}   template: {report.template}",
        f"sections:  {', '.join(report.sections) or '-'}",
        f"facets:    {len(report.facets)}",
    ]
    lines += [f"  {k} = {v}" for k, v in report.facets.items() if v]
    zeros = [k for k, v in report.facets.items() if not v]
    if zeros:
        lines.append(f"  ({len(zeros)} more facets are 0)")
    failed = [c for c in report.checks if not c.ok]
    lines.append(f"checks:    {len(report.checks) - len(failed)} of {len(report.checks)} pass")
    lines += [f"  FAILED {c.rule}: {c.detail}" for c in failed]
    lines += [f"warning:   {w}" for w in report.warnings]
    return "\n".join(lines)


COMMANDS = {"extract": cmd_extract}


def main(argv: Sequence[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    try:
        return COMMANDS[args.command](args)
    except NianbaoError as err:
        hint = f" ({err.hint})" if err.hint else ""
        print(f"nianbao: {err.message}{hint}", file=sys.stderr)
        return 1
    except BrokenPipeError:
        return 0


if __name__ == "__main__":
    sys.exit(main())
