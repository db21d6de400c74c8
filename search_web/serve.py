"""``nianbao serve``: the web front end and the JSON API under waitress.

Waitress is a production WSGI server in pure Python (no compiler, runs
wherever Python does, on Windows too), which suits a tool that researchers
install with pip. The command is registered with the ``nianbao`` CLI through
the ``nianbao.commands`` entry point. Each request writes one access-log line
to stderr (``accesslog``) unless ``--quiet``.

Half-open connections (slowloris) are bounded two ways: ``--connection-limit``
(waitress's own default of 100 let 101 idle sockets stop the server) and
``--channel-timeout``, after which a connection that has sent or received
nothing is closed; waitress looks for such connections every
``cleanup_interval``, kept below the timeout so it is kept to.
"""

from __future__ import annotations

import argparse
import errno
import sys
import threading
import time

try:
    import resource
except ImportError:  # Windows
    resource = None

from indexer.cli import int_between
from indexer.errors import NianbaoError

_LISTEN_ZH = {
    errno.EADDRINUSE: "端口已被占用（换一个 --port，或先停止占用它的程序）",
    errno.EACCES: "没有权限使用这个端口（1024 以下的端口通常需要管理员权限）",
    errno.EADDRNOTAVAIL: "本机没有这个地址（检查 --host）",
}


CONNECTION_LIMIT = 1000
CHANNEL_TIMEOUT = 15  # seconds: a browser sends its request at once; an idle socket is let go
# Waitress's 256 KB header limit answers a longer request line by closing with its bytes unread,
# which the client sees as a reset; up to this size the app answers 414 naming its own limit.
MAX_HEADER_BYTES = 2 * 1024 * 1024


def default_connection_limit() -> int:
    """CONNECTION_LIMIT, or half the process's open-file limit where that is lower (each connection
    is a file, and the index and the log need theirs)."""
    if resource is None:
        return CONNECTION_LIMIT
    soft, _ = resource.getrlimit(resource.RLIMIT_NOFILE)
    return CONNECTION_LIMIT if soft == resource.RLIM_INFINITY else max(10, min(CONNECTION_LIMIT, soft // 2))


class CannotListen(NianbaoError):
    """The server could not open its socket: the port is taken or forbidden, the host unknown."""

    status = 503

    def __init__(self, host: str, port: int, reason: str, reason_zh: str):
        super().__init__(
            f"cannot listen on {host}:{port}: {reason}",
            message_zh=f"无法在 {host}:{port} 上提供服务：{reason_zh}",
        )


def add_command(sub, common: argparse.ArgumentParser) -> None:
    parser = sub.add_parser("serve", parents=[common], help="serve the web front end and the JSON API")
    parser.add_argument("--host", default="127.0.0.1", help="address to listen on (default 127.0.0.1)")
    parser.add_argument(
        "--port", type=int_between(0, 65535), default=8000, help="port (default 8000; 0: any free port)"
    )
    parser.add_argument("--threads", type=int_between(1, 1024), default=8, help="worker threads (default 8)")
    parser.add_argument(
        "--connection-limit",
        type=int_between(1, 100_000),
        default=default_connection_limit(),
        help=f"open connections at most; more wait to be accepted (default {CONNECTION_LIMIT}, "
        "or half the open-file limit)",
    )
    parser.add_argument(
        "--channel-timeout",
        type=int_between(1, 3600),
        default=CHANNEL_TIMEOUT,
        help=f"seconds a connection may stay idle before it is closed (default {CHANNEL_TIMEOUT})",
    )
    parser.add_argument("--quiet", action="store_true", help="no access-log line per request")
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    """Serve until interrupted (Ctrl+C), saying once where and once when warmed up, then one log
    line per request."""
    from . import create_app
    from .accesslog import AccessLog

    app = create_app({"INDEX_DIR": args.index})
    server = _listen(app if args.quiet else AccessLog(app), args)
    for url in _urls(server):
        print(
            f"nianbao: 正在提供 {app.config['INDEX_DIR']} 的检索服务：{url}（按 Ctrl+C 停止）",
            file=sys.stderr,
            flush=True,
        )
    # Built while the server waits for its first request rather than during it (a query
    # arriving sooner waits on the same build or reads the arrays itself).
    threading.Thread(target=_warm_up, args=(app,), name="warm-up", daemon=True).start()
    server.run()  # returns on Ctrl+C
    return 0


READY = "nianbao: 已就绪"  # the start of the line saying the warm-up is over


def _warm_up(app) -> None:
    """``LiveIndex.warm`` (jieba's dictionaries, the arrays every search reads, the commonest
    terms' posting arrays: about two seconds at 100,000 reports); one line when done."""
    from analyzers.segment import warm

    from . import get_index

    started = time.perf_counter()
    terms = loaded = 0
    try:
        with app.app_context():
            terms, loaded = get_index().warm()
    except (NianbaoError, OSError):  # no index, or one that cannot be read: each request says so
        warm()  # the query parser still segments what is typed
    seconds = time.perf_counter() - started
    print(f"{READY}（分词词典与 {terms} 个常用词的倒排数组已载入，{loaded / 2**20:.0f} MB，用时 {seconds:.1f} 秒）",
          file=sys.stderr, flush=True)  # fmt: skip


def _listen(app, args: argparse.Namespace):
    """Waitress's server bound to --host and --port; ``CannotListen`` in Chinese when it cannot be.

    ``create_server`` rather than ``waitress.serve``: the latter configures the root logger
    and prints its own English "Serving on" line beside ours.
    """
    from waitress.server import create_server

    try:
        return create_server(
            app,
            host=args.host,
            port=args.port,
            threads=args.threads,
            ident="nianbao",
            connection_limit=args.connection_limit,
            channel_timeout=args.channel_timeout,
            cleanup_interval=max(1, args.channel_timeout // 2),
            max_request_header_size=MAX_HEADER_BYTES,
        )
    except ValueError as err:  # waitress's word for an address getaddrinfo cannot resolve
        raise CannotListen(args.host, args.port, str(err), "无法解析这个地址（检查 --host）") from err
    except OSError as err:
        reason = err.strerror or str(err)
        raise CannotListen(args.host, args.port, reason, _LISTEN_ZH.get(err.errno, reason)) from err


def _urls(server) -> list[str]:
    """``http://127.0.0.1:8000/`` for each socket the server listens on (the port it really got)."""
    listening = getattr(server, "effective_listen", None) or [(server.effective_host, server.effective_port)]
    return [f"http://{f'[{host}]' if ':' in str(host) else host}:{port}/" for host, port in listening]
