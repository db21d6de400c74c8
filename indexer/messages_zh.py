"""What the library says in English, in Chinese for people: extraction warnings
(``to_chinese``) and the reasons a file was not read (``reason_zh``).

The extraction record keeps its warnings, and ingest its reasons, in English
(scripts and tests read them); a person on the report page or at the command
line reads them in Chinese. Each pattern below is one text the library writes;
a text that matches none is shown as written, so a new wording is never lost.

>>> to_chinese("sections not found: 主动公开, 其他事项")
'未找到这些章节：主动公开、其他事项'
>>> to_chinese("line 87: 申请.上年结转 has 4 values for 7 columns; left out")
'第 87 行：申请.上年结转 有 4 个数值，而表格有 7 列；未采用'
"""

from __future__ import annotations

import re

_WHERE = re.compile(r"(line|page|table|paragraph) (\d+)(?: row (\d+))?")
_WHERE_ZH = {"line": "第 {} 行", "page": "第 {} 页", "table": "第 {} 个表格", "paragraph": "第 {} 段"}
_AT = r"(?P<at>(?:line|page|table|paragraph) \d+(?: row \d+)?|title): "

_PROBLEMS = [
    (r"does not hold one value per column", "不是每列一个数值"),
    (r"has no number for the year", "没有本年度的数字"),
    (r"gives the year (\d+), more than the cumulative (\d+)", r"本年度数 \1 大于历年累计数 \2"),
    (r"runs into the next row's number", "与下一行的数字连在一起"),
    (r"has (\d+) numbers where 2 were expected", r"有 \1 个数字（应为 2 个）"),
    (r"fuses its numbers as (\d+) \(readings: (.*)\)", r"的数字连写为 \1（可能的读法：\2）"),
]

_PATTERNS = [
    (r"no table read: template (\w+) taken from the year covered \((\d+)\)",
     r"未读到表格：按报告所属年度（\2 年）推定为 \1 版模板"),
    (r"no table read: template (\w+) taken from the table's header words",
     r"未读到表格：按表头用语推定为 \1 版模板"),
    (r"sections not found: (.+)", r"未找到这些章节：\1"),
    (r"no section headings recognised: the whole text is kept, unsectioned", "未识别出章节标题：全文保留，不分章节"),
    (r"agency not found in the title or signature", "标题和落款中未找到机关名称"),
    (r"year covered not found in the title or body", "标题和正文中未找到报告所属年度"),
    (r"no article text found in the page", "网页中未找到正文"),
    (r"page (\d+) has no text layer \(scanned\?\)", r"第 \1 页没有文字层（可能是扫描件）"),
    (r"table rows not found or without numbers: (.+)", r"这些表格行未找到或没有数字：\1"),
    (r"(\S+): table says ([\d.]+), prose says ([\d.]+); the table's [\d.]+ is kept",
     r"\1：表格为 \2，正文为 \3；采用表格的 \2"),
    (r"(\S+): table says ([\d.]+), prose says ([\d.]+); left out", r"\1：表格为 \2，正文为 \3；未采用"),
    (r"(\S+): sentences disagree \((.+)\); left out", r"\1：正文几处说法不一（\2）；未采用"),
    (r"(\S+): (\d+) is less than a part of it \((\d+)\); left out", r"\1：\2 小于其中一部分（\3）；未采用"),
    (r"statistics table headed (\d+)年度 in a report on (\d+): not read", r"统计表标明 \1 年度，而报告属于 \2 年：未读取"),
    (r"(\S+): statistics table row “(.+)” (.+); left out", r"\1：统计表“\2”一行\3；未采用"),
    (r"(\S+): statistics table says ([\d.]+) and ([\d.]+); left out", r"\1：统计表中有 \2 和 \3 两个值；未采用"),
    (_AT + r"(\S+) has a signed value under (\S+): its cells are shifted; only the last column is kept",
     r"\g<at>：\2 在“\3”列下有带正负号的数值，单元格错位；只采用最后一列"),
    (_AT + r"(\S+) digits '(\d+)' run together and cannot be split unambiguously; left out",
     r"\g<at>：\2 的数字“\3”连在一起，无法唯一拆分；未采用"),
    (_AT + r"(\S+) digits '(\d+)' run together; split as ([\d ]+) \(the only split into whole numbers\)",
     r"\g<at>：\2 的数字“\3”连在一起；拆为 \4（唯一可行的整数拆分）"),
    (_AT + r"(\S+) digits '(\d+)' run together; split as ([\d ]+) \(the only split the row's totals allow\)",
     r"\g<at>：\2 的数字“\3”连在一起；拆为 \4（与该行合计相符的唯一拆分）"),
    (_AT + r"(\S+) has (\d+) values for (\d+) columns and its empty cells cannot be placed; left out",
     r"\g<at>：\2 有 \3 个数值，而表格有 \4 列，空单元格的位置无法确定；未采用"),
    (_AT + r"(\S+) has (\d+) values for (\d+) columns; left out", r"\g<at>：\2 有 \3 个数值，而表格有 \4 列；未采用"),
    (_AT + r"(\S+) has (\d+) of (\d+) cells; only the first is kept",
     r"\g<at>：\2 只有 \4 个单元格中的 \3 个；只采用第一个"),
    (_AT + r"amount ([\d.]+) printed without a unit; read as 万元 as the template's header says, "
     r"check whether it is in 元", r"\g<at>：金额 \2 未注明单位，按模板表头读作万元；请核对是否实为元"),
    (_AT + r"(\S+) read as ([\d.]+) here but ([\d.]+) at (.+); kept the first",
     r"\g<at>：\2 在此读作 \3，但在\5读作 \4；采用先读到的值"),
]  # fmt: skip
_COMPILED = [(re.compile(f"^{p}$"), zh) for p, zh in _PATTERNS]


def _where(text: str) -> str:
    """``line 12`` → 第 12 行, ``table 2 row 3`` → 第 2 个表格第 3 行, ``title`` → 标题."""
    text = _WHERE.sub(lambda m: _WHERE_ZH[m[1]].format(m[2]) + (f"第 {m[3]} 行" if m[3] else ""), text)
    return re.sub(r"(?<![A-Za-z])title(?![A-Za-z])", "标题", text)


def _problem_in(text: str) -> str:
    """The pre-2019 statistics table's row problem (``…“label”一行PROBLEM；未采用``) in Chinese."""
    head, sep, rest = text.rpartition("”一行")
    if not sep:
        return text
    problem, tail = rest.rsplit("；", 1)
    for pattern, zh in _PROBLEMS:
        problem = re.sub(f"^{pattern}$", zh, problem)
    return f"{head}{sep}{problem}；{tail}"


def to_chinese(warning: str) -> str | None:
    """The warning in Chinese, or None when no pattern knows it."""
    for pattern, zh in _COMPILED:
        match = pattern.match(warning)
        if match:
            text = _problem_in(_where(match.expand(zh)))
            text = re.sub(r"([\d.]+) in “", r"\1：“", text).replace("”; ", "”；")  # sentences disagree
            return text.replace(", ", "、").replace("可能的读法：none", "没有可行的读法")
    return None


# Why a file was not read, in Chinese. The reasons are plain strings from indexer/extract/readers
# and indexer/ingest.py (English, stable, kept in --json); anything not listed here is shown as
# it is.
_REASONS = [
    (r"file not found|no such file", "文件不存在"),
    (r"not a regular file", "不是普通文件"),
    (r"file is empty \(0 bytes\)", "文件是空的（0 字节）"),
    (r"unsupported file type (?P<a>\S+) \(supported: (?P<b>.*)\)", "不支持的文件类型 {a}（支持：{b}）"),
    (r"(?P<a>.+) files are not read: save it as \.docx, PDF or HTML", "不读取 {a} 文件：请另存为 .docx、PDF 或 HTML"),
    (r"cannot open file: (?P<a>.*)", "无法打开文件：{a}"),
    (r"cannot read file: (?P<a>.*)", "无法读取文件：{a}"),
    (r"cannot read as (?P<a>\w+): (?P<b>.*)", "无法按 {a} 格式读取：{b}"),
    (r"does not look like text \(no known encoding decodes it cleanly\)", "看起来不是文本（没有一种已知编码能完整解码）"),
    (r"not a readable Word \.docx file \(not a zip package: truncated or damaged\)",
     "不是可读的 Word .docx 文件（不是 zip 包：文件不完整或已损坏）"),
    (r"not a readable Word \.docx file \((?P<a>.*)\)", "不是可读的 Word .docx 文件（{a}）"),
    (r"PDF is encrypted \(a password is needed to read it\)", "PDF 已加密（需要密码才能读取）"),
    (r"Office file is encrypted \(a password is needed to read it\)", "Office 文件已加密（需要密码才能读取）"),
    (r"not a readable web archive \(MHTML\): no HTML page inside", "不是可读的网页归档（MHTML）文件：其中没有网页"),
    (r"not a readable Word 97-2003 \(\.doc/\.wps\) file \(not an OLE compound file: damaged or another format\)",
     "不是可读的 Word 97-2003（.doc/.wps）文件（不是 OLE 复合文档：已损坏或是其他格式）"),
    (r"not a readable Word 97-2003 \(\.doc/\.wps\) file \(no Word document inside: damaged, or a workbook or slides renamed\)",
     "不是可读的 Word 97-2003（.doc/.wps）文件（其中没有 Word 文档：已损坏，或是改了扩展名的表格或幻灯片）"),
    (r"not a readable Word 97-2003 \(\.doc/\.wps\) file \(damaged or truncated OLE compound file\)",
     "不是可读的 Word 97-2003（.doc/.wps）文件（OLE 复合文档已损坏或不完整）"),
    (r"not a readable Word 97-2003 \(\.doc/\.wps\) file \(its Word structures are truncated or damaged\)",
     "不是可读的 Word 97-2003（.doc/.wps）文件（其中的 Word 结构不完整或已损坏）"),
    (r"not a readable Word 97-2003 \(\.doc/\.wps\) file \((?P<a>.*)\)", "不是可读的 Word 97-2003（.doc/.wps）文件（{a}）"),
    (r"not a readable PDF \(damaged or truncated: (?P<a>.*)\)", "不是可读的 PDF（文件不完整或已损坏：{a}）"),
    (r"reading (?P<a>Word \.docx|Word \.doc|HTML|PDF) files needs the package '(?P<b>[^']+)'",
     "读取 {a} 文件需要安装 {b} 包（pip install {b}）"),
    (r"extraction failed \((?P<a>.*)\)", "提取时出错（{a}）"),
    (r"not a report \(no report title with a year, no section headings, no tables\)",
     "不是年度报告（没有带年份的报告标题，没有章节标题，也没有表格）"),
    (r"not a report \((?P<a>.*)\)", "不是年度报告（{a}）"),
    (r"not a regular file \(a FIFO\)", "不是普通文件（命名管道）"),
    (r"not a regular file \(a socket\)", "不是普通文件（套接字）"),
    (r"not a regular file \(a device\)", "不是普通文件（设备文件）"),
    (r"symbolic link to a folder: not followed", "指向文件夹的符号链接：不跟随"),
    (r"symbolic link: not followed in folders \(give it directly\)", "符号链接：遍历文件夹时不跟随（可直接给出它的路径）"),
    (r"symbolic link to nothing \(its target does not exist\)", "符号链接指向的目标不存在"),
    (r"symbolic link that loops", "循环的符号链接"),
    (r"symbolic link that cannot be followed: (?P<a>.*)", "无法跟随的符号链接：{a}"),
    (r"cannot open folder: (?P<a>.*)", "无法打开文件夹：{a}"),
    (r"took longer than (?P<a>[\d.]+) s", "读取超过 {a} 秒，已中止（--file-timeout）"),
    (r"needed more memory than the limit of (?P<a>\d+) MB per worker \(--memory-limit\)",
     "所需内存超过每个提取进程 {a} MB 的上限（--memory-limit）"),
    (r"ran out of memory", "内存不足"),
    (r"the worker reading it died \(killed by signal (?P<a>\d+), (?P<b>\w+); out of memory\?\)",
     "读取它的提取进程被信号 {a}（{b}）终止（可能是内存不足）"),
    (r"the worker reading it died \(killed by signal (?P<a>\d+), (?P<b>\w+)\)", "读取它的提取进程被信号 {a}（{b}）终止"),
    (r"the worker reading it died \(exit code (?P<a>-?\d+)\)", "读取它的提取进程意外退出（退出码 {a}）"),
    (r"file too large: (?P<a>[\d.]+ [KM]B) \(limit for (?P<b>\w+) files: (?P<c>[\d.]+ [KM]B)\)",
     "文件过大：{a}（{b} 文件的上限为 {c}）"),
    (r"HTML nested more than (?P<a>\d+) elements deep \(limit \d+\)", "HTML 嵌套超过 {a} 层（上限）"),
    (r"HTML has more than (?P<a>[\d,]+) elements \(limit [\d,]+\)", "HTML 元素超过 {a} 个（上限）"),
    (r"Word \.docx file unpacks to (?P<a>[\d.]+ [KM]B) \(limit (?P<b>[\d.]+ [KM]B); a zip bomb\?\)",
     "Word .docx 文件解压后达 {a}（上限 {b}），疑为压缩炸弹"),
    (r"Word \.doc text has (?P<a>[\d,]+) characters \(limit (?P<b>[\d,]+)\)",
     "Word .doc 正文有 {a} 个字符（上限 {b}）"),
    (r"Word \.docx text \(XML\) unpacks to (?P<a>[\d.]+ [KM]B) \(limit (?P<b>[\d.]+ [KM]B)\)",
     "Word .docx 正文（XML）解压后达 {a}（上限 {b}）"),
    (r"PDF has (?P<a>[\d,]+) pages \(limit (?P<b>\d+); a report is rarely over 200\)",
     "PDF 共 {a} 页（上限 {b} 页；年度报告很少超过 200 页）"),
    (r"PDF has no text layer; scanned image\? \(run OCR on it first\)", "PDF 没有文字层，可能是扫描图像（请先做文字识别）"),
    (r"ran out of memory while extracting \(.*\)", "提取时内存不足"),
    (r"structure nested too deeply to extract \(RecursionError\)", "结构嵌套过深，无法提取"),
    (r"unknown error", "未知错误"),
]  # fmt: skip
_OS_REASONS = {
    "Permission denied": "没有权限",
    "No such file or directory": "文件或文件夹不存在",
    "Is a directory": "这是一个文件夹",
    "File exists": "已有同名的文件",
    "Not a directory": "路径中有一部分不是文件夹",
    "Read-only file system": "文件系统只读",
    "No space left on device": "磁盘空间不足",
}


def reason_zh(reason: str) -> str:
    """Why a file was not read, in Chinese where the reason is a known one (else as given).

    >>> reason_zh("file is empty (0 bytes)"), reason_zh("cannot open file: Permission denied")
    ('文件是空的（0 字节）', '无法打开文件：没有权限')
    """
    if reason in _OS_REASONS:
        return _OS_REASONS[reason]
    for pattern, text in _REASONS:
        match = re.fullmatch(pattern, reason)
        if match:
            return text.format(**{k: _OS_REASONS.get(v, v) for k, v in match.groupdict().items()})
    return reason


def os_error_zh(err: OSError) -> str:
    """An operating-system error on a path as one Chinese line: ``index_data: 没有权限``."""
    where = f"{err.filename}: " if err.filename is not None else ""
    return f"{where}{_OS_REASONS.get(err.strerror or '', err.strerror or str(err))}"
