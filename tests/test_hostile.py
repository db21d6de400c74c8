"""Ingesting the hostile corpus (tests/hostile_corpus.py) beside good reports.

Every good report is added exactly once, every bad file and walk trap is listed exactly
once with a reason, nothing outside the tree is reached, the run ends (no hang) and
exits 1. Where the tests run as root, the ingest runs without root's right to read any
file (``setpriv`` drops CAP_DAC_OVERRIDE and CAP_DAC_READ_SEARCH): an unreadable folder can
only be tried without it.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import time

import pytest

from indexer.store import Column, column_text, open_existing

from hostile_corpus import build

# Root reads every folder; without these two capabilities it obeys permissions like anyone.
UNPRIVILEGED = ["setpriv", "--bounding-set=-dac_override,-dac_read_search"] if os.geteuid() == 0 else []


@pytest.fixture(scope="module")
def ingested(tmp_path_factory):
    base = tmp_path_factory.mktemp("hostile")
    corpus = build(base)
    index = base / "index"
    started = time.monotonic()
    command = [sys.executable, "-m", "indexer.cli", "ingest", str(corpus.root), "--index", str(index), "--json"]
    run = subprocess.run([*UNPRIVILEGED, *command], capture_output=True, timeout=600)
    elapsed = time.monotonic() - started
    yield corpus, run, index, elapsed
    (corpus.root / "traps" / "locked").chmod(0o755)  # so that pytest can clean up
    shutil.rmtree(corpus.root / "bad", ignore_errors=True)  # 200 MB


def _listed(summary: dict) -> list[str]:
    return [entry["path"] for entry in summary["failed"] + summary["skipped"]]


def test_exit_code_and_valid_utf8_summary(ingested):
    _, run, _, elapsed = ingested
    assert run.returncode == 1, run.stderr.decode(errors="replace")[-2000:]
    summary = json.loads(run.stdout.decode("utf-8"))  # strict: no lone surrogates, no raw bytes
    assert summary["duplicates"] == []
    print(f"hostile corpus ingested in {elapsed:.1f} s")


def test_every_bad_file_and_trap_listed_once_with_a_reason(ingested):
    corpus, run, _, _ = ingested
    summary = json.loads(run.stdout.decode("utf-8"))
    listed = _listed(summary)
    expected = sorted(str(p) for p in corpus.bad + corpus.walk_only)
    assert sorted(listed) == expected
    for entry in summary["failed"] + summary["skipped"]:
        assert entry["reason"].strip() and "\n" not in entry["reason"], entry
        assert "Traceback" not in entry["reason"]


def test_every_good_report_indexed_exactly_once(ingested):
    corpus, run, index, _ = ingested
    summary = json.loads(run.stdout.decode("utf-8"))
    assert summary["added"] == len(corpus.good)
    ix = open_existing(index)
    with ix.searcher() as searcher:
        reader = searcher.reader()
        keys = sorted(column_text(Column(reader, "path")[n]) for n in reader.all_doc_ids())
    ix.close()
    assert len(keys) == len(set(keys)) == len(corpus.good)
    assert not any("outside" in key for key in keys)  # the link out of the tree was not followed


def test_good_names_shown_readably(ingested):
    corpus, _, index, _ = ingested
    run = subprocess.run(
        [sys.executable, "-m", "indexer.cli", "search", "in 2009-2030", "--index", str(index), "--json",
         "--limit", "100"],
        capture_output=True,
        timeout=120,
    )
    answer = json.loads(run.stdout.decode("utf-8"))
    sources = json.dumps(answer, ensure_ascii=False)
    assert "工作报告" in sources  # the GBK-named file, decoded for display
    assert "with space 报告" in sources
