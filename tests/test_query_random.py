"""Random facet queries over 2,000 generated reports agree with a brute-force filter.

The reports' facets are known (the generator's ``expected``: damaged reports
lack some), so every query's answer can be computed directly in Python with
the language's rule for absent values (a condition on an absent facet is
unknown, and unknown never matches, NOT included), and compared with what the
index returns.
"""

import random

import pytest
from generated_reports import as_report
from whoosh import index as whoosh_index

from indexer.levels import level_of
from indexer.models import Report
from indexer.querylang import And, Compare, Field, Not, Or, YearRange, parse
from indexer.registry import facets as registry_facets
from indexer.registry import is_ratio
from indexer.schema import build_schema
from indexer.search import search, search_ids
from indexer.store import INDEX_NAME, commit, to_document
from indexer.store import writer as new_writer

REPORTS = 2000
QUERIES = 300
OPS = (">", ">=", "<", "<=", "=", "!=")


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    folder = tmp_path_factory.mktemp("random-index")
    ix = whoosh_index.create_in(str(folder), build_schema(), indexname=INDEX_NAME)
    reports = [as_report(seed) for seed in range(REPORTS)]
    # Committed as ingest does, a batch at a time: the answers come from merged segments
    # (twelve batches are merged into one by the streaming merge) and from unmerged ones.
    for start in range(0, REPORTS, 100):
        writer = new_writer(ix)
        for report in reports[start : start + 100]:
            writer.add_document(**to_document(report, report.source))
        commit(writer)
    assert sorted(s.doc_count_all() for s in ix._segments()) == [100] * 8 + [1200]
    return ix, reports


def truth(node, report: Report):
    """Kleene three-valued evaluation: True, False or None (unknown)."""
    if isinstance(node, Compare):
        value = {**report.facets, **report.ratios}.get(node.facet)
        if value is None:
            return None
        equal = abs(value - node.value) <= 1e-9
        return {
            ">": value > node.value, ">=": value >= node.value, "<": value < node.value,
            "<=": value <= node.value, "=": equal, "!=": not equal,
        }[node.op]
    if isinstance(node, YearRange):
        return None if report.year is None else node.lo <= report.year <= node.hi
    if isinstance(node, Field) and node.name == "region":
        return any(node.value in (place or "") for place in report.region.to_dict().values())
    if isinstance(node, Field) and node.name == "level":
        return level_of(report.region.to_dict()) == node.value
    if isinstance(node, Field):
        return report.template == node.value
    if isinstance(node, Not):
        inner = truth(node.item, report)
        return None if inner is None else not inner
    values = [truth(item, report) for item in node.items]
    if isinstance(node, And):
        return False if False in values else (None if None in values else True)
    if isinstance(node, Or):
        return True if True in values else (None if None in values else False)
    raise TypeError(node)


class QueryMaker:
    def __init__(self, rng: random.Random, reports: list[Report]):
        self.rng, self.reports = rng, reports
        self.keys = sorted(registry_facets())

    def condition(self) -> str:
        rng = self.rng
        choice = rng.random()
        if choice < 0.15:
            lo = rng.randint(2008, 2025)
            return f"in {lo}" if rng.random() < 0.5 else f"in {lo}-{rng.randint(lo, 2025)}"
        if choice < 0.2:
            return f"模板:{rng.choice(['2019', '2021', 'free'])}"
        if choice < 0.27:  # a place, or a piece of one (two characters of its name)
            place = rng.choice([p for r in rng.sample(self.reports, 5) for p in r.region.to_dict().values() if p])
            start = rng.randrange(max(1, len(place) - 1))
            return f"地区:{place if rng.random() < 0.5 else place[start : start + 2]}"
        if choice < 0.3:
            return f"级别:{rng.choice(['省级', '市级', '县级', '未知'])}"
        key = rng.choice(self.keys)
        known = [{**r.facets, **r.ratios} for r in rng.sample(self.reports, 50)]
        stated = [values[key] for values in known if key in values]
        fallback = [0, 0.25, 0.5, 1] if is_ratio(key) else [0, 1, 3, 10, 100]
        value = rng.choice(stated) if stated and rng.random() < 0.8 else rng.choice(fallback)
        return f"{key} {rng.choice(OPS)} {value}"

    def query(self, depth: int = 0) -> str:
        rng = self.rng
        if depth >= 2 or rng.random() < 0.35:
            text = self.condition()
        else:
            parts = [self.query(depth + 1) for _ in range(rng.randint(2, 3))]
            text = f" {rng.choice(['AND', 'OR', '&', '|', '且', '或'])} ".join(f"({p})" for p in parts)
        return f"NOT ({text})" if rng.random() < 0.15 else text


def test_random_queries_match_brute_force(corpus):
    ix, reports = corpus
    maker = QueryMaker(random.Random(20261124), reports)
    nonempty = 0
    for _ in range(QUERIES):
        text = maker.query()
        node = parse(text)
        expected = {r.id for r in reports if truth(node, r) is True}
        assert set(search_ids(ix, text)) == expected, text
        assert search(ix, text, per_page=5)["total"] == len(expected), text
        nonempty += bool(expected) and len(expected) < REPORTS
    assert nonempty > QUERIES // 3  # most queries select a proper, non-empty subset
