"""Plausible prose for the sections of synthetic reports.

The phrases are the ones real reports repeat (人手不足, 专业化水平不高, 培训, 宣传 …), so keyword
search over generated reports has something realistic to find.
"""

from __future__ import annotations

import random

OVERVIEW = (
    "{y}年，{we}认真贯彻落实《中华人民共和国政府信息公开条例》，坚持以公开为常态、不公开为例外，"
    "遵循公正、公平、合法、便民的原则，扎实推进政府信息公开工作。",
    "{we}高度重视政府信息公开工作，成立了由主要负责同志任组长的政务公开工作领导小组，明确专人负责信息发布和审核。",
    "严格落实信息发布“三审三校”制度，所发布内容由业务科室初审、分管领导把关，确保数据准确、内容规范。",
    "全年通过门户网站主动公开各类政府信息{n}条，及时发布工作动态、通知公告和政策解读。",
    "及时修订政府信息公开指南，完善政府信息公开目录，规范依申请公开的受理、办理和答复流程。",
    "加强政府信息公开平台建设，优化栏目设置，提升网站信息检索和在线服务功能。",
    "围绕优化营商环境、民生保障等重点领域，加大政策解读和回应关切力度，主动回应社会关注热点。",
    "落实公开属性源头认定机制，公文在起草时即明确主动公开、依申请公开或不予公开属性。",
    "全年未发生信息泄露、被篡改等网络安全事件，保密审查机制运行良好。",
)
ACTIVE_INTRO = (
    "{y}年，{we}按照《条例》第二十条的规定，主动公开政府信息情况如下：",
    "主动公开政府信息情况统计如下：",
)
REQUEST_INTRO = (
    "{y}年，{we}收到和处理政府信息公开申请情况如下：",
    "依申请公开办理情况统计如下：",
)
REVIEW_INTRO = ("{y}年，{we}因政府信息公开引发的行政复议、行政诉讼情况如下：",)
PROBLEMS = (
    "由于机关人手不足，信息公开工作由其他岗位人员兼任，投入的精力不够",
    "信息公开工作人员专业化水平不高，业务能力有待进一步提升",
    "部分科室公开意识有待加强，主动报送信息的积极性不高",
    "政策解读形式较为单一，图解、视频等多样化解读偏少",
    "公开内容的广度和深度还不够，部分栏目更新不够及时",
    "依申请公开办理的规范化水平有待提高",
    "对基层政务公开工作的指导和督促力度不够",
    "公众参与渠道不够丰富，回应社会关切的时效性有待提高",
)
IMPROVEMENTS = (
    "加强业务培训，组织工作人员学习《条例》及相关规定，提高专业化水平",
    "加大宣传力度，通过多种渠道向社会宣传政府信息公开工作，扩大公众知晓度",
    "充实工作力量，明确专人负责信息公开，落实岗位责任",
    "完善信息发布审核机制，确保公开内容准确、及时、规范",
    "丰富政策解读形式，提高政策解读的针对性和可读性",
    "强化考核监督，将政务公开工作纳入年度目标考核",
    "及时更新政府信息公开目录和栏目内容，提升公开质量",
)
PROBLEM_HEADINGS = (
    "存在的主要问题及改进情况",
    "存在的主要问题及改进情况",
    "存在问题及下一步工作打算",
    "存在的不足及改进措施",
    "政府信息公开工作存在的主要问题及改进情况",
)
OTHER = (
    "无。",
    "无其他需要报告的事项。",
    "本年度未收取政府信息公开信息处理费。",
    "{y}年，{we}未收取信息处理费。",
    "本报告所列数据的统计期限自{y}年1月1日起至{y}年12月31日止。",
)
ORDINALS = "一二三四五六七八九十"


def _fill(text: str, year: int, we: str, rng: random.Random) -> str:
    return text.format(y=year, we=we, n=rng.randint(20, 600))


def overview(rng: random.Random, year: int, we: str) -> tuple[str, int | None]:
    """Two to four paragraphs of 总体情况, and the 主动公开 total they state (if one does)."""
    chosen = [OVERVIEW[0]] + rng.sample(OVERVIEW[1:], rng.randint(1, 3))
    lines, stated = [], None
    for text in chosen:
        n = rng.randint(20, 600)  # drawn for every paragraph, used or not, as always
        lines.append(text.format(y=year, we=we, n=n))
        stated = n if "{n}" in text else stated
    return "\n".join(lines), stated


def problems(rng: random.Random, year: int, we: str) -> str:
    """The problems paragraph and the improvements paragraph, numbered 一是 … 二是 …"""
    found = rng.sample(PROBLEMS, rng.randint(2, 4))
    fixes = rng.sample(IMPROVEMENTS, rng.randint(2, 4))
    first = f"{year}年，{we}政府信息公开工作取得了一定成效，但仍存在一些不足：" + "；".join(
        f"{ORDINALS[i]}是{p}" for i, p in enumerate(found)
    )
    second = "下一步，我们将：" + "；".join(f"{ORDINALS[i]}是{f}" for i, f in enumerate(fixes))
    return f"{first}。\n{second}。"


def pick(rng: random.Random, options: tuple[str, ...], year: int, we: str) -> str:
    """One phrase from a list, with year and self-reference filled in."""
    return _fill(rng.choice(options), year, we, rng)


def free_request(rng: random.Random, facets: dict[str, float], we: str, year: int) -> str:
    """Pre-2019 prose stating the request numbers in sentences."""
    new = facets["申请.新收"]
    if new == 0:
        return f"{year}年，{we}未收到政府信息公开申请。本年度未收取任何费用。"
    parts = [f"予以公开{facets['申请.予以公开']}件", f"部分公开{facets['申请.部分公开']}件"]
    parts += [f"不予公开{facets['申请.不予公开']}件", f"信息不存在等无法提供{facets['申请.无法提供']}件"]
    return (
        f"{year}年，{we}全年共受理政府信息公开申请{new}件，均已按时答复。其中，" + "，".join(parts) + "。"
        "本年度未收取任何费用。"
    )


def free_review(facets: dict[str, float], we: str) -> str:
    """Pre-2019 prose stating review and lawsuit numbers, or their absence."""
    review, suit = facets["复议.总计"], facets["诉讼.总计"]
    if review == 0 and suit == 0:
        return f"{we}未发生因政府信息公开申请行政复议、提起行政诉讼的情况。"
    return f"全年因政府信息公开申请行政复议{review}件，提起行政诉讼{suit}件。"
