"""The township side: receive packages, refuse tampered and replayed ones, add up, find 重复参保."""

from __future__ import annotations

import json
import shutil

import openpyxl
import pytest

from enrollagent.core.figures import compute_figures
from enrollagent.errors import EnrollError
from enrollagent.exports.package import DATA, build_package, verify_package
from enrollagent.township.intake import add_packages
from enrollagent.township.keys import parse_trust
from enrollagent.township.migrations import TOWNSHIP_MIGRATIONS
from enrollagent.township.report import write_report
from enrollagent.township.status import township_status
from enrollagent.township.store import open_township
from enrollagent.township.tasks import load_tasks

from .township_helpers import (
    add_people,
    an_id,
    copy_package,
    make_village,
    resign_data,
    rewrite_member,
)

SHARED = an_id("411725", 99, "19850505")  # on both rosters: 重复参保

A_PEOPLE = [
    {"name": "张一", "id": an_id("411725", 1), "group": "一组", "hh": "a", "pay": True},
    {
        "name": "张二",
        "id": an_id("411725", 2),
        "group": "一组",
        "hh": "a",
        "flags": ["minimum_living"],
    },
    {
        "name": "张三",
        "id": an_id("411725", 3),
        "group": "二组",
        "hh": "b",
        "flags": ["extreme_poverty"],
    },
    {"name": "赵共", "id": SHARED, "group": "二组", "hh": "b", "pay": True},
    {"name": "张四", "id": an_id("411725", 4), "group": "二组", "hh": "b", "coverage": "employee"},
]
B_PEOPLE = [
    {"name": "王一", "id": an_id("411725", 11), "group": "一组", "hh": "c", "pay": True},
    {
        "name": "王二",
        "id": an_id("411725", 12),
        "group": "一组",
        "hh": "c",
        "flags": ["marginal"],
        "pay": True,
    },
    {"name": "赵共享", "id": SHARED, "group": "三组", "hh": "d"},
    {"name": "王三", "id": an_id("411725", 13), "group": "三组", "hh": "d", "flags": ["unstable"]},
]


@pytest.fixture
def villages(tmp_path):
    a = make_village(tmp_path / "a", code="411725100001", name="李庄村", people=A_PEOPLE)
    b = make_village(tmp_path / "b", code="411725100002", name="王庄村", people=B_PEOPLE)
    yield a, b
    a.close()
    b.close()


@pytest.fixture
def town(tmp_path):
    db = open_township(tmp_path / "township.db")
    yield db
    db.close()


def _task_file(path, rows, *, title=True, total=True):
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "任务分配"
    if title:
        ws.append(["留庄镇2024年城乡居民医保参保征缴任务分配表"])
        ws.append([])
    ws.append(["序号", "村（社区）名称", "2024年参保\n任务数", "备注"])
    for n, (name, task) in enumerate(rows, start=1):
        ws.append([n, name, task, ""])
    if total:
        ws.append(["合 计", "", sum(t for _, t in rows), ""])
    wb.save(path)
    return path


def _counts(town):
    return town.execute(
        "SELECT (SELECT COUNT(*) FROM person), (SELECT COUNT(*) FROM package),"
        " (SELECT COUNT(*) FROM village)"
    ).fetchone()


def test_two_villages_add_up_and_share_an_id(villages, town, tmp_path):
    a, b = villages
    pa, pb = build_package(a, tmp_path / "out"), build_package(b, tmp_path / "out")
    result = add_packages(town, [pb, pa])
    assert not result.refused and [r.village for r in result.received] == [
        "李庄村（411725100001）",
        "王庄村（411725100002）",
    ]
    status = township_status(town)
    fa, fb = compute_figures(a), compute_figures(b)
    rows = {v.name: v for v in status.villages}
    for name, f in (("李庄村", fa), ("王庄村", fb)):
        mine = rows[name].figures
        assert mine.to_json() == f.to_json()
    t = status.total
    # Issue 17: 赵共 is on both rosters (paid in 王庄村, unpaid in 李庄村) and counts once, as paid.
    assert t.persons == fa.total.persons + fb.total.persons - 1
    assert t.eligible == fa.total.eligible + fb.total.eligible - 1
    assert t.enrolled == fa.total.enrolled + fb.total.enrolled
    assert t.collected_fen == fa.total.collected_fen + fb.total.collected_fen
    assert t.rate == round(t.enrolled / t.eligible, 4)
    data = status.to_json()
    assert data["total"]["eligible"] == 7 and data["total"]["enrolled"] == 5
    [dup] = data["duplicates"]
    assert dup["id_number"] == SHARED and dup["enrolled_twice"] is False
    assert {(e["village"], e["name"]) for e in dup["entries"]} == {
        ("李庄村", "赵共"),
        ("王庄村", "赵共享"),
    }
    gaps = {(g["village"], g["name"]) for g in data["special_gaps"]}
    assert gaps == {("李庄村", "张二"), ("王庄村", "王三")}
    assert {v["name"]: v["special_gaps"] for v in data["villages"]} == {"李庄村": 1, "王庄村": 1}
    assert data["special"]["extreme_poverty"] == {
        "persons": 1,
        "eligible": 1,
        "enrolled": 1,
        "unpaid": 0,
    }


def test_newer_package_replaces_the_village_and_replays_are_refused(villages, town, tmp_path):
    a, _ = villages
    first = build_package(a, tmp_path / "out")
    add_people(a, [{"name": "新生", "id": an_id("411725", 50, "20000101"), "hh": "z"}])
    second = build_package(a, tmp_path / "out")
    assert not add_packages(town, [second]).refused
    assert township_status(town).total.persons == 6
    before = _counts(town)
    # Issue 17: nothing new in them, so neither refused nor taken: one older, one received before.
    for old, received, words in ((first, False, "比已收到的第2号旧"), (second, True, "已收过")):
        result = add_packages(town, [old])
        [already] = result.already
        assert not result.refused and not result.received and already.received is received
        assert words in already.reason
    assert _counts(town) == before
    add_people(a, [{"name": "又一", "id": an_id("411725", 51, "20000101"), "hh": "y"}])
    third = build_package(a, tmp_path / "out")
    assert add_packages(town, [third]).received[0].sequence == 3
    assert township_status(town).total.persons == 7
    assert town.execute("SELECT COUNT(*) FROM person").fetchone()[0] == 7


def test_tampered_package_in_a_batch_is_refused_alone(villages, town, tmp_path):
    """Issue 17: one bad package no longer keeps the good ones of the batch out."""
    a, b = villages
    good, bad = build_package(a, tmp_path / "out"), build_package(b, tmp_path / "out")
    rewrite_member(bad, DATA, lambda d: d.replace("赵共享".encode(), "赵共亨".encode()))
    result = add_packages(town, [good, bad])
    assert [p for p, _ in result.refused] == [bad] and DATA in result.refused[0][1]
    assert [r.village_key for r in result.received] == ["411725100001"]
    assert _counts(town) == (5, 1, 1)


def test_first_package_pins_the_village_key(villages, town, tmp_path):
    a, _ = villages
    assert not add_packages(town, [build_package(a, tmp_path / "out")]).refused
    # The same village's store copied to another computer signs with another key.
    moved = tmp_path / "other-pc"
    moved.mkdir()
    a.close()
    shutil.copyfile(tmp_path / "a" / "village.db", moved / "village.db")
    from enrollagent.db import open_database

    copy = open_database(moved / "village.db")
    try:
        foreign = build_package(copy, tmp_path / "out2")
        [(_, reason)] = add_packages(town, [foreign]).refused
        assert "密钥" in reason and "指纹" in reason
        # Checked by phone: the township re-pins; the new installation's older packages stay refused.
        fp = verify_package(foreign).manifest["signer"]["fingerprint"]
        [new] = add_packages(
            town, [foreign], trusted=dict([parse_trust(f"411725100001={fp}")])
        ).received
        assert (
            new.first_time
            and new.fingerprint == verify_package(foreign).manifest["signer"]["fingerprint"]
        )
        assert town.execute("SELECT fingerprint FROM village").fetchone()[0] == new.fingerprint
    finally:
        copy.close()


def test_tasks_give_completion_and_show_who_has_not_reported(villages, town, tmp_path):
    a, b = villages
    add_packages(town, [build_package(a, tmp_path / "out"), build_package(b, tmp_path / "out")])
    loaded = load_tasks(
        town, _task_file(tmp_path / "任务.xlsx", [("李庄", 4), ("王庄村", 5), ("刘庄村", 900)])
    )
    assert loaded.total == 909 and len(loaded.rows) == 3
    data = township_status(town).to_json()
    rows = {v["name"]: v for v in data["villages"]}
    assert rows["李庄村"]["task"] == 4 and rows["李庄村"]["task_completion"] == round(3 / 4, 4)
    assert rows["王庄村"]["task_completion"] == round(2 / 5, 4)
    assert rows["刘庄村"]["reported"] is False and rows["刘庄村"]["task"] == 900
    assert data["total"]["task"] == 909 and data["total"]["task_completion"] == round(5 / 909, 4)
    assert data["total"]["villages"] == 3 and data["total"]["reported"] == 2


def test_bad_task_files_change_nothing(town, tmp_path):
    load_tasks(town, _task_file(tmp_path / "ok.xlsx", [("李庄村", 4)]))
    junk = tmp_path / "junk.xlsx"
    junk.write_bytes(b"not a workbook")
    no_header = tmp_path / "nohead.xlsx"
    wb = openpyxl.Workbook()
    wb.active.append(["姓名", "身份证号"])
    wb.save(no_header)
    bad_number = _task_file(tmp_path / "bad.xlsx", [("李庄村", "四百")], total=False)
    for path, words in (
        (tmp_path / "none.xlsx", "找不到"),
        (junk, "无法读取"),
        (no_header, "表头"),
        (bad_number, "不是整数"),
    ):
        with pytest.raises(EnrollError) as e:
            load_tasks(town, path)
        assert words in e.value.message
    assert town.execute("SELECT village_name, task FROM task").fetchall() == [("李庄村", 4)]


def test_report_reads_back(villages, town, tmp_path):
    a, b = villages
    add_packages(town, [build_package(a, tmp_path / "out"), build_package(b, tmp_path / "out")])
    load_tasks(town, _task_file(tmp_path / "t.xlsx", [("李庄村", 4), ("王庄村", 5)]))
    status = township_status(town)
    out = write_report(town, status, tmp_path / "report" / "留庄镇.xlsx")
    wb = openpyxl.load_workbook(out)
    # Issue 17: the one-sheet-per-table 汇总 became the report a county accepts.
    assert wb.sheetnames == ["进度通报", "特殊群体", "未缴原因", "参保情况", "未缴名单", "重复参保"]
    ws = wb["进度通报"]
    assert ws["A1"].value == "留庄镇2024年度城乡居民医保参保进度通报"
    header = [c.value for c in ws[3]]
    assert header[:9] == [
        "排名",
        "村",
        "经办人",
        "联系电话",
        "任务数",
        "应参保",
        "已参保",
        "完成率",
        "差额",
    ]
    rows = {r[1]: r for r in ws.iter_rows(min_row=4, values_only=True) if r[1]}
    assert rows["李庄村"][2:7] == ("王明", "13800000000", 4, 4, 3)
    # 赵共 is on both rosters: the 合计 counts them once.
    assert rows["合计"][4:7] == (9, 7, 5) and rows["合计"][8] == 4
    assert (
        rows["合计"][7] == pytest.approx(5 / 9, abs=1e-4) and ws.cell(4, 8).number_format == "0.00%"
    )
    assert ws.freeze_panes == "C4" and ws.column_dimensions["B"].width >= 8
    dup = wb["重复参保"]
    ids = [r[0] for r in dup.iter_rows(min_row=4, values_only=True) if r[1]]
    assert ids == [SHARED, SHARED] and dup.cell(4, 1).data_type == "s"
    assert not any(
        isinstance(c.value, str) and c.data_type == "f"
        for s in wb
        for row in s.iter_rows()
        for c in row
    )


def test_a_village_without_a_key_uses_its_name(tmp_path, town):
    db = make_village(tmp_path / "c", code="", name="无码村", people=A_PEOPLE[:1])
    pkg = build_package(db, tmp_path / "out")
    assert pkg.name == "无码村-2024-001.zip"
    assert add_packages(town, [pkg]).received[0].village_key == "无码"
    db.close()


def test_township_commands(villages, tmp_path, cli):
    a, b = villages
    pa, pb = build_package(a, tmp_path / "out"), build_package(b, tmp_path / "out")
    tdb = ["township", "--township-db", str(tmp_path / "t.db")]
    assert "还不存在" in cli(*tdb, "status", db=False, check=False).stderr
    added = cli(*tdb, "add", str(pa), str(pb), db=False)
    assert "已接收 李庄村" in added.stdout and "已接收 王庄村" in added.stdout
    assert added.stdout.count("已登记该村密钥指纹") == 2
    tasks = cli(
        *tdb,
        "tasks",
        str(_task_file(tmp_path / "t.xlsx", [("李庄村", 4), ("刘庄村", 5)])),
        db=False,
    )
    assert "合计 9 人" in tasks.stdout and "任务表里没有的村：王庄村" in tasks.stdout
    assert "还没有上报的村（1）：刘庄村" in tasks.stdout
    cli(
        *tdb,
        "tasks",
        str(_task_file(tmp_path / "t.xlsx", [("李庄村", 4), ("王庄村", 5)])),
        db=False,
    )
    status = json.loads(cli(*tdb, "status", "--json", db=False).stdout)
    assert status["total"]["enrolled"] == 5 and status["duplicates"][0]["id_number"] == SHARED
    text = cli(*tdb, "status", db=False).stdout
    assert "重复参保 1 人" in text and SHARED in text
    cli(*tdb, "report", str(tmp_path / "r.xlsx"), db=False)
    sheet = openpyxl.load_workbook(tmp_path / "r.xlsx")["进度通报"]
    assert [r[1] for r in sheet.iter_rows(min_row=4, max_row=6, values_only=True)] == [
        "李庄村",  # 3 of 4, ranked before 王庄村's 2 of 5
        "王庄村",
        "合计",
    ]
    before = cli(*tdb, "status", "--json", db=False).stdout
    junk = tmp_path / "junk.zip"
    junk.write_text("hello")
    for args, words in (
        ([str(tmp_path / "none.zip")], "找不到"),
        ([str(junk)], "不是有效的上报包"),
        ([str(tmp_path / "none.xlsx")], "找不到任务表"),
    ):
        cmd = "tasks" if args[0].endswith(".xlsx") else "add"
        r = cli(*tdb, cmd, *args, db=False, check=False)
        lines = r.stderr.strip().splitlines()
        assert r.returncode == 1 and len(lines) == 1 and words in lines[0], r.stderr
    again = cli(*tdb, "add", str(pa), db=False)
    assert "已收过 李庄村（411725100001） 第1号包" in again.stdout
    assert cli(*tdb, "status", "--json", db=False).stdout == before


def test_tasks_by_code_on_any_sheet(villages, town, tmp_path):
    a, _ = villages
    add_packages(town, [build_package(a, tmp_path / "out")])
    wb = openpyxl.Workbook()
    wb.active.title = "说明"
    wb.active.append(["本表由镇医保办填写"])
    ws = wb.create_sheet("分配")
    ws.append(["填报单位：留庄镇人民政府"])
    ws.append(["行政村", "区划代码", "参保任务（人）"])
    ws.append(["李庄行政村", "411725100001", "1,000人"])
    ws.append(["小计", "", 1000])
    wb.save(tmp_path / "codes.xlsx")
    loaded = load_tasks(town, tmp_path / "codes.xlsx")
    assert loaded.sheet == "分配" and [(r.village_code, r.task) for r in loaded.rows] == [
        ("411725100001", 1000)
    ]
    [row] = township_status(town).villages
    assert (row.name, row.task) == ("李庄村", 1000)


def test_data_that_disagrees_with_the_signed_counts_is_refused(
    villages, town, tmp_path, monkeypatch
):
    from enrollagent.exports import package as pkgmod

    a, _ = villages
    real = pkgmod.package_data

    def one_missing(db, year):
        data = real(db, year)
        data["persons"].pop()
        return data

    monkeypatch.setattr(pkgmod, "package_data", one_missing)
    pkg = build_package(a, tmp_path / "out")
    [(_, reason)] = add_packages(town, [pkg]).refused
    assert "不一致" in reason and _counts(town) == (0, 0, 0)


def test_a_village_store_is_not_a_township_store(villages, tmp_path):
    with pytest.raises(EnrollError) as e:
        open_township(tmp_path / "a" / "village.db")
    assert "不是乡镇汇总数据库" in e.value.message
    with pytest.raises(EnrollError) as e:
        open_township(tmp_path / "nowhere.db", must_exist=True)
    assert "还不存在" in e.value.message and not (tmp_path / "nowhere.db").exists()


def _fingerprint(pkg):
    return verify_package(pkg).manifest["signer"]["fingerprint"]


def test_trust_is_for_one_village_and_its_new_key(villages, town, tmp_path):
    """Review H2: --trust-new-key trusted every key of the batch, so a package forged for another
    village (a real package of a new installation claiming 王庄's code) rode along with a re-keyed one."""
    a, b = villages
    add_packages(town, [build_package(a, tmp_path / "out"), build_package(b, tmp_path / "out")])
    a_new = make_village(tmp_path / "a-new-pc", code="411725100001", name="李庄村", people=A_PEOPLE)
    forged = make_village(
        tmp_path / "forger", code="411725100002", name="王庄村", people=B_PEOPLE[:1]
    )
    try:
        genuine, fake = (
            build_package(a_new, tmp_path / "new"),
            build_package(forged, tmp_path / "fake"),
        )
        trust = dict(
            [parse_trust(f"411725100001={_fingerprint(genuine).replace(' ', '').lower()}")]
        )
        result = add_packages(town, [genuine, fake], trusted=trust)
        assert [r.village_key for r in result.received] == ["411725100001"]
        [(path, reason)] = result.refused
        assert (
            path == fake
            and "密钥" in reason
            and f"411725100002={_fingerprint(fake).replace(' ', '')}" in reason
        )
        # The same village with yet another key than the one checked by phone: refused too.
        other = make_village(
            tmp_path / "a-third-pc", code="411725100001", name="李庄村", people=A_PEOPLE
        )
        [(_, reason)] = add_packages(
            town, [build_package(other, tmp_path / "third")], trusted=trust
        ).refused
        assert "密钥" in reason
        other.close()
    finally:
        a_new.close()
        forged.close()
    rows = dict(town.execute("SELECT key, fingerprint FROM village").fetchall())
    assert rows["411725100002"] == _fingerprint(build_package(b, tmp_path / "out"))
    for bad in ("411725100001", "411725100001=ABCD", "=0123456789ABCDEF0123456789ABCDEF"):
        with pytest.raises(EnrollError) as e:
            parse_trust(bad)
        assert "--trust-new-key" in e.value.message


def test_rekeyed_village_starts_again_at_one_and_replays_stay_refused_per_key(
    villages, town, tmp_path
):
    """Review H3: a new installation's first package is sequence 1 again; UNIQUE(village_key,
    sequence) made it an internal error that aborted the batch."""
    a, _ = villages
    old = [build_package(a, tmp_path / "out") for _ in range(2)]
    assert not add_packages(town, old).refused
    a_new = make_village(
        tmp_path / "a-new-pc", code="411725100001", name="李庄村", people=A_PEOPLE[:2]
    )
    try:
        first, second = (
            build_package(a_new, tmp_path / "new"),
            build_package(a_new, tmp_path / "new"),
        )
    finally:
        a_new.close()
    trust = {"411725100001": "".join(_fingerprint(first).split())}
    result = add_packages(town, [first], trusted=trust)
    assert [r.sequence for r in result.received] == [1] and result.received[0].first_time
    assert township_status(town).total.persons == 2
    # Per key: the new key's 1 again was received before, and so was the old key's 2.
    assert add_packages(town, [first], trusted=trust).already[0].received
    assert add_packages(town, [old[1]]).already[0].received
    assert add_packages(town, [second]).received[0].sequence == 2
    assert town.execute("SELECT COUNT(*) FROM package").fetchone()[0] == 4


def test_released_schema_migrates_and_takes_a_rekeyed_package(tmp_path):
    """Review H3: m002 keys packages by the signing key; a v1 file (tests/schemas) must migrate."""
    import sqlite3
    from pathlib import Path

    path = tmp_path / "township.db"
    conn = sqlite3.connect(path)
    conn.executescript(
        (Path(__file__).parent / "schemas" / "township_v1.sql").read_text(encoding="utf-8")
    )
    conn.close()
    db = open_township(path)
    try:
        assert db.execute("PRAGMA user_version").fetchone()[0] == len(TOWNSHIP_MIGRATIONS)
        assert list(tmp_path.glob("township.v1-*.bak.db"))
        [(seq, key, pinned)] = db.execute(
            "SELECT p.sequence, p.public_key, v.public_key FROM package p"
            " JOIN village v ON v.key = p.village_key"
        ).fetchall()
        assert seq == 1 and key == pinned
        assert "last_sequence" not in {c.name for c in db["village"].columns}
        assert db.execute("PRAGMA foreign_key_check").fetchall() == []
        before = township_status(db).total.persons
        a = make_village(tmp_path / "a", code="411725100001", name="李庄村", people=A_PEOPLE)
        pkg = build_package(a, tmp_path / "out")
        a.close()
        [received] = add_packages(
            db, [pkg], trusted={"411725100001": "".join(_fingerprint(pkg).split())}
        ).received
        assert received.sequence == 1 and township_status(db).total.persons == 5 != before
    finally:
        db.close()


def test_report_never_overwrites_the_database_or_a_folder(villages, town, tmp_path, cli):
    """Review H4 and L4: report OUT overwrote any path, the township database included; a folder or
    an unwritable path was an internal error."""
    a, _ = villages
    add_packages(town, [build_package(a, tmp_path / "out")])
    status = township_status(town)
    db_path = tmp_path / "township.db"
    (tmp_path / "folder").mkdir()
    (tmp_path / "file.txt").write_text("x")
    for out, words in (
        (db_path, "xlsx"),
        (tmp_path / "notes.txt", "xlsx"),
        (tmp_path / "folder", "文件夹"),
        (tmp_path / "file.txt" / "r.xlsx", "无法写入"),
    ):
        with pytest.raises(EnrollError) as e:
            write_report(town, status, out)
        assert words in e.value.message, e.value.message
    # Even a township database named like a workbook.
    odd = tmp_path / "odd.xlsx"
    other = open_township(odd)
    add_packages(other, [build_package(a, tmp_path / "out2")])
    with pytest.raises(EnrollError) as e:
        write_report(other, township_status(other), tmp_path / "." / "odd.xlsx")
    assert "正在使用的乡镇汇总数据库" in e.value.message
    other.close()
    assert (
        open_township(odd, must_exist=True).execute("SELECT COUNT(*) FROM person").fetchone()[0]
        == 5
    )
    tdb = ["township", "--township-db", str(db_path)]
    for out, words in (
        (db_path, "xlsx"),
        (tmp_path / "folder", "文件夹"),
        (tmp_path / "file.txt" / "r.xlsx", "无法写入"),
    ):
        r = cli(*tdb, "report", str(out), db=False, check=False)
        lines = r.stderr.strip().splitlines()
        assert r.returncode == 1 and len(lines) == 1 and words in lines[0], r.stderr
    assert town.execute("SELECT COUNT(*) FROM person").fetchone()[0] == 5


def test_verify_and_add_name_a_folder(town, tmp_path, cli):
    """Review L4: `verify FOLDER` said 找不到文件."""
    (tmp_path / "pkgs").mkdir()
    r = cli("verify", str(tmp_path / "pkgs"), db=False, check=False)
    assert (
        r.returncode == 1 and "是一个文件夹" in r.stderr and len(r.stderr.strip().splitlines()) == 1
    )
    r = cli("verify", "--json", str(tmp_path / "pkgs"), db=False, check=False)
    assert r.returncode == 1 and json.loads(r.stdout)["ok"] is False
    [(_, reason)] = add_packages(town, [tmp_path / "pkgs"]).refused
    assert "是一个文件夹" in reason


def test_special_gaps_match_the_special_figures(tmp_path, town):
    """Review H6: someone flagged but in 职工医保 counted as not enrolled in 特殊群体 (persons −
    enrolled) while the gap list counted only the unpaid; both are now eligible − enrolled."""
    people = [
        *A_PEOPLE,
        {
            "name": "张职",
            "id": an_id("411725", 5),
            "hh": "e",
            "flags": ["minimum_living"],
            "coverage": "employee",
        },
        {
            "name": "张亡",
            "id": an_id("411725", 6),
            "hh": "e",
            "flags": ["minimum_living"],
            "coverage": "deceased",
        },
    ]
    a = make_village(tmp_path / "a", code="411725100001", name="李庄村", people=people)
    add_packages(town, [build_package(a, tmp_path / "out")])
    village = compute_figures(a)
    a.close()
    status = township_status(town)
    data = status.to_json()
    for code, t in status.special.items():
        gap_names = [g.name for g in status.gaps if code in g.categories]
        assert t.unpaid == len(gap_names) == village.special[code].unpaid, code
    assert data["special"]["minimum_living"] == {
        "persons": 3,
        "eligible": 1,
        "enrolled": 0,
        "unpaid": 1,
    }
    out = write_report(town, status, tmp_path / "r.xlsx")
    sheet = openpyxl.load_workbook(out)["特殊群体"]
    top = [c.value for c in sheet[3]]
    col = top.index("低保对象")
    assert [c.value for c in sheet[4]][col : col + 3] == ["应保", "已保", "未保"]
    rows = {r[0]: r for r in sheet.iter_rows(min_row=5, values_only=True)}
    assert rows["合计"][col : col + 3] == (1, 0, 1)
    unpaid = sum(rows["合计"][c] for c in range(3, len(top), 3))
    assert unpaid == sum(t.unpaid for t in status.special.values())


def test_a_village_on_another_policy_is_named(tmp_path, town, cli):
    """Review M2: the township never compared the villages' policies of a year."""
    from enrollagent.core.policy import presets_dir

    spec = json.loads((presets_dir() / "huojia-2024.json").read_text(encoding="utf-8"))
    spec["standard"] = 350
    spec["subsidies"]["minimum_living"] = {"kind": "full"}
    odd = tmp_path / "odd.json"
    odd.write_text(json.dumps(spec, ensure_ascii=False), encoding="utf-8")
    dbs = [
        make_village(
            tmp_path / f"v{n}", code=f"41172510000{n}", name=f"{n}庄村", people=A_PEOPLE[:1]
        )
        for n in (1, 2)
    ]
    dbs.append(
        make_village(
            tmp_path / "v3", code="411725100003", name="3庄村", people=A_PEOPLE[:1], policy=str(odd)
        )
    )
    pkgs = [build_package(db, tmp_path / "out") for db in dbs]
    for db in dbs:
        db.close()
    assert not add_packages(town, pkgs).refused
    status = township_status(town)
    [warning] = status.warnings
    assert warning.startswith("3庄村 的缴费政策与本年度多数村（2 个村）不同")
    assert (
        "个人缴费标准 350 元/人（多数村 380 元/人）" in warning
        and "低保对象 全额资助（多数村 定额资助 80 元）" in warning
    )
    out = write_report(town, status, tmp_path / "r.xlsx")
    assert openpyxl.load_workbook(out)["注意"]["A4"].value == warning
    r = cli("township", "--township-db", str(tmp_path / "township.db"), "status", db=False)
    assert f"注意：{warning}" in r.stdout


MALFORMED = [
    ('"name": "王一"', '"name": ["x"]', "name 应为文字"),
    ('"payable": 380', '"payable": NaN', "不是合法的 JSON"),
    ('"payable": 380', '"payable": 1e400', "不是合法的 JSON"),
    ('"payable": 380', '"payable": 1e300', "不是合理的金额"),
    ('"payable": 380', '"payable": 1' + "0" * 400, "不是合法的 JSON"),
    ('"net_paid": 380', '"net_paid": 380.001', "两位小数"),
    ('"coverage": "resident"', '"coverage": "martian"', "参保类型代码“martian”不认识"),
    ('"state": "paid"', '"state": "happy"', "参保状态代码“happy”不认识"),
    ('    "unstable"\n   ]', '    "poverty_king"\n   ]', "人员类别"),
    ('"id_valid": true', '"id_valid": "yes"', "id_valid"),
    ('"birth_date": "1970-01-01"', '"birth_date": 19700101', "出生日期"),
    ('"uuid": "', '"uuid": 7, "x": "', "uuid 应为文字"),
]


@pytest.mark.parametrize(
    ("old", "new", "words"), MALFORMED, ids=[" ".join(m[1].split()) for m in MALFORMED]
)
def test_signed_package_with_malformed_data_is_refused_alone(
    villages, town, tmp_path, old, new, words
):
    """Review M4: a validly signed package whose data.json had a list for a name, NaN or 1e400, or
    unknown codes crashed intake with an internal error and aborted the whole batch."""
    a, b = villages
    good, bad = build_package(a, tmp_path / "out"), build_package(b, tmp_path / "out")
    resign_data(bad, b, lambda text: text.replace(old, new, 1) if old in text else pytest.fail(old))
    assert verify_package(bad).ok
    result = add_packages(town, [good, bad])
    [(path, reason)] = result.refused
    assert path == bad and "data.json 有误" in reason and words in reason, reason
    assert [r.village_key for r in result.received] == ["411725100001"]


def test_batch_goes_by_sequence_not_file_name(villages, town, tmp_path):
    """Review M7: 002 renamed by WeChat to "0李庄(1).zip" sorted before 001 and got 001 refused."""
    a, _ = villages
    first = build_package(a, tmp_path / "out")
    add_people(a, [{"name": "新生", "id": an_id("411725", 50, "20000101"), "hh": "z"}])
    second = copy_package(build_package(a, tmp_path / "out"), tmp_path / "wechat" / "0李庄(1).zip")
    result = add_packages(town, [first, second])
    assert not result.refused and [r.sequence for r in result.received] == [1, 2]
    assert (
        township_status(town).villages[0].sequence == 2 and township_status(town).total.persons == 6
    )
