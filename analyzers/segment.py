"""jieba segmentation with the packaged dictionary, and the plan of tokens for each word.

One ``jieba.Tokenizer`` of our own per process (never jieba's global one, which other code may
configure differently), built on first use: the analyzer object stays small and picklable, and
importing this module costs nothing. jieba's marshal cache is skipped (it is not faster on 3.11
and writes into the temp folder) and its start-up logging is silenced so CLI output stays clean.

Text is cut by rjieba (jieba-rs: jieba's dictionary and algorithm in Rust, about 13 times
faster), given the same domain terms; its cut is jieba's on every bundled and real report
(``tests/test_analyzers.py`` holds it to that).  The one shape where the two part ways, a run
of ASCII with punctuation inside (``15-50``: jieba splits it at the dash), is cut by jieba.

Positions follow *atoms*: each word is reduced to the finest dictionary pieces it is made of
(政府信息公开 → 政府 信息 公开), atoms take consecutive ordinal positions, and the whole word and
every dictionary word inside it take the position of the atom where they start. So the phrase
"信息公开" (atoms 信息 公开) and the term 政府信息公开 both match text containing 政府信息公开.
"""

from __future__ import annotations

import logging
import threading
from functools import lru_cache
from importlib import resources
from types import ModuleType
from typing import NamedTuple

import jieba

_LOCK = threading.Lock()
_USERDICT = "userdict.txt"
_SEGMENTER: jieba.Tokenizer | None = None
_FAST: ModuleType | None = None


class Piece(NamedTuple):
    """One token a word yields: text, character span inside the word, position offset in atoms."""

    text: str
    start: int
    end: int
    pos: int


def userdict_entries() -> list[tuple[str, int]]:
    """The packaged domain terms as ``(word, frequency)``; ``#`` lines are comments."""
    text = resources.files(__package__).joinpath(_USERDICT).read_text(encoding="utf-8")
    entries = []
    for line in text.splitlines():
        line = line.strip()
        if line and not line.startswith("#"):
            word, freq = line.split()
            entries.append((word, int(freq)))
    return entries


def segmenter() -> jieba.Tokenizer:
    """The process's jieba tokenizer with the domain terms added (about 1 s, on first use)."""
    global _SEGMENTER
    if _SEGMENTER is None:
        with _LOCK:
            if _SEGMENTER is None:
                _SEGMENTER = _build_segmenter()
    return _SEGMENTER


def _build_segmenter() -> jieba.Tokenizer:
    jieba.setLogLevel(logging.WARNING)
    tk = jieba.Tokenizer()
    # Build the prefix dictionary directly: no cache file, no "Building prefix dict" log.
    tk.FREQ, tk.total = tk.gen_pfdict(tk.get_dict_file())
    tk.initialized = True
    for word, freq in userdict_entries():
        tk.add_word(word, freq)
    return tk


def _fast() -> ModuleType:
    """rjieba with the domain terms added, imported on first use: importing it builds its
    dictionary (about 34 MB, 0.2 s), which only the processes that cut text need (not the
    extraction workers, whose memory limit it would take from the files)."""
    global _FAST
    if _FAST is None:
        with _LOCK:
            if _FAST is None:
                import rjieba

                for word, freq in userdict_entries():
                    rjieba.add_word(word, freq, None)
                _FAST = rjieba
    return _FAST


def warm() -> None:
    """Build both segmenters now (a server does it on start, not in its first search)."""
    segmenter()
    _fast()


def cut(text: str) -> list[str]:
    """jieba's default (precise) cut with HMM, as the index and queries both use it."""
    words = []
    for word in _fast().cut(text, True):
        if len(word) > 1 and word.isascii() and not word.isalnum():
            words.extend(_jieba_cut(word))
        else:
            words.append(word)
    return words


def jieba_cut(text: str) -> list[str]:
    """jieba's own cut (``cut``'s reference)."""
    return segmenter().lcut(text, HMM=True)


@lru_cache(maxsize=10_000)
def _jieba_cut(run: str) -> tuple[str, ...]:
    return tuple(jieba_cut(run))


def is_word(token: str) -> bool:
    """Whether a cut piece is worth indexing: anything with a letter, digit or ideograph."""
    return token.isalnum() or any(ch.isalnum() for ch in token)


@lru_cache(maxsize=200_000)
def atoms(word: str) -> tuple[str, ...]:
    """The finest dictionary pieces of ``word``: 三安全一稳定 → 三 安全 一 稳定.

    A word of one or two characters, or one in ASCII (APP, 2020, 3.5%), is its own atom. A
    longer word is split by jieba's best route that does not take the word whole, and each
    piece is split again, so the atoms of a word do not depend on which dictionary compounds
    contain it: text and query agree on them however jieba grouped the atoms.
    """
    if len(word) <= 2 or word.isascii():
        return (word,)
    tk = segmenter()
    dag = tk.get_DAG(word)
    dag[0] = [j for j in dag[0] if j != len(word) - 1] or [0]
    route: dict[int, tuple[float, int]] = {}
    tk.calc(word, dag, route)
    pieces, i = [], 0
    while i < len(word):
        j = route[i][1] + 1
        pieces.append(word[i:j])
        i = j
    return tuple(a for piece in pieces for a in atoms(piece))


@lru_cache(maxsize=200_000)
def plan(word: str) -> tuple[Piece, ...]:
    """Every token indexed for ``word``, sorted by start then longest first.

    The whole word comes first (so a highlighter prefers it over its parts), then its atoms at
    consecutive positions, then the other dictionary words inside it (2 characters or more)
    at the position of the atom where they start.
    """
    parts = atoms(word)
    if len(parts) == 1:
        return (Piece(word, 0, len(word), 0),)
    atom_at, starts, offset = [], set(), 0
    pieces = {Piece(word, 0, len(word), 0)}
    for pos, atom in enumerate(parts):
        pieces.add(Piece(atom, offset, offset + len(atom), pos))
        starts.add((atom, offset))
        atom_at.extend([pos] * len(atom))
        offset += len(atom)
    freq = segmenter().FREQ
    for i in range(len(word) - 1):
        last = len(word) if i else len(word) - 1  # proper parts only: never the whole word again
        for j in range(i + 2, last + 1):
            sub = word[i:j]
            if freq.get(sub) and (sub, i) not in starts:
                pieces.add(Piece(sub, i, j, atom_at[i]))
    return tuple(sorted(pieces, key=lambda p: (p.start, -(p.end - p.start), p.text)))
