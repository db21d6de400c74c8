"""Extraction scored against hand-read gold: real reports, as published.

    python scripts/gold_accuracy.py [FOLDER ...] [--misses N] [--json]

Every ``NAME.gold.json`` in the folders (default: the real reports bundled with
the tests) is paired with the report file ``NAME.*`` beside it, which is
extracted and compared with the gold (format: tests/data/real/excerpts/README.md):

* facets: precision is the share of extracted values equal to the gold value,
  over the keys the gold states (gold lists only values that are fully visible
  and unambiguous, so a key it leaves out cannot be judged either way; such
  values are counted as "unjudged"); recall is the share of gold values found;
* agency (compared in simplified characters; null gold means "never named", so
  only no agency is right), year, template and province, per report.

Prints one line per report, the totals, and every miss.
"""

from __future__ import annotations

import argparse
import json
import sys
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

DEFAULT_FOLDERS = (
    ROOT / "tests" / "data" / "real" / "excerpts",
    ROOT / "tests" / "data" / "real",
    ROOT / "tests" / "data" / "real" / "crawled",
    ROOT / "tests" / "data" / "real" / "pages",
)
META = ("agency", "year", "template", "province")


@dataclass
class Totals:
    reports: int = 0
    got: int = 0  # extracted values on keys the gold states
    right: int = 0  # of those, equal to the gold
    unjudged: int = 0  # extracted values on keys the gold does not state
    gold: int = 0  # gold values
    found: int = 0  # of those, extracted right
    meta: dict[str, int] = field(default_factory=lambda: dict.fromkeys(META, 0))
    misses: list[tuple[str, str, object, object]] = field(default_factory=list)

    def as_dict(self) -> dict:
        return {
            "reports": self.reports,
            "precision": self.right / self.got if self.got else None,
            "recall": self.found / self.gold if self.gold else None,
            "facets": {"gold": self.gold, "found": self.found, "extracted_judged": self.got,
                       "right": self.right, "unjudged": self.unjudged},
            **{f"{k}_right": v / self.reports if self.reports else None for k, v in self.meta.items()},
        }


def same(a: object, b: object) -> bool:
    """Equal numbers; money compared to a millionth of a 万元."""
    if not isinstance(a, int | float) or not isinstance(b, int | float):
        return False
    return abs(float(a) - float(b)) <= 1e-6 * max(1.0, abs(float(b)))


def simplified(text: str | None) -> str | None:
    from analyzers.filters import to_simplified

    return to_simplified(text) if text else None


def pairs(folders: list[Path]) -> list[tuple[Path, Path]]:
    """(gold file, report file) for every gold file in the folders."""
    found = []
    for folder in folders:
        for gold in sorted(folder.glob("*.gold.json")):
            stem = gold.name.removesuffix(".gold.json")
            reports = [p for p in folder.glob(f"{stem}.*") if p != gold]
            if len(reports) != 1:
                sys.exit(f"{gold}: expected one report file {stem}.* beside it, found {len(reports)}")
            found.append((gold, reports[0]))
    return found


def score(gold_path: Path, report_path: Path, totals: Totals) -> str:
    """Add one report to the totals; return its line."""
    from indexer.errors import ReadError
    from indexer.extract import extract_path

    gold = json.loads(gold_path.read_text(encoding="utf-8"))
    name = report_path.name
    try:
        report = extract_path(report_path)
    except ReadError as exc:  # refused (e.g. "not a report"): every gold value is missed
        totals.misses.append((name, "file", "a report", exc.reason))
        report = None
    facets = dict(report.facets) if report else {}
    totals.reports += 1
    want: dict = gold.get("facets", {})
    right = 0
    for key, value in facets.items():
        if key not in want:
            totals.unjudged += 1
            continue
        totals.got += 1
        if same(value, want[key]):
            totals.right += 1
            right += 1
        else:
            totals.misses.append((name, key, want[key], value))
    for key, value in want.items():
        totals.gold += 1
        if same(facets.get(key), value):
            totals.found += 1
        elif key not in facets:
            totals.misses.append((name, key, value, "(missing)"))
    checks = {
        "agency": (simplified(gold.get("agency")), report and report.agency),
        "year": (gold.get("year"), report and report.year),
        "template": (gold.get("template"), report and report.template),
        "province": (gold.get("province"), report and report.region.province),
    }
    marks = []
    for what, (expected, got) in checks.items():
        ok = expected == got
        if what == "province":
            ok = (expected is None and got is None) or bool(expected and got and got.startswith(expected))
        ok = ok and report is not None
        totals.meta[what] += ok
        marks.append("✓" if ok else "✗")
        if not ok:
            totals.misses.append((name, what, expected, got))
    return f"{name[:44]:<44} facets {right:>3}/{len(want):<3} agency {marks[0]} year {marks[1]} " \
           f"template {marks[2]} province {marks[3]}"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folders", nargs="*", type=Path, help="folders of NAME.gold.json + NAME.* files")
    parser.add_argument("--misses", type=int, default=200, help="how many misses to list (default 200)")
    parser.add_argument("--json", action="store_true", help="print the totals as one JSON object")
    args = parser.parse_args(argv)
    folders = args.folders or list(DEFAULT_FOLDERS)
    totals = Totals()
    lines = [score(g, r, totals) for g, r in pairs(folders)]
    summary = totals.as_dict()
    if args.json:
        print(json.dumps(summary, ensure_ascii=False))
        return 0
    print("\n".join(lines))
    pct = lambda v: "  n/a " if v is None else f"{v:6.1%}"  # noqa: E731
    print(
        f"\n{totals.reports} reports   facet precision {pct(summary['precision'])} "
        f"({totals.right}/{totals.got}, {totals.unjudged} more not judged)   "
        f"recall {pct(summary['recall'])} ({totals.found}/{totals.gold})"
    )
    print("   ".join(f"{k} {pct(summary[f'{k}_right'])}" for k in META))
    shown = totals.misses[: args.misses]
    print(f"\n== {len(shown)} of {len(totals.misses)} misses (file, what, gold, extracted)")
    for name, what, want, got in shown:
        print(f"{name}\t{what}\t{want}\t{got}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
