"""Issue 17 item 5: the township window ranks the villages with their shortfall, details a village
on double-click, keeps its size, and writes the report with one button."""

from __future__ import annotations

import openpyxl
import pytest

pytest.importorskip("pytestqt")

from PySide6.QtCore import Qt  # noqa: E402
from PySide6.QtWidgets import QFileDialog  # noqa: E402

from enrollagent.core.village import set_task  # noqa: E402
from enrollagent.exports.package import build_package  # noqa: E402
from enrollagent.ui.township.detail import VillageDetailDialog  # noqa: E402
from enrollagent.ui.township.tables import VILLAGE_COLUMNS  # noqa: E402
from enrollagent.ui.township_window import TownshipWindow  # noqa: E402

from .test_township import A_PEOPLE, B_PEOPLE, _task_file  # noqa: E402
from .township_helpers import make_village  # noqa: E402
from .ui_helpers import *  # noqa: E402, F403 - the fixture qt_settings

WAIT = 30_000


@pytest.fixture
def packages(tmp_path):
    a = make_village(
        tmp_path / "a", code="411725100001", name="李庄村", people=A_PEOPLE, agent="李会计",
        agent_phone="13911112222",
    )  # fmt: skip
    b = make_village(tmp_path / "b", code="411725100002", name="王庄村", people=B_PEOPLE)
    set_task(b, 2024, 6, actor="王明")  # 王庄村's own task: no township table for it
    out = tmp_path / "out"
    pa, pb = build_package(a, out), build_package(b, out)
    a.close()
    b.close()
    return pa, pb


def make_window(qtbot, tmp_path) -> TownshipWindow:
    w = TownshipWindow(tmp_path / "township.db")
    qtbot.addWidget(w)
    w.show()
    idle(qtbot, w)
    return w


def idle(qtbot, w):
    qtbot.waitUntil(lambda: not w.busy(), timeout=WAIT)


def col(title: str) -> int:
    return VILLAGE_COLUMNS.index(title)


def test_ranking_detail_size_and_report(qtbot, tmp_path, qt_settings, packages, monkeypatch):
    window = make_window(qtbot, tmp_path)
    window.add_packages(list(packages))
    idle(qtbot, window)
    window.load_tasks(_task_file(tmp_path / "任务.xlsx", [("李庄村", 4), ("刘庄村", 5)]))
    idle(qtbot, window)

    # The ranking: 李庄村 3 of 4 (75%) before 王庄村 2 of 6 (its own task), then 刘庄村 not reported.
    rows = window.village_model.rows
    assert [(r[col("排名")], r[col("村")]) for r in rows] == [
        (1, "李庄村"),
        (2, "王庄村"),
        ("", "刘庄村"),
    ]
    li, wang, liu = rows
    assert (li[col("经办人")], li[col("联系电话")]) == ("李会计", "13911112222")
    assert (li[col("任务数")], li[col("完成率")], li[col("差额")]) == ("4", "75.0%", 1)
    assert (wang[col("任务数")], wang[col("差额")]) == ("6（村报）", 4)
    assert wang[col("未缴")] == 2 and liu[col("最新上报包")] == "未上报"
    assert window.tabs.tabText(0) == "进度排名"
    assert "差额" in window.totals_label.text() and "留庄镇2024年度" in window.totals_label.text()

    # A real double-click on a village opens its detail: figures, groups, its unpaid persons.
    model, view = window.village_model, window.village_view
    rect = view.visualRect(model.index(model.row_of("411725100001"), col("村")))
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.mouseDClick(view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    idle(qtbot, window)
    dialog = window.detail_dialog
    assert isinstance(dialog, VillageDetailDialog) and dialog.isVisible()
    assert dialog.windowTitle() == "李庄村 — 2024年度"
    summary = dialog.summary_label.text()
    assert "第 1 名" in summary and "李会计" in summary and "差额 <b>1</b>" in summary
    assert [r[0] for r in dialog.group_model.rows] == ["一组", "二组"]
    unpaid = dialog.unpaid_model.rows
    assert [(r[3], r[2]) for r in unpaid] == [("张二", "张一")]  # 张一 is 张二's 户主
    assert dialog.tabs.tabText(3) == "未缴名单 (1)"
    assert not dialog.amendments_button.isEnabled()  # no amendments listed
    dialog.close()

    # The report is one button: the save dialog's answer is the only question.
    out = tmp_path / "通报.xlsx"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(out), ""))
    window.report_action.trigger()
    idle(qtbot, window)
    assert window.result_bar.path == out
    sheet = openpyxl.load_workbook(out)["进度通报"]
    assert [sheet.cell(r, 2).value for r in (4, 5, 6, 7)] == ["李庄村", "王庄村", "刘庄村", "合计"]

    # The window's size is kept for the next time.
    window.resize(700, 500)
    window.close()
    again = make_window(qtbot, tmp_path)
    assert (again.width(), again.height()) == (700, 500)
    again.close()
