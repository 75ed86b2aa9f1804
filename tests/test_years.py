"""Every year after the first: a village rolled into the next year, its last year kept as it was,
continuous cover and waiting periods under the national defaults."""

from __future__ import annotations

from datetime import date

import openpyxl
import pytest

from enrollagent.core.cover import covers, waiting_if_late, waiting_months
from enrollagent.core.figures import compute_figures, person_state
from enrollagent.core.payments import record_payment
from enrollagent.core.policy import LongTerm, load_policy
from enrollagent.core.roster import (
    add_household_with_head,
    add_person,
    flag_person,
    set_coverage,
    set_history,
)
from enrollagent.core.snapshot import filtered, load_snapshot
from enrollagent.core.village import get_village
from enrollagent.core.year import (
    confirm_cover,
    held_years,
    plan_year,
    start_year,
    to_recertify,
)
from enrollagent.errors import EnrollError
from enrollagent.exports.roll import write_roll
from tests.imports_helpers import make_id

A = "王明"


def person(db, household, n, name, **kw):
    return add_person(db, household_id=household, actor=A, name=name, id_number=make_id(n, **kw)).id


@pytest.fixture
def village_2024(db):
    """Nine people in three households, as an agent would have them at the end of 2024."""
    h1 = add_household_with_head(
        db, actor=A, head_name="张一", head_id_number=make_id(1), hh_no="001", group_name="一组"
    )
    ids = {"张一": h1.head_id}
    ids["张二"] = person(db, h1.id, 2, "张二")
    ids["张三"] = person(db, h1.id, 3, "张三")
    h2 = add_household_with_head(
        db, actor=A, head_name="李一", head_id_number=make_id(4), hh_no="002", group_name="一组"
    )
    ids["李一"] = h2.head_id
    for n, name in ((5, "李二"), (6, "李三"), (7, "李四")):
        ids[name] = person(db, h2.id, n, name)
    h3 = add_household_with_head(
        db, actor=A, head_name="王一", head_id_number=make_id(8), hh_no="003", group_name="二组"
    )
    ids["王一"] = h3.head_id
    ids["王二"] = person(db, h3.id, 9, "王二")
    record_payment(db, person_id=ids["张一"], actor=A, paid_on=date(2023, 10, 8))
    flag_person(db, ids["张二"], "extreme_poverty", actor=A)
    flag_person(db, ids["张三"], "minimum_living", actor=A)
    record_payment(db, person_id=ids["张三"], actor=A, paid_on=date(2023, 10, 8))
    set_coverage(db, ids["李一"], "deceased", actor=A)
    set_coverage(db, ids["李二"], "moved_out", actor=A, note="迁往郑州")
    set_coverage(db, ids["李四"], "employee", actor=A, note="县医院")
    set_coverage(db, ids["王一"], "school", actor=A)
    record_payment(db, person_id=ids["王二"], actor=A, paid_on=date(2023, 11, 2))
    return ids


def roll_values(path):
    sheet = openpyxl.load_workbook(path).active
    return [[c.value for c in row] for row in sheet.iter_rows()]


def test_a_2024_village_rolls_into_2025_with_the_figures_one_counts_by_hand(
    db, village_2024, tmp_path
):
    ids = village_2024
    before = compute_figures(db, 2024)
    write_roll(db, tmp_path / "before.xlsx", year=2024)
    policy = load_policy("huojia-2024").for_year(2025)

    plan = plan_year(db, 2025, policy, task=8)
    # 9 on the 2024 roll; 李一 (died) and 李二 (moved away) leave; 李四 (职工医保) and 王一
    # (在校学生) carry their cover as 待确认; 张二 (特困) and 张三 (低保) must be certified again.
    assert plan.to_json() == {
        "from_year": 2024,
        "year": 2025,
        "policy": "获嘉县（河南）",
        "task": 8,
        "persons_carried": 7,
        "households": 3,
        "left": 2,
        "left_by_kind": {"deceased": 1, "moved_out": 1},
        "to_confirm": 2,
        "flags_to_recertify": 2,
    }
    assert get_village(db).current_year == 2024  # a preview changes nothing

    done = start_year(db, 2025, policy, actor=A, task=8)
    assert done.persons_carried == 7 and get_village(db).current_year == 2025
    now = compute_figures(db, 2025)
    # Nobody has paid 2025 yet and nobody is flagged: 张一, 张二, 张三, 李三, 王二 owe 380 each.
    data = now.to_json()
    assert (data["persons"], data["unpaid"], data["enrolled"], data["task"]) == (7, 5, 1, 8)
    assert data["outside"]["employee"] == 1 and data["collected"] == 0
    assert person_state(db, ids["李一"], 2025) is None
    assert person_state(db, ids["李二"], 2025) is None
    employee = person_state(db, ids["李四"], 2025)
    assert (employee.coverage, employee.coverage_note, employee.to_confirm) == (
        "employee",
        "县医院",
        True,
    )
    assert to_recertify(db) == {
        ids["张二"]: ("extreme_poverty",),
        ids["张三"]: ("minimum_living",),
    }
    confirm_cover(db, [ids["李四"]], actor=A)
    assert not person_state(db, ids["李四"], 2025).to_confirm

    # 2024 is as it was: its figures and its roll sheet.
    assert compute_figures(db, 2024) == before
    write_roll(db, tmp_path / "after.xlsx", year=2024)
    assert roll_values(tmp_path / "after.xlsx") == roll_values(tmp_path / "before.xlsx")

    # A 2025 payment counts in 2025, not in 2024.
    record_payment(db, person_id=ids["张一"], actor=A, paid_on=date(2024, 10, 1))
    assert compute_figures(db, 2025).to_json()["paid"] == 1
    assert compute_figures(db, 2024) == before

    assert [(y.year, y.persons, y.current) for y in held_years(db)] == [
        (2025, 7, True),
        (2024, 9, False),
    ]
    with pytest.raises(EnrollError, match="2025年度已经开始过了"):
        start_year(db, 2025, policy, actor=A)
    with pytest.raises(EnrollError, match="政策是2025年度的，与要开始的2026年度不一致"):
        start_year(db, 2026, policy, actor=A)
    with pytest.raises(EnrollError, match="资助还是待定"):
        start_year(db, 2026, load_policy("queshan-2024").for_year(2026), actor=A)


def test_continuous_years_come_from_the_villages_own_years(db, village_2024):
    ids = village_2024
    start_year(db, 2025, load_policy("huojia-2024").for_year(2025), actor=A)
    found = covers(db, 2025)
    # 张一 paid 2024: one year of cover so far, none missing; in the window he waits for nothing.
    assert (found[ids["张一"]].continuous_years, found[ids["张一"]].gap_years) == (1, 0)
    assert found[ids["张一"]].waiting_on_time == 0
    assert found[ids["张一"]].waiting_if_late == 3
    # 李三 did not pay 2024: one year without cover, 3 + 1 months even within the window.
    assert found[ids["李三"]].gap_years == 1
    assert found[ids["李三"]].waiting_on_time == found[ids["李三"]].waiting_if_late == 4
    # 李四 came from 职工医保: cover unbroken, no waiting.
    assert found[ids["李四"]].exempt.startswith("职工医保转入")
    record_payment(db, person_id=ids["张一"], actor=A, paid_on=date(2024, 10, 1))
    assert covers(db, 2025)[ids["张一"]].continuous_years == 2
    late = waiting_if_late(db, 2025)
    # Unpaid in 2025: 张二, 张三 (flags not yet certified again), 李三 (gap), 王二.
    assert late == {"persons": 4, "months": {"3": 3, "4": 1}}


def test_the_done_when_waiting_periods_under_the_national_defaults(db):
    h = add_household_with_head(db, actor=A, head_name="赵一", head_id_number=make_id(11))
    two_gaps = h.head_id
    six_gaps = person(db, h.id, 12, "赵二")
    newborn = person(db, h.id, 13, "赵三", birth="20240105")
    poor = person(db, h.id, 14, "赵四")
    flag_person(db, poor, "extreme_poverty", actor=A)
    set_history(db, two_gaps, actor=A, gap_years=2)
    set_history(db, six_gaps, actor=A, gap_years=6, repaired_years=5)
    set_history(db, poor, actor=A, gap_years=3)
    found = covers(db, 2024)
    assert found[two_gaps].waiting_on_time == 5  # 3 + 2
    assert found[six_gaps].waiting_on_time == 6  # 3 + 6 − 5 = 4, raised to the floor of 6
    assert found[newborn].waiting_if_late == 0 and found[newborn].exempt == "新生儿"
    assert found[poor].waiting_if_late == 0 and found[poor].exempt == "特困人员"


@pytest.mark.parametrize(
    "gap, repaired, late, counted_from, months",
    [
        (0, 0, False, 1, 0),
        (0, 0, True, 1, 3),
        (1, 0, False, 1, 4),
        (1, 0, False, 2, 3),  # a county that counts the gap from its second year
        (4, 0, False, 1, 7),
        (4, 4, False, 1, 6),
        (10, 2, True, 1, 11),
    ],
)
def test_waiting_months(gap, repaired, late, counted_from, months):
    terms = LongTerm(gap_counted_from=counted_from)
    assert waiting_months(terms, gap_years=gap, repaired_years=repaired, late=late) == months


def test_history_that_makes_no_sense_is_refused(db):
    h = add_household_with_head(db, actor=A, head_name="钱一", head_id_number=make_id(21))
    with pytest.raises(EnrollError, match="不能多于断保年数"):
        set_history(db, h.head_id, actor=A, gap_years=1, repaired_years=2)
    with pytest.raises(EnrollError, match="参保年限应为0到50"):
        set_history(db, h.head_id, actor=A, cover_years=-1)


def test_the_roster_filter_lists_the_cover_to_confirm(db, village_2024):
    ids = village_2024
    start_year(db, 2025, load_policy("huojia-2024").for_year(2025), actor=A)
    to_confirm = {"attention": "to_confirm"}
    # 李四 (职工医保) and 王一 (在校学生) carried their cover from 2024.
    assert [s.name for s in filtered(load_snapshot(db), to_confirm)] == ["李四", "王一"]
    set_coverage(db, ids["王一"], "resident", actor=A)  # changed by hand: no longer to confirm
    confirm_cover(db, [ids["李四"]], actor=A)
    assert filtered(load_snapshot(db), to_confirm) == []
