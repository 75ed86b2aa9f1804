"""乡镇汇总 window: real packages in, a tampered one refused with its reason, 重复参保 shown (issue 5)."""

from __future__ import annotations

import openpyxl
import pytest

pytest.importorskip("pytestqt")

from PySide6.QtCore import QMimeData, QPoint, Qt, QUrl  # noqa: E402
from PySide6.QtGui import QDropEvent  # noqa: E402
from PySide6.QtWidgets import QMessageBox  # noqa: E402

from enrollagent.exports.package import build_package  # noqa: E402
from enrollagent.ui.township_window import TownshipWindow  # noqa: E402

from .test_township import A_PEOPLE, B_PEOPLE, SHARED, _task_file  # noqa: E402
from .township_helpers import flip_byte, make_village, rewrite_member  # noqa: E402
from .ui_helpers import *  # noqa: E402, F403 - the fixture qt_settings

WAIT = 30_000


@pytest.fixture
def packages(tmp_path):
    a = make_village(tmp_path / "a", code="411725100001", name="李庄村", people=A_PEOPLE)
    b = make_village(tmp_path / "b", code="411725100002", name="王庄村", people=B_PEOPLE)
    out = tmp_path / "out"
    pa, pb = build_package(a, out), build_package(b, out)
    a.close()
    b.close()
    return pa, pb


@pytest.fixture
def window(qtbot, tmp_path, qt_settings):
    w = TownshipWindow(tmp_path / "township.db")
    qtbot.addWidget(w)
    w.resize(1366, 768)
    w.show()
    qtbot.waitUntil(lambda: not w.busy(), timeout=WAIT)
    return w


def idle(qtbot, w):
    qtbot.waitUntil(lambda: not w.busy(), timeout=WAIT)


def test_empty_store_invites_packages(window):
    assert window.status is None
    assert "还没有收到" in window.totals_label.text()


def test_two_packages_then_duplicates(qtbot, window, packages):
    window.add_packages(list(packages))
    idle(qtbot, window)
    assert len(window.last_add.received) == 2 and not window.last_add.refused
    names = [r[1] for r in window.village_model.rows]  # ranked: 3 of 4 before 2 of 4 enrolled
    assert names == ["李庄村", "王庄村"]
    assert window.duplicate_model.rowCount() == 1
    dup = window.duplicate_model.rows[0]
    assert dup[0] == SHARED and "李庄村" in dup[2] and "王庄村" in dup[2]
    assert "重复参保 (1)" in window.tabs.tabText(1)
    assert "已接收 李庄村" in window.log_edit.toPlainText()
    # sortable: by enrolled, descending
    window.village_view.sortByColumn(6, Qt.SortOrder.DescendingOrder)
    enrolled = [r[6] for r in window.village_model.rows]
    assert enrolled == sorted(enrolled, reverse=True)


def test_tampered_package_is_refused_with_its_reason(qtbot, window, packages):
    pa, pb = packages
    rewrite_member(pb, "data.json", flip_byte)
    window.add_packages([pa, pb])
    idle(qtbot, window)
    assert [r.village for r in window.last_add.received] == ["李庄村（411725100001）"]
    ((path, reason),) = window.last_add.refused
    assert path == pb and reason
    assert f"拒收 {pb.name}：{reason}" in window.log_edit.toPlainText()
    box = window.findChildren(QMessageBox)[-1]
    assert reason in box.text()
    assert [r[1] for r in window.village_model.rows] == ["李庄村"]


def test_a_package_received_twice_is_already_received(qtbot, window, packages):
    pa, _pb = packages
    window.add_packages([pa])
    idle(qtbot, window)
    window.add_packages([pa])
    idle(qtbot, window)
    assert window.last_add.already and not window.last_add.received
    assert not window.last_add.refused


def test_drop_zip_files(qtbot, window, packages):
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(p)) for p in packages])
    event = QDropEvent(
        QPoint(10, 10),
        Qt.DropAction.CopyAction,
        mime,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    window.dropEvent(event)
    idle(qtbot, window)
    assert window.village_model.rowCount() == 2


def test_tasks_and_report(qtbot, window, packages, tmp_path):
    window.add_packages(list(packages))
    idle(qtbot, window)
    window.load_tasks(
        _task_file(tmp_path / "任务.xlsx", [("李庄村", 10), ("王庄村", 8), ("刘庄村", 5)])
    )
    idle(qtbot, window)
    rows = {r[1]: r for r in window.village_model.rows}
    assert rows["李庄村"][4] == "10" and rows["刘庄村"][11] == "未上报"
    out = window.export_report(tmp_path / "汇总.xlsx")
    idle(qtbot, window)
    assert out.state == "succeeded" and window.result_bar.path == tmp_path / "汇总.xlsx"
    wb = openpyxl.load_workbook(tmp_path / "汇总.xlsx", read_only=True)
    assert "重复参保" in wb.sheetnames


def test_a_village_on_another_policy_is_logged(qtbot, window, tmp_path):
    """Review M2: the window names a village whose standard or subsidies differ from the majority."""
    import json

    from enrollagent.core.policy import presets_dir

    spec = json.loads((presets_dir() / "huojia-2024.json").read_text(encoding="utf-8"))
    spec["standard"] = 350
    (tmp_path / "odd.json").write_text(json.dumps(spec, ensure_ascii=False), encoding="utf-8")
    pkgs = []
    for n, policy in ((1, "huojia-2024"), (2, "huojia-2024"), (3, str(tmp_path / "odd.json"))):
        db = make_village(
            tmp_path / f"v{n}",
            code=f"41172510000{n}",
            name=f"{n}庄村",
            people=A_PEOPLE[:1],
            policy=policy,
        )
        pkgs.append(build_package(db, tmp_path / "out"))
        db.close()
    window.add_packages(pkgs)
    idle(qtbot, window)
    assert (
        "注意：3庄村 的缴费政策与本年度多数村（2 个村）不同：个人缴费标准 350 元"
        in window.log_edit.toPlainText()
    )
