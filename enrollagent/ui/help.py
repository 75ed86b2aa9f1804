"""帮助: the user guide (resources/guide/*.md) in a browser window, its printing, and 关于."""

from __future__ import annotations

import tempfile
from pathlib import Path

from PySide6.QtCore import QUrl, Slot
from PySide6.QtGui import QPageSize, QPdfWriter
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QMainWindow,
    QPushButton,
    QTextBrowser,
    QToolBar,
    QVBoxLayout,
    QWidget,
)

from .. import __version__
from ..exports.keys import key_exists, load_or_create_key
from ..paths import resource_dir
from .jobs import open_folder, print_file

LICENCE = "MIT"
HOME = "index.md"
QUICK = "quick.md"


def guide_dir() -> Path:
    """The guide ships in resources/, so the frozen build carries it with the rest."""
    return resource_dir() / "guide"


class HelpWindow(QMainWindow):
    """The guide's pages; links between them and the pictures resolve against the guide folder."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("使用指南 — 村医保征缴助手"))
        self.browser = QTextBrowser(self)
        self.browser.setOpenExternalLinks(True)
        self.setCentralWidget(self.browser)
        bar = QToolBar(self)
        bar.setMovable(False)
        self.addToolBar(bar)
        for text, slot in (
            (self.tr("< 后退"), self.browser.backward),
            (self.tr("目录"), self._on_home_triggered),
            (self.tr("快速参考"), self._on_quick_triggered),
            (self.tr("打印本页…"), self._on_print_triggered),
        ):
            bar.addAction(text).triggered.connect(slot)
        self.resize(980, 700)
        self.show_page(HOME)

    def show_page(self, name: str) -> None:
        self.browser.setSource(QUrl.fromLocalFile(str(guide_dir() / name)))

    @Slot()
    def _on_home_triggered(self) -> None:
        self.show_page(HOME)

    @Slot()
    def _on_quick_triggered(self) -> None:
        self.show_page(QUICK)

    @Slot()
    def _on_print_triggered(self) -> None:
        self.print_page()

    def page_pdf(self, path: Path) -> Path:
        """The page in front as an A4 PDF (the pictures included)."""
        writer = QPdfWriter(str(path))
        writer.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
        writer.setResolution(150)
        writer.setTitle(self.browser.documentTitle())
        self.browser.document().print_(writer)
        return path

    def print_page(self) -> Path:
        """Printed the way every PDF of the app is (jobs.print_file)."""
        folder = Path(tempfile.mkdtemp(prefix="enrollagent-guide-"))
        name = Path(self.browser.source().toLocalFile()).stem or "guide"
        path = self.page_pdf(folder / f"{name}.pdf")
        print_file(path)
        return path


class AboutDialog(QDialog):
    """Version, the data folder (with a button to open it), the signing key's fingerprint, licence."""

    def __init__(self, db_path: Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("关于 村医保征缴助手"))
        self.db_path = Path(db_path).resolve()
        self.folder = self.db_path.parent
        # The key is made by the first start; About only reads it, never creates one.
        fingerprint = (
            load_or_create_key(db_path).fingerprint if key_exists(db_path) else self.tr("尚未生成")
        )
        form = QFormLayout()
        form.addRow(self.tr("版本"), QLabel(__version__, self))
        folder_label = QLabel(str(self.folder), self)
        folder_label.setWordWrap(True)
        self.open_folder_button = QPushButton(self.tr("打开文件夹"), self)
        self.open_folder_button.clicked.connect(self._on_open_folder_button_clicked)
        row = QHBoxLayout()
        row.addWidget(folder_label, 1)
        row.addWidget(self.open_folder_button)
        form.addRow(self.tr("数据文件夹"), row)
        self.fingerprint_label = QLabel(fingerprint, self)
        form.addRow(self.tr("签名密钥指纹"), self.fingerprint_label)
        form.addRow(self.tr("许可证"), QLabel(LICENCE, self))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(self.tr("<b>村医保征缴助手 EnrollAgent</b>"), self))
        layout.addLayout(form)
        layout.addWidget(buttons)

    @Slot()
    def _on_open_folder_button_clicked(self) -> None:
        open_folder(self.db_path)
