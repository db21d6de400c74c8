"""Title, agency, region, year covered and publication date of a report.

Pure functions over the report's lines and its ``Sections``.  The title is
the heading before the first section (a crawler's "标题:" header wins); the
agency comes from the title, or from the signature when that is a longer name
ending with the title's (县商务局 → 城步苗族自治县商务局); the year covered
comes from the title, else from the statistics period or a sentence opening
"2020年，…" — never from the publication date.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from ..models import Region
from .gazetteer import locate
from .numbers import parse_number
from .sections import Sections

_CN_DIGIT = str.maketrans("〇○零一二三四五六七八九", "00012345678" + "9")
_HEADER = re.compile(r"^\s*(标题|发布时间|发布机构|发布日期|来源)\s*[:：]\s*(.*?)\s*$")
_MARKUP = re.compile(r"\[bookmark:[^\]]*\]|[#*\s\u3000]")
_CN_YEAR = "〇○零一二三四五六七八九"
_YEAR = re.compile(rf"(\d{{4}}|[{_CN_YEAR}]{{4}})\s*年")
_AGENCY_END = re.compile(rf"(?:\d{{4}}|[{_CN_YEAR}]{{4}})\s*年|关于|政府信息公开|年度报告")
_DATE = re.compile(
    rf"(\d{{4}}|[{_CN_YEAR}]{{4}})\s*年\s*([\d{_CN_YEAR}十]{{1,3}})\s*月\s*([\d{_CN_YEAR}十]{{1,3}})\s*日"
)
_ISO = re.compile(r"(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})")
_PERIOD = re.compile(r"(\d{4})\s*年\s*0?1\s*月\s*0?1\s*日")
_OPENING_YEAR = re.compile(r"(?:^|[。；！\n])\s*(\d{4})\s*年度?\s*[，,]")
_SITE_SUFFIX = re.compile(r"(年度报告|年报)[-_|—–].*$")  # "…年度报告-沭阳县发改局": the site's name
_SENTENCE = re.compile(r"[，。；：,;:]")


@dataclass(frozen=True)
class Metadata:
    title: str | None
    agency: str | None
    region: Region
    year: int | None
    published: str | None  # ISO date "YYYY-MM-DD"


def extract_metadata(lines: Sequence[str], sections: Sections) -> Metadata:
    """Read the report's metadata from its lines and sections."""
    headers = _headers(lines[: sections.preamble_end])
    title = headers.get("标题") or _title(lines[: sections.preamble_end])
    title = _SITE_SUFFIX.sub(r"\1", title) if title else None
    signature, signed = _signature(lines)
    agency = _agency(title, signature, headers.get("发布机构"))
    body = "\n".join(sections.text.values())
    published = signed or _iso(headers.get("发布时间") or headers.get("发布日期") or "")
    return Metadata(
        title=title,
        agency=agency,
        region=_region(agency, title, signature, body),
        year=_year_of(title or "") or _body_year(body),
        published=published,
    )


def _clean(text: str) -> str:
    """Strip markdown, bookmarks and spaces (also inside names: "委员会 2019 年")."""
    return _MARKUP.sub("", text)


def _headers(lines: Sequence[str]) -> dict[str, str]:
    """Crawler "key: value" header fields (first occurrence of each)."""
    found: dict[str, str] = {}
    for line in lines:
        m = _HEADER.match(line)
        if m and m[2]:
            found.setdefault(m[1], _clean(m[2]) if m[1] in ("标题", "发布机构") else m[2])
    return found


def _title(lines: Sequence[str]) -> str | None:
    """The first heading-like line with 年度报告, joined to the agency line above it if it lacks one."""
    plain = [_clean(line) for line in lines]
    plain = [p for p in plain if p]
    for k, text in enumerate(plain):
        if "年度报告" in text and _heading_like(text, 60):
            if k and _heading_like(plain[k - 1], 40) and _continues(plain[k - 1], text):
                return plain[k - 1] + text
            return text
    return None


def _continues(above: str, text: str) -> bool:
    """Whether a title line continues the line above: the agency alone above it
    (周村区商务局 / 政府信息公开工作年度报告), or the title wrapped mid-phrase
    (…保障局2014年政府信息公开 / 工作年度报告)."""
    if _AGENCY_END.match(text):
        return True
    return "年度报告" not in above and bool(_AGENCY_END.search(above))


def _heading_like(text: str, limit: int) -> bool:
    """Short and without sentence punctuation: a title or a signature, not prose."""
    return len(text) <= limit and not _SENTENCE.search(text)


def _agency(title: str | None, signature: str | None, field: str | None) -> str | None:
    """Agency from the title, lengthened by the signature when that ends with it."""
    named = None
    if title and (m := _AGENCY_END.search(title)):
        named = title[: m.start()] or None
    if named and signature and len(signature) > len(named) and signature.endswith(named):
        return signature
    return named or signature or field or None


def _signature(lines: Sequence[str]) -> tuple[str | None, str | None]:
    """The closing signature and its date (ISO), from the last non-empty lines."""
    tail = [_clean(line) for line in lines if line.strip()][-3:]
    for k in range(len(tail) - 1, -1, -1):
        m = _DATE.fullmatch(tail[k])
        if m:
            name = tail[k - 1] if k and _heading_like(tail[k - 1], 30) else None
            if name and _DATE.search(name):
                name = None
            return name, _date_iso(m)
    return None, None


def _date_iso(m: re.Match) -> str | None:
    year = _year_number(m[1])
    month, day = parse_number(m[2]), parse_number(m[3])
    if year and isinstance(month, int) and isinstance(day, int) and 1 <= month <= 12 and 1 <= day <= 31:
        return f"{year:04d}-{month:02d}-{day:02d}"
    return None


def _iso(text: str) -> str | None:
    m = _ISO.search(text)
    if not m:
        return None
    year, month, day = (int(g) for g in m.groups())
    return f"{year:04d}-{month:02d}-{day:02d}" if 1 <= month <= 12 and 1 <= day <= 31 else None


def _year_number(text: str) -> int | None:
    """2020 or 二〇二〇 (digit by digit), within a plausible range."""
    year = int(text.translate(_CN_DIGIT))
    return year if 1990 <= year <= 2100 else None


def _year_of(title: str) -> int | None:
    m = _YEAR.search(title)
    return _year_number(m[1]) if m else None


def _body_year(body: str) -> int | None:
    """The statistics period ("自2020年1月1日"), else a sentence opening "2020年，"."""
    for pattern in (_PERIOD, _OPENING_YEAR):
        m = pattern.search(body)
        if m and (year := _year_number(m[1])):
            return year
    return None


def _region(agency: str | None, title: str | None, signature: str | None, body: str) -> Region:
    """From the agency's name; failing that the title, the signature, then the body's first place."""
    for text in (agency, title, signature, *body.splitlines()):
        if text:
            region = locate(text)
            if region != Region():
                return region
    return Region()
