"""Ingest under bad names, odd folders and failing workers: one bad input costs only itself."""

from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from indexer import workers
from indexer.cli import main
from indexer.filenames import BYTES_MARK, display_name, path_key, real_path
from indexer.files import Problem, find_files
from indexer.ingest import IngestSummary, _extract, _Job, ingest, plan
from indexer.store import Column, column_text, open_existing, text_fields
from indexer.workers import Limits, Lost, Stalls, imap

SEEDS = sorted((Path(__file__).parent / "data" / "seeds").glob("*.txt"))
GBK_NAME = "工作报告".encode("gb18030") + b".txt"  # b"\xb9\xa4\xd7\xf7\xb1\xa8\xb8\xe6.txt"
ODD_NAME = b"bad-\xff\xfe.txt"  # valid in no Chinese encoding


def byte_path(folder: Path, name: bytes) -> Path:
    return Path(os.fsdecode(os.fsencode(folder) + b"/" + name))


def indexed_keys(index: Path) -> list[str]:
    ix = open_existing(index)
    with ix.searcher() as searcher:
        reader = searcher.reader()
        keys = sorted(column_text(Column(reader, "path")[n]) for n in reader.all_doc_ids())
    ix.close()
    return keys


# File names that are not UTF-8


def test_path_keys_are_unchanged_for_utf8_and_reversible_otherwise():
    assert path_key("/r/年报 2020.txt") == "/r/年报 2020.txt"
    odd = os.fsdecode(b"/r/100%/\xb9\xa4\xd7\xf7.txt")
    key = path_key(odd)
    assert key == "bytes:/r/100%25/%B9%A4%D7%F7.txt"
    assert key.encode("utf-8") and real_path(key) == odd
    assert real_path("/r/年报.txt") == "/r/年报.txt"


def test_display_names_read_gbk_as_chinese_and_escape_the_rest():
    assert display_name(os.fsdecode(b"/r/\xd6\xd0\xce\xc4/" + GBK_NAME)) == "/r/中文/工作报告.txt"
    assert display_name(os.fsdecode(b"/r/" + ODD_NAME)) == "/r/bad-\\xff\\xfe.txt"
    assert display_name(path_key(os.fsdecode(b"/r/" + GBK_NAME))) == "/r/工作报告.txt"
    assert display_name("/r/年报.txt") == "/r/年报.txt"


def test_names_not_utf8_are_indexed_listed_readably_and_pruned(tmp_path, capsys):
    reports = tmp_path / "reports"
    reports.mkdir()
    shutil.copy(SEEDS[0], reports / "good.txt")
    gbk, odd = byte_path(reports, GBK_NAME), byte_path(reports, ODD_NAME)
    shutil.copy(SEEDS[1], gbk)
    shutil.copy(SEEDS[2], odd)
    byte_path(reports, "空白".encode("gb18030") + b".txt").write_bytes(b"")
    index = tmp_path / "index"

    code = main(["ingest", str(reports), "--index", str(index), "--json", "--workers", "2"])
    summary = json.loads(capsys.readouterr().out)
    assert code == 1
    assert summary["added"] == 3
    assert summary["failed"] == [{"path": str(reports / "空白.txt"), "reason": "file is empty (0 bytes)"}]
    assert indexed_keys(index) == sorted(
        [str(reports / "good.txt"), BYTES_MARK + f"{reports}/%B9%A4%D7%F7%B1%A8%B8%E6.txt",
         BYTES_MARK + f"{reports}/bad-%FF%FE.txt"]
    )

    again = ingest([reports], index, workers=1)
    assert sorted(again.unchanged) == sorted(
        [str(reports / "good.txt"), str(reports / "工作报告.txt"), str(reports / "bad-\\xff\\xfe.txt")]
    )
    gbk.unlink()
    pruned = ingest([reports], index, workers=1, prune=True)
    assert pruned.removed == [str(reports / "工作报告.txt")]
    assert len(indexed_keys(index)) == 2


def test_extract_json_is_valid_utf8_for_a_gbk_name(tmp_path):
    gbk = byte_path(tmp_path, GBK_NAME)
    shutil.copy(SEEDS[0], gbk)
    run = subprocess.run([sys.executable, "-m", "indexer.cli", "extract", os.fsencode(gbk), "--json"],
                         capture_output=True, timeout=60)
    assert run.returncode == 0, run.stderr
    record = json.loads(run.stdout.decode("utf-8"))  # strict: raises on a lone surrogate's bytes
    assert record["source"] == str(tmp_path / "工作报告.txt")


# Folder walks


def test_folder_walks_follow_no_link_and_list_every_odd_entry(tmp_path):
    tree, outside = tmp_path / "tree", tmp_path / "outside"
    (tree / "sub").mkdir(parents=True)
    outside.mkdir()
    shutil.copy(SEEDS[0], tree / "sub" / "a.txt")
    shutil.copy(SEEDS[1], outside / "b.txt")
    (tree / "photo.jpg").write_bytes(b"\xff\xd8")
    (tree / "sub" / "附件.odt").write_bytes(b"PK\x03\x04")
    (tree / "sub" / "附件.doc").write_bytes(bytes.fromhex("d0cf11e0a1b11ae1"))
    (tree / "sub" / "page.shtml").write_text("<html><body>…</body></html>", encoding="utf-8")
    (tree / "loop").symlink_to(tree)
    (tree / "self.txt").symlink_to(tree / "self.txt")
    (tree / "out").symlink_to(outside)
    (tree / "alias.txt").symlink_to(tree / "sub" / "a.txt")
    (tree / "dangling.txt").symlink_to(tree / "missing.txt")
    (tree / "gone.jpg").symlink_to(tree / "missing.jpg")  # not a report's name: not a candidate
    os.mkfifo(tree / "pipe.txt")
    os.mkfifo(tree / "pipe")

    found = find_files([tree])
    assert found.files == [tree / "sub" / "a.txt", tree / "sub" / "page.shtml", tree / "sub" / "附件.doc"]
    assert sorted(found.problems, key=lambda p: p.path) == [
        Problem(tree / "alias.txt", "symbolic link: not followed in folders (give it directly)", failed=False),
        Problem(tree / "dangling.txt", "symbolic link to nothing (its target does not exist)", failed=True),
        Problem(tree / "loop", "symbolic link to a folder: not followed", failed=False),
        Problem(tree / "out", "symbolic link to a folder: not followed", failed=False),
        Problem(tree / "pipe.txt", "not a regular file (a FIFO)", failed=False),
        Problem(tree / "self.txt", "symbolic link that loops", failed=True),
        Problem(
            tree / "sub" / "附件.odt",
            "OpenDocument (.odt) files are not read: save it as .docx, PDF or HTML",
            failed=True,
        ),
    ]
    assert find_files([tree / "alias.txt"]).files == [tree / "alias.txt"]  # given directly: followed


def test_ingest_lists_walk_problems_and_never_opens_a_fifo(tmp_path, capsys):
    reports = tmp_path / "reports"
    reports.mkdir()
    shutil.copy(SEEDS[0], reports / "a.txt")
    os.mkfifo(reports / "pipe.txt")
    (reports / "dangling.txt").symlink_to(reports / "missing.txt")
    code = main(["ingest", str(reports), str(reports / "pipe.txt"), "--index", str(tmp_path / "ix"), "--json"])
    summary = json.loads(capsys.readouterr().out)
    assert code == 1
    assert summary["added"] == 1
    assert summary["failed"] == [
        {"path": str(reports / "dangling.txt"), "reason": "symbolic link to nothing (its target does not exist)"},
        {"path": str(reports / "pipe.txt"), "reason": "not a regular file"},  # given directly: failed
    ]
    assert summary["skipped"] == [{"path": str(reports / "pipe.txt"), "reason": "not a regular file (a FIFO)"}]


def test_files_gone_or_replaced_by_a_fifo_after_the_walk_fail_alone(tmp_path):
    for seed in SEEDS[:3]:
        shutil.copy(seed, tmp_path / seed.name)
    files = sorted(tmp_path.glob("*.txt"))
    files[0].unlink()
    files[1].unlink()
    os.mkfifo(files[1])
    summary = IngestSummary()
    jobs = plan(files, {}, summary)
    assert [job.given for job in jobs] == [str(files[2])]
    assert summary.failed == [(str(files[0]), "No such file or directory"), (str(files[1]), "not a regular file")]


# The supervised pool (real limits, real signals; the functions are the standard library's)


def test_a_slow_call_is_cut_off_and_the_rest_continue():
    items = [0, 30, 0.01, 0]
    started = time.monotonic()
    results = list(imap(time.sleep, items, workers=2, limits=Limits(timeout=2)))
    assert results == [(0, None), (30, Lost("took longer than 2 s")), (0.01, None), (0, None)]
    assert time.monotonic() - started < 10


def test_a_call_over_the_memory_limit_fails_alone():
    items = [10, 2 * 2**30, 20]
    results = list(imap(bytearray, items, workers=1, limits=Limits(memory_mb=1024)))
    assert results == [(10, bytearray(10)), (items[1], Lost("needed more memory than a worker may use")),
                       (20, bytearray(20))]


def test_a_worker_killed_by_a_signal_costs_only_its_call():
    harmless = signal.SIGCHLD  # ignored by default: the call returns None
    items = [signal.SIGKILL, harmless, signal.SIGSEGV, harmless]
    assert list(imap(signal.raise_signal, items, workers=2)) == [
        (signal.SIGKILL, Lost("the worker reading it died (killed by signal 9, SIGKILL; out of memory?)")),
        (harmless, None),
        (signal.SIGSEGV, Lost("the worker reading it died (killed by signal 11, SIGSEGV)")),
        (harmless, None),
    ]


def test_results_keep_their_order_with_a_small_window():
    items = list(range(50))
    assert [r for _, r in imap(abs, items, workers=2, ahead=1)] == items


def test_waiting_results_past_the_memory_budget_go_to_a_file_and_come_back_in_order(monkeypatch):
    kept = []

    class Counted(workers._Spool):
        def keep(self, data):
            kept.append(type(found := super().keep(data)))
            return found

    monkeypatch.setattr(workers, "_Spool", Counted)
    monkeypatch.setattr(workers, "_IN_MEMORY", 3 * 2**20)
    sizes = [2**20 + i for i in range(12)]  # about 1 MB each: most wait in the file
    results = imap(bytes, sizes, workers=2, ahead=12)
    first = next(results)
    time.sleep(2)  # the others answered meanwhile
    assert [len(result) for _, result in [first, *results]] == sizes
    assert len(kept) == 12 and kept.count(workers._Spooled) >= 4  # 9 when all arrive during the sleep


def test_the_spool_holds_its_budget_in_memory_and_reuses_its_file():
    spool = workers._Spool(budget=10)
    kept = [spool.keep(bytes([i]) * 4) for i in range(5)]  # two fit in 10 bytes
    assert [type(k) for k in kept] == [workers._Pickled] * 2 + [workers._Spooled] * 3
    assert [spool.take(k).data for k in kept] == [bytes([i]) * 4 for i in range(5)]
    assert spool.in_memory == 0
    assert spool.keep(b"x" * 11) == workers._Spooled(0, 11)  # the file emptied: written from its start
    spool.close()


def test_without_a_temporary_folder_waiting_results_stay_in_memory(monkeypatch):
    def refused(*args, **kwargs):
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(workers.tempfile, "TemporaryFile", refused)
    spool = workers._Spool(budget=10)
    kept = [spool.keep(bytes([i]) * 4) for i in range(5)]
    assert [type(k) for k in kept] == [workers._Pickled] * 5
    assert [spool.take(k).data for k in kept] == [bytes([i]) * 4 for i in range(5)]


def test_stalls_say_which_side_of_the_pool_waited():
    """Slow calls make the caller wait; a slow caller keeps the workers idle behind a full window."""
    slow_calls = Stalls()
    assert [r for _, r in imap(time.sleep, [0.3] * 4, workers=1, ahead=1, stalls=slow_calls)] == [None] * 4
    assert slow_calls.caller >= 1.2 and slow_calls.workers < 0.2

    slow_caller = Stalls()
    for _ in imap(abs, range(6), workers=1, ahead=1, stalls=slow_caller):
        time.sleep(0.3)  # the worker answers the next at once, then waits for it to be taken
    # held with items 1-4 answered (with the last item sent there is nothing left to hold back)
    assert slow_caller.workers >= 1.0 and slow_caller.workers > slow_caller.caller


def test_a_worker_no_longer_needed_when_ready_ends_quietly():
    """A pool whose calls were all answered by a quicker worker closes while another still
    loads: that one finds its answers' pipe closed, and ends without a traceback."""
    worker = subprocess.Popen(
        [sys.executable, "-m", "indexer.workers", str(os.getpid()), "0", "indexer.ingest"],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    worker.stdout.close()  # the pool is done before the worker says it is ready
    _, errors = worker.communicate(timeout=60)
    assert worker.returncode == 0
    assert errors == b""


def test_a_files_time_limit_starts_after_the_workers_warm_up():
    # Loading jieba's dictionaries takes a fresh worker 0.6 s or more (indexer.ingest.warm_worker);
    # reading and tokenising a sample report after it, under 0.05 s.
    jobs = [_Job(str(seed), str(seed), str(seed), "digest", False) for seed in SEEDS[:2]]
    results = list(imap(_extract, jobs, workers=2, limits=Limits(timeout=0.4)))
    assert [(job, type(result).__name__, result.reason) for job, result in results] == [
        (job, "_Extracted", None) for job in jobs
    ]
    assert all(sorted(result.tokens) == sorted(text_fields(result.record)) for _, result in results)


@pytest.mark.parametrize("workers", [1, 3])
def test_ingest_with_one_or_more_workers_adds_every_report(tmp_path, workers):
    summary = ingest([SEEDS[0].parent], tmp_path / "ix", workers=workers)
    assert sorted(summary.added) == [str(p) for p in SEEDS] and not summary.failed
