"""Extraction: a report file in, a ``Report`` out.

Readers (``readers/``) turn each format into text blocks and table grids; the
steps after them are pure functions over text and grids: table rows
(``tables/``), sections, metadata, free-form numbers, checks.  ``pipeline``
chains them.  Nothing here knows about the index.
"""

from .pipeline import Outcome, content_hash, extract_document, extract_path, try_extract

__all__ = ["Outcome", "content_hash", "extract_document", "extract_path", "try_extract"]
