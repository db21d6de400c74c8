"""The same report in every form yields the same facets and metadata.

Reports come from the generator with known facets, written as one cell per
line, tab-separated text, markdown, HTML with rowspan/colspan, .docx and .pdf.
"""

import pytest

from indexer.extract import extract_path
from indexer.generator import generate, write

TABLE_FORMS = ("cells", "tsv", "md", "html", "docx", "pdf")
CASES = [
    (11, "2019", False),
    (12, "2021", False),
    (100, "2019", True),  # lost rows, full-width spaces, misnumbered headings
    (106, "2021", True),  # lost rows, full-width spaces, broken labels
    (102, "2019", True),  # blanks for zeros, broken labels, misnumbered headings
    (105, "2021", True),  # only the 总计 column, blanks for zeros, misnumbered headings
    (15, "free", False),
]


@pytest.mark.parametrize("seed, template, damaged", CASES)
def test_every_form_gives_the_same_record(seed, template, damaged, tmp_path):
    report = generate(seed, template=template, damage=damaged)
    forms = TABLE_FORMS + (("free",) if template == "free" else ())
    records = {}
    for form in forms:
        extracted = extract_path(write(report, form, tmp_path))
        records[form] = extracted
        assert extracted.facets == report.expected, form
        assert extracted.template == template, form
        assert (extracted.agency, extracted.year, extracted.published) == (
            report.agency,
            report.year,
            report.published,
        ), form
        assert extracted.region == report.region, form
    sections = {form: set(r.sections) for form, r in records.items()}
    assert len(set(map(frozenset, sections.values()))) == 1, sections


def test_undamaged_reports_pass_their_own_checks(tmp_path):
    for seed in range(20, 26):
        report = generate(seed, damage=False)
        extracted = extract_path(write(report, "tsv", tmp_path))
        failed = [c for c in extracted.checks if not c.ok]
        assert failed == []
        if report.template != "free":
            assert len(extracted.checks) > 20
