"""Compiling a parsed query (``querylang``) into Whoosh query objects.

Never into query strings: each node becomes a Whoosh ``Term``, ``Phrase``,
``NumericRange``, ``FacetCondition`` … and the boolean structure becomes
Whoosh's ``And``/``Or``/``Not``.

Negation follows the rule that a report lacking a value never matches a
condition on it: ``NOT 行政处罚 > 10`` means ``行政处罚 <= 10`` among reports
that state it, so NOT is pushed down to the conditions (De Morgan) and a
negated facet or year condition becomes its complement over known values.
Only words and text fields are negated with Whoosh's ``Not``.
"""

from __future__ import annotations

from functools import singledispatch

from whoosh import query as wq

from analyzers import chinese_analyzer

from . import querylang as ql
from .facetquery import AnomalyCondition, FacetCondition, RegionCondition
from .textquery import AllOf, AnyOf, WordRun, fragment_query, match


def compile_query(node: ql.Node) -> wq.Query:
    return _compile(node, None, False)


def _agency_words(text: str) -> wq.Query:
    """机关:… matches the agency's name as jieba words, in order."""
    tokens = [t.text for t in chinese_analyzer()(text, mode="query")]
    if not tokens:
        return wq.NullQuery
    return wq.Term("agency", tokens[0]) if len(tokens) == 1 else WordRun("agency", tokens)


@singledispatch
def _compile(node, section: str | None, negate: bool) -> wq.Query:
    """``node`` as a Whoosh query; ``section`` the scope words are held to (None: all the text)."""
    raise TypeError(f"cannot compile {type(node).__name__}")


def _maybe_not(q: wq.Query, negate: bool) -> wq.Query:
    return wq.Not(q) if negate else q


@_compile.register
def _(node: ql.Word, section: str | None, negate: bool) -> wq.Query:
    # A negated word only excludes: ranking words add nothing to what is left.
    return wq.Not(match(node.text, section)) if negate else fragment_query(node.text, section)


@_compile.register
def _(node: ql.Scoped, section: str | None, negate: bool) -> wq.Query:
    return _compile(node.node, node.section or section, negate)


@_compile.register
def _(node: ql.Compare, field: str, negate: bool) -> wq.Query:
    condition = FacetCondition(node.facet, node.op, node.value)
    return condition.negated() if negate else condition


@_compile.register
def _(node: ql.YearRange, field: str, negate: bool) -> wq.Query:
    if not negate:
        return wq.NumericRange("year", node.lo, node.hi)
    return wq.Or([wq.NumericRange("year", None, node.lo - 1), wq.NumericRange("year", node.hi + 1, None)])


@_compile.register
def _(node: ql.Field, field: str, negate: bool) -> wq.Query:
    if node.name == "agency":
        q = _agency_words(node.value)
    elif node.name == "region":
        q = RegionCondition(node.value)
    elif node.name == "anomaly":
        q = AnomalyCondition(node.value)
    else:  # template and level: exact values
        q = wq.Term(node.name, node.value)
    return _maybe_not(q, negate)


@_compile.register
def _(node: ql.CheckFilter, field: str, negate: bool) -> wq.Query:
    consistent = node.consistent != negate
    return wq.Term("consistent", "yes" if consistent else "no")


@_compile.register
def _(node: ql.Finding, field: str, negate: bool) -> wq.Query:
    # Negated: the reports where the check ran and passed (absent never matches a condition).
    return wq.Term("check_passed" if negate else "check_failed", node.rule)


def _parts(items: tuple[ql.Node, ...], field: str | None, negate: bool) -> list[wq.Query]:
    """The compiled items, each once: a word typed twice finds and ranks nothing more
    (nodes compare without their positions), and each copy would cost a pass over its postings."""
    return [_compile(item, field, negate) for item in dict.fromkeys(items)]


def _combined(kind: type[wq.And] | type[wq.Or], parts: list[wq.Query]) -> wq.Query:
    if len(parts) == 1:
        return parts[0]
    return AllOf(parts) if kind is wq.And else AnyOf(parts)


@_compile.register
def _(node: ql.And, field: str, negate: bool) -> wq.Query:
    return _combined(wq.Or if negate else wq.And, _parts(node.items, field, negate))


@_compile.register
def _(node: ql.Or, field: str, negate: bool) -> wq.Query:
    return _combined(wq.And if negate else wq.Or, _parts(node.items, field, negate))


@_compile.register
def _(node: ql.Not, field: str, negate: bool) -> wq.Query:
    return _compile(node.item, field, not negate)
