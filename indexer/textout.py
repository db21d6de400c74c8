"""Readable terminal output for the CLI: extraction records, search results, ingest summaries."""

from __future__ import annotations

import html
import re

from .models import Report

_MARK = re.compile(r"<mark>(.*?)</mark>")


def render_report(report: Report) -> str:
    """A readable summary of one extraction record."""
    region = " ".join(p for p in (report.region.province, report.region.city, report.region.county) if p)
    lines = [
        f"== {report.source} ({report.format})",
        f"title:     {report.title or '-'}",
        f"agency:    {report.agency or '-'}   region: {region or '-'}",
        f"year:      {report.year or '-'}   published: {report.published or '-'}   template: {report.template}",
        f"sections:  {', '.join(report.sections) or '-'}",
        f"facets:    {len(report.facets)}",
    ]
    lines += [f"  {k} = {v}" for k, v in report.facets.items() if v]
    zeros = [k for k, v in report.facets.items() if not v]
    if zeros:
        lines.append(f"  ({len(zeros)} more facets are 0)")
    failed = [c for c in report.checks if not c.ok]
    lines.append(f"checks:    {len(report.checks) - len(failed)} of {len(report.checks)} pass")
    lines += [f"  FAILED {c.rule}: {c.detail}" for c in failed]
    lines += [f"warning:   {w}" for w in report.warnings]
    return "\n".join(lines)


def plain_fragment(fragment: str) -> str:
    """A highlight fragment for a terminal: 【matched】 instead of <mark>, entities decoded."""
    return html.unescape(_MARK.sub(r"【\1】", fragment))


def render_results(answer: dict, explain: bool = False) -> str:
    """The search answer as text: one block per hit, then the facet counts."""
    lines = []
    if explain:
        lines.append(f"parsed: {answer['parsed']}")
    first = (answer["page"] - 1) * answer["per_page"]
    shown = len(answer["results"])
    lines.append(
        f"{answer['total']} report(s); showing {first + 1 if shown else 0}–{first + shown} "
        f"({answer['took_ms']} ms)"
    )
    for i, hit in enumerate(answer["results"], first + 1):
        region = " ".join(v for v in hit["region"].values() if v)
        lines.append(f"{i}. {hit['agency'] or '(agency unknown)'}  {hit['year'] or ''}  {region}  [{hit['template']}]")
        lines.append(f"   {hit['title'] or ''}  id={hit['id']}")
        lines += [f"   {k} = {v}" for k, v in hit["facets"].items()]
        lines += [f"   {h['section']}: {plain_fragment(h['fragment'])}" for h in hit["highlights"]]
    for name, counts in answer["facet_counts"].items():
        if counts:
            lines.append(f"{name}: " + ", ".join(f"{k} ({v})" for k, v in counts.items()))
    return "\n".join(lines)


def render_summary(summary: dict) -> str:
    lines = [
        f"added {summary['added']}, replaced {summary['replaced']}, unchanged {summary['unchanged']}, "
        f"removed {summary['removed']}, duplicates {len(summary['duplicates'])}, failed {len(summary['failed'])}"
        + (f", skipped {len(summary['skipped'])} (not reports)" if summary.get("skipped") else "")
    ]
    lines += [f"  duplicate: {d['path']} (same content as {d['same_as']})" for d in summary["duplicates"]]
    lines += [f"  failed: {f['path']}: {f['reason']}" for f in summary["failed"]]
    lines += [f"  skipped: {f['path']}: {f['reason']}" for f in summary.get("skipped", [])]
    return "\n".join(lines)
