"""Plain text and Markdown: decode any common encoding, keep every line as it is.

Reports reach us as text exports in whatever encoding the publishing office used
(UTF-8 with or without BOM, GB18030/GBK, UTF-16), so the bytes are decoded
strictly and the encoding detected with charset-normalizer rather than guessed.
Lines are kept verbatim (tabs, leading spaces, full-width spaces): the table
recovery downstream reads columns from exactly that layout.
"""

from __future__ import annotations

import codecs
import contextlib
import unicodedata
from collections import Counter
from pathlib import Path

from ...errors import ReadError
from ...models import RawDocument, TextBlock

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
# Detections that name a subset of GB18030: decode with the superset so that
# characters outside GB2312 (e.g. rare place-name characters) survive.
_SUPERSETS = {"gb2312": "gb18030", "gbk": "gb18030", "hz": "gb18030"}
_ALLOWED_CONTROLS = set("\t\n\r\f\v")
_MAX_JUNK_RATIO = 0.02


def normalise_encoding(name: str) -> str:
    """The codec to decode with for a detected or declared encoding name."""
    canonical = codecs.lookup(name).name
    return _SUPERSETS.get(canonical, canonical)


def _looks_like_text(text: str) -> bool:
    """False when control, unassigned or surrogate characters show binary data."""
    if not text:
        return True
    # Each distinct character is classified once: a report has a few thousand distinct
    # characters among tens of thousands.  Text holds none of them: counted only when found.
    junk = {
        ch
        for ch in set(text)
        if ch not in _ALLOWED_CONTROLS and unicodedata.category(ch) in ("Cc", "Cn", "Cs", "Co")
    }
    if not junk:
        return True
    return sum(n for ch, n in Counter(text).items() if ch in junk) / len(text) <= _MAX_JUNK_RATIO


def _detect(data: bytes) -> str | None:
    """The encoding charset-normalizer finds most plausible, or None."""
    from charset_normalizer import from_bytes

    best = from_bytes(data).best()
    return None if best is None else normalise_encoding(best.encoding)


def decode_bytes(data: bytes, path: str, declared: str | None = None) -> str:
    """Decode ``data``: BOM, then strict UTF-8, then a declared charset, then detection.

    Raises ReadError when no encoding yields something that looks like text.
    """
    candidates: list[str] = [enc for bom, enc in _BOMS if data.startswith(bom)][:1]
    # Strict UTF-8 goes before a declared charset: crawlers often re-save pages as
    # UTF-8 but keep <meta charset="gb2312">, and GB18030 would decode them to garbage
    # without an error, while real GBK text is practically never valid UTF-8.
    candidates.append("utf-8")
    if declared:
        with contextlib.suppress(LookupError):  # an unknown declared name is just ignored
            candidates.append(normalise_encoding(declared))
    for encoding in candidates:
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            continue
        if _looks_like_text(text):
            return text
    detected = _detect(data)
    if detected:
        try:
            text = data.decode(detected)
        except (UnicodeDecodeError, LookupError):
            text = ""
        if text and _looks_like_text(text):
            return text
    raise ReadError(path, "does not look like text (no known encoding decodes it cleanly)")


def split_lines(text: str) -> list[str]:
    """Lines without their endings; \\r\\n and lone \\r count as line ends."""
    text = text.removeprefix("\ufeff").replace("\r\n", "\n").replace("\r", "\n")
    lines = text.split("\n")
    if lines and lines[-1] == "":
        lines.pop()
    return lines


def read(path: str | Path, fmt: str = "txt") -> RawDocument:
    """One TextBlock per line, text exactly as in the file minus the line ending."""
    data = Path(path).read_bytes()
    text = decode_bytes(data, str(path))
    blocks = tuple(TextBlock(line, f"line {n}") for n, line in enumerate(split_lines(text), 1))
    return RawDocument(source=str(path), format=fmt, blocks=blocks)


def read_markdown(path: str | Path) -> RawDocument:
    """Markdown stays text: pipe tables are recovered later from the lines."""
    return read(path, "md")
