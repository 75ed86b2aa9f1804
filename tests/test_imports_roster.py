"""Issue 3: importing roll sheets (花名册) shaped like real ones."""

from __future__ import annotations

from datetime import date

from enrollagent.core.figures import compute_figures
from enrollagent.imports import run_import

from .imports_helpers import make_id, make_id15, write_csv, write_xls, write_xlsx

TODAY = date(2023, 10, 1)
HEADER = [
    "序号",
    "村民小组",
    "户号",
    "户主姓名",
    "姓名",
    "与户主关系",
    "公民身份号码",
    "联系电话",
    "备注",
]


def _fullwidth(s: str) -> str:
    return s.translate(str.maketrans("0123456789X", "０１２３４５６７８９Ｘ"))


def messy_rows() -> tuple[list[list[object]], dict]:
    """A roll sheet as a township hands it over, and what an honest import makes of it."""
    ids_ = [make_id(n, "19700101") for n in range(1, 40)]
    x_id = next(i for i in (make_id(n, "19650505") for n in range(1, 200)) if i.endswith("X"))
    bad_checksum = ids_[30][:17] + str((int(ids_[30][17]) + 1) % 10 if ids_[30][17] != "X" else 0)
    legacy = make_id15(7)
    rows: list[list[object]] = [
        ["某县某镇李庄村2024年度城乡居民医保参保人员花名册", "", "", "", "", "", "", "", ""],
        ["填报单位（盖章）：李庄村村委会", "", "", "", "", "", "填报日期：2023年9月1日", "", ""],
        [],
        HEADER,
        [
            1,
            "一组",
            "001",
            "张三",
            "张三",
            "户主",
            ids_[0],
            13800000000.0,
            "",
        ],  # phone as a number cell
        [
            2,
            "一组",
            "001",
            "张三",
            "李四",
            "配偶",
            " 411725 " + ids_[1][6:14] + " " + ids_[1][14:],
            "",
            "",
        ],
        [3, "一组", "001", "张三", "张小", "子", _fullwidth(ids_[2]), "", ""],
        [4, "一组", "001", "张三", "张小妹", "女", x_id.lower(), "", ""],  # lowercase x
        [],
        [
            5,
            "一组",
            "002",
            "王五",
            "王五",
            "户主",
            legacy,
            "0374-7120085",
            "",
        ],  # 15 digits → upgraded
        [
            6,
            "一组",
            "002",
            "王五",
            "赵六",
            "妻",
            float(int(make_id15(9))),
            "",
            "",
        ],  # 15-digit number cell: exact
        [
            7,
            "一组",
            "002",
            "王五",
            "王七",
            "儿子",
            float(ids_[5]),
            "",
            "",
        ],  # 18 digits in a number cell
        [8, "二组", "003", "刘一", "刘一", "户主", ids_[6], "", ""],
        [9, "二组", "003", "刘一", "刘二", "子", ids_[6], "", ""],  # the same ID again: one person
        [10, "二组", "003", "刘一", "刘三", "女", bad_checksum, "", ""],  # invalid → 待核实
        [
            11,
            "二组",
            "003",
            "刘一",
            "刘三",
            "女",
            bad_checksum,
            "",
            "",
        ],  # same text + same name: one person
        [
            12,
            "二组",
            "003",
            "刘一",
            "刘四",
            "女",
            bad_checksum,
            "",
            "",
        ],  # same text, other name: another
        [13, "二组", "003", "刘一", "", "子", ids_[7], "", ""],  # no name: not taken
        ["合计", "", "", "", "", "", "", "", ""],  # a total line is not a row of data
    ]
    expect = {
        "rows": 13,
        "imported": 10,
        "households": 3,
        "duplicates": 2,
        "invalid_id": 3,
        "upgraded": 2,
        "already_present": 0,
        "skipped": 1,
    }
    return rows, expect


def test_messy_xlsx_counts_and_figures(db, tmp_path):
    rows, expect = messy_rows()
    path = write_xlsx(tmp_path / "花名册.xlsx", rows, merge=["A1:I1"])
    report = run_import(db, "roster", path, today=TODAY, actor="王明")
    got = report.to_json()
    problems = got.pop("problems")
    assert got == expect
    assert report.header_row == 4
    assert report.columns["id"] == "公民身份号码" and report.columns["name"] == "姓名"
    rows_with_problems = {p["row"] for p in problems}
    assert rows_with_problems == {12, 14, 15, 16, 17, 18}
    by_name = {
        r[0]: r[1:]
        for r in db.execute("SELECT name, id_number, id_valid, relation, phone FROM person")
    }
    assert by_name["李四"][1] == 1 and " " not in by_name["李四"][0]
    assert by_name["张小"][0].isascii() and by_name["张小"][1] == 1
    assert by_name["张小妹"][0].endswith("X") and by_name["张小妹"][1] == 1
    assert len(by_name["王五"][0]) == 18 and by_name["王五"][1] == 1 and by_name["赵六"][1] == 1
    assert by_name["王七"][1] == 0  # a rounded number cell is never trusted
    assert by_name["张三"][3] == "13800000000" and by_name["王五"][3] == "0374-7120085"
    assert by_name["赵六"][2] == "配偶" and by_name["王七"][2] == "子"
    assert (
        db.execute("SELECT COUNT(*) FROM person WHERE name IN ('刘三', '刘四')").fetchone()[0] == 2
    )
    figures = compute_figures(db).to_json()
    assert figures["persons"] == 10 and figures["households"] == 3
    assert figures["attention"]["invalid_id"] == 3
    assert figures["by_group"]["一组"]["persons"] == 7
    phone = db.execute("SELECT phone FROM household WHERE hh_no = '001'").fetchone()[0]
    assert phone == "13800000000"
    sources = db.execute(
        "SELECT DISTINCT reason FROM audit_log WHERE table_name = 'person'"
    ).fetchall()
    assert sources == [("花名册.xlsx",)]
    years = db.execute(
        "SELECT COUNT(*) FROM audit_log WHERE table_name = 'person_year' AND year = 2024"
        " AND field = '*'"
    ).fetchone()[0]
    assert years == figures["persons"]  # each person put on the year's roster is audited
    assert db.execute("SELECT kind, file_name, rows FROM import_log").fetchall() == [
        ("roster", "花名册.xlsx", 13)
    ]


def test_reimport_adds_nothing_and_dry_run_matches(db, tmp_path):
    rows, expect = messy_rows()
    path = write_xlsx(tmp_path / "r.xlsx", rows)
    dry = run_import(db, "roster", path, dry_run=True, today=TODAY, actor="王明")
    assert db.execute("SELECT COUNT(*) FROM person").fetchone()[0] == 0
    assert db.execute("SELECT COUNT(*) FROM import_log").fetchone()[0] == 0
    real = run_import(db, "roster", path, today=TODAY, actor="王明")
    assert dry.to_json() == real.to_json()
    counts = [
        db.execute(f"SELECT COUNT(*) FROM {t}").fetchone()[0]
        for t in ("person", "household", "person_year")
    ]
    again = run_import(db, "roster", path, today=TODAY, actor="王明").to_json()
    assert again["imported"] == 0 and again["households"] == 0
    assert again["already_present"] == expect["imported"]
    assert counts == [
        db.execute(f"SELECT COUNT(*) FROM {t}").fetchone()[0]
        for t in ("person", "household", "person_year")
    ]


def test_households_by_head_and_group_without_hh_no(db, tmp_path):
    rows = [
        ["组别", "户主", "成员姓名", "与户主关系", "身份证号"],
        ["1组", "张三", "张三", "户主", make_id(1)],
        ["1组", "张三", "李四", "配偶", make_id(2)],
        ["2组", "张三", "张三", "户主", make_id(3, "19750101")],  # another 张三 in another group
        ["1组", "王五", "王五", "户主", make_id(4)],
        ["1组", "张三", "张小", "子", make_id(5, "20050101")],
    ]
    report = run_import(
        db, "roster", write_csv(tmp_path / "r.csv", rows), today=TODAY, actor="王明"
    ).to_json()
    assert report["households"] == 3 and report["imported"] == 5
    sizes = sorted(n for (n,) in db.execute("SELECT COUNT(*) FROM person GROUP BY household_id"))
    assert sizes == [1, 1, 3]
    # A later file adds a member to the same household, found again by 户主 + 组.
    more = [rows[0], ["1组", "张三", "张小二", "女", make_id(7, "20080101")]]
    report = run_import(
        db, "roster", write_csv(tmp_path / "more.csv", more), today=TODAY, actor="王明"
    ).to_json()
    assert report["households"] == 0 and report["imported"] == 1
    assert sorted(
        n for (n,) in db.execute("SELECT COUNT(*) FROM person GROUP BY household_id")
    ) == [1, 1, 4]


def test_households_follow_head_rows_when_the_file_has_no_household_columns(db, tmp_path):
    rows = [
        ["姓名", "身份证号码", "与户主关系"],
        ["甲", make_id(1), "户主"],
        ["乙", make_id(2), "妻子"],
        ["丙", make_id(3), "户主"],
        ["丁", make_id(4), "长女"],
        ["戊", make_id(5), "之子"],
    ]
    report = run_import(
        db, "roster", write_xlsx(tmp_path / "r.xlsx", rows), today=TODAY, actor="王明"
    ).to_json()
    assert report["households"] == 2 and report["imported"] == 5
    assert sorted(r[0] for r in db.execute("SELECT relation FROM person")) == sorted(
        ["户主", "配偶", "户主", "女", "子"]
    )


def test_legacy_xls_and_gbk_csv(db, tmp_path):
    rows = [
        ["花名册"],
        ["户号", "户主", "姓名", "身份证号", "关系"],
        ["1", "张三", "张三", make_id(1), "户主"],
        ["1", "张三", "李四", make_id15(3), "配偶"],
    ]
    report = run_import(
        db, "roster", write_xls(tmp_path / "old.xls", rows), today=TODAY, actor="王明"
    ).to_json()
    assert (report["imported"], report["upgraded"], report["households"]) == (2, 1, 1)
    rows2 = [
        ["户号", "户主", "姓名", "身份证号", "关系"],
        ["2", "王五", "王五", make_id(5), "户主"],
    ]
    report = run_import(
        db,
        "roster",
        write_csv(tmp_path / "gbk.csv", rows2, encoding="gbk"),
        today=TODAY,
        actor="王明",
    )
    assert report.to_json()["imported"] == 1
    assert db.execute("SELECT name FROM person WHERE id_number = ?", [make_id(5)]).fetchone() == (
        "王五",
    )


def test_category_column_in_a_roster_flags_people(db, tmp_path):
    rows = [
        ["姓名", "身份证号码", "户号", "人员类别"],
        ["甲", make_id(1), "1", "特困供养人员"],
        ["乙", make_id(2), "1", "低保、重度残疾"],
        ["丙", make_id(3), "1", ""],
    ]
    report = run_import(
        db, "roster", write_xlsx(tmp_path / "r.xlsx", rows), today=TODAY, actor="王明"
    ).to_json()
    assert report["flagged"] == 2
    assert sorted(c for (c,) in db.execute("SELECT category FROM special_flag")) == [
        "extreme_poverty",
        "minimum_living",
        "severe_disability",
    ]
    assert compute_figures(db).to_json()["subsidized"] == 1
