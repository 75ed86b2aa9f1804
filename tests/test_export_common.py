"""A village for the export tests, built with the core functions; and the catalog both faces use."""

from __future__ import annotations

from pathlib import Path

import pytest

from enrollagent.core import roster
from enrollagent.errors import EnrollError
from enrollagent.exports.catalog import CATALOG, run_export, target_path, village_groups

from .township_helpers import an_id, make_village

# Groups out of code-point order (十一组 sorts before 二组 by code point) so natural order is tested.
PEOPLE = [
    {
        "name": "张一",
        "id": an_id("411725", 1),
        "group": "一组",
        "hh": "a",
        "hh_no": "001",
        "pay": True,
    },
    {
        "name": "张二",
        "id": an_id("411725", 2),
        "group": "一组",
        "hh": "a",
        "relation": "配偶",
        "flags": ["minimum_living"],
    },
    {
        "name": "张三",
        "id": an_id("411725", 3),
        "group": "一组",
        "hh": "a",
        "relation": "子",
        "flags": ["extreme_poverty"],
    },
    {
        "name": "李四",
        "id": an_id("411725", 4),
        "group": "二组",
        "hh": "b",
        "hh_no": "002",
        "flags": ["marginal"],
    },
    {
        "name": "=李五",
        "id": an_id("411725", 5),
        "group": "二组",
        "hh": "b",
        "relation": "子",
        "coverage": "employee",
    },
    {
        "name": "待核",
        "id": "4.11725E+17",
        "group": "二组",
        "hh": "b",
        "relation": "女",
        "invalid": True,
    },
    {
        "name": "@王六",
        "id": an_id("411725", 6),
        "group": "十一组",
        "hh": "c",
        "hh_no": "003",
        "pay": True,
    },
    {"name": "王七", "id": an_id("411725", 7), "group": "十一组", "hh": "c", "relation": "子"},
    {"name": "赵八", "id": an_id("411725", 8), "group": "十一组", "hh": "d", "hh_no": "004"},
]
UNPAID = {"张二", "李四", "待核", "王七", "赵八"}
ENROLLED = {"张一", "张三", "@王六"}
PHONES = {"a": "13912345678", "b": "0374-7120085", "c": "13700000001", "d": ""}


def export_village(folder: Path, people: list[dict] = PEOPLE):
    """The test village: households with phones and addresses; one person's note looks like a formula."""
    db = make_village(folder, code="411725100001", name="李庄村", people=people)
    for hid, hh_no in db.execute("SELECT id, hh_no FROM household").fetchall():
        key = {"001": "a", "002": "b", "003": "c", "004": "d"}.get(hh_no, "")
        roster.update_household(
            db, hid, actor="王明", address=f"李庄村{hh_no}号", phone=PHONES.get(key, "")
        )
    db.execute("UPDATE person SET note = '=SUM(A1:A9)' WHERE name = '赵八'")
    return db


@pytest.fixture
def village(tmp_path):
    db = export_village(tmp_path / "v")
    yield db
    db.close()


def test_catalog_lists_every_kind_in_order_with_chinese_titles():
    assert list(CATALOG) == [
        "roll",
        "checklist",
        "notice",
        "slips",
        "messages",
        "publicity",
        "summary",
        "package",
    ]
    assert [k.takes_group for k in CATALOG.values()] == [
        False,
        True,
        True,
        True,
        False,
        False,
        False,
        False,
    ]
    assert all(k.title and k.suffix.startswith(".") for k in CATALOG.values())


def test_target_is_default_name_in_a_folder_or_the_file_given(village, tmp_path):
    assert target_path(village, "roll", tmp_path).name == "李庄村2024年度花名册.xlsx"
    assert (
        target_path(village, "checklist", tmp_path, group="二组").name
        == "李庄村2024年度入户催缴清单-二组.pdf"
    )
    assert target_path(village, "package", tmp_path).name == "411725100001-2024-001.zip"
    assert target_path(village, "roll", tmp_path / "x.xlsx") == tmp_path / "x.xlsx"
    with pytest.raises(EnrollError, match="应保存为 .xlsx"):
        target_path(village, "roll", tmp_path / "x.pdf")


def test_groups_in_natural_order(village):
    assert village_groups(village, 2024) == ["一组", "二组", "十一组"]


def test_unknown_group_kind_and_year_are_refused_before_writing(village, tmp_path):
    out = tmp_path / "out"
    with pytest.raises(EnrollError, match="没有村民小组“九组”"):
        run_export(village, "checklist", out, group="九组")
    with pytest.raises(EnrollError, match="不分村民小组"):
        run_export(village, "roll", out, group="一组")
    with pytest.raises(EnrollError, match="没有这种导出"):
        run_export(village, "photos", out)
    with pytest.raises(EnrollError, match="2031"):
        run_export(village, "roll", out, year=2031)
    assert not out.exists()


def test_every_export_is_logged_with_its_hash(village, tmp_path):
    import hashlib

    path = run_export(village, "roll", tmp_path)
    kind, sha = village.execute("SELECT kind, sha256 FROM export_log").fetchone()
    assert (kind, sha) == ("roll", hashlib.sha256(path.read_bytes()).hexdigest())
