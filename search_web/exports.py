"""The exports of a result set: ``/export.csv`` and ``/export.jsonl``, full values (no rounding).

A bad query or sort answers 400 before anything is sent, with the Chinese
error page a person reads in the browser (the status says it to scripts).
"""

from __future__ import annotations

from flask import Response, request

from indexer.export import csv_lines, jsonl_lines, records
from indexer.querylang import QueryError
from indexer.search import BadRequest

from . import error_response, get_index
from .pages import bp


def _export(lines, content_type: str, filename: str):
    """A streamed download of every hit of q in the requested order."""
    q, sort = request.args.get("q", "").strip(), request.args.get("sort") or None
    try:
        items = records(get_index(), q, sort)
    except (QueryError, BadRequest) as err:
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
