"""``跨年结转`` kept current across ingests: a report's check needs its body's report of
the year before, which may be ingested before it, after it, replaced or removed.

After an ingest's writes, the bodies it touched (``body_key`` of every report added,
replaced or removed, before and after) are checked again over all their indexed
reports (``reportchecks.history_checks``), and the documents whose 跨年结转 findings
changed are rewritten: the work is proportional to those bodies' reports, not the index.
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterable
from pathlib import Path

from whoosh import query as wq

from .extract.reportchecks import history_checks
from .store import Column, column_text, record_document

RULE = "跨年结转"
# Bodies whose reports were committed but not yet checked again: an ingest killed between its
# writes and the recheck leaves them here, and the next ingest (whose files are unchanged) does it.
PENDING = "history-pending.json"


def pending(folder: Path) -> set[str]:
    """The bodies a previous ingest left to check again."""
    try:
        return set(json.loads((folder / PENDING).read_text(encoding="utf-8")))
    except (OSError, ValueError, TypeError):
        return set()


def remember(folder: Path, bodies: set[str]) -> None:
    """Note ``bodies`` as still to check, atomically, before a commit that touches them."""
    if not bodies:
        return
    temporary = folder / (PENDING + ".tmp")
    temporary.write_text(json.dumps(sorted(bodies), ensure_ascii=False), encoding="utf-8")
    os.replace(temporary, folder / PENDING)


def settled(folder: Path) -> None:
    """The recheck is committed: nothing is left to check."""
    (folder / PENDING).unlink(missing_ok=True)


def bodies_of(ix, paths: Iterable[str]) -> set[str]:
    """The body keys of the indexed documents at ``paths`` (read before they are replaced)."""
    found: set[str] = set()
    with ix.searcher() as searcher:
        reader = searcher.reader()
        if reader.doc_count_all() == 0:
            return found
        column = Column(reader, "body_key")
        for path in paths:
            docnum = searcher.document_number(path=path)
            if docnum is not None:
                found.add(column_text(column[docnum]))
    return found - {""}


def rechecked(ix, bodies: set[str]) -> list[dict]:
    """The documents, rebuilt, of the reports of ``bodies`` whose 跨年结转 findings change."""
    stored: list[tuple[str, dict]] = []
    with ix.searcher() as searcher:
        for key in sorted(bodies - {""}):
            for docnum in searcher.docs_for_query(wq.Term("body_key", key)):
                fields = searcher.stored_fields(docnum)
                stored.append((fields["path"], json.loads(fields["record"])))
    found = history_checks(record for _, record in stored)
    documents = []
    for path, record in stored:
        findings = record.get("findings") or []
        now = [c.to_dict() for c in found.get(record["id"], [])]
        if now != [c for c in findings if c["rule"] == RULE]:
            record["findings"] = now + [c for c in findings if c["rule"] != RULE]
            documents.append(record_document(record, path))
    return documents
