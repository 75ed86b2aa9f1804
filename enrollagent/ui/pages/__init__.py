"""The pages of the main window, in navigation order. Each module defines `Page(ctx, parent=None)`,
a QWidget with `show_filter(filter: dict)` for AppContext.navigate and `refresh(changes)`, which
`follow_changes` calls with what each write changed."""

from __future__ import annotations

import importlib

from PySide6.QtCore import QT_TRANSLATE_NOOP, QObject, Slot
from PySide6.QtWidgets import QStackedWidget, QWidget

from ...core.changes import NOTHING, Changes
from ..context import AppContext

PAGES: list[tuple[str, str]] = [
    ("overview", QT_TRANSLATE_NOOP("Pages", "概览")),
    ("roster", QT_TRANSLATE_NOOP("Pages", "花名册")),
    ("payments", QT_TRANSLATE_NOOP("Pages", "缴费登记")),
    ("special", QT_TRANSLATE_NOOP("Pages", "特殊群体")),
    ("imports", QT_TRANSLATE_NOOP("Pages", "导入")),
    ("exports", QT_TRANSLATE_NOOP("Pages", "导出与打印")),
    ("settings", QT_TRANSLATE_NOOP("Pages", "设置")),
    ("changelog", QT_TRANSLATE_NOOP("Pages", "变更记录")),
    # Last, so the pages before it keep their Alt+number.
    ("messages", QT_TRANSLATE_NOOP("Pages", "催缴消息")),
]


def page_class(key: str) -> type:
    return importlib.import_module(f"{__name__}.{key}").Page


class _Follower(QObject):
    """Calls page.refresh(changes) after every write: at once, or, for a page the main window's
    stack is not showing, once the stack turns to it, with everything since merged into one."""

    def __init__(self, page: QWidget, ctx: AppContext) -> None:
        super().__init__(page)
        self.page = page
        self.pending: Changes = NOTHING
        stack = page.parentWidget()
        self.stack = stack if isinstance(stack, QStackedWidget) else None
        ctx.changed.connect(self._on_ctx_changed)
        if self.stack is not None:
            self.stack.currentChanged.connect(self._on_stack_current_changed)

    def _waiting(self) -> bool:
        return self.stack is not None and self.stack.currentWidget() is not self.page

    @Slot(object)
    def _on_ctx_changed(self, changes: Changes) -> None:
        if self._waiting():
            self.pending = self.pending | changes
        else:
            self.page.refresh(changes)

    @Slot(int)
    def _on_stack_current_changed(self, _index: int) -> None:
        if self.pending and not self._waiting():
            pending, self.pending = self.pending, NOTHING
            self.page.refresh(pending)


def follow_changes(page: QWidget, ctx: AppContext) -> None:
    """Keep `page` up to date with the store: each page calls this once it is built."""
    _Follower(page, ctx)
