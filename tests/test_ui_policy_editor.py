"""The policy editor (issue: a new user in December 2026 collecting for 2027): a new year's policy
made in the wizard with the keyboard alone, the window moved with the year, what each category
pays recomputed on every edit, each problem on its field, dates typed into a date box."""

from __future__ import annotations

import json
import zipfile
from datetime import date

from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import QWizard

from enrollagent.core.policy import load_policy
from enrollagent.core.roster import add_household_with_head
from enrollagent.core.village import find_village, get_policy
from enrollagent.db import open_database
from enrollagent.exports.catalog import CATALOG, run_export
from enrollagent.exports.package import MANIFEST

from .test_export_years import said_by_each, years_said
from .ui_helpers import *  # noqa: F403 - the fixtures: qt_settings, boxes, village, ctx
from .ui_helpers import an_id, type_text


def retype(qtbot, widget, text: str) -> None:
    """Select what the box holds, as Tab into it does, and type over it."""
    widget.setFocus()
    qtbot.keyClick(widget, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClicks(widget, text)


def test_the_season_year_is_next_year_from_july():
    from enrollagent.ui.wizard import season_year

    assert season_year(date(2026, 12, 6)) == 2027
    assert season_year(date(2026, 7, 1)) == 2027
    assert season_year(date(2027, 3, 1)) == 2027


def test_a_new_years_policy_made_in_the_wizard_with_the_keyboard(
    qtbot, db_path, qt_settings, boxes, tmp_path
):
    from enrollagent.ui.wizard import FINISH, POLICY, SetupWizard

    wizard = SetupWizard(db_path)
    qtbot.addWidget(wizard)
    wizard.show()
    next_button = wizard.button(QWizard.WizardButton.NextButton)
    qtbot.keyClick(next_button, Qt.Key.Key_Space)
    page = wizard.village_page
    type_text(qtbot, page.county_edit, "获嘉县")
    type_text(qtbot, page.township_edit, "照镜镇")
    type_text(qtbot, page.village_edit, "大王庄村")
    qtbot.keyClick(next_button, Qt.Key.Key_Space)
    type_text(qtbot, wizard.agent_page.agent_edit, "王明")
    qtbot.keyClick(next_button, Qt.Key.Key_Space)
    assert wizard.currentId() == POLICY
    policy_page = wizard.policy_page
    editor = policy_page.editor
    assert policy_page.preset_combo.currentData() == "huojia-2024"  # the first preset
    retype(qtbot, editor.year_spin, "2030")
    assert editor.start_date.date() == QDate(2029, 9, 10)
    retype(qtbot, editor.year_spin, "2027")
    assert editor.to_json()["window"] == {"start": "2026-09-10", "end": "2026-12-31"}
    assert editor.newborn_date.date() == QDate(2027, 1, 1)
    assert editor.payable_labels["minimum_living"].text() == "个人缴 300 元"
    retype(qtbot, editor.standard_edit, "400")
    assert editor.payable_labels["minimum_living"].text() == "个人缴 320 元"
    assert editor.payable_labels["extreme_poverty"].text() == "个人缴 0 元"

    # 定额 without an amount: said on that row, in words, and the wizard waits
    combo, amount = editor.kind_combos["marginal"], editor.value_edits["marginal"]
    amount.setFocus()
    qtbot.keyClick(amount, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(amount, Qt.Key.Key_Backspace)
    shown = editor.subsidy_boxes["marginal"].error_label.text()
    assert "选了定额，请填写金额（元）" in shown and combo.toolTip() == shown
    assert "政策文件" not in shown and "subsidies" not in shown
    assert list(editor.problems()) == ["subsidies.marginal"]
    assert editor.payable_labels["marginal"].text() == "—"
    assert editor.payable_labels["minimum_living"].text() == "个人缴 320 元"
    assert not next_button.isEnabled()
    qtbot.keyClicks(amount, "100")
    assert editor.payable_labels["marginal"].text() == "个人缴 300 元"
    assert next_button.isEnabled()

    # a window typed into the date box: the year section first, as after a click into it
    editor.end_date.setFocus()
    qtbot.keyClick(editor.end_date, Qt.Key.Key_Home)
    qtbot.keyClicks(editor.end_date, "2028")
    assert "2027年度结束前" in editor.boxes["window"].error_label.text()
    assert not next_button.isEnabled()
    qtbot.keyClick(editor.end_date, Qt.Key.Key_Home)
    qtbot.keyClicks(editor.end_date, "2027")
    assert editor.end_date.date() == QDate(2027, 12, 31)
    assert editor.boxes["window"].error_label.text() == ""

    policy_page.task_spin.setFocus()
    qtbot.keyClicks(policy_page.task_spin, "5800")
    qtbot.keyClick(next_button, Qt.Key.Key_Space)
    assert wizard.currentId() == FINISH
    assert "2027年度" in wizard.finish_page.summary_label.text()
    qtbot.keyClick(wizard.button(QWizard.WizardButton.FinishButton), Qt.Key.Key_Space)
    db = open_database(db_path)
    assert find_village(db).current_year == 2027
    policy = get_policy(db)
    assert (policy.year, policy.standard_fen) == (2027, 40000)
    assert (policy.window_start, policy.window_end) == (date(2026, 9, 10), date(2027, 12, 31))
    assert policy.subsidies["marginal"].amount_fen == 10000

    # After it, the overview and every export say 2027年度 and no other coverage year.
    add_household_with_head(db, actor="王明", head_name="张一", head_id_number=an_id(1))
    paths = {kind: run_export(db, kind, tmp_path / "out") for kind in CATALOG}
    assert said_by_each(paths) == {kind: {"2027"} for kind in CATALOG}
    assert paths["package"].name.endswith("-2027-001.zip")
    with zipfile.ZipFile(paths["package"]) as zf:
        assert json.loads(zf.read(MANIFEST))["year"] == 2027
    db.close()
    from enrollagent.ui.context import AppContext
    from enrollagent.ui.main_window import MainWindow

    context = AppContext(db_path)
    window = MainWindow(context)
    qtbot.addWidget(window)
    window.show_page("overview")
    title = window.pages["overview"].title_label.text()
    assert years_said(title + window.windowTitle()) == {"2027"}
    context.close()


def test_the_long_term_terms_are_edited_on_their_tab(qtbot):
    from enrollagent.ui.widgets.policy_editor import LONG_TERM, PolicyEditor

    editor = PolicyEditor(year_editable=True)
    qtbot.addWidget(editor)
    editor.set_policy(load_policy("huojia-2024"))
    terms = editor.long_term
    assert terms.spins["fixed_months"].value() == 3 and terms.exempt_checks["orphan"].isChecked()
    retype(qtbot, terms.amount_edits["major_illness_cap"], "-5")
    assert "不能为负数" in terms.boxes["long_term.major_illness_cap"].error_label.text()
    assert editor.tabs.tabBar().tabTextColor(LONG_TERM).name() == "#c0392b"
    retype(qtbot, terms.amount_edits["major_illness_cap"], "400000")
    retype(qtbot, terms.spins["fixed_months"], "6")
    terms.exempt_checks["orphan"].setChecked(False)
    policy = editor.policy()
    assert (
        policy.long_term.fixed_months == 6 and policy.long_term.major_illness_cap_fen == 40_000_000
    )
    assert "orphan" not in policy.long_term.exempt_categories and not editor.problems()


def test_the_notice_is_named_as_the_source(qtbot):
    from enrollagent.ui.widgets.policy_editor import PolicyEditor

    editor = PolicyEditor()
    qtbot.addWidget(editor)
    policy = load_policy("huojia-2024")
    editor.set_policy(policy)
    assert editor.source_label.text() == f"依据：{policy.source}"
    assert editor.policy().source == policy.source


def test_a_payment_date_is_typed(qtbot, ctx):
    from enrollagent.ui.pages.payments import Page

    page = Page(ctx)
    qtbot.addWidget(page)
    box = page.date_edit
    box.setDate(QDate(2026, 11, 20))
    box.setFocus()
    qtbot.keyClick(box, Qt.Key.Key_Home)
    qtbot.keyClicks(box, "2025")
    box.lineEdit().setCursorPosition(8)  # into the day
    qtbot.keyClicks(box, "03")
    assert box.date() == QDate(2025, 11, 3)
