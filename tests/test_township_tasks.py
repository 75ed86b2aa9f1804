"""Issue 17, tasks read as a clerk writes them: title rows and two header rows, the 附件2 shape,
columns picked by the clerk, a county's table of townships refused, a 合计 that disagrees."""

from __future__ import annotations

import openpyxl
import pytest

from enrollagent.errors import EnrollError
from enrollagent.exports.package import build_package
from enrollagent.township.intake import add_packages
from enrollagent.township.store import open_township
from enrollagent.township.tasks import load_tasks, read_tasks

from .township_helpers import an_id, make_village


@pytest.fixture
def town(tmp_path):
    db = open_township(tmp_path / "township.db")
    yield db
    db.close()


def _workbook(path, rows, merges=()):
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "附件2"
    for row in rows:
        ws.append(list(row))
    for cells in merges:
        ws.merge_cells(cells)
    wb.save(path)
    return path


def _attachment2(path, villages, *, total=None, lower=("应缴人数", "目标任务")):
    """The 获嘉 notice's 附件2 as a township would fill it for its villages: 附件2, a two-line
    title, 序号 and 村 merged down over two header rows, 城乡居民医疗保险 over its two columns."""
    rows = [
        ("附件2",),
        ("2024年度各村居民基本医疗保险征缴",),
        ("目标任务",),
        ("序号", "村", "城乡居民医疗保险", None, "备注"),
        (None, None, *lower, None),
    ]
    rows += [(n, name, due, task, "") for n, (name, due, task) in enumerate(villages, start=1)]
    if total is not None:
        rows.append(("合计", None, None, total, None))
    return _workbook(path, rows, merges=("A4:A5", "B4:B5", "C4:D4", "E4:E5"))


VILLAGES = [("李庄村", 1200, 1150), ("王庄村", 900, 880), ("刘庄村", 640, 600)]


def test_the_attachment_2_shape_with_two_header_rows(tmp_path, town):
    path = _attachment2(tmp_path / "附件2.xlsx", VILLAGES, total=2630)
    loaded = load_tasks(town, path)
    assert [(r.village_name, r.task, r.row) for r in loaded.rows] == [
        ("李庄村", 1150, 6),
        ("王庄村", 880, 7),
        ("刘庄村", 600, 8),
    ]
    assert loaded.name_header == "村" and loaded.task_header == "城乡居民医疗保险/目标任务"
    assert loaded.stated_total == (9, 2630) and loaded.warnings == []
    assert town.execute("SELECT SUM(task) FROM task").fetchone()[0] == 2630


def test_a_total_that_disagrees_is_a_warning_with_both_numbers(tmp_path, town):
    loaded = load_tasks(town, _attachment2(tmp_path / "t.xlsx", VILLAGES, total=2700))
    assert loaded.total == 2630
    [warning] = loaded.warnings
    assert "第 9 行的合计 2700" in warning and "相加的 2630" in warning


def test_the_task_under_another_name_is_picked_by_the_clerk(tmp_path, town):
    path = _attachment2(tmp_path / "t.xlsx", VILLAGES, lower=("应缴人数", "征缴人数"))
    with pytest.raises(EnrollError) as e:
        read_tasks(path)
    message = e.value.message
    assert "第 4 行的表头里找不到任务数那一列" in message and "如 --task-col D）" in message
    assert (
        "A 序号、B 村、C 城乡居民医疗保险/应缴人数、D 城乡居民医疗保险/征缴人数、E 备注" in message
    )
    by_letter = read_tasks(path, task_col="d")
    by_text = read_tasks(path, task_col="征缴人数")
    assert [r.task for r in by_letter.rows] == [r.task for r in by_text.rows] == [1150, 880, 600]
    with pytest.raises(EnrollError) as e:
        read_tasks(path, task_col="任务人数")
    assert (
        "没有“任务人数”这一列" in e.value.message
        and "D 城乡居民医疗保险/征缴人数" in e.value.message
    )


def test_two_task_columns_are_unsure_until_one_is_named(tmp_path, town):
    path = _workbook(
        tmp_path / "t.xlsx",
        [
            ("留庄镇各村参保任务",),
            ("村名称", "2024年任务数", "2025年任务数"),
            ("李庄村", 100, 110),
            ("王庄村", 200, 210),
        ],
    )
    with pytest.raises(EnrollError) as e:
        load_tasks(town, path)
    assert "有几列都像任务数" in e.value.message
    assert [r.task for r in load_tasks(town, path, task_col="2025年任务数").rows] == [110, 210]


def test_unknown_header_words_with_both_columns_named(tmp_path, town):
    path = _workbook(tmp_path / "t.xlsx", [("站点", "人数"), ("李庄村", 100), ("王庄村", 200)])
    with pytest.raises(EnrollError) as e:
        read_tasks(path)
    assert "没有找到表头" in e.value.message
    loaded = read_tasks(path, name_col="站点", task_col="B")
    assert [(r.village_name, r.task) for r in loaded.rows] == [("李庄村", 100), ("王庄村", 200)]


def county_table(path):
    """确山县's 任务分配表 (附件3): 镇、街道 and their tasks, as the county sends it."""
    return _workbook(
        path,
        [
            ("附件 3",),
            ("确山县 2023 年城乡居民医保参保征缴任务分配表",),
            ("序号", "镇、街道名称", "2023 年居民 参保任务人数", "备 注"),
            (1, "盘龙街道", 25265, None),
            (2, "三里河街道", 34089, None),
            (3, "朗陵街道", 34479, None),
            (4, "刘店镇", 45234, None),
            (5, "普会寺镇", 27115, None),
            (6, "留庄镇", 53654, None),
        ],
    )


def test_a_county_table_of_townships_is_refused_with_its_reason(tmp_path, town):
    load_tasks(town, _attachment2(tmp_path / "ok.xlsx", VILLAGES))
    with pytest.raises(EnrollError) as e:
        load_tasks(town, county_table(tmp_path / "附件3.xlsx"))
    assert "6 个名称中有 6 个是乡镇或街道（如 盘龙街道、三里河街道、朗陵街道…）" in e.value.message
    assert "不是本乡镇各村的任务表" in e.value.message
    assert town.execute("SELECT COUNT(*) FROM task").fetchone()[0] == 3


@pytest.fixture
def reported(tmp_path, town):
    for n, name in ((1, "李庄村"), (2, "王庄村")):
        db = make_village(
            tmp_path / f"v{n}",
            code=f"41172510000{n}",
            name=name,
            people=[{"name": "甲", "id": an_id("411725", n)}],
        )
        add_packages(town, [build_package(db, tmp_path / "out")])
        db.close()
    return town


def test_another_townships_villages_are_refused(tmp_path, reported):
    others = [("张村", 1, 100), ("赵村", 1, 200), ("钱村", 1, 300), ("李庄村", 1, 50)]
    with pytest.raises(EnrollError) as e:
        load_tasks(reported, _attachment2(tmp_path / "other.xlsx", others))
    assert "4 个名称有 3 个不是已上报的村（如 张村、赵村、钱村）" in e.value.message
    assert "已上报的 2 个村只有 1 个在表里" in e.value.message
    # Early in the collection most villages have not reported: those that did are in the table.
    early = [("李庄", 1, 100), ("王庄村", 1, 200), *((f"{c}村", 1, 10) for c in "甲乙丙丁戊己")]
    assert len(load_tasks(reported, _attachment2(tmp_path / "early.xlsx", early)).rows) == 8


def test_cli_tasks_columns_and_refusals(tmp_path, cli):
    tdb = ["township", "--township-db", str(tmp_path / "t.db")]
    path = _attachment2(tmp_path / "t.xlsx", VILLAGES, total=2700, lower=("应缴人数", "征缴人数"))
    r = cli(*tdb, "tasks", str(path), db=False, check=False)
    lines = r.stderr.strip().splitlines()
    assert r.returncode == 1 and len(lines) == 1 and "--task-col" in lines[0]
    out = cli(*tdb, "tasks", str(path), "--task-col", "D", db=False).stdout
    assert "已载入 3 个村的任务数" in out and "任务数取“城乡居民医疗保险/征缴人数”列" in out
    assert "注意：任务表第 9 行的合计 2700 与各村任务数相加的 2630 不一致" in out
    r = cli(*tdb, "tasks", str(county_table(tmp_path / "c.xlsx")), db=False, check=False)
    lines = r.stderr.strip().splitlines()
    assert r.returncode == 1 and len(lines) == 1 and "是乡镇或街道" in lines[0]
