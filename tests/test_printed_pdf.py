"""Reports printed to PDF by a word processor: every number of the tables, rows broken across
pages included (tests/data/printed/README.md says how the files were made)."""

from __future__ import annotations

from pathlib import Path

import pytest

from indexer.extract import extract_path
from indexer.extract.readers import read
from indexer.generator import generate
from indexer.models import TableBlock

PRINTED = Path(__file__).parent / "data" / "printed"


@pytest.mark.parametrize(("name", "seed"), [("2019-2019-docx-001006.pdf", 1006), ("2020-2019-docx-001003.pdf", 1003)])
def test_a_printed_report_gives_every_number_of_its_tables(name, seed):
    report = generate(seed, damage=False, form="docx")
    extracted = extract_path(PRINTED / name)
    assert dict(extracted.facets) == report.expected
    assert (extracted.agency, extracted.year, extracted.template) == (
        report.expected_agency, report.year, report.template
    )


def test_the_broken_rows_are_two_tables_apart_in_the_file():
    """What the join has to undo: the row's first part ends one page's table, its label cut,
    and the second part opens the next page's, one column wider."""
    tables = [b for b in read(PRINTED / "2019-2019-docx-001006.pdf").blocks if isinstance(b, TableBlock)]
    ends = [(a.rows[-1], b.rows[0]) for a, b in zip(tables, tables[1:], strict=False) if a.where != b.where]
    assert (
        ("", "（二）部分公", "0", "0", "0", "0", "0", "0", "0"),
        ("理结果", "开（区分处理的，只计这一情形，不计其他情形）", "", "", "", "", "", "", "", ""),
    ) in ends
