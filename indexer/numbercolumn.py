"""A Whoosh number column's values written at once, as the bytes its writer writes value by value.

``NumericColumn.Writer.add(docnum, value)`` leaves out a value equal to the column's default and
fills the gap before the next value it writes with the default's bytes, one ``struct.pack``
and one write per value.  The segment writer (``store``) and the merge (``merging``) hand a
column all of a segment's values in one numpy array instead: the same bytes.
"""

from __future__ import annotations

import numpy as np
from whoosh.columns import NumericColumn

# Struct typecodes whose values survive numpy and packing alike bit for bit ("f" does not: a
# float32 NaN's payload can change on the way through a double).
_EXACT = frozenset("bBhHiIlLqQd")


def number_dtype(typecode: str) -> np.dtype | None:
    """The numpy type of a number column's stored values of ``typecode`` (big-endian, as Whoosh
    packs them), or None for a typecode this module does not write."""
    return np.dtype(">" + typecode) if typecode in _EXACT else None


def column_dtype(column) -> np.dtype | None:
    """``number_dtype`` of a column object: None unless it is exactly a ``NumericColumn``."""
    return number_dtype(column._typecode) if type(column) is NumericColumn else None


def write_numbers(target, dtype: np.dtype, docnums, values) -> None:
    """Write ``values`` for ``docnums`` (ascending, none before the writer's next document)
    through ``target``, a ``NumericColumn.Writer`` of ``dtype``'s values: the bytes
    ``target.add`` would write for each in turn.  NaN, the facets' default, equals nothing, so
    every NaN is written."""
    skipped = np.frombuffer(target._defaultbytes, dtype)[0]  # what the writer leaves out and fills gaps with
    values = np.asarray(values, dtype=dtype)
    written = values != skipped
    if not written.any():
        return
    news = np.asarray(docnums, dtype=np.int64)[written]
    start, end = target._count, int(news[-1]) + 1
    block = np.full(end - start, skipped, dtype)
    block[news - start] = values[written]
    target._dbfile.write(block.tobytes())
    target._count = end
