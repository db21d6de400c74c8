"""Facet precision and recall of the extractor over generated reports, clean and damaged.

    python scripts/extraction_accuracy.py --count 300 [--seed 0] [--forms cells,pdf] [--keep DIR]

Writes N synthetic reports across the forms (every other round damaged) into a temporary folder,
each drawn for its form (``generate(seed, form=...)``), extracts each with
``indexer.extract.extract_path`` and scores its facets: precision is the share of extracted values
equal to what the report states; recall the share of ``expected`` facets (what a correct extractor
can recover from that form after the damage) that came out right; metadata is agency (None where
the report never names its body), year and template.  Prints one table per damage state, per
form, then the first mismatches and the mismatch classes (form, kind) with one file each.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from indexer.generator import FORMS, generate, write  # noqa: E402


@dataclass
class Score:
    got: int = 0  # facets extracted
    right: int = 0  # of those, equal to the truth
    expected: int = 0  # facets expected
    found: int = 0  # of those, extracted right
    files: int = 0
    failed: int = 0
    meta_right: int = 0  # agency, year and template all right
    mismatches: list = field(default_factory=list)

    def line(self, name: str) -> str:
        precision = self.right / self.got if self.got else float("nan")
        recall = self.found / self.expected if self.expected else float("nan")
        meta = self.meta_right / self.files if self.files else float("nan")
        return (
            f"{name:<10} files {self.files:>4}  failed {self.failed:>3}  precision {precision:7.2%}  "
            f"recall {recall:7.2%}  (got {self.got}, expected {self.expected})  metadata {meta:6.1%}"
        )


def same(a: float | int | None, b: float | int | None) -> bool:
    """Equal numbers; money compared to a millionth of a 万元."""
    if a is None or b is None:
        return False
    return abs(float(a) - float(b)) <= 1e-6 * max(1.0, abs(float(b)))


def score_one(score: Score, name: str, report, got: dict) -> None:
    """Add one file's comparison to a score."""
    for key, value in got.items():
        score.got += 1
        if same(value, report.facets.get(key)):
            score.right += 1
        else:
            score.mismatches.append((name, key, report.facets.get(key, "(not stated)"), value))
    for key, value in report.expected.items():
        score.expected += 1
        if same(got.get(key), value):
            score.found += 1
        elif key not in got:
            score.mismatches.append((name, key, value, "(missing)"))


def run(count: int, seed: int, forms: tuple[str, ...], folder: Path) -> dict[tuple[str, str], Score]:
    """Generate, extract and score; scores keyed by (clean|damaged, form)."""
    scores: dict[tuple[str, str], Score] = defaultdict(Score)
    for i in range(count):
        form = forms[i % len(forms)]
        damaged = (i // len(forms)) % 2 == 1
        report = generate(seed + i, damage=damaged, form=form)
        path = write(report, form, folder)
        score_file(scores["damaged" if damaged else "clean", form], path, report)
    return scores


def score_file(score: Score, path: Path, report) -> None:
    """Extract one file and add its facets and metadata, or its failure, to a score."""
    from indexer.extract import extract_path

    score.files += 1
    try:
        extracted = extract_path(path)
    except Exception as exc:  # noqa: BLE001 - a failure is a result to report here
        score.failed += 1
        score.mismatches.append((path.name, "(extract failed)", "", f"{type(exc).__name__}: {exc}"))
        return
    score_one(score, path.name, report, dict(extracted.facets))
    meta = (extracted.agency, extracted.year, extracted.template)
    truth = (report.expected_agency, report.year, report.template)
    score.meta_right += meta == truth
    if meta != truth:
        score.mismatches.append((path.name, "(agency, year, template)", truth, meta))


def mismatch_class(name: str, key: str, want, got) -> tuple[str, str]:
    """(form, kind) of a mismatch: missing, wrong, not stated, or a metadata or extraction failure."""
    form = name.split("-")[2]
    if key.startswith("("):
        return form, key.strip("()")
    return form, "missing" if got == "(missing)" else "not stated" if want == "(not stated)" else "wrong"


def report_classes(scores: dict[tuple[str, str], Score], shown: int) -> None:
    """Mismatches grouped by form, kind and damage state: how many files show each, and one."""
    files: dict[tuple[str, str, str], set[str]] = defaultdict(set)
    for (state, _), score in scores.items():
        for name, key, want, got in score.mismatches:
            files[(*mismatch_class(name, key, want, got), state)].add(name)
    ranked = sorted(files.items(), key=lambda item: (-len(item[1]), item[0]))
    print(f"\n== mismatch classes (form, kind, clean|damaged): files, e.g. (first {shown})")
    for (form, kind, state), names in ranked[:shown]:
        print(f"{form:<10} {kind:<26} {state:<8} {len(names):>4}  e.g. {min(names)}")


def report_scores(scores: dict[tuple[str, str], Score], forms: tuple[str, ...], shown: int) -> None:
    """Print per-form lines and totals for clean and damaged reports, then mismatches."""
    for state in ("clean", "damaged"):
        print(f"\n== {state} reports")
        total = Score()
        for form in forms:
            score = scores.get((state, form))
            if not score:
                continue
            print(score.line(form))
            for attr in ("got", "right", "expected", "found", "files", "failed", "meta_right"):
                setattr(total, attr, getattr(total, attr) + getattr(score, attr))
        print(total.line("all"))
    mismatches = [m for s in scores.values() for m in s.mismatches]
    print(
        f"\n== first {min(shown, len(mismatches))} of {len(mismatches)} mismatches (file, key, expected, got)"
    )
    for name, key, want, got in mismatches[:shown]:
        print(f"{name}\t{key}\t{want}\t{got}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--count", type=int, default=300, help="reports to generate (default 300)")
    parser.add_argument("--seed", type=int, default=0, help="first seed (default 0)")
    parser.add_argument("--forms", default=",".join(FORMS), help="comma-separated forms (default: all)")
    parser.add_argument("--mismatches", type=int, default=20, help="how many mismatches to list")
    parser.add_argument("--classes", type=int, default=40, help="how many mismatch classes to list")
    parser.add_argument("--keep", type=Path, help="write the files here instead of a temporary folder")
    args = parser.parse_args(argv)
    forms = tuple(f for f in args.forms.split(",") if f)
    if not forms or set(forms) - set(FORMS):
        parser.error(f"--forms must be among {','.join(FORMS)}")
    if args.keep:
        scores = run(args.count, args.seed, forms, args.keep)
    else:
        with tempfile.TemporaryDirectory(prefix="nianbao-accuracy-") as tmp:
            scores = run(args.count, args.seed, forms, Path(tmp))
    report_scores(scores, forms, args.mismatches)
    report_classes(scores, args.classes)
    return 0


if __name__ == "__main__":
    sys.exit(main())
