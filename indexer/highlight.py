"""Highlighted fragments of the sections whose words matched.

Fragments are HTML-escaped text with ``<mark>`` as the only markup, so the
web page can insert them as they are and the JSON endpoint can promise it.
"""

from __future__ import annotations

from functools import lru_cache
from html import escape

from whoosh import highlight

from analyzers import chinese_analyzer

from .models import SECTION_NAMES

_FRAGMENTER = highlight.ContextFragmenter(maxchars=160, surround=40)


class MarkFormatter(highlight.Formatter):
    """``<mark>…</mark>`` around matched tokens, everything else escaped."""

    between = " … "

    def _text(self, text: str) -> str:
        return escape(text, quote=False)

    def format_token(self, text: str, token, replace: bool = False) -> str:
        return f"<mark>{self._text(highlight.get_text(text, token, replace))}</mark>"


_FORMATTER = MarkFormatter()


@lru_cache(maxsize=256)
def query_terms(words: tuple[str, ...]) -> frozenset[str]:
    """The index terms that query words look for (cached: asked per section of every hit)."""
    analyzer = chinese_analyzer()
    return frozenset(t.text for word in words for t in analyzer(word, mode="query"))


def fragments(sections: dict[str, str], words: dict[str | None, list[str]], top: int = 2) -> list[dict]:
    """Fragments per section: words scoped to a section mark that section,
    unscoped words mark any section."""
    anywhere = words.get(None, [])
    found = []
    for name in SECTION_NAMES:
        text = sections.get(name)
        terms = query_terms((*anywhere, *words.get(name, [])))
        if not text or not terms:
            continue
        marked = highlight.highlight(
            text, terms, chinese_analyzer(), _FRAGMENTER, _FORMATTER, top=top, mode="index"
        )
        if marked:
            found.append({"section": name, "fragment": marked})
    return found
