"""What one file may cost to read: limits far above any real report, far below harm.

A real annual report is a few hundred KB (the largest bundled one is 111 KB of HTML),
under 200 pages and a few hundred nesting levels shallower than anything here.  The
limits exist so that a hostile or broken file (a 200 MB text dump, a zip bomb posing
as .docx, HTML nested 100,000 deep) is refused in a second with a reason naming the
limit, instead of taking the ingest's memory or time.  Each reason is one line.
"""

from __future__ import annotations

from ..errors import ReadError

MB = 1024 * 1024

# Bytes on disk, by the format the file is read as (extraction costs about 3 s per MB
# of dense text, linearly).  Text and Markdown are the whole report; HTML carries markup and sometimes inline images; a .docx is bounded again
# by what it decompresses to; a PDF is read page by page, bounded by its page count.
MAX_FILE_BYTES = {"txt": 5 * MB, "md": 5 * MB, "html": 10 * MB, "docx": 100 * MB, "doc": 100 * MB, "mhtml": 50 * MB, "pdf": 300 * MB}

# HTML: Chrome's parser stops nesting at 512 levels; real report pages reach about 25.
MAX_HTML_DEPTH = 512
# Real report pages hold about 2,000 elements; each costs about 1 KB and 50 µs to parse.
MAX_HTML_ELEMENTS = 100_000

# .docx: what all its parts inflate to (images included: python-docx loads them too),
# and what its XML parts inflate to together (a parsed XML tree costs about 10x its
# text; a long report's XML is 1-3 MB).  zipfile never inflates a part beyond the size
# the zip's directory declares for it (a lie fails its CRC check), so summing the
# declared sizes bounds what reading can inflate.
MAX_DOCX_UNPACKED = 100 * MB
MAX_DOCX_XML = 20 * MB

# .doc: the main document's characters (a long report holds 20,000-100,000; each costs about
# 100 bytes while its paragraphs are found).
MAX_DOC_CHARS = 2_000_000

# A report is rarely over 200 pages; each page costs 20-100 ms to read.
MAX_PDF_PAGES = 500


class LimitExceeded(ReadError):
    """A file refused because reading it would cost more than any real report does."""


def size(n: int) -> str:
    """Bytes for a person: ``size(3 * MB)`` → ``'3.0 MB'``."""
    if n < MB:
        return f"{n / 1024:.1f} KB"
    return f"{n / MB:.1f} MB"


def check_file_size(path: str, fmt: str, n: int) -> None:
    """Refuse a file larger than its format's limit."""
    limit = MAX_FILE_BYTES[fmt]
    if n > limit:
        raise LimitExceeded(path, f"file too large: {size(n)} (limit for {fmt} files: {size(limit)})")
