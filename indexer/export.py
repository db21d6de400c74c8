"""Exporting a result set: CSV (one column per facet, UTF-8 with a BOM so
spreadsheet programs read the Chinese right) and JSON lines (the records)."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterable, Iterator

from .registry import facets
from .search import Sort, compile_query, ordered_docnums, parse

META_COLUMNS = (
    "id", "title", "agency", "province", "city", "county", "year", "published", "template",
    "consistent", "source",
)


def records(ix, text: str, sort: str | None = None) -> Iterator[dict]:
    """The extraction records of every report a query matches, in the requested order.

    The query and sort are checked here, at the call (QueryError, BadRequest), so
    a caller streaming the records learns of a bad query before it starts.
    """
    query = compile_query(parse(text))
    order = Sort.parse(sort)

    def stream() -> Iterator[dict]:
        with ix.searcher() as searcher:
            for docnum in ordered_docnums(searcher, query, order):
                yield json.loads(searcher.stored_fields(docnum)["record"])

    return stream()


def _consistent(record: dict) -> str:
    checks = record.get("checks") or []
    if not checks:
        return ""
    return "yes" if all(c["ok"] for c in checks) else "no"


def csv_lines(items: Iterable[dict]) -> Iterator[str]:
    """CSV text in chunks: a BOM, the header, one row per report; absent facets are empty cells."""
    keys = list(facets())
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")

    def flush() -> str:
        text = buffer.getvalue()
        buffer.seek(0)
        buffer.truncate()
        return text

    writer.writerow([*META_COLUMNS, *keys])
    yield "\ufeff" + flush()
    for record in items:
        region = record.get("region") or {}
        meta = {**record, **region, "consistent": _consistent(record)}
        values = record.get("facets") or {}
        writer.writerow([_text(meta.get(c)) for c in META_COLUMNS] + [_cell(values.get(k)) for k in keys])
        yield flush()


def _cell(value) -> str:
    return "" if value is None else str(value)


FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def _text(value) -> str:
    """A text cell a spreadsheet will not run: report text starting like a formula (=, +, -, @,
    tab, return) gets a leading apostrophe, as OWASP advises. Numbers are left as they are."""
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return _cell(value)


def jsonl_lines(items: Iterable[dict]) -> Iterator[str]:
    for record in items:
        yield json.dumps(record, ensure_ascii=False) + "\n"
