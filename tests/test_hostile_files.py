"""Hostile files at the extraction level: each is read, or refused with one line naming the
limit, in about a second and bounded memory (indexer.extract.limits).

Every hostile input is built here at test time, small where the limit allows."""

import io
import random
import time
import zipfile
from pathlib import Path

import pytest

from indexer.extract import pipeline
from indexer.extract.limits import MAX_DOCX_UNPACKED, MAX_DOCX_XML, MAX_FILE_BYTES, MAX_PDF_PAGES, MB, size
from indexer.extract.pipeline import try_extract
from indexer.extract.sections import SECTION_NAMES, _best_run, _Mark
from indexer.messages_zh import reason_zh

TITLE = "<h1>某县商务局2020年政府信息公开工作年度报告</h1>"
HEADINGS = [
    ("一", "总体情况"),
    ("二", "主动公开政府信息情况"),
    ("三", "收到和处理政府信息公开申请情况"),
    ("四", "政府信息公开行政复议、行政诉讼情况"),
    ("五", "存在的主要问题及改进情况"),
    ("六", "其他需要报告的事项"),
]
SEED = next((Path(__file__).parent / "data" / "seeds").glob("001_*.txt"))


def timed(path: Path):
    start = time.perf_counter()
    outcome = try_extract(path)
    return outcome, time.perf_counter() - start


def write(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


# -- HTML: nesting, unclosed tags, size ------------------------------------------------


def test_html_nested_100000_deep_is_refused_in_a_second(tmp_path):
    path = write(tmp_path, "deep.html", "<html><body>" + TITLE + "<div>文字" * 100_000 + "</div>" * 100_000)
    outcome, seconds = timed(path)
    assert outcome.report is None and not outcome.skipped
    assert outcome.reason == "HTML nested more than 512 elements deep (limit 512)"
    assert seconds < 3


@pytest.mark.parametrize("tag", ["span", "font", "b", "a"])
def test_unclosed_inline_tags_490_deep_keep_their_text(tmp_path, tag):
    # Each unclosed tag opens inside the one before: 490 levels, walked without
    # recursion, every character kept in order.
    body = "".join(f"<p>{n}、{heading}</p><p>内容{i}</p>" for i, (n, heading) in enumerate(HEADINGS, 1))
    path = write(tmp_path, f"unclosed-{tag}.html", "<html><body>" + TITLE + body + "<p>" + f"<{tag}>字" * 490)
    outcome, seconds = timed(path)
    assert outcome.reason is None
    assert list(outcome.report.sections) == [
        "总体情况", "主动公开", "依申请公开", "复议诉讼", "问题改进", "其他事项"
    ]  # fmt: skip
    assert outcome.report.sections["其他事项"] == "内容6\n" + "字" * 490
    assert seconds < 3


@pytest.mark.parametrize(
    "chain",
    [
        ('<div class="nav">菜单', "</div>"),  # chrome judged on what each level holds
        ("<h1>2020年度报告", "</h1>"),  # title-like at every level
        ('<div class="title">年度报告', "</div>"),
        ("<div>原", "</div>"),  # every level could open a 原文链接： line
        ("<table><tr><td>格", "</td></tr></table>"),  # tables inside tables
    ],
    ids=["nav", "h1", "title", "address", "tables"],
)
def test_deep_chains_cost_their_length_not_its_square(tmp_path, chain):
    opening, closing = chain
    deep = (opening * 160 + closing * 160) * 20  # 3,200 to 9,600 elements, 160 to 480 deep
    path = write(tmp_path, "chains.html", "<html><body>" + TITLE + "<p>一、总体情况</p>" + deep)
    outcome, seconds = timed(path)
    assert outcome.reason is None
    assert seconds < 4


def test_html_with_too_many_elements_is_refused(tmp_path):
    path = write(tmp_path, "wide.html", "<html><body>" + TITLE + "<b></b>" * 100_001)
    outcome, _ = timed(path)
    assert outcome.reason == "HTML has more than 100,000 elements (limit 100,000)"


@pytest.mark.parametrize("fmt", ["txt", "md", "html"])
def test_files_over_the_size_limit_are_refused_by_name(tmp_path, fmt):
    path = tmp_path / f"huge.{fmt}"
    with path.open("wb") as out:  # sparse: nothing written but the size
        out.truncate(MAX_FILE_BYTES[fmt] + 1)
    outcome, seconds = timed(path)
    limit = MAX_FILE_BYTES[fmt] // MB
    assert outcome.reason == f"file too large: {limit}.0 MB (limit for {fmt} files: {limit}.0 MB)"
    assert seconds < 1


def test_a_large_text_at_the_limit_is_read_whole(tmp_path):
    # 0.5 MB of report text: read, not emptied (a 200 MB file used to be stored blank).
    text = SEED.read_text(encoding="utf-8")
    filler = "本机关继续做好政府信息公开工作。\n" * 20_000
    path = write(tmp_path, "long.txt", text + filler)
    outcome = try_extract(path)
    assert outcome.reason is None
    assert outcome.report.sections["问题改进"].count("本机关继续做好政府信息公开工作。") == 20_000


def test_a_page_of_only_headings_is_linear(tmp_path):
    # 20,000 heading lines: the section search was quadratic in the headings found.
    lines = "".join(f"{'一二三四五六'[i % 6]}、总体情况\n" for i in range(20_000))
    path = write(tmp_path, "headings.txt", "某县2020年政府信息公开工作年度报告\n" + lines)
    outcome, seconds = timed(path)
    assert outcome.reason is None
    assert seconds < 5


def _quadratic_best_run(marks):
    """The section search as it was (every pair of marks compared), for comparison."""
    order = [SECTION_NAMES.index(m.name) for m in marks]
    best, prev = [m.score for m in marks], [-1] * len(marks)
    for j in range(len(marks)):
        for i in range(j):
            if order[i] < order[j] and best[i] + marks[j].score > best[j]:
                best[j], prev[j] = best[i] + marks[j].score, i
    if not marks:
        return []
    j = max(range(len(marks)), key=lambda k: (best[k], -k))
    run = []
    while j >= 0:
        run.append(marks[j])
        j = prev[j]
    return run[::-1]


def test_linear_section_search_picks_what_the_quadratic_one_did():
    rng = random.Random(5)
    for _ in range(400):
        marks = [
            _Mark(i, 0, 5, rng.choice(SECTION_NAMES), rng.randint(1, 4)) for i in range(rng.randint(0, 14))
        ]
        assert _best_run(marks) == _quadratic_best_run(marks)


# -- .docx: zip bombs and XML entities -------------------------------------------------


def _docx(parts: dict[str, bytes] | None = None, level: int = 6) -> bytes:
    """A valid .docx from python-docx, with ``parts`` added or replaced."""
    import docx

    blank = io.BytesIO()
    docx.Document().save(blank)
    source = zipfile.ZipFile(blank)
    parts = dict(parts or {})
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED, compresslevel=level) as package:
        for info in source.infolist():
            package.writestr(info.filename, parts.pop(info.filename, None) or source.read(info.filename))
        for name, data in parts.items():
            package.writestr(name, data)
    return out.getvalue()


def _unpacked(path: Path, suffixes: tuple[str, ...] = ("",)) -> str:
    with zipfile.ZipFile(path) as package:
        return size(sum(i.file_size for i in package.infolist() if i.filename.endswith(suffixes)))


def test_docx_unpacking_past_the_limit_is_refused(tmp_path):
    path = tmp_path / "bomb.docx"
    path.write_bytes(_docx({"word/media/image1.png": b"\0" * (MAX_DOCX_UNPACKED + 1)}, level=1))
    assert path.stat().st_size < MAX_DOCX_UNPACKED // 100
    outcome, seconds = timed(path)
    assert outcome.reason == f"Word .docx file unpacks to {_unpacked(path)} (limit 100.0 MB; a zip bomb?)"
    assert seconds < 2


def test_docx_xml_past_the_limit_is_refused(tmp_path):
    path = tmp_path / "xml-bomb.docx"
    document = b"<w:p/>" * (MAX_DOCX_XML // 6 + 1)
    path.write_bytes(_docx({"word/document.xml": document}, level=1))
    outcome, _ = timed(path)
    xml = (".xml", ".rels")
    assert outcome.reason == f"Word .docx text (XML) unpacks to {_unpacked(path, xml)} (limit 20.0 MB)"


def _declare_smaller(data: bytes, name: bytes, declared: int) -> bytes:
    """The package with ``name``'s uncompressed size rewritten (local header and directory)."""
    data = bytearray(data)
    for signature, size_at in ((b"PK\x03\x04", 22), (b"PK\x01\x02", 24)):
        start = 0
        while (at := data.find(signature, start)) >= 0:
            name_at = at + (30 if signature == b"PK\x03\x04" else 46)
            if data[name_at : name_at + len(name)] == name:
                data[at + size_at : at + size_at + 4] = declared.to_bytes(4, "little")
            start = at + 4
    return bytes(data)


def test_docx_lying_about_its_sizes_inflates_no_more_than_it_declares(tmp_path):
    # The directory says 2 KB; the stream inflates to 30 MB. zipfile stops at the declared
    # size and the CRC check fails: a one-line refusal, not 30 MB inflated and parsed.
    body = b"<w:p/>" * (30 * MB // 6)
    path = tmp_path / "liar.docx"
    path.write_bytes(
        _declare_smaller(_docx({"word/document.xml": body}, level=1), b"word/document.xml", 2048)
    )
    outcome, seconds = timed(path)
    assert (
        outcome.reason
        == "not a readable Word .docx file (BadZipFile: Bad CRC-32 for file 'word/document.xml')"
    )
    assert seconds < 2


_W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'


def test_docx_billion_laughs_is_refused(tmp_path):
    entities = "".join(f'<!ENTITY l{i} "{("&l" + str(i - 1) + ";") * 10}">' for i in range(1, 10))
    xml = f'<?xml version="1.0"?><!DOCTYPE d [<!ENTITY l0 "lol">{entities}]>'
    xml += f"<w:document {_W}><w:body><w:p><w:r><w:t>&l9;</w:t></w:r></w:p></w:body></w:document>"
    path = tmp_path / "laughs.docx"
    path.write_bytes(_docx({"word/document.xml": xml.encode()}))
    outcome, seconds = timed(path)
    assert outcome.reason.startswith("not a readable Word .docx file (XMLSyntaxError: ")
    assert "amplification" in outcome.reason and "\n" not in outcome.reason
    assert seconds < 2


def test_docx_external_entity_is_not_resolved(tmp_path):
    secret = tmp_path / "secret.txt"
    secret.write_text("某县2020年政府信息公开工作年度报告 SECRET", encoding="utf-8")
    xml = f'<?xml version="1.0"?><!DOCTYPE d [<!ENTITY x SYSTEM "{secret.as_uri()}">]>'
    xml += f"<w:document {_W}><w:body><w:p><w:r><w:t>&x;</w:t></w:r></w:p></w:body></w:document>"
    path = tmp_path / "xxe.docx"
    path.write_bytes(_docx({"word/document.xml": xml.encode()}))
    outcome = try_extract(path)
    # Nothing of the file comes in: no title, so not even a report.
    assert outcome.skipped
    assert outcome.reason == "not a report (no report title with a year, no section headings, no tables)"


# -- PDF: page limit, no text layer ------------------------------------------------------


def _pdf(path: Path, pages: int, text: bool) -> Path:
    from reportlab.pdfgen import canvas

    pdf = canvas.Canvas(str(path))
    for _ in range(pages):
        if text:
            pdf.drawString(72, 720, "Annual report 2020")
        else:
            pdf.rect(72, 72, 400, 600, fill=1)  # a picture of a page, as a scan is
        pdf.showPage()
    pdf.save()
    return path


def test_pdf_without_a_text_layer_says_so(tmp_path):
    outcome = try_extract(_pdf(tmp_path / "scan.pdf", 3, text=False))
    assert not outcome.skipped
    assert outcome.reason == "PDF has no text layer; scanned image? (run OCR on it first)"


def test_pdf_over_the_page_limit_is_refused_before_reading(tmp_path):
    outcome, seconds = timed(_pdf(tmp_path / "long.pdf", MAX_PDF_PAGES + 1, text=True))
    assert outcome.reason == "PDF has 501 pages (limit 500; a report is rarely over 200)"
    assert seconds < 5


def test_pdf_pages_are_let_go_as_they_are_read(tmp_path, monkeypatch):
    # Each page is closed right after its blocks, not when the document closes.
    import pypdfium2

    from indexer.extract.readers import pdf

    read, closed = [], []
    blocks_of, close = pdf._page_blocks, pypdfium2.PdfPage.close
    monkeypatch.setattr(pdf, "_page_blocks", lambda page, where: read.append(where) or blocks_of(page, where))
    monkeypatch.setattr(
        pypdfium2.PdfPage, "close", lambda page, *a: closed.append(len(read)) or close(page, *a)
    )
    outcome = try_extract(_pdf(tmp_path / "four.pdf", 4, text=True))
    assert outcome.skipped  # English text, no report: read all the same
    assert closed[:4] == [1, 2, 3, 4]


# -- what escapes a reader -----------------------------------------------------------------


@pytest.mark.parametrize(
    ("error", "reason"),
    [
        (MemoryError(), "ran out of memory while extracting (the file is larger or denser than any report)"),
        (
            RecursionError("maximum recursion depth exceeded"),
            "structure nested too deeply to extract (RecursionError)",
        ),
    ],
)
def test_memory_and_recursion_errors_become_one_line(tmp_path, monkeypatch, error, reason):
    def fail(path):
        raise error

    monkeypatch.setattr(pipeline, "read", fail)
    outcome = try_extract(write(tmp_path, "a.txt", "text"))
    assert outcome == pipeline.Outcome(None, reason)


def test_a_password_protected_word_file_is_named_as_such(tmp_path):
    path = tmp_path / "locked.docx"
    # The official template encrypted with a password: an OLE compound file, not a zip.
    path.write_bytes((Path(__file__).parent / "data" / "doc" / "locked.docx").read_bytes())
    outcome = try_extract(path)
    assert outcome.reason == "Office file is encrypted (a password is needed to read it)"
    assert reason_zh(outcome.reason) == "Office 文件已加密（需要密码才能读取）"
