"""Households and persons: add, edit, move, coverage, unpaid reasons, special-group flags."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

import sqlite_utils

from ..errors import EnrollError
from . import ids
from .changes import Changes
from .clock import new_uuid, now_utc
from .lane import write
from .people import household_label
from .village import get_village
from .vocab import CATEGORY_BY_CODE, COVERAGE_KINDS, RELATIONS, UNPAID_REASONS

PERSON_FIELDS = ("name", "id_number", "relation", "phone", "birth_date", "note")
HOUSEHOLD_FIELDS = ("hh_no", "group_name", "address", "phone")


@dataclass(frozen=True)
class PersonRef:
    id: int
    name: str
    household_id: int
    id_number: str


def _year(db: sqlite_utils.Database, year: int | None) -> int:
    return year or get_village(db).current_year


def _phone(raw: str) -> str:
    if not raw:
        return ""
    phone, ok = ids.normalize_phone(raw)
    if not ok:
        raise EnrollError("phone_invalid", value=raw)
    return phone


def checked_id(raw: str, *, allow_invalid: bool, today: date | None = None) -> ids.IdCheck:
    """Check an ID typed by a person: refused with its reason unless kept as 待核实 on purpose."""
    result = ids.check(raw, today=today)
    if not result.valid and not allow_invalid:
        raise EnrollError(
            result.problem or "id_length",
            n=len(result.normalized),
            raw=raw,
            suggestion=result.suggestion or "",
        )
    return result


def ensure_id_free(
    db: sqlite_utils.Database, id_number: str, *, except_person: int | None = None
) -> None:
    row = db.execute(
        "SELECT id, name, household_id FROM person WHERE id_number = ? AND id_valid = 1 AND id != ?",
        [id_number, except_person or -1],
    ).fetchone()
    if row:
        raise EnrollError(
            "id_duplicate", id=id_number, name=row[1], household=household_label(db, row[2])
        )


@dataclass(frozen=True)
class Added:
    """A new household or person: its row id, and what the change touched."""

    id: int
    changes: Changes
    head_id: int | None = None  # a household added with its 户主: the 户主's person id


def add_household(
    db: sqlite_utils.Database,
    *,
    actor: str,
    hh_no: str = "",
    group_name: str = "",
    address: str = "",
    phone: str = "",
) -> Added:
    values = {
        "uuid": new_uuid(),
        "hh_no": (hh_no or "").strip(),
        "group_name": (group_name or "").strip(),
        "address": (address or "").strip(),
        "phone": _phone(phone),
        "created_at": now_utc(),
    }
    with write(db, actor=actor, op="add_household") as w:
        row_id = w.insert("household", values)
    return Added(row_id, w.changes)


def add_household_with_head(
    db: sqlite_utils.Database,
    *,
    actor: str,
    head_name: str,
    head_id_number: str,
    **fields: str,
) -> Added:
    """A new household and its 户主 together, or neither."""
    with write(db, actor=actor, op="add_household") as w:
        household_id = add_household(db, actor=actor, **fields).id
        head = add_person(
            db,
            household_id=household_id,
            actor=actor,
            relation="户主",
            name=head_name,
            id_number=head_id_number,
        )
    return Added(household_id, w.changes, head_id=head.id)


def update_household(
    db: sqlite_utils.Database, household_id: int, *, actor: str, reason: str = "", **fields: str
) -> Changes:
    if db.execute("SELECT 1 FROM household WHERE id = ?", [household_id]).fetchone() is None:
        raise EnrollError("household_unknown", key=household_id)
    new: dict[str, object] = {}
    for key, value in fields.items():
        if key not in HOUSEHOLD_FIELDS:
            raise ValueError(key)
        new[key] = _phone(value) if key == "phone" else (value or "").strip()
    with write(db, actor=actor, op="update_household", reason=reason) as w:
        w.update("household", household_id, new)
    return w.changes


def _check_relation(
    db: sqlite_utils.Database, household_id: int, relation: str, person_id: int | None = None
) -> str:
    relation = (relation or "").strip()
    if relation and relation not in RELATIONS:
        raise EnrollError("relation_unknown", value=relation, known="、".join(RELATIONS))
    if relation == "户主":
        row = db.execute(
            "SELECT name FROM person WHERE household_id = ? AND relation = '户主' AND id != ?",
            [household_id, person_id or -1],
        ).fetchone()
        if row:
            raise EnrollError("head_exists", name=row[0])
    return relation


def add_person(
    db: sqlite_utils.Database,
    *,
    household_id: int,
    name: str,
    id_number: str,
    actor: str,
    relation: str = "",
    phone: str = "",
    birth_date: date | None = None,
    note: str = "",
    year: int | None = None,
    allow_invalid: bool = False,
    today: date | None = None,
    source: str = "manual",
) -> Added:
    """Add a person to a household and to the roster of the year."""
    name = (name or "").strip()
    if not name:
        raise EnrollError("field_required", field="姓名")
    if db.execute("SELECT 1 FROM household WHERE id = ?", [household_id]).fetchone() is None:
        raise EnrollError("household_unknown", key=household_id)
    check = checked_id(id_number, allow_invalid=allow_invalid, today=today)
    year = _year(db, year)
    with write(db, actor=actor, op="add_person", reason="" if source == "manual" else source) as w:
        relation = _check_relation(db, household_id, relation)
        if check.valid:
            ensure_id_free(db, check.normalized)
        born = check.birth_date or birth_date
        person_id = w.insert(
            "person",
            {
                "uuid": new_uuid(),
                "household_id": household_id,
                "name": name,
                "id_number": check.normalized,
                "id_valid": int(check.valid),
                "id_problem": check.problem,
                "birth_date": born.isoformat() if born else None,
                "sex": check.sex,
                "relation": relation,
                "phone": _phone(phone),
                "note": (note or "").strip(),
                "created_at": now_utc(),
            },
        )
        w.insert(
            "person_year",
            {"person_id": person_id, "year": year, "coverage": "resident"},
            key=person_id,
            year=year,
        )
    return Added(person_id, w.changes)


def _born_by_id(
    old_born: str | None,
    id_valid: bool,
    fields: dict[str, object],
    *,
    allow_invalid: bool,
    today: date | None,
) -> str | None:
    """The birth date a valid ID fixes (the new one when the ID changes); None if there is none."""
    if "id_number" not in fields:
        return old_born if id_valid else None
    check = checked_id(str(fields["id_number"]), allow_invalid=allow_invalid, today=today)
    return check.birth_date.isoformat() if check.valid and check.birth_date else None


def _new_id_fields(
    db: sqlite_utils.Database,
    person_id: int,
    raw: object,
    old_number: str,
    *,
    allow_invalid: bool,
    today: date | None,
) -> dict[str, object]:
    """The person fields a changed ID number sets: the number, its validity, birth date, sex."""
    check = checked_id(str(raw), allow_invalid=allow_invalid, today=today)
    if check.normalized == old_number:
        return {}
    if check.valid:
        ensure_id_free(db, check.normalized, except_person=person_id)
    out: dict[str, object] = {
        "id_valid": int(check.valid),
        "id_problem": check.problem,
        "sex": check.sex,
    }
    if check.birth_date:
        out["birth_date"] = check.birth_date.isoformat()
    out["id_number"] = check.normalized
    return out


def _person_value(
    db: sqlite_utils.Database, household_id: int, person_id: int, key: str, value: object
) -> object:
    """A typed person field as stored (trimmed, phone normalised, relation checked)."""
    if key not in PERSON_FIELDS:
        raise ValueError(key)
    if key == "name":
        value = str(value or "").strip()
        if not value:
            raise EnrollError("field_required", field="姓名")
        return value
    if key == "phone":
        return _phone(str(value or ""))
    if key == "birth_date":
        return value.isoformat() if isinstance(value, date) else (value or None)
    if key == "relation":
        return _check_relation(db, household_id, str(value or ""), person_id)
    return str(value or "").strip()


def update_person(
    db: sqlite_utils.Database,
    person_id: int,
    *,
    actor: str,
    reason: str = "",
    allow_invalid: bool = False,
    today: date | None = None,
    **fields: object,
) -> Changes:
    """Edit a person; a new ID is checked like a new entry and re-derives birth date and sex."""
    row = db.execute(
        "SELECT household_id, id_valid, id_number, birth_date FROM person WHERE id = ?",
        [person_id],
    ).fetchone()
    if row is None:
        raise EnrollError("person_unknown", key=person_id)
    household_id, id_valid, old_number, old_born = row
    born_by_id = _born_by_id(
        old_born, bool(id_valid), fields, allow_invalid=allow_invalid, today=today
    )
    birth = fields.get("birth_date")
    typed_birth = birth.isoformat() if isinstance(birth, date) else str(birth or "")
    if born_by_id and typed_birth and typed_birth != born_by_id:
        # A valid ID carries the birth date; typing another would fake a newborn exemption.
        raise EnrollError("birth_from_id", born=born_by_id)
    new: dict[str, object] = {}
    for key, value in fields.items():
        if key == "id_number":
            new.update(
                _new_id_fields(
                    db, person_id, value, old_number, allow_invalid=allow_invalid, today=today
                )
            )
        else:
            new[key] = _person_value(db, household_id, person_id, key, value)
    with write(db, actor=actor, op="update_person", reason=reason) as w:
        w.update("person", person_id, new)
    return w.changes


def move_person(
    db: sqlite_utils.Database,
    person_id: int,
    household_id: int,
    *,
    actor: str,
    relation: str = "其他",
    reason: str = "",
) -> Changes:
    """Move a person to another household; a 户主 who moves takes the given new relation."""
    row = db.execute(
        "SELECT household_id, relation FROM person WHERE id = ?", [person_id]
    ).fetchone()
    if row is None:
        raise EnrollError("person_unknown", key=person_id)
    if db.execute("SELECT 1 FROM household WHERE id = ?", [household_id]).fetchone() is None:
        raise EnrollError("household_unknown", key=household_id)
    with write(db, actor=actor, op="move_person", reason=reason) as w:
        if row[0] != household_id:
            new_relation = _check_relation(db, household_id, relation, person_id)
            w.update("person", person_id, {"household_id": household_id, "relation": new_relation})
            w.touch(households=(row[0], household_id))
    return w.changes


def set_head(
    db: sqlite_utils.Database,
    person_id: int,
    *,
    actor: str,
    old_head_relation: str = "其他",
    reason: str = "",
) -> Changes:
    """Make a person the 户主 of their household; the former head takes `old_head_relation`."""
    row = db.execute(
        "SELECT household_id, relation FROM person WHERE id = ?", [person_id]
    ).fetchone()
    if row is None:
        raise EnrollError("person_unknown", key=person_id)
    if old_head_relation not in RELATIONS or old_head_relation == "户主":
        raise EnrollError(
            "relation_unknown", value=old_head_relation, known="、".join(RELATIONS[1:])
        )
    household_id, relation = row
    with write(db, actor=actor, op="set_head", reason=reason) as w:
        if relation != "户主":
            for (old_id,) in db.execute(
                "SELECT id FROM person WHERE household_id = ? AND relation = '户主'",
                [household_id],
            ).fetchall():
                w.update("person", old_id, {"relation": old_head_relation})
            w.update("person", person_id, {"relation": "户主"})
    return w.changes


def _person_year(db: sqlite_utils.Database, person_id: int, year: int) -> None:
    """Refuses a person who is not on the year's roster."""
    row = db.execute(
        "SELECT 1 FROM person_year WHERE person_id = ? AND year = ?", [person_id, year]
    ).fetchone()
    if row is None:
        if db.execute("SELECT 1 FROM person WHERE id = ?", [person_id]).fetchone():
            raise EnrollError("person_not_in_year", key=person_id, year=year)
        raise EnrollError("person_unknown", key=person_id)


def set_coverage(
    db: sqlite_utils.Database,
    person_id: int,
    coverage: str,
    *,
    actor: str,
    note: str = "",
    year: int | None = None,
    reason: str = "",
) -> Changes:
    """Set how a person is covered this year (职工医保, 异地参保 with where, 死亡 …)."""
    if coverage not in COVERAGE_KINDS:
        raise EnrollError("coverage_unknown", value=coverage, known="、".join(COVERAGE_KINDS))
    year = _year(db, year)
    _person_year(db, person_id, year)
    with write(db, actor=actor, op="set_coverage", reason=reason) as w:
        w.update(
            "person_year",
            person_id,
            {"coverage": coverage, "coverage_note": (note or "").strip(), "to_confirm": 0},
            year=year,
        )
    return w.changes


MAX_HISTORY_YEARS = 50


def set_history(
    db: sqlite_utils.Database,
    person_id: int,
    *,
    actor: str,
    cover_years: int | None = None,
    gap_years: int | None = None,
    repaired_years: int = 0,
    year: int | None = None,
) -> Changes:
    """What a person's cover was before the village's years (a last-year roll's 连续参保年限,
    断保年限, 缴费修复年限), counted up to the year before `year`; None: not known."""
    for value in (cover_years, gap_years, repaired_years):
        if value is not None and not 0 <= value <= MAX_HISTORY_YEARS:
            raise EnrollError("history_years", value=value, most=MAX_HISTORY_YEARS)
    if gap_years is not None and repaired_years > gap_years:
        raise EnrollError("history_repaired", repaired=repaired_years, gap=gap_years)
    year = _year(db, year)
    _person_year(db, person_id, year)
    with write(db, actor=actor, op="set_history") as w:
        w.update(
            "person_year",
            person_id,
            {
                "prior_cover_years": cover_years,
                "prior_gap_years": gap_years,
                "repaired_years": repaired_years,
            },
            year=year,
        )
    return w.changes


def set_unpaid_reason(
    db: sqlite_utils.Database,
    person_id: int,
    reason: str,
    *,
    actor: str,
    note: str = "",
    year: int | None = None,
) -> Changes:
    if reason and reason not in UNPAID_REASONS:
        raise EnrollError("reason_unknown", value=reason, known="、".join(UNPAID_REASONS))
    year = _year(db, year)
    _person_year(db, person_id, year)
    with write(db, actor=actor, op="set_unpaid_reason") as w:
        w.update(
            "person_year",
            person_id,
            {"unpaid_reason": reason, "unpaid_note": (note or "").strip()},
            year=year,
        )
    return w.changes


def flag_person(
    db: sqlite_utils.Database,
    person_id: int,
    category: str,
    *,
    actor: str,
    source: str = "manual",
    year: int | None = None,
    reason: str = "",
) -> Changes:
    """Flag a person as in a special group for the year; no change if the flag was there."""
    if category not in CATEGORY_BY_CODE:
        raise EnrollError("category_unknown", value=category, known="、".join(CATEGORY_BY_CODE))
    year = _year(db, year)
    _person_year(db, person_id, year)
    with write(db, actor=actor, op="flag_person", reason=reason) as w:
        if not db.execute(
            "SELECT 1 FROM special_flag WHERE person_id = ? AND year = ? AND category = ?",
            [person_id, year, category],
        ).fetchone():
            w.insert(
                "special_flag",
                {
                    "person_id": person_id,
                    "year": year,
                    "category": category,
                    "source": source,
                    "created_at": now_utc(),
                },
                key=person_id,
                year=year,
            )
    return w.changes


def unflag_person(
    db: sqlite_utils.Database,
    person_id: int,
    category: str,
    *,
    actor: str,
    reason: str = "",
    year: int | None = None,
) -> Changes:
    year = _year(db, year)
    with write(db, actor=actor, op="unflag_person", reason=reason) as w:
        w.delete(
            "special_flag",
            person_id,
            "person_id = ? AND year = ? AND category = ?",
            [person_id, year, category],
            year=year,
        )
    return w.changes


def find_person(db: sqlite_utils.Database, key: str) -> PersonRef:
    """A person by ID number (as typed), `#<row id>` or uuid."""
    key = (key or "").strip()
    row = None
    if key.startswith("#") and key[1:].isdigit():
        row = db.execute(
            "SELECT id, name, household_id, id_number FROM person WHERE id = ?", [int(key[1:])]
        ).fetchone()
    else:
        norm = ids.normalize(key)
        if len(norm) == 15 and norm.isdigit():
            norm = ids.upgrade15(norm)
        rows = db.execute(
            "SELECT id, name, household_id, id_number, id_valid FROM person WHERE id_number = ? OR uuid = ?"
            " ORDER BY id_valid DESC",
            [norm, key],
        ).fetchall()
        # A valid ID is one person; the same 待核实 number typed for two people must not pick one.
        if len(rows) > 1 and not rows[0][4]:
            raise EnrollError(
                "person_ambiguous", key=key, who="、".join(f"{r[1]}（#{r[0]}）" for r in rows)
            )
        row = rows[0][:4] if rows else None
    if row is None:
        raise EnrollError("person_unknown", key=key)
    return PersonRef(*row)


def find_household(db: sqlite_utils.Database, key: str) -> int:
    """A household by `#<row id>`, 户号, or the ID number of any member."""
    key = (key or "").strip()
    if key.startswith("#") and key[1:].isdigit():
        if db.execute("SELECT 1 FROM household WHERE id = ?", [int(key[1:])]).fetchone():
            return int(key[1:])
        raise EnrollError("household_unknown", key=key)
    rows = db.execute("SELECT id FROM household WHERE hh_no = ? AND hh_no != ''", [key]).fetchall()
    if len(rows) > 1:
        raise EnrollError("household_ambiguous", key=key)
    if rows:
        return rows[0][0]
    try:
        return find_person(db, key).household_id
    except EnrollError:
        raise EnrollError("household_unknown", key=key) from None


def person_groups(db: sqlite_utils.Database, person_id: int, year: int) -> set[str]:
    """The special groups a person is flagged in for a year."""
    return {
        r[0]
        for r in db.execute(
            "SELECT category FROM special_flag WHERE person_id = ? AND year = ?", [person_id, year]
        )
    }


def save_person(
    db: sqlite_utils.Database,
    *,
    actor: str,
    person_id: int | None,
    household_id: int | None,
    values: dict[str, Any],  # add_person's or update_person's text fields
    groups: set[str],
    allow_invalid: bool,
    reason: str = "",
) -> Added:
    """The person dialog's 保存 as one change: the person's details (added, or those that
    changed) and their special groups of the year in force, through the writers above."""
    year = get_village(db).current_year
    # The history names the change by what the agent did: added, edited, or only flagged.
    op = "add_person" if person_id is None else "update_person" if values else "flag_person"
    with write(db, actor=actor, op=op, reason=reason) as w:
        if person_id is None:
            assert household_id is not None
            person_id = add_person(
                db, household_id=household_id, allow_invalid=allow_invalid, actor=actor, **values
            ).id
            before: set[str] = set()
        else:
            if values:
                update_person(
                    db, person_id, allow_invalid=allow_invalid, actor=actor, reason=reason, **values
                )
            before = person_groups(db, person_id, year)
        for code in sorted(groups - before):
            flag_person(db, person_id, code, actor=actor, reason=reason)
        for code in sorted(before - groups):
            unflag_person(db, person_id, code, actor=actor, reason=reason)
    return Added(person_id, w.changes)
