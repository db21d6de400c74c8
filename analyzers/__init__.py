"""Chinese text analysis for the index (jieba tokenizer for Whoosh).

``chinese_analyzer()`` is the one analyzer the schema, the query compiler and the highlighter all
use, so text and queries are segmented, folded and simplified the same way.
"""

from __future__ import annotations

from whoosh.analysis import Analyzer, LowercaseFilter

from .bigram import BigramTokenizer
from .filters import SimplifyFilter, to_simplified
from .tokenizer import JiebaTokenizer, fold

__all__ = [
    "BigramTokenizer", "JiebaTokenizer", "SimplifyFilter", "bigram_analyzer", "chinese_analyzer", "fold",
    "to_simplified",
]  # fmt: skip


def chinese_analyzer() -> Analyzer:
    """jieba tokens, lowercased, in simplified characters; no stemming and no stop words.

    Cheap to call (jieba and OpenCC load once per process, on first use) and picklable, as
    Whoosh stores the schema with its analyzers in the index.
    """
    return JiebaTokenizer() | LowercaseFilter() | SimplifyFilter()


def bigram_analyzer() -> Analyzer:
    """Overlapping bigrams of the text's characters (``analyzers.bigram``): what finds any
    fragment, whatever jieba's cut.  Folding, simplifying and lowercasing happen inside."""
    return BigramTokenizer()
