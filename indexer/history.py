"""``跨年结转`` and ``同比`` kept current across ingests: both set a report against its
body's report of the year before, which may be ingested before it, after it, replaced or
removed.

After an ingest's writes, the bodies it touched (``body_key`` of every report added,
replaced or removed, before and after) are checked again over all their indexed
reports (``reportchecks.history_checks``, ``year_over_year``), and the documents whose
figures changed are rewritten (``corpus.refresh``): the work is proportional to those
bodies' reports, not the index.
"""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Iterable

from whoosh import query as wq

from .extract.agencykey import agency_key
from .extract.reportchecks import history_checks
from .pendingfile import PendingFile
from .registry import MAIN_FACETS, YOY

RULE = "跨年结转"
# Bodies whose reports were committed but not yet checked again: an ingest killed between its
# writes and the recheck leaves them here, and the next ingest (whose files are unchanged) does it.
PENDING = "history-pending.json"


_PENDING = PendingFile(PENDING)
pending = _PENDING.load  # the bodies a previous ingest left to check again
remember = _PENDING.remember  # note bodies as still to check, before a commit that touches them
settled = _PENDING.settled  # the recheck is committed: nothing is left to check


def body_records(ix, bodies: set[str]) -> dict[str, dict]:
    """The stored records of every indexed report of ``bodies``, by path."""
    found: dict[str, dict] = {}
    with ix.searcher() as searcher:
        for key in sorted(bodies - {""}):
            for docnum in searcher.docs_for_query(wq.Term("body_key", key)):
                fields = searcher.stored_fields(docnum)
                found[fields["path"]] = json.loads(fields["record"])
    return found


def update(records: Iterable[dict]) -> set[str]:
    """Set each record's 跨年结转 findings and 同比 changes against its body's reports among
    ``records`` (all of its body's, or the figures would be wrong); the ids of those changed."""
    records = list(records)
    found = history_checks(records)
    changes = year_over_year(records)
    changed = set()
    for record in records:
        findings = record.get("findings") or []
        now = [c.to_dict() for c in found.get(record["id"], [])]
        yoy = changes.get(record["id"], {})
        if now != [c for c in findings if c["rule"] == RULE] or yoy != (record.get("yoy") or {}):
            record["findings"] = now + [c for c in findings if c["rule"] != RULE]
            record["yoy"] = yoy
            changed.add(record["id"])
    return changed


def year_over_year(records: Iterable[dict]) -> dict[str, dict[str, float]]:
    """The 同比 facets of each record with one report of its body the year before: each main
    facet's change (0.5 is +50 %) where both state it and last year's is not 0.  Two reports
    of the same body and year leave the years after them without a change (which to take?)."""
    by_year: dict[tuple[str, int], list[dict]] = defaultdict(list)
    for record in records:
        key = agency_key(record.get("agency"), record.get("region"))
        if key is not None and record.get("year") is not None:
            by_year[(key, record["year"])].append(record)
    changes: dict[str, dict[str, float]] = {}
    for (key, year), current in by_year.items():
        before = by_year.get((key, year - 1), [])
        if len(before) != 1:
            continue
        last = before[0]["facets"]
        for record in current:
            now = record["facets"]
            found = {
                facet + YOY: round((now[facet] - last[facet]) / last[facet], 4)
                for facet in MAIN_FACETS
                if facet in now and last.get(facet)
            }
            if found:
                changes[record["id"]] = found
    return changes
