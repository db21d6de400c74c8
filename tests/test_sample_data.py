"""The bundled sample data (README's first command) extracts as its truth file says."""

import json
from pathlib import Path

import indexer
from indexer.extract import extract_path
from indexer.files import expand_paths

SAMPLES = Path(indexer.__file__).parent / "sample_data"


def test_generated_samples_match_their_truth():
    lines = (SAMPLES / "generated" / "truth.jsonl").read_text(encoding="utf-8").splitlines()
    truth = [json.loads(line) for line in lines]
    assert len(truth) == 14
    assert {t["form"] for t in truth} == {"cells", "tsv", "md", "html", "docx", "pdf", "free"}
    for entry in truth:
        report = extract_path(SAMPLES / "generated" / entry["file"])
        assert report.facets == entry["expected"], entry["file"]
        assert (report.agency, report.year, report.template) == (
            entry["agency"],
            entry["year"],
            entry["template"],
        )


def test_every_sample_file_is_a_report():
    files = list(expand_paths([str(SAMPLES)]))
    assert len(files) == 5 + 14
    assert all(extract_path(f).agency for f in files)
