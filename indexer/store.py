"""Opening the index folder and turning reports into Whoosh documents."""

from __future__ import annotations

import json
import os
from pathlib import Path

from whoosh import index

from .errors import NianbaoError
from .models import Report
from .registry import facets as registry_facets
from .schema import SECTION_FIELDS, build_schema, facet_field

INDEX_NAME = "nianbao"


class IndexMissing(NianbaoError):
    status = 503

    def __init__(self, folder: Path):
        super().__init__(
            f"no index in {folder}",
            hint="run `nianbao ingest PATH...` first, or point --index / NIANBAO_INDEX at an index",
            message_zh=f"索引文件夹 {folder} 中还没有索引",
            hint_zh="请先运行 nianbao ingest 报告所在文件夹，或用 --index / NIANBAO_INDEX 指向已有的索引",
        )


def index_folder(given: str | os.PathLike | None) -> Path:
    """The index folder: as given, else $NIANBAO_INDEX, else ./index_data."""
    return Path(given or os.environ.get("NIANBAO_INDEX") or "index_data")


def open_or_create(folder: Path) -> index.Index:
    folder.mkdir(parents=True, exist_ok=True)
    if index.exists_in(str(folder), indexname=INDEX_NAME):
        return index.open_dir(str(folder), indexname=INDEX_NAME)
    return index.create_in(str(folder), build_schema(), indexname=INDEX_NAME)


def open_existing(folder: Path) -> index.Index:
    if not index.exists_in(str(folder), indexname=INDEX_NAME):
        raise IndexMissing(folder)
    return index.open_dir(str(folder), indexname=INDEX_NAME)


def column_text(value: str | bytes) -> str:
    """A value read from an ID field's column (Whoosh keeps them as bytes)."""
    return value.decode("utf-8") if isinstance(value, bytes) else value


def consistency(report: Report) -> str:
    """'no' when any of the report's own checks fails, 'yes' when all pass, else 'unknown'."""
    if not report.checks:
        return "unknown"
    return "yes" if all(c.ok for c in report.checks) else "no"


def to_document(report: Report, path: str) -> dict:
    """The Whoosh document of a report; ``path`` is its normalised source path."""
    sections = {SECTION_FIELDS[name]: text for name, text in report.sections.items()}
    content = "\n".join(filter(None, [report.title, report.agency, *report.sections.values()]))
    doc = {
        "path": path,
        "id": report.id,
        "content_hash": report.content_hash,
        "title": report.title or "",
        "agency": report.agency or "",
        "agency_key": report.agency or "",
        "province": report.region.province or "",
        "city": report.region.city or "",
        "county": report.region.county or "",
        "template": report.template,
        "consistent": consistency(report),
        "content": content,
        "record": json.dumps(report.to_record(), ensure_ascii=False),
        **sections,
    }
    if report.year is not None:
        doc["year"] = report.year
    known = registry_facets()
    doc.update({facet_field(k): float(v) for k, v in report.facets.items() if k in known})
    return doc
