"""Importing a roll sheet (花名册): households by 户号 (or 户主 + 组), persons by ID, never twice.

A row is a group's title (二组), or a person: keyed by ID (a duplicate of an earlier row counts
once), found in the store or added to a household the Roll resolves, then written in one go."""

from __future__ import annotations

import re

from ..core import ids
from ..core.clock import new_uuids
from ..core.ids import IdCheck
from ..core.vocab import categories_in, relation_of
from ..errors import Problem
from .cells import date_of, id_cell, id_problem, name_note, person_name, same_name, text
from .columns import Columns
from .flags import YearFlags
from .history import RollHistory
from .job import Job, Skip, lane

COUNTS = (
    "imported",
    "households",
    "duplicates",
    "invalid_id",
    "upgraded",
    "already_present",
    "skipped",
)


def _cell(row: list[object], cols: Columns, name: str) -> object:
    i = cols.first(name)
    return row[i] if i is not None and i < len(row) else None


_SECTION = re.compile(r"^第?([0-9]+|[一二三四五六七八九十]+)(村民)?小?组$")


def section_title(row: list[object]) -> str:
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


def born_and_sex(chk: IdCheck, row: list[object], cols: Columns) -> tuple[str | None, str | None]:
    """Birth date and sex: a valid ID's, else what the row's own cells say."""
    born = chk.birth_date.isoformat() if chk.birth_date else date_of(_cell(row, cols, "birth"))
    sex = chk.sex or text(_cell(row, cols, "sex"))
    return born or None, sex if sex in ("男", "女") else None


class Roll:
    """The village roll as one sheet's import sees it: what the store holds, loaded once (persons
    by ID, households by 户号 and by 户主, heads, this year's roster and flags), and what the sheet
    adds as it goes, written at the end in one go."""

    def __init__(self, job: Job, cols: Columns) -> None:
        self.job = job
        self.cols = cols
        db = job.db
        self.valid: dict[str, int] = {}  # ID → person, for valid IDs
        self.invalid: dict[tuple, int] = {}  # (ID as written, name) → person, for invalid ones
        for pid, idn, name, ok in db.execute("SELECT id, id_number, name, id_valid FROM person"):
            if ok:
                self.valid[idn] = pid
            else:
                self.invalid.setdefault((idn, name), pid)
        self.by_no = {
            no: hid for hid, no in db.execute("SELECT id, hh_no FROM household WHERE hh_no != ''")
        }
        self.by_head: dict[tuple, int] = {}  # (户主, 组) → household
        self.by_head_id: dict[str, int] = {}  # 户主身份证号 → household
        self.heads: set[int] = set()  # households with a 户主
        for hid, group, head, head_id in db.execute(
            "SELECT h.id, h.group_name, p.name, p.id_number FROM household h"
            " JOIN person p ON p.household_id = h.id AND p.relation = '户主'"
        ):
            self.by_head.setdefault((head, group), hid)
            self.by_head_id.setdefault(head_id, hid)
            self.heads.add(hid)
        self.on_roster = {
            r[0] for r in db.execute("SELECT person_id FROM person_year WHERE year = ?", [job.year])
        }
        self.flags = YearFlags(job)
        self.history = RollHistory(job, cols)
        # What this sheet adds.
        self.next_hh = lane(job).next_id("household")
        self.next_person = lane(job).next_id("person")
        self.households: dict[int, dict] = {}  # new households by id
        self.persons: list[dict] = []
        self.years: list[int] = []  # persons put on this year's roster
        self.seen: dict[object, int] = {}  # person key → the first row of this sheet
        self.keyed: dict[tuple, int] = {}  # household key of this sheet → household id
        self.current_hh: int | None = None  # files with neither 户号 nor 户主: 户主 rows lead
        self.last_group = job.default_group

    def duplicate(self, row_no: int, chk: IdCheck, name: str) -> Skip | None:
        """A person an earlier row of the sheet holds: the same valid ID, or the same invalid ID
        text with the same name (docs/domain.md, invalid IDs)."""
        key: object = chk.normalized if chk.valid else ("?", chk.normalized, name)
        first = self.seen.get(key)
        if first is not None:
            return Skip("duplicates", Problem("roster_duplicate", first=first))
        self.seen[key] = row_no
        return None

    def already_present(self, chk: IdCheck, name: str) -> int | None:
        """The person the store holds, put on this year's roster if not on it; else None."""
        pid = (
            self.valid.get(chk.normalized)
            if chk.valid
            else self.invalid.get((chk.normalized, name))
        )
        if pid is not None and pid not in self.on_roster:
            self.years.append(pid)
            self.on_roster.add(pid)
        return pid

    def household(self, row_no: int, row: list[object], chk: IdCheck, name: str) -> tuple[int, str]:
        """(household, relation to its head) of a new person; a household not met yet is added."""
        cols = self.cols
        hh_no = text(_cell(row, cols, "hh_no"))
        head = text(_cell(row, cols, "head"))
        head_id = _head_id(_cell(row, cols, "head_id"), self.job)
        # A group written once per group (or merged) holds for the rows below it.
        group = text(_cell(row, cols, "group")) or self.last_group
        self.last_group = group
        relation = relation_of(_cell(row, cols, "relation"))
        if not relation and (
            head and same_name(head, name) or head_id and head_id == chk.normalized
        ):
            relation = "户主"
        key, stored = self.household_key(row_no, hh_no, head_id, head, group, relation)
        hid = self.keyed.get(key) or stored
        if hid is None:
            hid = self.next_hh
            self.next_hh += 1
            self.households[hid] = {
                "id": hid,
                "uuid": "",  # given in write(), all in one batch
                "hh_no": hh_no,
                "group_name": group,
                "address": text(_cell(row, cols, "address")),
                "phone": "",
                "created_at": self.job.now,
            }
        self.keyed[key] = hid
        self.current_hh = hid
        return hid, relation

    def household_key(
        self, row_no: int, hh_no: str, head_id: str, head: str, group: str, relation: str
    ) -> tuple[tuple, int | None]:
        """(the key of a row's household in this sheet, the stored household it names): by 户号,
        else by 户主身份证号, else by 户主 + 组, else a 户主 row opens one the rows below join."""
        if hh_no:
            return ("no", hh_no), self.by_no.get(hh_no)
        if head_id:  # 户主身份证号: members of a household need not be next to each other
            return ("id", head_id), self.by_head_id.get(head_id)
        if head:
            return ("head", head, group), self.by_head.get((head, group))
        if relation == "户主" or self.current_hh is None or "relation" not in self.cols.index:
            return ("row", row_no), None
        return ("hh", self.current_hh), self.current_hh

    def add_person(
        self, row_no: int, row: list[object], chk: IdCheck, name: str, hid: int, relation: str
    ) -> tuple[int, list[Problem]]:
        """Adds a new person to the household, this year's roster and the row's categories;
        returns the person and what the agent should check (a kept invalid ID, a second 户主, a
        bad phone)."""
        notes: list[Problem] = []
        if relation == "户主":
            if hid in self.heads:
                relation = "其他"
                notes.append(Problem("roster_head_exists"))
            else:
                self.heads.add(hid)
        phone_raw = text(_cell(row, self.cols, "phone"))
        phone, ok = ids.normalize_phone(phone_raw)
        if not ok:
            notes.append(Problem("roster_phone_invalid", phone=phone_raw))
            phone = ""
        born, sex = born_and_sex(chk, row, self.cols)
        pid = self.next_person
        self.next_person += 1
        self.persons.append(
            {
                "id": pid,
                "uuid": "",  # given in write(), all in one batch
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
                "created_at": self.job.now,
            }
        )
        self.years.append(pid)
        self.on_roster.add(pid)
        if chk.valid:
            self.valid[chk.normalized] = pid
        else:
            self.invalid[(chk.normalized, name)] = pid
            notes.insert(0, Problem("roster_id_kept", why=id_problem(chk)))
        added = self.households.get(hid)  # a household of the store keeps its phone
        if relation == "户主" and phone and added is not None and not added["phone"]:
            added["phone"] = phone
        self.flags.add(pid, categories_in(text(_cell(row, self.cols, "category"))), row_no)
        return pid, notes

    def write(self) -> None:
        w = lane(self.job)
        added = [*self.households.values(), *self.persons]
        for row, uuid in zip(added, new_uuids(len(added)), strict=True):
            row["uuid"] = uuid
        w.insert_many("household", list(self.households.values()))
        w.insert_many("person", self.persons)
        # `years` holds only people not yet on this year's roster: each is a row really added.
        w.insert_many(
            "person_year",
            [
                {"person_id": pid, "year": self.job.year, "coverage": "resident"}
                for pid in self.years
            ],
            key="person_id",
            year=self.job.year,
            or_ignore=True,
        )
        self.flags.write()
        self.history.write()


def _person(roll: Roll, row_no: int, row: list[object], chk: IdCheck, name: str) -> list[Problem]:
    """A row of a person after the ID checks: the person found or added, and the history the
    row states; returns the notes for the agent."""
    rep = roll.job.report
    pid = roll.already_present(chk, name)
    if pid is not None:
        rep.add("already_present")
        notes: list[Problem] = []
    else:
        hid, relation = roll.household(row_no, row, chk, name)
        pid, notes = roll.add_person(row_no, row, chk, name, hid, relation)
        cleaned = name_note(_cell(row, roll.cols, "name"))
        if cleaned:
            notes.append(cleaned)
        rep.add("imported")
    return notes + roll.history.read(pid, row)


def import_roster(job: Job, rows: list[tuple[int, list[object]]], cols: Columns) -> None:
    rep = job.report
    for key in COUNTS:
        rep.counts.setdefault(key, 0)
    roll = Roll(job, cols)
    for done, (row_no, row) in enumerate(rows, 1):
        job.tick(done, len(rows))
        name = person_name(_cell(row, cols, "name"))
        raw_id = _cell(row, cols, "id")
        # A line "二组" between the groups of a roll (in any column, the name column too): not a person.
        section = "" if text(raw_id) else section_title(row)
        if section:
            roll.last_group = section
            rep.rows -= 1
            continue
        if not name:
            code = "roster_no_name" if text(raw_id) else "roster_no_name_no_id"
            rep.skip(row_no, Skip("skipped", Problem(code)))
            continue
        chk = ids.check_cell(id_cell(raw_id), today=job.today)
        duplicate = roll.duplicate(row_no, chk, name)
        if duplicate is not None:
            rep.skip(row_no, duplicate)
            continue
        if not chk.valid:
            rep.add("invalid_id")
        if chk.upgraded:
            rep.add("upgraded")
        notes = _person(roll, row_no, row, chk, name)
        if notes:
            rep.problem(row_no, "roster_notes", notes=notes)
    roll.write()
    rep.add("households", len(roll.households))
    if "category" in cols.index:
        rep.add("flagged", len(roll.flags.persons()))
    if roll.history.where:
        rep.add("history", len(roll.history.stated))
