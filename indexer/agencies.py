"""One body's reports across the years: ``agency_history`` and ``compare``.

A body is its normalised key (``extract.agencykey``, the index's ``body_key``), so the
years a report names it 城步苗族自治县商务局 and the years it says 县商务局 are one
history.  The history holds the reports oldest first, the main facets of each, and the
checks each failed; ``compare`` puts two of the reports side by side: every facet either
states with the difference, and each section's text with the passages both share.
"""

from __future__ import annotations

import json
from statistics import median

from whoosh import query as wq

from .errors import NianbaoError
from .extract.agencykey import agency_label
from .models import SECTION_NAMES, WHOLE_TEXT
from .registry import MAIN_FACETS, facets
from .similarity.text import normalise, shared_spans

_TRAILING = "。！？；，、：,.!?;: \n"  # what may close a shared passage without being a change


class AgencyNotFound(NianbaoError):
    """No indexed report belongs to the body key asked for."""

    status = 404

    def __init__(self, key: str):
        super().__init__(
            f"no agency with key {key!r}",
            message_zh=f"没有机关键为“{key}”的报告",
            hint="the key is the agency's normalised name, as a report page links it",
            hint_zh="机关键是规范化后的机关全称，可从报告页面的机关名称进入",
        )
        self.code = "agency_not_found"


class NotThisAgency(NianbaoError):
    """A report asked to be compared that is not one of this agency's."""

    status = 400

    def __init__(self, report_id: str, key: str):
        super().__init__(
            f"report {report_id!r} is not a report of agency {key!r}",
            message_zh=f"编号为“{report_id}”的报告不属于机关“{key}”",
        )
        self.code = "not_this_agency"


class IncompletePair(NianbaoError):
    """A comparison asked for with one of its two reports left out."""

    def __init__(self):
        super().__init__(
            "a comparison needs two report ids, a and b", message_zh="对比需要选择两份报告（a 和 b）"
        )
        self.code = "incomplete_pair"


class ReportNotFound(NianbaoError):
    """A report id no indexed report has."""

    status = 404

    def __init__(self, report_id: str):
        super().__init__(f"no report with id {report_id!r}", message_zh=f"没有编号为“{report_id}”的报告")
        self.code = "report_not_found"


def _records(ix, key: str) -> list[dict]:
    """The body's extraction records, oldest year first (unknown years last, then by id)."""
    if not key:
        return []
    with ix.searcher() as searcher:
        found = [json.loads(hit["record"]) for hit in searcher.search(wq.Term("body_key", key), limit=None)]
    return sorted(found, key=lambda r: (r["year"] is None, r["year"] or 0, r["id"]))


def _failed(items: list[dict] | None) -> list[dict]:
    return [{"rule": c["rule"], "detail": c["detail"]} for c in items or [] if not c["ok"]]


def _summary(record: dict) -> dict:
    return {
        "id": record["id"],
        "year": record["year"],
        "title": record["title"],
        "agency": record["agency"],
        "template": record["template"],
        "checks": len(record.get("checks") or []),
        "checks_failed": _failed(record.get("checks")),
        "findings": len(record.get("findings") or []),
        "findings_failed": _failed(record.get("findings")),
    }


def _facet_rows(records: list[dict]) -> list[dict]:
    """One row per main facet: its value in each report (None: not stated), in report order."""
    known = facets()
    return [
        {
            "key": key,
            "label": known[key].label,
            "unit": known[key].unit,
            "values": [r["facets"].get(key) for r in records],
        }
        for key in MAIN_FACETS
    ]


def by_year(row: dict, years: list[int | None]) -> list[dict]:
    """A facet row as yearly groups (sum and median of the year's reports), oldest first;
    reports of no known year and reports not stating the facet are left out."""
    values: dict[int, list[float]] = {}
    for year, value in zip(years, row["values"], strict=True):
        if year is not None and value is not None:
            values.setdefault(year, []).append(value)
    return [
        {"key": year, "reports": len(v), "sum": sum(v), "median": median(v)}
        for year, v in sorted(values.items())
    ]


def agency_history(ix, key: str) -> dict:
    """The body's name, its reports oldest first (with the checks each failed) and its main
    facets per report.  Raises AgencyNotFound when no report has this key."""
    records = _records(ix, key)
    if not records:
        raise AgencyNotFound(key)
    names = [r["agency"] for r in records]
    return {
        "key": key,
        "name": agency_label(names) or key,
        "names": sorted({n for n in names if n}),
        "reports": [_summary(r) for r in records],
        "facets": _facet_rows(records),
    }


def _difference(a: float | None, b: float | None) -> float | None:
    """``b - a`` when both are stated; rounded so that 143.9 - 120.3 is 23.6, not 23.600000000000009."""
    if a is None or b is None:
        return None
    diff = round(b - a, 6)
    return int(diff) if isinstance(a, int) and isinstance(b, int) else diff


def _facet_pairs(a: dict, b: dict) -> list[dict]:
    """Every facet either report states, in registry order, with ``b - a``."""
    stated = a["facets"].keys() | b["facets"].keys()
    return [
        {
            "key": key,
            "label": f.label,
            "unit": f.unit,
            "a": a["facets"].get(key),
            "b": b["facets"].get(key),
            "difference": _difference(a["facets"].get(key), b["facets"].get(key)),
        }
        for key, f in facets().items()
        if key in stated
    ]


def _texts(record: dict) -> dict[str, str | None]:
    """The record's text by section; a record without sections is its whole text."""
    if record.get("unsectioned"):
        return {WHOLE_TEXT: record["unsectioned"]}
    return {name: record["sections"].get(name) for name in SECTION_NAMES}


def _section_pairs(a: dict, b: dict) -> list[dict]:
    """Each section's two texts (None: not in that report) with the spans the other also has."""
    left, right = _texts(a), _texts(b)
    pairs = []
    for name in dict.fromkeys([*left, *right]):
        ta, tb = left.get(name), right.get(name)
        if ta and tb and normalise(ta)[0] == normalise(tb)[0]:  # the same text, however short
            left_spans, right_spans = [[0, len(ta)]], [[0, len(tb)]]
        else:
            spans = shared_spans(ta or "", tb or "")
            left_spans, right_spans = [list(s) for s in spans.left], [list(s) for s in spans.right]
        pairs.append(
            {"name": name, "a": {"text": ta, "shared": left_spans}, "b": {"text": tb, "shared": right_spans}}
        )
    return pairs


def compare(ix, id_a: str, id_b: str) -> dict:
    """Two reports side by side: facet values with ``b - a``, and section texts with their shared
    passages as ``[start, end)`` character spans of each text.  Raises ReportNotFound for an id
    no report has."""
    a, b = (_record(ix, report_id) for report_id in (id_a, id_b))
    return {
        "a": _summary(a),
        "b": _summary(b),
        "facets": _facet_pairs(a, b),
        "sections": _section_pairs(a, b),
    }


def check_pair(history: dict, id_a: str, id_b: str) -> None:
    """Raises NotThisAgency unless both ids are among the history's reports."""
    if not id_a or not id_b:
        raise IncompletePair()
    ids = {r["id"] for r in history["reports"]}
    for report_id in (id_a, id_b):
        if report_id not in ids:
            raise NotThisAgency(report_id, history["key"])


def _record(ix, report_id: str) -> dict:
    with ix.searcher() as searcher:
        stored = searcher.document(id=report_id)
    if not stored:
        raise ReportNotFound(report_id)
    return json.loads(stored["record"])


def segments(text: str | None, shared: list[list[int]]) -> list[tuple[str, bool]]:
    """``text`` cut at the shared spans: ``(piece, shared?)`` in order, for a page to mark.

    A piece between shared ones that is only punctuation or spacing counts as shared: the
    spans stop at the last letter, and a lone 。 is no change a reader needs shown.

    >>> segments("甲乙丙丁", [[1, 3]])
    [('甲', False), ('乙丙', True), ('丁', False)]
    >>> segments("甲乙。丙丁", [[0, 2], [3, 5]])
    [('甲乙。丙丁', True)]
    >>> segments("甲乙。丙丁", [[0, 2]])
    [('甲乙。', True), ('丙丁', False)]
    """
    if not text:
        return []
    cuts, at = [], 0
    for start, end in shared:
        cuts += [(at, start, False), (start, end, True)]
        at = end
    cuts.append((at, len(text), False))
    pieces: list[tuple[str, bool]] = []
    for start, end, same in cuts:
        piece = text[start:end]
        if not piece:
            continue
        same = same or not normalise(piece)[0].strip()
        if not same and pieces:  # the punctuation closing a shared passage stays with it
            lead = len(piece) - len(piece.lstrip(_TRAILING))
            pieces[-1], piece = (pieces[-1][0] + piece[:lead], True), piece[lead:]
        if pieces and pieces[-1][1] == same:
            pieces[-1] = (pieces[-1][0] + piece, same)
        else:
            pieces.append((piece, same))
    return pieces
