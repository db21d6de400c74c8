"""Words people use for one another, as queries: a small table, in one place.

A typed word that is one of a group also finds the others (``依申请公开`` finds
reports that only say ``依申请``).  Shorter forms need no entry to find the
longer ones: matching is by substring (``analyzers.bigram``), so ``复议`` already
finds ``行政复议``.  Full-width and half-width forms and traditional characters
are folded by the analyzers themselves and need no entries either.
"""

from __future__ import annotations

# Each group: forms a report may use for the same thing.
GROUPS: tuple[tuple[str, ...], ...] = (
    ("依申请公开", "依申请"),
    ("行政复议", "复议"),
    ("行政诉讼", "诉讼"),
    ("政府信息公开", "政务信息公开"),
    ("存在的主要问题", "存在的问题", "存在问题"),
    ("改进措施", "改进情况", "整改措施"),
)
_BY_WORD = {word: group for group in GROUPS for word in group}


def variants(text: str) -> tuple[str, ...]:
    """``text`` and the words of its group, ``text`` first.

    >>> variants("依申请公开")
    ('依申请公开', '依申请')
    >>> variants("人手不足")
    ('人手不足',)
    """
    group = _BY_WORD.get(text.strip())
    return (text, *(w for w in group if w != text.strip())) if group else (text,)
