"""Backup files of a store: an online copy through SQLite's backup API, their names, their rotation
and their check; no domain rules (what a backup holds is read in core/backup.py)."""

from __future__ import annotations

import os
import re
import sqlite3
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from pathlib import Path

from ..errors import EnrollError
from ..paths import PRIVATE_DIR, PRIVATE_FILE

BACKUP_DIR_NAME = "backups"
KEEP_LAST = 10
KEEP_DAILY_DAYS = 30
# The name carries the last change_log id the copy holds: listing the folder tells how many
# changes are not yet in any backup without opening a file, and nothing beside the file (a
# sidecar, a setting inside the live store) can drift from it or be lost when files are copied.
_NAME = re.compile(r"^(?P<stem>.+)-(?P<stamp>\d{8}-\d{6})(?:-(?P<n>\d+))?-c(?P<change>\d+)\.db$")
_STAMP = "%Y%m%d-%H%M%S"


@dataclass(frozen=True)
class BackupFile:
    path: Path
    taken: datetime
    change_id: int


def backup_dir(db_path: Path) -> Path:
    return db_path.resolve().parent / BACKUP_DIR_NAME


def private_dir(directory: Path) -> Path:
    """Made if missing and readable by the user only, whatever the umask: it holds every
    villager's ID number."""
    directory.mkdir(parents=True, exist_ok=True)
    os.chmod(directory, PRIVATE_DIR)
    return directory


def copy_store(conn: sqlite3.Connection, target: Path) -> Path:
    """An online copy of the store `conn` has open, consistent even while others write, written
    under a temp name and renamed; mode 600. The copy is in rollback-journal mode, so it is one
    self-contained file (no -wal beside it to lose)."""
    tmp = target.with_name(f".{target.name}.tmp")
    tmp.unlink(missing_ok=True)
    # Created with its mode first, so the umask never leaves it readable by others for a moment.
    os.close(os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, PRIVATE_FILE))
    try:
        dest = sqlite3.connect(str(tmp))
        try:
            conn.backup(dest)
            dest.execute("PRAGMA journal_mode = DELETE")
        finally:
            dest.close()
        os.chmod(tmp, PRIVATE_FILE)
        os.replace(tmp, target)
    finally:
        tmp.unlink(missing_ok=True)
    return target


def backup_name(db_path: Path, change_id: int, now: datetime, directory: Path) -> Path:
    """A free name for a backup taken now that covers changes up to `change_id`."""
    stamp = now.strftime(_STAMP)
    target = directory / f"{db_path.stem}-{stamp}-c{change_id}.db"
    n = 1
    while target.exists():
        target = directory / f"{db_path.stem}-{stamp}-{n}-c{change_id}.db"
        n += 1
    return target


def list_backups(directory: Path) -> list[BackupFile]:
    """The backups in a folder, newest first (files of other names are not ours and stay)."""
    found = []
    if directory.is_dir():
        for path in directory.iterdir():
            m = _NAME.match(path.name)
            if m:
                taken = datetime.strptime(m["stamp"], _STAMP)
                found.append((int(m["n"] or 0), BackupFile(path, taken, int(m["change"]))))
    # Names tell time to the second: within one, the later change, then the later name.
    found.sort(key=lambda t: (t[1].taken, t[1].change_id, t[0]), reverse=True)
    return [b for _n, b in found]


def to_keep(backups: list[BackupFile], now: datetime) -> set[Path]:
    """The last KEEP_LAST backups, and the newest of each day of the last KEEP_DAILY_DAYS days."""
    keep = {b.path for b in backups[:KEEP_LAST]}
    days: set[date] = set()
    for b in backups:  # newest first: the first seen of a day is its newest
        day = b.taken.date()
        if now - b.taken <= timedelta(days=KEEP_DAILY_DAYS) and day not in days:
            days.add(day)
            keep.add(b.path)
    return keep


def rotate(directory: Path, now: datetime) -> list[Path]:
    """Removes the backups rotation no longer keeps; returns them."""
    backups = list_backups(directory)
    keep = to_keep(backups, now)
    gone = [b.path for b in backups if b.path not in keep]
    for path in gone:
        path.unlink(missing_ok=True)
    return gone


def check_file(path: Path, *, full: bool = False) -> str:
    """'' when the file passes PRAGMA quick_check (integrity_check when `full`), else what is
    wrong. Opened read-only: a check never writes."""
    pragma = "integrity_check" if full else "quick_check"
    try:
        conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
    except sqlite3.Error as e:
        return str(e)
    try:
        return check_connection(conn, pragma)
    finally:
        conn.close()


def check_connection(conn: sqlite3.Connection, pragma: str = "quick_check") -> str:
    try:
        rows = [r[0] for r in conn.execute(f"PRAGMA {pragma}").fetchall()]
    except sqlite3.DatabaseError as e:
        return str(e)
    return "" if rows == ["ok"] else "；".join(str(r) for r in rows[:3])


def newest_good_backup(db_path: Path) -> BackupFile | None:
    for backup in list_backups(backup_dir(db_path)):
        if not check_file(backup.path):
            return backup
    return None


def damaged_error(path: Path, problem: str) -> EnrollError:
    """The sentence for a store that failed its check, naming the newest good backup."""
    detail = problem[:200]
    good = newest_good_backup(path)
    if good is None:
        return EnrollError("db_damaged_no_backup", path=str(path), detail=detail)
    return EnrollError("db_damaged", path=str(path), detail=detail, backup=str(good.path))
