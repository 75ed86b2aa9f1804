"""乡镇汇总 mode: a window over the township store (being built)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QLabel, QMainWindow, QWidget


class TownshipWindow(QMainWindow):
    def __init__(self, township_db_path: str | Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.township_db_path = Path(township_db_path)
        self.setWindowTitle(self.tr("乡镇汇总"))
        self.setCentralWidget(QLabel(self.tr("建设中")))
