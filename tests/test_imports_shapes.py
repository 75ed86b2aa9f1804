"""Issue 3 acceptance: files shaped like other counties' (not the sample), counted by hand.

A platform roster with footer lines, a two-row merged header, a roll split into sheets named
after natural villages, a WPS .xls, 民政 / 乡村振兴 / 残联 lists with their own words, and a GBK
电子税务局 CSV with a total line — then the figures of the whole village.
"""

from __future__ import annotations

import csv
import io
from datetime import date, datetime
from pathlib import Path

import openpyxl
import pytest

from enrollagent.core.errors import EnrollError
from enrollagent.core.figures import compute_figures
from enrollagent.core.ids import check_char
from enrollagent.core.policy import policy_from_json
from enrollagent.core.progress import Cancelled, Progress
from enrollagent.core.village import init_village
from enrollagent.db import open_database
from enrollagent.imports import run_import
from enrollagent.imports.cells import risk_eliminated

from .imports_helpers import write_xls

TODAY = date(2023, 12, 31)
POLICY = {
    "name": "验收县 2024年度", "year": 2024, "standard": 380, "government_subsidy": 640,
    "window": {"start": "2023-09-10", "end": "2023-12-31"},
    "subsidies": {"extreme_poverty": {"kind": "full"}, "orphan": {"kind": "full"},
                  "minimum_living": {"kind": "percent", "value": 80},
                  "low_income_edge": {"kind": "percent", "value": 50},
                  "unstable": {"kind": "fixed", "amount": 280},
                  "sudden_hardship": {"kind": "fixed", "amount": 280},
                  "severe_disability": {"kind": "full"}},
}
FULL_WIDTH = str.maketrans("0123456789X", "０１２３４５６７８９Ｘ")


def an_id(birth: str, seq: int, area: str = "410724") -> str:
    body = f"{area}{birth}{seq:03d}"
    return body + check_char(body)


def an_x_id(birth: str, start: int) -> str:
    return next(i for i in (an_id(birth, s) for s in range(start, 999)) if i.endswith("X"))


def upgraded(id15: str) -> str:
    body = id15[:6] + "19" + id15[6:]
    return body + check_char(body)


ID1, ID2, ID3, ID4 = an_id("19650304", 11), an_id("19670512", 22), an_x_id("19900101", 31), an_id("20150607", 42)
ID5_15, ID11_15 = "410724560809051", "410724380101112"
ID5, ID11 = upgraded(ID5_15), upgraded(ID11_15)
ID6, ID7, ID8 = an_id("19581120", 62), an_id("19700202", 71), an_id("20080808", 81)
_ID9 = an_id("19950303", 92)
ID9_BAD = _ID9[:17] + ("1" if _ID9[17] == "0" else "0")
ID10, ID12, ID13, ID14 = an_id("19751010", 102), an_id("19660606", 121), an_id("19690909", 132), an_id("19720707", 141)
STRANGER = an_id("19800808", 151, "410782")


def new_village(path: Path):
    db = open_database(path)
    init_village(db, code="", name="东风村", township="城关镇", county="获嘉县", agent="王明",
                 agent_phone="", policy=policy_from_json(POLICY))
    return db


@pytest.fixture
def village(tmp_path):
    db = new_village(tmp_path / "v.db")
    yield db
    db.close()


def counts(report, *keys: str) -> dict:
    got = report.to_json()
    return {k: got[k] for k in keys}


def save(wb: openpyxl.Workbook, path: Path) -> Path:
    wb.save(path)
    return path


def platform_roster(path: Path) -> Path:
    """国家医保信息平台 export: 户编号, 成员姓名, 证件号码, 所属村组 …; a total and a signature line."""
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(["城乡居民基本医疗保险参保人员信息"])
    ws.merge_cells("A1:N1")
    ws.append(["统筹区：获嘉县    单位名称：东风村民委员会    导出时间：2023-09-01 10:22:33"])
    ws.append(["序号", "户编号", "成员姓名", "证件类型", "证件号码", "性别", "民族", "出生日期", "与户主关系",
               "所属村组", "家庭住址", "联系电话", "参保状态", "人员编号"])
    people = [
        ("01", "赵大山", ID1, "户主", "一组", "13903730001"), ("01", "钱秀英", ID2, "配偶", "一组", ""),
        ("01", "赵小明", ID3.lower(), "之子", "一组", ""), ("01", "赵朵朵", ID4, "孙女", "一组", ""),
        ("02", "孙建国", ID5_15, "户主", "一组", "0373-5551234"), ("02", "李桂兰", ID6.translate(FULL_WIDTH), "妻", "一组", ""),
        ("03", "周强", f"{ID7[:6]} {ID7[6:14]} {ID7[14:]}", "户主", "二组", ""), ("03", "周磊", ID8, "之子", "二组", ""),
        ("03", "周丽", ID9_BAD, "之女", "二组", ""),  # row 12: checksum wrong → 待核实
        ("04", "吴芳", ID10, "户主", "二组", ""), ("04", "郑老太", ID11_15, "母亲", "二组", ""),
        ("05", "王五", ID12, "户主", "三组", ""), ("05", "冯梅", ID13, "配偶", "三组", ""),
        ("05", "王五", ID12, "户主", "三组", ""),  # row 17: the same person again
        ("06", "陈六", ID14, "户主", "三组", ""), ("06", "陈七", "", "之子", "三组", ""),  # row 19: no ID yet
    ]
    for n, (hh, name, idn, rel, group, phone) in enumerate(people, 1):
        ws.append([n, "41072400100" + hh, name, "居民身份证（户口簿）", idn, "", "汉族", "", rel, group,
                   f"东风村{group}", phone, "正常参保", f"4107{n:08d}"])
    ws.append(["合计：16人"])
    # A signature line whose 审核人 sits in the name column: not a person.
    ws.append(["制表人：张会计", "", "审核人：李主任", "", "", "", "", "导出日期：2023-09-01"])
    return save(wb, path)


def minzheng_list(path: Path) -> Path:
    """民政 低保/特困 list: 保障类别 with county words, household members, a total line."""
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(["获嘉县农村低保、特困人员花名册（2023年12月）"])
    ws.merge_cells("A1:J1")
    ws.append(["序号", "乡镇", "村（居）", "户主姓名", "成员姓名", "与户主关系", "身份证号码", "保障类别", "保障人数",
               "月保障金额（元）"])
    rows = [("赵大山", "赵大山", ID1, "农村低保"), ("赵大山", "钱秀英", ID2, "农村低保"),
            ("孙建国", "孙建国", ID5_15, "农村特困供养"), ("周强", "周磊", ID8, "孤儿"),
            ("外村", "外村人", STRANGER, "农村低保"), ("吴芳", "吴某", ID10, "城市低保"),
            ("王五", "王五", ID12, "低保边缘户"), ("陈六", "陈六", ID14, "临时救助")]
    for n, (head, name, idn, cat) in enumerate(rows, 1):
        ws.append([n, "城关镇", "东风村", head, name, "", idn, cat, 2, 500])
    ws.append(["合计", "", "", "", "", "", "", "", 16, 4000])
    return save(wb, path)


def jiuzhu_csv(path: Path) -> Path:
    """救助对象类别 in a UTF-8 (BOM) CSV; one person listed under two identities."""
    rows = [["姓名", "身份证号", "救助对象类别", "救助金额"], ["周强", ID7, "特困人员", 300],
            ["冯梅", ID13, "低保对象（一类）", 200], ["赵朵朵", ID4, "事实无人抚养儿童", 900], ["周强", ID7, "低保对象", 200]]
    buf = io.StringIO()
    csv.writer(buf, lineterminator="\r\n").writerows(rows)
    path.write_bytes(buf.getvalue().encode("utf-8-sig"))
    return path


def canlian_list(path: Path) -> Path:
    """残联: 残疾等级 as 一级 / 肆级 / 贰级 / number cells, a 20-digit 残疾证号 beside the ID."""
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(["持证残疾人名单"])
    ws.append(["序号", "姓名", "性别", "身份证号", "残疾证号", "残疾类别", "残疾等级", "联系电话", "地址"])
    rows = [("郑老太", ID11_15, "肢体", "一级"), ("陈六", ID14, "视力", "二级"), ("李桂兰", ID6, "听力", "三级"),
            ("钱秀英", ID2, "肢体", "肆级"), ("周丽", ID9_BAD, "言语", "二级"), ("冯梅", ID13, "智力", 2),
            ("吴芳", ID10, "精神", 1), ("赵小明", ID3, "肢体", "贰级")]
    for n, (name, idn, kind, grade) in enumerate(rows, 1):
        ws.append([n, name, "", idn, idn + "12", kind, grade, "", "东风村"])
    return save(wb, path)


def monitoring_list(path: Path) -> Path:
    """乡村振兴 防返贫监测: 监测对象类别, 风险是否消除 (是 / 否 / blank) next to 风险消除方式."""
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(["防返贫监测对象信息表"])
    ws.append(["填报单位：城关镇"] + [""] * 13 + ["日期：2023-11-30"])
    ws.append(["序号", "县", "乡(镇)", "行政村", "户编号", "户主姓名", "成员姓名", "证件号码", "与户主关系", "人数",
               "监测对象类别", "识别监测时间", "风险是否消除", "风险消除方式", "风险消除时间"])
    rows = [("王五", ID12, "脱贫不稳定户", "否"), ("冯梅", ID13, "脱贫不稳定户", "否"),
            ("周强", ID7, "边缘易致贫户", "是"), ("周磊", ID8, "边缘易致贫户", "是"),
            ("周丽", ID9_BAD, "边缘易致贫户", "否"), ("孔某", an_id("19550505", 501), "突发严重困难户", "否"),
            ("吴芳", ID10, "突发严重困难户", "")]
    for n, (name, idn, cat, risk) in enumerate(rows, 1):
        ws.append([n, "获嘉县", "城关镇", "东风村", f"41072400{n:04d}", name, name, idn, "", 3, cat, 202303, risk,
                   "帮扶消除" if risk == "是" else "", "2023-10-01" if risk == "是" else ""])
    return save(wb, path)


def etax_csv(path: Path) -> Path:
    """电子税务局 GBK CSV: tab-prefixed numbers, 费款所属期 as dates or 202401, times, a 合计 line."""
    medical, pension = ("基本医疗保险费", "城乡居民基本医疗保险"), ("基本养老保险费", "城乡居民基本养老保险")
    year = ("2024-01-01", "2024-12-31")

    def line(n, name, idn, item, start, end, amount, ticket, when, how):
        return [n, "\t" + idn, name, "居民身份证", "\t" + idn, *item, start, end, amount, "\t3412352" + ticket, when, how,
                "城关税务分局"]

    rows = [
        ["城乡居民社会保险费缴费明细"], ["查询条件：入库日期 2022-09-01 至 2023-12-31"],
        ["序号", "纳税人识别号", "缴费人姓名", "证件类型", "证件号码", "征收项目", "征收品目", "费款所属期起", "费款所属期止",
         "实缴金额(元)", "电子税票号码", "入库日期", "缴费方式", "主管税务所（科、分局）"],
        line(1, "赵大山", ID1, medical, *year, "76.00", "30000001001", "2023-10-08 10:11:12", "微信"),
        line(2, "钱秀英", ID2, medical, *year, "76.00", "30000001002", "2023-10-08 10:12:40", "微信"),
        line(3, "李桂兰", ID6, medical, *year, "380.00", "30000001003", "2023-10-09 08:00:01", "支付宝"),
        line(4, "李桂兰", ID6, medical, *year, "380.00", "30000001003", "2023-10-09 08:00:01", "支付宝"),
        line(5, "王五", ID12, medical, "202401", "202412", "100.00", "30000001004", "2023-11-01 15:30:00", "银行柜台"),
        line(6, "王五", ID12, pension, *year, "200.00", "30000001005", "2023-11-01 15:31:00", "银行柜台"),
        line(7, "冯梅", ID13, pension, *year, "100.00", "30000001006", "2023-11-01 15:32:00", "银行柜台"),
        line(8, "周丽", ID9_BAD, medical, *year, "380.00", "30000001007", "2023-11-02 09:00:00", "微信"),
        line(9, "外村人", STRANGER, medical, *year, "380.00", "30000001008", "2023-11-02 09:10:00", "微信"),
        line(10, "陈六", ID14, medical, *year, "380.00", "30000001009", "2023-11-03 11:00:00", "税务APP"),
        line(11, "吴芳", ID10, medical, "2023-01-01", "2023-12-31", "350.00", "20000001010", "2022-11-03 11:00:00", "微信"),
        line(12, "李桂兰", ID6, medical, *year, "380.00", "30000001012", "2023-11-05 11:00:00", "微信"),
        line(13, "李桂兰", ID6, medical, *year, "-380.00", "30000001013", "2023-12-01 11:00:00", "微信"),
        ["合计", "", "", "", "", "", "", "", "", "1,872.00"],
    ]
    buf = io.StringIO()
    csv.writer(buf, lineterminator="\r\n").writerows(rows)
    path.write_bytes(buf.getvalue().encode("gbk"))
    return path


def test_a_village_from_other_counties_files(village, tmp_path):
    report = run_import(village, "roster", platform_roster(tmp_path / "参保人员信息.xlsx"), today=TODAY)
    assert counts(report, "rows", "imported", "households", "duplicates", "invalid_id", "upgraded", "skipped") == \
        {"rows": 16, "imported": 15, "households": 6, "duplicates": 1, "invalid_id": 2, "upgraded": 2, "skipped": 0}
    assert {p["row"] for p in report.problems} == {12, 17, 19}
    assert report.columns["group"] == "所属村组" and report.columns["hh_no"] == "户编号"
    assert village.execute("SELECT COUNT(*) FROM person WHERE name LIKE '%审核%'").fetchone()[0] == 0

    groups = [(minzheng_list(tmp_path / "低保特困.xlsx"), {"rows": 8, "flagged": 6, "not_in_roster": 1, "skipped": 1, "name_mismatch": 1}),
              (jiuzhu_csv(tmp_path / "救助对象.csv"), {"rows": 4, "flagged": 3, "not_in_roster": 0, "skipped": 0, "name_mismatch": 0}),
              (canlian_list(tmp_path / "残疾人.xlsx"), {"rows": 8, "flagged": 5, "not_in_roster": 1, "skipped": 2, "name_mismatch": 0}),
              (monitoring_list(tmp_path / "监测对象.xlsx"), {"rows": 7, "flagged": 3, "not_in_roster": 2, "skipped": 2, "name_mismatch": 0})]
    for path, expect in groups:
        report = run_import(village, "groups", path, today=TODAY)
        assert counts(report, *expect) == expect, path.name
    reasons = {p["row"]: p["reason"] for p in run_import(village, "groups", tmp_path / "残疾人.xlsx", dry_run=True,
                                                         today=TODAY).problems}
    assert "肆级" in reasons[6] and "不是一、二级" in reasons[6]

    pay = etax_csv(tmp_path / "缴费明细.csv")
    report = run_import(village, "payments", pay, today=TODAY)
    assert counts(report, "rows", "recorded", "already_recorded", "ignored", "not_in_roster", "other_year", "skipped") == \
        {"rows": 13, "recorded": 7, "already_recorded": 1, "ignored": 2, "not_in_roster": 2, "other_year": 1, "skipped": 0}
    # Every row not taken is reported with its row in the file (title 1–2, header 3, 合计 17).
    reasons = {p["row"]: p["reason"] for p in report.problems}
    assert set(reasons) == {7, 9, 10, 11, 12, 14}
    assert "与第6行相同" in reasons[7] and "养老" in reasons[9] and "2023年度" in reasons[14]
    assert "待认领" in reasons[11] and "待认领" in reasons[12]
    again = run_import(village, "payments", pay, today=TODAY)
    assert counts(again, "recorded", "already_recorded", "ignored", "not_in_roster", "other_year") == \
        {"recorded": 0, "already_recorded": 10, "ignored": 2, "not_in_roster": 0, "other_year": 1}

    figures = compute_figures(village).to_json()
    assert {k: figures[k] for k in ("persons", "eligible", "paid", "subsidized", "enrolled", "unpaid", "rate", "collected")} == \
        {"persons": 15, "eligible": 15, "paid": 4, "subsidized": 9, "enrolled": 13, "unpaid": 2, "rate": 0.8667,
         "collected": 1012}
    assert figures["attention"] == {"invalid_id": 2, "double_paid": 0, "refund_due": 1, "unmatched_payments": 2}
    assert {c: v["persons"] for c, v in figures["special"].items() if v["persons"]} == {
        "extreme_poverty": 2, "minimum_living": 5, "low_income_edge": 1, "orphan": 2, "unstable": 2,
        "sudden_hardship": 1, "severe_disability": 5}
    assert all(v["enrolled"] == v["persons"] for v in figures["special"].values())

    # A roll sheet as this app writes it: 花名册 (title, header, 合计 line) and its copy 数据.
    people = village.execute("SELECT p.name, p.id_number, h.hh_no, p.relation FROM person p"
                             " JOIN household h ON h.id = p.household_id ORDER BY p.id").fetchall()
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
    report = run_import(other, "roster", save(wb, tmp_path / "roll.xlsx"), today=TODAY)
    assert report.sheet == "花名册"
    assert counts(report, "rows", "imported", "households", "invalid_id", "duplicates") == \
        {"rows": 15, "imported": 15, "households": 6, "invalid_id": 2, "duplicates": 0}
    other.close()


def test_two_row_merged_header_with_households_merged_down(village, tmp_path):
    wb = openpyxl.Workbook()
    ws = wb.active
    ws["A1"] = "城关镇东风村2024年度城乡居民医保参保花名册"
    ws["A2"] = "填报单位（盖章）：东风村委会                 填报日期：2023年9月"
    ws["A3"], ws["B3"], ws["E3"], ws["I3"], ws["J3"] = "序号", "户主信息", "家庭成员信息", "联系电话", "备注"
    for col, title in zip("BCDEFGH", ["户号", "户主姓名", "组别", "姓名", "身份证号码", "与户主关系", "人员类别"],
                          strict=True):
        ws[f"{col}4"] = title
    for rng in ("A1:J1", "A2:J2", "A3:A4", "B3:D3", "E3:H3", "I3:I4", "J3:J4"):
        ws.merge_cells(rng)
    households = [
        (1, "刘一", "一组", [("刘一", an_id("19600101", 201), "户主", "低保"), ("刘二", an_id("19620202", 212), "妻", "低保"),
                            ("刘三", an_id("19850303", 221), "子", "")]),
        (2, "陈大", "一组", [("陈大", an_id("19400404", 231), "户主", "特困")]),
        (3, "杨光", "二组", [("杨光", an_id("19700505", 241), "户主", ""), ("杨明", an_x_id("19950505", 250).lower(), "子", ""),
                            ("杨柳", "410724650606261", "父亲", "")]),
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
    report = run_import(village, "roster", save(wb, tmp_path / "花名册.xlsx"), today=TODAY)
    assert report.header_row == 3
    assert counts(report, "rows", "imported", "households", "upgraded", "invalid_id", "flagged") == \
        {"rows": 7, "imported": 7, "households": 3, "upgraded": 1, "invalid_id": 0, "flagged": 3}
    figures = compute_figures(village).to_json()
    assert figures["by_group"]["一组"]["persons"] == 4 and figures["subsidized"] == 1
    assert village.execute("SELECT COUNT(*) FROM person WHERE relation = '户主'").fetchone()[0] == 3


def test_roll_split_into_sheets_named_after_natural_villages(village, tmp_path):
    wb = openpyxl.Workbook()
    wb.active.title = "汇总"
    for row in (["组别", "户数", "人数"], ["后寨组", 2, 3], ["前寨组", 1, 2], ["东街", 1, 2]):
        wb.active.append(row)
    sheets = {
        "后寨组花名册": [("马一", an_id("19700101", 301), "户主", "马一"), ("马二", an_id("19710101", 312), "妻", "马一"),
                     ("牛三", an_id("19720101", 321), "户主", "牛三")],
        "前寨组": [("马一", an_id("19730101", 331), "户主", "马一"), ("马小", an_id("20000101", 341), "子", "马一")],
        "东街": [("朱八", an_id("19740101", 351), "户主", "朱八"), ("朱九", an_id("19750101", 362), "女", "朱八")],
    }
    for name, people in sheets.items():
        ws = wb.create_sheet(name)
        ws.append([f"{name}"])
        ws.append(["序号", "姓名", "性别", "身份证号", "与户主关系", "户主", "联系电话"])
        for n, (person, idn, relation, head) in enumerate(people, 1):
            ws.append([n, person, "", idn, relation, head, ""])
    report = run_import(village, "roster", save(wb, tmp_path / "分组花名册.xlsx"), today=TODAY)
    assert report.sheet == "后寨组花名册、前寨组、东街"
    assert counts(report, "rows", "imported", "households") == {"rows": 7, "imported": 7, "households": 4}
    by_group = compute_figures(village).to_json()["by_group"]
    assert {g: v["persons"] for g, v in by_group.items()} == {"后寨组": 3, "前寨组": 2, "东街": 2}


def test_wps_xls_with_number_cells(village, tmp_path):
    rows = [["4组人员花名册"], ["公民身份号码", "姓名", "组", "户主", "关系", "电话"],
            [an_id("19500101", 401), "孔一", 4.0, "孔一", "户主", 13812345678.0],
            [an_x_id("19520101", 410).lower(), "孔二", 4.0, "孔一", "妻", ""],
            [float("410724750101421"), "孔三", 4.0, "孔一", "子", ""],  # 15 digits in a number cell: exact
            [float(an_id("19600101", 432)), "曹一", 4.0, "曹一", "户主", ""],  # 18 digits: rounded
            [],
            [an_id("19610101", 442), "曹二", 4.0, "曹一", "妻", ""],
            [an_id("19620101", 451).translate(FULL_WIDTH), "严一", 4.0, "严一", "户主", ""],
            ["'" + an_id("19900101", 462), "严二", 4.0, "严一", "女", ""]]
    report = run_import(village, "roster", write_xls(tmp_path / "4组.xls", rows), today=TODAY)
    assert counts(report, "rows", "imported", "households", "upgraded", "invalid_id") == \
        {"rows": 7, "imported": 7, "households": 3, "upgraded": 1, "invalid_id": 1}
    assert [p["row"] for p in report.problems] == [6]
    assert village.execute("SELECT phone FROM person WHERE name = '孔一'").fetchone() == ("13812345678",)
    assert compute_figures(village).to_json()["by_group"] == {
        "4": {"persons": 7, "eligible": 7, "enrolled": 0, "unpaid": 7, "rate": 0.0, "collected": 0}}


def test_insurance_platform_details_and_subsidy_requests(village, tmp_path):
    """医保 居民缴费明细 (险种类型 as words or 390, 缴费年度, 个人缴费金额 beside 财政补助金额 and
    其他缴费金额) and a 税务请款明细 of 代缴: subsidies never count as anyone's own money."""
    run_import(village, "roster", platform_roster(tmp_path / "roster.xlsx"), today=TODAY)
    run_import(village, "groups", minzheng_list(tmp_path / "mz.xlsx"), today=TODAY)
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(["居民缴费明细查询"])
    ws.append(["序号", "单位名称", "人员编号", "人员姓名", "证件号码", "险种类型", "缴费年度", "个人缴费金额", "财政补助金额",
               "其他缴费金额", "缴费总金额", "电子税票号码", "缴费时间", "核销标志"])
    when = datetime(2023, 10, 12, 9, 30, 5)
    lines = [("赵大山", ID1, "城乡居民基本医疗保险", 2024, 76, 0), ("李桂兰", ID6, 390, 2024, 380, 0),
             ("孙建国", ID5, "城乡居民基本医疗保险", 2024, 0, 380),  # 特困: the subsidy alone
             ("王五", ID12, "城乡居民基本医疗保险", 2023, 350, 0), ("周强", ID7, 310, 2024, 1200, 0),
             ("外村人", STRANGER, "城乡居民基本医疗保险", 2024, 380, 0)]
    for n, (name, idn, item, year, own, other) in enumerate(lines, 1):
        ws.append([n, "东风村", f"41{n:08d}", name, idn, item, year, own, 640, other, own + 640 + other, f"PT{n:04d}",
                   when, "已核销"])
    report = run_import(village, "payments", save(wb, tmp_path / "居民缴费明细.xlsx"), today=TODAY)
    assert counts(report, "rows", "recorded", "other_year", "ignored", "not_in_roster", "skipped") == \
        {"rows": 6, "recorded": 3, "other_year": 1, "ignored": 1, "not_in_roster": 1, "skipped": 0}
    assert report.columns["fund_subsidy"] == "财政补助金额"

    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(["税务请款明细"])
    ws.append(["序号", "镇（街）", "姓名", "身份证号码", "人员编号", "代缴类别", "参保类别", "代缴金额", "个人缴费金额",
               "缴费总额", "请款批次"])
    ws.append([1, "城关镇", "钱秀英", ID2, "x", "低保对象", "居民一档", 304, 76, 380, "第一批"])
    report = run_import(village, "payments", save(wb, tmp_path / "请款明细.xlsx"), today=TODAY)
    assert counts(report, "rows", "recorded") == {"rows": 1, "recorded": 1}
    kinds = village.execute("SELECT kind, SUM(amount_fen) FROM payment GROUP BY kind ORDER BY kind").fetchall()
    assert kinds == [("personal", (76 + 380 + 76) * 100), ("subsidy", (380 + 304) * 100)]
    assert village.execute("SELECT paid_on FROM payment WHERE ticket_no = 'PT0001'").fetchone() == ("2023-10-12",)
    figures = compute_figures(village).to_json()
    # paid: 赵大山 and 钱秀英 (76 each after 低保), 李桂兰; 孙建国 subsidised, no refund for anyone.
    assert (figures["paid"], figures["collected"], figures["attention"]["refund_due"]) == (3, 532, 0)


def test_risk_eliminated_in_the_words_lists_use():
    for yes in ("是", "已消除", "是（帮扶消除）", "风险已消除", "Y", "√"):
        assert risk_eliminated(yes), yes
    for no in ("否", "未消除", "", None, "否（未消除）", "无"):
        assert not risk_eliminated(no), no


def test_the_sheet_with_the_needed_columns_wins_over_a_wider_one(village, tmp_path):
    """A 说明 sheet naming many fields but no 姓名 must not hide the one sheet of people."""
    wb = openpyxl.Workbook()
    wb.active.title = "填表说明"
    wb.active.append(["身份证号码", "户号", "村民小组", "与户主关系", "联系电话", "户主姓名"])
    wb.active.append(["18位，末位X大写", "", "", "", "", ""])
    people = wb.create_sheet("人员")
    people.append(["姓名", "身份证号码"])
    people.append(["张三", ID1])
    report = run_import(village, "roster", save(wb, tmp_path / "r.xlsx"), today=TODAY)
    assert report.sheet == "人员" and counts(report, "imported") == {"imported": 1}


def test_households_by_the_head_s_id_when_members_are_scattered(village, tmp_path):
    """民政 / 医保 rolls name the household by 户主身份证号 and are often sorted by ID, not by household."""
    head_a, head_b = an_id("19600101", 601), an_id("19610101", 611)
    rows = [["姓名", "身份证号码", "户主身份证号码", "与户主关系"],
            ["甲妻", an_id("19620101", 622), head_a, "妻"],
            ["乙", head_b, head_b, ""],  # the head's own row, relation left blank
            ["甲", head_a, head_a, "户主"],
            ["乙子", an_id("19900101", 631), head_b, "子"],
            ["甲子", an_id("19880101", 641), "410724600101601", "子"],  # the head's old 15-digit ID
            ["丙", an_id("19700101", 651), an_id("19700101", 661), "子"]]  # a head not in the file
    wb = openpyxl.Workbook()
    for row in rows:
        wb.active.append(row)
    report = run_import(village, "roster", save(wb, tmp_path / "r.xlsx"), today=TODAY)
    assert counts(report, "imported", "households") == {"imported": 6, "households": 3}
    by_head = village.execute("SELECT h.id, GROUP_CONCAT(p.name, ''), SUM(p.relation = '户主') FROM person p"
                              " JOIN household h ON h.id = p.household_id GROUP BY h.id ORDER BY h.id").fetchall()
    assert [r[1:] for r in by_head] == [("甲妻甲甲子", 1), ("乙乙子", 1), ("丙", 0)]
    again = run_import(village, "roster", tmp_path / "r.xlsx", today=TODAY)
    assert counts(again, "imported", "households", "already_present") == {"imported": 0, "households": 0,
                                                                          "already_present": 6}


def test_group_lines_in_the_name_column_are_not_people(village, tmp_path):
    rows = [["序号", "姓名", "身份证号码", "与户主关系"],
            ["", "一组", "", ""], [1, "甲", an_id("19600101", 701), "户主"],
            ["", "二  组", "", ""], [2, "乙", an_id("19610101", 711), "户主"], [3, "乙妻", an_id("19620101", 722), "妻"]]
    wb = openpyxl.Workbook()
    for row in rows:
        wb.active.append(row)
    report = run_import(village, "roster", save(wb, tmp_path / "r.xlsx"), today=TODAY)
    assert counts(report, "rows", "imported", "households", "invalid_id") == \
        {"rows": 3, "imported": 3, "households": 2, "invalid_id": 0}
    by_group = compute_figures(village).to_json()["by_group"]
    assert {g: v["persons"] for g, v in by_group.items()} == {"一组": 1, "二组": 2}


def test_a_department_list_taken_for_payments_is_refused(village, tmp_path):
    """月保障金额 / 救助金额 are allowances, not payments: the wrong kind of import records nothing."""
    run_import(village, "roster", platform_roster(tmp_path / "roster.xlsx"), today=TODAY)
    for path in (minzheng_list(tmp_path / "低保.xlsx"), jiuzhu_csv(tmp_path / "救助.csv")):
        with pytest.raises(EnrollError) as err:
            run_import(village, "payments", path, today=TODAY)
        assert err.value.code == "import_missing_column" and "缴费金额" in err.value.message
    assert village.execute("SELECT COUNT(*) FROM payment").fetchone()[0] == 0


def test_hidden_sheets_are_passed_over_when_a_visible_one_will_do(village, tmp_path):
    wb = openpyxl.Workbook()
    wb.active.title = "2024年"
    wb.active.append(["姓名", "身份证号码"])
    wb.active.append(["张三", ID1])
    hidden = wb.create_sheet("上年")
    hidden.append(["姓名", "身份证号码"])
    hidden.append(["李四", ID2])
    hidden.sheet_state = "hidden"
    report = run_import(village, "roster", save(wb, tmp_path / "r.xlsx"), today=TODAY)
    assert report.sheet == "2024年" and counts(report, "imported") == {"imported": 1}


def test_a_disability_list_by_card_number_alone(village, tmp_path):
    """残联 lists name people by the 20-character 残疾人证号: the ID, the kind (1–7), the grade (1–4)."""
    run_import(village, "roster", platform_roster(tmp_path / "roster.xlsx"), today=TODAY)
    rows = [["残疾人名单"], ["序号", "姓名", "残疾人证号", "残疾类别"],
            [1, "郑老太", ID11 + "41", "肢体"], [2, "陈六", ID14 + "12", "视力"], [3, "李桂兰", ID6 + "23", "听力"],
            [4, "冯梅", ID13 + "5", "智力"],  # 19 characters: not a card number
            [5, "吴芳", f" {ID10.lower()}42 ", "精神"]]
    wb = openpyxl.Workbook()
    for row in rows:
        wb.active.append(row)
    report = run_import(village, "groups", save(wb, tmp_path / "残联.xlsx"), today=TODAY)
    assert report.columns["id"] == "残疾人证号"
    assert counts(report, "rows", "flagged", "skipped", "not_in_roster") == \
        {"rows": 5, "flagged": 3, "skipped": 2, "not_in_roster": 0}
    flagged = {r[0] for r in village.execute("SELECT p.name FROM special_flag f JOIN person p ON p.id = f.person_id")}
    assert flagged == {"郑老太", "陈六", "吴芳"}
    reasons = {p["row"]: p["reason"] for p in report.problems}
    assert "3级" in reasons[5] and "不是20位" in reasons[6]


def test_category_words_of_the_list_s_own_and_the_command_line(village, tmp_path):
    """A 低保 list whose 保障类别 says only 农村 / 城市: skipped with the word named, or flagged as
    the agent says with --category; a category the row does name still wins."""
    run_import(village, "roster", platform_roster(tmp_path / "roster.xlsx"), today=TODAY)
    rows = [["户主姓名", "姓名", "身份证号码", "保障类别"], ["赵大山", "赵大山", ID1, "农村"], ["赵大山", "钱秀英", ID2, "农村"],
            ["吴芳", "吴芳", ID10, "特困"]]
    wb = openpyxl.Workbook()
    for row in rows:
        wb.active.append(row)
    path = save(wb, tmp_path / "低保.xlsx")
    report = run_import(village, "groups", path, dry_run=True, today=TODAY)
    assert counts(report, "flagged", "skipped") == {"flagged": 1, "skipped": 2}
    assert "“农村”不认识" in report.problems[0]["reason"]
    report = run_import(village, "groups", path, category="minimum_living", today=TODAY)
    assert counts(report, "flagged", "skipped") == {"flagged": 3, "skipped": 0}
    flags = village.execute("SELECT p.name, f.category FROM special_flag f JOIN person p ON p.id = f.person_id"
                            " ORDER BY p.id").fetchall()
    assert flags == [("赵大山", "minimum_living"), ("钱秀英", "minimum_living"), ("吴芳", "extreme_poverty")]


def test_refunds_and_voided_tickets_marked_in_words(village, tmp_path):
    """Exports that keep amounts positive and say 退费 in 类型说明, or 是 under 退费标志 / 作废标志."""
    run_import(village, "roster", platform_roster(tmp_path / "roster.xlsx"), today=TODAY)
    rows = [["缴费人姓名", "证件号码", "缴费年度", "实缴金额", "电子税票号码", "类型说明", "退费标志", "作废标志"],
            ["李桂兰", ID6, 2024, 380, "T1", "正常缴费", "否", "否"],
            ["李桂兰", ID6, 2024, 380, "T2", "退费", "", ""],  # a refund with its own ticket
            ["王五", ID12, 2024, 380, "T3", "正常缴费", "否", "否"],
            ["王五", ID12, 2024, 380, "T3X", "正常缴费", "否", "是"],  # voided: not a payment
            ["冯梅", ID13, 2024, 380, "T4", "未退费", "", ""],
            ["陈六", ID14, 2024, 380, "T5", "", "否", ""],
            ["陈六", ID14, 2024, 380, "T5", "", "是", ""]]  # 冲正 of T5 by the same ticket
    wb = openpyxl.Workbook()
    for row in rows:
        wb.active.append(row)
    path = save(wb, tmp_path / "退费.xlsx")
    report = run_import(village, "payments", path, today=TODAY)
    assert counts(report, "rows", "recorded", "skipped", "already_recorded") == \
        {"rows": 7, "recorded": 6, "skipped": 1, "already_recorded": 0}
    assert "作废" in {p["row"]: p["reason"] for p in report.problems}[5]
    net = dict(village.execute("SELECT p.name, SUM(y.amount_fen) FROM payment y JOIN person p ON p.id = y.person_id"
                               " GROUP BY p.id").fetchall())
    assert net == {"李桂兰": 0, "王五": 38000, "冯梅": 38000, "陈六": 0}
    assert village.execute("SELECT COUNT(*) FROM payment WHERE reverses_id IS NOT NULL").fetchone()[0] == 1
    figures = compute_figures(village).to_json()
    assert (figures["paid"], figures["collected"]) == (2, 760)
    again = run_import(village, "payments", path, today=TODAY)
    assert counts(again, "recorded", "already_recorded", "skipped") == {"recorded": 0, "already_recorded": 6, "skipped": 1}


def test_a_person_without_an_id_whose_note_reads_like_a_footer_is_kept(village, tmp_path):
    rows = [["姓名", "身份证号码", "备注"], ["王小宝", "", "注：新生儿，未办身份证"], ["", "", "注：本表由村委会填报"],
            ["合计", "", "共1人"]]
    wb = openpyxl.Workbook()
    for row in rows:
        wb.active.append(row)
    report = run_import(village, "roster", save(wb, tmp_path / "r.xlsx"), today=TODAY)
    assert counts(report, "rows", "imported", "invalid_id", "skipped") == \
        {"rows": 1, "imported": 1, "invalid_id": 1, "skipped": 0}


def test_cancelling_a_payment_import_leaves_nothing(village, tmp_path):
    run_import(village, "roster", platform_roster(tmp_path / "roster.xlsx"), today=TODAY)
    before = [village.execute(f"SELECT COUNT(*) FROM {t}").fetchone()[0]
              for t in ("payment", "unmatched_payment", "audit_log", "import_log")]
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
        run_import(village, "payments", path, progress=progress, today=TODAY)
    after = [village.execute(f"SELECT COUNT(*) FROM {t}").fetchone()[0]
             for t in ("payment", "unmatched_payment", "audit_log", "import_log")]
    assert after == before


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


def test_a_list_with_both_a_category_and_a_disability_grade(village, tmp_path):
    run_import(village, "roster", platform_roster(tmp_path / "roster.xlsx"), today=TODAY)
    rows = [["姓名", "身份证号码", "人员类别", "残疾等级"], ["李桂兰", ID6, "低保", "一级"], ["王五", ID12, "低保", "三级"],
            ["冯梅", ID13, "", "二级"], ["周强", ID7, "", "四级"]]
    wb = openpyxl.Workbook()
    for row in rows:
        wb.active.append(row)
    report = run_import(village, "groups", save(wb, tmp_path / "低保残疾.xlsx"), today=TODAY)
    assert counts(report, "flagged", "skipped") == {"flagged": 3, "skipped": 1}
    flags: dict[str, set] = {}
    for name, category in village.execute("SELECT p.name, f.category FROM special_flag f JOIN person p"
                                          " ON p.id = f.person_id"):
        flags.setdefault(name, set()).add(category)
    assert flags == {"李桂兰": {"minimum_living", "severe_disability"}, "冯梅": {"severe_disability"},
                     "王五": {"minimum_living"}}
    assert compute_figures(village).to_json()["subsidized"] == 2  # 一级 and 二级: full subsidy


def test_a_refund_sheet_beside_the_payment_sheet_is_not_a_copy(village, tmp_path):
    run_import(village, "roster", platform_roster(tmp_path / "roster.xlsx"), today=TODAY)
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
    report = run_import(village, "payments", save(wb, tmp_path / "明细.xlsx"), today=TODAY)
    assert report.sheet == "缴费明细、退费明细"
    assert counts(report, "rows", "recorded") == {"rows": 4, "recorded": 4}
    assert compute_figures(village).to_json()["paid"] == 0
