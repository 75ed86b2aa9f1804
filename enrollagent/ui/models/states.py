"""One load of the year's person states per change of the store, shared by overview and roster."""

from __future__ import annotations

import sqlite_utils

from ...core.figures import PersonState, person_states

_ATTR = "_enrollagent_states"  # kept on the connection object: it goes when the connection goes


def _version(db: sqlite_utils.Database) -> tuple[int, int]:
    # total_changes counts this connection's writes; data_version moves when another connection
    # (an import job on the worker lane) commits. Together they say "the store changed".
    return db.conn.total_changes, db.execute("PRAGMA data_version").fetchone()[0]


def current_states(db: sqlite_utils.Database) -> list[PersonState]:
    """person_states of the current year, reloaded only when the store changed since last time."""
    version = _version(db)
    hit = getattr(db, _ATTR, None)
    if hit and hit[0] == version:
        return hit[1]
    states = person_states(db)
    setattr(db, _ATTR, (version, states))
    return states
