"""Token filters: traditional → simplified Chinese.

Reports and queries are mostly in simplified characters, but some text arrives in traditional
ones (Hong Kong, Macao and Taiwan material quoted in reports, or a user's input method). The
filter runs at index and query time alike, on each token's text after tokenizing, so offsets into
the original text never move. Segmentation sees the text simplified one character at a time
(``simplify_chars``), so traditional text is cut like simplified text. It uses opencc-purepy's ``t2s`` (OpenCC's dictionaries, pure Python):
character and phrase mappings only, no regional vocabulary (資訊 → 资讯, not 信息).
"""

from __future__ import annotations

from collections.abc import Iterator
from functools import lru_cache

from whoosh.analysis import Filter, Token


@lru_cache(maxsize=1)
def _converter():
    """OpenCC's t2s converter, built once per process on first use (about 0.1 s)."""
    from opencc_purepy import OpenCC

    converter = OpenCC("t2s")
    if converter.get_last_error():
        raise RuntimeError(f"opencc-purepy could not load its dictionaries: {converter.get_last_error()}")
    return converter


# Variant forms OpenCC's t2s leaves as they are, though pages print them for the usual
# character: 陜西 (陜, U+965C) for 陝西/陕西.
_VARIANTS = str.maketrans({"陜": "陕"})


@lru_cache(maxsize=200_000)
def to_simplified(text: str) -> str:
    """``text`` in simplified characters: 行政處罰 → 行政处罚; ASCII comes back as it is."""
    if text.isascii():
        return text
    return _converter().t2s(text).translate(_VARIANTS)


def simplified_text(text: str) -> str:
    """A whole text (a line, a page) in simplified characters, phrase by phrase (答覆 → 答复,
    反覆 → 反复); text with no traditional character comes back at once.  Not cached: texts
    are unique, and ``to_simplified``'s cache is for tokens."""
    if simplify_chars(text) == text:
        return text
    return _converter().t2s(text).translate(_VARIANTS)


_CHARS: dict[str, str] = {}
# Characters seen so far that simplification leaves as they are: nearly every character of
# simplified text, so such a text is recognised in one pass without building a copy.
_UNCHANGED: set[str] = set()


def _simplify_char(ch: str) -> str:
    simple = to_simplified(ch)
    _CHARS[ch] = simple = simple if len(simple) == 1 else ch
    if simple == ch:
        _UNCHANGED.add(ch)
    return simple


def simplify_chars(text: str) -> str:
    """``text`` simplified one character at a time, so its length and offsets never change.

    For segmentation only: jieba's dictionary is in simplified characters, so 行政復議 must be
    looked up as 行政复议 to be cut like it. Tokens still take their text from the original and
    go through ``SimplifyFilter``, whose conversion sees a whole word (乾隆 stays 乾隆, where
    one character at a time would give 干隆).
    """
    if text.isascii() or _UNCHANGED.issuperset(text):
        return text
    return "".join([_CHARS.get(ch) or _simplify_char(ch) for ch in text])


class SimplifyFilter(Filter):
    """Replaces each token's text by its simplified form; holds no state (pickles small)."""

    def __call__(self, tokens: Iterator[Token]) -> Iterator[Token]:
        for t in tokens:
            t.text = to_simplified(t.text)
            yield t
