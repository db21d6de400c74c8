"""The site's footer under a report whose page was saved as text or printed to PDF.

A crawler's text, or a web page printed to PDF, ends with the site's own lines (主办单位,
网站标识码, ICP备案号, 版权所有, 【打印本页】【关闭窗口】) below the report's signature. Read
as the report's last lines they hide the signature and date, whose name is often the full
name the title shortens (区商务局 in the title, 鹤岗市向阳区商务局 signed), and they join the
last section's text. The HTML reader leaves them out with the page's chrome; the other readers
cannot tell a site from a report, so the footer is recognised here by its words, and only as
the document's last lines.

>>> without_site_footer(["六、其他需要报告的事项", "无。", "某区商务局", "2020年1月2日",
...                      "", "主办单位：某区人民政府 网站标识码：7096594463", "ICP备案号：ICP备95589200号"])
['六、其他需要报告的事项', '无。', '某区商务局', '2020年1月2日', '', '', '']
"""

from __future__ import annotations

import re
from collections.abc import Sequence

_FOOTER = re.compile(
    r"主办单位|承办单位|协办单位|主办[:：]|承办[:：]|网站标识码|标识码[:：]|ICP\s*[备证]|公网安备|"
    r"版权所有|Copyright|©|网站地图|联系我们|关于我们|技术支持[:：]|网站找错|网站纠错|"
    r"建议使用.{0,20}浏览器|分辨率|无障碍|长者模式|扫一扫|返回顶部|关闭窗口|打印本页|"
    r"【\s*(?:打印|关闭)\s*】|分享到|免责声明|隐私(?:政策|声明)",
    re.IGNORECASE,
)
_LONGEST = 120  # characters: a footer line is the site's, never a paragraph of the report


def without_site_footer(lines: Sequence[str]) -> list[str]:
    """``lines`` with the site's footer at their end blanked (kept as empty lines, so that
    positions in the document stay where they were)."""
    kept = list(lines)
    for k in range(len(kept) - 1, -1, -1):
        line = kept[k].strip()
        if not line:
            continue
        if len(line) > _LONGEST or not _FOOTER.search(line):
            break
        kept[k] = ""
    return kept
