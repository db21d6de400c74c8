"""Highlighted fragments: each typed word or phrase marked where it stands, as one ``<mark>``.

Matching is by the same units the bigram index uses (``analyzers.bigram``):
a phrase is marked where the phrase occurs, not its characters wherever they
are; full-width and traditional forms and the synonyms of a word are found
as the query finds them.  A lone stop character (的, 和, 是) is never marked.
The fragment shown is the one around the section's best stretch of matches.
Fragments are HTML-escaped text with ``<mark>`` as the only markup, so the web
page can insert them as they are and the JSON endpoint can promise it.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from functools import lru_cache
from html import escape
from itertools import accumulate

from analyzers.bigram import may_hold, plain_text, units
from analyzers.synonyms import variants

from .models import SECTION_NAMES, WHOLE_TEXT

STOP_CHARACTERS = frozenset("的了和与及或是在为等对将把被从向于也就都而且并之其")
_WIDTH = 160  # characters of context around the marked words
_ELLIPSIS = "…"
_SEP = "\x00"

Span = tuple[int, int]


@lru_cache(maxsize=512)
def _needles(word: str) -> tuple[tuple[str, ...], ...]:
    """The unit sequences a typed word (and its variants) is found as, one per run."""
    found = []
    for variant in variants(word):
        for run in units(variant):
            names = tuple(u for u, _, _ in run)
            if len(names) == 1 and names[0] in STOP_CHARACTERS:
                continue  # 的 alone marks nothing
            found.append(names)
    return tuple(found)


def occurrences(text: str, words: list[str]) -> list[Span]:
    """Where the words stand in ``text``: character spans, merged where they touch."""
    needles = {n for word in words for n in _needles(word)}
    if not needles:
        return []
    plain, origin = plain_text(text)
    needles = set(may_hold(plain, needles))  # most sections hold none: skip cutting them into units
    if not needles:
        return []
    chinese = {n for n in needles if _chinese(n)}
    spans = _found_in_plain(plain, origin, chinese) if chinese else []
    if len(chinese) < len(needles):
        spans += _found_in_units(text, needles - chinese)
    return _merged(spans)


def _chinese(needle: tuple[str, ...]) -> bool:
    """Whether every unit of ``needle`` is one character that is not ASCII (a Chinese character)."""
    return all(len(u) == 1 and not u.isascii() for u in needle)


@lru_cache(maxsize=512)
def _pattern(needle: tuple[str, ...]) -> re.Pattern:
    """``needle``'s characters with any spaces between them (spaces never end a run), matched at
    every start, overlaps included, as the unit search finds them."""
    return re.compile("(?=(" + r"\s*".join(re.escape(u) for u in needle) + "))")


def _found_in_plain(plain: str, origin: list[int] | None, needles: set[tuple[str, ...]]) -> list[Span]:
    """Chinese needles found in the text as ``plain_text`` gives it, by one regular expression
    each; spans index the original text through ``origin``.

    A Chinese character is a unit of its own, so such a needle stands wherever its characters
    do with only spaces between them: the same spans as cutting the text into units, without
    the cutting (half of a hit's highlighting time).
    """
    spans = []
    for needle in needles:
        for m in _pattern(needle).finditer(plain):
            start, end = m.start(1), m.end(1)
            spans.append((start, end) if origin is None else (origin[start], origin[end - 1] + 1))
    return spans


def _found_in_units(text: str, needles: set[tuple[str, ...]]) -> list[Span]:
    """Needles found among the text's units: any needle, ASCII units included."""
    spans: list[Span] = []
    for run in units(text):
        # Units joined by a mark no unit holds, so a match always starts and ends at units.
        joined, starts = _SEP, []
        for name, _, _ in run:
            starts.append(len(joined))
            joined += name + _SEP
        for needle in needles:
            probe = _SEP + _SEP.join(needle) + _SEP
            at = joined.find(probe)
            while at >= 0:
                first = bisect_left(starts, at + 1)
                spans.append((run[first][1], run[first + len(needle) - 1][2]))
                at = joined.find(probe, at + 1)
    return spans


def _merged(spans: list[Span]) -> list[Span]:
    out: list[Span] = []
    for start, end in sorted(spans):
        if out and start <= out[-1][1]:
            out[-1] = (out[-1][0], max(out[-1][1], end))
        else:
            out.append((start, end))
    return out


def _window(text: str, spans: list[Span]) -> tuple[int, int]:
    """The stretch of ``_WIDTH`` characters holding the most marked characters.

    ``spans`` are sorted and apart (``_merged``), so the spans a stretch touches are
    found by bisection and summed from running totals: a section marked thousands
    of times costs n log n, not n².
    """
    starts, ends = [s for s, _ in spans], [e for _, e in spans]
    total = list(accumulate((e - s for s, e in spans), initial=0))
    best, best_start = -1, 0
    for start in starts:
        lo = max(0, start - _WIDTH // 4)
        hi = lo + _WIDTH
        first, last = bisect_right(ends, lo), bisect_left(starts, hi)  # touched: first .. last - 1
        if first >= last:
            continue
        covered = total[last] - total[first] - max(0, lo - starts[first]) - max(0, ends[last - 1] - hi)
        if covered > best:
            best, best_start = covered, lo
    return best_start, min(len(text), best_start + _WIDTH)


def fragment(text: str, spans: list[Span]) -> str:
    """The escaped fragment around the best stretch, its matches in ``<mark>``."""
    lo, hi = _window(text, spans)
    parts = [_ELLIPSIS] if lo > 0 else []
    at = lo
    for start, end in spans:
        if end <= lo or start >= hi:
            continue
        start, end = max(start, lo), min(end, hi)
        parts += [escape(text[at:start], quote=False), f"<mark>{escape(text[start:end], quote=False)}</mark>"]
        at = end
    parts.append(escape(text[at:hi], quote=False))
    if hi < len(text):
        parts.append(_ELLIPSIS)
    return "".join(parts).replace("\n", " ")


def fragments(sections: dict[str, str], words: dict[str | None, list[str]], unsectioned: str = "") -> list[dict]:
    """One fragment per section the words stand in: words scoped to a section mark that
    section, unscoped words mark any section, and the whole text of a report whose headings
    were not recognised (``unsectioned``, shown as ``WHOLE_TEXT``)."""
    anywhere = words.get(None, [])
    texts = [(name, sections.get(name), [*anywhere, *words.get(name, [])]) for name in SECTION_NAMES]
    texts.append((WHOLE_TEXT, unsectioned, anywhere))
    found = []
    for name, text, wanted in texts:
        if not text or not wanted:
            continue
        spans = occurrences(text, wanted)
        if spans:
            found.append({"section": name, "fragment": fragment(text, spans)})
    return found
