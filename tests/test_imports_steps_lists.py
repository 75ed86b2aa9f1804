"""The steps a roll-sheet import and a department-list import are made of, each alone: on a real
migrated store and real rows (payments: test_imports_steps.py)."""

from __future__ import annotations

from datetime import date

from enrollagent.core import ids
from enrollagent.core import roster as core_roster
from enrollagent.errors import Problem
from enrollagent.imports import run_import
from enrollagent.imports.cells import id_problem
from enrollagent.imports.columns import find_columns
from enrollagent.imports.flags import YearFlags
from enrollagent.imports.groups import by_grade, match, qualify
from enrollagent.imports.job import Skip, roster_by_id
from enrollagent.imports.messages import NO_NAME
from enrollagent.imports.roster import Roll, born_and_sex, section_title

from .imports_helpers import job_for, make_id, write_csv, writing

TODAY = date(2023, 12, 31)
P = [make_id(n, "19700101") for n in range(1, 7)]
BAD_ID = "41172519700101"  # 14 digits: kept, flagged 待核实, matches nothing


def check(id_number: str) -> ids.IdCheck:
    return ids.check_cell(id_number, today=TODAY)


def import_roll(db, tmp_path, rows: list[list[object]]) -> None:
    run_import(db, "roster", write_csv(tmp_path / "roll.csv", rows), today=TODAY, actor="王明")


def person_id(db, id_number: str) -> int:
    return core_roster.find_person(db, id_number).id


# --- roll sheets --------------------------------------------------------------------------

ROLL_HEADER = [
    "村民小组",
    "户号",
    "户主姓名",
    "姓名",
    "与户主关系",
    "身份证号码",
    "联系电话",
    "人员类别",
    "出生日期",
    "性别",
]
ROLL_COLS = find_columns([ROLL_HEADER], "roster")


def roll_row(**cells: object) -> list[object]:
    return [cells.get(h, "") for h in ROLL_HEADER]


def test_a_row_holding_only_a_groups_name_is_a_section_title():
    assert section_title(["二组", None, "二组"]) == "二组"
    assert section_title([" 第 3 组 "]) == "第3组"
    assert section_title(["张三", "二组"]) == ""
    assert section_title(["后寨组"]) == ""  # a name of a place: maybe a person's household


def test_birth_and_sex_come_from_a_valid_id_else_from_the_rows_own_cells():
    row = roll_row(出生日期="1990/5/6", 性别="女")
    assert born_and_sex(check(make_id(3, "19800102")), row, ROLL_COLS) == ("1980-01-02", "男")
    assert born_and_sex(check(BAD_ID), row, ROLL_COLS) == ("1990-05-06", "女")
    assert born_and_sex(check(BAD_ID), roll_row(性别="未知"), ROLL_COLS) == (None, None)


def test_the_same_person_twice_in_a_sheet_counts_once(db):
    job = job_for(db, "roster")
    with writing(job):
        roll = Roll(job, ROLL_COLS)
        assert roll.duplicate(2, check(P[0]), "张三") is None
        assert roll.duplicate(5, check(P[0]), "张三丰") == Skip(
            "duplicates", Problem("roster_duplicate", first=2)
        )
        # The same invalid ID is one person only with the same name.
        assert roll.duplicate(6, check(BAD_ID), "李四") is None
        assert roll.duplicate(7, check(BAD_ID), "王五") is None
        assert roll.duplicate(8, check(BAD_ID), "李四") == Skip(
            "duplicates", Problem("roster_duplicate", first=6)
        )


def test_a_person_the_store_holds_is_put_on_the_years_roster_once(db, tmp_path):
    import_roll(db, tmp_path, [["姓名", "身份证号码"], ["张三", P[0]], ["李四", BAD_ID]])
    job = job_for(db, "roster")
    job.year += 1  # the next year's roster, which nobody is on yet
    with writing(job):
        roll = Roll(job, ROLL_COLS)
        assert roll.already_present(check(P[0]), "张三")
        assert roll.already_present(check(P[0]), "张三")
        assert roll.already_present(check(BAD_ID), "李四")
        assert not roll.already_present(check(BAD_ID), "王五")
        assert not roll.already_present(check(P[1]), "赵六")
    kept = db.execute("SELECT id FROM person WHERE id_number = ?", [BAD_ID]).fetchone()[0]
    assert roll.years == [person_id(db, P[0]), kept]


def test_households_by_number_then_by_head_and_group_and_a_group_holds_below(db, tmp_path):
    import_roll(
        db,
        tmp_path,
        [["村民小组", "户号", "户主姓名", "姓名", "与户主关系", "身份证号码"]]
        + [["一组", "001", "张三", "张三", "户主", P[0]]],
    )
    stored = core_roster.find_person(db, P[0]).household_id
    job = job_for(db, "roster")
    with writing(job):
        roll = Roll(job, ROLL_COLS)
        row = roll_row(户号="001", 姓名="张小", 与户主关系="子")
        assert roll.household(2, row, check(P[1]), "张小") == (stored, "子")
        row = roll_row(村民小组="一组", 户主姓名="张三", 姓名="张二", 与户主关系="女")
        assert roll.household(3, row, check(P[2]), "张二") == (stored, "女")
        row = roll_row(村民小组="二组", 户主姓名="李四", 姓名="李四")
        new, relation = roll.household(4, row, check(P[3]), "李四")
        assert relation == "户主"  # the head's own row says so by its name
        assert roll.households[new]["group_name"] == "二组"
        row = roll_row(户主姓名="李四", 姓名="李小", 与户主关系="子")
        assert roll.household(5, row, check(P[4]), "李小") == (new, "子")
    assert list(roll.households) == [new]


def test_without_number_or_head_a_head_row_opens_a_household_the_rows_below_join(db):
    cols = find_columns([["姓名", "与户主关系", "身份证号码"]], "roster")
    job = job_for(db, "roster")
    with writing(job):
        roll = Roll(job, cols)
        first, _ = roll.household(2, ["张三", "户主", P[0]], check(P[0]), "张三")
        member, _ = roll.household(3, ["张小", "子", P[1]], check(P[1]), "张小")
        second, _ = roll.household(4, ["李四", "户主", P[2]], check(P[2]), "李四")
    assert first == member != second and len(roll.households) == 2


def test_a_new_person_is_written_with_notes_for_an_invalid_id_a_second_head_a_bad_phone(db):
    job = job_for(db, "roster", file_name="花名册.xlsx")
    head = roll_row(
        户号="009", 姓名="张三", 与户主关系="户主", 联系电话="13800000000", 人员类别="低保"
    )
    second = roll_row(户号="009", 姓名="张四", 与户主关系="户主", 联系电话="12345")
    with writing(job):
        roll = Roll(job, ROLL_COLS)
        hid, relation = roll.household(2, head, check(P[0]), "张三")
        _pid, notes = roll.add_person(2, head, check(P[0]), "张三", hid, relation)
        assert notes == []
        assert roll.add_person(3, second, check(BAD_ID), "张四", hid, "户主")[1] == [
            Problem("roster_id_kept", why=id_problem(check(BAD_ID))),
            Problem("roster_head_exists"),
            Problem("roster_phone_invalid", phone="12345"),
        ]
        roll.write()
    assert db.execute(
        "SELECT name, relation, phone, id_valid FROM person WHERE household_id = ? ORDER BY id",
        [hid],
    ).fetchall() == [("张三", "户主", "13800000000", 1), ("张四", "其他", "", 0)]
    assert db.execute("SELECT phone FROM household").fetchall() == [("13800000000",)]
    assert db.execute("SELECT COUNT(*) FROM person_year").fetchone() == (2,)
    assert db.execute("SELECT category, source FROM special_flag").fetchall() == [
        ("minimum_living", "花名册.xlsx:2")
    ]


# --- department lists ---------------------------------------------------------------------

CATEGORY_COLS = find_columns([["姓名", "身份证号码", "人员类别", "风险是否消除"]], "groups")
GRADE_COLS = find_columns([["姓名", "身份证号码", "人员类别", "残疾等级"]], "groups")


def test_a_listed_row_qualifies_by_its_category_or_is_skipped_saying_why(db):
    job = job_for(db, "groups")

    def categories(category: str, risk: str = "") -> tuple[list[str], Problem | None]:
        return qualify(job, ["张三", P[0], category, risk], CATEGORY_COLS, None)

    assert categories("城乡低保") == (["minimum_living"], None)
    assert categories("城乡低保", risk="是") == ([], Problem("group_risk_eliminated"))
    assert categories("农村") == ([], Problem("group_category_unknown", category="农村"))
    assert categories("") == ([], Problem("group_no_category"))
    job.category = (
        "orphan"  # --category: for rows that say nothing, or say it in words of their own
    )
    assert categories("农村") == (["orphan"], None)
    job.category, job.category_hint = None, "extreme_poverty"  # a title: for rows saying nothing
    assert categories("") == (["extreme_poverty"], None)
    assert categories("农村") == ([], Problem("group_category_unknown", category="农村"))


def test_only_a_first_or_second_grade_disability_is_severe():
    def grade(cats: list[str], grade: str, card: str | None = None):
        return by_grade(["张三", P[0], "", grade], GRADE_COLS, card, cats)

    assert grade([], "一级") == (["severe_disability"], None)
    assert grade(["minimum_living"], "二级") == (["minimum_living", "severe_disability"], None)
    assert grade(["severe_disability"], "三级") == (
        [],
        Problem("group_grade_not_severe", grade="三级"),
    )
    assert grade(["minimum_living"], "四级") == (["minimum_living"], None)
    assert grade([], "甲") == ([], Problem("group_grade_unreadable", grade="甲"))
    assert grade([], "") == ([], Problem("group_no_grade"))
    assert grade([], "", card="2") == (["severe_disability"], None)  # a 残疾人证号's last digit
    assert grade([], "", card="") == ([], Problem("group_card_no_grade"))


def test_a_listed_person_is_matched_by_a_valid_id_on_the_roster(db, tmp_path):
    import_roll(db, tmp_path, [["姓名", "身份证号码"], ["张三", P[0]]])
    job = job_for(db, "groups")
    roster = roster_by_id(job)
    pid = person_id(db, P[0])
    assert match(roster, P[0], "张三", job) == (pid, None)
    assert match(roster, P[0], "张山", job) == (
        pid,
        Problem("group_name_differs", name="张山", roster_name="张三"),
    )
    assert match(roster, P[1], "", job) == Skip(
        "not_in_roster", Problem("group_not_in_roster", name=P[1], masked_id=ids.mask(P[1]))
    )
    assert match(roster, BAD_ID, "", job) == Skip(
        "not_in_roster",
        Problem("group_id_invalid", name=NO_NAME, why=id_problem(check(BAD_ID))),
    )


def test_year_flags_add_only_what_the_store_lacks(db, tmp_path):
    import_roll(db, tmp_path, [["姓名", "身份证号码"], ["张三", P[0]], ["李四", P[1]]])
    first, second = person_id(db, P[0]), person_id(db, P[1])
    core_roster.flag_person(db, first, "minimum_living", actor="王明")
    job = job_for(db, "groups", file_name="民政名单.xlsx")
    with writing(job):
        flags = YearFlags(job)
        flags.add(first, ["minimum_living", "orphan"], 3)
        flags.add(first, ["orphan"], 4)
        flags.add(second, [], 5)
        assert flags.persons() == {first}
        flags.write()
    assert db.execute(
        "SELECT person_id, category, source FROM special_flag ORDER BY id"
    ).fetchall() == [(first, "minimum_living", "manual"), (first, "orphan", "民政名单.xlsx:3")]
