"""Measuring a child process: CPU split by process, peak memory of each and of the whole tree.

``python -m indexer.benchmark.probe INDEX PATH...`` ingests like ``nianbao ingest``
and prints one JSON line: its own CPU and peak memory (planning and writing the
index: the parent), and its workers' CPU (extraction and tokenising the text).
``TreeMemory`` samples the summed proportional memory (PSS) of a process and its descendants while it runs, the
figure that says whether the whole ingest fits the machine.
"""

from __future__ import annotations

import json
import os
import resource
import sys
import threading
import time
from pathlib import Path


def _cpu(usage) -> float:
    return usage.ru_utime + usage.ru_stime


def _ingest(argv: list[str]) -> None:
    from indexer.ingest import ingest

    workers = int(os.environ.get("NIANBAO_BENCH_WORKERS", "0")) or None
    started = time.perf_counter()
    summary = ingest(argv[1:], Path(argv[0]), workers=workers)
    wall = time.perf_counter() - started
    me, workers_usage = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    print(json.dumps({
        "added": len(summary.added), "failed": len(summary.failed), "skipped": len(summary.skipped),
        "wall_s": wall, "refresh_wall_s": summary.refresh_s[0], "refresh_cpu_s": summary.refresh_s[1],
        "tidy_wall_s": summary.tidy_s[0], "tidy_cpu_s": summary.tidy_s[1],
        "files_wall_s": summary.files_s[0], "files_cpu_s": summary.files_s[1],
        "writer_waited_s": summary.stalls.caller, "workers_held_s": summary.stalls.workers,
        "batch_cpu_s": summary.batch_cpu,
        "parent_cpu_s": _cpu(me), "workers_cpu_s": _cpu(workers_usage),
        "parent_peak_mb": me.ru_maxrss / 1024,
    }))  # fmt: skip


def _children(pid: int) -> list[int]:
    found = []
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                with open(f"/proc/{entry}/stat", "rb") as stat:
                    fields = stat.read().rsplit(b")", 1)[1].split()
            except OSError:
                continue
            if int(fields[1]) == pid:
                found.append(int(entry))
    return found


def _proc_mb(pid: int, name: str, field: str) -> float | None:
    """A ``kB`` figure of /proc/PID/NAME (Linux), in MB; None where it cannot be read."""
    try:
        with open(f"/proc/{pid}/{name}") as f:
            for line in f:
                if line.startswith(field):
                    return int(line.split()[1]) / 1024
    except OSError:
        pass
    return None


def memory_mb(pid: int) -> float:
    """A process's proportional set size (shared pages split among their sharers), else its RSS."""
    pss = _proc_mb(pid, "smaps_rollup", "Pss:")
    return pss if pss is not None else _proc_mb(pid, "status", "VmRSS:") or 0.0


def resident_mb(pid: int) -> float:
    """A live process's resident memory (VmRSS)."""
    return _proc_mb(pid, "status", "VmRSS:") or 0.0


def peak_mb(pid: int) -> float:
    """A live process's peak resident memory (VmHWM)."""
    return _proc_mb(pid, "status", "VmHWM:") or 0.0


class TreeMemory(threading.Thread):
    """Samples the summed memory of ``pid`` and its descendants every ``interval`` seconds (Linux),
    and the largest peak (VmHWM) of a descendant.

    A worker's own ``ru_maxrss`` is no measure: Linux carries into it the resident size of the
    forked copy of the parent it ran in before its exec (a worker started by a 1.2 GB writer
    "peaked" at 1.2 GB); VmHWM starts again at the exec."""

    def __init__(self, pid: int, interval: float = 0.5):
        super().__init__(daemon=True)
        self.pid, self.interval, self.peak_mb, self.descendant_peak_mb = pid, interval, 0.0, 0.0
        self._halt = threading.Event()

    def run(self) -> None:
        if not os.path.isdir("/proc"):
            return
        while not self._halt.is_set():
            tree, total = [self.pid], 0.0
            while tree:
                pid = tree.pop()
                total += memory_mb(pid)
                if pid != self.pid:
                    self.descendant_peak_mb = max(self.descendant_peak_mb, peak_mb(pid))
                tree.extend(_children(pid))
            self.peak_mb = max(self.peak_mb, total)
            self._halt.wait(self.interval)

    def stop(self) -> float:
        self._halt.set()
        self.join()
        return self.peak_mb


if __name__ == "__main__":
    _ingest(sys.argv[1:])
