"""The steps a payment import is made of, each alone: on a real migrated store and real rows
(roll sheets and department lists: test_imports_steps_lists.py)."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest

from enrollagent.core import roster as core_roster
from enrollagent.core.payments import record_payment
from enrollagent.errors import Problem
from enrollagent.imports import run_import
from enrollagent.imports.columns import find_columns
from enrollagent.imports.job import Skip
from enrollagent.imports.messages import NO_NAME
from enrollagent.imports.payment_rows import PaymentReader, PaymentRow
from enrollagent.imports.payments import Batch, Ledger, name_differs

from .imports_helpers import job_for, make_id, write_csv, writing

TODAY = date(2023, 12, 31)
P = [make_id(n, "19700101") for n in range(1, 5)]
STRANGER = make_id(99, "19610101")


@pytest.fixture
def village(db, tmp_path):
    """Four people on this year's roster, 人0 … 人3."""
    rows = [["户号", "姓名", "身份证号码"]] + [["1", f"人{k}", i] for k, i in enumerate(P)]
    run_import(db, "roster", write_csv(tmp_path / "roster.csv", rows), today=TODAY, actor="王明")
    return db


def person_id(db, id_number: str) -> int:
    return core_roster.find_person(db, id_number).id


# --- payments: reading a row -------------------------------------------------------------

PAY_HEADER = [
    "证件号码",
    "缴费人姓名",
    "征收项目",
    "缴费年度",
    "实缴金额",
    "代缴金额",
    "缴款日期",
    "电子税票号码",
    "缴费渠道",
    "作废标志",
    "缴费状态",
]
PAY_CELLS = {
    "证件号码": P[0],
    "缴费人姓名": "人0",
    "征收项目": "城乡居民基本医疗保险",
    "缴费年度": "2024",
    "实缴金额": "380",
    "缴款日期": "2023-10-01",
    "电子税票号码": "T001",
    "缴费渠道": "微信",
}


def pay_row(header: list[str] = PAY_HEADER, **cells: object) -> list[object]:
    values = {**PAY_CELLS, **cells}
    return [values.get(h) for h in header]


def classified(*rows: list[object], header: list[str] = PAY_HEADER) -> list[PaymentRow | Skip]:
    reader = PaymentReader(find_columns([header], "payments"), list(enumerate(rows, 2)), 2024)
    return [reader.classify(r) for r in rows]


def test_a_payment_row_is_read_with_its_amount_channel_date_and_ticket():
    assert classified(pay_row()) == [
        PaymentRow(P[0], "人0", 38000, 0, "personal", "微信", "2023-10-01", "T001", False)
    ]


def test_the_item_is_checked_before_the_year():
    assert classified(pay_row(征收项目="城乡居民基本养老保险", 缴费年度="2023")) == [
        Skip("ignored", Problem("pay_not_medical", items="城乡居民基本养老保险"))
    ]


def test_a_row_of_another_year_or_of_no_readable_year_is_left_out():
    assert classified(pay_row(缴费年度="2023"), pay_row(缴费年度="待定")) == [
        Skip("other_year", Problem("pay_other_year", year=2023, current=2024)),
        Skip("skipped", Problem("pay_no_year")),
    ]


def test_a_file_naming_no_year_is_this_years():
    header = [h for h in PAY_HEADER if h != "缴费年度"]
    (pay,) = classified(pay_row(header), header=header)
    assert pay.amount == 38000


def test_amounts_unreadable_or_missing_are_skipped_with_the_amounts_own_problem():
    assert classified(pay_row(实缴金额="一百"), pay_row(实缴金额="0")) == [
        Skip(
            "skipped", Problem("pay_amount_unreadable", why=Problem("amount_invalid", value="一百"))
        ),
        Skip("skipped", Problem("pay_no_amount")),
    ]


def test_a_subsidy_alone_is_a_subsidy_payment_and_one_beside_the_amount_is_kept_apart():
    alone, beside = classified(pay_row(实缴金额="", 代缴金额="280"), pay_row(代缴金额="80"))
    assert (alone.amount, alone.subsidy, alone.kind, alone.channel) == (
        28000,
        0,
        "subsidy",
        "资助代缴",
    )
    assert (beside.amount, beside.subsidy, beside.kind, beside.channel) == (
        38000,
        8000,
        "personal",
        "微信",
    )


def test_flags_void_a_ticket_or_make_a_refund_negative():
    void, refund = classified(pay_row(作废标志="是"), pay_row(缴费状态="退费"))
    assert void == Skip("skipped", Problem("pay_void"))
    assert refund.amount == -38000


def test_a_ticket_excel_rounded_to_a_number_is_read_as_no_ticket():
    (pay,) = classified(pay_row(电子税票号码=3.2341000000000013e17))
    assert (pay.ticket, pay.ticket_lost) == (None, True)


def test_each_repeated_cell_is_read_once():
    rows = [pay_row(证件号码=p, 电子税票号码=f"T00{n}") for n, p in enumerate(P)]
    reader = PaymentReader(find_columns([PAY_HEADER], "payments"), list(enumerate(rows, 2)), 2024)
    assert all(type(reader.classify(r)) is PaymentRow for r in rows)
    assert len(reader.items) == len(reader.years) == len(reader.channels) == len(reader.dates) == 1


# --- payments: matching a row -------------------------------------------------------------

PAID = PaymentRow(P[0], "人0", 38000, 0, "personal", "微信", "2023-10-01", "T001", False)


def test_the_ledger_finds_a_person_by_a_clean_or_a_messy_id(village):
    ledger = Ledger(job_for(village, "payments"))
    found = (person_id(village, P[0]), "人0")
    assert ledger.person(P[0]) == (P[0], found)
    assert ledger.person(f" {P[0][:6]} {P[0][6:]} ") == (P[0], found)
    assert ledger.person(STRANGER) == (STRANGER, None)
    assert ledger.person(float(P[0][:17]))[1] is None  # a number cell matches nothing


def test_a_ticket_known_to_the_store_or_to_an_earlier_row_is_not_recorded_again(village):
    record_payment(
        village, person_id=person_id(village, P[0]), actor="t", amount_fen=38000, ticket_no="T001"
    )
    ledger = Ledger(job_for(village, "payments"))
    assert ledger.repeat(PAID, P[0]) == Skip(
        "already_recorded", Problem("pay_ticket_recorded", ticket="T001")
    )
    fresh = replace(PAID, ticket="T009")
    assert ledger.repeat(fresh, P[0]) == (None, "T009")
    ledger.remember("T009", 7, (None, None, None))
    assert ledger.repeat(fresh, P[0]) == Skip(
        "already_recorded", Problem("pay_ticket_in_file", ticket="T009", earlier=7)
    )


def test_a_reversal_with_the_ticket_it_undoes_names_that_payment_once(village):
    paid = record_payment(
        village, person_id=person_id(village, P[0]), actor="t", amount_fen=38000, ticket_no="T001"
    )
    ledger = Ledger(job_for(village, "payments"))
    reversal = replace(PAID, amount=-38000)
    assert ledger.repeat(reversal, P[0]) == (paid.payment_id, None)
    assert ledger.repeat(reversal, P[0]) == Skip(
        "already_recorded", Problem("pay_ticket_recorded", ticket="T001")
    )


def test_ticketless_payments_are_known_by_id_year_amount_date_and_kind_with_repeats(
    village, tmp_path
):
    header = ["证件号码", "实缴金额", "缴款日期"]
    path = write_csv(tmp_path / "无票号.csv", [header, [P[0], "380", "2023-10-01"]])
    run_import(village, "payments", path, today=TODAY, actor="王明")
    ledger = Ledger(job_for(village, "payments"))
    same = replace(PAID, ticket=None, channel="其他")
    assert ledger.repeat(same, P[0]) == Skip("already_recorded", Problem("pay_recorded"))
    assert ledger.repeat(same, P[0]) == (None, None)  # the file pays twice, the store knows once
    assert ledger.repeat(replace(same, paid_on="2023-10-02"), P[0]) == (None, None)


def test_a_name_that_differs_from_the_roster_is_told_and_the_id_wins():
    assert name_differs("人0", "人0") is None
    assert name_differs("", "人0") is None  # a row without a name says nothing
    assert name_differs("王 小 明", "王小明") is None  # spaces typed to align names
    assert name_differs("张三", "人0") == Problem(
        "pay_name_differs", name="张三", roster_name="人0"
    )


# --- payments: writing the batch ----------------------------------------------------------


def test_the_batch_writes_payments_a_subsidy_beside_and_the_inbox_in_one_go(village):
    job = job_for(village, "payments")
    ledger = Ledger(job)
    pid = person_id(village, P[0])
    stranger = replace(PAID, raw_id=STRANGER, raw_name="", ticket="T002")
    with writing(job):
        batch = Batch(job, ledger)
        first = batch.next_pay
        batch.record(5, replace(PAID, subsidy=8000), pid, None, "T001")
        assert ledger.tickets["T001"] == (first, pid, 38000) and ledger.ticket_rows["T001"] == 5
        assert batch.to_inbox(6, stranger, STRANGER, "T002") == Skip(
            "not_in_roster",
            Problem("pay_not_in_roster", name=NO_NAME, id_number=STRANGER, amount=380),
        )
        subsidy = replace(stranger, kind="subsidy", amount=28000, ticket=None)
        assert batch.to_inbox(7, subsidy, STRANGER, None) == Skip(
            "not_in_roster",
            Problem("pay_subsidy_not_in_roster", name=NO_NAME, id_number=STRANGER, amount=280),
        )
        assert village.execute("SELECT COUNT(*) FROM payment").fetchone()[0] == 0
        batch.write()
    assert village.execute(
        "SELECT id, amount_fen, kind, channel, ticket_no, source, note FROM payment ORDER BY id"
    ).fetchall() == [
        (first, 38000, "personal", "微信", "T001", "明细.xlsx:5", ""),
        (first + 1, 8000, "subsidy", "资助代缴", None, "明细.xlsx:5", "代缴"),
    ]
    assert village.execute(
        "SELECT id_number, amount_fen, ticket_no, source FROM unmatched_payment"
    ).fetchall() == [(STRANGER, 38000, "T002", "明细.xlsx:6")]


def test_a_reversal_and_a_refund_are_noted_as_such(village):
    job = job_for(village, "payments")
    pid = person_id(village, P[0])
    with writing(job):
        batch = Batch(job, Ledger(job))
        first = batch.next_pay
        batch.record(2, PAID, pid, None, "T001")
        batch.record(3, replace(PAID, amount=-38000), pid, first, None)
        batch.record(4, replace(PAID, amount=-10000, ticket="T003"), pid, None, "T003")
        batch.write()
    assert village.execute(
        "SELECT amount_fen, reverses_id, note FROM payment ORDER BY id"
    ).fetchall() == [(38000, None, ""), (-38000, first, "冲正"), (-10000, None, "退费")]
