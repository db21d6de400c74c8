"""Overlapping bigrams: the index that finds every fragment a person types.

jieba cuts text into words, so a fragment that does not line up with its cut
(公开意识 inside 政府信息公开意识, 人员配备 across two words) is not found by
word terms.  Here text is cut into *units* — one Chinese character, or a run
of ASCII letters and digits (``2021``, ``app``) — and every two neighbouring
units of a run make one term at the first one's position.  A fragment of two
or more units is then a phrase of its bigrams, found wherever it stands; a
single character is the prefix of the bigrams it begins (or the run-end
unigram every run closes with).

Text is folded and simplified one character at a time (as ``JiebaTokenizer``
does), so full-width forms and traditional characters find the same terms.
Punctuation ends a run (positions jump, so a phrase never spans it); spaces do
not (PDF text puts them between characters).  A document's parts are placed
apart: the text after ``PART_MARK`` + a digit k starts at position
``k * PART_SPAN``, so a query can be held to one part (a section).
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterator
from functools import lru_cache

from whoosh.analysis import Token, Tokenizer

from .filters import simplify_chars
from .tokenizer import fold, tokens

PART_MARK = "\x1e"  # followed by one digit: the part (section) the text after it belongs to
PART_SPAN = 10_000_000  # positions per part: more units than any report holds
JOIN = "_"  # between units when one is ASCII, so "app" never prefixes "apple"


def _kind(ch: str) -> str:
    """'h' for a character that is a unit on its own, 'a' for ASCII letters and digits,
    's' for a space (no break), '' for a break."""
    if ch.isascii():
        return "a" if ch.isalnum() else "s" if ch.isspace() else ""
    if ch.isspace():
        return "s"
    return "h" if unicodedata.category(ch)[0] in "LN" else ""


def plain_text(text: str) -> tuple[str, list[int] | None]:
    """``text`` folded and simplified as ``units`` reads it, with ``fold``'s map back to ``text``
    (None when every index is its own)."""
    folded, origin = fold(text)
    return simplify_chars(folded), origin


def may_hold(plain: str, sequences) -> list:
    """The unit sequences (as ``units`` gives them) each of whose units occurs somewhere in
    ``plain`` (a text as ``plain_text`` gives it): a quick test that leaves out every sequence
    the text cannot contain."""
    lowered = plain.lower()
    return [seq for seq in sequences if all(u in plain or u in lowered for u in seq)]


def units(text: str) -> list[list[tuple[str, int, int]]]:
    """The runs of ``text``: lists of ``(unit, start, end)``, the unit folded, simplified and
    lowercased, ``start``/``end`` indexing ``text`` as given.

    >>> [[u for u, _, _ in run] for run in units("政府信息 公开，APP2021年")]
    [['政', '府', '信', '息', '公', '开'], ['app', '2021', '年']]
    """
    plain, origin = plain_text(text)
    runs: list[list[tuple[str, int, int]]] = []
    run: list[tuple[str, int, int]] = []
    i = 0
    while i < len(plain):
        kind = _kind(plain[i])
        if kind == "a":  # letters and digits are separate units: APP2021 is app, 2021
            j = i
            while j < len(plain) and _kind(plain[j]) == "a" and plain[j].isdigit() == plain[i].isdigit():
                j += 1
            run.append((plain[i:j].lower(), i, j))
            i = j
            continue
        if kind == "h":
            run.append((plain[i], i, i + 1))
        elif kind == "" and run:
            runs.append(run)
            run = []
        i += 1
    if run:
        runs.append(run)
    if origin is None:
        return runs
    return [[(u, origin[s], origin[e - 1] + 1) for u, s, e in r] for r in runs]


def gram(left: str, right: str) -> str:
    """The term of two neighbouring units."""
    if left.isascii() or right.isascii():
        return f"{left}{JOIN}{right}"
    return left + right


@lru_cache(maxsize=4096)
def query_grams(text: str) -> tuple[tuple[str, ...], ...]:
    """Per run of a typed fragment: its bigram terms, or the one unit of a one-unit run."""
    found = []
    for run in units(text):
        names = [u for u, _, _ in run]
        found.append(tuple(gram(a, b) for a, b in zip(names, names[1:], strict=False)) or (names[0],))
    return tuple(found)


def _parts(value: str) -> Iterator[tuple[int, int, str]]:
    """``(part, offset, text)`` for each part of a field value marked with ``PART_MARK``."""
    if PART_MARK not in value:
        yield 0, 0, value
        return
    offset = 0
    for chunk in value.split(PART_MARK):
        if chunk[:1].isdecimal():  # a part number (not ①: a digit int() refuses)
            yield int(chunk[0]), offset + 1, chunk[1:]
        elif chunk:
            yield 0, offset, chunk
        offset += len(chunk) + 1


def grams(value: str) -> Iterator[tuple[str, int, int, int]]:
    """``(term, start, end, position)`` of each term of ``value``: ``start``/``end`` index
    ``value``, positions start at 0 (each part at its own ``PART_SPAN``)."""
    for part, offset, text in _parts(value):
        pos = part * PART_SPAN
        for run in units(text):
            for k, (unit, start, end) in enumerate(run):
                # each run ends with its last unit alone, so a single character is always found
                if k + 1 == len(run):
                    yield unit, offset + start, offset + end, pos
                else:
                    following = run[k + 1]
                    yield gram(unit, following[0]), offset + start, offset + following[2], pos
                pos += 1
            pos += 1  # a gap: no phrase spans punctuation


class BigramTokenizer(Tokenizer):
    """Bigrams of units at ordinal positions (one position per unit), with character offsets.

    >>> [(t.text, t.pos) for t in BigramTokenizer()("公开意识", positions=True)]
    [('公开', 0), ('开意', 1), ('意识', 2), ('识', 3)]
    """

    def __call__(self, value: str, positions: bool = False, chars: bool = False, keeporiginal: bool = False,
                 removestops: bool = True, start_pos: int = 0, start_char: int = 0, tokenize: bool = True,
                 mode: str = "", **kwargs) -> Iterator[Token]:  # fmt: skip
        t = Token(positions, chars, removestops=removestops, mode=mode, **kwargs)
        yield from tokens(t, grams(value), value, keeporiginal=keeporiginal, start_pos=start_pos, start_char=start_char)


def decisive_grams(count: int) -> list[int]:
    """Which bigrams of a run of ``count`` decide where the run stands: every other one and
    the last. ``grams`` gives each position one term (a unit's bigram with the next unit of
    its run, or a run's last unit alone) and leaves the position after a run empty, so bigram
    i - 1 at p + i - 1 puts unit i at p + i, bigram i + 1 at p + i + 1 puts unit i + 1 right
    after it in the same run, and the term at p + i is then bigram i. A phrase search checks
    the places of these only (``indexer.arraymatch``): about half the positions."""
    return sorted({*range(0, count, 2), count - 1})
