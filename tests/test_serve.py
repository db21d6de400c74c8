"""`nianbao serve` runs the app under waitress, answers over HTTP and logs each request once."""

import io
import queue
import re
import shutil
import socket
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.request
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest

from indexer.cli import main
from search_web.accesslog import AccessLog, escape, log_line, request_target

SEEDS = Path(__file__).parent / "data" / "seeds"
QUERY = "/?q=%E9%97%AE%E9%A2%98:%E4%BA%BA%E6%89%8B%E4%B8%8D%E8%B6%B3"
LOG_LINE = re.compile(
    r'127\.0\.0\.1 - - \[\d\d/[A-Z][a-z]{2}/\d{4}:\d\d:\d\d:\d\d [+-]\d{4}\] "(?P<request>[^"]*)" '
    r"(?P<status>\d{3}) (?P<bytes>\d+|-) \d+\.\dms"
)


@pytest.fixture(scope="module")
def index(tmp_path_factory):
    folder = tmp_path_factory.mktemp("serve") / "index"
    assert main(["ingest", str(SEEDS), "--index", str(folder)]) == 0
    return folder


class Server:
    """`nianbao serve --port 0` in a process of its own: its address (from its first line), its
    warm-up line, and the lines it writes to stderr after those, read as they come."""

    def __init__(self, index: Path, *options: str):
        exe = shutil.which("nianbao") or str(Path(sys.executable).with_name("nianbao"))
        self.process = subprocess.Popen(
            [exe, "serve", "--index", str(index), "--port", "0", *options],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
            text=True,
            encoding="utf-8",
        )
        first = self.process.stderr.readline()
        pattern = rf"nianbao: 正在提供 {re.escape(str(index))} 的检索服务：http://(\S+)/（按 Ctrl\+C 停止）\n"
        match = re.fullmatch(pattern, first)
        assert match, first
        # Then one line once jieba's dictionaries and the commonest terms' arrays are loaded
        # (a five-report index has no posting files: no terms).
        ready = self.process.stderr.readline()
        assert re.fullmatch(r"nianbao: 已就绪（分词词典与 0 个常用词的倒排数组已载入，0 MB，用时 \d+\.\d 秒）\n", ready), ready
        self.base = f"http://{match[1]}"
        self.lines: queue.Queue[str] = queue.Queue()
        self.reader = threading.Thread(target=self._read, daemon=True)
        self.reader.start()

    def _read(self) -> None:
        for line in self.process.stderr:
            self.lines.put(line.rstrip("\n"))

    def next_lines(self, count: int) -> list[str]:
        """The next ``count`` lines, waiting for each (a line is written after its response)."""
        return [self.lines.get(timeout=20) for _ in range(count)]

    def stop(self) -> list[str]:
        """Stop the server; the lines not read yet."""
        self.process.terminate()
        self.process.wait(timeout=20)
        self.reader.join(timeout=20)  # to the end of the pipe
        self.process.stderr.close()
        return list(self.lines.queue)


def test_serve_answers_pages_and_api_and_logs_each_request(index):
    server = Server(index)
    try:
        page = urllib.request.urlopen(server.base + QUERY)
        html = page.read().decode("utf-8")
        assert page.headers["Server"] == "nianbao"  # waitress, not Flask's development server
        assert "重庆市大渡口区经济和信息化委员会" in html
        assert "Content-Security-Policy" in page.headers
        api = urllib.request.urlopen(server.base + "/api/facets").read()
        assert "行政处罚.处理决定数" in api.decode("utf-8")
        with pytest.raises(urllib.error.HTTPError):
            urllib.request.urlopen(server.base + "/nothing%0Ahere")
        lines = server.next_lines(3)
    finally:
        rest = server.stop()
    assert rest == []  # one line per request, nothing else
    matches = {m["request"]: m for m in map(LOG_LINE.fullmatch, lines) if m}  # in the order they finished
    assert len(matches) == 3, lines
    assert {request: m["status"] for request, m in matches.items()} == {
        f"GET {QUERY} HTTP/1.1": "200",
        "GET /api/facets HTTP/1.1": "200",
        "GET /nothing%0Ahere HTTP/1.1": "404",
    }
    assert int(matches[f"GET {QUERY} HTTP/1.1"]["bytes"]) == len(html.encode("utf-8"))
    assert int(matches["GET /api/facets HTTP/1.1"]["bytes"]) == len(api)


def test_quiet_writes_no_access_log(index):
    server = Server(index, "--quiet")
    try:
        assert urllib.request.urlopen(server.base + "/api/facets").status == 200
        time.sleep(0.5)
    finally:
        rest = server.stop()
    assert rest == []


def test_a_raw_control_character_cannot_break_the_line(index):
    server = Server(index)
    host, port = server.base.removeprefix("http://").rsplit(":", 1)
    try:
        with socket.create_connection((host, int(port))) as conn:
            conn.sendall(b'GET /x\x1b[31m"y\\z HTTP/1.1\r\nHost: a\r\nConnection: close\r\n\r\n')
            assert conn.recv(64).startswith(b"HTTP/1.1 404")
        [line] = server.next_lines(1)
    finally:
        rest = server.stop()
    assert rest == []
    assert LOG_LINE.fullmatch(line)["request"] == "GET /x\\x1b[31m\\x22y\\x5cz HTTP/1.1"


def test_a_port_in_use_is_one_chinese_line(index):
    # A process of its own: waitress leaves its socket open when binding fails, which only
    # matters to a process that goes on running (this test session), not to the CLI, which exits.
    exe = shutil.which("nianbao") or str(Path(sys.executable).with_name("nianbao"))
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        result = subprocess.run(
            [exe, "serve", "--index", str(index), "--port", str(port)],
            capture_output=True, text=True, encoding="utf-8", timeout=60,
        )  # fmt: skip
    assert (result.returncode, result.stdout) == (1, "")
    assert (
        result.stderr
        == f"nianbao: 无法在 127.0.0.1:{port} 上提供服务：端口已被占用（换一个 --port，或先停止占用它的程序）\n"
    )


def test_an_unknown_host_is_one_chinese_line(index, capsys):
    code = main(["serve", "--index", str(index), "--host", "no-such-host.invalid"])
    out, err = capsys.readouterr()
    assert (code, out, err) == (
        1,
        "",
        "nianbao: 无法在 no-such-host.invalid:8000 上提供服务：无法解析这个地址（检查 --host）\n",
    )


def test_a_bad_port_is_refused_in_chinese(capsys):
    with pytest.raises(SystemExit) as info:
        main(["serve", "--port", "70000"])
    assert info.value.code == 2
    assert capsys.readouterr().err.splitlines()[-1] == "nianbao serve: 参数 --port：70000 不在 0–65535 之间"


# -- the middleware alone ---------------------------------------------------


def environ(**changes) -> dict:
    base = {
        "REQUEST_METHOD": "GET", "SCRIPT_NAME": "", "PATH_INFO": "/", "QUERY_STRING": "",
        "SERVER_PROTOCOL": "HTTP/1.1", "REMOTE_ADDR": "10.0.0.7",
    }  # fmt: skip
    return {**base, **changes}


def test_log_line_is_common_log_format_with_the_duration():
    when = datetime(2021, 1, 21, 9, 5, 3, tzinfo=timezone(timedelta(hours=8)))
    env = environ(REQUEST_URI="/export.csv?q=in+2020")
    assert log_line(env, "200", 5120, 0.01234, when) == (
        '10.0.0.7 - - [21/Jan/2021:09:05:03 +0800] "GET /export.csv?q=in+2020 HTTP/1.1" 200 5120 12.3ms'
    )
    assert log_line(env, "304", 0, 0.0, when).endswith('" 304 - 0.0ms')


@pytest.mark.parametrize(
    ("text", "logged"),
    [
        ("/?q=%E9%97%AE", "/?q=%E9%97%AE"),
        ("/a\nb\r\tc", "/a\\x0ab\\x0d\\x09c"),
        ('/"quoted" \\back', "/\\x22quoted\\x22 \\x5cback"),
        ("/\x1b[2J\x7f", "/\\x1b[2J\\x7f"),
        ("/\xe9\x97\xae", "/\\xe9\\x97\\xae"),  # raw UTF-8 bytes, as WSGI's latin-1 string
        ("/\u202e", "/\\x5cu202e"),  # not WSGI, yet still one printable line
    ],
)
def test_escape_keeps_one_printable_line(text, logged):
    assert escape(text) == logged


def test_request_target_without_request_uri_is_rebuilt():
    env = environ(SCRIPT_NAME="/app", PATH_INFO="/reports/\xe9 x", QUERY_STRING="q=a%20b")
    assert request_target(env) == "/app/reports/%E9%20x?q=a%20b"
    assert request_target(environ(PATH_INFO="/search")) == "/search"


class Body:
    def __init__(self, chunks):
        self.chunks = chunks
        self.closed = 0

    def __iter__(self):
        return iter(self.chunks)

    def close(self):
        self.closed += 1


def test_middleware_counts_the_body_and_logs_once_on_close():
    body = Body([b"abc", b"", b"de"])

    def app(env, start_response):
        start_response("201 CREATED", [("Content-Type", "text/plain")])
        return body

    stream = io.StringIO()
    started = []
    response = AccessLog(app, stream)(
        environ(PATH_INFO="/x", QUERY_STRING="y=1"), lambda *a: started.append(a)
    )
    assert b"".join(response) == b"abcde" and stream.getvalue() == ""
    response.close()
    response.close()
    assert body.closed == 1 and started[0][0] == "201 CREATED"
    line = stream.getvalue()
    assert line.count("\n") == 1
    assert re.fullmatch(r'10\.0\.0\.7 - - \[[^]]+\] "GET /x\?y=1 HTTP/1\.1" 201 5 \d+\.\dms\n', line)


def test_middleware_logs_an_app_that_raises_and_lets_it_raise():
    def app(env, start_response):
        raise RuntimeError("broken")

    stream = io.StringIO()
    with pytest.raises(RuntimeError):
        AccessLog(app, stream)(environ(), lambda *a: None)
    assert '"GET / HTTP/1.1" 500 - ' in stream.getvalue()


# --- half-open connections and over-long requests ------------------------------------------

HALF_OPEN = b"GET /api/facets HTTP/1.1\r\nHost: x\r\n"  # the request's end never comes


def _half_open(base: str, count: int) -> list[socket.socket]:
    host, port = base.removeprefix("http://").rsplit(":", 1)
    sockets = []
    for _ in range(count):
        conn = socket.create_connection((host, int(port)), timeout=10)
        conn.sendall(HALF_OPEN)
        sockets.append(conn)
    return sockets


def _answers(base: str, timeout: float) -> int:
    with urllib.request.urlopen(base + "/api/facets", timeout=timeout) as response:
        return response.status


def test_more_half_open_connections_than_waitress_allowed_leave_the_server_answering(index):
    """Waitress's own limit was 100: 101 idle sockets stopped every other request."""
    server = Server(index, "--quiet")
    held = []
    try:
        held = _half_open(server.base, 150)
        started = time.monotonic()
        assert _answers(server.base, timeout=10) == 200
        assert time.monotonic() - started < 5
    finally:
        for conn in held:
            conn.close()
        server.stop()


def test_idle_connections_past_the_limit_are_closed_after_the_channel_timeout(index):
    server = Server(index, "--quiet", "--connection-limit", "20", "--channel-timeout", "2")
    held = []
    try:
        held = _half_open(server.base, 30)  # the last ten wait to be accepted
        started = time.monotonic()
        assert _answers(server.base, timeout=20) == 200
        assert time.monotonic() - started < 10  # 2 s idle, looked for every second
        held[0].settimeout(5)
        assert held[0].recv(100) == b""  # the server closed the idle connection
    finally:
        for conn in held:
            conn.close()
        server.stop()


@pytest.mark.parametrize("option", ["--connection-limit", "--channel-timeout"])
def test_connection_options_are_checked(option, capsys):
    with pytest.raises(SystemExit):
        main(["serve", option, "0"])
    assert capsys.readouterr().err.splitlines()[-1].startswith(f"nianbao serve: 参数 {option}：0 不在 1–")


def test_a_one_megabyte_query_is_answered_414_not_reset(index):
    server = Server(index, "--quiet")
    try:
        host, port = server.base.removeprefix("http://").rsplit(":", 1)
        target = "/api/search?q=" + "a" * 1_000_000
        with socket.create_connection((host, int(port)), timeout=20) as conn:
            conn.sendall(f"GET {target} HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n".encode())
            answer = b""
            while chunk := conn.recv(65536):
                answer += chunk
    finally:
        server.stop()
    head, _, body = answer.partition(b"\r\n\r\n")
    assert head.split(b"\r\n")[0] == b"HTTP/1.1 414 REQUEST URI TOO LONG"
    assert b'"code":"address_too_long"' in body
    assert b"the query string is 1000002 bytes long; the limit is 32768" in body
