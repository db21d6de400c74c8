"""Jinja filters: numbers rounded for people, regions, the report's web address, warnings.

The rounding itself lives in ``indexer.numberfmt`` so the CLI prints the same
numbers as the pages.
"""

from __future__ import annotations

from urllib.parse import urlsplit

from indexer import numberfmt
from indexer.messages_zh import to_chinese

from .pages import bp


@bp.app_template_filter("num")
def format_value(value, key: str | None = None) -> str:
    """A facet value as a person reads it: ``12``, ``103.9``, ``58.9484`` (money: ≤ 4 decimals)."""
    return numberfmt.facet_value(key, value)


@bp.app_template_filter("region")
def format_region(region: dict | None) -> str:
    """``{"province": "重庆市", "city": None, "county": "荣昌区"}`` → ``重庆市 荣昌区``."""
    parts = [p for p in dict.fromkeys((region or {}).get(k) for k in ("province", "city", "county")) if p]
    return " ".join(parts) or "地区不详"


@bp.app_template_filter("filename")
def file_name(path: str | None) -> str:
    """The last part of a path as ingest was given it (``/`` or ``\\`` separated)."""
    return (path or "").replace("\\", "/").rstrip("/").rsplit("/", 1)[-1]


@bp.app_template_filter("weblink")
def web_link(url: str | None) -> str | None:
    """``url`` when it is an http(s) address that may be a link's target, else None.

    The address comes from the report file, so anything else (``javascript:``,
    a bare path) is shown as text, never linked.
    """
    if not url or any(c.isspace() for c in url.strip()):
        return None
    parts = urlsplit(url.strip())
    return url.strip() if parts.scheme in ("http", "https") and parts.netloc else None


@bp.app_template_filter("warning_zh")
def warning_zh(warning: str) -> dict:
    """An extraction warning for the page: its Chinese text, or the original marked as English."""
    zh = to_chinese(warning)
    return {"text": zh, "lang": "zh-CN"} if zh else {"text": warning, "lang": "en"}
