"""Start the GUI (placeholder window until the desktop-app issue lands)."""

from __future__ import annotations

import sys


def run(db_path: str | None = None) -> int:
    from PySide6.QtWidgets import QApplication, QLabel

    app = QApplication.instance() or QApplication(sys.argv)
    label = QLabel("村医保征缴助手 — 图形界面正在建设中，请先使用命令行 enrollagent --help")
    label.setWindowTitle("村医保征缴助手")
    label.resize(640, 200)
    label.show()
    return app.exec()
