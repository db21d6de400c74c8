"""BeautifulSoup over lxml, bounded in nesting depth and element count, checked while it parses."""

from __future__ import annotations

from functools import cache

from ..limits import MAX_HTML_DEPTH, MAX_HTML_ELEMENTS


class TooDeep(Exception):
    """Raised from inside the parse, which stops it at once (lxml passes it through)."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


def parse(markup: str):
    """The page's BeautifulSoup tree; ``TooDeep`` past the limits on nesting and element count,
    ``bs4.FeatureNotFound`` where lxml is missing."""
    from bs4 import BeautifulSoup

    return BeautifulSoup(markup, builder=_builder())


@cache
def _builder():
    """bs4's lxml HTML tree builder, checking the limits as each element opens (a 100,000-deep
    page is refused after its first 512 levels rather than after building the whole tree), and
    building elements without namespaces directly: lxml's HTML parser reports none, and the
    general path's namespace lookups (two dicts and a split per element and per attribute) were
    a fifth of the parse.  Where a namespace does appear, bs4's own path builds the element."""
    from bs4 import FeatureNotFound
    from bs4.builder import builder_registry

    lxml_html = builder_registry.lookup("lxml", "html")
    if lxml_html is None:
        raise FeatureNotFound("lxml")

    class _BoundedBuilder(lxml_html):
        def initialize_soup(self, soup) -> None:
            super().initialize_soup(soup)
            self.elements_opened = 0

        def start(self, tag, attrib, nsmap={}) -> None:  # noqa: B006 - lxml's signature, never mutated
            plain = not (nsmap or self._namespaced(tag))
            for name in attrib:  # a loop, not any(): most elements have one attribute or none
                if name.startswith("{"):
                    plain = False
                    break
            if plain:
                self.soup.handle_starttag(
                    tag, None, None, self.attribute_dict_class(attrib), namespaces=self.active_namespace_prefixes[-1]
                )
            else:
                super().start(tag, attrib, nsmap)
            self.elements_opened += 1
            if len(self.soup.tagStack) > MAX_HTML_DEPTH + 1:  # the stack holds the document too
                raise TooDeep(f"HTML nested more than {MAX_HTML_DEPTH} elements deep (limit {MAX_HTML_DEPTH})")
            if self.elements_opened > MAX_HTML_ELEMENTS:
                raise TooDeep(f"HTML has more than {MAX_HTML_ELEMENTS:,} elements (limit {MAX_HTML_ELEMENTS:,})")

        def _namespaced(self, tag: str) -> bool:
            """Inside an element that declared namespaces (bs4 keeps one scope per such
            element above the document's), or a name lxml gave with its namespace."""
            return len(self.nsmaps) > 1 or tag.startswith("{")

        def end(self, tag) -> None:
            # bs4's own end differs from the direct one only for a namespaced name or inside a
            # namespace's scope (it pops the scope): an element's attributes play no part here.
            if self._namespaced(tag):
                super().end(tag)
            else:
                self.soup.endData()
                self.soup.handle_endtag(tag, None)

    return _BoundedBuilder
