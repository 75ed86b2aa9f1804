"""A village rolled into 2025 on screen: the overview's waiting periods and rollover items, a
person's years of cover, the roster's 待确认参保状态 and the 待重新认定 list (国办发〔2024〕38号)."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import QItemSelectionModel, Qt

from enrollagent.core.figures import person_state
from enrollagent.core.payments import record_payment
from enrollagent.core.policy import load_policy
from enrollagent.core.roster import set_history
from enrollagent.core.year import start_year
from enrollagent.ui.context import AppContext
from tests.test_years import A, village_2024  # noqa: F401 - the fixture

from .ui_helpers import *  # noqa: F403 - the fixtures: qt_settings, boxes, village, ctx


@pytest.fixture
def rolled(db, db_path, village_2024, qt_settings, boxes):  # noqa: F811
    """The nine of 2024 in 2025: 张一 paid 2024 and 2025; 李三 paid neither (a year's gap);
    李四 (职工医保) and 王一 (在校) carried as 待确认; 张二 (特困) and 张三 (低保) to certify again;
    王二 with seven years of cover stated before 2024."""
    ids = village_2024
    set_history(db, ids["王二"], actor=A, cover_years=5, gap_years=0)
    start_year(db, 2025, load_policy("huojia-2024").for_year(2025), actor=A)
    record_payment(db, person_id=ids["张一"], actor=A, paid_on=date(2024, 10, 1))
    record_payment(db, person_id=ids["王二"], actor=A, paid_on=date(2024, 10, 1))
    context = AppContext(db_path)
    yield context, ids
    context.close()


def test_overview_says_who_would_wait_and_what_the_rollover_left(qtbot, rolled):
    from enrollagent.ui.pages.overview import Page

    ctx, _ids = rolled
    page = Page(ctx)
    qtbot.addWidget(page)
    # Unpaid: 张二, 张三 (not certified again yet) 3 months each; 李三, a year without cover, 4.
    assert "的 3 人" in page.waiting_label.text() or "：3 人" in page.waiting_label.text()
    assert page.waiting_label.text().endswith("待遇等待期（3个月 2 人、4个月 1 人）")
    window_over = date.today() > date(2024, 12, 31)
    assert page.waiting_label.text().startswith(
        "征缴期已结束：未缴的" if window_over else "若在征缴期后缴费："
    )
    assert ("征缴期已结束" in page.window_label.text()) == window_over
    assert page.attention_buttons["to_confirm"].text().startswith("待确认参保状态：2 人")
    assert page.attention_buttons["to_recertify"].text().startswith("待重新认定：2 人")
    with qtbot.waitSignal(ctx.navigate) as opened:
        qtbot.keyClick(page.attention_buttons["to_recertify"], Qt.Key.Key_Return)
    assert opened.args == ["special", {"recertify": True}]
    with qtbot.waitSignal(ctx.navigate) as opened:
        qtbot.mouseClick(page.attention_buttons["to_confirm"], Qt.MouseButton.LeftButton)
    assert opened.args == ["roster", {"attention": "to_confirm"}]


def test_a_persons_years_and_waiting_months(qtbot, rolled):
    from enrollagent.ui.dialogs.person import PersonDialog
    from enrollagent.ui.dialogs.person_year import CoverageDialog

    ctx, ids = rolled

    dialogs = []  # kept: a dialog collected takes its labels with it

    def box(name: str):
        dialogs.append(CoverageDialog(ctx, None, ids[name]))
        qtbot.addWidget(dialogs[-1])
        return dialogs[-1].cover_box

    gap = box("李三")
    assert gap.continuous_label.text() == "0 年"
    assert gap.gap_label.text() == "1 年"
    assert gap.waiting_label.text() == "按时缴费 4 个月 / 逾期缴费 4 个月"
    assert gap.bonus_label.isHidden()
    paid = box("张一")  # 2024 and 2025
    assert paid.continuous_label.text() == "2 年" and paid.gap_label.text() == "无"
    assert paid.waiting_label.text() == "按时缴费 无 / 逾期缴费 3 个月"
    assert box("李四").waiting_label.text() == "无（职工医保转入（中断后3个月内参保））"
    # 5 years stated before 2024, then 2024 and 2025: 7, three beyond the first four.
    long = box("王二")
    assert long.continuous_label.text() == "7 年"
    assert not long.bonus_label.isHidden()
    assert long.bonus_label.text() == "最高支付限额提高 3,000 元"
    # The person dialog shows the same box; a person added in that dialog has none yet.
    edit = PersonDialog(ctx, None, person_id=ids["王二"])
    qtbot.addWidget(edit)
    assert edit.cover_box is not None and edit.cover_box.continuous_label.text() == "7 年"
    new = PersonDialog(ctx, None, household_id=1)
    qtbot.addWidget(new)
    assert new.cover_box is None


def test_roster_lists_the_cover_to_confirm_and_confirms_the_selected(qtbot, rolled):
    from enrollagent.ui.pages.roster import Page

    ctx, ids = rolled
    page = Page(ctx)
    qtbot.addWidget(page)
    page.show()
    assert page.confirm_bar.isVisible() and page.confirm_label.text().startswith("2 人的参保状态")
    qtbot.mouseClick(page.show_to_confirm_button, Qt.MouseButton.LeftButton)
    shown = [page.model.state_at(r).name for r in range(page.model.rowCount())]
    assert shown == ["李四", "王一"]
    assert "上年带入，待确认" in page.model.data(page.model.index(0, page.model.columnCount() - 1))
    assert page.confirm_button.isVisible() and not page.show_to_confirm_button.isVisible()
    # Both rows, as Ctrl+click would select them, then 确认.
    page.table_view.selectAll()
    assert len(page.table_view.selectionModel().selectedRows()) == 2
    qtbot.mouseClick(page.confirm_button, Qt.MouseButton.LeftButton)
    assert not person_state(ctx.db, ids["李四"], 2025).to_confirm
    assert not person_state(ctx.db, ids["王一"], 2025).to_confirm
    assert page.model.rowCount() == 0
    assert page.count_label.text() == "已确认 2 人：李四、王一"
    assert not page.confirm_bar.isVisible()


def test_confirm_takes_only_the_selected(qtbot, rolled):
    from enrollagent.ui.pages.roster import Page

    ctx, ids = rolled
    page = Page(ctx)
    qtbot.addWidget(page)
    page.show()
    page.show_filter({"attention": "to_confirm"})
    page.table_view.selectionModel().select(
        page.model.index(page.model.row_of(ids["王一"]), 0),
        QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows,
    )
    qtbot.mouseClick(page.confirm_button, Qt.MouseButton.LeftButton)
    assert person_state(ctx.db, ids["李四"], 2025).to_confirm
    assert not person_state(ctx.db, ids["王一"], 2025).to_confirm
    assert [page.model.state_at(r).name for r in range(page.model.rowCount())] == ["李四"]


def test_special_lists_whom_to_certify_again_with_last_years_categories(qtbot, rolled):
    from enrollagent.ui.pages.special import RECERTIFY, Page

    ctx, ids = rolled
    page = Page(ctx)
    qtbot.addWidget(page)
    page.show()
    page.show_filter({"recertify": True})
    assert page.current_category() == RECERTIFY
    assert [row[0] for row in page.member_model.rows] == ["张二", "张三"]
    assert [row[4] for row in page.member_model.rows] == ["上年：特困人员", "上年：低保对象"]
    assert page.members_title.text().startswith("待重新认定：2 人")
    assert page.recertify_button.isVisible() and not page.unflag_button.isVisible()
    # 张二 is on this year's 特困 list: picked with last year's category, then flagged.
    qtbot.mouseClick(page.recertify_button, Qt.MouseButton.LeftButton)
    assert "张二" in page.chosen_label.text()
    assert page.flag_category_combo.currentData() == "extreme_poverty"
    qtbot.keyClick(page.source_edit, Qt.Key.Key_Return)
    assert person_state(ctx.db, ids["张二"], 2025).categories == ("extreme_poverty",)
    assert page.current_category() == RECERTIFY  # still working down the list
    assert [row[0] for row in page.member_model.rows] == ["张三"]
