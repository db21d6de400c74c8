"""The forms a synthetic report can be written in, and what each asks of the report.

The first seven forms are the original ones (their bytes for a given seed never change).  The
others copy the shapes real crawled pages and text dumps arrive in (see
``tests/data/real/excerpts``): crawler pipe rows, one cell per line ending in ``|``, cells
between blank lines, a PDF text dump without table detection, a whole report on one line,
OCR'd markdown with columns the template does not have, and pre-2019 reports with the old
statistics table appended (as an HTML table, one spaced line, or fused digits).

Forms differ in what a correct reader can recover from them, so a report drawn for one of the
newer forms (``generate(seed, form=...)``) states its ``expected`` facets for that form.
"""

from __future__ import annotations

SUFFIX = {
    "cells": ".txt",
    "tsv": ".txt",
    "md": ".md",
    "html": ".html",
    "docx": ".docx",
    "pdf": ".pdf",
    "free": ".txt",
    "pipes": ".txt",
    "cellpipe": ".txt",
    "blanklines": ".txt",
    "pdftext": ".txt",
    "oneline": ".txt",
    "ocrmd": ".md",
    "statshtml": ".html",
    "statsline": ".txt",
    "statsfused": ".txt",
}
FORMS = tuple(SUFFIX)
ORIGINAL = FORMS[:7]
STATS = frozenset({"statshtml", "statsline", "statsfused"})  # free reports with the 统计表
FREE_ONLY = frozenset({"free"}) | STATS
TABLES_ONLY = frozenset({"pipes", "cellpipe", "blanklines", "pdftext", "oneline", "ocrmd"})
# Text whose rows may have lost their empty cells: a row is read only with one value a column.
BY_COUNT = frozenset({"pipes", "cellpipe", "blanklines", "pdftext", "oneline"})
# Text made from the drawn page (a PDF dump, OCR), whose rows never run together.
BORDERED = frozenset({"pdftext", "ocrmd"})
# Crawled pages: breadcrumbs, site chrome, header fields, naming quirks, traditional script.
PAGES = frozenset({"pipes", "cellpipe", "blanklines", "oneline", "statsline", "statsfused"})


def template_for(form: str | None, template: str | None) -> str | None:
    """The template a form forces ("free" for the prose-only and statistics forms), checked
    against an explicit one; None leaves the choice to the seed."""
    if form is None:
        return template
    if form not in SUFFIX:
        raise ValueError(f"unknown form {form!r}; expected one of {', '.join(FORMS)}")
    if form in FREE_ONLY:
        if template not in (None, "free"):
            raise ValueError(f"form {form!r} is for free-form reports, not template {template}")
        return "free"
    if form in TABLES_ONLY and template == "free":
        raise ValueError(f"form {form!r} prints the template tables; free-form reports have none")
    return template
