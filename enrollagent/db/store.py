"""open_database(): WAL, foreign keys, busy timeout, migrations with a backup first."""

from __future__ import annotations

import os
import sqlite3
from datetime import datetime
from pathlib import Path

import sqlite_utils

from ..errors import EnrollError
from ..paths import PRIVATE_DIR, PRIVATE_FILE
from .backup import check_connection, damaged_error
from .migrations import MIGRATIONS

SCHEMA_VERSION = len(MIGRATIONS)
# PRAGMA application_id tells our two kinds of store from each other and from anyone else's
# SQLite file, so a village migration is never applied to a township file or a stranger's.
VILLAGE_APPLICATION_ID = 0x45415631  # "EAV1"


def open_database(
    path: str | Path,
    *,
    migrations: list[tuple[str, str]] = MIGRATIONS,
    application_id: int = VILLAGE_APPLICATION_ID,
    marker_table: str = "coverage_year",
) -> sqlite_utils.Database:
    """Open (creating if needed) and migrate a store; refuses a file from a newer version and a
    file that is not this kind of store. `marker_table` recognises stores made before the
    application_id was set."""
    path = Path(path)
    try:
        _create_private(path)
        conn = sqlite3.connect(str(path), timeout=10)
        _refuse_damaged(conn, path)
        version = conn.execute("PRAGMA user_version").fetchone()[0]
        found_id = conn.execute("PRAGMA application_id").fetchone()[0]
        tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    except sqlite3.DatabaseError as e:
        raise EnrollError("db_unreadable", path=str(path), detail=str(e)) from None
    except OSError as e:
        raise EnrollError("db_unreadable", path=str(path), detail=e.strerror or str(e)) from None
    ours = (
        found_id == application_id
        or found_id == 0
        and (marker_table in tables if version else not tables)
    )
    if not ours:
        conn.close()
        raise EnrollError("db_foreign", path=str(path))
    if version > len(migrations):
        conn.close()
        raise EnrollError("db_newer", path=str(path), found=version, known=len(migrations))
    db = sqlite_utils.Database(conn, execute_plugins=False)
    db.execute("PRAGMA foreign_keys = ON")
    with db.ensure_autocommit_on():
        db.execute("PRAGMA journal_mode = WAL")
    # FULL, not NORMAL: in WAL mode NORMAL already survives a killed process (tests/test_kill.py),
    # but a power cut, common on a village laptop, can take back the last commits; a payment the
    # agent gave a receipt for must not vanish. FULL syncs the WAL at each commit: measured here
    # (docs/stack.md) 0.6 → 1.2–1.6 ms per payment; an import is one commit, so one sync.
    db.execute("PRAGMA synchronous = FULL")
    if version < len(migrations):
        if version > 0:
            _backup(conn, path, version)
        _migrate(db, version, migrations)
    if found_id != application_id:
        db.execute(f"PRAGMA application_id = {int(application_id)}")
    return db


def _refuse_damaged(conn: sqlite3.Connection, path: Path) -> None:
    """PRAGMA quick_check before anything reads or migrates the file: a migration on a damaged
    file could spread the damage, and the agent must learn of it while a good backup is near."""
    problem = check_connection(conn)
    if not problem:
        return
    conn.close()
    raise damaged_error(path, problem)


def _create_private(path: Path) -> None:
    """A new store (and its folder, when we make it) readable by the user only, whatever the
    umask: it holds every villager's ID number. SQLite gives the -wal and -shm files the mode of
    the database file."""
    if not path.parent.exists():
        path.parent.mkdir(mode=PRIVATE_DIR, parents=True, exist_ok=True)
        os.chmod(path.parent, PRIVATE_DIR)  # the umask may take bits away from mkdir's mode
    if not path.exists():
        os.close(os.open(path, os.O_WRONLY | os.O_CREAT, PRIVATE_FILE))
        os.chmod(path, PRIVATE_FILE)


def _backup(conn: sqlite3.Connection, path: Path, version: int) -> Path:
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
    target = path.with_name(f"{path.stem}.v{version}-{stamp}.bak{path.suffix}")
    _create_private(target)
    dest = sqlite3.connect(str(target))
    with dest:
        conn.backup(dest)
    dest.close()
    return target


def _migrate(db: sqlite_utils.Database, version: int, migrations: list[tuple[str, str]]) -> None:
    # executescript would commit on its own, so run each statement inside one transaction.
    for number, (_name, sql) in enumerate(migrations[version:], start=version + 1):
        with db.atomic():
            for statement in _statements(sql):
                db.execute(statement)
            db.execute(f"PRAGMA user_version = {number}")


def _statements(sql: str) -> list[str]:
    out, buf = [], ""
    for line in sql.splitlines(keepends=True):
        if not buf and line.lstrip().startswith("--"):
            continue
        buf += line
        if sqlite3.complete_statement(buf):
            out.append(buf.strip())
            buf = ""
    if buf.strip():
        out.append(buf.strip())
    return out


def data_version(db: sqlite_utils.Database) -> int:
    """Moves when another connection commits to the file (this connection's own writes do not
    move it): a screen holding data knows it must reload."""
    return int(db.execute("PRAGMA data_version").fetchone()[0])


def db_file(db: sqlite_utils.Database) -> Path:
    row = db.execute("PRAGMA database_list").fetchone()
    return Path(row[2])
