"""Page 'roster' of the main window (being built)."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from ..context import AppContext


class Page(QWidget):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        QVBoxLayout(self).addWidget(QLabel(self.tr("建设中")))

    def show_filter(self, filter: dict) -> None:
        pass

    def refresh(self) -> None:
        pass
