"""`nianbao ingest`: incremental, idempotent, and safe to kill."""

import json
import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

from whoosh.index import exists_in

from indexer.cli import main
from indexer.generator import generate, write
from indexer.ingest import ingest
from indexer.store import INDEX_NAME, open_existing

SEEDS = Path(__file__).parent / "data" / "seeds"


def doc_count(folder: Path) -> int:
    ix = open_existing(folder)
    with ix.searcher() as searcher:
        return searcher.doc_count()


def copy_seeds(folder: Path) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    return [Path(shutil.copy(p, folder)) for p in sorted(SEEDS.glob("*.txt"))]


def test_reingest_is_idempotent_and_touching_replaces(tmp_path):
    files = copy_seeds(tmp_path / "reports")
    index = tmp_path / "index"
    first = ingest([tmp_path / "reports"], index, workers=2)
    assert (len(first.added), len(first.unchanged)) == (5, 0)
    second = ingest([tmp_path / "reports"], index, workers=2)
    assert (len(second.added), len(second.replaced), len(second.unchanged)) == (0, 0, 5)
    assert doc_count(index) == 5

    files[1].write_text(files[1].read_text(encoding="utf-8") + "\n补充说明。\n", encoding="utf-8")
    third = ingest([tmp_path / "reports"], index, workers=1)
    assert third.replaced == [str(files[1])] and len(third.unchanged) == 4
    assert doc_count(index) == 5


def test_same_content_under_another_path_is_a_duplicate(tmp_path):
    copy_seeds(tmp_path / "a")
    shutil.copy(next(SEEDS.glob("000_*")), tmp_path / "copy-of-000.txt")
    summary = ingest([tmp_path / "a", tmp_path / "copy-of-000.txt"], tmp_path / "index", workers=1)
    assert len(summary.added) == 5 and len(summary.duplicates) == 1
    assert summary.duplicates[0][0] == str(tmp_path / "copy-of-000.txt")
    assert doc_count(tmp_path / "index") == 5


def test_a_file_given_twice_is_one_report(tmp_path):
    """Given as itself and inside a given folder, or twice over, in batches apart."""
    files = copy_seeds(tmp_path / "reports")
    index = tmp_path / "index"
    summary = ingest([files[0], tmp_path / "reports", files[0], str(files[3])], index, workers=1, batch=2)
    assert summary.added == [str(files[0]), *map(str, files[1:])]
    assert (summary.duplicates, summary.failed, summary.unchanged) == ([], [], [])
    assert doc_count(index) == 5
    again = ingest([tmp_path / "reports", files[2]], index, workers=1, batch=2)
    assert (again.added, len(again.unchanged)) == ([], 5)
    assert doc_count(index) == 5


def test_a_copy_of_a_broken_file_fails_as_it_does_not_as_a_duplicate(tmp_path):
    copy_seeds(tmp_path / "reports")
    (tmp_path / "reports" / "a-broken.pdf").write_bytes(b"%PDF-1.4 truncated")
    (tmp_path / "reports" / "b-copy.pdf").write_bytes(b"%PDF-1.4 truncated")
    summary = ingest([tmp_path / "reports"], tmp_path / "index", workers=1)
    assert len(summary.added) == 5 and summary.duplicates == []
    failed = dict(summary.failed)
    assert set(failed) == {str(tmp_path / "reports" / n) for n in ("a-broken.pdf", "b-copy.pdf")}
    assert len(set(failed.values())) == 1  # the same reason for both
    assert summary.exit_code == 1


def test_failures_are_listed_and_the_rest_ingested(tmp_path, capsys):
    copy_seeds(tmp_path / "reports")
    (tmp_path / "reports" / "broken.pdf").write_bytes(b"%PDF-1.4 truncated")
    (tmp_path / "reports" / "empty.txt").write_bytes(b"")
    code = main(["ingest", str(tmp_path / "reports"), "--index", str(tmp_path / "index"), "--json"])
    summary = json.loads(capsys.readouterr().out)
    assert code == 1
    assert summary["added"] == 5
    assert sorted(Path(f["path"]).name for f in summary["failed"]) == ["broken.pdf", "empty.txt"]
    assert all(f["reason"] for f in summary["failed"])


def test_files_that_are_not_reports_are_skipped_not_failed(tmp_path, capsys):
    copy_seeds(tmp_path / "reports")
    (tmp_path / "reports" / "README.md").write_text("# 说明\n\nThese are the reports we collected.\n", encoding="utf-8")
    (tmp_path / "reports" / "note.txt").write_text("见附件。\n", encoding="utf-8")
    code = main(["ingest", str(tmp_path / "reports"), "--index", str(tmp_path / "index"), "--json"])
    summary = json.loads(capsys.readouterr().out)
    assert code == 0
    assert summary["added"] == 5 and summary["failed"] == []
    assert sorted(Path(f["path"]).name for f in summary["skipped"]) == ["README.md", "note.txt"]
    assert all(f["reason"].startswith("not a report") for f in summary["skipped"])
    assert doc_count(tmp_path / "index") == 5


def test_search_without_an_index_says_so(tmp_path, capsys):
    code = main(["search", "in 2020", "--index", str(tmp_path / "nothing")])
    assert code == 1
    assert "还没有索引" in capsys.readouterr().err


def test_killed_ingest_leaves_a_searchable_index_and_rerun_completes(tmp_path):
    reports = tmp_path / "reports"
    reports.mkdir()
    total = 200
    for seed in range(total):
        write(generate(seed, template="2019" if seed % 2 else "2021"), "tsv", reports)
    index = tmp_path / "index"
    command = [sys.executable, "-m", "indexer.cli", "ingest", str(reports), "--index", str(index),
               "--workers", "1", "--batch", "5"]
    proc = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 120
    committed = 0
    while time.monotonic() < deadline and proc.poll() is None:
        if exists_in(str(index), indexname=INDEX_NAME):
            committed = doc_count(index)
            if committed >= 10:
                break
        time.sleep(0.05)
    assert proc.poll() is None, "ingest finished before it could be killed"
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait(timeout=30)

    after_kill = doc_count(index)
    assert 10 <= after_kill < total
    assert after_kill % 5 == 0  # only whole committed batches survive

    rerun = subprocess.run(command[:-4], capture_output=True, text=True, timeout=600)
    assert rerun.returncode == 0, rerun.stderr
    assert doc_count(index) == total
    again = subprocess.run(command[:-4] + ["--json"], capture_output=True, text=True, timeout=600)
    assert json.loads(again.stdout)["unchanged"] == total
    assert doc_count(index) == total


def test_a_renamed_file_is_kept_under_its_new_name_when_pruning(tmp_path):
    files = copy_seeds(tmp_path / "reports")
    index = tmp_path / "index"
    ingest([tmp_path / "reports"], index, workers=1)
    renamed = files[2].rename(tmp_path / "reports" / "renamed.txt")
    summary = ingest([tmp_path / "reports"], index, workers=1, prune=True)
    assert summary.removed == [str(files[2].resolve())]
    assert (summary.added, summary.duplicates) == ([str(renamed)], [])
    assert doc_count(index) == 5
    ix = open_existing(index)
    with ix.searcher() as searcher:
        paths = sorted(fields["path"] for fields in searcher.all_stored_fields())
    assert paths == sorted(str(p.resolve()) for p in (tmp_path / "reports").iterdir())


def test_prune_removes_reports_whose_files_were_deleted(tmp_path):
    files = copy_seeds(tmp_path / "reports")
    index = tmp_path / "index"
    ingest([tmp_path / "reports"], index, workers=1)
    files[2].unlink()
    kept = ingest([tmp_path / "reports"], index, workers=1)
    assert kept.removed == [] and doc_count(index) == 5  # without prune nothing is removed
    pruned = ingest([tmp_path / "reports"], index, workers=1, prune=True)
    assert pruned.removed == [str(files[2].resolve())]
    assert len(pruned.unchanged) == 4 and doc_count(index) == 4
