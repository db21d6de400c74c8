"""Web pages: the article's text blocks and its data tables, without the site chrome.

Government sites wrap each report in headers, menus, breadcrumbs and footers,
and Word-exported HTML splits one label over many ``<p>``/``<span>``.  This
reader drops the chrome, finds the article (the part holding the report title
and most of the text), and emits its paragraphs and table grids in order.
"""

from __future__ import annotations

import itertools
import re
from functools import cache
from pathlib import Path

from ...errors import MissingDependency
from ...models import Block, RawDocument, TableBlock, TextBlock
from ..limits import LimitExceeded
from .soup import TooDeep, parse
from .text import decode_bytes

_SCRIPTS = {"script", "style", "noscript", "template", "iframe", "object", "embed", "svg"}
_CONTROLS = {"button", "select", "input", "textarea", "title", "meta", "link", "head"}
_ALWAYS_DROP = _SCRIPTS | _CONTROLS
_BREAKS = _ALWAYS_DROP | {"br"}  # the emitter ends its paragraph at these and reads nothing inside
_CHROME_TAGS = {"nav", "header", "footer", "aside", "form"}
_CHROME_MARK = re.compile(r"nav|breadcrumb|crumb|footer|header|menu|share|sidebar|copyright|links|qrcode")
_HIDDEN = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.IGNORECASE)
_HEADINGS = {"h1", "h2", "h3", "h4", "h5", "h6", "p", "pre", "blockquote", "address", "center", "hr"}
_LISTS = {"ul", "ol", "li", "dl", "dt", "dd", "figure", "figcaption", "caption", "tr", "td", "th"}
_BLOCK_TAGS = _HEADINGS | _LISTS | {"div", "section", "article", "main", "body", "html"}
_CONTAINER_TAGS = _BLOCK_TAGS | {"table"}
_ADDRESS_TAGS = ("div", "p", "li", "td", "span")
_TITLE_WORDS = re.compile(r"年度报告|年报")
_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_:.-]+)""", re.IGNORECASE)
_NON_DIGIT = re.compile(r"\D")
_SPACE = re.compile(r"[ \t\n\r\f\v\xa0]+")
_CJK = "\u2e80-\u303f\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uff00-\uffef"
_CJK_GAP = re.compile(f"(?<=[{_CJK}]) (?=[{_CJK}])")
_DENSE_SHARE = 0.5
_LONG_TEXT = 1000
_LAYOUT_CELL_TEXT = 400


def read(path: str | Path) -> RawDocument:
    """Blocks of the page's article: its title first, then text and tables in order."""
    return read_page(Path(path).read_bytes(), str(path))


def read_page(data: bytes, path: str, charset: str | None = None) -> RawDocument:
    """``read`` of a page's bytes (``charset``: what its container says they are in, if anything)."""
    try:
        from bs4 import FeatureNotFound
    except ImportError as exc:
        raise MissingDependency("beautifulsoup4", "HTML files") from exc
    declared = _CHARSET.search(data[:4096])
    stated = declared.group(1).decode("ascii") if declared else charset
    markup = decode_bytes(data, str(path), stated)
    try:
        soup = parse(markup)
    except FeatureNotFound as exc:
        raise MissingDependency("lxml", "HTML files") from exc
    except TooDeep as exc:
        raise LimitExceeded(str(path), exc.reason) from None
    page_title = soup.title.get_text(" ", strip=True) if soup.title else ""
    source_url = _address(soup)
    root = soup.body or soup
    titles, measures = _drop_chrome(root)
    article = _find_article(root, titles, measures)
    heading = _find_heading(article, titles)
    blocks = _Emitter(skip=heading).run(article)
    title = _clean(heading.get_text(" ")) if heading is not None else _clean(page_title)
    if title:
        blocks.insert(0, TextBlock(title, "title"))
    warnings = () if len(blocks) > 1 else ("no article text found in the page",)
    return RawDocument(source=str(path), format="html", blocks=tuple(blocks), warnings=warnings, source_url=source_url)


_ADDRESS_LINE = re.compile(r"^\s*(?:原文链接|原文地址|原始链接|原文网址|来源网址|来源)\s*[:：]\s*(https?://\S+)\s*$")


# Every text _ADDRESS_LINE matches starts with one of these (its keywords' first characters).
_ADDRESS_START = ("原", "来")


def _address(soup) -> str | None:
    """The page's own address, where the page states one: its head (canonical link,
    og:url), else a crawler's field in the body (``来源：http://…``)."""
    if (field := _address_field(soup)) is not None:
        return field
    for value in _stated_addresses(soup):
        if re.match(r"https?://\S+$", value):
            return value
    return None


def _address_field(soup) -> str | None:
    """The address of a crawler's field (``来源：http://…``): an element among the page's first
    400 whose whole text is one."""
    # An element's text opens with its first string: where no string of the page opens with a
    # keyword (most pages), no element can match, and none is asked.
    NavigableString = _bs4_types()[0]
    if not any(isinstance(d, NavigableString) and d.strip().startswith(_ADDRESS_START) for d in soup.descendants):
        return None
    for tag in itertools.islice(_named(soup, _ADDRESS_TAGS), 400):
        # Only a text opening with a keyword can match: look at the first string before
        # joining the whole element's text (an outer <div> holds the entire page).
        if not next(tag.stripped_strings, "").startswith(_ADDRESS_START):
            continue
        text = _text_within(tag, 300)
        if text is not None and (m := _ADDRESS_LINE.match(text)):
            return m[1]
    return None


_URL_NAME = re.compile("^url$", re.IGNORECASE)


def _stated_addresses(soup) -> list[str]:
    """The href of the first canonical ``<link>``, the content of the first ``og:url`` and of
    the first ``url`` ``<meta>``, in that order: what ``soup.find`` finds for each, found in
    one walk (three searches through bs4's generic matcher cost half of ``_address``)."""
    canonical = og_url = url = None
    for tag in _named(soup, ("link", "meta")):
        attrs = tag.attrs
        if tag.name == "link":
            if canonical is None and _has_value(attrs.get("rel"), "canonical"):
                canonical = tag
            continue
        if og_url is None and attrs.get("property") == "og:url":
            og_url = tag
        if url is None and isinstance(attrs.get("name"), str) and _URL_NAME.search(attrs["name"]):
            url = tag
    found = ((canonical, "href"), (og_url, "content"), (url, "content"))
    return [(tag.get(attr) or "").strip() for tag, attr in found if tag is not None]


def _has_value(value, wanted: str) -> bool:
    """bs4's match of a string against an attribute: one of a multi-valued attribute's values
    (``rel`` is a list), the values joined by spaces, or the string itself."""
    if isinstance(value, list):
        return wanted in value or " ".join(value) == wanted
    return value == wanted


def _text_within(tag, limit: int) -> str | None:
    """``tag.get_text("", strip=True)`` when shorter than ``limit``, else None, found
    without joining more than ``limit`` characters (an outer element holds the page)."""
    parts, total = [], 0
    for string in tag.stripped_strings:
        parts.append(string)
        total += len(string)
        if total >= limit:
            return None
    return "".join(parts)


# -- searching the tree ------------------------------------------------------


@cache
def _bs4_types():
    """bs4's NavigableString and Tag, imported once (bs4 itself only when a page is read)."""
    from bs4 import NavigableString, Tag

    return NavigableString, Tag


def _named(tag, names):
    """Elements below ``tag`` named one of ``names``, in document order.

    The same search as ``tag.find_all(names)``, without bs4's generic matcher, which
    it takes for a list of names or a limit and which costs several times the walk.
    (Names here have no namespace prefix, so the name alone decides.)
    """
    Tag = _bs4_types()[1]
    return (d for d in tag.descendants if isinstance(d, Tag) and d.name in names)


def _first_named(tag, names):
    """The first element below ``tag`` named one of ``names`` (``tag.find``), or None."""
    return next(_named(tag, names), None)


# -- chrome -----------------------------------------------------------------


def _marks(tag) -> str:
    attrs = tag.attrs  # read directly: asked of every element, twice
    return f"{attrs.get('id') or ''} {' '.join(attrs.get('class') or [])}".lower()


def _is_title_like(tag) -> bool:
    if tag.name in ("h1", "h2", "h3") or "title" in _marks(tag):
        return _text_within(tag, 121) is not None  # at most 120 characters, stripped
    return False


def _is_report_title(tag) -> bool:
    return _is_title_like(tag) and _TITLE_WORDS.search(tag.get_text()) is not None


class _Holdings:
    """What every element below ``root`` holds, for judging chrome, found in one pass
    before anything is dropped: a table, a report title (itself included), long text.

    Asked of each menu-like element's subtree in turn, these cost the square of the
    nesting depth; here each holder is marked once, walking up from what it holds.
    """

    def __init__(self, root) -> None:
        elements = root.find_all(True)
        self.measures = _Measures(root)
        self.report_titles = [t for t in elements if _is_report_title(t)]
        self.tables = _ancestors((t.parent for t in elements if t.name == "table"), root)
        self.titles = _ancestors(self.report_titles, root)

    def holds_article(self, tag) -> bool:
        """True when dropping ``tag`` would lose the report: its title, a table, long text."""
        key = id(tag)
        return key in self.tables or key in self.titles or self.measures.text_len(tag) > _LONG_TEXT


def _ancestors(starts, root) -> set[int]:
    """Ids of each start element and of its ancestors up to ``root``; a walk up stops
    where an earlier one passed, so every element is marked once."""
    marked: set[int] = set()
    for node in starts:
        while node is not None and id(node) not in marked:
            marked.add(id(node))
            node = None if node is root else node.parent
    return marked


def _is_chrome(tag, holdings: _Holdings) -> bool:
    if tag.name in _ALWAYS_DROP or _HIDDEN.search(tag.attrs.get("style") or ""):
        return True
    if tag.name in _CHROME_TAGS or _CHROME_MARK.search(_marks(tag)):
        return not holdings.holds_article(tag)
    return False


def _drop_chrome(root) -> tuple[list, _Measures]:
    """Remove page furniture in place, outermost first; return the title-like elements
    naming a 年度报告 that remain, in document order (for the article and its heading),
    and the measures of what remains.

    A walk in document order that does not descend into what it drops (asking bs4
    whether an element is ``decomposed`` searches its whole subtree, once per element).
    Each element is judged on its own subtree, which nothing before it has changed, so
    what the subtrees hold is measured once, up front, and what is dropped is taken out
    of its ancestors' measures as it goes.
    """
    Tag = _bs4_types()[1]
    holdings = _Holdings(root)
    stack = [c for c in reversed(root.contents) if isinstance(c, Tag)]
    while stack:
        tag = stack.pop()
        if _is_chrome(tag, holdings):
            holdings.measures.remove(tag)
            tag.decompose()
        else:
            stack.extend(c for c in reversed(tag.contents) if isinstance(c, Tag))
    kept = {id(t) for t in holdings.report_titles}  # held by holdings: the ids stay theirs
    return [t for t in root.find_all(True) if id(t) in kept], holdings.measures


# -- the article -------------------------------------------------------------


class _Measures:
    """What the article search measures of every element below ``root``, found in one
    walk from the leaves up:

    * ``text_len``: visible text outside links (non-space characters of ``get_text()``, less those of
      the ``<a>`` elements inside);
    * ``table_len``: non-space characters of the ``get_text()`` of the tables inside;
    * ``is_container``: not a table, and two or more block elements or tables inside.

    The search descends the page level by level and measures every child at each level:
    asked of bs4 one element at a time, that walks the page again for every level (deep
    on real sites).  The sums count exactly what ``get_text`` joins: each element's
    strings of the types it takes (bs4's ``interesting_string_types``).  The tree may
    change only by ``remove``, as each dropped element leaves it.
    """

    def __init__(self, root) -> None:
        NavigableString, Tag = _bs4_types()
        self._tables: dict[int, int] = {}
        self._blocks: dict[int, int] = {}
        self._strings: dict[int, dict[type, int]] = {}  # characters per string type, per element
        self._own: dict[int, int] = {}  # characters of the element's own get_text()
        self._links: dict[int, int] = {}
        self._root = root
        # Reversed document order puts every element after all of its descendants.
        for tag in reversed([root, *root.find_all(True)]):
            counts: dict[type, int] = {}
            link = table = blocks = 0
            for child in tag.contents:
                if isinstance(child, Tag):
                    key = id(child)
                    for kind, n in self._strings[key].items():
                        counts[kind] = counts.get(kind, 0) + n
                    link += self._links[key] + (self._own[key] if child.name == "a" else 0)
                    table += self._tables[key] + (self._own[key] if child.name == "table" else 0)
                    blocks += self._blocks[key] + (child.name in _CONTAINER_TAGS)
                elif isinstance(child, NavigableString):
                    counts[type(child)] = counts.get(type(child), 0) + len("".join(child.split()))
            key = id(tag)  # elements live as long as the soup, so their ids stay theirs
            self._strings[key], self._links[key] = counts, link
            self._own[key] = _selected(tag, counts)
            self._tables[key] = table
            self._blocks[key] = blocks

    def remove(self, tag) -> None:
        """Take ``tag``'s subtree out of its ancestors' sums, before it is dropped from the
        tree: the sums are then those of the tree without it, found without a new walk.
        Only the ancestors change; what each passes up to its parent changes by what it
        lost (an ``<a>`` or ``<table>`` passes its own text too)."""
        key = id(tag)
        lost = self._strings[key]
        link = self._links[key] + (self._own[key] if tag.name == "a" else 0)
        table = self._tables[key] + (self._own[key] if tag.name == "table" else 0)
        blocks = self._blocks[key] + (tag.name in _CONTAINER_TAGS)
        for parent in tag.parents:
            key = id(parent)
            counts = self._strings[key]
            for kind, n in lost.items():
                counts[kind] -= n
            own = _selected(parent, counts)
            shrunk, self._own[key] = self._own[key] - own, own
            self._links[key] -= link
            self._tables[key] -= table
            self._blocks[key] -= blocks
            if parent is self._root:
                break
            link += shrunk if parent.name == "a" else 0
            table += shrunk if parent.name == "table" else 0

    def text_len(self, tag) -> int:
        key = id(tag)
        return self._own[key] - self._links[key]

    def table_len(self, tag) -> int:
        return self._tables[id(tag)]

    def is_container(self, tag) -> bool:
        return tag.name != "table" and self._blocks[id(tag)] >= 2


def _selected(tag, counts: dict[type, int]) -> int:
    """Characters of the strings ``tag.get_text()`` takes, from counts per string type
    (the selection of bs4's ``Tag._all_strings``)."""
    types = tag.interesting_string_types
    if types is None:  # bs4 4.13 on: the main content types; before: every string
        types = getattr(tag, "MAIN_CONTENT_STRING_TYPES", None)
        if types is None:
            return sum(counts.values())
    if isinstance(types, type):
        return counts.get(types, 0)
    return sum(n for kind, n in counts.items() if kind in types)


def _denser_child(node, total: int, measures: _Measures):
    """The child holding most of the page's text and of ``node``'s table text, if any."""
    children = [c for c in node.find_all(True, recursive=False) if measures.is_container(c)]
    best = max(children, key=measures.text_len, default=None)
    if best is None or measures.text_len(best) <= total * _DENSE_SHARE:
        return None
    return best if measures.table_len(best) * 2 >= measures.table_len(node) else None


def _find_article(root, titles: list, measures: _Measures):
    """The densest container, widened to the nearest ancestor holding the report title."""
    total = measures.text_len(root)
    dense = root
    while (child := _denser_child(dense, total, measures)) is not None:
        dense = child
    dense_len = measures.text_len(dense)
    # The elements holding a report title somewhere inside them.
    holders = {id(parent) for title in titles for parent in title.parents}
    for node in (dense, *dense.parents):
        if node is root or node.name in (None, "[document]"):
            break
        if id(node) in holders:
            return node if measures.text_len(node) <= dense_len * 1.5 + 200 else dense
    return dense


def _find_heading(article, titles: list):
    """The report title element: the first of ``titles`` inside the article, else the h1."""
    for title in titles:
        if any(parent is article for parent in title.parents):
            return title
    return _first_named(article, ("h1",))


# -- emitting blocks ---------------------------------------------------------


def _clean(text: str) -> str:
    """Collapse whitespace; drop the spaces that source line breaks put between CJK."""
    text = _SPACE.sub(" ", text.replace("\u200b", "").replace("\ufeff", ""))
    return _CJK_GAP.sub("", text).strip()


_FLUSH = object()  # on the emitter's stack: a block element ends here


class _Emitter:
    """Walks an element in document order, turning block elements into blocks.

    The walk keeps its own stack rather than recursing, so a page nested hundreds of
    elements deep costs no more than a flat one.
    """

    def __init__(self, skip=None):
        self.skip = skip
        self.blocks: list[Block] = []
        self.buffer: list[str] = []
        self.tables = 0
        self.paragraphs = 0
        self.holders: set[int] | None = None  # ids of the tables holding a table, once asked

    def run(self, element) -> list[Block]:
        self.root = element
        self.walk(element)
        self.flush()
        return self.blocks

    def flush(self) -> None:
        if not self.buffer:
            return  # most calls: a block boundary right after another
        text = _clean("".join(self.buffer))
        self.buffer = []
        if text:
            self.paragraphs += 1
            self.blocks.append(TextBlock(text, f"paragraph {self.paragraphs}"))

    def walk(self, element) -> None:
        NavigableString, Tag = _bs4_types()
        stack = list(reversed(element.contents))
        while stack:
            node = stack.pop()
            if node is _FLUSH:
                self.flush()
            elif isinstance(node, Tag):
                self.visit(node, stack)
            elif type(node) is NavigableString:
                self.buffer.append(str(node))

    def visit(self, tag, stack: list) -> None:
        """Act on ``tag``; what is inside it goes on ``stack``, to be walked next."""
        if tag is self.skip or tag.name in _BREAKS:
            self.flush()
        elif tag.name == "table":
            self.flush()
            self.table(tag, stack)
        elif tag.name in _BLOCK_TAGS:
            self.flush()
            stack.append(_FLUSH)
            stack.extend(reversed(tag.contents))
        else:
            stack.extend(reversed(tag.contents))

    def table(self, tag, stack: list) -> None:
        # A table holding tables only arranges the page: its cells are walked as text,
        # each ending a block (the inner tables are met on the way).
        rows = None if self.holds_table(tag) else _table_rows(tag)
        if rows is None or _is_layout(rows):
            for cell in reversed(_own_cells(tag)):
                stack.append(_FLUSH)
                stack.extend(reversed(cell.contents))
            return
        if any(any(cell for cell in row) for row in rows):
            self.tables += 1
            self.blocks.append(TableBlock(_grid(rows), f"table {self.tables}"))

    def holds_table(self, table) -> bool:
        """Whether a table lies inside ``table``: found for every table in one pass."""
        if self.holders is None:
            self.holders = {id(_parent_table(t)) for t in _named(self.root, ("table",))}
        return id(table) in self.holders


# -- tables ------------------------------------------------------------------


def _own_rows(table) -> list:
    """The table's rows, not its inner tables' (the <tr> whose nearest <table> it is), in
    document order: a walk that does not enter inner tables, so each row is seen once."""
    Tag = _bs4_types()[1]
    rows: list = []
    stack = [c for c in reversed(table.contents) if isinstance(c, Tag)]
    while stack:
        tag = stack.pop()
        if tag.name == "tr":
            rows.append(tag)
        if tag.name != "table":
            stack.extend(c for c in reversed(tag.contents) if isinstance(c, Tag))
    return rows


def _parent_table(tag):
    """The nearest enclosing <table> (``tag.find_parent("table")``)."""
    return next((p for p in tag.parents if p.name == "table"), None)


def _cells(tr) -> list:
    """The row's own cells (``tr.find_all(["td", "th"], recursive=False)``)."""
    Tag = _bs4_types()[1]
    return [c for c in tr.children if isinstance(c, Tag) and c.name in ("td", "th")]


def _own_cells(table) -> list:
    return [cell for tr in _own_rows(table) for cell in _cells(tr)]


def _cell_text(cell) -> str:
    """Word HTML splits one label over several <p>/<span>: join its lines with ""."""
    only = _only_string(cell)
    return _clean(only) if only is not None else _emitted_text(cell)


def _emitted_text(cell) -> str:
    """The cell walked as a page is: its paragraphs' text joined with ""."""
    return "".join(b.text for b in _Emitter().run(cell) if isinstance(b, TextBlock)).strip()


def _only_string(cell) -> str | None:
    """The text of a cell holding one string, alone or down a chain of single elements the
    emitter walks into (``<td><p><span>0</span></p></td>``, most cells): what the emitter
    would make of it, one paragraph, without one.  None for any other cell."""
    NavigableString, Tag = _bs4_types()
    node = cell
    while len(node.contents) == 1:
        child = node.contents[0]
        if type(child) is NavigableString:
            return str(child)
        if not isinstance(child, Tag) or child.name in _BREAKS or child.name == "table":
            return None
        node = child
    return None


def _span(cell, name: str) -> int:
    digits = _NON_DIGIT.sub("", str(cell.get(name) or ""))
    return min(max(int(digits), 1), 1000) if digits else 1


def _table_rows(table) -> list[list[tuple[str, int, int]]]:
    """Each row's cells as (text, rowspan, colspan), before placing them on a grid."""
    rows = []
    for tr in _own_rows(table):
        cells = _cells(tr)
        rows.append([(_cell_text(c), _span(c, "rowspan"), _span(c, "colspan")) for c in cells])
    return rows


def _is_layout(rows) -> bool:
    """A table with pages of prose in a cell only arranges the page (as one holding tables)."""
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
