"""Issue 14 "Nothing lost" in the GUI: a backup on start, 文件 → 备份到U盘…, 设置 → 检查数据库, and
a damaged store at start restored from its newest good backup."""

from __future__ import annotations

import zipfile

from PySide6.QtWidgets import QFileDialog, QMessageBox

from enrollagent.core.backup import take_backup
from enrollagent.db import open_database
from enrollagent.db.backup import backup_dir, list_backups

from .ui_helpers import *  # noqa: F403 - the fixtures: qt_settings, boxes, village, ctx


def test_start_backs_the_village_up(qtbot, village, qt_settings, boxes):
    from enrollagent.ui.main import start

    window = start(village)
    qtbot.addWidget(window)
    assert len(list_backups(backup_dir(village))) == 1
    window.close()


def test_a_damaged_store_at_start_is_restored_when_the_agent_agrees(
    qtbot, village, qt_settings, boxes, monkeypatch
):
    from enrollagent.ui.main import start
    from enrollagent.ui.main_window import MainWindow

    db = open_database(village)
    good = take_backup(db)
    db.close()
    village.write_bytes(b"garbage" * 2000)
    asked: list[str] = []

    def question(_parent, _title, text, *args, **kwargs):
        asked.append(text)
        return QMessageBox.StandardButton.Yes

    monkeypatch.setattr(QMessageBox, "question", question)
    window = start(village)
    qtbot.addWidget(window)
    assert isinstance(window, MainWindow)
    assert str(good) in asked[0] and str(village) in asked[0]
    assert window.ctx.db.execute("SELECT COUNT(*) FROM person").fetchone()[0] == 4
    window.close()


def test_a_damaged_store_at_start_stays_untouched_when_declined(qtbot, village, qt_settings, boxes):
    from enrollagent.ui.main import start

    db = open_database(village)
    take_backup(db)
    db.close()
    village.write_bytes(b"garbage" * 2000)
    assert start(village) is None  # the boxes fixture answers Ok, not Yes
    assert village.read_bytes() == b"garbage" * 2000


def test_backup_to_usb_from_the_file_menu(qtbot, ctx, boxes, tmp_path, monkeypatch):
    from enrollagent.ui.main_window import MainWindow

    usb = tmp_path / "usb"
    usb.mkdir()
    monkeypatch.setattr(QFileDialog, "getExistingDirectory", lambda *a, **k: str(usb))
    window = MainWindow(ctx)
    qtbot.addWidget(window)
    window.usb_backup_action.trigger()
    (made,) = usb.iterdir()
    with zipfile.ZipFile(made) as zf:
        assert "village.db" in zf.namelist()
    title, text = boxes[-1]
    assert title == "备份完成" and str(made) in text and "4 人" in text


def test_settings_checks_the_database(qtbot, ctx):
    from enrollagent.ui.pages.settings import Page

    page = Page(ctx)
    qtbot.addWidget(page)
    page.check_db_button.click()
    assert page.check_db_status.text() == "数据库完好"
