"""The audit log: every change, written by the caller inside the same transaction as the change."""

from __future__ import annotations

import uuid as uuidlib
from collections.abc import Iterable
from datetime import UTC, datetime

import sqlite_utils


def now_utc() -> str:
    return datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def new_uuid() -> str:
    return str(uuidlib.uuid4())


def _text(value: object) -> str | None:
    return None if value is None else str(value)


def record(
    db: sqlite_utils.Database,
    *,
    table: str,
    row_id: int | None,
    field: str,
    old: object,
    new: object,
    actor: str,
    reason: str = "",
) -> None:
    db.execute(
        "INSERT INTO audit_log (at, actor, table_name, row_id, field, old, new, reason)"
        " VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
        [now_utc(), actor, table, row_id, field, _text(old), _text(new), reason],
    )


def record_many(
    db: sqlite_utils.Database, rows: Iterable[tuple], *, actor: str, reason: str = ""
) -> None:
    """Bulk form for imports: rows of (table, row_id, field, old, new)."""
    at = now_utc()
    db.conn.executemany(
        "INSERT INTO audit_log (at, actor, table_name, row_id, field, old, new, reason)"
        " VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
        [(at, actor, t, r, f, _text(o), _text(n), reason) for t, r, f, o, n in rows],
    )


def record_insert(
    db: sqlite_utils.Database,
    *,
    table: str,
    row_id: int,
    values: dict,
    actor: str,
    reason: str = "",
) -> None:
    """An inserted row: one audit row per non-empty field."""
    record_many(
        db,
        ((table, row_id, k, None, v) for k, v in values.items() if v not in (None, "")),
        actor=actor,
        reason=reason,
    )
