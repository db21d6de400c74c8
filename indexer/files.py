"""Finding report files under the paths a user gives.

A folder is searched recursively without following symbolic links, so a walk
never leaves the folder, never meets a file twice and never loops. Whatever it
passes over that might have held a report is listed with its reason:

- failed (a report may be lost): a link whose target is missing or that loops,
  a subfolder that cannot be opened;
- skipped (nothing lost): a link to a file or folder (give it directly to read
  it), a FIFO, socket or device. A FIFO is never opened: reading one would wait
  for a writer forever.

A file in a report format that is not read (an old Word .doc, WPS, OFD …) fails
with what to do about it, as it would given directly. Entries whose names end in
no report suffix (photos, spreadsheets) are not candidates and are passed over
without mention, as plain files of that kind are.
A path given directly is taken as given (a link given directly is followed).
"""

from __future__ import annotations

import errno
import os
import stat
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from .extract.readers import SUPPORTED_SUFFIXES, unreadable_reason


@dataclass(frozen=True)
class Problem:
    path: Path
    reason: str
    failed: bool  # else skipped: nothing that could be read was passed over


@dataclass
class Found:
    files: list[Path] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)


def find_files(paths: Sequence[str | os.PathLike]) -> Found:
    """Files as given; folders searched recursively for report files, in name order."""
    found = Found()
    for given in paths:
        path = Path(given)
        if path.is_dir():
            files: list[Path] = []
            _walk(path, files, found.problems)
            found.files.extend(sorted(files))
        else:
            found.files.append(path)
    return found


def expand_paths(paths: Sequence[str | os.PathLike]) -> Iterator[Path]:
    """The files of ``find_files`` (its problems are for callers that report them)."""
    yield from find_files(paths).files


def _candidate(name: str, *, unknown_kind: bool = False) -> bool:
    """Whether an entry could be a report: a report suffix, or (when what it was cannot be
    known, as for a broken link) no suffix at all, since it may have been a folder."""
    suffix = os.path.splitext(name)[1].lower()
    return suffix in SUPPORTED_SUFFIXES or (unknown_kind and not suffix)


def _walk(root: Path, files: list[Path], problems: list[Problem]) -> None:
    folders = [root]
    while folders:
        folder = folders.pop()
        try:
            with os.scandir(folder) as entries:
                listed = list(entries)
        except OSError as err:
            problems.append(Problem(folder, f"cannot open folder: {err.strerror or err}", failed=True))
            continue
        for entry in listed:
            path = folder / entry.name
            try:
                kind = entry.stat(follow_symlinks=False).st_mode
            except OSError as err:  # gone since the listing
                problems.append(Problem(path, err.strerror or str(err), failed=True))
                continue
            if stat.S_ISDIR(kind):
                folders.append(path)
            elif stat.S_ISLNK(kind):
                _link(path, problems)
            elif not _candidate(entry.name):
                reason = unreadable_reason(os.path.splitext(entry.name)[1])
                if reason and stat.S_ISREG(kind):
                    problems.append(Problem(path, reason, failed=True))
                continue
            elif stat.S_ISREG(kind):
                files.append(path)
            else:
                problems.append(Problem(path, f"not a regular file ({_special(kind)})", failed=False))


def _link(path: Path, problems: list[Problem]) -> None:
    """A symbolic link met in a folder walk: listed, never followed."""
    try:
        target = path.stat().st_mode
    except OSError as err:
        if _candidate(path.name, unknown_kind=True):
            problems.append(Problem(path, f"symbolic link {_broken(err)}", failed=True))
        return
    if stat.S_ISDIR(target):
        problems.append(Problem(path, "symbolic link to a folder: not followed", failed=False))
    elif _candidate(path.name):
        problems.append(
            Problem(path, "symbolic link: not followed in folders (give it directly)", failed=False)
        )


def _broken(err: OSError) -> str:
    if err.errno == errno.ELOOP:
        return "that loops"
    if err.errno in (errno.ENOENT, errno.ENOTDIR):
        return "to nothing (its target does not exist)"
    return f"that cannot be followed: {err.strerror or err}"


def _special(mode: int) -> str:
    if stat.S_ISFIFO(mode):
        return "a FIFO"
    if stat.S_ISSOCK(mode):
        return "a socket"
    return "a device"
