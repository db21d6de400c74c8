"""Readable terminal output for the CLI: extraction records, search results, ingest summaries, errors.

The words are the web UI's (机关, 地区, 年度, 发布日期, 模板, 勾稽关系, 提取提示 …), so a person
meets the same names in the terminal and in the browser. Numbers are rounded for people by
``numberfmt`` (as on the web pages); ``--json`` prints the library's plain data with full values.
Every function is pure: data in, text out.
"""

from __future__ import annotations

import html
import re
import unicodedata

from . import numberfmt
from .errors import NianbaoError
from .messages_zh import reason_zh
from .models import Report
from .registry import CONSISTENT_NAMES, TEMPLATE_NAMES, facets

_MARK = re.compile(r"<mark>(.*?)</mark>")

COUNT_HEADINGS = {
    "year": "年度", "province": "省份", "level": "级别", "template": "报告模板", "consistent": "勾稽关系",
    "checks": "检查未通过", "anomalies": "同级同省同年中异常",
}  # fmt: skip


def facet_value(key: str, value: float | int) -> str:
    """``103.9 万元``, ``12 件``: the value rounded for people (``numberfmt``, shared with the
    web pages), with the registry's unit."""
    facet = facets().get(key)
    return f"{numberfmt.facet_value(key, value)} {facet.unit}" if facet else numberfmt.facet_value(key, value)


def display_width(text: str) -> int:
    """Terminal columns of ``text``: CJK characters are two columns wide."""
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text)


def caret(text: str, position: int) -> str:
    """A ^ under the character at ``position`` of ``text`` as a terminal shows it."""
    return " " * display_width(text[:position]) + "^"


def _field(label: str, value: str) -> str:
    """``标题：    value`` with values aligned (the widest label, 发布日期, is 8 columns)."""
    head = f"{label}："
    return head + " " * (10 - display_width(head)) + value


def _region(region: dict | None) -> str:
    """``重庆市 荣昌区`` or the UI's 地区不详."""
    parts = dict.fromkeys((region or {}).get(k) for k in ("province", "city", "county"))
    return " ".join(p for p in parts if p) or "地区不详"


def render_report(report: Report) -> str:
    """A readable summary of one extraction record (the report page's words)."""
    lines = [
        f"== {report.source}（{report.format}）",
        _field("标题", report.title or "（无标题）"),
        _field("机关", report.agency or "未识别"),
        _field("地区", _region(report.region.to_dict())),
        _field("年度", f"{report.year} 年" if report.year else "未识别"),
        _field("发布日期", report.published or "未载明"),
        _field("模板", TEMPLATE_NAMES.get(report.template, report.template)),
        *([_field("原文地址", report.source_url)] if report.source_url else []),
        _field("章节", "、".join(report.sections) or ("未找到（全文已保留，可检索）" if report.unsectioned else "未找到")),
        *_facet_lines(report.facets),
        *([_field("比率", "，".join(f"{k} {facet_value(k, v)}" for k, v in report.ratios.items()))]
          if report.ratios else []),
        _field("勾稽关系", _checks_summary(report)),
    ]
    lines += [f"  ✗ 不符 {c.rule}：{c.detail}" for c in report.checks if not c.ok]
    lines.append(_field("检查", _findings_summary(report)))
    lines += [f"  ✗ {c.rule}：{c.detail}" for c in report.findings if not c.ok]
    lines += [_field("提取提示", w) for w in report.warnings]
    return "\n".join(lines)


def _facet_lines(values: dict) -> list[str]:
    """The count of facets, the non-zero ones with units, and how many are 0 (not listed)."""
    zeros = sum(1 for v in values.values() if not v)
    head = f"{len(values)} 项" + (f"（其中 {zeros} 项为 0，未列出）" if zeros else "")
    return [_field("指标", head)] + [f"  {k} = {facet_value(k, v)}" for k, v in values.items() if v]


def _checks_summary(report: Report) -> str:
    """The report page's words for the tables' own arithmetic: 全部相符, N 项不符, 无法核对."""
    return _tally(report.checks, "无法核对", "相符", "不符")


def _findings_summary(report: Report) -> str:
    """The checks beyond the tables: 全部通过, N 项未通过, 无可检查."""
    return _tally(report.findings, "无可检查", "通过", "未通过")


def _tally(checks, none: str, ok: str, failed_word: str) -> str:
    if not checks:
        return none
    failed = sum(1 for c in checks if not c.ok)
    if not failed:
        return f"全部{ok}（{len(checks)} 项）"
    return f"{failed} 项{failed_word}，{len(checks) - failed} 项{ok}"


def plain_fragment(fragment: str) -> str:
    """A highlight fragment for a terminal: 【matched】 instead of <mark>, entities decoded."""
    return html.unescape(_MARK.sub(r"【\1】", fragment))


def render_results(answer: dict, explain: bool = False) -> str:
    """The search answer as text: the total, one block per hit, then the counts to refine by."""
    lines = [f"系统理解为：{answer['parsed']}"] if explain else []
    lines.append(_total(answer))
    first = (answer["page"] - 1) * answer["per_page"]
    for number, hit in enumerate(answer["results"], first + 1):
        lines += _hit_lines(number, hit)
    counts = [_count_line(name, counts) for name, counts in answer["facet_counts"].items() if counts]
    return "\n".join(lines + ([""] + counts if counts else []))


def _total(answer: dict) -> str:
    """找到 N 份报告，显示第 a–b 份（用时 x 毫秒）, or why nothing is shown."""
    took = f"（用时 {answer['took_ms']} 毫秒）"
    shown = len(answer["results"])
    if not answer["total"]:
        return f"没有符合条件的报告{took}。"
    first = (answer["page"] - 1) * answer["per_page"]
    if not shown:
        pages = -(-answer["total"] // answer["per_page"])
        return f"找到 {answer['total']} 份报告{took}；第 {answer['page']} 页没有结果了（共 {pages} 页）。"
    return f"找到 {answer['total']} 份报告，显示第 {first + 1}–{first + shown} 份{took}"


def _hit_lines(number: int, hit: dict) -> list[str]:
    """One hit as the search page shows it: title, then 机关 · 地区 · 年度 · 模板 · 编号, values, fragments."""
    meta = [
        hit["agency"] or "机关不详",
        _region(hit["region"]),
        f"{hit['year']} 年" if hit["year"] else "年度不详",
        TEMPLATE_NAMES.get(hit["template"], hit["template"]),
        f"编号 {hit['id']}",
    ]
    lines = [f"{number}. {hit['title'] or hit['agency'] or '（无标题）'}", "   " + " · ".join(meta)]
    lines += [f"   {k} = {facet_value(k, v)}" for k, v in hit["facets"].items()]
    lines += [f"   {h['section']}：{plain_fragment(h['fragment'])}" for h in hit["highlights"]]
    return lines


def _count_line(name: str, counts: dict) -> str:
    """``年度：2020 年（1）、2019 年（1）``: the sidebar's heading and entries with their counts."""
    if name == "year":
        counts = {f"{year} 年": n for year, n in sorted(counts.items(), reverse=True)}
    names = {"template": TEMPLATE_NAMES, "consistent": CONSISTENT_NAMES}.get(name, {})
    entries = "、".join(f"{names.get(k, k)}（{n}）" for k, n in counts.items())
    return f"{COUNT_HEADINGS.get(name, name)}：{entries}"


def render_summary(summary: dict) -> str:
    """The ingest summary: reports added / replaced / unchanged / removed, then each file not indexed."""
    head = (
        f"新增 {summary['added']} 份，替换 {summary['replaced']} 份，未变 {summary['unchanged']} 份，"
        f"移除 {summary['removed']} 份；重复 {len(summary['duplicates'])} 个文件，失败 {len(summary['failed'])} 个文件"
    )
    skipped = summary.get("skipped", [])
    lines = [head + (f"，跳过 {len(skipped)} 个文件" if skipped else "")]
    lines += [f"  重复：{terminal_safe(d['path'])}（与 {terminal_safe(d['same_as'])} 内容相同）"
              for d in summary["duplicates"]]  # fmt: skip
    lines += [f"  失败：{terminal_safe(f['path'])}：{reason_zh(f['reason'])}" for f in summary["failed"]]
    lines += [f"  跳过：{terminal_safe(f['path'])}：{reason_zh(f['reason'])}" for f in skipped]
    return "\n".join(lines)


_CONTROL = re.compile("[\x00-\x1f\x7f-\x9f]")


def terminal_safe(name: str) -> str:
    """A file name on one line, with control characters escaped: a newline in a name must
    not split a summary line, and an escape sequence in one must not drive the terminal.

    >>> terminal_safe("a\\nb\\x1b[2J.txt")
    'a\\\\nb\\\\x1b[2J.txt'
    """
    return _CONTROL.sub(lambda m: repr(m[0])[1:-1], name)


def render_error(err: NianbaoError, query: str | None = None) -> str:
    """An error as a person reads it, once: the Chinese message, the query with a caret under
    the position, then the hint where the message does not already say what to do."""
    lines = [f"nianbao: {err.message_zh}"]
    position = getattr(err, "position", None)
    if query is not None and position is not None:
        lines += [f"  {query}", f"  {caret(query, position)}"]
    return "\n".join(lines + _next_step(err))


def _next_step(err: NianbaoError) -> list[str]:
    """The hint, unless the error has suggestions: a query error's message already names
    what was probably meant, in Chinese (its ``hint`` would say it a second time, in English).
    All suggestions stay in ``--json`` for scripts."""
    if getattr(err, "suggestions", None):
        return []
    hint = err.hint_zh or err.hint
    return [f"  提示：{hint}"] if hint else []
