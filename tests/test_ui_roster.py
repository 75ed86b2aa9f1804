"""The roster page and its dialogs, driven with the keyboard on a real store."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QDialog

from enrollagent.core.figures import person_states

from .ui_helpers import *  # noqa: F403 - the fixtures: qt_settings, boxes, village, ctx
from .ui_helpers import an_id, type_text


def names_shown(page) -> list[str]:
    return [page.model.state_at(r).name for r in range(page.model.rowCount())]


def test_add_a_household_by_typing(qtbot, ctx):
    from enrollagent.ui.dialogs.household import HouseholdDialog
    from enrollagent.ui.pages.roster import Page

    page = Page(ctx)
    qtbot.addWidget(page)
    dialog = HouseholdDialog(ctx, page)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.group_combo.lineEdit().clear()
    type_text(qtbot, dialog.group_combo.lineEdit(), "三组")
    assert dialog.hh_no_edit.text() == "003"  # the next 户号 is offered
    type_text(qtbot, dialog.address_edit, "三组5号")
    qtbot.keyClicks(dialog.phone_edit, "139 1234 5678")
    type_text(qtbot, dialog.head_name_edit, "孙七")
    qtbot.keyClicks(dialog.head_id_field.id_edit, an_id(5, 1980))
    assert "出生日期 1980-" in dialog.head_id_field.hint_label.text()
    qtbot.keyClick(dialog.head_id_field.id_edit, Qt.Key.Key_Return)
    assert dialog.result() == QDialog.DialogCode.Accepted
    row = ctx.db.execute(
        "SELECT h.group_name, h.hh_no, h.phone, p.relation FROM person p JOIN household h"
        " ON h.id = p.household_id WHERE p.name = '孙七'"
    ).fetchone()
    assert row == ("三组", "003", "13912345678", "户主")
    page.refresh()
    page.select_person(dialog.head_id)
    assert page.selected_person() == dialog.head_id
    assert "户主 孙七" in page.household_label.text()


def test_a_bad_id_is_refused_with_its_reason(qtbot, ctx):
    from enrollagent.ui.dialogs.person import PersonDialog

    household = ctx.db.execute("SELECT id FROM household WHERE hh_no = '001'").fetchone()[0]
    dialog = PersonDialog(ctx, None, household_id=household)
    qtbot.addWidget(dialog)
    dialog.show()
    type_text(qtbot, dialog.name_edit, "张小三")
    good = an_id(9, 2010)
    bad = good[:17] + ("0" if good[17] != "0" else "1")
    qtbot.keyClicks(dialog.id_field.id_edit, bad)
    assert "校验位" in dialog.id_field.hint_label.text()
    with qtbot.waitActive(dialog):
        dialog.activateWindow()
    dialog.id_field.id_edit.setFocus()
    qtbot.keyClick(
        dialog.id_field.id_edit, Qt.Key.Key_Tab
    )  # the 待核实 box under the ID comes next
    assert QApplication.focusWidget() is dialog.keep_invalid_check
    qtbot.keyClick(dialog.name_edit, Qt.Key.Key_Return)
    assert dialog.result() != QDialog.DialogCode.Accepted
    assert "校验位" in dialog.error_label.text()
    assert ctx.db.execute("SELECT COUNT(*) FROM person WHERE name = '张小三'").fetchone()[0] == 0
    dialog.id_field.id_edit.clear()
    qtbot.keyClicks(dialog.id_field.id_edit, "41172519800230")
    assert "位数不对" in dialog.id_field.hint_label.text()
    dialog.id_field.id_edit.clear()
    qtbot.keyClicks(dialog.id_field.id_edit, an_id(1))  # 张三's
    assert (
        "张三" in dialog.id_field.hint_label.text()
        and "户号001" in dialog.id_field.hint_label.text()
    )
    dialog.id_field.id_edit.clear()
    qtbot.keyClicks(dialog.id_field.id_edit, good)
    assert (
        "2010-" in dialog.id_field.hint_label.text() and "岁" in dialog.id_field.hint_label.text()
    )
    qtbot.keyClick(dialog.name_edit, Qt.Key.Key_Return)
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert ctx.db.execute("SELECT id_valid FROM person WHERE name = '张小三'").fetchone() == (1,)


def test_search_by_pinyin_initials_and_id_tail(qtbot, ctx):
    from enrollagent.ui.pages.roster import Page

    page = Page(ctx)
    qtbot.addWidget(page)
    page.show()
    page.search.wait()
    qtbot.keyClicks(page.search_edit, "zs")
    qtbot.waitUntil(lambda: names_shown(page) == ["张三"], timeout=2000)
    page.search_edit.clear()
    qtbot.keyClicks(page.search_edit, an_id(4)[-5:])
    qtbot.waitUntil(lambda: names_shown(page) == ["赵六"], timeout=2000)
    page.search_edit.clear()
    qtbot.waitUntil(lambda: len(names_shown(page)) == 4, timeout=2000)


def test_a_person_added_is_found_by_search_after_the_change(qtbot, ctx):
    from enrollagent.ui.dialogs.person import PersonDialog
    from enrollagent.ui.pages.roster import Page

    page = Page(ctx)
    qtbot.addWidget(page)
    ctx.changed.connect(page.refresh)
    household = ctx.db.execute("SELECT id FROM household WHERE hh_no = '002'").fetchone()[0]
    dialog = PersonDialog(
        ctx, page, household_id=household, name="钱多多", id_number=an_id(7, 1999)
    )
    qtbot.addWidget(dialog)
    dialog.accept()
    qtbot.keyClicks(page.search_edit, "qdd")
    qtbot.waitUntil(lambda: names_shown(page) == ["钱多多"], timeout=3000)


def test_filters_by_group_coverage_and_state(qtbot, ctx):
    from enrollagent.ui.dialogs.person_year import CoverageDialog
    from enrollagent.ui.pages.roster import Page

    page = Page(ctx)
    qtbot.addWidget(page)
    page.group_combo.setCurrentIndex(page.group_combo.findData("二组"))
    assert names_shown(page) == ["王五", "赵六"]
    person = ctx.db.execute("SELECT id FROM person WHERE name = '赵六'").fetchone()[0]
    dialog = CoverageDialog(ctx, page, person)
    qtbot.addWidget(dialog)
    dialog.coverage_combo.setCurrentIndex(dialog.coverage_combo.findData("elsewhere"))
    dialog.accept()
    assert dialog.result() != QDialog.DialogCode.Accepted  # 异地参保 needs where
    type_text(qtbot, dialog.note_edit, "广东东莞")
    dialog.accept()
    assert dialog.result() == QDialog.DialogCode.Accepted
    page.refresh()
    page.coverage_combo.setCurrentIndex(page.coverage_combo.findData("elsewhere"))
    assert names_shown(page) == ["赵六"]
    page.show_filter({"state": "unpaid"})
    assert sorted(names_shown(page)) == sorted(
        s.name for s in person_states(ctx.db) if s.state == "unpaid"
    )
    assert "赵六" not in names_shown(page)


def test_move_person_and_change_head(qtbot, ctx, monkeypatch):
    from PySide6.QtWidgets import QInputDialog

    from enrollagent.ui.dialogs.move import MoveDialog
    from enrollagent.ui.pages.roster import Page

    page = Page(ctx)
    qtbot.addWidget(page)
    ctx.changed.connect(page.refresh)
    li = ctx.db.execute("SELECT id FROM person WHERE name = '李四'").fetchone()[0]
    h2 = ctx.db.execute("SELECT id FROM household WHERE hh_no = '002'").fetchone()[0]
    dialog = MoveDialog(ctx, page, li)
    qtbot.addWidget(dialog)
    dialog.household_combo.select(h2)
    dialog.relation_combo.setCurrentText("儿媳")
    dialog.accept()
    assert ctx.db.execute(
        "SELECT household_id, relation FROM person WHERE id = ?", [li]
    ).fetchone() == (h2, "儿媳")
    page.select_person(li)
    monkeypatch.setattr(QInputDialog, "getItem", lambda *a, **k: ("父亲", True))
    page.head_button.click()
    rows = dict(
        ctx.db.execute("SELECT name, relation FROM person WHERE household_id = ?", [h2]).fetchall()
    )
    assert rows["李四"] == "户主" and rows["王五"] == "父亲"


def test_unpaid_reason(qtbot, ctx):
    from enrollagent.ui.dialogs.person_year import UnpaidReasonDialog

    person = ctx.db.execute("SELECT id FROM person WHERE name = '王五'").fetchone()[0]
    dialog = UnpaidReasonDialog(ctx, None, person)
    qtbot.addWidget(dialog)
    dialog.reason_combo.setCurrentIndex(dialog.reason_combo.findData("经济困难/交不起"))
    assert "资助对象" in dialog.hint_label.text()
    dialog.accept()
    assert ctx.db.execute(
        "SELECT unpaid_reason FROM person_year WHERE person_id = ?", [person]
    ).fetchone() == ("经济困难/交不起",)


def test_person_dialog_picks_the_household_when_none_is_given(qtbot, ctx):
    """The payments inbox adds the person first: ID and name come in, the household is picked."""
    from enrollagent.ui.dialogs.person import PersonDialog

    dialog = PersonDialog(ctx, None, id_number=an_id(11, 1988), name="周八")
    qtbot.addWidget(dialog)
    assert dialog.name_edit.text() == "周八" and "1988-" in dialog.id_field.hint_label.text()
    dialog.accept()
    assert dialog.result() != QDialog.DialogCode.Accepted and "户" in dialog.error_label.text()
    type_text(
        qtbot, dialog.household_combo.lineEdit(), "组"
    )  # every household: which one is not said
    assert dialog.household_combo.household_id() is None
    dialog.household_combo.lineEdit().clear()
    type_text(
        qtbot, dialog.household_combo.lineEdit(), "王五"
    )  # the head's name, not picked from the list
    assert dialog.household_combo.household_id() is not None
    dialog.accept()
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert ctx.db.execute(
        "SELECT h.hh_no FROM person p JOIN household h ON h.id = p.household_id WHERE p.id = ?",
        [dialog.person_id],
    ).fetchone() == ("002",)


def test_keyboard_search_then_enter_reaches_the_table(qtbot, ctx):
    from enrollagent.ui.pages.roster import Page

    page = Page(ctx)
    qtbot.addWidget(page)
    page.show()
    page.search.wait()
    page.focus_search()
    qtbot.keyClicks(page.search_edit, "ww")
    qtbot.keyClick(page.search_edit, Qt.Key.Key_Return)  # no need to wait for the debounce
    assert names_shown(page) == ["王五"]
    assert page.table_view.hasFocus() or page.table_view.currentIndex().isValid()
    assert (
        page.selected_person()
        == ctx.db.execute("SELECT id FROM person WHERE name = '王五'").fetchone()[0]
    )
    # Tab leaves the table (not cell by cell) and reaches the buttons; Enter presses a focused button.
    with qtbot.waitActive(page):
        page.activateWindow()
    page.table_view.setFocus()
    assert QApplication.focusWidget() is page.table_view
    focused = []
    for _ in range(12):
        qtbot.keyClick(QApplication.focusWidget() or page, Qt.Key.Key_Tab)
        focused.append(QApplication.focusWidget())
    assert page.table_view not in focused[:1] and page.edit_person_button in focused
    assert page.edit_person_button.autoDefault()
    page.focus_search()
    qtbot.keyClick(page.search_edit, Qt.Key.Key_Escape)  # Esc empties the box: everyone again
    assert page.search_edit.text() == ""
    qtbot.waitUntil(lambda: len(names_shown(page)) == 4, timeout=2000)


def test_clicking_a_header_sorts_and_the_sort_survives_a_filter(qtbot, ctx):
    from enrollagent.ui.models.roster import COL_SEX_AGE
    from enrollagent.ui.pages.roster import Page

    page = Page(ctx)
    qtbot.addWidget(page)
    column = page.model.columns.index(COL_SEX_AGE)
    page.table_view.horizontalHeader().sectionClicked.emit(column)
    ages = [page.model.state_at(r).birth_date for r in range(page.model.rowCount())]
    assert [page.model.state_at(r).sex for r in range(page.model.rowCount())] == [
        "女",
        "女",
        "男",
        "男",
    ]
    page.table_view.horizontalHeader().sectionClicked.emit(column)  # again: the other way
    assert [page.model.state_at(r).birth_date for r in range(page.model.rowCount())] == ages[::-1]
    page.group_combo.setCurrentIndex(page.group_combo.findData("一组"))
    assert names_shown(page) == sorted(names_shown(page), key=lambda n: n != "张三")  # 张三 is male
