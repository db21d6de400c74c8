"""Opening the index folder and turning reports into Whoosh documents."""

from __future__ import annotations

import json
import os
from array import array
from bisect import bisect_right
from collections.abc import Callable
from concurrent import futures
from concurrent.futures import ThreadPoolExecutor
from contextlib import AbstractContextManager, nullcontext
from pathlib import Path

from whoosh import fields, index
from whoosh.codec.whoosh3 import LENGTHS_COLUMN, _lenfield
from whoosh.util.numeric import byte_to_length
from whoosh.writing import NO_MERGE, SegmentWriter

from analyzers.bigram import PART_MARK

from .errors import NianbaoError
from .extract.ratios import ratios
from .levels import level_of
from .merging import merge_small, merge_tidy, tidy_segments
from .models import Report
from .numbercolumn import column_dtype, write_numbers
from .postingpool import TermPool, write_terms
from .registry import CHECK_ANY
from .registry import facets as registry_facets
from .schema import SECTION_FIELDS, build_schema, facet_field, part_of

INDEX_NAME = "nianbao"
# The content field's part for text in no recognised section (after the six sections').
UNSECTIONED_PART = len(SECTION_FIELDS) + 1


class IndexMissing(NianbaoError):
    status = 503

    def __init__(self, folder: Path):
        super().__init__(
            f"no index in {folder}",
            hint="run `nianbao ingest PATH...` first, or point --index / NIANBAO_INDEX at an index",
            message_zh=f"索引文件夹 {folder} 中还没有索引",
            hint_zh="请先运行 nianbao ingest 报告所在文件夹，或用 --index / NIANBAO_INDEX 指向已有的索引",
        )


def index_folder(given: str | os.PathLike | None) -> Path:
    """The index folder: as given, else $NIANBAO_INDEX, else ./index_data."""
    return Path(given or os.environ.get("NIANBAO_INDEX") or "index_data")


class IndexOutdated(NianbaoError):
    status = 503

    def __init__(self, folder: Path):
        super().__init__(
            f"the index in {folder} was built by an older version of nianbao",
            hint="run `nianbao ingest` on the reports again: it rebuilds the index",
            message_zh=f"索引 {folder} 由旧版本的 nianbao 建立，字段不同",
            hint_zh="请重新运行 nianbao ingest 报告所在文件夹，它会重建索引",
        )


def schema_signature(schema) -> tuple:
    """What makes two schemas index alike: field names, types and analyzers."""

    def analyzer(field) -> str:
        found = getattr(field, "analyzer", None)
        parts = getattr(found, "items", [found]) if found is not None else []
        return "|".join(type(p).__name__ for p in parts)

    return tuple((name, type(field).__name__, analyzer(field)) for name, field in sorted(schema.items()))


def open_or_create(folder: Path) -> tuple[index.Index, bool]:
    """The index in ``folder``, and whether it was (re)built empty: an index of an older
    schema is rebuilt, since its documents would not answer today's queries."""
    folder.mkdir(parents=True, exist_ok=True)
    if index.exists_in(str(folder), indexname=INDEX_NAME):
        ix = index.open_dir(str(folder), indexname=INDEX_NAME)
        if schema_signature(ix.schema) == schema_signature(build_schema()):
            # With today's field classes, whatever classes the index was written with: its
            # writers take text tokenised by the ingest workers (indexer.pretokenized).
            return index.open_dir(str(folder), indexname=INDEX_NAME, schema=build_schema()), False
    return index.create_in(str(folder), build_schema(), indexname=INDEX_NAME), True


def open_existing(folder: Path) -> index.Index:
    if not index.exists_in(str(folder), indexname=INDEX_NAME):
        raise IndexMissing(folder)
    ix = index.open_dir(str(folder), indexname=INDEX_NAME)
    if schema_signature(ix.schema) != schema_signature(build_schema()):
        raise IndexOutdated(folder)
    return ix


def writer(ix):
    """A writer for ``ix``: segments written as separate files, not one compound file.

    Whoosh reads a compound segment by copying each part into memory every time a
    searcher opens it (``BufferFile`` over ``BytesIO``): per query, and per thread of
    the server. Separate files are read in place, through the page cache.
    """
    return _Writer(ix, limitmb=256, compound=False)


class _Writer(SegmentWriter):
    """Whoosh's segment writer, writing the same segment with less of the writer's CPU:

    - its postings held by term (``postingpool.TermPool``) and written a block at a time;
    - each field's postings handed to the pool in one call, not one call per posting (about
      600 postings a report, most of them a text field a worker tokenised);
    - the number columns' values (the facets', about 150 a report) held in arrays and each
      column written whole when the segment is flushed (``numbercolumn``), not packed and
      written one value at a time;
    - its flush reading each field's lengths once (Whoosh's asks the length of each
      posting's field through the column file layer, a seek and a read each time).

    ``tests/test_writer.py`` holds the segment to Whoosh's own writer's, byte for byte."""

    def __init__(self, ix, **kwargs):
        super().__init__(ix, **kwargs)
        self.pool = TermPool(self._tempstorage, self.newsegment, limitmb=self.pool.limit // 2**20)  # Whoosh's limit
        # Column-only number fields: field name → (numpy type, document numbers, values), held
        # in arrays (12 bytes a value: a 12,700-report rewrite holds about two million)
        self._numbers = {
            name: (dtype, array("I"), array(field.column_type._typecode))
            for name, field in self.schema.items()
            if type(field) is fields.COLUMN and (dtype := column_dtype(field.column_type)) is not None
        }
        # What _add does not do: spelling and vector fields; a field boost that is not a float
        # (Whoosh multiplies each weight by it, which makes an integer weight a float)
        self._plain = all(
            not field.separate_spelling() and not field.vector and type(field.format.field_boost) is float
            for _, field in self.schema.items()
            if field.indexed
        )

    def add_document(self, **values):
        """Whoosh's ``add_document``, the same calls in the same order, but for the two kinds
        of field taken in bulk (a COLUMN field's column value is its value).  A document with
        boosts or custom stored values (keys starting with ``_``), or a schema ``_add`` does not
        cover (``_plain``), is Whoosh's to add, its number columns still held."""
        docnum = self.docnum
        numbers = [(self._numbers[name], values.pop(name)) for name in self._numbers.keys() & values.keys()]
        if self._plain and not any(name.startswith("_") for name in values):
            self._add(docnum, values)
        else:
            super().add_document(**values)
        for (_, docnums, held), value in numbers:  # only once the document is in
            if value is not None:
                docnums.append(docnum)
                held.append(value)

    def _add(self, docnum: int, values: dict) -> None:
        self._check_state()
        perdoc, schema, pool = self.perdocwriter, self.schema, self.pool
        names = sorted(values)
        self._check_fields(schema, names)
        perdoc.start_doc(docnum)
        try:
            for name in names:
                value = values[name]
                if value is None:
                    continue
                field = schema[name]
                length = 0
                if field.indexed:  # a Tokenized value's index() is the value itself
                    length = pool.add_field(name, docnum, field.index(value))
                    if not field.scorable:
                        length = 0
                perdoc.add_field(name, field, value if field.stored else None, length)
                if field.column_type:
                    perdoc.add_column_value(name, field.column_type, field.to_column_value(value))
        except Exception:
            perdoc.cancel_doc()
            raise
        perdoc.finish_doc()
        self._added = True
        self.docnum += 1

    def _flush_segment(self):
        perdoc = self.perdocwriter
        for name, (dtype, docnums, held) in self._numbers.items():
            if docnums:
                perdoc._create_column(name, self.schema[name].column_type)
                write_numbers(perdoc._get_column(name), dtype, docnums, held)
        perdoc.close()
        stored = self.per_document_reader() if self.codec.length_stats else None
        lengths = _FieldLengths(stored) if stored is not None else {}
        write_terms(self.fieldwriter, self.schema, self.pool.iter_terms(), lengths)
        self.fieldwriter.close()
        if stored is not None:
            stored.close()


class _FieldLengths:
    """Each field's length in each document as the codec's per-document reader answers it
    (``byte_to_length``: lengths are stored to one byte), read once per field."""

    def __init__(self, stored):
        self._stored = stored
        self._fields: dict[str, list[int]] = {}

    def get(self, fieldname: str) -> list[int]:
        found = self._fields.get(fieldname)
        if found is None:
            found = self._fields[fieldname] = self._read(fieldname)
        return found

    def _read(self, fieldname: str) -> list[int]:
        name = _lenfield(fieldname)
        if not self._stored.has_column(name):
            return [0] * self._stored.doc_count_all()
        return [byte_to_length(b) if b else 0 for b in self._stored.column_reader(name, LENGTHS_COLUMN)]


def commit(writer, *, merge: bool = True, around_merges: Callable[[], AbstractContextManager] = nullcontext) -> None:
    """Commit ``writer``'s batch; with ``merge``, small segments are merged as Whoosh would
    choose them, by ``merging.merge_small`` (a streaming merge, 3x less CPU than Whoosh's),
    inside ``around_merges()`` (the benchmark times the merges apart from the rest of a commit)."""
    if not merge:
        writer.commit(mergetype=NO_MERGE)
        return

    def policy(writer, segments: list) -> list:
        with around_merges():
            return merge_small(writer, segments)

    writer.commit(mergetype=policy)


def tidy(ix, meanwhile: Callable[[list], object] | None = None) -> bool:
    """Merge the small segments an ingest leaves behind (``merging.tidy_segments``); False,
    and no new generation, when there are not enough to merge.

    ``meanwhile``, when given, is called in a thread with the segments the merge keeps as it
    starts, and in another with the segment it made once that is committed, and both are
    waited for: an ingest writes their posting files in its workers, as the merge alone
    would leave a core idle."""
    if not tidy_segments(ix._segments()):
        return False
    tidying = writer(ix)
    chosen = tidy_segments(tidying.segments)
    kept = [segment for segment in tidying.segments if segment not in chosen]
    with ThreadPoolExecutor(2) as beside:
        running = [beside.submit(meanwhile, kept)] if meanwhile is not None else []
        try:
            tidying.commit(mergetype=merge_tidy)
        except BaseException:
            futures.wait(running)  # the kept segments' files: nothing of the failed merge
            abandon(tidying)
            raise
        if meanwhile is not None:
            kept_ids = {segment.segment_id() for segment in kept}
            made = [segment for segment in ix._segments() if segment.segment_id() not in kept_ids]
            running.append(beside.submit(meanwhile, made))
        for done in running:
            done.result()
    return True


def abandon(writer) -> None:
    """Drop the uncommitted batch. When the disk refuses even that (it is full), let go of the
    lock all the same: the table of contents of the last commit was never touched, and the next
    commit deletes the half-written files."""
    if getattr(writer, "is_closed", False):  # committed already: nothing to drop
        return
    try:
        writer.cancel()
    except OSError:
        if getattr(writer, "writelock", None) is not None:
            writer.writelock.release()


class Column:
    """``column[docnum]`` of a field's column over any reader, aligned segment by segment.

    Whoosh's ``MultiReader.column_reader`` joins only the segments that have the
    column, so in an index whose early segments lack it (their reports stated no
    such facet) a document is read from the wrong segment: another report's value,
    or a struct error.  Here each segment answers for its own documents, and a
    segment without the column answers the column's default (NaN: absent).
    """

    def __init__(self, reader, fieldname: str):
        column_type = reader.schema[fieldname].column_type
        self.default = column_type.default_value() if column_type is not None else None
        self.bases: list[int] = []
        self.readers: list = []
        for leaf, base in reader.leaf_readers():
            self.bases.append(base)
            self.readers.append(leaf.column_reader(fieldname) if leaf.has_column(fieldname) else None)

    def __getitem__(self, docnum: int):
        k = bisect_right(self.bases, docnum) - 1
        column = self.readers[k]
        return self.default if column is None else column[docnum - self.bases[k]]


def column_text(value: str | bytes) -> str:
    """A value read from an ID field's column (Whoosh keeps them as bytes)."""
    return value.decode("utf-8") if isinstance(value, bytes) else value


def consistency(checks: list[dict]) -> str:
    """'no' when any of the report's own checks fails, 'yes' when all pass, else 'unknown'."""
    if not checks:
        return "unknown"
    return "yes" if all(c["ok"] for c in checks) else "no"


def failed_rules(findings: list[dict] | None) -> list[str]:
    """The rules of a record's findings that failed, each once, in the order they first failed."""
    return list(dict.fromkeys(c["rule"] for c in findings or [] if not c["ok"]))


def finding_terms(findings: list[dict]) -> tuple[str, str]:
    """The ``check_failed`` and ``check_passed`` terms of a record's findings: a rule fails
    when any of its checks fails and passes when all of them pass; CHECK_ANY is among the
    failed when any rule failed, among the passed when rules ran and none failed."""
    failed = failed_rules(findings)
    passed = [rule for rule in dict.fromkeys(c["rule"] for c in findings) if rule not in failed]
    if failed:
        failed.append(CHECK_ANY)
    elif passed:
        passed.append(CHECK_ANY)
    return " ".join(failed), " ".join(passed)


def to_document(report: Report, path: str) -> dict:
    """The Whoosh document of a report; ``path`` is its normalised source path."""
    return record_document(report.to_record(), path)


def record_document(record: dict, path: str) -> dict:
    """The Whoosh document of an extraction record (as ``Report.to_record`` gives it, or as the
    index stores it, so ingest can rewrite a stored report whose findings changed)."""
    region = record["region"]
    failed, passed = finding_terms(record.get("findings") or [])
    doc = {
        "path": path,
        "id": record["id"],
        "content_hash": record["content_hash"],
        "agency_key": record["agency"] or "",
        "body_key": record.get("agency_key") or "",
        "level": level_of(region),
        "province": region["province"] or "",
        "city": region["city"] or "",
        "county": region["county"] or "",
        "template": record["template"],
        "consistent": consistency(record["checks"]),
        "check_failed": failed,
        "check_passed": passed,
        "warning_count": len(record.get("warnings") or []),
        "record": json.dumps(record, ensure_ascii=False),
        **text_fields(record),
    }
    if record["year"] is not None:
        doc["year"] = record["year"]
    known = registry_facets()
    doc.update({facet_field(k): float(v) for k, v in facet_values(record).items() if k in known})
    return doc


def text_fields(record: dict) -> dict[str, str]:
    """The document's text fields (title, agency, sections, ``content``): what the analyzers
    read, and all that ingest's workers need to tokenise a report (``indexer.pretokenized``)."""
    sections = {SECTION_FIELDS[name]: text for name, text in record["sections"].items()}
    # Parts of the bigram field: 0 title and agency, 1-6 the sections (indexer.textquery),
    # 7 the text of a report whose headings were not recognised: found by a search of the
    # whole text, never by one held to a section.  A part mark inside a file's own text
    # would move what follows into another part: it is blanked.
    heading = "\n".join(filter(None, [record["title"], record["agency"]]))
    parts = [(0, heading), *((part_of(name), text) for name, text in record["sections"].items())]
    if record.get("unsectioned"):
        parts.append((UNSECTIONED_PART, record["unsectioned"]))
    content = "".join(f"{PART_MARK}{part}{text.replace(PART_MARK, ' ')}" for part, text in parts)
    return {"title": record["title"] or "", "agency": record["agency"] or "", "content": content, **sections}


def facet_values(record: dict) -> dict[str, float]:
    """Every facet value of a record: read from the report, derived from its own facets
    (``ratios``), and set against other reports (``yoy`` 同比, ``copying`` 雷同)."""
    # A record stored before ratios were derived has none: they are derived from its facets.
    derived = record["ratios"] if "ratios" in record else ratios(record["facets"])
    return {**record["facets"], **derived, **(record.get("yoy") or {}), **(record.get("copying") or {})}
