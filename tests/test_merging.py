"""The streaming segment merge (``indexer.merging``) writes what Whoosh's own merge writes.

An index of several segments, some documents replaced or deleted, is merged into one segment
twice, by Whoosh (``OPTIMIZE``: every document re-added through the writer's pool) and by
``merging.merge_all``; every file of the two merged segments is compared byte for byte, except
the stored fields, whose pickled dicts Whoosh writes in an order that varies from process to
process: those are compared document by document.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from whoosh import index as whoosh_index
from whoosh.writing import MERGE_SMALL, OPTIMIZE, SegmentWriter

from indexer import ingest as ingest_module
from indexer.extract import extract_path
from indexer.generator import generate, write
from indexer.ingest import ingest
from indexer.merging import TIDY_SHARE, merge_all, small_segments, tidy_segments
from indexer.search import search
from indexer.store import INDEX_NAME, commit, open_or_create, tidy, to_document
from indexer.store import writer as new_writer

SEGMENTS = 6
TABLE_FORMS = ("cells", "tsv", "md", "html", "docx", "pdf")
PER_SEGMENT = 5


@pytest.fixture(scope="module")
def segmented(tmp_path_factory) -> Path:
    """Six segments of generated reports in several formats and templates (free-form ones
    included), then a seventh that replaces three reports of earlier segments, and one
    report deleted: segments with deletions."""
    files = tmp_path_factory.mktemp("merge-reports")
    folder = tmp_path_factory.mktemp("merge-index")
    ix, _ = open_or_create(folder)
    paths = []
    for batch in range(SEGMENTS):
        writer = new_writer(ix)
        for k in range(PER_SEGMENT):
            seed = batch * PER_SEGMENT + k
            if seed % 7 == 3:
                path = write(generate(seed, template="free"), "free", files)
            else:
                path = write(generate(seed), TABLE_FORMS[seed % len(TABLE_FORMS)], files)
            writer.add_document(**to_document(extract_path(path), str(path.resolve())))
            paths.append(path)
        writer.commit(merge=False)
    writer = new_writer(ix)
    for path in (paths[1], paths[7], paths[22]):
        report = extract_path(path)
        writer.update_document(**to_document(report, str(path.resolve())))
    writer.delete_by_term("path", str(paths[12].resolve()))
    writer.commit(merge=False)
    return folder


def _merged(source: Path, target: Path, policy) -> Path:
    shutil.copytree(source, target)
    ix = whoosh_index.open_dir(str(target), indexname=INDEX_NAME)
    # Whoosh's merge runs through Whoosh's own writer and posting pool
    writer = SegmentWriter(ix, limitmb=256, compound=False) if policy is OPTIMIZE else new_writer(ix)
    writer.commit(mergetype=policy)
    return target


def _segment_files(folder: Path) -> dict[str, bytes]:
    """The one segment's files, by the part of their names after the segment's id."""
    ix = whoosh_index.open_dir(str(folder), indexname=INDEX_NAME)
    (segment,) = ix._segments()
    prefix = f"{INDEX_NAME}_{segment.segid}"
    return {p.name[len(prefix) :]: p.read_bytes() for p in folder.iterdir() if p.name.startswith(prefix)}


def test_merging_writes_the_segment_whoosh_writes(segmented, tmp_path):
    before = whoosh_index.open_dir(str(segmented), indexname=INDEX_NAME)
    assert len(before._segments()) == SEGMENTS + 1
    assert sum(s.deleted_count() for s in before._segments()) == 4
    whoosh = _merged(segmented, tmp_path / "whoosh", OPTIMIZE)
    ours = _merged(segmented, tmp_path / "ours", merge_all)

    theirs, mine = _segment_files(whoosh), _segment_files(ours)
    assert sorted(mine) == sorted(theirs)
    assert len(mine) > 100  # postings, terms, every facet column, lengths, stored fields
    for name in mine:
        if name != "._stored.col":
            assert mine[name] == theirs[name], name

    a = whoosh_index.open_dir(str(whoosh), indexname=INDEX_NAME)
    b = whoosh_index.open_dir(str(ours), indexname=INDEX_NAME)
    with a.searcher() as x, b.searcher() as y:
        assert x.doc_count_all() == y.doc_count_all() == SEGMENTS * PER_SEGMENT - 1
        assert [x.stored_fields(n) for n in range(x.doc_count_all())] == [
            y.stored_fields(n) for n in range(y.doc_count_all())
        ]


def test_merging_copies_numeric_columns_whole(segmented, tmp_path, monkeypatch):
    """The facet columns (NaN by default) and the integer ones are copied a segment at a time,
    never value by value (the test above holds the bytes to Whoosh's); text columns still are."""
    from whoosh.columns import NumericColumn, VarBytesColumn

    from indexer import merging

    added = {"numbers": 0, "bytes": 0, "copying": False}

    def counted(kind, add):
        def counting(self, docnum, value):
            added[kind] += added["copying"]
            return add(self, docnum, value)

        return counting

    def copying(*args):
        added["copying"] = True
        try:
            return copy_columns(*args)
        finally:
            added["copying"] = False

    copy_columns = merging._copy_columns
    monkeypatch.setattr(merging, "_copy_columns", copying)
    monkeypatch.setattr(NumericColumn.Writer, "add", counted("numbers", NumericColumn.Writer.add))
    monkeypatch.setattr(VarBytesColumn.Writer, "add", counted("bytes", VarBytesColumn.Writer.add))
    _merged(segmented, tmp_path / "ours", merge_all)
    assert added["numbers"] == 0
    assert added["bytes"] > 0


def test_merging_long_posting_lists_writes_what_whoosh_writes(tmp_path):
    """Terms in hundreds of documents across segments: each term's postings reach the merged
    segment's blocks of 128 from several segments, their block statistics carried over."""
    reports = [extract_path(write(generate(60 + k), form, tmp_path / "reports")) for k, form in enumerate(("tsv", "html", "cells"))]
    source = tmp_path / "segmented"
    ix, _ = open_or_create(source)
    for batch in range(3):
        writer = new_writer(ix)
        for copy in range(50 + 17 * batch):
            writer.add_document(**to_document(reports[(copy + batch) % 3], f"/r/{batch}/{copy}"))
        writer.commit(merge=False)
    writer = new_writer(ix)
    for copy in range(0, 60, 7):
        writer.delete_by_term("path", f"/r/1/{copy}")
    writer.commit(merge=False)
    whoosh = _merged(source, tmp_path / "whoosh", OPTIMIZE)
    ours = _merged(source, tmp_path / "ours", merge_all)
    theirs, mine = _segment_files(whoosh), _segment_files(ours)
    assert sorted(mine) == sorted(theirs)
    for name in mine:
        if name != "._stored.col":
            assert mine[name] == theirs[name], name
    with whoosh_index.open_dir(str(ours), indexname=INDEX_NAME).searcher() as searcher:
        assert searcher.doc_count() == 50 + 67 + 84 - 9
        assert searcher.doc_frequency("content", "公开") == searcher.doc_count()


def test_a_merged_index_answers_as_before(segmented, tmp_path):
    """The same reports match (the order may move: deleted documents no longer count in the
    term statistics), and in the same order as from Whoosh's merge."""
    whoosh = _merged(segmented, tmp_path / "whoosh", OPTIMIZE)
    ours = _merged(segmented, tmp_path / "ours", merge_all)
    for query in ("公开", "依申请公开", "in 2019-2023", "申请.新收 > 5", "问题:人员"):
        before, theirs, after = (
            search(whoosh_index.open_dir(str(folder), indexname=INDEX_NAME), query, per_page=100)
            for folder in (segmented, whoosh, ours)
        )
        assert sorted(h["id"] for h in after["results"]) == sorted(h["id"] for h in before["results"]), query
        assert after["total"] == before["total"] > 0, query
        assert [h["id"] for h in after["results"]] == [h["id"] for h in theirs["results"]], query


class _Recording:
    """Stands in for a writer under Whoosh's MERGE_SMALL: notes the segments it would merge."""

    def __init__(self, ix):
        self.storage, self.schema, self.chosen = ix.storage, ix.schema, []

    def add_reader(self, reader):
        self.chosen.append(reader.segment().segid)


def test_merge_small_chooses_the_segments_whoosh_would(tmp_path):
    ix, _ = open_or_create(tmp_path / "index")
    report = extract_path(write(generate(5), "tsv", tmp_path))
    for batch in range(14):
        writer = new_writer(ix)
        for k in range(1 + batch * 7 % 4):
            writer.add_document(**to_document(report, f"/r/{batch}/{k}"))
        writer.commit(merge=False)
    segments = ix._segments()
    merges = 0
    for k in range(1, len(segments) + 1):
        recording = _Recording(ix)
        left = MERGE_SMALL(recording, segments[:k])
        ours = small_segments(segments[:k])
        assert [s.segid for s in ours] == recording.chosen
        assert len(left) == (k - len(ours) if ours else k)
        merges += bool(ours)
    assert 0 < merges < len(segments)


def test_commits_merge_and_keep_every_report(tmp_path):
    """Through ``store.commit``, batch after batch: small segments are merged, no report is
    lost or doubled."""
    ix, _ = open_or_create(tmp_path / "index")
    report = extract_path(write(generate(5), "tsv", tmp_path))
    counts, paths = [], []
    for batch in range(14):
        writer = new_writer(ix)
        for k in range(1 + batch % 3):
            paths.append(f"/r/{batch}/{k}")
            writer.add_document(**to_document(report, paths[-1]))
        commit(writer)
        counts.append(len(ix._segments()))
    assert max(counts) == 5 and counts[-1] < 5
    with ix.searcher() as searcher:
        assert sorted(searcher.stored_fields(n)["path"] for n in searcher.reader().all_doc_ids()) == sorted(
            paths
        )


class _Sized:
    """A segment as ``tidy_segments`` sees it: its live documents."""

    def __init__(self, docs: int):
        self.docs = docs

    def doc_count(self) -> int:
        return self.docs


def test_tidying_merges_the_small_segments_a_bulk_ingest_leaves():
    """The shape a 100,000-report ingest left: three large segments and fourteen small ones
    (twelve batches' worth, a larger one and the cross-report pass's rewrites)."""
    large = [_Sized(n) for n in (60_000, 30_000, 20_000)]
    small = [_Sized(1_100) for _ in range(12)] + [_Sized(1_300), _Sized(200)]
    assert set(tidy_segments(large + small)) == set(small)
    assert tidy_segments(large) == []


def test_tidying_leaves_an_earlier_merge_to_a_merge_that_doubles_it():
    earlier = _Sized(9_000)  # a previous ingest's merged small segments
    index = [_Sized(n) for n in (60_000, 30_000, 20_000)] + [earlier]
    first = [_Sized(1_000), _Sized(200)]
    assert tidy_segments(index + first) == []  # two small ones: not worth a merge
    second = [_Sized(1_000), _Sized(200)]
    assert set(tidy_segments(index + first + second)) == set(first + second)
    grown = [_Sized(4_000), _Sized(3_000), _Sized(2_500)]
    assert set(tidy_segments(index + grown)) == {earlier, *grown}  # 9,500 beside it: doubled


def _added_in_batches(choose, batches: int) -> tuple[int, int]:
    """Documents rewritten by merges, and the most segments held, when ``batches`` ingests
    each add a batch of 1,000 reports and a cross-report rewrite of 200 to an index of 100,000
    and then merge what ``choose`` picks."""
    segments, rewritten, most = [_Sized(100_000)], 0, 1
    for _ in range(batches):
        segments += [_Sized(1_000), _Sized(200)]
        chosen = choose(segments)
        if chosen:
            segments = [s for s in segments if s not in chosen] + [_Sized(sum(s.docs for s in chosen))]
            rewritten += sum(s.docs for s in chosen)
        most = max(most, len(segments))
    return rewritten, most


def test_repeated_ingests_rewrite_each_document_a_few_times():
    """200 ingests of 1,200 documents: merged as a binary counter merges, each document is
    rewritten about three times and the index never holds a dozen segments; merging every
    small segment at each ingest would rewrite each twelve times (its tail rewritten whole)."""
    added = 200 * 1_200
    rewritten, most = _added_in_batches(tidy_segments, 200)
    assert rewritten <= 4 * added and most <= 11

    def every_small(segments):
        total = sum(s.docs for s in segments)
        small = [s for s in segments if s.docs * TIDY_SHARE < total]
        return small if len(small) >= 3 else []

    assert _added_in_batches(every_small, 200)[0] > 10 * added


def test_an_ingest_ends_with_its_small_segments_merged(tmp_path, monkeypatch):
    """Twenty reports in batches of two, committed without merging (as larger batches
    commit before Whoosh's policy merges them): the batches' segments are merged at the
    end, and every report is still there once."""
    monkeypatch.setattr(ingest_module, "commit", lambda writer, **_: commit(writer, merge=False))
    reports = tmp_path / "reports"
    for seed in range(20):
        write(generate(seed), "tsv", reports)
    summary = ingest([reports], tmp_path / "index", workers=1, batch=2)
    assert len(summary.added) == 20 and summary.tidy_s[0] > 0
    ix = whoosh_index.open_dir(str(tmp_path / "index"), indexname=INDEX_NAME)
    segments = ix._segments()
    assert len(segments) <= 2 and tidy_segments(segments) == []  # eleven without the merge
    with ix.searcher() as searcher:
        paths = [searcher.stored_fields(n)["path"] for n in searcher.reader().all_doc_ids()]
    assert sorted(paths) == sorted(str(p.resolve()) for p in reports.iterdir())


def test_tidying_drops_segments_whose_reports_are_all_deleted(tmp_path):
    ix, _ = open_or_create(tmp_path / "index")
    report = extract_path(write(generate(5), "tsv", tmp_path))
    writer = new_writer(ix)
    for k in range(20):
        writer.add_document(**to_document(report, f"/kept/{k}"))
    commit(writer, merge=False)
    for k in range(3):
        writer = new_writer(ix)
        writer.add_document(**to_document(report, f"/gone/{k}"))
        commit(writer, merge=False)
    writer = new_writer(ix)
    for k in range(3):
        writer.delete_by_term("path", f"/gone/{k}")
    commit(writer, merge=False)
    assert [s.doc_count() for s in ix._segments()] == [20, 0, 0, 0]
    assert tidy(ix)
    assert [s.doc_count_all() for s in ix._segments()] == [20]
    assert search(ix, "公开")["total"] == 20
    generation = ix.latest_generation()
    assert not tidy(ix) and ix.latest_generation() == generation  # nothing to merge: no new commit
