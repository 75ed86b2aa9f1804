"""Settings: font size persists, the policy is edited through the core's validation, the village too."""

from __future__ import annotations

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication

from enrollagent.core.figures import compute_figures
from enrollagent.core.village import get_policy, get_village

from .ui_helpers import *  # noqa: F403 - the fixtures: qt_settings, boxes, village, ctx
from .ui_helpers import type_text


def test_font_size_persists(qtbot, ctx):
    from enrollagent.ui.main import FONT_POINTS, apply_font
    from enrollagent.ui.pages.settings import Page

    app = QApplication.instance()
    original = app.font()
    try:
        page = Page(ctx)
        qtbot.addWidget(page)
        assert page.font_normal_radio.isChecked()
        page.font_large_radio.click()
        assert QSettings().value("ui/font_size") == "large"
        assert app.font().pointSizeF() == FONT_POINTS["large"]
        QSettings().sync()
        again = Page(ctx)
        qtbot.addWidget(again)
        assert again.font_large_radio.isChecked()
        apply_font(app)  # a restart reads the saved size
        assert app.font().pointSizeF() == FONT_POINTS["large"]
        again.font_normal_radio.click()
        assert QSettings().value("ui/font_size") == "normal"
    finally:
        app.setFont(original)


def test_policy_edit_is_validated_by_the_core(qtbot, ctx):
    """A wrong amount is named on its field in plain Chinese (no JSON key) and 保存 waits."""
    from enrollagent.ui.pages.settings import Page

    page = Page(ctx)
    qtbot.addWidget(page)
    editor = page.policy_editor
    assert not editor.year_spin.isVisibleTo(editor) and editor.year_label.text() == "2024年度"
    editor.standard_edit.clear()
    qtbot.keyClicks(editor.standard_edit, "abc")
    shown = editor.boxes["standard"].error_label.text()
    assert shown == "个人缴费标准应为数字（元）" and editor.standard_edit.toolTip() == shown
    assert editor.standard_edit.property("problem") is True
    assert not page.save_policy_button.isEnabled()
    assert get_policy(ctx.db).standard_fen == 38000
    editor.standard_edit.selectAll()
    qtbot.keyClicks(editor.standard_edit, "400")
    assert editor.boxes["standard"].error_label.text() == ""
    assert editor.standard_edit.property("problem") is False
    combo = editor.kind_combos["minimum_living"]
    combo.setCurrentIndex(combo.findData("full"))
    page.task_spin.setValue(4)
    page.save_policy_button.click()
    policy = get_policy(ctx.db)
    assert policy.standard_fen == 40000 and policy.subsidies["minimum_living"].kind == "full"
    assert compute_figures(ctx.db).task == 4
    assert "已保存" in page.policy_status.text()


def test_a_pending_subsidy_blocks_saving(qtbot, ctx):
    """待定 (确山's notice) must be decided before the policy governs the year."""
    from PySide6.QtCore import Qt

    from enrollagent.ui.pages.settings import Page

    page = Page(ctx)
    qtbot.addWidget(page)
    editor = page.policy_editor
    combo = editor.kind_combos["marginal"]
    combo.setFocus()
    qtbot.keyClick(combo, Qt.Key.Key_End)  # the last choice: 待定
    assert combo.currentData() == "pending"
    assert "还是待定" in editor.subsidy_boxes["marginal"].error_label.text()
    assert editor.payable_labels["marginal"].text() == "—"
    assert not page.save_policy_button.isEnabled()
    page._on_save_policy()  # as a press of Enter would, were the button enabled
    assert "还是待定" in page.policy_status.text()
    assert get_policy(ctx.db).subsidies["marginal"].kind == "fixed"
    qtbot.keyClick(combo, Qt.Key.Key_Home)  # 无资助, decided
    assert page.save_policy_button.isEnabled()
    page.save_policy_button.click()
    assert get_policy(ctx.db).subsidies["marginal"].kind == "none"


def test_village_fields_saved_and_refused(qtbot, ctx):
    from enrollagent.ui.pages.settings import Page

    page = Page(ctx)
    qtbot.addWidget(page)
    page.village_edits["code"].clear()
    qtbot.keyClicks(page.village_edits["code"], "123")
    page.save_village_button.click()
    assert "12位" in page.village_status.text()
    page.village_edits["code"].clear()
    page.village_edits["name"].clear()
    type_text(qtbot, page.village_edits["name"], "新村")
    page.save_village_button.click()
    assert get_village(ctx.db).name == "新村"


def test_key_fingerprint_shown(qtbot, ctx):
    from enrollagent.exports.keys import load_or_create_key
    from enrollagent.ui.pages.settings import Page

    page = Page(ctx)
    qtbot.addWidget(page)
    page.create_key_button.click()
    assert load_or_create_key(ctx.db_path).fingerprint in page.fingerprint_label.text()


def test_days_of_month_rule_is_edited_and_checked(qtbot, ctx):
    from enrollagent.ui.pages.settings import Page

    page = Page(ctx)
    qtbot.addWidget(page)
    editor = page.policy_editor
    assert not editor.days_check.isChecked()
    editor.days_check.setChecked(True)
    editor.first_day_spin.setValue(20)
    editor.last_day_spin.setValue(5)
    assert "1 日至 25 日" in editor.boxes["days"].error_label.text()
    assert not page.save_policy_button.isEnabled()
    assert get_policy(ctx.db).days_of_month is None
    editor.first_day_spin.setValue(1)
    editor.last_day_spin.setValue(25)
    page.save_policy_button.click()
    assert get_policy(ctx.db).days_of_month == (1, 25)


def test_the_policy_editor_gives_back_the_policy_it_was_given(qtbot):
    """A field the form does not show (count_as_enrolled, or a rule added later) survives a save,
    and amounts read back to the fen."""
    from dataclasses import replace

    from enrollagent.core.policy import load_policy
    from enrollagent.ui.widgets.policy_editor import PolicyEditor

    policy = replace(
        load_policy("lingchuan-2023"), standard_fen=35050, count_as_enrolled=("employee",)
    )
    editor = PolicyEditor()
    qtbot.addWidget(editor)
    editor.set_policy(policy)
    assert editor.standard_edit.text() == "350.5" and editor.government_edit.text() == "610"
    assert editor.policy() == policy


def test_the_printed_roll_settings_are_saved_and_shown(qtbot, ctx):
    """Issue 18: whole or masked IDs and A4 or A3 for the printed roll, as the county asks."""
    from enrollagent.exports.roll import roll_print
    from enrollagent.ui.pages.settings import Page

    page = Page(ctx)
    qtbot.addWidget(page)
    assert page.roll_id_masked_radio.isChecked() and page.roll_a4_radio.isChecked()
    assert roll_print(ctx.db) == ("front6back4", "A4")
    page.roll_id_whole_radio.click()
    page.roll_a3_radio.click()
    assert roll_print(ctx.db) == (None, "A3")
    again = Page(ctx)
    qtbot.addWidget(again)
    assert again.roll_id_whole_radio.isChecked() and again.roll_a3_radio.isChecked()
    again.roll_id_masked_radio.click()
    assert roll_print(ctx.db) == ("front6back4", "A3")
