"""What a person reads when something goes wrong, in Chinese, beside the English kept for scripts.

The JSON API's error object keeps its stable ``code`` and English ``message``
and adds ``message_zh`` (and ``hint_zh`` where there is a hint); the pages show
only the Chinese. Errors raised inside the library carry their own Chinese
text (``NianbaoError.message_zh``); this module holds the texts of the errors
the web layer itself makes (HTTP statuses, an unreadable index).
"""

from __future__ import annotations

from indexer.errors import NianbaoError

# The heading of the error page, by HTTP status.
TITLES = {
    400: "请求无法处理",
    404: "没有找到",
    405: "不支持这种请求方式",
    414: "网址过长",
    409: "索引正忙",
    422: "文件无法读取",
    500: "服务器出了点问题",
    503: "索引暂不可用",
}

class AddressTooLong(NianbaoError):
    """A request whose query string is past the limit: 414, before any parameter is read."""

    status = 414

    def __init__(self, size: int, limit: int):
        super().__init__(
            f"the query string is {size} bytes long; the limit is {limit}",
            hint="a query holds at most 1000 characters",
            message_zh=f"网址的参数部分有 {size} 字节，超过上限 {limit} 字节",
            hint_zh="查询最多 1000 个字符",
        )
        self.code = "address_too_long"


class IndexUnavailable(NianbaoError):
    """The index exists but cannot be read right now (being rebuilt, or its files replaced)."""

    status = 503

    def __init__(self, detail: str):
        super().__init__(
            f"the index cannot be read right now ({detail})",
            hint="try again in a moment; if it persists, run nianbao ingest again",
            message_zh="索引暂时无法读取，可能正在重建",
            hint_zh="请稍后再试；如果一直如此，请重新运行 nianbao ingest",
        )
        self.code = "index_unavailable"


def http_error(status: int, path: str, method: str) -> dict:
    """The error object of an HTTP-level error (no such page, method not allowed, a crash)."""
    code, message, zh = {
        404: ("not_found", f"nothing at {path}", f"这个地址没有页面：{path}"),
        405: ("method_not_allowed", f"{method} is not allowed here", f"这个地址不接受 {method} 请求"),
        500: ("internal_error", "something went wrong on our side",
              "服务器内部出错了，这不是您的操作造成的；请稍后再试"),
    }.get(status, ("http_error", f"the request could not be handled (HTTP {status})",
                   f"请求无法处理（HTTP {status}）"))  # fmt: skip
    return {"code": code, "message": message, "message_zh": zh, "position": None, "suggestions": []}
