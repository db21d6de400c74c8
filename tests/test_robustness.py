"""Damaged and hostile text never crashes extraction."""

import random
from pathlib import Path

import pytest

from indexer.errors import NotAReport
from indexer.extract import extract_document
from indexer.models import RawDocument, TableBlock, TextBlock

SEEDS = sorted((Path(__file__).parent / "data" / "seeds").glob("*.txt"))


def as_document(lines: list[str]) -> RawDocument:
    return RawDocument("mutated.txt", "txt", tuple(TextBlock(line, f"line {i}") for i, line in enumerate(lines, 1)))


def mutate(lines: list[str], rng: random.Random) -> list[str]:
    """Drop, duplicate, swap, cut and splice lines the way broken exports do."""
    lines = list(lines)
    for _ in range(rng.randint(1, 12)):
        if not lines:
            break
        i = rng.randrange(len(lines))
        action = rng.choice(("drop", "dup", "swap", "cut", "join", "digits", "tabs"))
        if action == "drop":
            del lines[i]
        elif action == "dup":
            lines.insert(i, lines[i])
        elif action == "swap":
            j = rng.randrange(len(lines))
            lines[i], lines[j] = lines[j], lines[i]
        elif action == "cut":
            lines[i] = lines[i][: rng.randint(0, len(lines[i]))]
        elif action == "join" and i + 1 < len(lines):
            lines[i : i + 2] = [lines[i] + lines[i + 1]]
        elif action == "digits":
            lines[i] += str(rng.randint(0, 10**rng.randint(1, 40)))
        elif action == "tabs":
            lines[i] = "\t".join(lines[i])
    return lines


@pytest.mark.parametrize("path", SEEDS, ids=lambda p: p.name[:3])
def test_mutated_seeds_extract_without_errors(path):
    rng = random.Random(path.name)
    original = path.read_text(encoding="utf-8").split("\n")
    for _ in range(60):
        report = extract_document(as_document(mutate(original, rng)), "0" * 64)
        assert report.template in ("2019", "2021", "free")
        for value in report.facets.values():
            assert isinstance(value, int | float)


@pytest.mark.parametrize("rows", [(), ((),), (("",) * 40,)])
def test_empty_grids_are_not_reports(rows):
    with pytest.raises(NotAReport):
        extract_document(RawDocument("odd.html", "html", (TableBlock(rows, "table 1"),)), "0" * 64)


@pytest.mark.parametrize(
    "rows",
    [
        (("行政处罚",) * 3, ("1" * 60,)),
        (("一、本年新收政府信息公开申请数量", "9" * 59),),
        (("行政复议",), ("0",) * 200),
    ],
)
def test_odd_grids(rows):
    report = extract_document(RawDocument("odd.html", "html", (TableBlock(rows, "table 1"),)), "0" * 64)
    assert report.facets == {}  # nothing here is a readable row: no number is invented
