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
