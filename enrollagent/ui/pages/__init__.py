"""The pages of the main window, in navigation order. Each module defines `Page(ctx, parent=None)`,
a QWidget with `show_filter(filter: dict)` for AppContext.navigate and `refresh()` for AppContext.changed."""

from __future__ import annotations

import importlib

from PySide6.QtCore import QT_TRANSLATE_NOOP

PAGES: list[tuple[str, str]] = [
    ("overview", QT_TRANSLATE_NOOP("Pages", "概览")),
    ("roster", QT_TRANSLATE_NOOP("Pages", "花名册")),
    ("payments", QT_TRANSLATE_NOOP("Pages", "缴费登记")),
    ("special", QT_TRANSLATE_NOOP("Pages", "特殊群体")),
    ("imports", QT_TRANSLATE_NOOP("Pages", "导入")),
    ("exports", QT_TRANSLATE_NOOP("Pages", "导出与打印")),
    ("settings", QT_TRANSLATE_NOOP("Pages", "设置")),
]


def page_class(key: str) -> type:
    return importlib.import_module(f"{__name__}.{key}").Page
