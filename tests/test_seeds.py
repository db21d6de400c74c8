"""The user's five sample reports, extracted end to end.

Every number each seed states is pinned here, read off the files by hand:
the expected dicts list the tables row by row as the report prints them.
"""

from pathlib import Path

import pytest

from indexer.extract import extract_path
from indexer.extract.templates import APPLICANT_COLUMNS, APPLICATION_ROWS

SEEDS = Path(__file__).parent / "data" / "seeds"


def seed(number: str):
    return extract_path(next(SEEDS.glob(f"{number}_*.txt")))


def active_2019(rows: dict[str, tuple]) -> dict:
    """Section 二 facets from rows as printed: {row: (values…)}."""
    columns = {
        "规章": ("本年制发", "本年新公开", "对外公开总数"),
        "规范性文件": ("本年制发", "本年新公开", "对外公开总数"),
        "行政许可": ("上一年项目数", "本年增减", "处理决定数"),
        "其他对外管理服务事项": ("上一年项目数", "本年增减", "处理决定数"),
        "行政处罚": ("上一年项目数", "本年增减", "处理决定数"),
        "行政强制": ("上一年项目数", "本年增减", "处理决定数"),
        "行政事业性收费": ("上一年项目数", "本年增减"),
        "政府集中采购": ("项目数", "总金额_万元"),
    }
    out = {}
    for row, values in rows.items():
        assert len(values) == len(columns[row])
        out.update({f"{row}.{col}": v for col, v in zip(columns[row], values, strict=True)})
    return out


def application_zero(rows=None) -> dict:
    """Section 三 with every stated cell 0 (all columns), for the given row keys."""
    keys = [r.key for r in APPLICATION_ROWS["2019"]] if rows is None else rows
    out = {}
    for key in keys:
        for col in APPLICANT_COLUMNS:
            out[f"申请.{key}.{col.suffix}" if col.suffix else f"申请.{key}"] = 0
    return out


def sums_zero(groups=("不予公开", "无法提供", "不予处理")) -> dict:
    return {f"申请.{g}": 0 for g in groups}


def review_zero() -> dict:
    out = {}
    for group in ("复议", "诉讼.直接起诉", "诉讼.复议后起诉"):
        out.update({f"{group}.{c}": 0 for c in ("维持", "纠正", "其他", "未审结", "总计")})
    out["诉讼.总计"] = 0
    return out


ZERO_ACTIVE = {
    "规章": (0, 0, 0),
    "规范性文件": (0, 0, 0),
    "行政许可": (0, 0, 0),
    "其他对外管理服务事项": (0, 0, 0),
    "行政处罚": (0, 0, 0),
    "行政强制": (0, 0, 0),
    "行政事业性收费": (0, 0),
    "政府集中采购": (0, 0),
}

EXPECTED = {
    "000": active_2019(
        {
            **ZERO_ACTIVE,
            "规范性文件": (0, 2, 2),
            "行政处罚": (12, 12, 12),
            "政府集中采购": (3, 103.9),
        }
    )
    | application_zero()
    | sums_zero()
    | review_zero(),
    "001": active_2019(
        {
            **ZERO_ACTIVE,
            "行政许可": (4, 1, 1),
            "其他对外管理服务事项": (0, 8, 0),
            "行政处罚": (2, 0, 0),
            "政府集中采购": (33, 58.9484),
        }
    )
    | application_zero()
    | sums_zero()
    | review_zero(),
    # "2019年，我局累计主动公开政府信息20条，其中：…" states the year's total in prose.
    "002": active_2019(ZERO_ACTIVE) | application_zero() | sums_zero() | review_zero() | {"主动公开.条数": 20},
    # 003 fills only the 总计 columns; totals of 0 confirm the blank columns.
    "003": active_2019(ZERO_ACTIVE) | application_zero() | sums_zero() | review_zero(),
    # 004's PDF dump lost section 二's (八)(九) tables and section 三's first rows.
    "004": active_2019({k: v for k, v in ZERO_ACTIVE.items() if k not in ("行政事业性收费", "政府集中采购")})
    | application_zero(
        [r.key for r in APPLICATION_ROWS["2019"] if r.key not in ("新收", "上年结转", "予以公开", "部分公开")]
    )
    | sums_zero()
    | review_zero(),
}


@pytest.mark.parametrize("number", sorted(EXPECTED))
def test_every_stated_number(number):
    report = seed(number)
    assert report.template == "2019"
    assert report.facets == EXPECTED[number]


def test_seed_004_lost_rows_are_absent_not_zero():
    facets = seed("004").facets
    for key in ("申请.新收", "申请.上年结转", "申请.予以公开", "行政事业性收费.上一年项目数", "政府集中采购.项目数"):
        assert key not in facets
    assert facets["申请.办理总计"] == 0 and facets["申请.结转下年"] == 0
    assert facets["行政处罚.处理决定数"] == 0
    assert (
        "table rows not found or without numbers: 行政事业性收费, 政府集中采购, "
        "申请.新收, 申请.上年结转, 申请.予以公开, 申请.部分公开"
    ) in seed("004").warnings


@pytest.mark.parametrize(
    "number, agency, province, city, county, year, published",
    [
        ("000", "重庆市荣昌区商务委员会", "重庆市", None, "荣昌区", 2020, None),
        ("001", "重庆市大渡口区经济和信息化委员会", "重庆市", None, "大渡口区", 2019, "2020-03-03"),
        ("002", "城步苗族自治县商务局", "湖南省", "邵阳市", "城步苗族自治县", 2019, "2020-02-12"),
        ("003", "周村区商务局", "山东省", "淄博市", "周村区", 2020, None),
        ("004", "兴庆区商务和经济技术合作局", "宁夏回族自治区", "银川市", "兴庆区", 2020, "2021-01-21"),
    ],
)
def test_metadata(number, agency, province, city, county, year, published):
    report = seed(number)
    assert report.agency == agency
    assert (report.region.province, report.region.city, report.region.county) == (province, city, county)
    assert report.year == year
    assert report.published == published


def test_checks_pass_with_their_numbers():
    report = seed("000")
    balance = next(c for c in report.checks if c.rule == "新收+上年结转=办理总计+结转下年")
    assert balance.ok and balance.detail == "0+0 = 0+0"
    assert all(c.ok for c in report.checks)
    assert len(report.checks) == 1 + 1 + 23 + 3  # balance, results total, 23 rows, 3 review groups


def test_seed_004_checks_skip_what_was_lost():
    rules = {c.rule for c in seed("004").checks}
    assert "新收+上年结转=办理总计+结转下年" not in rules
    assert "行政复议: 各项之和=总计" in rules


def test_problems_section():
    assert "人手不足" in seed("001").sections["问题改进"]
    assert "依申请公开" not in seed("004").sections
    assert seed("004").sections["问题改进"].startswith("2020年，兴庆区商务和经济技术合作局政府信息公开工作")
