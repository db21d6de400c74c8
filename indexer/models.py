"""Typed values passed between the extraction stages.

``RawDocument`` is what a reader returns (text blocks and table grids in
document order); ``Report`` is what extraction makes of it.  Dicts appear only
at the JSON edge (``Report.to_record``).
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass

SECTION_NAMES = ("总体情况", "主动公开", "依申请公开", "复议诉讼", "问题改进", "其他事项")
# Where a highlight comes from when the report's headings were not recognised (Report.unsectioned).
WHOLE_TEXT = "全文"
FORMATS = ("txt", "md", "html", "mhtml", "docx", "doc", "pdf")


@dataclass(frozen=True)
class TextBlock:
    """A run of text as the reader found it (lines kept, tabs kept).

    ``where`` says where it came from ("line 12", "page 2", "paragraph 7") so
    that a warning can point at it.
    """

    text: str
    where: str = ""


@dataclass(frozen=True)
class TableBlock:
    """A table grid: rows of cell strings.

    Spanned cells (rowspan/colspan, merged Word cells) hold their text in the
    first position they cover and "" in the others, the way text exports of
    such tables look, so one interpreter reads grids and flattened text alike.
    """

    rows: tuple[tuple[str, ...], ...]
    where: str = ""


Block = TextBlock | TableBlock


@dataclass(frozen=True)
class RawDocument:
    source: str
    format: str
    blocks: tuple[Block, ...]
    warnings: tuple[str, ...] = ()
    source_url: str | None = None  # where the page was published, if the file says (canonical URL)

    @property
    def text(self) -> str:
        """All text blocks joined, tables left out."""
        return "\n".join(b.text for b in self.blocks if isinstance(b, TextBlock))


@dataclass(frozen=True)
class Check:
    rule: str
    ok: bool
    detail: str

    def to_dict(self) -> dict:
        return {"rule": self.rule, "ok": self.ok, "detail": self.detail}


@dataclass(frozen=True)
class Region:
    province: str | None = None
    city: str | None = None
    county: str | None = None

    def to_dict(self) -> dict:
        return {"province": self.province, "city": self.city, "county": self.county}


@dataclass(frozen=True)
class Report:
    id: str
    source: str
    format: str
    title: str | None
    agency: str | None
    region: Region
    year: int | None
    published: str | None
    template: str
    sections: dict[str, str]
    facets: dict[str, float | int]
    checks: tuple[Check, ...] = ()
    warnings: tuple[str, ...] = ()
    content_hash: str = ""
    source_url: str | None = None  # the address the report came from, where the file states one
    # The text when no section heading was recognised: kept whole, so it is still searched.
    unsectioned: str = ""
    # Checks beyond the tables' own arithmetic (extract.reportchecks): the 检查 facet.
    findings: tuple[Check, ...] = ()
    # The body the report is by, across years and name variants (extract.agencykey).
    agency_key: str | None = None
    # Derived from ``facets`` (extract.ratios), kept apart so that scoring what was read ignores them.
    ratios: dict[str, float] = dataclasses.field(default_factory=dict)

    def to_record(self) -> dict:
        """The extraction record of interfaces.md, extended by ``findings`` (checks beyond the
        tables' arithmetic, which ``checks`` alone holds), ``agency_key`` and ``ratios`` (derived
        from the facets, queried like them); ``unsectioned`` only where there is such text."""
        record = {
            "id": self.id,
            "source": self.source,
            "format": self.format,
            "title": self.title,
            "agency": self.agency,
            "region": self.region.to_dict(),
            "year": self.year,
            "published": self.published,
            "template": self.template,
            "sections": dict(self.sections),
            "facets": dict(self.facets),
            "checks": [c.to_dict() for c in self.checks],
            "findings": [c.to_dict() for c in self.findings],
            "agency_key": self.agency_key,
            "ratios": dict(self.ratios),
            "warnings": list(self.warnings),
            "content_hash": self.content_hash,
            "source_url": self.source_url,
        }
        if self.unsectioned:
            record["unsectioned"] = self.unsectioned
        return record
