"""Where things live: the default database (platformdirs), overrides, bundled resources. No Qt."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import platformdirs

APP_NAME = "EnrollAgent"
DB_ENV = "ENROLLAGENT_DB"
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
    """--db wins, then $ENROLLAGENT_DB, then village.db in the user data dir."""
    if explicit:
        return Path(explicit)
    env = os.environ.get(DB_ENV)
    if env:
        return Path(env)
    return data_dir() / "village.db"


def default_township_db_path(explicit: str | os.PathLike | None = None) -> Path:
    if explicit:
        return Path(explicit)
    return data_dir() / "township.db"


def key_dir(db_path: Path) -> Path:
    """The agent key lives beside the database it signs for."""
    return db_path.resolve().parent / "keys"
