"""A hidden test hook: the GUI closes every window and quits by itself after a while
(ENROLLAGENT_QUIT_AFTER_MS, read by app.py), so tests/test_build.py can start the built program
offscreen and see it end."""

from __future__ import annotations

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication

from .main import make_application


def quit_after(ms: int) -> None:
    app = make_application()

    def close_all() -> None:
        # quit() alone leaves a modal dialog's own loop (the first-start wizard) running.
        QApplication.closeAllWindows()
        app.quit()

    QTimer.singleShot(ms, close_all)
