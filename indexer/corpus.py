"""The figures of a report that depend on other reports, kept up to date by every ingest.

A report's own extraction never changes once indexed, but some of its facets set it against
other reports, which later ingests add, replace or remove:

- ``跨年结转`` and ``同比``: against its body's report of the year before (``history``);
- ``雷同``: against every other report's same section (``similarity``, kept in
  ``similarity.sqlite`` beside the search index).

(``异常``, against its peer group, is judged when read: ``anomalies``.)

``prepare`` sets a batch's figures before it is written, so a new report is indexed once (a
rewrite costs as much as the first indexing), and returns the indexed reports the batch changes.
``refresh`` runs after an ingest's writes: it brings the copied-text index level with the
search index (reports replaced, removed, or left over by an ingest killed mid-way), recomputes
the figures of the reports those changes reach, and rewrites in one commit the documents whose
figures changed.  What is still to do survives a kill: the bodies in ``history-pending.json``,
the 雷同 reports in the copied-text index's ``stale`` table.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path

from . import facetarrays, history
from .registry import COPY, COPY_PREVIOUS, COPY_WHOLE
from .similarity import Copying, SimilarityIndex, SimilarityStoreError
from .store import Column, abandon, column_text, commit, record_document
from .store import writer as new_writer

CHUNK = 500  # stored records read at once: memory stays flat however many reports a change reaches


def prepare(ix, similar: SimilarityIndex, batch: dict[str, dict]) -> dict[str, dict]:
    """Set the cross-report figures of a batch of records about to be written (by path), against
    the index as committed and each other: 雷同 (the batch joins the copied-text index, committed
    first: a crash before the search index's commit leaves reports there that ``refresh``
    removes), 跨年结转 and 同比.  Returns the indexed records, by path, whose 跨年结转 or 同比 the
    batch changes: they are written in the same commit."""
    for record in batch.values():
        similar.add(record)
    similar.commit()
    bodies = {r.get("agency_key") or "" for r in batch.values()} - {""}
    indexed = {path: r for path, r in history.body_records(ix, bodies).items() if path not in batch}
    # Every report of the batch's bodies is at hand: the years each body has come from them.
    years = {(r.get("agency_key"), r.get("year")) for r in [*indexed.values(), *batch.values()]}
    for record in batch.values():
        _set_copying(record, similar, years)
    changed = history.update([*indexed.values(), *batch.values()])
    return {path: r for path, r in indexed.items() if r["id"] in changed}


Tokenizer = Callable[[list[tuple[str, dict]]], Iterator[dict]]

# Given the stale reports' ids a chunk at a time, a Restater yields for each chunk the
# ``(path, record, index entries)`` of its reports whose 雷同 changed (``restated``, their text
# tokenised), or None for a chunk it left to the writer.
Restater = Callable[[list[list[str]]], Iterator[list[tuple[str, dict, dict]] | None]]


def untokenized(rewrites: list[tuple[str, dict]]) -> Iterator[dict]:
    """No index entries for any rewrite: the writer tokenises them all."""
    return ({} for _ in rewrites)


def left_to_writer(chunks: list[list[str]]) -> Iterator[None]:
    """No chunk of stale reports restated elsewhere: the writer reads and tokenises them all."""
    return (None for _ in chunks)


def refresh(
    ix,
    similar: SimilarityIndex,
    bodies: set[str],
    tokenized: Tokenizer = untokenized,
    restate: Restater = left_to_writer,
) -> None:
    """After the batches: recompute the cross-report figures that ``bodies`` (body keys whose
    reports were replaced or removed) and the copied-text index's stale reports reach, and
    rewrite the documents whose figures changed.  ``restate`` may settle the stale reports
    elsewhere (ingest: in its worker processes, from the committed index), ``tokenized`` gives
    the text fields' index entries of the other ``(path, record)`` rewrites in their order
    (``{}``: the writer tokenises)."""
    _reconcile(ix, similar)
    similar.commit()
    stale = similar.stale()
    # The few records that 跨年结转 and 同比 change are held; the stale reports (a copy can
    # reach many) are read CHUNK at a time, and each one whose 雷同 changed is written at once.
    records = history.body_records(ix, bodies)
    changed = history.update(records.values())
    held = {r["id"]: path for path, r in records.items()}
    years = body_years(ix) if stale else set()
    writer, written = new_writer(ix), 0
    try:
        for record in records.values():
            if record["id"] in stale and _set_copying(record, similar, years):
                changed.add(record["id"])
        ids = sorted(stale - held.keys())
        chunks = [ids[start : start + CHUNK] for start in range(0, len(ids), CHUNK)]
        for chunk, done in zip(chunks, restate(chunks), strict=True):
            if done is None:
                done = [(path, record, {}) for path, record in restated(ix, similar, chunk, years)]
            written += _rewrite(writer, done)
        rewrites = [(path, record) for path, record in records.items() if record["id"] in changed]
        entries = tokenized(rewrites)
        written += _rewrite(writer, [(*rewrite, tokens) for rewrite, tokens in zip(rewrites, entries, strict=True)])
        if written:  # not merged now: the rewritten join the next ingest's merge instead
            commit(writer, merge=False)
        else:  # nothing changed: no new generation for searchers to open
            writer.cancel()
    except BaseException:
        abandon(writer)
        raise
    similar.settle(stale)


def restated(ix, similar: SimilarityIndex, ids: list[str], years: set[tuple[str, int]]) -> list[tuple[str, dict]]:
    """The ``(path, record)`` of the reports among ``ids`` whose 雷同 figures changed, the
    figures set (``years``: ``body_years``), in the order of their ids."""
    return [(path, record) for path, record in _records(ix, set(ids)).items() if _set_copying(record, similar, years)]


def _rewrite(writer, rewrites: list[tuple[str, dict, dict]]) -> int:
    """Write the ``(path, record, index entries)`` rewrites (no entries: the writer tokenises)."""
    for path, record, tokens in rewrites:
        writer.update_document(**{**record_document(record, path), **tokens})
    return len(rewrites)


def touched(ix, paths: Iterable[str]) -> set[str]:
    """The bodies of the indexed documents at ``paths``, read from their column before they are
    replaced or removed: what ``refresh`` must then recompute."""
    bodies: set[str] = set()
    with ix.searcher() as searcher:
        reader = searcher.reader()
        if reader.doc_count_all() == 0:
            return bodies
        column = Column(reader, "body_key")
        for path in paths:
            docnum = searcher.document_number(path=path)
            if docnum is not None:
                bodies.add(column_text(column[docnum]))
    return bodies - {""}


def open_similarity(folder: Path) -> SimilarityIndex:
    """The copied-text index beside the search index; one this version cannot read is rebuilt
    (``_reconcile`` adds every report again)."""
    try:
        return SimilarityIndex(folder)
    except SimilarityStoreError:
        for suffix in ("", "-wal", "-shm"):
            (folder / (SimilarityIndex.FILE + suffix)).unlink(missing_ok=True)
        return SimilarityIndex(folder)


def _reconcile(ix, similar: SimilarityIndex) -> None:
    """Stage the reports the search index holds and the copied-text index lacks, and the
    removal of those it holds that the search index no longer has (replaced or pruned)."""
    indexed = _ids(ix)
    held = similar.ids()
    for gone in sorted(held - indexed):
        similar.remove(gone)
    missing = sorted(indexed - held)
    for start in range(0, len(missing), CHUNK):
        for record in _records(ix, set(missing[start : start + CHUNK])).values():
            similar.add(record)


def _ids(ix) -> set[str]:
    with ix.searcher() as searcher:
        reader = searcher.reader()
        if reader.doc_count() == 0:
            return set()
        column = Column(reader, "id")
        return {column_text(column[n]) for n in reader.all_doc_ids()}


def _records(ix, ids: set[str]) -> dict[str, dict]:
    """The stored records of the reports with these ids, by path."""
    found: dict[str, dict] = {}
    with ix.searcher() as searcher:
        for report_id in sorted(ids):
            docnum = searcher.document_number(id=report_id)
            if docnum is not None:
                fields = searcher.stored_fields(docnum)
                found[fields["path"]] = json.loads(fields["record"])
    return found


def copying_facets(copying: Copying, has_previous: bool) -> dict[str, float]:
    """The 雷同 facet values of one report's figures (``registry.COPY`` keys); 去年 only where
    the body has a report of the year before."""
    values = {COPY + name: share for name, share in copying.other_agency.items()}
    if copying.other_agency_whole is not None:
        values[COPY + COPY_WHOLE] = copying.other_agency_whole
        if has_previous:
            values[COPY + COPY_PREVIOUS] = copying.previous_year_whole
    return values


def _set_copying(record: dict, similar: SimilarityIndex, years: set[tuple[str, int]]) -> bool:
    """Set the record's 雷同 figures (``years``: every (body, year) held); whether they changed."""
    year, body = record.get("year"), record.get("agency_key")
    has_previous = year is not None and (body, year - 1) in years
    now = copying_facets(similar.copying(record["id"]), has_previous)
    if now == (record.get("copying") or {}):
        return False
    record["copying"] = now
    return True


def body_years(ix) -> set[tuple[str, int]]:
    """Every (body key, year) the index holds a report of, read from its columns."""
    with ix.searcher() as searcher:
        reader = searcher.reader()
        if reader.doc_count() == 0:
            return set()
        bodies, years = facetarrays.array(reader, "body_key"), facetarrays.known_years(reader)
        live = facetarrays.alive(reader)
        keep = (bodies >= 0) & (years > 0) & (True if live is None else live)
        pairs = set(zip(bodies[keep].tolist(), years[keep].tolist(), strict=True))
    return {(facetarrays.name_of(code), year) for code, year in pairs}
