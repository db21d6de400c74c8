"""``store.writer`` (Whoosh's segment writer, its postings held by term and written a block at a
time, its flush reading field lengths from arrays) writes the segment Whoosh's own writer writes:
every file byte for byte, except the stored fields (pickled dicts, whose order varies from
process to process), compared document by document."""

from __future__ import annotations

import tracemalloc
from pathlib import Path

import pytest
from whoosh import index as whoosh_index
from whoosh.filedb.filestore import FileStorage
from whoosh.writing import SegmentWriter

from indexer.extract import extract_path
from indexer.generator import generate, write
from indexer.postingpool import TermPool
from indexer.pretokenized import tokenize
from indexer.schema import build_schema
from indexer.store import INDEX_NAME, open_or_create, to_document
from indexer.store import writer as new_writer

FORMS = ("cells", "tsv", "md", "html", "docx", "free")


def _segment_files(folder: Path) -> dict[str, bytes]:
    ix = whoosh_index.open_dir(str(folder), indexname=INDEX_NAME)
    (segment,) = ix._segments()
    prefix = f"{INDEX_NAME}_{segment.segid}"
    return {p.name[len(prefix) :]: p.read_bytes() for p in folder.iterdir() if p.name.startswith(prefix)}


@pytest.fixture(scope="module")
def documents(tmp_path_factory) -> list[dict]:
    """Twelve reports of several forms, each under 25 paths: 300 documents, so that common
    terms' postings span several of the codec's blocks of 128."""
    folder = tmp_path_factory.mktemp("writer-reports")
    reports = []
    for k, form in enumerate(FORMS * 2):
        report = generate(40 + k, template="free") if form == "free" else generate(40 + k)
        reports.append(extract_path(write(report, form, folder)))
    return [to_document(report, f"/reports/{copy}/{k}") for copy in range(25) for k, report in enumerate(reports)]


def _mixed(documents: list[dict], schema) -> list[dict]:
    """The documents, every third one with a document boost of 1.0 (which changes nothing, but
    which our writer leaves to Whoosh's own ``add_document``) and every fifth one's text fields
    tokenised beforehand, as ingest's workers hand them over."""
    mixed = []
    for k, document in enumerate(documents):
        if k % 5 == 0:
            document = {**document, **tokenize(schema, document)}
        mixed.append({**document, "_boost": 1.0} if k % 3 == 0 else document)
    return mixed


# The pool's memory limit: Whoosh's writer's own (nothing spills), and one so small that the
# held postings are written as sorted runs and merged back at the flush; and documents added
# both ways, some tokenised beforehand.
@pytest.mark.parametrize(("limit", "mixed"), [(None, False), (200_000, False), (None, True)], ids=["held", "spilled", "mixed"])
def test_the_writer_writes_the_segment_whoosh_writes(documents, tmp_path, limit, mixed):
    written = {}
    if mixed:
        documents = _mixed(documents, build_schema())
    for name, make in (("whoosh", lambda ix: SegmentWriter(ix, limitmb=256, compound=False)), ("ours", new_writer)):
        ix, _ = open_or_create(tmp_path / name)
        writer = make(ix)
        assert isinstance(writer, SegmentWriter)
        if name == "ours" and limit is not None:
            writer.pool.limit = limit
        for document in documents:
            writer.add_document(**document)
        if name == "ours":
            assert (len(writer.pool.runs) > 3) == (limit is not None)
        writer.commit()
        written[name] = _segment_files(tmp_path / name)
    ours, theirs = written["ours"], written["whoosh"]
    assert sorted(ours) == sorted(theirs) and ".pst" in ours
    for name in ours:
        if name != "._stored.col":
            assert ours[name] == theirs[name], name
    a, b = (whoosh_index.open_dir(str(tmp_path / name), indexname=INDEX_NAME) for name in ("ours", "whoosh"))
    with a.searcher() as x, b.searcher() as y:
        assert x.doc_count_all() == y.doc_count_all() == len(documents)
        assert [x.stored_fields(n) for n in range(len(documents))] == [y.stored_fields(n) for n in range(len(documents))]
        assert x.doc_frequency("content", "公开") == len(documents)  # 300 postings: three blocks


def test_a_schema_with_an_integer_field_boost_is_written_as_whoosh_writes_it(tmp_path):
    """Whoosh multiplies each posting's weight by the field's boost; an integer boost makes an
    integer weight a float there, so such a schema's documents are added by Whoosh's own code
    (pickled, an int and a float differ)."""
    from whoosh import fields

    schema = fields.Schema(tag=fields.ID(field_boost=2), body=fields.TEXT())
    written = {}
    for name, make in (("whoosh", lambda ix: SegmentWriter(ix, limitmb=256, compound=False)), ("ours", new_writer)):
        folder = tmp_path / name
        folder.mkdir()
        ix = whoosh_index.create_in(str(folder), schema, indexname=INDEX_NAME)
        writer = make(ix)
        for k in range(40):
            writer.add_document(tag=f"t{k % 3}", body=f"word{k % 5} common")
        writer.commit()
        written[name] = _segment_files(folder)
    assert written["ours"] == written["whoosh"] and ".pst" in written["ours"]


def test_the_pool_gives_each_term_its_postings_in_order(tmp_path):
    """Postings added in document order come back by field and term, each term's documents
    in order, held or spilled, as Whoosh's pool sorts them: terms in every run, in the first
    run only, and in the postings still held only."""
    items = [
        (field, term, docnum, float(docnum % 3 + 1), bytes([docnum % 251]) * (docnum % 4))
        for docnum in range(400)
        for field in ("b", "a")
        for term in (b"y", b"x", bytes([docnum % 7]), b"early" if docnum < 5 else b"late" if docnum > 395 else b"middle")
    ]
    expected = sorted(items)
    storage = FileStorage(str(tmp_path))
    for limit in (None, 3_000):
        pool = TermPool(storage, None, limitmb=1)
        if limit is not None:
            pool.limit = limit
        for item in items:
            pool.add(item)
        assert bool(pool.runs) == (limit is not None)
        if limit is None:  # Whoosh's own interface to the pool, posting by posting
            assert list(pool.iter_postings()) == expected
        terms = list(pool.iter_terms())
        assert [(f, t) for f, t, *_ in terms] == sorted({(f, t) for f, t, *_ in items})
        assert [
            (f, t, d, w, v) for f, t, ids, weights, values in terms for d, w, v in zip(ids, weights, values, strict=True)
        ] == expected
        assert not list(tmp_path.glob("*.run"))  # the spilled runs are removed as they are read


def test_the_pool_counts_the_memory_its_postings_hold(tmp_path):
    """The pool spills at its limit of real memory: what it counts for held postings shaped
    like the writer's (each with a weight, term and value bytes of its own, as the writer
    encodes each document's terms afresh; the field name and document number shared) is
    within a tenth of what they take."""
    pool = TermPool(FileStorage(str(tmp_path)), None, limitmb=1024)
    tracemalloc.start()
    try:
        before = tracemalloc.get_traced_memory()[0]
        for docnum in range(300):
            for i in range(600):
                term = f"词{(docnum * 7919 + i * 104729) % 5_000}".encode()
                pool.add(("content", term, docnum, float(i % 5 + 1), bytes([i % 251]) * 8))
        held = tracemalloc.get_traced_memory()[0] - before
    finally:
        tracemalloc.stop()
    assert not pool.runs
    assert 0.9 * held <= pool.currentsize <= 1.1 * held
