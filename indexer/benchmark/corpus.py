"""The benchmark corpus: generated reports in every form, in realistic proportions.

Report ``i`` is drawn from seed ``i`` in a form chosen by that seed alone, so a
corpus of 10,000 is the first 10,000 of the corpus of 100,000, and a folder
written once is reused and grown by later runs (``manifest.json`` says what it holds).
"""

from __future__ import annotations

import json
import random
import shutil
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

from indexer.generator import generate, write

# Share of each form. Most reports are published as web pages; attachments as PDF
# and Word; the rest reach a search engine as crawler text in its many shapes,
# and about one in ten predates the 2019 template.
MIX = {
    "html": 40,
    "pdf": 8,
    "docx": 7,
    "cells": 4,
    "tsv": 4,
    "md": 4,
    "pipes": 5,
    "cellpipe": 3,
    "blanklines": 3,
    "pdftext": 4,
    "oneline": 3,
    "ocrmd": 3,
    "free": 6,
    "statshtml": 2,
    "statsline": 2,
    "statsfused": 2,
}
_VERSION = 2  # bump when MIX or the naming changes: an older corpus folder is rewritten


def form_of(seed: int) -> str:
    return random.Random(f"bench-form:{seed}").choices(list(MIX), weights=list(MIX.values()))[0]


def _write(args: tuple[int, str]) -> str:
    seed, folder = args
    form = form_of(seed)
    # Folders of 100 seeds: short listings at 100,000 files, and the last ones make the increment.
    return str(write(generate(seed, form=form), form, Path(folder) / f"{seed // 100:04d}"))


def build(folder: Path, count: int, workers: int) -> tuple[Path, bool]:
    """The corpus of ``count`` reports in ``folder`` (reused when already there); whether it was written."""
    manifest = folder / "manifest.json"
    wanted = {"version": _VERSION, "count": count}
    held = json.loads(manifest.read_text()) if manifest.is_file() else {}
    if held == wanted:
        return folder / "reports", False
    reports = folder / "reports"
    if held.get("version") != _VERSION or held.get("count", 0) > count:
        shutil.rmtree(reports, ignore_errors=True)  # another mix, or more reports than asked for
        held = {}
    # A larger corpus is a smaller one plus the seeds after it.
    jobs = [(seed, str(reports)) for seed in range(held.get("count", 0), count)]
    with ProcessPoolExecutor(max_workers=workers) as pool:
        for _ in pool.map(_write, jobs, chunksize=64):
            pass
    manifest.write_text(json.dumps(wanted))
    return reports, True


def forms_in(count: int) -> dict[str, int]:
    """How many reports of each form a corpus of ``count`` holds."""
    counted: dict[str, int] = {}
    for seed in range(count):
        form = form_of(seed)
        counted[form] = counted.get(form, 0) + 1
    return dict(sorted(counted.items(), key=lambda kv: -kv[1]))
