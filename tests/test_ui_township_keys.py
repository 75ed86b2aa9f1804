"""Issue 17 in the township window: a day's batch reported as added, replaced, already received
and refused; a changed key shown beside the trusted one and trusted only by the clerk's click;
a task table's unsure column picked from a list."""

from __future__ import annotations

from pathlib import Path

import pytest

pytest.importorskip("pytestqt")

from PySide6.QtCore import Qt  # noqa: E402
from PySide6.QtWidgets import QMessageBox  # noqa: E402

from enrollagent.exports.package import build_package, verify_package  # noqa: E402
from enrollagent.township.keys import KeyChange  # noqa: E402
from enrollagent.township.store import open_township  # noqa: E402
from enrollagent.ui.township.keys import KeyChangeDialog  # noqa: E402
from enrollagent.ui.township_window import TownshipWindow  # noqa: E402

from .township_helpers import add_people, an_id, make_village  # noqa: E402

WAIT = 30_000
OLD_FP = "0A1B 2C3D 4E5F 6071 8293 A4B5 C6D7 E8F9"
NEW_FP = "FFEE DDCC BBAA 9988 7766 5544 3322 1100"


def _change(path: Path = Path("李庄村-2024-001.zip")) -> KeyChange:
    return KeyChange(
        path,
        "411725100001",
        "李庄村（411725100001）",
        OLD_FP,
        "王明",
        "13800000000",
        "2024-10-01T02:00:00Z",
        NEW_FP,
        "李新",
        "13900000000",
    )


def test_the_dialog_puts_old_and_new_side_by_side_and_enter_does_not_trust(qtbot):
    dialog = KeyChangeDialog(_change())
    qtbot.addWidget(dialog)
    old, new = dialog.value_labels["密钥指纹"]
    assert (old.text(), new.text()) == (OLD_FP, NEW_FP)
    assert [label.text() for label in dialog.value_labels["经办人"]] == ["王明", "李新"]
    assert [label.text() for label in dialog.value_labels["联系电话"]] == [
        "13800000000",
        "13900000000",
    ]
    assert dialog.value_labels["村"][1].text() == "李庄村（411725100001）"
    assert "李庄村-2024-001.zip" in dialog.findChildren(type(old))[0].text()
    assert dialog.cancel_button.isDefault() and not dialog.trust_button.isDefault()
    dialog.show()
    qtbot.keyClick(dialog, Qt.Key.Key_Return)
    assert dialog.result() == KeyChangeDialog.DialogCode.Rejected


@pytest.fixture
def window(qtbot, tmp_path):
    w = TownshipWindow(tmp_path / "township.db")
    qtbot.addWidget(w)
    w.show()
    qtbot.waitUntil(lambda: not w.busy(), timeout=WAIT)
    return w


def idle(qtbot, w):
    qtbot.waitUntil(lambda: not w.busy(), timeout=WAIT)


PEOPLE = [{"name": "张一", "id": an_id("411725", 1), "hh": "a", "pay": True}]


def test_a_days_batch_in_the_window(qtbot, window, tmp_path):
    a = make_village(tmp_path / "a", code="411725100001", name="李庄村", people=PEOPLE)
    b = make_village(tmp_path / "b", code="411725100002", name="王庄村", people=PEOPLE[:0])
    try:
        a1, b1 = build_package(a, tmp_path / "out"), build_package(b, tmp_path / "out")
        window.add_packages([a1])
        idle(qtbot, window)
        add_people(a, [{"name": "张二", "id": an_id("411725", 2), "hh": "b"}])
        a2 = build_package(a, tmp_path / "out")
    finally:
        a.close()
        b.close()
    window.add_packages([a1, a2, b1])
    idle(qtbot, window)
    result = window.last_add
    assert len(result.added) == 1 and len(result.replaced) == 1 and len(result.already) == 1
    log = window.log_edit.toPlainText()
    assert "已收过 李庄村（411725100001） 第1号包" in log and "（替换第1号包）" in log
    assert "新收 1 个，更新 1 个，已收过或较旧 1 个，拒收 0 个" in log
    assert window.findChildren(QMessageBox) == [] and window.key_dialog is None


def _rekeyed(tmp_path) -> tuple[Path, Path]:
    a = make_village(tmp_path / "a", code="411725100001", name="李庄村", people=PEOPLE)
    moved = make_village(tmp_path / "new-pc", code="411725100001", name="李庄村", people=PEOPLE)
    try:
        return build_package(a, tmp_path / "out"), build_package(moved, tmp_path / "new")
    finally:
        a.close()
        moved.close()


def _fingerprint(path) -> str:
    with open_township(path) as db:
        return db.execute("SELECT fingerprint FROM village").fetchone()[0]


def test_a_changed_key_is_trusted_only_by_the_clerks_click(qtbot, window, tmp_path):
    first, other = _rekeyed(tmp_path)
    window.add_packages([first])
    idle(qtbot, window)
    old = _fingerprint(window.township_db_path)
    new = verify_package(other).manifest["signer"]["fingerprint"]
    window.add_packages([other])
    idle(qtbot, window)
    dialog = window.key_dialog
    assert dialog is not None and window.findChildren(QMessageBox) == []
    assert [label.text() for label in dialog.value_labels["密钥指纹"]] == [old, new]
    dialog.cancel_button.click()
    idle(qtbot, window)
    assert window.key_dialog is None and _fingerprint(window.township_db_path) == old
    assert f"{other.name} 保持拒收" in window.log_edit.toPlainText()

    window.add_packages([other])
    idle(qtbot, window)
    window.key_dialog.trust_button.click()
    idle(qtbot, window)
    [taken] = window.last_add.received
    assert taken.first_time and taken.replaced == 1
    assert _fingerprint(window.township_db_path) == new
    assert "已核对指纹，信任 李庄村（411725100001） 的新密钥" in window.log_edit.toPlainText()


def test_an_unsure_task_column_is_picked_in_the_window(qtbot, window, tmp_path):
    """Issue 17, tasks in the window: the column the guess is unsure of is picked from a list,
    and a 合计 that disagrees is shown with both numbers."""
    from .test_township_tasks import VILLAGES, _attachment2

    path = _attachment2(tmp_path / "t.xlsx", VILLAGES, total=2700, lower=("应缴人数", "征缴人数"))
    window.load_tasks(path)
    idle(qtbot, window)
    dialog = window.column_dialog
    assert dialog is not None and "t.xlsx 里看不准哪一列是任务数" in dialog.labelText()
    assert dialog.comboBoxItems()[3] == "D 城乡居民医疗保险/征缴人数"
    dialog.setTextValue("D 城乡居民医疗保险/征缴人数")
    dialog.accept()
    idle(qtbot, window)
    log = window.log_edit.toPlainText()
    assert "已载入 3 个村的任务数" in log and "任务数取“城乡居民医疗保险/征缴人数”列" in log
    assert "合计 2700 与各村任务数相加的 2630 不一致" in window.findChildren(QMessageBox)[-1].text()
    with open_township(window.township_db_path) as db:
        assert db.execute("SELECT SUM(task) FROM task").fetchone()[0] == 2630
