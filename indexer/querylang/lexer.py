"""Cutting a query into tokens that remember where they were typed.

Full-width and Chinese punctuation is folded first (NFKC plus a small map), one
character at a time, so every folded character still knows its index in the
text as typed; token positions are always those original indices.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from .errors import QueryError

# Folded before NFKC; separators that NFKC would turn into ASCII punctuation become spaces.
_CHAR_MAP = {
    "“": '"', "”": '"', "„": '"', "‟": '"', "「": '"', "」": '"', "『": '"', "』": '"',
    "‘": "'", "’": "'", "≥": ">=", "≧": ">=", "≤": "<=", "≦": "<=", "≠": "!=",
    "—": "-", "–": "-", "、": " ", "，": " ", "；": " ", ";": " ", "。": " ",
}  # fmt: skip

# Word operators, longest first where one contains another.
WORD_OPS = {
    "不少于": ">=", "不小于": ">=", "不超过": "<=", "不大于": "<=", "不等于": "!=",
    "大于": ">", "超过": ">", "多于": ">", "高于": ">", "小于": "<", "少于": "<", "低于": "<",
    "等于": "=",
}  # fmt: skip
_SYMBOL_OPS = {">=": ">=", "<=": "<=", "!=": "!=", "<>": "!=", "==": "=", ">": ">", "<": "<", "=": "="}
KEYWORDS = {"AND": "AND", "且": "AND", "OR": "OR", "或": "OR", "NOT": "NOT", "非": "NOT"}

_OP_RE = re.compile(r">=|<=|!=|<>|==|[><=]")
_RUN_RE = re.compile(r"[^\s()\":<>=!&|]+")
_SPLIT_RE = re.compile("^(.*?)(" + "|".join(WORD_OPS) + ")(.*)$")
_NUMBER_START = re.compile(r"[+\-]?[\d零〇一二两三四五六七八九十百千万亿]")


@dataclass(frozen=True)
class Token:
    kind: str  # WORD PHRASE LPAREN RPAREN OP COLON AND OR NOT EOF
    text: str  # folded text (the symbol for OP, the content for PHRASE)
    start: int  # index in the original text
    end: int
    raw: str = ""  # the original text


def fold(text: str) -> tuple[str, list[int]]:
    """The folded text and, for each of its characters (plus one past the end), the original index."""
    out: list[str] = []
    where: list[int] = []
    for i, ch in enumerate(text):
        folded = unicodedata.normalize("NFKC", _CHAR_MAP.get(ch, ch))
        folded = "".join(_CHAR_MAP.get(c, c) for c in folded)  # NFKC makes some of them
        out.append(folded)
        where.extend([i] * len(folded))
    where.append(len(text))
    return "".join(out), where


class _Scanner:
    def __init__(self, text: str):
        self.text = text
        self.s, self.where = fold(text)
        self.tokens: list[Token] = []

    def emit(self, kind: str, text: str, fs: int, fe: int) -> None:
        end = self.where[fe - 1] + 1 if fe > fs else self.where[fs]
        self.tokens.append(Token(kind, text, self.where[fs], end, self.text[self.where[fs] : end]))

    def run(self) -> list[Token]:
        j = 0
        while j < len(self.s):
            j = self.step(j)
        self.emit("EOF", "", len(self.s), len(self.s))
        return self.tokens

    def step(self, j: int) -> int:
        ch = self.s[j]
        if ch.isspace():
            return j + 1
        if ch in "()":
            self.emit("LPAREN" if ch == "(" else "RPAREN", ch, j, j + 1)
            return j + 1
        if ch in "\"'":
            return self.phrase(j)
        if ch == ":":
            self.emit("COLON", ch, j, j + 1)
            return j + 1
        match = _OP_RE.match(self.s, j)
        if match:
            self.emit("OP", _SYMBOL_OPS[match[0]], j, match.end())
            return match.end()
        if ch in "&|":
            size = 2 if self.s.startswith(ch * 2, j) else 1
            self.emit("AND" if ch == "&" else "OR", ch * size, j, j + size)
            return j + size
        if ch in "-!":
            self.emit("NOT", ch, j, j + 1)
            return j + 1
        return self.word(j)

    def phrase(self, j: int) -> int:
        close = self.s.find(self.s[j], j + 1)
        if close < 0:
            raise QueryError("unclosed_quote", "this quote is never closed", self.where[j], zh="引号没有闭合")
        self.emit("PHRASE", self.s[j + 1 : close].strip(), j, close + 1)
        return close + 1

    def word(self, j: int) -> int:
        match = _RUN_RE.match(self.s, j)
        end = match.end() if match else j + 1  # no match: a character step() did not expect
        text = self.s[j:end]
        keyword = KEYWORDS.get(text.upper() if text.isascii() else text)
        if keyword:
            self.emit(keyword, text, j, end)
        elif text in WORD_OPS:
            self.emit("OP", WORD_OPS[text], j, end)
        else:
            self.split_word(text, j, end)
        return end

    def split_word(self, text: str, j: int, end: int) -> None:
        """``行政复议大于0`` is a name, an operator and a number; ``超过期限`` stays a word."""
        match = _SPLIT_RE.match(text)
        if not match or not self._op_before_number(match, end):
            self.emit("WORD", text, j, end)
            return
        head, op, tail = match.groups()
        mid = j + len(head)
        if head:
            self.emit("WORD", head, j, mid)
        self.emit("OP", WORD_OPS[op], mid, mid + len(op))
        if tail:
            self.emit("WORD", tail, mid + len(op), end)

    def _op_before_number(self, match: re.Match, end: int) -> bool:
        if match[3]:
            return bool(_NUMBER_START.match(match[3]))
        rest = self.s[end:].lstrip()
        return bool(match[1]) and bool(_NUMBER_START.match(rest))


def tokenize(text: str) -> list[Token]:
    """Tokens of ``text``, ending with an EOF token; raises QueryError on an unclosed quote."""
    return _Scanner(text).run()
