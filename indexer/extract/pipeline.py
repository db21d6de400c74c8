"""The extraction pipeline: a file in, a ``Report`` out.

read → rows recovered → sections → metadata → tables → facets → ratios → checks → findings.
Every step but the first is a pure function of the previous steps' output.
"""

from __future__ import annotations

import dataclasses
import hashlib
import re
from dataclasses import dataclass
from pathlib import Path

from .. import registry
from ..errors import NianbaoError, NotAReport
from ..models import SECTION_NAMES, RawDocument, Report
from .agencykey import agency_key
from .checks import run_checks
from .freeform import prefer_tables, stated_in_prose
from .metadata import extract_metadata
from .ratios import ratios
from .readers import read
from .reportchecks import report_checks
from .sections import Sections, follows_pre_2019_outline, split_sections
from .sitefooter import without_site_footer
from .tables.interpret import read_tables
from .tables.labels import is_vocabulary, template_votes
from .tables.oldstats import read_old_stats
from .tables.rows import Item, items_from_blocks
from .templates import table_of, template_of_year

_WORDS = re.compile(r"[|\s]+")  # a header line flattened with pipes or spaces
# Words about disclosure itself (政府信息公开, 主动公开政府信息), in either script.
_DISCLOSURE = re.compile(r"信息公[开開]|公[开開](?:政府|政务)?信息")
_TABLE_ITEM = re.compile(r"\s*第二十条第\s*[(（]")  # 第二十条第(一)项, the templates' first table
_HEADER_CHARS = 20  # a column header, not a sentence that quotes one


def content_hash(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def extract_path(path: str | Path, digest: str | None = None) -> Report:
    """Extract one report file. Raises ``ReadError`` when the file cannot be read.

    ``digest`` is the file's content hash when the caller already has it (ingest does).
    """
    raw = read(path)
    return extract_document(raw, digest or content_hash(Path(path).read_bytes()))


@dataclass(frozen=True)
class Outcome:
    """What became of one file: its report, or why there is none (``skipped`` when the
    file is readable but is not a report, which is no failure)."""

    report: Report | None
    reason: str | None = None
    skipped: bool = False


def try_extract(path: str | Path, digest: str | None = None) -> Outcome:
    """The file's report, or the reason it has none; never raises.

    For callers working through many files (the CLI, ingest workers): one bad file
    is reported with its reason and never stops the others.
    """
    try:
        return Outcome(extract_path(path, digest))
    except NotAReport as err:
        return Outcome(None, err.reason, skipped=True)
    except NianbaoError as err:
        return Outcome(None, err.message.removeprefix(f"{path}: "))
    except MemoryError:
        return Outcome(
            None, "ran out of memory while extracting (the file is larger or denser than any report)"
        )
    except RecursionError:
        return Outcome(None, "structure nested too deeply to extract (RecursionError)")
    except Exception as err:  # noqa: BLE001 - an extraction bug in one file must not stop a folder
        return Outcome(None, f"extraction failed ({type(err).__name__}: {err})")


def extract_document(raw: RawDocument, digest: str) -> Report:
    items = items_from_blocks(raw.blocks)
    # Table rows are numbers, not prose: sections and metadata see them as blank lines, and
    # the site's footer under a saved or printed page too.
    lines = without_site_footer([_text_of(it) for it in items])
    sections = split_sections(lines)
    meta = extract_metadata(lines, sections)
    tables = read_tables(items, meta.year)
    if tables.template is None and meta.year is None and not _reads_as_report(sections, lines):
        raise NotAReport(raw.source, "no report title with a year, no section headings, no tables")
    warnings = list(raw.warnings) + tables.warnings
    headed = None if tables.template else _template_of_header_words(items)
    if headed:
        template = headed  # a page cut short under the table's header: its words say which
        warnings.append(f"no table read: template {headed} taken from the table's header words")
    elif tables.template is None and follows_pre_2019_outline(lines) and not _opens_a_template_table(items):
        template = "free"  # no table, and the outline of the years before the templates
    else:
        template = tables.template or _template_by_year(meta.year, warnings)
    values = _facets(tables.facets, items, lines, meta.year, warnings)
    warnings += _missing(sections.text, meta, template)
    ordered = {k: values[k] for k in registry.facets() if k in values}
    report = Report(
        id=digest[:16],
        source=raw.source,
        format=raw.format,
        title=meta.title,
        agency=meta.agency,
        region=meta.region,
        year=meta.year,
        published=meta.published,
        template=template,
        sections={name: sections.text[name] for name in SECTION_NAMES if name in sections.text},
        facets=ordered,
        ratios=ratios(ordered),
        checks=tuple(run_checks(ordered, template)),
        warnings=tuple(warnings),
        content_hash=digest,
        source_url=raw.source_url or meta.source_url,
        unsectioned="" if sections.text else _whole_text(lines),
    )
    # The checks beyond the tables read the record, as they do the index's stored records.
    findings = tuple(report_checks(report.to_record()))
    return dataclasses.replace(report, findings=findings, agency_key=agency_key(meta.agency, meta.region))


def _whole_text(lines: list[str]) -> str:
    """A report's text where no section heading was found: its non-blank lines, stripped."""
    return "\n".join(stripped for line in lines if (stripped := line.strip()))


def _template_of_header_words(items: list[Item]) -> str | None:
    """The template whose own column headers (本年制发件数, 本年新制作数量 …) the text prints,
    where no table could be read: one template's words only, else None."""
    seen = {
        vote
        for item in items
        for cell in (item.cells or (item.text,))
        for word in _WORDS.split(cell)
        if len(word) <= _HEADER_CHARS and (vote := template_votes(word))
    }
    return seen.pop() if len(seen) == 1 else None


def _text_of(item: Item) -> str:
    """What sections, metadata and prose read of an item (each cleans its lines of mirror
    damage itself).  Rows of the official tables are numbers, not prose: blank.  Other
    grids (the pre-2019 统计表, a page's info table) stay text."""
    if not item.is_row:
        return item.text
    cells = item.cells or ()
    return "" if any(is_vocabulary(c) for c in cells) else " ".join(c for c in cells if c)


def _facets(table: dict, items: list, lines: list[str], year: int | None, warnings: list[str]) -> dict:
    """The template tables' values, then the old 统计表's, then what sentences state.

    A template table wins over the prose (the spec's rule), and where a table was read
    at all its lost rows stay absent: sentences fill only the tables a report does not
    show (a page cut before them, tables lost in conversion), and the rows of the table a
    page is cut inside, which it never reached (规章 | 0 | 0 | 0 | as the page's last line,
    "制定并公开行政规范性文件8件" above it).  Where the old statistics table and the prose
    disagree neither is trusted: real reports show both kinds of error (a table counting
    every unit of a place, prose counting one office).
    """
    prose, notes = stated_in_prose("\n".join(line for line in lines if line), year)
    shown = {table_of(k) for k in table}
    if table and _ends_in_a_table(items):
        shown.discard(table_of(list(table)[-1]))  # the table the page is cut inside
    prose = {k: v for k, v in prose.items() if table_of(k) not in shown}
    old, old_notes = read_old_stats(items, year)
    low, low_notes = prefer_tables(old, prose, keep_disputed=False)
    merged, merged_notes = prefer_tables(table, low)
    warnings += notes + old_notes + low_notes + merged_notes
    return merged


def _ends_in_a_table(items: list[Item]) -> bool:
    """Whether the text stops inside a table: its last line is a row or a table's cut header
    (信息内容 | 本年)."""
    last = next((it for it in reversed(items) if it.text.strip() or it.cells), None)
    return last is not None and (last.is_row or "|" in last.text)


def _opens_a_template_table(items: list[Item]) -> bool:
    """A line that opens a template's first table ("第二十条第(", where a page is cut): the
    templates' tables, whatever outline the foreword still lists."""
    return any(_TABLE_ITEM.match(it.text) for it in items)  # a row's raw text too: 第二十条第(一)项 | |||


def _reads_as_report(sections: Sections, lines: list[str]) -> bool:
    """Sections enough to tell a report without its title or year: two, or one in a text about
    disclosure (a mirror's page that starts at 一、政府信息公开总体工作情况 or 一、总体情况 and is
    cut inside it)."""
    if len(sections.text) >= 2:
        return True
    return bool(sections.text) and any(_DISCLOSURE.search(line) for line in lines)


def _template_by_year(year: int | None, warnings: list[str]) -> str:
    """No table seen (a page cut short, tables lost): the template the year prescribes."""
    template = template_of_year(year) or "free"
    if template != "free":
        warnings.append(f"no table read: template {template} taken from the year covered ({year})")
    return template


def _missing(sections: dict[str, str], meta, template: str) -> list[str]:
    notes = []
    if not sections:
        notes.append("no section headings recognised: the whole text is kept, unsectioned")
    elif template != "free":
        lost = [name for name in SECTION_NAMES if name not in sections]
        if lost:
            notes.append(f"sections not found: {', '.join(lost)}")
    if meta.agency is None:
        notes.append("agency not found in the title or signature")
    if meta.year is None:
        notes.append("year covered not found in the title or body")
    return notes
