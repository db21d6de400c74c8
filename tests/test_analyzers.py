"""The Chinese analyzer: exact tokens, positions and offsets, and its behaviour in a real index."""

from __future__ import annotations

import pickle
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from whoosh import highlight, index
from whoosh.fields import ID, TEXT, Schema
from whoosh.qparser import QueryParser
from whoosh.query import Phrase, Term

from analyzers import JiebaTokenizer, chinese_analyzer, fold, to_simplified
from analyzers.bigram import JOIN, PART_MARK, grams
from analyzers.filters import simplified_text
from analyzers.segment import atoms, cut, jieba_cut, userdict_entries

ROOT = Path(__file__).resolve().parents[1]


def index_tokens(text: str) -> list[tuple[str, int, int, int]]:
    analyzer = chinese_analyzer()
    return [(t.text, t.pos, t.startchar, t.endchar) for t in analyzer(text, positions=True, chars=True)]


def query_tokens(text: str) -> list[tuple[str, int]]:
    return [(t.text, t.pos) for t in chinese_analyzer()(text, positions=True, mode="query")]


# -- tokens, positions, offsets -------------------------------------------------------------


def test_title_whole_terms_then_atoms_at_consecutive_positions():
    assert index_tokens("政府信息公开工作年度报告") == [
        ("政府信息公开", 0, 0, 6),
        ("政府", 0, 0, 2),
        ("信息公开", 1, 2, 6),
        ("信息", 1, 2, 4),
        ("公开", 2, 4, 6),
        ("工作", 3, 6, 8),
        ("年度报告", 4, 8, 12),
        ("年度", 4, 8, 10),
        ("报告", 5, 10, 12),
    ]


def test_single_digit_kept_and_punctuation_dropped():
    assert index_tokens("全年共受理申请3件，人手不足。") == [
        ("全年", 0, 0, 2),
        ("共", 1, 2, 3),
        ("受理", 2, 3, 5),
        ("申请", 3, 5, 7),
        ("3", 4, 7, 8),
        ("件", 5, 8, 9),
        ("人手不足", 6, 10, 14),
        ("人手", 6, 10, 12),
        ("不足", 7, 12, 14),
    ]


def test_full_width_folded_lowercased_with_offsets_into_the_original():
    text = "ＡＰＰ和２０２０年"
    tokens = index_tokens(text)
    assert tokens == [("app", 0, 0, 3), ("和", 1, 3, 4), ("2020", 2, 4, 8), ("年", 3, 8, 9)]
    assert [text[s:e] for _, _, s, e in tokens] == ["ＡＰＰ", "和", "２０２０", "年"]


def test_characters_that_fold_to_several_map_back_to_the_one():
    # ① → "1" (one for one), ㈠ → "(一)" (three for one): 一 points at ㈠.
    assert fold("①号㈠款") == ("1号(一)款", [0, 1, 2, 2, 2, 3])
    assert index_tokens("①号文件㈠款") == [
        ("1", 0, 0, 1),
        ("号", 1, 1, 2),
        ("文件", 2, 2, 4),
        ("一", 3, 4, 5),
        ("款", 4, 5, 6),
    ]


def test_latin_and_number_runs_are_tokens():
    assert [t[0] for t in index_tokens("12345热线 APP 3 件")] == ["12345", "热线", "app", "3", "件"]


def test_query_word_stays_whole_and_a_longer_text_becomes_atoms():
    assert query_tokens("政府信息公开") == [("政府信息公开", 0)]
    assert query_tokens("行政规范性文件") == [("行政规范性文件", 0)]
    assert query_tokens("信息公开工作") == [("信息", 0), ("公开", 1), ("工作", 2)]
    assert query_tokens("政府信息公开工作") == [("政府", 0), ("信息", 1), ("公开", 2), ("工作", 3)]


BUNDLED_TEXTS = sorted(
    path
    for folder in (ROOT / "tests" / "data", ROOT / "indexer" / "sample_data")
    for path in folder.rglob("*")
    if path.suffix in (".txt", ".html", ".htm", ".md", ".json")
)


def test_the_fast_cut_is_jiebas_cut_on_every_bundled_and_real_report():
    """rjieba runs the cut; jieba is the reference, on real pages whole (site chrome, tables,
    numbers, ASCII runs such as 15-50 that the two would cut apart differently)."""
    texts = [path.read_text(encoding="utf-8", errors="replace") for path in BUNDLED_TEXTS]
    assert len(texts) > 40 and sum(map(len, texts)) > 400_000
    texts.append("行政处罚15-50件，增长3.5%，GB/T 9704-2012，ISO9001认证，A-1号楼")
    for text in texts:
        assert cut(text) == jieba_cut(text)


def test_atoms_are_the_finest_pieces():
    assert atoms("三安全一稳定") == ("三", "安全", "一", "稳定")
    assert atoms("行政规范性文件") == ("行政", "规范", "性", "文件")
    assert atoms("2020") == ("2020",)


@pytest.mark.parametrize("term", [word for word, _ in userdict_entries()])
def test_user_dictionary_terms_stay_whole(term):
    assert query_tokens(term) == [(term, 0)]
    assert (term, 0, 0, len(term)) in index_tokens(term)


def test_user_dictionary_does_not_break_ordinary_words():
    assert [t[0] for t in query_tokens("大部分公开信息")] == ["大", "部分", "公开", "信息"]
    assert ("大部分", 0, 0, 3) in index_tokens("大部分公开信息")


def test_tokenizer_contract_options():
    tokenizer = JiebaTokenizer()
    tokens = [
        (t.text, t.pos, t.startchar, t.endchar, t.original)
        for t in tokenizer(
            "受理３件", positions=True, chars=True, keeporiginal=True, start_pos=10, start_char=100
        )
    ]
    assert tokens == [("受理", 10, 100, 102, "受理"), ("3", 11, 102, 103, "３"), ("件", 12, 103, 104, "件")]
    [whole] = tokenizer("政府 信息", positions=True, chars=True, tokenize=False, start_pos=2, start_char=5)
    assert (whole.text, whole.pos, whole.startchar, whole.endchar) == ("政府 信息", 2, 5, 10)
    assert [t.text for t in tokenizer("  ，。！ ")] == []


# -- traditional → simplified ---------------------------------------------------------------


def test_traditional_converted_word_by_word():
    assert to_simplified("行政處罰") == "行政处罚"
    assert to_simplified("復議") == "复议"
    assert to_simplified("資訊") == "资讯"  # t2s converts characters, not regional words (not 信息)
    assert to_simplified("乾隆") == "乾隆"  # the phrase table, which one character at a time would miss


def test_traditional_text_is_cut_and_indexed_like_simplified_text():
    assert index_tokens("行政復議和行政處罰") == index_tokens("行政复议和行政处罚")
    assert query_tokens("行政處罰") == [("行政处罚", 0)]


# -- pickling ---------------------------------------------------------------------------------


def test_analyzer_pickles_small_and_equal():
    analyzer = chinese_analyzer()
    data = pickle.dumps(analyzer)
    assert len(data) < 1000  # no jieba dictionary or converter inside
    restored = pickle.loads(data)
    assert restored == analyzer
    assert [t.text for t in restored("人手不足")] == ["人手不足", "人手", "不足"]


# -- a real Whoosh index --------------------------------------------------------------------

DOCS = {
    "a": "2020年政府信息公开工作年度报告。本机关主动公开政府信息12条。",
    "b": "本年度受理依申请公开3件，存在人手不足、公开意识不强等问题。",
    "c": "全年作出行政处罚5件，行政复议0件。",
}


@pytest.fixture(scope="module")
def index_dir(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("analyzer-index")
    schema = Schema(id=ID(stored=True), body=TEXT(analyzer=chinese_analyzer(), stored=True, phrase=True))
    ix = index.create_in(path, schema)
    with ix.writer() as writer:
        for doc_id, body in DOCS.items():
            writer.add_document(id=doc_id, body=body)
    return path


def search_ids(path: Path, query) -> list[str]:
    ix = index.open_dir(path)
    with ix.searcher() as searcher:
        if isinstance(query, str):
            query = QueryParser("body", ix.schema).parse(query)
        return sorted(hit["id"] for hit in searcher.search(query))


@pytest.mark.parametrize(
    "query, expected",
    [
        ('"政府信息公开"', ["a"]),
        ('"信息公开"', ["a"]),
        ('"政府信息公开工作"', ["a"]),
        ('"公开工作年度报告"', ["a"]),
        ('"政府信息"', ["a"]),
        ("公开", ["a", "b"]),
        ("政府信息公开", ["a"]),
        ('"人手不足"', ["b"]),
        ('"受理依申请公开"', ["b"]),
        ('"申请公开"', ["b"]),
        ("3", ["b"]),
        ("2020", ["a"]),
        ("行政處罰", ["c"]),  # traditional query, simplified text
        ('"行政復議0件"', ["c"]),
        ('"公开政府"', ["a"]),  # 主动公开 | 政府 across two words
        ('"信息公开年度"', []),  # not adjacent in the text
    ],
)
def test_queries_over_a_real_index(index_dir, query, expected):
    assert search_ids(index_dir, query) == expected


def test_phrase_and_term_objects(index_dir):
    analyzer = chinese_analyzer()
    words = [t.text for t in analyzer("信息公开工作", mode="query")]
    assert search_ids(index_dir, Phrase("body", words)) == ["a"]
    assert search_ids(index_dir, Term("body", "政府信息公开")) == ["a"]


class Brackets(highlight.Formatter):
    """Marks each highlighted token as [token], so tests can compare whole strings."""

    def format_token(self, text, token, replace=False):
        return f"[{highlight.get_text(text, token, replace)}]"


def highlights(path: Path, query: str) -> dict[str, str]:
    ix = index.open_dir(path)
    with ix.searcher() as searcher:
        results = searcher.search(QueryParser("body", ix.schema).parse(query))
        results.formatter = Brackets()
        results.fragmenter = highlight.WholeFragmenter()
        return {hit["id"]: hit.highlights("body") for hit in results}


@pytest.mark.parametrize(
    "query, expected",
    [
        ("人手不足", {"b": "本年度受理依申请公开3件，存在[人手不足]、公开意识不强等问题。"}),
        # a part inside a whole term: only its own characters
        ("公开", {"a": "2020年政府信息[公开]工作年度报告。本机关主动[公开]政府信息12条。", "b": None}),
        # the whole term wins over a part that also matched
        ("政府信息公开 信息", {"a": "2020年[政府信息公开]工作年度报告。本机关主动公开政府[信息]12条。"}),
        ('"信息公开"', {"a": "2020年政府[信息公开]工作年度报告。本机关主动公开政府信息12条。"}),
        ("2020 12", {"a": "[2020]年政府信息公开工作年度报告。本机关主动公开政府信息[12]条。"}),
        ("行政處罰", {"c": "全年作出[行政处罚]5件，行政复议0件。"}),
    ],
)
def test_highlight_marks_the_matched_characters(index_dir, query, expected):
    marked = highlights(index_dir, query)
    assert marked.keys() == expected.keys()
    assert {k: v for k, v in marked.items() if expected[k]} == {k: v for k, v in expected.items() if v}


def test_index_reopens_in_a_fresh_process(index_dir):
    script = textwrap.dedent(
        f"""
        from whoosh import index
        from whoosh.qparser import QueryParser
        ix = index.open_dir({str(index_dir)!r})
        with ix.searcher() as s:
            q = QueryParser("body", ix.schema).parse('"信息公开"')
            print(",".join(hit["id"] for hit in s.search(q)))
        """
    )
    out = subprocess.run(
        [sys.executable, "-c", script], cwd=ROOT, capture_output=True, text=True, check=True, timeout=120
    )
    assert out.stdout.strip() == "a"
    assert out.stderr == ""  # jieba's start-up logging is silenced


def test_may_hold_never_leaves_out_a_sequence_the_text_contains():
    from analyzers.bigram import may_hold, plain_text, units

    text, _ = plain_text("ＡＰＰ下载，信息公開，Дом 2021年")
    sequences = [
        tuple(u for u, _, _ in run) for query in ("app", "信息公开", "Дом", "2021年") for run in units(query)
    ]
    assert may_hold(text, sequences) == sequences
    assert may_hold(text, [("人", "手")]) == []


def test_fold_of_normalised_text_is_the_text_and_of_any_text_is_per_character_nfkc():
    """``fold`` skips text already in NFKC; the answer is always the per-character fold."""
    import random
    import unicodedata

    from analyzers.tokenizer import fold

    def per_character(text: str):
        parts = [unicodedata.normalize("NFKC", ch) for ch in text]
        folded = "".join(parts)
        return folded, None if len(folded) == len(text) else [i for i, p in enumerate(parts) for _ in p]

    rng = random.Random(5)
    alphabet = "公开信息 e\u0301é①㈠ＡＰＰ２０ ⼀\uf900가\u1100\u1161\u0301ﬁ。，"
    texts = ["政府信息公开工作年度报告", "é", "e\u0301", "㈠主动公开"]
    texts += ["".join(rng.choice(alphabet) for _ in range(rng.randrange(1, 12))) for _ in range(3000)]
    for text in texts:
        assert fold(text) == per_character(text), text


def test_index_terms_are_the_analyzers_tokens():
    """The terms and positions ``index_terms`` reads straight from the tokenizers are the
    tokens each schema analyzer gives Whoosh to index, on every bundled report whole and on
    random text (folding, traditional characters, ASCII runs, spaces, section marks)."""
    import random

    from analyzers import bigram_analyzer
    from analyzers.bigram import PART_MARK
    from analyzers.terms import index_terms

    rng = random.Random(11)
    alphabet = f"政府信息公開开 e\u0301①㈠ＡＰＰ２０ab12 \t。，{PART_MARK}3{PART_MARK}x⼀\uf900"
    texts = [path.read_text(encoding="utf-8", errors="replace") for path in BUNDLED_TEXTS]
    texts += ["".join(rng.choice(alphabet) for _ in range(rng.randrange(0, 30))) for _ in range(2000)]
    texts += [f"{PART_MARK}1一、总体情况{PART_MARK}4行政复议0件"]
    for analyzer in (chinese_analyzer(), bigram_analyzer()):
        for text in texts:
            tokens = [(t.text, t.pos) for t in analyzer(text, positions=True, boosts=True, mode="index")]
            assert list(index_terms(analyzer, text)) == tokens, text
    assert index_terms(JiebaTokenizer(), "政府") is None  # not a schema analyzer: run it instead


def test_tokenized_entries_are_what_whooshs_text_field_indexes():
    """A worker's index entries for a text field (``pretokenized.tokenize``) are Whoosh's own
    ``field.index(value)``: terms in the order first met, counts, weights, encoded positions."""
    from analyzers import bigram_analyzer
    from indexer.pretokenized import tokenize

    schema = Schema(words=TEXT(analyzer=chinese_analyzer(), phrase=True), grams=TEXT(analyzer=bigram_analyzer()),
                    boosted=TEXT(analyzer=chinese_analyzer(), field_boost=2.5), plain=TEXT())  # fmt: skip
    texts = [path.read_text(encoding="utf-8", errors="replace") for path in BUNDLED_TEXTS[:12]]
    texts += ["", "公开 公开，公开。APP app", "行政處罰15-50件"]
    for text in texts:
        document = dict.fromkeys(("words", "grams", "boosted", "plain"), text)
        entries = tokenize(schema, document)
        assert {name: tuple(value) for name, value in entries.items()} == {
            name: tuple(schema[name].index(text)) for name in document
        }


def test_bigram_positions_hold_one_term_each_and_a_gap_after_every_run():
    """What a phrase search's check of every other bigram rests on (``bigram.decisive_grams``):
    one term per position, a bigram followed by its run's next unit, a run's last unit by an
    empty position. Over the seed reports and real pages' text, parts and breaks included."""
    data = ROOT / "tests" / "data"
    texts = [p.read_text(encoding="utf-8") for p in sorted((data / "seeds").glob("*.txt"))]
    real = sorted(p for p in (data / "real").iterdir() if p.suffix in (".txt", ".html", ".md"))
    texts += [p.read_text(encoding="utf-8", errors="replace") for p in real]
    texts.append(f"政府信息。公开 工作\n{PART_MARK}3APP2021年报，app 2021")
    checked = 0
    for text in texts:
        found = [(term, pos) for term, _, _, pos in grams(text)]
        taken = [pos for _, pos in found]
        assert len(taken) == len(set(taken)), "two terms at one position"
        taken = set(taken)
        for term, pos in found:
            bigram = JOIN in term or (len(term) == 2 and not term.isascii())
            assert (pos + 1 in taken) == bigram, (term, pos)
        checked += len(found)
    assert checked > 50_000


def test_variant_forms_opencc_leaves_are_simplified_too() -> None:
    # a mirror of 陕西's government office prints 陜 (U+965C), which t2s leaves as it is
    assert to_simplified("陜西省") == "陕西省"
    assert simplified_text("陜西省人民政府辦公廳") == "陕西省人民政府办公厅"
