"""The report page and the download of the report's original file.

The file served is the one the index records for that report id (the path
ingest stored), checked against the content hash it had when ingested: a
request names a report, never a path, so nothing outside the ingested set can
be served. A file gone or changed since is a Chinese 404 that says so.
"""

from __future__ import annotations

import logging

from flask import current_app, render_template, send_file

from indexer.extract import templates as official
from indexer.levels import level_of
from indexer.models import SECTION_NAMES
from indexer.registry import CHECK_RULES, TEMPLATE_NAMES, facets
from indexer.search import get_report, original_file
from indexer.similarity import SimilarityStoreError
from indexer.stats import agency_reports

from . import error_response, get_index
from .messages import http_error
from .pages import bp
from .similar import similar_reports

log = logging.getLogger(__name__)

# The content type a download is offered as; the browser saves it either way (attachment).
# By the format the content proved to be, not the name: a page saved as .jsp is HTML, an
# old Word file renamed .docx is a .doc.
CONTENT_TYPES = {
    "txt": "text/plain",
    "md": "text/markdown",
    "html": "text/html",
    "mhtml": "multipart/related",  # RFC 2557's type of a web archive
    "pdf": "application/pdf",
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "doc": "application/msword",
}


@bp.get("/reports/<report_id>")
def report_page(report_id: str):
    """One report: metadata, sections, the official tables re-drawn, checks, similar reports, other years."""
    ix = get_index()
    record = get_report(ix, report_id)
    if record is None:
        return _not_found(report_id)
    others = [r for r in agency_reports(ix, record.get("agency") or "", record.get("agency_key")) if r["id"] != record["id"]]
    checks = sorted(record.get("checks") or [], key=lambda c: c["ok"])
    findings = sorted(record.get("findings") or [], key=lambda c: c["ok"])
    similar, similar_broken = _similar(ix, record)
    return render_template(
        "report.html",
        r=record,
        others=others,
        similar=similar,
        similar_broken=similar_broken,
        checks=checks,
        findings=findings,
        check_rules=CHECK_RULES,
        section_names=SECTION_NAMES,
        official=official,
        registry=facets(),
        level=level_of(record.get("region")),
        template_names=TEMPLATE_NAMES,
    )


def _similar(ix, record: dict) -> tuple[list[dict] | None, bool]:
    """The page's similar reports (None: no copied-text file), and whether the file cannot be
    used: the page then says so in one line rather than failing the whole report."""
    try:
        return similar_reports(ix, current_app.config["INDEX_DIR"], record), False
    except SimilarityStoreError as err:
        log.warning("similar reports of %s: %s", record["id"], err.message)
        return None, True


@bp.get("/reports/<report_id>/file")
def report_file(report_id: str):
    """The report's original file as ingested, as a download under its own file name."""
    original = original_file(get_index(), report_id)
    if original is None:
        return _not_found(report_id)
    kind = CONTENT_TYPES.get(original.format)
    response = send_file(
        original.path,
        mimetype=kind or "application/octet-stream",
        as_attachment=True,
        download_name=original.name,
        conditional=True,
        max_age=0,
    )
    # The bytes as ingested, in whatever encoding they came (GB18030 is common): no charset claimed.
    response.headers["Content-Type"] = kind or "application/octet-stream"
    return response


def _not_found(report_id: str):
    """The report-not-found page: a 404 that names the id and offers the way back."""
    body = http_error(404, f"/reports/{report_id}", "GET")
    body.update(
        code="report_not_found",
        message=f"no report with id {report_id!r}",
        message_zh=f"没有编号为“{report_id}”的报告",
        hint_zh="报告可能已从索引中删除（重新运行 nianbao ingest --prune 后），或链接不完整",
    )
    return error_response(body, 404)
