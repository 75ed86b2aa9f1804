"""What changed after a signed package: amendments against progress, a person's history, the
village log (core, on a real store)."""

from __future__ import annotations

import dataclasses
from datetime import date, timedelta
from pathlib import Path

import pytest

from enrollagent.core import history, payments, roster
from enrollagent.core.figures import compute_figures
from enrollagent.core.history import LogFilter
from enrollagent.core.reported import Reported
from enrollagent.core.village import get_policy, set_policy, set_task
from enrollagent.exports.package import build_package
from enrollagent.imports.engine import run_import

from .conftest import SAMPLES
from .imports_helpers import make_id

A = "王明"


@pytest.fixture
def family(db):
    """A household of three, the head paid, then a package: all three reported."""
    h = roster.add_household_with_head(
        db, actor=A, head_name="张三", head_id_number=make_id(1), hh_no="0001"
    )
    wife = roster.add_person(
        db, household_id=h.id, name="李四", id_number=make_id(2), actor=A, relation="配偶"
    ).id
    son = roster.add_person(
        db, household_id=h.id, name="王五", id_number=make_id(3, "20050101"), actor=A
    ).id
    paid = payments.record_payment(db, person_id=h.head_id, amount_fen=38000, actor=A)
    return {"household": h.id, "head": h.head_id, "wife": wife, "son": son, "paid": paid}


def _package(db, tmp_path: Path) -> Path:
    return build_package(db, tmp_path)


def test_nothing_is_an_amendment_before_the_first_package(db, family):
    roster.update_person(db, family["son"], actor=A, phone="13912345678")
    payments.record_refund(db, person_id=family["head"], amount_fen=38000, actor=A)
    assert history.amendments(db, 2024) == []
    assert not any(e.amendment for e in history.village_log(db))


def test_progress_is_not_an_amendment_corrections_are(db, family, tmp_path):
    _package(db, tmp_path)
    payments.record_payment(db, person_id=family["wife"], amount_fen=38000, actor=A)
    roster.update_person(db, family["son"], actor=A, phone="13912345678", reason="电话写错了")
    payments.record_refund(
        db, person_id=family["head"], amount_fen=38000, actor=A, reason="已在外地参保"
    )
    newcomer = roster.add_person(
        db, household_id=family["household"], name="赵六", id_number=make_id(4), actor=A
    ).id
    roster.update_person(db, newcomer, actor=A, phone="13912345679")  # never reported
    roster.set_unpaid_reason(db, family["son"], "拒缴", actor=A)  # the collection's progress

    found = history.amendments(db, 2024)
    assert [(e.subject, e.field) for e in found] == [("王五", "phone"), ("张三", "payment")]
    phone, refund = found
    assert (phone.old, phone.new, phone.why, phone.actor) == ("", "13912345678", "电话写错了", A)
    assert refund.old == "实缴 380 元" and refund.new.startswith("实缴 0 元（退费 380 元")
    assert refund.why == "已在外地参保"


def test_a_flag_coverage_and_a_move_of_a_reported_person_amend_without_a_reason(
    db, family, tmp_path
):
    _package(db, tmp_path)
    roster.flag_person(db, family["son"], "minimum_living", actor=A)
    roster.set_coverage(db, family["wife"], "employee", actor=A, note="县医院")
    other = roster.add_household(db, actor=A, hh_no="0002").id
    roster.move_person(db, family["son"], other, actor=A, relation="户主")
    found = {(e.subject, e.field): e for e in history.amendments(db, 2024)}
    assert found[("王五", "category")].new == "低保对象"
    assert found[("李四", "coverage")].old == "本村居民医保"
    assert found[("李四", "coverage")].new == "职工医保"
    assert found[("王五", "household_id")].new.startswith("户号0002")
    assert {e.why for e in found.values()} == {history.NO_REASON}


def test_undoing_a_payment_made_after_the_package_is_not_an_amendment(db, family, tmp_path):
    _package(db, tmp_path)
    payments.record_payment(db, person_id=family["wife"], amount_fen=38000, actor=A)
    payments.undo_last_payment(db, actor=A)
    assert history.amendments(db, 2024) == []
    payments.undo_last_payment(db, actor=A, reason="收错人了")  # the reported payment itself
    (undo,) = history.amendments(db, 2024)
    assert (undo.subject, undo.old, undo.why) == ("张三", "实缴 380 元", "收错人了")
    assert "撤销缴费 380 元" in undo.new


def test_the_next_package_starts_a_new_list(db, family, tmp_path):
    _package(db, tmp_path)
    roster.update_person(db, family["son"], actor=A, phone="13912345678")
    assert len(history.amendments(db, 2024)) == 1
    _package(db, tmp_path)
    assert history.amendments(db, 2024) == []
    roster.update_person(db, family["son"], actor=A, phone="13912345670")
    (again,) = history.amendments(db, 2024)
    assert (again.old, again.new) == ("13912345678", "13912345670")


def test_a_household_and_the_policy_and_task_after_a_package(db, family, tmp_path):
    _package(db, tmp_path)
    roster.update_household(db, family["household"], actor=A, address="李庄村东头")
    policy = get_policy(db, 2024)
    set_policy(db, dataclasses.replace(policy, standard_fen=40000), actor=A, reason="县里调整标准")
    set_task(db, 2024, 3, actor=A)
    found = {e.field: e for e in history.amendments(db, 2024)}
    assert found["address"].subject.startswith("户号0001")
    assert (found["policy.standard"].old, found["policy.standard"].new) == (
        "380 元/人",
        "400 元/人",
    )
    assert found["policy.standard"].why == "县里调整标准"
    assert found["task"].new == "3 人"


def test_reported_tells_a_face_when_to_ask_for_a_reason(db, family, tmp_path):
    before = Reported(db, 2024)
    assert not before.person(family["son"]) and not before.paid(family["head"])
    _package(db, tmp_path)
    later = payments.record_payment(db, person_id=family["wife"], amount_fen=38000, actor=A)
    newcomer = roster.add_person(
        db, household_id=family["household"], name="赵六", id_number=make_id(4), actor=A
    ).id
    now = Reported(db, 2024)
    assert now.person(family["son"]) and not now.person(newcomer)
    assert now.paid(family["head"]) and not now.paid(family["wife"])
    assert now.payment(family["paid"].payment_id) and not now.payment(later.payment_id)


def test_person_history_reads_in_order_with_reasons(db, family, tmp_path):
    _package(db, tmp_path)
    roster.update_person(db, family["head"], actor="李会计", phone="13912345678", reason="本人来电")
    entries = history.person_history(db, family["head"])
    assert [e.label for e in entries] == ["登记", "列入2024年度名单", "缴费", "联系电话"]
    assert [e.amendment for e in entries] == [False, False, False, True]
    last = entries[-1]
    assert (last.actor, last.why, last.what) == ("李会计", "本人来电", "修改人员信息")
    assert last.to_json()["amendment"] is True


def test_village_log_filters_and_sums_up_an_import(db, tmp_path):
    run_import(db, "roster", SAMPLES / "village-a" / "roster.xlsx", actor=A)
    someone = db.execute("SELECT id FROM person ORDER BY id LIMIT 1").fetchone()[0]
    roster.update_person(db, someone, actor=A, phone="13912345678")
    log = history.village_log(db)
    assert log[0].field == "phone"  # newest first
    (imported,) = [e for e in log if e.op == "import_roster"]
    assert (
        imported.audit_id == 0 and "新增人员" in imported.new and imported.reason == "roster.xlsx"
    )
    assert [e.field for e in history.village_log(db, LogFilter(kind="roster"))][0] == "phone"
    assert history.village_log(db, LogFilter(kind="payment")) == []
    mine = history.village_log(db, LogFilter(person_id=someone))
    assert mine[0].field == "phone" and mine[-1].label == "登记"
    tomorrow = date.today() + timedelta(days=1)
    assert history.village_log(db, LogFilter(since=tomorrow)) == []
    assert len(history.village_log(db, LogFilter(until=date.today()))) == len(log)


def test_a_group_list_imported_after_a_package_amends_each_reported_person_it_flags(db, tmp_path):
    village = SAMPLES / "village-a"
    run_import(db, "roster", village / "roster.xlsx", actor=A)
    _package(db, tmp_path)
    report = run_import(db, "groups", village / "groups_minzheng.xlsx", actor=A)
    flagged = db.execute("SELECT COUNT(*) FROM special_flag").fetchone()[0]
    found = history.amendments(db, 2024)
    assert flagged and len(found) == flagged
    assert {(e.op, e.field, e.why) for e in found} == {
        ("import_groups", "category", "groups_minzheng.xlsx")
    }
    (line,) = [e for e in history.village_log(db) if e.op == "import_groups"]
    assert line.amendment and f"其中更正 {flagged:,} 处" in line.new
    assert report.rows


def test_packages_sent_before_the_upgrade_count_as_reported(db_path, tmp_path):
    """A store made before export_log knew its change (schema 3): the migration works out whom
    each package reported from the audit log."""
    from enrollagent.core.lane import write
    from enrollagent.core.policy import load_policy
    from enrollagent.core.village import init_village
    from enrollagent.db import open_database
    from enrollagent.db.migrations import MIGRATIONS

    old = open_database(db_path, migrations=MIGRATIONS[:3])
    init_village(
        old,
        code="411725100001",
        name="李庄村",
        township="留庄镇",
        county="获嘉县",
        agent=A,
        policy=load_policy("huojia-2024"),
    )
    head = roster.add_household_with_head(old, actor=A, head_name="张三", head_id_number=make_id(1))
    with write(old, actor=A, op="record_payment") as w:  # the payment row as it was then
        w.insert_many(
            "payment",
            [
                {
                    **payments.PAYMENT_DEFAULTS,
                    "id": 1,
                    "uuid": "0" * 36,
                    "person_id": head.head_id,
                    "year": 2024,
                    "amount_fen": 38000,
                    "paid_on": "2024-10-01",
                    "source": "manual",
                    "recorded_at": w.at,
                }
            ],
        )
    with write(old, actor=A, op="export_package") as w:  # as the older version logged it
        w.insert(
            "export_log",
            {
                "kind": "package",
                "year": 2024,
                "sequence": 1,
                "file_name": "a.zip",
                "sha256": "0",
                "at": w.at,
            },
        )
    later = roster.add_person(
        old, household_id=head.id, name="李四", id_number=make_id(2), actor=A
    ).id
    old.close()

    db = open_database(db_path)
    assert compute_figures(db).to_json()["paid"] == 1  # the payment counted (net kept since m005)
    reported = Reported(db, 2024)
    assert reported.person(head.head_id) and not reported.person(later)
    assert reported.paid(head.head_id)
    roster.update_person(db, head.head_id, actor=A, phone="13912345678")
    roster.update_person(db, later, actor=A, phone="13912345679")
    assert [e.subject for e in history.amendments(db, 2024)] == ["张三"]


def test_payments_audited_before_m008_name_their_change_and_show_once(db_path):
    """Payments used to be audited row by row; m008 gives each its change, and history reads
    payments from their own rows only."""
    from enrollagent.core.lane import write
    from enrollagent.core.policy import load_policy
    from enrollagent.core.village import init_village
    from enrollagent.db import open_database
    from enrollagent.db.migrations import MIGRATIONS

    old = open_database(db_path, migrations=MIGRATIONS[:7])
    init_village(
        old,
        code="411725100001",
        name="李庄村",
        township="留庄镇",
        county="获嘉县",
        agent=A,
        policy=load_policy("huojia-2024"),
    )
    head = roster.add_household_with_head(old, actor=A, head_name="张三", head_id_number=make_id(1))
    with write(old, actor=A, op="record_payment") as w:  # audited as it was then
        w.insert_many(
            "payment",
            [
                {
                    **payments.PAYMENT_DEFAULTS,
                    "id": 1,
                    "uuid": "0" * 36,
                    "person_id": head.head_id,
                    "year": 2024,
                    "amount_fen": 38000,
                    "paid_on": "2024-10-01",
                    "source": "manual",
                    "recorded_at": w.at,
                }
            ],
        )
        change = w.change_id
    old.conn.close()

    db = open_database(db_path)
    assert db.execute("SELECT change_id FROM payment WHERE id = 1").fetchone()[0] == change
    paid = [e for e in history.person_history(db, head.head_id) if e.kind == "payment"]
    assert [(e.change_id, e.actor, e.what, e.new) for e in paid] == [
        (change, A, "登记缴费", "实缴 380 元（缴费 380 元，2024-10-01）")
    ]
    # Written from now on: no audit row, the change its record.
    payments.record_payment(db, person_id=head.head_id, amount_fen=100, actor=A, year=2024)
    assert db.execute("SELECT COUNT(*) FROM audit_log WHERE table_name = 'payment'").fetchone() == (
        1,
    )
    assert len([e for e in history.person_history(db, head.head_id) if e.kind == "payment"]) == 2
