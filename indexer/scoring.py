"""BM25F as Whoosh computes it, with each field's lengths read once per segment.

Whoosh's scorer looks a document's field length up in its column for every
posting it scores, through several Python calls and a struct unpack: a fifth
of a common word's query time. Segments never change, so the lengths are read
once into a list, kept with the facet arrays (``facetarrays.per_segment``), and
scored from there. The scores are Whoosh's own, to the
last bit (tests compare them).
"""

from __future__ import annotations

from whoosh import scoring

from . import facetarrays


def field_lengths(reader, fieldname: str) -> list[int] | None:
    """Each document's length of ``fieldname`` in one segment (1 where it has none, as Whoosh's
    scorer reads it); None for a reader of several segments or of none."""
    segment = reader.segment() if reader.is_atomic() and hasattr(reader, "segment") else None
    if segment is None:
        return None

    def read(leaf) -> list[int]:
        return [leaf.doc_field_length(n, fieldname, 1) for n in range(leaf.doc_count_all())]

    return facetarrays.per_segment(reader, f"length:{fieldname}", read)


class CachedBM25F(scoring.BM25F):
    def scorer(self, searcher, fieldname, text, qf=1):
        scorer = super().scorer(searcher, fieldname, text, qf)
        if isinstance(scorer, scoring.BM25FScorer):
            lengths = field_lengths(searcher.reader(), fieldname)
            if lengths is not None:
                scorer.dfl = lengths.__getitem__
        return scorer
