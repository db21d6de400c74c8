"""``nianbao serve``: the web front end and the JSON API under waitress.

Waitress is a production WSGI server in pure Python (no compiler, runs
wherever Python does, on Windows too), which suits a tool that researchers
install with pip. The command is registered with the ``nianbao`` CLI through
the ``nianbao.commands`` entry point.
"""

from __future__ import annotations

import argparse
import sys


def add_command(sub, common: argparse.ArgumentParser) -> None:
    parser = sub.add_parser("serve", parents=[common], help="serve the web front end and the JSON API")
    parser.add_argument("--host", default="127.0.0.1", help="address to listen on (default 127.0.0.1)")
    parser.add_argument("--port", type=int, default=8000, help="port (default 8000)")
    parser.add_argument("--threads", type=int, default=8, help="worker threads (default 8)")
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    import waitress

    from . import create_app

    app = create_app({"INDEX_DIR": args.index})
    print(f"nianbao: serving {app.config['INDEX_DIR']} on http://{args.host}:{args.port}/", file=sys.stderr)
    waitress.serve(app, host=args.host, port=args.port, threads=args.threads, ident="nianbao")
    return 0
