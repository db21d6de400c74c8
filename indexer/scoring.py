"""BM25F as Whoosh computes it, with each field's lengths read once per segment.

Whoosh's scorer looks a document's field length up in its column for every
posting it scores, through several Python calls and a struct unpack: a fifth
of a common word's query time. Segments never change, so the lengths are read
once per segment into an array (the column as one buffer), kept with the facet
arrays (``facetarrays.per_segment``), and scored from there: by ``arraymatch``
for every posting at once, by Whoosh's scorer one document at a time. The scores are Whoosh's own, to the
last bit (tests compare them).
"""

from __future__ import annotations

from math import log

import numpy as np
from whoosh import columns, scoring
from whoosh.codec.whoosh3 import LENGTHS_COLUMN, W3PerDocReader, _lenfield
from whoosh.util.numeric import _length_byte_cache

from . import facetarrays, postingarrays

_BYTE_LENGTHS = np.array(_length_byte_cache, dtype=np.float64)  # Whoosh's length of each length byte


def length_array(reader, fieldname: str) -> np.ndarray | None:
    """Each document's length of ``fieldname`` in one segment, as Whoosh's scorer reads it (NaN
    for a document without the field, which no posting scores); None for a reader of several
    segments or of none."""
    segment = reader.segment() if reader.is_atomic() and hasattr(reader, "segment") else None
    if segment is None:
        return None
    return facetarrays.per_segment(
        reader, f"length-array:{fieldname}", lambda leaf: _read_lengths(leaf, fieldname)
    )


def _read_lengths(leaf, fieldname: str) -> np.ndarray:
    count = leaf.doc_count_all()
    perdoc = getattr(leaf, "_perdoc", None)
    column = (
        perdoc._cached_reader(_lenfield(fieldname), LENGTHS_COLUMN)
        if isinstance(perdoc, W3PerDocReader)
        else None
    )
    if type(column) is columns.NumericColumn.Reader and column._typecode == "B":
        # The length column is one byte per document up to the last one written: read as one
        # buffer and looked up in Whoosh's byte → length table (byte 0: no length).
        raw = np.zeros(count, dtype=np.uint8)
        written = min(column._count, count)
        raw[:written] = np.frombuffer(column._dbfile.get(column._basepos, written), dtype=np.uint8)
        lengths = _BYTE_LENGTHS[raw]
        lengths[raw == 0] = np.nan
    elif perdoc is not None and column is None and isinstance(perdoc, W3PerDocReader):
        lengths = np.ones(count)  # no length column: Whoosh's default, 1
    else:
        found = (leaf.doc_field_length(n, fieldname, 1) for n in range(count))
        lengths = np.fromiter((np.nan if v is None else v for v in found), dtype=np.float64, count=count)
    lengths.flags.writeable = False
    return lengths


class CachedBM25F(scoring.BM25F):
    """BM25F for one searcher (``LiveIndex`` makes one per searcher), remembering its average
    field lengths: Whoosh sums every segment's total for each term it scores."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._averages: dict[str, float] = {}
        self._averaged = None  # the searcher they are of

    def idf(self, searcher, fieldname, text):
        # Whoosh's idf, each segment's count read through postingarrays' remembered counts
        # (Whoosh asks every segment's term table for every term of every query).
        parent = searcher.get_parent()
        btext = text if isinstance(text, bytes) else parent.schema[fieldname].to_bytes(text)
        n = sum(
            postingarrays.doc_frequency(leaf, fieldname, btext) for leaf, _ in parent.reader().leaf_readers()
        )
        return log(parent.doc_count_all() / (n + 1)) + 1

    def parameters(self, searcher, fieldname: str, text) -> tuple[float, float, float, float] | None:
        """What ``scorer`` would give the term's ``BM25FScorer``: idf, average field length, B
        and K1 (None for a field that is not scorable, whose score is the posting's weight).
        Without building the scorer, whose set-up reads the term's entry in the segment's
        term table for a best possible score that array scoring never uses."""
        if not searcher.schema[fieldname].scorable:
            return None
        parent = searcher.get_parent()
        if parent is not self._averaged:
            self._averages, self._averaged = {}, parent
        average = self._averages.get(fieldname)
        if average is None:
            average = self._averages[fieldname] = parent.avg_field_length(fieldname) or 1
        return parent.idf(fieldname, text), average, self._field_B.get(fieldname, self.B), self.K1

    def scorer(self, searcher, fieldname, text, qf=1):
        scorer = super().scorer(searcher, fieldname, text, qf)
        if isinstance(scorer, scoring.BM25FScorer):
            lengths = length_array(searcher.reader(), fieldname)
            if lengths is not None:
                scorer.dfl = lengths.__getitem__
        return scorer
