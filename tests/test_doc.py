"""Word 97-2003 .doc (and WPS .wps), and Word's other packages (.docm, .dotx): the same
blocks or the same record as the .docx they were saved from.

The .doc files in tests/data/doc were saved by LibreOffice from .docx files the project
keeps: the official 2021 template (tests/data/real) and two generated reports
(indexer/sample_data/generated). locked.docx is the template encrypted with a password.
"""

from __future__ import annotations

import shutil
import struct
from pathlib import Path

import pytest

from indexer.extract.pipeline import try_extract
from indexer.extract.readers import read
from indexer.extract.readers.doc import _in_table, _paragraphs
from indexer.messages_zh import reason_zh
from indexer.models import TableBlock

DATA = Path(__file__).parent / "data"
DOC = DATA / "doc"
GENERATED = Path(__file__).parent.parent / "indexer" / "sample_data" / "generated"
SAVED_FROM = {
    "official-template-2021.doc": DATA / "real" / "official-template-2021.docx",
    "2020-2019-docx-000012.doc": GENERATED / "2020-2019-docx-000012.docx",
    "2023-2021-docx-000005.doc": GENERATED / "2023-2021-docx-000005.docx",
    # The same report saved as a macro-enabled document and as a template: .docx packages
    # whose main part has another content type, and whose tables LibreOffice redrew.
    "2020-2019-docx-000012.docm": GENERATED / "2020-2019-docx-000012.docx",
    "2020-2019-docx-000012.dotx": GENERATED / "2020-2019-docx-000012.docx",
}


def test_the_official_template_reads_as_its_docx_does():
    doc, docx = read(DOC / "official-template-2021.doc"), read(SAVED_FROM["official-template-2021.doc"])
    assert doc.format == "doc"
    assert doc.blocks == docx.blocks  # paragraphs, merged cells, cells of two paragraphs


@pytest.mark.parametrize("name", sorted(SAVED_FROM))
def test_a_doc_gives_the_record_of_the_docx_it_was_saved_from(name):
    doc, docx = try_extract(DOC / name).report.to_record(), try_extract(SAVED_FROM[name]).report.to_record()
    assert doc["format"] == ("doc" if name.endswith(".doc") else "docx")
    for key in ("title", "agency", "region", "year", "published", "template", "sections", "facets", "checks"):
        assert doc[key] == docx[key], key
    assert doc["warnings"] == docx["warnings"]


def test_a_generated_reports_tables_hold_its_numbers():
    record = try_extract(DOC / "2020-2019-docx-000012.doc").report.to_record()
    assert len(record["facets"]) == 202
    assert record["facets"]["行政处罚.上一年项目数"] == 79
    assert record["facets"]["政府集中采购.总金额_万元"] == 899.5525
    assert record["agency"] == "抚顺市民政局"
    first = next(b for b in read(DOC / "2020-2019-docx-000012.doc").blocks if isinstance(b, TableBlock))
    assert first.rows[:3] == (
        ("第二十条第（一）项", "", "", "", "", ""),
        ("信息内容", "本年新制作数量", "", "本年新公开数量", "", "对外公开总数量"),
        ("规章", "0", "", "0", "", "17"),
    )


def test_field_codes_are_left_out_their_results_and_breaks_kept():
    text = "链接：\x13 HYPERLINK \"http://a.gov.cn\" \x14政府网站\x15。\x0b第二行\x13 PAGE \x15\x0c二、主动公开\r"
    chars = [(ch, 2 * k) for k, ch in enumerate(text)]
    assert [(t, mark) for t, mark, _ in _paragraphs(chars)] == [
        ("链接：政府网站。\n第二行", "\r"),
        ("二、主动公开", "\r"),
    ]


def test_a_table_depth_of_zero_is_outside_any_table():
    assert not _in_table({0x6649: struct.pack("<i", 0)})  # sprmPItap 0: Word's "left the table"
    assert _in_table({0x6649: struct.pack("<i", 1)})
    assert _in_table({0x2416: b"\x01"})  # sprmPFInTable
    assert not _in_table({0x2416: b"\x00"})


def test_wps_and_a_doc_under_another_suffix_are_read_the_same(tmp_path):
    expected = read(DOC / "official-template-2021.doc").blocks
    for name in ("报告.wps", "报告.WPS", "renamed.docx", "saved.txt"):
        shutil.copy(DOC / "official-template-2021.doc", tmp_path / name)
        doc = read(tmp_path / name)
        assert (doc.format, doc.blocks) == ("doc", expected), name


def _with_header(tmp_path: Path, change) -> Path:
    """The template with its Word header changed in place (the stream keeps its size)."""
    import olefile

    path = tmp_path / "changed.doc"
    shutil.copy(DOC / "official-template-2021.doc", path)
    with olefile.OleFileIO(str(path), write_mode=True) as ole:
        word = bytearray(ole.openstream("WordDocument").read())
        change(word)
        ole.write_stream("WordDocument", bytes(word))
    return path


def _with_flags(tmp_path: Path, set_bits: int) -> Path:
    """The template with bits of the Word header's flags set, as Word sets them."""
    return _with_header(
        tmp_path, lambda word: struct.pack_into("<H", word, 0x0A, struct.unpack_from("<H", word, 0x0A)[0] | set_bits)
    )


def _claiming_characters(tmp_path: Path, count: int) -> Path:
    """The template whose header claims ``count`` characters of main text (ccpText)."""

    def claim(word: bytearray) -> None:
        at = 34 + 2 * struct.unpack_from("<H", word, 32)[0] + 2 + 3 * 4
        struct.pack_into("<i", word, at, count)

    return _with_header(tmp_path, claim)


@pytest.mark.parametrize(
    ("make", "reason"),
    [
        (
            lambda tmp: _with_flags(tmp, 0x0100),
            "Office file is encrypted (a password is needed to read it)",
        ),
        (
            lambda tmp: _claiming_characters(tmp, 3_000_000),
            "Word .doc text has 3,000,000 characters (limit 2,000,000)",
        ),
        (
            lambda tmp: shutil.copy(DOC / "locked.docx", tmp / "locked.docx"),
            "Office file is encrypted (a password is needed to read it)",
        ),
        (
            lambda tmp: (tmp / "x.doc").write_bytes(b"{\\rtf1\\ansi \\'c4\\'ea}") and tmp / "x.doc",
            "RTF (.rtf) files are not read: save it as .docx, PDF or HTML",
        ),
        (
            lambda tmp: (tmp / "x.doc").write_bytes(b"MIME-Version: 1.0\r\nContent-Type: multipart/related") and tmp / "x.doc",
            "not a readable web archive (MHTML): no HTML page inside",
        ),
        (
            lambda tmp: (tmp / "x.doc").write_bytes(bytes.fromhex("d0cf11e0a1b11ae1") + bytes(4096)) and tmp / "x.doc",
            "not a readable Word 97-2003 (.doc/.wps) file (damaged or truncated OLE compound file)",
        ),
        (
            lambda tmp: (tmp / "x.doc").write_bytes("年度报告".encode() * 50) and tmp / "x.doc",
            "not a readable Word 97-2003 (.doc/.wps) file (not an OLE compound file: damaged or another format)",
        ),
    ],
)
def test_files_that_cannot_be_read_say_why_in_one_line(tmp_path, make, reason):
    path = Path(make(tmp_path))
    outcome = try_extract(path)
    assert outcome.report is None
    assert outcome.reason == reason


def test_reasons_read_in_chinese():
    assert reason_zh("Word .doc text has 3,000,000 characters (limit 2,000,000)") == (
        "Word .doc 正文有 3,000,000 个字符（上限 2,000,000）"
    )
    assert reason_zh("Office file is encrypted (a password is needed to read it)") == "Office 文件已加密（需要密码才能读取）"
    assert reason_zh(
        "not a readable Word 97-2003 (.doc/.wps) file (not an OLE compound file: damaged or another format)"
    ) == "不是可读的 Word 97-2003（.doc/.wps）文件（不是 OLE 复合文档：已损坏或是其他格式）"
    assert reason_zh("RTF (.rtf) files are not read: save it as .docx, PDF or HTML") == (
        "不读取 RTF (.rtf) 文件：请另存为 .docx、PDF 或 HTML"
    )


def test_a_truncated_doc_says_so_in_one_line(tmp_path):
    data = (DOC / "2020-2019-docx-000012.doc").read_bytes()
    damaged = "not a readable Word 97-2003 (.doc/.wps) file (damaged or truncated OLE compound file)"
    # The last 512 bytes hold the container's directory: without it no stream is found.
    no_document = (
        "not a readable Word 97-2003 (.doc/.wps) file (no Word document inside: damaged, or a workbook or slides renamed)"
    )
    for keep, reason in [(512, damaged), (len(data) // 3, damaged), (len(data) // 2, damaged),
                         (len(data) - 512, no_document)]:  # fmt: skip
        path = tmp_path / f"cut{keep}.doc"
        path.write_bytes(data[:keep])
        outcome = try_extract(path)
        assert (outcome.report, outcome.reason) == (None, reason), keep
