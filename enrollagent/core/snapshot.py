"""The year's person states held for the screens: loaded once, patched from each write's Changes,
and the roster's one filter. Qt-free, so the rules are tested without widgets."""

from __future__ import annotations

from dataclasses import dataclass, field

import sqlite_utils

from .changes import Changes
from .figures import ENROLLED_STATES, PersonState, person_states, roster_order

PATCH_LIMIT = 300  # more persons touched than this: a full reload is as quick and simpler


@dataclass
class Snapshot:
    """The states and the lookups every list needs, made once per change rather than per keystroke."""

    states: list[PersonState]
    by_id: dict[int, PersonState] = field(default_factory=dict)
    by_household: dict[int, list[PersonState]] = field(default_factory=dict)
    heads: dict[int, str] = field(default_factory=dict)
    to_confirm: int = 0  # people whose cover was carried from last year, not yet confirmed

    def __post_init__(self) -> None:
        for s in self.states:
            self.to_confirm += s.to_confirm
            self.by_id[s.person_id] = s
            self.by_household.setdefault(s.household_id, []).append(s)
            if s.relation == "户主":
                self.heads[s.household_id] = s.name


def load_snapshot(db: sqlite_utils.Database) -> Snapshot:
    return Snapshot(person_states(db))


def _affected(db: sqlite_utils.Database, old: Snapshot, changes: Changes) -> set[int]:
    """Persons whose state may differ: those named, and every member, old or new, of a household
    named (its group, 户号 or 户主 show on each member's row)."""
    persons = set(changes.persons)
    if changes.households:
        marks = ", ".join("?" * len(changes.households))
        persons.update(
            r[0]
            for r in db.execute(
                f"SELECT id FROM person WHERE household_id IN ({marks})",
                sorted(changes.households),
            ).fetchall()
        )
        for hid in changes.households:
            persons.update(s.person_id for s in old.by_household.get(hid, ()))
    return persons


def patched(db: sqlite_utils.Database, old: Snapshot, changes: Changes) -> Snapshot | None:
    """`old` brought up to date after `changes`; None when only a full load will do."""
    if changes.all_states:
        return None
    persons = _affected(db, old, changes)
    if len(persons) > PATCH_LIMIT:
        return None
    if not persons:
        return old
    by_id = dict(old.by_id)
    for pid in persons:
        by_id.pop(pid, None)  # gone from the year, or replaced just below
    for s in person_states(db, person_ids=sorted(persons)):
        by_id[s.person_id] = s
    return Snapshot(roster_order(list(by_id.values())))


def after(db: sqlite_utils.Database, old: Snapshot | None, changes: Changes) -> Snapshot:
    """The snapshot after `changes`: patched when it can be, else loaded whole."""
    found = patched(db, old, changes) if old is not None else None
    return found if found is not None else load_snapshot(db)


def matches(s: PersonState, flt: dict) -> bool:
    """One person against a roster filter: group, coverage, state, attention, household."""
    if "household_id" in flt and s.household_id != flt["household_id"]:
        return False
    if flt.get("group") is not None and s.group_name != flt["group"]:
        return False
    if flt.get("coverage") and s.coverage != flt["coverage"]:
        return False
    return _state_matches(s, flt.get("state")) and _attention_matches(s, flt.get("attention"))


def _state_matches(s: PersonState, state: str | None) -> bool:
    if not state:
        return True
    if state == "enrolled":
        return s.state in ENROLLED_STATES
    if state == "with_reason":
        return s.state == "unpaid" and bool(s.unpaid_reason)
    return s.state == state


_ATTENTION = {
    "invalid_id": lambda s: not s.id_valid,
    "refund_due": lambda s: s.refund_due,
    "double_paid": lambda s: s.double_paid,
    "special": lambda s: bool(s.categories),
    "to_confirm": lambda s: s.to_confirm,  # cover carried from last year, not yet confirmed
}


def _attention_matches(s: PersonState, attention: str | None) -> bool:
    test = _ATTENTION.get(attention or "")
    return test is None or bool(test(s))


def filtered(
    snapshot: Snapshot, flt: dict, search_ids: list[int] | None = None
) -> list[PersonState]:
    """The roster rows a filter and a search (ids best first) leave, in roster or search order."""
    if search_ids is not None:
        # In C: a keystroke at 55,000 people hands over tens of thousands of ids.
        candidates = list(filter(None, map(snapshot.by_id.get, search_ids)))
    elif "household_id" in flt:
        candidates = snapshot.by_household.get(flt["household_id"], [])
    else:
        candidates = snapshot.states
    return [s for s in candidates if matches(s, flt)] if flt else list(candidates)
