"""``store.writer`` (Whoosh's segment writer with the flush reading field lengths from arrays)
writes the segment Whoosh's own writer writes: every file byte for byte, except the stored
fields (pickled dicts, whose order varies from process to process), compared document by
document."""

from __future__ import annotations

from pathlib import Path

from whoosh import index as whoosh_index
from whoosh.writing import SegmentWriter

from indexer.extract import extract_path
from indexer.generator import generate, write
from indexer.store import INDEX_NAME, open_or_create, to_document
from indexer.store import writer as new_writer

FORMS = ("cells", "tsv", "md", "html", "docx", "free")


def _segment_files(folder: Path) -> dict[str, bytes]:
    ix = whoosh_index.open_dir(str(folder), indexname=INDEX_NAME)
    (segment,) = ix._segments()
    prefix = f"{INDEX_NAME}_{segment.segid}"
    return {p.name[len(prefix) :]: p.read_bytes() for p in folder.iterdir() if p.name.startswith(prefix)}


def test_the_writer_writes_the_segment_whoosh_writes(tmp_path):
    documents = []
    for k, form in enumerate(FORMS * 2):
        report = generate(40 + k, template="free") if form == "free" else generate(40 + k)
        path = write(report, form, tmp_path / "reports")
        documents.append(to_document(extract_path(path), str(path.resolve())))
    written = {}
    for name, make in (("whoosh", lambda ix: SegmentWriter(ix, limitmb=256, compound=False)), ("ours", new_writer)):
        ix, _ = open_or_create(tmp_path / name)
        writer = make(ix)
        assert isinstance(writer, SegmentWriter)
        for document in documents:
            writer.add_document(**document)
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
