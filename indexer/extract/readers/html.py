"""Web pages: the article's text blocks and its data tables, without the site chrome.

Government sites wrap each report in headers, menus, breadcrumbs and footers,
and Word-exported HTML splits one label over many ``<p>``/``<span>``.  This
reader drops the chrome, finds the article (the part holding the report title
and most of the text), and emits its paragraphs and table grids in order.
"""

from __future__ import annotations

import re
from pathlib import Path

from ...errors import MissingDependency
from ...models import Block, RawDocument, TableBlock, TextBlock
from .text import decode_bytes

_SCRIPTS = {"script", "style", "noscript", "template", "iframe", "object", "embed", "svg"}
_CONTROLS = {"button", "select", "input", "textarea", "title", "meta", "link", "head"}
_ALWAYS_DROP = _SCRIPTS | _CONTROLS
_CHROME_TAGS = {"nav", "header", "footer", "aside", "form"}
_CHROME_MARK = re.compile(r"nav|breadcrumb|crumb|footer|header|menu|share|sidebar|copyright|links|qrcode")
_HIDDEN = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.IGNORECASE)
_HEADINGS = {"h1", "h2", "h3", "h4", "h5", "h6", "p", "pre", "blockquote", "address", "center", "hr"}
_LISTS = {"ul", "ol", "li", "dl", "dt", "dd", "figure", "figcaption", "caption", "tr", "td", "th"}
_BLOCK_TAGS = _HEADINGS | _LISTS | {"div", "section", "article", "main", "body", "html"}
_TITLE_WORDS = re.compile(r"年度报告|年报")
_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_:.-]+)""", re.IGNORECASE)
_SPACE = re.compile(r"[ \t\n\r\f\v\xa0]+")
_CJK = "\u2e80-\u303f\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uff00-\uffef"
_CJK_GAP = re.compile(f"(?<=[{_CJK}]) (?=[{_CJK}])")
_DENSE_SHARE = 0.5
_LONG_TEXT = 1000
_LAYOUT_CELL_TEXT = 400


def read(path: str | Path) -> RawDocument:
    """Blocks of the page's article: its title first, then text and tables in order."""
    try:
        from bs4 import BeautifulSoup, FeatureNotFound
    except ImportError as exc:
        raise MissingDependency("beautifulsoup4", "HTML files") from exc
    data = Path(path).read_bytes()
    declared = _CHARSET.search(data[:4096])
    markup = decode_bytes(data, str(path), declared.group(1).decode("ascii") if declared else None)
    try:
        soup = BeautifulSoup(markup, "lxml")
    except FeatureNotFound as exc:
        raise MissingDependency("lxml", "HTML files") from exc
    page_title = soup.title.get_text(" ", strip=True) if soup.title else ""
    source_url = _address(soup)
    root = soup.body or soup
    _drop_chrome(root)
    article = _find_article(root)
    heading = _find_heading(article)
    blocks = _Emitter(skip=heading).run(article)
    title = _clean(heading.get_text(" ")) if heading is not None else _clean(page_title)
    if title:
        blocks.insert(0, TextBlock(title, "title"))
    warnings = () if len(blocks) > 1 else ("no article text found in the page",)
    return RawDocument(source=str(path), format="html", blocks=tuple(blocks), warnings=warnings, source_url=source_url)


_ADDRESS_LINE = re.compile(r"^\s*(?:原文链接|原文地址|原始链接|原文网址|来源网址|来源)\s*[:：]\s*(https?://\S+)\s*$")


def _address(soup) -> str | None:
    """The page's own address, where the page states one: its head (canonical link,
    og:url), else a crawler's field in the body (``来源：http://…``)."""
    for tag in soup.find_all(["div", "p", "li", "td", "span"], limit=400):
        text = tag.get_text("", strip=True)
        if len(text) < 300 and (m := _ADDRESS_LINE.match(text)):
            return m[1]
    for tag, attr in ((soup.find("link", rel="canonical"), "href"),
                      (soup.find("meta", attrs={"property": "og:url"}), "content"),
                      (soup.find("meta", attrs={"name": re.compile("^url$", re.I)}), "content")):
        value = (tag.get(attr) or "").strip() if tag is not None else ""
        if re.match(r"https?://\S+$", value):
            return value
    return None


# -- chrome -----------------------------------------------------------------


def _marks(tag) -> str:
    return f"{tag.get('id') or ''} {' '.join(tag.get('class') or [])}".lower()


def _is_title_like(tag) -> bool:
    if tag.name in ("h1", "h2", "h3") or "title" in _marks(tag):
        return len(tag.get_text(strip=True)) <= 120
    return False


def _holds_article(tag) -> bool:
    """True when dropping ``tag`` would lose the report: its title, a table, long text."""
    if tag.find("table") is not None or _text_len(tag) > _LONG_TEXT:
        return True
    candidates = [tag, *tag.find_all(True)]
    return any(_is_title_like(t) and _TITLE_WORDS.search(t.get_text()) for t in candidates)


def _is_chrome(tag) -> bool:
    if tag.name in _ALWAYS_DROP or _HIDDEN.search(tag.get("style") or ""):
        return True
    if tag.name in _CHROME_TAGS or _CHROME_MARK.search(_marks(tag)):
        return not _holds_article(tag)
    return False


def _drop_chrome(root) -> None:
    """Remove page furniture in place, outermost first."""
    for tag in list(root.find_all(True)):
        if tag.decomposed or tag.parent is None:
            continue
        if _is_chrome(tag):
            tag.decompose()


# -- the article -------------------------------------------------------------


def _text_len(tag) -> int:
    """Characters of visible text outside links (menus are mostly links)."""
    total = len("".join(tag.get_text().split()))
    links = sum(len("".join(a.get_text().split())) for a in tag.find_all("a"))
    return total - links


def _table_len(tag) -> int:
    return sum(len("".join(t.get_text().split())) for t in tag.find_all("table"))


def _is_container(tag) -> bool:
    """Several blocks inside, not one paragraph or one heading: worth descending into."""
    if tag.name == "table":
        return False
    return len(tag.find_all([*_BLOCK_TAGS, "table"], limit=2)) >= 2


def _denser_child(node, total: int):
    """The child holding most of the page's text and of ``node``'s table text, if any."""
    children = [c for c in node.find_all(True, recursive=False) if _is_container(c)]
    best = max(children, key=_text_len, default=None)
    if best is None or _text_len(best) <= total * _DENSE_SHARE:
        return None
    return best if _table_len(best) * 2 >= _table_len(node) else None


def _find_article(root):
    """The densest container, widened to the nearest ancestor holding the report title."""
    total = _text_len(root)
    dense = root
    while (child := _denser_child(dense, total)) is not None:
        dense = child
    dense_len = _text_len(dense)
    for node in (dense, *dense.parents):
        if node is root or node.name in (None, "[document]"):
            break
        if _find_heading(node, strict=True) is not None:
            return node if _text_len(node) <= dense_len * 1.5 + 200 else dense
    return dense


def _find_heading(article, strict: bool = False):
    """The report title element: a title-like element naming a 年度报告, else the h1."""
    titled = [t for t in article.find_all(True) if _is_title_like(t) and _TITLE_WORDS.search(t.get_text())]
    if titled:
        return titled[0]
    return None if strict else article.find("h1")


# -- emitting blocks ---------------------------------------------------------


def _clean(text: str) -> str:
    """Collapse whitespace; drop the spaces that source line breaks put between CJK."""
    text = _SPACE.sub(" ", text.replace("\u200b", "").replace("\ufeff", ""))
    return _CJK_GAP.sub("", text).strip()


class _Emitter:
    """Walks an element in document order, turning block elements into blocks."""

    def __init__(self, skip=None):
        self.skip = skip
        self.blocks: list[Block] = []
        self.buffer: list[str] = []
        self.tables = 0

    def run(self, element) -> list[Block]:
        self.walk(element)
        self.flush()
        return self.blocks

    def flush(self) -> None:
        text = _clean("".join(self.buffer))
        self.buffer = []
        if text:
            count = sum(isinstance(b, TextBlock) for b in self.blocks) + 1
            self.blocks.append(TextBlock(text, f"paragraph {count}"))

    def walk(self, element) -> None:
        from bs4 import NavigableString, Tag

        for child in element.children:
            if isinstance(child, Tag):
                self.visit(child)
            elif type(child) is NavigableString:
                self.buffer.append(str(child))

    def visit(self, tag) -> None:
        if tag is self.skip or tag.name in _ALWAYS_DROP or tag.name == "br":
            self.flush()
        elif tag.name == "table":
            self.flush()
            self.table(tag)
        elif tag.name in _BLOCK_TAGS:
            self.flush()
            self.walk(tag)
            self.flush()
        else:
            self.walk(tag)

    def table(self, tag) -> None:
        rows = _table_rows(tag)
        if _is_layout(tag, rows):
            for cell in _own_cells(tag):
                self.walk(cell)
                self.flush()
            return
        if any(any(cell for cell in row) for row in rows):
            self.tables += 1
            self.blocks.append(TableBlock(_grid(rows), f"table {self.tables}"))


# -- tables ------------------------------------------------------------------


def _own_rows(table) -> list:
    return [tr for tr in table.find_all("tr") if tr.find_parent("table") is table]


def _own_cells(table) -> list:
    return [cell for tr in _own_rows(table) for cell in tr.find_all(["td", "th"], recursive=False)]


def _cell_text(cell) -> str:
    """Word HTML splits one label over several <p>/<span>: join its lines with ""."""
    lines = [b.text for b in _Emitter().run(cell) if isinstance(b, TextBlock)]
    return "".join(lines).strip()


def _span(cell, name: str) -> int:
    digits = re.sub(r"\D", "", str(cell.get(name) or ""))
    return min(max(int(digits), 1), 1000) if digits else 1


def _table_rows(table) -> list[list[tuple[str, int, int]]]:
    """Each row's cells as (text, rowspan, colspan), before placing them on a grid."""
    rows = []
    for tr in _own_rows(table):
        cells = tr.find_all(["td", "th"], recursive=False)
        rows.append([(_cell_text(c), _span(c, "rowspan"), _span(c, "colspan")) for c in cells])
    return rows


def _is_layout(table, rows) -> bool:
    """A table holding tables, or pages of prose in a cell, only arranges the page."""
    if table.find("table") is not None:
        return True
    return any(len(text) > _LAYOUT_CELL_TEXT for row in rows for text, _, _ in row)


def _grid(rows: list[list[tuple[str, int, int]]]) -> tuple[tuple[str, ...], ...]:
    """Place spanned cells: text in the first position covered, "" in the others."""
    placed: dict[tuple[int, int], str] = {}
    for r, row in enumerate(rows):
        col = 0
        for text, rowspan, colspan in row:
            while (r, col) in placed:
                col += 1
            for dr in range(min(rowspan, len(rows) - r)):
                for dc in range(colspan):
                    placed[(r + dr, col + dc)] = text if dr == dc == 0 else ""
            col += colspan
    width = max((c for _, c in placed), default=-1) + 1
    return tuple(tuple(placed.get((r, c), "") for c in range(width)) for r in range(len(rows)))
