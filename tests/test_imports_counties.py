"""Issue 3 acceptance: a village's files shaped like other counties' (not the sample), counted by hand.

A 国家医保信息平台 roster with footer lines; 民政 / 乡村振兴 / 残联 lists in their own words; a GBK
电子税务局 CSV with a total line; 医保 and 代缴 details — then the figures of the whole village.
"""

from __future__ import annotations

import csv
import io
from datetime import datetime

import openpyxl
import pytest

from enrollagent.core.figures import compute_figures
from enrollagent.core.progress import Cancelled, Progress
from enrollagent.errors import EnrollError
from enrollagent.imports import run_import
from enrollagent.imports.cells import risk_eliminated

from .imports_helpers import COUNTY_TODAY as TODAY
from .imports_helpers import (
    ID1,
    ID2,
    ID5,
    ID6,
    ID7,
    ID10,
    ID11,
    ID12,
    ID13,
    ID14,
    STRANGER,
    canlian_list,
    counts,
    etax_csv,
    jiuzhu_csv,
    minzheng_list,
    monitoring_list,
    new_village,
    platform_roster,
    save,
)


@pytest.fixture
def village(tmp_path):
    db = new_village(tmp_path / "v.db")
    yield db
    db.close()


def test_a_village_from_other_counties_files(village, tmp_path):
    report = run_import(
        village,
        "roster",
        platform_roster(tmp_path / "参保人员信息.xlsx"),
        today=TODAY,
        actor="王明",
    )
    assert counts(
        report, "rows", "imported", "households", "duplicates", "invalid_id", "upgraded", "skipped"
    ) == {
        "rows": 16,
        "imported": 15,
        "households": 6,
        "duplicates": 1,
        "invalid_id": 2,
        "upgraded": 2,
        "skipped": 0,
    }
    assert {p["row"] for p in report.problems} == {12, 17, 19}
    assert report.columns["group"] == "所属村组" and report.columns["hh_no"] == "户编号"
    assert (
        village.execute("SELECT COUNT(*) FROM person WHERE name LIKE '%审核%'").fetchone()[0] == 0
    )

    groups = [
        (
            minzheng_list(tmp_path / "低保特困.xlsx"),
            {"rows": 8, "flagged": 6, "not_in_roster": 1, "skipped": 1, "name_mismatch": 1},
        ),
        (
            jiuzhu_csv(tmp_path / "救助对象.csv"),
            {"rows": 4, "flagged": 3, "not_in_roster": 0, "skipped": 0, "name_mismatch": 0},
        ),
        (
            canlian_list(tmp_path / "残疾人.xlsx"),
            {"rows": 8, "flagged": 5, "not_in_roster": 1, "skipped": 2, "name_mismatch": 0},
        ),
        (
            monitoring_list(tmp_path / "监测对象.xlsx"),
            {"rows": 7, "flagged": 3, "not_in_roster": 2, "skipped": 2, "name_mismatch": 0},
        ),
    ]
    for path, expect in groups:
        report = run_import(village, "groups", path, today=TODAY, actor="王明")
        assert counts(report, *expect) == expect, path.name
    reasons = {
        p["row"]: p["reason"]
        for p in run_import(
            village, "groups", tmp_path / "残疾人.xlsx", dry_run=True, today=TODAY, actor="王明"
        ).problems
    }
    assert "肆级" in reasons[6] and "不是一、二级" in reasons[6]

    pay = etax_csv(tmp_path / "缴费明细.csv")
    report = run_import(village, "payments", pay, today=TODAY, actor="王明")
    assert counts(
        report,
        "rows",
        "recorded",
        "already_recorded",
        "ignored",
        "not_in_roster",
        "other_year",
        "skipped",
    ) == {
        "rows": 13,
        "recorded": 7,
        "already_recorded": 1,
        "ignored": 2,
        "not_in_roster": 2,
        "other_year": 1,
        "skipped": 0,
    }
    # Every row not taken is reported with its row in the file (title 1–2, header 3, 合计 17).
    reasons = {p["row"]: p["reason"] for p in report.problems}
    assert set(reasons) == {7, 9, 10, 11, 12, 14}
    assert "与第6行相同" in reasons[7] and "养老" in reasons[9] and "2023年度" in reasons[14]
    assert "待认领" in reasons[11] and "待认领" in reasons[12]
    again = run_import(village, "payments", pay, today=TODAY, actor="王明")
    assert counts(
        again, "recorded", "already_recorded", "ignored", "not_in_roster", "other_year"
    ) == {"recorded": 0, "already_recorded": 10, "ignored": 2, "not_in_roster": 0, "other_year": 1}

    figures = compute_figures(village).to_json()
    assert {
        k: figures[k]
        for k in (
            "persons",
            "eligible",
            "paid",
            "subsidized",
            "enrolled",
            "unpaid",
            "rate",
            "collected",
        )
    } == {
        "persons": 15,
        "eligible": 15,
        "paid": 4,
        "subsidized": 9,
        "enrolled": 13,
        "unpaid": 2,
        "rate": 0.8667,
        "collected": 1012,
    }
    assert figures["attention"] == {
        "invalid_id": 2,
        "double_paid": 0,
        "refund_due": 1,
        "unmatched_payments": 2,
    }
    assert {c: v["persons"] for c, v in figures["special"].items() if v["persons"]} == {
        "extreme_poverty": 2,
        "minimum_living": 5,
        "low_income_edge": 1,
        "orphan": 2,
        "unstable": 2,
        "sudden_hardship": 1,
        "severe_disability": 5,
    }
    assert all(v["enrolled"] == v["persons"] for v in figures["special"].values())

    # A roll sheet as this app writes it: 花名册 (title, header, 合计 line) and its copy 数据.
    people = village.execute(
        "SELECT p.name, p.id_number, h.hh_no, p.relation FROM person p"
        " JOIN household h ON h.id = p.household_id ORDER BY p.id"
    ).fetchall()
    wb = openpyxl.Workbook()
    roll, data = wb.active, wb.create_sheet("数据")
    roll.title = "花名册"
    roll.append(["获嘉县城关镇东风村 2024年度城乡居民基本医疗保险参保花名册"])
    for ws in (roll, data):
        ws.append(["序号", "户号", "姓名", "身份证号码", "与户主关系"])
        for n, person in enumerate(people, 1):
            ws.append([n, person[2], person[0], person[1], person[3]])
    roll.append(["合计", "", "共 15 人"])
    other = new_village(tmp_path / "other.db")
    report = run_import(
        other, "roster", save(wb, tmp_path / "roll.xlsx"), today=TODAY, actor="王明"
    )
    assert report.sheet == "花名册"
    assert counts(report, "rows", "imported", "households", "invalid_id", "duplicates") == {
        "rows": 15,
        "imported": 15,
        "households": 6,
        "invalid_id": 2,
        "duplicates": 0,
    }
    other.close()


def test_insurance_platform_details_and_subsidy_requests(village, tmp_path):
    """医保 居民缴费明细 (险种类型 as words or 390, 缴费年度, 个人缴费金额 beside 财政补助金额 and
    其他缴费金额) and a 税务请款明细 of 代缴: subsidies never count as anyone's own money."""
    run_import(
        village, "roster", platform_roster(tmp_path / "roster.xlsx"), today=TODAY, actor="王明"
    )
    run_import(village, "groups", minzheng_list(tmp_path / "mz.xlsx"), today=TODAY, actor="王明")
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(["居民缴费明细查询"])
    ws.append(
        [
            "序号",
            "单位名称",
            "人员编号",
            "人员姓名",
            "证件号码",
            "险种类型",
            "缴费年度",
            "个人缴费金额",
            "财政补助金额",
            "其他缴费金额",
            "缴费总金额",
            "电子税票号码",
            "缴费时间",
            "核销标志",
        ]
    )
    when = datetime(2023, 10, 12, 9, 30, 5)
    lines = [
        ("赵大山", ID1, "城乡居民基本医疗保险", 2024, 76, 0),
        ("李桂兰", ID6, 390, 2024, 380, 0),
        ("孙建国", ID5, "城乡居民基本医疗保险", 2024, 0, 380),  # 特困: the subsidy alone
        ("王五", ID12, "城乡居民基本医疗保险", 2023, 350, 0),
        ("周强", ID7, 310, 2024, 1200, 0),
        ("外村人", STRANGER, "城乡居民基本医疗保险", 2024, 380, 0),
    ]
    for n, (name, idn, item, year, own, other) in enumerate(lines, 1):
        ws.append(
            [
                n,
                "东风村",
                f"41{n:08d}",
                name,
                idn,
                item,
                year,
                own,
                640,
                other,
                own + 640 + other,
                f"PT{n:04d}",
                when,
                "已核销",
            ]
        )
    report = run_import(
        village, "payments", save(wb, tmp_path / "居民缴费明细.xlsx"), today=TODAY, actor="王明"
    )
    assert counts(
        report, "rows", "recorded", "other_year", "ignored", "not_in_roster", "skipped"
    ) == {"rows": 6, "recorded": 3, "other_year": 1, "ignored": 1, "not_in_roster": 1, "skipped": 0}
    assert report.columns["fund_subsidy"] == "财政补助金额"

    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(["税务请款明细"])
    ws.append(
        [
            "序号",
            "镇（街）",
            "姓名",
            "身份证号码",
            "人员编号",
            "代缴类别",
            "参保类别",
            "代缴金额",
            "个人缴费金额",
            "缴费总额",
            "请款批次",
        ]
    )
    ws.append([1, "城关镇", "钱秀英", ID2, "x", "低保对象", "居民一档", 304, 76, 380, "第一批"])
    report = run_import(
        village, "payments", save(wb, tmp_path / "请款明细.xlsx"), today=TODAY, actor="王明"
    )
    assert counts(report, "rows", "recorded") == {"rows": 1, "recorded": 1}
    kinds = village.execute(
        "SELECT kind, SUM(amount_fen) FROM payment GROUP BY kind ORDER BY kind"
    ).fetchall()
    assert kinds == [("personal", (76 + 380 + 76) * 100), ("subsidy", (380 + 304) * 100)]
    assert village.execute("SELECT paid_on FROM payment WHERE ticket_no = 'PT0001'").fetchone() == (
        "2023-10-12",
    )
    figures = compute_figures(village).to_json()
    # paid: 赵大山 and 钱秀英 (76 each after 低保), 李桂兰; 孙建国 subsidised, no refund for anyone.
    assert (figures["paid"], figures["collected"], figures["attention"]["refund_due"]) == (
        3,
        532,
        0,
    )


def test_a_department_list_taken_for_payments_is_refused(village, tmp_path):
    """月保障金额 / 救助金额 are allowances, not payments: the wrong kind of import records nothing."""
    run_import(
        village, "roster", platform_roster(tmp_path / "roster.xlsx"), today=TODAY, actor="王明"
    )
    for path in (minzheng_list(tmp_path / "低保.xlsx"), jiuzhu_csv(tmp_path / "救助.csv")):
        with pytest.raises(EnrollError) as err:
            run_import(village, "payments", path, today=TODAY, actor="王明")
        assert err.value.code == "import_missing_column" and "缴费金额" in err.value.message
    assert village.execute("SELECT COUNT(*) FROM payment").fetchone()[0] == 0


def test_a_disability_list_by_card_number_alone(village, tmp_path):
    """残联 lists name people by the 20-character 残疾人证号: the ID, the kind (1–7), the grade (1–4)."""
    run_import(
        village, "roster", platform_roster(tmp_path / "roster.xlsx"), today=TODAY, actor="王明"
    )
    rows = [
        ["残疾人名单"],
        ["序号", "姓名", "残疾人证号", "残疾类别"],
        [1, "郑老太", ID11 + "41", "肢体"],
        [2, "陈六", ID14 + "12", "视力"],
        [3, "李桂兰", ID6 + "23", "听力"],
        [4, "冯梅", ID13 + "5", "智力"],  # 19 characters: not a card number
        [5, "吴芳", f" {ID10.lower()}42 ", "精神"],
    ]
    wb = openpyxl.Workbook()
    for row in rows:
        wb.active.append(row)
    report = run_import(
        village, "groups", save(wb, tmp_path / "残联.xlsx"), today=TODAY, actor="王明"
    )
    assert report.columns["id"] == "残疾人证号"
    assert counts(report, "rows", "flagged", "skipped", "not_in_roster") == {
        "rows": 5,
        "flagged": 3,
        "skipped": 2,
        "not_in_roster": 0,
    }
    flagged = {
        r[0]
        for r in village.execute(
            "SELECT p.name FROM special_flag f JOIN person p ON p.id = f.person_id"
        )
    }
    assert flagged == {"郑老太", "陈六", "吴芳"}
    reasons = {p["row"]: p["reason"] for p in report.problems}
    assert "3级" in reasons[5] and "不是20位" in reasons[6]


def test_category_words_of_the_list_s_own_and_the_command_line(village, tmp_path):
    """A 低保 list whose 保障类别 says only 农村 / 城市: skipped with the word named, or flagged as
    the agent says with --category; a category the row does name still wins."""
    run_import(
        village, "roster", platform_roster(tmp_path / "roster.xlsx"), today=TODAY, actor="王明"
    )
    rows = [
        ["户主姓名", "姓名", "身份证号码", "保障类别"],
        ["赵大山", "赵大山", ID1, "农村"],
        ["赵大山", "钱秀英", ID2, "农村"],
        ["吴芳", "吴芳", ID10, "特困"],
    ]
    wb = openpyxl.Workbook()
    for row in rows:
        wb.active.append(row)
    path = save(wb, tmp_path / "低保.xlsx")
    report = run_import(village, "groups", path, dry_run=True, today=TODAY, actor="王明")
    assert counts(report, "flagged", "skipped") == {"flagged": 1, "skipped": 2}
    assert "“农村”不认识" in report.problems[0]["reason"]
    report = run_import(
        village, "groups", path, category="minimum_living", today=TODAY, actor="王明"
    )
    assert counts(report, "flagged", "skipped") == {"flagged": 3, "skipped": 0}
    flags = village.execute(
        "SELECT p.name, f.category FROM special_flag f JOIN person p ON p.id = f.person_id"
        " ORDER BY p.id"
    ).fetchall()
    assert flags == [
        ("赵大山", "minimum_living"),
        ("钱秀英", "minimum_living"),
        ("吴芳", "extreme_poverty"),
    ]


def test_a_list_with_both_a_category_and_a_disability_grade(village, tmp_path):
    run_import(
        village, "roster", platform_roster(tmp_path / "roster.xlsx"), today=TODAY, actor="王明"
    )
    rows = [
        ["姓名", "身份证号码", "人员类别", "残疾等级"],
        ["李桂兰", ID6, "低保", "一级"],
        ["王五", ID12, "低保", "三级"],
        ["冯梅", ID13, "", "二级"],
        ["周强", ID7, "", "四级"],
    ]
    wb = openpyxl.Workbook()
    for row in rows:
        wb.active.append(row)
    report = run_import(
        village, "groups", save(wb, tmp_path / "低保残疾.xlsx"), today=TODAY, actor="王明"
    )
    assert counts(report, "flagged", "skipped") == {"flagged": 3, "skipped": 1}
    flags: dict[str, set] = {}
    for name, category in village.execute(
        "SELECT p.name, f.category FROM special_flag f JOIN person p ON p.id = f.person_id"
    ):
        flags.setdefault(name, set()).add(category)
    assert flags == {
        "李桂兰": {"minimum_living", "severe_disability"},
        "冯梅": {"severe_disability"},
        "王五": {"minimum_living"},
    }
    assert compute_figures(village).to_json()["subsidized"] == 2  # 一级 and 二级: full subsidy


def test_risk_eliminated_in_the_words_lists_use():
    for yes in ("是", "已消除", "是（帮扶消除）", "风险已消除", "Y", "√"):
        assert risk_eliminated(yes), yes
    for no in ("否", "未消除", "", None, "否（未消除）", "无"):
        assert not risk_eliminated(no), no


def test_refunds_and_voided_tickets_marked_in_words(village, tmp_path):
    """Exports that keep amounts positive and say 退费 in 类型说明, or 是 under 退费标志 / 作废标志."""
    run_import(
        village, "roster", platform_roster(tmp_path / "roster.xlsx"), today=TODAY, actor="王明"
    )
    rows = [
        [
            "缴费人姓名",
            "证件号码",
            "缴费年度",
            "实缴金额",
            "电子税票号码",
            "类型说明",
            "退费标志",
            "作废标志",
        ],
        ["李桂兰", ID6, 2024, 380, "T1", "正常缴费", "否", "否"],
        ["李桂兰", ID6, 2024, 380, "T2", "退费", "", ""],  # a refund with its own ticket
        ["王五", ID12, 2024, 380, "T3", "正常缴费", "否", "否"],
        ["王五", ID12, 2024, 380, "T3X", "正常缴费", "否", "是"],  # voided: not a payment
        ["冯梅", ID13, 2024, 380, "T4", "未退费", "", ""],
        ["陈六", ID14, 2024, 380, "T5", "", "否", ""],
        ["陈六", ID14, 2024, 380, "T5", "", "是", ""],
    ]  # 冲正 of T5 by the same ticket
    wb = openpyxl.Workbook()
    for row in rows:
        wb.active.append(row)
    path = save(wb, tmp_path / "退费.xlsx")
    report = run_import(village, "payments", path, today=TODAY, actor="王明")
    assert counts(report, "rows", "recorded", "skipped", "already_recorded") == {
        "rows": 7,
        "recorded": 6,
        "skipped": 1,
        "already_recorded": 0,
    }
    assert "作废" in {p["row"]: p["reason"] for p in report.problems}[5]
    net = dict(
        village.execute(
            "SELECT p.name, SUM(y.amount_fen) FROM payment y JOIN person p ON p.id = y.person_id"
            " GROUP BY p.id"
        ).fetchall()
    )
    assert net == {"李桂兰": 0, "王五": 38000, "冯梅": 38000, "陈六": 0}
    assert (
        village.execute("SELECT COUNT(*) FROM payment WHERE reverses_id IS NOT NULL").fetchone()[0]
        == 1
    )
    figures = compute_figures(village).to_json()
    assert (figures["paid"], figures["collected"]) == (2, 760)
    again = run_import(village, "payments", path, today=TODAY, actor="王明")
    assert counts(again, "recorded", "already_recorded", "skipped") == {
        "recorded": 0,
        "already_recorded": 6,
        "skipped": 1,
    }


def test_cancelling_a_payment_import_leaves_nothing(village, tmp_path):
    run_import(
        village, "roster", platform_roster(tmp_path / "roster.xlsx"), today=TODAY, actor="王明"
    )
    before = [
        village.execute(f"SELECT COUNT(*) FROM {t}").fetchone()[0]
        for t in ("payment", "unmatched_payment", "audit_log", "import_log")
    ]
    rows = [["证件号码", "实缴金额", "电子税票号码", "缴费年度"]]
    rows += [[(ID1, ID6, STRANGER)[n % 3], 380, f"C{n:05d}", 2024] for n in range(1200)]
    buf = io.StringIO()
    csv.writer(buf).writerows(rows)
    path = tmp_path / "big.csv"
    path.write_text(buf.getvalue(), encoding="gbk")

    def watch(done, total, message):
        if done >= 500:
            progress.cancel()

    progress = Progress(watch)
    with pytest.raises(Cancelled):
        run_import(village, "payments", path, progress=progress, today=TODAY, actor="王明")
    after = [
        village.execute(f"SELECT COUNT(*) FROM {t}").fetchone()[0]
        for t in ("payment", "unmatched_payment", "audit_log", "import_log")
    ]
    assert after == before
