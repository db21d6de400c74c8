"""A report whose section headings are not recognised keeps its whole text, searchably."""

from indexer.extract import extract_path
from indexer.ingest import ingest
from indexer.search import search
from indexer.store import UNSECTIONED_PART, open_existing, to_document

# Headings in no wording the section finder knows: the text is the report all the same.
REPORT = """某县水务局2020年政府信息公开工作年度报告
甲　本年度的工作概要
本局围绕防汛抗旱和河长制落实信息公开，全年发布蓄滞洪区调度公告十二期。
乙　下一步打算
继续推进节水型社会建设信息公开。
"""
LINES = [line.strip() for line in REPORT.splitlines() if line.strip()]


def test_unrecognised_headings_keep_the_whole_text_in_the_record(tmp_path):
    path = tmp_path / "water.txt"
    path.write_text(REPORT, encoding="utf-8")
    report = extract_path(path)
    assert report.sections == {}
    assert "no section headings recognised: the whole text is kept, unsectioned" in report.warnings
    assert report.unsectioned == "\n".join(LINES)
    assert report.to_record()["unsectioned"] == "\n".join(LINES)


def test_recognised_sections_add_no_unsectioned_text():
    from pathlib import Path

    seed = next((Path(__file__).parent / "data" / "seeds").glob("001_*.txt"))
    report = extract_path(seed)
    assert report.unsectioned == ""
    assert "unsectioned" not in report.to_record()


def test_unsectioned_text_is_its_own_part_of_the_content_field(tmp_path):
    path = tmp_path / "water.txt"
    path.write_text(REPORT, encoding="utf-8")
    content = to_document(extract_path(path), str(path))["content"]
    assert UNSECTIONED_PART == 7
    assert content.endswith("\x1e7" + "\n".join(LINES))


def test_a_part_mark_inside_a_file_cannot_move_its_text(tmp_path):
    path = tmp_path / "marks.txt"
    path.write_text(REPORT.replace("蓄滞洪区", "蓄滞\x1e3洪区"), encoding="utf-8")
    content = to_document(extract_path(path), str(path))["content"]
    assert "\x1e3" not in content and "蓄滞 3洪区" in content


def test_unsectioned_report_is_found_by_a_word_only_in_its_text(tmp_path):
    folder = tmp_path / "reports"
    folder.mkdir()
    (folder / "water.txt").write_text(REPORT, encoding="utf-8")
    summary = ingest([folder], tmp_path / "index", workers=1)
    assert len(summary.added) == 1 and not summary.failed
    index = open_existing(tmp_path / "index")
    for words in ("蓄滞洪区", '"节水型社会建设"', "调度公告 河长制"):
        answer = search(index, words)
        assert [r["title"] for r in answer["results"]] == ["某县水务局2020年政府信息公开工作年度报告"], words
    # Held to a section, it is not there: no section holds it.
    assert search(index, "问题:蓄滞洪区")["total"] == 0


def test_unsectioned_text_is_highlighted_and_shown_on_the_report_page(tmp_path):
    from search_web import create_app

    folder = tmp_path / "reports"
    folder.mkdir()
    (folder / "water.txt").write_text(REPORT, encoding="utf-8")
    ingest([folder], tmp_path / "index", workers=1)
    (hit,) = search(open_existing(tmp_path / "index"), "蓄滞洪区")["results"]
    shown = "…作年度报告 " + " ".join(LINES[1:]).replace("蓄滞洪区", "<mark>蓄滞洪区</mark>")
    assert hit["highlights"] == [{"section": "全文", "fragment": shown}]
    client = create_app({"INDEX_DIR": str(tmp_path / "index"), "TESTING": True}).test_client()
    page = client.get(f"/reports/{hit['id']}").get_data(as_text=True)
    assert '<section class="report-section" id="whole-text">' in page
    assert "继续推进节水型社会建设信息公开。" in page
