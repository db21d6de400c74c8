"""BM25F as Whoosh computes it, with each field's lengths read once per segment.

Whoosh's scorer looks a document's field length up in its column for every
posting it scores, through several Python calls and a struct unpack: a fifth
of a common word's query time. Segments never change, so the lengths are read
once into a list, kept with the facet arrays (``facetarrays.per_segment``), and
scored from there. The scores are Whoosh's own, to the
last bit (tests compare them).
"""

from __future__ import annotations

import numpy as np
from whoosh import columns, scoring
from whoosh.codec.whoosh3 import LENGTHS_COLUMN, W3PerDocReader, _lenfield
from whoosh.util.numeric import _length_byte_cache

from . import facetarrays

_BYTE_LENGTHS = np.array(_length_byte_cache, dtype=np.float64)  # Whoosh's length of each length byte


def field_lengths(reader, fieldname: str) -> list | None:
    """Each document's length of ``fieldname`` in one segment, as Whoosh's scorer reads it;
    None for a reader of several segments or of none."""
    lengths = length_array(reader, fieldname)
    if lengths is None:
        return None
    # As a list of what Whoosh's doc_field_length(n, fieldname, 1) returns: an int, or None
    # (a length byte of 0: a document without the field, never one a posting scores).
    return facetarrays.per_segment(
        reader, f"length:{fieldname}", lambda _: [None if v != v else int(v) for v in lengths.tolist()]
    )


def length_array(reader, fieldname: str) -> np.ndarray | None:
    """``field_lengths`` as floats, NaN for None (``arraymatch`` scores from it)."""
    segment = reader.segment() if reader.is_atomic() and hasattr(reader, "segment") else None
    if segment is None:
        return None
    return facetarrays.per_segment(reader, f"length-array:{fieldname}", lambda leaf: _read_lengths(leaf, fieldname))


def _read_lengths(leaf, fieldname: str) -> np.ndarray:
    count = leaf.doc_count_all()
    perdoc = getattr(leaf, "_perdoc", None)
    column = perdoc._cached_reader(_lenfield(fieldname), LENGTHS_COLUMN) if isinstance(perdoc, W3PerDocReader) else None
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
    def scorer(self, searcher, fieldname, text, qf=1):
        scorer = super().scorer(searcher, fieldname, text, qf)
        reader = searcher.reader()
        if isinstance(scorer, scoring.BM25FScorer) and reader.is_atomic() and hasattr(reader, "segment"):
            # Read on the first document scored: arraymatch asks for scorers only for their
            # parameters, and building the list for every field it touches cost 40 ms cold.
            scorer.dfl = _FirstUse(reader, fieldname)
        return scorer


class _FirstUse:
    """A segment's ``field_lengths`` looked up by document, read when first asked."""

    def __init__(self, reader, fieldname: str):
        self.reader, self.fieldname, self.lengths = reader, fieldname, None

    def __call__(self, docnum: int):
        if self.lengths is None:
            self.lengths = field_lengths(self.reader, self.fieldname)
        return self.lengths[docnum]
