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
from .facetquery import FacetCondition
from .schema import SECTION_FIELDS

CONTENT = "content"


def compile_query(node: ql.Node) -> wq.Query:
    return _compile(node, CONTENT, False)


def _words(text: str, field: str) -> wq.Query:
    """A typed word or a quoted phrase: its tokens, adjacent and in order.

    A word that jieba splits (人手不足 → 人手 不足) is still what the user typed,
    so it is matched as a phrase, exactly like the quoted form.
    """
    tokens = [t.text for t in chinese_analyzer()(text, mode="query")]
    if not tokens:
        return wq.NullQuery
    if len(tokens) == 1:
        return wq.Term(field, tokens[0])
    return wq.Phrase(field, tokens)


@singledispatch
def _compile(node, field: str, negate: bool) -> wq.Query:
    raise TypeError(f"cannot compile {type(node).__name__}")


def _maybe_not(q: wq.Query, negate: bool) -> wq.Query:
    return wq.Not(q) if negate else q


@_compile.register
def _(node: ql.Word, field: str, negate: bool) -> wq.Query:
    return _maybe_not(_words(node.text, field), negate)


@_compile.register
def _(node: ql.Scoped, field: str, negate: bool) -> wq.Query:
    target = SECTION_FIELDS[node.section] if node.section else field
    return _compile(node.node, target, negate)


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
        q = _words(node.value, "agency")
    elif node.name == "region":
        q = wq.Or([wq.Wildcard(name, f"*{node.value}*") for name in ("province", "city", "county")])
    else:
        q = wq.Term("template", node.value)
    return _maybe_not(q, negate)


@_compile.register
def _(node: ql.CheckFilter, field: str, negate: bool) -> wq.Query:
    consistent = node.consistent != negate
    return wq.Term("consistent", "yes" if consistent else "no")


@_compile.register
def _(node: ql.And, field: str, negate: bool) -> wq.Query:
    parts = [_compile(item, field, negate) for item in node.items]
    return wq.Or(parts) if negate else wq.And(parts)


@_compile.register
def _(node: ql.Or, field: str, negate: bool) -> wq.Query:
    parts = [_compile(item, field, negate) for item in node.items]
    return wq.And(parts) if negate else wq.Or(parts)


@_compile.register
def _(node: ql.Not, field: str, negate: bool) -> wq.Query:
    return _compile(node.item, field, not negate)
