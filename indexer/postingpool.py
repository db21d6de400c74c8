"""Postings on their way to a segment: held by term while a writer adds documents, and written
to the codec a block at a time.

Whoosh's writer puts every posting into a sorting pool as a ``(field, term, document, weight,
value)`` tuple, sorts the whole batch (about 600,000 tuples for 1,000 reports) when it flushes,
and hands the codec one posting per call, each call checking the posting's types and updating
the block's statistics.  A writer's documents arrive in number order, so the postings of each
term are in order already: held in lists per term, only the terms need sorting, and each term's
lists go to the codec's block writer in slices of a block.  The segment written is the same byte
for byte (``tests/test_writer.py``, ``tests/test_merging.py``).
"""

from __future__ import annotations

import heapq
import itertools
import pickle
from collections.abc import Iterator, Sequence
from operator import itemgetter

from whoosh.codec.whoosh3 import W3FieldWriter, W3PostingsWriter
from whoosh.writing import PostingPool

# What one held posting costs in memory beside its term's and value's bytes: its tuple (80),
# its slot in the term's list (8), its weight (24), and its own term and value bytes objects
# (33 each: the writer encodes each document's terms afresh); the field name and document
# number are shared.  The pool spills to a sorted run on disk past its limit.
_POSTING_BYTES = 178

_FIELD_TERM = itemgetter(0, 1)

# Postings pickled together in a spilled run: few calls, and a few MB held per run while the
# runs are merged.
_RUN_CHUNK = 50_000


class TermPool(PostingPool):
    """Whoosh's posting pool (``whoosh.writing.PostingPool``), holding the postings of each
    term in document-number order instead of as one list of tuples to sort.

    Past the writer's memory limit (a rewrite of many thousands of reports in one commit) the
    held postings are written to a temporary run file term by term, and the runs are merged
    term by term at the end."""

    def __init__(self, tempstore, segment, limitmb: int = 128, **kwargs) -> None:
        super().__init__(tempstore, segment, limitmb=limitmb, **kwargs)
        # field name → term bytes → the term's postings, Whoosh's tuples, in document order
        self._fields: dict[str, dict[bytes, list[tuple]]] = {}

    def add(self, item: tuple) -> None:
        """One posting, ``(field name, term bytes, document, weight, value)``, as Whoosh's writer
        adds them one at a time."""
        fieldname, tbytes, docnum, weight, vbytes = item
        self.add_field(fieldname, docnum, ((tbytes, 0, weight, vbytes),))

    def add_field(self, fieldname: str, docnum: int, entries) -> int:
        """One document's postings of one field, as ``add`` takes them one at a time:
        ``entries`` are the field's ``(term bytes, frequency, weight, value)`` as its ``index``
        gives them.  Returns the frequencies' sum (the field's length in the document)."""
        terms = self._fields.get(fieldname)
        if terms is None:
            terms = self._fields[fieldname] = {}
        length = size = count = 0
        for tbytes, freq, weight, vbytes in entries:
            # Kept as Whoosh's posting tuple: as cheap as the list Whoosh's pool appends to
            # (three lists per term took twice as long)
            item = (fieldname, tbytes, docnum, weight, vbytes)
            postings = terms.get(tbytes)
            if postings is None:
                terms[tbytes] = [item]
            else:
                postings.append(item)
            length += freq
            size += len(tbytes) + len(vbytes or b"")
            count += 1
        # The limit checked once a field, not once a posting: a run passes it by one field's postings at most
        self.currentsize += count * _POSTING_BYTES + size
        if self.currentsize > self.limit:
            self.save()
        return length

    def _held_terms(self) -> Iterator[tuple[str, bytes, Sequence, Sequence, Sequence]]:
        """The held terms as ``iter_terms`` gives them, in order: field name, then term bytes."""
        for fieldname in sorted(self._fields):
            terms = self._fields[fieldname]
            for tbytes in sorted(terms):
                _, _, ids, weights, values = zip(*terms[tbytes], strict=True)  # transposed in C
                yield fieldname, tbytes, ids, weights, values

    def save(self) -> None:
        """Write the held postings as a run: the terms in order, each with its postings
        transposed, pickled about ``_RUN_CHUNK`` postings at a time.  (Whoosh's runs hold a
        pickle per posting, merged posting by posting through a heap: at 100,000 reports that
        cost the cross-report pass's rewrite of 12,700 of them over a third of its time.)"""
        if not self._fields:
            return
        path, f = self._new_run()
        with f:
            chunk, postings = [], 0
            for term in self._held_terms():
                chunk.append(term)
                postings += len(term[2])
                if postings >= _RUN_CHUNK:
                    pickle.dump(chunk, f, pickle.HIGHEST_PROTOCOL)
                    chunk, postings = [], 0
            if chunk:
                pickle.dump(chunk, f, pickle.HIGHEST_PROTOCOL)
        self.runs.append(path)
        self._fields = {}
        self.currentsize = 0

    def _run_terms(self, path: str) -> Iterator[tuple]:
        """A run's terms in order; the run's file is removed once read.  (Not Whoosh's
        ``_read_run``, which reads its own runs posting by posting.)"""
        f = self._open_run(path)
        try:
            while True:
                try:
                    chunk = pickle.load(f)
                except EOFError:
                    return
                yield from chunk
        finally:
            f.close()
            self._remove_run(path)

    def iter_postings(self) -> Iterator[tuple]:
        """Every posting as Whoosh's pool gives it: ``(field, term, document, weight, value)``
        in that order."""
        for fieldname, tbytes, ids, weights, values in self.iter_terms():
            for docnum, weight, vbytes in zip(ids, weights, values, strict=True):
                yield fieldname, tbytes, docnum, weight, vbytes

    def iter_terms(self) -> Iterator[tuple[str, bytes, Sequence, Sequence, Sequence]]:
        """``(field, term bytes, documents, weights, values)`` for every term, in order."""
        if not self.runs:
            yield from self._held_terms()
            return
        # Documents arrive in number order, so each run holds later documents than the one
        # before: a term found in several runs is its parts joined in run order (the merge
        # keeps equal terms in the order of its inputs), the held postings last.
        runs, self.runs = self.runs, []
        parts = heapq.merge(*(self._run_terms(path) for path in runs), self._held_terms(), key=_FIELD_TERM)
        for (fieldname, tbytes), same in itertools.groupby(parts, key=_FIELD_TERM):
            joined = list(same)
            if len(joined) == 1:
                yield joined[0]
                continue
            ids, weights, values = (tuple(itertools.chain.from_iterable(part[i] for part in joined)) for i in (2, 3, 4))
            yield fieldname, tbytes, ids, weights, values


def write_terms(fields, schema, terms: Iterator[tuple], lengths: dict[str, Sequence[int]]) -> None:
    """Write ``(field, term bytes, documents, weights, values)`` terms, in field and term order,
    through the codec's field writer, each document's field length taken from ``lengths``
    (field → length by document number; a field not there has none).  The calls are those
    of Whoosh's ``FieldWriter.add_postings`` for the same postings one at a time."""
    field = text = None
    lens: Sequence[int] | None = None
    for fieldname, btext, ids, weights, values in terms:
        if fieldname != field:
            if text is not None:
                fields.finish_term()
            if field is not None:
                fields.finish_field()
            fields.start_field(fieldname, schema[fieldname])
            field, text, lens = fieldname, None, lengths.get(fieldname)
        if btext != text:
            if text is not None:
                fields.finish_term()
            fields.start_term(btext)
            text = btext
        _add(fields, ids, weights, values, lens)
    if text is not None:
        fields.finish_term()
    if field is not None:
        fields.finish_field()


def _add(fields, ids: Sequence[int], weights: Sequence[float], values: Sequence, lens: Sequence[int] | None) -> None:
    """One term's postings.  Into the ``whoosh3`` codec's block buffer a slice at a time, with
    the block statistics ``W3PostingsWriter.add_posting`` keeps posting by posting: a full
    block is written when the next posting comes; the largest weight; the shortest and longest
    non-zero length; only non-empty values.  Other codecs take them one by one."""
    lengths = [0] * len(ids) if lens is None else [lens[docnum] for docnum in ids]
    post = fields._postwriter if type(fields) is W3FieldWriter else None
    if type(post) is not W3PostingsWriter or post._byteids:
        for docnum, weight, value, length in zip(ids, weights, values, lengths, strict=True):
            fields.add(docnum, weight, value if value is not None else b"", length)
        return
    limit, start, end = post._blocklimit, 0, len(ids)
    while start < end:
        if len(post._ids) >= limit:
            post._write_block()
        stop = min(end, start + limit - len(post._ids))
        post._ids.extend(ids[start:stop])
        block_weights = weights[start:stop]
        post._weights.extend(block_weights)
        post._maxweight = max(post._maxweight, *block_weights)
        post._values.extend(value for value in values[start:stop] if value)
        stated = [length for length in lengths[start:stop] if length]
        if stated:
            shortest = min(stated)
            if post._minlength is None or shortest < post._minlength:
                post._minlength = shortest
            post._maxlength = max(post._maxlength, *stated)
        start = stop
