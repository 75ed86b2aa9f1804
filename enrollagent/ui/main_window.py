"""The main window: page navigation on the left, the pages in a stack, menu and shortcuts."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QSettings, Qt, QTimer, Slot
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QMainWindow,
    QMessageBox,
    QStackedWidget,
    QWidget,
)

from .. import __version__, paths
from ..core.changes import Changes
from ..core.restore import write_portable_backup
from ..core.village import get_policy, get_village
from .context import AppContext
from .pages import PAGES, page_class


class MainWindow(QMainWindow):
    """Pages are built the first time they are shown; each follows the store's changes itself."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.pages: dict[str, QWidget] = {}
        self._township = None
        self._help = None
        self.nav_list = QListWidget(self)
        self.nav_list.setObjectName("nav")
        for _key, title in PAGES:
            self.nav_list.addItem(QCoreApplication.translate("Pages", title))
        self.nav_list.setFixedWidth(
            self.nav_list.fontMetrics().horizontalAdvance("导出与打印") + 48
        )
        self.nav_list.setStyleSheet(
            "#nav { background: #f2f4f7; border: none; padding-top: 8px; }"
            "#nav::item { padding: 10px 12px; }"
            "#nav::item:selected { background: #dbe7f7; color: #0b3d91; border-left: 4px solid #2f6fd6; }"
        )
        self.stack = QStackedWidget(self)
        for _ in PAGES:
            self.stack.addWidget(QWidget(self.stack))  # placeholders until a page is first shown
        central = QWidget(self)
        layout = QHBoxLayout(central)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.nav_list)
        layout.addWidget(self.stack, 1)
        self.setCentralWidget(central)
        self._build_menu()
        self.statusBar().showMessage(self.tr("数据文件：{0}").format(ctx.db_path))
        # Every page shows the year in force; after a new year has started, the agent must never
        # wonder which year a figure or a payment belongs to.
        self.year_label = QLabel(self)
        self.year_label.setObjectName("yearInForce")
        self.year_label.setStyleSheet(
            "#yearInForce { background: #dbe7f7; color: #0b3d91; font-weight: bold;"
            " padding: 2px 10px; border-radius: 4px; }"
        )
        self.statusBar().addPermanentWidget(self.year_label)
        self._show_year()
        ctx.changed.connect(self._on_ctx_changed)

        self.nav_list.currentRowChanged.connect(self._on_nav_list_row_changed)
        ctx.navigate.connect(self._on_ctx_navigate)
        for keys, slot in (
            ("Ctrl+F", self._on_find),
            ("Ctrl+N", self._on_new_household),
            ("Ctrl+P", self._on_pay),
        ):
            QShortcut(QKeySequence(keys), self, activated=slot)

        settings = QSettings()
        geometry = settings.value("main/geometry")
        self.first_run = (
            geometry is None
        )  # then open maximised: a 1366×768 laptop has no room to spare
        if geometry is not None:
            self.restoreGeometry(geometry)
        else:
            self.resize(1280, 720)
        keys = [k for k, _ in PAGES]
        last = settings.value("main/last_page", "overview")
        # The page is built once the window has painted: the agent sees the window at once and its
        # figures a moment later, instead of nothing until the figures are ready.
        self.nav_list.blockSignals(True)
        self.nav_list.setCurrentRow(keys.index(last) if last in keys else 0)
        self.nav_list.blockSignals(False)
        QTimer.singleShot(0, self._on_first_paint)

    def _build_menu(self) -> None:
        file_menu = self.menuBar().addMenu(self.tr("文件(&F)"))
        self.new_year_action = QAction(self.tr("开始新年度征缴…"), self)
        self.new_year_action.triggered.connect(self.start_new_year)
        file_menu.addAction(self.new_year_action)
        file_menu.addSeparator()
        township = QAction(self.tr("乡镇汇总模式…"), self)
        township.triggered.connect(self.open_township)
        file_menu.addAction(township)
        self.usb_backup_action = QAction(self.tr("备份到U盘…"), self)
        self.usb_backup_action.triggered.connect(self._on_usb_backup)
        file_menu.addAction(self.usb_backup_action)
        file_menu.addSeparator()
        quit_action = QAction(self.tr("退出(&X)"), self)
        quit_action.setShortcut(QKeySequence.StandardKey.Quit)
        quit_action.triggered.connect(self.close)
        file_menu.addAction(quit_action)
        go_menu = self.menuBar().addMenu(self.tr("页面(&G)"))
        for i, (_key, title) in enumerate(PAGES):
            action = QAction(QCoreApplication.translate("Pages", title), self)
            action.setShortcut(QKeySequence(f"Alt+{i + 1}"))
            action.triggered.connect(lambda _=False, row=i: self.nav_list.setCurrentRow(row))
            go_menu.addAction(action)
        help_menu = self.menuBar().addMenu(self.tr("帮助(&H)"))
        self.guide_action = QAction(self.tr("使用指南"), self)
        self.guide_action.setShortcut(QKeySequence(Qt.Key.Key_F1))
        self.guide_action.triggered.connect(self._on_guide)
        help_menu.addAction(self.guide_action)
        quick_action = QAction(self.tr("快速参考"), self)
        quick_action.triggered.connect(self._on_quick_reference)
        help_menu.addAction(quick_action)
        help_menu.addSeparator()
        about_action = QAction(self.tr("关于"), self)
        about_action.triggered.connect(self._on_about)
        help_menu.addAction(about_action)

    def year_text(self) -> str:
        policy = get_policy(self.ctx.db)
        return self.tr("{year}年度（征缴期 {start} 至 {end}）").format(
            year=policy.year,
            start=policy.window_start.isoformat(),
            end=policy.window_end.isoformat(),
        )

    def _show_year(self) -> None:
        village = get_village(self.ctx.db)
        year = self.year_text()
        self.setWindowTitle(self.tr("村医保征缴助手 — {0} — {1}").format(village.title, year))
        self.year_label.setText(year)

    @Slot(object)
    def _on_ctx_changed(self, changes: Changes) -> None:
        if changes.everything or changes.village or changes.year:
            self._show_year()

    # --- pages ---------------------------------------------------------------------------
    def page(self, key: str) -> QWidget:
        """The page for `key`, built on first use."""
        if key not in self.pages:
            index = [k for k, _ in PAGES].index(key)
            page = page_class(key)(self.ctx, self.stack)
            old = self.stack.widget(index)
            self.stack.insertWidget(index, page)
            self.stack.removeWidget(old)
            old.deleteLater()
            self.pages[key] = page
        return self.pages[key]

    def current_key(self) -> str:
        return PAGES[max(0, self.nav_list.currentRow())][0]

    def show_page(self, key: str) -> QWidget:
        row = [k for k, _ in PAGES].index(key)
        if self.nav_list.currentRow() != row:
            self.nav_list.setCurrentRow(row)
        else:
            self._on_nav_list_row_changed(row)
        return self.pages[key]

    def _on_first_paint(self) -> None:
        self._on_nav_list_row_changed(self.nav_list.currentRow())

    def _on_nav_list_row_changed(self, row: int) -> None:
        """Build the page on first use (a page brings itself up to date when shown)."""
        if row < 0:
            return
        self.stack.setCurrentWidget(self.page(PAGES[row][0]))

    def _on_ctx_navigate(self, key: str, flt: dict) -> None:
        self.show_page(key).show_filter(flt)

    # --- shortcuts and menu --------------------------------------------------------------
    def _on_find(self) -> None:
        """The search of the page in front when it has one (缴费登记, 特殊群体), else the roster's."""
        page = self.stack.currentWidget()
        if not hasattr(page, "focus_search"):
            page = self.show_page("roster")
        page.focus_search()

    def _on_new_household(self) -> None:
        self.show_page("roster").new_household()

    def _on_pay(self) -> None:
        page = self.show_page("payments")
        if hasattr(page, "focus_search"):
            page.focus_search()

    def start_new_year(self) -> None:
        from .dialogs.new_year import NewYearDialog

        dialog = NewYearDialog(self.ctx, self)
        if dialog.exec():
            self.statusBar().showMessage(
                self.tr("已开始{0}年度征缴，各页面显示的都是{0}年度。").format(dialog.year())
            )

    def _on_usb_backup(self) -> None:
        """One file on the stick with the database and the signing key: a new laptop restored
        from it goes on signing with the same key."""
        folder = QFileDialog.getExistingDirectory(self, self.tr("选择U盘或保存备份的文件夹"))
        if not folder:
            return
        try:
            facts = write_portable_backup(self.ctx.db, Path(folder), app_version=__version__)
        except OSError as e:
            QMessageBox.warning(
                self,
                self.tr("备份没有完成"),
                self.tr("无法写入 {0}：{1}").format(folder, e.strerror or e),
            )
            return
        QMessageBox.information(
            self,
            self.tr("备份完成"),
            self.tr("已备份到：{0}\n{1} {2}年度 在册 {3} 人，缴费 {4} 笔。\n").format(
                facts.path, facts.village_name, facts.year, facts.persons, facts.payments
            )
            + self.tr("备份里有本村数据和签名密钥，请妥善保管。"),
        )

    def help_window(self):
        from .help import HelpWindow

        if self._help is None:
            self._help = HelpWindow(self)  # a window of its own, closed with the main one
        self._help.show()
        self._help.raise_()
        return self._help

    def _on_guide(self) -> None:
        self.help_window().show_page("index.md")

    def _on_quick_reference(self) -> None:
        self.help_window().show_page("quick.md")

    def _on_about(self) -> None:
        from .help import AboutDialog

        AboutDialog(self.ctx.db_path, self).exec()

    def open_township(self) -> None:
        from .township_window import TownshipWindow

        if self._township is None:
            self._township = TownshipWindow(paths.default_township_db_path())
            self._township.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, False)
            self._township.village_requested.connect(self._back_from_township)
        self._township.show()
        self._township.raise_()

    def _back_from_township(self) -> None:
        self._township.close()
        self.raise_()
        self.activateWindow()

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802
        settings = QSettings()
        settings.setValue("main/geometry", self.saveGeometry())
        settings.setValue("main/last_page", self.current_key())
        super().closeEvent(event)
