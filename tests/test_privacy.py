"""Issue 14: the store, its keys, backups and logs are the user's only (600, folders 700)
whatever the umask; exports stay ordinary files, meant to be shared."""

from __future__ import annotations

import contextlib
import logging
import os
import sqlite3
import stat

import pytest

from enrollagent import app, paths
from enrollagent.cli import common
from enrollagent.db import open_database
from enrollagent.db.store import _backup
from enrollagent.exports.atomic import atomic_path, sweep_stale_temps
from enrollagent.exports.catalog import run_export
from enrollagent.exports.keys import load_or_create_key

from .conftest import make_village


def mode(path) -> int:
    return stat.S_IMODE(os.stat(path).st_mode)


@contextlib.contextmanager
def umask(mask: int):
    old = os.umask(mask)
    try:
        yield
    finally:
        os.umask(old)


@pytest.mark.parametrize("mask", [0o022, 0o000])
def test_store_keys_backup_and_logs_are_private_whatever_the_umask(tmp_path, monkeypatch, mask):
    monkeypatch.setattr(paths, "log_dir", lambda: tmp_path / "logs")
    monkeypatch.setattr(common, "log_dir", lambda: tmp_path / "logs")
    with umask(mask):
        db_path = tmp_path / "data" / "village.db"
        db = make_village(db_path)
        wal, shm = db_path.with_name("village.db-wal"), db_path.with_name("village.db-shm")
        assert wal.exists() and shm.exists()
        assert {mode(p) for p in (db_path, wal, shm)} == {0o600}
        assert mode(db_path.parent) == 0o700
        backup = _backup(db.conn, db_path, 1)
        assert mode(backup) == 0o600
        load_or_create_key(db_path)
        keys = tmp_path / "data" / "keys"
        assert mode(keys) == 0o700
        assert {mode(p) for p in keys.iterdir()} == {0o600}
        roll = run_export(db, "roll", tmp_path / "out")
        assert mode(roll) == 0o666 & ~mask  # an export is meant to be shared
        db.close()
        try:
            raise RuntimeError("boom")
        except RuntimeError:
            crash = common._log_crash()
        assert mode(crash) == 0o600 and mode(tmp_path / "logs") == 0o700
        crash.unlink()
        log_file = app.setup_logging()
        try:
            logging.getLogger("test").warning("hello")
            assert log_file is not None and mode(log_file) == 0o600
        finally:
            root = logging.getLogger()
            for handler in root.handlers[:]:
                if isinstance(handler, app.PrivateLogHandler):
                    root.removeHandler(handler)
                    handler.close()


def test_an_existing_store_keeps_working(tmp_path):
    path = tmp_path / "v.db"
    sqlite3.connect(path).close()  # an empty file someone made: still a new store
    open_database(path).close()


def test_temps_of_a_dead_writer_are_swept_by_the_next_write(tmp_path):
    dead = tmp_path / ".roll-999999999-abc123.xlsx.tmp"  # no such pid
    dead.write_bytes(b"half")
    live = tmp_path / f".roll-{os.getpid()}-def456.xlsx.tmp"
    live.write_bytes(b"being written")
    other = tmp_path / "notes.tmp"
    other.write_bytes(b"not ours")
    with atomic_path(tmp_path / "roll.xlsx") as tmp:
        tmp.write_bytes(b"whole")
    assert not dead.exists() and live.exists() and other.exists()
    assert sweep_stale_temps(tmp_path) == []
