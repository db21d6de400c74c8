"""One entry point, ``read(path) -> RawDocument``, for every supported format.

The reader is chosen from a registry by suffix, then corrected by sniffing the
first bytes: sites serve HTML under ``.txt``, PDFs under ``.html`` and so on.
Every failure becomes a one-line ``ReadError`` naming the file; heavy libraries
are imported inside the readers only when a file of that format is read.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

from ...errors import NianbaoError, ReadError
from ...models import RawDocument
from ..limits import check_file_size
from . import doc, docx, html, mhtml, pdf, text
from .unreadable import UNREADABLE, unreadable_reason

Reader = Callable[[Path], RawDocument]

# suffix -> (format name, reader)
READERS: dict[str, tuple[str, Reader]] = {
    ".txt": ("txt", text.read),
    ".md": ("md", text.read_markdown),
    ".html": ("html", html.read),
    ".htm": ("html", html.read),
    ".docx": ("docx", docx.read),
    ".docm": ("docx", docx.read),  # the same package with macros (never run), and the templates
    ".dotx": ("docx", docx.read),
    ".dotm": ("docx", docx.read),
    ".pdf": ("pdf", pdf.read),
    # Word 97-2003, and WPS Office's own .wps, which keeps the same layout.
    ".doc": ("doc", doc.read),
    ".dot": ("doc", doc.read),
    ".wps": ("doc", doc.read),
}
# A crawled page is saved under its address's name, and government sites publish reports at
# .shtml (TRS), .jhtml (Hanweb), .jsp, .aspx … addresses: web pages all the same.
READERS.update(
    dict.fromkeys((".shtml", ".shtm", ".xhtml", ".jhtml", ".jsp", ".asp", ".aspx", ".php"), ("html", html.read))
)
# A page saved by a browser or Word as one file: read as the web page it holds.
READERS.update(dict.fromkeys((".mht", ".mhtml"), ("mhtml", mhtml.read)))
SUPPORTED_SUFFIXES: tuple[str, ...] = tuple(READERS)
_FORMAT_READERS: dict[str, Reader] = {fmt: reader for fmt, reader in READERS.values()}
_SNIFF_BYTES = 2048
_OLE_MAGIC = bytes.fromhex("d0cf11e0a1b11ae1")
_MIME_HEADER = re.compile(rb"^[\w-]+\s*:")  # a message starts with a header line
_MIME_VERSION = re.compile(rb"^mime-version\s*:", re.IGNORECASE | re.MULTILINE)
_HTML_START = re.compile(
    rb"^(?:\xef\xbb\xbf)?\s*(?:<\?xml[^>]*>\s*)?(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html|head|body)\b",
    re.IGNORECASE | re.DOTALL,
)


def supported_suffixes() -> tuple[str, ...]:
    """The suffixes ``read`` accepts, for messages and file pickers."""
    return SUPPORTED_SUFFIXES


def sniff(head: bytes) -> str | None:
    """The format the first bytes prove, or None when they prove nothing."""
    if head.startswith(b"%PDF"):
        return "pdf"
    if head.startswith(b"PK\x03\x04"):
        return "docx"
    if head.startswith(_OLE_MAGIC):  # Word 97-2003, or any Office file encrypted with a password
        return "doc"
    if head.startswith(b"{\\rtf"):  # Word's "save as" RTF, often kept under .doc
        return "rtf"
    if _MIME_HEADER.match(head) and _MIME_VERSION.search(head) and b"multipart/related" in head.lower():
        return "mhtml"  # a web archive (Word saves one under .doc too)
    if _HTML_START.match(head):
        return "html"
    return None


def _check_file(path: Path) -> str:
    """The format by suffix, after the checks that need no parsing."""
    if not path.exists():
        raise ReadError(str(path), "file not found")
    if not path.is_file():
        raise ReadError(str(path), "not a regular file")
    suffix = path.suffix.lower()
    if suffix not in READERS:
        if reason := unreadable_reason(suffix):
            raise ReadError(str(path), reason)
        shown = f"'{suffix}'" if suffix else "(none)"
        raise ReadError(
            str(path), f"unsupported file type {shown} (supported: {', '.join(supported_suffixes())})"
        )
    if path.stat().st_size == 0:
        raise ReadError(str(path), "file is empty (0 bytes)")
    return READERS[suffix][0]


def _choose(path: Path, by_suffix: str) -> str:
    """Trust the content over the suffix when the first bytes are conclusive."""
    try:
        with path.open("rb") as handle:
            head = handle.read(_SNIFF_BYTES)
    except OSError as exc:
        raise ReadError(str(path), f"cannot open file: {exc.strerror or exc}") from exc
    sniffed = sniff(head)
    if sniffed == "rtf":
        raise ReadError(str(path), unreadable_reason(f".{sniffed}"))
    if sniffed == "html" and by_suffix == "md":
        return by_suffix  # Markdown may start with raw HTML; it stays text.
    return sniffed or by_suffix


def read(path: str | Path) -> RawDocument:
    """Read a report file of any supported format into text blocks and table grids."""
    path = Path(path)
    fmt = _choose(path, _check_file(path))
    check_file_size(str(path), fmt, path.stat().st_size)
    try:
        return _FORMAT_READERS[fmt](path)
    except (NianbaoError, MemoryError, RecursionError):  # one line for the user, or try_extract's
        raise
    except OSError as exc:
        raise ReadError(str(path), f"cannot read file: {exc.strerror or exc}") from exc
    except Exception as exc:  # a parser's own failure on a damaged file
        detail = " ".join(str(exc).split())
        raise ReadError(str(path), f"cannot read as {fmt}: {type(exc).__name__}: {detail}") from exc


__all__ = ["READERS", "SUPPORTED_SUFFIXES", "UNREADABLE", "read", "sniff", "supported_suffixes", "unreadable_reason"]
