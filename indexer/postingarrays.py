"""A term's postings in one segment as numpy arrays, kept while queries keep asking for them.

Whoosh hands postings out one at a time through several layers of Python
matchers: about 10 µs a document for a word found in 40,000 reports, and for a
phrase, a pickle decoded per document and bigram on every query. Read once per
segment and term into arrays, a query's matching, scoring and phrase checks
are a few vectorised operations (``arraymatch``).

Arrays are read block by block from the codec's leaf matcher (``reader._terms``,
Whoosh's term table: the public ``postings()`` wraps it in a per-posting filter
of deleted documents, which ``arraymatch`` applies once at the end instead).
Deleted documents are included here. A segment never changes, so an entry
stays valid while the segment lives; the cache holds at most ``BUDGET`` bytes
and forgets the least recently used terms first.
"""

from __future__ import annotations

import contextlib
import os
import pickle
import threading
import zlib
from bisect import bisect_right
from collections import OrderedDict
from collections.abc import Iterator
from dataclasses import dataclass
from itertools import chain

import numpy as np
from whoosh.codec.whoosh3 import W3LeafMatcher, W3TermInfo
from whoosh.filedb.filestore import FileStorage
from whoosh.formats import Positions
from whoosh.index import TOC
from whoosh.reading import SegmentReader

from . import postingfile
from .workers import Limits, Lost, WorkersFailed, imap

# Bytes of arrays kept (postings packed, see _Packed). At 100,000 reports the server peaked at
# 1.14 GB with 512 MB of unpacked postings; see the README for the figures at this budget.
BUDGET = 320 * 1024 * 1024
POSITION_BITS = 32  # a phrase key is docnum << 32 | position: positions stay far below 2**32


@dataclass(frozen=True)
class Postings:
    ids: np.ndarray  # int64, ascending: the segment's document numbers holding the term
    weights: np.ndarray  # float64: the term's frequency in each (Whoosh's posting weight)


_cache: OrderedDict[tuple, object] = OrderedDict()
_held = 0
_lock = threading.Lock()


def _cached(key: tuple, read):
    global _held
    with _lock:
        found = _cache.get(key)
        if found is not None:
            _cache.move_to_end(key)
            return found
    found = read()
    size = _nbytes(found)
    with _lock:
        if key not in _cache:
            _cache[key] = found
            _held += size
            while _held > BUDGET and len(_cache) > 1:
                _, dropped = _cache.popitem(last=False)
                _held -= _nbytes(dropped)
    return found


@dataclass(frozen=True)
class _Packed:
    """Postings as the cache keeps them: each array in the narrowest type that holds it (about
    5 bytes a posting instead of 16; at 100,000 reports postings were four fifths of the
    cache), widened again on every use (microseconds for tens of thousands of documents)."""

    ids: np.ndarray
    weights: np.ndarray

    @classmethod
    def of(cls, found: Postings) -> _Packed:
        return cls(postingfile.narrow(found.ids), postingfile.narrow(found.weights))

    def unpacked(self) -> Postings:
        return Postings(_frozen(self.ids.astype(np.int64)), _frozen(self.weights.astype(np.float64)))


def _nbytes(item) -> int:
    if isinstance(item, _Packed):
        return item.ids.nbytes + item.weights.nbytes
    return item.nbytes


def _matcher(leaf, fieldname: str, btext: bytes):
    """The codec's matcher over every posting of the term (deleted documents included), or None."""
    if (fieldname, btext) not in leaf:
        return None
    return leaf._terms.matcher(fieldname, btext, leaf.schema[fieldname].format)


_frequencies: dict[tuple, int] = {}
_FREQUENCIES = 200_000  # terms remembered (about 40 MB), then forgotten all at once


def doc_frequency(leaf, fieldname: str, btext: bytes) -> int:
    """How many of segment ``leaf``'s documents (deleted ones included) hold the term; 0 when
    none does. Remembered: a query asks it of every segment several times (Whoosh's idf, its
    choice of intersection order and of union, the term's existence), and each answer from
    the term table is a hash lookup through Whoosh's Python file layer, about 30 µs."""
    segment = leaf.segment()
    if segment is None:  # not a segment's reader: nothing to remember it by
        return leaf.doc_frequency(fieldname, btext)
    key = (segment_id(segment), fieldname, btext)
    found = _frequencies.get(key)
    if found is None:
        try:
            found = leaf._terms.doc_frequency(fieldname, btext) if fieldname in leaf.schema else 0
        except KeyError:
            found = 0
        if len(_frequencies) >= _FREQUENCIES:
            _frequencies.clear()
        _frequencies[key] = found
    return found


_segment_ids: dict[int, tuple] = {}


def segment_id(segment) -> str:
    """``segment.segment_id()``, remembered: Whoosh formats the string on every call, and a
    phrase query asked it about seventy times per segment (every cache here and in
    ``facetarrays`` is keyed by it)."""
    found = _segment_ids.get(id(segment))
    if found is None or found[0] is not segment:
        if len(_segment_ids) >= 4096:  # segments of generations long gone
            _segment_ids.clear()
        found = _segment_ids[id(segment)] = (segment, segment.segment_id())
    return found[1]


def postings(leaf, fieldname: str, btext: bytes) -> Postings | None:
    """The term's documents and weights in segment ``leaf``; None when the segment lacks the term."""
    key = (segment_id(leaf.segment()), "postings", fieldname, btext)
    if not doc_frequency(leaf, fieldname, btext):
        return None

    def read() -> _Packed:
        entry = _from_file(leaf, fieldname, btext, positions=False)
        if entry is not None:
            return _Packed.of(_postings_of(entry))
        return _Packed.of(_read_postings(_matcher(leaf, fieldname, btext)))

    return _cached(key, read).unpacked()


def _read_postings(matcher) -> Postings:
    if not _blockwise(matcher):
        return _one_by_one(matcher)[0]
    deltas: list = []
    sizes: list = []
    weights: list = []
    while matcher.is_active():
        block_ids, block_weights = _block_head(matcher)
        deltas.extend(block_ids)
        sizes.append(len(block_ids))
        if block_weights is None:  # the codec's shorthand: every weight 1.0, or all one value
            weights.extend([1.0] * len(block_ids))
        elif isinstance(block_weights, float):
            weights.extend([block_weights] * len(block_ids))
        else:
            weights.extend(block_weights)
        matcher._next_block()
    ids = _restarted_sums(np.array(deltas, dtype=np.int64), np.array(sizes, dtype=np.int64))
    return Postings(_frozen(ids), _frozen(np.array(weights, dtype=np.float64)))


_VALUES_START = b"c_codecs\nencode\n"  # how protocol 2 pickles the first bytes value of a block


def _block_head(matcher) -> tuple:
    """The current block's document-number deltas and weights, without its values.

    A block is one pickle of ``(ids, weights, values)``, zlib-compressed. Protocol 2 has no
    bytes type, so each value is pickled as a call to ``_codecs.encode`` on a latin-1 string:
    two thirds of the block's unpickling time, and a postings read needs none of it. So only
    the start of the block is inflated, cut where the values begin, and closed as a pair.
    Anything unexpected falls back to Whoosh's own reading of the whole block.
    """
    count = matcher._blocklength
    raw = matcher._postfile.get(matcher._dataoffset, matcher._nextoffset - matcher._dataoffset)
    # At most 5 bytes per id (J and an int32) and 9 per weight (G and a double), plus framing.
    wanted = 14 * count + 64
    head = zlib.decompressobj().decompress(raw, wanted) if matcher._compression else raw[:wanted]
    at = head.find(_VALUES_START)
    if at > 0:
        if head[at - 1] == ord("("):  # the values' MARK: a tuple of more than three
            at -= 1
        try:
            ids, weights = pickle.loads(head[:at] + b"\x86.")  # TUPLE2, STOP
        except (pickle.UnpicklingError, ValueError, EOFError, TypeError):
            ids, weights = None, None
        if (
            isinstance(ids, tuple)
            and len(ids) == count
            and (weights is None or (isinstance(weights, tuple) and len(weights) == count))
        ):
            return ids, weights
    matcher._read_data()
    return matcher._data[0], matcher._data[1]


def _blockwise(matcher) -> bool:
    """Whether the matcher is Whoosh's own codec's, whose blocks hold delta-coded document numbers."""
    return isinstance(matcher, W3LeafMatcher) and not matcher._byteids


def _restarted_sums(steps: np.ndarray, sizes: np.ndarray) -> np.ndarray:
    """Running sums of ``steps`` restarted at the start of each run of ``sizes`` items."""
    total = np.cumsum(steps)
    before = np.concatenate(([0], total))[np.cumsum(sizes) - sizes]
    return total - np.repeat(before, sizes)


SPARSE = 8  # read only the blocks holding wanted documents when there are this many times fewer


def position_keys(leaf, fieldname: str, btext: bytes, within: np.ndarray | None = None) -> np.ndarray:
    """Every occurrence of the term in segment ``leaf`` as ``docnum << 32 | position``, ascending.

    The blocks read for them hold the documents and weights too: those are kept as the
    term's ``postings``, so a phrase reads each of its terms' blocks once. With ``within``
    (document numbers, ascending) far fewer than the term's documents, and the term's
    positions not read yet, only the blocks holding those documents are read (and the answer
    is not kept): a rare phrase of common bigrams reads a few blocks of each, not all.
    The answer may hold other documents of those blocks; callers keep the ones they want."""
    segment = segment_id(leaf.segment())
    count = doc_frequency(leaf, fieldname, btext)
    if not count:
        return _frozen(np.zeros(0, dtype=np.int64))
    key = (segment, "positions", fieldname, btext)
    if within is not None:
        known = _peek(key)
        if known is not None:
            return known
        if len(within) * SPARSE < count and _posting_file(leaf) is None:
            found, counts, steps = _read_positions(
                _matcher(leaf, fieldname, btext), leaf.schema[fieldname].format, within
            )
            return _keys(found.ids, counts, steps)

    def read() -> np.ndarray:
        entry = _from_file(leaf, fieldname, btext, positions=True)
        if entry is not None and entry.counts is not None:
            found, counts, steps = _postings_of(entry), entry.counts, entry.steps
        else:
            format_ = leaf.schema[fieldname].format
            found, counts, steps = _read_positions(_matcher(leaf, fieldname, btext), format_)
        _cached((segment, "postings", fieldname, btext), lambda: _Packed.of(found))
        return _keys(found.ids, counts, steps)

    return _cached(key, read)


FILE_MIN_DOCS = 100  # a smaller segment is read from Whoosh's blocks (1,000 before: the last batches' segments had none)
FILE_TIMEOUT = 3600.0  # seconds for a worker to write one file (100,000 reports: 44 s for all)
_files: OrderedDict[str, postingfile.PostingFile] = OrderedDict()
_OPEN_FILES = 64


def _posting_file(leaf) -> postingfile.PostingFile | None:
    """The segment's posting file (``postingfile``), when it has one."""
    segment = leaf.segment()
    with _lock:
        found = _files.get(segment_id(segment))
    if found is not None:
        return found
    path = _file_path(leaf._storage, segment)
    if path is None or not os.path.exists(path):
        return None  # looked for again at the next read: an ingest may write it meanwhile
    try:
        found = postingfile.PostingFile(path)
    except (OSError, ValueError):  # gone with a merge, or damaged: Whoosh's blocks still answer
        return None
    with _lock:
        _files[segment_id(segment)] = found
        while len(_files) > _OPEN_FILES:
            _files.popitem(last=False)
    return found


def _file_path(storage, segment) -> str | None:
    """Where ``segment``'s posting file lives; None for storage outside a folder."""
    folder = getattr(storage, "folder", None)
    return os.path.join(folder, segment.make_filename(postingfile.EXTENSION)) if folder else None


def _postings_of(entry: postingfile.Entry) -> Postings:
    return Postings(_frozen(entry.ids), _frozen(entry.weights))


def _from_file(leaf, fieldname: str, btext: bytes, positions: bool) -> postingfile.Entry | None:
    found = _posting_file(leaf)
    return found.read(postingfile.term_key(fieldname, btext), positions) if found is not None else None


def write_files(ix, workers: int = 1, memory_mb: int = 0) -> int:
    """Write the posting file of every segment of the index's latest generation that has at
    least ``FILE_MIN_DOCS`` documents and no file yet; the number written. Run once an ingest
    has committed everything: a file per commit cost the ingest 8 % more CPU at 5,000 reports,
    mostly for segments the next merges replaced. Skipped while another writer holds the index.
    ``workers`` and ``memory_mb`` as for ``write_due``."""
    lock = ix.lock("WRITELOCK")
    if not lock.acquire(False):
        return 0
    try:
        return write_due(ix, TOC.read(ix.storage, ix.indexname).segments, workers, memory_mb)
    finally:
        lock.release()


def write_due(ix, segments: list, workers: int = 1, memory_mb: int = 0, *, workers_from: int = 2) -> int:
    """Write the posting file of each of ``segments`` that has at least ``FILE_MIN_DOCS``
    documents and no file yet; the number written (none for an index outside a folder). The
    caller holds the index's write lock (``write_files``, or the writer of a merge that keeps
    these segments: ``store.tidy``, whose commit leaves their files alone), or has just
    committed the segments (the merge's own): a writer that takes the lock meanwhile writes
    the same bytes (``postingfile.write``), or merges the segment away and its file with it.

    With ``workers`` > 1 and at least ``workers_from`` files due, they are written in worker
    processes, the largest segment's first (an ingest's merges leave several large segments,
    and the cores are otherwise idle at its end), each worker's address space capped at
    ``memory_mb`` (0: none); one a worker could not write is written here."""
    if getattr(ix.storage, "folder", None) is None:
        return 0
    due = [
        (segment, path)
        for segment in sorted(segments, key=lambda s: -s.doc_count_all())
        if segment.doc_count_all() >= FILE_MIN_DOCS and not os.path.exists(path := _file_path(ix.storage, segment))
    ]
    in_workers = workers > 1 and len(due) >= workers_from
    done = _written_in_workers(ix, due, workers, memory_mb) if in_workers else set()
    for segment, path in due:
        if path not in done:
            write_file(ix.storage, ix.schema, segment, path)
    return len(due)


def _written_in_workers(ix, due: list[tuple], workers: int, memory_mb: int) -> set[str]:
    """The paths of the ``(segment, path)`` files the workers wrote."""
    jobs = [(ix.storage.folder, ix.indexname, segment_id(segment), path) for segment, path in due]
    limits = Limits(timeout=FILE_TIMEOUT, memory_mb=memory_mb)
    done: set[str] = set()
    with contextlib.suppress(WorkersFailed):  # none could start (a memory limit too small)
        for job, result in imap(_write_in_worker, jobs, workers=min(workers, len(jobs)), limits=limits):
            if not isinstance(result, Lost):
                done.add(job[3])
    return done


def _write_in_worker(job: tuple[str, str, str, str]) -> None:
    """Runs in a worker process: the posting file of the segment ``job`` names (folder, index
    name, segment id, file path), read from the index's table of contents."""
    folder, indexname, wanted, path = job
    storage = FileStorage(folder)
    toc = TOC.read(storage, indexname)
    segment = next(segment for segment in toc.segments if segment.segment_id() == wanted)
    write_file(storage, toc.schema, segment, path)


def write_file(storage, schema, segment, path: str) -> int:
    """Write ``segment``'s posting file to ``path``: every term found in at least
    ``postingfile.MIN_DOCS`` of its documents, read through Whoosh's codec."""
    leaf = SegmentReader(storage, schema, segment)
    try:
        return postingfile.write(path, _entries(leaf))
    finally:
        leaf.close()


def _entries(leaf) -> Iterator[tuple[bytes, postingfile.Entry]]:
    terms = leaf._terms
    for keybytes, info in terms._tindex.items():
        if W3TermInfo.from_bytes(info).doc_frequency() < postingfile.MIN_DOCS:
            continue
        fieldname, btext = terms._keydecoder(keybytes)
        format_ = leaf.schema[fieldname].format
        matcher = terms.matcher(fieldname, btext, format_)
        if format_.supports("positions"):
            found, counts, steps = _read_positions(matcher, format_)
            entry = postingfile.Entry(found.ids, found.weights, counts, steps)
        else:
            found = _read_postings(matcher)
            entry = postingfile.Entry(found.ids, found.weights, None, None)
        yield postingfile.term_key(fieldname, btext), entry


PRELOAD = BUDGET // 2  # bytes of the commonest terms' arrays a server loads on start


def preload(reader, budget: int = PRELOAD) -> tuple[int, int]:
    """Load the arrays of each segment's commonest terms (its posting file's largest records:
    their positions, and postings) into the cache, up to ``budget`` bytes shared by the
    segments in proportion to their documents; the terms and bytes loaded.

    A server does this on start, so that the first queries using the commonest bigrams do not
    each wait for their positions (at 100,000 reports, a phrase of common bigrams first read
    up to a hundred milliseconds of them). Later reads may evict them like any other entry."""
    leaves = [leaf for leaf, _ in reader.leaf_readers() if leaf.segment() is not None]
    total = sum(leaf.doc_count_all() for leaf in leaves)
    terms = loaded = 0
    for leaf in leaves:
        found = _posting_file(leaf)
        if found is None:
            continue
        share = budget * leaf.doc_count_all() // total
        segment = segment_id(leaf.segment())
        used = 0
        for key in found.keys_by_size():
            if used >= share:
                break
            fieldname, _, btext = key.partition(b"\x00")
            fieldname = fieldname.decode()
            if fieldname not in leaf.schema:
                continue
            if leaf.schema[fieldname].format.supports("positions"):
                position_keys(leaf, fieldname, btext)  # its postings come with it
            else:
                postings(leaf, fieldname, btext)
            held = (_peek((segment, kind, fieldname, btext)) for kind in ("positions", "postings"))
            used += sum(_nbytes(entry) for entry in held if entry is not None)
            terms += 1
        loaded += used
    return terms, loaded


def _peek(key: tuple):
    with _lock:
        found = _cache.get(key)
        if found is not None:
            _cache.move_to_end(key)
        return found


def _keys(docs: np.ndarray, counts: np.ndarray, steps: np.ndarray) -> np.ndarray:
    """Position keys from each document's position count and deltas (any integer type).

    A position is the running sum of its document's deltas: the running sum over all of them
    less the sum before the document's first. Built in two arrays as long as the positions (a
    common bigram has a million at 100,000 reports): each fresh array of that size cost more
    than the arithmetic on it, so the per-document terms are folded into one before repeating."""
    keys = np.cumsum(steps, dtype=np.int64)
    counts = counts.astype(np.int64, copy=False)
    firsts = np.cumsum(counts) - counts
    before = np.zeros(len(counts), dtype=np.int64)
    held = counts > 0
    before[held] = keys[firsts[held]] - steps[firsts[held]]
    keys += np.repeat((docs.astype(np.int64, copy=False) << POSITION_BITS) - before, counts)
    return _frozen(keys)


def _read_positions(
    matcher, format_, within: np.ndarray | None = None
) -> tuple[Postings, np.ndarray, np.ndarray]:
    """The term's postings, and each document's position count and position deltas (the first
    position, then differences)."""
    if _blockwise(matcher):
        deltas, sizes, weights, values = [], [], [], []
        for block_deltas, block_weights, block_values in blocks(matcher, within):
            deltas.extend(block_deltas)
            sizes.append(len(block_deltas))
            weights.extend(block_weights)
            values.extend(block_values)
        docs = _restarted_sums(np.array(deltas, dtype=np.int64), np.array(sizes, dtype=np.int64))
        found = Postings(_frozen(docs), _frozen(np.array(weights, dtype=np.float64)))
    else:
        found, values = _one_by_one(matcher)
    parsed = _pickled_deltas(values) if type(format_).decode_positions is Positions.decode_positions else None
    if parsed is not None:
        return found, *parsed
    per_doc = [format_.decode_positions(v) for v in values]
    counts = np.fromiter(map(len, per_doc), dtype=np.int64, count=len(per_doc))
    flat = np.fromiter(chain.from_iterable(per_doc), dtype=np.int64, count=int(counts.sum()))
    return found, counts, _deltas(flat, counts)


def _deltas(flat: np.ndarray, counts: np.ndarray) -> np.ndarray:
    """Each document's positions as its first position and differences (``_keys``'s input)."""
    steps = np.diff(flat, prepend=0)
    firsts = (np.cumsum(counts) - counts)[counts > 0]
    steps[firsts] = flat[firsts]
    return steps


def _one_by_one(matcher) -> tuple[Postings, list]:
    """Another codec's postings and values, read posting by posting through its matcher."""
    ids, weights, values = [], [], []
    while matcher.is_active():
        ids.append(matcher.id())
        weights.append(matcher.weight())
        values.append(matcher.value())
        matcher.next()
    found = Postings(_frozen(np.array(ids, dtype=np.int64)), _frozen(np.array(weights, dtype=np.float64)))
    return found, values


_K, _M, _J = b"K"[0], b"M"[0], b"J"[0]  # pickle's 1-, 2- and 4-byte integers
_BATCH = 1000  # pickle writes a longer list's items in batches of this many


def blocks(matcher, within: np.ndarray | None = None) -> Iterator[tuple]:
    """Each posting block of a Whoosh codec leaf matcher (``W3LeafMatcher``) whole, as
    (document-number deltas from 0, weights, values); with ``within`` (document numbers,
    ascending) only the blocks holding one of them, the others skipped by their headers."""
    below = -1  # the largest document number of the blocks before this one
    wanted = within.tolist() if within is not None else None
    while matcher.is_active():
        if wanted is not None:
            first = bisect_right(wanted, below)
            below = matcher._maxid
            if first == len(wanted) or wanted[first] > below:  # no wanted document here
                matcher._next_block()
                continue
        matcher._read_data()
        matcher._read_weights()
        matcher._read_values()
        yield matcher._data[0], matcher._weights, matcher._values
        matcher._next_block()


def _pickled_deltas(values: list[bytes]) -> tuple[np.ndarray, np.ndarray] | None:
    """The position deltas of Whoosh ``Positions`` values, read in numpy; None for a value of
    any other shape (read then with pickle, as Whoosh reads it).

    A value is the count (4 bytes, big-endian) and the deltas as a protocol 2 pickle:
    ``\x80\x02`` ``]`` ``q\x00``, then ``(`` items ``e`` for several or item ``a`` for one,
    each item ``K``/``M``/``J`` and a 1-, 2- or 4-byte little-endian integer. Unpickled one
    by one, the values cost 2 µs each: a common bigram's positions over 40,000 reports took
    a tenth of a second per segment. Here the k-th item of every value is read at once.
    """
    if not values:
        return np.zeros(0, dtype=np.int64), np.zeros(0, dtype=np.int64)
    sizes = np.fromiter(map(len, values), dtype=np.int64, count=len(values))
    buf = np.frombuffer(b"".join(values) + bytes(8), dtype=np.uint8).astype(np.int64)
    starts = np.cumsum(sizes) - sizes
    counts = (buf[starts] << 24) | (buf[starts + 1] << 16) | (buf[starts + 2] << 8) | buf[starts + 3]
    if counts.min() < 1 or counts.max() > _BATCH or (sizes < 12).any():
        return None
    head = np.stack([buf[starts + i] for i in range(4, 9)], axis=1)
    if not (head == np.array([0x80, 2, ord("]"), ord("q"), 0])).all():
        return None
    several = counts > 1
    if not (buf[starts[several] + 9] == ord("(")).all():
        return None
    cursor = starts + 9 + several
    firsts = np.cumsum(counts) - counts
    steps = np.empty(int(counts.sum()), dtype=np.int64)
    active = np.arange(len(values))
    for k in range(int(counts.max())):
        active = active[counts[active] > k]
        at = cursor[active]
        op = buf[at]
        one, two = op == _K, op == _M
        four = op == _J
        if not (one | two | four).all() or (four & (buf[at + 4] > 0x7F)).any():
            return None  # another opcode, or a negative int: not a list of positions deltas
        byte1, byte2, byte34 = buf[at + 1], buf[at + 2] << 8, (buf[at + 3] << 16) | (buf[at + 4] << 24)
        steps[firsts[active] + k] = np.where(one, byte1, np.where(two, byte1 | byte2, byte1 | byte2 | byte34))
        cursor[active] = at + np.where(one, 2, np.where(two, 3, 5))
    if not (buf[cursor] == np.where(several, ord("e"), ord("a"))).all():
        return None
    return counts, steps


def _frozen(values: np.ndarray) -> np.ndarray:
    values.flags.writeable = False
    return values


def clear() -> None:
    """Forget every cached array (tests; a process that wants the memory back)."""
    global _held
    with _lock:
        _cache.clear()
        _files.clear()
        _frequencies.clear()
        _held = 0
