"""The search page's state as the URL holds it, and the links that change it.

Every state lives in the URL so a search can be shared as a link. Two rules
keep the page answering the question that was asked:

- the chart shows the facet the query names (its first facet condition), unless
  the URL names one with ``chart=``; with neither, ``DEFAULT_CHART``;
- a sidebar refinement never repeats a condition the query already has: the
  conditions are compared as parsed, not as strings, and one already present
  is shown as active with a link that removes it.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, replace
from functools import lru_cache

from flask import url_for

from indexer.querylang import And, Field, Finding, Node, Or, QueryError, YearRange, conditions, parse
from indexer.querylang.lexer import tokenize
from indexer.registry import ALIASES, CHECK_ANY, CHECK_RULES, CONSISTENT_NAMES, TEMPLATE_NAMES, is_ratio

DEFAULT_CHART = "申请.新收"


@lru_cache(maxsize=256)
def parsed(q: str) -> Node | None:
    """The parsed query, or None when it is empty or cannot be read (asked per link: cached)."""
    try:
        return parse(q) if q.strip() else None
    except QueryError:
        return None


def named_chart(q: str) -> str | None:
    """The facet of the query's first facet condition (``行政处罚 > 10`` → 行政处罚.处理决定数)."""
    node = parsed(q)
    found = [c.facet for c in conditions(node)] if node is not None else []
    drawable = [key for key in found if not is_ratio(key)]  # a chart sums values: not ratios
    return drawable[0] if drawable else None


@dataclass(frozen=True)
class State:
    """Everything a search page shows, as read from (and written back to) the URL.

    ``chart`` is the facet the URL names explicitly ("" when it names none);
    ``chart_key`` is the facet actually drawn.
    """

    q: str = ""
    page: int = 1
    per_page: int = 20
    sort: str = "relevance"
    chart: str = ""

    @property
    def chart_key(self) -> str:
        return self.chart or named_chart(self.q) or DEFAULT_CHART

    def url(self, **changes) -> str:
        """The canonical URL of this state with ``changes``; defaults are left out."""
        state = replace(self, **changes)
        params = {k: v for k, v in asdict(state).items() if v != getattr(State, k)}
        return url_for("pages.search_page", **params)

    def refine(self, condition: str) -> str:
        """The URL that narrows this search by ``condition`` (and starts again at page 1)."""
        return self.url(q=refine(self.q, condition), page=1)


def refine(q: str, condition: str) -> str:
    """``q`` AND ``condition``; a top-level OR is bracketed so the condition applies to all of it."""
    q = q.strip()
    if not q:
        return condition
    return f"({q}) {condition}" if isinstance(parsed(q), Or) else f"{q} {condition}"


@dataclass(frozen=True)
class Refinement:
    """One sidebar entry: a value with its count, and where clicking it leads.

    ``active``: the query already has this condition; ``href`` then removes it.
    """

    label: str
    count: int
    href: str | None
    active: bool = False
    failed: bool = False  # the entry of reports whose checks fail, shown in red




def sidebar(state: State, counts: dict[str, dict[str, int]]) -> list[tuple[str, list[Refinement]]]:
    """The sidebar's groups (year, province, template, the tables' arithmetic, the failed checks
    beyond it) over a result set's counts."""
    years = sorted(counts.get("year", {}).items(), reverse=True)
    groups = [
        ("年度", [refinement(state, f"in {year}", f"{year} 年", n) for year, n in years]),
        ("省份", [refinement(state, f"地区:{p}", p, n) for p, n in counts.get("province", {}).items()]),
        ("级别", [refinement(state, f"级别:{level}", level, n) for level, n in counts.get("level", {}).items()]),
        ("报告模板", [refinement(state, f"模板:{t}", TEMPLATE_NAMES.get(t, t), n)
                  for t, n in counts.get("template", {}).items()]),
        ("勾稽关系", _checks(state, counts.get("consistent", {}))),
        ("检查未通过", [replace(refinement(state, f"检查:{rule}", rule, n), failed=True)
                   for rule, n in counts.get("checks", {}).items() if rule in CHECK_RULES]),
        ("同级同省同年中异常", [replace(refinement(state, f"异常:{key}", facet_name(key), n), failed=True)
                        for key, n in counts.get("anomalies", {}).items()]),
    ]  # fmt: skip
    return [(title, items) for title, items in groups if items]


def facet_name(key: str) -> str:
    """A facet's shortest name a person types (its first alias), else its key."""
    return (ALIASES.get(key) or (key,))[0]


def _checks(state: State, counts: dict[str, int]) -> list[Refinement]:
    """Failed checks first (in red), then all consistent; "cannot check" is shown, not offered."""
    entries = []
    if counts.get("no"):
        entries.append(replace(refinement(state, "勾稽:不符", CONSISTENT_NAMES["no"], counts["no"]), failed=True))
    if counts.get("yes"):
        entries.append(refinement(state, "勾稽:相符", CONSISTENT_NAMES["yes"], counts["yes"]))
    if counts.get("unknown"):
        entries.append(Refinement(CONSISTENT_NAMES["unknown"], counts["unknown"], None))
    return entries


def refinement(state: State, condition: str, label: str, count: int) -> Refinement:
    """The sidebar entry of ``condition``: active (with a removing link) when the query has it,
    a year that narrows a year range of the query replaces the range, else it is appended."""
    node, wanted = parsed(state.q), parsed(condition)
    if wanted is None:  # a value the query language cannot say: shown, not offered
        return Refinement(label, count, None)
    for item in _conjuncts(node):
        if _covers(item, wanted):
            return Refinement(label, count, _removal_url(state, node, item), True)
    for item in _conjuncts(node):
        narrower = _replaced(state.q, item, condition) if _narrows(item, wanted) else None
        if narrower:
            return Refinement(label, count, state.url(q=narrower, page=1))
    return Refinement(label, count, state.refine(condition))


def _removal_url(state: State, node: Node, item: Node) -> str:
    """Where removing ``item`` leads: the rest of the query, or all reports when nothing is left."""
    rest = without(state.q, node, item)
    return state.url(q=rest, page=1) if rest else url_for("pages.browse_page")


def _conjuncts(node: Node | None) -> tuple[Node, ...]:
    """The conditions every hit meets: the items of a top-level AND, or the query itself."""
    if node is None:
        return ()
    return node.items if isinstance(node, And) else (node,)


def _covers(item: Node, wanted: Node) -> bool:
    """Whether the query's ``item`` already says ``wanted``: the same parsed condition, or a region
    that names part of the wanted one (``地区:重庆`` covers the sidebar's 重庆市)."""
    if item == wanted:
        return True
    regions = isinstance(item, Field) and isinstance(wanted, Field) and item.name == wanted.name == "region"
    return regions and item.value in wanted.value


def _narrows(item: Node, wanted: Node) -> bool:
    """Whether ``wanted`` is a year range inside the query's year range ``item``, or one failed
    check where the query asks for any (检查:文表不符 within 检查:不符)."""
    if isinstance(item, Finding) and isinstance(wanted, Finding):
        return item.rule == CHECK_ANY and wanted.rule != CHECK_ANY
    years = isinstance(item, YearRange) and isinstance(wanted, YearRange)
    return years and item.lo <= wanted.lo and wanted.hi <= item.hi


def _replaced(q: str, item: Node, condition: str) -> str | None:
    """``q`` with ``item``'s characters replaced by ``condition``, or None if that does not parse."""
    text = f"{q[: item.start].rstrip()} {condition} {q[item.end :].lstrip()}".strip()
    return text if parsed(text) is not None else None


def without(q: str, node: Node, item: Node) -> str:
    """``q`` with one top-level condition taken out, keeping the rest as typed.

    The condition's characters are cut out (with an AND word next to it, when
    that leaves the query readable); the cut is kept only if it parses to the
    query minus that condition, else the rest is written in normal form.
    """
    rest = tuple(i for i in _conjuncts(node) if i is not item)
    if not rest:
        return ""
    expected = rest[0] if len(rest) == 1 else And(rest)
    for start, end in _cuts(q, item):
        text = f"{q[:start].rstrip()} {q[end:].lstrip()}".strip()
        if parsed(text) == expected:
            return text
    return expected.normal()


def _cuts(q: str, item: Node) -> list[tuple[int, int]]:
    """Spans to try cutting: the condition alone, then with the AND before or after it."""
    tokens = tokenize(q)
    before = [t for t in tokens if t.end <= item.start]
    after = [t for t in tokens if t.start >= item.end and t.kind != "EOF"]
    cuts = [(item.start, item.end)]
    if before and before[-1].kind == "AND":
        cuts.append((before[-1].start, item.end))
    if after and after[0].kind == "AND":
        cuts.append((item.start, after[0].end))
    return cuts
