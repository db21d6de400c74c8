"""The benchmark's queries: thirteen classes, each drawn from the indexed corpus itself.

Words, phrases, regions and thresholds come from a fixed sample of the indexed
reports, so every query can match and a class's numbers mean the same thing at
10,000 and at 100,000 reports. Each query is a ``Probe``: what to run and the
address the web server answers it at.
"""

from __future__ import annotations

import json
import random
import re
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from urllib.parse import urlencode

import jieba

from indexer.querylang import QueryError, parse
from indexer.registry import facets as registry_facets

CLASSES = (
    "word",
    "rare word",
    "phrase",
    "section scope",
    "facet range",
    "word + range + year",
    "region",
    "AND/OR/NOT",
    "common word",
    "stats",
    "page + chart",
    "sort by facet",
    "page 10",
)
_HAN = re.compile(r"^[\u4e00-\u9fff]+$")
_RUN = re.compile(r"[\u4e00-\u9fff]{4,}")


@dataclass(frozen=True)
class Probe:
    kind: str  # one of CLASSES
    q: str
    facet: str | None = None  # stats and page + chart: the facet charted
    sort: str | None = None
    page: int = 1

    def path(self) -> str:
        """The web server's address for this probe (JSON API, or the search page for page + chart)."""
        if self.kind == "stats":
            return "/api/stats?" + urlencode({"q": self.q, "facet": self.facet})
        if self.kind == "page + chart":
            return "/?" + urlencode({"q": self.q, "chart": self.facet})
        params = {"q": self.q, "page": self.page}
        if self.sort:
            params["sort"] = self.sort
        return "/api/search?" + urlencode(params)


@dataclass
class Vocabulary:
    """What the sampled reports say: words by document frequency, phrases, places, facet values."""

    common: list[str]
    middle: list[str]
    rare: list[str]
    problems: list[str]
    phrases: list[str]
    provinces: list[str]
    years: list[int]
    values: dict[str, list[float]]  # facet key → its values in the sample, sorted


def sample_vocabulary(records: list[dict]) -> Vocabulary:
    """Read the vocabulary from extraction records (a deterministic sample of the index)."""
    df: Counter[str] = Counter()
    problem_df: Counter[str] = Counter()
    phrases: list[str] = []
    provinces: Counter[str] = Counter()
    years: Counter[int] = Counter()
    values: dict[str, list[float]] = {}
    for record in records:
        sections = record.get("sections") or {}
        text = "\n".join(sections.values())
        df.update({w for w in jieba.cut(text) if len(w) >= 2 and _HAN.match(w)})
        problem_df.update(
            {w for w in jieba.cut(sections.get("问题改进", "")) if len(w) >= 2 and _HAN.match(w)}
        )
        runs = _RUN.findall(text)
        if runs:
            run = runs[len(phrases) * 7919 % len(runs)]
            start = len(phrases) * 31 % max(1, len(run) - 3)
            phrases.append(run[start : start + 4 + len(phrases) % 5])
        if record["region"].get("province"):
            provinces[record["region"]["province"]] += 1
        if record.get("year"):
            years[record["year"]] += 1
        for key, value in (record.get("facets") or {}).items():
            values.setdefault(key, []).append(float(value))
    n = max(1, len(records))
    ranked = [w for w, _ in df.most_common() if _plain(w)]
    return Vocabulary(
        common=[w for w in ranked if df[w] >= 0.5 * n][:200],
        middle=[w for w in ranked if 0.01 * n <= df[w] <= 0.2 * n],
        rare=[w for w in ranked if df[w] == 1],
        problems=[w for w, c in problem_df.most_common() if 0.01 * n <= c <= 0.3 * n and _plain(w)],
        phrases=phrases,
        provinces=[p for p, _ in provinces.most_common()],
        years=sorted(years),
        values={k: sorted(v) for k, v in values.items() if len(v) >= 0.2 * n and k in registry_facets()},
    )


def _plain(word: str) -> bool:
    """A word the query language reads as a word (not 等于, 以上 or another operator word)."""
    try:
        return type(parse(word)).__name__ == "Word"
    except QueryError:
        return False


def probes(vocab: Vocabulary, per_class: int, seed: int = 0) -> dict[str, list[Probe]]:
    """``per_class`` probes of every class, the same for the same vocabulary and seed."""
    rng = random.Random(seed)
    keys = sorted(vocab.values)
    common = vocab.common or vocab.middle

    def word() -> str:
        return rng.choice(vocab.middle)

    def condition() -> str:
        key = rng.choice(keys)
        values = vocab.values[key]
        threshold = values[int(rng.random() * 0.9 * len(values))]
        return f"{key} {rng.choice(('>', '>=', '<'))} {threshold:g}"

    def year() -> int:
        return rng.choice(vocab.years)

    def boolean() -> str:
        a, b, c = word(), word(), word()
        return rng.choice((f"({a} OR {b}) AND NOT {c}", f"{a} AND {b}", f"{a} OR {b} OR {c}", f"{a} NOT {b}"))

    draw = {
        "word": lambda: Probe("word", word()),
        "rare word": lambda: Probe("rare word", rng.choice(vocab.rare or vocab.middle)),
        "phrase": lambda: Probe("phrase", f'"{rng.choice(vocab.phrases)}"'),
        "section scope": lambda: Probe("section scope", f"问题:{rng.choice(vocab.problems or vocab.middle)}"),
        "facet range": lambda: Probe("facet range", condition()),
        "word + range + year": lambda: Probe("word + range + year", f"{word()} {condition()} in {year()}"),
        "region": lambda: Probe("region", f"地区:{rng.choice(vocab.provinces)}"),
        "AND/OR/NOT": lambda: Probe("AND/OR/NOT", boolean()),
        "common word": lambda: Probe("common word", rng.choice(common)),
        "stats": lambda: Probe("stats", rng.choice((word(), f"in {year()}")), facet=rng.choice(keys)),
        "page + chart": lambda: Probe("page + chart", word(), facet=rng.choice(keys)),
        "sort by facet": lambda: Probe("sort by facet", word(), sort="-" + rng.choice(keys)),
        "page 10": lambda: Probe("page 10", rng.choice(common), page=10),
    }
    return {kind: [draw[kind]() for _ in range(per_class)] for kind in CLASSES}


def sample(ix) -> list[dict]:
    """The vocabulary's sample: about 2,000 extraction records spread evenly over the index."""
    with ix.searcher() as searcher:
        return list(records_of(searcher, max(1, searcher.doc_count() // 2000)))


def records_of(searcher, every: int = 1) -> Iterator[dict]:
    """Every ``every``-th indexed report's extraction record, in document order (the vocabulary's
    sample; with ``every=1`` the whole corpus, as the plain baseline indexes it)."""
    reader = searcher.reader()
    for n in range(0, reader.doc_count_all(), every):
        if not reader.is_deleted(n):
            yield json.loads(searcher.stored_fields(n)["record"])
