"""A compiled query's hits and scores, computed over whole posting arrays.

Whoosh walks a tree of matchers one document at a time: about 10 µs per hit
for a word, and for a phrase a pickle decoded per document and bigram. At
100,000 reports a word found in 40,000 of them took 0.4 s and a common phrase
ten seconds, nearly all of it in those walks. Here each node of the query
answers for a whole segment at once: a term is its posting arrays
(``postingarrays``), AND and OR are array intersections and unions, a run of
bigrams is an intersection of ``docnum << 32 | position`` keys shifted by each
bigram's place, and conditions on facets are the masks ``facetquery`` computes.

Scores are Whoosh's: BM25F from the same scorer parameters (``searcher.weighting``),
summed in the order Whoosh's matchers sum them (``make_binary_tree`` for AND
and runs, one after another for OR), so equal inputs give equal scores. A node
this module does not know is answered by its own Whoosh matcher, document by
document, so every query still works (``tests/test_arraymatch.py`` compares
both ways on every query shape the compiler emits).
"""

from __future__ import annotations

import contextlib
from bisect import bisect_right
from dataclasses import dataclass

import numpy as np
from whoosh import query as wq
from whoosh import scoring

from analyzers.bigram import BigramTokenizer, decisive_grams

from . import facetarrays, postingarrays
from .facetquery import ArrayCondition
from .postingarrays import POSITION_BITS
from .scoring import CachedBM25F, length_array
from .textquery import AllOf, AnyOf, BigramRun, SpanWithin, WordRun

_EMPTY_IDS = np.zeros(0, dtype=np.int64)
_EMPTY_SCORES = np.zeros(0, dtype=np.float64)
_CHECK_EVERY = 256  # documents a Whoosh matcher walks between deadline checks
_POSITION = (1 << POSITION_BITS) - 1  # a position key's position
_NOWHERE = 1 << POSITION_BITS  # above every position: a run not held to a part of its field


@dataclass(frozen=True)
class Hits:
    ids: np.ndarray  # int64 document numbers, ascending, each once
    scores: np.ndarray  # float64, one per id


NONE = Hits(_EMPTY_IDS, _EMPTY_SCORES)


def hits(searcher, query: wq.Query, deadline) -> Hits:
    """Every live document ``query`` matches in ``searcher`` (document numbers over the whole
    index, ascending) with Whoosh's score of each."""
    ids, scores = [], []
    encoded: dict[tuple[str, object], bytes | None] = {}  # a term's bytes, the same in every segment
    for sub, offset in searcher.leaf_searchers():
        deadline.check()
        leaf = sub.reader()
        if leaf.segment() is None:  # an index created but never committed to
            continue
        found = _Segment(sub, deadline, encoded).match(query)
        live = facetarrays.alive(leaf)
        if live is not None and len(found.ids):
            keep = live[found.ids]
            found = Hits(found.ids[keep], found.scores[keep])
        ids.append(found.ids + offset)
        scores.append(found.scores)
    if not ids:
        return NONE
    return Hits(np.concatenate(ids), np.concatenate(scores))


class _Segment:
    """One segment's answers to the nodes of a query (deleted documents included: ``hits``
    removes them once)."""

    def __init__(self, sub, deadline, encoded: dict | None = None):
        self.sub, self.leaf, self.deadline = sub, sub.reader(), deadline
        self.encoded = {} if encoded is None else encoded
        # Each node's estimated size, asked again by every AND and OR above it; by identity,
        # the node kept with it so that its id is not another's while this lives.
        self.sizes: dict[int, tuple[wq.Query, int]] = {}
        # The documents whose matches count (the required part's, while an optional part is
        # matched): runs check positions only there. None: every document.
        self.focus: np.ndarray | None = None

    def match(self, q: wq.Query) -> Hits:
        self.deadline.check()
        if isinstance(q, type(wq.NullQuery)):
            return NONE
        if isinstance(q, SpanWithin | BigramRun | WordRun):
            found = self.located(q)
            return found if found is not None else self.whoosh(q)
        if isinstance(q, wq.Term):
            return self.term(q)
        if isinstance(q, AllOf):
            return self.all_of(q)
        if isinstance(q, AnyOf) or (type(q) is wq.Or and not q.minmatch and not q.scale):
            return self.any_of(q)
        if type(q) is wq.AndMaybe:
            return self.and_maybe(q.a, q.b)
        if type(q) is wq.Not:
            return self.inverse(q.query)
        if isinstance(q, wq.NumericRange):  # the tiered terms Whoosh compiles it to
            return self.match(q._compile_query(self.leaf))
        if type(q) is wq.ConstantScoreQuery:
            ids = self.match(q.child).ids
            return Hits(ids, np.full(len(ids), q.score))
        if isinstance(q, wq.Prefix | wq.TermRange):
            return self.terms_of(q)
        if isinstance(q, ArrayCondition):
            ids = np.flatnonzero(q.mask_in(self.sub)).astype(np.int64)
            return Hits(ids, np.ones(len(ids))) if len(ids) else NONE  # Whoosh: ListMatcher of weight 1
        return self.whoosh(q)

    # -- terms --------------------------------------------------------------

    def term(self, q: wq.Term) -> Hits:
        btext = self._bytes(q.fieldname, q.text)
        found = None if btext is None else postingarrays.postings(self.leaf, q.fieldname, btext)
        if found is None:
            return NONE
        scores = self._scores(q.fieldname, btext, found)
        if scores is None:
            return self.whoosh(q)
        return _boosted(Hits(found.ids, scores), q.boost)

    def _size(self, q: wq.Query) -> int:
        """Whoosh's ``estimate_size`` of ``q`` in this segment; a term's from the remembered counts."""
        found = self.sizes.get(id(q))
        if found is None:
            found = self.sizes[id(q)] = (q, self._estimate(q))
        return found[1]

    def _estimate(self, q: wq.Query) -> int:
        if type(q) is wq.Term:
            btext = self._bytes(q.fieldname, q.text)
            return 0 if btext is None else postingarrays.doc_frequency(self.leaf, q.fieldname, btext)
        # Whoosh sizes a run as the AND of its terms, an AND as its smallest part.
        if isinstance(q, WordRun):
            return min(self._size(wq.Term(q.fieldname, word)) for word in q.words)
        if isinstance(q, AllOf):
            return min(map(self._size, q.subqueries))
        if isinstance(q, BigramRun):
            return min(map(self._size, q.qs))
        if isinstance(q, SpanWithin):
            return self._size(q.q)
        return q.estimate_size(self.leaf)

    def _bytes(self, fieldname: str, text) -> bytes | None:
        key = (fieldname, text)
        if key in self.encoded:
            return self.encoded[key]
        found = None
        if fieldname in self.sub.schema:
            with contextlib.suppress(ValueError):  # text the field cannot hold: no such term
                found = self.sub.schema[fieldname].to_bytes(text)
        self.encoded[key] = found
        return found

    def _scores(self, fieldname: str, btext: bytes, found: postingarrays.Postings) -> np.ndarray | None:
        """The scorer's score of each posting, computed as ``scoring.bm25`` computes one."""
        weighting = self.sub.weighting
        if type(weighting) is CachedBM25F:
            parameters = weighting.parameters(self.sub, fieldname, btext)
            return found.weights if parameters is None else self._bm25(fieldname, found, *parameters)
        scorer = weighting.scorer(self.sub, fieldname, btext)
        if isinstance(scorer, scoring.BM25FScorer):
            return self._bm25(fieldname, found, scorer.idf, scorer.avgfl, scorer.B, scorer.K1)
        if type(scorer) is scoring.WeightScorer:
            return found.weights
        return None

    def _bm25(self, fieldname: str, found: postingarrays.Postings, idf, avgfl, b, k1) -> np.ndarray:
        tf, fl = found.weights, length_array(self.leaf, fieldname)[found.ids]
        return idf * ((tf * (k1 + 1)) / (tf + k1 * ((1 - b) + b * fl / avgfl)))

    # -- boolean structure --------------------------------------------------

    def all_of(self, q: AllOf) -> Hits:
        subs = q.subqueries
        if not subs:
            return NONE
        if len(subs) == 1:  # Whoosh's compound query: the one part alone, unboosted
            return self.match(subs[0])
        # AllOf's order (smallest first) and its balanced tree: the same sums in the same order.
        ordered = sorted(subs, key=self._size)
        parts = []
        for sub in ordered:
            found = self.match(sub)
            if not len(found.ids):
                return NONE
            parts.append(found)
        return _boosted(_tree(parts), q.boost)

    def any_of(self, q: wq.Or) -> Hits:
        subs = q.subqueries
        if not subs:
            return NONE
        if len(subs) == 1:
            return self.match(subs[0])
        parts = [self.match(s) for s in subs]
        if self._reads_ahead(q):
            return _read_ahead(parts, q.boost)
        return _boosted(_weighted_union([self._size(s) for s in subs], parts), q.boost)

    def terms_of(self, q: wq.MultiTerm) -> Hits:
        """A prefix or a range of terms: Whoosh's OR of the segment's terms it covers (scored
        1.0 each where that OR reads ahead and the query asks for a constant score)."""
        qs = [wq.Term(q.field(), word) for word in q._btexts(self.leaf) if word]
        if not qs:
            return NONE
        if len(qs) == 1:
            return self.match(qs[0])
        either = wq.Or(qs, boost=q.boost)
        if q.constantscore and self._reads_ahead(either):
            ids = self.any_of(either).ids
            return Hits(ids, np.ones(len(ids)))
        return self.any_of(either)

    def _reads_ahead(self, q: wq.Or) -> bool:
        """Whether Whoosh answers this OR with its read-ahead arrays (``PreloadedOr``) rather
        than a tree of unions: AnyOf's choice, or Or's own for a search that needs no current match."""
        subs = q.subqueries
        if isinstance(q, AnyOf):
            terms = all(isinstance(s, wq.Term) for s in subs)
            return terms and sum(map(self._size, subs)) >= AnyOf.READ_AHEAD_FROM
        tree = len(subs) < q.TOO_MANY_CLAUSES and (len(subs) == 2 or self.leaf.doc_count_all() > 5000)
        return not tree

    def and_maybe(self, a: wq.Query, b: wq.Query) -> Hits:
        required = self.match(a)
        if not len(required.ids):
            return NONE
        outer, self.focus = self.focus, required.ids
        try:
            optional = self.match(b)
        finally:
            self.focus = outer
        scores = required.scores.copy()
        if len(optional.ids):
            at = _index_in(optional.ids, required.ids)
            both = at >= 0
            scores[both] += optional.scores[at[both]]
        return Hits(required.ids, scores)

    def inverse(self, q: wq.Query) -> Hits:
        # Whoosh's InverseMatcher: every other document, each scored 1.0.
        every = np.arange(self.leaf.doc_count_all(), dtype=np.int64)
        ids = np.setdiff1d(every, self.match(q).ids, assume_unique=True)
        return Hits(ids, np.ones(len(ids)))

    # -- runs of positions --------------------------------------------------

    def located(self, q, lo: int = 0, hi: int = _NOWHERE) -> Hits | None:
        """The documents where run ``q`` has a match starting at ``lo`` or after and ending
        before ``hi``, with the run's scores; None for a shape left to Whoosh."""
        if isinstance(q, SpanWithin):
            if not isinstance(q.q, BigramRun | wq.Term):
                return None
            return self.located(q.q, max(lo, q.lo), min(hi, q.hi))
        if isinstance(q, wq.Term):
            btext = self._bytes(q.fieldname, q.text)
            if btext is None:
                return NONE
            if (lo, hi) == (0, _NOWHERE):
                return self.term(q)
            keys = postingarrays.position_keys(self.leaf, q.fieldname, btext)  # keeps its postings too
            found = self.term(q)
            positions = keys & _POSITION
            return _in(found, keys[(positions >= lo) & (positions < hi)] >> POSITION_BITS)
        if isinstance(q, WordRun):
            terms = []
            for word in q.words:
                btext = self._bytes(q.fieldname, word)
                if btext is None or not postingarrays.doc_frequency(self.leaf, q.fieldname, btext):
                    return NONE  # as Whoosh's Phrase: a word not in the segment, no match
                terms.append((q.fieldname, btext))
            return _boosted(self.run([wq.Term(f, t) for f, t in terms], terms, lo, hi), q.boost)
        if (
            isinstance(q, BigramRun)
            and all(type(t) is wq.Term for t in q.qs)
            and getattr(q, "boost", 1.0) == 1.0
        ):
            terms = [(t.fieldname, self._bytes(t.fieldname, t.text)) for t in q.qs]
            if any(b is None for _, b in terms):
                return NONE
            bigrams = all(type(self.sub.schema[field].analyzer) is BigramTokenizer for field, _ in terms)
            return self.run(q.qs, terms, lo, hi, decisive=decisive_grams(len(terms)) if bigrams else None)
        return None

    def run(
        self, qs: list[wq.Term], terms: list[tuple[str, bytes]], lo: int, hi: int, decisive: list[int] | None = None
    ) -> Hits:
        """Documents where the terms stand at consecutive positions (the run inside ``lo``
        and ``hi``), scored as Whoosh's SpanNear2 scores them (its intersection tree of the terms).
        With ``decisive`` (a run of bigrams: ``bigram.decisive_grams``), only those terms'
        positions are read and checked: the others stand in their places wherever those do."""
        width = len(terms) - 1
        frequencies = [postingarrays.doc_frequency(self.leaf, *term) for term in terms]
        rarest = min(frequencies)
        if not rarest:
            return NONE
        placed = range(len(terms)) if decisive is None else decisive
        for i in placed:
            if rarest * postingarrays.SPARSE >= frequencies[i]:
                # Its positions will be read whole: read them now, and its postings with them.
                postingarrays.position_keys(self.leaf, *terms[i])
        parts = []
        for q in qs:
            found = self.term(q)
            if not len(found.ids):
                return NONE
            parts.append(found)
        together = _tree(parts)
        if self.focus is not None:
            together = _in(together, self.focus)
        if not len(together.ids):
            return NONE
        keys = {i: postingarrays.position_keys(self.leaf, *terms[i], within=together.ids) for i in placed}
        # A run starting at p has term i at p + i. The term of fewest occurrences gives the
        # candidate starts, and each other term keeps those it stands after: a common phrase's
        # rarest bigram has far fewer positions than its commonest. (A candidate before
        # position 0 of its document becomes a key of the document before, which term 0 lacks.)
        order = sorted(placed, key=lambda i: len(keys[i]))
        starts = _in_docs(keys[order[0]], together.ids) - order[0]
        if (lo, hi) != (0, _NOWHERE):
            positions = starts & _POSITION
            starts = starts[(positions >= lo) & (positions + width < hi)]
        starts = starts[np.searchsorted(starts, 0) :]
        checks = [(keys[offset], offset) for offset in order[1:]]
        return _in(together, self._docs_with_run(starts, checks))

    def _docs_with_run(self, starts: np.ndarray, checks: list[tuple[np.ndarray, int]]) -> np.ndarray:
        """The documents of the candidate ``starts`` (ascending) where some start has every
        check's keys at its offset. A document needs one such start, so each document's first
        candidate is tried first, then the second of those where it failed, and the others
        only in documents where both failed: a phrase found many times in most documents is
        checked about once per document. (Where the rarest bigram also stands elsewhere, the
        phrase is often at its second place: 政府信息公开 at 100,000 reports, in 14 % of the
        documents, and never further; checking all the places left there cost a third of the query.)"""
        if not len(starts):
            return _EMPTY_IDS
        docs = starts >> POSITION_BITS
        heads = np.flatnonzero(_firsts(docs))  # each document's first candidate
        found = self._verified(starts[heads], checks)
        if len(found) == len(heads) or len(heads) == len(starts):
            return found
        matched = facetarrays.marked(found, int(docs[-1]) + 1)  # a mask, not np.union1d: no sort
        ends = np.append(heads[1:], len(starts))  # past each document's last candidate
        failed = ~matched[docs[heads]]
        seconds, ends = heads[failed] + 1, ends[failed]
        held = seconds < ends
        seconds, ends = seconds[held], ends[held]
        if not len(seconds):
            return np.flatnonzero(matched)
        matched[self._verified(starts[seconds], checks)] = True
        failed = ~matched[docs[seconds]]
        rest, counts = seconds[failed] + 1, ends[failed] - seconds[failed] - 1  # the candidates after
        # Every index from each document's third candidate to its last, in one array.
        at = np.repeat(rest - (np.cumsum(counts) - counts), counts) + np.arange(int(counts.sum()))
        matched[self._verified(starts[at], checks)] = True
        return np.flatnonzero(matched)

    def _verified(self, starts: np.ndarray, checks: list[tuple[np.ndarray, int]]) -> np.ndarray:
        for keys, offset in checks:
            if not len(starts):
                break
            self.deadline.check()
            starts = starts[_holds(keys, starts + offset)]
        docs = starts >> POSITION_BITS
        return docs[_firsts(docs)]

    # -- anything else --------------------------------------------------------

    def whoosh(self, q: wq.Query) -> Hits:
        """The node's own Whoosh matcher, walked document by document."""
        m = q.matcher(self.sub, self.sub.context())
        ids, scores = [], []
        check = self.deadline.check
        while m.is_active():
            if not len(ids) % _CHECK_EVERY:
                check()
            ids.append(m.id())
            scores.append(m.score())
            m.next()
        if not ids:
            return NONE
        return Hits(np.asarray(ids, dtype=np.int64), np.asarray(scores, dtype=np.float64))


def _boosted(found: Hits, boost: float) -> Hits:
    return found if boost == 1.0 else Hits(found.ids, found.scores * boost)


def _intersect(a: Hits, b: Hits) -> Hits:
    """The documents of both, each scored ``a``'s plus ``b``'s (addition commutes exactly, so
    either may be looked up in the other). The smaller part's documents are searched for in
    the larger; when they are many, looked up in an array as long as the segment instead."""
    if not len(a.ids) or not len(b.ids):
        return NONE
    small, large = (a, b) if len(a.ids) <= len(b.ids) else (b, a)
    if len(small.ids) * 8 < max(int(a.ids[-1]), int(b.ids[-1])) + 1:
        at = np.searchsorted(large.ids, small.ids)
        at[at == len(large.ids)] = 0
        both = large.ids[at] == small.ids
    else:
        at = _index_in(large.ids, small.ids)
        both = at >= 0
    return Hits(small.ids[both], small.scores[both] + large.scores[at[both]])


def _index_in(ids: np.ndarray, wanted: np.ndarray) -> np.ndarray:
    """Each of ``wanted``'s index in ``ids`` (both ascending document numbers), -1 where
    absent: looked up in an array as long as the segment."""
    where = np.full(max(int(ids[-1]), int(wanted[-1])) + 1, -1, dtype=np.int64)
    where[ids] = np.arange(len(ids))
    return where[wanted]


def _tree(parts: list[Hits]) -> Hits:
    """The intersection of ``parts`` as Whoosh's ``make_binary_tree`` of IntersectionMatchers:
    each node's score is its left half's plus its right half's."""
    if len(parts) == 1:
        return parts[0]
    half = len(parts) // 2
    return _intersect(_tree(parts[:half]), _tree(parts[half:]))


def _read_ahead(parts: list[Hits], boost: float) -> Hits:
    """Whoosh's ``ArrayUnionMatcher``: each part's score times the boost, added part after part
    to 0.0; a document whose sum is not above 0 is not a match. ``bincount`` adds its weights
    in their order into zeros, as Whoosh's array does, in one pass over an array as long as
    the segment (sorting the concatenated parts cost five times as much for a word in every
    report)."""
    ids = np.concatenate([p.ids for p in parts])
    if not len(ids):
        return NONE
    size = int(ids.max()) + 1
    sums = np.bincount(ids, weights=np.concatenate([p.scores * boost for p in parts]), minlength=size)
    unique = np.flatnonzero(facetarrays.marked(ids, size))
    scores = sums[unique]
    keep = scores > 0
    return Hits(unique[keep], scores[keep])


def _weighted_union(sizes: list[int], parts: list[Hits]) -> Hits:
    """Whoosh's ``make_weighted_tree`` of UnionMatchers: the two parts of least expected size
    joined first, the join put back after parts of equal size (its sort and insort are stable)."""
    queue = sorted(zip(sizes, parts, strict=True), key=lambda item: item[0])
    while len(queue) > 1:
        (size_a, a), (size_b, b) = queue.pop(0), queue.pop(0)
        size = size_a + size_b
        queue.insert(bisect_right([s for s, _ in queue], size), (size, _union(a, b)))
    return queue[0][1]


def _union(a: Hits, b: Hits) -> Hits:
    """A UnionMatcher: a document of one part has its score; of both, ``a``'s plus ``b``'s
    (``a``'s put in place first, then ``b``'s added: each pair sums in that order)."""
    if not len(a.ids) or not len(b.ids):
        return b if not len(a.ids) else a
    size = max(int(a.ids[-1]), int(b.ids[-1])) + 1
    sums = np.zeros(size)
    sums[a.ids] = a.scores
    sums[b.ids] += b.scores
    mask = facetarrays.marked(a.ids, size)
    mask[b.ids] = True
    ids = np.flatnonzero(mask)
    return Hits(ids, sums[ids])


def _holds(keys: np.ndarray, wanted: np.ndarray) -> np.ndarray:
    """Which of ``wanted`` (ascending) are among ``keys`` (ascending)."""
    if not len(keys):
        return np.zeros(len(wanted), dtype=bool)
    at = np.searchsorted(keys, wanted)
    at[at == len(keys)] = 0
    return keys[at] == wanted


def _firsts(values: np.ndarray) -> np.ndarray:
    """A mask over ``values`` (ascending), true at the first of each run of equal values."""
    return np.concatenate(([True], values[1:] != values[:-1])) if len(values) else np.zeros(0, dtype=bool)


def _in_docs(keys: np.ndarray, ids: np.ndarray) -> np.ndarray:
    """The position keys (ascending) that belong to documents ``ids``."""
    if not len(ids) or not len(keys):
        return _EMPTY_IDS
    docs = keys >> POSITION_BITS
    return keys[facetarrays.marked(ids, max(int(docs[-1]), int(ids[-1])) + 1)[docs]]


def _in(found: Hits, docs: np.ndarray) -> Hits:
    """``found`` kept to documents ``docs`` (any order, repeats allowed)."""
    ids = found.ids
    if not len(docs) or not len(ids):
        return NONE
    keep = facetarrays.marked(docs, max(int(docs.max()), int(ids[-1])) + 1)[ids]
    return Hits(ids[keep], found.scores[keep])
