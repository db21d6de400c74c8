"""Segment merges that stream, in place of Whoosh's.

Whoosh merges segments by re-adding each document field by field (all 276 of the schema,
each asking the file system whether a length column exists) and every posting to the
writer's sorting pool, which pickles them into runs on disk and sorts them again: two thirds
of the indexing CPU at 20,000 reports.  But each segment's postings are sorted already, by
field, term and document, and a merge keeps the segments' documents in order: the merged
segment's postings are a k-way merge of the segments' terms, each term's documents
renumbered by its segment's offset.  Here that stream goes straight to the codec's writers,
and documents copy only what they hold (stored fields, the lengths of the scored fields,
column values column by column, a numeric column's a segment at a time).

The result holds the same documents, postings, lengths and column values as Whoosh's merge
(``tests/test_merging.py`` compares the two).  It reads posting blocks through the
``whoosh3`` codec's leaf matcher and writes columns through the per-document writer's column
methods (the project pins Whoosh-Reloaded 2.7; the comparison test would catch a change);
other matchers are read posting by posting.
"""

from __future__ import annotations

import heapq
from array import array
from collections.abc import Iterator

import numpy as np
from whoosh.codec.whoosh3 import W3LeafMatcher
from whoosh.columns import NumericColumn, TranslatingColumnReader
from whoosh.reading import SegmentReader
from whoosh.util import fib
from whoosh.util.numlists import delta_decode

from .numbercolumn import number_dtype, write_numbers
from .postingarrays import blocks
from .postingpool import write_terms

GONE = -1  # a deleted document's new number


def merge_small(writer, segments: list) -> list:
    """A merge policy (``writer.commit(mergetype=merge_small)``): Whoosh's choice of segments
    (``whoosh.writing.MERGE_SMALL``: the smallest ones, while their total stays below a
    Fibonacci bound that grows with their number), merged by ``merge_segments``."""
    chosen = small_segments(segments)
    if len(chosen) < 2:
        return segments
    kept = [segment for segment in segments if segment not in chosen]
    return [*kept, merge_segments(writer, chosen)]


def merge_all(writer, segments: list) -> list:
    """A merge policy that merges every segment into one (Whoosh's ``OPTIMIZE``)."""
    if len(segments) < 2:
        return segments
    return [merge_segments(writer, segments)]


def small_segments(segments: list) -> list:
    """The segments ``MERGE_SMALL`` merges (none when fewer than five are small enough)."""
    by_size = sorted(segments, key=lambda s: s.doc_count_all())
    total = 0
    for i, segment in enumerate(by_size):
        total += max(segment.doc_count_all(), 0)
        if i > 3 and total < fib(i + 5):
            return by_size[: i + 1]
    return []


# After an ingest, a segment holding under 1/TIDY_SHARE of the index's live documents is small,
# and the small ones are merged (``tidy_segments``).  Whoosh's MERGE_SMALL (above) lets about
# twenty segments of one batch's size pile up before it merges them: a 100,000-report index kept
# 13 segments of ~1,200 reports beside its three large ones, and each segment costs every query
# fixed work per term.  Merged (23 s, against 1,800 s of ingest), the phrase class's p95 went
# from 52-66 to 37 ms.
TIDY_SHARE = 8
TIDY_MIN = 3  # fewer small segments are left as they are: not worth a merge


def tidy_segments(segments: list) -> list:
    """The small segments a finished ingest merges into one: the small ones, less each
    largest one that holds more documents than the rest together (a merge would less than
    double it); none when fewer than ``TIDY_MIN`` remain.

    As in a binary counter, a segment is rewritten only by a merge that at least doubles it,
    so each document is rewritten a logarithmic number of times however many ingests add to
    the index, and adding a batch to a large index merges the batch's segments, not an
    earlier merge's result.  An index keeps at most ``TIDY_SHARE`` large segments and small
    ones of roughly doubling sizes."""
    total = sum(s.doc_count() for s in segments)
    small = sorted((s for s in segments if s.doc_count() * TIDY_SHARE < total), key=lambda s: -s.doc_count())
    rest = sum(s.doc_count() for s in small)
    while small and small[0].doc_count() * 2 > rest:
        rest -= small.pop(0).doc_count()
    return small if len(small) >= TIDY_MIN else []


def merge_tidy(writer, segments: list) -> list:
    """A merge policy: the segments ``tidy_segments`` chooses, merged by ``merge_segments``."""
    chosen = tidy_segments(segments)
    if len(chosen) < 2:
        return segments
    kept = [segment for segment in segments if segment not in chosen]
    merged = merge_segments(writer, chosen)
    return [*kept, merged] if merged.doc_count_all() else kept  # all deleted: nothing to keep


def merge_segments(writer, segments: list):
    """Write ``segments`` (with their deletions applied) as one new segment of ``writer``'s
    index, and return it; the caller's commit puts it in the table of contents."""
    codec, storage, schema = writer.codec, writer.storage, writer.schema
    segment = codec.new_segment(storage, writer.indexname)
    readers = [SegmentReader(storage, schema, s) for s in segments]
    try:
        perdoc = codec.per_document_writer(storage, segment)
        lengths = {name: array("I") for name, field in schema.items() if field.scorable}
        docmaps, count = [], 0
        for reader in readers:
            docmap, count = _copy_documents(perdoc, schema, reader, count, lengths)
            docmaps.append(docmap)
        _copy_columns(perdoc, schema, readers, docmaps)
        perdoc.close()
        segment.set_doc_count(count)
        fields = codec.field_writer(storage, segment)
        streams = [_terms(reader, docmap, schema) for reader, docmap in zip(readers, docmaps, strict=True)]
        write_terms(fields, schema, heapq.merge(*streams, key=_term_key), lengths)
        fields.close()
    finally:
        for reader in readers:
            reader.close()
    return segment


def _copy_documents(perdoc, schema, reader, base: int, lengths: dict[str, array]) -> tuple[array, int]:
    """Stored fields and scored-field lengths of ``reader``'s live documents, numbered from
    ``base``; ``lengths`` (scored field → length by new number) grows by them.  Returns the
    old → new numbers (``GONE`` for deleted documents) and the next free number."""
    docmap = array("i", [GONE]) * reader.doc_count_all()
    docnum = base
    for old, stored in reader.iter_docs():
        docmap[old] = docnum
        perdoc.start_doc(docnum)
        measured = {name: reader.doc_field_length(old, name) or 0 for name in lengths}
        for name, length in measured.items():
            lengths[name].append(length)
        # In the stored dict's own order: the copy pickles to the same bytes.
        for name, value in stored.items():
            if name in schema:
                perdoc.add_field(name, schema[name], value, measured.get(name, 0))
        for name, length in measured.items():
            if name not in stored:
                perdoc.add_field(name, schema[name], None, length)
        perdoc.finish_doc()
        docnum += 1
    return docmap, docnum


def _copy_columns(perdoc, schema, readers: list, docmaps: list[array]) -> None:
    """Every column value, column by column (a column's writer fills the documents it is not
    given with the column's default, as it does for documents that never had a value)."""
    for name, field in schema.items():
        column = field.column_type
        if not column:
            continue
        target = None
        for reader, docmap in zip(readers, docmaps, strict=True):
            if not reader.has_column(name):
                continue
            values = reader.column_reader(name, column)
            if isinstance(values, TranslatingColumnReader):
                values = values.raw_column()
            if target is None:
                perdoc._create_column(name, column)
                target = perdoc._get_column(name)
            if not _copy_numbers(target, values, docmap):
                for old, new in enumerate(docmap):
                    if new != GONE:
                        target.add(new, values[old])


def _copy_numbers(target, values, docmap: array) -> bool:
    """A numeric column's values for one segment's live documents, written at once
    (``numbercolumn.write_numbers``: the bytes ``target.add(new, values[old])`` document by
    document would write).  False, having written nothing, for a column this does not read as
    an array."""
    if type(values) is not NumericColumn.Reader or type(target) is not NumericColumn.Writer:
        return False
    dtype = number_dtype(values._typecode)
    if dtype is None or not dtype.itemsize == values._fixedlen == target._fixedlen:
        return False
    news = np.frombuffer(docmap, dtype=np.int32)  # by old number
    live = np.flatnonzero(news != GONE)
    if not len(live):
        return True
    default = np.frombuffer(values._defaultbytes, dtype)[0]  # past its end, a column reads its default
    stored = np.frombuffer(values._dbfile.get(values._basepos, values._count * values._fixedlen), dtype)
    held = np.full(len(live), default, dtype)
    inside = live < len(stored)
    held[inside] = stored[live[inside]]
    write_numbers(target, dtype, news[live], held)
    return True


def _term_key(item: tuple) -> tuple:
    return item[0], item[1]


def _terms(reader, docmap: array, schema) -> Iterator[tuple]:
    """``(fieldname, term bytes, ids, weights, values)`` for each term of ``reader`` in the
    order of its terms file (field, then term bytes), ids renumbered by ``docmap`` and
    deleted documents' postings left out."""
    codec, terms = reader.codec(), reader._terms
    for (fieldname, btext), info in terms.items():
        if fieldname not in schema:
            continue
        # Not reader.postings(): it hides deleted documents behind a wrapper, read posting by posting.
        matcher = codec.postings_reader(terms._postfile, info, schema[fieldname].format)
        ids, weights, values = _postings(matcher)
        new = [docmap[i] for i in ids]
        if GONE in new:
            keep = [k for k, n in enumerate(new) if n != GONE]
            if not keep:
                continue
            new = [new[k] for k in keep]
            weights = [weights[k] for k in keep]
            values = [values[k] for k in keep]
        yield fieldname, btext, new, weights, values


def _postings(matcher) -> tuple[list, list, list]:
    """All of a term's postings: block by block from the codec's leaf matcher."""
    ids: list = []
    weights: list = []
    values: list = []
    if isinstance(matcher, W3LeafMatcher):
        for deltas, block_weights, block_values in blocks(matcher):
            ids.extend(delta_decode(deltas))
            weights.extend(block_weights)
            values.extend(block_values)
        return ids, weights, values
    while matcher.is_active():
        ids.append(matcher.id())
        weights.append(matcher.weight())
        values.append(matcher.value())
        matcher.next()
    return ids, weights, values
