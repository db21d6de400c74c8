"""Fuzzing extraction with hypothesis.

* The readers: any bytes under any supported suffix (and bytes that pass the format
  sniffing: a PDF header, a zip, an HTML start, an OLE header, markup soup, a real Word
  97-2003 file damaged anywhere) give a report or a one-line
  reason from ``try_extract``, never an exception and never a hang.
* Table recovery: generated reports' tables with data rows shuffled, rows split in two
  (any number of them, header rows too), rows dropped, cells blanked, and header rows
  moved below the data or dropped, give facets that are the report's true values or
  absent, never wrong.  Not held to that: cells swapped within a row ("行政处罚 | 3 | 5"
  for "| 5 | 3" is a table stating other numbers, and nothing in it says so).
"""

import dataclasses
import io
import json
import random
import tempfile
import time
import zipfile
from functools import cache
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from indexer.extract.pipeline import extract_document, try_extract
from indexer.extract.readers import SUPPORTED_SUFFIXES
from indexer.extract.readers import html as html_reader
from indexer.generator import generate, render
from indexer.models import TableBlock

FUZZ = settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def check(data: bytes, suffix: str) -> None:
    """``try_extract`` of ``data`` saved under ``suffix``: a record, or one line of reason."""
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / f"fuzz{suffix}"
        path.write_bytes(data)
        start = time.perf_counter()
        outcome = try_extract(path)
        assert time.perf_counter() - start < 10
    if outcome.report is None:
        assert outcome.reason and "\n" not in outcome.reason and "Traceback" not in outcome.reason
        assert not outcome.reason.startswith("extraction failed"), outcome.reason  # a bug, not a bad file
    else:
        json.dumps(outcome.report.to_record(), ensure_ascii=False)


@FUZZ
@given(data=st.binary(max_size=4096), suffix=st.sampled_from(SUPPORTED_SUFFIXES))
def test_any_bytes_under_any_suffix(data, suffix):
    check(data, suffix)


_MAGIC = [
    b"%PDF-1.4\n",
    b"PK\x03\x04",
    b"<html><body>",
    b"\xef\xbb\xbf",
    b"\xff\xfe",
    b"<?xml version='1.0'?>",
    bytes.fromhex("d0cf11e0a1b11ae1"),  # an OLE compound file: Word 97-2003
]


@FUZZ
@given(
    head=st.sampled_from(_MAGIC), data=st.binary(max_size=2048), suffix=st.sampled_from(SUPPORTED_SUFFIXES)
)
def test_bytes_that_pass_the_sniffing(head, data, suffix):
    check(head + data, suffix)


_DOC = (Path(__file__).parent / "data" / "doc" / "2020-2019-docx-000012.doc").read_bytes()


@FUZZ
@given(
    changes=st.lists(st.tuples(st.integers(0, len(_DOC) - 1), st.integers(0, 255)), min_size=1, max_size=40),
    keep=st.integers(512, len(_DOC)),
)
def test_a_damaged_word_97_file(changes, keep):
    """Bytes of a real .doc changed anywhere (its containers, its tables of pieces and
    properties, its text) and the file cut short."""
    data = bytearray(_DOC[:keep])
    for at, value in changes:
        if at < len(data):
            data[at] = value
    check(bytes(data), ".doc")


_TOKENS = [
    "<div>", "</div>", "<p>", "</p>", "<span>", "</span>", "<table>", "</table>", "<tr>", "</tr>",
    "<td>", "</td>", "<td rowspan=3>", "<td colspan=99999>", "<th>", "<h1>", "</h1>", "<br>",
    '<div class="nav">', '<div class="title">', "<a href=x>", "</a>", "<script>", "</script>",
    "<!--", "-->", "<![CDATA[", "]]>", "&nbsp;", "&#0;", "&#x110000;", "<", ">", "\x00",
    "某县2020年政府信息公开工作年度报告", "一、总体情况", "二、主动公开政府信息情况",
    "行政处罚", "12", "0", "信息内容", "本年处理决定数量", "原文链接：http://a.b/c", "\n",
]  # fmt: skip


@FUZZ
@given(tokens=st.lists(st.sampled_from(_TOKENS), max_size=300), suffix=st.sampled_from([".html", ".txt"]))
def test_markup_soup(tokens, suffix):
    check("<html><body>".join(["", "".join(tokens)]).encode(), suffix)


@FUZZ
@given(members=st.dictionaries(st.sampled_from(
    ["[Content_Types].xml", "_rels/.rels", "word/document.xml", "word/_rels/document.xml.rels", "x"]
), st.binary(max_size=512), max_size=5))  # fmt: skip
def test_zips_posing_as_docx(members):
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as package:
        for name, data in members.items():
            package.writestr(name, data)
    check(out.getvalue(), ".docx")


@FUZZ
@given(
    paragraphs=st.lists(st.text(max_size=80), max_size=8), cells=st.lists(st.text(max_size=12), max_size=12)
)
def test_word_documents_of_any_text(paragraphs, cells):
    import docx

    document = docx.Document()
    for text in paragraphs:
        document.add_paragraph("".join(c for c in text if c.isprintable()))
    if cells:
        table = document.add_table(rows=(len(cells) + 2) // 3, cols=3)
        for i, text in enumerate(cells):
            table.cell(i // 3, i % 3).text = "".join(c for c in text if c.isprintable())
    out = io.BytesIO()
    document.save(out)
    check(out.getvalue(), ".docx")


# -- table recovery ---------------------------------------------------------------------


@cache
def generated(seed: int, template: str):
    """A generated report and what the HTML reader makes of it (tables as grids)."""
    report = generate(seed, damage=False, template=template)
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "report.html"
        path.write_bytes(render(report, "html"))
        return report, html_reader.read(path)


def _has_digits(row: list[str]) -> bool:
    return any(c.isascii() and c.isdigit() for cell in row for c in cell)


def damaged(rows: list[list[str]], rng: random.Random, ops: list[str]) -> list[list[str]]:
    """``rows`` after ``ops``, each on a random row.  Headers are the rows without digits:
    "lift" moves one down, often below the data; "unhead" drops one."""
    for op in ops:
        data = [n for n, row in enumerate(rows) if _has_digits(row)]
        heads = [n for n, row in enumerate(rows) if not _has_digits(row)]
        if not data:
            break
        i = rng.randrange(len(rows))
        if op == "shuffle":
            moved = [rows[n] for n in data]
            rng.shuffle(moved)
            for n, row in zip(data, moved, strict=True):
                rows[n] = row
        elif op == "blank" and rows[i]:
            rows[i][rng.randrange(len(rows[i]))] = ""
        elif op == "split" and len(rows[i]) > 1:
            # A row broken over two: its first cells on one, the rest on the next.
            cut = rng.randrange(1, len(rows[i]))
            width = len(rows[i])
            rows[i : i + 1] = [rows[i][:cut] + [""] * (width - cut), [""] * cut + rows[i][cut:]]
        elif op == "drop":
            del rows[rng.choice(data)]
        elif op == "lift" and heads:
            head = rng.choice(heads)
            row = rows.pop(head)
            rows.insert(rng.randint(head, len(rows)), row)
        elif op == "unhead" and heads:
            del rows[rng.choice(heads)]
    return rows


_DAMAGE = ["shuffle", "blank", "drop", "split", "lift", "unhead"]


@settings(max_examples=600, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    seed=st.integers(0, 11),
    template=st.sampled_from(["2019", "2021"]),
    ops=st.lists(st.sampled_from(_DAMAGE), min_size=1, max_size=10),
    rng=st.randoms(use_true_random=False),
)
def test_damaged_tables_give_true_facets_or_none(seed, template, ops, rng):
    report, raw = generated(seed, template)
    assert facets_wrong(report, raw, rng, ops) == {}


def facets_wrong(report, raw, rng: random.Random, ops: list[str]) -> dict:
    """The facets read from ``raw`` with ``ops`` done to each table that differ from the
    report's: key -> (true value, value read)."""
    blocks = tuple(
        TableBlock(tuple(map(tuple, damaged([list(r) for r in b.rows], rng, ops))), b.where)
        if isinstance(b, TableBlock)
        else b
        for b in raw.blocks
    )
    facets = extract_document(dataclasses.replace(raw, blocks=blocks), "0" * 64).facets
    return {k: (report.facets.get(k), v) for k, v in facets.items() if report.facets.get(k) != v}


@pytest.mark.parametrize(
    "seed, template, rng, ops",
    [
        (0, "2021", 56, ["split", "split"]),  # 新收's first four numbers read one column right
        (2, "2019", 26, ["split"] * 4),  # 予以公开's likewise
        (2, "2019", 50, ["unhead"] * 3 + ["blank"] * 2),  # 新收 one column right, its 总计 blanked
        (9, "2021", 45, ["lift"] * 3 + ["blank"] * 2),  # 部分公开's 4 read as 商业企业
        (0, "2021", 0, ["unhead", "blank", "unhead"]),  # 行政许可's emptied row took 行政处罚's 34
    ],
)
def test_damage_that_once_gave_wrong_facets(seed, template, rng, ops):
    report, raw = generated(seed, template)
    assert facets_wrong(report, raw, random.Random(rng), ops) == {}


def test_a_value_beside_a_blank_cell_is_not_split_into_digits():
    # Found by the fuzzing above: "11" beside a blank 采购总金额 cell was read as two
    # numbers run together (1 and 1); a row with a cell per column ran nothing together.
    report, raw = generated(1, "2019")
    blocks = []
    for block in raw.blocks:
        if isinstance(block, TableBlock):
            block = TableBlock(
                tuple(r[:2] + ("",) if r[0] == "政府集中采购" else r for r in block.rows), block.where
            )
        blocks.append(block)
    facets = extract_document(dataclasses.replace(raw, blocks=tuple(blocks)), "0" * 64).facets
    assert facets["政府集中采购.项目数"] == report.facets["政府集中采购.项目数"] == 11
    assert "政府集中采购.总金额_万元" not in facets
