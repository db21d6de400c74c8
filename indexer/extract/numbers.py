"""Reading numbers as reports print them.

Cells hold ``0``, ``　　12``, ``103.9万元``, ``589484.00 元``, ``-3``, ``减少2``,
``十二``, ``—`` or ``/`` (nothing). ``parse_cell`` says which.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

import cn2an

# Marks that mean "nothing here" in a table cell.
NOTHING_MARKS = frozenset({"", "/", "／", "—", "——", "-", "－", "--", "—-", "无", "空", "\\", "×"})

_UNSIGNED = r"\d+(?:,\d{3})*(?:\.\d+)?"
_CN_DIGITS = "零〇一二两三四五六七八九十百千万亿壹贰叁肆伍陆柒捌玖拾佰仟"
_SIGN_ALONE = frozenset({"增", "减", "增加", "减少", "+", "＋"})  # a signed number's sign, the digits lost
_MALFORMED = re.compile(r"[-+—–－]*\d[\d.,，]*[-+]*")  # a number a typo or a crawler damaged
_CELL = re.compile(
    rf"^(?P<sign>增加|减少|增|减|[-+])?\s*(?P<num>{_UNSIGNED}|[{_CN_DIGITS}]+)\s*"
    r"(?P<unit>万元|亿元|元|万|件|个|项|条|次|人次|宗|起|家|%)?$"
)


@dataclass(frozen=True)
class Cell:
    """What a table cell says: a number, nothing, or text."""

    kind: str  # "number", "blank", "text", or "unreadable" (number-like but malformed: "--253")
    value: float | int | None = None
    unit: str | None = None  # unit printed in the cell, if any
    signed: bool = False  # printed with a sign ("+3", "-2", "减少2")

    @property
    def is_number(self) -> bool:
        return self.kind == "number"


BLANK = Cell("blank")


def normalize(text: str) -> str:
    """Fold full-width forms (digits, letters, punctuation, spaces) to ASCII."""
    return unicodedata.normalize("NFKC", text).replace("\u3000", " ")


def parse_number(text: str) -> float | int | None:
    """A number in Arabic or Chinese digits, or None."""
    text = normalize(text).replace(",", "").strip()
    if not text:
        return None
    if re.fullmatch(r"[-+]?\d+", text):
        return int(text)
    if re.fullmatch(r"[-+]?\d+\.\d+", text):
        return float(text)
    if re.fullmatch(f"[{_CN_DIGITS}]+", text):
        try:
            value = cn2an.cn2an(text, "smart")
        except (ValueError, KeyError):
            return None
        return int(value) if float(value).is_integer() else float(value)
    return None


@lru_cache(maxsize=4096)
def parse_cell(text: str) -> Cell:
    """Classify one cell's text.

    >>> parse_cell("　　12").value
    12
    >>> parse_cell("103.9万元").unit
    '万元'
    >>> parse_cell("—").kind
    'blank'
    """
    clean = normalize(text).strip()
    clean = re.sub(r"\s+", "", clean)
    if clean in NOTHING_MARKS:
        return BLANK
    if clean in _SIGN_ALONE:
        return Cell("unreadable")  # 本年增/减 printed as "减" with its number lost
    match = _CELL.match(clean)
    if not match:
        return Cell("unreadable") if _MALFORMED.fullmatch(clean) else Cell("text")
    value = parse_number(match["num"])
    if value is None:
        return Cell("text")
    if match["sign"] in ("-", "减", "减少") and value > 0:
        value = -value
    return Cell("number", value, match["unit"], signed=match["sign"] is not None)


def to_wan_yuan(value: float | int, unit: str | None) -> float | int:
    """Convert an amount to 万元. A bare number is taken as already in 万元,
    the unit the templates print in their headers."""
    if unit == "元":
        return tidy(value / 10000)
    if unit == "亿元":
        return tidy(value * 10000)
    return tidy(value)


def tidy(value: float | int) -> float | int:
    """Round away binary noise (589484.00/10000 = 58.9484, not 58.948400000000004); a whole
    number as an int, as reports state counts."""
    value = round(float(value), 6)
    return int(value) if value.is_integer() else value
