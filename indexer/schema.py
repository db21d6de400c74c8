"""The Whoosh schema, in one place, built from the facet registry.

Text goes into analysed fields: the full text as bigrams (``content``, which
finds any fragment), each section, title and agency as jieba words (ranking);
metadata into exact fields; every canonical facet into its own Whoosh
*column* (``fields.COLUMN``): a per-document number with no postings. One
indexed NUMERIC field per facet makes Whoosh slow at scale (each value
becomes a dozen trie terms, times 227 facets); a column costs one slot per
document and is read directly by the facet conditions (``indexer.facetquery``).
Absent facets hold NaN, so absent stays absent.
"""

from __future__ import annotations

import hashlib
from functools import lru_cache

from whoosh import columns, fields

from analyzers import bigram_analyzer, chinese_analyzer

from .models import SECTION_NAMES
from .pretokenized import TEXT
from .registry import facets

# Section fields get ASCII names: Whoosh's own tools expect identifier-like names.
SECTION_FIELDS = {
    "总体情况": "sec_overview",
    "主动公开": "sec_active",
    "依申请公开": "sec_request",
    "复议诉讼": "sec_review",
    "问题改进": "sec_problems",
    "其他事项": "sec_other",
}
assert tuple(SECTION_FIELDS) == SECTION_NAMES

ABSENT = float("nan")


def part_of(section: str | None) -> int:
    """The part of the bigram field ``content`` a section's text is placed in (0: title, agency)."""
    return SECTION_NAMES.index(section) + 1 if section else 0


@lru_cache(maxsize=4096)  # asked ~150 times for every document written: a digest each time
def facet_field(key: str) -> str:
    """The column holding a facet: a stable name that does not depend on registry order."""
    return "f_" + hashlib.sha1(key.encode("utf-8")).hexdigest()[:12]


@lru_cache(maxsize=1)
def build_schema() -> fields.Schema:
    analyzer = chinese_analyzer()

    def text() -> TEXT:
        return TEXT(analyzer=analyzer, phrase=True)

    spec: dict[str, fields.FieldType] = {
        # Replacement key: one document per file. path, id and content_hash are also
        # columns so ingest and exports can list them without loading stored records.
        # Nothing else is stored but the record: it holds every field a page shows, and
        # a hit's stored fields are read whole (sections stored twice doubled the read).
        "path": fields.ID(stored=True, unique=True, sortable=True),
        "id": fields.ID(stored=True, unique=True, sortable=True),
        "content_hash": fields.ID(stored=True, sortable=True),
        "title": text(),
        "agency": text(),
        "agency_key": fields.ID(),  # the exact name, to list the same agency's other years
        # The body across years and name variants (extract.agencykey), to pair its years' reports.
        "body_key": fields.ID(sortable=True),
        "province": fields.ID(sortable=True),
        "city": fields.ID(sortable=True),  # columns: 地区: reads them as arrays (RegionCondition)
        "county": fields.ID(sortable=True),
        # signed (the default): with signed=False, Whoosh 2.7 answers open ranges such as
        # [ TO 2016] with every document.
        "level": fields.ID(sortable=True),  # 省级 / 市级 / 县级 / 未知 (levels.level_of)
        "year": fields.NUMERIC(int, sortable=True),
        "template": fields.ID(sortable=True),
        "consistent": fields.ID(sortable=True),  # yes / no / unknown
        # The checks beyond the tables (the record's findings): the rules failed, and the rules
        # run and passed, each with CHECK_ANY for any failed / all passed (store.finding_terms).
        "check_failed": fields.KEYWORD(scorable=False),
        "check_passed": fields.KEYWORD(scorable=False),
        # Not written any more: 异常 is judged when read (indexer.anomalies).  Kept in the schema
        # so that an index written when its flags were indexed opens as it is, not rebuilt.
        "anomaly": fields.KEYWORD(scorable=False),
        # Every fragment, in the title and agency (part 0) and each section (parts 1-6):
        # bigrams, found whatever jieba's cut (indexer.textquery).
        "content": TEXT(analyzer=bigram_analyzer(), phrase=True),
        # How many extraction warnings the report has: the overview's coverage, without records.
        "warning_count": fields.COLUMN(columns.NumericColumn("i", default=0)),
        "record": fields.STORED(),  # the extraction record as JSON, for display
    }
    spec.update({name: text() for name in SECTION_FIELDS.values()})
    spec.update(
        {facet_field(key): fields.COLUMN(columns.NumericColumn("d", default=ABSENT)) for key in facets()}
    )
    return fields.Schema(**spec)
