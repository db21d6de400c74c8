"""The server's searchers: one per thread, kept open, refreshed when a commit changes the index."""

from __future__ import annotations

import threading

from indexer.generator import generate, write
from indexer.ingest import ingest
from indexer.live import LiveIndex
from indexer.search import search
from indexer.store import open_existing


def _searcher_of(live: LiveIndex):
    with live.searcher() as searcher:
        return searcher


def test_a_searcher_is_kept_until_a_commit_changes_the_index(tmp_path):
    reports, index = tmp_path / "reports", tmp_path / "index"
    for seed in (1, 2):
        write(generate(seed), "tsv", reports)
    ingest([reports], index, workers=1)
    live = LiveIndex(open_existing(index))
    first = _searcher_of(live)
    assert search(live, "in 2000-2030")["total"] == 2
    assert _searcher_of(live) is first and not first.is_closed  # nothing changed: the same one

    write(generate(3), "tsv", reports)
    ingest([reports], index, workers=1)
    assert search(live, "in 2000-2030")["total"] == 3  # the next search sees the commit
    refreshed = _searcher_of(live)
    assert refreshed is not first and first.is_closed
    live.close()
    assert refreshed.is_closed
    assert search(live, "in 2000-2030")["total"] == 3  # reopened after close


def test_a_settled_folder_is_not_listed_again_until_a_commit_changes_it(tmp_path, monkeypatch):
    import indexer.live

    reports, index = tmp_path / "reports", tmp_path / "index"
    write(generate(1), "tsv", reports)
    ingest([reports], index, workers=1)
    live = LiveIndex(open_existing(index))
    monkeypatch.setattr(indexer.live, "SETTLED_NS", 0)  # every folder time counts as settled
    assert search(live, "in 2000-2030")["total"] == 1
    searcher_type = type(_searcher_of(live))
    checks = []
    listed = searcher_type.up_to_date
    monkeypatch.setattr(searcher_type, "up_to_date", lambda self: checks.append(1) or listed(self))
    for _ in range(3):
        assert search(live, "in 2000-2030")["total"] == 1
    assert checks == []  # the folder's time as at the last check: not listed
    write(generate(2), "tsv", reports)
    ingest([reports], index, workers=1)
    assert search(live, "in 2000-2030")["total"] == 2  # the commit changed the folder's time
    assert len(checks) == 1
    live.close()


def test_each_thread_has_its_own_searcher(tmp_path):
    write(generate(5), "tsv", tmp_path / "reports")
    ingest([tmp_path / "reports"], tmp_path / "index", workers=1)
    live = LiveIndex(open_existing(tmp_path / "index"))
    seen = []
    threads = [threading.Thread(target=lambda: seen.append(_searcher_of(live))) for _ in range(3)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert len({id(s) for s in seen}) == 3
    live.close()
    assert all(s.is_closed for s in seen)


def test_searchers_of_finished_threads_are_closed_too(tmp_path):
    write(generate(6), "tsv", tmp_path / "reports")
    ingest([tmp_path / "reports"], tmp_path / "index", workers=1)
    live = LiveIndex(open_existing(tmp_path / "index"))
    seen = []
    for _ in range(3):  # one after another: a finished thread's id may be given to the next
        thread = threading.Thread(target=lambda: seen.append(_searcher_of(live)))
        thread.start()
        thread.join()
    live.close()
    assert all(s.is_closed for s in seen)


def test_an_index_empty_at_start_is_searched_once_its_first_commit_lands(tmp_path):
    from indexer.store import open_or_create

    ix, _ = open_or_create(tmp_path / "index")
    live = LiveIndex(ix)
    assert search(live, "in 2000-2030")["total"] == 0
    write(generate(7), "tsv", tmp_path / "reports")
    ingest([tmp_path / "reports"], tmp_path / "index", workers=1)
    assert search(live, "in 2000-2030")["total"] == 1
    live.close()


def test_searches_answer_consistently_while_an_ingest_commits(tmp_path):
    """A search in flight during commits sees one committed state whole: its total, its
    results and its year counts agree, and no report seen once disappears."""
    import subprocess
    import sys

    reports, index = tmp_path / "reports", tmp_path / "index"
    write(generate(1), "tsv", reports)
    ingest([reports], index, workers=1)
    for seed in range(2, 26):
        write(generate(seed), "tsv", reports)
    live = LiveIndex(open_existing(index))
    command = [sys.executable, "-m", "indexer.cli", "ingest", str(reports), "--index", str(index),
               "--batch", "4", "--workers", "1"]  # fmt: skip
    proc = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    totals = []
    while proc.poll() is None or len(totals) < 2:
        answer = search(live, "in 2000-2030", per_page=100)
        years = answer["facet_counts"]["year"]
        assert len(answer["results"]) == answer["total"] == sum(years.values())
        totals.append(answer["total"])
    assert proc.returncode == 0
    assert totals == sorted(totals) and totals[-1] == 25
    assert len(set(totals)) > 2  # commits landed while it searched
    live.close()


def test_a_kept_searcher_sees_merges_and_replacements_exactly_once(tmp_path):
    """Whoosh's ``Searcher.refresh`` kept segments a merge had replaced and old deletions:
    after the fourth small commit every report merged was counted twice."""
    reports, index = tmp_path / "reports", tmp_path / "index"
    live = LiveIndex(open_existing(_ingested(reports, index, 1)))
    for seed in range(2, 12):
        write(generate(seed), "tsv", reports)
        ingest([reports], index, workers=1)  # one commit each: Whoosh merges the small segments
        answer = search(live, "in 2000-2030", per_page=100)
        assert answer["total"] == len({hit["id"] for hit in answer["results"]}) == seed
    first = sorted(reports.iterdir())[0]
    first.write_text(first.read_text(encoding="utf-8") + "\n补充说明：本报告有更正。", encoding="utf-8")
    summary = ingest([reports], index, workers=1)
    assert summary.replaced == [str(first)]
    answer = search(live, "in 2000-2030", per_page=100)
    assert answer["total"] == len({hit["id"] for hit in answer["results"]}) == 11
    assert search(live, '"本报告有更正"')["total"] == 1
    live.close()


def _ingested(reports, index, seed: int):
    write(generate(seed), "tsv", reports)
    ingest([reports], index, workers=1)
    return index


def test_warm_loads_what_every_search_reads(tmp_path, monkeypatch):
    import pytest

    from indexer import facetarrays, postingarrays

    reports, index = tmp_path / "reports", tmp_path / "index"
    for seed in (1, 2, 3):
        write(generate(seed), "tsv", reports)
    ingest([reports], index, workers=1)
    postingarrays.clear()
    live = LiveIndex(open_existing(index))
    assert live.warm() == (0, 0)  # three reports: no segment large enough for a posting file
    # The counted facets and 异常's judgement are in memory: a search reads no facet column.
    monkeypatch.setattr(facetarrays, "_read", lambda *a: pytest.fail("read a facet column"))
    found = search(live, "in 2000-2030")
    assert found["total"] == 3 and sum(found["facet_counts"]["year"].values()) == 3
    live.close()
