"""The official table templates, as printed: row labels, column headers, and
the facet key each cell feeds.

One description serves the extractor (which matches printed labels), the
facet registry (which lists the keys) and the report generator (which prints
the labels). Labels are given as printed in the templates; matching ignores
whitespace, numbering and punctuation (see ``tables.labels``).
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Column:
    suffix: str  # facet key suffix, e.g. "处理决定数"
    label: str  # header as printed, e.g. "处理决定数量"
    money: bool = False  # value is an amount, stored in 万元
    signed: bool = False  # may be negative (本年增/减)


@dataclass(frozen=True)
class Row:
    key: str  # facet key prefix, e.g. "行政处罚"
    labels: tuple[str, ...]  # accepted printed labels, first is canonical


@dataclass(frozen=True)
class ActiveTable:
    """One small table of section 二 (第二十条第（x）项)."""

    item: str  # "第（一）项"
    rows: tuple[Row, ...]
    columns: tuple[Column, ...]


# --- Section 二 ---------------------------------------------------------

_T2019_COUNT = (
    Column("上一年项目数", "上一年项目数量"),
    Column("本年增减", "本年增/减", signed=True),
    Column("处理决定数", "处理决定数量"),
)

ACTIVE_2019 = (
    ActiveTable(
        "第（一）项",
        (Row("规章", ("规章",)), Row("规范性文件", ("规范性文件",))),
        (
            Column("本年制发", "本年新制作数量"),
            Column("本年新公开", "本年新公开数量"),
            Column("对外公开总数", "对外公开总数量"),
        ),
    ),
    ActiveTable(
        "第（五）项",
        (Row("行政许可", ("行政许可",)), Row("其他对外管理服务事项", ("其他对外管理服务事项",))),
        _T2019_COUNT,
    ),
    ActiveTable(
        "第（六）项",
        (Row("行政处罚", ("行政处罚",)), Row("行政强制", ("行政强制",))),
        _T2019_COUNT,
    ),
    ActiveTable(
        "第（八）项",
        (Row("行政事业性收费", ("行政事业性收费",)),),
        _T2019_COUNT[:2],
    ),
    ActiveTable(
        "第（九）项",
        (Row("政府集中采购", ("政府集中采购",)),),
        (Column("项目数", "采购项目数量"), Column("总金额_万元", "采购总金额", money=True)),
    ),
)

ACTIVE_2021 = (
    ActiveTable(
        "第（一）项",
        (Row("规章", ("规章",)), Row("规范性文件", ("行政规范性文件", "规范性文件"))),
        (
            Column("本年制发", "本年制发件数"),
            Column("本年废止", "本年废止件数"),
            Column("现行有效", "现行有效件数"),
        ),
    ),
    ActiveTable(
        "第（五）项",
        (Row("行政许可", ("行政许可",)),),
        (Column("处理决定数", "本年处理决定数量"),),
    ),
    ActiveTable(
        "第（六）项",
        (Row("行政处罚", ("行政处罚",)), Row("行政强制", ("行政强制",))),
        (Column("处理决定数", "本年处理决定数量"),),
    ),
    ActiveTable(
        "第（八）项",
        (Row("行政事业性收费", ("行政事业性收费",)),),
        (Column("金额_万元", "本年收费金额（单位：万元）", money=True),),
    ),
)

ACTIVE_TABLES = {"2019": ACTIVE_2019, "2021": ACTIVE_2021}

# --- Section 三 ---------------------------------------------------------

APPLICANT_COLUMNS = (
    Column("自然人", "自然人"),
    Column("商业企业", "商业企业"),
    Column("科研机构", "科研机构"),
    Column("社会公益组织", "社会公益组织"),
    Column("法律服务机构", "法律服务机构"),
    Column("其他", "其他"),
    Column("", "总计"),  # the row total: 申请.<row> with no column suffix
)


@dataclass(frozen=True)
class ApplicationRow:
    key: str  # e.g. "不予公开.国家秘密"
    label: str  # as printed, without its numbering
    group: str | None = None  # parent key for sub-rows ("不予公开")
    numbering: str = ""  # "一、", "（一）", "1." as printed


def _sub(group: str, items: tuple[tuple[str, str], ...]) -> tuple[ApplicationRow, ...]:
    return tuple(
        ApplicationRow(f"{group}.{k}", label, group, f"{i}.") for i, (k, label) in enumerate(items, 1)
    )


_NOT_DISCLOSED = _sub(
    "不予公开",
    (
        ("国家秘密", "属于国家秘密"),
        ("法律法规禁止", "其他法律行政法规禁止公开"),
        ("三安全一稳定", "危及“三安全一稳定”"),
        ("第三方权益", "保护第三方合法权益"),
        ("内部事务", "属于三类内部事务信息"),
        ("过程性信息", "属于四类过程性信息"),
        ("行政执法案卷", "属于行政执法案卷"),
        ("行政查询", "属于行政查询事项"),
    ),
)
_UNABLE = _sub(
    "无法提供",
    (
        ("不掌握", "本机关不掌握相关政府信息"),
        ("需另行制作", "没有现成信息需要另行制作"),
        ("仍不明确", "补正后申请内容仍不明确"),
    ),
)
_NOT_HANDLED = _sub(
    "不予处理",
    (
        ("信访举报投诉", "信访举报投诉类申请"),
        ("重复申请", "重复申请"),
        ("公开出版物", "要求提供公开出版物"),
        ("大量反复", "无正当理由大量反复申请"),
        ("确认或重新出具", "要求行政机关确认或重新出具已获取信息"),
    ),
)
_OTHER_2021 = _sub(
    "其他处理",
    (
        ("逾期不补正", "申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请"),
        ("逾期未缴费", "申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请"),
        ("其他", "其他"),
    ),
)

_HEAD = (
    ApplicationRow("新收", "本年新收政府信息公开申请数量", numbering="一、"),
    ApplicationRow("上年结转", "上年结转政府信息公开申请数量", numbering="二、"),
    ApplicationRow("予以公开", "予以公开", numbering="（一）"),
    ApplicationRow("部分公开", "部分公开（区分处理的，只计这一情形，不计其他情形）", numbering="（二）"),
)
_TAIL = (
    ApplicationRow("办理总计", "总计", numbering="（七）"),
    ApplicationRow("结转下年", "结转下年度继续办理", numbering="四、"),
)

# Group headings: rows that carry no numbers of their own in the template.
APPLICATION_GROUPS = {
    "不予公开": "（三）不予公开",
    "无法提供": "（四）无法提供",
    "不予处理": "（五）不予处理",
    "其他处理": "（六）其他处理",
}
RESULTS_HEADING = "三、本年度办理结果"
CHECK_NOTE = "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）"

APPLICATION_ROWS = {
    "2019": _HEAD
    + _NOT_DISCLOSED
    + _UNABLE
    + _NOT_HANDLED
    + (ApplicationRow("其他处理", "其他处理", numbering="（六）"),)
    + _TAIL,
    "2021": _HEAD + _NOT_DISCLOSED + _UNABLE + _NOT_HANDLED + _OTHER_2021 + _TAIL,
}

# --- Section 四 ---------------------------------------------------------

REVIEW_COLUMNS = (
    Column("维持", "结果维持"),
    Column("纠正", "结果纠正"),
    Column("其他", "其他结果"),
    Column("未审结", "尚未审结"),
    Column("总计", "总计"),
)
REVIEW_GROUPS = (
    ("复议", "行政复议"),
    ("诉讼.直接起诉", "未经复议直接起诉"),
    ("诉讼.复议后起诉", "复议后起诉"),
)


def template_of_year(year: int | None) -> str | None:
    """The template a report on ``year`` follows: 2019-2020 → "2019", 2021 on → "2021",
    earlier → "free" (no template); None when the year is unknown."""
    if year is None:
        return None
    return "free" if year < 2019 else "2021" if year >= 2021 else "2019"


def application_keys(template: str) -> list[str]:
    """Every 申请.* key of a template, sums included, in table order."""
    keys: list[str] = []
    for row in APPLICATION_ROWS[template]:
        if row.group and f"申请.{row.group}" not in keys:
            keys.append(f"申请.{row.group}")
        keys.append(f"申请.{row.key}")
    return keys


def review_keys() -> list[str]:
    keys = [f"{g}.{c.suffix}" for g, _ in REVIEW_GROUPS for c in REVIEW_COLUMNS]
    return keys + ["诉讼.总计"]


def table_of(key: str) -> str:
    """Which official table states a facet: 申请 (section 三), 复议诉讼 (四), 主动公开 (prose), else 二."""
    head = key.split(".", 1)[0]
    return "复议诉讼" if head in ("复议", "诉讼") else head if head in ("申请", "主动公开") else "二"
