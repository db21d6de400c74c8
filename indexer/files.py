"""Finding report files under the paths a user gives."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from pathlib import Path

from .extract.readers import SUPPORTED_SUFFIXES


def expand_paths(paths: Sequence[str | Path]) -> Iterator[Path]:
    """Files as given; folders searched recursively for supported report files, in name order."""
    for given in paths:
        path = Path(given)
        if path.is_dir():
            yield from sorted(
                p for p in path.rglob("*") if p.is_file() and p.suffix.lower() in SUPPORTED_SUFFIXES
            )
        else:
            yield path
