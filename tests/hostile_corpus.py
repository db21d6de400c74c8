"""A corpus of hostile files beside good reports, for ingest's robustness tests.

``python tests/hostile_corpus.py DIR`` writes it into DIR and prints what ingest must
say about each file; ``build(folder)`` does the same for tests and returns a ``Corpus``.

Good reports (every one must be added exactly once) carry the awkward names: spaces,
a newline, Chinese, shell metacharacters, a leading dash, GBK bytes that are not UTF-8.
Bad files (every one must be listed exactly once, failed or skipped, with a reason):
random bytes under every report suffix; empty, truncated and encrypted files; HTML
nested 100,000 deep; a .docx zip bomb and XML entity tricks; a PDF of 2,000 pages and
one with no text layer; a 200 MB text file; and, in the folder walk, a symlink loop, a
dangling link, a link out of the tree, a link to a file inside it, a FIFO and an
unreadable folder. The link out of the tree leads to a good report that must not be
ingested: walks follow no symlink.
"""

from __future__ import annotations

import io
import os
import random
import shutil
import sys
import zipfile
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

SAMPLES = Path(__file__).resolve().parent.parent / "indexer" / "sample_data"

# Awkward but valid names (stems) for good reports; the first bytes one is 工作报告 in GBK,
# the second is valid in no Chinese encoding.
GOOD_NAMES: list[str | bytes] = [
    "with space 报告",
    "line\nbreak",
    "$(touch pwned); `id` | & ; * ? [a] 'q' \"qq\"",
    "-leading-dash",
    "中文名称的年度报告",
    b"\xb9\xa4\xd7\xf7\xb1\xa8\xb8\xe6",
    b"bad-\xff\xfe-bytes",
]
SUFFIXES = (".txt", ".md", ".html", ".htm", ".docx", ".pdf")
BIG_TEXT_MB = int(os.environ.get("NIANBAO_HOSTILE_TEXT_MB", "200"))


@dataclass
class Corpus:
    root: Path  # the folder to ingest
    outside: Path  # a good report reached only through a symlink out of the tree
    good: list[Path] = field(default_factory=list)
    bad: list[Path] = field(default_factory=list)  # every one listed once, failed or skipped
    walk_only: list[Path] = field(default_factory=list)  # links, FIFO, locked folder: bad, not files


def _seeds() -> list[Path]:
    return sorted((SAMPLES / "seeds").glob("*.txt"))


def _generated() -> list[Path]:
    return sorted(p for p in (SAMPLES / "generated").iterdir() if p.suffix != ".jsonl")


def _path(root: Path, stem: str | bytes, suffix: str) -> Path:
    if isinstance(stem, bytes):
        return Path(os.fsdecode(os.path.join(os.fsencode(root), stem + suffix.encode())))
    return root / (stem + suffix)


def build(folder: Path) -> Corpus:
    root, outside = folder / "corpus", folder / "outside"
    root.mkdir(parents=True)
    outside.mkdir()
    corpus = Corpus(root, outside)
    _good(corpus)
    _bad_files(corpus, random.Random(11))
    _walk_traps(corpus)
    return corpus


def _good(corpus: Corpus) -> None:
    generated = _generated()
    for stem, sample in zip(GOOD_NAMES, generated, strict=False):
        target = _path(corpus.root, stem, sample.suffix)
        shutil.copyfile(sample, target)
        corpus.good.append(target)
    sub = corpus.root / "sub dir" / "深层" / "更深"
    sub.mkdir(parents=True)
    for sample in generated[len(GOOD_NAMES) :] + _seeds()[:2]:
        target = sub / sample.name
        shutil.copyfile(sample, target)
        corpus.good.append(target)
    # Real-world sloppy HTML: unclosed tags around a report that must still be read.
    seed = _seeds()[2].read_text(encoding="utf-8")
    page = "<html><body><div><p>" + "<p>".join(seed.splitlines()) + "<div><span><b>"
    target = corpus.root / "unclosed-tags.html"
    target.write_text(page, encoding="utf-8")
    corpus.good.append(target)


def _bad(corpus: Corpus, name: str, data: bytes) -> Path:
    path = corpus.root / "bad" / name
    path.parent.mkdir(exist_ok=True)
    path.write_bytes(data)
    corpus.bad.append(path)
    return path


def _bad_files(corpus: Corpus, rng: random.Random) -> None:
    for suffix in SUFFIXES:
        _bad(corpus, f"random{suffix}", rng.randbytes(rng.randint(200, 20_000)))
        _bad(corpus, f"empty{suffix}", b"")
    pdf = next(p for p in _generated() if p.suffix == ".pdf").read_bytes()
    docx = next(p for p in _generated() if p.suffix == ".docx").read_bytes()
    _bad(corpus, "truncated.pdf", pdf[: len(pdf) // 2])
    _bad(corpus, "truncated.docx", docx[: len(docx) // 2])
    _bad(corpus, "encrypted.pdf", _encrypted_pdf())
    # What an encrypted Word file is: an OLE compound file, not a zip.
    _bad(corpus, "encrypted.docx", bytes.fromhex("d0cf11e0a1b11ae1") + rng.randbytes(4096))
    _bad(corpus, "deep.html", b"<html><body>" + b"<div>" * 100_000 + "正文".encode() + b"</div>" * 100_000)
    _bad(corpus, "bomb.docx", _zip_bomb())
    _bad(corpus, "laughs.docx", _docx_with(_BILLION_LAUGHS))
    _bad(corpus, "xxe.docx", _docx_with(_EXTERNAL_ENTITY))
    _bad(corpus, "pages.pdf", _many_pages(2000))
    _bad(corpus, "scanned.pdf", _image_only_pdf())
    _big_text(corpus.root / "bad" / "big.txt", BIG_TEXT_MB)
    corpus.bad.append(corpus.root / "bad" / "big.txt")


def _walk_traps(corpus: Corpus) -> None:
    traps = corpus.root / "traps"
    traps.mkdir()
    escaped = corpus.outside / "outside.txt"
    shutil.copyfile(_seeds()[3], escaped)  # ingested only if a walk follows the link out
    links = {
        "loop": corpus.root,  # back into the tree
        "out": corpus.outside,  # out of it
        "dangling.txt": traps / "missing.txt",
        "alias.txt": corpus.good[0],  # a second name for a good report
    }
    for name, target in links.items():
        (traps / name).symlink_to(target)
        corpus.walk_only.append(traps / name)
    os.mkfifo(traps / "pipe.txt")
    corpus.walk_only.append(traps / "pipe.txt")
    locked = traps / "locked"
    locked.mkdir()
    (locked / "inside.txt").write_bytes(_seeds()[4].read_bytes())
    locked.chmod(0)
    corpus.walk_only.append(locked)


def _big_text(path: Path, megabytes: int) -> None:
    line = ("这一行不是报告的任何部分，只是为了把文件撑大。" * 4 + "\n").encode()
    block = line * (1024 * 1024 // len(line) + 1)
    with path.open("wb") as out:
        for _ in range(megabytes):
            out.write(block[: 1024 * 1024])


def _docx_package(document: Callable[[zipfile.ZipFile], None]) -> bytes:
    """A complete Word package (python-docx's blank one) whose main part ``document`` writes."""
    import docx

    blank, out = io.BytesIO(), io.BytesIO()
    docx.Document().save(blank)
    parts = zipfile.ZipFile(blank)
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as package:
        for info in parts.infolist():
            if info.filename != "word/document.xml":
                package.writestr(info.filename, parts.read(info.filename))
        document(package)
    return out.getvalue()


def _zip_bomb() -> bytes:
    """A .docx whose document.xml inflates to 1 GB from about 2 MB."""

    def inflating(package: zipfile.ZipFile) -> None:
        with package.open("word/document.xml", "w", force_zip64=True) as member:
            chunk = b"<w:t>a</w:t>" * 100_000
            for _ in range(2**30 // len(chunk)):
                member.write(chunk)

    return _docx_package(inflating)


def _docx_with(document_xml: str) -> bytes:
    return _docx_package(lambda package: package.writestr("word/document.xml", document_xml))


_W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
_BILLION_LAUGHS = (
    '<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">'
    + "".join(f'<!ENTITY lol{i} "{("&lol" + (str(i - 1) if i > 1 else "") + ";") * 10}">' for i in range(1, 10))
    + f"]><w:document {_W}><w:body><w:p><w:r><w:t>&lol9;</w:t></w:r></w:p></w:body></w:document>"
)
_EXTERNAL_ENTITY = (
    '<?xml version="1.0"?><!DOCTYPE d [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>'
    f"<w:document {_W}><w:body><w:p><w:r><w:t>&xxe;</w:t></w:r></w:p></w:body></w:document>"
)


def _encrypted_pdf() -> bytes:
    from reportlab.lib.pdfencrypt import StandardEncryption
    from reportlab.pdfgen import canvas

    buffer = io.BytesIO()
    pdf = canvas.Canvas(buffer, encrypt=StandardEncryption("user-password", "owner-password"))
    pdf.drawString(72, 720, "2021 annual report")
    pdf.showPage()
    pdf.save()
    return buffer.getvalue()


def _many_pages(count: int) -> bytes:
    from reportlab.pdfgen import canvas

    buffer = io.BytesIO()
    pdf = canvas.Canvas(buffer)
    for page in range(1, count + 1):
        pdf.drawString(72, 720, f"page {page} of a very long document")
        pdf.showPage()
    pdf.save()
    return buffer.getvalue()


def _image_only_pdf() -> bytes:
    """A scan: pages that are pictures, with no text layer."""
    from PIL import Image, ImageDraw
    from reportlab.lib.utils import ImageReader
    from reportlab.pdfgen import canvas

    picture = Image.new("L", (400, 200), 255)
    ImageDraw.Draw(picture).rectangle((20, 20, 380, 60), fill=0)
    buffer = io.BytesIO()
    pdf = canvas.Canvas(buffer)
    pdf.drawImage(ImageReader(picture), 72, 500, width=400, height=200)
    pdf.showPage()
    pdf.save()
    return buffer.getvalue()


if __name__ == "__main__":
    if len(sys.argv) != 2:
        sys.exit("usage: python tests/hostile_corpus.py DIR")
    built = build(Path(sys.argv[1]))
    for kind in ("good", "bad", "walk_only"):
        for path in getattr(built, kind):
            print(kind, ascii(str(path.relative_to(built.root))))
