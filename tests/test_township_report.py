"""Issue 17: the township's report, fit to forward to the county — every figure of every sheet
read back, print setup included, against the villages' own figures."""

from __future__ import annotations

import shutil
import subprocess
from collections import Counter
from datetime import datetime

import openpyxl
import pytest

from enrollagent.core import payments, roster
from enrollagent.core.figures import compute_figures, person_states
from enrollagent.core.village import set_task
from enrollagent.core.vocab import CATEGORY_BY_CODE, STATES, UNPAID_REASONS
from enrollagent.exports.package import build_package
from enrollagent.township.intake import add_packages
from enrollagent.township.report import write_report
from enrollagent.township.status import REASONS, reason_of, township_status
from enrollagent.township.store import open_township
from enrollagent.township.tasks import load_tasks

from .township_helpers import an_id, make_village

NAMES = [
    "李庄村", "王庄村", "张湾村", "刘营村", "陈寨村", "杨楼村", "赵岗村", "黄庄村",
    "周店村", "吴集村", "徐桥村", "孙洼村", "马坡村", "朱庄村", "胡寨村", "郭楼村",
]  # fmt: skip
CODES = [f"4117251001{n:02d}" for n in range(1, 17)]
SHARED_A = an_id("411726", 1)  # 李庄村 paid, 王庄村 not
SHARED_B = an_id("411726", 2)  # 张湾村 and 刘营村, neither paid
MISSING = "刘湾村"  # on the task table, never reports
AS_OF = datetime(2024, 11, 5, 9, 30).astimezone()


def _people(n: int) -> list[dict]:
    """Four to six people: a payer, an unpaid relative with a reason, a flagged person, someone
    outside (职工医保 or 死亡) and, in the first villages, a person of another village too."""
    reason = "" if n % 5 == 0 else UNPAID_REASONS[n % len(UNPAID_REASONS)]
    people = [
        {"name": f"甲{n}", "id": an_id("411725", n * 10 + 1), "hh": "a", "hh_no": "001",
         "pay": True, "phone": f"137{n:08d}"},
        {"name": f"乙{n}", "id": an_id("411725", n * 10 + 2), "hh": "a", "reason": reason,
         "flags": ["minimum_living"] if n % 2 == 0 else []},
        {"name": f"丙{n}", "id": an_id("411725", n * 10 + 3), "group": "二组", "hh": "b",
         "hh_no": "002", "flags": ["extreme_poverty"] if n % 3 == 0 else ["severe_disability"],
         "pay": n % 4 == 0 and n % 3, "phone": f"136{n:08d}"},
        {"name": f"丁{n}", "id": an_id("411725", n * 10 + 4), "group": "二组", "hh": "c",
         "coverage": "employee" if n % 2 else "deceased"},
    ]  # fmt: skip
    if n == 1:
        people.append({"name": "共甲", "id": SHARED_A, "hh": "a", "pay": True})
    if n == 2:
        people.append({"name": "共甲", "id": SHARED_A, "group": "三组", "hh": "s", "hh_no": "009",
                       "phone": "13500000001", "reason": "重复参保待清理"})  # fmt: skip
    if n in (3, 4):
        people.append({"name": "共乙", "id": SHARED_B, "group": "三组", "hh": "t", "hh_no": "010",
                       "phone": f"1350000000{n}", "reason": "长期外出/联系不上"})  # fmt: skip
    return people


def _task_table(path, tasks: dict[str, int]):
    """The 附件 shape: a title, two header rows (the task over two sub-columns), a 合计 row."""
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(["留庄镇2024年度城乡居民医保参保任务分配表"])
    ws.append(["序号", "行政村", "2024年度参保任务", None])
    ws.append([None, None, "任务数（人）", "其中特殊群体"])
    ws.merge_cells("C2:D2")
    for n, (name, task) in enumerate(tasks.items(), start=1):
        ws.append([n, name, task, 1])
    ws.append(["合计", None, sum(tasks.values()), len(tasks)])
    wb.save(path)
    return path


@pytest.fixture
def county_day(tmp_path):
    """16 villages report in two overlapping batches; two correct an earlier package."""
    dbs = [
        make_village(
            tmp_path / f"v{n}",
            code=CODES[n - 1],
            name=NAMES[n - 1],
            people=_people(n),
            agent=f"经办{n}",
            agent_phone=f"139{n:08d}",
        )
        for n in range(1, 17)
    ]
    set_task(dbs[15], 2024, 7, actor="王明")  # 郭楼村: not on the table
    first = [build_package(db, tmp_path / "out") for db in dbs]
    # 陈寨村 corrects a phone (an amendment) and takes a payment (progress); 杨楼村 refunds one.
    chen, yang = dbs[4], dbs[5]
    bing = roster.find_person(chen, an_id("411725", 53)).id
    roster.update_person(chen, bing, actor="王明", phone="13912345678", reason="电话写错了")
    payments.record_payment(
        chen, person_id=roster.find_person(chen, an_id("411725", 52)).id, actor="王明"
    )
    payments.record_refund(
        yang,
        person_id=roster.find_person(yang, an_id("411725", 61)).id,
        amount_fen=38000,
        actor="王明",
        reason="已在外地参保",
    )
    second = [build_package(db, tmp_path / "out2") for db in (chen, yang)]
    town = open_township(tmp_path / "township.db")
    tasks = {name: 4 + n % 3 for n, name in enumerate(NAMES[:15])} | {MISSING: 5}
    yield dbs, town, first, second, tasks
    town.close()
    for db in dbs:
        db.close()


def _rows(ws, first: int) -> list[tuple]:
    return [r for r in ws.iter_rows(min_row=first, values_only=True)]


def _print_ready(ws, *, header_rows: int, frozen: str, title: str) -> None:
    assert ws.page_setup.orientation == "landscape" and ws.page_setup.paperSize == 9
    assert ws.sheet_properties.pageSetUpPr.fitToPage
    assert (ws.page_setup.fitToWidth, ws.page_setup.fitToHeight) in ((1, 0), (None, 0))
    assert ws.print_title_rows == f"$3:${2 + header_rows}"
    assert ws.freeze_panes == frozen
    assert ws["A1"].value == title
    assert ws["A2"].value.startswith("截至 2024-11-05 09:30")
    assert "A1" in {r.coord.split(":")[0] for r in ws.merged_cells.ranges}


def test_a_day_of_packages_makes_the_report_a_county_accepts(county_day, tmp_path):
    dbs, town, first, second, tasks = county_day
    one = add_packages(town, first[:10])
    assert not one.refused and len(one.received) == 10
    # The second batch repeats three of yesterday's files and brings two corrected packages.
    two = add_packages(town, [*first[7:], *second])
    assert sorted(r.village.split("（")[0] for r in two.received) == sorted(
        [*NAMES[10:16], "陈寨村", "杨楼村"]
    )
    # Yesterday's three files are 已收过, not refusals: nothing of this day's work is refused.
    assert not two.refused
    assert sorted(a.path.name for a in two.already) == sorted(p.name for p in first[7:10])
    loaded = load_tasks(town, _task_table(tmp_path / "任务.xlsx", tasks))
    assert len(loaded.rows) == 16 and loaded.total == sum(tasks.values())

    status = township_status(town)
    out = write_report(town, status, tmp_path / "通报.xlsx", now=AS_OF)
    wb = openpyxl.load_workbook(out)
    assert wb.sheetnames == ["进度通报", "特殊群体", "未缴原因", "参保情况", "未缴名单", "重复参保"]

    own = {NAMES[n]: compute_figures(db) for n, db in enumerate(dbs)}
    people = {NAMES[n]: person_states(db) for n, db in enumerate(dbs)}
    task = {**{k: v for k, v in tasks.items() if k != MISSING}, "郭楼村": 7}

    # --- 进度通报 -------------------------------------------------------------------------
    ws = wb["进度通报"]
    _print_ready(ws, header_rows=1, frozen="C4", title="留庄镇2024年度城乡居民医保参保进度通报")
    header = [c.value for c in ws[3]]
    assert header == [
        "排名", "村", "经办人", "联系电话", "任务数", "应参保", "已参保", "完成率", "差额",
        "已缴费", "资助参保", "特殊群体应保未保", "未缴", "上报时间", "最近更正",
    ]  # fmt: skip
    rows = _rows(ws, 4)
    village_rows = rows[:16]
    assert ws.auto_filter.ref == "A3:O19"  # the 16 reported villages, not 未上报 nor 合计
    completion = {name: round(f.total.enrolled / task[name], 4) for name, f in own.items()}
    expected_order = sorted(NAMES, key=lambda n: (-completion[n], -own[n].total.rate))
    assert [r[1] for r in village_rows] == expected_order
    ranks = [r[0] for r in village_rows]
    assert ranks[0] == 1 and ranks == sorted(ranks)
    for r in village_rows:
        n = NAMES.index(r[1]) + 1
        f, t = own[r[1]], own[r[1]].total
        gaps = sum(1 for s in people[r[1]] if s.categories and s.state == "unpaid")
        assert r[2:] == (
            f"经办{n}",
            f"139{n:08d}",
            task[r[1]],
            t.eligible,
            t.enrolled,
            pytest.approx(completion[r[1]]),
            task[r[1]] - t.enrolled,
            t.states["paid"],
            t.states["subsidized"],
            gaps,
            t.unpaid,
            r[13],
            r[14],
        ), r[1]
        assert r[13] and (bool(r[14]) == (r[1] in ("陈寨村", "杨楼村")))
    # A task taken from the village's own package is marked so.
    guolou = 4 + [r[1] for r in rows].index("郭楼村")
    assert ws.cell(guolou, 5).font.i and not ws.cell(4, 5).font.i
    assert ws.cell(4, 8).number_format == "0.00%"
    waiting, total = rows[16], rows[17]
    assert waiting[1] == MISSING and waiting[4] == 5 and waiting[13] == "未上报"
    # 合计: 共甲 counted once (as paid, in 李庄村), 共乙 once (unpaid, in 张湾村).
    sums = Counter()
    for f in own.values():
        sums.update(
            eligible=f.total.eligible,
            enrolled=f.total.enrolled,
            paid=f.total.states["paid"],
            subsidized=f.total.states["subsidized"],
            unpaid=f.total.unpaid,
        )
    all_tasks = sum(tasks.values()) + 7
    assert total[1:] == (
        "合计",
        None,
        None,
        all_tasks,
        sums["eligible"] - 2,
        sums["enrolled"],
        pytest.approx(round(sums["enrolled"] / all_tasks, 4)),
        all_tasks - sums["enrolled"],
        sums["paid"],
        sums["subsidized"],
        len(status.gaps),
        sums["unpaid"] - 2,
        "已上报 16/17 村",
        None,
    )
    notes = [r[0] for r in rows[18:]]
    assert any("斜体" in n for n in notes) and any("只计一次" in n for n in notes)

    # --- 特殊群体 -------------------------------------------------------------------------
    ws = wb["特殊群体"]
    _print_ready(ws, header_rows=2, frozen="B5", title="留庄镇2024年度城乡居民医保特殊群体参保情况")
    top, below = [c.value for c in ws[3]], [c.value for c in ws[4]]
    codes = [c for c in CATEGORY_BY_CODE if any(c in f.special for f in own.values())]
    assert [t for t in top[1:] if t] == [CATEGORY_BY_CODE[c].label for c in codes]
    assert below[1:] == ["应保", "已保", "未保"] * len(codes)
    assert {"B3:D3", "A3:A4"} <= {str(r) for r in ws.merged_cells.ranges}
    rows = _rows(ws, 5)
    for r in rows[:16]:
        f = own[r[0]]
        for i, code in enumerate(codes):
            x = f.special.get(code)
            want = (x.eligible, x.enrolled, x.unpaid) if x else (0, 0, 0)
            assert r[1 + 3 * i : 4 + 3 * i] == want, (r[0], code)
            cell = ws.cell(5 + rows.index(r), 4 + 3 * i)
            red = cell.font.color is not None and cell.font.color.rgb == "00C00000"
            assert red == bool(x and x.unpaid), (r[0], code)
    assert rows[16][0] == "合计"
    assert rows[16][1:] == tuple(v for code in codes for v in _special_total(status, code))
    assert ws.auto_filter.ref == f"A4:{openpyxl.utils.get_column_letter(1 + 3 * len(codes))}20"

    # --- 未缴原因 -------------------------------------------------------------------------
    ws = wb["未缴原因"]
    _print_ready(ws, header_rows=1, frozen="B4", title="留庄镇2024年度城乡居民医保未缴费原因统计")
    assert [c.value for c in ws[3]] == ["村", "未缴人数", *REASONS]
    rows = _rows(ws, 4)
    everyone = Counter()
    for r in rows[:16]:
        reasons = Counter(reason_of(s.unpaid_reason) for s in people[r[0]] if s.state == "unpaid")
        everyone.update(reasons)
        assert r[1:] == (own[r[0]].total.unpaid, *(reasons[x] for x in REASONS)), r[0]
        assert sum(r[2:]) == r[1]
    assert rows[16] == ("合计", sum(r[1] for r in rows[:16]), *(everyone[x] for x in REASONS))
    assert everyone["未填原因"] > 0 and everyone["重复参保待清理"] >= 1

    # --- 参保情况 (coverage counts, refunds due) --------------------------------------------
    ws = wb["参保情况"]
    _print_ready(ws, header_rows=1, frozen="B4", title="留庄镇2024年度城乡居民医保参保情况及应退费")
    assert [c.value for c in ws[3]] == [
        "村", "在册人数", "职工医保", "异地参保", "在校学生", "军人", "死亡", "迁出",
        "应退费人数", "征缴金额(元)",
    ]  # fmt: skip
    kinds = ("employee", "elsewhere", "school", "military", "deceased", "moved_out")
    rows = _rows(ws, 4)
    for r in rows[:16]:
        f = own[r[0]]
        assert r[1:] == (
            f.total.persons,
            *(f.total.states[k] for k in kinds),
            f.refund_due,
            f.to_json()["collected"],
        ), r[0]
    t = status.figures
    assert rows[16] == (
        "合计",
        sum(f.total.persons for f in own.values()) - 2,
        *(sum(f.total.states[k] for f in own.values()) for k in kinds),
        sum(f.refund_due for f in own.values()),
        t.to_json()["collected"],
    )

    # --- 未缴名单 (内部资料) ---------------------------------------------------------------
    ws = wb["未缴名单"]
    _print_ready(ws, header_rows=1, frozen="A4", title="留庄镇2024年度城乡居民医保未缴费人员名单")
    assert "内部资料" in ws["A2"].value and "内部资料" in ws.oddHeader.right.text
    assert [c.value for c in ws[3]] == [
        "村", "村民小组", "户号", "户主", "姓名", "身份证号码", "联系电话", "人员类别", "未缴原因",
    ]  # fmt: skip
    listed = _rows(ws, 4)
    unpaid = [(name, s) for name, states in people.items() for s in states if s.state == "unpaid"]
    assert len(listed) == len(unpaid) == sum(f.total.unpaid for f in own.values())
    assert ws.auto_filter.ref == f"A3:I{3 + len(listed)}"
    by_id = {(r[0], r[5]): r for r in listed}
    for name, s in unpaid:
        n = NAMES.index(name) + 1
        head = {"a": f"甲{n}", "b": f"丙{n}", "c": f"丁{n}"}
        r = by_id[(name, s.id_number)]
        household_head = next(
            x for x in people[name] if x.household_id == s.household_id and x.relation == "户主"
        )
        assert r == _blank(
            (
                name,
                s.group_name,
                s.hh_no,
                household_head.name,
                s.name,
                s.id_number,
                s.phone or household_head.phone,
                "、".join(CATEGORY_BY_CODE[c].label for c in s.categories),
                s.unpaid_reason,
            )
        )
        assert household_head.name in (*head.values(), "共甲", "共乙")
    assert by_id[("王庄村", an_id("411725", 22))][6] == "13700000002"  # 乙2 rung via 户主 甲2
    assert ws.cell(4, 6).data_type == "s"

    # --- 重复参保 -------------------------------------------------------------------------
    ws = wb["重复参保"]
    _print_ready(
        ws, header_rows=1, frozen="C4", title="留庄镇2024年度城乡居民医保重复参保（多村登记）人员"
    )
    assert [c.value for c in ws[3]] == [
        "身份证号码", "姓名", "村", "村民小组", "户号", "联系电话", "参保状态", "已参保的村", "涉及村数",
    ]  # fmt: skip
    rows = [r for r in _rows(ws, 4) if r[1]]
    assert rows == [
        (SHARED_A, "共甲", "李庄村", "一组", "001", "13700000001", STATES["paid"], "李庄村", 2),
        (SHARED_A, "共甲", "王庄村", "三组", "009", "13500000001", STATES["unpaid"], "李庄村", 2),
        (SHARED_B, "共乙", "刘营村", "三组", "010", "13500000004", STATES["unpaid"], "都未参保", 2),
        (SHARED_B, "共乙", "张湾村", "三组", "010", "13500000003", STATES["unpaid"], "都未参保", 2),
    ]
    # Not one formula anywhere: names and IDs stay text.
    assert not any(c.data_type == "f" for s in wb for row in s.iter_rows() for c in row)


def _blank(values) -> tuple:
    """A blank cell reads back as None."""
    return tuple(None if v == "" else v for v in values)


def _special_total(status, code: str) -> tuple[int, int, int]:
    x = status.special[code]
    return x.eligible, x.enrolled, x.unpaid


@pytest.mark.skipif(not shutil.which("soffice"), reason="LibreOffice is not installed")
def test_every_sheet_prints_one_page_wide(county_day, tmp_path):
    """As a clerk prints it: LibreOffice renders each sheet one A4 landscape page wide."""
    dbs, town, first, second, tasks = county_day
    add_packages(town, [*first, *second])
    load_tasks(town, _task_table(tmp_path / "任务.xlsx", tasks))
    out = write_report(town, township_status(town), tmp_path / "通报.xlsx", now=AS_OF)
    subprocess.run(
        ["soffice", "--headless", "--convert-to", "pdf", "--outdir", str(tmp_path), str(out)],
        check=True,
        capture_output=True,
        timeout=180,
        env={"HOME": str(tmp_path), "PATH": "/usr/bin:/bin"},
    )
    pdf = tmp_path / "通报.pdf"
    info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True).stdout
    width, height = (float(x) for x in info.split("Page size:")[1].split("pts")[0].split("x"))
    assert width > height  # landscape
    text = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True)
    pages = text.stdout.split("\f")
    # Six sheets, six pages: a sheet whose columns spilled over would print on two or more.
    titles = ["参保进度通报", "特殊群体参保情况", "未缴费原因统计", "参保情况及应退费",
              "未缴费人员名单", "重复参保（多村登记）人员"]  # fmt: skip
    printed = [p for p in pages if p.strip()]
    assert len(printed) == 6
    for page, title in zip(printed, titles, strict=True):
        assert f"留庄镇2024年度城乡居民医保{title}" in page


def test_a_county_database_ranks_townships_then_villages(tmp_path):
    """Item 4: a county clerk adds several townships' packages; the report ranks the townships
    (each person once) before their villages, which carry their township."""
    spec = [("留庄镇", 1), ("留庄镇", 2), ("竹沟镇", 3), ("竹沟镇", 4)]
    dbs = [
        make_village(
            tmp_path / f"v{n}",
            code=CODES[n - 1],
            name=NAMES[n - 1],
            people=_people(n),
            township=township,
        )
        for township, n in spec
    ]
    for db, task in zip(dbs, (5, 6, 4, 8), strict=True):
        set_task(db, 2024, task, actor="王明")
    town = open_township(tmp_path / "county.db")
    assert not add_packages(town, [build_package(db, tmp_path / "out") for db in dbs]).refused
    own = [compute_figures(db) for db in dbs]
    status = township_status(town)
    assert status.county_level and status.township == "确山县" and not status.warnings
    out = write_report(town, status, tmp_path / "县.xlsx", now=AS_OF)
    wb = openpyxl.load_workbook(out)
    assert wb.sheetnames[:2] == ["乡镇通报", "进度通报"]
    ws = wb["乡镇通报"]
    _print_ready(
        ws, header_rows=1, frozen="C4", title="确山县2024年度城乡居民医保各乡镇参保进度通报"
    )
    assert [c.value for c in ws[3]][:8] == [
        "排名", "乡镇", "上报村数", "任务数", "应参保", "已参保", "完成率", "差额",
    ]  # fmt: skip
    rows = {r[1]: r for r in _rows(ws, 4) if r[1]}
    # 共乙 is in 张湾村 and 刘营村 (both 竹沟镇): counted once there; 共甲 once, in 李庄村.
    liu = (own[0], own[1])
    zhu = (own[2], own[3])
    for name, figures, task, dropped in (("留庄镇", liu, 11, 1), ("竹沟镇", zhu, 12, 1)):
        enrolled = sum(f.total.enrolled for f in figures)
        eligible = sum(f.total.eligible for f in figures) - dropped
        assert rows[name][2:8] == (
            2,
            task,
            eligible,
            enrolled,
            pytest.approx(round(enrolled / task, 4)),
            task - enrolled,
        )
    ranked = sorted(("留庄镇", "竹沟镇"), key=lambda n: -rows[n][6])
    assert [rows[n][0] for n in ranked] == [1, 2]
    assert rows["合计"][4] == rows["留庄镇"][4] + rows["竹沟镇"][4]
    assert ws.auto_filter.ref == "A3:M5"
    ws = wb["进度通报"]
    assert ws["A1"].value == "确山县2024年度城乡居民医保参保进度通报"
    assert [c.value for c in ws[3]][:3] == ["排名", "乡镇", "村"]
    assert ws.freeze_panes == "D4"
    towns = {r[2]: r[1] for r in _rows(ws, 4) if isinstance(r[0], int)}
    assert towns == {NAMES[n - 1]: t for t, n in spec}
    for db in dbs:
        db.close()
    town.close()
