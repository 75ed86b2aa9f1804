"""Issue 3 acceptance: how workbooks are laid out elsewhere — two-row merged headers, a roll
split into sheets, hidden and copied sheets, WPS .xls, group lines, total and signature lines.
"""

from __future__ import annotations

import openpyxl
import pytest

from enrollagent.core.figures import compute_figures
from enrollagent.imports import run_import

from .imports_helpers import COUNTY_TODAY as TODAY
from .imports_helpers import (
    FULL_WIDTH,
    ID1,
    ID2,
    ID6,
    ID12,
    an_id,
    an_x_id,
    counts,
    new_village,
    platform_roster,
    save,
    write_xls,
)


@pytest.fixture
def village(tmp_path):
    db = new_village(tmp_path / "v.db")
    yield db
    db.close()


def test_two_row_merged_header_with_households_merged_down(village, tmp_path):
    wb = openpyxl.Workbook()
    ws = wb.active
    ws["A1"] = "城关镇东风村2024年度城乡居民医保参保花名册"
    ws["A2"] = "填报单位（盖章）：东风村委会                 填报日期：2023年9月"
    ws["A3"], ws["B3"], ws["E3"], ws["I3"], ws["J3"] = (
        "序号",
        "户主信息",
        "家庭成员信息",
        "联系电话",
        "备注",
    )
    for col, title in zip(
        "BCDEFGH",
        ["户号", "户主姓名", "组别", "姓名", "身份证号码", "与户主关系", "人员类别"],
        strict=True,
    ):
        ws[f"{col}4"] = title
    for rng in ("A1:J1", "A2:J2", "A3:A4", "B3:D3", "E3:H3", "I3:I4", "J3:J4"):
        ws.merge_cells(rng)
    households = [
        (
            1,
            "刘一",
            "一组",
            [
                ("刘一", an_id("19600101", 201), "户主", "低保"),
                ("刘二", an_id("19620202", 212), "妻", "低保"),
                ("刘三", an_id("19850303", 221), "子", ""),
            ],
        ),
        (2, "陈大", "一组", [("陈大", an_id("19400404", 231), "户主", "特困")]),
        (
            3,
            "杨光",
            "二组",
            [
                ("杨光", an_id("19700505", 241), "户主", ""),
                ("杨明", an_x_id("19950505", 250).lower(), "子", ""),
                ("杨柳", "410724650606261", "父亲", ""),
            ],
        ),
    ]
    r = 5
    for hh_no, head, group, members in households:
        top = r
        for name, idn, relation, category in members:
            for col, value in zip("AEFGH", [r - 4, name, idn, relation, category], strict=True):
                ws[f"{col}{r}"] = value
            r += 1
        for col, value in zip("BCDI", [hh_no, head, group, f"1390373{hh_no:04d}"], strict=True):
            ws[f"{col}{top}"] = value
            if r - 1 > top:
                ws.merge_cells(f"{col}{top}:{col}{r - 1}")
    report = run_import(
        village, "roster", save(wb, tmp_path / "花名册.xlsx"), today=TODAY, actor="王明"
    )
    assert report.header_row == 3
    assert counts(
        report, "rows", "imported", "households", "upgraded", "invalid_id", "flagged"
    ) == {"rows": 7, "imported": 7, "households": 3, "upgraded": 1, "invalid_id": 0, "flagged": 3}
    figures = compute_figures(village).to_json()
    assert figures["by_group"]["一组"]["persons"] == 4 and figures["subsidized"] == 1
    assert village.execute("SELECT COUNT(*) FROM person WHERE relation = '户主'").fetchone()[0] == 3


def test_roll_split_into_sheets_named_after_natural_villages(village, tmp_path):
    wb = openpyxl.Workbook()
    wb.active.title = "汇总"
    for row in (["组别", "户数", "人数"], ["后寨组", 2, 3], ["前寨组", 1, 2], ["东街", 1, 2]):
        wb.active.append(row)
    sheets = {
        "后寨组花名册": [
            ("马一", an_id("19700101", 301), "户主", "马一"),
            ("马二", an_id("19710101", 312), "妻", "马一"),
            ("牛三", an_id("19720101", 321), "户主", "牛三"),
        ],
        "前寨组": [
            ("马一", an_id("19730101", 331), "户主", "马一"),
            ("马小", an_id("20000101", 341), "子", "马一"),
        ],
        "东街": [
            ("朱八", an_id("19740101", 351), "户主", "朱八"),
            ("朱九", an_id("19750101", 362), "女", "朱八"),
        ],
    }
    for name, people in sheets.items():
        ws = wb.create_sheet(name)
        ws.append([f"{name}"])
        ws.append(["序号", "姓名", "性别", "身份证号", "与户主关系", "户主", "联系电话"])
        for n, (person, idn, relation, head) in enumerate(people, 1):
            ws.append([n, person, "", idn, relation, head, ""])
    report = run_import(
        village, "roster", save(wb, tmp_path / "分组花名册.xlsx"), today=TODAY, actor="王明"
    )
    assert report.sheet == "后寨组花名册、前寨组、东街"
    assert counts(report, "rows", "imported", "households") == {
        "rows": 7,
        "imported": 7,
        "households": 4,
    }
    by_group = compute_figures(village).to_json()["by_group"]
    assert {g: v["persons"] for g, v in by_group.items()} == {"后寨组": 3, "前寨组": 2, "东街": 2}


def test_wps_xls_with_number_cells(village, tmp_path):
    rows = [
        ["4组人员花名册"],
        ["公民身份号码", "姓名", "组", "户主", "关系", "电话"],
        [an_id("19500101", 401), "孔一", 4.0, "孔一", "户主", 13812345678.0],
        [an_x_id("19520101", 410).lower(), "孔二", 4.0, "孔一", "妻", ""],
        [
            float("410724750101421"),
            "孔三",
            4.0,
            "孔一",
            "子",
            "",
        ],  # 15 digits in a number cell: exact
        [float(an_id("19600101", 432)), "曹一", 4.0, "曹一", "户主", ""],  # 18 digits: rounded
        [],
        [an_id("19610101", 442), "曹二", 4.0, "曹一", "妻", ""],
        [an_id("19620101", 451).translate(FULL_WIDTH), "严一", 4.0, "严一", "户主", ""],
        ["'" + an_id("19900101", 462), "严二", 4.0, "严一", "女", ""],
    ]
    report = run_import(
        village, "roster", write_xls(tmp_path / "4组.xls", rows), today=TODAY, actor="王明"
    )
    assert counts(report, "rows", "imported", "households", "upgraded", "invalid_id") == {
        "rows": 7,
        "imported": 7,
        "households": 3,
        "upgraded": 1,
        "invalid_id": 1,
    }
    assert [p["row"] for p in report.problems] == [6]
    assert village.execute("SELECT phone FROM person WHERE name = '孔一'").fetchone() == (
        "13812345678",
    )
    assert compute_figures(village).to_json()["by_group"] == {
        "4": {"persons": 7, "eligible": 7, "enrolled": 0, "unpaid": 7, "rate": 0.0, "collected": 0}
    }


def test_the_sheet_with_the_needed_columns_wins_over_a_wider_one(village, tmp_path):
    """A 说明 sheet naming many fields but no 姓名 must not hide the one sheet of people."""
    wb = openpyxl.Workbook()
    wb.active.title = "填表说明"
    wb.active.append(["身份证号码", "户号", "村民小组", "与户主关系", "联系电话", "户主姓名"])
    wb.active.append(["18位，末位X大写", "", "", "", "", ""])
    people = wb.create_sheet("人员")
    people.append(["姓名", "身份证号码"])
    people.append(["张三", ID1])
    report = run_import(village, "roster", save(wb, tmp_path / "r.xlsx"), today=TODAY, actor="王明")
    assert report.sheet == "人员" and counts(report, "imported") == {"imported": 1}


def test_households_by_the_head_s_id_when_members_are_scattered(village, tmp_path):
    """民政 / 医保 rolls name the household by 户主身份证号 and are often sorted by ID, not by household."""
    head_a, head_b = an_id("19600101", 601), an_id("19610101", 611)
    rows = [
        ["姓名", "身份证号码", "户主身份证号码", "与户主关系"],
        ["甲妻", an_id("19620101", 622), head_a, "妻"],
        ["乙", head_b, head_b, ""],  # the head's own row, relation left blank
        ["甲", head_a, head_a, "户主"],
        ["乙子", an_id("19900101", 631), head_b, "子"],
        ["甲子", an_id("19880101", 641), "410724600101601", "子"],  # the head's old 15-digit ID
        ["丙", an_id("19700101", 651), an_id("19700101", 661), "子"],
    ]  # a head not in the file
    wb = openpyxl.Workbook()
    for row in rows:
        wb.active.append(row)
    report = run_import(village, "roster", save(wb, tmp_path / "r.xlsx"), today=TODAY, actor="王明")
    assert counts(report, "imported", "households") == {"imported": 6, "households": 3}
    by_head = village.execute(
        "SELECT h.id, GROUP_CONCAT(p.name, ''), SUM(p.relation = '户主') FROM person p"
        " JOIN household h ON h.id = p.household_id GROUP BY h.id ORDER BY h.id"
    ).fetchall()
    assert [r[1:] for r in by_head] == [("甲妻甲甲子", 1), ("乙乙子", 1), ("丙", 0)]
    again = run_import(village, "roster", tmp_path / "r.xlsx", today=TODAY, actor="王明")
    assert counts(again, "imported", "households", "already_present") == {
        "imported": 0,
        "households": 0,
        "already_present": 6,
    }


def test_group_lines_in_the_name_column_are_not_people(village, tmp_path):
    rows = [
        ["序号", "姓名", "身份证号码", "与户主关系"],
        ["", "一组", "", ""],
        [1, "甲", an_id("19600101", 701), "户主"],
        ["", "二  组", "", ""],
        [2, "乙", an_id("19610101", 711), "户主"],
        [3, "乙妻", an_id("19620101", 722), "妻"],
    ]
    wb = openpyxl.Workbook()
    for row in rows:
        wb.active.append(row)
    report = run_import(village, "roster", save(wb, tmp_path / "r.xlsx"), today=TODAY, actor="王明")
    assert counts(report, "rows", "imported", "households", "invalid_id") == {
        "rows": 3,
        "imported": 3,
        "households": 2,
        "invalid_id": 0,
    }
    by_group = compute_figures(village).to_json()["by_group"]
    assert {g: v["persons"] for g, v in by_group.items()} == {"一组": 1, "二组": 2}


def test_hidden_sheets_are_passed_over_when_a_visible_one_will_do(village, tmp_path):
    wb = openpyxl.Workbook()
    wb.active.title = "2024年"
    wb.active.append(["姓名", "身份证号码"])
    wb.active.append(["张三", ID1])
    hidden = wb.create_sheet("上年")
    hidden.append(["姓名", "身份证号码"])
    hidden.append(["李四", ID2])
    hidden.sheet_state = "hidden"
    report = run_import(village, "roster", save(wb, tmp_path / "r.xlsx"), today=TODAY, actor="王明")
    assert report.sheet == "2024年" and counts(report, "imported") == {"imported": 1}


def test_a_person_without_an_id_whose_note_reads_like_a_footer_is_kept(village, tmp_path):
    rows = [
        ["姓名", "身份证号码", "备注"],
        ["王小宝", "", "注：新生儿，未办身份证"],
        ["", "", "注：本表由村委会填报"],
        ["合计", "", "共1人"],
    ]
    wb = openpyxl.Workbook()
    for row in rows:
        wb.active.append(row)
    report = run_import(village, "roster", save(wb, tmp_path / "r.xlsx"), today=TODAY, actor="王明")
    assert counts(report, "rows", "imported", "invalid_id", "skipped") == {
        "rows": 1,
        "imported": 1,
        "invalid_id": 1,
        "skipped": 0,
    }


def test_cli_names_the_sheets_it_read(cli, db, tmp_path):
    db.close()
    wb = openpyxl.Workbook()
    wb.active.title = "一组"
    wb.active.append(["姓名", "身份证号码"])
    wb.active.append(["甲", ID1])
    other = wb.create_sheet("二组")
    other.append(["姓名", "身份证号码"])
    other.append(["乙", ID2])
    out = cli("import", "roster", str(save(wb, tmp_path / "分组.xlsx"))).stdout
    assert "读了这些工作表：一组、二组" in out and "新增人员 2" in out
    assert cli.json("status")["by_group"].keys() == {"一组", "二组"}


def test_a_refund_sheet_beside_the_payment_sheet_is_not_a_copy(village, tmp_path):
    run_import(
        village, "roster", platform_roster(tmp_path / "roster.xlsx"), today=TODAY, actor="王明"
    )
    header = ["缴费人姓名", "证件号码", "缴费年度", "实缴金额", "电子税票号码"]
    wb = openpyxl.Workbook()
    wb.active.title = "缴费明细"
    for row in (header, ["李桂兰", ID6, 2024, 380, "P1"], ["王五", ID12, 2024, 380, "P2"]):
        wb.active.append(row)
    refunds = wb.create_sheet("退费明细")
    for row in (header, ["李桂兰", ID6, 2024, -380, "R1"], ["王五", ID12, 2024, -380, "R2"]):
        refunds.append(row)
    copy = wb.create_sheet("Sheet3")  # someone pasted the payments again
    for row in (header, ["李桂兰", ID6, 2024, 380, "P1"], ["王五", ID12, 2024, 380, "P2"]):
        copy.append(row)
    report = run_import(
        village, "payments", save(wb, tmp_path / "明细.xlsx"), today=TODAY, actor="王明"
    )
    assert report.sheet == "缴费明细、退费明细"
    assert counts(report, "rows", "recorded") == {"rows": 4, "recorded": 4}
    assert compute_figures(village).to_json()["paid"] == 0
