"""Finding people as agents ask for them: pinyin initials, ID tails, phones, 户号 — on a real store."""

from __future__ import annotations

import pytest

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
