"""Hits and scores from posting arrays (``indexer.arraymatch``) are Whoosh's, exactly.

An index of 600 generated reports with their text, committed in five segments,
some reports replaced (deleted documents the postings still hold). Every query
shape the compiler emits — words of one character, of two, of many, words that
punctuation splits, phrases, section scopes, agency words, facet and year
conditions, regions, templates, checks, AND/OR/NOT nested — is run both ways:
through Whoosh's own matchers (``searcher.search``) and through the arrays. The
documents must be the same and every score equal to the last bit.
"""

import dataclasses
import random
import re
from collections import Counter

import jieba
import numpy as np
import pytest
from generated_reports import as_report
from whoosh import index as whoosh_index
from whoosh.formats import Positions

from indexer import arraymatch, postingarrays
from indexer.compile import compile_query
from indexer.live import LiveIndex
from indexer.models import Report
from indexer.querylang import parse
from indexer.schema import build_schema
from indexer.search import Deadline, SearchTimeout, search, search_ids
from indexer.store import INDEX_NAME, commit, to_document
from indexer.store import writer as new_writer

REPORTS = 600
QUERIES = 400
SECTION_WORDS = ("问题", "总体情况", "主动公开", "依申请公开", "复议诉讼", "其他事项")


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    return build_index(tmp_path_factory.mktemp("arraymatch-index"))


def build_index(folder) -> tuple[LiveIndex, list[Report]]:
    ix = whoosh_index.create_in(str(folder), build_schema(), indexname=INDEX_NAME)
    reports = [as_report(seed, text=True) for seed in range(REPORTS)]
    for start, end in [(0, 300), (300, 400), (400, 500), (500, 600)]:  # common terms span blocks of 128
        writer = new_writer(ix)
        for report in reports[start:end]:
            writer.add_document(**to_document(report, report.source))
        commit(writer, merge=False)
    writer = new_writer(ix)  # every 20th report replaced: its old document is deleted, not gone
    for seed in range(0, REPORTS, 20):
        report = as_report(seed, text=True, variant=1)
        writer.update_document(**to_document(report, report.source))
    commit(writer, merge=False)
    live = LiveIndex(ix)
    with live.searcher() as searcher:
        assert len(searcher.leaf_searchers()) == 5 and searcher.reader().has_deletions()
    return live, reports


def texts(reports: list[Report]) -> list[str]:
    return ["\n".join([r.title, *r.sections.values()]) for r in reports]


def queries(reports: list[Report]) -> list[str]:
    rng = random.Random(7)
    bodies = texts(reports)
    words = sorted(
        {w for body in bodies[:60] for w in jieba.cut(body) if re.fullmatch(r"[\u4e00-\u9fff]{2,4}", w)}
    )
    runs = [run for body in bodies[:60] for run in re.findall(r"[\u4e00-\u9fff]{6,}", body)]
    keys = sorted({k for r in reports for k in r.facets})
    provinces = sorted({r.region.province for r in reports if r.region.province})

    def word() -> str:
        return rng.choice(words)

    def phrase() -> str:
        run = rng.choice(runs)
        start = rng.randrange(len(run) - 2)
        return run[start : start + rng.randint(2, 8)]

    def condition() -> str:
        key = rng.choice(keys)
        return f"{key} {rng.choice(('>', '>=', '<', '<=', '=', '!='))} {rng.choice((0, 1, 3, 10, 50))}"

    def leaf() -> str:
        return rng.choice(
            (
                word,
                word,
                phrase,
                lambda: f'"{phrase()}"',
                lambda: rng.choice(word()),  # one character: the bigrams it begins
                lambda: f"{phrase()}，{word()}",  # punctuation: two runs, both required
                lambda: f"{rng.choice(SECTION_WORDS)}:{word()}",
                lambda: f'{rng.choice(SECTION_WORDS)}:"{phrase()}"',
                lambda: f"机关:{rng.choice(reports).agency[: rng.randint(2, 6)]}",
                condition,
                lambda: f"in {rng.randint(2008, 2024)}",
                lambda: f"地区:{rng.choice(provinces)[:2]}",
                lambda: f"模板:{rng.choice(('2019', '2021', 'free'))}",
                lambda: rng.choice(("勾稽:一致", "勾稽:不一致")),
                lambda: "government",
            )
        )()

    def node(depth: int) -> str:
        if depth == 0 or rng.random() < 0.4:
            return leaf()
        a, b = node(depth - 1), node(depth - 1)
        return rng.choice((f"({a}) AND ({b})", f"({a}) OR ({b})", f"({a}) NOT ({b})", f"{a} {b}"))

    return [node(2) for _ in range(QUERIES)]


def both_ways(ix, text: str):
    query = compile_query(parse(text))
    with ix.searcher() as searcher:
        results = searcher.search(query, limit=None)
        pairs = sorted((docnum, score) for score, docnum in results.top_n)
        found = arraymatch.hits(searcher, query, Deadline())
    whoosh_ids = np.array([d for d, _ in pairs], dtype=np.int64)
    whoosh_scores = np.array([s for _, s in pairs], dtype=np.float64)
    return (whoosh_ids, whoosh_scores), (found.ids, found.scores)


def test_every_query_shape_finds_whooshs_documents_with_whooshs_scores(corpus):
    ix, reports = corpus
    matched = 0
    for text in queries(reports):
        (ids, scores), (array_ids, array_scores) = both_ways(ix, text)
        assert array_ids.tolist() == ids.tolist(), text
        assert array_scores.tolist() == scores.tolist(), text
        matched += bool(len(ids))
    assert matched >= QUERIES // 3  # the queries are not all empty


def test_cold_and_warm_posting_arrays_agree(corpus):
    ix, reports = corpus
    text = '"政府信息公开" OR 问题:工作'
    postingarrays.clear()
    (ids, scores), cold = both_ways(ix, text)
    _, warm = both_ways(ix, text)
    assert len(ids) > 100
    for found in (cold, warm):
        assert found[0].tolist() == ids.tolist() and found[1].tolist() == scores.tolist()


def test_a_phrase_at_the_very_start_of_a_field(corpus):
    # Position keys are docnum << 32 | position: a run shifted back past position 0 of one
    # document must not land in the document before it.
    ix, reports = corpus
    title = reports[5].title
    (ids, _), (array_ids, _) = both_ways(ix, f'"{title[:4]}"')
    assert array_ids.tolist() == ids.tolist() and len(ids) >= 1


# Texts where a phrase's every other bigram stands in place but the run is broken, or whole
# across a space: the arrays check only every other bigram of a run (``bigram.decisive_grams``).
NEAR_MISSES = (
    "政府信息公开工作",
    "政府，信息公开工作",
    "政府信息 公开 工作",
    "政府信。息公开工作",
    "政府信息公开工。作",
    "政府甲信息公开工作",
    "政府信息政府信息公开工",
    "公开公开公开公开",
    "公开公开，开公开",
    "APP2021年报政府信息",
    "app 2021年报",
)


def test_runs_broken_between_their_checked_bigrams_are_not_matches(tmp_path):
    ix = whoosh_index.create_in(str(tmp_path), build_schema(), indexname=INDEX_NAME)
    writer = new_writer(ix)
    for n, text in enumerate(NEAR_MISSES):
        report = dataclasses.replace(as_report(n), id=f"t{n}", source=f"near/{n}", title="", sections={"问题改进": text})
        writer.add_document(**to_document(report, report.source))
    commit(writer, merge=False)
    live = LiveIndex(ix)
    expected = {
        "政府信息公开工作": [0, 2],
        "政府信息公开": [0, 2, 4, 6],
        "信息公开工": [0, 1, 2, 4, 5, 6],
        "府信息公开工作": [0, 2],
        "公开公开公开": [7],
        "开公开公": [7],
        "app2021年报": [9, 10],
    }
    for phrase, documents in expected.items():
        for text in (f'"{phrase}"', f'问题:"{phrase}"'):
            (ids, scores), (array_ids, array_scores) = both_ways(live, text)
            assert array_ids.tolist() == ids.tolist() == documents, text
            assert array_scores.tolist() == scores.tolist(), text


# A phrase whose rarest checked bigram (鑫淼) stands before it 0, 1, 2 or 4 times in a document,
# or never begins it: each document's candidates are tried first, second, then all the rest.
CANDIDATES = [
    "鑫淼焱垚",  # the first candidate
    "鑫淼。鑫淼焱垚",  # the second
    "鑫淼。" * 2 + "鑫淼焱垚",  # the third
    "鑫淼。" * 4 + "鑫淼焱垚",  # the fifth
    "鑫淼。" * 3 + "焱垚",  # three candidates, none a match
    "鑫淼焱。鑫淼焱垚",  # the first breaks off one unit short
    "焱垚",  # no candidate
]


def test_a_phrase_is_found_at_whichever_candidate_it_stands(tmp_path):
    ix = whoosh_index.create_in(str(tmp_path), build_schema(), indexname=INDEX_NAME)
    writer = new_writer(ix)
    for n, text in enumerate(CANDIDATES):
        text += "。焱垚" * 10  # the last bigram commoner than the first: the first gives the candidates
        report = dataclasses.replace(as_report(n), id=f"c{n}", source=f"cand/{n}", title="", sections={"问题改进": text})
        writer.add_document(**to_document(report, report.source))
    commit(writer, merge=False)
    live = LiveIndex(ix)
    for text in ('"鑫淼焱垚"', '问题:"鑫淼焱垚"'):
        (ids, scores), (array_ids, array_scores) = both_ways(live, text)
        assert array_ids.tolist() == ids.tolist() == [0, 1, 2, 3, 5], text
        assert array_scores.tolist() == scores.tolist(), text


def test_deleted_documents_are_never_hits(corpus):
    ix, _ = corpus
    (ids, _), (array_ids, _) = both_ways(ix, '"更正说明第"')
    replaced = len(range(0, REPORTS, 20))
    assert len(array_ids) == replaced and array_ids.tolist() == ids.tolist()


def test_a_spent_deadline_stops_the_search(corpus):
    ix, _ = corpus
    deadline = Deadline(0.0)
    with ix.searcher() as searcher, pytest.raises(SearchTimeout):
        arraymatch.hits(searcher, compile_query(parse("工作")), deadline)


@pytest.mark.parametrize("count", [1, 2, 3, 127, 1000])
def test_positions_are_read_as_whoosh_reads_them(count):
    rng = random.Random(count)
    fmt = Positions()
    lists = [sorted(rng.sample(range(80_000_000), count)) for _ in range(50)]
    lists += [list(range(count))]  # deltas of 1: one-byte integers
    counts, steps = postingarrays._pickled_deltas([fmt.encode(p) for p in lists])
    decoded = np.split(steps, np.cumsum(counts)[:-1])
    assert [np.cumsum(d).tolist() for d in decoded] == [fmt.decode_positions(fmt.encode(p)) for p in lists]


def test_a_value_pickle_writes_in_two_batches_is_left_to_pickle():
    # Pickle writes a list of more than 1,000 items in batches; the reader declines it and
    # position_keys decodes such values with Whoosh's own decode_positions.
    assert postingarrays._pickled_deltas([Positions().encode(list(range(1001)))]) is None


def test_position_keys_are_whooshs_positions(corpus):
    ix, _ = corpus
    with ix.searcher() as searcher:
        for leaf, _ in searcher.reader().leaf_readers():
            for btext in [b"\xe5\x85\xac\xe5\xbc\x80", "信息".encode(), "工作".encode()]:  # 公开, 信息, 工作
                expected = []
                m = leaf._terms.matcher("content", btext, leaf.schema["content"].format)
                while m.is_active():
                    expected += [(m.id() << 32) | p for p in m.value_as("positions")]
                    m.next()
                assert postingarrays.position_keys(leaf, "content", btext).tolist() == expected


def test_postings_are_whooshs_postings(corpus):
    # Every term of the ranked and matched fields (deleted documents included: hits() drops
    # them): the blocks' starts, unpickled without their values, give Whoosh's documents and weights.
    ix, _ = corpus
    compared = 0
    with ix.searcher() as searcher:
        for leaf, _ in searcher.reader().leaf_readers():
            for fieldname in ("content", "title", "sec_problems", "agency"):
                for btext in list(leaf.lexicon(fieldname))[::5]:
                    m = leaf._terms.matcher(fieldname, btext, leaf.schema[fieldname].format)
                    ids, weights = [], []
                    while m.is_active():
                        ids.append(m.id())
                        weights.append(m.weight())
                        m.next()
                    found = postingarrays.postings(leaf, fieldname, btext)
                    assert found.ids.tolist() == ids and found.weights.tolist() == weights, (fieldname, btext)
                    assert (found.ids.dtype, found.weights.dtype) == (np.int64, np.float64)
                    compared += 1
    assert compared > 2000


def test_phrases_read_from_only_the_blocks_they_need_are_the_same(corpus, monkeypatch):
    # SPARSE that large makes every run of bigrams read its positions only from the blocks
    # holding documents that have all its bigrams, never the whole term.
    ix, reports = corpus
    monkeypatch.setattr(postingarrays, "SPARSE", 10**9)
    postingarrays.clear()
    runs = [text for text in queries(reports) if '"' in text or len(text) >= 3][:150]
    assert len(runs) >= 100
    for text in runs:
        (ids, scores), (array_ids, array_scores) = both_ways(ix, text)
        assert array_ids.tolist() == ids.tolist(), text
        assert array_scores.tolist() == scores.tolist(), text
    postingarrays.clear()


def test_positions_of_a_few_documents_skip_the_blocks_without_them(corpus):
    ix, _ = corpus
    with ix.searcher() as searcher:
        leaf = max((leaf for leaf, _ in searcher.reader().leaf_readers()), key=lambda r: r.doc_count_all())
        btext = "信息".encode()
        everything = postingarrays.position_keys(leaf, "content", btext)
        docs = np.unique(everything >> 32)
        assert len(docs) > 2 * 128  # three blocks at least
        wanted = docs[[0, 256]]  # in the first block and in the third
        postingarrays.clear()
        some = postingarrays.position_keys(leaf, "content", btext, within=wanted)
        read = np.unique(some >> 32)
        assert read.tolist() == [*docs[:128].tolist(), *docs[256:384].tolist()]  # blocks 1 and 3 only
        assert some.tolist() == everything[np.isin(everything >> 32, read)].tolist()


def test_a_page_ordered_alone_is_that_page_of_the_whole_order(corpus):
    # A results page sorts only the hits that can be on it (search._first); export and
    # search_ids sort every hit. Ties abound: a filter scores every hit alike, years repeat.
    ix, reports = corpus
    key = Counter(k for r in reports for k in r.facets).most_common(1)[0][0]
    sorts = [None, "year", "-year", key, f"-{key}"]
    for text in ["in 2000-2030", "工作", "政府 信息", '"信息公开"', f"{key} > 0"]:
        for sort in sorts:
            whole = search_ids(ix, text, sort=sort)
            assert len(whole) > 21, (text, sort)
            for page in (1, 2, 4):
                found = search(ix, text, page=page, per_page=7, sort=sort)["results"]
                assert [hit["id"] for hit in found] == whole[(page - 1) * 7 : page * 7], (text, sort, page)
