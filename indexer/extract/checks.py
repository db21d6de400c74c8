"""The tables' own arithmetic (勾稽关系), checked on the extracted facets.

Each check is reported with its numbers, passed or not, and only where every
number it needs was read: a check on absent values is not run, rather than
run on invented zeros.
"""

from __future__ import annotations

from collections.abc import Mapping

from ..models import Check
from .templates import APPLICANT_COLUMNS, APPLICATION_ROWS, REVIEW_COLUMNS, REVIEW_GROUPS

Facets = Mapping[str, int | float]

_RESULT_PARTS = ("予以公开", "部分公开", "不予公开", "无法提供", "不予处理", "其他处理")


def _fmt(values: list[int | float]) -> str:
    return "+".join(str(v) for v in values)


def _check(rule: str, parts: list[int | float], total: int | float, left: str | None = None) -> Check:
    ok = abs(sum(parts) - total) < 1e-9
    return Check(rule, ok, f"{left or _fmt(parts)} {'=' if ok else '≠'} {total}")


def balance(facets: Facets) -> list[Check]:
    """新收 + 上年结转 = 办理总计 + 结转下年."""
    keys = ["申请.新收", "申请.上年结转", "申请.办理总计", "申请.结转下年"]
    if not all(k in facets for k in keys):
        return []
    a, b, c, d = (facets[k] for k in keys)
    ok = a + b == c + d
    return [Check("新收+上年结转=办理总计+结转下年", ok, f"{a}+{b} {'=' if ok else '≠'} {c}+{d}")]


def row_totals(facets: Facets, template: str) -> list[Check]:
    """In each row of section 三 the applicant columns add up to 总计."""
    checks = []
    for row in APPLICATION_ROWS[template]:
        key = f"申请.{row.key}"
        cols = [f"{key}.{c.suffix}" for c in APPLICANT_COLUMNS if c.suffix]
        if key in facets and all(c in facets for c in cols):
            checks.append(_check(f"{key}: 各列之和=总计", [facets[c] for c in cols], facets[key]))
    return checks


def results_total(facets: Facets) -> list[Check]:
    """（七）总计 is the sum of （一）…（六）."""
    parts = [f"申请.{p}" for p in _RESULT_PARTS]
    if "申请.办理总计" not in facets or not all(p in facets for p in parts):
        return []
    return [_check("（一）至（六）之和=（七）总计", [facets[p] for p in parts], facets["申请.办理总计"])]


def review_totals(facets: Facets) -> list[Check]:
    """Section 四: in each group 维持+纠正+其他+未审结 = 总计."""
    checks = []
    for group, label in REVIEW_GROUPS:
        keys = [f"{group}.{c.suffix}" for c in REVIEW_COLUMNS]
        if all(k in facets for k in keys):
            *parts, total = (facets[k] for k in keys)
            checks.append(_check(f"{label}: 各项之和=总计", parts, total))
    return checks


def run_checks(facets: Facets, template: str) -> list[Check]:
    if template not in APPLICATION_ROWS:
        return balance(facets)
    return balance(facets) + results_total(facets) + row_totals(facets, template) + review_totals(facets)
