"""Reading URL parameters, the same way for pages and the API."""

from __future__ import annotations

import re

from flask import request

from indexer.errors import NianbaoError

# ASCII digits only: str.isdigit() also accepts "²" and "١", which int() then rejects.
_DIGITS = 18  # every value a page, a size or a year can take, and no huge int() to build
_INTEGER = re.compile(r"[+-]?[0-9]+")


class BadParameter(NianbaoError):
    """A URL parameter that is not what it must be (not the query text: that is a QueryError)."""

    status = 400

    def __init__(self, name: str, message: str, zh: str):
        super().__init__(message, message_zh=zh)
        self.code = f"bad_{name}"


def int_arg(name: str, default: int) -> int:
    """An integer parameter; absent or empty gives ``default``; anything else not a whole number is
    a ``bad_<name>`` error naming the parameter and the value."""
    value = request.args.get(name, "").strip()
    if not value:
        return default
    if not _INTEGER.fullmatch(value):
        raise BadParameter(name, f"{name} must be a whole number, not {value!r}",
                           f"参数 {name} 应为整数，而不是“{value}”")  # fmt: skip
    if len(value.lstrip("+-")) > _DIGITS:
        raise BadParameter(name, f"{name} must be a whole number of at most {_DIGITS} digits, not {value!r}",
                           f"参数 {name} 应为不超过 {_DIGITS} 位的整数，而不是“{value}”")  # fmt: skip
    return int(value)
