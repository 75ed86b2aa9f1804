"""The village's rotation backups: taken on start, after an import, after a package and every
BACKUP_EVERY changes, into the backups/ folder beside the database; and what a backup holds
(village, year, persons, payments), read without opening it as a store."""

from __future__ import annotations

import logging
import sqlite3
from dataclasses import asdict, dataclass
from datetime import datetime
from pathlib import Path

import sqlite_utils

from ..db import db_file
from ..db.backup import backup_dir, backup_name, copy_store, list_backups, private_dir, rotate

log = logging.getLogger(__name__)

BACKUP_EVERY = 50
# The change_log id the newest backup covers, kept on the connection so the lane's check after
# a write is one COUNT (read from the folder's names on the connection's first write; a backup
# another connection took since only makes this one's next backup come early).
_COVERED = "_enrollagent_backup_covered"


@dataclass(frozen=True)
class BackupFacts:
    """What a database file holds, to be read out before it replaces another."""

    path: str
    taken: str
    village_code: str
    village_name: str
    year: int | None
    persons: int
    payments: int
    bytes: int

    def to_json(self) -> dict[str, object]:
        return asdict(self)

    def same_village(self, other: BackupFacts) -> bool:
        return (self.village_code, self.village_name) == (other.village_code, other.village_name)


def store_path(db: sqlite_utils.Database) -> Path | None:
    """The store's file; None for a store in memory, which has nothing to back up."""
    name = str(db_file(db))
    return Path(name) if name not in ("", ".") else None


def last_change_id(conn: sqlite3.Connection) -> int:
    return int(conn.execute("SELECT COALESCE(MAX(id), 0) FROM change_log").fetchone()[0])


def take_backup(db: sqlite_utils.Database, *, now: datetime | None = None) -> Path | None:
    """A rotation backup of the store now; returns its path (None for a store in memory or
    inside a transaction)."""
    path = store_path(db)
    if path is None or db.conn.in_transaction:
        # Inside a transaction (a dry run rolled back later) a copy would hold what never was.
        return None
    now = now or datetime.now()
    directory = private_dir(backup_dir(path))
    change_id = last_change_id(db.conn)
    target = copy_store(db.conn, backup_name(path, change_id, now, directory))
    rotate(directory, now)
    setattr(db, _COVERED, change_id)
    return target


def _covered(db: sqlite_utils.Database, path: Path) -> int:
    backups = list_backups(backup_dir(path))
    covered = backups[0].change_id if backups else 0
    setattr(db, _COVERED, covered)
    return covered


def _changes_after(db: sqlite_utils.Database, change_id: int) -> int:
    return int(
        db.execute("SELECT COUNT(*) FROM change_log WHERE id > ?", [change_id]).fetchone()[0]
    )


def backup_if_due(db: sqlite_utils.Database) -> Path | None:
    """After a write has committed: a backup when BACKUP_EVERY changes are in none yet."""
    path = store_path(db)
    if path is None or db.conn.in_transaction:
        return None
    covered = getattr(db, _COVERED, None)
    if covered is None:
        covered = _covered(db, path)
    if _changes_after(db, covered) < BACKUP_EVERY:
        return None
    return auto_backup(db)


def auto_backup(db: sqlite_utils.Database) -> Path | None:
    """A backup the agent did not ask for (on start, after an import or a package): one that
    fails is logged, never raised, for the work before it is already safe in the store."""
    try:
        return take_backup(db)
    except (OSError, sqlite3.Error):
        log.exception("automatic backup of %s failed", store_path(db))
        # Tried again BACKUP_EVERY changes later, not after every write (a full stick, a
        # read-only folder would make each write pay for a failed copy).
        setattr(db, _COVERED, last_change_id(db.conn))
        return None


def facts_of(conn: sqlite3.Connection, path: Path, taken: datetime) -> BackupFacts:
    """The village, its current year and that year's persons and payments in a store."""
    village = conn.execute("SELECT code, name, current_year FROM village").fetchone()
    code, name, year = village if village else ("", "", None)
    persons = conn.execute("SELECT COUNT(*) FROM person_year WHERE year = ?", [year]).fetchone()[0]
    payments = conn.execute("SELECT COUNT(*) FROM payment WHERE year = ?", [year]).fetchone()[0]
    return BackupFacts(
        path=str(path),
        taken=taken.isoformat(timespec="seconds"),
        village_code=code,
        village_name=name,
        year=year,
        persons=int(persons),
        payments=int(payments),
        bytes=path.stat().st_size if path.exists() else 0,
    )


def describe_file(path: Path, taken: datetime | None = None) -> BackupFacts:
    """Facts of a database file, opened read-only (a look never changes it)."""
    conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
    try:
        when = taken or datetime.fromtimestamp(path.stat().st_mtime)
        return facts_of(conn, path, when)
    finally:
        conn.close()


def rotation_backups(db_path: Path) -> list[BackupFacts]:
    """The rotation backups beside a store, newest first, each described (a file that cannot be
    read is left out: `check` and restore say why)."""
    found = []
    for backup in list_backups(backup_dir(db_path)):
        try:
            found.append(describe_file(backup.path, backup.taken))
        except sqlite3.Error:
            log.warning("backup %s cannot be read", backup.path)
    return found
