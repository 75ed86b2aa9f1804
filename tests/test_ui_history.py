"""History in the GUI: the reason asked before an amendment, a person's 变更记录 tab, the village
change log page and its xlsx (issue 15)."""

from __future__ import annotations

from datetime import date

import pytest

pytest.importorskip("pytestqt")

from openpyxl import load_workbook  # noqa: E402
from PySide6.QtCore import Qt, QTimer  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

from enrollagent.core import history, payments, roster  # noqa: E402
from enrollagent.core.people import person_info  # noqa: E402
from enrollagent.exports.package import build_package  # noqa: E402
from enrollagent.ui.context import AppContext  # noqa: E402
from enrollagent.ui.dialogs.person import PersonDialog  # noqa: E402
from enrollagent.ui.dialogs.reason import ReasonDialog  # noqa: E402
from enrollagent.ui.pages.changelog import Page  # noqa: E402
from tests.test_ui_payments import an_id  # noqa: E402

A = "王明"


@pytest.fixture
def village(db, tmp_path):
    """张三 (paid) and 李梅 reported in a package; 王五 added after it."""
    h = roster.add_household(db, actor=A, hh_no="001", group_name="一组").id
    head = roster.add_person(
        db, household_id=h, name="张三", id_number=an_id(11), actor=A, relation="户主"
    ).id
    wife = roster.add_person(
        db, household_id=h, name="李梅", id_number=an_id(12), actor=A, relation="配偶"
    ).id
    payments.record_payment(db, person_id=head, amount_fen=38000, actor=A)
    build_package(db, tmp_path / "out")
    late = roster.add_person(
        db, household_id=h, name="王五", id_number=an_id(13), actor=A, relation="子"
    ).id
    return {"head": head, "wife": wife, "late": late}


@pytest.fixture
def ctx(db_path, village):
    context = AppContext(db_path)
    yield context
    context.close()


class ReasonDriver:
    """Answers the next 更正原因 dialog once it is shown (modal: exec() runs its own loop)."""

    def __init__(self, reason: str | None) -> None:
        self.reason = reason  # None: press 取消
        self.seen: list[str] = []
        self.stopped = False  # no dialog is coming: stop looking

    def arm(self) -> None:
        QTimer.singleShot(0, self._answer)

    def _answer(self) -> None:
        if self.stopped:
            return
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, ReasonDialog):
            QTimer.singleShot(10, self._answer)
            return
        self.seen.append(dialog.explain_label.text())
        if self.reason is None:
            dialog.reject()
            return
        dialog.accept()  # empty first: refused, the dialog stays
        assert dialog.error_label.text() == "请写明更正原因" and dialog.isVisible()
        dialog.reason_edit.setText(self.reason)
        dialog.accept()


def _edit_phone(qtbot, ctx, person_id: int, phone: str, driver: ReasonDriver) -> PersonDialog:
    dialog = PersonDialog(ctx, None, person_id=person_id)
    qtbot.addWidget(dialog)
    dialog.phone_edit.setText(phone)
    driver.arm()
    dialog.accept()
    driver.stopped = True
    return dialog


def test_amending_a_reported_person_asks_why_and_the_history_shows_it(qtbot, ctx, village):
    driver = ReasonDriver("电话号码录入错误")
    dialog = _edit_phone(qtbot, ctx, village["wife"], "13912345678", driver)
    assert dialog.result() == PersonDialog.DialogCode.Accepted
    assert len(driver.seen) == 1
    assert (
        f" {date.today().isoformat()} 的上报包中" in driver.seen[0] and "2024年度" in driver.seen[0]
    )
    assert person_info(ctx.db, village["wife"]).phone == "13912345678"
    [amended] = history.amendments(ctx.db, 2024)
    assert (amended.field, amended.why, amended.actor) == ("phone", "电话号码录入错误", A)

    again = PersonDialog(ctx, None, person_id=village["wife"])
    qtbot.addWidget(again)
    assert again.tabs is not None and again.tabs.tabText(1) == "变更记录 (3，含更正 1)"
    model = again.history_model
    headers = [model.headerData(c, Qt.Orientation.Horizontal) for c in range(model.columnCount())]
    assert headers == ["时间", "操作人", "操作", "项目", "原值", "新值", "原因", "更正"]
    last = [model.index(model.rowCount() - 1, c).data() for c in range(model.columnCount())]
    assert last[1:] == [A, "修改人员信息", "联系电话", "", "13912345678", "电话号码录入错误", "是"]
    assert model.index(0, 7).data() == ""  # the registration, before any package
    tint = model.index(model.rowCount() - 1, 0).data(Qt.ItemDataRole.BackgroundRole)
    assert tint is not None and model.index(0, 0).data(Qt.ItemDataRole.BackgroundRole) is None


def test_cancelling_the_reason_changes_nothing(qtbot, ctx, village):
    driver = ReasonDriver(None)
    dialog = _edit_phone(qtbot, ctx, village["wife"], "13912345678", driver)
    assert len(driver.seen) == 1
    assert dialog.result() != PersonDialog.DialogCode.Accepted
    assert person_info(ctx.db, village["wife"]).phone == ""
    assert history.amendments(ctx.db, 2024) == []


def test_a_person_no_package_reported_is_changed_without_a_reason(qtbot, ctx, village):
    driver = ReasonDriver("不该问")
    dialog = _edit_phone(qtbot, ctx, village["late"], "13912345679", driver)
    assert dialog.result() == PersonDialog.DialogCode.Accepted
    assert driver.seen == []
    assert person_info(ctx.db, village["late"]).phone == "13912345679"
    # A note is not reported either: editing only it asks nothing.
    note = PersonDialog(ctx, None, person_id=village["wife"])
    qtbot.addWidget(note)
    note.note_edit.setText("外出务工")
    note.accept()
    assert note.result() == PersonDialog.DialogCode.Accepted and driver.seen == []


def test_undo_of_a_reported_payment_asks_why(qtbot, ctx, village):
    from enrollagent.ui.pages.payments import Page as PaymentsPage

    page = PaymentsPage(ctx)
    qtbot.addWidget(page)
    driver = ReasonDriver("收错人")
    driver.arm()
    page._on_undo_button_clicked()
    assert len(driver.seen) == 1
    amended = [e for e in history.amendments(ctx.db, 2024) if e.field == "payment"]
    assert [e.why for e in amended] == ["收错人"]


@pytest.fixture
def log_page(qtbot, ctx, village):
    roster.update_person(ctx.db, village["wife"], actor=A, phone="13912345678", reason="录入错误")
    roster.flag_person(ctx.db, village["late"], "minimum_living", actor=A)
    page = Page(ctx)
    qtbot.addWidget(page)
    page.resize(1300, 700)
    page.show()
    return page


def test_the_change_log_filters_by_kind_person_and_amendment(log_page, village):
    page = log_page
    assert "当前参保年度：2024年度" in page.year_label.text()
    rows = page.model.entries
    # Newest first, change by change (a payment is its own record: it has no audit row).
    assert rows and rows == sorted(rows, key=lambda e: e.change_id, reverse=True)
    page.kind_combo.setCurrentIndex(page.kind_combo.findData("flag"))
    assert [(e.subject, e.what) for e in page.model.entries] == [("王五", "标记特殊人群")]
    page.kind_combo.setCurrentIndex(0)
    page.amendments_check.setChecked(True)
    assert [(e.subject, e.label, e.why) for e in page.model.entries] == [
        ("李梅", "联系电话", "录入错误")
    ]
    assert page.count_label.text() == "共 1 条，其中更正 1 条"
    page.amendments_check.setChecked(False)
    page.person_edit.setText(an_id(13))
    page.person_edit.returnPressed.emit()
    assert {e.subject for e in page.model.entries} == {"王五"}
    assert "王五" in page.person_label.text()
    page.person_edit.setText("查无")
    page.person_edit.returnPressed.emit()
    assert page.model.entries == [] and page.person_label.text() == "查无此人"
    page.person_edit.clear()
    assert len(page.model.entries) == len(rows)
    # Days: a range that ends yesterday holds nothing made today.
    page.until_edit.setDate(page.since_edit.date().addDays(-1))
    assert page.model.entries == []


def test_the_change_log_exports_what_it_shows(log_page, tmp_path):
    page = log_page
    page.amendments_check.setChecked(True)
    path = tmp_path / "变更记录.xlsx"
    page.export(path)
    ws = load_workbook(path)["变更记录"]
    rows = list(ws.iter_rows(values_only=True))
    assert "李庄村" in rows[0][0] and "2024年度" in rows[0][0]
    assert rows[1][:3] == ("时间", "操作人", "类别")
    assert len(rows) == 3
    assert rows[2][4] == "李梅" and rows[2][10] == "录入错误" and rows[2][11] == "是"
    assert str(path) in page.count_label.text()


def test_a_coverage_change_of_a_reported_person_asks_why(qtbot, ctx, village):
    from enrollagent.ui.dialogs.person_year import CoverageDialog

    dialog = CoverageDialog(ctx, None, village["wife"])
    qtbot.addWidget(dialog)
    dialog.coverage_combo.setCurrentIndex(dialog.coverage_combo.findData("employee"))
    driver = ReasonDriver("已在县医院参加职工医保")
    driver.arm()
    dialog.accept()
    assert len(driver.seen) == 1
    [amended] = history.amendments(ctx.db, 2024)
    assert (amended.field, amended.why) == ("coverage", "已在县医院参加职工医保")


def test_flagging_a_reported_person_asks_why_and_cancel_flags_nobody(qtbot, ctx, village):
    from enrollagent.ui.pages.special import Page as SpecialPage

    page = SpecialPage(ctx)
    qtbot.addWidget(page)
    page.chosen_id = village["wife"]
    page.flag_category_combo.setCurrentIndex(page.flag_category_combo.findData("minimum_living"))
    cancel = ReasonDriver(None)
    cancel.arm()
    page._on_flag_button_clicked()
    assert len(cancel.seen) == 1 and history.amendments(ctx.db, 2024) == []
    driver = ReasonDriver("民政所新认定")
    driver.arm()
    page._on_flag_button_clicked()
    [amended] = history.amendments(ctx.db, 2024)
    assert (amended.kind, amended.why) == ("flag", "民政所新认定")


def test_moving_a_reported_person_asks_why(qtbot, ctx, village):
    from enrollagent.ui.dialogs.move import MoveDialog

    other = roster.add_household(ctx.db, actor=A, hh_no="002", group_name="二组").id
    dialog = MoveDialog(ctx, None, village["wife"])
    qtbot.addWidget(dialog)
    dialog.household_combo.select(other)
    driver = ReasonDriver("分户")
    driver.arm()
    dialog.accept()
    assert len(driver.seen) == 1 and "迁户" in driver.seen[0]
    assert person_info(ctx.db, village["wife"]).household_id == other
    assert {e.why for e in history.amendments(ctx.db, 2024)} == {"分户"}
