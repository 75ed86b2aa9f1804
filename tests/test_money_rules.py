"""Rules that keep the money right when records are corrected: undo, refunds, typing slips."""

from __future__ import annotations

from datetime import date

import pytest

from enrollagent.core import payments, roster
from enrollagent.core.figures import compute_figures, person_state
from enrollagent.core.money import parse_yuan
from enrollagent.core.village import set_task
from enrollagent.errors import EnrollError

from .test_figures import add


@pytest.fixture
def person(db):
    hid = roster.add_household(db, actor="t", group_name="一组").id
    return add(db, hid, "丁", 1, relation="户主")


def net(db, pid) -> int:
    return person_state(db, pid).net_fen


def test_pay_refund_undo_brings_the_payment_back(db, person):
    payments.record_payment(db, person_id=person, actor="t")
    payments.record_refund(db, person_id=person, amount_fen=38000, actor="t")
    undone = payments.undo_last_payment(db, actor="t")  # undoes the refund, not the payment
    assert undone.amount_fen == 38000 and net(db, person) == 38000
    assert person_state(db, person).state == "paid"
    payments.undo_last_payment(db, actor="t")  # then the payment itself
    assert net(db, person) == 0
    with pytest.raises(EnrollError) as e:
        payments.undo_last_payment(db, actor="t")
    assert e.value.code == "nothing_to_undo"


def test_a_refund_above_what_was_paid_is_worded_in_yuan(db, person):
    payments.record_payment(db, person_id=person, actor="t")
    with pytest.raises(EnrollError) as e:
        payments.record_refund(db, person_id=person, amount_fen=50050, actor="t")
    assert e.value.message == "退费 500.50 元超过此人本年度已缴的 380 元"


def test_undo_never_takes_a_person_below_zero(db, person):
    payments.record_payment(db, person_id=person, actor="t")
    # The tax bureau's file brings the refund: not a manual record, so undo looks at the payment.
    payments.record_refund(db, person_id=person, amount_fen=38000, actor="t", source="退费.xlsx:3")
    with pytest.raises(EnrollError) as e:
        payments.undo_last_payment(db, actor="t")
    assert e.value.code == "undo_refunded" and "丁" in e.value.message
    assert net(db, person) == 0
    assert person_state(db, person).owed_fen == 38000  # never more than the standard


def test_amounts_and_tasks_with_a_typing_slip_are_refused(db):
    assert parse_yuan("１００,000") == 10_000_000
    for slip in ("100001", "99999999999999999999999"):
        with pytest.raises(EnrollError) as e:
            parse_yuan(slip)
        assert e.value.code == "amount_too_large"
    for task in (-5, 0, 10**20):
        with pytest.raises(EnrollError) as e:
            set_task(db, 2024, task, actor="t")
        assert e.value.code == "task_invalid"
    assert compute_figures(db).task is None


def test_a_valid_id_decides_the_birth_date(db, person):
    with pytest.raises(EnrollError) as e:
        roster.update_person(db, person, actor="t", birth_date=date(2024, 2, 1))
    assert e.value.code == "birth_from_id" and "1970-01-01" in e.value.message
    assert person_state(db, person).state == "unpaid"
    roster.update_person(
        db, person, actor="t", birth_date=date(1970, 1, 1)
    )  # the same date is fine
    # A 待核实 number carries no date: the typed one is kept.
    hid = roster.add_household(db, actor="t").id
    other = roster.add_person(
        db, household_id=hid, name="戊", id_number="41172519700101", actor="t", allow_invalid=True
    ).id
    roster.update_person(db, other, actor="t", birth_date=date(1970, 3, 1))
    assert person_state(db, other).birth_date == date(1970, 3, 1)


def test_the_same_unverified_number_for_two_people_names_both(db):
    hid = roster.add_household(db, actor="t").id
    for name in ("张三", "李四"):
        roster.add_person(
            db,
            household_id=hid,
            name=name,
            id_number="410724198001010010",
            actor="t",
            allow_invalid=True,
        )
    with pytest.raises(EnrollError) as e:
        roster.find_person(db, "410724198001010010")
    assert (
        e.value.code == "person_ambiguous"
        and "张三" in e.value.message
        and "李四" in e.value.message
    )
    first = db.execute("SELECT id FROM person WHERE name = '李四'").fetchone()[0]
    assert roster.find_person(db, f"#{first}").name == "李四"
