"""The exports of a result set: ``/export.csv`` and ``/export.jsonl``, full values (no rounding).

The query is run and counted before anything is sent: a bad query or sort, a
search past its time or a result past ``EXPORT_LIMIT`` answers 400 with the
Chinese error page a person reads in the browser (the status says it to
scripts), never a file cut off midway.
"""

from __future__ import annotations

from flask import Response, current_app, request

from indexer.export import ExportTooLarge, csv_lines, jsonl_lines, records
from indexer.querylang import QueryError
from indexer.search import BadRequest, SearchTimeout

from . import error_response, get_index
from .pages import bp


def _export(lines, content_type: str, filename: str):
    """A streamed download of every hit of q in the requested order."""
    q, sort = request.args.get("q", "").strip(), request.args.get("sort") or None
    config = current_app.config
    try:
        items = records(get_index(), q, sort, limit=config["EXPORT_LIMIT"], timeout=config["SEARCH_TIMEOUT"])
    except (QueryError, BadRequest, SearchTimeout, ExportTooLarge) as err:
        return error_response(err.to_dict(), err.status)
    response = Response(lines(items), content_type=content_type)
    response.headers["Content-Disposition"] = f"attachment; filename={filename}"
    return response


@bp.get("/export.csv")
def export_csv():
    """Every hit of q as CSV: UTF-8 with a BOM, one column per facet, empty cells for absent values."""
    return _export(csv_lines, "text/csv; charset=utf-8", "nianbao.csv")


@bp.get("/export.jsonl")
def export_jsonl():
    """Every hit of q as JSON lines: one extraction record per line."""
    return _export(jsonl_lines, "application/x-ndjson; charset=utf-8", "nianbao.jsonl")
