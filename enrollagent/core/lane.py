"""The one lane for every write: a transaction, a change-log row, audit rows of one shape, and the
Changes the caller gets back.

    with lane.write(db, actor=actor, op="record_payment") as w:
        payment_id = w.insert("payment", values)
    return w.changes

Audit shape, the same for every table: an insert is one row (field "*", `new` the row's values as
JSON); an update is one row per field that changed; a delete is one row (field "*", `old` as
JSON). `row_id` is the row's id, or the person's id for per-person-year tables (person_year,
special_flag), whose year is in the `year` column. Each audit row points to its change. Rows that
are never changed once written (payments) are their own record: they name their change instead."""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from operator import itemgetter

import sqlite_utils

from .backup import backup_if_due
from .changes import Changes
from .clock import now_utc

_ACTIVE = "_enrollagent_write"  # the open Write, kept on the connection: nested writes join it

# Tables whose rows are keyed by person (row_id is the person's id).
_PERSON_TABLES = frozenset({"person", "person_year", "special_flag"})
_ROSTER_TABLES = frozenset({"person", "household", "person_year"})


def _text(value: object) -> str | None:
    return None if value is None else str(value)


# One encoder for every row: json.dumps with options builds a new one per call, which is most of
# the audit's cost in a 55,000-row import.
_ENCODE = json.JSONEncoder(ensure_ascii=False, separators=(",", ":")).encode


def _row_json(values: Mapping[str, object]) -> str:
    return _ENCODE({k: v for k, v in values.items() if k != "id" and v is not None and v != ""})


class Write:
    """One change in progress. Writers insert, update and delete through it; it audits each and
    notes what the change touches."""

    def __init__(self, db: sqlite_utils.Database, *, actor: str, op: str, reason: str) -> None:
        self.db = db
        self.actor = actor
        self.op = op
        self.reason = reason
        self.at = now_utc()
        self.change_id = 0
        self.audited = 0
        self.kept = 0  # rows that are their own record (payments): counted, not audited
        self._persons: set[int] = set()
        self._households: set[int] = set()
        self._flags: dict[str, bool] = {}

    def next_id(self, table: str) -> int:
        """The id the next row of `table` gets: bulk writers assign ids themselves."""
        return int(self.db.execute(f"SELECT COALESCE(MAX(id), 0) + 1 FROM {table}").fetchone()[0])

    # --- what the change touches --------------------------------------------------------
    def touch(
        self,
        *,
        persons: Iterable[int] = (),
        households: Iterable[int] = (),
        **flags: bool,
    ) -> None:
        self._persons.update(persons)
        self._households.update(households)
        for key, value in flags.items():
            if value:
                self._flags[key] = True

    def _touch_table(self, table: str, row_ids: Iterable[int | None]) -> None:
        if table in _PERSON_TABLES:
            self._persons.update(r for r in row_ids if r is not None)
        elif table == "household":
            self._households.update(r for r in row_ids if r is not None)
        elif table == "unmatched_payment":
            self._flags["inbox"] = True
        elif table == "coverage_year":
            self._flags["year"] = True
        elif table == "village":
            self._flags["village"] = True
        elif table == "setting":
            self._flags["settings"] = True
        if table in _ROSTER_TABLES:
            self._flags["roster"] = True

    @property
    def changes(self) -> Changes:
        return Changes(
            persons=frozenset(self._persons), households=frozenset(self._households), **self._flags
        )

    # --- audit --------------------------------------------------------------------------
    def audit_rows(
        self,
        rows: Iterable[tuple[str, int | None, int | None, str, object, object]],
        *,
        reason: str | None = None,
    ) -> None:
        """Rows of (table, row_id, year, field, old, new), all of this change."""
        why = self.reason if reason is None else reason
        batch = [
            (self.at, self.actor, self.change_id, t, r, y, f, _text(o), _text(n), why)
            for t, r, y, f, o, n in rows
        ]
        if not batch:
            return
        self.db.conn.executemany(
            "INSERT INTO audit_log (at, actor, change_id, table_name, row_id, year, field, old,"
            " new, reason) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            batch,
        )
        self.audited += len(batch)
        by_table: dict[str, list[int | None]] = {}
        for _at, _a, _c, table, row_id, *_rest in batch:
            by_table.setdefault(table, []).append(row_id)
        for table, ids in by_table.items():
            self._touch_table(table, ids)

    def audit(
        self,
        table: str,
        row_id: int | None,
        field: str,
        old: object,
        new: object,
        *,
        year: int | None = None,
        reason: str | None = None,
    ) -> None:
        self.audit_rows([(table, row_id, year, field, old, new)], reason=reason)

    # --- writes -------------------------------------------------------------------------
    def insert(
        self,
        table: str,
        values: Mapping[str, object],
        *,
        key: int | None = None,
        year: int | None = None,
        reason: str | None = None,
    ) -> int:
        """Insert one row and audit it; returns its rowid. `key` is the audited row id when it is
        not the rowid (the person of a person_year or special_flag row)."""
        columns = list(values)
        cursor = self.db.execute(
            f"INSERT INTO {table} ({', '.join(columns)}) VALUES ({', '.join('?' * len(columns))})",
            [values[c] for c in columns],
        )
        row_id = int(cursor.lastrowid or 0)
        self.audit_rows(
            [(table, row_id if key is None else key, year, "*", None, _row_json(values))],
            reason=reason,
        )
        return row_id

    def insert_many(
        self,
        table: str,
        rows: Sequence[Mapping[str, object]],
        *,
        key: str = "id",
        year: int | None = None,
        reason: str | None = None,
        or_ignore: bool = False,
    ) -> None:
        """Insert rows that all have the same columns (ids given by the caller, as bulk imports
        assign them), one audit row each; `key` names the column that is the audited row id."""
        if not rows:
            return
        columns = list(rows[0])
        verb = "INSERT OR IGNORE" if or_ignore else "INSERT"
        values = itemgetter(*columns) if len(columns) > 1 else lambda r: (r[columns[0]],)
        self.db.conn.executemany(
            f"{verb} INTO {table} ({', '.join(columns)}) VALUES ({', '.join('?' * len(columns))})",
            [values(r) for r in rows],
        )
        self.audit_rows(
            ((table, r[key], year, "*", None, _row_json(r)) for r in rows),  # type: ignore[misc]
            reason=reason,
        )

    def insert_records(
        self, table: str, columns: Sequence[str], rows: Iterable[Sequence[object]]
    ) -> None:
        """Insert rows that are their own record, never updated or deleted (payments): each
        carries this change's id in its `change_id` column instead of an audit row. They count
        among the change's rows; the writer notes whom they touch."""
        cursor = self.db.conn.executemany(
            # The change's id is ours, an integer: written into the statement, not into each row.
            f"INSERT INTO {table} ({', '.join(columns)}, change_id)"
            f" VALUES ({', '.join('?' * len(columns))}, {int(self.change_id)})",
            rows,
        )
        self.kept += max(cursor.rowcount, 0)

    def update(
        self,
        table: str,
        row_id: int,
        new: Mapping[str, object],
        *,
        year: int | None = None,
        reason: str | None = None,
    ) -> dict[str, tuple[object, object]]:
        """Set fields of one row, audit those whose value changes; returns {field: (old, new)}.
        Per-person-year tables are addressed by person id and year."""
        if not new:
            return {}
        where, params = _where(table, row_id, year)
        old_row = self.db.execute(
            f"SELECT {', '.join(new)} FROM {table} WHERE {where}", params
        ).fetchone()
        if old_row is None:
            raise LookupError(f"{table} {row_id} {year or ''}")
        changed = {k: (o, v) for (k, v), o in zip(new.items(), old_row, strict=True) if o != v}
        if changed:
            self.db.execute(
                f"UPDATE {table} SET {', '.join(f'{k} = ?' for k in changed)} WHERE {where}",
                [v for _o, v in changed.values()] + params,
            )
            self.audit_rows(
                ((table, row_id, year, k, o, v) for k, (o, v) in changed.items()), reason=reason
            )
        return changed

    def delete(
        self,
        table: str,
        row_id: int,
        where: str,
        params: Sequence[object],
        *,
        year: int | None = None,
        reason: str | None = None,
    ) -> int:
        """Delete the rows `where` selects, audited under `row_id`; returns how many went."""
        gone = [
            dict(zip([d[0] for d in cursor.description], row, strict=True))
            for cursor in [self.db.execute(f"SELECT * FROM {table} WHERE {where}", list(params))]
            for row in cursor.fetchall()
        ]
        if gone:
            self.db.execute(f"DELETE FROM {table} WHERE {where}", list(params))
            self.audit_rows(
                ((table, row_id, year, "*", _row_json(g), None) for g in gone), reason=reason
            )
        return len(gone)


def _where(table: str, row_id: int, year: int | None) -> tuple[str, list[object]]:
    if table == "person_year":
        return "person_id = ? AND year = ?", [row_id, year]
    if table == "coverage_year":
        return "year = ?", [row_id]
    return "id = ?", [row_id]


@contextmanager
def write(db: sqlite_utils.Database, *, actor: str, op: str, reason: str = "") -> Iterator[Write]:
    """One change: a transaction with its change-log row. A write inside another joins it (one
    change, one transaction). The change-log row goes if nothing was recorded."""
    active: Write | None = getattr(db, _ACTIVE, None)
    if active is not None:
        yield active
        return
    if not actor or not actor.strip():
        raise ValueError("a write needs an actor")
    w = Write(db, actor=actor, op=op, reason=reason)
    with db.atomic():
        # Written first: it takes the write lock, so ids read inside the change stay ours.
        w.change_id = int(
            db.execute(
                "INSERT INTO change_log (at, actor, op, reason) VALUES (?, ?, ?, ?)",
                [w.at, actor, op, reason],
            ).lastrowid
            or 0
        )
        setattr(db, _ACTIVE, w)
        try:
            yield w
        finally:
            delattr(db, _ACTIVE)
        if w.audited or w.kept:
            c = w.changes
            # audit_rows: every row the change recorded, its own records among them.
            db.execute(
                "UPDATE change_log SET persons = ?, households = ?, scope = ?, audit_rows = ?"
                " WHERE id = ?",
                [len(c.persons), len(c.households), c.scope(), w.audited + w.kept, w.change_id],
            )
        else:
            db.execute("DELETE FROM change_log WHERE id = ?", [w.change_id])
    # Committed: every BACKUP_EVERY changes the store is copied (one COUNT when not due).
    backup_if_due(db)


def changes_since(db: sqlite_utils.Database, change_id: int) -> int:
    """How many changes were recorded after `change_id` (backups, amendments count them)."""
    return int(
        db.execute("SELECT COUNT(*) FROM change_log WHERE id > ?", [change_id]).fetchone()[0]
    )
