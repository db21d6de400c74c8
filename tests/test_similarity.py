"""The copied-text (雷同) finder: normalising, exact figures, template text, changes, persistence,
the shared passages, and a small scored run of scripts/dupe_accuracy.py."""

import importlib.util
import sys
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from indexer.similarity import (
    Copying,
    Neighbour,
    SharedSpans,
    SimilarityIndex,
    SimilarityStoreError,
    normalise,
    sentences,
    shared_spans,
)

# Two unrelated passages, each long enough to compare (over 50 shingles of own text).
OWN = (
    "我区通过政务微博发布防汛信息，在乡镇便民服务中心设置查阅点。"
    "下一步将请人大代表评议公开工作，整改情况在网站上公示，接受群众监督。"
)
OTHER = (
    "港口管理处在码头入口新设电子屏，逐日滚动播放渔船避风公告与潮汐预报。"
    "渔民反映字体偏小，本单位随即更换了更大尺寸的显示设备并延长播放时段。"
)
TEMPLATE = "本年度未收取信息处理费。本报告所列数据的统计期限自2023年1月1日起至2023年12月31日止。"


def record(rid, agency, year, **sections):
    return {"id": rid, "agency": agency, "year": year, "region": {"province": "福建省"}, "sections": sections}


@pytest.fixture
def index(tmp_path):
    with SimilarityIndex(tmp_path / "similarity") as opened:
        yield opened


def test_normalising_ignores_numbers_punctuation_width_and_spacing():
    assert sentences("2023年，我局共受理申请１２件。\n本年度 未收取任何费用！") == [
        "#年我局共受理申请#件",
        "本年度未收取任何费用",
    ]
    assert sentences("ＡＢＣ办公室；12.5万元") == ["abc办公室", "#万元"]


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=80) | st.text(alphabet="12。！？;\n\r #㈠①½́e甲あＡİ", max_size=40))
def test_sentences_are_the_normalised_text_split(text):
    # sentences() collapses runs with one regular expression, normalise() as it goes; each
    # normalised character has its position (İ lower-cases to two characters).
    flat, where = normalise(text)
    assert sentences(text) == [s for s in flat.split("\n") if s]
    assert len(where) == len(flat) and where == sorted(where) and all(0 <= i < len(text) for i in where)


def test_identical_sections_are_one_both_ways(index):
    index.add(record("a", "甲局", 2022, 问题改进=OWN))
    index.add(record("b", "乙局", 2022, 问题改进=OWN))
    assert index.commit() == 2
    assert index.neighbours("a", "问题改进") == [Neighbour("b", 1.0)]
    assert index.neighbours("b", "问题改进") == [("a", 1.0)]


def test_unrelated_sections_and_other_section_names_do_not_meet(index):
    index.add(record("a", "甲局", 2022, 问题改进=OWN))
    index.add(record("b", "乙局", 2022, 问题改进=OTHER, 总体情况=OWN))
    index.commit()
    assert index.neighbours("a", "问题改进", min_similarity=0.0) == []
    assert index.neighbours("b", "总体情况", min_similarity=0.0) == []


def test_light_edits_stay_above_nine_tenths(index):
    numbers = "2021年" + OWN.replace("，", "、").replace("。", "；")
    added = "2022年" + OWN + "另有两名兼职人员。"
    index.add(record("a", "甲局", 2022, 问题改进="2022年" + OWN))
    index.add(record("b", "乙局", 2022, 问题改进=numbers))
    index.add(record("c", "丙局", 2022, 问题改进=added))
    index.commit()
    assert index.neighbours("a", "问题改进") == [("b", 1.0), ("c", 1.0)]
    # a has 53 shingles; c's added sentence (8 characters) brings 4 more of its own.
    assert index.neighbours("c", "问题改进") == [("a", round(53 / 57, 4)), ("b", round(53 / 57, 4))]


def test_template_sentences_and_short_sections_are_not_compared(tmp_path):
    with SimilarityIndex(tmp_path, min_df=3) as index:
        for i, agency in enumerate(("甲局", "乙局", "丙局")):
            index.add(
                record(f"t{i}", agency, 2023, 其他事项=TEMPLATE, 问题改进=TEMPLATE + OTHER[:20] + str(i))
            )
        index.add(record("own", "丁局", 2023, 其他事项=TEMPLATE + OWN))
        index.add(record("copy", "戊局", 2023, 其他事项=OWN + TEMPLATE))
        index.commit()
        assert [index.neighbours(f"t{i}", name) for i in range(3) for name in ("其他事项", "问题改进")] == [
            []
        ] * 6
        assert index.neighbours("own", "其他事项") == [("copy", 1.0)]
        assert index.stats() == {
            "reports": 5,
            "sections": 8,
            "compared": 2,
            "template_sentences": 3,
            "figures": 2,
        }


def test_template_text_is_reclassified_as_the_corpus_grows(tmp_path):
    with SimilarityIndex(tmp_path, min_df=3) as index:
        index.add(record("a", "甲局", 2023, 总体情况=TEMPLATE + OWN[:30]))
        index.add(record("b", "乙局", 2023, 总体情况=TEMPLATE + OWN[:30]))
        index.commit()
        assert index.neighbours("a", "总体情况") == [("b", 1.0)]
        index.add(record("c", "丙局", 2023, 总体情况=TEMPLATE + OTHER))
        assert index.commit() == 3  # the template sentences reached 3 sections: a and b are redone
        assert index.neighbours("a", "总体情况") == []  # what is left of them is too short to compare


def test_remove_replace_and_reload(tmp_path):
    with SimilarityIndex(tmp_path) as index:
        for rid, agency in (("a", "甲局"), ("b", "乙局"), ("c", "丙局")):
            index.add(record(rid, agency, 2022, 问题改进=OWN))
        index.commit()
        index.remove("b")
        index.add(record("c", "丙局", 2022, 问题改进=OTHER))  # its file was replaced
        index.commit()
    with SimilarityIndex(tmp_path) as reopened:
        assert reopened.ids() == {"a", "c"}
        assert reopened.neighbours("a", "问题改进", min_similarity=0.0) == []
        reopened.add(record("d", "丁局", 2022, 问题改进=OTHER))  # never committed: a crash drops it
    with SimilarityIndex(tmp_path) as again:
        assert again.ids() == {"a", "c"}
        assert again.neighbours("c", "问题改进") == []


def _copying_of_now(index, now_key: str | None) -> Copying:
    """Last year's and this year's report of a body printed under two names, and another body's:
    the figures of this year's, its body key ``now_key`` (None: the record has none)."""
    index.add({**record("last", "平潭县人民政府", 2021, 问题改进=OWN, 总体情况=OTHER), "agency_key": "平潭县人民政府"})
    now = record("now", "平潭县政府", 2022, 问题改进=OWN, 总体情况=OTHER + "今年新增一项工作，另有说明文字若干。")
    index.add({**now, "agency_key": now_key} if now_key else now)
    index.add({**record("other", "福清市人民政府", 2022, 问题改进=OWN), "agency_key": "福清市人民政府"})
    index.commit()
    return index.copying("now")


def test_a_band_shared_past_the_reading_limit_still_finds_the_copies(tmp_path, monkeypatch):
    """Only the latest ``BUCKET`` sections of an LSH band are read: with a limit of 2, seven
    agencies holding the same section each still find it copied whole, and text of its own
    finds nothing."""
    from indexer.similarity import store

    monkeypatch.setattr(store, "BUCKET", 2)
    agencies = ["甲局", "乙局", "丙局", "丁局", "戊局", "己局", "庚局"]
    with SimilarityIndex(tmp_path / "similarity") as index:
        for n, agency in enumerate(agencies):
            index.add(record(f"r{n}", agency, 2022, 问题改进=OWN))
        index.add(record("own", "辛局", 2022, 问题改进=OTHER))
        index.commit()
        figures = {f"r{n}": index.copying(f"r{n}").other_agency for n in range(len(agencies))}
        assert figures == {f"r{n}": {"问题改进": 1.0} for n in range(len(agencies))}
        assert index.copying("own").other_agency == {"问题改进": 0.0}


def test_candidates_are_the_sections_sharing_the_most_bands(tmp_path, monkeypatch):
    """Each section is compared with the ``CANDIDATES`` sections that share the most LSH bands
    with it among each band's latest ``BUCKET``, ties by lower id: counted here one band at a
    time in SQL, at the moment each commit asks (a commit keeps the bands it has read for its
    other sections), with limits small enough that both cut."""
    import random
    from collections import Counter

    from indexer.similarity import store

    monkeypatch.setattr(store, "BUCKET", 6)
    monkeypatch.setattr(store, "CANDIDATES", 4)
    asked = []
    commits_nearest = store._Bands.nearest

    def counted(bands, sid, keys):
        shared = Counter()
        for key in keys:
            shared.update(other for (other,) in bands._db.execute(
                "SELECT sid FROM bands WHERE key = ? AND sid != ? ORDER BY sid DESC LIMIT 6", (key, sid)))
        expected = sorted(shared, key=lambda other: (-shared[other], other))[:4]
        found = commits_nearest(bands, sid, keys)
        asked.append((found == expected, len(shared) > 4))
        return found

    monkeypatch.setattr(store._Bands, "nearest", counted)
    rng = random.Random(3)
    with SimilarityIndex(tmp_path / "similarity", min_df=1000) as index:
        for first, last in ((0, 25), (25, 40)):  # the second commit reads the first one's bands too
            for n in range(first, last):
                index.add(record(f"r{n}", f"局{n}", 2022, **_drawn(rng, n)))
            index.commit()
    assert all(same for same, _ in asked)
    assert len(asked) > 60 and sum(cut for _, cut in asked) > 30  # the limit chose among more than it kept


def test_figures_stored_in_runs_are_the_figures_stored_at_once(tmp_path, monkeypatch):
    """A commit holds the figures it links and stores them sorted, in runs of ``EDGE_ROWS``:
    runs of one figure store the same figures, and give the same 雷同 facets, as one run."""
    import random

    from indexer.similarity import store

    def built(folder, rows):
        monkeypatch.setattr(store, "EDGE_ROWS", rows)
        rng = random.Random(5)
        with SimilarityIndex(folder, min_df=1000) as index:
            for first, last in ((0, 20), (20, 30)):
                for n in range(first, last):
                    index.add(record(f"r{n}", f"局{n % 7}", 2021 + n % 3, **_drawn(rng, n)))
                index.commit()
            edges = index._db.execute("SELECT a, b, share FROM edges ORDER BY a, b").fetchall()
            return edges, [index.copying(f"r{n}") for n in range(30)]

    at_once, in_runs = built(tmp_path / "once", 100_000), built(tmp_path / "runs", 1)
    assert len(at_once[0]) > 100
    assert in_runs == at_once


@settings(max_examples=200, deadline=None)
@given(
    st.sets(st.integers(0, 400), max_size=120),
    st.lists(st.sets(st.integers(0, 400), max_size=120), max_size=8),
)
def test_shared_counts_are_the_intersections(kept, others):
    """A section's common shingles with each candidate, counted in one search, are the sizes of
    the intersections (candidates of any size, none, or empty; values at both ends)."""
    import numpy as np

    from indexer.similarity.store import shared_counts

    def array(values):
        return np.array(sorted(values), dtype=np.uint32)

    expected = [len(kept & other) for other in others]
    assert shared_counts(array(kept), [array(other) for other in others]) == expected


def test_copying_figures_for_the_facets(index):
    # Shingles of own text: 问题改进 51 in each; 总体情况 56 last year, 56 + 12 new this year.
    assert _copying_of_now(index, "平潭县人民政府") == Copying(
        other_agency={"问题改进": 1.0, "总体情况": 0.0},
        previous_year={"问题改进": 1.0, "总体情况": round(56 / 68, 4)},
        other_agency_whole=round(51 / 119, 4),
        previous_year_whole=round((51 + 56) / 119, 4),
    )
    assert index.copying("missing") == Copying()


def test_without_a_body_key_the_printed_name_decides(index):
    # 平潭县政府 is not 平潭县人民政府 as printed: last year's report is another agency's.
    copying = _copying_of_now(index, None)
    assert copying.previous_year == {}
    assert copying.other_agency == {"问题改进": 1.0, "总体情况": round(56 / 68, 4)}


def test_shared_spans_mark_the_copied_passage_on_each_side():
    left = "前言不同。" + OWN + "结尾"
    right = "另起一段开头。" + OWN.replace("，", ",") + "落款"
    spans = shared_spans(left, right)
    assert spans.left == ((5, 5 + len(OWN) - 1),)
    assert spans.right == ((7, 7 + len(OWN) - 1),)
    assert shared_spans(OWN, OTHER) == SharedSpans((), ())


def test_an_unreadable_store_is_named_in_one_line(tmp_path):
    (tmp_path / SimilarityIndex.FILE).write_bytes(b"not a database" * 100)
    with pytest.raises(SimilarityStoreError, match="copied-text index .* cannot be used"):
        SimilarityIndex(tmp_path)


def test_scoring_script_on_a_small_corpus(tmp_path):
    path = Path(__file__).parents[1] / "scripts" / "dupe_accuracy.py"
    spec = importlib.util.spec_from_file_location("dupe_accuracy", path)
    script = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = script  # its dataclasses look their module up
    spec.loader.exec_module(script)
    corpus = script.build(12, 3, 7, script.Chain(script.training_text()))
    assert {c[3] for c in corpus.copies} == {"verbatim", "edited", "forward"}
    index, _ = script.index_corpus(corpus, tmp_path, batch=10)
    precision, recall, _ = script.score(index, corpus, 0.9)
    index.close()
    assert precision >= 0.95 and recall >= 0.95


# Sentences long enough to count, from which sections are drawn: reports share some with
# others (one section, or several), with their own body's other years, or none.
POOL = [
    f"第{i}项工作中，本机关{w}，共涉及{i * 7}件事项，已在门户网站专栏公开并接受社会监督。"
    for i, w in enumerate(["完善了依申请公开办理流程", "加强了政策解读和回应关切", "规范了政府信息公开指南",
                           "推进了重点领域信息公开", "开展了政务公开业务培训", "落实了公开属性源头认定",
                           "健全了信息发布协调机制", "优化了政府网站栏目设置", "强化了公开工作考核评议",
                           "做好了政府公报编辑发行", "拓展了政务新媒体渠道", "加强了保密审查"])
]  # fmt: skip


def _drawn(rng, report: int) -> dict:
    sections = {}
    for name in ("总体情况", "问题改进", "其他事项"):
        picked = rng.sample(POOL, rng.randint(1, 4))
        if rng.random() < 0.3:  # text of its own
            picked.append(f"本报告第{report}号特有的说明：{name}一节的内容与其他报告均不相同，特此载明。")
        sections[name] = "".join(picked)
    return sections


def _best_shares(index) -> tuple[int, int]:
    """Check every section's stored best share against its edges; (known, unknown) counts."""
    rows = index._db.execute(
        "SELECT s.best, (SELECT max(e.share) FROM edges e JOIN sections o ON o.sid = e.b WHERE e.a = s.sid"
        " AND (o.body IS NULL OR s.body IS NULL OR o.body != s.body)) FROM sections s WHERE s.kept IS NOT NULL"
    ).fetchall()
    for stored, from_edges in rows:
        assert stored is None or stored == (from_edges or 0.0)
    return sum(stored is not None for stored, _ in rows), sum(stored is None for stored, _ in rows)


def _edges_both_ways(index) -> int:
    """Check that every figure is stored both ways and names sections that exist (a removed
    section's rows are found from its own, there being no index on ``edges.b``); the count."""
    one = index._db.execute
    assert one(
        "SELECT count(*) FROM edges e WHERE NOT EXISTS (SELECT 1 FROM edges r WHERE r.a = e.b AND r.b = e.a)"
    ).fetchone() == (0,)
    assert one(
        "SELECT count(*) FROM edges WHERE a NOT IN (SELECT sid FROM sections) OR b NOT IN (SELECT sid FROM sections)"
    ).fetchone() == (0,)
    return one("SELECT count(*) FROM edges").fetchone()[0]


@pytest.mark.parametrize("upgraded", [False, True], ids=["current", "file-of-an-earlier-layout"])
def test_figures_kept_incrementally_equal_figures_built_at_once(tmp_path, upgraded):
    """Reports added in batches (and some removed), taking the figures of whatever ``stale``
    names after each commit, end with the same figures as one index built from the final set.
    Each section's best share so far, which a commit reads instead of all its edges, equals its
    edges' maximum after every commit; a file written before that column existed gets it (and
    loses its index on ``edges.b``).  Every figure is stored both ways throughout."""
    import random

    rng = random.Random(7)
    bodies = ["甲局", "乙局", "丙局", "丁局", "戊局", "己局"]
    records = [
        {"id": f"r{n:02d}", "agency": bodies[n % 6], "year": 2019 + n // 12, "sections": _drawn(rng, n)}
        for n in range(48)
    ]
    held: dict[str, object] = {}
    unknown_after_removal = 0
    index = SimilarityIndex(tmp_path / "incremental", min_df=1000)
    try:
        for start in range(0, len(records), 8):
            for record in records[start : start + 8]:
                index.add(record)
            if start == 24:
                for gone in ("r03", "r10", "r17"):
                    index.remove(gone)
                    held.pop(gone, None)
            index.commit()
            stale = index.stale()
            held.update({report: index.copying(report) for report in stale if report in index.ids()})
            index.settle(stale)
            known, unknown = _best_shares(index)
            assert known > 0
            assert _edges_both_ways(index) > 0
            if start == 0 and upgraded:  # the layout of a file written before: no best, an index on edges.b
                index._db.execute("ALTER TABLE sections DROP COLUMN best")
                index._db.execute("CREATE INDEX edges_b ON edges(b)")
                index.close()
                index = SimilarityIndex(tmp_path / "incremental", min_df=1000)
                assert _best_shares(index) == (0, known + unknown)
                assert (
                    index._db.execute("SELECT name FROM sqlite_master WHERE name = 'edges_b'").fetchall()
                    == []
                )
            if start == 24:
                unknown_after_removal = unknown
        final = index.ids()
    finally:
        index.close()
    assert unknown_after_removal > 0  # the removed reports' partners lost an edge
    assert len(final) == 45
    with SimilarityIndex(tmp_path / "at-once", min_df=1000) as index:
        for record in records:
            if record["id"] in final:
                index.add(record)
        index.commit()
        expected = {report: index.copying(report) for report in final}
    assert held == expected
    assert sum(1 for c in expected.values() if c.other_agency_whole) > 20  # most share something
