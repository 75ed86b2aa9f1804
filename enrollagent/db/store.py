"""open_database(): WAL, foreign keys, busy timeout, migrations with a backup first."""

from __future__ import annotations

import sqlite3
from datetime import datetime
from pathlib import Path

import sqlite_utils

from ..core.errors import EnrollError
from .migrations import MIGRATIONS

SCHEMA_VERSION = len(MIGRATIONS)


def open_database(
    path: str | Path, *, migrations: list[tuple[str, str]] = MIGRATIONS
) -> sqlite_utils.Database:
    """Open (creating if needed) and migrate a store; refuses a file from a newer version."""
    path = Path(path)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        conn = sqlite3.connect(str(path), timeout=10)
        version = conn.execute("PRAGMA user_version").fetchone()[0]
    except sqlite3.DatabaseError as e:
        raise EnrollError("db_unreadable", path=str(path), detail=str(e)) from None
    except OSError as e:
        raise EnrollError("db_unreadable", path=str(path), detail=e.strerror or str(e)) from None
    if version > len(migrations):
        conn.close()
        raise EnrollError("db_newer", path=str(path), found=version, known=len(migrations))
    db = sqlite_utils.Database(conn, execute_plugins=False)
    db.execute("PRAGMA foreign_keys = ON")
    with db.ensure_autocommit_on():
        db.execute("PRAGMA journal_mode = WAL")
    db.execute("PRAGMA synchronous = NORMAL")
    if version < len(migrations):
        if version > 0:
            _backup(conn, path, version)
        _migrate(db, version, migrations)
    return db


def _backup(conn: sqlite3.Connection, path: Path, version: int) -> Path:
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
    target = path.with_name(f"{path.stem}.v{version}-{stamp}.bak{path.suffix}")
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


def db_file(db: sqlite_utils.Database) -> Path:
    row = db.execute("PRAGMA database_list").fetchone()
    return Path(row[2])
