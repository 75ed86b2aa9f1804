"""Importing a roll sheet (花名册): households by 户号 (or 户主 + 组), persons by ID, never twice."""

from __future__ import annotations

import re

from ..core import ids
from ..core.clock import new_uuid
from ..core.vocab import categories_in, relation_of
from ..errors import Problem
from .cells import date_of, id_cell, id_problem, person_name, same_name, text
from .columns import Columns
from .job import Job, lane


def _cell(row: list[object], cols: Columns, name: str) -> object:
    i = cols.first(name)
    return row[i] if i is not None and i < len(row) else None


_SECTION = re.compile(r"^第?([0-9]+|[一二三四五六七八九十]+)(村民)?小?组$")


def _section_title(row: list[object]) -> str:
    """The group named by a row holding nothing but a group name, else ''."""
    filled = [t for t in (text(c) for c in row) if t]
    if len(set(filled)) == 1 and _SECTION.match(filled[0].replace(" ", "")):
        return filled[0].replace(" ", "")
    return ""


def _head_id(cell: object, job: Job) -> str:
    """The 户主身份证号 of a row as stored (15 digits upgraded), '' when there is none."""
    if cell is None or text(cell) == "":
        return ""
    return ids.check_cell(id_cell(cell), today=job.today).normalized


def _existing(job: Job) -> tuple[dict, dict, dict, dict, dict, set, set, set]:
    db = job.db
    valid, invalid = {}, {}
    for pid, idn, name, ok in db.execute("SELECT id, id_number, name, id_valid FROM person"):
        if ok:
            valid[idn] = pid
        else:
            invalid.setdefault((idn, name), pid)
    by_no = {no: hid for hid, no in db.execute("SELECT id, hh_no FROM household WHERE hh_no != ''")}
    by_head: dict[tuple, int] = {}
    by_head_id: dict[str, int] = {}
    heads = set()
    for hid, group, head, head_id in db.execute(
        "SELECT h.id, h.group_name, p.name, p.id_number FROM household h JOIN person p ON p.household_id = h.id"
        " AND p.relation = '户主'"
    ):
        by_head.setdefault((head, group), hid)
        by_head_id.setdefault(head_id, hid)
        heads.add(hid)
    on_roster = {
        r[0] for r in db.execute("SELECT person_id FROM person_year WHERE year = ?", [job.year])
    }
    flags = {
        (p, c)
        for p, c in db.execute(
            "SELECT person_id, category FROM special_flag WHERE year = ?", [job.year]
        )
    }
    return valid, invalid, by_no, by_head, by_head_id, heads, on_roster, flags


def import_roster(job: Job, rows: list[tuple[int, list[object]]], cols: Columns) -> None:
    rep = job.report
    valid, invalid, by_no, by_head, by_head_id, heads, on_roster, flags = _existing(job)
    next_hh, next_person = lane(job).next_id("household"), lane(job).next_id("person")
    created: dict[int, dict] = {}  # new households by id
    new_persons: list[dict] = []
    years: list[tuple[int, int]] = []
    new_flags: list[tuple] = []
    seen: dict[object, int] = {}  # person key → first row in this file
    keyed: dict[tuple, int] = {}  # household key of this file → household id
    current_hh: int | None = (
        None  # for files with neither 户号 nor 户主: households follow 户主 rows
    )
    for key in (
        "imported",
        "households",
        "duplicates",
        "invalid_id",
        "upgraded",
        "already_present",
        "skipped",
    ):
        rep.counts.setdefault(key, 0)
    last_group = job.default_group

    for done, (row_no, row) in enumerate(rows, 1):
        job.tick(done, len(rows))
        name = person_name(_cell(row, cols, "name"))
        raw_id = _cell(row, cols, "id")
        # A line "二组" between the groups of a roll (in any column, the name column too): not a person.
        section = "" if text(raw_id) else _section_title(row)
        if section:
            last_group = section
            rep.rows -= 1
            continue
        if not name:
            rep.add("skipped")
            rep.problem(row_no, "roster_no_name" if text(raw_id) else "roster_no_name_no_id")
            continue
        chk = ids.check_cell(id_cell(raw_id), today=job.today)
        pkey: object = chk.normalized if chk.valid else ("?", chk.normalized, name)
        if pkey in seen:
            rep.add("duplicates")
            rep.problem(row_no, "roster_duplicate", first=seen[pkey])
            continue
        seen[pkey] = row_no
        if not chk.valid:
            rep.add("invalid_id")
        if chk.upgraded:
            rep.add("upgraded")
        existing = valid.get(chk.normalized) if chk.valid else invalid.get((chk.normalized, name))
        if existing is not None:
            rep.add("already_present")
            if existing not in on_roster:
                years.append((existing, job.year))
                on_roster.add(existing)
            continue

        # The household: by 户号, else by 户主身份证号, else by 户主 + 组, else 户主 rows open a new one.
        hh_no = text(_cell(row, cols, "hh_no"))
        head = text(_cell(row, cols, "head"))
        head_id = _head_id(_cell(row, cols, "head_id"), job)
        # A group written once per group (or merged) holds for the rows below it.
        group = text(_cell(row, cols, "group")) or last_group
        last_group = group
        relation = relation_of(_cell(row, cols, "relation"))
        if not relation and (
            head and same_name(head, name) or head_id and head_id == chk.normalized
        ):
            relation = "户主"
        if hh_no:
            hkey, store_hid = ("no", hh_no), by_no.get(hh_no)
        elif head_id:  # 户主身份证号: members of a household need not be next to each other
            hkey, store_hid = ("id", head_id), by_head_id.get(head_id)
        elif head:
            hkey, store_hid = ("head", head, group), by_head.get((head, group))
        elif relation == "户主" or current_hh is None or "relation" not in cols.index:
            hkey, store_hid = ("row", row_no), None
        else:
            hkey, store_hid = ("hh", current_hh), current_hh
        hid = keyed.get(hkey) or store_hid
        if hid is None:
            hid = next_hh
            next_hh += 1
            created[hid] = {
                "id": hid,
                "uuid": new_uuid(),
                "hh_no": hh_no,
                "group_name": group,
                "address": text(_cell(row, cols, "address")),
                "phone": "",
                "created_at": job.now,
            }
            rep.add("households")
        keyed[hkey] = hid
        current_hh = hid

        notes = []
        if relation == "户主":
            if hid in heads:
                relation = "其他"
                notes.append(Problem("roster_head_exists"))
            else:
                heads.add(hid)
        phone_raw = text(_cell(row, cols, "phone"))
        phone, ok = ids.normalize_phone(phone_raw)
        if not ok:
            notes.append(Problem("roster_phone_invalid", phone=phone_raw))
            phone = ""
        born = (
            chk.birth_date.isoformat()
            if chk.birth_date
            else (date_of(_cell(row, cols, "birth")) or None)
        )
        sex = chk.sex or (
            text(_cell(row, cols, "sex")) if text(_cell(row, cols, "sex")) in ("男", "女") else None
        )
        pid = next_person
        next_person += 1
        new_persons.append(
            {
                "id": pid,
                "uuid": new_uuid(),
                "household_id": hid,
                "name": name,
                "id_number": chk.normalized,
                "id_valid": int(chk.valid),
                "id_problem": chk.problem,
                "birth_date": born,
                "sex": sex,
                "relation": relation,
                "phone": phone,
                "note": "",
                "created_at": job.now,
            }
        )
        years.append((pid, job.year))
        on_roster.add(pid)
        if chk.valid:
            valid[chk.normalized] = pid
        else:
            invalid[(chk.normalized, name)] = pid
            notes.insert(0, Problem("roster_id_kept", why=id_problem(chk)))
        if relation == "户主" and phone and hid in created and not created[hid]["phone"]:
            created[hid]["phone"] = phone
        for cat in categories_in(text(_cell(row, cols, "category"))):
            if (pid, cat) not in flags:
                flags.add((pid, cat))
                new_flags.append((pid, job.year, cat, job.source(row_no), job.now))
        rep.add("imported")
        if notes:
            rep.problem(row_no, "roster_notes", notes=notes)

    _write(job, list(created.values()), new_persons, years, new_flags)
    if "category" in cols.index:
        rep.add("flagged", len({f[0] for f in new_flags}))


def _write(
    job: Job,
    households: list[dict],
    persons: list[dict],
    years: list[tuple],
    flags: list[tuple],
) -> None:
    w = lane(job)
    w.insert_many("household", households)
    w.insert_many("person", persons)
    # `years` holds only people not yet on this year's roster, so each pair is a row really added.
    w.insert_many(
        "person_year",
        [{"person_id": pid, "year": year, "coverage": "resident"} for pid, year in years],
        key="person_id",
        year=job.year,
        or_ignore=True,
    )
    w.insert_many(
        "special_flag",
        [
            {"person_id": f[0], "year": f[1], "category": f[2], "source": f[3], "created_at": f[4]}
            for f in flags
        ],
        key="person_id",
        year=job.year,
        or_ignore=True,
    )
