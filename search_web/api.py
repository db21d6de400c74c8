"""The JSON endpoint under /api: search, one report, the facet registry, stats, OpenAPI.

Each route reads and checks its parameters, calls one library function and
answers its plain data as JSON. Errors are ``NianbaoError``s; the app's
handler turns them into ``{"error": {code, message, message_zh, position,
suggestions}}``: ``code`` and the English ``message`` are stable for scripts,
``message_zh`` is the same error in Chinese, for people.
"""

from __future__ import annotations

import difflib

from flask import Blueprint, current_app, jsonify, request

from indexer.errors import NianbaoError
from indexer.models import SECTION_NAMES
from indexer.querylang.names import FIELDS, SECTIONS
from indexer.registry import facets as registry_facets
from indexer.search import get_report, search
from indexer.stats import facet_series

from . import get_index, openapi
from .params import int_arg

bp = Blueprint("api", __name__)

SECTION_EXAMPLES = {name: f"{name}:培训" for name in SECTION_NAMES} | {"问题改进": "问题:人手不足"}
FIELD_EXAMPLES = {
    "agency": "机关:商务",
    "region": "地区:重庆",
    "template": "模板:2021",
    "consistent": "勾稽:不符",
    "check": "检查:文表不符",
    "copy": "雷同:问题改进 > 0.9",
    "level": "级别:县级",
    "anomaly": "异常:行政处罚",
    "year": "year:2020",
}


class ApiError(NianbaoError):
    """A bad request parameter (not the query text) or a missing thing; ``status`` per instance."""

    def __init__(self, code: str, message: str, zh: str, status: int = 400,
                 suggestions: list[str] | None = None):  # fmt: skip
        super().__init__(message, message_zh=zh)
        self.code = code
        self.status = status
        self.suggestions = list(suggestions or [])


@bp.get("/search")
def search_reports():
    """One page of the reports a query matches (interfaces.md's object)."""
    page = int_arg("page", 1)
    per_page = int_arg("per_page", 20)
    text = request.args.get("q", "")
    timeout = current_app.config["SEARCH_TIMEOUT"]
    sort = request.args.get("sort")
    return jsonify(search(get_index(), text, page=page, per_page=per_page, sort=sort, timeout=timeout))


@bp.get("/reports/<report_id>")
def report(report_id: str):
    """The extraction record of one report, or 404."""
    record = get_report(get_index(), report_id)
    if record is None:
        raise ApiError("report_not_found", f"no report with id {report_id!r}", f"没有编号为“{report_id}”的报告",
                       status=404)  # fmt: skip
    return jsonify(record)


def _names(mapping: dict[str, str | None], canonical: str) -> list[str]:
    return [name for name, target in mapping.items() if target == canonical and name != canonical]


@bp.get("/facets")
def facets():
    """The facet registry in table order, with the query language's section and field names."""
    sections = [
        {"name": name, "aliases": _names(SECTIONS, name), "example": SECTION_EXAMPLES[name]}
        for name in SECTION_NAMES
    ]
    fields = [
        {"name": field, "aliases": _names(FIELDS, field), "example": FIELD_EXAMPLES[field]}
        for field in dict.fromkeys(FIELDS.values())
    ]
    return jsonify(
        {"facets": [f.to_dict() for f in registry_facets().values()], "sections": sections, "fields": fields}
    )


def _facet_key(name: str | None) -> str:
    """The canonical key of a facet named by key or alias, or 400 with the nearest names."""
    known = registry_facets()
    aliases = {alias: f.key for f in known.values() for alias in f.aliases}
    name = (name or "").strip()
    if not name:
        raise ApiError("missing_facet", "the facet parameter is required (a facet key or alias)",
                       "缺少参数 facet（指标名称或简称）")  # fmt: skip
    if name in known or name in aliases:
        return aliases.get(name, name)
    near = difflib.get_close_matches(name, [*known, *aliases], n=5, cutoff=0.4)
    hint = f"; did you mean {', '.join(near[:3])}?" if near else ""
    hint_zh = f"；您是否想找：{'、'.join(near[:3])}？" if near else ""
    raise ApiError(
        "unknown_facet", f"unknown facet {name!r}{hint}", f"未知指标“{name}”{hint_zh}", suggestions=near
    )


@bp.get("/stats")
def stats():
    """A facet's count, sum and median by year and by province over a query's reports."""
    key = _facet_key(request.args.get("facet"))
    timeout = current_app.config["SEARCH_TIMEOUT"]
    return jsonify(facet_series(get_index(), request.args.get("q", ""), key, timeout=timeout))


@bp.get("/openapi.json")
def openapi_json():
    """The OpenAPI description of these routes."""
    return jsonify(openapi.document())
