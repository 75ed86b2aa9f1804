"""What every page of the main window shares: the open store and the signals that tie pages together."""

from __future__ import annotations

from pathlib import Path

import sqlite_utils
from PySide6.QtCore import QObject, Signal

from ..core.village import default_actor
from ..db import open_database


class AppContext(QObject):
    """One per main window. Pages read and write through `db` (GUI thread only; a worker thread
    opens its own connection to `db_path`) and call `notify_changed()` after every write."""

    changed = Signal()  # the store changed: pages showing figures or lists refresh
    navigate = Signal(str, dict)  # (page key, filter) e.g. ("roster", {"attention": "invalid_id"})

    def __init__(self, db_path: str | Path, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.db_path = Path(db_path)
        self.db: sqlite_utils.Database = open_database(self.db_path)

    def actor(self) -> str:
        return default_actor(self.db)

    def notify_changed(self) -> None:
        self.changed.emit()

    def close(self) -> None:
        self.db.close()
