"""`nianbao serve` runs the app under waitress and answers over HTTP."""

import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

from indexer.cli import main


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def test_serve_answers_pages_and_api(tmp_path, capsys):
    seeds = Path(__file__).parent / "data" / "seeds"
    assert main(["ingest", str(seeds), "--index", str(tmp_path / "index")]) == 0
    capsys.readouterr()
    port = free_port()
    exe = shutil.which("nianbao") or str(Path(sys.executable).with_name("nianbao"))
    server = subprocess.Popen(
        [exe, "serve", "--index", str(tmp_path / "index"), "--port", str(port)],
        stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
    )
    try:
        base = f"http://127.0.0.1:{port}"
        for _ in range(100):
            try:
                page = urllib.request.urlopen(base + "/?q=%E9%97%AE%E9%A2%98:%E4%BA%BA%E6%89%8B%E4%B8%8D%E8%B6%B3")
                break
            except OSError:
                time.sleep(0.1)
        html = page.read().decode("utf-8")
        assert page.headers["Server"] == "nianbao"  # waitress, not Flask's development server
        assert "重庆市大渡口区经济和信息化委员会" in html
        assert "Content-Security-Policy" in page.headers
        api = urllib.request.urlopen(base + "/api/facets").read().decode("utf-8")
        assert "行政处罚.处理决定数" in api
    finally:
        server.terminate()
        server.wait(timeout=20)
        server.stderr.close()
