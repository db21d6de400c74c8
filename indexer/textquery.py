"""A typed word or phrase as a Whoosh query: found by bigrams, ranked by jieba words.

Matching uses the bigram field ``content`` (``analyzers.bigram``): a fragment of
two or more characters is the phrase of its bigrams, found wherever it stands,
whatever jieba's cut of the text; one character is the prefix of the bigrams
it begins.  A section scope holds the match to that section's part of the
field (``SpanWithin``), so 问题:公开意识 finds it in 问题改进 only.

Ranking adds, for documents that match, the jieba word score of the fragment
in the title (boosted) and in the section searched: a fragment that is a word
of its own in a title or a named section scores above the same characters
inside boilerplate.  Synonyms (``analyzers.synonyms``) are alternatives of the
match.
"""

from __future__ import annotations

from whoosh import matching
from whoosh import query as wq
from whoosh.query import compound, spans
from whoosh.util import make_binary_tree

from analyzers import chinese_analyzer
from analyzers.bigram import JOIN, PART_SPAN, query_grams
from analyzers.synonyms import variants

from .schema import SECTION_FIELDS, part_of

CONTENT = "content"
TITLE_BOOST = 3.0  # a hit in the title outranks the same hit in the text
SECTION_BOOST = 1.5  # a hit in the section the query names outranks one in the whole text


class AllOf(wq.And):
    """Whoosh's ``And`` with its matchers in a balanced tree.

    ``And`` builds a "weighted" tree whose weights (minus each part's size) only
    ever grow more negative as parts combine, so n parts become a chain n deep:
    every step re-asks the whole chain whether it is active, which made a query's
    cost grow with the square of its words (and past ~970 words overflow the
    stack). A balanced tree is log2(n) deep; the smallest parts are put first.
    """

    def _matcher(self, subs, searcher, context):
        reader = searcher.reader()
        ordered = sorted(subs, key=lambda q: q.estimate_size(reader))
        m = make_binary_tree(matching.IntersectionMatcher, [q.matcher(searcher, context) for q in ordered])
        return matching.WrappingMatcher(m, self.boost) if self.boost != 1.0 else m


class AnyOf(wq.Or):
    """Whoosh's ``Or``, reading matches ahead into arrays only in segments where it has many.

    Whoosh chooses by the segment's size alone: under 5,000 documents it reads every match
    ahead into arrays of 2,048 slots, cleared and summed in Python (``ArrayUnionMatcher``,
    about 2.5 ms a segment however few the matches), above it walks a tree of union matchers.
    An index committed in batches of 1,000 reports is mostly segments under 5,000, so a rare
    word paid the arrays once per thousand reports, while a word in most reports of a large
    segment paid the tree's per-match steps. The choice is made here by the matches the
    parts expect in the segment; the scores are the same sums either way.
    """

    READ_AHEAD_FROM = 500  # expected matches in a segment from which the arrays are cheaper

    def _matcher(self, subs, searcher, context):
        # Terms only: a phrase read ahead is matched, position by position, in documents the
        # query's required part may never reach (a sixth of a typed phrase's time at 9,000 reports).
        terms = all(isinstance(q, wq.Term) for q in subs)
        many = terms and sum(q.estimate_size(searcher.reader()) for q in subs) >= self.READ_AHEAD_FROM
        needs_current = context.needs_current if context else True
        kind = compound.PreloadedOr if many and not needs_current else compound.DefaultOr
        return kind(subs, boost=self.boost).matcher(searcher, context)


class SpanWithin(spans.SpanFirst):
    """Spans of ``q`` that lie between positions ``lo`` (included) and ``hi``: one part of a field."""

    def __init__(self, q: wq.Query, lo: int, hi: int):
        self.q, self.lo, self.hi = q, lo, hi

    def __eq__(self, other) -> bool:
        return type(other) is type(self) and (self.q, self.lo, self.hi) == (other.q, other.lo, other.hi)

    def __hash__(self) -> int:
        return hash((self.q, self.lo, self.hi))

    def apply(self, fn):
        return self.__class__(fn(self.q), self.lo, self.hi)

    def estimate_size(self, ixreader) -> int:
        return self.q.estimate_size(ixreader)  # at most what the unrestricted query finds

    def estimate_min_size(self, ixreader) -> int:
        return 0

    def matcher(self, searcher, context=None):
        return SpanWithin.Matcher(self._subm(searcher, context), self.lo, self.hi)

    class Matcher(spans.SpanWrappingMatcher):
        def __init__(self, child, lo: int, hi: int):
            self.lo, self.hi = lo, hi
            super().__init__(child)

        def copy(self):
            return self.__class__(self.child.copy(), self.lo, self.hi)

        def _replacement(self, newchild):
            return self.__class__(newchild, self.lo, self.hi)

        def _get_spans(self):
            return [s for s in self.child.spans() if self.lo <= s.start and s.end < self.hi]


class BigramRun(spans.SpanNear2):
    """Bigrams at consecutive positions: ``SpanNear2(slop=1, ordered=True, mindist=1)``, the same
    documents and spans, found by intersecting position sets.

    SpanNear2 builds a Span object per position and walks them pairwise in Python: a common
    phrase cost a second over 5,000 reports. A run starts at ``p`` when bigram ``i`` stands at
    ``p + i`` for every ``i``, which set intersection answers in C.
    """

    def __init__(self, qs):
        super().__init__(qs, slop=1, ordered=True, mindist=1)

    def apply(self, fn):
        return self.__class__([fn(q) for q in self.qs])

    def matcher(self, searcher, context=None):
        return BigramRun.Matcher([q.matcher(searcher, context) for q in self.qs])

    class Matcher(spans.SpanNear2.SpanNear2Matcher):
        def __init__(self, ms):
            super().__init__(ms, slop=1, ordered=True, mindist=1)

        def copy(self):
            return self.__class__([m.copy() for m in self.ms])

        def _get_spans(self):
            starts = set(self.ms[0].value_as("positions"))
            for offset, m in enumerate(self.ms[1:], start=1):
                if not starts:
                    break
                starts.intersection_update(p - offset for p in m.value_as("positions"))
            last = len(self.ms) - 1
            return [spans.Span(p, p + last) for p in sorted(starts)]


class WordRun(wq.Phrase):
    """Whoosh's ``Phrase`` of words at consecutive positions (slop 1), matched as ``BigramRun``
    matches: Whoosh builds it as ``SpanNear2``, whose walk over span objects is the slow part."""

    def matcher(self, searcher, context=None):
        assert self.slop == 1, "a run has no gaps"
        reader, field = searcher.reader(), searcher.schema[self.fieldname]
        terms = []
        for word in self.words:
            word = field.to_bytes(word)
            if (self.fieldname, word) not in reader:
                return matching.NullMatcher()  # as Whoosh's Phrase: one word missing, no match
            terms.append(wq.Term(self.fieldname, word))
        m = BigramRun(terms).matcher(searcher, context)
        return matching.WrappingMatcher(m, boost=self.boost) if self.boost != 1.0 else m


def match(text: str, section: str | None = None) -> wq.Query:
    """Documents whose text (or whose ``section``) contains ``text`` or one of its variants."""
    options = [_match_one(v, section) for v in variants(text)]
    options = [q for q in options if q is not wq.NullQuery]
    if not options:
        return wq.NullQuery
    return options[0] if len(options) == 1 else AnyOf(options)


def _match_one(text: str, section: str | None) -> wq.Query:
    runs = [_run(grams) for grams in query_grams(text)]
    if not runs:
        return wq.NullQuery
    if section is not None:
        lo = part_of(section) * PART_SPAN
        runs = [SpanWithin(q, lo, lo + PART_SPAN) for q in runs]
    return runs[0] if len(runs) == 1 else AllOf(runs)


def _run(grams: tuple[str, ...]) -> wq.Query:
    """One run of a fragment (text between punctuation): its bigrams in a row, or one unit."""
    if len(grams) > 1:
        return BigramRun([wq.Term(CONTENT, g) for g in grams])
    unit = grams[0]
    if JOIN in unit or (len(unit) > 1 and not unit.isascii()):
        return wq.Term(CONTENT, unit)  # one bigram
    if not unit.isascii():
        return wq.Prefix(CONTENT, unit)  # one character: the bigrams it begins, or a run's last unigram
    return wq.Or([wq.Term(CONTENT, unit), wq.Prefix(CONTENT, unit + JOIN)])  # "app", never "apple"


def boost(text: str, section: str | None = None) -> wq.Query:
    """The jieba word score of ``text`` in the title and in ``section`` (or every section)."""
    tokens = [t.text for t in chinese_analyzer()(text, mode="query")]
    if not tokens:
        return wq.NullQuery
    fields = [SECTION_FIELDS[section]] if section else list(SECTION_FIELDS.values())
    weighted = [("title", TITLE_BOOST), *((f, SECTION_BOOST if section else 1.0) for f in fields)]
    return AnyOf([_words(field, tokens, weight) for field, weight in weighted])


def _words(field: str, tokens: list[str], weight: float) -> wq.Query:
    if len(tokens) == 1:
        return wq.Term(field, tokens[0], boost=weight)
    return WordRun(field, tokens, boost=weight)


def fragment_query(text: str, section: str | None = None) -> wq.Query:
    """The query of one typed word or phrase: what matches, ranked by what it is."""
    found = match(text, section)
    if found is wq.NullQuery:
        return found
    ranked = boost(text, section)
    return found if ranked is wq.NullQuery else wq.AndMaybe(found, ranked)
