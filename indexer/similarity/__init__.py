"""Copied text (雷同): each report section's near duplicates across the corpus.

Sections are compared on their normalised sentences (``text``) as sets of character shingles;
MinHash LSH (datasketch) proposes candidates, and the figure kept is exact: the share of one
section's own text, template sentences left out, that the other section also has.

- ``SimilarityIndex(folder)``: ``add(record)``, ``remove(id)``, ``commit()``; ``neighbours(id, section)``
  and ``copying(id)`` for the report page and the ``雷同`` facets;
  ``pairs(min_similarity)`` for clusters.  ``open_similarity(folder)``: the index's, or None.
- ``shared_spans(left, right)``: the shared passages of two texts, for the side-by-side view.
"""

from .facets import Copying
from .schema import SimilarityStoreError
from .store import FLOOR, Neighbour, SimilarityIndex, open_similarity
from .text import SharedSpans, normalise, sentences, shared_spans

__all__ = [
    "FLOOR",
    "Copying",
    "Neighbour",
    "SharedSpans",
    "SimilarityIndex",
    "SimilarityStoreError",
    "normalise",
    "open_similarity",
    "sentences",
    "shared_spans",
]
