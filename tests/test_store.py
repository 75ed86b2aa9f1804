"""The store on a real SQLite file: migrations, refusal of newer files, audit, atomic writes."""

import json
import sqlite3
from pathlib import Path

import pytest

from enrollagent.core import payments, roster
from enrollagent.db import SCHEMA_VERSION, open_database
from enrollagent.db.migrations import MIGRATIONS
from enrollagent.db.store import VILLAGE_APPLICATION_ID
from enrollagent.errors import EnrollError

from .conftest import make_village

TABLES = {
    "village",
    "coverage_year",
    "household",
    "person",
    "person_year",
    "special_flag",
    "payment",
    "unmatched_payment",
    "audit_log",
    "change_log",
    "setting",
}


def test_migrates_an_empty_file_with_wal_and_foreign_keys(db_path):
    db = open_database(db_path)
    assert set(db.table_names()) >= TABLES
    assert db.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
    assert db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert db.execute("PRAGMA foreign_keys").fetchone()[0] == 1
    db.close()
    db = open_database(db_path)  # reopening migrates nothing
    assert db.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION


def test_a_newer_database_is_refused(db_path):
    make_village(db_path).close()
    conn = sqlite3.connect(db_path)
    conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    conn.close()
    with pytest.raises(EnrollError) as e:
        open_database(db_path)
    assert e.value.code == "db_newer" and "更新版本" in e.value.message


def test_the_file_is_backed_up_before_a_migration(db_path):
    make_village(db_path).close()
    extra = [*MIGRATIONS, ("m999_add_test_column", "-- Why: test\nCREATE TABLE later (x INTEGER);")]
    db = open_database(db_path, migrations=extra)
    assert "later" in db.table_names()
    backups = list(db_path.parent.glob(f"village.v{SCHEMA_VERSION}-*.bak.db"))
    assert len(backups) == 1
    old = sqlite3.connect(backups[0])
    assert old.execute("SELECT name FROM village").fetchone()[0] == "李庄村"
    assert old.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION


def test_not_a_database(tmp_path):
    junk = tmp_path / "junk.db"
    junk.write_bytes(b"this is not sqlite" * 100)
    with pytest.raises(EnrollError, match="无法打开数据库"):
        open_database(junk)


def test_every_change_is_audited_in_the_same_transaction(db):
    hid = roster.add_household(db, actor="王明", group_name="一组", hh_no="001").id
    pid = roster.add_person(
        db,
        household_id=hid,
        name="张三",
        id_number="11010519491231002X",
        relation="户主",
        actor="王明",
    ).id
    roster.update_person(db, pid, actor="李会计", reason="户口本核对", phone="13912345678")
    rows = db.execute(
        "SELECT table_name, row_id, field, old, new, actor, reason FROM audit_log"
        " WHERE table_name = 'person' AND field = 'phone'"
    ).fetchall()
    assert rows == [("person", pid, "phone", "", "13912345678", "李会计", "户口本核对")]
    changes = roster.set_coverage(db, pid, "employee", actor="王明", note="县医院")
    assert changes.persons == {pid} and not changes.all_states
    # One shape for every table: an insert is one row of all its values, an update one row per
    # field; per-person-year rows name the person and carry the year in a column.
    shape = db.execute(
        "SELECT table_name, row_id, year, field, old, new FROM audit_log"
        " WHERE table_name = 'person_year' ORDER BY id"
    ).fetchall()
    assert shape[0][:5] == ("person_year", pid, 2024, "*", None)
    assert json.loads(shape[0][5]) == {"person_id": pid, "year": 2024, "coverage": "resident"}
    assert shape[1:] == [
        ("person_year", pid, 2024, "coverage", "resident", "employee"),
        ("person_year", pid, 2024, "coverage_note", "", "县医院"),
    ]
    # Each write is one change-log row; its audit rows point to it.
    ops = db.execute("SELECT op, actor, persons, audit_rows FROM change_log ORDER BY id").fetchall()
    assert [o[0] for o in ops][-4:] == [
        "add_household",
        "add_person",
        "update_person",
        "set_coverage",
    ]
    assert ops[-1] == ("set_coverage", "王明", 1, 2)
    orphans = db.execute("SELECT COUNT(*) FROM audit_log WHERE change_id IS NULL").fetchone()[0]
    assert orphans == 0


def test_a_failed_write_leaves_nothing_behind(db):
    hid = roster.add_household(db, actor="王明", group_name="一组").id
    roster.add_person(
        db, household_id=hid, name="张三", id_number="11010519491231002X", actor="王明"
    )
    before = {t: db.execute(f"SELECT COUNT(*) FROM {t}").fetchone()[0] for t in TABLES}
    with pytest.raises(EnrollError) as e, db.atomic():
        h2 = roster.add_household(db, actor="王明", group_name="二组").id
        roster.add_person(
            db, household_id=h2, name="张三", id_number="11010519491231002X", actor="王明"
        )
    assert e.value.code == "id_duplicate" and "一组" in e.value.message
    after = {t: db.execute(f"SELECT COUNT(*) FROM {t}").fetchone()[0] for t in TABLES}
    assert after == before


def test_payments_are_append_only(db):
    hid = roster.add_household(db, actor="王明").id
    pid = roster.add_person(
        db, household_id=hid, name="张三", id_number="11010519491231002X", actor="王明"
    ).id
    rec = payments.record_payment(db, person_id=pid, actor="王明", ticket_no="T1")
    with pytest.raises(sqlite3.DatabaseError, match="append-only"), db.atomic():
        db.execute("UPDATE payment SET amount_fen = 1 WHERE id = ?", [rec.payment_id])
    with pytest.raises(sqlite3.DatabaseError, match="append-only"), db.atomic():
        db.execute("DELETE FROM payment WHERE id = ?", [rec.payment_id])
    with pytest.raises(EnrollError, match="已经登记过"):
        payments.record_payment(db, person_id=pid, actor="王明", amount_fen=100, ticket_no="T1")
    undo = payments.undo_last_payment(db, actor="王明")
    assert undo.amount_fen == -38000
    assert db.execute("SELECT COUNT(*), SUM(amount_fen) FROM payment").fetchone() == (2, 0)


def test_households_and_persons_carry_uuids(db):
    hid = roster.add_household(db, actor="王明").id
    pid = roster.add_person(
        db, household_id=hid, name="张三", id_number="11010519491231002X", actor="王明"
    ).id
    hu = db.execute("SELECT uuid FROM household WHERE id = ?", [hid]).fetchone()[0]
    pu = db.execute("SELECT uuid FROM person WHERE id = ?", [pid]).fetchone()[0]
    assert len(hu) == 36 and len(pu) == 36 and hu != pu


def test_a_released_v1_database_still_opens_and_adds_up(tmp_path):
    """Every released schema stays readable: build a file from the committed v1 dump and open it."""
    from enrollagent.core.figures import compute_figures

    path = tmp_path / "old.db"
    conn = sqlite3.connect(path)
    conn.executescript(
        (Path(__file__).parent / "schemas" / "village_v1.sql").read_text(encoding="utf-8")
    )
    conn.close()
    db = open_database(path)
    fig = compute_figures(db).to_json()
    assert (fig["persons"], fig["paid"], fig["unpaid"]) == (2, 1, 1)
    # m002: the year leaves the table name for a column of its own.
    assert (
        db.execute("SELECT COUNT(*) FROM audit_log WHERE table_name LIKE '%:%'").fetchone()[0] == 0
    )
    assert db.execute("SELECT table_name, year, field FROM audit_log WHERE id = 32").fetchone() == (
        "special_flag",
        2024,
        "minimum_living",
    )
    assert fig["attention"] == {
        "invalid_id": 1,
        "double_paid": 0,
        "refund_due": 0,
        "unmatched_payments": 1,
    }
    # Stores made before the application_id was set are recognised by their tables, then stamped.
    assert db.execute("PRAGMA application_id").fetchone()[0] == VILLAGE_APPLICATION_ID


def _snapshot(path: Path) -> tuple:
    conn = sqlite3.connect(path)
    out = (
        conn.execute("SELECT name FROM sqlite_master ORDER BY name").fetchall(),
        conn.execute("PRAGMA user_version").fetchone(),
        conn.execute("PRAGMA application_id").fetchone(),
    )
    conn.close()
    return out


def test_someone_elses_sqlite_file_is_refused_untouched(tmp_path):
    path = tmp_path / "other.sqlite"
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE foo (x)")
    conn.commit()
    conn.close()
    before = _snapshot(path)
    with pytest.raises(EnrollError) as e:
        open_database(path)
    assert e.value.code == "db_foreign" and "未做任何改动" in e.value.message
    assert _snapshot(path) == before


def test_village_and_township_stores_are_told_apart(tmp_path):
    from enrollagent.township.store import open_township

    make_village(tmp_path / "v.db").close()
    open_township(tmp_path / "t.db").close()
    for path, opener in ((tmp_path / "t.db", open_database), (tmp_path / "v.db", open_township)):
        before = _snapshot(path)
        with pytest.raises(EnrollError) as e:
            opener(path)
        assert e.value.code in ("db_foreign", "township_db_wrong"), path
        assert _snapshot(path) == before
