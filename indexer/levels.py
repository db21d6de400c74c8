"""The administrative level of a report's body, from the region it names: the peer groups of
the 异常 facet and the overview's counts.  A report naming a county (or district) is county
level, one naming a prefecture-level city but no county is city level, one naming only a
province is province level; one naming no place is by a central body or unplaced (``未知``)."""

from __future__ import annotations

from collections.abc import Mapping

LEVELS = ("省级", "市级", "县级", "未知")


def level_of(region: Mapping | None) -> str:
    """The level word of ``region`` (a record's ``region``).

    >>> level_of({"province": "湖南省", "city": "邵阳市", "county": "城步苗族自治县"})
    '县级'
    >>> level_of({"province": "重庆市", "city": None, "county": None})
    '省级'
    >>> level_of({})
    '未知'
    """
    region = region or {}
    for level, part in (("县级", "county"), ("市级", "city"), ("省级", "province")):
        if region.get(part):
            return level
    return "未知"
