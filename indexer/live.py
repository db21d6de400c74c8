"""The index as a long-running server reads it: searchers kept open, refreshed when it changes.

Opening a searcher reads every segment's term dictionary and, for compound
segments, copies each segment file into memory: at 40,000 reports that was half
the time of a one-word query. A ``LiveIndex`` keeps one searcher per thread
(Whoosh's readers seek in shared files, so a searcher is not shared between
threads) and swaps it for a new one when a commit has changed the index. Its searchers score with
``CachedBM25F``: Whoosh's scores, with field lengths read once per segment.

It answers ``searcher()`` like a Whoosh index, so every search function takes
either; the searcher it hands out stays open after the ``with`` block.
"""

from __future__ import annotations

import threading
import weakref
from contextlib import contextmanager

from .scoring import CachedBM25F


class LiveIndex:
    def __init__(self, ix):
        self.ix = ix
        self.schema = ix.schema
        self._local = threading.local()
        self._open: set = set()  # every thread's searcher, to close them all at the end
        weakref.finalize(self, _close_all, self._open)

    @contextmanager
    def searcher(self):
        current = getattr(self._local, "searcher", None)
        if current is None or current.is_closed:
            current = self.ix.searcher(weighting=CachedBM25F())
            self._open.add(current)
        elif not current.up_to_date():
            # A new searcher, not ``Searcher.refresh()``: Whoosh's refresh keeps the readers of
            # segments a merge has replaced (its reader adds back every old segment missing from
            # the new generation) and reuses a segment's reader with its old deletions, so after
            # a merge or a replaced report every hit was counted twice. Column arrays and field
            # lengths are kept per segment (facetarrays), so reopening costs only the files.
            self._open.discard(current)
            current.close()
            current = self.ix.searcher(weighting=CachedBM25F())
            self._open.add(current)
        self._local.searcher = current
        yield current

    def close(self) -> None:
        _close_all(self._open)

    def doc_count(self) -> int:
        with self.searcher() as searcher:
            return searcher.doc_count()

    def __getattr__(self, name: str):
        return getattr(self.ix, name)  # writer(), latest_generation() … as the index itself


def _close_all(searchers: set) -> None:
    for searcher in list(searchers):
        if not searcher.is_closed:
            searcher.close()
    searchers.clear()
