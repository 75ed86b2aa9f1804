"""Finding people as agents ask for them: pinyin initials, ID tails, phones, 户号 — on a real store."""

from __future__ import annotations

import re

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from enrollagent.core import roster
from enrollagent.core.ids import check_char
from enrollagent.core.search import PersonIndex, fold

from .conftest import make_village


def an_id(serial: int) -> str:
    body = f"4117251990{(serial % 12) + 1:02d}15{serial:03d}"
    return body + check_char(body)


@pytest.fixture
def index(db_path):
    db = make_village(db_path)
    people = [
        ("张三", "001", "13800001234"),
        ("张山峰", "001", ""),
        ("曾小明", "002", ""),
        ("李四", "003", "13912345678"),
        ("王五", "003", ""),
    ]
    households: dict[str, int] = {}
    for n, (name, hh_no, phone) in enumerate(people, start=1):
        if hh_no not in households:
            households[hh_no] = roster.add_household(
                db, hh_no=hh_no, group_name="一组", actor="t", phone=phone
            ).id
        roster.add_person(
            db,
            household_id=households[hh_no],
            name=name,
            id_number=an_id(n),
            actor="t",
            relation="户主" if n in (1, 3, 4) else "子",
        )
    idx = PersonIndex.build(db)
    names = {pid: name for pid, name in db.execute("SELECT id, name FROM person")}
    yield lambda q: [names[pid] for pid in idx.search(q)]
    db.close()


def test_pinyin_initials_find_the_whole_name_first(index):
    assert index("zs")[0] == "张三"
    assert set(index("zs")) == {"张三", "张山峰"}  # 张山峰 starts with 张山
    assert index("ZS") == index("zs")
    assert index("sf") == ["张山峰"]  # initials inside a name


def test_polyphone_surnames_found_by_either_reading(index):
    assert "曾小明" in index("zxm") and "曾小明" in index("cxm")


def test_full_pinyin_spelled_from_the_start(index):
    assert index("zhangsan") == ["张三"]
    assert "张三" in index("zhangs")
    assert index("lisi") == ["李四"]


def test_id_tail_phone_and_household_number(index):
    tail = an_id(4)[-6:]
    assert index(tail) == ["李四"]
    # Full-width digits from an IME; the household's phone finds every member of it.
    assert index("１２３４５６７８") == ["李四", "王五"]
    assert fold("张 三") == "张三"
    assert set(index("003")[:2]) == {"李四", "王五"}  # 户号 003 before IDs that merely contain 003


def test_chinese_text_and_empty_query(index):
    assert index("张") == ["张三", "张山峰"]
    assert index("山峰") == ["张山峰"]
    assert index("  ") == []
    assert index("赵") == []


# The ranking as it reads, person by person: the fast index must find exactly this.
def _reference(people: list[tuple[int, str, str, str, str, str, str]], text: str) -> list[int]:
    q = fold(text)
    if not q:
        return []

    def score(pid, name, idn, phones, hh, initials, spelled):
        if re.fullmatch(r"[0-9x]+", q):
            rules = (
                idn.endswith(q),
                hh == q,
                q in idn,
                len(q) >= 3 and q in phones,
                q in hh,
            )
        elif re.fullmatch(r"[a-z]+", q):
            readings = initials.split("|")
            rules = (
                q in readings,
                q in initials,
                any(r.startswith(q) for r in spelled.split("|")),
            )
        else:
            rules = (name == q, name.startswith(q), q in name)
        return next((n for n, hit in enumerate(rules) if hit), None)

    scored = sorted((s, p[0]) for p in people if (s := score(*p)) is not None)
    return [pid for _s, pid in scored]


NAMES = st.text(alphabet="张三李四曾小明单王五xX", min_size=1, max_size=4)


@settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    people=st.lists(
        st.tuples(
            NAMES,
            st.sampled_from(("001", "003", "12", "0003")),
            st.sampled_from(("", "13800001234", "13912300123")),
        ),
        min_size=1,
        max_size=12,
    ),
    queries=st.lists(st.text(alphabet="0123xzsclw张三明 ", min_size=1, max_size=4), max_size=8),
)
def test_the_index_ranks_as_the_rules_read(tmp_path_factory, people, queries):
    from enrollagent.core.search import _Readings, _readings_of

    db = make_village(tmp_path_factory.mktemp("s") / "v.db")
    homes: dict[str, int] = {}
    for n, (name, hh_no, phone) in enumerate(people, start=1):
        if hh_no not in homes:
            homes[hh_no] = roster.add_household(
                db, hh_no=hh_no, group_name="一组", actor="t", phone=""
            ).id
        roster.add_person(
            db, household_id=homes[hh_no], name=name, id_number=an_id(n), actor="t", phone=phone
        )
    readings = _Readings()
    rows = []
    for pid, name, idn, phone, hh_phone, hh_no in db.execute(
        "SELECT p.id, p.name, p.id_number, p.phone, h.phone, h.hh_no"
        " FROM person p JOIN household h ON h.id = p.household_id"
    ):
        chars = [readings.of(c) for c in fold(name)]
        rows.append(
            (
                pid,
                name,
                idn.lower(),
                f"{phone} {hh_phone}",
                fold(hh_no),
                "|".join(_readings_of([c[0] for c in chars])),
                "|".join(_readings_of([c[1] for c in chars])),
            )
        )
    index = PersonIndex.build(db)
    for q in [*queries, "zs", "1", "00", "张"]:
        assert index.search(q) == _reference(rows, q), q
    db.close()


def test_namesakes_one_after_another_are_all_found_first(db_path):
    """Three people called 张 in a row: each line's match must leave the next line's start."""
    db = make_village(db_path)
    home = roster.add_household(db, hh_no="001", group_name="一组", actor="t").id
    ids = [
        roster.add_person(db, household_id=home, name="张", id_number=an_id(n), actor="t").id
        for n in (1, 2, 3)
    ]
    assert PersonIndex.build(db).search("张") == ids
    db.close()
