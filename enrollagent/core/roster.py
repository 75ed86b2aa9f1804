"""Households and persons: add, edit, move, coverage, unpaid reasons, special-group flags."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

import sqlite_utils

from . import audit, ids
from .errors import EnrollError
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


def household_label(db: sqlite_utils.Database, household_id: int) -> str:
    row = db.execute(
        "SELECT h.hh_no, h.group_name, (SELECT name FROM person p WHERE p.household_id = h.id"
        " AND p.relation = '户主' LIMIT 1) FROM household h WHERE h.id = ?",
        [household_id],
    ).fetchone()
    if row is None:
        return f"户#{household_id}"
    hh_no, group, head = row
    parts = [
        p for p in (group, f"户号{hh_no}" if hh_no else "", f"户主{head}" if head else "") if p
    ]
    return "，".join(parts) or f"户#{household_id}"


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


def add_household(
    db: sqlite_utils.Database,
    *,
    actor: str,
    hh_no: str = "",
    group_name: str = "",
    address: str = "",
    phone: str = "",
) -> int:
    values = {
        "uuid": audit.new_uuid(),
        "hh_no": (hh_no or "").strip(),
        "group_name": (group_name or "").strip(),
        "address": (address or "").strip(),
        "phone": _phone(phone),
        "created_at": audit.now_utc(),
    }
    with db.atomic():
        row_id = db["household"].insert(values).last_pk
        audit.record_insert(db, table="household", row_id=row_id, values=values, actor=actor)
    return row_id


def update_household(
    db: sqlite_utils.Database, household_id: int, *, actor: str, reason: str = "", **fields: str
) -> None:
    row = db.execute(
        f"SELECT {', '.join(HOUSEHOLD_FIELDS)} FROM household WHERE id = ?", [household_id]
    ).fetchone()
    if row is None:
        raise EnrollError("household_unknown", key=household_id)
    old = dict(zip(HOUSEHOLD_FIELDS, row, strict=True))
    with db.atomic():
        for key, value in fields.items():
            if key not in HOUSEHOLD_FIELDS:
                raise ValueError(key)
            value = _phone(value) if key == "phone" else (value or "").strip()
            if value != old[key]:
                db.execute(f"UPDATE household SET {key} = ? WHERE id = ?", [value, household_id])
                audit.record(
                    db,
                    table="household",
                    row_id=household_id,
                    field=key,
                    old=old[key],
                    new=value,
                    actor=actor,
                    reason=reason,
                )


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
) -> int:
    """Add a person to a household and to the roster of the year; returns the person's id."""
    name = (name or "").strip()
    if not name:
        raise EnrollError("field_required", field="姓名")
    if db.execute("SELECT 1 FROM household WHERE id = ?", [household_id]).fetchone() is None:
        raise EnrollError("household_unknown", key=household_id)
    check = checked_id(id_number, allow_invalid=allow_invalid, today=today)
    year = _year(db, year)
    with db.atomic():
        relation = _check_relation(db, household_id, relation)
        if check.valid:
            ensure_id_free(db, check.normalized)
        born = check.birth_date or birth_date
        values = {
            "uuid": audit.new_uuid(),
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
            "created_at": audit.now_utc(),
        }
        person_id = db["person"].insert(values).last_pk
        db.execute("INSERT INTO person_year (person_id, year) VALUES (?, ?)", [person_id, year])
        audit.record_insert(
            db, table="person", row_id=person_id, values=values, actor=actor, reason=source
        )
        audit.record(
            db,
            table=f"person_year:{year}",
            row_id=person_id,
            field="coverage",
            old=None,
            new="resident",
            actor=actor,
            reason=source,
        )
    return person_id


def update_person(
    db: sqlite_utils.Database,
    person_id: int,
    *,
    actor: str,
    reason: str = "",
    allow_invalid: bool = False,
    today: date | None = None,
    **fields: object,
) -> None:
    """Edit a person; a new ID is checked like a new entry and re-derives birth date and sex."""
    row = db.execute(
        "SELECT household_id, id_valid, name, id_number, relation, phone, birth_date, note FROM person WHERE id = ?",
        [person_id],
    ).fetchone()
    if row is None:
        raise EnrollError("person_unknown", key=person_id)
    household_id, id_valid = row[:2]
    old = dict(
        zip(("name", "id_number", "relation", "phone", "birth_date", "note"), row[2:], strict=True)
    )
    born_by_id = old["birth_date"] if id_valid else None
    if "id_number" in fields:
        check = checked_id(str(fields["id_number"]), allow_invalid=allow_invalid, today=today)
        born_by_id = check.birth_date.isoformat() if check.valid and check.birth_date else None
    birth = fields.get("birth_date")
    if (
        born_by_id
        and birth
        and (birth.isoformat() if isinstance(birth, date) else str(birth)) != born_by_id
    ):
        # A valid ID carries the birth date; typing another would fake a newborn exemption.
        raise EnrollError("birth_from_id", born=born_by_id)
    changes: dict[str, object] = {}
    for key, value in fields.items():
        if key not in PERSON_FIELDS:
            raise ValueError(key)
        if key == "name":
            value = (str(value) or "").strip()
            if not value:
                raise EnrollError("field_required", field="姓名")
        elif key == "phone":
            value = _phone(str(value or ""))
        elif key == "birth_date":
            value = value.isoformat() if isinstance(value, date) else (value or None)
        elif key == "relation":
            value = _check_relation(db, household_id, str(value or ""), person_id)
        elif key == "id_number":
            check = checked_id(str(value), allow_invalid=allow_invalid, today=today)
            if check.normalized != old["id_number"]:
                if check.valid:
                    ensure_id_free(db, check.normalized, except_person=person_id)
                changes["id_valid"] = int(check.valid)
                changes["id_problem"] = check.problem
                if check.birth_date:
                    changes["birth_date"] = check.birth_date.isoformat()
                changes["sex"] = check.sex
            value = check.normalized
        else:
            value = (str(value or "")).strip()
        if value != old.get(key):
            changes[key] = value
    if not changes:
        return
    with db.atomic():
        current = db.execute(
            f"SELECT {', '.join(changes)} FROM person WHERE id = ?", [person_id]
        ).fetchone()
        db.execute(
            f"UPDATE person SET {', '.join(f'{k} = ?' for k in changes)} WHERE id = ?",
            [*changes.values(), person_id],
        )
        audit.record_many(
            db,
            (
                ("person", person_id, k, o, n)
                for (k, n), o in zip(changes.items(), current, strict=True)
                if o != n
            ),
            actor=actor,
            reason=reason,
        )


def move_person(
    db: sqlite_utils.Database,
    person_id: int,
    household_id: int,
    *,
    actor: str,
    relation: str = "其他",
    reason: str = "",
) -> None:
    """Move a person to another household; a 户主 who moves takes the given new relation."""
    row = db.execute(
        "SELECT household_id, relation FROM person WHERE id = ?", [person_id]
    ).fetchone()
    if row is None:
        raise EnrollError("person_unknown", key=person_id)
    if db.execute("SELECT 1 FROM household WHERE id = ?", [household_id]).fetchone() is None:
        raise EnrollError("household_unknown", key=household_id)
    if row[0] == household_id:
        return
    with db.atomic():
        new_relation = _check_relation(db, household_id, relation, person_id)
        db.execute(
            "UPDATE person SET household_id = ?, relation = ? WHERE id = ?",
            [household_id, new_relation, person_id],
        )
        audit.record(
            db,
            table="person",
            row_id=person_id,
            field="household_id",
            old=row[0],
            new=household_id,
            actor=actor,
            reason=reason,
        )
        if new_relation != row[1]:
            audit.record(
                db,
                table="person",
                row_id=person_id,
                field="relation",
                old=row[1],
                new=new_relation,
                actor=actor,
                reason=reason,
            )


def set_head(
    db: sqlite_utils.Database, person_id: int, *, actor: str, old_head_relation: str = "其他"
) -> None:
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
    if relation == "户主":
        return
    with db.atomic():
        for (old_id,) in db.execute(
            "SELECT id FROM person WHERE household_id = ? AND relation = '户主'", [household_id]
        ).fetchall():
            db.execute("UPDATE person SET relation = ? WHERE id = ?", [old_head_relation, old_id])
            audit.record(
                db,
                table="person",
                row_id=old_id,
                field="relation",
                old="户主",
                new=old_head_relation,
                actor=actor,
                reason="更换户主",
            )
        db.execute("UPDATE person SET relation = '户主' WHERE id = ?", [person_id])
        audit.record(
            db,
            table="person",
            row_id=person_id,
            field="relation",
            old=relation,
            new="户主",
            actor=actor,
            reason="更换户主",
        )


def _person_year(db: sqlite_utils.Database, person_id: int, year: int) -> tuple:
    row = db.execute(
        "SELECT coverage, coverage_note, unpaid_reason, unpaid_note FROM person_year WHERE person_id = ? AND year = ?",
        [person_id, year],
    ).fetchone()
    if row is None:
        if db.execute("SELECT 1 FROM person WHERE id = ?", [person_id]).fetchone():
            raise EnrollError("person_not_in_year", key=person_id, year=year)
        raise EnrollError("person_unknown", key=person_id)
    return row


def _audit_changes(
    db: sqlite_utils.Database, person_id: int, year: int, changes: dict, actor: str
) -> None:
    audit.record_many(
        db,
        ((f"person_year:{year}", person_id, k, o, n) for k, (o, n) in changes.items() if o != n),
        actor=actor,
    )


def set_coverage(
    db: sqlite_utils.Database,
    person_id: int,
    coverage: str,
    *,
    actor: str,
    note: str = "",
    year: int | None = None,
) -> None:
    """Set how a person is covered this year (职工医保, 异地参保 with where, 死亡 …)."""
    if coverage not in COVERAGE_KINDS:
        raise EnrollError("coverage_unknown", value=coverage, known="、".join(COVERAGE_KINDS))
    year = _year(db, year)
    old = _person_year(db, person_id, year)
    note = (note or "").strip()
    with db.atomic():
        db.execute(
            "UPDATE person_year SET coverage = ?, coverage_note = ? WHERE person_id = ? AND year = ?",
            [coverage, note, person_id, year],
        )
        _audit_changes(
            db,
            person_id,
            year,
            {"coverage": (old[0], coverage), "coverage_note": (old[1], note)},
            actor,
        )


def set_unpaid_reason(
    db: sqlite_utils.Database,
    person_id: int,
    reason: str,
    *,
    actor: str,
    note: str = "",
    year: int | None = None,
) -> None:
    if reason and reason not in UNPAID_REASONS:
        raise EnrollError("reason_unknown", value=reason, known="、".join(UNPAID_REASONS))
    year = _year(db, year)
    old = _person_year(db, person_id, year)
    note = (note or "").strip()
    with db.atomic():
        db.execute(
            "UPDATE person_year SET unpaid_reason = ?, unpaid_note = ? WHERE person_id = ? AND year = ?",
            [reason, note, person_id, year],
        )
        _audit_changes(
            db,
            person_id,
            year,
            {"unpaid_reason": (old[2], reason), "unpaid_note": (old[3], note)},
            actor,
        )


def flag_person(
    db: sqlite_utils.Database,
    person_id: int,
    category: str,
    *,
    actor: str,
    source: str = "manual",
    year: int | None = None,
) -> bool:
    """Flag a person as in a special group for the year; False if the flag was already there."""
    if category not in CATEGORY_BY_CODE:
        raise EnrollError("category_unknown", value=category, known="、".join(CATEGORY_BY_CODE))
    year = _year(db, year)
    _person_year(db, person_id, year)
    with db.atomic():
        cur = db.execute(
            "INSERT OR IGNORE INTO special_flag (person_id, year, category, source, created_at) VALUES (?, ?, ?, ?, ?)",
            [person_id, year, category, source, audit.now_utc()],
        )
        if cur.rowcount:
            audit.record(
                db,
                table=f"special_flag:{year}",
                row_id=person_id,
                field=category,
                old=None,
                new=source,
                actor=actor,
            )
    return bool(cur.rowcount)


def unflag_person(
    db: sqlite_utils.Database,
    person_id: int,
    category: str,
    *,
    actor: str,
    reason: str = "",
    year: int | None = None,
) -> bool:
    year = _year(db, year)
    with db.atomic():
        row = db.execute(
            "SELECT source FROM special_flag WHERE person_id = ? AND year = ? AND category = ?",
            [person_id, year, category],
        ).fetchone()
        if row is None:
            return False
        db.execute(
            "DELETE FROM special_flag WHERE person_id = ? AND year = ? AND category = ?",
            [person_id, year, category],
        )
        audit.record(
            db,
            table=f"special_flag:{year}",
            row_id=person_id,
            field=category,
            old=row[0],
            new=None,
            actor=actor,
            reason=reason,
        )
    return True


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
