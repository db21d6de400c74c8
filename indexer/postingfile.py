"""A segment's common terms' postings in a file that reads at array speed.

Whoosh keeps a term's postings in blocks of 128, each a zlib-compressed pickle: reading a
word found in 40,000 reports costs a few hundred blocks, and its positions a pickle per
document. Cold, a common phrase took 0.5-1 s at 100,000 reports. This file holds, for each
term of a segment found in at least ``MIN_DOCS`` of its documents, the same numbers as flat
little-endian arrays in two compressed streams (documents and weights; positions), so a
read is one seek, one or two decompressions and a cumulative sum. Rarer terms, less than a
block of Whoosh's, stay there.

The streams are Zstandard (``MAGIC``): the positions of the 308 commonest bigrams of a
70,000-report segment decompress in 77 ms instead of zlib's 291, and take 20 MB instead of
24; a phrase's first query spends much of its time reading them. Files of the first layout
(``ZLIB_MAGIC``, zlib streams) are still read.

Layout: ``MAGIC``; records; a directory (a numpy structured array sorted by term hash);
the directory's offset and length and ``MAGIC`` again. A record starts with its term's key,
so a read never trusts the hash alone; terms whose hashes collide are left out (read from
Whoosh). The file is named after its segment (Whoosh's clean-up deletes it with the
segment) and written under another name, then renamed, so a reader sees all of it or none.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import re
import struct
import threading
import zlib
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

import numpy as np
import zstandard

EXTENSION = ".npp"
# Rarer terms stay in Whoosh's blocks. 256 before: at 10,000 reports (segments of about 1,000
# reports) a phrase's first query then read most of its bigrams from Whoosh's pickled blocks;
# with 16 the files grew from 8.7 to 13.8 MB and the phrase class's first pass took a fifth less.
MIN_DOCS = 16
MAGIC = b"NBPOST2\n"  # Zstandard streams
ZLIB_MAGIC = b"NBPOST1\n"  # the first layout: zlib streams
_DIRECTORY = np.dtype([("hash", "<u8"), ("offset", "<u8"), ("size", "<u4")])
_TRAILER = struct.Struct("<QQ")
_HEAD = struct.Struct("<IIBBBBI")  # documents, positions, four array codes, first stream's length
_KEY = struct.Struct("<H")
_CODES = {1: np.dtype("<u1"), 2: np.dtype("<u2"), 3: np.dtype("<u4"), 4: np.dtype("<f8")}
_LEVEL = 3  # Zstandard's default: as fast to decompress as its fastest, and a tenth smaller
_local = threading.local()  # a Zstandard context serves one thread at a time


@dataclass(frozen=True)
class Entry:
    """One term's arrays: ``ids`` ascending (int64), ``weights`` (float64); for a field with
    positions, ``counts`` (positions per document, int64) and ``steps`` (each document's
    positions as a first position and differences, in the narrowest unsigned type that holds
    them), else None."""

    ids: np.ndarray
    weights: np.ndarray
    counts: np.ndarray | None
    steps: np.ndarray | None


def term_key(fieldname: str, btext: bytes) -> bytes:
    return fieldname.encode() + b"\x00" + btext


def _hash(key: bytes) -> int:
    return int.from_bytes(hashlib.blake2b(key, digest_size=8).digest(), "little")


def narrow(values: np.ndarray) -> np.ndarray:
    """``values`` in the narrowest unsigned type that holds them when all are whole numbers
    from 0 below 2**32 (document numbers, frequencies), else as float64."""
    if not len(values):
        return values.astype(_CODES[1])
    whole = values.dtype.kind in "iu" or bool((np.trunc(values) == values).all())
    if not whole or values.min() < 0 or values.max() >= 1 << 32:
        return values.astype(_CODES[4])
    top = int(values.max())
    return values.astype(_CODES[1 if top < 1 << 8 else 2 if top < 1 << 16 else 3])


_CODE_OF = {dtype: code for code, dtype in _CODES.items()}


def _coded(values: np.ndarray) -> tuple[int, bytes]:
    narrowed = narrow(values)
    return _CODE_OF[narrowed.dtype], narrowed.tobytes()


def _record(key: bytes, entry: Entry) -> bytes:
    ids = entry.ids.astype(np.int64)
    id_code, id_bytes = _coded(np.diff(ids, prepend=0))
    weight_code, weight_bytes = _coded(entry.weights)
    first = _compressor().compress(id_bytes + weight_bytes)
    count_code = step_code = 0
    second = b""
    positions = 0
    if entry.counts is not None:
        count_code, count_bytes = _coded(entry.counts)
        step_code, step_bytes = _coded(entry.steps)
        second = _compressor().compress(count_bytes + step_bytes)
        positions = len(entry.steps)
    head = _HEAD.pack(len(ids), positions, id_code, weight_code, count_code, step_code, len(first))
    return _KEY.pack(len(key)) + key + head + first + second


# A partial file's name after the file's own: its writer's process and thread.
_PARTIAL = r"\.(?P<pid>\d+)-\d+\.part"


def _partial_name(path: str, pid: int, thread: int) -> str:
    return f"{path}.{pid}-{thread}.part"  # read back by _PARTIAL


def write(path: str | os.PathLike, entries: Iterable[tuple[bytes, Entry]]) -> int:
    """Write the terms' ``entries`` (key, arrays) to ``path``; the number of terms written."""
    path = os.fspath(path)
    # A name of this writer's own: an ingest writes a merged segment's file after its commit
    # has let go of the index, so another process's ingest may be writing the same file; each
    # writes the same bytes, and the last rename wins.
    partial = _partial_name(path, os.getpid(), threading.get_ident())
    _remove_abandoned(path)
    try:
        count = _write(partial, entries)
    except BaseException:
        with contextlib.suppress(OSError):
            os.remove(partial)
        raise
    os.replace(partial, path)
    return count


def _remove_abandoned(path: str) -> None:
    """Remove the partial files of ``path`` whose writing process is gone: killed while it
    wrote (a writer that fails removes its own). Another live writer's partial is its own."""
    folder, name = os.path.split(path)
    partial = re.compile(re.escape(name) + _PARTIAL)
    for found in os.listdir(folder or "."):
        writer = partial.fullmatch(found)
        if writer and not _running(int(writer["pid"])):
            with contextlib.suppress(OSError):
                os.remove(os.path.join(folder, found))


def _running(pid: int) -> bool:
    try:
        os.kill(pid, 0)  # no signal sent: only whether the process exists
    except ProcessLookupError:
        return False
    except PermissionError:  # another user's process: it exists
        pass
    return True


def _write(partial: str, entries: Iterable[tuple[bytes, Entry]]) -> int:
    hashes, offsets, sizes = [], [], []
    with open(partial, "wb") as out:
        out.write(MAGIC)
        at = len(MAGIC)
        for key, entry in entries:
            record = _record(key, entry)
            out.write(record)
            hashes.append(_hash(key))
            offsets.append(at)
            sizes.append(len(record))
            at += len(record)
        directory = np.zeros(len(hashes), dtype=_DIRECTORY)
        directory["hash"], directory["offset"], directory["size"] = hashes, offsets, sizes
        _, first, seen = np.unique(directory["hash"], return_index=True, return_counts=True)
        directory = np.sort(directory[first[seen == 1]], order="hash")  # a shared hash: left to Whoosh
        out.write(directory.tobytes())
        out.write(_TRAILER.pack(at, len(directory)) + MAGIC)
    return len(directory)


def _compressor() -> zstandard.ZstdCompressor:
    found = getattr(_local, "compressor", None)
    if found is None:
        found = _local.compressor = zstandard.ZstdCompressor(level=_LEVEL)
    return found


def _decompress(data: bytes) -> bytes:
    found = getattr(_local, "decompressor", None)
    if found is None:
        found = _local.decompressor = zstandard.ZstdDecompressor()
    return found.decompress(data)


class PostingFile:
    """An open posting file: its directory in memory, records read on demand."""

    def __init__(self, path: str | os.PathLike):
        self.path = os.fspath(path)
        with open(self.path, "rb") as f:
            f.seek(-(_TRAILER.size + len(MAGIC)), os.SEEK_END)
            tail = f.read()
            magic = tail[_TRAILER.size :]
            if magic not in (MAGIC, ZLIB_MAGIC):
                raise ValueError(f"{self.path}: not a posting file")
            self._decompress = zlib.decompress if magic == ZLIB_MAGIC else _decompress
            offset, count = _TRAILER.unpack(tail[: _TRAILER.size])
            f.seek(offset)
            self.directory = np.frombuffer(f.read(count * _DIRECTORY.itemsize), dtype=_DIRECTORY)
        self.hashes = self.directory["hash"]

    def keys_by_size(self) -> Iterator[bytes]:
        """The file's term keys, largest record first (the commonest terms, with their positions)."""
        with open(self.path, "rb") as f:
            for at in np.argsort(self.directory["size"], kind="stable")[::-1]:
                offset = int(self.directory["offset"][at])
                (length,) = _KEY.unpack(os.pread(f.fileno(), _KEY.size, offset))
                yield os.pread(f.fileno(), length, offset + _KEY.size)

    def read(self, key: bytes, positions: bool = False) -> Entry | None:
        """The term's arrays (its positions only when asked); None when the file lacks it."""
        wanted = _hash(key)
        at = int(np.searchsorted(self.hashes, wanted))
        if at == len(self.hashes) or int(self.hashes[at]) != wanted:
            return None
        _, offset, size = self.directory[at]
        with open(self.path, "rb") as f:
            record = os.pread(f.fileno(), int(size), int(offset))
        (length,) = _KEY.unpack_from(record)
        if record[_KEY.size : _KEY.size + length] != key:
            return None
        start = _KEY.size + length
        docs, count, id_code, weight_code, count_code, step_code, first = _HEAD.unpack_from(record, start)
        start += _HEAD.size
        head = self._decompress(record[start : start + first])
        id_type, weight_type = _CODES[id_code], _CODES[weight_code]
        ids = np.cumsum(np.frombuffer(head, id_type, docs), dtype=np.int64)
        weights = np.frombuffer(head, weight_type, docs, docs * id_type.itemsize).astype(np.float64)
        if not positions or not count_code:
            return Entry(ids, weights, None, None)
        tail = self._decompress(record[start + first :])
        count_type = _CODES[count_code]
        counts = np.frombuffer(tail, count_type, docs).astype(np.int64)
        # Left in their stored type: widened once, by the running sum that reads them.
        steps = np.frombuffer(tail, _CODES[step_code], count, docs * count_type.itemsize)
        return Entry(ids, weights, counts, steps)
