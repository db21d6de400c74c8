"""One access-log line per request, written by a small WSGI middleware.

Waitress writes no access log of its own, and paste's TransLogger would be a
dependency for what fits in a screenful. The line is the Common Log Format
with the duration appended::

    127.0.0.1 - - [02/Dec/2026:05:52:39 +0000] "GET /?q=%E9%97%AE HTTP/1.1" 200 5120 12.3ms

The request target is logged as the client sent it (percent-encoded, as
Apache and nginx do), and every byte of it outside printable ASCII, and ``"``
and ``\\``, is written as ``\\xHH``: nothing a client sends can end the line,
forge a field or reach the terminal as a control sequence.
"""

from __future__ import annotations

import sys
import threading
import time
from collections.abc import Callable, Iterable, Iterator
from datetime import datetime
from typing import TextIO
from urllib.parse import quote

_SAFE_PATH = "/:@!$&'()*+,;=-._~"
_MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


def escape(text: str) -> str:
    """``text`` with every byte outside printable ASCII, and ``"`` and ``\\``, as ``\\xHH``.

    WSGI strings carry the request's bytes as latin-1, so each character is one byte:

    >>> escape('/a\\nb"c\\x1b[31m')
    '/a\\\\x0ab\\\\x22c\\\\x1b[31m'
    """
    data = text.encode("latin-1", "backslashreplace")
    return "".join(chr(b) if 0x20 <= b < 0x7F and b not in b'"\\' else f"\\x{b:02x}" for b in data)


def request_target(environ: dict) -> str:
    """The path with its query, as sent: waitress's REQUEST_URI, else rebuilt per PEP 3333."""
    raw = environ.get("REQUEST_URI")
    if raw:
        return raw
    path = environ.get("SCRIPT_NAME", "") + environ.get("PATH_INFO", "")
    target = quote(path.encode("latin-1", "replace"), safe=_SAFE_PATH)
    query = environ.get("QUERY_STRING", "")
    return f"{target}?{query}" if query else target


def log_line(environ: dict, status: str, sent: int, seconds: float, when: datetime) -> str:
    """One Common Log Format line with the duration in milliseconds appended."""
    method, protocol = (escape(environ.get(key) or "-") for key in ("REQUEST_METHOD", "SERVER_PROTOCOL"))
    request = f"{method} {escape(request_target(environ))} {protocol}"
    stamp = f"{when:%d}/{_MONTHS[when.month - 1]}/{when:%Y:%H:%M:%S %z}"  # %b follows the locale
    size = str(sent) if sent else "-"
    return f'{escape(environ.get("REMOTE_ADDR") or "-")} - - [{stamp}] "{request}" {escape(status)} {size} {seconds * 1000:.1f}ms'


class AccessLog:
    """WSGI middleware: after each response is sent (or abandoned), one line to ``stream``.

    The line is written when the server closes the response, so streamed exports are
    counted whole and timed to their last byte. ``stream`` None means ``sys.stderr``
    at the time of writing.
    """

    def __init__(self, app: Callable, stream: TextIO | None = None):
        self.app = app
        self.stream = stream
        self._lock = threading.Lock()

    def __call__(self, environ: dict, start_response: Callable) -> Iterable[bytes]:
        started = time.perf_counter()
        response = _Response(start_response)
        try:
            body = self.app(environ, response.start)
        except BaseException:
            self._write(environ, "500", 0, started)
            raise
        return _Counted(body, response, lambda: self._write(environ, response.status, response.sent, started))

    def _write(self, environ: dict, status: str, sent: int, started: float) -> None:
        line = log_line(environ, status, sent, time.perf_counter() - started, datetime.now().astimezone())
        stream = self.stream or sys.stderr
        with self._lock:
            stream.write(line + "\n")
            stream.flush()


class _Response:
    """The status the app chose and the bytes it sent (through the body or the legacy ``write``)."""

    def __init__(self, start_response: Callable):
        self._start_response = start_response
        self.status = "-"
        self.sent = 0

    def start(self, status: str, headers: list, exc_info=None) -> Callable[[bytes], object]:
        self.status = status.split(" ", 1)[0]
        write = self._start_response(status, headers, exc_info)

        def counted_write(data: bytes) -> object:
            self.sent += len(data)
            return write(data)

        return counted_write


class _Counted:
    """The app's body, counted as the server sends it; ``close`` closes it and logs once."""

    def __init__(self, body: Iterable[bytes], response: _Response, done: Callable[[], None]):
        self._body = body
        self._response = response
        self._done = done

    def __iter__(self) -> Iterator[bytes]:
        for chunk in self._body:
            self._response.sent += len(chunk)
            yield chunk

    def close(self) -> None:
        """Close the app's body and write the line, once however often the server calls it."""
        done, self._done = self._done, None
        if done is None:
            return
        try:
            close = getattr(self._body, "close", None)
            if close is not None:
                close()
        finally:
            done()
