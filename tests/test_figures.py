"""The figures of docs/domain.md on hand-checked villages."""

from datetime import date

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from enrollagent.core import payments, roster
from enrollagent.core.figures import compute_figures, person_state, person_states

# Valid IDs with their check characters computed by hand from GB 11643 (see test_ids).
from enrollagent.core.ids import check_char

from .conftest import make_village


def an_id(seq: int, born: str = "19700101") -> str:
    body = f"411725{born}{seq:03d}"
    return body + check_char(body)


def add(db, hid, name, seq, born="19700101", **kw):
    return roster.add_person(
        db,
        household_id=hid,
        name=name,
        id_number=an_id(seq, born),
        actor="t",
        today=date(2024, 6, 1),
        **kw,
    ).id


def test_huojia_village_by_hand(db):
    h1 = roster.add_household(db, actor="t", group_name="一组").id
    h2 = roster.add_household(db, actor="t", group_name="二组").id
    a = add(db, h1, "甲", 1, relation="户主")  # pays 380
    b = add(db, h1, "乙", 2)  # 低保: pays 300, pays 380 → double paid
    c = add(db, h1, "丙", 3)  # 特困: subsidized, paid 380 → refund due only
    add(db, h2, "丁", 4, born="20240301")  # newborn exempt
    e = add(db, h2, "戊", 5)  # employee: outside the denominator
    f = add(db, h2, "己", 6)  # unpaid
    g = add(db, h2, "庚", 7)  # deceased
    roster.flag_person(db, b, "minimum_living", actor="t")
    roster.flag_person(db, c, "extreme_poverty", actor="t")
    roster.flag_person(db, f, "minimum_living", actor="t")
    roster.set_coverage(db, e, "employee", actor="t")
    roster.set_coverage(db, g, "deceased", actor="t")
    payments.record_payment(db, person_id=a, actor="t")
    payments.record_payment(db, person_id=b, actor="t", amount_fen=38000)
    payments.record_payment(db, person_id=c, actor="t", amount_fen=38000)
    assert person_state(db, b).payable_fen == 30000
    fig = compute_figures(db).to_json()
    assert fig["persons"] == 7 and fig["households"] == 2
    assert fig["eligible"] == 5  # − employee − deceased
    assert (fig["paid"], fig["subsidized"], fig["newborn_exempt"]) == (2, 1, 1)
    assert fig["enrolled"] == 4 and fig["unpaid"] == 1 and fig["rate"] == 0.8
    assert fig["collected"] == 380 * 3
    assert fig["special"] == {
        "minimum_living": {"persons": 2, "enrolled": 1},
        "extreme_poverty": {"persons": 1, "enrolled": 1},
    }
    assert fig["attention"] == {
        "invalid_id": 0,
        "double_paid": 1,
        "refund_due": 2,
        "unmatched_payments": 0,
    }
    assert fig["by_group"]["一组"]["enrolled"] == 3 and fig["by_group"]["二组"]["unpaid"] == 1
    # A refund of the double payment clears it.
    payments.record_refund(db, person_id=b, amount_fen=8000, actor="t")
    fig = compute_figures(db).to_json()
    assert fig["attention"]["double_paid"] == 0 and fig["attention"]["refund_due"] == 1
    assert fig["collected"] == 380 * 3 - 80


def test_lingchuan_examples(db_path):
    db = make_village(db_path, "lingchuan-2023")
    h = roster.add_household(db, actor="t").id
    low = add(db, h, "低保", 11)
    ret = add(db, h, "返贫", 12)
    both = add(db, h, "两类", 13)
    roster.flag_person(db, low, "minimum_living", actor="t")
    roster.flag_person(db, ret, "returned_poverty", actor="t")
    roster.flag_person(db, both, "minimum_living", actor="t")
    roster.flag_person(db, both, "extreme_poverty", actor="t")
    assert person_state(db, low).payable_fen == 7000
    assert person_state(db, ret).payable_fen == 3500
    assert person_state(db, both).state == "subsidized"
    payments.record_payment(db, person_id=low, actor="t")
    assert person_state(db, low).state == "paid" and person_state(db, low).net_fen == 7000


def test_partial_payment_is_still_unpaid(db):
    h = roster.add_household(db, actor="t").id
    p = add(db, h, "甲", 1)
    payments.record_payment(db, person_id=p, actor="t", amount_fen=10000)
    s = person_state(db, p)
    assert s.state == "unpaid" and s.owed_fen == 28000
    payments.record_payment(db, person_id=p, actor="t")
    assert person_state(db, p).state == "paid"


def test_invalid_ids_are_counted_and_kept(db):
    h = roster.add_household(db, actor="t").id
    roster.add_person(
        db, household_id=h, name="甲", id_number="4.11725E+17", actor="t", allow_invalid=True
    )
    fig = compute_figures(db).to_json()
    assert fig["persons"] == 1 and fig["attention"]["invalid_id"] == 1 and fig["unpaid"] == 1


def test_unmatched_inbox_and_assignment(db):
    h = roster.add_household(db, actor="t").id
    p = add(db, h, "甲", 1)
    u = payments.add_unmatched(
        db,
        year=2024,
        amount_fen=38000,
        source="x.csv:3",
        actor="t",
        id_number="411725197001019999",
        name="甲",
        ticket_no="TK9",
    )
    assert compute_figures(db).to_json()["attention"]["unmatched_payments"] == 1
    payments.assign_unmatched(db, u, p, actor="t")
    fig = compute_figures(db).to_json()
    assert fig["attention"]["unmatched_payments"] == 0 and fig["paid"] == 1
    assert payments.ticket_taken(db, "TK9")


def test_household_payment(db):
    h = roster.add_household(db, actor="t").id
    for i in range(3):
        add(db, h, f"人{i}", i + 1)
    done = payments.record_household(db, household_id=h, actor="t")
    assert len(done.records) == 3 and compute_figures(db).to_json()["paid"] == 3
    assert done.changes.persons == {r.person_id for r in done.records}
    again = payments.record_household(db, household_id=h, actor="t")
    assert again.records == [] and not again.changes


def test_groups_in_natural_order(db):
    from enrollagent.core.vocab import group_sort_key

    names = ["十一组", "三组", "二组", "一组", "第十组", "5组", "", "东街"]
    assert sorted(names, key=group_sort_key) == [
        "一组",
        "二组",
        "三组",
        "5组",
        "第十组",
        "十一组",
        "东街",
        "",
    ]
    for i, g in enumerate(["三组", "十组", "一组"]):
        h = roster.add_household(db, actor="t", group_name=g).id
        add(db, h, g, i + 1)
    assert list(compute_figures(db).to_json()["by_group"]) == ["一组", "三组", "十组"]


_CATEGORY_CODES = ("extreme_poverty", "minimum_living", "low_income_edge", "orphan")


@settings(
    max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    people=st.lists(
        st.tuples(
            st.sampled_from(("一组", "二组", "十一组", "")),
            st.sampled_from(("resident",) * 4 + ("employee", "deceased", "school", "moved_out")),
            st.sets(st.sampled_from(_CATEGORY_CODES), max_size=2),
            st.sampled_from((0, 10000, 30000, 38000, 76000, -38000)),
            st.sampled_from(("19700101", "20240301", "20231231")),
        ),
        max_size=14,
    ),
    policy_name=st.sampled_from(("huojia-2024", "lingchuan-2023", "yanling-2023")),
    edits=st.lists(
        st.tuples(
            st.sampled_from(("move", "regroup", "unflag", "bad_id", "born")),
            st.integers(min_value=0, max_value=20),
            st.sampled_from(("一组", "二组", "十一组", "")),
        ),
        max_size=6,
    ),
)
def test_figures_counted_in_sql_equal_the_per_person_definition(
    tmp_path_factory, people, policy_name, edits
):
    """compute_figures counts in SQL over what triggers keep on person_year; figures_from_states
    counts each person as decide_state decides: on any village, after any later edit of a
    person, a household or a flag, they must agree to the last fen."""
    db = make_village(tmp_path_factory.mktemp("v") / "v.db", policy=policy_name)
    homes = {}
    for seq, (group, coverage, categories, paid, born) in enumerate(people, start=1):
        if group not in homes:
            homes[group] = roster.add_household(db, actor="t", group_name=group).id
        pid = add(db, homes[group], f"人{seq}", seq, born=born)
        if coverage != "resident":
            roster.set_coverage(db, pid, coverage, actor="t")
        for c in categories:
            roster.flag_person(db, pid, c, actor="t")
        if paid > 0:
            payments.record_payment(db, person_id=pid, actor="t", amount_fen=paid)
        elif paid < 0:
            payments.record_payment(db, person_id=pid, actor="t", amount_fen=-paid)
            payments.record_refund(db, person_id=pid, actor="t", amount_fen=-paid)
    persons = [r[0] for r in db.execute("SELECT id FROM person ORDER BY id")]
    for n, (edit, pick, group) in enumerate(edits if persons else ()):
        pid = persons[pick % len(persons)]
        hid = db.execute("SELECT household_id FROM person WHERE id = ?", [pid]).fetchone()[0]
        if edit == "move":
            target = homes.get(group) or roster.add_household(db, actor="t", group_name=group).id
            roster.move_person(db, pid, target, actor="t")
        elif edit == "regroup":
            roster.update_household(db, hid, actor="t", group_name=group)
        elif edit == "unflag":
            for (category,) in db.execute(
                "SELECT category FROM special_flag WHERE person_id = ?", [pid]
            ).fetchall()[:1]:
                roster.unflag_person(db, pid, category, actor="t")
        elif edit == "bad_id":
            roster.update_person(db, pid, actor="t", allow_invalid=True, id_number="41172519700101")
        else:  # a valid ID carries the birth date: a newborn by a new ID
            roster.update_person(db, pid, actor="t", id_number=an_id(100 + n, "20240301"))
    by_sql = compute_figures(db)
    by_person = compute_figures(db, states=person_states(db))
    assert by_sql.to_json() == by_person.to_json()
    assert by_sql.households == by_person.households
    db.close()
