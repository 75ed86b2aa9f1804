"""文件 → 开始新年度征缴…: the dialog's preview and refusals, and every page on the new year after."""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import Qt

from enrollagent.core.figures import compute_figures
from enrollagent.core.policy import list_presets
from enrollagent.core.roster import set_coverage
from enrollagent.core.village import coverage_years, get_policy, get_village
from enrollagent.core.year import start_year

from .ui_helpers import *  # noqa: F403 - the fixtures: qt_settings, boxes, village, ctx

YEAR_2025 = "2025年度（征缴期 2024-09-10 至 2024-12-31）"  # 获嘉's window, a year on


def person(ctx, name: str) -> int:
    return ctx.db.execute("SELECT id FROM person WHERE name = ?", [name]).fetchone()[0]


def change_count(ctx) -> int:
    return ctx.db.execute("SELECT COUNT(*) FROM change_log").fetchone()[0]


def open_dialog(qtbot, ctx):
    from enrollagent.ui.dialogs.new_year import NewYearDialog

    dialog = NewYearDialog(ctx)
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def click(qtbot, button) -> None:
    assert button.isVisible(), button.text()
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def test_a_new_year_from_the_file_menu_reaches_every_page(qtbot, ctx, boxes, monkeypatch):
    from enrollagent.ui.dialogs.new_year import NewYearDialog
    from enrollagent.ui.main_window import MainWindow
    from enrollagent.ui.pages import PAGES

    ctx.write(set_coverage, person(ctx, "李四"), "deceased")
    ctx.write(set_coverage, person(ctx, "赵六"), "employee", note="县医院")
    window = MainWindow(ctx)
    qtbot.addWidget(window)
    assert "2024年度（征缴期 2023-09-10 至 2023-12-31）" in window.windowTitle()
    exports = window.show_page("exports")
    assert exports.year_combo.currentData() == 2024
    previews: list[str] = []

    def agent_clicks_through(dialog: NewYearDialog) -> int:
        dialog.show()
        assert dialog.year() == 2025  # the year after the one in force
        assert dialog.policy_editor.policy() == get_policy(ctx.db).for_year(2025)
        dialog.task_spin.setValue(4)
        click(qtbot, dialog.next_button)
        previews.append(dialog.preview_label.text())
        assert get_village(ctx.db).current_year == 2024  # a preview writes nothing
        click(qtbot, dialog.start_button)
        return dialog.result()

    monkeypatch.setattr(NewYearDialog, "exec", agent_clicks_through)
    window.new_year_action.trigger()

    assert boxes == []
    (preview,) = previews
    for line in (
        "带入新年度 <b>3</b> 人（2 户）",
        "离开名册 <b>1</b> 人（死亡 1）",
        "待确认参保状态 <b>1</b> 人",
        "待重新认定的特殊群体 <b>0</b> 人",
        "缴费从零开始",
        "征缴期 2024-09-10 至 2024-12-31",
        "任务数：4 人",
        # Today (2026) is long past the 2025 window copied from last year: said before 开始.
        "注意：这个征缴期已于 2024-12-31 结束",
    ):
        assert line in preview
    assert get_village(ctx.db).current_year == 2025
    assert coverage_years(ctx.db) == [2025, 2024]
    assert YEAR_2025 in window.windowTitle()
    assert window.year_label.text() == YEAR_2025
    combo = exports.year_combo
    assert [combo.itemData(i) for i in range(combo.count())] == [2025, 2024]
    assert combo.currentData() == 2025 and exports.year() == 2025
    combo.setCurrentIndex(1)
    assert exports.year() == 2024  # last year stays exportable
    for key, _title in PAGES:  # each page built on the new year
        window.show_page(key)
    overview = window.show_page("overview")
    figures = compute_figures(ctx.db)  # the year in force: 2025's three, less 赵六's 职工医保
    assert figures.total.eligible == 2
    assert overview.tiles["eligible"].value_label.text() == "2"


def test_a_policy_with_a_pending_subsidy_cannot_be_previewed_until_decided(qtbot, ctx, boxes):
    dialog = open_dialog(qtbot, ctx)
    before = change_count(ctx)
    # 确山's notice left the subsidies 待定: the editor names each on its row, no preview.
    dialog.source_combo.setCurrentIndex(dialog.source_combo.findData("queshan-2024"))
    problems = dialog.policy_editor.problems()
    assert problems["subsidies.extreme_poverty"].startswith("特困人员的资助还是待定")
    assert not dialog.next_button.isEnabled()
    assert dialog.steps.currentIndex() == 0 and not dialog.start_button.isVisible()
    # Deciding every one of them lets the agent go on.
    for code in problems:
        combo = dialog.policy_editor.kind_combos[code.split(".")[1]]
        combo.setCurrentIndex(combo.findData("full"))
    assert dialog.policy_editor.problems() == {} and dialog.next_button.isEnabled()
    assert boxes == [] and change_count(ctx) == before
    assert get_village(ctx.db).current_year == 2024
    assert coverage_years(ctx.db) == [2024]


def test_cancelling_at_the_preview_changes_nothing(qtbot, ctx, boxes):
    dialog = open_dialog(qtbot, ctx)
    before = change_count(ctx)
    click(qtbot, dialog.next_button)
    assert dialog.steps.currentIndex() == 1
    click(qtbot, dialog.cancel_button)
    assert not dialog.isVisible() and boxes == []
    assert change_count(ctx) == before
    assert get_village(ctx.db).current_year == 2024
    assert coverage_years(ctx.db) == [2024]


def test_a_year_started_meanwhile_is_refused_at_the_start(qtbot, ctx, boxes):
    dialog = open_dialog(qtbot, ctx)
    click(qtbot, dialog.next_button)
    policy = dialog.plan.policy
    start_year(ctx.db, 2025, policy, actor="王明")  # the command line, while the preview was open
    before = change_count(ctx)
    click(qtbot, dialog.start_button)
    assert len(boxes) == 1 and "2025年度已经开始过了" in boxes[0][1]
    assert dialog.isVisible() and dialog.steps.currentIndex() == 0
    assert change_count(ctx) == before


def test_the_year_and_a_preset_give_the_editor_its_policy(qtbot, ctx):
    dialog = open_dialog(qtbot, ctx)
    dialog.source_combo.setCurrentIndex(dialog.source_combo.findData("yanling-2023"))
    assert dialog.policy_editor.policy() == list_presets()["yanling-2023"].for_year(2025)
    edited = dialog.policy_editor.policy()
    dialog.policy_editor.set_policy(replace(edited, standard_fen=40_000))  # as the agent typed
    dialog.year_spin.setValue(2026)
    moved = dialog.policy_editor.policy()
    assert (moved.year, moved.standard_fen, moved.window_start.year) == (2026, 40_000, 2025)


def test_enter_reaches_the_preview_but_never_starts_the_year(qtbot, ctx, boxes):
    dialog = open_dialog(qtbot, ctx)
    with qtbot.waitActive(dialog):
        dialog.activateWindow()
    dialog.task_spin.setFocus()
    qtbot.keyClick(dialog.task_spin, Qt.Key.Key_Return)
    assert dialog.steps.currentIndex() == 1
    qtbot.keyClick(dialog.focusWidget(), Qt.Key.Key_Return)
    assert get_village(ctx.db).current_year == 2024
    assert dialog.steps.currentIndex() == 0  # the second Enter went back, not on
