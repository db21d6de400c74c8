"""The `nianbao` command line: records, readable Chinese output, errors printed once."""

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from indexer.cli import COMMANDS, error_object, main
from indexer.errors import NianbaoError
from indexer.messages_zh import reason_zh
from indexer.models import Check, Region, Report
from indexer.querylang import QueryError, parse
from indexer.textout import (
    caret,
    facet_value,
    render_error,
    render_report,
    render_results,
    render_summary,
)

SEEDS = Path(__file__).parent / "data" / "seeds"
SEED_000 = next(SEEDS.glob("000_*.txt"))


def run(capsys, *argv):
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def query_error(text: str) -> QueryError:
    """The library's own error for ``text``: the CLI must print exactly this, once."""
    with pytest.raises(QueryError) as info:
        parse(text)
    return info.value


@pytest.fixture(scope="module")
def index(tmp_path_factory):
    """The five seeds, ingested through the CLI (its summary line is checked here, exactly)."""
    folder = str(tmp_path_factory.mktemp("cli") / "index")
    code = main(["ingest", str(SEEDS), "--index", folder])
    assert code == 0
    return folder


# -- extract ---------------------------------------------------------------


def test_json_record_of_a_seed(capsys):
    code, out, err = run(capsys, "extract", str(SEED_000), "--json")
    assert code == 0 and err == ""
    record = json.loads(out)
    assert set(record) >= {
        "id", "source", "format", "title", "agency", "region", "year", "published",
        "template", "sections", "facets", "checks", "warnings",
    }  # fmt: skip
    assert record["source"] == str(SEED_000)
    assert record["format"] == "txt"
    assert record["agency"] == "重庆市荣昌区商务委员会"
    assert record["region"] == {"province": "重庆市", "city": None, "county": "荣昌区"}
    assert record["year"] == 2020 and record["template"] == "2019"
    assert record["facets"]["行政处罚.处理决定数"] == 12
    assert record["facets"]["政府集中采购.总金额_万元"] == 103.9
    assert record["checks"][0] == {
        "rule": "新收+上年结转=办理总计+结转下年",
        "ok": True,
        "detail": "0+0 = 0+0",
    }
    assert len(record["id"]) == 16


def test_readable_output_uses_the_ui_words(capsys):
    code, out, err = run(capsys, "extract", str(SEED_000))
    assert code == 0 and err == ""
    lines = out.splitlines()
    assert lines[:9] == [
        f"== {SEED_000}（txt）",
        "标题：    重庆市荣昌区商务委员会2020年政府信息公开工作年度报告",
        "机关：    重庆市荣昌区商务委员会",
        "地区：    重庆市 荣昌区",
        "年度：    2020 年",
        "发布日期：未载明",
        "模板：    2019 版模板",
        "章节：    总体情况、主动公开、依申请公开、复议诉讼、问题改进、其他事项",
        "指标：    202 项（其中 195 项为 0，未列出）",
    ]
    assert "  行政处罚.处理决定数 = 12 件" in lines
    assert "  政府集中采购.总金额_万元 = 103.9 万元" in lines
    assert lines[-2:] == ["勾稽关系：全部相符（28 项）", "检查：    全部通过（4 项）"]


def small_report(**changes) -> Report:
    fields = dict(
        id="0123456789abcdef", source="r.txt", format="txt", title=None, agency=None,
        region=Region(), year=None, published=None, template="free", sections={},
        facets={"政府集中采购.总金额_万元": 58.94840000001, "行政处罚.处理决定数": 12.0, "申请.新收": 0},
        checks=(Check("a=b", True, "1 = 1"), Check("新收=办结", False, "3 ≠ 2")),
        warnings=("table rows not found",),
        findings=(Check("文表不符", False, "申请.新收：正文 5 ≠ 表格 3"), Check("模板不符", True, "2009 年报告用自由格式")),
    )  # fmt: skip
    return Report(**{**fields, **changes})


def test_readable_report_rounds_numbers_and_says_what_is_unknown():
    assert render_report(small_report()) == "\n".join(
        [
            "== r.txt（txt）",
            "标题：    （无标题）",
            "机关：    未识别",
            "地区：    地区不详",
            "年度：    未识别",
            "发布日期：未载明",
            "模板：    自由格式（2019 年前）",
            "章节：    未找到",
            "指标：    3 项（其中 1 项为 0，未列出）",
            "  政府集中采购.总金额_万元 = 58.9484 万元",
            "  行政处罚.处理决定数 = 12 件",
            "勾稽关系：1 项不符，1 项相符",
            "  ✗ 不符 新收=办结：3 ≠ 2",
            "检查：    1 项未通过，1 项通过",
            "  ✗ 文表不符：申请.新收：正文 5 ≠ 表格 3",
            "提取提示：table rows not found",
        ]
    )
    bare = render_report(small_report(checks=(), warnings=(), findings=())).splitlines()
    assert bare[-2:] == ["勾稽关系：无法核对", "检查：    无可检查"]
    with_address = render_report(small_report(source_url="http://www.gov.cn/a.html")).splitlines()
    assert with_address[7:9] == ["原文地址：http://www.gov.cn/a.html", "章节：    未找到"]


@pytest.mark.parametrize(
    ("key", "value", "shown"),
    [
        ("政府集中采购.总金额_万元", 103.9, "103.9 万元"),
        ("政府集中采购.总金额_万元", 58.94840000001, "58.9484 万元"),
        ("政府集中采购.总金额_万元", 12.345678, "12.3457 万元"),
        ("政府集中采购.总金额_万元", 100.0, "100 万元"),
        ("政府集中采购.总金额_万元", -0.00001, "0 万元"),
        ("行政处罚.处理决定数", 12.0, "12 件"),
        ("行政处罚.处理决定数", 7, "7 件"),
        ("主动公开.条数", 1200, "1200 条"),
    ],
)
def test_values_for_people(key, value, shown):
    assert facet_value(key, value) == shown


def test_folder_with_broken_files_names_each_failure_once(tmp_path, capsys):
    shutil.copy(SEED_000, tmp_path / "good.txt")
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "noise.txt").write_bytes(os.urandom(4096))
    (tmp_path / "broken.pdf").write_bytes(b"%PDF-1.4\n1 0 obj<<>>\n")
    (tmp_path / "broken.docx").write_bytes(b"PK\x03\x04 truncated")
    (tmp_path / "notes.xyz").write_text("ignored: not a report type")
    code, out, err = run(capsys, "extract", str(tmp_path), "--json")
    assert code == 1
    records = [json.loads(line) for line in out.splitlines()]
    assert [Path(r["source"]).name for r in records] == ["good.txt"]
    lines = err.splitlines()
    for name in ("empty.txt", "noise.txt", "broken.pdf", "broken.docx"):
        assert len([line for line in lines if name in line]) == 1, err
    assert f"nianbao: {tmp_path / 'empty.txt'}: 文件是空的（0 字节）" in lines
    assert f"nianbao: {tmp_path / 'noise.txt'}: 看起来不是文本（没有一种已知编码能完整解码）" in lines
    assert (
        f"nianbao: {tmp_path / 'broken.docx'}: 不是可读的 Word .docx 文件（不是 zip 包：文件不完整或已损坏）"
        in lines
    )
    assert f"nianbao: {tmp_path / 'broken.pdf'}: 不是可读的 PDF（文件不完整或已损坏：" in err
    assert lines[-1] == "nianbao: 5 个文件中有 4 个无法读取"
    assert len(lines) == 5 and "Traceback" not in err


def test_unknown_extension_named_explicitly_is_an_error(tmp_path, capsys):
    path = tmp_path / "report.xyz"
    path.write_text("政府信息公开工作年度报告")
    code, out, err = run(capsys, "extract", str(path))
    assert code == 1 and out == ""
    assert err.startswith(f"nianbao: {path}: 不支持的文件类型 '.xyz'（支持：.txt")
    assert len(err.splitlines()) == 1


def test_missing_file(capsys, tmp_path):
    code, out, err = run(capsys, "extract", str(tmp_path / "nope.txt"))
    assert (code, out, err) == (1, "", f"nianbao: {tmp_path / 'nope.txt'}: 文件不存在\n")


def test_gbk_text_reads_like_utf8(tmp_path, capsys):
    path = tmp_path / "gbk.txt"
    path.write_bytes(SEED_000.read_text(encoding="utf-8").encode("gb18030"))
    code, out, _ = run(capsys, "extract", str(path), "--json")
    assert code == 0
    gbk = json.loads(out)
    code, out, _ = run(capsys, "extract", str(SEED_000), "--json")
    utf8 = json.loads(out)
    assert gbk["facets"] == utf8["facets"] and gbk["agency"] == utf8["agency"]


def test_report_without_tables_is_free_form_with_warnings(tmp_path, capsys):
    path = tmp_path / "free.txt"
    path.write_text(
        "某某县人民政府2012年政府信息公开工作年度报告\n"
        "一、概述\n本年度我县扎实推进政府信息公开工作。\n"
        "二、依申请公开情况\n全年共受理政府信息公开申请12件，均按时答复。\n",
        encoding="utf-8",
    )
    code, out, _ = run(capsys, "extract", str(path), "--json")
    record = json.loads(out)
    assert code == 0
    assert record["template"] == "free" and record["year"] == 2012
    assert record["facets"] == {"申请.新收": 12}


def test_a_file_that_is_not_a_report_is_skipped(tmp_path, capsys):
    note = tmp_path / "README.md"
    note.write_text("# 年报目录\n\n下列文件为各单位报送的材料。\n", encoding="utf-8")
    code, out, err = run(capsys, "extract", str(note), str(SEED_000), "--json")
    assert code == 0
    assert [json.loads(line)["source"] for line in out.splitlines()] == [str(SEED_000)]
    assert err == f"nianbao: {note}: 不是年度报告（没有带年份的报告标题，没有章节标题，也没有表格）；已跳过\n"


@pytest.mark.parametrize(
    ("reason", "zh"),
    [
        ("file not found", "文件不存在"),
        ("no such file", "文件不存在"),
        ("not a regular file", "不是普通文件"),
        ("file is empty (0 bytes)", "文件是空的（0 字节）"),
        ("unsupported file type '.xyz' (supported: .txt, .md)", "不支持的文件类型 '.xyz'（支持：.txt, .md）"),
        (
            "OpenDocument (.odt) files are not read: save it as .docx, PDF or HTML",
            "不读取 OpenDocument (.odt) 文件：请另存为 .docx、PDF 或 HTML",
        ),
        ("cannot open file: Permission denied", "无法打开文件：没有权限"),
        ("cannot read file: Is a directory", "无法读取文件：这是一个文件夹"),
        ("cannot read as html: ParserError: bad", "无法按 html 格式读取：ParserError: bad"),
        ("PDF is encrypted (a password is needed to read it)", "PDF 已加密（需要密码才能读取）"),
        ("not a readable Word .docx file (KeyError: x)", "不是可读的 Word .docx 文件（KeyError: x）"),
        ("reading PDF files needs the package 'pdfplumber'", "读取 PDF 文件需要安装 pdfplumber 包（pip install pdfplumber）"),
        ("extraction failed (IndexError: list index out of range)", "提取时出错（IndexError: list index out of range）"),
        ("not a report (something new)", "不是年度报告（something new）"),
        ("Permission denied", "没有权限"),
        ("unknown error", "未知错误"),
        ("a reason nobody translated yet", "a reason nobody translated yet"),
    ],
)  # fmt: skip
def test_reasons_in_chinese(reason, zh):
    assert reason_zh(reason) == zh


# -- ingest ----------------------------------------------------------------


def test_ingest_summary_in_chinese(tmp_path, capsys):
    shutil.copytree(SEEDS, tmp_path / "reports")
    shutil.copy(SEED_000, tmp_path / "reports" / "copy.txt")
    (tmp_path / "reports" / "empty.txt").write_bytes(b"")
    index = str(tmp_path / "index")
    code, out, err = run(capsys, "ingest", str(tmp_path / "reports"), "--index", index, "--workers", "1")
    assert code == 1 and err == ""
    duplicate = [line for line in out.splitlines() if line.startswith("  重复：")]
    assert out.splitlines()[0] == "新增 5 份，替换 0 份，未变 0 份，移除 0 份；重复 1 个文件，失败 1 个文件"
    assert len(duplicate) == 1 and "内容相同）" in duplicate[0]
    assert out.splitlines()[-1] == f"  失败：{tmp_path / 'reports' / 'empty.txt'}：文件是空的（0 字节）"


def test_render_summary_lists_each_file_once():
    summary = {
        "added": 1, "replaced": 2, "unchanged": 3, "removed": 0,
        "duplicates": [{"path": "b.txt", "same_as": "/r/a.txt"}],
        "failed": [{"path": "c.pdf", "reason": "PDF is encrypted (a password is needed to read it)"}],
        "skipped": [{"path": "README.md", "reason": "not a report (no report title with a year, no section headings, no tables)"}],
    }  # fmt: skip
    assert render_summary(summary) == (
        "新增 1 份，替换 2 份，未变 3 份，移除 0 份；重复 1 个文件，失败 1 个文件，跳过 1 个文件\n"
        "  重复：b.txt（与 /r/a.txt 内容相同）\n"
        "  失败：c.pdf：PDF 已加密（需要密码才能读取）\n"
        "  跳过：README.md：不是年度报告（没有带年份的报告标题，没有章节标题，也没有表格）"
    )


def test_bad_arguments_are_refused_in_chinese(capsys):
    with pytest.raises(SystemExit) as info:
        main(["ingest", str(SEEDS), "--workers", "0"])
    assert info.value.code == 2
    assert capsys.readouterr().err.splitlines()[-1] == "nianbao ingest: 参数 --workers：0 不在 1–1024 之间"
    with pytest.raises(SystemExit) as info:
        main(["search"])
    assert info.value.code == 2
    assert capsys.readouterr().err.splitlines()[-1] == "nianbao search: 缺少参数：query"
    with pytest.raises(SystemExit):
        main(["search", "x", "--limit", "ten"])
    assert capsys.readouterr().err.splitlines()[-1] == "nianbao search: 参数 --limit：'ten' 不是整数"


def test_no_command_is_misuse(capsys):
    with pytest.raises(SystemExit) as exit_info:
        main([])
    assert exit_info.value.code == 2
    assert capsys.readouterr().err.splitlines()[-1] == "nianbao: 缺少参数：COMMAND"


def test_an_index_folder_that_is_a_file_is_one_chinese_line(tmp_path, capsys):
    blocker = tmp_path / "index"
    blocker.write_text("not a folder")
    code, out, err = run(capsys, "ingest", str(SEED_000), "--index", str(blocker))
    assert (code, out, err) == (1, "", f"nianbao: {blocker}: 已有同名的文件\n")


def test_a_bug_is_one_line_not_a_traceback(capsys, monkeypatch):
    def broken(args):
        raise RuntimeError("boom")

    monkeypatch.setitem(COMMANDS, "extract", broken)
    monkeypatch.delenv("NIANBAO_DEBUG", raising=False)
    code, out, err = run(capsys, "extract", str(SEED_000))
    assert (code, out) == (1, "")
    assert err == (
        "nianbao: 内部错误（RuntimeError: boom）\n"
        "  提示：这是 nianbao 的缺陷，请报告；设置 NIANBAO_DEBUG=1 再运行可看到完整的回溯\n"
    )
    monkeypatch.setenv("NIANBAO_DEBUG", "1")
    with pytest.raises(RuntimeError):
        main(["extract", str(SEED_000)])


def test_console_script_is_installed():
    exe = shutil.which("nianbao") or str(Path(sys.executable).with_name("nianbao"))
    result = subprocess.run(
        [exe, "extract", str(SEED_000), "--json"], capture_output=True, text=True, timeout=120
    )
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)["facets"]["行政处罚.处理决定数"] == 12


# -- search ----------------------------------------------------------------


def test_ingest_then_search_from_the_command_line(tmp_path, capsys):
    index = str(tmp_path / "index")
    code, out, _ = run(capsys, "ingest", str(SEEDS), "--index", index)
    assert (code, out) == (0, "新增 5 份，替换 0 份，未变 0 份，移除 0 份；重复 0 个文件，失败 0 个文件\n")
    code, out, _ = run(capsys, "search", "行政处罚 > 10 in 2020", "--index", index, "--explain")
    assert code == 0
    lines = out.splitlines()
    assert lines[0] == "系统理解为：行政处罚.处理决定数 > 10 AND year = 2020"
    assert lines[1].startswith("找到 1 份报告，显示第 1–1 份（用时 ") and lines[1].endswith(" 毫秒）")
    assert lines[2:] == [
        "1. 重庆市荣昌区商务委员会2020年政府信息公开工作年度报告",
        "   重庆市荣昌区商务委员会 · 重庆市 荣昌区 · 2020 年 · 2019 版模板 · 编号 e5d9f09114b95efd",
        "   行政处罚.处理决定数 = 12 件",
        "",
        "年度：2020 年（1）",
        "省份：重庆市（1）",
        "级别：县级（1）",
        "报告模板：2019 版模板（1）",
        "勾稽关系：全部相符（1）",
    ]
    code, out, _ = run(capsys, "search", "问题:人手不足", "--index", index, "--json")
    answer = json.loads(out)
    assert answer["total"] == 1
    assert answer["results"][0]["highlights"][0]["section"] == "问题改进"


def test_search_json_keeps_full_values(index, capsys):
    code, out, _ = run(capsys, "search", "采购金额 > 50万", "--index", index, "--json")
    assert code == 0
    values = sorted(hit["facets"]["政府集中采购.总金额_万元"] for hit in json.loads(out)["results"])
    assert values == [58.9484, 103.9]


def answer_of(results: list[dict], **changes) -> dict:
    answer = {
        "query": "q", "parsed": "q", "total": len(results), "page": 1, "per_page": 10, "took_ms": 3.1,
        "results": results,
        "facet_counts": {"year": {"2019": 1, "2021": 2}, "province": {"重庆市": 3}, "template": {"free": 3},
                         "consistent": {"no": 1, "unknown": 2}},
    }  # fmt: skip
    return {**answer, **changes}


def test_render_results_exactly():
    hit = {
        "id": "0123456789abcdef", "title": None, "agency": None, "region": {"province": None},
        "year": None, "template": "free", "score": 1.0,
        "facets": {"政府集中采购.总金额_万元": 0.123456, "申请.新收": 5.0},
        "highlights": [{"section": "问题改进", "fragment": "机关<mark>人手</mark>不足 &amp; 其他"}],
        "url": "/reports/0123456789abcdef",
    }  # fmt: skip
    assert render_results(answer_of([hit], total=21, page=3)) == "\n".join(
        [
            "找到 21 份报告，显示第 21–21 份（用时 3.1 毫秒）",
            "21. （无标题）",
            "   机关不详 · 地区不详 · 年度不详 · 自由格式（2019 年前） · 编号 0123456789abcdef",
            "   政府集中采购.总金额_万元 = 0.1235 万元",
            "   申请.新收 = 5 件",
            "   问题改进：机关【人手】不足 & 其他",
            "",
            "年度：2021 年（2）、2019 年（1）",
            "省份：重庆市（3）",
            "报告模板：自由格式（2019 年前）（3）",
            "勾稽关系：合计不符（1）、无法核对（2）",
        ]
    )


def test_render_results_when_nothing_is_shown():
    nothing = answer_of([], facet_counts={})
    assert render_results(nothing) == "没有符合条件的报告（用时 3.1 毫秒）。"
    beyond = answer_of([], total=12, page=5, facet_counts={})
    assert render_results(beyond) == "找到 12 份报告（用时 3.1 毫秒）；第 5 页没有结果了（共 2 页）。"


def test_bad_query_exits_2_with_a_caret(index, capsys):
    code, out, err = run(capsys, "search", "问题:(", "--index", index)
    assert code == 2 and out == ""
    expected = query_error("问题:(")
    assert expected.message_zh != expected.message  # a person reads Chinese
    assert err == f"nianbao: {expected.message_zh}\n  问题:(\n       ^\n"


def test_bad_query_with_json_is_the_api_error_object_on_stdout(index, capsys):
    code, out, err = run(capsys, "search", "行政处法 > 1", "--index", index, "--json")
    assert (code, err) == (2, "")
    expected = query_error("行政处法 > 1")
    assert (
        out
        == json.dumps(
            {
                "error": {
                    "code": "unknown_facet",
                    "message": expected.message,
                    "message_zh": expected.message_zh,
                    "position": 0,
                    "suggestions": expected.suggestions,
                    "hint": expected.hint,
                    "hint_zh": expected.hint_zh,
                }
            },
            ensure_ascii=False,
        )
        + "\n"
    )
    assert expected.message.startswith("at character 1: unknown facet '行政处法'")
    assert expected.suggestions[0] == "行政处罚"


@pytest.mark.parametrize(
    "query", ["行政处法 > 1", "foo:bar", "申请 > 1", "行政处罚 > 5斤", "模板:2020", "勾稽:也许"]
)
def test_a_query_error_is_printed_once_in_chinese(index, capsys, query):
    code, out, err = run(capsys, "search", query, "--index", index)
    assert code == 2 and out == ""
    expected = query_error(query)
    # the message names what was meant; no suggestion list or English hint repeats it
    assert err == f"nianbao: {expected.message_zh}\n  {query}\n  {caret(query, expected.position)}\n"
    assert expected.message_zh.startswith(f"第 {expected.position + 1} 个字符处：")


def test_a_descending_sort_and_a_not_query_may_begin_with_a_dash(index, capsys):
    # argparse takes "-year" after --sort, and a query "-模板:2019", for options of their own.
    code, out, err = run(capsys, "search", "in 2019-2021", "--index", index, "--sort", "-year", "--json")
    assert (code, err) == (0, "")
    answer = json.loads(out)
    years = [hit["year"] for hit in answer["results"]]
    assert answer["sort"] == "-year" and len(years) == 5 and years == sorted(years, reverse=True)
    code, out, err = run(capsys, "--index", index, "search", "-模板:2021", "--limit", "5", "--json")
    assert (code, err) == (0, "")
    dashed = json.loads(out)
    code, out, err = run(capsys, "--index", index, "search", "NOT 模板:2021", "--limit", "5", "--json")
    spelled = json.loads(out)
    assert dashed["parsed"] == spelled["parsed"] == "NOT template:2021"
    assert dashed["total"] == spelled["total"] == 5
    assert [hit["id"] for hit in dashed["results"]] == [hit["id"] for hit in spelled["results"]]
    code, out, err = run(capsys, "search", "in 2019-2021", "--index", index, "--sort=-year", "--json")
    assert json.loads(out)["sort"] == "-year"


def test_a_sort_option_without_its_value_is_still_refused(index, capsys):
    with pytest.raises(SystemExit) as info:
        main(["search", "培训", "--index", index, "--sort", "--json"])
    assert info.value.code == 2
    assert capsys.readouterr().err.splitlines()[-1] == "nianbao search: 参数 --sort 后面需要一个值"


def test_other_bad_input_with_json_is_an_error_object_too(index, tmp_path, capsys):
    code, out, err = run(capsys, "search", "in 2020", "--index", index, "--sort", "price", "--json")
    assert (code, err) == (2, "")
    assert json.loads(out)["error"]["code"] == "bad_sort"
    code, out, err = run(capsys, "search", "in 2020", "--index", str(tmp_path / "none"), "--json")
    assert (code, err) == (1, "")
    body = json.loads(out)["error"]
    assert (body["code"], body["message"]) == ("index_missing", f"no index in {tmp_path / 'none'}")
    assert list(body) == ["code", "message", "message_zh", "position", "suggestions", "hint", "hint_zh"]
    assert body["message_zh"] != body["message"] and body["hint_zh"] != body["hint"]


def test_render_error_says_each_thing_once():
    unknown = QueryError(
        "unknown_facet",
        "unknown facet 'x'",
        2,
        ["甲", "乙", "丙", "丁"],
        zh="未知指标“x”；您是否想找：甲、乙、丙？",
    )
    assert (
        render_error(unknown, "a  x")
        == "nianbao: 第 3 个字符处：未知指标“x”；您是否想找：甲、乙、丙？\n  a  x\n    ^"
    )
    named = QueryError(
        "bad_template", "unknown template 'x'", 3, ["2019", "2021"], zh="未知模板“x”（可用：2019、2021）"
    )
    assert (
        render_error(named, "模板:x")
        == "nianbao: 第 4 个字符处：未知模板“x”（可用：2019、2021）\n  模板:x\n       ^"
    )
    missing = NianbaoError(
        "no index in /x", hint="run `nianbao ingest PATH...` first", message_zh="/x 中没有索引"
    )
    assert render_error(missing) == "nianbao: /x 中没有索引\n  提示：run `nianbao ingest PATH...` first"


def test_error_object_is_the_api_shape():
    err = QueryError("bad_number", "'x' is not a number", 4, zh="“x”不是数字")
    assert error_object(err) == {
        "error": {
            "code": "bad_number",
            "message": "at character 5: 'x' is not a number",
            "message_zh": "第 5 个字符处：“x”不是数字",
            "position": 4,
            "suggestions": [],
        }
    }
    missing = NianbaoError("no index in /x", hint="run ingest", message_zh="/x 中没有索引")
    missing.hint_zh = "请先运行 nianbao ingest"
    assert error_object(missing) == {
        "error": {
            "code": "nianbao_error",
            "message": "no index in /x",
            "message_zh": "/x 中没有索引",
            "position": None,
            "suggestions": [],
            "hint": "run ingest",
            "hint_zh": "请先运行 nianbao ingest",
        }
    }


def test_caret_counts_wide_characters_twice():
    assert caret("问题:(", 3) == "     ^"
    assert caret("ab", 0) == "^"


def test_limit_options_are_refused_in_chinese_out_of_range(capsys):
    for option, value, message in [
        ("--file-timeout", "0", "参数 --file-timeout：0 不在 1–86400 之间"),
        ("--memory-limit", "-1", "参数 --memory-limit：-1 不在 0–1048576 之间"),
    ]:
        with pytest.raises(SystemExit) as info:
            main(["ingest", str(SEEDS), option, value])
        assert info.value.code == 2
        assert capsys.readouterr().err.splitlines()[-1] == f"nianbao ingest: {message}"


def test_search_paging_options_are_named_by_their_option(capsys):
    # The search's own bounds, said in the CLI's terms (the API names per_page and page).
    for option, value, message in [
        ("--limit", "0", "参数 --limit：0 不在 1–100 之间"),
        ("--limit", "101", "参数 --limit：101 不在 1–100 之间"),
        ("--page", "0", "参数 --page：0 不在 1–10000 之间"),
        ("--page", "x", "参数 --page：'x' 不是整数"),
    ]:
        with pytest.raises(SystemExit) as info:
            main(["search", "培训", option, value])
        assert info.value.code == 2
        assert capsys.readouterr().err.splitlines()[-1] == f"nianbao search: {message}"


def test_extract_names_what_a_folder_walk_passed_over(tmp_path, capsys):
    shutil.copy(SEED_000, tmp_path / "good.txt")
    os.mkfifo(tmp_path / "pipe.txt")
    (tmp_path / "dangling.txt").symlink_to(tmp_path / "missing.txt")
    gbk = Path(os.fsdecode(os.fsencode(tmp_path) + b"/\xbf\xd5.txt"))  # 空.txt in GBK
    gbk.write_bytes(b"")
    code, out, err = run(capsys, "extract", str(tmp_path), "--json")
    assert code == 1
    assert [Path(json.loads(line)["source"]).name for line in out.splitlines()] == ["good.txt"]
    assert err.splitlines() == [
        f"nianbao: {tmp_path / 'dangling.txt'}: 符号链接指向的目标不存在",
        f"nianbao: {tmp_path / 'pipe.txt'}: 不是普通文件（命名管道）；已跳过",
        f"nianbao: {tmp_path / '空.txt'}: 文件是空的（0 字节）",
        "nianbao: 4 个文件中有 2 个无法读取",
    ]
