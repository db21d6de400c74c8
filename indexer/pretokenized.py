"""Text fields tokenised in the extraction workers instead of the process that writes the index.

Ingest writes the index from one process while the workers extract; the text fields' analysis
(jieba for the sections, bigrams for ``content``) was 40 % of that process's CPU, which made it
the pipeline's bottleneck while the workers waited.  A worker now runs each text field's own
``index`` (the entries Whoosh's writer adds to its pool: term bytes, frequency, weight,
encoded positions) and ships them beside the report; the writer takes them as they are.
The index written is the same byte for byte (``tests/test_pretokenized.py``).
"""

from __future__ import annotations

import functools

from whoosh import fields, formats

from analyzers.terms import index_terms


class Tokenized(tuple):
    """A text field's index entries, as its ``index`` method gave them in another process."""


class TEXT(fields.TEXT):
    """Whoosh's TEXT field, which also takes a ``Tokenized`` value for its text.

    Named as Whoosh's class so that an index's schema signature (``store.schema_signature``)
    stays the same and an index written before opens as it is.
    """

    def index(self, value, **kwargs):
        if isinstance(value, Tokenized):
            return iter(value)
        return super().index(value, **kwargs)


def tokenize(schema, document: dict) -> dict[str, Tokenized]:
    """The index entries of the document's text fields, to put in place of their text."""
    return {
        name: _entries(schema[name], value)
        for name, value in document.items()
        if isinstance(value, str) and name in schema and isinstance(schema[name], fields.TEXT)
    }


def _entries(field: fields.TEXT, value: str) -> Tokenized:
    """What ``field.index(value)`` gives, Whoosh's ``Positions.word_values`` made from the
    analyzer's terms without its token stream where ``index_terms`` knows the analyzer: each
    term (in the order first met) with its count, weight (count x field boost: every token's
    boost is 1) and positions encoded by the format itself."""
    terms = index_terms(field.analyzer, value) if type(field.format) is formats.Positions else None
    if terms is None:
        return Tokenized(field.index(value))
    positions: dict[str, list[int]] = {}
    for term, pos in terms:
        positions.setdefault(term, []).append(pos)
    boost, encode = field.format.field_boost, field.format.encode
    return Tokenized(
        (term.encode("utf-8"), len(found), float(len(found)) * boost, _one(found[0]) if len(found) == 1 else encode(found))
        for term, found in positions.items()
    )


def _one(position: int) -> bytes:
    """``Positions.encode([position])``: a term found once (five in six of a report's terms),
    its pickle made once per position rather than each time.  A new bytes object each time
    all the same: pickling a block's values, Whoosh's codec would write one object found twice
    as a reference to the first, not as the bytes its own encoding gives."""
    return _ONE_COUNT + _one_pickle(position)


_ONE_COUNT = formats.Positions().encode([0])[:4]  # the count, 1, packed as Positions.encode packs it


@functools.lru_cache(maxsize=1 << 16)
def _one_pickle(position: int) -> bytes:
    return formats.Positions().encode([position])[4:]
