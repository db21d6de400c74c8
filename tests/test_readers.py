"""Readers: every format into text blocks and table grids, failures as one-line ReadErrors."""

from __future__ import annotations

import random
import re
from pathlib import Path

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from indexer.errors import ReadError
from indexer.extract.readers import read, sniff
from indexer.models import TableBlock, TextBlock

DATA = Path(__file__).parent / "data"
SEED = DATA / "seeds" / "000_a11d1aa962f2c413.txt"
REAL = DATA / "real"


# -- builders ------------------------------------------------------------------


def tables(doc) -> list[tuple[tuple[str, ...], ...]]:
    return [b.rows for b in doc.blocks if isinstance(b, TableBlock)]


def texts(doc) -> list[str]:
    return [b.text for b in doc.blocks if isinstance(b, TextBlock)]


def write_docx(path: Path) -> Path:
    """A report fragment: heading, a table with a horizontal and a vertical merge, a paragraph."""
    import docx

    document = docx.Document()
    document.add_paragraph("三、收到和处理政府信息公开申请情况")
    document.add_paragraph("")
    table = document.add_table(rows=4, cols=4)
    table.cell(0, 0).merge(table.cell(1, 1)).text = "（本列数据的勾稽关系）"
    table.cell(0, 2).merge(table.cell(0, 3)).text = "申请人情况"
    table.cell(1, 2).text = "自然人"
    table.cell(1, 3).text = "总计"
    table.cell(2, 0).merge(table.cell(3, 0)).text = "三、本年度办理结果"
    for r, label, a, b in ((2, "（一）予以公开", "5", "5"), (3, "（二）部分公开", "1", "1")):
        table.cell(r, 1).text = label
        table.cell(r, 2).text = a
        table.cell(r, 3).text = b
    document.add_paragraph("四、政府信息公开行政复议、行政诉讼情况\t（单位：件）")
    document.save(str(path))
    return path


def write_pdf(path: Path, paragraph: str, rows: list[list[str]]) -> Path:
    """A one-page PDF in the CJK font STSong-Light: a paragraph, then a ruled table."""
    from reportlab.lib import colors
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

    pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
    style = ParagraphStyle("cjk", fontName="STSong-Light", fontSize=11, leading=16)
    table = Table(rows)
    table.setStyle(
        TableStyle(
            [("FONTNAME", (0, 0), (-1, -1), "STSong-Light"), ("GRID", (0, 0), (-1, -1), 0.5, colors.black)]
        )
    )
    story = [
        Paragraph(paragraph, style),
        Spacer(1, 12),
        table,
        Spacer(1, 12),
        Paragraph("六、其他需要报告的事项", style),
    ]
    SimpleDocTemplate(str(path)).build(story)
    return path


def truncate(source: Path, target: Path) -> Path:
    data = source.read_bytes()
    target.write_bytes(data[: len(data) // 2])
    return target


# -- text ------------------------------------------------------------------------

SEED_TEXT = SEED.read_text(encoding="utf-8")


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "gb18030", "gbk", "utf-16", "utf-16-le"])
def test_text_decodes_every_common_encoding_identically(tmp_path, encoding):
    path = tmp_path / f"seed-{encoding}.txt"
    path.write_bytes(SEED_TEXT.encode(encoding))
    doc = read(path)
    assert doc.format == "txt"
    assert [b.text for b in doc.blocks] == SEED_TEXT.split("\n")[:-1]
    assert doc.blocks[0] == TextBlock("重庆市荣昌区商务委员会", "line 1")
    assert doc.blocks[1] == TextBlock("2020年政府信息公开工作年度报告", "line 2")


def test_text_keeps_lines_verbatim_and_normalises_line_endings(tmp_path):
    path = tmp_path / "report.txt"
    path.write_bytes("\ufeff一、总体情况\r\n\t规章\t0\r  本年新收\u30001 2 \r\r末行".encode())
    doc = read(path)
    assert doc.blocks == (
        TextBlock("一、总体情况", "line 1"),
        TextBlock("\t规章\t0", "line 2"),
        TextBlock("  本年新收\u30001 2 ", "line 3"),
        TextBlock("", "line 4"),
        TextBlock("末行", "line 5"),
    )


def test_text_utf16_without_bom_is_detected(tmp_path):
    path = tmp_path / "report.txt"
    path.write_bytes("一、总体情况\n本年新收申请12件。\n".encode("utf-16-le"))
    assert texts(read(path)) == ["一、总体情况", "本年新收申请12件。"]


def test_markdown_stays_text(tmp_path):
    path = tmp_path / "report.md"
    path.write_text("# 年度报告\n\n| 规章 | 0 |\n|---|---|\n", encoding="utf-8")
    doc = read(path)
    assert doc.format == "md"
    assert texts(doc) == ["# 年度报告", "", "| 规章 | 0 |", "|---|---|"]


def test_random_bytes_are_not_text(tmp_path):
    path = tmp_path / "noise.txt"
    rng = random.Random(7)
    path.write_bytes(bytes(rng.randrange(256) for _ in range(4000)))
    with pytest.raises(ReadError, match="does not look like text") as info:
        read(path)
    assert str(path) in str(info.value)


@pytest.mark.parametrize(
    ("junk", "looks"),
    [(0, True), (1, True), (20, True), (21, False), (400, False)],  # of 1,000 characters: 2 % allowed
)
def test_text_is_told_from_binary_by_its_share_of_control_and_unassigned_characters(junk, looks):
    from indexer.extract.readers.text import _looks_like_text

    kinds = "\x00\x07\x1b\x7f\x85\U000e0fff\ue000\ud800"  # Cc, Cn, Co, Cs: junk; tabs and breaks are not
    rng = random.Random(junk)
    text = [rng.choice("政府信息公开\t\n\r\f\v 12") for _ in range(1000 - junk)]
    text += [kinds[i % len(kinds)] for i in range(junk)]
    rng.shuffle(text)
    assert _looks_like_text("".join(text)) is looks


def test_empty_missing_and_unknown_files(tmp_path):
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    with pytest.raises(ReadError, match=r"empty\.txt: file is empty"):
        read(empty)
    with pytest.raises(ReadError, match="file not found"):
        read(tmp_path / "absent.pdf")
    odd = tmp_path / "report.xyz"
    odd.write_text("年度报告", encoding="utf-8")
    with pytest.raises(ReadError) as info:
        read(odd)
    assert info.value.reason == (
        "unsupported file type '.xyz' (supported: .txt, .md, .html, .htm, .docx, .docm, .dotx, .dotm, .pdf,"
        " .doc, .dot, .wps, .shtml, .shtm, .xhtml, .jhtml, .jsp, .asp, .aspx, .php, .mht, .mhtml)"
    )


@pytest.mark.parametrize(
    ("name", "reason"),
    [
        ("报告.odt", "OpenDocument (.odt) files are not read: save it as .docx, PDF or HTML"),
        ("报告.RTF", "RTF (.rtf) files are not read: save it as .docx, PDF or HTML"),
        ("报告.ofd", "OFD (.ofd) files are not read: save it as .docx, PDF or HTML"),
    ],
)
def test_a_report_format_not_read_says_what_to_do(tmp_path, name, reason):
    path = tmp_path / name
    path.write_bytes(b"PK\x05\x06" + bytes(18))
    with pytest.raises(ReadError) as info:
        read(path)
    assert info.value.reason == reason


@pytest.mark.parametrize("name", ["报告.txt", "报告.doc", "报告.html"])
def test_rtf_is_refused_by_its_first_bytes_under_any_suffix(tmp_path, name):
    path = tmp_path / name
    path.write_bytes(b"{\\rtf1\\ansi\\ansicpg936 " + "年度报告".encode("gbk") + b"}")
    with pytest.raises(ReadError) as info:
        read(path)
    assert info.value.reason == "RTF (.rtf) files are not read: save it as .docx, PDF or HTML"


@pytest.mark.parametrize("suffix", [".shtml", ".jhtml", ".jsp", ".aspx", ".php", ".SHTML"])
def test_a_page_saved_under_its_addresss_suffix_is_read_as_html(tmp_path, suffix):
    page = REAL / "02_pingtan_zone_2013.html"
    saved = tmp_path / f"t20140115_1314808{suffix}"
    saved.write_bytes(page.read_bytes())
    doc, as_html = read(saved), read(page)
    assert doc.format == "html"
    assert doc.blocks == as_html.blocks
    assert any("平潭综合实验区" in text for text in texts(doc))


def test_sniffing_overrides_a_wrong_suffix(tmp_path):
    assert sniff(b"%PDF-1.4") == "pdf"
    assert sniff(b"PK\x03\x04rest") == "docx"
    assert sniff(b"\n  <!DOCTYPE html><html>") == "html"
    assert sniff(b"plain words") is None
    path = tmp_path / "page.txt"
    path.write_text("<html><body><p>一、总体情况</p></body></html>", encoding="utf-8")
    doc = read(path)
    assert doc.format == "html"
    assert texts(doc) == ["一、总体情况"]


# -- html ------------------------------------------------------------------------

SPANNED = """<html><head><meta charset="gbk"><title>站点</title></head><body>
<div class="nav"><a href="/">首页</a><a href="/x">政务公开</a></div>
<div class="breadcrumb">当前位置：首页 &gt; 年报</div>
<div id="content">
  <h1>某县商务局2020年政府信息公开工作年度报告</h1>
  <p>一、总体情况</p>
  <p>全年共受理申请<span>12</span>件，<br>均按时答复。</p>
  <table>
    <tr><td rowspan="2" colspan="2">申请情况</td><td colspan="2">申请人</td></tr>
    <tr><td>自然人</td><td>总<span>计</span></td></tr>
    <tr><td rowspan="2">三、办理结果</td><td><p>（一）予以</p><p>公开</p></td><td>5</td><td>5</td></tr>
    <tr><td>（二）部分公开</td><td>1</td><td>1</td></tr>
  </table>
</div>
<div class="footer">版权所有：某县人民政府</div>
</body></html>"""


def test_html_grid_honours_rowspan_and_colspan(tmp_path):
    path = tmp_path / "spanned.html"
    path.write_bytes(SPANNED.encode("gbk"))
    doc = read(path)
    assert tables(doc) == [
        (
            ("申请情况", "", "申请人", ""),
            ("", "", "自然人", "总计"),
            ("三、办理结果", "（一）予以公开", "5", "5"),
            ("", "（二）部分公开", "1", "1"),
        )
    ]
    assert texts(doc) == [
        "某县商务局2020年政府信息公开工作年度报告",
        "一、总体情况",
        "全年共受理申请12件，",
        "均按时答复。",
    ]
    assert doc.blocks[0].where == "title"
    assert doc.blocks[-1].where == "table 1"


def test_html_drops_chrome_and_keeps_article(tmp_path):
    path = tmp_path / "page.html"
    path.write_text(SPANNED.replace('charset="gbk"', 'charset="gb2312"'), encoding="utf-8")
    text = read(path).text
    assert "全年共受理申请12件" in text
    for chrome in ("首页", "政务公开", "当前位置", "版权所有"):
        assert chrome not in text


def test_html_layout_table_is_recursed_into(tmp_path):
    path = tmp_path / "layout.html"
    path.write_text(
        "<html><body><table><tr><td><p>一、总体情况</p>"
        "<table><tr><td>规章</td><td>0</td></tr></table></td></tr></table></body></html>",
        encoding="utf-8",
    )
    doc = read(path)
    assert texts(doc) == ["一、总体情况"]
    assert tables(doc) == [(("规章", "0"),)]


@pytest.mark.parametrize(
    ("markup", "expected"),
    [
        (  # one paragraph holds most of the text: its sibling table must not be lost
            "<body><div class='nav'><a>首页</a></div><div><h2>某局2019年政府信息公开工作年度报告</h2>"
            "<p>" + "很长的段落。" * 100 + "</p><table><tr><td>规章</td><td>0</td></tr></table></div></body>",
            ["某局2019年政府信息公开工作年度报告", "很长的段落。" * 100, (("规章", "0"),)],
        ),
        (  # an HTML5 <header> inside the article carries the title: it is not chrome
            "<body><header><a>网站首页</a></header><article><header><h1>某县2022年政府信息公开工作年度报告"
            "</h1></header><p>一、总体情况</p><p>正文内容</p></article><footer>联系我们</footer></body>",
            ["某县2022年政府信息公开工作年度报告", "一、总体情况", "正文内容"],
        ),
        (  # ASP.NET pages wrap everything in one <form>
            "<body><form id='form1'><div class='menu'><a>首页</a></div><div class='content'>"
            "<h1>某区2021年政府信息公开工作年度报告</h1><p>一、总体情况</p><p>正文。</p></div>"
            "<div class='footer'>版权所有</div></form></body>",
            ["某区2021年政府信息公开工作年度报告", "一、总体情况", "正文。"],
        ),
    ],
)
def test_html_article_detection(tmp_path, markup, expected):
    path = tmp_path / "page.html"
    path.write_text(f"<html>{markup}</html>", encoding="utf-8")
    doc = read(path)
    assert [b.rows if isinstance(b, TableBlock) else b.text for b in doc.blocks] == expected


def test_real_shuyang_page():
    doc = read(REAL / "01_shuyang_ndrc_2023.html")
    assert doc.blocks[0] == TextBlock("沭阳县发展和改革局2023年政府信息公开年度报告", "title")
    grids = tables(doc)
    assert len(grids) == 3
    assert grids[0][0] == ("第二十条第（一）项", "", "", "")
    assert grids[0][3] == ("规范性文件", "8", "0", "18")
    assert grids[1][0] == (
        "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）",
        "",
        "",
        "申请人情况",
        "",
        "",
        "",
        "",
        "",
        "",
    )
    assert grids[1][3] == ("一、本年新收政府信息公开申请数量", "", "", "26", "", "", "", "", "", "26")
    assert grids[2][0] == ("行政复议", "", "", "", "", "行政诉讼") + ("",) * 9
    assert grids[2][3] == ("0", "0", "0", "1", "1") + ("0",) * 10
    text = doc.text
    assert "一、总体情况" in text and "2024年1月17日" in text
    for chrome in ("走进沭阳", "办事服务", "繁體版", "智能问答", "采集时间"):
        assert chrome not in text


@pytest.mark.parametrize(
    ("name", "title", "first_row"),
    [
        (
            "02_pingtan_zone_2013.html",
            "平潭综合实验区2013年政府信息公开工作年度报告",
            ("主动公开信息数", "条", "72804", "76424"),
        ),
        (
            "03_pingtan_county_gov_2013.html",
            "平潭县人民政府2013年政府信息公开工作年度报告",
            ("主动公开信息数", "条", "1853", "5395"),
        ),
    ],
)
def test_real_pingtan_pages(name, title, first_row):
    doc = read(REAL / name)
    assert doc.blocks[0] == TextBlock(title, "title")
    (grid,) = tables(doc)
    assert grid[0] == ("指标名称", "计量单位", "2013年度", "历年累计")
    assert grid[1] == first_row
    text = doc.text
    for heading in (
        "一、概述",
        "三、政府信息依申请公开工作情况",
        "四、政府信息公开工作存在的主要问题及改进情况",
    ):
        assert heading in text
    for chrome in ("领导之窗", "当前位置", "版权所有", "网站标识码", "福州市政府网站", "闽政通APP"):
        assert chrome not in text


HEAD_ADDRESSES = [
    # (the page's <head>, the address read from it)
    ('<link rel="canonical" href=" https://www.gov.cn/a.html ">', "https://www.gov.cn/a.html"),
    ('<link rel="alternate canonical" href="https://www.gov.cn/b.html">', "https://www.gov.cn/b.html"),
    ('<link rel="Canonical" href="https://www.gov.cn/c.html">', None),  # values match as written
    # the first canonical link decides, even without a usable address; og:url is next
    ('<link rel="canonical" href="/relative.html"><link rel="canonical" href="https://www.gov.cn/d.html">'
     '<meta property="og:url" content="https://www.gov.cn/e.html">', "https://www.gov.cn/e.html"),
    ('<meta name="URL" content="https://www.gov.cn/f.html"><meta property="og:url" content="https://www.gov.cn/g.html">',
     "https://www.gov.cn/g.html"),
    ('<meta property="og:url" name="url" content="ftp://x"><meta name="url" content="https://www.gov.cn/h.html">', None),
    ('<meta name="Url" content="http://www.gov.cn/i.html">', "http://www.gov.cn/i.html"),
    ('<meta name="urls" content="http://www.gov.cn/j.html"><meta name=" url" content="http://www.gov.cn/k.html">', None),
    ('<link href="https://www.gov.cn/l.html"><meta content="https://www.gov.cn/m.html">', None),
]


@pytest.mark.parametrize("head, address", HEAD_ADDRESSES)
def test_html_address_stated_in_the_head(tmp_path, head, address):
    """The page's own address from its head, as ``soup.find`` would pick each kind: the first
    canonical link, else the first og:url, else the first url meta, if it is an http(s) address."""
    from bs4 import BeautifulSoup

    from indexer.extract.readers.html import _stated_addresses

    page = f"<html><head>{head}</head><body><h1>2023年政府信息公开工作年度报告</h1><p>正文。</p></body></html>"
    path = tmp_path / "page.html"
    path.write_text(page, encoding="utf-8")
    assert read(path).source_url == address
    soup = BeautifulSoup(page, "lxml")
    searched = [
        (tag.get(attr) or "").strip()
        for tag, attr in (
            (soup.find("link", rel="canonical"), "href"),
            (soup.find("meta", attrs={"property": "og:url"}), "content"),
            (soup.find("meta", attrs={"name": re.compile("^url$", re.I)}), "content"),
        )
        if tag is not None
    ]
    assert _stated_addresses(soup) == searched


# Chrome where its removal must reach the sums of every kind of ancestor: inside a link, a
# link inside a table (its text leaves the link's and the table's counts), a comment, nested.
NESTED_CHROME = """<html><body><div id="wrap"><div class="nav"><a>首页</a></div>
<div id="main"><h1>某局2020年政府信息公开工作年度报告</h1>
<a href="/x"><span>附件下载</span><div class="share">分享到微博</div></a>
<table><tr><td><a href="/y">规章<div class="menu"><p>菜单一</p><p>菜单二</p></div></a></td><td>0</td></tr>
<tr><td><!-- 注释 --><div style="display:none"><section>隐藏<b>文字</b></section></div>行政处罚</td><td>7</td></tr></table>
<div><p>一、总体情况</p><div class="copyright"><table><tr><td>版权</td></tr></table></div><p>正文。</p></div>
</div><div class="footer">联系我们</div></div></body></html>"""


@pytest.mark.parametrize(
    "page",
    ["01_shuyang_ndrc_2023.html", "02_pingtan_zone_2013.html", "03_pingtan_county_gov_2013.html", "SPANNED", "NESTED"],
)
def test_html_measures_after_dropping_chrome_are_those_of_the_page_left(page):
    """What the article search measures is taken once, before the chrome is dropped, and each
    dropped element leaves its ancestors' sums: they equal a fresh measure of the page left."""
    from indexer.extract.readers.html import _drop_chrome, _Measures
    from indexer.extract.readers.soup import parse

    markup = {"SPANNED": SPANNED, "NESTED": NESTED_CHROME}.get(page) or (REAL / page).read_text(encoding="utf-8")
    soup = parse(markup)
    before = len(soup.body.find_all(True))
    _, measures = _drop_chrome(soup.body)
    fresh = _Measures(soup.body)
    elements = [soup.body, *soup.body.find_all(True)]
    assert len(elements) < before  # something was dropped
    for tag in elements:
        assert (measures.text_len(tag), measures.table_len(tag), measures.is_container(tag)) == (
            fresh.text_len(tag),
            fresh.table_len(tag),
            fresh.is_container(tag),
        ), tag.name
    if page == "NESTED":  # all but the links' text; the copyright block holds a table: kept
        assert (measures.text_len(soup.body), measures.table_len(soup.body)) == (
            len("某局2020年政府信息公开工作年度报告0行政处罚7一、总体情况版权正文。"),
            len("规章0行政处罚7版权"),
        )


ODD_MARKUP = (
    '<html xmlns:o="urn:schemas-microsoft-com:office:office"><body>'
    '<p class="MsoNormal  a b" style="x">规章<o:p></o:p></p><svg xmlns="http://www.w3.org/2000/svg"><path d="M0"/></svg>'
    '<math><mi>x</mi></math><td headers="a b" rel="c d">5</td><!-- 批注 --><![CDATA[x]]><br/><p {odd}="1">甲</p>'
    "<table><tr><td>1<td>2</table><p>未闭合<b>粗<i>斜</p>尾</body></html>"
)


def _tree(soup) -> list:
    """Every node of a BeautifulSoup tree: its class, name, attributes (as bs4 holds them:
    multi-valued ones as lists), namespace and prefix, or its text."""
    from bs4 import Tag

    return [
        (type(node).__name__, node.name, node.attrs, node.namespace, node.prefix)
        if isinstance(node, Tag)
        else (type(node).__name__, str(node))
        for node in soup.descendants
    ]


@pytest.mark.parametrize("page", ["01_shuyang_ndrc_2023.html", "02_pingtan_zone_2013.html", "03_pingtan_county_gov_2013.html", "ODD"])
def test_html_tree_is_beautifulsoups_own(page):
    """The reader's bounded tree builder builds elements without bs4's namespace bookkeeping:
    the tree must be the one stock BeautifulSoup builds with lxml, node for node (real pages
    with Word's ``<o:p>``, and markup with namespaces, comments, multi-valued attributes and
    unclosed tags)."""
    from bs4 import BeautifulSoup

    from indexer.extract.readers.soup import parse

    markup = ODD_MARKUP if page == "ODD" else (REAL / page).read_text(encoding="utf-8")
    ours, stock = parse(markup), BeautifulSoup(markup, "lxml")
    assert _tree(ours) == _tree(stock)
    assert str(ours) == str(stock)
    assert len(_tree(ours)) > 25


CELL_SHAPES = [
    # (a cell's inside, its text in the grid, whether it holds one string down single elements)
    ("0", "0", True),
    ("<p align='center'>　　873 </p>", "873", True),
    ("<p><span><b>行政\n许可</b></span></p>", "行政许可", True),
    ("<p> \xa0 </p>", "", True),
    ("<p><span>本年新</span><span>制作数量</span></p>", "本年新制作数量", False),
    ("<p>规章</p><p>（件）</p>", "规章（件）", False),
    ("<span><!-- 批注 --></span>", "", False),
    ("<p><!-- 批注 -->5</p>", "5", False),
    ("<div><script>var x = 1;</script></div>", "", False),
    ("<p>上年<br/>结转</p>", "上年结转", False),
    ("", "", False),
]


@pytest.mark.parametrize("inside, text, single", CELL_SHAPES)
def test_html_cell_text_whatever_its_wrapping(tmp_path, inside, text, single):
    """A cell's text is what the page's emitter makes of its inside, its lines joined: a cell
    holding one string down a chain of single elements (most cells) is read without the
    emitter, and must read the same."""
    from indexer.extract.readers.html import _emitted_text, _only_string
    from indexer.extract.readers.soup import parse

    table = f"<table><tr><td>行政处罚</td><td>{inside}</td></tr></table>"
    path = tmp_path / "cells.html"
    path.write_text(f"<html><body><h1>2023年政府信息公开工作年度报告</h1>{table}</body></html>", encoding="utf-8")
    assert tables(read(path)) == [(("行政处罚", text),)]
    cell = parse(table).find_all("td")[1]
    assert _emitted_text(cell) == text
    assert (_only_string(cell) is not None) == single


FIELD_PAGES = [
    # (the page's body, the address read from it)
    ("<div><span>来源：http://www.gov.cn/a.html</span></div>", "http://www.gov.cn/a.html"),
    ("<div><p>原文链接: https://www.gov.cn/b.html </p></div>", "https://www.gov.cn/b.html"),
    ("<p>\n  来源：<a href='x'>http://www.gov.cn/c.html</a></p>", "http://www.gov.cn/c.html"),
    ("<p>信息来源：http://www.gov.cn/d.html</p>", None),  # the keyword does not open the text
    ("<p>本年度来源：http://www.gov.cn/e.html</p>", None),
    ("<p>来源：区政府办</p>", None),  # a field, but no address
]


@pytest.mark.parametrize("body, address", FIELD_PAGES)
def test_html_address_stated_in_a_field_of_the_page(tmp_path, body, address):
    """A crawler's field (``来源：http://…``) gives the page's address when an element's whole
    text is one (opening with its keyword), before the head's; otherwise the head's address."""
    path = tmp_path / "page.html"
    path.write_text(
        f"<html><head><link rel='canonical' href='https://www.gov.cn/head.html'></head><body>"
        f"<h1>2023年政府信息公开工作年度报告</h1>{body}<p>一、总体情况</p></body></html>",
        encoding="utf-8",
    )
    assert read(path).source_url == (address or "https://www.gov.cn/head.html")


# -- docx ------------------------------------------------------------------------


def test_docx_blocks_in_order_with_merged_cells(tmp_path):
    doc = read(write_docx(tmp_path / "report.docx"))
    assert doc.format == "docx"
    assert doc.blocks == (
        TextBlock("三、收到和处理政府信息公开申请情况", "paragraph 1"),
        TableBlock(
            (
                ("（本列数据的勾稽关系）", "", "申请人情况", ""),
                ("", "", "自然人", "总计"),
                ("三、本年度办理结果", "（一）予以公开", "5", "5"),
                ("", "（二）部分公开", "1", "1"),
            ),
            "table 1",
        ),
        TextBlock("四、政府信息公开行政复议、行政诉讼情况\t（单位：件）", "paragraph 3"),
    )


def test_docx_nested_table_text_stays_in_its_cell(tmp_path):
    import docx

    document = docx.Document()
    outer = document.add_table(rows=1, cols=2)
    outer.cell(0, 0).text = "行政复议"
    inner = outer.cell(0, 1).add_table(rows=1, cols=2)
    inner.cell(0, 0).text = "维持"
    inner.cell(0, 1).text = "0"
    path = tmp_path / "nested.docx"
    document.save(str(path))
    assert tables(read(path)) == [(("行政复议", "维持 0"),)]


def _repacked(source: Path, target: Path, replace: dict[str, bytes]) -> Path:
    """``source``'s zip package with the parts named in ``replace`` given new bytes."""
    import zipfile

    with zipfile.ZipFile(source) as old, zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as new:
        for item in old.infolist():
            new.writestr(item, replace.get(item.filename, old.read(item.filename)))
    return target


@pytest.mark.parametrize("which", ["official template", "fragment", "generated 2019", "generated 2021"])
def test_docx_body_is_python_docxs_own(tmp_path, which):
    """The reader parses the main document part alone; its blocks are those of the body
    python-docx's ``Document`` builds (the official 2021 template, a fragment with merged cells,
    generated reports in both templates)."""
    import docx

    from indexer.extract.readers.docx import _Body
    from indexer.generator import generate, write

    if which == "official template":
        path = REAL / "official-template-2021.docx"
    elif which == "fragment":
        path = write_docx(tmp_path / "fragment.docx")
    else:
        path = write(generate(7, template=which.split()[1], damage=False), "docx", tmp_path)
    expected = _Body().run(docx.Document(str(path)).element.body)
    assert read(path).blocks == tuple(expected)
    assert len(expected) > 2


def test_docx_with_broken_styles_keeps_its_text(tmp_path):
    """Only the main part is parsed: a package whose styles part is not XML still gives all
    its text and tables (python-docx's ``Document`` refuses the whole file)."""
    whole = write_docx(tmp_path / "whole.docx")
    path = _repacked(whole, tmp_path / "styles.docx", {"word/styles.xml": b"<w:styles"})
    assert read(path).blocks == read(whole).blocks
    assert texts(read(path))[0] == "三、收到和处理政府信息公开申请情况"


NO_WORD_MAIN_PART = [
    # (the part changed, the bytes replaced in it and by what, the reason given)
    (
        "_rels/.rels",  # its relationships name no main document
        (b"/officeDocument", b"/somethingElse"),
        "it has no main document part (no officeDocument relationship)",
    ),
    (
        "[Content_Types].xml",  # its main part is a workbook: a spreadsheet renamed .docx
        (b"wordprocessingml.document.main+xml", b"spreadsheetml.sheet.main+xml"),
        "its main part is application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml,"
        " not a Word document",
    ),
]


@pytest.mark.parametrize("part, change, reason", NO_WORD_MAIN_PART, ids=["no main part", "a workbook"])
def test_docx_without_a_word_main_part_is_refused(tmp_path, part, change, reason):
    """A package with no main part, or one that is not a Word document, is refused by name and
    reason, as python-docx's ``Document`` refuses it."""
    import zipfile

    whole = write_docx(tmp_path / "whole.docx")
    with zipfile.ZipFile(whole) as package:
        changed = package.read(part).replace(*change)
    path = _repacked(whole, tmp_path / "changed.docx", {part: changed})
    with pytest.raises(ReadError) as refused:
        read(path)
    assert str(refused.value) == f"{path}: not a readable Word .docx file (ValueError: {reason})"


def test_truncated_docx_is_a_read_error(tmp_path):
    path = truncate(write_docx(tmp_path / "whole.docx"), tmp_path / "half.docx")
    with pytest.raises(ReadError, match=r"half\.docx: not a readable Word \.docx file"):
        read(path)


# -- pdf -------------------------------------------------------------------------

PDF_ROWS = [["信息内容", "本年制发件数", "现行有效件数"], ["规章", "0", "3"], ["行政规范性文件", "12", ""]]
PDF_PARAGRAPH = "本年度共收到政府信息公开申请12件，均按时答复。"


def test_pdf_cjk_text_and_ruled_table_in_reading_order(tmp_path):
    doc = read(write_pdf(tmp_path / "report.pdf", PDF_PARAGRAPH, PDF_ROWS))
    assert doc.format == "pdf"
    assert doc.warnings == ()
    assert doc.blocks == (
        TextBlock(PDF_PARAGRAPH, "page 1"),
        TableBlock(tuple(tuple(row) for row in PDF_ROWS), "page 1"),
        TextBlock("六、其他需要报告的事项", "page 1"),
    )


def _ruled_table(
    pdf, x: float, y: float, thin_rectangles: bool = False, rows=PDF_ROWS, widths=(120, 90, 90)
) -> None:
    """``rows`` (PDF_ROWS) drawn by hand at (x, y), column k ``widths[k]`` wide: ruled with
    lines, or with filled rectangles half a point thick as Word's PDF export draws cell borders."""
    height = 20
    pdf.setFont("STSong-Light", 10)
    for r, row in enumerate(rows):
        for k, cell in enumerate(row):
            pdf.drawString(x + sum(widths[:k]) + 4, y - (r + 1) * height + 6, cell)
    bottom = y - len(rows) * height
    for r in range(len(rows) + 1):
        if thin_rectangles:
            pdf.rect(x, y - r * height - 0.25, sum(widths), 0.5, stroke=0, fill=1)
        else:
            pdf.line(x, y - r * height, x + sum(widths), y - r * height)
    for k in range(len(widths) + 1):
        if thin_rectangles:
            pdf.rect(x + sum(widths[:k]) - 0.25, bottom, 0.5, y - bottom, stroke=0, fill=1)
        else:
            pdf.line(x + sum(widths[:k]), y, x + sum(widths[:k]), bottom)


def test_pdf_tables_in_form_xobjects_and_ruled_with_thin_rectangles(tmp_path):
    # A table drawn once as a form XObject and placed (letterheads, templates), and one
    # whose rules are filled rectangles: both are found, in page coordinates.
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.pdfgen import canvas

    pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
    path = tmp_path / "shapes.pdf"
    pdf = canvas.Canvas(str(path))
    pdf.setFont("STSong-Light", 12)
    pdf.drawString(72, 780, "一、主动公开政府信息情况")
    pdf.beginForm("table")
    _ruled_table(pdf, 0, 0, thin_rectangles=False)
    pdf.endForm()
    pdf.saveState()
    pdf.translate(80, 760)
    pdf.doForm("table")
    pdf.restoreState()
    _ruled_table(pdf, 80, 600, thin_rectangles=True)
    pdf.setFont("STSong-Light", 12)
    pdf.drawString(72, 500, "二、收到和处理政府信息公开申请情况")
    pdf.save()
    grid = TableBlock(tuple(tuple(row) for row in PDF_ROWS), "page 1")
    assert read(path).blocks == (
        TextBlock("一、主动公开政府信息情况", "page 1"),
        grid,
        grid,
        TextBlock("二、收到和处理政府信息公开申请情况", "page 1"),
    )


def test_a_pdf_table_broken_by_a_page_is_given_one_grid_of_columns(tmp_path):
    # Below the break the labels take two columns where above them they took one; the page
    # number between does not part them.  A table of another width on the next page, and one
    # whose page began after a heading, keep their own columns.
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.pdfgen import canvas

    pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
    path = tmp_path / "broken.pdf"
    pdf = canvas.Canvas(str(path))
    _ruled_table(pdf, 80, 200, rows=[["", "自然人", "总计"], ["一、本年新收", "4", ""]], widths=[200, 60, 60])
    pdf.setFont("STSong-Light", 10)
    pdf.drawString(290, 40, "- 1 -")
    pdf.showPage()
    _ruled_table(pdf, 80, 780, rows=[["三、本年度办理结果", "（一）予以公开", "", "4"]], widths=[100, 100, 60, 60])
    pdf.showPage()
    _ruled_table(pdf, 80, 780, rows=[["行政复议", "1", "2"]], widths=[100, 100, 60])  # narrower: its own
    pdf.setFont("STSong-Light", 12)
    pdf.drawString(80, 600, "四、存在的主要问题及改进情况")
    pdf.showPage()
    _ruled_table(pdf, 80, 780, rows=[["甲", "1", "2", "3"]], widths=[50, 50, 100, 60])  # page 3's edges and more
    pdf.save()
    tables = [(b.where, b.rows) for b in read(path).blocks if isinstance(b, TableBlock)]
    assert tables == [
        ("page 1", (("", "", "自然人", "总计"), ("一、本年新收", "", "4", ""))),
        ("page 2", (("三、本年度办理结果", "（一）予以公开", "", "4"),)),
        ("page 3", (("行政复议", "1", "2"),)),
        ("page 4", (("甲", "1", "2", "3"),)),
    ]


def _char(text: str, x0: float, width: float, top: float, upright: bool) -> dict:
    """A character as the PDF reader hands it to pdfplumber (``readers.pdf._chars``)."""
    return {"object_type": "char", "text": text, "x0": x0, "x1": x0 + width, "top": top, "bottom": top + 10,
            "doctop": top, "width": width, "height": 10, "upright": upright}  # fmt: skip


# Positions around pdfplumber's tolerance of 3 points, both ways, and texts with blanks and a ligature.
_CHARS = st.builds(
    _char,
    st.sampled_from(["1", "2", "行", "政", "ﬁ", "a", ".", " ", "\u3000"]),
    st.sampled_from([0.0, 0.1, 2.9, 3.0, 3.1, 6.0, 9.05, 12.0, 30.0]),
    st.sampled_from([0.0, 2.5, 3.0, 5.25, 10.0]),
    st.sampled_from([100.0, 100.1, 102.9, 103.0, 103.1, 106.0, 115.0]),
    st.booleans(),
)


@settings(max_examples=1000, deadline=None)
@given(st.lists(_CHARS, max_size=7))
# An ideographic space parts two words ("1 2"); a character 6 points below its left neighbour
# starts a word though the three tops are one line ("a bc"); a wide character that ends after a
# narrow one it starts before comes first ("行1").
@example([_char("1", 0.0, 3.0, 100.0, True), _char("\u3000", 3.0, 3.0, 100.0, True), _char("2", 6.0, 3.0, 100.0, True)])
@example([_char("a", 0.0, 3.0, 100.0, True), _char("b", 3.0, 3.0, 106.0, True), _char("c", 6.0, 3.0, 103.0, True)])
@example([_char("1", 3.0, 2.5, 100.0, True), _char("行", 0.0, 10.0, 100.0, True)])
def test_pdf_cell_text_is_pdfplumbers(chars):
    """A table cell's text is what pdfplumber's extract_text gives for its characters (lines
    joined, stripped), whether or not the reader works it out itself."""
    from pdfplumber.utils.text import extract_text

    from indexer.extract.readers.pdf import _cell_text

    expected = "".join(extract_text(chars).split("\n")).strip() if chars else ""
    assert _cell_text(chars) == expected


def test_pdf_one_word_cell_is_read_without_pdfplumbers_word_extractor(monkeypatch):
    import pdfplumber.utils.text

    from indexer.extract.readers.pdf import _cell_text

    monkeypatch.setattr(pdfplumber.utils.text, "extract_text", lambda chars: pytest.fail("asked pdfplumber"))
    row = [_char("1", 20.0, 5.0, 100.0, True), _char("2", 25.5, 5.0, 100.4, True), _char("ﬁ", 31.0, 5.0, 99.9, True)]
    assert _cell_text(row) == "12fi"


def _edge(orientation: str, at: float, start: float, end: float) -> dict:
    """A ruling line as the PDF reader hands it to pdfplumber (``readers.pdf._add_edge``)."""
    low, high = sorted((start, end))
    if orientation == "h":
        return {"object_type": "line", "orientation": "h", "x0": low, "x1": high, "top": at, "bottom": at,
                "doctop": at, "width": high - low, "height": 0.0}  # fmt: skip
    return {"object_type": "line", "orientation": "v", "x0": at, "x1": at, "top": low, "bottom": high,
            "doctop": low, "width": 0.0, "height": high - low}  # fmt: skip


# Lines on a small grid, some a little off it (within and beyond the intersection tolerance of 1).
_PLACES = st.sampled_from([0.0, 10.0, 10.5, 20.0, 21.5, 30.0, 40.0])
_EDGES = st.builds(_edge, st.sampled_from("hv"), _PLACES, _PLACES, _PLACES)


@settings(max_examples=500, deadline=None)
@given(st.lists(_EDGES, max_size=14))
# A box whose bottom line is two pieces that do not meet: its corners are all crossings, yet no cell.
@example([_edge("h", 0.0, 0.0, 20.0), _edge("h", 20.0, 0.0, 10.0), _edge("h", 20.0, 20.0, 30.0),
          _edge("v", 0.0, 0.0, 20.0), _edge("v", 20.0, 0.0, 20.0)])  # fmt: skip
def test_pdf_table_cells_are_pdfplumbers(edges):
    """The cells the reader finds where ruling lines cross are pdfplumber's, in its order."""
    from pdfplumber.table import edges_to_intersections, intersections_to_cells

    from indexer.extract.readers.pdf import _cells

    intersections = edges_to_intersections(edges, 1, 1)
    assert _cells(intersections) == intersections_to_cells(intersections)


def test_pdf_table_finder_is_pdfplumbers(tmp_path):
    """The reader's table finder takes pdfplumber's steps: the same tables, cells and rows."""
    import pypdfium2 as pdfium
    from pdfplumber.table import TableFinder

    from indexer.extract.readers.pdf import _Layout, _table_finder

    document = pdfium.PdfDocument(str(write_pdf(tmp_path / "report.pdf", PDF_PARAGRAPH, PDF_ROWS)))
    try:
        layout = _Layout.of(document[0])
    finally:
        document.close()
    ours, theirs = _table_finder()(layout), TableFinder(layout)
    assert len(theirs.tables) == 1
    assert [(t.bbox, t.cells, [r.cells for r in t.rows]) for t in ours.tables] == [
        (t.bbox, t.cells, [r.cells for r in t.rows]) for t in theirs.tables
    ]


def test_pdf_page_without_text_is_a_warning(tmp_path):
    from reportlab.pdfgen import canvas

    path = tmp_path / "scanned.pdf"
    pdf = canvas.Canvas(str(path))
    pdf.rect(100, 100, 200, 200, fill=1)
    pdf.showPage()
    pdf.drawString(100, 700, "page two")
    pdf.save()
    doc = read(path)
    assert doc.warnings == ("page 1 has no text layer (scanned?)",)
    assert doc.blocks == (TextBlock("page two", "page 2"),)


def test_truncated_and_encrypted_pdf_are_read_errors(tmp_path):
    from reportlab.lib.pdfencrypt import StandardEncryption
    from reportlab.pdfgen import canvas

    whole = write_pdf(tmp_path / "whole.pdf", PDF_PARAGRAPH, PDF_ROWS)
    with pytest.raises(ReadError, match=r"half\.pdf: not a readable PDF"):
        read(truncate(whole, tmp_path / "half.pdf"))
    locked = tmp_path / "locked.pdf"
    pdf = canvas.Canvas(str(locked), encrypt=StandardEncryption("secret", ownerPassword="owner"))
    pdf.drawString(100, 700, "secret text")
    pdf.save()
    with pytest.raises(ReadError, match="PDF is encrypted"):
        read(locked)
