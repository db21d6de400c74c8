"""Crash safety of ``nianbao ingest``: kills, full disks and rival writers lose nothing committed.

The slow file is a real report padded to 4.5 MB of prose (under the 5 MB text limit):
reading it takes seconds and about 200 MB, so it can be cut off by the time or the
memory limit, or have its worker killed under it, while the seed reports go through.
"""

from __future__ import annotations

import errno
import gc
import json
import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from whoosh.filedb import filestore

from indexer.cli import main
from indexer.generator import generate, write
from indexer.ingest import IndexBusy, ingest
from indexer.store import Column, column_text, open_existing

SEEDS = sorted((Path(__file__).parent / "data" / "seeds").glob("*.txt"))
FILLER = "这一行不是报告的任何部分，只是为了把文件撑大。" * 4 + "\n"


def command(reports: Path, index: Path, *options: str) -> list[str]:
    return [sys.executable, "-m", "indexer.cli", "ingest", str(reports), "--index", str(index), *options]


def corpus_with_slow_file(folder: Path) -> Path:
    """The seeds, and ``000-slow.txt`` (read first) that takes seconds to extract."""
    folder.mkdir()
    for seed in SEEDS:
        shutil.copy(seed, folder)
    slow = folder / "000-slow.txt"
    slow.write_text(SEEDS[0].read_text(encoding="utf-8") + FILLER * 17_000, encoding="utf-8")
    return slow


def children(pid: int) -> list[int]:
    found = []
    for task in Path(f"/proc/{pid}/task").glob("*"):
        found += [int(c) for c in (task / "children").read_text().split()]
    return found


def alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except FileNotFoundError:
        return False
    return state != "Z"


def resident_mb(pid: int) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return 0.0


def wait_for(condition, timeout: float = 15.0):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        value = condition()
        if value:
            return value
        time.sleep(0.05)
    raise AssertionError("timed out waiting")


def keys_and_hashes(index: Path) -> list[tuple[str, str]]:
    ix = open_existing(index)
    with ix.searcher() as searcher:
        reader = searcher.reader()
        paths, hashes = Column(reader, "path"), Column(reader, "content_hash")
        found = sorted((column_text(paths[n]), column_text(hashes[n])) for n in reader.all_doc_ids())
    ix.close()
    return found


def test_killing_the_main_process_ends_its_workers_and_frees_the_lock(tmp_path):
    reports, index = tmp_path / "reports", tmp_path / "index"
    corpus_with_slow_file(reports)
    proc = subprocess.Popen(command(reports, index, "--workers", "2"), stderr=subprocess.DEVNULL)
    workers = wait_for(lambda: len(children(proc.pid)) == 2 and children(proc.pid))
    time.sleep(1)  # the slow file is being read
    proc.kill()
    proc.wait()
    wait_for(lambda: not any(alive(pid) for pid in workers), timeout=5)

    (reports / "000-slow.txt").unlink()  # it served to keep the workers busy
    summary = ingest([reports], index, workers=2)  # not "being written by another process"
    assert sorted(summary.added + summary.unchanged) == [str(p) for p in sorted(reports.iterdir())]


def test_a_worker_killed_mid_file_costs_only_that_file(tmp_path):
    reports, index = tmp_path / "reports", tmp_path / "index"
    slow = corpus_with_slow_file(reports)
    proc = subprocess.Popen(command(reports, index, "--workers", "1", "--json"), stdout=subprocess.PIPE)
    (worker,) = wait_for(lambda: children(proc.pid))
    wait_for(lambda: resident_mb(worker) > 300, timeout=60)  # a warmed worker holds ~185, the slow file ~580
    os.kill(worker, signal.SIGKILL)
    out, _ = proc.communicate(timeout=60)
    summary = json.loads(out)
    assert proc.returncode == 1
    assert summary["added"] == len(SEEDS)
    reason = "the worker reading it died (killed by signal 9, SIGKILL; out of memory?)"
    assert summary["failed"] == [{"path": str(slow), "reason": reason}]


@pytest.mark.parametrize(
    ("options", "reason"),
    [
        (["--file-timeout", "1"], "took longer than 1 s"),
        (["--memory-limit", "200"], "needed more memory than the limit of 200 MB per worker (--memory-limit)"),
    ],
)
def test_a_file_over_a_limit_fails_alone(tmp_path, capsys, options, reason):
    reports, index = tmp_path / "reports", tmp_path / "index"
    slow = corpus_with_slow_file(reports)
    code = main(["ingest", str(reports), "--index", str(index), "--workers", "2", "--json", *options])
    summary = json.loads(capsys.readouterr().out)
    assert code == 1
    assert summary["added"] == len(SEEDS)
    assert summary["failed"] == [{"path": str(slow), "reason": reason}]


def test_a_second_ingest_at_once_refuses_clearly(tmp_path, capsys):
    reports, index = tmp_path / "reports", tmp_path / "index"
    corpus_with_slow_file(reports)
    first = subprocess.Popen(command(reports, index, "--workers", "1"), stdout=subprocess.DEVNULL)
    try:
        wait_for(lambda: children(first.pid))  # workers start once the writer holds the lock
        with pytest.raises(IndexBusy):
            ingest([SEEDS[0]], index, workers=1)
        assert main(["ingest", str(SEEDS[0]), "--index", str(index)]) == 1
        assert capsys.readouterr().err == (
            f"nianbao: 索引 {index} 正在被另一个进程写入\n  提示：请稍后再试\n"
        )
    finally:
        first.kill()
        first.wait()


def test_repeated_kills_converge_to_the_uninterrupted_result(tmp_path):
    reports = tmp_path / "reports"
    reports.mkdir()
    for seed in range(60):
        write(generate(seed, template="2019" if seed % 2 else "2021"), "tsv", reports)
    whole = tmp_path / "whole"
    assert not ingest([reports], whole, workers=2).failed

    index = tmp_path / "index"
    for delay in (0.8, 1.2, 1.6, 2.0):
        proc = subprocess.Popen(command(reports, index, "--workers", "2", "--batch", "3"),
                                stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        time.sleep(delay)
        proc.kill()
        proc.wait()
    rerun = subprocess.run(command(reports, index, "--json"), capture_output=True, text=True, timeout=120)
    assert rerun.returncode == 0, rerun.stderr
    assert keys_and_hashes(index) == keys_and_hashes(whole)


class _FullDisk:
    """A file on a disk that fills up: writes past the budget fail as a full disk does."""

    def __init__(self, handle, budget: list[int]):
        self._handle, self._budget = handle, budget

    def write(self, data):
        self._budget[0] -= len(data)
        if self._budget[0] < 0:
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))
        return self._handle.write(data)

    def __getattr__(self, name):
        return getattr(self._handle, name)


# When its own cleanup fails too, Whoosh leaves the abandoned segment's files open; the CLI's
# process ends right after, which closes them.
@pytest.mark.filterwarnings("ignore::pytest.PytestUnraisableExceptionWarning", "ignore::ResourceWarning")
def test_a_full_disk_during_commit_leaves_the_last_commit_and_says_so(tmp_path, monkeypatch, capsys):
    reports, index = tmp_path / "reports", tmp_path / "index"
    reports.mkdir()
    shutil.copy(SEEDS[0], reports)
    assert main(["ingest", str(reports), "--index", str(index)]) == 0
    before = keys_and_hashes(index)
    for seed in SEEDS[1:]:
        shutil.copy(seed, reports)

    budget = [20_000]  # bytes the disk has left
    real_create = filestore.FileStorage.create_file

    def create_file(self, name, *args, **kwargs):
        struct = real_create(self, name, *args, **kwargs)
        struct.file = _FullDisk(struct.file, budget)
        return struct

    monkeypatch.setattr(filestore.FileStorage, "create_file", create_file)
    capsys.readouterr()
    code = main(["ingest", str(reports), "--index", str(index), "--workers", "1"])
    monkeypatch.undo()
    gc.collect()  # close those files here, where their warnings are expected, not in a later test
    assert code == 1
    assert capsys.readouterr().err == (
        f"nianbao: 无法写入索引 {index}（磁盘空间不足）；索引保持上次提交后的状态\n"
        "  提示：请腾出磁盘空间（或修正文件夹权限）后重新运行 nianbao ingest\n"
    )
    assert keys_and_hashes(index) == before
    assert main(["ingest", str(reports), "--index", str(index)]) == 0  # room again: it completes
    assert len(keys_and_hashes(index)) == len(SEEDS)
