"""Clean-up of mirror-site damage on a line of report text, before anything reads it.

Some mirror sites inject a pinyin reading after characters (朝陽(yáng)市, 報(bào)告,
會(huì )) and double punctuation (编制,。 / 概述,, / 一,、概 述).  Both break
titles, headings and names alike, so ``clean_line`` is meant to run on every
line: it is idempotent and leaves ordinary text unchanged.
"""

from __future__ import annotations

import re

_TONED = "āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ"
_HAN = r"[\u3400-\u9fff\uf900-\ufaff]"
# A reading: Latin letters with at least one tone mark, in brackets, right after a character.
_READING = re.compile(rf"(?<={_HAN})[(（]\s*[a-zü{_TONED}]*[{_TONED}][a-zü{_TONED}]*\s*[)）]")
# A reading cut off by the end of the page: "公開(k".
_CUT_READING = re.compile(rf"(?<={_HAN})[(（][a-zü{_TONED}]{{1,6}}\s*$")
_COMMA_RUN = re.compile(r"[,，]{2,}")
# An injected comma next to another mark: ",。" ",、" "。,".
_STRAY_COMMA = re.compile(r"[,，](?=[。、；：！？])|(?<=[。、；：！？])[,，]")


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
