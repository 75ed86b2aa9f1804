"""Where things live: the default database (platformdirs), overrides, bundled resources. No Qt."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import platformdirs

APP_NAME = "EnrollAgent"
DB_ENV = "ENROLLAGENT_DB"
LOCATION_FILE = "location.txt"  # the data folder chosen in 设置, when not the default
# Modes of what holds villagers' ID numbers (the store, its backups, keys, logs), whatever the umask.
PRIVATE_FILE = 0o600
PRIVATE_DIR = 0o700


def resource_dir() -> Path:
    """resources/ beside the package in a source tree, or inside a frozen bundle."""
    bundle = getattr(sys, "_MEIPASS", None)
    if bundle:
        return Path(bundle) / "resources"
    return Path(__file__).resolve().parent.parent / "resources"


def data_dir() -> Path:
    return Path(platformdirs.user_data_dir(APP_NAME, appauthor=False))


def log_dir() -> Path:
    return Path(platformdirs.user_log_dir(APP_NAME, appauthor=False))


def default_db_path(explicit: str | os.PathLike | None = None) -> Path:
    """--db wins, then $ENROLLAGENT_DB, then the folder chosen in 设置, then village.db in the
    user data dir."""
    if explicit:
        return Path(explicit)
    env = os.environ.get(DB_ENV)
    if env:
        return Path(env)
    try:
        chosen = (data_dir() / LOCATION_FILE).read_text(encoding="utf-8").strip()
    except OSError:
        chosen = ""
    return Path(chosen) if chosen else data_dir() / "village.db"


def set_db_location(path: Path) -> None:
    """Remember where the village's data now lives (设置 → 数据文件夹), for the GUI and the CLI."""
    pointer = data_dir() / LOCATION_FILE
    pointer.parent.mkdir(parents=True, exist_ok=True)
    tmp = pointer.with_name(pointer.name + ".tmp")
    tmp.write_text(str(path), encoding="utf-8")
    os.replace(tmp, pointer)


def default_township_db_path(explicit: str | os.PathLike | None = None) -> Path:
    if explicit:
        return Path(explicit)
    return data_dir() / "township.db"


def key_dir(db_path: Path) -> Path:
    """The agent key lives beside the database it signs for."""
    return db_path.resolve().parent / "keys"
