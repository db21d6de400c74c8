"""The parsed query: frozen dataclasses, each with the character span it came from.

``start``/``end`` index the text as typed (0-based, end exclusive); they are
left out of equality so tests can compare shapes:
``And((Compare("行政处罚.处理决定数", ">", 10), YearRange(2020, 2020)))``.
Every node has ``normal()``, the normal form shown back to the user; it parses
again to an equal tree.
"""

from __future__ import annotations

from dataclasses import dataclass, field

YEAR_MIN = 1949
YEAR_MAX = 2100


def _span() -> int:
    return field(default=0, compare=False, kw_only=True)


def format_number(value: float) -> str:
    """``10.0`` → ``10``, ``58.9484`` → ``58.9484``, ``0.00005`` (0.5 元 in 万元) as it reads,
    never ``5e-05``, which would not parse back; binary noise is rounded away."""
    value = round(float(value), 10)
    return str(int(value)) if value.is_integer() else f"{value:.10f}".rstrip("0")


def _quote(text: str) -> str:
    mark = "'" if '"' in text else '"'
    return f"{mark}{text}{mark}"


_PLAIN = frozenset(" \t\"'():<>=!&|")


def _value(text: str) -> str:
    """A field value, quoted when it would not read back as one token."""
    plain = text and not any(c in _PLAIN for c in text) and not text.startswith("-")
    return text if plain else _quote(text)


@dataclass(frozen=True)
class Word:
    """A full-text word; ``phrase`` when it was quoted (its terms must be adjacent)."""

    text: str
    phrase: bool = False
    start: int = _span()
    end: int = _span()

    def normal(self) -> str:
        return _quote(self.text) if self.phrase else self.text


@dataclass(frozen=True)
class Scoped:
    """Words that must occur in one section (``section`` None: anywhere in the text)."""

    section: str | None
    node: Node
    start: int = _span()
    end: int = _span()

    def normal(self) -> str:
        inner = self.node.normal()
        if not isinstance(self.node, Word):
            inner = f"({inner})"
        return f"{self.section or '全文'}:{inner}"


@dataclass(frozen=True)
class Compare:
    """A numeric condition on a facet; ``value`` is already in the facet's unit.

    ``unit_note`` keeps the value as typed when a unit was converted (``500000元``).
    """

    facet: str
    op: str
    value: float
    unit_note: str | None = field(default=None, compare=False)
    start: int = _span()
    end: int = _span()

    def normal(self) -> str:
        return f"{self.facet} {self.op} {format_number(self.value)}"


@dataclass(frozen=True)
class YearRange:
    """The year the report covers, ``lo`` to ``hi`` inclusive (YEAR_MIN/YEAR_MAX: open)."""

    lo: int
    hi: int
    start: int = _span()
    end: int = _span()

    def normal(self) -> str:
        if self.lo == self.hi:
            return f"year = {self.lo}"
        if self.hi >= YEAR_MAX:
            return f"year >= {self.lo}"
        if self.lo <= YEAR_MIN:
            return f"year <= {self.hi}"
        return f"year in {self.lo}..{self.hi}"


@dataclass(frozen=True)
class Field:
    """A metadata condition: ``agency`` or ``region`` (substring), ``template`` (2019|2021|free),
    ``level`` (省级|市级|县级|未知), ``anomaly`` (a main facet's key, or 任一)."""

    name: str
    value: str
    start: int = _span()
    end: int = _span()

    def normal(self) -> str:
        return f"{self.name}:{_value(self.value)}"


@dataclass(frozen=True)
class CheckFilter:
    """Reports whose own totals add up (``consistent``) or do not."""

    consistent: bool
    start: int = _span()
    end: int = _span()

    def normal(self) -> str:
        return "consistent:" + ("yes" if self.consistent else "no")


@dataclass(frozen=True)
class Finding:
    """Reports failing a check beyond the tables (``检查:文表不符``); ``rule`` CHECK_ANY: any."""

    rule: str
    start: int = _span()
    end: int = _span()

    def normal(self) -> str:
        return f"check:{self.rule}"


def _child(node: Node) -> str:
    text = node.normal()
    return f"({text})" if isinstance(node, (And, Or)) else text


@dataclass(frozen=True)
class And:
    items: tuple[Node, ...]
    start: int = _span()
    end: int = _span()

    def normal(self) -> str:
        return " AND ".join(_child(item) for item in self.items)


@dataclass(frozen=True)
class Or:
    items: tuple[Node, ...]
    start: int = _span()
    end: int = _span()

    def normal(self) -> str:
        return " OR ".join(_child(item) for item in self.items)


@dataclass(frozen=True)
class Not:
    item: Node
    start: int = _span()
    end: int = _span()

    def normal(self) -> str:
        return "NOT " + _child(self.item)


Node = Word | Scoped | Compare | YearRange | Field | CheckFilter | Finding | And | Or | Not


def children(node: Node) -> tuple[Node, ...]:
    """The nodes directly under ``node``."""
    if isinstance(node, (And, Or)):
        return node.items
    if isinstance(node, Not):
        return (node.item,)
    if isinstance(node, Scoped):
        return (node.node,)
    return ()
