"""Numbers as a person reads them: the one place the web pages and the CLI round values.

Exports and the JSON API keep the full value; only text meant for people goes
through here. Money (万元 facets) shows at most 4 decimals of 万元 (one yuan),
counts show as whole numbers, ratios (fractions of 1) as percentages to one decimal, and
trailing zeros are dropped:

>>> facet_value("政府集中采购.总金额_万元", 103.90000001)
'103.9'
>>> facet_value("政府集中采购.总金额_万元", 12.345678)
'12.3457'
>>> facet_value("行政处罚.处理决定数", 12.0)
'12'
>>> statistic("申请.新收", 1.5)
'1.5'
>>> facet_value("公开率", 3 / 7)
'42.9'
"""

from __future__ import annotations

import math

from .registry import facets, is_money, is_ratio

MONEY_DECIMALS = 4  # 0.0001 万元 is one yuan
MEDIAN_DECIMALS = 1  # a median of whole counts is whole or ends in .5
PERCENT_DECIMALS = 1  # a ratio's unit (registry.RATIO_UNIT) is %
ABSENT = "—"


def plain(value: float | int, decimals: int) -> str:
    """``value`` rounded to ``decimals`` places, trailing zeros dropped; never ``-0``."""
    number = float(value)
    if not math.isfinite(number):
        return ABSENT
    text = f"{number:.{decimals}f}"
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    return "0" if text == "-0" else text


def _is_count(key: str | None) -> bool:
    return key in facets() and not is_money(key) and not is_ratio(key)


def facet_value(key: str | None, value: float | int) -> str:
    """A facet's value: money to at most 4 decimals of 万元, counts as whole numbers.

    A key the registry does not know (or None) keeps up to 4 decimals, so that a
    value of unknown kind is never rounded to a whole number it is not.
    """
    if is_ratio(key):
        return plain(float(value) * 100, PERCENT_DECIMALS)
    return plain(value, 0 if _is_count(key) else MONEY_DECIMALS)


def statistic(key: str | None, value: float | int) -> str:
    """A sum or median over reports: money as ``facet_value``; counts keep a median's half."""
    if is_ratio(key):
        return facet_value(key, value)
    return plain(value, MEDIAN_DECIMALS if _is_count(key) else MONEY_DECIMALS)
