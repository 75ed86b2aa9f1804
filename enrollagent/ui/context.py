"""What every page of the main window shares: the open store, the year's states, and the one lane
by which the GUI writes and tells the pages what changed."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

import sqlite_utils
from PySide6.QtCore import QObject, Signal

from ..core.changes import Changes
from ..core.snapshot import Snapshot, after, load_snapshot
from ..core.village import default_actor
from ..db import open_database
from ..db.store import data_version

R = TypeVar("R")


def changes_of(result: object) -> Changes:
    """The Changes a core writer returned, itself or as its `changes`."""
    if isinstance(result, Changes):
        return result
    found = getattr(result, "changes", None)
    if not isinstance(found, Changes):
        raise TypeError(f"{type(result).__name__} carries no Changes")
    return found


class AppContext(QObject):
    """One per main window. Pages read through `db` (GUI thread only; a worker thread opens its
    own connection to `db_path`) and write through `write()`, which emits `changed` once."""

    changed = Signal(object)  # Changes: pages showing figures or lists refresh what it names
    navigate = Signal(str, dict)  # (page key, filter) e.g. ("roster", {"attention": "invalid_id"})

    def __init__(self, db_path: str | Path, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.db_path = Path(db_path)
        self.db: sqlite_utils.Database = open_database(self.db_path)
        self._snapshot: Snapshot | None = None
        self._seen_version = -1
        self.closed = False  # a search finishing late must not reach a closed store

    def actor(self) -> str:
        return default_actor(self.db)

    def write(self, fn: Callable[..., R], *args: Any, **kwargs: Any) -> R:
        """Run a core writer on the GUI's connection as the village's agent, then tell every
        page what it changed. A user's mistake (EnrollError) propagates and changes nothing."""
        result = fn(self.db, *args, actor=self.actor(), **kwargs)
        self.apply(changes_of(result))
        return result

    def apply(self, changes: Changes) -> None:
        """Bring the shared states up to date and tell the pages; a worker job's result (an
        import, written on its own connection) comes in here too."""
        if not changes:
            return
        if self._snapshot is not None:
            self._snapshot = after(self.db, self._snapshot, changes)
            self._seen_version = data_version(self.db)
        self.changed.emit(changes)

    def snapshot(self) -> Snapshot:
        """The year's person states, loaded again only when another connection has written
        something this context was not told of."""
        version = data_version(self.db)
        if self._snapshot is None or version != self._seen_version:
            self._snapshot = load_snapshot(self.db)
            self._seen_version = version
        return self._snapshot

    def close(self) -> None:
        self.closed = True
        self.db.close()
