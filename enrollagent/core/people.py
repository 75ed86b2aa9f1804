"""Reading households and persons for the faces (dialogs, pages, CLI): the GUI and the command
line hold no SQL of their own."""

from __future__ import annotations

from dataclasses import dataclass

import sqlite_utils

from ..errors import EnrollError
from .village import get_village
from .vocab import group_sort_key


@dataclass(frozen=True)
class PersonInfo:
    id: int
    household_id: int
    name: str
    id_number: str
    id_valid: bool
    relation: str
    phone: str
    note: str


@dataclass(frozen=True)
class PersonYearInfo:
    name: str
    coverage: str
    coverage_note: str
    unpaid_reason: str
    unpaid_note: str


@dataclass(frozen=True)
class HouseholdInfo:
    id: int
    group_name: str
    hh_no: str
    address: str
    phone: str


def person_info(db: sqlite_utils.Database, person_id: int) -> PersonInfo:
    row = db.execute(
        "SELECT id, household_id, name, id_number, id_valid, relation, phone, note"
        " FROM person WHERE id = ?",
        [person_id],
    ).fetchone()
    if row is None:
        raise EnrollError("person_unknown", key=person_id)
    return PersonInfo(row[0], row[1], row[2], row[3], bool(row[4]), *row[5:])


def person_name(db: sqlite_utils.Database, person_id: int) -> str:
    return person_info(db, person_id).name


def person_year_info(
    db: sqlite_utils.Database, person_id: int, year: int | None = None
) -> PersonYearInfo:
    """A person's coverage and unpaid reason in a year (the current year by default)."""
    year = year or get_village(db).current_year
    row = db.execute(
        "SELECT p.name, py.coverage, py.coverage_note, py.unpaid_reason, py.unpaid_note"
        " FROM person p JOIN person_year py ON py.person_id = p.id"
        " WHERE p.id = ? AND py.year = ?",
        [person_id, year],
    ).fetchone()
    if row is None:
        raise EnrollError("person_not_in_year", key=person_id, year=year)
    return PersonYearInfo(*row)


def household_info(db: sqlite_utils.Database, household_id: int) -> HouseholdInfo:
    row = db.execute(
        "SELECT id, group_name, hh_no, address, phone FROM household WHERE id = ?",
        [household_id],
    ).fetchone()
    if row is None:
        raise EnrollError("household_unknown", key=household_id)
    return HouseholdInfo(*row)


def households(db: sqlite_utils.Database) -> list[HouseholdInfo]:
    """Every household, for pickers."""
    return [
        HouseholdInfo(*r)
        for r in db.execute(
            "SELECT id, group_name, hh_no, address, phone FROM household ORDER BY id"
        ).fetchall()
    ]


def household_members(db: sqlite_utils.Database, household_id: int) -> list[int]:
    """The person ids of a household, in the order they were entered."""
    return [
        r[0]
        for r in db.execute(
            "SELECT id FROM person WHERE household_id = ? ORDER BY id", [household_id]
        ).fetchall()
    ]


def group_names(db: sqlite_utils.Database, *, with_unnamed: bool = False) -> list[str]:
    """The 村民小组 the households name, in their natural order (一组, 二组 … 十一组); with
    `with_unnamed`, '' last when some household names none."""
    names = [r[0] for r in db.execute("SELECT DISTINCT group_name FROM household").fetchall()]
    return sorted((n for n in names if n or with_unnamed), key=group_sort_key)


def next_hh_no(db: sqlite_utils.Database) -> str:
    """The 户号 after the largest numeric one, as wide as the village writes them ('' if none)."""
    numbers = [r[0] for r in db.execute("SELECT hh_no FROM household").fetchall() if r[0].isdigit()]
    if not numbers:
        return ""
    width = max(len(n) for n in numbers)
    return f"{max(int(n) for n in numbers) + 1:0{width}d}"


def flag_sources(db: sqlite_utils.Database, year: int, category: str) -> dict[int, str]:
    """Person id → where their flag of `category` in `year` came from (a file and row, manual)."""
    return dict(
        db.execute(
            "SELECT person_id, source FROM special_flag WHERE year = ? AND category = ?",
            [year, category],
        ).fetchall()
    )


def household_choices(db: sqlite_utils.Database) -> list[tuple[int, str]]:
    """(id, label) of every household in roster order, labelled as household_label words it."""
    rows = db.execute(
        "SELECT h.id, h.group_name, h.hh_no, (SELECT name FROM person p WHERE p.household_id = h.id"
        " AND p.relation = '户主' LIMIT 1) FROM household h"
    ).fetchall()
    rows.sort(key=lambda r: (group_sort_key(r[1]), r[2], r[0]))
    return [(hid, label_of_household(hid, group, hh_no, head)) for hid, group, hh_no, head in rows]


def label_of_household(household_id: int, group: str, hh_no: str, head: str | None) -> str:
    parts = [
        p for p in (group, f"户号{hh_no}" if hh_no else "", f"户主{head}" if head else "") if p
    ]
    return "，".join(parts) or f"户#{household_id}"


def household_label(db: sqlite_utils.Database, household_id: int) -> str:
    """How a household is named to a person: 一组，户号0012，户主张三."""
    row = db.execute(
        "SELECT h.group_name, h.hh_no, (SELECT name FROM person p WHERE p.household_id = h.id"
        " AND p.relation = '户主' LIMIT 1) FROM household h WHERE h.id = ?",
        [household_id],
    ).fetchone()
    return label_of_household(household_id, *row) if row else f"户#{household_id}"
