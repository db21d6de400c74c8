"""Text tokenised in the extraction workers (``indexer.pretokenized``) is indexed exactly as text
tokenised by the writing process.

The same reports are ingested twice: with the default memory limit, where the workers tokenise,
and with a limit below ``TOKENIZE_MIN_MB``, where the writer tokenises as it always did.  Every
file of the two indexes' segments is compared byte for byte, except the stored fields (pickled
dicts, whose order varies from process to process), compared document by document.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from whoosh import fields
from whoosh import index as whoosh_index

from indexer import corpus
from indexer import ingest as ingest_module
from indexer.filenames import display_name, path_key
from indexer.generator import generate, write
from indexer.ingest import TOKENIZE_MIN_MB, ingest
from indexer.pretokenized import TEXT, Tokenized, tokenize
from indexer.schema import build_schema
from indexer.search import search
from indexer.store import INDEX_NAME, open_existing, schema_signature, text_fields
from indexer.workers import Limits, Lost, imap

SEEDS = sorted((Path(__file__).parent / "data" / "seeds").glob("*.txt"))
FORMS = ("cells", "tsv", "md", "html", "docx", "pdf", "free")


@pytest.fixture(scope="module")
def reports(tmp_path_factory) -> Path:
    """The seeds and generated reports of every form, a free-form one among them."""
    folder = tmp_path_factory.mktemp("pretokenized-reports")
    for seed in SEEDS:
        shutil.copy(seed, folder)
    for k, form in enumerate(FORMS * 2):
        if form == "free":
            write(generate(100 + k, template="free"), "free", folder)
        else:
            write(generate(100 + k), form, folder)
    return folder


def _segment_files(folder: Path) -> dict[str, bytes]:
    ix = whoosh_index.open_dir(str(folder), indexname=INDEX_NAME)
    found = {}
    for number, segment in enumerate(ix._segments()):
        prefix = f"{INDEX_NAME}_{segment.segid}"
        for path in folder.iterdir():
            if path.name.startswith(prefix):
                found[f"{number}{path.name[len(prefix) :]}"] = path.read_bytes()
    return found


def test_worker_tokens_index_what_the_writer_indexes(reports, tmp_path):
    by_workers, by_writer = tmp_path / "workers", tmp_path / "writer"
    summary = ingest([reports], by_workers, workers=2, batch=7)
    assert len(summary.added) == len(SEEDS) + 2 * len(FORMS)
    ingest([reports], by_writer, workers=2, batch=7, limits=Limits(memory_mb=TOKENIZE_MIN_MB - 1))

    ours, theirs = _segment_files(by_workers), _segment_files(by_writer)
    assert sorted(ours) == sorted(theirs)
    assert sum(name.endswith(".pst") for name in ours) >= 2  # several segments, with postings
    for name in ours:
        if not name.endswith("._stored.col"):
            assert ours[name] == theirs[name], name
    a, b = open_existing(by_workers), open_existing(by_writer)
    with a.searcher() as x, b.searcher() as y:
        assert x.doc_count() == y.doc_count() == len(summary.added)
        assert x.doc_count_all() == y.doc_count_all()
        assert [x.stored_fields(n) for n in range(x.doc_count_all())] == [
            y.stored_fields(n) for n in range(y.doc_count_all())
        ]
    for query in ("公开", "依申请公开", '"政府信息公开"', "问题:人员", "主动公开:政府信息"):
        assert search(a, query, per_page=100)["results"] == search(b, query, per_page=100)["results"], query


@pytest.mark.parametrize("losing", [False, True], ids=["settled", "some-lost"])
def test_rewrites_settled_by_the_workers_index_what_the_writer_indexes(reports, tmp_path, monkeypatch, losing):
    """The documents the cross-report pass rewrites (their 雷同 changed by later batches) are
    read, given their new figures and tokenised in worker processes, a chunk of stale reports
    per call, and indexed as the writer would index them; a chunk the workers lost (every
    other one, with ``losing``) is settled by the writer."""
    shipped: list[int] = []

    def counting_imap(fn, items, **kwargs):
        for k, (item, result) in enumerate(imap(fn, items, **kwargs)):
            if fn is ingest_module._restate_chunk:
                if losing and k % 2:
                    result = Lost("worker died")
                else:
                    shipped.append(len(result))
            yield item, result

    by_workers, by_writer = tmp_path / "workers", tmp_path / "writer"
    with monkeypatch.context() as patched:
        patched.setattr(ingest_module, "imap", counting_imap)
        patched.setattr(ingest_module, "PARALLEL_STALE", 1)
        patched.setattr(corpus, "CHUNK", 3)
        ingest([reports], by_workers, workers=2, batch=7)
    assert sum(shipped) >= 3  # the pass rewrote documents the workers settled
    ingest([reports], by_writer, workers=2, batch=7, limits=Limits(memory_mb=TOKENIZE_MIN_MB - 1))

    ours, theirs = _segment_files(by_workers), _segment_files(by_writer)
    assert sorted(ours) == sorted(theirs)
    for name in ours:
        if not name.endswith("._stored.col"):
            assert ours[name] == theirs[name], name


def test_tokenized_text_is_taken_as_given():
    field = build_schema()["sec_problems"]
    text = "工作人员不足，业务培训有待加强"
    entries = Tokenized(field.index(text))
    assert entries and all(isinstance(term, bytes) for term, *_ in entries)
    assert list(field.index(entries)) == list(field.index(text))
    document = {"sec_problems": text, "title": "年度报告", "year": 2022, "record": "{}"}
    assert sorted(tokenize(build_schema(), document)) == ["sec_problems", "title"]


def test_an_index_written_with_whooshs_text_fields_takes_tokenised_reports(reports, tmp_path):
    """An index whose schema was pickled with Whoosh's own TEXT class (as every index written
    before) is not rebuilt, and its writers take the workers' tokens."""
    schema = build_schema().copy()
    for name, field in list(schema.items()):
        if isinstance(field, TEXT):
            schema.remove(name)
            schema.add(name, fields.TEXT(analyzer=field.analyzer, phrase=True))
    assert schema_signature(schema) == schema_signature(build_schema())
    folder = tmp_path / "old"
    folder.mkdir()
    whoosh_index.create_in(str(folder), schema, indexname=INDEX_NAME)
    assert type(whoosh_index.open_dir(str(folder), indexname=INDEX_NAME).schema["content"]) is fields.TEXT

    summary = ingest([reports], folder, workers=2)
    assert len(summary.added) == len(SEEDS) + 2 * len(FORMS) and not summary.failed
    found = search(open_existing(folder), '"政府信息公开"', per_page=100)
    assert found["total"] == len(summary.added)


def test_a_worker_tokenises_every_text_field_unless_memory_is_short(reports):
    """What a worker ships: every text field tokenised (a fallback to untokenised text would
    leave the two indexes above identical and the writer doing all the work)."""
    file = sorted(reports.glob("*.html"))[0]
    job = ingest_module._Job(path_key(file.resolve()), str(file), display_name(file), "digest", False)
    shipped = ingest_module._extract(job)
    assert shipped.record is not None and shipped.reason is None
    assert sorted(shipped.tokens) == sorted(text_fields(shipped.record))
    assert all(isinstance(entries, Tokenized) and entries for entries in shipped.tokens.values())
    untokenised = ingest_module._extract_only(job)
    assert untokenised.record == shipped.record and untokenised.tokens == {}
