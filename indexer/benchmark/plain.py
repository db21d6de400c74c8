"""The baseline: the same reports in a plain Whoosh index with jieba's own ChineseAnalyzer.

What a developer gets from the two libraries alone: one TEXT field holding the
text nianbao indexes (title, agency and the six sections), the year, the
province, and one NUMERIC field per facet. Built in one process with one commit
(Whoosh's fastest single-writer path), then asked the classes it can express.
"""

from __future__ import annotations

import resource
import time
from pathlib import Path

from whoosh import columns, fields, index, sorting
from whoosh import query as wq
from whoosh.qparser import QueryParser

from indexer.schema import facet_field

from .workload import Probe

# Classes the plain index can answer the same way; the others need nianbao's own layer.
ANSWERED = ("word", "rare word", "phrase", "facet range", "word + range + year", "region",
            "AND/OR/NOT", "common word", "sort by facet", "page 10")  # fmt: skip


def _schema(keys: list[str]):
    from jieba.analyse import ChineseAnalyzer

    # Whoosh 2.7 cannot make a float NUMERIC sortable by itself: its column is given explicitly.
    numeric = {
        facet_field(k): fields.NUMERIC(float, sortable=columns.NumericColumn("d", default=float("nan")))
        for k in keys
    }
    return fields.Schema(
        id=fields.ID(stored=True, unique=True),
        content=fields.TEXT(analyzer=ChineseAnalyzer()),
        year=fields.NUMERIC(int, sortable=True),
        province=fields.ID,
        **numeric,
    )


def build(records, keys: list[str], folder: Path) -> dict:
    """Index ``records`` (extraction records, an iterable); wall and CPU seconds, documents, size."""
    folder.mkdir(parents=True, exist_ok=True)
    started, cpu = time.perf_counter(), time.process_time()
    ix = index.create_in(str(folder), _schema(keys))
    writer = ix.writer(limitmb=256)
    count = 0
    wanted = set(keys)
    for record in records:
        text = "\n".join(filter(None, [record["title"], record["agency"], *record["sections"].values()]))
        doc = {"id": record["id"], "content": text, "province": record["region"].get("province") or ""}
        if record.get("year"):
            doc["year"] = record["year"]
        doc.update({facet_field(k): float(v) for k, v in record["facets"].items() if k in wanted})
        writer.add_document(**doc)
        count += 1
    writer.commit()
    return {
        "documents": count,
        "wall_s": time.perf_counter() - started,
        "cpu_s": time.process_time() - cpu,
        "size_mb": sum(p.stat().st_size for p in folder.iterdir()) / 2**20,
        "peak_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
    }


class PlainSearcher:
    """Runs a probe on the plain index: query text through Whoosh's QueryParser, conditions as ranges."""

    def __init__(self, folder: Path):
        self.ix = index.open_dir(str(folder))
        self.parser = QueryParser("content", self.ix.schema)

    def run(self, probe: Probe) -> int:
        query = self._query(probe.q)
        with self.ix.searcher() as searcher:
            if probe.sort:
                field = facet_field(probe.sort.lstrip("-"))
                results = searcher.search(query, limit=20, sortedby=sorting.FieldFacet(field, reverse=True))
            else:
                results = searcher.search_page(query, probe.page, pagelen=20)
            [hit["id"] for hit in results]  # read the page's stored fields, as a results page does
            return len(results)

    def _query(self, text: str):
        """nianbao's query language, translated for the plain index."""
        parts, words = [], []
        tokens = text.replace("(", " ( ").replace(")", " ) ").split()
        i = 0
        while i < len(tokens):
            token = tokens[i]
            if i + 2 < len(tokens) and tokens[i + 1] in (">", ">=", "<"):
                parts.append(_range(token, tokens[i + 1], float(tokens[i + 2])))
                i += 3
                continue
            if token == "in" and i + 1 < len(tokens):
                parts.append(_year(int(tokens[i + 1])))
                i += 2
                continue
            if token.startswith("地区:"):
                parts.append(wq.Term("province", token.split(":", 1)[1]))
            else:
                words.append(token)
            i += 1
        if words:
            parts.append(self.parser.parse(" ".join(words)))
        return parts[0] if len(parts) == 1 else wq.And(parts)


def _range(key: str, op: str, value: float):
    field = facet_field(key)
    if op == "<":
        return wq.NumericRange(field, None, value, endexcl=True)
    return wq.NumericRange(field, value, None, startexcl=op == ">")


def _year(year: int):
    return wq.NumericRange("year", year, year)
