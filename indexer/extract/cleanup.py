"""Clean-up of mirror-site damage on a line of report text, before anything reads it.

Some mirror sites inject a pinyin reading after characters (朝陽(yáng)市, 報(bào)告,
會(huì )) and double punctuation (编制,。 / 概述,, / 一,、概 述).  Both break
titles, headings and names alike, so ``clean_line`` is meant to run on every
line: it is idempotent and leaves ordinary text unchanged.

Other mirrors print whole pages in traditional characters.  ``in_simplified`` converts a
page's lines only when the page is in traditional script, told by characters simplified
text never uses (會, 報, 於: each is the traditional form its simplified form converts
back to).  Characters both scripts use are not evidence, and on a simplified page they
stay as printed: 乾县 is a county, 干县 is nowhere.  On a traditional page they are
converted, but never where that loses a place the gazetteer knows (乾縣 → 乾县).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import cache, lru_cache

from analyzers.filters import simplify_chars

from ..models import Region
from .gazetteer import locate

_TONED = "āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ"
_HAN = r"[\u3400-\u9fff\uf900-\ufaff]"
# A reading: Latin letters with at least one tone mark, in brackets, right after a character.
_READING = re.compile(rf"(?<={_HAN})[(（]\s*[a-zü{_TONED}]*[{_TONED}][a-zü{_TONED}]*\s*[)）]")
# A reading cut off by the end of the page: "公開(k".
_CUT_READING = re.compile(rf"(?<={_HAN})[(（][a-zü{_TONED}]{{1,6}}\s*$")
# A bracketed aside: "（县政务公开办）" after a name, "(含2019年结转18件)" inside a sentence.
ASIDE = re.compile(r"[(（][^()（）]*[)）]")
_COMMA_RUN = re.compile(r"[,，]{2,}")
# An injected comma next to another mark: ",。" ",、" "。,".
_STRAY_COMMA = re.compile(r"[,，](?=[。、；：！？])|(?<=[。、；：！？])[,，]")
# Share of a page's Han characters that are traditional-only: 27-34 % on traditional mirrors,
# 0 on simplified pages (where 著 in 显著 is the most a page shows).
_TRADITIONAL_SHARE = 0.05
_PLACE_REACH = 6  # characters either side of a converted one that a place name may span


def clean_line(line: str) -> str:
    """``line`` without injected pinyin readings and doubled punctuation.

    >>> clean_line("朝陽(yáng)市衛生健康委員會(huì )2022年度報告,。")
    '朝陽市衛生健康委員會2022年度報告。'
    """
    if line.isascii():
        return line
    line = _READING.sub("", line)
    line = _CUT_READING.sub("", line)
    line = _COMMA_RUN.sub(lambda m: m[0][0], line)
    return _STRAY_COMMA.sub("", line)


def in_simplified(lines: Sequence[str], traditional: bool | None = None) -> list[str]:
    """``lines`` in simplified characters if the page is in traditional script (see the module
    docstring; ``traditional`` when the caller has told it from the whole page), else as they
    are.  One character for one, so offsets stay."""
    lines = list(lines)
    if traditional is None:
        traditional = is_traditional(lines)
    return [_simplify_line(line) for line in lines] if traditional else lines


def is_traditional(lines: Sequence[str]) -> bool:
    """Whether the page is printed in traditional script."""
    han = [ch for line in lines for ch in line if "\u4e00" <= ch <= "\u9fff"]
    return bool(han) and sum(map(_traditional_only, han)) >= _TRADITIONAL_SHARE * len(han)


@cache
def _traditional_only(ch: str) -> bool:
    """會 → 会 → 會: a character whose simplified form converts back to it is not used in
    simplified text; 乾 → 干 → 幹 is (乾县, 乾隆)."""
    simple = simplify_chars(ch)
    return simple != ch and _to_traditional(simple) == ch


@lru_cache(maxsize=1)
def _s2t():
    from opencc_purepy import OpenCC

    return OpenCC("s2t")


def _to_traditional(ch: str) -> str:
    """OpenCC's first traditional form of a simplified character."""
    return _s2t().st(ch)


def _simplify_line(line: str) -> str:
    """``line`` simplified one character at a time, except that a character both scripts use
    stays where converting it would lose a place the gazetteer knows (咸陽市乾縣 → 咸阳市乾县)."""
    simple = simplify_chars(line)
    if simple == line:
        return line
    out = list(simple)
    for i, (was, now) in enumerate(zip(line, simple, strict=True)):
        if was != now and not _traditional_only(was) and _keeps_place(simple, i, was):
            out[i] = was
    return "".join(out)


def _keeps_place(simple: str, i: int, original: str) -> bool:
    """Whether the original character at ``i`` names a more precise place than its conversion."""
    lo, hi = max(0, i - _PLACE_REACH), i + _PLACE_REACH + 1
    converted = simple[lo:hi]
    kept = simple[lo:i] + original + simple[i + 1 : hi]
    return _depth(locate(kept)) > _depth(locate(converted))


def _depth(region: Region) -> int:
    return sum(1 for part in (region.province, region.city, region.county) if part)
