"""Write synthetic reports and their truth: ``python -m indexer.generator OUT_DIR --count N``.

Files go to OUT_DIR with one ``truth.jsonl`` line each (file, form, seed, metadata, facets,
expected facets, damage), so extraction can be scored against what the reports state.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from .model import SyntheticReport, generate
from .render import FORMS, write


def truth(report: SyntheticReport, form: str, path: Path) -> dict:
    """The JSON line describing one written file."""
    return {
        "file": path.name,
        "form": form,
        "seed": report.seed,
        "agency": report.agency,
        "region": report.region.to_dict(),
        "year": report.year,
        "published": report.published,
        "template": report.template,
        "facets": report.facets,
        "expected": report.expected,
        "expected_agency": report.expected_agency,
        "damage": list(report.damage),
    }


def produce(out: Path, count: int, forms: tuple[str, ...], seed: int, damage: bool | None) -> list[dict]:
    """Generate ``count`` reports cycling through ``forms``; write them and truth.jsonl."""
    out.mkdir(parents=True, exist_ok=True)
    lines = []
    for i in range(count):
        form = forms[i % len(forms)]
        report = generate(seed + i, damage=damage, form=form)
        lines.append(truth(report, form, write(report, form, out)))
    with open(out / "truth.jsonl", "w", encoding="utf-8") as fh:
        fh.writelines(json.dumps(line, ensure_ascii=False) + "\n" for line in lines)
    return lines


def _forms(text: str) -> tuple[str, ...]:
    forms = tuple(f.strip() for f in text.split(",") if f.strip())
    unknown = [f for f in forms if f not in FORMS]
    if unknown or not forms:
        raise argparse.ArgumentTypeError(f"unknown form(s) {unknown}; choose from {','.join(FORMS)}")
    return forms


def main(argv: list[str] | None = None) -> int:
    """Command-line entry point."""
    parser = argparse.ArgumentParser(prog="python -m indexer.generator", description=__doc__.splitlines()[0])
    parser.add_argument("out", type=Path, metavar="OUT_DIR")
    parser.add_argument("--count", type=int, default=10, help="number of reports (default 10)")
    parser.add_argument(
        "--forms", type=_forms, default=FORMS, help=f"comma-separated, from {','.join(FORMS)}"
    )
    parser.add_argument("--seed", type=int, default=0, help="first seed; report i uses seed+i")
    parser.add_argument("--damage", action="store_true", help="damage every report (1-3 kinds each)")
    args = parser.parse_args(argv)
    if args.count < 0:
        parser.error("--count must not be negative")
    lines = produce(args.out, args.count, args.forms, args.seed, bool(args.damage))
    print(f"wrote {len(lines)} reports and truth.jsonl to {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
