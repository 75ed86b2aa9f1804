"""Moving the village's data to another folder (设置 → 数据文件夹): backed up first, copied with
its signing key, the copy checked by opening it, and only then is the new place remembered. The
old file stays where it was: nothing is deleted."""

from __future__ import annotations

import shutil
from dataclasses import dataclass
from pathlib import Path

import sqlite_utils

from ..db import open_database
from ..db.backup import check_file, copy_store
from ..errors import QT_TRANSLATE_NOOP, EnrollError, register_messages
from ..paths import key_dir, set_db_location
from .backup import BackupFacts, describe_file, take_backup

register_messages(
    {
        "move_same_folder": QT_TRANSLATE_NOOP("errors", "数据已经在这个文件夹里：{folder}"),
        "move_target_exists": QT_TRANSLATE_NOOP(
            "errors", "{path} 已有一个数据库文件，为免覆盖没有移动；请选一个空文件夹"
        ),
        "move_failed": QT_TRANSLATE_NOOP(
            "errors", "无法把数据写到 {folder}：{detail}。数据仍在原处，没有改动"
        ),
    }
)


@dataclass(frozen=True)
class Moved:
    old: Path
    new: Path
    backup: Path | None  # the rotation backup taken before the move


def move_store(db: sqlite_utils.Database, old: Path, folder: Path) -> Moved:
    """Copy the open store `db` (at `old`) and its keys into `folder`, check the copy holds what
    the store holds, then make it the store the app and the command line open from now on."""
    old = Path(old).resolve()
    folder = Path(folder).resolve()
    if folder == old.parent:
        raise EnrollError("move_same_folder", folder=folder)
    new = folder / old.name
    if new.exists():
        raise EnrollError("move_target_exists", path=new)
    backup = take_backup(db)
    try:
        folder.mkdir(parents=True, exist_ok=True)
        keys = key_dir(old)
        if keys.is_dir():
            shutil.copytree(keys, key_dir(new), dirs_exist_ok=True)
        copy_store(db.conn, new)
        _check_copy(old_facts=describe_file(old), new=new)
    except OSError as e:
        new.unlink(missing_ok=True)
        raise EnrollError("move_failed", folder=folder, detail=e.strerror or e) from None
    set_db_location(new)
    return Moved(old, new, backup)


def _check_copy(*, old_facts: BackupFacts, new: Path) -> None:
    problem = check_file(new, full=True)
    if problem:
        raise OSError(problem)
    copy = open_database(new)  # opens as a store: the version and the village are right
    copy.close()
    facts = describe_file(new)
    if (facts.village_code, facts.persons, facts.payments) != (
        old_facts.village_code,
        old_facts.persons,
        old_facts.payments,
    ):
        raise OSError("复制后的人数或缴费笔数与原文件不一致")
