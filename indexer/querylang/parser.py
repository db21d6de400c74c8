"""``parse(text) -> Node``: a recursive-descent parser over the lexer's tokens.

Grammar (OR binds loosest, then AND, then the NOT prefix)::

    query   := or_expr EOF
    or_expr := and_expr (OR and_expr)*               OR 或 |
    and_expr:= unary ([AND] unary)*                  AND 且 &, or juxtaposition
    unary   := NOT* primary                          NOT 非 - !
    primary := '(' or_expr ')' | PHRASE | year | NAME ':' value | NAME OP number[unit] | WORD

A word with no operator after it is a word, not a facet. Every failure is a
QueryError with a code and the character where it happened.

Limits, each far above what a person types and each a QueryError naming it:
MAX_CHARS characters (an OR of all 31 provinces by name is about 250),
MAX_TERMS words, phrases and conditions, and MAX_DEPTH levels of parentheses
and section scopes (which also keeps the recursion of this parser, and of
every walk over its tree, far from Python's stack limit).
"""

from __future__ import annotations

from analyzers.segment import is_word

from . import names, values
from .ast import (
    YEAR_MAX,
    YEAR_MIN,
    And,
    CheckFilter,
    Compare,
    Field,
    Finding,
    Node,
    Not,
    Or,
    Scoped,
    Word,
    YearRange,
    format_number,
)
from .errors import QueryError
from .lexer import Token, tokenize

MAX_CHARS = 1000
MAX_TERMS = 100
MAX_DEPTH = 40
_RANGE_WORDS = frozenset({"-", "至", "到", "~", ".."})
_OPERAND_END = frozenset({"EOF", "RPAREN", "AND", "OR"})


def parse(text: str) -> Node:
    """Parse one query line.

    >>> parse("行政处罚 > 10 in 2020").normal()
    '行政处罚.处理决定数 > 10 AND year = 2020'
    """
    if len(text) > MAX_CHARS:
        raise QueryError("query_too_long", f"the query is {len(text)} characters long; the limit is {MAX_CHARS}",
                         MAX_CHARS, zh=f"查询有 {len(text)} 个字符，超过上限 {MAX_CHARS} 个字符")  # fmt: skip
    return _Parser(text).query()


def _join(kind: type[And] | type[Or], items: list[Node]) -> Node:
    if len(items) == 1:
        return items[0]
    flat: list[Node] = []
    for item in items:
        flat.extend(item.items if isinstance(item, kind) else (item,))
    return kind(tuple(flat), start=items[0].start, end=items[-1].end)


class _Parser:
    def __init__(self, text: str):
        self.tokens = tokenize(text)
        self.i = 0
        self.depth = 0
        self.terms = 0

    @property
    def tok(self) -> Token:
        return self.tokens[self.i]

    def peek(self) -> Token:
        return self.tokens[min(self.i + 1, len(self.tokens) - 1)]

    def take(self) -> Token:
        token = self.tok
        self.i = min(self.i + 1, len(self.tokens) - 1)
        return token

    def error(self, code: str, detail: str, position: int, zh: str) -> QueryError:
        """``detail`` in English for scripts, ``zh`` in Chinese for people."""
        return QueryError(code, detail, position, zh=zh)

    # -- booleans ---------------------------------------------------------

    def query(self) -> Node:
        if self.tok.kind == "EOF":
            raise self.error("empty_query", "the query is empty", 0, "查询为空")
        node = self.or_expr()
        if self.tok.kind == "RPAREN":
            raise self.error(
                "unbalanced_paren", "this ')' closes nothing", self.tok.start, "这个“)”前面没有对应的“(”"
            )
        return node

    def or_expr(self) -> Node:
        items = [self.and_expr()]
        while self.tok.kind == "OR":
            self.operand_after(self.take())
            items.append(self.and_expr())
        return _join(Or, items)

    def and_expr(self) -> Node:
        items = [self.unary()]
        while self.tok.kind not in ("OR", "RPAREN", "EOF"):
            if self.tok.kind == "AND":
                self.operand_after(self.take())
            items.append(self.unary())
        return _join(And, items)

    def operand_after(self, op: Token) -> None:
        if self.tok.kind in ("EOF", "RPAREN"):
            raise self.error(
                "dangling_operator", f"'{op.raw}' has nothing after it", op.start, f"“{op.raw}”后面缺少内容"
            )
        if self.tok.kind in ("AND", "OR"):
            raise self.error("dangling_operator", f"'{op.raw} {self.tok.raw}': two operators in a row",
                             self.tok.start, f"“{op.raw} {self.tok.raw}”：两个逻辑运算符连在一起")  # fmt: skip

    def unary(self) -> Node:
        nots: list[Token] = []
        while self.tok.kind == "NOT":
            nots.append(self.take())
        if nots and self.tok.kind in _OPERAND_END:
            raise self.error(
                "dangling_operator",
                f"'{nots[-1].raw}' has nothing after it",
                nots[-1].start,
                f"“{nots[-1].raw}”后面缺少内容",
            )
        node = self.primary()
        if len(nots) % 2:
            node = Not(node, start=nots[0].start, end=node.end)
        return node

    def primary(self) -> Node:
        token = self.tok
        if token.kind == "LPAREN":
            return self.group()
        node = self.operand()
        if not isinstance(node, Scoped):  # a scope's words are counted where they are read
            self.count(token)
        return node

    def count(self, token: Token) -> None:
        self.terms += 1
        if self.terms > MAX_TERMS:
            raise self.error("too_many_terms", f"more than {MAX_TERMS} words and conditions", token.start,
                             f"词语和条件超过 {MAX_TERMS} 个")  # fmt: skip

    def nest(self, opening: Token) -> None:
        """One level deeper (a parenthesis or a section scope), at most MAX_DEPTH."""
        if self.depth >= MAX_DEPTH:
            raise self.error("too_deep", f"more than {MAX_DEPTH} nested parentheses and scopes",
                             opening.start, f"括号和章节范围嵌套超过 {MAX_DEPTH} 层")  # fmt: skip
        self.depth += 1

    def operand(self) -> Node:
        token = self.tok
        if token.kind == "PHRASE":
            self.take()
            if not token.text:
                raise self.error("empty_phrase", "the quotes hold nothing", token.start, "引号里没有内容")
            return Word(self.searchable(token).text, True, start=token.start, end=token.end)
        if token.kind == "WORD":
            return self.word()
        what = {"OP": "a facet name", "COLON": "a section or field name"}.get(token.kind, "a word")
        what_zh = {"OP": "指标名称", "COLON": "章节或字段名称"}.get(token.kind, "词语")
        raise self.error(
            "dangling_operator",
            f"'{token.raw}' needs {what} before it",
            token.start,
            f"“{token.raw}”前面缺少{what_zh}",
        )

    def group(self) -> Node:
        opening = self.take()
        if self.tok.kind == "EOF":
            raise self.error("unbalanced_paren", "this '(' is never closed", opening.start, "这个“(”没有闭合")
        if self.tok.kind == "RPAREN":
            raise self.error("empty_group", "the parentheses hold nothing", opening.start, "括号里没有内容")
        self.nest(opening)
        node = self.or_expr()
        self.depth -= 1
        if self.tok.kind != "RPAREN":
            raise self.error("unbalanced_paren", "this '(' is never closed", opening.start, "这个“(”没有闭合")
        self.take()
        return node

    # -- words, years, fields, comparisons ---------------------------------

    def word(self) -> Node:
        token = self.take()
        if token.text.lower() == "in":
            return self.years(token)
        if self.tok.kind == "COLON":
            return self.named(token)
        if self.tok.kind == "OP":
            return self.comparison(token)
        if names.is_year_name(token.text) and self.tok.kind == "WORD" and self.tok.text.lower() == "in":
            return self.years(self.take(), start=token.start)
        if values.is_year_text(token.text):
            return YearRange(*values.year_range(token.text, token.start), start=token.start, end=token.end)
        return Word(self.searchable(token).text, start=token.start, end=token.end)

    def searchable(self, token: Token) -> Token:
        """``token``, when it holds a letter, digit or Chinese character. Punctuation and
        symbols alone (``?``, ``*``, ``...``) are in no index (``analyzers.segment.is_word``), so a
        word of them would match nothing: ``人手不足 ?`` would find no report, ``-?`` every one."""
        if not is_word(token.text):
            raise self.error(
                "nothing_to_search",
                f"'{token.raw}' holds no letter, digit or Chinese character: punctuation and symbols are not searched",
                token.start,
                f"“{token.raw}”里没有文字或数字：标点和符号不参与搜索",
            )
        return token

    def years(self, keyword: Token, start: int | None = None) -> YearRange:
        value = self.tok
        if value.kind != "WORD":
            raise self.error(
                "bad_year",
                f"expected a year after '{keyword.raw}'",
                value.start,
                f"“{keyword.raw}”后面应是年份，如 2020 或 2019-2021",
            )
        self.take()
        text, end = value.text, value.end
        if self.tok.text in _RANGE_WORDS and values.looks_like_year(self.peek().text):
            self.take()
            text, end = f"{text}-{self.tok.text}", self.take().end
        lo, hi = values.year_range(text, value.start)
        return YearRange(lo, hi, start=keyword.start if start is None else start, end=end)

    def named(self, name: Token) -> Node:
        self.take()  # the colon
        field = names.field_name(name.text)
        known, section = names.section_of(name.text)
        if field is None and not known:
            raise names.unknown_name(name.text, name.start)
        if field is None:
            return self.scope(section, name)
        if field == "year":
            return self.years(name)
        value = self.field_value(name)
        if field == "copy":
            return self.copy_comparison(name, value)
        span = {"start": name.start, "end": value.end}
        if field == "template":
            return Field(field, values.template_value(value.text, value.start), **span)
        if field == "anomaly":
            return Field(field, names.anomaly_facet(value.text, value.start), **span)
        if field == "level":
            return Field(field, values.level_value(value.text, value.start), **span)
        if field == "consistent":
            return CheckFilter(values.consistent_value(value.text, value.start), **span)
        if field == "check":
            return Finding(values.check_value(value.text, value.start), **span)
        return Field(field, self.searchable(value).text, **span)  # agency and region: matched as text

    def field_value(self, name: Token) -> Token:
        value = self.tok
        if value.kind not in ("WORD", "PHRASE") or not value.text:
            raise self.error(
                "empty_value",
                f"'{name.text}:' needs a value after it",
                value.start,
                f"“{name.text}:”后面缺少要找的值",
            )
        return self.take()

    def scope(self, section: str | None, name: Token) -> Scoped:
        ahead = self.tok
        if ahead.kind in _OPERAND_END | {"OP", "COLON"} or (
            ahead.kind == "LPAREN" and self.peek().kind in ("EOF", "RPAREN")
        ):
            raise self.error(
                "empty_scope",
                f"'{name.text}:' has no words after it",
                ahead.start,
                f"“{name.text}:”后面缺少要找的词语",
            )
        self.nest(name)
        node = self.unary()
        self.depth -= 1
        _only_words(node, name.text)
        return Scoped(section, node, start=name.start, end=self.tokens[self.i - 1].end)

    def comparison(self, name: Token) -> Node:
        op = self.take()
        if names.is_year_name(name.text):
            return self.year_comparison(name, op)
        facet = names.resolve_facet(name.text, name.start)
        text, start, end = self.number_text(op)
        value = values.facet_value(facet, text, start)
        note = None if text == format_number(value) else text
        return Compare(facet, op.text, value, note, start=name.start, end=end)

    def copy_comparison(self, name: Token, value: Token) -> Node:
        """``雷同:问题改进 > 0.9``: a condition on that 雷同 facet, like any facet's."""
        facet = names.copy_facet(value.text, value.start)
        if self.tok.kind != "OP":
            raise self.error(
                "bad_number",
                f"'{name.text}:{value.text}' needs a comparison after it, like > 0.9",
                self.tok.start,
                f"“{name.text}:{value.text}”后面应是比较，如 > 0.9 或 > 90%",
            )
        op = self.take()
        text, start, end = self.number_text(op)
        number = values.facet_value(facet, text, start)
        note = None if text == format_number(number) else text
        return Compare(facet, op.text, number, note, start=name.start, end=end)

    def number_text(self, op: Token) -> tuple[str, int, int]:
        """The value after ``op`` as one string: a glued minus sign and a spaced unit joined on."""
        sign = ""
        if self.tok.kind == "NOT" and self.tok.text == "-" and self.peek().start == self.tok.end:
            sign = self.take().text
        value = self.tok
        if value.kind != "WORD":
            raise self.error(
                "bad_number", f"expected a number after '{op.raw}'", value.start, f"“{op.raw}”后面应是数字"
            )
        self.take()
        text, end = sign + value.text, value.end
        if self.tok.kind == "WORD" and self.tok.text in values.UNITS:
            end = self.take().end
            text += self.tokens[self.i - 1].text
        return text, value.start - len(sign), end

    def year_comparison(self, name: Token, op: Token) -> Node:
        text, start, end = self.number_text(op)
        year, last = values.year_range(text, start)
        if year != last:
            raise self.error(
                "bad_year",
                f"'{op.raw}' takes one year, not '{text}'",
                start,
                f"“{op.raw}”后面只能是一个年份，不能是“{text}”",
            )
        if op.text == "!=":
            return Not(YearRange(year, year, start=name.start, end=end), start=name.start, end=end)
        lo, hi = values.year_bounds(op.text, year)
        if lo >= YEAR_MAX or hi <= YEAR_MIN:
            raise self.error(
                "bad_year", f"no year is {op.raw} {year}", start, f"没有年份满足“{op.raw} {year}”"
            )
        return YearRange(lo, hi, start=name.start, end=end)


def _only_words(node: Node, section: str) -> None:
    """A section scope holds words and phrases (with AND/OR/NOT), nothing else."""
    if isinstance(node, (And, Or)):
        for item in node.items:
            _only_words(item, section)
    elif isinstance(node, Not):
        _only_words(node.item, section)
    elif not isinstance(node, Word):
        raise QueryError("bad_scope", f"'{section}:' can hold only words and phrases, not '{node.normal()}'",
                         node.start, zh=f"“{section}:”后面只能是词语或词组，不能是“{node.normal()}”")  # fmt: skip
