"""Copied text (雷同) on the web: a report's similar reports, and any two reports side by side.

``similar_reports`` feeds the report page's 相似报告 section and ``/api/reports/<id>/similar``:
per section, the reports whose same section holds most of this one's own text, read from the
copied-text index beside the search index (a few SQLite queries) with only the records of the
reports listed loaded from the search index.  ``/compare?a=&b=`` (page) and ``/api/compare``
(JSON) put two reports side by side with ``indexer.agencies.compare``; the page marks the
passages both share, the agency page's year-over-year view (same markup, ``_compare.html``)
marks what changed.
"""

from __future__ import annotations

import json

from flask import current_app, jsonify, render_template, request

from indexer.agencies import IncompletePair, ReportNotFound, compare, segments
from indexer.models import SECTION_NAMES
from indexer.search import get_report
from indexer.similarity import Neighbour, open_similarity

from . import api, get_index
from .pages import bp

LIMIT = 10  # similar reports listed per section


@bp.app_template_filter("percent")
def percent(share: float) -> str:
    """A similarity figure as a percentage to one decimal; 100% only for the whole text.

    >>> percent(0.9058), percent(0.5), percent(1.0), percent(0.9996)
    ('90.6%', '50%', '100%', '99.9%')
    """
    shown = 100 if share >= 1 else min(round(share * 100, 1), 99.9)
    return f"{shown:g}%"


def _summaries(ix, ids: set[str]) -> dict[str, dict]:
    """What a listing shows of each report, by id (ids the search index no longer has are left out)."""
    found = {}
    with ix.searcher() as searcher:
        for report_id in ids:
            stored = searcher.document(id=report_id)
            if stored:
                r = json.loads(stored["record"])
                found[report_id] = {k: r.get(k) for k in ("id", "agency", "agency_key", "year", "title")}
    return found


def _entry(record: dict, other: dict, similarity: float) -> dict:
    """One similar report; ``same_agency`` by the normalised body key, ``previous_year`` when it is
    that body's report of the year before."""
    same = bool(record.get("agency_key")) and other["agency_key"] == record["agency_key"]
    year = record.get("year")
    return {
        "id": other["id"],
        "agency": other["agency"],
        "year": other["year"],
        "title": other["title"],
        "similarity": similarity,
        "same_agency": same,
        "previous_year": same and year is not None and other["year"] == year - 1,
    }


def _neighbours(folder: str, record: dict) -> dict[str, list[Neighbour]] | None:
    """Each section's nearest reports, most similar first; None when the index has no copied-text file."""
    index = open_similarity(folder)
    if index is None:
        return None
    with index:
        names = [name for name in SECTION_NAMES if (record.get("sections") or {}).get(name)]
        return {name: index.neighbours(record["id"], name, limit=LIMIT) for name in names}


def similar_reports(ix, folder: str, record: dict) -> list[dict] | None:
    """``[{"section", "reports": [...]}]`` for the sections that have similar reports, in report
    order; None when the index has no copied-text file.  Raises SimilarityStoreError when the
    file cannot be used."""
    found = _neighbours(folder, record)
    if found is None:
        return None
    others = _summaries(ix, {n.report_id for listed in found.values() for n in listed})
    sections = []
    for name, listed in found.items():
        shown = [_entry(record, others[n.report_id], n.similarity) for n in listed if n.report_id in others]
        if shown:
            sections.append({"section": name, "reports": shown})
    return sections


@api.bp.get("/reports/<report_id>/similar")
def similar_json(report_id: str):
    """The report's similar reports by section; ``available`` is false when the index has no
    copied-text file (then ``sections`` is empty)."""
    ix = get_index()
    record = get_report(ix, report_id)
    if record is None:
        raise ReportNotFound(report_id)
    sections = similar_reports(ix, current_app.config["INDEX_DIR"], record)
    return jsonify({"id": report_id, "available": sections is not None, "sections": sections or []})


def _pair() -> tuple[str, str]:
    a, b = (request.args.get(side, "").strip() for side in ("a", "b"))
    if not a or not b:
        raise IncompletePair()
    return a, b


@bp.get("/compare")
def compare_page():
    """Two reports side by side, the passages both share marked."""
    comparison = compare(get_index(), *_pair())
    for section in comparison["sections"]:
        for side in ("a", "b"):
            section[side]["pieces"] = segments(section[side]["text"], section[side]["shared"])
    return render_template("compare.html", comparison=comparison)


@api.bp.get("/compare")
def compare_json():
    """Two reports side by side: facets with ``b - a``, each section's text with its shared spans."""
    return jsonify(compare(get_index(), *_pair()))
