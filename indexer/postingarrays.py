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

import threading
from collections import OrderedDict
from dataclasses import dataclass
from itertools import chain
from pickle import loads

import numpy as np
from whoosh.codec.whoosh3 import W3LeafMatcher
from whoosh.formats import Positions
from whoosh.system import _INT_SIZE
from whoosh.util.numlists import delta_decode

BUDGET = 512 * 1024 * 1024  # bytes of arrays kept; the positions of a bigram in every report are ~10 MB
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


def _nbytes(item) -> int:
    if isinstance(item, Postings):
        return item.ids.nbytes + item.weights.nbytes
    return item.nbytes


def _matcher(leaf, fieldname: str, btext: bytes):
    """The codec's matcher over every posting of the term (deleted documents included), or None."""
    if (fieldname, btext) not in leaf:
        return None
    return leaf._terms.matcher(fieldname, btext, leaf.schema[fieldname].format)


def postings(leaf, fieldname: str, btext: bytes) -> Postings | None:
    """The term's documents and weights in segment ``leaf``; None when the segment lacks the term."""
    key = (leaf.segment().segment_id(), "postings", fieldname, btext)
    if (fieldname, btext) not in leaf:
        return None
    return _cached(key, lambda: _read_postings(_matcher(leaf, fieldname, btext)))


def _read_postings(matcher) -> Postings:
    ids: list = []
    weights: list = []
    if isinstance(matcher, W3LeafMatcher):
        while matcher.is_active():
            matcher._read_data()
            ids.extend(delta_decode(matcher._data[0]))
            matcher._read_weights()
            weights.extend(matcher._weights)
            matcher._next_block()
    else:  # another codec: posting by posting
        while matcher.is_active():
            ids.append(matcher.id())
            weights.append(matcher.weight())
            matcher.next()
    return Postings(_frozen(np.array(ids, dtype=np.int64)), _frozen(np.array(weights, dtype=np.float64)))


def position_keys(leaf, fieldname: str, btext: bytes) -> np.ndarray:
    """Every occurrence of the term in segment ``leaf`` as ``docnum << 32 | position``, ascending."""
    key = (leaf.segment().segment_id(), "positions", fieldname, btext)
    if (fieldname, btext) not in leaf:
        return _frozen(np.zeros(0, dtype=np.int64))
    return _cached(key, lambda: _read_positions(_matcher(leaf, fieldname, btext), leaf.schema[fieldname].format))


def _read_positions(matcher, format_) -> np.ndarray:
    ids: list = []
    values: list = []
    while matcher.is_active():
        if isinstance(matcher, W3LeafMatcher):
            matcher._read_data()
            ids.extend(delta_decode(matcher._data[0]))
            matcher._read_values()
            values.extend(matcher._values)
            matcher._next_block()
        else:
            ids.append(matcher.id())
            values.append(matcher.value())
            matcher.next()
    if type(format_).decode_positions is Positions.decode_positions:
        # Whoosh's Positions value: the frequency, then a pickled list of position deltas
        # written without pickle's closing STOP byte. Positions are running sums of the
        # deltas, restarted at each document.
        deltas = [loads(v[_INT_SIZE:] + b".") for v in values]
        counts = np.fromiter(map(len, deltas), dtype=np.int64, count=len(deltas))
        steps = np.fromiter(chain.from_iterable(deltas), dtype=np.int64, count=int(counts.sum()))
        total = np.cumsum(steps)
        before = np.concatenate(([0], total))[np.cumsum(counts) - counts]
        flat = total - np.repeat(before, counts)
    else:
        per_doc = [format_.decode_positions(v) for v in values]
        counts = np.fromiter(map(len, per_doc), dtype=np.int64, count=len(per_doc))
        flat = np.fromiter(chain.from_iterable(per_doc), dtype=np.int64, count=int(counts.sum()))
    docs = np.repeat(np.array(ids, dtype=np.int64), counts)
    return _frozen((docs << POSITION_BITS) | flat)


def _frozen(values: np.ndarray) -> np.ndarray:
    values.flags.writeable = False
    return values


def clear() -> None:
    """Forget every cached array (tests; a process that wants the memory back)."""
    global _held
    with _lock:
        _cache.clear()
        _held = 0

