"""A Whoosh tokenizer over jieba that keeps Whoosh's contract (ordinal positions, character offsets).

jieba's own ``ChineseAnalyzer`` stores character offsets as positions (phrase queries find
nothing), drops single digits and stems English; this one does none of that. Text is folded with
NFKC one character at a time before segmentation (ＡＰＰ → APP, ２０２０ → 2020, Kangxi radicals
and compatibility ideographs → ordinary ideographs) and looked up in simplified characters (see
``simplify_chars``); offsets are mapped back so that ``startchar``/``endchar`` always index the
text as given, for highlighting.

Index mode (and Whoosh's default mode) emits each word with its atoms and inner dictionary words
(see ``analyzers.segment``). Query mode emits a text that is one word as that word, so 政府信息公开
stays one term; a text of several words is emitted as the atoms of its words, which is what the
index holds at consecutive positions, so a phrase of them matches however the text grouped them.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterator

from whoosh.analysis import Token, Tokenizer

from .filters import simplify_chars
from .segment import atoms, cut, is_word, plan

_NFKC: dict[str, str] = {}


def fold(text: str) -> tuple[str, list[int] | None]:
    """NFKC-fold ``text`` per character; return it with a map from folded to original index.

    The map is ``None`` when every character folds to one character (the usual case, full-width
    forms included), so offsets need no translation. Otherwise (① → 1 is one, ㈠ → (一) is three)
    ``origin[i]`` is the index in ``text`` of the character that folded character ``i`` came from.
    """
    # Text already in NFKC (most reports) holds no character that folds: a character that
    # NFKC changes never stands in normalised text, whatever its neighbours.
    if text.isascii() or unicodedata.is_normalized("NFKC", text):
        return text, None
    parts = [_NFKC.get(ch) or _NFKC.setdefault(ch, unicodedata.normalize("NFKC", ch)) for ch in text]
    folded = "".join(parts)
    if len(folded) == len(text):
        return folded, None
    return folded, [i for i, part in enumerate(parts) for _ in part]


def _words(text: str) -> list[tuple[str, int]]:
    """The indexable words of jieba's cut of ``text`` with their start offsets."""
    words, offset = [], 0
    for word in cut(text):
        if is_word(word):
            words.append((word, offset))
        offset += len(word)
    return words


def _spans(text: str, mode: str) -> Iterator[tuple[int, int, int]]:
    """``(start, end, position)`` of each token of ``text``; positions start at 0."""
    words = _words(text)
    if mode == "query" and len(words) == 1:
        word, start = words[0]
        yield start, start + len(word), 0
    elif mode == "query":
        pos = 0
        for word, start in words:
            for atom in atoms(word):
                yield start, start + len(atom), pos
                start += len(atom)
                pos += 1
    else:
        base = 0
        for word, start in words:
            for piece in plan(word):
                yield start + piece.start, start + piece.end, base + piece.pos
            base += len(atoms(word))


def index_words(value: str) -> Iterator[tuple[str, int]]:
    """``(text, position)`` of each token ``JiebaTokenizer`` gives ``value`` to index, before
    the analyzer's filters (what ``JiebaTokenizer(value, positions=True)`` yields)."""
    folded, _ = fold(value)
    for start, end, pos in _spans(simplify_chars(folded), "index"):
        yield folded[start:end], pos


class JiebaTokenizer(Tokenizer):
    """Chinese tokenizer for Whoosh; holds no state, so pickled schemas stay small and portable.

    >>> [(t.text, t.pos) for t in JiebaTokenizer()("信息公开工作年度报告", positions=True, mode="query")]
    [('信息', 0), ('公开', 1), ('工作', 2), ('年度', 3), ('报告', 4)]
    """

    def __call__(
        self,
        value: str,
        positions: bool = False,
        chars: bool = False,
        keeporiginal: bool = False,
        removestops: bool = True,
        start_pos: int = 0,
        start_char: int = 0,
        tokenize: bool = True,
        mode: str = "",
        **kwargs,
    ) -> Iterator[Token]:
        assert isinstance(value, str), f"{value!r} is not a str"
        t = Token(positions, chars, removestops=removestops, mode=mode, **kwargs)
        if not tokenize:
            t.original = t.text = value
            t.boost = 1.0
            if positions:
                t.pos = start_pos
            if chars:
                t.startchar = start_char
                t.endchar = start_char + len(value)
            yield t
            return
        folded, origin = fold(value)
        terms = ((folded[start:end], start, end, pos) for start, end, pos in _spans(simplify_chars(folded), mode))
        if origin is not None:  # offsets index the text as given
            terms = ((text, origin[start], origin[end - 1] + 1, pos) for text, start, end, pos in terms)
        yield from tokens(t, terms, value, keeporiginal=keeporiginal, start_pos=start_pos, start_char=start_char)


def tokens(
    t: Token, terms: Iterator[tuple[str, int, int, int]], value: str, *, keeporiginal: bool, start_pos: int,
    start_char: int,
) -> Iterator[Token]:
    """Whoosh's token stream of ``(text, start, end, position)`` terms of ``value``: ``t``, set
    to each in turn (as Whoosh's tokenizers reuse one token), with what ``t`` was asked for."""
    for text, start, end, pos in terms:
        t.text = text
        t.boost, t.stopped = 1.0, False
        if keeporiginal:
            t.original = value[start:end]
        if t.positions:
            t.pos = start_pos + pos
        if t.chars:
            t.startchar = start_char + start
            t.endchar = start_char + end
        yield t
