"""Facet precision and recall over generated reports that a word processor converted.

    python scripts/converted_accuracy.py [--count 30] [--seed 1000] [--to pdf,doc,html,docx,txt,page-pdf,pdftotext-raw,pdftotext-layout]
        [--damage sparse]

Writes N generated reports as .docx (and as web pages), has LibreOffice (``soffice``, which must
be installed: `apt-get install libreoffice-writer-nogui`) convert them as agencies' own software
does (print to PDF, save as Word 97-2003, as HTML, as text, or open and save again), as a
reader prints a web page from the browser (``page-pdf``) and as a crawler takes the printed
report's text (``pdftotext-raw``, ``pdftotext-layout``: poppler-utils), extracts each converted
file and scores it against what the report states, as ``extraction_accuracy.py`` does. The
conversions redraw the tables (rows broken across pages, sliver columns, merged tables): shapes
no generator writes.  ``--damage`` draws every report with tables with the generator's damage
kinds named (``sparse``: a section 三 that leaves zeros and its result rows' 总计 empty) before
it is converted.
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from extraction_accuracy import Score, score_file  # noqa: E402

from indexer.generator import generate, write  # noqa: E402
from indexer.generator.damage import KINDS, with_damage  # noqa: E402

# conversion -> (the generated form converted, LibreOffice's filter)
FILTERS = {
    "pdf": ("docx", "pdf:writer_pdf_Export"),
    "doc": ("docx", "doc:MS Word 97"),
    "html": ("docx", "html:HTML (StarWriter)"),
    "docx": ("docx", "docx:MS Word 2007 XML"),
    "txt": ("docx", "txt:Text (encoded):UTF8"),
    "page-pdf": ("html", "pdf:writer_web_pdf_Export"),  # a web page printed from the browser
    # a crawler's text of the printed report, by poppler's pdftotext (poppler-utils)
    "pdftotext-raw": ("docx", "pdf:writer_pdf_Export"),
    "pdftotext-layout": ("docx", "pdf:writer_pdf_Export"),
}


def run(
    count: int, seed: int, targets: list[str], folder: Path, damage: tuple[str, ...] = ()
) -> dict[str, Score]:
    reports = {}
    for form in sorted({FILTERS[t][0] for t in targets}):
        (folder / form).mkdir()
        for i in range(count):
            report = generate(seed + i, damage=False, form=form)
            if damage and report.template != "free":
                report = with_damage(report, damage)
            reports[write(report, form, folder / form).stem] = report
    scores: dict[str, Score] = {}
    for target in targets:
        form, conversion = FILTERS[target]
        out = folder / f"to-{target}"
        out.mkdir()
        subprocess.run(
            ["soffice", "--headless", "--convert-to", conversion, "--outdir", str(out),
             *map(str, sorted((folder / form).iterdir()))],
            capture_output=True, check=True, timeout=60 + 10 * count,
        )  # fmt: skip
        if target.startswith("pdftotext-"):
            for pdf in sorted(out.glob("*.pdf")):
                subprocess.run(["pdftotext", f"-{target.split('-')[1]}", str(pdf), str(pdf.with_suffix(".txt"))], check=True)
                pdf.unlink()
        score = scores[target] = Score()
        for path in sorted(out.iterdir()):
            score_file(score, path, reports[path.stem])
    return scores


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--count", type=int, default=30, help="reports to generate (default 30)")
    parser.add_argument("--seed", type=int, default=1000, help="first seed (default 1000)")
    parser.add_argument("--to", default=",".join(FILTERS), help=f"conversions (default: {','.join(FILTERS)})")
    parser.add_argument("--damage", default="", help=f"damage kinds drawn in every report with tables, among {','.join(KINDS)}")
    parser.add_argument("--mismatches", type=int, default=20, help="how many mismatches to list per conversion")
    args = parser.parse_args(argv)
    targets = [t for t in args.to.split(",") if t]
    if not targets or set(targets) - set(FILTERS):
        parser.error(f"--to must be among {','.join(FILTERS)}")
    damage = tuple(k for k in args.damage.split(",") if k)
    if set(damage) - set(KINDS):
        parser.error(f"--damage must be among {','.join(KINDS)}")
    if shutil.which("soffice") is None:
        parser.error("LibreOffice's soffice is not installed (apt-get install libreoffice-writer-nogui)")
    if any(t.startswith("pdftotext-") for t in targets) and shutil.which("pdftotext") is None:
        parser.error("poppler's pdftotext is not installed (apt-get install poppler-utils)")
    with tempfile.TemporaryDirectory(prefix="nianbao-converted-") as tmp:
        scores = run(args.count, args.seed, targets, Path(tmp), damage)
    for target, score in scores.items():
        print(score.line(target))
        for mismatch in score.mismatches[: args.mismatches]:
            print("   ", *mismatch, sep="\t")
    return 0


if __name__ == "__main__":
    sys.exit(main())
