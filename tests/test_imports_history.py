"""A last-year roll's history columns (连续参保年限, 断保年限, 缴费修复年限) read into this year's
person_year, and the waiting months they imply under the national defaults."""

from __future__ import annotations

from datetime import date

import pytest

from enrollagent.core.cover import covers
from enrollagent.imports import run_import
from enrollagent.imports.history import years_of

from .imports_helpers import make_id, write_csv, write_xlsx

TODAY = date(2023, 10, 1)
A = "王明"
IDS = [make_id(n) for n in range(1, 8)]


def history(db, year=2024):
    """ID → (prior_cover_years, prior_gap_years, repaired_years) of the year's roster."""
    return {
        idn: (cover, gap, repaired)
        for idn, cover, gap, repaired in db.execute(
            "SELECT p.id_number, py.prior_cover_years, py.prior_gap_years, py.repaired_years"
            " FROM person p JOIN person_year py ON py.person_id = p.id AND py.year = ?",
            [year],
        )
    }


def waiting(db, year=2024):
    """ID → months of waiting when enrolled within the window."""
    by_id = dict(db.execute("SELECT id, id_number FROM person").fetchall())
    return {by_id[pid]: c.waiting_on_time for pid, c in covers(db, year).items()}


def test_an_xlsx_roll_with_history_columns(db, tmp_path):
    path = write_xlsx(
        tmp_path / "2023年度参保名册.xlsx",
        [
            ["某县某镇李庄村2023年度城乡居民医保参保人员名册"],
            ["序号", "姓名", "公民身份号码", "连续参保年限（年）", "断保年限", "缴费修复年限"],
            [1, "张一", IDS[0], 5, 0, 0],
            [2, "张二", IDS[1], "3", 2.0, ""],  # 断保2年: 3 + 2 = 5 months
            [3, "张三", IDS[2], "", "4年", "1年"],  # 4 years: 3 + 4 − 1 = 6, the floor
            [4, "张四", IDS[3], "三年", 1, 2],  # words and more repaired than missed
            [5, "张五", IDS[4], 2.5, -1, "0"],
            [6, "张六", IDS[5]],
        ],
    )
    dry = run_import(db, "roster", path, dry_run=True, today=TODAY, actor=A)
    assert dry.counts["history"] == 5 and dry.counts["imported"] == 6
    assert history(db) == {}  # a dry run writes nothing

    report = run_import(db, "roster", path, today=TODAY, actor=A)
    assert report.counts["imported"] == 6 and report.counts["history"] == 5
    assert report.columns["cover_years"] == "连续参保年限（年）"
    assert report.columns["gap_years"] == "断保年限"
    assert report.columns["repaired_years"] == "缴费修复年限"
    assert history(db) == {
        IDS[0]: (5, 0, 0),
        IDS[1]: (3, 2, 0),
        IDS[2]: (None, 4, 1),
        IDS[3]: (None, 1, 0),  # 三年 unread, 修复 2 > 断保 1 left out
        IDS[4]: (None, None, 0),  # only its 0 years repaired were readable
        IDS[5]: (None, None, 0),
    }
    reasons = {p["row"]: p["reason"] for p in report.problems}
    assert reasons[6] == (
        "连续参保年限“三年”不是0到50之间的整数年数，此项未导入"
        "；缴费修复年限2年多于断保年限1年，修复年限未导入"
    )
    assert reasons[7] == (
        "连续参保年限“2.5”不是0到50之间的整数年数，此项未导入"
        "；断保年限“-1”不是0到50之间的整数年数，此项未导入"
    )
    assert {p["code"] for p in report.problems} == {"roster_notes"}

    found = waiting(db)
    assert found[IDS[0]] == 0  # five years unbroken, in the window: no waiting
    assert found[IDS[1]] == 5  # 3 + 2 (国办发〔2024〕38号, national defaults)
    assert found[IDS[2]] == 6  # 3 + 4 − 1 = 6, and 4 years without cover set the floor at 6
    assert found[IDS[3]] == 4

    audited = db.execute(
        "SELECT field, old, new FROM audit_log WHERE table_name = 'person_year' AND field != '*'"
        " AND row_id = (SELECT id FROM person WHERE id_number = ?)",
        [IDS[1]],
    ).fetchall()
    assert sorted(audited) == [("prior_cover_years", None, "3"), ("prior_gap_years", None, "2")]


def test_a_gbk_csv_with_other_words_and_a_reimport_that_updates(db, tmp_path):
    header = ["姓名", "身份证号码", "连续缴费年数", "中断参保年限", "补缴年限"]
    first = write_csv(
        tmp_path / "上年度名册.csv",
        [header, ["李一", IDS[0], "6", "0", "0"], ["李二", IDS[1], "", "2", ""]],
        encoding="gbk",
    )
    run_import(db, "roster", first, today=TODAY, actor=A)
    assert history(db) == {IDS[0]: (6, 0, 0), IDS[1]: (None, 2, 0)}
    assert waiting(db)[IDS[1]] == 5

    # The township's corrected roll: 李二 paid one year back, 李一's cell left blank.
    second = write_csv(
        tmp_path / "更正名册.csv",
        [header, ["李一", IDS[0], "", "", ""], ["李二", IDS[1], "1", "2", "1年"]],
        encoding="gbk",
    )
    report = run_import(db, "roster", second, today=TODAY, actor=A)
    assert report.counts["already_present"] == 2 and report.counts["history"] == 1
    assert history(db) == {IDS[0]: (6, 0, 0), IDS[1]: (1, 2, 1)}
    assert waiting(db)[IDS[1]] == 4  # 3 + 2 − 1


def test_a_roll_without_history_columns_changes_nothing(db, tmp_path):
    with_history = write_xlsx(
        tmp_path / "a.xlsx", [["姓名", "身份证号", "断保年数"], ["王一", IDS[0], 3]]
    )
    run_import(db, "roster", with_history, today=TODAY, actor=A)
    plain = write_xlsx(
        tmp_path / "b.xlsx",
        [["姓名", "身份证号"], ["王一", IDS[0]], ["王二", IDS[1]]],
    )
    report = run_import(db, "roster", plain, today=TODAY, actor=A)
    assert "history" not in report.counts
    assert history(db) == {IDS[0]: (None, 3, 0), IDS[1]: (None, None, 0)}
    assert not covers(db, 2024)[
        db.execute("SELECT id FROM person WHERE id_number = ?", [IDS[1]]).fetchone()[0]
    ].known


@pytest.mark.parametrize(
    "cell, years",
    [
        (3, 3),
        (3.0, 3),
        ("3", 3),
        ("3.0", 3),
        ("3年", 3),
        ("３ 年", 3),
        ("0", 0),
        ("", None),
        (None, None),
        ("  ", None),
        (50, 50),
    ],
)
def test_years_of(cell, years):
    assert years_of(cell) == years


@pytest.mark.parametrize("cell", ["三年", "abc", 2.5, -1, 51, "3-4", True, float("nan"), "2024"])
def test_years_of_refuses(cell):
    with pytest.raises(ValueError):
        years_of(cell)


def test_the_cli_dry_run_counts_persons_with_history(db, cli, tmp_path):
    path = write_xlsx(
        tmp_path / "名册.xlsx",
        [["姓名", "身份证号", "断保年限"], ["赵一", IDS[0], 2], ["赵二", IDS[1], "两年"]],
    )
    data = cli.json("import", "roster", str(path), "--dry-run")
    assert data["history"] == 1 and data["imported"] == 2
    assert data["problems"][0]["reason"] == "断保年限“两年”不是0到50之间的整数年数，此项未导入"
    assert history(db) == {}
    text = cli("import", "roster", str(path), "--dry-run").stdout
    assert "有参保年限记录 1" in text
