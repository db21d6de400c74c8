"""What surrounds and names a report on a crawled web page.

Real pages put breadcrumbs (``首页 -> 政务公开 -> 政府信息公开年报``) and site chrome (``全文检索``,
``字号:``, a site name) above the title, crawlers add header fields (``标 题 | … | ||``,
``发布机构 | … | 发布日期 | …``), some reports name their body only in the opening sentence
(``特编制XX局2023年政府信息公开工作年度报告``) or never (only 我局), and mirror sites print whole
reports in traditional characters (tests/data/real/excerpts).  ``choose`` draws these shapes for a
seed (a stream of its own, so the report's numbers and prose do not change), ``shape`` applies
the naming ones to the report, and ``before``/``after`` give the lines a form prints around the
title.
"""

from __future__ import annotations

import dataclasses
import random
from functools import lru_cache

from .model import SyntheticReport

SHAPES = ("breadcrumbs", "chrome", "fields", "opening", "anonymous", "traditional")
# Share of crawled pages showing each shape (opening and anonymous exclude each other).
SHARES = {
    "breadcrumbs": 0.3,
    "chrome": 0.3,
    "fields": 0.25,
    "opening": 0.1,
    "anonymous": 0.08,
    "traditional": 0.08,
}
CRUMBS = (
    "首页 -> 政务公开 -> 政府信息公开年报 -> {next}年 -> 部门政府信息公开工作年度报告",
    "您的位置:首页 > 信息公开年报",
    "当前位置：首页 > 政务公开 > 政府信息公开 > 政府信息公开年报",
    "当前位置： 首页政务公开政府信息公开政府信息公开年报",
)
OPENING = (
    "根据《中华人民共和国政府信息公开条例》要求，特编制{name}{year}年政府信息公开工作年度报告。本报告包括总体情况、"
    "主动公开政府信息情况、收到和处理政府信息公开申请情况、政府信息公开行政复议及行政诉讼情况、存在的主要问题和"
    "改进措施、其他需要报告的事项等内容，所列数据统计期限自{year}年1月1日起到{year}年12月31日止。"
)
ANONYMOUS = "依据《中华人民共和国政府信息公开条例》第五十条之规定，制作本报告。"


def _rng(report: SyntheticReport, what: str) -> random.Random:
    return random.Random(f"page-{what}:{report.seed}")


@lru_cache(maxsize=1)
def _to_traditional():
    """OpenCC's simplified-to-traditional converter (analyzers.filters only has t2s)."""
    from opencc_purepy import OpenCC

    return OpenCC("s2t").convert


@lru_cache(maxsize=1)
def _to_simplified():
    from opencc_purepy import OpenCC

    return OpenCC("t2s").convert


def convert(report: SyntheticReport, text: str) -> str:
    """The text in traditional characters when the page is a traditional mirror."""
    return _to_traditional()(text) if "traditional" in report.page else text


def choose(report: SyntheticReport) -> tuple[str, ...]:
    """The page shapes of a report's crawled page, drawn from its seed."""
    rng = random.Random(f"page:{report.seed}")
    picked = {s for s in ("breadcrumbs", "chrome", "fields") if rng.random() < SHARES[s]}
    roll = rng.random()
    if roll < SHARES["opening"]:
        picked.add("opening")
    elif roll < SHARES["opening"] + SHARES["anonymous"]:
        picked.add("anonymous")
    # Traditional only where the name survives the round trip, as a reader must convert it back.
    if (
        rng.random() < SHARES["traditional"]
        and _to_simplified()(_to_traditional()(report.agency)) == report.agency
    ):
        picked.add("traditional")
    return tuple(s for s in SHAPES if s in picked)


def shape(report: SyntheticReport) -> SyntheticReport:
    """The report with page shapes drawn and the naming ones applied: a title without the body,
    the body named in the opening sentence or nowhere, a signature that is only its date."""
    shapes = choose(report)
    changes: dict = {"page": shapes}
    if "opening" in shapes or "anonymous" in shapes:
        rng = _rng(report, "title")
        changes["title"] = f"{report.year}{rng.choice(('年', '年度'))}政府信息公开工作年度报告"
        changes["signature"] = ""
        if "opening" in shapes:
            changes["preface"] = OPENING.format(name=report.agency, year=report.year)
        elif rng.random() < 0.6:
            changes["preface"] = ANONYMOUS
    return dataclasses.replace(report, **changes)


def _site(report: SyntheticReport) -> str:
    """The site's name: the local government's portal, never the report's own body when the
    report is not to be named."""
    region = report.region
    site = f"{region.county or region.city or region.province}人民政府"
    return "政府信息公开专栏" if site == report.agency and "anonymous" in report.page else site


def _stamp(report: SyntheticReport, rng: random.Random) -> str:
    return f"{report.published} {rng.randint(8, 18):02d}:{rng.randint(0, 59):02d}:{rng.randint(0, 59):02d}"


def _fields(report: SyntheticReport, style: str) -> list[str]:
    """Crawler header fields in one of the three shapes crawlers print them."""
    rng = _rng(report, "fields")
    title = report.title.replace("\n", "")
    anonymous = "anonymous" in report.page or "opening" in report.page
    publisher = "" if anonymous else rng.choice((report.agency, "", _site(report) + "办公室"))
    code = f"{rng.randint(10**8, 10**9 - 1)}/{report.year + 1}-{rng.randint(1, 99999):05d}"
    stamp = _stamp(report, rng)
    if style == "pipes":
        return [
            f"标 题 | {title} | ||",
            f"索引号 | {code} | 文 号 | |",
            f"发布机构 | {publisher} | 发布日期 | {stamp} |"
            if publisher
            else f"发布机构 | | 发布日期 | {stamp} |",
        ]
    if style == "spaces":
        return [
            f"标      题 {title}",
            f"索引号 {code} 文      号",
            f"发布机构 {publisher} 发布日期 {stamp}".replace("  ", " "),
        ]
    return [
        f"标题: {title}",
        f"发布时间: {stamp[:16]}",
        "文号: ",
        f"发布机构: {publisher}",
        "栏目: 政府信息公开年报",
        f"原文链接: https://www.example.gov.cn/zwgk/zfxxgknb/{report.year + 1}01/t{report.seed:08d}.htm",
        "==================== 正文 ====================",
    ]


def fields(report: SyntheticReport, style: str) -> list[str]:
    """The crawler's header field lines, if the page has them."""
    return _fields(report, style) if "fields" in report.page else []


def before(report: SyntheticReport, style: str) -> list[str]:
    """Lines a crawled page prints above the title: header fields, chrome, breadcrumbs."""
    return fields(report, style) + chrome(report)


def chrome(report: SyntheticReport) -> list[str]:
    """Site chrome and breadcrumbs above the title."""
    rng = _rng(report, "chrome")
    lines: list[str] = []
    if "chrome" in report.page:
        lines += rng.choice(
            (
                [
                    "站群导航",
                    "|",
                    "加入收藏",
                    "|",
                    "设为首页",
                    "|",
                    "手机版",
                    _site(report),
                    "政府信息公开",
                    "全文检索",
                ],
                [_site(report), "全文检索"],
                ["法定主动", "公开内容", "政府信息", "公开年报", "申请公开", "政府信息"],
            )
        )
    if "breadcrumbs" in report.page:
        lines.append(rng.choice(CRUMBS).format(next=report.year + 1))
    return lines


def after(report: SyntheticReport) -> list[str]:
    """Lines a crawled page prints under the title: date, source and font-size controls."""
    if "chrome" not in report.page:
        return []
    rng = _rng(report, "after")
    date = report.published
    options = [
        [f"来源: 发布时间:{date} 浏览次数: 【字体:"],
        ["字号:"],
        [f"时间:{date}来源:", "[字体: ] 打印"],
        ["背景色:"],
    ]
    if not {"anonymous", "opening"} & set(report.page):  # a named source would name the body
        options.append([f"来源:{_site(report)} 发布时间:{date} 17:20", "字体大小:A+ A A- 分享: 打印"])
    return rng.choice(options)
