"""Work noted on disk before a commit and cleared once done: an ingest killed in between leaves
the note, and the next ingest does the work (``history``'s bodies)."""

from __future__ import annotations

import json
import os
from pathlib import Path


class PendingFile:
    """A set of JSON values (strings) in ``folder/name``."""

    def __init__(self, name: str):
        self.name = name

    def load(self, folder: Path) -> set:
        """What a previous ingest left to do (nothing when the file is missing or unreadable)."""
        try:
            return set(json.loads((folder / self.name).read_text(encoding="utf-8")))
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
