"""Report formats no reader here takes, and the one way a refusal of one is worded.

A file of one of them is named with what to do, in a folder walk as given directly, never
passed over as a photo is (``indexer.files``); the readers refuse the same way a format they
find inside a file they were given (Word 6.0/95 under .doc, RTF under any suffix).
"""

from __future__ import annotations

# suffix -> the format's name in a refusal
UNREADABLE: dict[str, str] = {
    ".rtf": "RTF (.rtf)",
    ".odt": "OpenDocument (.odt)",
    ".ofd": "OFD (.ofd)",
}


def not_read(kind: str) -> str:
    """The refusal of a format by its name (``messages_zh`` translates it by this wording)."""
    return f"{kind} files are not read: save it as .docx, PDF or HTML"


def unreadable_reason(suffix: str) -> str | None:
    """Why a file of a report format that is not read is refused, or None for other suffixes."""
    kind = UNREADABLE.get(suffix.lower())
    return None if kind is None else not_read(kind)
