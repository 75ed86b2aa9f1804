"""Builders for the files import tests read: xlsx (openpyxl), xls (xlwt), CSV in any encoding;
and a village's files shaped like other counties' (issue 3 acceptance, counted by hand)."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date
from pathlib import Path

import openpyxl

from enrollagent.core.ids import check_char
from enrollagent.core.lane import write
from enrollagent.core.policy import policy_from_json
from enrollagent.core.progress import NO_PROGRESS
from enrollagent.core.village import get_village, init_village
from enrollagent.db import open_database
from enrollagent.imports.job import ImportReport, Job


def make_id(n: int, birth: str = "19800101", area: str = "411725") -> str:
    """A valid 18-digit ID; n picks the sequence (odd = male)."""
    body = f"{area}{birth}{n % 1000:03d}"
    return body + check_char(body)


def make_id15(n: int, birth: str = "600828", area: str = "411725") -> str:
    """A legacy 15-digit ID (YYMMDD)."""
    return f"{area}{birth}{n % 1000:03d}"


def write_xlsx(
    path: Path,
    rows: list[list[object]],
    *,
    merge: list[str] = (),
    sheet: str = "Sheet1",
    extra_sheets: dict[str, list[list[object]]] | None = None,
) -> Path:
    """Rows as given (str stays text, float/int become number cells); `merge` like ["A1:H1"]."""
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = sheet
    for r, row in enumerate(rows, 1):
        for c, value in enumerate(row, 1):
            if value is not None and value != "":
                ws.cell(row=r, column=c, value=value)
    for rng in merge:
        ws.merge_cells(rng)
    for name, more in (extra_sheets or {}).items():
        other = wb.create_sheet(name)
        for row in more:
            other.append(row)
    wb.save(path)
    return path


def write_xls(path: Path, rows: list[list[object]]) -> Path:
    import xlwt

    wb = xlwt.Workbook(encoding="utf-8")
    ws = wb.add_sheet("Sheet1")
    for r, row in enumerate(rows):
        for c, value in enumerate(row):
            if value is not None and value != "":
                ws.write(r, c, value)
    wb.save(str(path))
    return path


def write_csv(
    path: Path, rows: list[list[object]], *, encoding: str = "utf-8", delimiter: str = ","
) -> Path:
    buf = io.StringIO()
    csv.writer(buf, delimiter=delimiter, lineterminator="\r\n").writerows(rows)
    path.write_bytes(buf.getvalue().encode(encoding))
    return path


def job_for(
    db, kind: str, *, file_name: str = "明细.xlsx", today: date = date(2023, 12, 31)
) -> Job:
    """The Job run_import would give an importer, for testing one of its steps alone."""
    report = ImportReport(kind=kind, file_name=file_name, header_row=1, columns={})
    return Job(
        db=db,
        year=get_village(db).current_year,
        file_name=file_name,
        actor="王明",
        today=today,
        progress=NO_PROGRESS,
        category=None,
        report=report,
    )


@contextmanager
def writing(job: Job) -> Iterator[None]:
    """The lane run_import opens around an importer."""
    with write(job.db, actor=job.actor, op=f"import_{job.report.kind}", reason=job.file_name) as w:
        job.w = w
        yield


# A village 东风村 and its files as other counties' systems write them.
COUNTY_TODAY = date(2023, 12, 31)
POLICY = {
    "name": "验收县 2024年度",
    "year": 2024,
    "standard": 380,
    "government_subsidy": 640,
    "window": {"start": "2023-09-10", "end": "2023-12-31"},
    "subsidies": {
        "extreme_poverty": {"kind": "full"},
        "orphan": {"kind": "full"},
        "minimum_living": {"kind": "percent", "value": 80},
        "low_income_edge": {"kind": "percent", "value": 50},
        "unstable": {"kind": "fixed", "amount": 280},
        "sudden_hardship": {"kind": "fixed", "amount": 280},
        "severe_disability": {"kind": "full"},
    },
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


ID1, ID2, ID3, ID4 = (
    an_id("19650304", 11),
    an_id("19670512", 22),
    an_x_id("19900101", 31),
    an_id("20150607", 42),
)
ID5_15, ID11_15 = "410724560809051", "410724380101112"
ID5, ID11 = upgraded(ID5_15), upgraded(ID11_15)
ID6, ID7, ID8 = an_id("19581120", 62), an_id("19700202", 71), an_id("20080808", 81)
_ID9 = an_id("19950303", 92)
ID9_BAD = _ID9[:17] + ("1" if _ID9[17] == "0" else "0")
ID10, ID12, ID13, ID14 = (
    an_id("19751010", 102),
    an_id("19660606", 121),
    an_id("19690909", 132),
    an_id("19720707", 141),
)
STRANGER = an_id("19800808", 151, "410782")


def new_village(path: Path):
    db = open_database(path)
    init_village(
        db,
        code="",
        name="东风村",
        township="城关镇",
        county="获嘉县",
        agent="王明",
        agent_phone="",
        policy=policy_from_json(POLICY),
    )
    return db


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
    ws.append(
        [
            "序号",
            "户编号",
            "成员姓名",
            "证件类型",
            "证件号码",
            "性别",
            "民族",
            "出生日期",
            "与户主关系",
            "所属村组",
            "家庭住址",
            "联系电话",
            "参保状态",
            "人员编号",
        ]
    )
    people = [
        ("01", "赵大山", ID1, "户主", "一组", "13903730001"),
        ("01", "钱秀英", ID2, "配偶", "一组", ""),
        ("01", "赵小明", ID3.lower(), "之子", "一组", ""),
        ("01", "赵朵朵", ID4, "孙女", "一组", ""),
        ("02", "孙建国", ID5_15, "户主", "一组", "0373-5551234"),
        ("02", "李桂兰", ID6.translate(FULL_WIDTH), "妻", "一组", ""),
        ("03", "周强", f"{ID7[:6]} {ID7[6:14]} {ID7[14:]}", "户主", "二组", ""),
        ("03", "周磊", ID8, "之子", "二组", ""),
        ("03", "周丽", ID9_BAD, "之女", "二组", ""),  # row 12: checksum wrong → 待核实
        ("04", "吴芳", ID10, "户主", "二组", ""),
        ("04", "郑老太", ID11_15, "母亲", "二组", ""),
        ("05", "王五", ID12, "户主", "三组", ""),
        ("05", "冯梅", ID13, "配偶", "三组", ""),
        ("05", "王五", ID12, "户主", "三组", ""),  # row 17: the same person again
        ("06", "陈六", ID14, "户主", "三组", ""),
        ("06", "陈七", "", "之子", "三组", ""),  # row 19: no ID yet
    ]
    for n, (hh, name, idn, rel, group, phone) in enumerate(people, 1):
        ws.append(
            [
                n,
                "41072400100" + hh,
                name,
                "居民身份证（户口簿）",
                idn,
                "",
                "汉族",
                "",
                rel,
                group,
                f"东风村{group}",
                phone,
                "正常参保",
                f"4107{n:08d}",
            ]
        )
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
    ws.append(
        [
            "序号",
            "乡镇",
            "村（居）",
            "户主姓名",
            "成员姓名",
            "与户主关系",
            "身份证号码",
            "保障类别",
            "保障人数",
            "月保障金额（元）",
        ]
    )
    rows = [
        ("赵大山", "赵大山", ID1, "农村低保"),
        ("赵大山", "钱秀英", ID2, "农村低保"),
        ("孙建国", "孙建国", ID5_15, "农村特困供养"),
        ("周强", "周磊", ID8, "孤儿"),
        ("外村", "外村人", STRANGER, "农村低保"),
        ("吴芳", "吴某", ID10, "城市低保"),
        ("王五", "王五", ID12, "低保边缘户"),
        ("陈六", "陈六", ID14, "临时救助"),
    ]
    for n, (head, name, idn, cat) in enumerate(rows, 1):
        ws.append([n, "城关镇", "东风村", head, name, "", idn, cat, 2, 500])
    ws.append(["合计", "", "", "", "", "", "", "", 16, 4000])
    return save(wb, path)


def jiuzhu_csv(path: Path) -> Path:
    """救助对象类别 in a UTF-8 (BOM) CSV; one person listed under two identities."""
    rows = [
        ["姓名", "身份证号", "救助对象类别", "救助金额"],
        ["周强", ID7, "特困人员", 300],
        ["冯梅", ID13, "低保对象（一类）", 200],
        ["赵朵朵", ID4, "事实无人抚养儿童", 900],
        ["周强", ID7, "低保对象", 200],
    ]
    buf = io.StringIO()
    csv.writer(buf, lineterminator="\r\n").writerows(rows)
    path.write_bytes(buf.getvalue().encode("utf-8-sig"))
    return path


def canlian_list(path: Path) -> Path:
    """残联: 残疾等级 as 一级 / 肆级 / 贰级 / number cells, a 20-digit 残疾证号 beside the ID."""
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(["持证残疾人名单"])
    ws.append(
        ["序号", "姓名", "性别", "身份证号", "残疾证号", "残疾类别", "残疾等级", "联系电话", "地址"]
    )
    rows = [
        ("郑老太", ID11_15, "肢体", "一级"),
        ("陈六", ID14, "视力", "二级"),
        ("李桂兰", ID6, "听力", "三级"),
        ("钱秀英", ID2, "肢体", "肆级"),
        ("周丽", ID9_BAD, "言语", "二级"),
        ("冯梅", ID13, "智力", 2),
        ("吴芳", ID10, "精神", 1),
        ("赵小明", ID3, "肢体", "贰级"),
    ]
    for n, (name, idn, kind, grade) in enumerate(rows, 1):
        ws.append([n, name, "", idn, idn + "12", kind, grade, "", "东风村"])
    return save(wb, path)


def monitoring_list(path: Path) -> Path:
    """乡村振兴 防返贫监测: 监测对象类别, 风险是否消除 (是 / 否 / blank) next to 风险消除方式."""
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(["防返贫监测对象信息表"])
    ws.append(["填报单位：城关镇"] + [""] * 13 + ["日期：2023-11-30"])
    ws.append(
        [
            "序号",
            "县",
            "乡(镇)",
            "行政村",
            "户编号",
            "户主姓名",
            "成员姓名",
            "证件号码",
            "与户主关系",
            "人数",
            "监测对象类别",
            "识别监测时间",
            "风险是否消除",
            "风险消除方式",
            "风险消除时间",
        ]
    )
    rows = [
        ("王五", ID12, "脱贫不稳定户", "否"),
        ("冯梅", ID13, "脱贫不稳定户", "否"),
        ("周强", ID7, "边缘易致贫户", "是"),
        ("周磊", ID8, "边缘易致贫户", "是"),
        ("周丽", ID9_BAD, "边缘易致贫户", "否"),
        ("孔某", an_id("19550505", 501), "突发严重困难户", "否"),
        ("吴芳", ID10, "突发严重困难户", ""),
    ]
    for n, (name, idn, cat, risk) in enumerate(rows, 1):
        ws.append(
            [
                n,
                "获嘉县",
                "城关镇",
                "东风村",
                f"41072400{n:04d}",
                name,
                name,
                idn,
                "",
                3,
                cat,
                202303,
                risk,
                "帮扶消除" if risk == "是" else "",
                "2023-10-01" if risk == "是" else "",
            ]
        )
    return save(wb, path)


def etax_csv(path: Path) -> Path:
    """电子税务局 GBK CSV: tab-prefixed numbers, 费款所属期 as dates or 202401, times, a 合计 line."""
    medical, pension = (
        ("基本医疗保险费", "城乡居民基本医疗保险"),
        ("基本养老保险费", "城乡居民基本养老保险"),
    )
    year = ("2024-01-01", "2024-12-31")

    def line(n, name, idn, item, start, end, amount, ticket, when, how):
        return [
            n,
            "\t" + idn,
            name,
            "居民身份证",
            "\t" + idn,
            *item,
            start,
            end,
            amount,
            "\t3412352" + ticket,
            when,
            how,
            "城关税务分局",
        ]

    rows = [
        ["城乡居民社会保险费缴费明细"],
        ["查询条件：入库日期 2022-09-01 至 2023-12-31"],
        [
            "序号",
            "纳税人识别号",
            "缴费人姓名",
            "证件类型",
            "证件号码",
            "征收项目",
            "征收品目",
            "费款所属期起",
            "费款所属期止",
            "实缴金额(元)",
            "电子税票号码",
            "入库日期",
            "缴费方式",
            "主管税务所（科、分局）",
        ],
        line(
            1, "赵大山", ID1, medical, *year, "76.00", "30000001001", "2023-10-08 10:11:12", "微信"
        ),
        line(
            2, "钱秀英", ID2, medical, *year, "76.00", "30000001002", "2023-10-08 10:12:40", "微信"
        ),
        line(
            3,
            "李桂兰",
            ID6,
            medical,
            *year,
            "380.00",
            "30000001003",
            "2023-10-09 08:00:01",
            "支付宝",
        ),
        line(
            4,
            "李桂兰",
            ID6,
            medical,
            *year,
            "380.00",
            "30000001003",
            "2023-10-09 08:00:01",
            "支付宝",
        ),
        line(
            5,
            "王五",
            ID12,
            medical,
            "202401",
            "202412",
            "100.00",
            "30000001004",
            "2023-11-01 15:30:00",
            "银行柜台",
        ),
        line(
            6,
            "王五",
            ID12,
            pension,
            *year,
            "200.00",
            "30000001005",
            "2023-11-01 15:31:00",
            "银行柜台",
        ),
        line(
            7,
            "冯梅",
            ID13,
            pension,
            *year,
            "100.00",
            "30000001006",
            "2023-11-01 15:32:00",
            "银行柜台",
        ),
        line(
            8,
            "周丽",
            ID9_BAD,
            medical,
            *year,
            "380.00",
            "30000001007",
            "2023-11-02 09:00:00",
            "微信",
        ),
        line(
            9,
            "外村人",
            STRANGER,
            medical,
            *year,
            "380.00",
            "30000001008",
            "2023-11-02 09:10:00",
            "微信",
        ),
        line(
            10,
            "陈六",
            ID14,
            medical,
            *year,
            "380.00",
            "30000001009",
            "2023-11-03 11:00:00",
            "税务APP",
        ),
        line(
            11,
            "吴芳",
            ID10,
            medical,
            "2023-01-01",
            "2023-12-31",
            "350.00",
            "20000001010",
            "2022-11-03 11:00:00",
            "微信",
        ),
        line(
            12,
            "李桂兰",
            ID6,
            medical,
            *year,
            "380.00",
            "30000001012",
            "2023-11-05 11:00:00",
            "微信",
        ),
        line(
            13,
            "李桂兰",
            ID6,
            medical,
            *year,
            "-380.00",
            "30000001013",
            "2023-12-01 11:00:00",
            "微信",
        ),
        ["合计", "", "", "", "", "", "", "", "", "1,872.00"],
    ]
    buf = io.StringIO()
    csv.writer(buf, lineterminator="\r\n").writerows(rows)
    path.write_bytes(buf.getvalue().encode("gbk"))
    return path
