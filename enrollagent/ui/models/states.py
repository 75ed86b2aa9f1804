"""One load of the year's person states per change of the store, shared by overview and roster."""

from __future__ import annotations

from dataclasses import dataclass, field

import sqlite_utils

from ...core.figures import PersonState, person_states

_ATTR = "_enrollagent_snapshot"  # kept on the connection object: it goes when the connection goes


@dataclass
class Snapshot:
    """The states and the lookups every list needs, made once per change rather than per keystroke."""

    states: list[PersonState]
    by_id: dict[int, PersonState] = field(default_factory=dict)
    by_household: dict[int, list[PersonState]] = field(default_factory=dict)
    heads: dict[int, str] = field(default_factory=dict)

    def __post_init__(self) -> None:
        for s in self.states:
            self.by_id[s.person_id] = s
            self.by_household.setdefault(s.household_id, []).append(s)
            if s.relation == "户主":
                self.heads[s.household_id] = s.name


def _version(db: sqlite_utils.Database) -> tuple[int, int]:
    # total_changes counts this connection's writes; data_version moves when another connection
    # (an import job on the worker lane) commits. Together they say "the store changed".
    return db.conn.total_changes, db.execute("PRAGMA data_version").fetchone()[0]


def current_snapshot(db: sqlite_utils.Database) -> Snapshot:
    """person_states of the current year, reloaded only when the store changed since last time."""
    version = _version(db)
    hit = getattr(db, _ATTR, None)
    if hit and hit[0] == version:
        return hit[1]
    snapshot = Snapshot(person_states(db))
    setattr(db, _ATTR, (version, snapshot))
    return snapshot


def current_states(db: sqlite_utils.Database) -> list[PersonState]:
    return current_snapshot(db).states
