"""The query language: input → normal form, bad input → error code and position."""

import ast
import contextlib
import random
import re
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from indexer import querylang
from indexer.errors import NianbaoError
from indexer.querylang import (
    And,
    CheckFilter,
    Compare,
    Field,
    Not,
    Or,
    QueryError,
    Scoped,
    Word,
    YearRange,
    conditions,
    parse,
    scoped_words,
)
from indexer.querylang.parser import MAX_CHARS
from indexer.registry import ALIASES

NORMAL_FORMS = [
    # words and phrases
    ("培训 宣传", "培训 AND 宣传"),
    ('"人手不足"', '"人手不足"'),
    ("“人手不足”", '"人手不足"'),
    ("‘人手不足’", '"人手不足"'),
    ("行政处罚", "行政处罚"),
    ("超过期限", "超过期限"),
    ("2020", "2020"),
    # facet comparisons (the spec's examples)
    ("行政处罚 > 10", "行政处罚.处理决定数 > 10"),
    ("申请.新收>=5", "申请.新收 >= 5"),
    ("采购金额 > 50万", "政府集中采购.总金额_万元 > 50"),
    ("采购金额 > 500000元", "政府集中采购.总金额_万元 > 50"),
    ("行政复议 大于 0", "复议.总计 > 0"),
    ("行政处罚 > 10 in 2020", "行政处罚.处理决定数 > 10 AND year = 2020"),
    # operators, ASCII, full-width and words
    ("行政处罚 >= 3", "行政处罚.处理决定数 >= 3"),
    ("行政处罚 < 3", "行政处罚.处理决定数 < 3"),
    ("行政处罚 <= 3", "行政处罚.处理决定数 <= 3"),
    ("行政处罚 = 3", "行政处罚.处理决定数 = 3"),
    ("行政处罚 != 3", "行政处罚.处理决定数 != 3"),
    ("行政处罚＞３", "行政处罚.处理决定数 > 3"),
    ("行政处罚 ≥ 3", "行政处罚.处理决定数 >= 3"),
    ("行政处罚＜3", "行政处罚.处理决定数 < 3"),
    ("行政处罚 ≤ 3", "行政处罚.处理决定数 <= 3"),
    ("行政处罚＝3", "行政处罚.处理决定数 = 3"),
    ("行政处罚！＝3", "行政处罚.处理决定数 != 3"),
    ("行政处罚 ≠ 3", "行政处罚.处理决定数 != 3"),
    ("行政处罚 超过 3", "行政处罚.处理决定数 > 3"),
    ("行政处罚 小于 3", "行政处罚.处理决定数 < 3"),
    ("行政处罚 不少于 3", "行政处罚.处理决定数 >= 3"),
    ("行政处罚 不超过 3", "行政处罚.处理决定数 <= 3"),
    ("行政处罚 等于 3", "行政处罚.处理决定数 = 3"),
    ("行政处罚 不等于 3", "行政处罚.处理决定数 != 3"),
    ("行政复议大于0", "复议.总计 > 0"),
    ("行政处罚不超过3", "行政处罚.处理决定数 <= 3"),
    # numbers and units
    ("行政处罚 > 一百二十", "行政处罚.处理决定数 > 120"),
    ("行政处罚 > 1,000", "行政处罚.处理决定数 > 1000"),
    ("行政处罚 > 10件", "行政处罚.处理决定数 > 10"),
    ("行政处罚 > 10 件", "行政处罚.处理决定数 > 10"),
    ("采购项目 > 3个", "政府集中采购.项目数 > 3"),
    ("采购项目 > 3项", "政府集中采购.项目数 > 3"),
    ("行政处罚.本年增减 < -3", "行政处罚.本年增减 < -3"),
    ("采购金额 > 50万元", "政府集中采购.总金额_万元 > 50"),
    ("采购金额 > 1.5亿", "政府集中采购.总金额_万元 > 15000"),
    ("采购金额 > 1亿元", "政府集中采购.总金额_万元 > 10000"),
    ("采购金额 > 300千元", "政府集中采购.总金额_万元 > 30"),
    ("采购金额 > 589484.00元", "政府集中采购.总金额_万元 > 58.9484"),
    ("采购金额 > 五十万", "政府集中采购.总金额_万元 > 50"),
    ("采购金额 > 103.9", "政府集中采购.总金额_万元 > 103.9"),
    # name resolution: canonical key, prefix
    ("行政处罚.处理决定数 > 1", "行政处罚.处理决定数 > 1"),
    ("行政许可.处理 > 1", "行政许可.处理决定数 > 1"),
    ("申请.新 > 1", "申请.新收 > 1"),
    # years
    ("in 2020", "year = 2020"),
    ("IN 2020", "year = 2020"),
    ("in 2019-2021", "year in 2019..2021"),
    ("in 2019..2021", "year in 2019..2021"),
    ("in 2019 - 2021", "year in 2019..2021"),
    ("in 2019至2021", "year in 2019..2021"),
    ("2020年", "year = 2020"),
    ("2020年度", "year = 2020"),
    ("2019-2021年", "year in 2019..2021"),
    ("year:2020", "year = 2020"),
    ("年份：2019-2021", "year in 2019..2021"),
    ("year = 2020", "year = 2020"),
    ("year >= 2019", "year >= 2019"),
    ("year > 2019", "year >= 2020"),
    ("year <= 2020", "year <= 2020"),
    ("year in 2019..2021", "year in 2019..2021"),
    ("year != 2020", "NOT year = 2020"),
    # section scopes
    ("问题:人手不足", "问题改进:人手不足"),
    ("问题:(培训 宣传)", "问题改进:(培训 AND 宣传)"),
    ('问题:"公开意识"', '问题改进:"公开意识"'),
    ("问题：（培训 或 宣传）", "问题改进:(培训 OR 宣传)"),
    ("改进:人手", "问题改进:人手"),
    ("问题改进:人手", "问题改进:人手"),
    ("总体情况:概述", "总体情况:概述"),
    ("主动公开:网站", "主动公开:网站"),
    ("依申请公开:申请", "依申请公开:申请"),
    ("复议诉讼:败诉", "复议诉讼:败诉"),
    ("其他事项:收费", "其他事项:收费"),
    ("其他:收费", "其他事项:收费"),
    ("问题:(培训 -宣传)", "问题改进:(培训 AND NOT 宣传)"),
    ("全文:培训", "全文:培训"),
    # metadata fields and the check
    ("机关:商务", "agency:商务"),
    ("agency:商务", "agency:商务"),
    ("地区:重庆", "region:重庆"),
    ("region:重庆", "region:重庆"),
    ('机关:"重庆 商务"', 'agency:"重庆 商务"'),
    ("模板:2021", "template:2021"),
    ("template:2019", "template:2019"),
    ("模板:free", "template:free"),
    ("模板:2019版", "template:2019"),
    ("级别:县级", "level:县级"),
    ("级别:区级", "level:县级"),
    ("level:province", "level:省级"),
    ("勾稽:不符", "consistent:no"),
    ("consistent:no", "consistent:no"),
    ("勾稽:相符", "consistent:yes"),
    ("consistent:yes", "consistent:yes"),
    # booleans and precedence
    ("a OR b c", "a OR (b AND c)"),
    ("a b OR c", "(a AND b) OR c"),
    ("(a OR b) c", "(a OR b) AND c"),
    ("a AND b", "a AND b"),
    ("a 且 b", "a AND b"),
    ("a & b", "a AND b"),
    ("a 或 b", "a OR b"),
    ("a | b", "a OR b"),
    ("NOT a", "NOT a"),
    ("非 a", "NOT a"),
    ("-a b", "NOT a AND b"),
    ("NOT (a OR b)", "NOT (a OR b)"),
    ("NOT NOT a", "a"),
    ("a OR b OR c", "a OR b OR c"),
    ("((a))", "a"),
    (
        "培训 行政处罚 > 10 OR 2020年 勾稽:不符",
        "(培训 AND 行政处罚.处理决定数 > 10) OR (year = 2020 AND consistent:no)",
    ),
]
ALIAS_CASES = [(alias, key) for key, names in ALIASES.items() for alias in names]


@pytest.mark.parametrize(("text", "normal"), NORMAL_FORMS)
def test_normal_form(text, normal):
    assert parse(text).normal() == normal


@pytest.mark.parametrize(("text", "normal"), NORMAL_FORMS)
def test_normal_form_parses_to_the_same_tree(text, normal):
    assert parse(normal) == parse(text)


@pytest.mark.parametrize(("alias", "key"), ALIAS_CASES)
def test_every_alias_resolves_to_its_key(alias, key):
    assert parse(f"{alias} > 1").normal() == f"{key} > 1"


def test_spec_alias_table_is_covered():
    spec = {
        "行政处罚": "行政处罚.处理决定数", "处罚": "行政处罚.处理决定数",
        "行政许可": "行政许可.处理决定数", "许可": "行政许可.处理决定数",
        "行政强制": "行政强制.处理决定数", "强制": "行政强制.处理决定数",
        "规章": "规章.本年制发", "规范性文件": "规范性文件.本年制发",
        "新收申请": "申请.新收", "申请数": "申请.新收", "依申请": "申请.新收",
        "予以公开": "申请.予以公开", "部分公开": "申请.部分公开", "不予公开": "申请.不予公开",
        "无法提供": "申请.无法提供", "不予处理": "申请.不予处理",
        "行政复议": "复议.总计", "复议": "复议.总计", "行政诉讼": "诉讼.总计", "诉讼": "诉讼.总计",
        "采购金额": "政府集中采购.总金额_万元", "政府集中采购金额": "政府集中采购.总金额_万元",
        "采购项目": "政府集中采购.项目数", "政府集中采购": "政府集中采购.项目数",
        "收费金额": "行政事业性收费.金额_万元", "行政事业性收费": "行政事业性收费.金额_万元",
    }  # fmt: skip
    for alias, key in spec.items():
        assert parse(f"{alias} >= 0").normal() == f"{key} >= 0", alias


ERRORS = [
    # (text, code, position)
    ("", "empty_query", 0),
    ("   ", "empty_query", 0),
    ("(培训", "unbalanced_paren", 0),
    ("培训 (宣传 OR 公开", "unbalanced_paren", 3),
    ("培训)", "unbalanced_paren", 2),
    ("（培训", "unbalanced_paren", 0),
    ('"人手不足', "unclosed_quote", 0),
    ("培训 “人手不足", "unclosed_quote", 3),
    ("行政处罚 > abc", "bad_number", 7),
    ("行政处罚 >", "bad_number", 6),
    ("行政处罚 > (3)", "bad_number", 7),
    ("行政处罚 > 1,00", "bad_number", 7),
    ("行政处法 > 10", "unknown_facet", 0),
    ("培训 不存在的指标 >= 1", "unknown_facet", 3),
    ("行政 > 3", "ambiguous_facet", 0),
    ("本年增减 < -3", "unknown_facet", 0),
    ("答复:xx", "unknown_section", 0),
    ("foo:bar", "unknown_field", 0),
    ("in 20x0", "bad_year", 3),
    ("in 2021-2019", "bad_year", 3),
    ("in", "bad_year", 2),
    ("year:abc", "bad_year", 5),
    ("year > 2099", "bad_year", 7),
    ("year >= 2019-2021", "bad_year", 8),
    ("行政处罚 > 5万", "bad_unit", 8),
    ("行政处罚 > 5元", "bad_unit", 8),
    ("采购金额 > 5件", "bad_unit", 8),
    ("行政处罚 > 10天", "bad_unit", 9),
    ("问题:", "empty_scope", 3),
    ("问题:(", "empty_scope", 3),
    ("问题:()", "empty_scope", 3),
    ("培训 问题: OR 宣传", "empty_scope", 7),
    ("问题:(行政处罚 > 3)", "bad_scope", 4),
    ("问题:2020年", "bad_scope", 3),
    ("机关:", "empty_value", 3),
    ("模板:2020", "bad_template", 3),
    ("勾稽:也许", "bad_value", 3),
    ("级别:乡级", "bad_value", 3),
    ("培训 AND", "dangling_operator", 3),
    ("AND 培训", "dangling_operator", 0),
    ("培训 OR OR 宣传", "dangling_operator", 6),
    ("培训 OR", "dangling_operator", 3),
    ("培训 -", "dangling_operator", 3),
    ("NOT", "dangling_operator", 0),
    ("> 3", "dangling_operator", 0),
    ('"行政处罚" > 3', "dangling_operator", 7),
    (":培训", "dangling_operator", 0),
    ("()", "empty_group", 0),
    ('""', "empty_phrase", 0),
    # Punctuation and symbols alone are in no index: such a word would match nothing (NOT it, everything).
    ("人手不足 ?", "nothing_to_search", 5),
    ("*", "nothing_to_search", 0),
    ("-?", "nothing_to_search", 1),
    ('培训 OR "..."', "nothing_to_search", 6),
    ("问题:(培训 ·)", "nothing_to_search", 7),
    ("机关:#", "nothing_to_search", 3),
    ("地区:……", "nothing_to_search", 3),
    ("(" * 100 + "a" + ")" * 100, "too_deep", 40),
    ("in 1900", "bad_year", 3),
]


@pytest.mark.parametrize(("text", "code", "position"), ERRORS)
def test_error_code_and_position(text, code, position):
    with pytest.raises(QueryError) as caught:
        parse(text)
    assert (caught.value.code, caught.value.position) == (code, position)
    assert caught.value.message.startswith(f"at character {position + 1}: ")
    assert caught.value.message_zh.startswith(f"第 {position + 1} 个字符处：")


# Letters a Chinese message may contain: the query's own words and the names of the syntax.
QUERY_WORDS = re.compile(r"\b(AND|OR|NOT|in|year|free|foo|xx|abc|x|a)\b")


@pytest.mark.parametrize(("text", "code", "position"), ERRORS)
def test_every_error_has_a_chinese_message(text, code, position):
    with pytest.raises(QueryError) as caught:
        parse(text)
    zh = caught.value.message_zh
    assert zh != caught.value.message
    assert not re.search(r"[A-Za-z]{2,}", QUERY_WORDS.sub("", zh.split("“")[0] + zh.split("”")[-1])), zh


@pytest.mark.parametrize(
    ("text", "message_zh"),
    [
        ("行政处法 > 10", "第 1 个字符处：未知指标“行政处法”；您是否想找：行政处罚、行政诉讼、行政许可？"),
        ("问题:(", "第 4 个字符处：“问题:”后面缺少要找的词语"),
        ("行政处罚 > abc", "第 8 个字符处：“abc”不是数字"),
        ("行政处罚 >", "第 7 个字符处：“>”后面应是数字"),
        ("行政处罚 > 5万", "第 9 个字符处：单位“万”不适用于 行政处罚.处理决定数：它是件数"),
        ("采购金额 > 5天", "第 9 个字符处：未知单位“天”（可用：万、万元、元、千元、亿、亿元）"),
        ("in 2021-2019", "第 4 个字符处：年份范围“2021-2019”前大后小"),
        ("in 1900", "第 4 个字符处：年份 1900 超出范围（1950—2099）"),
        ("模板:2020", "第 4 个字符处：未知模板“2020”（可用：2019、2021 或 自由格式）"),
        (
            "答复:xx",
            "第 1 个字符处：未知章节“答复:”；章节有：总体情况、主动公开、依申请公开、复议诉讼、问题改进、其他事项",
        ),
        ("培训 OR OR 宣传", "第 7 个字符处：“OR OR”：两个逻辑运算符连在一起"),
        ('"人手不足', "第 1 个字符处：引号没有闭合"),
        ("(培训", "第 1 个字符处：这个“(”没有闭合"),
        ("", "第 1 个字符处：查询为空"),
        ("人手不足 ?", "第 6 个字符处：“?”里没有文字或数字：标点和符号不参与搜索"),
    ],
)
def test_chinese_messages(text, message_zh):
    with pytest.raises(QueryError) as caught:
        parse(text)
    assert caught.value.message_zh == message_zh


def _raise_sites() -> list[tuple[str, int, ast.Call]]:
    """Every ``QueryError(...)`` and ``self.error(...)`` call in the querylang package."""
    sites = []
    for path in sorted(Path(querylang.__file__).parent.glob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Call):
                name = getattr(node.func, "id", None) or getattr(node.func, "attr", None)
                if name in ("QueryError", "error"):
                    sites.append((f"{path.name}:{node.lineno}", name, node))
    return sites


def test_every_raise_site_gives_a_chinese_text():
    sites = _raise_sites()
    assert len(sites) >= 25
    for where, name, call in sites:
        keyword = any(k.arg == "zh" for k in call.keywords)
        positional = name == "error" and len(call.args) == 4  # Parser.error(code, detail, position, zh)
        assert keyword or positional, f"{where} raises a QueryError without a Chinese text"


def test_hint_in_chinese_beside_the_english_one():
    with pytest.raises(QueryError) as caught:
        parse("行政处法 > 10")
    assert caught.value.hint == "did you mean 行政处罚, 行政诉讼, 行政许可?"
    assert caught.value.hint_zh == "您是否想找：行政处罚、行政诉讼、行政许可？"


def test_unknown_facet_suggests_the_nearest_name_first():
    with pytest.raises(QueryError) as caught:
        parse("行政处法 > 10")
    error = caught.value
    assert error.suggestions[0] == "行政处罚"
    assert "行政处法" in error.message and "行政处罚" in error.message


def test_ambiguous_facet_lists_candidates():
    with pytest.raises(QueryError) as caught:
        parse("行政 > 3")
    assert {"行政处罚", "行政许可"} <= set(caught.value.suggestions)


def test_unknown_section_suggests_section_names():
    with pytest.raises(QueryError) as caught:
        parse("答复:xx")
    assert caught.value.suggestions[0] == "复议诉讼"
    assert set(caught.value.suggestions) >= {"问题改进", "其他事项"}


def test_error_is_a_nianbao_error_with_the_json_shape():
    with pytest.raises(QueryError) as caught:
        parse("问题:(")
    error = caught.value
    assert isinstance(error, NianbaoError) and error.status == 400
    assert error.to_dict() == {
        "code": "empty_scope",
        "message": error.message,
        "message_zh": error.message_zh,
        "position": 3,
        "suggestions": [],
    }
    assert error.message_zh.startswith("第 4 个字符处：")


def test_positions_index_the_original_text():
    # Full-width characters fold to ASCII without moving any position.
    with pytest.raises(QueryError) as caught:
        parse("（培训）＞３")
    assert caught.value.position == 4


# -- the tree itself -----------------------------------------------------------


def test_comparison_and_year_shape():
    assert parse("行政处罚 > 10 in 2020") == And(
        (Compare("行政处罚.处理决定数", ">", 10), YearRange(2020, 2020))
    )


def test_nodes_carry_their_span():
    node = parse("培训 行政处罚 > 10")
    assert isinstance(node, And)
    word, compare = node.items
    assert (word.start, word.end) == (0, 2)
    assert (compare.start, compare.end) == (3, 12)


def test_unit_note_keeps_the_value_as_typed():
    node = parse("采购金额 > 500000元")
    assert node == Compare("政府集中采购.总金额_万元", ">", 50)
    assert node.unit_note == "500000元"
    assert parse("行政处罚 > 10").unit_note is None


@pytest.mark.parametrize(
    ("text", "tree"),
    [
        ("培训 宣传", And((Word("培训"), Word("宣传")))),
        ('"人手不足"', Word("人手不足", phrase=True)),
        ("a OR b c", Or((Word("a"), And((Word("b"), Word("c")))))),
        ("-a", Not(Word("a"))),
        ("问题:(培训 宣传)", Scoped("问题改进", And((Word("培训"), Word("宣传"))))),
        ("in 2019-2021", YearRange(2019, 2021)),
        ("机关:商务", Field("agency", "商务")),
        ("模板:2021", Field("template", "2021")),
        ("勾稽:不符", CheckFilter(False)),
        ("consistent:yes", CheckFilter(True)),
        ("行政复议 大于 0", Compare("复议.总计", ">", 0)),
    ],
)
def test_tree_shape(text, tree):
    assert parse(text) == tree


def test_conditions_lists_every_comparison():
    node = parse("行政处罚 > 10 OR (采购金额 > 50万 -复议 = 0) 培训")
    assert [c.normal() for c in conditions(node)] == [
        "行政处罚.处理决定数 > 10",
        "政府集中采购.总金额_万元 > 50",
        "复议.总计 = 0",
    ]


def test_scoped_words_groups_words_by_section_and_skips_negated_ones():
    node = parse('培训 问题:(人手 -经费) 改进:"公开意识" NOT 宣传 行政处罚 > 1')
    assert scoped_words(node) == {None: ["培训"], "问题改进": ["人手", "公开意识"]}


# -- totality ------------------------------------------------------------------

PIECES = list('()（）"“”‘’\'::：><=!！＞＜＝≥≤≠&|-－ 　.,，、0123456789０年万元亿件十百一二') + [
    "AND", "OR", "NOT", "且", "或", "非", "in", "year", "问题", "行政处罚", "采购金额", "申请.新收",
    "大于", "不少于", "机关", "模板", "勾稽", "不符", "2020", "2019-2021", "..", "培训", "全文", "x",
]  # fmt: skip


def test_any_string_parses_or_raises_query_error():
    rng = random.Random(20240601)
    for _ in range(2000):
        text = "".join(rng.choice(PIECES) for _ in range(rng.randint(0, 14)))
        try:
            node = parse(text)
        except QueryError:
            continue
        assert parse(node.normal()) == node, text


def test_hostile_inputs_never_crash():
    for text in ["(" * 5000, "-" * 5000 + "a", "NOT " * 3000 + "a", "a" * 100_000, "\x00\ufeff\u200b", "⑽㈱"]:
        with contextlib.suppress(QueryError):
            parse(text)


def test_traditional_names_resolve():
    assert parse("問題:人手不足").normal() == "问题改进:人手不足"
    assert parse("行政處罰 > 10").normal() == "行政处罚.处理决定数 > 10"


@pytest.mark.parametrize(
    "text, normal",
    [("采购金额 > 0.5元", "政府集中采购.总金额_万元 > 0.00005"), ("采购金额 > 0.001元", "政府集中采购.总金额_万元 > 0.0000001")],
)
def test_small_amounts_keep_their_value_and_read_back(text, normal):
    node = parse(text)
    assert node.normal() == normal
    assert parse(node.normal()).normal() == normal


@pytest.mark.parametrize(
    "text, normal",
    [
        ("行政处罚 > 十件", "行政处罚.处理决定数 > 10"),
        ("申请.新收 >= 五", "申请.新收 >= 5"),
        ("行政处罚 > １０", "行政处罚.处理决定数 > 10"),
        ("in 二〇一九-二〇二一", "year in 2019..2021"),
    ],
)
def test_chinese_numerals_and_full_width_digits_where_a_number_is_expected(text, normal):
    assert parse(text).normal() == normal


# --- fuzzing: any string gives a tree or a positioned QueryError -----------------------------

_FUZZ_TEXT = st.one_of(
    st.text(max_size=200),
    st.lists(st.sampled_from([*PIECES, " ", "(", ")", '"', "问题:", "NOT ", "-", "'"]), max_size=60).map("".join),
    st.text(alphabet="()\"'-:问题 a", min_size=900, max_size=1100),
)


@settings(max_examples=600, deadline=None)
@given(_FUZZ_TEXT)
def test_fuzz_parse_gives_a_tree_or_a_positioned_query_error(text):
    try:
        node = parse(text)
    except QueryError as err:
        assert 0 <= err.position <= len(text), (err.code, err.position)
        assert err.message.startswith(f"at character {err.position + 1}: ")
        assert err.message_zh.startswith(f"第 {err.position + 1} 个字符处：")
        return
    if len(node.normal()) <= MAX_CHARS:  # the normal form spells names out: it can be longer
        assert parse(node.normal()) == node


@pytest.mark.parametrize(
    ("text", "word"),
    [("人手不足?", "人手不足?"), ("30%", "30%"), ("①", "1"), ("APP", "APP"), ("的", "的"), ("《条例》", "《条例》")],
)
def test_a_word_with_punctuation_and_something_searchable_is_a_word(text, word):
    assert parse(text) == Word(word)
