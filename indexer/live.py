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

import os
import threading
import time
import weakref
from contextlib import contextmanager

from . import postingarrays
from .scoring import CachedBM25F

SETTLED_NS = 2_000_000_000  # a folder time this old cannot share its clock tick with a later commit


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
        elif not self._up_to_date(current):
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

    def _up_to_date(self, current) -> bool:
        """Whether ``current`` reads the latest generation. Whoosh's check lists the folder
        (2.7 ms per query among the 4,500 files of 100,000 reports); a commit adds a table of
        contents, which changes the folder's modification time, so while that time stays as
        it was at the last check, and is old enough not to hide a change within its clock
        tick, the answer stands."""
        folder = getattr(self.ix.storage, "folder", None)
        stamp = os.stat(folder).st_mtime_ns if folder else None
        settled = stamp is not None and time.time_ns() - stamp > SETTLED_NS
        if settled and stamp == getattr(self._local, "stamp", None):
            return True
        fresh = current.up_to_date()
        self._local.stamp = stamp if fresh else None
        return fresh

    def warm(self) -> tuple[int, int]:
        """What a server loads on start, so that its first searches do not: the segmenters'
        dictionaries (about a second), the arrays every search reads whatever the query (the
        counted facets, 异常's judgement: 0.8 s at 100,000 reports) and the commonest terms'
        posting arrays (``postingarrays.preload``); the terms and bytes of the latter."""
        from analyzers.segment import warm

        from .search import counted

        warm()
        with self.ix.reader() as reader:  # the arrays are kept by segment, for every searcher
            counted(reader, [])
            return postingarrays.preload(reader)

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
