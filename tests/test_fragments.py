"""Search finds what people type: any fragment of a report, as a word or a phrase, in any scope.

An oracle test: fragments of 2–8 characters are cut at random from every section of generated
and real reports, typed as a word and as a quoted phrase, across the whole text and in their
section; each must find its own report (recall) and find only reports that truly contain it
(precision), judged by plain substring search over the same folded, simplified characters.
"""

from __future__ import annotations

import random
from pathlib import Path

import pytest

from analyzers.bigram import units
from analyzers.synonyms import GROUPS
from indexer.compile import compile_query
from indexer.extract import extract_path
from indexer.highlight import fragments
from indexer.ingest import ingest
from indexer.models import SECTION_NAMES
from indexer.querylang import parse
from indexer.querylang.ast import And, Word
from indexer.querylang.errors import QueryError
from indexer.store import open_existing

DATA = Path(__file__).parent / "data"
SAMPLES = Path(__file__).parent.parent / "indexer" / "sample_data"
SCOPES = {"总体情况": "总体", "主动公开": "主动", "依申请公开": "依申请", "复议诉讼": "复议诉讼",
          "问题改进": "问题", "其他事项": "其他"}  # fmt: skip
SYNONYMS = {word for group in GROUPS for word in group}
PER_SECTION = 6  # fragments cut from each section of each report


def _joined(text: str) -> str:
    """Text as the index sees it: runs of units, each unit between separators."""
    return "\x02".join("\x00" + "\x00".join(u for u, _, _ in run) + "\x00" for run in units(text))


def _needle(fragment: str) -> str:
    (run,) = units(fragment)
    return "\x00" + "\x00".join(u for u, _, _ in run) + "\x00"


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    """The index of the bundled samples and real reports, and each report's text by section."""
    # the samples and real reports, the excerpts and crawled text too; not the page excerpts of
    # real/pages, kept for gold accuracy (test_real.py)
    real = DATA / "real"
    paths = [path for folder in (SAMPLES, real) for path in sorted(folder.rglob("*"))
             if path.suffix in (".txt", ".md", ".html", ".docx", ".pdf") and path.name != "README.md"
             and real / "pages" not in path.parents]  # fmt: skip
    index = tmp_path_factory.mktemp("fragment-index")
    summary = ingest(paths, index, workers=1)
    assert not summary.failed
    reports = {}
    for path in paths:
        report = extract_path(path)
        reports[report.id] = report
    assert len(reports) == len(summary.added) == 62  # 19 samples, 42 real reports, the 2021 template
    return open_existing(index), reports


def _cases(reports: dict, rng: random.Random) -> list[tuple[str, str, str]]:
    """(report id, section, fragment): runs of 2-8 units cut from the sections' text."""
    cases = []
    for report_id, report in sorted(reports.items()):
        for section, text in report.sections.items():
            runs = [run for run in units(text) if len(run) >= 2]
            for _ in range(PER_SECTION if runs else 0):
                run = rng.choice(runs)
                size = rng.randint(2, min(8, len(run)))
                start = rng.randrange(len(run) - size + 1)
                fragment = text[run[start][1] : run[start + size - 1][2]]
                if not any(c.isspace() for c in fragment) and fragment not in SYNONYMS:
                    cases.append((report_id, section, fragment))
    return cases


def _words_only(fragment: str) -> bool:
    """Whether the query language reads the fragment, unquoted, as words alone: not as a year
    (2023年度), nor a condition missing its facet (等于第三项…)."""
    try:
        tree = parse(fragment)
    except QueryError:
        return False
    return all(isinstance(node, Word) for node in (tree.items if isinstance(tree, And) else (tree,)))


def _found(ix, query: str) -> set[str]:
    with ix.searcher() as searcher:
        return {hit["id"] for hit in searcher.search(compile_query(parse(query)), limit=None)}


def test_every_fragment_finds_its_report_and_only_reports_that_contain_it(corpus):
    ix, reports = corpus
    texts = {rid: {name: _joined(r.sections.get(name, "")) for name in SECTION_NAMES} for rid, r in reports.items()}
    whole = {rid: _joined("\n".join(filter(None, [r.title, r.agency]))) + "".join(t.values())
             for rid, (r, t) in ((rid, (reports[rid], texts[rid])) for rid in reports)}  # fmt: skip
    cases = _cases(reports, random.Random(20261202))
    assert len(cases) > 300
    misses, wrong = [], []
    for report_id, section, fragment in cases:
        needle = _needle(fragment)
        for query, where in ((fragment, None), (f'"{fragment}"', None), (f'{SCOPES[section]}:"{fragment}"', section)):
            if query == fragment and not _words_only(fragment):
                continue  # unquoted it is query syntax; quoted, the words are searched
            found = _found(ix, query)
            if report_id not in found:
                misses.append((query, report_id))
            for other in found:
                haystack = texts[other][where] if where else whole[other]
                if needle not in haystack:
                    wrong.append((query, other))
    assert misses == []
    assert wrong == []


def test_a_single_character_matches_as_a_character(corpus):
    ix, reports = corpus
    found = _found(ix, "省")
    assert found
    assert found == {rid for rid, r in reports.items()
                     if "省" in "".join([r.title or "", r.agency or "", *r.sections.values()])}  # fmt: skip


def test_a_phrase_is_marked_where_it_stands_and_stop_characters_never():
    text = "在专业领域的理论学习仍需加强。要加强学习的，是专业领域的理论学习仍需加强的部分；的和是。"
    (found,) = fragments({"问题改进": text}, {None: ["专业领域的理论学习仍需加强", "的", "和"]})
    marked = found["fragment"]
    assert marked.count("<mark>") == 2
    assert marked.count("<mark>专业领域的理论学习仍需加强</mark>") == 2
    assert "<mark>的</mark>" not in marked and "<mark>和</mark>" not in marked


def test_words_of_a_query_are_marked_as_words():
    text = "信息公开工作人员配备不足，公开意识有待加强。"
    (found,) = fragments({"问题改进": text}, {None: ["人员配备", "公开意识"]})
    assert found["fragment"] == "信息公开工作<mark>人员配备</mark>不足，<mark>公开意识</mark>有待加强。"


def test_bigram_runs_match_the_documents_and_spans_of_whooshs_span_near(corpus):
    """BigramRun is SpanNear2(slop=1, ordered, mindist=1) computed by set intersection."""
    from whoosh import query as wq
    from whoosh.query import spans

    from analyzers.bigram import query_grams
    from indexer.textquery import CONTENT, BigramRun

    ix, reports = corpus
    rng = random.Random(7)
    checked = 0
    with ix.searcher() as searcher:
        for _, _, fragment in _cases(reports, rng)[:300]:
            for grams in query_grams(fragment):
                if len(grams) < 2:
                    continue
                terms = [wq.Term(CONTENT, g) for g in grams]
                ours = BigramRun(terms).matcher(searcher)
                theirs = spans.SpanNear2(terms, slop=1, ordered=True, mindist=1).matcher(searcher)
                while theirs.is_active():
                    assert ours.is_active() and ours.id() == theirs.id(), fragment
                    assert sorted(ours.spans()) == sorted(theirs.spans()), fragment
                    ours.next(), theirs.next()
                    checked += 1
                assert not ours.is_active()
    assert checked > 300


def test_chinese_words_are_found_in_the_plain_text_as_among_the_units(corpus):
    """Words of Chinese characters are found by a regular expression over the folded text, not by
    cutting it into units: the same spans, on the real and generated sections and on text that
    puts spaces, full-width forms, traditional characters and repeats between and around them."""
    from analyzers.bigram import plain_text
    from indexer.highlight import _chinese, _found_in_plain, _found_in_units, _merged, _needles

    _, reports = corpus
    rng = random.Random(11)
    texts = [text for report in reports.values() for text in report.sections.values() if text]
    alphabet = "公开信息政府 　，。開資訊哈Ａ1\u3000①\n意识人员配备"
    texts += ["".join(rng.choice(alphabet) for _ in range(rng.randrange(1, 60))) for _ in range(400)]
    compared = 0
    for text in texts:
        words = [text[i : i + rng.randrange(1, 6)] for i in rng.sample(range(len(text)), min(4, len(text)))]
        words += ["哈哈", "信息公开", "公開", "人员配备"]
        needles = {n for w in words for n in _needles(w) if _chinese(n)}
        plain, origin = plain_text(text)
        fast, cut = _found_in_plain(plain, origin, needles), _found_in_units(text, needles)
        assert _merged(fast) == _merged(cut), text
        compared += len(needles)
    assert compared > 2000
