"""The main window: navigation, shortcuts, remembered page, township mode, startup, error hook; the
demo village and every page built on it."""

from __future__ import annotations

import logging
import sys

from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QApplication

from enrollagent.core.figures import compute_figures
from enrollagent.db import open_database

from .ui_helpers import *  # noqa: F403 - the fixtures: qt_settings, boxes, village, ctx


def test_last_page_is_remembered(qtbot, ctx):
    from enrollagent.ui.main_window import MainWindow

    window = MainWindow(ctx)
    qtbot.addWidget(window)
    assert window.current_key() == "overview"
    window.nav_list.setCurrentRow(6)
    assert window.current_key() == "settings"
    window.close()
    assert QSettings().value("main/last_page") == "settings"
    again = MainWindow(ctx)
    qtbot.addWidget(again)
    assert again.current_key() == "settings"
    assert again.pages == {}  # built once the window has painted
    qtbot.waitUntil(lambda: "settings" in again.pages)
    assert again.stack.currentWidget() is again.pages["settings"]
    assert set(again.pages) == {"settings"}  # other pages wait until they are shown


def test_shortcuts(qtbot, ctx):
    from enrollagent.ui.main_window import MainWindow

    window = MainWindow(ctx)
    qtbot.addWidget(window)
    with qtbot.waitActive(window):
        window.show()
        window.activateWindow()
    qtbot.keyClick(window, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert window.current_key() == "roster"
    qtbot.waitUntil(lambda: window.pages["roster"].search_edit.hasFocus(), timeout=1000)
    qtbot.keyClick(window, Qt.Key.Key_P, Qt.KeyboardModifier.ControlModifier)
    assert window.current_key() == "payments"
    payments = window.pages["payments"]
    payments.amount_edit.setFocus()
    qtbot.keyClick(payments.amount_edit, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert (
        window.current_key() == "payments" and payments.search_edit.hasFocus()
    )  # the page's own search
    qtbot.keyClick(window, Qt.Key.Key_4, Qt.KeyboardModifier.AltModifier)
    qtbot.keyClick(
        window.focusWidget() or window, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier
    )
    assert window.current_key() == "special" and window.pages["special"].search_edit.hasFocus()
    qtbot.keyClick(window, Qt.Key.Key_6, Qt.KeyboardModifier.AltModifier)
    qtbot.keyClick(
        window.focusWidget() or window, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier
    )
    assert window.current_key() == "roster"  # a page without a search of its own
    qtbot.keyClick(window, Qt.Key.Key_1, Qt.KeyboardModifier.AltModifier)
    assert window.current_key() == "overview"


def test_a_change_refreshes_the_shown_page_and_the_others_when_shown(qtbot, ctx, monkeypatch):
    from enrollagent.core.roster import set_coverage
    from enrollagent.ui.main_window import MainWindow

    window = MainWindow(ctx)
    qtbot.addWidget(window)
    roster = window.show_page("roster")
    window.show_page("overview")
    person = ctx.db.execute("SELECT id FROM person WHERE name = '王五'").fetchone()[0]
    seen: list = []
    real = roster.refresh
    monkeypatch.setattr(roster, "refresh", lambda changes: (seen.append(changes), real(changes)))
    ctx.write(set_coverage, person, "employee")
    assert window.pages["overview"].tiles["eligible"].value_label.text() == str(
        compute_figures(ctx.db).total.eligible
    )
    assert seen == []  # hidden: it waits until it is shown
    window.show_page("roster")
    assert [c.persons for c in seen] == [{person}]
    assert [
        s.state
        for s in map(roster.model.state_at, range(roster.model.rowCount()))
        if s.name == "王五"
    ] == ["employee"]


def test_township_mode_from_the_file_menu(qtbot, ctx, tmp_path, monkeypatch):
    from enrollagent import paths
    from enrollagent.ui.main_window import MainWindow

    monkeypatch.setattr(
        paths, "default_township_db_path", lambda explicit=None: tmp_path / "township.db"
    )
    window = MainWindow(ctx)
    qtbot.addWidget(window)
    window.open_township()
    assert window._township is not None and window._township.isVisible()
    window._township.village_action.trigger()
    assert not window._township.isVisible()


def test_start_opens_the_main_window_or_the_township(
    qtbot, village, qt_settings, boxes, tmp_path, monkeypatch
):
    from enrollagent import paths
    from enrollagent.ui.main import start
    from enrollagent.ui.main_window import MainWindow
    from enrollagent.ui.township_window import TownshipWindow

    window = start(village)
    qtbot.addWidget(window)
    assert isinstance(window, MainWindow)
    window.close()
    monkeypatch.setattr(
        paths, "default_township_db_path", lambda explicit=None: tmp_path / "township.db"
    )
    QSettings().setValue("mode", "township")
    other = start(village)
    qtbot.addWidget(other)
    assert isinstance(other, TownshipWindow)

    other.village_action.trigger()  # 文件 → 切换到村级模式
    assert not other.isVisible()
    assert QSettings().value("mode") is None
    back = [
        w for w in QApplication.topLevelWidgets() if isinstance(w, MainWindow) and w.isVisible()
    ]
    assert len(back) == 1
    qtbot.addWidget(back[0])
    assert back[0].ctx.db_path == village


def test_unexpected_errors_are_logged_and_shown_in_chinese(qapp, boxes, tmp_path, caplog):
    from enrollagent.errors import EnrollError
    from enrollagent.ui.main import install_excepthook

    saved = sys.excepthook
    try:
        install_excepthook(tmp_path / "enrollagent.log")
        with caplog.at_level(logging.ERROR):
            try:
                raise ZeroDivisionError("division by zero")
            except ZeroDivisionError:
                sys.excepthook(*sys.exc_info())
        title, text = boxes[-1]
        assert title == "程序出错" and "意外问题" in text and "enrollagent.log" in text
        assert "ZeroDivisionError" not in text
        assert "ZeroDivisionError" in caplog.text
        sys.excepthook(EnrollError, EnrollError("phone_invalid", value="123"), None)
        assert boxes[-1] == ("无法完成", EnrollError("phone_invalid", value="123").message)
    finally:
        sys.excepthook = saved


def test_demo_village_opens_on_every_page(qtbot, tmp_path, qt_settings, boxes):
    from enrollagent.core.demo import build_demo
    from enrollagent.ui.context import AppContext
    from enrollagent.ui.main_window import MainWindow
    from enrollagent.ui.pages import PAGES

    db = open_database(tmp_path / "demo.db")
    counts = build_demo(db, size=300)
    fig = compute_figures(db).to_json()
    db.close()
    assert counts["persons"] >= 300 and len(fig["by_group"]) == 6
    assert fig["attention"]["invalid_id"] >= 3 and fig["attention"]["double_paid"] == 1
    assert fig["attention"]["refund_due"] >= 1 and fig["attention"]["unmatched_payments"] == 1
    ctx = AppContext(tmp_path / "demo.db")
    window = MainWindow(ctx)
    qtbot.addWidget(window)
    for key, _title in PAGES:
        assert window.show_page(key) is window.stack.currentWidget()
    ctx.close()


def test_qt_own_words_are_chinese(qapp):
    """Message boxes say 是/否, not Yes/No, on a laptop of any locale."""
    from PySide6.QtWidgets import QMessageBox

    from enrollagent.ui.i18n import set_language

    set_language("zh_CN")
    box = QMessageBox(
        QMessageBox.Icon.Question,
        "t",
        "t",
        QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
    )
    assert box.button(QMessageBox.StandardButton.Yes).text().startswith("是")
    assert box.button(QMessageBox.StandardButton.No).text().startswith("否")
