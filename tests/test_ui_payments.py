"""缴费登记 page: keyboard recording, 全户缴费, undo, the inbox, Chinese errors (issue 5)."""

from __future__ import annotations

import pytest

pytest.importorskip("pytestqt")

from PySide6.QtCore import QDate, Qt  # noqa: E402
from PySide6.QtWidgets import QMessageBox  # noqa: E402

from enrollagent.core import payments, roster  # noqa: E402
from enrollagent.core.figures import compute_figures, person_state  # noqa: E402
from enrollagent.core.ids import check_char  # noqa: E402
from enrollagent.core.village import get_setting  # noqa: E402
from enrollagent.ui.context import AppContext  # noqa: E402
from enrollagent.ui.pages.payments import Page  # noqa: E402


def an_id(seq: int, born: str = "19700101") -> str:
    body = f"411725{born}{seq:03d}"
    return body + check_char(body)


@pytest.fixture
def village(db):
    """Two households: 张三 + 李梅 (一组), 王五 (二组)."""
    h1 = roster.add_household(db, actor="王明", hh_no="001", group_name="一组").id
    h2 = roster.add_household(db, actor="王明", hh_no="002", group_name="二组").id
    people = {
        "张三": roster.add_person(
            db, household_id=h1, name="张三", id_number=an_id(11), actor="王明", relation="户主"
        ).id,
        "李梅": roster.add_person(
            db, household_id=h1, name="李梅", id_number=an_id(12), actor="王明", relation="配偶"
        ).id,
        "王五": roster.add_person(
            db, household_id=h2, name="王五", id_number=an_id(13), actor="王明", relation="户主"
        ).id,
    }
    return db, people


class Questions:
    """Stands in for QMessageBox.question: keeps each (title, text, default button) asked and
    answers from `replies`, then 是."""

    def __init__(self) -> None:
        self.asked: list[tuple[str, str, QMessageBox.StandardButton]] = []
        self.replies: list[QMessageBox.StandardButton] = []

    def __call__(self, _parent, title, text, *args):
        self.asked.append((title, text, args[-1] if args else None))
        return self.replies.pop(0) if self.replies else QMessageBox.StandardButton.Yes


@pytest.fixture
def questions(monkeypatch) -> Questions:
    # The 2024 village's window is long past: every payment dated today is asked about.
    found = Questions()
    monkeypatch.setattr(QMessageBox, "question", found)
    return found


@pytest.fixture
def page(qtbot, db_path, village, questions):
    ctx = AppContext(db_path)
    widget = Page(ctx)
    qtbot.addWidget(widget)
    widget.resize(1160, 700)
    widget.show()
    yield widget
    ctx.close()


def paid(page) -> int:
    return compute_figures(page.ctx.db).total.states["paid"]


def test_record_a_payment_by_keyboard(qtbot, page, village):
    _db, people = village
    changed = []
    page.ctx.changed.connect(changed.append)
    assert paid(page) == 0
    qtbot.keyClicks(page.search_edit, an_id(11)[-4:])  # the ID tail people read out
    assert page.match_model.key_at(0) == people["张三"]
    qtbot.keyClick(page.search_edit, Qt.Key.Key_Return)
    assert page.person.person_id == people["张三"]
    assert page.amount_edit.text() == "380.00"  # what is still owed, from the policy
    page.channel_combo.setCurrentText("支付宝")
    qtbot.keyClick(page.amount_edit, Qt.Key.Key_Return)
    assert paid(page) == 1 and changed
    assert person_state(page.ctx.db, people["张三"]).state == "paid"
    assert "张三" in page.status_label.text()
    assert page.today_model.rowCount() == 1 and page.today_model.rows[0][1] == "张三"
    assert get_setting(page.ctx.db, "last_channel") == "支付宝"

    # Ctrl+Z right away, with the cursor back in the search box, undoes that payment (not the typing).
    assert page.search_edit.hasFocus()
    qtbot.keyClick(page.search_edit, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert paid(page) == 0 and "已撤销" in page.status_label.text()


def test_the_search_row_follows_the_payment(qtbot, page, village):
    """Issue 12: after a payment the match row said 未缴费 380.00 while the side panel was right.
    The write's Changes name the person; the page refreshes its matches from them, once."""
    _db, people = village
    seen = []
    page.ctx.changed.connect(seen.append)
    qtbot.keyClicks(page.search_edit, an_id(11)[-4:])
    assert page.match_model.rows[0][3:] == ("未缴费", "380.00")
    qtbot.keyClick(page.search_edit, Qt.Key.Key_Return)
    qtbot.keyClick(page.amount_edit, Qt.Key.Key_Return)
    assert page.match_model.key_at(0) == people["张三"]
    assert page.match_model.rows[0][3:] == ("已缴费", "")
    payment_changes = [c for c in seen if c.persons]
    assert [c.persons for c in payment_changes] == [{people["张三"]}]  # one change, one person
    assert not payment_changes[0].people  # a payment leaves the search index alone


def test_enter_moves_through_matches_with_arrows(qtbot, page, village):
    _db, people = village
    qtbot.keyClicks(page.search_edit, "411725")  # everybody
    assert page.match_model.rowCount() == 3
    qtbot.keyClick(page.search_edit, Qt.Key.Key_Down)
    second = page.match_model.key_at(1)
    qtbot.keyClick(page.search_edit, Qt.Key.Key_Return)
    assert page.person.person_id == second


def test_pinyin_initials_find_the_person(qtbot, page, village):
    _db, people = village
    qtbot.keyClicks(page.search_edit, "ww")
    qtbot.keyClick(page.search_edit, Qt.Key.Key_Return)
    assert page.person.person_id == people["王五"]


def test_whole_household_then_undo(qtbot, page, village):
    _db, people = village
    page.pick_person(people["李梅"])
    assert "2 人" in page.household_button.text()
    qtbot.mouseClick(page.household_button, Qt.MouseButton.LeftButton)
    assert paid(page) == 2
    assert compute_figures(page.ctx.db).total.collected_fen == 2 * 38000
    qtbot.keyClick(page, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert paid(page) == 1
    assert "已撤销" in page.status_label.text()
    assert compute_figures(page.ctx.db).total.collected_fen == 38000


def test_refund_is_a_negative_row(qtbot, page, village):
    db, people = village
    payments.record_payment(db, person_id=people["王五"], actor="王明")
    payments.record_payment(db, person_id=people["王五"], actor="王明", amount_fen=38000)
    page.pick_person(people["王五"])
    page.refund(38000, "重复缴费")
    assert person_state(page.ctx.db, people["王五"]).net_fen == 38000
    assert page.ctx.db.execute("SELECT MIN(amount_fen) FROM payment").fetchone()[0] == -38000


def test_assign_an_unmatched_payment(qtbot, page, village):
    db, people = village
    payments.add_unmatched(
        db,
        year=2024,
        amount_fen=38000,
        source="明细.xlsx#5",
        actor="王明",
        id_number=an_id(13),
        name="王五",
        paid_on="2023-10-08",
        channel="税务APP",
    )
    page.refresh()
    assert "待认领 (1)" in page.tabs.tabText(1)
    page.show_filter({"inbox": True})
    assert page.tabs.currentWidget() is page.inbox
    qtbot.keyClick(page.inbox.view, Qt.Key.Key_Return)  # look the row's ID up
    assert page.search_edit.text() == an_id(13)
    qtbot.keyClick(page.search_edit, Qt.Key.Key_Return)
    assert "王五" in page.inbox.assign_button.text()
    qtbot.mouseClick(page.inbox.assign_button, Qt.MouseButton.LeftButton)
    state = person_state(page.ctx.db, people["王五"])
    assert state.state == "paid" and state.net_fen == 38000
    assert page.inbox.count() == 0
    assert compute_figures(page.ctx.db).unmatched_payments == 0


def test_errors_are_chinese_sentences(qtbot, page, village):
    _db, people = village
    page.pick_person(people["张三"])
    page.amount_edit.setText("三百")
    qtbot.keyClick(page.amount_edit, Qt.Key.Key_Return)
    boxes = page.findChildren(QMessageBox)
    assert boxes and boxes[-1].text() == "金额“三百”不对，应为元，最多两位小数"
    boxes[-1].close()
    qtbot.mouseClick(page.undo_button, Qt.MouseButton.LeftButton)
    assert page.findChildren(QMessageBox)[-1].text() == "没有可以撤销的缴费记录"
    assert paid(page) == 0


def test_nothing_owed_says_so(qtbot, page, village):
    db, people = village
    payments.record_payment(db, person_id=people["王五"], actor="王明")
    page.pick_person(people["王五"])
    assert page.amount_edit.text() == ""
    qtbot.keyClick(page.amount_edit, Qt.Key.Key_Return)
    assert page.findChildren(QMessageBox)[-1].text() == "王五 本年度无需个人缴费（已缴费）"


def test_inbox_adds_the_person_first_then_assigns(qtbot, page, village):
    db, _people = village
    newcomer = an_id(21, "19920303")
    payments.add_unmatched(
        db,
        year=2024,
        amount_fen=38000,
        source="明细.xlsx#9",
        actor="王明",
        id_number=newcomer,
        name="赵新",
        paid_on="2023-10-09",
        channel="微信",
    )
    page.refresh()
    page.show_filter({"inbox": True})
    qtbot.mouseClick(page.inbox.add_button, Qt.MouseButton.LeftButton)
    dialog = page.person_dialog
    assert (
        dialog.name_edit.text() == "赵新" and dialog.id_field.text() == newcomer
    )  # filled from the row
    dialog.household_combo.select(
        db.execute("SELECT id FROM household WHERE hh_no = '002'").fetchone()[0]
    )
    dialog.accept()
    pid = db.execute("SELECT id FROM person WHERE id_number = ?", [newcomer]).fetchone()[0]
    state = person_state(page.ctx.db, pid)
    assert state.state == "paid" and state.net_fen == 38000
    assert page.inbox.count() == 0


def test_a_payment_dated_outside_the_window_is_asked_about_first(qtbot, page, village, questions):
    """A payment after the window starts a waiting period (国办发〔2024〕38号): the agent is told
    before it is booked; 否 books nothing, 是 books it on that date."""
    db, people = village
    page.pick_person(people["张三"])
    page.date_edit.setDate(QDate(2024, 1, 5))
    questions.replies = [QMessageBox.StandardButton.No]
    qtbot.keyClick(page.amount_edit, Qt.Key.Key_Return)
    assert questions.asked == [
        (
            "不在征缴期内",
            "缴费日期 2024-01-05 不在2024年度征缴期（2023-09-10 至 2023-12-31）内。"
            "在征缴期后缴费的，参保后有待遇等待期（张三 3 个月）。\n仍要登记吗？",
            QMessageBox.StandardButton.No,  # 否 is the default: Enter twice books nothing
        )
    ]
    assert db.execute("SELECT COUNT(*) FROM payment").fetchone()[0] == 0
    qtbot.keyClick(page.amount_edit, Qt.Key.Key_Return)  # answered 是
    assert len(questions.asked) == 2
    assert db.execute("SELECT paid_on, amount_fen FROM payment").fetchall() == [
        ("2024-01-05", 38000)
    ]

    # 全户缴费 is asked the same, naming whoever would wait; 否 books nobody.
    page.pick_person(people["李梅"])
    page.date_edit.setDate(QDate(2024, 2, 1))
    questions.replies = [QMessageBox.StandardButton.No]
    qtbot.mouseClick(page.household_button, Qt.MouseButton.LeftButton)
    assert "（李梅 3 个月）" in questions.asked[-1][1]
    assert db.execute("SELECT COUNT(*) FROM payment").fetchone()[0] == 1


def test_a_payment_dated_in_the_window_is_not_asked_about(qtbot, page, village, questions):
    db, people = village
    page.pick_person(people["王五"])
    page.date_edit.setDate(QDate(2023, 10, 8))
    qtbot.keyClick(page.amount_edit, Qt.Key.Key_Return)
    assert questions.asked == []
    assert person_state(db, people["王五"]).state == "paid"


def test_a_payment_dated_before_the_window_is_asked_about(qtbot, page, village, questions):
    db, people = village
    page.pick_person(people["王五"])
    page.date_edit.setDate(QDate(2023, 8, 20))
    questions.replies = [QMessageBox.StandardButton.No]
    qtbot.keyClick(page.amount_edit, Qt.Key.Key_Return)
    assert "征缴期还没有开始，请核对日期" in questions.asked[0][1]
    assert person_state(db, people["王五"]).state == "unpaid"
