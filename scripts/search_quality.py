"""Search quality on a judged query set: precision@5 and MRR.

    python scripts/search_quality.py [--queries tests/data/judged/queries.json] [--json]

The query file names a corpus folder and, per query, the reports (file names) a
person expects on the first page, with how they were judged.  The corpus is
ingested into a temporary index; each query's first five results are scored:
precision@5 is the share of relevant reports among them, out of at most five
(a query with two relevant reports scores 1.0 when both are there), and the
reciprocal rank is 1 / the rank of the first relevant report (0 when none is in
the first 20).  Prints one line per query and the means.
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

DEFAULT = ROOT / "tests" / "data" / "judged" / "queries.json"


def score(ix, query: str, relevant: set[str]) -> tuple[float, float]:
    """(precision@5, reciprocal rank) of one query; ``relevant`` holds report ids."""
    from indexer.search import search

    ids = [hit["id"] for hit in search(ix, query, per_page=20)["results"]]
    precision = sum(i in relevant for i in ids[:5]) / min(5, len(relevant))
    rank = next((k for k, i in enumerate(ids, 1) if i in relevant), None)
    return precision, 1 / rank if rank else 0.0


def report_ids(folder: Path) -> dict[str, str]:
    """File name → report id (the id derives from the file's content, as ingest makes it)."""
    from indexer.extract import content_hash

    return {p.name: content_hash(p.read_bytes())[:16] for p in folder.rglob("*") if p.is_file()}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--queries", type=Path, default=DEFAULT)
    parser.add_argument("--json", action="store_true", help="print the means as one JSON object")
    args = parser.parse_args(argv)
    from indexer.ingest import ingest
    from indexer.store import open_existing

    judged = json.loads(args.queries.read_text(encoding="utf-8"))
    with tempfile.TemporaryDirectory(prefix="nianbao-quality-") as tmp:
        summary = ingest([ROOT / judged["corpus"]], Path(tmp) / "index", workers=1)
        ix = open_existing(Path(tmp) / "index")
        ids = report_ids(ROOT / judged["corpus"])
        rows = [(q["query"], *score(ix, q["query"], {ids[name] for name in q["relevant"]}))
                for q in judged["queries"]]  # fmt: skip
    p5 = statistics.mean(r[1] for r in rows)
    mrr = statistics.mean(r[2] for r in rows)
    if args.json:
        print(json.dumps({"queries": len(rows), "reports": len(summary.added), "precision_at_5": p5, "mrr": mrr}))
        return 0
    for query, precision, rr in rows:
        print(f"{query:<32} P@5 {precision:4.2f}  RR {rr:4.2f}")
    print(f"\n{len(rows)} queries over {len(summary.added)} reports: precision@5 {p5:.3f}, MRR {mrr:.3f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
