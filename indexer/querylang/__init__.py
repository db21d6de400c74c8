"""The query language: one line of words, facet conditions, years, scopes and fields.

Pure: no index library is imported here. ``parse`` turns the text into a tree
of frozen dataclasses (see ``ast``); a separate step compiles that tree into
index queries (``indexer.compile``).

>>> parse("行政处罚 > 10 in 2020").normal()
'行政处罚.处理决定数 > 10 AND year = 2020'
"""

from __future__ import annotations

from collections.abc import Iterator

from .ast import (
    YEAR_MAX,
    YEAR_MIN,
    And,
    CheckFilter,
    Compare,
    Field,
    Finding,
    Node,
    Not,
    Or,
    Scoped,
    Word,
    YearRange,
    children,
)
from .errors import QueryError
from .parser import parse

__all__ = [
    "YEAR_MAX", "YEAR_MIN", "And", "CheckFilter", "Compare", "Field", "Finding", "Node", "Not", "Or",
    "QueryError", "Scoped", "Word", "YearRange", "children", "conditions", "parse", "scoped_words",
]  # fmt: skip


def _walk(node: Node) -> Iterator[Node]:
    stack = [node]
    while stack:
        current = stack.pop()
        yield current
        stack.extend(reversed(children(current)))


def conditions(node: Node) -> list[Compare]:
    """Every facet comparison in the query, negated ones included, in the order typed."""
    return [n for n in _walk(node) if isinstance(n, Compare)]


def scoped_words(node: Node) -> dict[str | None, list[str]]:
    """The words to highlight, by section (None: anywhere in the text).

    Words under NOT are left out: a report matches because they are absent.

    >>> scoped_words(parse("培训 问题:(人手 -经费)"))
    {None: ['培训'], '问题改进': ['人手']}
    """
    found: dict[str | None, list[str]] = {}
    _collect(node, None, found)
    return found


def _collect(node: Node, section: str | None, found: dict[str | None, list[str]]) -> None:
    if isinstance(node, Word):
        words = found.setdefault(section, [])
        if node.text not in words:
            words.append(node.text)
    elif isinstance(node, Scoped):
        _collect(node.node, node.section, found)
    elif isinstance(node, (And, Or)):
        for item in node.items:
            _collect(item, section, found)
