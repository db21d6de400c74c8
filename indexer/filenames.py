"""File names that are not valid UTF-8, as index keys and as text people read.

On Linux a name is bytes; Python hands undecodable bytes over as lone surrogates
(``'\\udcb1'`` for the byte 0xB1), which Whoosh, JSON and HTTP headers cannot
encode. Zip files made on Chinese Windows carry GBK names, so these are common.

- ``path_key``: the document key, valid Unicode and reversible. A valid UTF-8
  path is its own key (existing indexes keep theirs); any other is marked with
  ``BYTES_MARK``, which no absolute path starts with, and its undecodable bytes
  (and ``%`` itself) written as ``%XX``.
- ``real_path``: the key back to the path the file system knows.
- ``display_name``: for messages, summaries and records: each path component
  that is not UTF-8 is read as GB18030 when that decodes it, else its odd bytes
  are shown as ``\\xb1`` escapes.

>>> key = path_key("/r/\\udcb1\\udca8\\udcb8\\udce6.txt")
>>> key, real_path(key) == "/r/\\udcb1\\udca8\\udcb8\\udce6.txt", display_name(key)
('bytes:/r/%B1%A8%B8%E6.txt', True, '/r/报告.txt')
"""

from __future__ import annotations

import os
import re

BYTES_MARK = "bytes:"
_SURROGATE = re.compile("[\udc80-\udcff%]")
_ESCAPE = re.compile("%([0-9A-F]{2})")


def is_utf8(text: str) -> bool:
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def path_key(path: str | os.PathLike) -> str:
    """The index key of a path: the path itself when it is valid Unicode, else escaped."""
    text = os.fspath(path)
    if is_utf8(text):
        return text
    return BYTES_MARK + _SURROGATE.sub(lambda m: f"%{_byte(m[0]):02X}", text)


def _byte(char: str) -> int:
    return ord(char) - 0xDC00 if char != "%" else ord("%")


def real_path(key: str) -> str:
    """The path a key stands for, as the file system's functions take it."""
    if not key.startswith(BYTES_MARK):
        return key
    return _ESCAPE.sub(lambda m: _char(int(m[1], 16)), key.removeprefix(BYTES_MARK))


def _char(byte: int) -> str:
    return chr(0xDC00 + byte) if byte >= 0x80 else chr(byte)


def display_name(path: str | os.PathLike) -> str:
    """A path (or key) as people read it: always valid Unicode, GBK names shown in Chinese."""
    text = os.fspath(path)
    if text.startswith(BYTES_MARK):
        text = real_path(text)
    if is_utf8(text):
        return text
    return "/".join(_component(part) for part in text.split("/"))


def _component(part: str) -> str:
    if is_utf8(part):
        return part
    raw = os.fsencode(part)
    try:
        return raw.decode("gb18030")
    except UnicodeDecodeError:
        return raw.decode("utf-8", errors="backslashreplace")
