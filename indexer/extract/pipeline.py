"""The extraction pipeline: a file in, a ``Report`` out.

read → rows recovered → sections → metadata → tables → facets → checks.
Every step but the first is a pure function of the previous steps' output.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

from .. import registry
from ..errors import NianbaoError
from ..models import SECTION_NAMES, RawDocument, Report
from .checks import run_checks
from .freeform import extract_freeform_facets
from .metadata import extract_metadata
from .readers import read
from .sections import split_sections
from .tables.interpret import read_tables
from .tables.rows import items_from_blocks


def content_hash(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def extract_path(path: str | Path, digest: str | None = None) -> Report:
    """Extract one report file. Raises ``ReadError`` when the file cannot be read.

    ``digest`` is the file's content hash when the caller already has it (ingest does).
    """
    raw = read(path)
    return extract_document(raw, digest or content_hash(Path(path).read_bytes()))


def try_extract(path: str | Path, digest: str | None = None) -> tuple[Report | None, str | None]:
    """(report, None), or (None, reason) for a file that cannot be read or extracted.

    For callers working through many files (the CLI, ingest workers): one bad file
    is reported with its reason and never stops the others.
    """
    try:
        return extract_path(path, digest), None
    except NianbaoError as err:
        return None, err.message.removeprefix(f"{path}: ")
    except Exception as err:  # noqa: BLE001 - an extraction bug in one file must not stop a folder
        return None, f"extraction failed ({type(err).__name__}: {err})"


def extract_document(raw: RawDocument, digest: str) -> Report:
    items = items_from_blocks(raw.blocks)
    # Table rows are numbers, not prose: sections and metadata see them as blank lines.
    lines = ["" if it.is_row else it.text for it in items]
    sections = split_sections(lines)
    meta = extract_metadata(lines, sections)
    tables = read_tables(items, meta.year)
    warnings = list(raw.warnings) + tables.warnings
    if tables.template is None:
        template = "free"
        values, notes = extract_freeform_facets("\n".join(line for line in lines if line))
        warnings += notes
    else:
        template, values = tables.template, tables.facets
    warnings += _missing(sections.text, meta, template)
    ordered = {k: values[k] for k in registry.facets() if k in values}
    return Report(
        id=digest[:16],
        source=raw.source,
        format=raw.format,
        title=meta.title,
        agency=meta.agency,
        region=meta.region,
        year=meta.year,
        published=meta.published,
        template=template,
        sections={name: sections.text[name] for name in SECTION_NAMES if name in sections.text},
        facets=ordered,
        checks=tuple(run_checks(ordered, template)),
        warnings=tuple(warnings),
        content_hash=digest,
    )


def _missing(sections: dict[str, str], meta, template: str) -> list[str]:
    notes = []
    if not sections:
        notes.append("no section headings recognised: the whole text is kept, unsectioned")
    elif template != "free":
        lost = [name for name in SECTION_NAMES if name not in sections]
        if lost:
            notes.append(f"sections not found: {', '.join(lost)}")
    if meta.agency is None:
        notes.append("agency not found in the title or signature")
    if meta.year is None:
        notes.append("year covered not found in the title or body")
    return notes
