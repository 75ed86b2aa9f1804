"""Issue 20: Qt's own words in Chinese from the app's start, and the English choice in 设置."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QDialogButtonBox, QMessageBox

from enrollagent.ui.i18n import SETTING, set_language

from .ui_helpers import *  # noqa: F403 - the fixtures: qt_settings, boxes, village, ctx


@pytest.fixture(autouse=True)
def back_to_chinese(qapp):
    yield
    set_language("zh_CN")


def ok_cancel_texts() -> tuple[str, str]:
    box = QMessageBox(
        QMessageBox.Icon.Question,
        "t",
        "t",
        QMessageBox.StandardButton.Ok | QMessageBox.StandardButton.Cancel,
    )
    ok = box.button(QMessageBox.StandardButton.Ok).text()
    cancel = box.button(QMessageBox.StandardButton.Cancel).text()
    return ok.replace("&", ""), cancel.replace("&", "")


def test_message_box_buttons_are_chinese_after_the_apps_start(qt_settings):
    from enrollagent.ui.main import make_application

    set_language("en")
    make_application()  # the saved choice (none: Chinese) is what the app starts in
    ok, cancel = ok_cancel_texts()
    assert ok.startswith("确定")
    assert cancel.startswith("取消")
    buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save)
    assert buttons.button(QDialogButtonBox.StandardButton.Save).text().startswith("保存")


def test_english_covers_qt_and_our_words(qtbot, ctx):
    from enrollagent.ui.main_window import MainWindow

    set_language("en")
    assert ok_cancel_texts() == ("OK", "Cancel")
    window = MainWindow(ctx)
    qtbot.addWidget(window)
    names = [window.nav_list.item(i).text() for i in range(window.nav_list.count())]
    assert names[:2] == ["Overview", "Roster"]
    assert "Settings" in names
    # A helper at module level (ui/main.tr) translates under its own context: still found.
    from enrollagent.ui.main import tr

    assert tr("无法完成") == "Could not complete"


def test_language_is_chosen_in_settings_and_applied_at_once(qtbot, ctx):
    from enrollagent.ui.pages.settings import Page

    page = Page(ctx)
    qtbot.addWidget(page)
    assert page.language_combo.currentData() == "zh_CN"
    page.language_combo.setCurrentIndex(page.language_combo.findData("en"))
    assert QSettings().value(SETTING) == "en"
    assert ok_cancel_texts() == ("OK", "Cancel")
    again = Page(ctx)  # a page built after the change speaks English
    qtbot.addWidget(again)
    assert again.font_box.title() == "Font size"
    assert again.language_combo.currentData() == "en"
    page.language_combo.setCurrentIndex(page.language_combo.findData("zh_CN"))
    assert QSettings().value(SETTING) == "zh_CN"
    assert ok_cancel_texts()[1].startswith("取消")
