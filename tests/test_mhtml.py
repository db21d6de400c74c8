"""Web archives (.mht, .mhtml): the page they hold, read as that web page is."""

from __future__ import annotations

import base64
import quopri
from pathlib import Path

import pytest

from indexer.extract.pipeline import try_extract
from indexer.extract.readers import read

REAL = Path(__file__).parent / "data" / "real"
_BOUNDARY = "----=_NextPart_01DA5E2B.7F3C9A40"


def archive(page: bytes, charset: str, address: str, fold: bool = False) -> bytes:
    """A web archive as Word and Internet Explorer write one: the page quoted-printable in its
    charset, then an image, each part with its address (``fold``: on a line of its own, as a
    long header is folded)."""
    location = f"\r\n {address}" if fold else f" {address}"
    head = (
        f'MIME-Version: 1.0\r\nContent-Type: multipart/related; boundary="{_BOUNDARY}"; type="text/html"\r\n\r\n'
        "This document is a Single File Web Page, also known as a Web Archive file.\r\n\r\n"
        f"--{_BOUNDARY}\r\nContent-Location:{location}\r\nContent-Transfer-Encoding: quoted-printable\r\n"
        f'Content-Type: text/html; charset="{charset}"\r\n\r\n'
    ).encode("ascii")
    image = (
        f"\r\n--{_BOUNDARY}\r\nContent-Location: http://www.example.gov.cn/logo.png\r\n"
        "Content-Transfer-Encoding: base64\r\nContent-Type: image/png\r\n\r\n"
    ).encode("ascii") + base64.encodebytes(b"\x89PNG\r\n\x1a\n" + bytes(60))
    return head + quopri.encodestring(page) + image + f"\r\n--{_BOUNDARY}--\r\n".encode("ascii")


@pytest.mark.parametrize("name", ["page.mht", "page.MHTML", "page.doc", "page.txt"])
def test_a_saved_page_reads_as_the_page(tmp_path, name):
    page = (REAL / "02_pingtan_zone_2013.html").read_text(encoding="utf-8").replace('charset="utf-8"', 'charset="gb2312"')
    path = tmp_path / name
    path.write_bytes(archive(page.encode("gb18030"), "gb2312", "http://www.pingtan.gov.cn/t20140331_80759.htm"))
    doc, original = read(path), read(REAL / "02_pingtan_zone_2013.html")
    assert (doc.format, doc.blocks, doc.source_url) == ("mhtml", original.blocks, original.source_url)


@pytest.mark.parametrize("fold", [False, True])
def test_the_archives_address_is_kept_where_the_page_states_none(tmp_path, fold):
    seed = next((Path(__file__).parent / "data" / "seeds").glob("000_*.txt")).read_text(encoding="utf-8")
    body = "".join(f"<p>{line}</p>" for line in seed.splitlines())
    page = f'<html><head><meta charset="utf-8"></head><body>{body}</body></html>'.encode()
    path = tmp_path / "report.mht"
    path.write_bytes(archive(page, "utf-8", "https://www.rongchang.gov.cn/zwgk/2021/report.html", fold))
    outcome = try_extract(path)
    assert outcome.report.source_url == "https://www.rongchang.gov.cn/zwgk/2021/report.html"
    assert outcome.report.facets["行政处罚.处理决定数"] == try_extract(
        next((Path(__file__).parent / "data" / "seeds").glob("000_*.txt"))
    ).report.facets["行政处罚.处理决定数"]


def test_a_message_without_a_page_says_so(tmp_path):
    path = tmp_path / "mail.mht"
    path.write_bytes(b'MIME-Version: 1.0\r\nContent-Type: multipart/related; boundary="b"\r\n\r\n--b\r\n'
                     b"Content-Type: image/png\r\n\r\nxx\r\n--b--\r\n")
    outcome = try_extract(path)
    assert outcome.reason == "not a readable web archive (MHTML): no HTML page inside"
