"""Error codes of the imports package and their Chinese sentences (registered with the core)."""

from __future__ import annotations

from ..errors import QT_TRANSLATE_NOOP, register_messages

MESSAGES: dict[str, str] = {
    "import_file_missing": QT_TRANSLATE_NOOP("errors", "找不到文件：{path}"),
    "import_not_spreadsheet": QT_TRANSLATE_NOOP(
        "errors", "{path} 不是能读的表格文件（支持 .xlsx、.xls、.csv）：{detail}"
    ),
    "import_password": QT_TRANSLATE_NOOP(
        "errors", "{path} 设置了打开密码，请先在Excel/WPS里去掉密码再导入"
    ),
    "import_empty": QT_TRANSLATE_NOOP("errors", "{path} 是空的：没有任何数据"),
    "import_no_header": QT_TRANSLATE_NOOP(
        "errors", "{path} 里找不到“{field}”列（认得的列名：{aliases}）"
    ),
    "import_missing_column": QT_TRANSLATE_NOOP(
        "errors", "{path} 的表头（第{row}行）里没有“{field}”列（认得的列名：{aliases}）"
    ),
    "import_no_category": QT_TRANSLATE_NOOP(
        "errors",
        "{path} 里没有“人员类别”或“残疾等级”列，请用 --category 指定这份名单的人员类别（{known}）",
    ),
    "import_kind_unknown": QT_TRANSLATE_NOOP(
        "errors", "不认识的导入类型“{kind}”，应为 roster、groups 或 payments"
    ),
}

register_messages(MESSAGES)
