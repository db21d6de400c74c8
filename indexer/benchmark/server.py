"""``nianbao serve`` as a measured child process, and the latency summary every timing table uses."""

from __future__ import annotations

import http.client
import re
import subprocess
import sys
import threading
from collections import deque
from pathlib import Path

from search_web.serve import READY

from .probe import peak_mb, resident_mb


def percentiles(ms: list[float]) -> dict:
    """Count and nearest-rank p50 / p95 / p99 of millisecond timings (0.1 ms)."""
    ms = sorted(ms)

    def rank(p: float) -> float:
        return round(ms[max(0, min(len(ms) - 1, -(-len(ms) * p // 100) - 1))], 1)

    return {"n": len(ms), "p50": rank(50), "p95": rank(95), "p99": rank(99)}


class Server:
    """``nianbao serve`` on a free loopback port, in its own process."""

    def __init__(self, index: Path, threads: int | None = None):
        code = "import sys; from indexer.cli import main; sys.exit(main())"
        cmd = [sys.executable, "-c", code, "serve", "--index", str(index), "--port", "0", "--quiet"]
        if threads:
            cmd += ["--threads", str(threads)]
        self.process = subprocess.Popen(cmd, stderr=subprocess.PIPE, text=True)
        line = self.process.stderr.readline()
        found = re.search(r"http://([\d.]+):(\d+)/", line)
        if not found:
            self.process.kill()
            self.process.wait()
            raise RuntimeError(f"the server did not start: {line.strip()}")
        self.host, self.port = found[1], int(found[2])
        # Measured once warmed up, as a server that has been running a while answers: its
        # next line says jieba's dictionaries and the commonest terms' arrays are loaded.
        while line and not line.startswith(READY):
            line = self.process.stderr.readline()
        # Read on, or a server logging tracebacks under load would block on a full pipe.
        self.stderr_tail: deque[str] = deque(maxlen=40)
        self._drain = threading.Thread(target=self._read_stderr, daemon=True)
        self._drain.start()
        self.connection = http.client.HTTPConnection(self.host, self.port, timeout=600)

    def _read_stderr(self) -> None:
        for line in self.process.stderr:
            self.stderr_tail.append(line.rstrip("\n"))

    def get(self, path: str) -> bool:
        """Ask ``path`` on the server's one measuring connection: True for an answer, False for
        a search the server stopped at its time limit (``search_too_slow``: at 100,000 reports
        some phrases take longer; they are timed and counted, not fatal); anything else fails."""
        self.connection.request("GET", path)
        response = self.connection.getresponse()
        body = response.read()
        if response.status == 400 and b'"search_too_slow"' in body:
            return False
        if response.status != 200:
            raise RuntimeError(f"{path} answered {response.status}")
        return True

    def memory(self) -> dict:
        """The server's resident memory now and its peak so far, MB (/proc, Linux)."""
        pid = self.process.pid
        return {"rss_mb": round(resident_mb(pid), 1), "hwm_mb": round(peak_mb(pid), 1)}

    def close(self) -> float:
        """Stop the server; its peak memory in MB."""
        peak = peak_mb(self.process.pid)
        self.connection.close()
        self.process.terminate()
        self.process.wait(timeout=30)
        self._drain.join(timeout=5)
        self.process.stderr.close()
        return peak
