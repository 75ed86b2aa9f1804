"""Long core jobs off the GUI thread: one serial pool, own connection, progress dialog, cancel, errors."""

from __future__ import annotations

import logging
import os
import shutil
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import sqlite_utils
from PySide6.QtCore import QCoreApplication, QObject, QRunnable, Qt, QThreadPool, QUrl, Signal, Slot
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QProgressDialog,
    QPushButton,
    QWidget,
)

from ..core.progress import Cancelled, Progress
from ..db import open_database
from ..errors import MESSAGES, EnrollError

log = logging.getLogger(__name__)

# A job is fn(db, progress) -> result; db is the worker's own connection (sqlite3 is thread-bound).
JobFn = Callable[[sqlite_utils.Database, Progress], Any]
SHOW_AFTER_MS = 500  # quick jobs never flash a dialog

_pool: QThreadPool | None = None


def pool() -> QThreadPool:
    """One serial lane for all database jobs: two writers never race, reportlab never runs twice."""
    global _pool
    if _pool is None:
        _pool = QThreadPool()
        _pool.setMaxThreadCount(1)
    return _pool


def error_text(error: EnrollError) -> str:
    """An EnrollError in the user's language (the core's templates are the Chinese source strings)."""
    template = QCoreApplication.translate("errors", MESSAGES.get(error.code, error.code))
    try:
        return template.format(**error.params)
    except (KeyError, IndexError):
        return template


def show_error(parent: QWidget, text: str, title: str = "") -> QMessageBox:
    """A window-modal message that does not block the caller; Enter closes it."""
    box = QMessageBox(
        QMessageBox.Icon.Warning,
        title or QCoreApplication.translate("jobs", "出错了"),
        text,
        QMessageBox.StandardButton.Ok,
        parent,
    )
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    box.setWindowModality(Qt.WindowModality.WindowModal)
    box.open()
    return box


class _Signals(QObject):
    progressed = Signal(int, int, str)
    done = Signal(object)
    failed = Signal(str)
    cancelled = Signal()


class _Runnable(QRunnable):
    def __init__(
        self,
        fn: JobFn,
        db_path: Path | None,
        opener: Callable[[Path], sqlite_utils.Database],
        progress: Progress,
        signals: _Signals,
    ) -> None:
        super().__init__()
        self.setAutoDelete(True)
        self.fn, self.db_path, self.opener, self.progress, self.signals = (
            fn,
            db_path,
            opener,
            progress,
            signals,
        )

    def run(self) -> None:
        db = None
        try:
            if self.progress.cancelled:
                raise Cancelled()
            db = self.opener(self.db_path) if self.db_path is not None else None
            result = self.fn(db, self.progress)
        except Cancelled:
            self.signals.cancelled.emit()
        except EnrollError as e:
            self.signals.failed.emit(error_text(e))
        except Exception:  # the worker boundary: log the trace, show a sentence
            log.exception("job failed")
            self.signals.failed.emit(
                QCoreApplication.translate(
                    "jobs", "操作没有完成：程序内部出错，详情已记入日志文件。数据没有改动。"
                )
            )
        else:
            self.signals.done.emit(result)
        finally:
            if db is not None:
                db.close()


class Job(QObject):
    """Run `fn` on the serial pool; `succeeded(result)`, `failed(message)` or `cancelled()`, then
    `finished()`, all on the GUI thread. With a parent widget a progress dialog appears after
    SHOW_AFTER_MS; its 取消 button cancels the job at its next progress update (the core rolls back)."""

    progressed = Signal(int, int, str)
    succeeded = Signal(object)
    failed = Signal(str)
    cancelled = Signal()
    finished = Signal()

    def __init__(
        self,
        fn: JobFn,
        *,
        db_path: str | Path | None,
        label: str = "",
        parent: QWidget | None = None,
        opener: Callable[[Path], sqlite_utils.Database] = open_database,
    ) -> None:
        super().__init__(parent)
        self.result: Any = None
        self.error = ""
        self.state = "new"  # new | running | succeeded | failed | cancelled
        self._progress = Progress(self._report)
        self._signals = _Signals()
        self._signals.progressed.connect(self._on_worker_progressed)
        self._signals.done.connect(self._on_worker_done)
        self._signals.failed.connect(self._on_worker_failed)
        self._signals.cancelled.connect(self._on_worker_cancelled)
        self._runnable = _Runnable(
            fn, Path(db_path) if db_path else None, opener, self._progress, self._signals
        )
        self.dialog: QProgressDialog | None = None
        if parent is not None:
            self.dialog = QProgressDialog(
                label or self.tr("正在处理…"), self.tr("取消"), 0, 0, parent
            )
            self.dialog.setWindowTitle(self.tr("请稍候"))
            self.dialog.setWindowModality(Qt.WindowModality.WindowModal)
            self.dialog.setMinimumDuration(SHOW_AFTER_MS)
            self.dialog.setAutoClose(False)
            self.dialog.setAutoReset(False)
            self.dialog.setMinimumWidth(420)
            self.dialog.canceled.connect(self.cancel)

    def _report(self, done: int, total: int, message: str) -> None:
        # Called in the worker thread: only a signal crosses back (queued to the GUI thread).
        self._signals.progressed.emit(done, total, message)

    def start(self) -> Job:
        self.state = "running"
        pool().start(self._runnable)
        return self

    @Slot()
    def cancel(self) -> None:
        self._progress.cancel()
        if self.dialog is not None:
            self.dialog.setLabelText(self.tr("正在取消，已做的改动将全部撤回…"))

    @property
    def running(self) -> bool:
        return self.state == "running"

    @Slot(int, int, str)
    def _on_worker_progressed(self, done: int, total: int, message: str) -> None:
        dialog = self.dialog
        if dialog is not None and not self._progress.cancelled:
            if message:
                dialog.setLabelText(message)
            dialog.setMaximum(max(total, 0))
            # A modal dialog's setValue() processes events: the job may end (and drop the dialog) inside it.
            dialog.setValue(min(done, total) if total else 0)
        self.progressed.emit(done, total, message)

    def _end(self, state: str) -> None:
        self.state = state
        if self.dialog is not None:
            self.dialog.canceled.disconnect(self.cancel)
            self.dialog.close()
            self.dialog.deleteLater()
            self.dialog = None

    @Slot(object)
    def _on_worker_done(self, result: object) -> None:
        self.result = result
        self._end("succeeded")
        self.succeeded.emit(result)
        self.finished.emit()

    @Slot(str)
    def _on_worker_failed(self, message: str) -> None:
        self.error = message
        self._end("failed")
        self.failed.emit(message)
        self.finished.emit()

    @Slot()
    def _on_worker_cancelled(self) -> None:
        self._end("cancelled")
        self.cancelled.emit()
        self.finished.emit()


def open_file(path: str | Path) -> bool:
    return QDesktopServices.openUrl(QUrl.fromLocalFile(str(Path(path))))


def open_folder(path: str | Path) -> bool:
    return QDesktopServices.openUrl(QUrl.fromLocalFile(str(Path(path).parent)))


def print_file(path: str | Path) -> bool:
    """Print a PDF in one click with the system's own program: on Windows the PDF program's
    打印 verb, elsewhere `lp` to the default printer. Where neither works (no printer set up, no
    program taking the verb) the file opens in the viewer, whose 打印 the agent knows. QPrinter
    was not used: it draws pages, and rendering a PDF into it needs a PDF library besides."""
    path = Path(path)
    if sys.platform == "win32":
        try:
            os.startfile(str(path), "print")  # type: ignore[attr-defined]
            return True
        except OSError:
            log.info("no print verb for %s", path.suffix)
    else:
        lp = shutil.which("lp")
        if lp and subprocess.run([lp, str(path)], capture_output=True, check=False).returncode == 0:
            return True
    return open_file(path)


class ResultBar(QWidget):
    """ "已生成 …" with 打开文件 / 打印 (a PDF) / 打开所在文件夹, shown under a page once a file is
    written."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.path: Path | None = None
        self.path_label = QLabel()
        self.path_label.setWordWrap(True)
        self.path_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.open_button = QPushButton(self.tr("打开文件"))
        self.print_button = QPushButton(self.tr("打印"))
        self.folder_button = QPushButton(self.tr("打开所在文件夹"))
        self.open_button.clicked.connect(self._on_open_button_clicked)
        self.print_button.clicked.connect(self._on_print_button_clicked)
        self.folder_button.clicked.connect(self._on_folder_button_clicked)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.path_label, 1)
        row.addWidget(self.open_button)
        row.addWidget(self.print_button)
        row.addWidget(self.folder_button)
        for button in (self.open_button, self.print_button, self.folder_button):
            button.setAutoDefault(True)
        self.hide()

    def show_path(self, path: str | Path) -> None:
        self.path = Path(path)
        self.path_label.setText(self.tr("已生成：{path}").format(path=self.path))
        self.print_button.setVisible(self.path.suffix.lower() == ".pdf")
        self.show()
        self.open_button.setFocus()

    @Slot()
    def _on_open_button_clicked(self) -> None:
        if self.path is not None:
            open_file(self.path)

    @Slot()
    def _on_print_button_clicked(self) -> None:
        if self.path is not None:
            print_file(self.path)

    @Slot()
    def _on_folder_button_clicked(self) -> None:
        if self.path is not None:
            open_folder(self.path)
