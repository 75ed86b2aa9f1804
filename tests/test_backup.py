"""Issue 14 "Nothing lost": rotation backups, their modes, the automatic ones, and the start-up
check that refuses a damaged file."""

from __future__ import annotations

import sqlite3
import stat
from datetime import datetime, timedelta
from pathlib import Path

import pytest

from enrollagent.core.backup import BACKUP_EVERY, describe_file, take_backup
from enrollagent.core.village import set_setting
from enrollagent.db import open_database
from enrollagent.db.backup import BackupFile, backup_dir, list_backups, rotate, to_keep
from enrollagent.errors import EnrollError
from tests.conftest import make_village


def _mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def test_a_backup_is_a_private_copy_of_the_store(db, db_path, monkeypatch):
    import os

    os.umask(0o022)
    path = take_backup(db)
    assert path is not None and path.parent == backup_dir(db_path)
    assert _mode(path) == 0o600 and _mode(path.parent) == 0o700
    facts = describe_file(path)
    assert (facts.village_name, facts.village_code, facts.persons) == ("李庄村", "411725100001", 0)
    conn = sqlite3.connect(path)
    assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "delete"
    conn.close()
    assert not Path(f"{path}-wal").exists()


def test_rotation_keeps_the_last_ten_and_one_a_day_for_thirty_days(tmp_path):
    now = datetime(2026, 12, 6, 12, 0, 0)
    backups = []
    # 40 days, three a day, newest first
    for day in range(40):
        for hour in (20, 10, 1):
            taken = now - timedelta(days=day) + timedelta(hours=hour - 12)
            backups.append(BackupFile(tmp_path / f"{day}-{hour}.db", taken, 0))
    backups.sort(key=lambda b: b.taken, reverse=True)
    keep = to_keep(backups, now)
    newest_ten = {b.path for b in backups[:10]}
    assert newest_ten <= keep
    daily = {b.taken.date() for b in backups if b.path in keep and b.path not in newest_ten}
    assert all(now - datetime.combine(d, datetime.min.time()) <= timedelta(days=31) for d in daily)
    # one a day within 30 days, the newest of that day
    for b in backups:
        if b.path in keep and b.path not in newest_ten:
            assert b.taken.hour == 20 or b.taken.date() == now.date()
    assert len(keep) == 10 + len(daily)
    assert len(daily) >= 26


def test_rotate_removes_files_on_disk(db, db_path):
    start = datetime(2026, 12, 6, 9, 0, 0)
    for i in range(14):
        take_backup(db, now=start + timedelta(seconds=i))
    left = list_backups(backup_dir(db_path))
    assert len(left) == 10  # all on one day: the newest ten
    assert left[0].taken == start + timedelta(seconds=13)
    assert rotate(backup_dir(db_path), start + timedelta(days=1)) == []


def test_a_backup_follows_every_fifty_changes(db, db_path):
    already = db.execute("SELECT COUNT(*) FROM change_log").fetchone()[0]  # the village's init
    for i in range(BACKUP_EVERY - already - 1):
        set_setting(db, "probe", str(i), actor="王明")
    assert list_backups(backup_dir(db_path)) == []
    set_setting(db, "probe", "last", actor="王明")
    backups = list_backups(backup_dir(db_path))
    assert len(backups) == 1
    last = db.execute("SELECT MAX(id) FROM change_log").fetchone()[0]
    assert backups[0].change_id == last
    copy = sqlite3.connect(backups[0].path)
    assert copy.execute("SELECT value FROM setting WHERE key = 'probe'").fetchone()[0] == "last"
    copy.close()
    set_setting(db, "probe", "one more", actor="王明")
    assert len(list_backups(backup_dir(db_path))) == 1


def _village_with_rows(path: Path) -> None:
    db = make_village(path)
    for i in range(300):
        set_setting(db, f"filler{i}", "x" * 400, actor="王明")
    db.close()


def test_a_truncated_store_is_refused_and_names_the_newest_good_backup(tmp_path):
    path = tmp_path / "village.db"
    _village_with_rows(path)
    assert list_backups(backup_dir(path))  # the fifty-change backups
    newest = list_backups(backup_dir(path))[0].path
    data = path.read_bytes()
    path.write_bytes(data[: len(data) // 2])
    before = path.read_bytes()
    with pytest.raises(EnrollError) as e:
        open_database(path)
    assert e.value.code == "db_damaged"
    assert str(path) in e.value.message and str(newest) in e.value.message
    assert path.read_bytes() == before  # no migration, no write


def test_a_garbage_file_is_refused_without_a_backup(tmp_path):
    path = tmp_path / "village.db"
    path.write_bytes(b"\x00garbage" * 4096)
    with pytest.raises(EnrollError) as e:
        open_database(path)
    assert e.value.code == "db_damaged_no_backup" and str(path) in e.value.message


def test_a_failed_automatic_backup_waits_fifty_changes_and_never_fails_the_write(db, db_path):
    folder = backup_dir(db_path)
    folder.write_text("a file where the folder should be: every copy fails")
    already = db.execute("SELECT COUNT(*) FROM change_log").fetchone()[0]
    for i in range(BACKUP_EVERY - already + 5):
        set_setting(db, "probe", str(i), actor="王明")  # the copy fails at 50; no write fails
    folder.unlink()
    for i in range(BACKUP_EVERY - 6):
        set_setting(db, "probe", f"again {i}", actor="王明")
    assert list_backups(folder) == []  # not tried again after each write
    set_setting(db, "probe", "due", actor="王明")
    assert [b.change_id for b in list_backups(folder)] == [2 * BACKUP_EVERY]
