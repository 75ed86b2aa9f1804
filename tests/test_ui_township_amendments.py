"""乡镇汇总 window shows amendments per village (issue 15, item 3): the 更正 column, the log line,
and the 更正 tab listing them, one village's on a double-click."""

from __future__ import annotations

import pytest

pytest.importorskip("pytestqt")

from PySide6.QtCore import Qt  # noqa: E402

from enrollagent.exports.package import build_package  # noqa: E402
from enrollagent.ui.township_window import TownshipWindow  # noqa: E402

from .test_package_amendments import amend  # noqa: E402
from .test_township import A_PEOPLE, B_PEOPLE  # noqa: E402
from .township_helpers import make_village  # noqa: E402
from .ui_helpers import *  # noqa: E402, F403 - the fixture qt_settings

WAIT = 30_000


@pytest.fixture
def packages(tmp_path):
    a = make_village(tmp_path / "a", code="411725100001", name="李庄村", people=A_PEOPLE)
    b = make_village(tmp_path / "b", code="411725100002", name="王庄村", people=B_PEOPLE)
    out = tmp_path / "out"
    first, other = build_package(a, out), build_package(b, out)
    amend(a)
    second = build_package(a, out)
    a.close()
    b.close()
    return first, other, second


@pytest.fixture
def window(qtbot, tmp_path, qt_settings):
    w = TownshipWindow(tmp_path / "township.db")
    qtbot.addWidget(w)
    w.resize(1366, 768)
    w.show()
    idle(qtbot, w)
    return w


def idle(qtbot, w):
    qtbot.waitUntil(lambda: not w.busy(), timeout=WAIT)


def column(model, title: str) -> int:
    return [c[0] for c in model.columns].index(title)


def test_amendments_show_per_village_and_list_in_their_tab(qtbot, window, packages):
    first, other, second = packages
    window.add_packages([first, other])
    idle(qtbot, window)
    assert window.tabs.tabText(3) == "更正 (0)"
    window.add_packages([second])
    idle(qtbot, window)
    assert (
        "第2号包" in window.log_edit.toPlainText() and "更正 2 条" in window.log_edit.toPlainText()
    )

    model = window.village_model
    amended = column(model, "更正")
    by_name = {r[1]: r[amended] for r in model.rows}
    assert by_name == {"李庄村": "2 条", "王庄村": ""}
    assert window.tabs.tabText(3) == "更正 (2)"

    page = window.amendments_page
    assert [(r[0], r[1], r[2], r[4]) for r in page.model.rows] == [
        ("李庄村", "第2号", "张四", "联系电话"),
        ("李庄村", "第2号", "张一", "缴费"),
    ]
    phone = page.model.rows[0]
    assert phone[3] == A_PEOPLE[4]["id"] and phone[6] == "13912345678"
    assert (phone[8], phone[9]) == ("王明", "电话写错了")
    assert [page.village_combo.itemText(i) for i in range(page.village_combo.count())] == [
        "全部村",
        "李庄村（2 条）",
    ]

    row = model.row_of("411725100002")  # 王庄 has none: the tab shows every village's
    window.village_view.doubleClicked.emit(model.index(row, amended))
    assert window.tabs.currentWidget() is page and page.model.rowCount() == 2
    window.tabs.setCurrentIndex(0)
    row = model.row_of("411725100001")
    rect = window.village_view.visualRect(model.index(row, amended))
    # A real double-click: QTest's double-click event alone is not one without the press before it.
    qtbot.mouseClick(window.village_view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.mouseDClick(window.village_view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert window.tabs.currentWidget() is page
    assert page.village_combo.currentData() == "411725100001" and page.model.rowCount() == 2

    window.reload()  # a reload keeps the village chosen
    idle(qtbot, window)
    assert page.village_combo.currentData() == "411725100001"
    page.village_combo.setCurrentIndex(0)
    assert page.model.rowCount() == 2
