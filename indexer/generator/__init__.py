"""Synthetic annual reports with known facets, in every form real ones arrive in.

>>> from indexer.generator import generate, render
>>> report = generate(42)
>>> data = render(report, "cells")
"""

from .model import SyntheticReport, generate
from .render import FORMS, render, write

__all__ = ["FORMS", "SyntheticReport", "generate", "render", "write"]
