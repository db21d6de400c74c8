"""Columns as numpy arrays, read once per segment and kept while the segment lives.

A Whoosh segment never changes once written (deletions aside, which hits never
include), so a column's values can be decoded once and reused by every query:
conditions become one vectorised comparison, and counts, sorts and sums over
any number of hits are array lookups instead of a column read per hit. Arrays
are keyed by segment id and field; the cache forgets segments that merges have
removed.

Text columns (province, template, check state) become integer codes into one
table of strings shared by all segments, ``-1`` where the value is empty.
"""

from __future__ import annotations

import threading

import numpy as np
from whoosh import columns

from . import postingarrays
from .querylang import YEAR_MAX, YEAR_MIN

_arrays: dict[tuple[str, str], object] = {}  # (segment id, name) → its array or list
_lock = threading.Lock()
_codes: dict[str, int] = {}
_names: list[str] = []


def _code(value) -> int:
    if isinstance(value, bytes):
        value = value.decode("utf-8")
    if not value:
        return -1
    code = _codes.get(value)
    if code is None:
        code = _codes[value] = len(_names)
        _names.append(value)
    return code


def name_of(code: int) -> str:
    return _names[code]


def code_of(name: str) -> int | None:
    """The code of a text value; None when no column read so far holds it."""
    return _codes.get(name)


def _numeric(reader, fieldname: str) -> bool:
    return isinstance(reader.schema[fieldname].column_type, columns.NumericColumn)


def _read(leaf, fieldname: str) -> np.ndarray:
    count = leaf.doc_count_all()
    numeric = _numeric(leaf, fieldname)
    if not leaf.has_column(fieldname):
        return np.full(count, np.nan) if numeric else np.full(count, -1, dtype=np.int32)
    if numeric:
        return numeric_values(leaf, fieldname)
    column = leaf.column_reader(fieldname)
    with _lock:  # the string table is shared between threads
        return np.fromiter((_code(v) for v in column), dtype=np.int32, count=count)


def numeric_values(leaf, fieldname: str) -> np.ndarray:
    """A numeric column of one segment as an array (NaN where absent).

    A ``NumericColumn("d")`` is a run of big-endian doubles, one per document up to the last
    one written (the rest take the default): read as one buffer, it is about 200 times faster
    than Whoosh's value-by-value iteration, which made the first query of a facet over 40,000
    reports take seconds.  Any other layout is read value by value.
    """
    count = leaf.doc_count_all()
    if not leaf.has_column(fieldname):
        return np.full(count, np.nan)
    column = leaf.column_reader(fieldname, translate=False)
    if type(column) is columns.NumericColumn.Reader and column._typecode == "d":
        raw = np.frombuffer(column._dbfile.get(column._basepos, column._count * column._fixedlen), dtype=">f8")
        values = np.full(count, column._default, dtype=np.float64)
        values[: min(len(raw), count)] = raw[:count]
        return values
    return np.fromiter(leaf.column_reader(fieldname), dtype=np.float64, count=count)


def per_segment(leaf, name: str, read):
    """``read(leaf)``, computed once per segment and ``name`` and kept with the column arrays."""
    key = (postingarrays.segment_id(leaf.segment()), name)
    found = _arrays.get(key)
    if found is None:
        found = _arrays[key] = read(leaf)
    return found


def segment_array(leaf, fieldname: str) -> np.ndarray:
    def read(leaf) -> np.ndarray:
        values = _read(leaf, fieldname)
        values.flags.writeable = False
        return values

    return per_segment(leaf, fieldname, read)


def array(reader, fieldname: str, *, whole_index: bool = True) -> np.ndarray:
    """The field's values for every document of ``reader`` (a segment or the whole index).

    ``whole_index=False`` for a reader of one segment among others (a query's per-segment
    condition): the arrays of the index's other segments are kept, not forgotten as gone."""
    leaves = [(leaf, base) for leaf, base in reader.leaf_readers() if leaf.segment() is not None]
    if not leaves:  # an index created but never committed to: Whoosh's empty reader
        return np.full(0, np.nan) if _numeric(reader, fieldname) else np.full(0, -1, dtype=np.int32)
    parts = [segment_array(leaf, fieldname) for leaf, _ in leaves]
    if whole_index:
        _forget_except({postingarrays.segment_id(leaf.segment()) for leaf, _ in leaves})
    return parts[0] if len(parts) == 1 else np.concatenate(parts)


def term_docs(reader, fieldname: str, term: str) -> np.ndarray:
    """The document numbers (over ``reader``) whose ``fieldname`` holds ``term``, from its
    postings (``postingarrays``): deleted documents included, so callers keep live ones."""
    btext = reader.schema[fieldname].to_bytes(term)
    parts = []
    for leaf, base in reader.leaf_readers():
        found = postingarrays.postings(leaf, fieldname, btext) if leaf.segment() is not None else None
        if found is not None:
            parts.append(found.ids + base)
    return np.concatenate(parts) if parts else np.zeros(0, dtype=np.int64)


def known_years(reader) -> np.ndarray:
    """Each document's year as an integer, 0 where it has none (Whoosh's year column says
    2147483647 then)."""
    years = array(reader, "year")
    return np.where((years > YEAR_MIN) & (years < YEAR_MAX), years, 0).astype(np.int64)


def alive(reader) -> np.ndarray | None:
    """Which documents of ``reader`` are not deleted (None: all of them)."""
    if not reader.has_deletions():
        return None
    mask = np.ones(reader.doc_count_all(), dtype=bool)
    for leaf, base in reader.leaf_readers():
        if leaf.has_deletions():
            # Deletions only grow, so the count of live documents names the state exactly.
            live = per_segment(leaf, f"alive:{leaf.doc_count()}", _live)
            mask[base : base + len(live)] = live
    return mask


def _live(leaf) -> np.ndarray:
    live = marked(np.fromiter(leaf.all_doc_ids(), dtype=np.int64), leaf.doc_count_all())
    live.flags.writeable = False
    return live


def tally(values: np.ndarray) -> list[tuple[int, int]]:
    """``(value, how many)`` for each distinct value among ``values`` (small non-negative
    integers: text codes, years), ascending: a count per possible value, linear in the values
    where sorting them (``np.unique``) took most of counting a query's 70,000 hits."""
    if not len(values):
        return []
    numbers = np.bincount(values)
    present = np.flatnonzero(numbers)
    return list(zip(present.tolist(), numbers[present].tolist(), strict=True))


def marked(docnums: np.ndarray, size: int) -> np.ndarray:
    """A mask over document numbers below ``size``, true at ``docnums``."""
    mask = np.zeros(size, dtype=bool)
    mask[docnums] = True
    return mask


_known_segments: set[str] = set()


def _forget_except(current: set[str]) -> None:
    """Drop the arrays of segments that are gone, once a reader no longer has them."""
    global _known_segments
    if current <= _known_segments:
        return
    with _lock:
        _known_segments |= current
        if len(_known_segments) > 4 * len(current) + 16:
            for key in [k for k in _arrays if k[0] not in current]:
                del _arrays[key]
            _known_segments = set(current)
