"""Shared by the GUI tests: settings in tmp_path, message boxes recorded instead of blocking, a small
village on a real store, and an AppContext over it."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QSettings
from PySide6.QtWidgets import QMessageBox

from enrollagent.core import roster
from enrollagent.core.ids import check_char

from .conftest import make_village

__all__ = ["boxes", "ctx", "qt_settings", "village"]  # fixtures, for `import *` in the GUI tests


def an_id(serial: int, year: int = 1970) -> str:
    body = f"411725{year}{(serial % 12) + 1:02d}15{serial % 1000:03d}"
    return body + check_char(body)


@pytest.fixture
def qt_settings(tmp_path: Path, qapp):
    """QSettings() in these tests reads and writes an ini file under tmp_path, never the user's."""
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(
        QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(tmp_path / "settings")
    )
    QCoreApplication.setOrganizationName("EnrollAgentTest")
    QCoreApplication.setApplicationName("EnrollAgentTest")
    QSettings().clear()
    yield tmp_path / "settings"
    QSettings().clear()


@pytest.fixture
def boxes(monkeypatch) -> list[tuple[str, str]]:
    """A modal box would wait for a click forever; record (title, text) and answer OK."""
    shown: list[tuple[str, str]] = []

    def record(_parent, title, text, *args, **kwargs):
        shown.append((title, text))
        return QMessageBox.StandardButton.Ok

    for name in ("warning", "critical", "information", "question"):
        monkeypatch.setattr(QMessageBox, name, record)
    return shown


@pytest.fixture
def village(db_path: Path):
    """李庄村 with two households in 一组 and 二组: 张三 (户主) + 李四, 王五 (户主) + 赵六."""
    db = make_village(db_path)
    h1 = roster.add_household(db, hh_no="001", group_name="一组", actor="t", phone="13800001234").id
    roster.add_person(
        db, household_id=h1, name="张三", id_number=an_id(1), relation="户主", actor="t"
    )
    roster.add_person(
        db, household_id=h1, name="李四", id_number=an_id(2), relation="配偶", actor="t"
    )
    h2 = roster.add_household(db, hh_no="002", group_name="二组", actor="t").id
    roster.add_person(
        db, household_id=h2, name="王五", id_number=an_id(3), relation="户主", actor="t"
    )
    roster.add_person(
        db, household_id=h2, name="赵六", id_number=an_id(4), relation="子", actor="t"
    )
    db.close()
    return db_path


@pytest.fixture
def ctx(village, qt_settings, boxes):
    from enrollagent.ui.context import AppContext

    context = AppContext(village)
    yield context
    context.close()


def type_text(qtbot, widget, text: str) -> None:
    """Type as a user would: ASCII by key presses, Chinese as an input method commits it
    (QTest cannot press keys for characters outside ASCII)."""
    from PySide6.QtGui import QInputMethodEvent
    from PySide6.QtWidgets import QApplication

    widget.setFocus()
    run = ""
    for ch in text + "\0":
        if ch != "\0" and ch.isascii():
            run += ch
            continue
        if run:
            qtbot.keyClicks(widget, run)
            run = ""
        if ch != "\0":
            event = QInputMethodEvent()
            event.setCommitString(ch)
            QApplication.sendEvent(widget, event)
