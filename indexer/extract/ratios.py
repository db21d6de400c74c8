"""The derived ratios of a report (公开率, 不予公开率, 无法提供率, 复议纠正率, 诉讼纠正率).

Kept apart from the facets read from the report (the record's ``ratios``, not
its ``facets``): a ratio is arithmetic on read numbers, and scoring extraction
against hand-read values must not count it.  A ratio exists only where every
number it needs was read and the denominator is above zero: a facet the report
does not state is never taken as 0.

>>> ratios({"复议.纠正": 1, "复议.总计": 4})
{'复议纠正率': 0.25}
>>> ratios({"复议.纠正": 1, "复议.总计": 0})
{}
"""

from __future__ import annotations

from collections.abc import Mapping

from .. import registry  # the module: the registry itself imports the extractor's templates


def ratio(facets: Mapping[str, float | int], numerator: tuple[str, ...], denominator: tuple[str, ...]):
    """sum(numerator) / sum(denominator), or None when a number is not read or the denominator is 0."""
    if any(key not in facets for key in numerator + denominator):
        return None
    below = sum(facets[key] for key in denominator)
    if below <= 0:
        return None
    return sum(facets[key] for key in numerator) / below


def ratios(facets: Mapping[str, float | int]) -> dict[str, float]:
    """Every ratio the facets allow, in registry order."""
    found = {key: ratio(facets, top, bottom) for key, (_, top, bottom) in registry.RATIOS.items()}
    return {key: value for key, value in found.items() if value is not None}
