"""Work noted on disk before a commit and cleared once done: an ingest killed in between leaves
the note, and the next ingest does the work (``history``'s bodies, ``anomalies``' peer groups)."""

from __future__ import annotations

import json
import os
from collections.abc import Callable
from pathlib import Path


class PendingFile:
    """A set of JSON values in ``folder/name``; ``decode`` turns each back (lists into tuples)."""

    def __init__(self, name: str, decode: Callable = lambda value: value):
        self.name, self.decode = name, decode

    def load(self, folder: Path) -> set:
        """What a previous ingest left to do (nothing when the file is missing or unreadable)."""
        try:
            return {self.decode(v) for v in json.loads((folder / self.name).read_text(encoding="utf-8"))}
        except (OSError, ValueError, TypeError):
            return set()

    def remember(self, folder: Path, items: set) -> None:
        """Note ``items`` as still to do, atomically, before a commit that changes them."""
        if not items:
            return
        temporary = folder / (self.name + ".tmp")
        temporary.write_text(json.dumps(sorted(items), ensure_ascii=False), encoding="utf-8")
        os.replace(temporary, folder / self.name)

    def settled(self, folder: Path) -> None:
        """The work is committed: nothing is left to do."""
        (folder / self.name).unlink(missing_ok=True)
