"""Posting files (``indexer.postingfile``) hold Whoosh's postings exactly, and queries read
through them find Whoosh's documents with Whoosh's scores.

The index is ``test_arraymatch``'s (600 generated reports in five segments, some replaced),
built with every segment given a posting file and the file holding every term found in at
least ``MIN_DOCS`` documents, so both the file and Whoosh's blocks answer terms.
"""

import os
import shutil
import subprocess
import sys
import threading
import zlib

import numpy as np
import pytest
from generated_reports import as_report
from test_arraymatch import both_ways, build_index, queries
from whoosh import index as whoosh_index
from whoosh.codec.whoosh3 import W3TermInfo

from indexer import merging, postingarrays, postingfile, store
from indexer.generator import generate, write
from indexer.ingest import ingest
from indexer.merging import merge_all
from indexer.schema import build_schema
from indexer.store import INDEX_NAME, commit, tidy, to_document
from indexer.store import writer as new_writer

MIN_DOCS = 3


@pytest.fixture(scope="module")
def filed(tmp_path_factory):
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(postingfile, "MIN_DOCS", MIN_DOCS)
        patch.setattr(postingarrays, "FILE_MIN_DOCS", 1)
        ix, reports = build_index(tmp_path_factory.mktemp("postingfile-index"))
        assert postingarrays.write_files(ix) == 5
    postingarrays.clear()
    return ix, reports


def whoosh_postings(leaf, fieldname: str, btext: bytes) -> tuple[list, list, list]:
    matcher = leaf._terms.matcher(fieldname, btext, leaf.schema[fieldname].format)
    positions = leaf.schema[fieldname].format.supports("positions")
    ids, weights, keys = [], [], []
    while matcher.is_active():
        ids.append(matcher.id())
        weights.append(matcher.weight())
        if positions:
            keys += [(matcher.id() << 32) | p for p in matcher.value_as("positions")]
        matcher.next()
    return ids, weights, keys


def test_every_segment_has_a_file_holding_exactly_whooshs_postings(filed):
    ix, _ = filed
    in_file = left_out = 0
    with ix.searcher() as searcher:
        for leaf, _ in searcher.reader().leaf_readers():
            found = postingarrays._posting_file(leaf)
            assert found is not None
            for keybytes, info in leaf._terms._tindex.items():
                fieldname, btext = leaf._terms._keydecoder(keybytes)
                entry = found.read(postingfile.term_key(fieldname, btext), positions=True)
                if W3TermInfo.from_bytes(info).doc_frequency() < MIN_DOCS:
                    assert entry is None
                    left_out += 1
                    continue
                ids, weights, keys = whoosh_postings(leaf, fieldname, btext)
                assert entry.ids.tolist() == ids and entry.weights.tolist() == weights, (fieldname, btext)
                if keys:
                    assert postingarrays._keys(entry.ids, entry.counts, entry.steps).tolist() == keys
                else:
                    assert entry.counts is None
                in_file += 1
    assert in_file > 5000 and left_out > 5000


def test_queries_read_through_the_files_find_whooshs_documents_and_scores(filed, monkeypatch):
    ix, reports = filed
    answered = []
    read = postingfile.PostingFile.read

    def counted(self, key, positions=False):
        entry = read(self, key, positions)
        answered.append(entry is not None)
        return entry

    monkeypatch.setattr(postingfile.PostingFile, "read", counted)
    postingarrays.clear()
    for text in queries(reports):
        (ids, scores), (array_ids, array_scores) = both_ways(ix, text)
        assert array_ids.tolist() == ids.tolist(), text
        assert array_scores.tolist() == scores.tolist(), text
    assert answered.count(True) > 1000 and answered.count(False) > 100  # both ways were taken
    postingarrays.clear()


class _FirstLayout:
    """How files of the first layout were compressed: zlib at level 1."""

    @staticmethod
    def compress(data: bytes) -> bytes:
        return zlib.compress(data, 1)


@pytest.mark.parametrize("layout", ["zstandard", "zlib"])
def test_round_trip_of_every_array_width(tmp_path, monkeypatch, layout):
    if layout == "zlib":  # files written before the Zstandard layout are still read
        monkeypatch.setattr(postingfile, "MAGIC", postingfile.ZLIB_MAGIC)
        monkeypatch.setattr(postingfile, "_compressor", _FirstLayout)
    entries = [
        (
            b"a\x00x",
            postingfile.Entry(
                np.array([0, 5, 70_000, 2**31 - 5]), np.array([1.0, 2.5, 3.0, 1e-3]), None, None
            ),
        ),
        (
            b"b\x00y",
            postingfile.Entry(
                np.array([3, 4]), np.array([2.0, 300.0]), np.array([2, 300]), np.arange(302) * 1000 + 7
            ),
        ),
        (b"c\x00z", postingfile.Entry(np.array([1]), np.array([70_000.0]), np.array([1]), np.array([9]))),
    ]
    written = _written(entries, tmp_path)
    assert (tmp_path / "x.npp").read_bytes()[:8] == postingfile.MAGIC
    monkeypatch.undo()  # read as a newer version reads it
    for key, entry in entries:
        found = written.read(key, positions=True)
        assert found.ids.tolist() == entry.ids.tolist() and found.weights.tolist() == entry.weights.tolist()
        if entry.counts is None:
            assert found.counts is None
        else:
            assert (
                found.counts.tolist() == entry.counts.tolist()
                and found.steps.tolist() == entry.steps.tolist()
            )
        assert written.read(key).counts is None  # positions only when asked
    assert written.read(b"d\x00w") is None


@pytest.mark.parametrize(
    ("values", "dtype"),
    [
        ([], np.uint8),
        ([0, 255], np.uint8),
        ([3.0, 256.0], np.uint16),
        ([70_000], np.uint32),
        ([2**32 - 1], np.uint32),
        ([2**32], np.float64),
        ([1.0, 2.5], np.float64),
        ([-1], np.float64),
    ],
)
def test_values_are_kept_in_the_narrowest_type_that_holds_them(values, dtype):
    narrowed = postingfile.narrow(np.array(values))
    assert narrowed.dtype == dtype
    assert narrowed.astype(np.float64).tolist() == [float(v) for v in values]


def test_preload_holds_each_segments_commonest_terms_first(filed, monkeypatch):
    ix, _ = filed
    postingarrays.clear()
    budget = 256 * 1024
    with ix.reader() as reader:
        leaves = [leaf for leaf, _ in reader.leaf_readers()]
        terms, loaded = postingarrays.preload(reader, budget)
        in_files = sum(len(postingarrays._posting_file(leaf).directory) for leaf in leaves)
        assert 0 < terms < in_files and budget * 0.9 <= loaded <= postingarrays._held
        # Each segment's largest record is held: read again, no file is opened.
        monkeypatch.setattr(postingarrays, "_from_file", lambda *a: pytest.fail("read a preloaded term"))
        for leaf in leaves:
            sizes = postingarrays._posting_file(leaf).directory["size"]
            largest = next(postingarrays._posting_file(leaf).keys_by_size())
            assert len(largest) and sizes.max() > sizes.min()
            fieldname, _, btext = largest.partition(b"\x00")
            ids, weights, keys = whoosh_postings(leaf, fieldname.decode(), btext)
            assert keys and postingarrays.position_keys(leaf, fieldname.decode(), btext).tolist() == keys
            found = postingarrays.postings(leaf, fieldname.decode(), btext)
            assert found.ids.tolist() == ids and found.weights.tolist() == weights
    postingarrays.clear()


def test_cached_postings_take_a_few_bytes_a_posting(filed):
    ix, _ = filed
    postingarrays.clear()
    with ix.searcher() as searcher:
        leaf = max((leaf for leaf, _ in searcher.reader().leaf_readers()), key=lambda r: r.doc_count_all())
        btext = max(leaf.lexicon("content"), key=lambda t: leaf.doc_frequency("content", t))
        found = postingarrays.postings(leaf, "content", btext)
        again = postingarrays.postings(leaf, "content", btext)
    assert len(found.ids) >= 200 and found.ids.tolist() == again.ids.tolist()
    assert found.weights.tolist() == again.weights.tolist()
    # Document numbers below 65,536 in two bytes, frequencies in one or two: not 16 a posting.
    assert 0 < postingarrays._held <= 4 * len(found.ids)


def _written(entries, folder) -> postingfile.PostingFile:
    path = folder / "x.npp"
    assert postingfile.write(path, entries) == len({key for key, _ in entries})
    assert os.listdir(folder) == ["x.npp"]  # the partial file was renamed
    return postingfile.PostingFile(path)


def test_terms_whose_hashes_collide_are_left_to_whoosh(tmp_path, monkeypatch):
    monkeypatch.setattr(postingfile, "_hash", lambda key: 7 if key in (b"a", b"b") else 8)
    one = postingfile.Entry(np.array([1, 2]), np.array([1.0, 1.0]), None, None)
    path = tmp_path / "x.npp"
    assert postingfile.write(path, [(b"a", one), (b"b", one), (b"c", one)]) == 1
    found = postingfile.PostingFile(path)
    assert found.read(b"a") is None and found.read(b"b") is None
    assert found.read(b"c").ids.tolist() == [1, 2]


def test_two_writers_of_one_file_at_once_leave_it_whole(tmp_path):
    # An ingest writes a merged segment's file after its commit, so another process's ingest
    # may write the same file meanwhile: here the second writes all of it while the first is
    # part-way through its entries.
    path = tmp_path / "x.npp"
    entries = [(f"t{i}".encode(), postingfile.Entry(np.arange(i + 1), np.ones(i + 1), None, None)) for i in range(50)]
    second = []

    def first_writer_entries():
        for number, entry in enumerate(entries):
            if number == 25:  # another writer (a thread: another process would do the same)
                other = threading.Thread(target=lambda: second.append(postingfile.write(path, entries)))
                other.start()
                other.join()
            yield entry

    assert postingfile.write(path, first_writer_entries()) == 50 and second == [50]
    found = postingfile.PostingFile(path)
    assert [found.read(key).ids.tolist() for key, _ in entries] == [list(range(i + 1)) for i in range(50)]
    assert os.listdir(tmp_path) == ["x.npp"]


def test_a_partial_file_left_by_a_killed_writer_is_removed_by_the_next(tmp_path):
    path = tmp_path / "x.npp"
    gone = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"], capture_output=True, text=True)
    killed = tmp_path / f"x.npp.{int(gone.stdout)}-140001.part"  # its process has exited
    writing = tmp_path / f"x.npp.{os.getpid()}-140002.part"  # a live process's, being written
    other = tmp_path / f"y.npp.{int(gone.stdout)}-140001.part"  # another file's
    for partial in (killed, writing, other):
        partial.write_bytes(b"half a file")
    one = postingfile.Entry(np.array([1, 2]), np.array([1.0, 1.0]), None, None)
    assert postingfile.write(path, [(b"a", one)]) == 1
    assert sorted(os.listdir(tmp_path)) == sorted(["x.npp", writing.name, other.name])


def test_files_follow_the_segments_through_merges_and_a_damaged_file_is_ignored(tmp_path, monkeypatch):
    monkeypatch.setattr(postingfile, "MIN_DOCS", 2)
    monkeypatch.setattr(postingarrays, "FILE_MIN_DOCS", 20)
    ix = whoosh_index.create_in(str(tmp_path), build_schema(), indexname=INDEX_NAME)
    for batch in range(3):
        writer = new_writer(ix)
        for seed in range(batch * 30, batch * 30 + 30 - batch * 12):  # 30, 18 and 6 documents
            report = as_report(seed, text=True)
            writer.add_document(**to_document(report, report.source))
        commit(writer, merge=False)

    def files() -> set[str]:
        return {name.removesuffix(".npp") for name in os.listdir(tmp_path) if name.endswith(".npp")}

    assert files() == set()  # commits write none: an ingest writes them once it is done
    assert postingarrays.write_files(ix) == 1
    opened = whoosh_index.open_dir(str(tmp_path), indexname=INDEX_NAME)
    sizes = {s.segment_id(): s.doc_count_all() for s in opened._segments()}
    assert files() == {name for name, size in sizes.items() if size >= 20} and len(files()) == 1
    assert postingarrays.write_files(ix) == 0  # written once
    writer = new_writer(ix)
    writer.commit(mergetype=merge_all)
    writer = new_writer(ix)  # a writer at work: its own ingest writes the files when done
    assert postingarrays.write_files(ix) == 0
    writer.cancel()
    assert postingarrays.write_files(ix) == 1
    merged = whoosh_index.open_dir(str(tmp_path), indexname=INDEX_NAME)._segments()
    assert files() == {merged[0].segment_id()} and merged[0].doc_count_all() == 54
    assert not [name for name in os.listdir(tmp_path) if name.endswith(".part")]

    (tmp_path / f"{merged[0].segment_id()}.npp").write_bytes(b"not a posting file")
    postingarrays.clear()
    with whoosh_index.open_dir(str(tmp_path), indexname=INDEX_NAME).searcher() as searcher:
        leaf = searcher.reader().leaf_readers()[0][0]
        assert postingarrays._posting_file(leaf) is None
        ids, weights, _ = whoosh_postings(leaf, "content", "工作".encode())
        found = postingarrays.postings(leaf, "content", "工作".encode())
        assert found.ids.tolist() == ids and found.weights.tolist() == weights and len(ids) > 20


def test_an_ingest_leaves_every_large_enough_segment_with_its_file(tmp_path, monkeypatch):
    monkeypatch.setattr(postingarrays, "FILE_MIN_DOCS", 3)
    reports = tmp_path / "reports"
    for seed in range(8):
        write(generate(seed), "tsv", reports)
    ingest([reports], tmp_path / "index", workers=1, batch=4)
    segments = whoosh_index.open_dir(str(tmp_path / "index"), indexname=INDEX_NAME)._segments()
    on_disk = {name.removesuffix(".npp") for name in os.listdir(tmp_path / "index") if name.endswith(".npp")}
    assert on_disk == {s.segment_id() for s in segments if s.doc_count_all() >= 3} and len(on_disk) >= 2


def _segmented_index(folder, sizes):
    folder.mkdir()
    ix = whoosh_index.create_in(str(folder), build_schema(), indexname=INDEX_NAME)
    first = 0
    for size in sizes:
        writer = new_writer(ix)
        for seed in range(first, first + size):
            report = as_report(seed, text=True)
            writer.add_document(**to_document(report, report.source))
        commit(writer, merge=False)
        first += size
    return ix


def _file_bytes(folder) -> dict[str, bytes]:
    return {name: (folder / name).read_bytes() for name in os.listdir(folder) if name.endswith(".npp")}


@pytest.mark.parametrize("memory_mb", [0, 1], ids=["in-workers", "workers-cannot-start"])
def test_files_written_by_workers_are_the_files_written_in_process(tmp_path, monkeypatch, memory_mb):
    """The parallel path writes the same bytes; a pool that cannot start leaves them to the caller."""
    monkeypatch.setattr(postingarrays, "FILE_MIN_DOCS", 10)  # decided here; the workers only write
    here, there = tmp_path / "here", tmp_path / "there"
    _segmented_index(here, [40, 24, 12, 5])
    shutil.copytree(here, there)
    assert postingarrays.write_files(whoosh_index.open_dir(str(here), indexname=INDEX_NAME)) == 3
    parallel = whoosh_index.open_dir(str(there), indexname=INDEX_NAME)
    assert postingarrays.write_files(parallel, workers=2, memory_mb=memory_mb) == 3
    written = _file_bytes(here)
    assert len(written) == 3 and _file_bytes(there) == written
    assert not [name for name in os.listdir(there) if name.endswith(".part")]


def _open(folder):
    return whoosh_index.open_dir(str(folder), indexname=INDEX_NAME)


def test_the_closing_merge_has_the_posting_files_written_beside_it(tmp_path, monkeypatch):
    """An ingest's last merge leaves the large segments as they are: their files are written by
    the workers while it merges the small ones, the merged segment's once it is committed (the
    first still being written, maybe), the same bytes as written after it."""
    monkeypatch.setattr(postingarrays, "FILE_MIN_DOCS", 10)
    here, there = tmp_path / "here", tmp_path / "there"
    _segmented_index(here, [40, 24, 12, 5, 4, 3])  # the last three are merged (12 documents)
    shutil.copytree(here, there)
    assert tidy(_open(here))
    assert postingarrays.write_files(_open(here)) == 4
    after = _file_bytes(here)

    started, calls = threading.Event(), []
    beside = _open(there)

    def files(segments):
        on_main = threading.current_thread() is threading.main_thread()
        calls.append((sorted(s.doc_count_all() for s in segments), on_main))
        started.set()
        return postingarrays.write_due(beside, segments, workers=2, workers_from=1)

    def merge_once_files_started(writer, segments):
        assert started.wait(30)  # the merge waits here: it runs while the files are written
        return merging.merge_tidy(writer, segments)

    monkeypatch.setattr(store, "merge_tidy", merge_once_files_started)
    assert tidy(beside, files)
    assert calls == [([12, 24, 40], False), ([12], False)]
    written = _file_bytes(there)
    assert sorted(written.values()) == sorted(after.values())  # the merged segment's name is new
    assert len(written) == 4 and len(set(written) & set(after)) == 3
    assert postingarrays.write_files(_open(there)) == 0  # none left for after
    assert not [name for name in os.listdir(there) if name.endswith(".part")]


def test_a_failed_closing_merge_waits_for_the_files_then_lets_go_of_the_index(tmp_path, monkeypatch):
    monkeypatch.setattr(postingarrays, "FILE_MIN_DOCS", 10)
    _segmented_index(tmp_path / "ix", [40, 24, 12, 5, 4, 3])
    ix = _open(tmp_path / "ix")
    generation = ix.latest_generation()
    finished = threading.Event()

    def files(kept):
        postingarrays.write_due(ix, kept)
        finished.set()

    def full_disk(writer, segments):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(store, "merge_tidy", full_disk)
    with pytest.raises(OSError, match="No space left"):
        tidy(ix, files)
    assert finished.is_set() and len(_file_bytes(tmp_path / "ix")) == 3
    assert _open(tmp_path / "ix").latest_generation() == generation  # nothing committed
    lock = ix.lock("WRITELOCK")
    assert lock.acquire(False)  # the lock let go
    lock.release()
