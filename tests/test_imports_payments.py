"""Issue 3: the tax bureau's payment details — item, year, ticket, matching; refunds; the inbox."""

from __future__ import annotations

from datetime import date

import pytest

from enrollagent.core import payments as core_payments
from enrollagent.core import roster as core_roster
from enrollagent.core.figures import compute_figures
from enrollagent.imports import run_import

from .imports_helpers import make_id, write_csv, write_xlsx

TODAY = date(2023, 12, 31)
P = [make_id(n, "19700101") for n in range(1, 9)]
STRANGER = make_id(99, "19610101")


@pytest.fixture
def village(db, tmp_path):
    rows = [["户号", "姓名", "身份证号码"]] + [["1", f"人{k}", i] for k, i in enumerate(P)]
    run_import(db, "roster", write_xlsx(tmp_path / "roster.xlsx", rows), today=TODAY, actor="王明")
    core_roster.flag_person(
        db, core_roster.find_person(db, P[6]).id, "minimum_living", actor="t"
    )  # pays 300
    core_roster.flag_person(
        db, core_roster.find_person(db, P[7]).id, "extreme_poverty", actor="t"
    )  # pays 0
    return db


def tax_rows() -> list[list[object]]:
    """A 征缴明细 export: two header rows (a merged group title above), mixed items and years."""
    return [
        ["城乡居民医疗保险征缴明细", "", "", "", "", "", "", "", "", ""],
        ["缴费人信息", "", "征收信息", "", "", "", "缴费信息", "", "", ""],
        [
            "缴费人名称",
            "证件号码",
            "征收项目",
            "征收品目",
            "费款所属期起",
            "费款所属期止",
            "实缴金额（元）",
            "缴款日期",
            "电子税票号码",
            "缴费渠道",
        ],
        [
            "人0",
            P[0],
            "城乡居民基本医疗保险费",
            "城乡居民基本医疗保险",
            "2024-01-01",
            "2024-12-31",
            380,
            "2023-10-01",
            "T001",
            "微信",
        ],
        [
            "人1",
            P[1],
            "城乡居民基本医疗保险费",
            "城乡居民基本医疗保险",
            "2024-01-01",
            "2024-12-31",
            "380.00",
            "2023/10/02",
            "T002",
            "支付宝",
        ],
        [
            "人1",
            P[1],
            "城乡居民基本医疗保险费",
            "城乡居民基本医疗保险",
            "2024-01-01",
            "2024-12-31",
            380,
            "2023-10-05",
            "T003",
            "河南税务APP",
        ],  # double
        [
            "人2",
            P[2],
            "城乡居民基本医疗保险费",
            "城乡居民基本医疗保险",
            "2024-01-01",
            "2024-12-31",
            380,
            "2023-10-03",
            "T004",
            "银行柜台",
        ],
        [
            "人2",
            P[2],
            "城乡居民基本医疗保险费",
            "城乡居民基本医疗保险",
            "2024-01-01",
            "2024-12-31",
            -380,
            "2023-12-20",
            "T005",
            "银行柜台",
        ],  # refund
        [
            "人0",
            P[0],
            "城乡居民基本医疗保险费",
            "城乡居民基本医疗保险",
            "2024-01-01",
            "2024-12-31",
            380,
            "2023-10-01",
            "T001",
            "微信",
        ],  # repeated line
        [
            "人3",
            P[3],
            "城乡居民基本医疗保险费",
            "城乡居民基本医疗保险",
            "2023-01-01",
            "2023-12-31",
            350,
            "2022-10-01",
            "T006",
            "微信",
        ],  # last year
        [
            "人4",
            P[4],
            "城乡居民基本养老保险费",
            "城乡居民基本养老保险",
            "2024-01-01",
            "2024-12-31",
            300,
            "2023-10-01",
            "T007",
            "微信",
        ],  # pension
        [
            "人4",
            P[4],
            "职工基本医疗保险",
            "职工基本医疗保险",
            "202401",
            "202412",
            3000,
            "2023-10-01",
            "T008",
            "银行",
        ],  # employee
        [
            "外人",
            STRANGER,
            "城乡居民基本医疗保险费",
            "城乡居民基本医疗保险",
            "202401",
            "202412",
            380,
            "2023-10-09",
            "T009",
            "微信",
        ],  # inbox
        [
            "人某",
            P[5],
            "城乡居民基本医疗保险费",
            "城乡居民基本医疗保险",
            202401.0,
            "",
            380,
            45210.0,
            "T010",
            "掌上",
        ],  # masked name
        [
            "人6",
            P[6],
            "城乡居民基本医疗保险费",
            "城乡居民基本医疗保险",
            "2024年度",
            "",
            "300",
            "2023年10月8日",
            "T011",
            "村代办",
        ],
        [
            "人7",
            P[7],
            "城乡居民基本医疗保险费",
            "城乡居民基本医疗保险",
            "2024",
            "",
            "380",
            "2023-10-08",
            "T012",
            "微信",
        ],  # subsidised person paid
        [
            "人3",
            P[3],
            "城乡居民基本医疗保险费",
            "城乡居民基本医疗保险",
            "2024",
            "",
            "一百",
            "2023-10-08",
            "T013",
            "微信",
        ],  # unreadable
        [],
    ]


def test_tax_export_counts_and_figures(village, tmp_path):
    path = write_xlsx(
        tmp_path / "征缴明细.xlsx", tax_rows(), merge=["A1:J1", "A2:B2", "C2:F2", "G2:J2"]
    )
    report = run_import(village, "payments", path, today=TODAY, actor="王明")
    got = report.to_json()
    problems = got.pop("problems")
    assert got == {
        "rows": 14,
        "recorded": 8,
        "already_recorded": 1,
        "not_in_roster": 1,
        "other_year": 1,
        "ignored": 2,
        "skipped": 1,
    }
    assert report.header_row == 3 and report.columns["amount"] == "实缴金额（元）"
    assert report.columns["item"] == "征收项目、征收品目"
    reasons = {p["row"]: p["reason"] for p in problems}
    assert "待认领" in reasons[13] and "人某" in reasons[14] and "一百" in reasons[17]
    f = compute_figures(village).to_json()
    # paid: 人0, 人1 (double), 人5, 人6 (300 after 低保); 人2 refunded; 人7 subsidised and paid anyway.
    assert (f["paid"], f["subsidized"], f["unpaid"]) == (4, 1, 3)
    assert f["collected"] == 380 + 760 + 0 + 380 + 300 + 380
    assert f["attention"] == {
        "invalid_id": 0,
        "double_paid": 1,
        "refund_due": 2,
        "unmatched_payments": 1,
    }
    rows = village.execute(
        "SELECT ticket_no, amount_fen, paid_on, channel, source, kind FROM payment ORDER BY id"
    ).fetchall()
    by_ticket = {r[0]: r[1:] for r in rows}
    assert by_ticket["T005"][0] == -38000 and by_ticket["T002"][1] == "2023-10-02"
    assert by_ticket["T010"][1] == "2023-10-11" and by_ticket["T010"][2] == "税务APP"
    assert by_ticket["T011"][1] == "2023-10-08" and by_ticket["T011"][2] == "村代办点"
    assert by_ticket["T001"][3] == "征缴明细.xlsx:4"
    inbox = village.execute(
        "SELECT id_number, amount_fen, ticket_no, source FROM unmatched_payment"
    ).fetchall()
    assert inbox == [(STRANGER, 38000, "T009", "征缴明细.xlsx:13")]
    # Each payment carries the change that wrote it (m008): the import's, with its file as why.
    written = village.execute(
        "SELECT c.op, c.reason, COUNT(*) FROM payment p JOIN change_log c ON c.id = p.change_id"
        " GROUP BY c.id"
    ).fetchall()
    assert written == [("import_payments", "征缴明细.xlsx", 8)]
    assert (
        village.execute("SELECT COUNT(*) FROM audit_log WHERE table_name = 'payment'").fetchone()[0]
        == 0
    )

    again = run_import(village, "payments", path, today=TODAY, actor="王明").to_json()
    assert (again["recorded"], again["already_recorded"], again["not_in_roster"]) == (0, 10, 0)
    assert compute_figures(village).to_json() == f


def test_inbox_payment_assigned_later_is_still_recorded_once(village, tmp_path):
    path = write_xlsx(tmp_path / "p.xlsx", tax_rows())
    run_import(village, "payments", path, today=TODAY, actor="王明")
    inbox_id = village.execute("SELECT id FROM unmatched_payment").fetchone()[0]
    ticket = village.execute(
        "SELECT ticket_no FROM unmatched_payment WHERE id = ?", [inbox_id]
    ).fetchone()[0]
    core_payments.assign_unmatched(
        village, inbox_id, core_roster.find_person(village, P[3]).id, actor="t"
    )
    moved = village.execute(
        "SELECT old, new FROM audit_log WHERE table_name = 'unmatched_payment' AND row_id = ?"
        " AND field = 'ticket_no' AND new IS NULL",
        [inbox_id],
    ).fetchall()
    assert moved == [(ticket, None)]  # the ticket leaving the inbox row is audited too
    again = run_import(village, "payments", path, today=TODAY, actor="王明").to_json()
    assert again["recorded"] == 0 and again["not_in_roster"] == 0


def test_subsidy_rows_never_count_as_personal_payments(village, tmp_path):
    rows = [
        [
            "姓名",
            "身份证号码",
            "代缴类别",
            "代缴金额",
            "个人缴费金额",
            "缴费年度",
            "个人缴费日期",
            "票证号码",
        ],
        ["人7", P[7], "特困人员", 380, "", 2024, "2023-10-01", "S1"],
        ["人6", P[6], "低保对象", 80, 300, 2024, "2023-10-01", "S2"],
        ["外人", STRANGER, "特困人员", 380, "", 2024, "2023-10-01", "S3"],
    ]
    got = run_import(
        village, "payments", write_xlsx(tmp_path / "代缴.xlsx", rows), today=TODAY, actor="王明"
    ).to_json()
    assert (got["recorded"], got["not_in_roster"]) == (2, 1)
    kinds = sorted(village.execute("SELECT kind, amount_fen FROM payment").fetchall())
    assert kinds == [("personal", 30000), ("subsidy", 8000), ("subsidy", 38000)]
    assert village.execute("SELECT COUNT(*) FROM unmatched_payment").fetchone()[0] == 0
    f = compute_figures(village).to_json()
    assert f["collected"] == 300 and f["attention"]["refund_due"] == 0
    again = run_import(
        village, "payments", tmp_path / "代缴.xlsx", today=TODAY, actor="王明"
    ).to_json()
    assert (
        again["recorded"] == 0
        and village.execute("SELECT COUNT(*) FROM payment").fetchone()[0] == 3
    )


def test_ticketless_rows_repeat_honestly_and_reversal_with_the_same_ticket(village, tmp_path):
    rows = [
        ["姓名", "身份证号", "金额", "缴费日期", "缴费年度"],
        ["人0", P[0], 380, "2023-10-01", 2024],
        ["人0", P[0], 380, "2023-10-01", 2024],  # paid twice the same day, no ticket: two payments
    ]
    path = write_csv(tmp_path / "ledger.csv", rows, encoding="utf-8-sig")
    assert (
        run_import(village, "payments", path, today=TODAY, actor="王明").to_json()["recorded"] == 2
    )
    assert (
        run_import(village, "payments", path, today=TODAY, actor="王明").to_json()[
            "already_recorded"
        ]
        == 2
    )
    assert compute_figures(village).to_json()["attention"]["double_paid"] == 1

    rows = [
        ["姓名", "身份证号", "实缴金额", "入库日期", "电子税票号码", "险种"],
        ["人1", P[1], 380, "2023-10-01", "R1", "390"],
        [
            "人1",
            P[1],
            -380,
            "2023-11-01",
            "R1",
            "390",
        ],  # 冲正 with the ticket of the payment it undoes
        ["人1", P[1], 380, "2023-10-01", "R1", "390"],
    ]
    path = write_csv(tmp_path / "tax.csv", rows, encoding="gbk")
    got = run_import(village, "payments", path, today=TODAY, actor="王明").to_json()
    assert (got["recorded"], got["already_recorded"]) == (2, 1)
    rev = village.execute(
        "SELECT amount_fen, reverses_id, ticket_no FROM payment WHERE amount_fen < 0"
    ).fetchone()
    assert rev[0] == -38000 and rev[1] is not None and rev[2] is None
    again = run_import(village, "payments", path, today=TODAY, actor="王明").to_json()
    assert (again["recorded"], again["already_recorded"]) == (0, 3)


def test_rounded_ticket_number_cells_are_not_trusted(village, tmp_path):
    rows = [
        ["姓名", "身份证号", "实缴金额", "缴费年度", "票证号码"],
        ["人0", P[0], 380, 2024, 323410000000001553.0],
        ["人1", P[1], 380, 2024, 323410000000001554.0],
    ]
    got = run_import(
        village, "payments", write_xlsx(tmp_path / "t.xlsx", rows), today=TODAY, actor="王明"
    ).to_json()
    assert got["recorded"] == 2 and len(got["problems"]) == 2
