"""Start the GUI: QApplication, the font, first-start wizard or main window, township mode."""

from __future__ import annotations

import logging
import sys
import traceback
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QSettings
from PySide6.QtGui import QFont, QFontDatabase, QIcon
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from .. import paths
from ..core.backup import auto_backup
from ..core.restore import restore_backup
from ..core.village import find_village
from ..errors import EnrollError
from .context import AppContext
from .i18n import set_language

log = logging.getLogger(__name__)

ORGANIZATION = "EnrollAgent"
APPLICATION = "EnrollAgent"
FONT_FAMILIES = (
    "Microsoft YaHei",
    "Microsoft YaHei UI",
    "Noto Sans CJK SC",
    "WenQuanYi Micro Hei",
    "Source Han Sans SC",
    "PingFang SC",
    "SimHei",
)
FONT_POINTS = {"normal": 11.0, "large": 14.0}


def tr(text: str) -> str:
    return QCoreApplication.translate("main", text)


def make_application(argv: list[str] | None = None) -> QApplication:
    app = QApplication.instance() or QApplication(argv if argv is not None else sys.argv)
    if not QCoreApplication.organizationName():
        QCoreApplication.setOrganizationName(ORGANIZATION)
        QCoreApplication.setApplicationName(APPLICATION)
    set_language()
    app.setApplicationDisplayName(tr("村医保征缴助手"))
    app.setWindowIcon(QIcon(str(paths.resource_dir() / "icon.png")))  # the shortcut's icon too
    apply_font(app)
    return app


def font_size() -> str:
    value = QSettings().value("ui/font_size", "normal")
    return value if value in FONT_POINTS else "normal"


def apply_font(app: QApplication, size: str | None = None) -> None:
    """A CJK family when one is installed (else Han characters may show as boxes), at the chosen size."""
    families = set(QFontDatabase.families())
    font = QFont(app.font())
    for family in FONT_FAMILIES:
        if family in families:
            font.setFamily(family)
            break
    font.setPointSizeF(FONT_POINTS[size or font_size()])
    app.setFont(font)


def set_font_size(size: str) -> None:
    QSettings().setValue("ui/font_size", size)
    app = QApplication.instance()
    if isinstance(app, QApplication):
        apply_font(app, size)


def install_excepthook(log_file: Path | None) -> None:
    """Anything unexpected is logged and shown as a Chinese sentence, never as a Python message."""

    def hook(kind, value, tb) -> None:
        if issubclass(kind, KeyboardInterrupt):
            sys.__excepthook__(kind, value, tb)
            return
        if isinstance(value, EnrollError):
            QMessageBox.warning(QApplication.activeWindow(), tr("无法完成"), value.message)
            return
        log.error("未处理的异常\n%s", "".join(traceback.format_exception(kind, value, tb)))
        where = tr("详细情况已记录在：{0}").format(log_file) if log_file else ""
        QMessageBox.critical(
            QApplication.activeWindow(),
            tr("程序出错"),
            tr("程序遇到了意外问题，刚才的操作可能没有完成。已保存的数据不受影响。")
            + "\n\n"
            + where
            + "\n"
            + tr("请把这个文件交给技术支持人员。"),
        )

    sys.excepthook = hook


def open_main(db_path: Path, first_filter: tuple[str, dict] | None = None) -> QWidget:
    from .main_window import MainWindow

    ctx = AppContext(db_path)
    window = MainWindow(ctx)
    ctx.setParent(window)
    if window.first_run:
        window.showMaximized()
    else:
        window.show()
    if first_filter:
        ctx.navigate.emit(*first_filter)
    return window


_windows: list[QWidget] = []  # a window opened from a menu slot has no caller to hold it


def open_township(db_path: Path) -> QWidget:
    """The township window of 乡镇汇总 mode; its menu leads back to the village store at db_path."""
    from .township_window import TownshipWindow

    window = TownshipWindow(paths.default_township_db_path())
    window.village_requested.connect(lambda: leave_township(window, db_path))
    window.show()
    return window


def leave_township(township: QWidget, db_path: Path) -> None:
    """Start in village mode from now on; if the agent cancels the wizard, stay in township mode."""
    set_township_mode(False)
    window = start(db_path)
    if window is None:
        set_township_mode(True)
        return
    _windows.append(window)
    township.close()


def set_township_mode(on: bool) -> None:
    """Remember (or forget) that this computer starts in 乡镇汇总 mode; a township window's menu
    can offer the way back to the village."""
    if on:
        QSettings().setValue("mode", "township")
    else:
        QSettings().remove("mode")


def start(db_path: Path) -> QWidget | None:
    """The first window: the wizard on a new store, township mode if chosen, else the main window."""
    settings = QSettings()
    if settings.value("mode") == "township":
        return open_township(db_path)
    try:
        from ..db import open_database

        db = open_database(db_path)
        initialized = find_village(db) is not None
        if initialized:
            auto_backup(db)  # the state the day starts from
        db.close()
    except EnrollError as e:
        if e.code == "db_damaged":
            return start(db_path) if restore_offered(e, db_path) else None
        QMessageBox.critical(None, tr("无法打开数据"), e.message)
        return None
    if initialized:
        return open_main(db_path)
    from .wizard import SetupWizard

    wizard = SetupWizard(db_path)
    if not wizard.exec():
        return None
    if wizard.mode() == "township":
        set_township_mode(True)
        return open_township(db_path)
    return open_main(db_path, ("imports", {"kind": "roster"}) if wizard.import_roster() else None)


def restore_offered(damaged: EnrollError, db_path: Path) -> bool:
    """Offer the newest good backup for a damaged store; True once it is restored."""
    backup = Path(str(damaged.params["backup"]))
    answer = QMessageBox.question(
        None,
        tr("数据文件已损坏"),
        damaged.message + "\n\n" + tr("现在用这份备份恢复吗？损坏的文件会另存在备份文件夹里。"),
    )
    if answer != QMessageBox.StandardButton.Yes:
        return False
    try:
        restore_backup(db_path, backup)
    except EnrollError as e:
        QMessageBox.critical(None, tr("无法恢复"), e.message)
        return False
    return True


def run(db_path: str | Path | None = None, log_file: Path | None = None) -> int:
    app = make_application()
    install_excepthook(log_file)
    window = start(paths.default_db_path(db_path))  # held here while the event loop runs
    if window is None:
        return 0
    return app.exec()
