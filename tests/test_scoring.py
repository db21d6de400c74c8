"""CachedBM25F gives Whoosh's BM25F scores exactly, on one segment and on several."""

from __future__ import annotations

import pytest

from indexer.compile import compile_query
from indexer.generator import generate, write
from indexer.ingest import ingest
from indexer.live import LiveIndex
from indexer.querylang import parse
from indexer.scoring import CachedBM25F
from indexer.search import search
from indexer.store import open_existing

QUERIES = (
    "公开",
    '"政府信息公开"',
    "问题:人手不足",
    "培训 宣传",
    "机关:商务局 OR 复议",
    "依申请 in 2020-2022",
)


@pytest.fixture(scope="module")
def index(tmp_path_factory):
    reports, folder = tmp_path_factory.mktemp("reports"), tmp_path_factory.mktemp("index")
    for seed in range(12):
        write(generate(seed), "tsv", reports / str(seed // 4))
    for part in sorted(reports.iterdir()):  # three commits: three segments
        ingest([part], folder, workers=1)
    ix = open_existing(folder)
    with ix.searcher() as searcher:
        assert len(searcher.reader().leaf_readers()) >= 2
    return ix


@pytest.mark.parametrize("text", QUERIES)
def test_scores_are_whooshs_own(index, text):
    query = compile_query(parse(text))
    with index.searcher() as plain, index.searcher(weighting=CachedBM25F()) as cached:
        expected = plain.search(query, limit=None).top_n
        assert expected  # the query finds something, so scores are compared
        assert cached.search(query, limit=None).top_n == expected


@pytest.mark.parametrize("text", QUERIES)
def test_the_server_answers_as_a_fresh_searcher_does(index, text):
    answer, live = search(index, text), search(LiveIndex(index), text)
    answer.pop("took_ms"), live.pop("took_ms")  # the only part that may differ
    assert live == answer


@pytest.mark.parametrize("text", QUERIES)
@pytest.mark.parametrize("read_ahead_from", [0, 10**9])
def test_our_or_and_phrase_give_whooshs_documents_and_scores(index, text, read_ahead_from, monkeypatch):
    """AnyOf reads matches ahead into arrays or walks a tree of unions, by the matches expected in
    each segment, and WordRun matches a run of words by set intersection: each way gives what
    Whoosh's own Or and Phrase give."""
    from whoosh import query as wq

    from indexer.textquery import AnyOf, WordRun

    def as_whooshs(q):
        if isinstance(q, AnyOf):
            return wq.Or([as_whooshs(s) for s in q.subqueries], boost=q.boost)
        if isinstance(q, WordRun):
            return wq.Phrase(q.fieldname, q.words, boost=q.boost)
        return q.apply(as_whooshs)

    def ours_in(q) -> bool:
        return isinstance(q, (AnyOf, WordRun)) or any(ours_in(c) for c in q.children())

    query = compile_query(parse(text))
    assert ours_in(query) and not ours_in(as_whooshs(query))
    with index.searcher() as searcher:
        expected = searcher.search(as_whooshs(query), limit=None).top_n
        monkeypatch.setattr(AnyOf, "READ_AHEAD_FROM", read_ahead_from)
        found = searcher.search(query, limit=None).top_n
    assert expected and [n for _, n in found] == [n for _, n in expected]
    assert [s for s, _ in found] == pytest.approx([s for s, _ in expected], rel=1e-12)


def test_word_runs_are_in_the_queries_compared():
    from indexer.textquery import WordRun

    def runs(q) -> list:
        return ([q] if isinstance(q, WordRun) else []) + [r for c in q.children() for r in runs(c)]

    assert {len(r.words) for text in QUERIES for r in runs(compile_query(parse(text)))} >= {2}
