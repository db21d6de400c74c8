"""Numbers stated in sentences of free-form (pre-2019) reports."""

from __future__ import annotations

from pathlib import Path

import pytest

from indexer.extract.freeform import extract_freeform_facets
from indexer.registry import facets

DATA = Path(__file__).parent / "data"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("全年共受理政府信息公开申请12件，均按时答复。", {"申请.新收": 12}),
        ("共收到政府信息公开申请3件。", {"申请.新收": 3}),
        ("全年受理政府信息公开申请十二件。", {"申请.新收": 12}),
        ("收到公开申请0件；因政府信息公开引发的行政诉讼0件。", {"申请.新收": 0, "诉讼.总计": 0}),
        ("未收到政府信息公开申请。", {"申请.新收": 0}),
        ("2017年没有收到政府信息公开申请。", {"申请.新收": 0}),
        ("全年没有收到依申请公开政府信息的申请。", {"申请.新收": 0}),
        ("未发生因政府信息公开申请行政复议、提起行政诉讼的情况。", {"复议.总计": 0, "诉讼.总计": 0}),
        ("2011年未收到有关政府信息公开行政复议申请。", {"复议.总计": 0}),
        (
            "共收到政府信息公开申请12件，其中同意公开8件，同意部分公开2件，不予公开2件，已全部办结12件。",
            {
                "申请.新收": 12,
                "申请.予以公开": 8,
                "申请.部分公开": 2,
                "申请.不予公开": 2,
                "申请.办理总计": 12,
            },
        ),
        ("依申请公开办理中，结转下年度继续办理1件。", {"申请.结转下年": 1}),
        ("因政府信息公开申请提起行政复议2件、行政诉讼1件。", {"复议.总计": 2, "诉讼.总计": 1}),
        (
            "未发生政府信息公开行政复议案件，发生政府信息公开行政诉讼1件。",
            {"复议.总计": 0, "诉讼.总计": 1},
        ),
        # Not stated, or not about information-disclosure applications: nothing.
        ("主动公开信息70余条。", {}),
        ("共受理政府信息公开申请10余件。", {}),
        ("累计收件9898件，累计办结9542件。", {}),
        ("全年行政复议案件3件。", {}),
        ("作为依申请公开信息数46条，不予公开信息数1402。", {}),
        ("受理依申请公开信息总数 条 0 0 行政复议数 条 0 0", {}),
        ("无法提供的政府信息，依法告知申请人。", {}),
        ("", {}),
    ],
)
def test_sentences(text: str, expected: dict[str, int]) -> None:
    assert extract_freeform_facets(text) == (expected, [])


def test_disagreeing_sentences_are_left_out_with_a_warning() -> None:
    found, warnings = extract_freeform_facets(
        "全年共受理政府信息公开申请12件。其中区本级受理政府信息公开申请5件，均已予以公开5件。"
    )
    assert found == {"申请.予以公开": 5}
    assert len(warnings) == 1 and warnings[0].startswith("申请.新收: sentences disagree (12 in")


def test_same_value_twice_is_not_a_conflict() -> None:
    text = "未收到政府信息公开申请。全年收到政府信息公开申请0件。"
    assert extract_freeform_facets(text) == ({"申请.新收": 0}, [])


def test_keys_are_registry_facets() -> None:
    text = "共收到政府信息公开申请12件，同意公开8件，部分公开2件，不予公开2件，办结12件，结转下年度0件。未发生政府信息公开行政复议、行政诉讼。"
    found, _ = extract_freeform_facets(text)
    assert len(found) == 8
    assert set(found) <= set(facets())


@pytest.mark.parametrize(
    ("report", "expected"),
    [
        # 三、…2017年未收到有关政府信息公开申请。四、…2017年未收到有关政府信息公开行政复议、提起行政诉讼的申请。
        ("04", {"申请.新收": 0, "复议.总计": 0, "诉讼.总计": 0}),
        # 2011年全区未收到有关政府信息公开的申请，未收到有关政府信息公开行政复议申请。(诉讼 not stated)
        ("05", {"申请.新收": 0, "复议.总计": 0}),
        ("06", {"申请.新收": 0, "复议.总计": 0}),
    ],
)
def test_real_reports(report: str, expected: dict[str, int]) -> None:
    (path,) = (DATA / "real").glob(f"{report}*.txt")
    assert extract_freeform_facets(path.read_text(encoding="utf-8")) == (expected, [])
