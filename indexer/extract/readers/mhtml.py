"""Web archives (.mht, .mhtml): the page a browser or Word saved as one MIME file.

The page is the archive's root part (the one ``multipart/related`` names as its start, else
its first ``text/html`` part), decoded from its transfer encoding and read as any web page;
the images and style sheets beside it are left. Where the page states no address of its own,
the archive's (``Snapshot-Content-Location``, the root's ``Content-Location``) is kept.
"""

from __future__ import annotations

import dataclasses
import email
import email.policy
from pathlib import Path

from ...errors import ReadError
from ...models import RawDocument
from . import html


def read(path: str | Path) -> RawDocument:
    """The archive's page, as ``html.read`` reads a page; the record's format is ``mhtml`` (the
    file downloaded from the report page is the archive, not the page)."""
    path = str(path)
    message = email.message_from_bytes(Path(path).read_bytes(), policy=email.policy.compat32)
    root = _root(message)
    if root is None:
        raise ReadError(path, "not a readable web archive (MHTML): no HTML page inside")
    data = root.get_payload(decode=True) or b""
    page = html.read_page(data, path, root.get_content_charset())
    # A long header is folded over lines: the address is its text without the folds.
    address = "".join((message.get("Snapshot-Content-Location") or root.get("Content-Location") or "").split())
    stated = page.source_url or (address if address.startswith(("http://", "https://")) else None)
    return dataclasses.replace(page, format="mhtml", source_url=stated)


def _root(message):
    """The archive's page: the part its ``start`` parameter names, else the first HTML part."""
    parts = [p for p in message.walk() if not p.is_multipart()]
    start = message.get_param("start")
    if isinstance(start, str):
        named = [p for p in parts if p.get("Content-ID", "").strip() == start.strip()]
        if named:
            return named[0]
    return next((p for p in parts if p.get_content_type() == "text/html"), None)
