"""The person dialog sets the person's special groups in the same save (issue 20); a reported
person's change asks why first, as every amendment does."""

# ruff: noqa: F811 - the fixtures ctx and village come from test_ui_history
from __future__ import annotations

from enrollagent.core import history
from enrollagent.core.roster import person_groups
from enrollagent.ui.dialogs.person import PersonDialog

from .test_ui_history import A, ReasonDriver, ctx, village  # noqa: F401 - fixtures


def _changes(ctx) -> int:
    return ctx.db.execute("SELECT COUNT(*) FROM change_log").fetchone()[0]


def test_groups_are_set_with_the_details_as_one_change(qtbot, ctx, village):
    late = village["late"]
    dialog = PersonDialog(ctx, None, person_id=late)
    qtbot.addWidget(dialog)
    assert not any(c.isChecked() for c in dialog.group_checks.values())
    dialog.group_checks["minimum_living"].setChecked(True)
    dialog.group_checks["severe_disability"].setChecked(True)
    dialog.phone_edit.setText("13912345679")
    before = _changes(ctx)
    dialog.accept()
    assert dialog.result() == PersonDialog.DialogCode.Accepted
    assert person_groups(ctx.db, late, 2024) == {"minimum_living", "severe_disability"}
    assert _changes(ctx) == before + 1

    again = PersonDialog(ctx, None, person_id=late)
    qtbot.addWidget(again)
    assert again.group_checks["minimum_living"].isChecked()
    again.group_checks["minimum_living"].setChecked(False)
    again.accept()
    assert person_groups(ctx.db, late, 2024) == {"severe_disability"}


def test_a_new_person_gets_a_group(qtbot, ctx, village):
    from .test_ui_payments import an_id

    dialog = PersonDialog(ctx, None, household_id=1)
    qtbot.addWidget(dialog)
    dialog.name_edit.setText("孙七")
    dialog.id_field.setText(an_id(21))
    dialog.group_checks["orphan"].setChecked(True)
    dialog.accept()
    assert dialog.result() == PersonDialog.DialogCode.Accepted
    assert person_groups(ctx.db, dialog.person_id, 2024) == {"orphan"}


def test_flagging_a_reported_person_asks_why(qtbot, ctx, village):
    driver = ReasonDriver("民政新认定低保")
    dialog = PersonDialog(ctx, None, person_id=village["wife"])
    qtbot.addWidget(dialog)
    dialog.group_checks["minimum_living"].setChecked(True)
    driver.arm()
    dialog.accept()
    driver.stopped = True
    assert len(driver.seen) == 1
    assert person_groups(ctx.db, village["wife"], 2024) == {"minimum_living"}
    assert [e.why for e in history.amendments(ctx.db, 2024)] == ["民政新认定低保"]
