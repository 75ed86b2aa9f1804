"""One load of the year's person states per change of the store, shared by overview and roster.

After a change made on this connection, only the persons the audit log names are recomputed
(a few ms instead of ~0.5 s at 6,000); anything else — a policy change, a write by another
connection such as an import job, or many persons at once — reloads everything."""

from __future__ import annotations

from dataclasses import dataclass, field

import sqlite_utils

from ...core.figures import PersonState, person_states
from ...core.vocab import group_sort_key

_ATTR = "_enrollagent_snapshot"  # kept on the connection object: it goes when the connection goes
PATCH_LIMIT = 300  # more persons touched than this: a full reload is as quick and simpler
_NO_STATE_TABLES = {
    "unmatched_payment",
    "setting",
}  # audited, but no person's state depends on them


@dataclass
class Snapshot:
    """The states and the lookups every list needs, made once per change rather than per keystroke."""

    states: list[PersonState]
    audit_max: int = 0  # the newest audit_log id the states include
    by_id: dict[int, PersonState] = field(default_factory=dict)
    by_household: dict[int, list[PersonState]] = field(default_factory=dict)
    heads: dict[int, str] = field(default_factory=dict)

    def __post_init__(self) -> None:
        for s in self.states:
            self.by_id[s.person_id] = s
            self.by_household.setdefault(s.household_id, []).append(s)
            if s.relation == "户主":
                self.heads[s.household_id] = s.name


def roster_sorted(states: list[PersonState]) -> list[PersonState]:
    """In the order person_states returns: group, 户号, household, 户主 first, then by id."""
    groups = {g: group_sort_key(g) for g in {s.group_name for s in states}}
    return sorted(
        states,
        key=lambda s: (
            groups[s.group_name],
            s.hh_no,
            s.household_id,
            s.relation != "户主",
            s.person_id,
        ),
    )


def _version(db: sqlite_utils.Database) -> tuple[int, int]:
    # total_changes counts this connection's writes; data_version moves when another connection
    # (an import job on the worker lane) commits. Together they say "the store changed".
    return db.conn.total_changes, db.execute("PRAGMA data_version").fetchone()[0]


def _audit_max(db: sqlite_utils.Database) -> int:
    return db.execute("SELECT COALESCE(MAX(id), 0) FROM audit_log").fetchone()[0]


def full_snapshot(db: sqlite_utils.Database) -> Snapshot:
    audit_max = _audit_max(db)
    return Snapshot(person_states(db), audit_max)


def _touched(db: sqlite_utils.Database, since: int) -> tuple[set[int], int] | None:
    """Persons whose state may have changed since audit id `since`; None when it cannot be told."""
    persons: set[int] = set()
    payments: set[int] = set()
    households: set[int] = set()
    newest = since
    for audit_id, table, row_id in db.execute(
        "SELECT id, table_name, row_id FROM audit_log WHERE id > ?", [since]
    ).fetchall():
        newest = max(newest, audit_id)
        if table == "person" or table.startswith(("person_year:", "special_flag:")):
            persons.add(row_id)
        elif table == "payment":
            payments.add(row_id)
        elif table == "household":
            households.add(row_id)
        elif table not in _NO_STATE_TABLES:
            return None  # policy, village, year: everyone may change
    for ids, sql in (
        (payments, "SELECT person_id FROM payment WHERE id IN ({})"),
        (households, "SELECT id FROM person WHERE household_id IN ({})"),
    ):
        if ids:
            marks = ", ".join("?" * len(ids))
            persons.update(r[0] for r in db.execute(sql.format(marks), list(ids)).fetchall())
    return persons, newest


def _patched(db: sqlite_utils.Database, old: Snapshot) -> Snapshot | None:
    found = _touched(db, old.audit_max)
    if found is None or len(found[0]) > PATCH_LIMIT:
        return None
    persons, newest = found
    by_id = dict(old.by_id)
    for pid in persons:
        by_id.pop(pid, None)  # gone from the year, or replaced just below
    for s in person_states(db, person_ids=sorted(persons)) if persons else []:
        by_id[s.person_id] = s
    return Snapshot(roster_sorted(list(by_id.values())), newest)


def current_snapshot(db: sqlite_utils.Database) -> Snapshot:
    """person_states of the current year, brought up to date only when the store changed."""
    version = _version(db)
    hit = getattr(db, _ATTR, None)
    if hit and hit[0] == version:
        return hit[1]
    snapshot = None
    if (
        hit and hit[0][1] == version[1]
    ):  # only this connection wrote: its audit rows say who changed
        snapshot = _patched(db, hit[1])
    if snapshot is None:
        snapshot = full_snapshot(db)
    setattr(db, _ATTR, (_version(db), snapshot))
    return snapshot


def current_states(db: sqlite_utils.Database) -> list[PersonState]:
    return current_snapshot(db).states
