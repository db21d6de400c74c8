"""A Whoosh query that matches documents by a facet's value in its column.

Facets live in Whoosh columns (see ``schema``), not in postings, so a
condition such as ``行政处罚.处理决定数 > 10`` is answered by comparing the
column's array (``facetarrays``: decoded once per segment) in one pass. The query composes with Whoosh's own And/Or/Not like
any other. A document without the facet (NaN in the column) never matches,
whatever the operator: absent is not 0.
"""

from __future__ import annotations

import operator
from collections.abc import Callable

import numpy as np
from whoosh import matching
from whoosh.query import Query

from . import facetarrays
from .anomalies import judgement
from .schema import facet_field

OPERATORS: dict[str, Callable[[float, float], bool]] = {
    ">": operator.gt,
    ">=": operator.ge,
    "<": operator.lt,
    "<=": operator.le,
    "=": operator.eq,
    "!=": operator.ne,
}
NEGATED = {">": "<=", ">=": "<", "<": ">=", "<=": ">", "=": "!=", "!=": "="}
_EPSILON = 1e-9  # money in 万元 has up to six decimals


class ArrayCondition(Query):
    """A condition answered from column arrays: subclasses give the mask of matching documents;
    deleted documents never match."""

    def estimate_size(self, ixreader) -> int:
        return ixreader.doc_count()

    def docs(self, searcher):
        return iter(self._docnums(searcher))

    def matcher(self, searcher, context=None):
        docnums = self._docnums(searcher)
        if not docnums:
            return matching.NullMatcher()
        return matching.ListMatcher(docnums, all_weights=1.0)

    def _identity(self) -> tuple:
        """What makes two conditions of a class the same (and shows in their repr)."""
        raise NotImplementedError

    def __eq__(self, other: object) -> bool:
        return type(other) is type(self) and other._identity() == self._identity()  # type: ignore[attr-defined]

    def __hash__(self) -> int:
        return hash((type(self).__name__, *self._identity()))

    def __repr__(self) -> str:
        return f"{type(self).__name__}({', '.join(map(repr, self._identity()))})"

    def __str__(self) -> str:
        return self.__unicode__()

    def _mask(self, reader) -> np.ndarray:
        raise NotImplementedError

    def mask_in(self, searcher) -> np.ndarray:
        """The mask over the documents of ``searcher``'s reader (a segment's, when Whoosh or
        ``arraymatch`` asks segment by segment)."""
        return self._mask(searcher.reader())

    def _docnums(self, searcher) -> list[int]:
        mask = self.mask_in(searcher)
        live = facetarrays.alive(searcher.reader())
        if live is not None:
            mask &= live
        return np.flatnonzero(mask).tolist()


class FacetCondition(ArrayCondition):
    """``key op value`` over the facet's column."""

    def __init__(self, key: str, op: str, value: float):
        if op not in OPERATORS:
            raise ValueError(f"unknown operator {op!r}")
        self.key, self.op, self.value = key, op, float(value)
        self.fieldname = facet_field(key)

    def _identity(self) -> tuple:
        return self.key, self.op, self.value

    def __unicode__(self) -> str:
        return f"{self.key} {self.op} {self.value:g}"

    def field(self) -> str:
        return self.fieldname

    def negated(self) -> FacetCondition:
        """The condition that holds where this one fails, among documents that have the facet."""
        return FacetCondition(self.key, NEGATED[self.op], self.value)

    def holds(self, value: float) -> bool:
        if value != value:  # NaN: the report does not state this facet
            return False
        if self.op in ("=", "!="):
            equal = abs(value - self.value) <= _EPSILON
            return equal if self.op == "=" else not equal
        return OPERATORS[self.op](value, self.value)

    def _mask(self, reader) -> np.ndarray:
        values = facetarrays.array(reader, self.fieldname, whole_index=False)  # often one segment
        with np.errstate(invalid="ignore"):  # NaN compares false: absent never matches
            if self.op in ("=", "!="):
                equal = np.abs(values - self.value) <= _EPSILON
                return equal if self.op == "=" else ~equal & ~np.isnan(values)
            return OPERATORS[self.op](values, self.value)


class RegionCondition(ArrayCondition):
    """``地区:text``: the text inside the report's province, city or county name.

    Read from the three columns' arrays (codes into the shared string table): the few
    distinct place names are tested, then one array lookup per column.  Whoosh's wildcard
    ``*text*`` walked every term of three fields per query (70 ms at 10,000 reports)."""

    FIELDS = ("province", "city", "county")

    def __init__(self, text: str):
        self.text = text

    def _identity(self) -> tuple:
        return (self.text,)

    def __unicode__(self) -> str:
        return f"region:*{self.text}*"

    def field(self) -> str:
        return "province"

    def _mask(self, reader) -> np.ndarray:
        mask = np.zeros(reader.doc_count_all(), dtype=bool)
        for name in self.FIELDS:
            codes = facetarrays.array(reader, name, whole_index=False)
            wanted = [c for c in np.unique(codes).tolist() if c >= 0 and self.text in facetarrays.name_of(c)]
            if wanted:
                mask |= np.isin(codes, wanted)
        return mask


class AnomalyCondition(ArrayCondition):
    """``异常:key``: the documents a main facet (or any, ANOMALY_ANY) sets far outside their
    peer group, as the whole index judges them now (``anomalies.judgement``): peers span
    segments, so a segment's part is cut out of the whole index's mask."""

    def __init__(self, key: str):
        self.key = key

    def _identity(self) -> tuple:
        return (self.key,)

    def __unicode__(self) -> str:
        return f"anomaly:{self.key}"

    def field(self) -> str:
        return "anomaly"

    def mask_in(self, searcher) -> np.ndarray:
        parent = searcher.parent() if searcher.parent else None
        whole, offset = (parent, parent._offset_for_subsearcher(searcher)) if parent else (searcher, 0)
        size = searcher.reader().doc_count_all()
        return judgement(whole.reader()).mask(self.key)[offset : offset + size]
