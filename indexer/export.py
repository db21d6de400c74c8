"""Exporting a result set: CSV (one column per facet, UTF-8 with a BOM so
spreadsheet programs read the Chinese right) and JSON lines (the records)."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterable, Iterator
from contextlib import ExitStack

from . import anomalies
from .errors import NianbaoError
from .registry import facets
from .search import Deadline, Sort, compile_query, ordered_docnums, parse
from .store import facet_values, failed_rules

META_COLUMNS = (
    "id", "title", "agency", "province", "city", "county", "year", "published", "template",
    "consistent", "failed_checks", "source",
)


class ExportTooLarge(NianbaoError):
    """A query matching more reports than one export may hold."""

    status = 400

    def __init__(self, found: int, limit: int):
        super().__init__(
            f"the query matches {found} reports; an export holds at most {limit}: narrow it "
            "(add a year, a region or a facet condition)",
            message_zh=f"检索结果有 {found} 份报告，一次最多导出 {limit} 份：请缩小范围（加上年度、地区或指标条件）",
        )
        self.code = "export_too_large"


def records(ix, text: str, sort: str | None = None, limit: int | None = None,
            timeout: float | None = None) -> Iterator[dict]:  # fmt: skip
    """The extraction records of every report a query matches, in the requested order.

    The query is parsed, run and counted here, at the call (QueryError,
    BadRequest, SearchTimeout, ExportTooLarge past ``limit`` reports), so a caller
    streaming the records learns of every failure before it sends a byte;
    ``timeout`` bounds that part. The stream then reads the records from the same
    searcher, so a commit in between cannot shift the documents it names.
    """
    deadline = Deadline(timeout)
    query = compile_query(parse(text))
    order = Sort.parse(sort)
    with ExitStack() as stack:
        searcher = stack.enter_context(ix.searcher())
        docnums = ordered_docnums(searcher, query, order, deadline)
        if limit is not None and len(docnums) > limit:
            raise ExportTooLarge(len(docnums), limit)
        return _stream(stack.pop_all(), searcher, docnums)


def _stream(held: ExitStack, searcher, docnums: list[int]) -> Iterator[dict]:
    with held:
        for docnum in docnums:
            record = json.loads(searcher.stored_fields(docnum)["record"])
            yield anomalies.current(searcher, docnum, record)


def _consistent(record: dict) -> str:
    checks = record.get("checks") or []
    if not checks:
        return ""
    return "yes" if all(c["ok"] for c in checks) else "no"


def _failed(record: dict) -> str:
    """The checks beyond the tables that failed (``findings``), as ``文表不符;模板不符``."""
    return ";".join(failed_rules(record.get("findings")))


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
        meta = {**record, **region, "consistent": _consistent(record), "failed_checks": _failed(record)}
        values = facet_values(record)
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
