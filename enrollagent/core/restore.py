"""The portable backup (one zip: the database, the signing key, a manifest) for a USB stick, and
restore from it or from a rotation backup: shown before it replaces, the current state backed
up first, the file swapped by rename."""

from __future__ import annotations

import json
import os
import shutil
import sqlite3
import tempfile
import zipfile
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, replace
from datetime import datetime
from pathlib import Path

import sqlite_utils

from ..db.backup import backup_dir, backup_name, check_file, copy_store, private_dir
from ..errors import QT_TRANSLATE_NOOP, EnrollError, register_messages
from ..paths import PRIVATE_FILE, key_dir
from .backup import BackupFacts, describe_file, last_change_id, store_path, take_backup

register_messages(
    {
        "backup_not_found": QT_TRANSLATE_NOOP("errors", "找不到备份文件 {path}"),
        "backup_unreadable": QT_TRANSLATE_NOOP(
            "errors", "{path} 不是本程序的备份（{detail}），未做任何改动"
        ),
        "backup_damaged": QT_TRANSLATE_NOOP(
            "errors", "备份 {path} 已损坏（{detail}），不能用来恢复，未做任何改动"
        ),
        "backup_other_village": QT_TRANSLATE_NOOP(
            "errors",
            "备份 {path} 是 {theirs} 的数据，当前数据库是 {ours}；确要用别村的备份替换，请再确认"
            "（命令行加 --other-village）",
        ),
    }
)

DB_MEMBER = "village.db"
KEYS_MEMBER = "keys/"
MANIFEST_MEMBER = "manifest.json"


@dataclass(frozen=True)
class Restored:
    facts: BackupFacts  # what is in the store now
    before: Path | None  # where the replaced state was kept
    key_restored: bool


def write_portable_backup(
    db: sqlite_utils.Database, folder: Path, *, app_version: str, now: datetime | None = None
) -> BackupFacts:
    """One zip in `folder` holding an online copy of the store, the signing key beside it and a
    manifest; a new laptop restored from it signs with the same key."""
    path = store_path(db)
    if path is None:
        raise ValueError("a store in memory has no file to back up")
    now = now or datetime.now()
    folder.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        copy = copy_store(db.conn, Path(tmp) / DB_MEMBER)
        facts = describe_file(copy, now)
        name = f"{facts.village_name or 'village'}-备份-{now.strftime('%Y%m%d-%H%M%S')}.zip"
        target = folder / name
        manifest = {**facts.to_json(), "path": name, "app_version": app_version}
        partial = folder / f".{name}.tmp"
        os.close(os.open(partial, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, PRIVATE_FILE))
        try:
            with zipfile.ZipFile(partial, "w", zipfile.ZIP_DEFLATED) as zf:
                zf.write(copy, DB_MEMBER)
                keys = key_dir(path)
                for key_file in sorted(keys.iterdir()) if keys.is_dir() else []:
                    if key_file.is_file():
                        zf.write(key_file, KEYS_MEMBER + key_file.name)
                zf.writestr(MANIFEST_MEMBER, json.dumps(manifest, ensure_ascii=False, indent=2))
            os.replace(partial, target)
        finally:
            partial.unlink(missing_ok=True)
    return replace(facts, path=str(target), bytes=target.stat().st_size)


@dataclass(frozen=True)
class _Unpacked:
    db_file: Path
    keys: Path | None  # None in a rotation backup, which holds the database only
    taken: datetime


@contextmanager
def _unpacked(source: Path, work: Path) -> Iterator[_Unpacked]:
    """A backup's database file, its keys folder and when it was taken."""
    if not source.is_file():
        raise EnrollError("backup_not_found", path=str(source))
    if not zipfile.is_zipfile(source):
        yield _Unpacked(source, None, datetime.fromtimestamp(source.stat().st_mtime))
        return
    try:
        with zipfile.ZipFile(source) as zf:
            names = zf.namelist()
            if DB_MEMBER not in names or MANIFEST_MEMBER not in names:
                raise EnrollError("backup_unreadable", path=str(source), detail="缺少数据库或清单")
            taken = datetime.fromisoformat(json.loads(zf.read(MANIFEST_MEMBER))["taken"])
            zf.extract(DB_MEMBER, work)
            keys = [n for n in names if _is_key_member(n)]
            for name in keys:
                zf.extract(name, work)
    except (zipfile.BadZipFile, OSError, ValueError, KeyError, TypeError) as e:
        raise EnrollError("backup_unreadable", path=str(source), detail=str(e)) from None
    yield _Unpacked(work / DB_MEMBER, (work / "keys") if keys else None, taken)


def _is_key_member(name: str) -> bool:
    """A file straight inside keys/ (nothing deeper, so no name climbs out of the folder)."""
    rest = name.removeprefix(KEYS_MEMBER)
    return (
        name.startswith(KEYS_MEMBER) and bool(rest) and "/" not in rest and rest not in ("..", ".")
    )


def _checked_facts(unpacked: _Unpacked, source: Path) -> BackupFacts:
    problem = check_file(unpacked.db_file)
    if problem:
        raise EnrollError("backup_damaged", path=str(source), detail=problem[:200])
    try:
        facts = describe_file(unpacked.db_file, unpacked.taken)
    except sqlite3.Error as e:
        raise EnrollError("backup_unreadable", path=str(source), detail=str(e)) from None
    return replace(facts, path=str(source), bytes=source.stat().st_size)


def describe_backup(source: Path) -> BackupFacts:
    """What a backup (a rotation .db or a portable .zip) holds, checked first."""
    with tempfile.TemporaryDirectory() as tmp, _unpacked(source, Path(tmp)) as unpacked:
        return _checked_facts(unpacked, source)


def describe_store(db_path: Path) -> BackupFacts | None:
    """The current database's facts; None when it is missing or fails its check."""
    if not db_path.is_file() or check_file(db_path):
        return None
    try:
        return describe_file(db_path)
    except sqlite3.Error:
        return None


def refuse_other_village(
    backup: BackupFacts, current: BackupFacts | None, *, confirmed: bool
) -> None:
    """Another village's backup replaces this one only when the agent confirmed it."""
    if current and not confirmed and not backup.same_village(current):
        raise EnrollError(
            "backup_other_village",
            path=backup.path,
            theirs=backup.village_name,
            ours=current.village_name,
        )


def restore_backup(
    db_path: Path, source: Path, *, other_village: bool = False, now: datetime | None = None
) -> Restored:
    """Replace the store at `db_path` (every connection to it closed) by the backup `source`.
    The current state is kept first in the rotation folder (a damaged file is moved there)."""
    now = now or datetime.now()
    db_path = db_path.resolve()
    with tempfile.TemporaryDirectory() as tmp, _unpacked(source, Path(tmp)) as unpacked:
        facts = _checked_facts(unpacked, source)
        current = describe_store(db_path)
        refuse_other_village(facts, current, confirmed=other_village)
        db_path.parent.mkdir(parents=True, exist_ok=True)  # a new laptop's data folder
        before = _keep_current(db_path, now)
        for stale in (Path(f"{db_path}-wal"), Path(f"{db_path}-shm")):
            # A log left by the replaced file would be played into the new one.
            stale.unlink(missing_ok=True)
        src = sqlite3.connect(f"{unpacked.db_file.resolve().as_uri()}?mode=ro", uri=True)
        try:
            copy_store(src, db_path)
        finally:
            src.close()
        if unpacked.keys is not None:
            _restore_keys(unpacked.keys, key_dir(db_path), now)
    restored = sqlite_utils.Database(sqlite3.connect(str(db_path)), execute_plugins=False)
    try:
        # The restored state is the newest backup, so the count of changes starts from it.
        take_backup(restored, now=now)
        facts = describe_file(db_path)
    finally:
        restored.close()
    return Restored(facts=facts, before=before, key_restored=unpacked.keys is not None)


def _keep_current(db_path: Path, now: datetime) -> Path | None:
    """The state being replaced, as a rotation backup; a file that fails its check or is no
    village store is moved into the folder as it is, under a name rotation never removes."""
    if not db_path.exists():
        return None
    directory = private_dir(backup_dir(db_path))
    if not check_file(db_path):
        conn = sqlite3.connect(str(db_path))
        try:
            target = backup_name(db_path, last_change_id(conn), now, directory)
            return copy_store(conn, target)
        except sqlite3.Error:
            pass
        finally:
            conn.close()
    aside = directory / f"{db_path.stem}-damaged-{now.strftime('%Y%m%d-%H%M%S')}.db"
    os.replace(db_path, aside)
    return aside


def _restore_keys(keys: Path, target: Path, now: datetime) -> None:
    """The backup's key replaces the current one, which is kept beside it if it differs."""
    if target.is_dir():
        same = all(
            (target / f.name).is_file() and (target / f.name).read_bytes() == f.read_bytes()
            for f in keys.iterdir()
        )
        if same:
            return
        os.replace(target, target.with_name(f"keys.before-restore-{now.strftime('%Y%m%d-%H%M%S')}"))
    private_dir(target)
    for key_file in keys.iterdir():
        shutil.copyfile(key_file, target / key_file.name)
        os.chmod(target / key_file.name, PRIVATE_FILE)
