"""The overview shows the core's figures, follows changes made in the GUI, and its attention lines
open the filtered lists."""

from __future__ import annotations

from PySide6.QtCore import Qt

from enrollagent.core import roster
from enrollagent.core.changes import Changes
from enrollagent.core.figures import compute_figures, person_states
from enrollagent.core.payments import add_unmatched, record_payment

from .ui_helpers import *  # noqa: F403 - the fixtures: qt_settings, boxes, village, ctx
from .ui_helpers import an_id


def tile(page, key: str) -> str:
    return page.tiles[key].value_label.text()


def test_compute_figures_takes_states_already_loaded(ctx):
    states = person_states(ctx.db)
    assert compute_figures(ctx.db, states=states).to_json() == compute_figures(ctx.db).to_json()


def test_figures_equal_compute_figures_after_a_change_in_the_gui(qtbot, ctx):
    from enrollagent.ui.dialogs.person_year import CoverageDialog
    from enrollagent.ui.main_window import MainWindow

    window = MainWindow(ctx)
    qtbot.addWidget(window)
    window.show_page("overview")
    page = window.pages["overview"]
    before = compute_figures(ctx.db).to_json()
    assert tile(page, "eligible") == f"{before['eligible']:,}" == "4"
    zhao = ctx.db.execute("SELECT id FROM person WHERE name = '赵六'").fetchone()[0]
    window.show_page("roster")
    dialog = CoverageDialog(ctx, window, zhao)
    qtbot.addWidget(dialog)
    dialog.coverage_combo.setCurrentIndex(dialog.coverage_combo.findData("deceased"))
    dialog.accept()
    ctx.write(
        record_payment,
        person_id=ctx.db.execute("SELECT id FROM person WHERE name = '张三'").fetchone()[0],
    )
    window.show_page("overview")  # was hidden: refreshed as it is shown
    after = compute_figures(ctx.db).to_json()
    assert after["eligible"] == 3 and after["enrolled"] == 1
    assert tile(page, "eligible") == "3"
    assert tile(page, "enrolled") == "1"
    assert tile(page, "unpaid") == str(after["unpaid"])
    assert tile(page, "rate") == f"{after['rate'] * 100:.1f}%"
    assert tile(page, "collected") == "380"
    assert "已结束" in page.window_label.text() or "还剩" in page.window_label.text()


def test_attention_line_opens_the_filtered_roster(qtbot, ctx):
    from enrollagent.ui.main_window import MainWindow

    household = ctx.db.execute("SELECT id FROM household WHERE hh_no = '001'").fetchone()[0]
    bad = an_id(8)[:17] + ("0" if an_id(8)[17] != "0" else "1")
    roster.add_person(
        ctx.db, household_id=household, name="错号", id_number=bad, actor="t", allow_invalid=True
    )
    add_unmatched(ctx.db, year=2024, amount_fen=38000, source="t", actor="t", name="某人")
    window = MainWindow(ctx)
    qtbot.addWidget(window)
    window.show_page("overview")
    page = window.pages["overview"]
    assert set(page.attention_buttons) == {"invalid_id", "unmatched_payments"}
    assert "1 人" in page.attention_buttons["invalid_id"].text()
    qtbot.keyClick(
        page.attention_buttons["invalid_id"], Qt.Key.Key_Return
    )  # Enter, not only a click
    assert window.current_key() == "roster"
    roster_page = window.pages["roster"]
    assert [roster_page.model.state_at(r).name for r in range(roster_page.model.rowCount())] == [
        "错号"
    ]
    assert not roster_page.attention_button.isHidden()
    assert "校验位" in roster_page.model.index(0, roster_page.model.columnCount() - 1).data()
    roster_page.attention_button.click()  # clearing the filter shows everyone again
    assert roster_page.model.total() == 5
    window.show_page("overview")
    page.attention_buttons["unmatched_payments"].click()
    assert window.current_key() == "payments"


def test_unpaid_tile_link_lists_the_unpaid(qtbot, ctx):
    from enrollagent.ui.main_window import MainWindow

    window = MainWindow(ctx)
    qtbot.addWidget(window)
    window.show_page("overview")
    window.pages["overview"].tiles["unpaid"].note_label.linkActivated.emit("#")
    assert window.current_key() == "roster"
    assert window.pages["roster"].state_combo.currentData() == "unpaid"
    assert window.pages["roster"].model.total() == 4


def test_group_name_opens_the_group_in_the_roster(qtbot, ctx):
    from enrollagent.ui.main_window import MainWindow

    window = MainWindow(ctx)
    qtbot.addWidget(window)
    page = window.show_page("overview")
    assert [link.text() for link in page.group_links] == ["一组", "二组"]
    assert all(
        link.focusPolicy() & Qt.FocusPolicy.TabFocus for link in page.group_links
    )  # one Tab stop each
    qtbot.keyClick(page.group_links[1], Qt.Key.Key_Return)  # Enter follows it
    assert window.current_key() == "roster"
    assert sorted(window.pages["roster"].model.state_at(r).name for r in range(2)) == [
        "王五",
        "赵六",
    ]
    assert window.pages["roster"].model.total() == 2


def test_states_patched_after_changes_equal_a_full_load(ctx):
    """The snapshot the pages share is patched from each write's Changes; it must be exactly what
    a full load gives, in the same order."""
    from enrollagent.core.payments import record_household, record_refund, undo_last_payment
    from enrollagent.core.snapshot import load_snapshot, patched

    db = ctx.db
    pid = {n: i for i, n in db.execute("SELECT id, name FROM person")}
    h1, h2 = (r[0] for r in db.execute("SELECT id FROM household ORDER BY hh_no"))

    steps = [
        lambda: record_payment(db, person_id=pid["张三"], actor="t"),
        lambda: roster.set_coverage(db, pid["李四"], "elsewhere", actor="t", note="东莞"),
        lambda: roster.flag_person(db, pid["王五"], "minimum_living", actor="t"),
        lambda: roster.update_household(db, h2, actor="t", group_name="一组", hh_no="000"),
        lambda: roster.add_person(
            db, household_id=h1, name="新人", id_number=an_id(21, 2001), actor="t", relation="子"
        ),
        lambda: roster.move_person(db, pid["赵六"], h1, actor="t", relation="孙子"),
        lambda: roster.set_head(db, pid["李四"], actor="t", old_head_relation="配偶"),
        lambda: record_household(db, household_id=h1, actor="t"),
        lambda: record_refund(db, person_id=pid["张三"], amount_fen=100, actor="t"),
        lambda: undo_last_payment(db, actor="t"),
        lambda: roster.set_unpaid_reason(db, pid["王五"], "拒缴", actor="t"),
        lambda: roster.unflag_person(db, pid["王五"], "minimum_living", actor="t"),
    ]
    for step in steps:
        before = load_snapshot(db)
        result = step()
        changes = result if isinstance(result, Changes) else result.changes
        assert changes and not changes.all_states
        after = patched(db, before, changes)
        assert after is not None  # the change said who changed: no full reload
        full = load_snapshot(db)
        assert after.states == full.states and after.heads == full.heads


def test_special_group_and_pay_buttons_lead_to_the_other_pages(qtbot, ctx):
    from enrollagent.ui.main_window import MainWindow

    wang = ctx.db.execute("SELECT id FROM person WHERE name = '王五'").fetchone()[0]
    roster.flag_person(ctx.db, wang, "minimum_living", actor="t")
    window = MainWindow(ctx)
    qtbot.addWidget(window)
    page = window.show_page("overview")
    link = page.special_links["minimum_living"]
    assert link.text() == "低保对象"
    qtbot.keyClick(link, Qt.Key.Key_Return)
    assert window.current_key() == "special"
    assert window.pages["special"].current_category() == "minimum_living"
    roster_page = window.show_page("roster")
    roster_page.select_person(wang)
    roster_page.pay_button.click()
    assert window.current_key() == "payments"
