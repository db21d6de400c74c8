"""`nianbao extract`: records, readable output, and bad input."""

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from indexer.cli import main

SEEDS = Path(__file__).parent / "data" / "seeds"
SEED_000 = next(SEEDS.glob("000_*.txt"))


def run(capsys, *argv):
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_json_record_of_a_seed(capsys):
    code, out, err = run(capsys, "extract", str(SEED_000), "--json")
    assert code == 0 and err == ""
    record = json.loads(out)
    assert set(record) >= {
        "id", "source", "format", "title", "agency", "region", "year", "published",
        "template", "sections", "facets", "checks", "warnings",
    }
    assert record["source"] == str(SEED_000)
    assert record["format"] == "txt"
    assert record["agency"] == "重庆市荣昌区商务委员会"
    assert record["region"] == {"province": "重庆市", "city": None, "county": "荣昌区"}
    assert record["year"] == 2020 and record["template"] == "2019"
    assert record["facets"]["行政处罚.处理决定数"] == 12
    assert record["facets"]["政府集中采购.总金额_万元"] == 103.9
    assert record["checks"][0] == {"rule": "新收+上年结转=办理总计+结转下年", "ok": True, "detail": "0+0 = 0+0"}
    assert len(record["id"]) == 16


def test_readable_output(capsys):
    code, out, _ = run(capsys, "extract", str(SEED_000))
    assert code == 0
    assert "重庆市荣昌区商务委员会" in out
    assert "行政处罚.处理决定数 = 12" in out


def test_folder_with_broken_files_extracts_the_rest(tmp_path, capsys):
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
    for name in ("empty.txt", "noise.txt", "broken.pdf", "broken.docx"):
        assert name in err
    assert "Traceback" not in err
    assert "4 file(s) could not be read" in err


def test_unknown_extension_named_explicitly_is_an_error(tmp_path, capsys):
    path = tmp_path / "report.xyz"
    path.write_text("政府信息公开工作年度报告")
    code, out, err = run(capsys, "extract", str(path))
    assert code == 1 and out == ""
    assert "report.xyz" in err and "unsupported" in err
    assert len([line for line in err.splitlines() if "report.xyz" in line]) >= 1


def test_missing_file(capsys, tmp_path):
    code, _, err = run(capsys, "extract", str(tmp_path / "nope.txt"))
    assert code == 1 and "nope.txt" in err


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
    assert err == f"nianbao: {note}: not a report (no report title with a year, no section headings, no tables); skipped\n"


def test_no_command_is_misuse(capsys):
    with pytest.raises(SystemExit) as exit_info:
        main([])
    assert exit_info.value.code == 2


def test_console_script_is_installed():
    exe = shutil.which("nianbao") or str(Path(sys.executable).with_name("nianbao"))
    result = subprocess.run(
        [exe, "extract", str(SEED_000), "--json"], capture_output=True, text=True, timeout=120
    )
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)["facets"]["行政处罚.处理决定数"] == 12


def test_ingest_then_search_from_the_command_line(tmp_path, capsys):
    index = str(tmp_path / "index")
    code, out, _ = run(capsys, "ingest", str(SEEDS), "--index", index)
    assert code == 0 and out.startswith("added 5, replaced 0, unchanged 0, removed 0")
    code, out, _ = run(capsys, "search", "行政处罚 > 10 in 2020", "--index", index, "--explain")
    assert code == 0
    assert out.splitlines()[0] == "parsed: 行政处罚.处理决定数 > 10 AND year = 2020"
    assert "重庆市荣昌区商务委员会  2020" in out and "行政处罚.处理决定数 = 12" in out
    code, out, _ = run(capsys, "search", "问题:人手不足", "--index", index, "--json")
    answer = json.loads(out)
    assert answer["total"] == 1
    assert answer["results"][0]["highlights"][0]["section"] == "问题改进"


def test_bad_query_exits_2_with_a_caret(tmp_path, capsys, monkeypatch):
    monkeypatch.setenv("NIANBAO_INDEX", str(tmp_path / "index"))
    run(capsys, "ingest", str(SEED_000))
    code, out, err = run(capsys, "search", "问题:(")
    assert code == 2 and out == ""
    lines = err.splitlines()
    assert lines[0].startswith("nianbao: at character 4:")
    assert lines[1] == "  问题:(" and lines[2] == "       ^"
