"""The one lane for writes: each writer returns what it changed, in one transaction with one
change-log row, and nothing is left behind when it fails."""

from __future__ import annotations

import pytest

from enrollagent.core import lane, payments, roster
from enrollagent.core.changes import EVERYTHING, NOTHING, Changes
from enrollagent.core.ids import check_char
from enrollagent.core.policy import load_policy
from enrollagent.core.village import set_policy, set_setting, set_task, update_village
from enrollagent.errors import EnrollError
from enrollagent.imports import run_import


def valid_id(serial: int) -> str:
    body = f"4117251980{serial % 9 + 1:02d}15{serial:03d}"
    return body + check_char(body)


@pytest.fixture
def family(db):
    hid = roster.add_household(db, actor="t", group_name="一组", hh_no="001").id
    a = roster.add_person(
        db, household_id=hid, name="甲", id_number=valid_id(1), relation="户主", actor="t"
    ).id
    b = roster.add_person(
        db, household_id=hid, name="乙", id_number=valid_id(2), relation="配偶", actor="t"
    ).id
    return hid, a, b


def changes_count(db) -> int:
    return db.execute("SELECT COUNT(*) FROM change_log").fetchone()[0]


def test_each_writer_names_what_it_touched(db, family):
    hid, a, b = family
    assert payments.record_payment(db, person_id=a, actor="t").changes == Changes(
        persons=frozenset({a})
    )
    household = payments.record_household(db, household_id=hid, actor="t").changes
    assert household.persons == {b} and not household.people
    assert roster.update_person(db, a, actor="t", phone="13800001111") == Changes(
        persons=frozenset({a}), roster=True
    )
    moved = roster.update_household(db, hid, actor="t", group_name="二组")
    assert moved.households == {hid} and moved.people
    assert set_task(db, 2024, 10, actor="t").year
    assert update_village(db, actor="t", agent="李四").village
    assert set_setting(db, "last_channel", "微信", actor="t").settings
    policy = load_policy("huojia-2024")
    assert set_policy(db, policy, actor="t") == NOTHING  # the same policy again: no change
    assert set_policy(db, policy.__class__(**{**policy.__dict__, "name": "改"}), actor="t").year
    added = roster.add_person(
        db, household_id=hid, name="丙", id_number=valid_id(3), relation="子", actor="t"
    )
    assert added.changes.persons == {added.id} and added.changes.roster


def test_a_write_that_changes_nothing_says_so_and_logs_nothing(db, family):
    _hid, a, _b = family
    before = changes_count(db)
    assert roster.flag_person(db, a, "minimum_living", actor="t")
    assert not roster.flag_person(db, a, "minimum_living", actor="t")  # already there
    assert roster.update_person(db, a, actor="t", name="甲") == NOTHING
    assert changes_count(db) == before + 1


def test_nested_writes_are_one_change(db, family):
    hid, a, b = family
    before = changes_count(db)
    done = payments.record_household(db, household_id=hid, actor="t")
    assert len(done.records) == 2 and done.changes.persons == {a, b}
    assert changes_count(db) == before + 1
    op, persons = db.execute(
        "SELECT op, persons FROM change_log ORDER BY id DESC LIMIT 1"
    ).fetchone()
    assert (op, persons) == ("record_household", 2)


def test_a_failed_write_leaves_no_change_behind(db, family):
    _hid, a, _b = family
    before = changes_count(db)
    audit = db.execute("SELECT COUNT(*) FROM audit_log").fetchone()[0]
    with pytest.raises(EnrollError), lane.write(db, actor="t", op="test") as w:
        w.update("person", a, {"phone": "13800009999"})
        raise EnrollError("nothing_to_undo")
    assert changes_count(db) == before
    assert db.execute("SELECT COUNT(*) FROM audit_log").fetchone()[0] == audit
    assert db.execute("SELECT phone FROM person WHERE id = ?", [a]).fetchone()[0] == ""


def test_every_write_needs_an_actor(db):
    with pytest.raises(ValueError), lane.write(db, actor=" ", op="test"):
        pass


def test_an_import_changes_everything_and_a_dry_run_nothing(db, tmp_path):
    path = tmp_path / "花名册.csv"
    path.write_text(f"姓名,身份证号码,户主姓名\n丁,{valid_id(7)},丁\n", encoding="utf-8")
    dry = run_import(db, "roster", path, dry_run=True, actor="t")
    assert dry.changes == NOTHING
    real = run_import(db, "roster", path, actor="t")
    assert real.changes.roster and len(real.changes.persons) == 1
    assert (real.changes | EVERYTHING).all_states
    op, reason = db.execute("SELECT op, reason FROM change_log ORDER BY id DESC").fetchone()
    assert (op, reason) == ("import_roster", "花名册.csv")


def test_an_export_is_a_change_of_its_own(db, family, tmp_path):
    """Amendments and backups count from the last signed package: it is in the change log."""
    from enrollagent.exports.catalog import run_export

    run_export(db, "package", tmp_path)
    op, actor = db.execute("SELECT op, actor FROM change_log ORDER BY id DESC").fetchone()
    assert (op, actor) == ("export_package", "王明")
    logged = db.execute("SELECT kind, sequence FROM export_log").fetchall()
    assert logged == [("package", 1)]
    audited = db.execute(
        "SELECT COUNT(*) FROM audit_log WHERE table_name = 'export_log' AND field = '*'"
    ).fetchone()[0]
    assert audited == 1


def test_a_change_that_only_wrote_payments_is_kept_and_counted(db, family):
    """Payments are their own record (m008): no audit row, the change they name is kept."""
    _hid, a, _b = family
    rec = payments.record_payment(db, person_id=a, amount_fen=38000, actor="t")
    change, op, persons, rows = db.execute(
        "SELECT id, op, persons, audit_rows FROM change_log ORDER BY id DESC LIMIT 1"
    ).fetchone()
    assert (op, persons, rows) == ("record_payment", 1, 1)
    assert db.execute(
        "SELECT change_id FROM payment WHERE id = ?", [rec.payment_id]
    ).fetchone() == (change,)
    assert db.execute(
        "SELECT COUNT(*) FROM audit_log WHERE change_id = ?", [change]
    ).fetchone() == (0,)
