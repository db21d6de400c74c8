"""The facet registry: every canonical facet key with its label, unit, type,
templates and aliases.

Read by the extractor, the index schema, the query parser and the web
sidebar alike, so a key means the same thing everywhere.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from .extract.templates import (
    ACTIVE_TABLES,
    APPLICANT_COLUMNS,
    APPLICATION_GROUPS,
    application_keys,
    review_keys,
)


@dataclass(frozen=True)
class Facet:
    key: str
    label: str
    unit: str  # "件", "条", "万元", or RATIO_UNIT
    # "int", "float"; derived, never read from a report: "ratio" (from the report's own facets),
    # "yoy" (against the body's report of the year before), "copy" (雷同: against other reports)
    kind: str
    templates: tuple[str, ...]
    aliases: tuple[str, ...] = ()

    @property
    def derived(self) -> bool:
        """Computed (a record's ``ratios``, ``yoy`` or ``copying``), not read from the report."""
        return self.kind in DERIVED_KINDS

    def to_dict(self) -> dict:
        return {
            "key": self.key,
            "label": self.label,
            "unit": self.unit,
            "type": self.kind,
            "templates": list(self.templates),
            "aliases": list(self.aliases),
        }


DERIVED_KINDS = ("ratio", "yoy", "copy")

# What people read for the template and check values, in the web UI and the CLI alike.
TEMPLATE_NAMES = {"2019": "2019 版模板", "2021": "2021 版模板", "free": "自由格式（2019 年前）"}
CONSISTENT_NAMES = {"no": "合计不符", "yes": "全部相符", "unknown": "无法核对"}
# The checks beyond the tables' arithmetic (extract.reportchecks), as the 检查 facet names them,
# and what each means for a report that fails it.
CHECK_RULES = {
    "跨年结转": "上年结转与上一年报告的结转下年不符",
    "文表不符": "正文所述数字与表格不符",
    "问题改进缺失": "“问题改进”一节缺失、为空或只写“无”",
    "收费未说明": "表格有收费，正文未说明",
    "模板不符": "所用模板不是该年度的",
}
CHECK_ANY = "不符"  # 检查:不符, any of them failed
ANOMALY_ANY = "任一"  # 异常:任一, any main facet far outside its peer group

ALIASES: dict[str, tuple[str, ...]] = {
    "主动公开.条数": ("主动公开", "主动公开条数"),
    "行政处罚.处理决定数": ("行政处罚", "处罚"),
    "行政许可.处理决定数": ("行政许可", "许可"),
    "行政强制.处理决定数": ("行政强制", "强制"),
    "规章.本年制发": ("规章",),
    "规范性文件.本年制发": ("规范性文件",),
    "申请.新收": ("新收申请", "申请数", "依申请"),
    "申请.予以公开": ("予以公开",),
    "申请.部分公开": ("部分公开",),
    "申请.不予公开": ("不予公开",),
    "申请.无法提供": ("无法提供",),
    "申请.不予处理": ("不予处理",),
    "复议.总计": ("行政复议", "复议"),
    "诉讼.总计": ("行政诉讼", "诉讼"),
    "政府集中采购.总金额_万元": ("采购金额", "政府集中采购金额"),
    "政府集中采购.项目数": ("采购项目", "政府集中采购"),
    "行政事业性收费.金额_万元": ("收费金额", "行政事业性收费"),
}


def _active_facets() -> dict[str, Facet]:
    found: dict[str, tuple[str, str, set[str]]] = {}
    for template, tables in ACTIVE_TABLES.items():
        for table in tables:
            for row in table.rows:
                for col in table.columns:
                    key = f"{row.key}.{col.suffix}"
                    label = f"{row.labels[0]} {col.label}"
                    unit = "万元" if col.money else "件"
                    found.setdefault(key, (label, unit, set()))[2].add(template)
    return {
        key: Facet(key, label, unit, "float" if unit == "万元" else "int", tuple(sorted(ts)))
        for key, (label, unit, ts) in found.items()
    }


def _application_facets() -> dict[str, Facet]:
    facets: dict[str, Facet] = {}
    for template in ("2019", "2021"):
        groups = {f"申请.{g}" for g in APPLICATION_GROUPS}
        for key in application_keys(template):
            # A group's sum is derived from its sub-rows: only its total is a facet
            # (per-column sums would collide with sub-row keys such as 其他处理.其他).
            sum_row = key in groups and not (template == "2019" and key == "申请.其他处理")
            for col in APPLICANT_COLUMNS[-1:] if sum_row else APPLICANT_COLUMNS:
                full = f"{key}.{col.suffix}" if col.suffix else key
                label = full.replace("申请.", "依申请 ").replace(".", " ")
                old = facets.get(full)
                ts = tuple(sorted(set(old.templates if old else ()) | {template}))
                facets[full] = Facet(full, label, "件", "int", ts)
    return facets


def _review_facets() -> dict[str, Facet]:
    return {
        k: Facet(k, k.replace(".", " "), "件", "int", ("2019", "2021")) for k in review_keys()
    }


def _prose_facets() -> dict[str, Facet]:
    """Stated in sentences in any template: the year's total of proactively disclosed items."""
    return {"主动公开.条数": Facet("主动公开.条数", "主动公开 条数", "条", "int", ("free", "2019", "2021"))}


# A ratio is stored as a fraction of 1 (0.25); queries take 0.25 or 25%.
RATIO_UNIT = "%"  # shown as a percentage; stored and answered by the API as a fraction of 1
# The derived ratios (extract.ratios): each key with its label, numerator and denominator keys.
RATIOS: dict[str, tuple[str, tuple[str, ...], tuple[str, ...]]] = {
    "公开率": (
        "公开率（予以公开与部分公开占办理总计）",
        ("申请.予以公开", "申请.部分公开"),
        ("申请.办理总计",),
    ),
    "不予公开率": ("不予公开率（不予公开占办理总计）", ("申请.不予公开",), ("申请.办理总计",)),
    "无法提供率": ("无法提供率（无法提供占办理总计）", ("申请.无法提供",), ("申请.办理总计",)),
    "复议纠正率": ("复议纠正率（结果纠正占行政复议总计）", ("复议.纠正",), ("复议.总计",)),
    "诉讼纠正率": (
        "诉讼纠正率（结果纠正占行政诉讼总计）",
        ("诉讼.直接起诉.纠正", "诉讼.复议后起诉.纠正"),
        ("诉讼.直接起诉.总计", "诉讼.复议后起诉.总计"),
    ),
}


def _ratio_facets() -> dict[str, Facet]:
    return {
        key: Facet(key, label, RATIO_UNIT, "ratio", ("2019", "2021")) for key, (label, _, _) in RATIOS.items()
    }


# The facets followed from year to year (an agency page's rows, the 同比 and 异常 facets):
# one or two per part of the official tables.
MAIN_FACETS = (
    "主动公开.条数",
    "申请.新收",
    "申请.办理总计",
    "申请.予以公开",
    "复议.总计",
    "诉讼.总计",
    "行政处罚.处理决定数",
    "行政许可.处理决定数",
    "行政事业性收费.金额_万元",
)
YOY = ".同比"  # 行政处罚.处理决定数.同比: the change against the body's report of the year before


def _yoy_facets() -> dict[str, Facet]:
    return {
        key + YOY: Facet(key + YOY, f"{key.replace('.', ' ')} 同比（与上一年报告相比的增减）", RATIO_UNIT, "yoy",
                         ("free", "2019", "2021"))
        for key in MAIN_FACETS
    }  # fmt: skip


COPY = "雷同."  # 雷同.问题改进: the largest share of that section's own text in another agency's report
COPY_WHOLE = "全文"  # the whole report, sections weighed by their length
COPY_PREVIOUS = "去年"  # the whole report against the same body's report of the year before


def _copy_facets() -> dict[str, Facet]:
    from .models import SECTION_NAMES

    labels = {name: f"雷同 {name}（该节文字见于其他机关报告的最大比例）" for name in SECTION_NAMES}
    labels[COPY_WHOLE] = "雷同 全文（全文文字见于另一机关报告的最大比例）"
    labels[COPY_PREVIOUS] = "雷同 去年（全文文字见于本机关上一年报告的比例）"
    return {
        COPY + name: Facet(COPY + name, label, RATIO_UNIT, "copy", ("free", "2019", "2021"))
        for name, label in labels.items()
    }


@lru_cache(maxsize=1)
def facets() -> dict[str, Facet]:
    """All canonical facets by key, in table order; the derived ones last."""
    merged = {
        **_prose_facets(), **_active_facets(), **_application_facets(), **_review_facets(), **_ratio_facets(),
        **_yoy_facets(), **_copy_facets(),
    }  # fmt: skip
    return {
        key: Facet(f.key, f.label, f.unit, f.kind, f.templates, ALIASES.get(key, ()))
        for key, f in merged.items()
    }


def facet(key: str) -> Facet:
    return facets()[key]


def is_ratio(key: str | None) -> bool:
    """Whether ``key`` is a fraction of 1 shown as a percentage (a ratio, a 同比 change, a 雷同
    figure); a name the registry does not know is not."""
    known = facets()
    return key in known and known[key].unit == RATIO_UNIT


def is_money(key: str | None) -> bool:
    """Whether ``key`` is a 万元 facet; a name the registry does not know is not."""
    known = facets()
    return key in known and known[key].unit == "万元"
