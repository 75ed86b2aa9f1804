"""The person search index, built off the GUI thread on its own connection after each change."""

from __future__ import annotations

import contextlib
from pathlib import Path

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal, Slot

from ...db import open_database


class _Signals(QObject):
    built = Signal(object, int)  # (PersonIndex, generation)


class _Build(QRunnable):
    def __init__(self, db_path: Path, generation: int, signals: _Signals) -> None:
        super().__init__()
        self.setAutoDelete(False)  # SearchIndex keeps it, to take the result in wait()
        self.db_path, self.generation, self.signals = db_path, generation, signals
        self.result = None

    def run(self) -> None:  # worker thread: its own connection, no widgets
        # pypinyin's tables take ~0.6 s to import: here, not on the GUI thread when the page opens.
        from ...core.search import PersonIndex

        db = open_database(self.db_path)
        try:
            index = self.result = PersonIndex.build(db)
        finally:
            db.close()
        with contextlib.suppress(RuntimeError):  # the page closed while this ran: nobody wants it
            self.signals.built.emit(index, self.generation)


class SearchIndex(QObject):
    """`index` is the newest finished build (None before the first); `ready` fires as each lands."""

    ready = Signal()

    def __init__(self, db_path: Path, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.db_path = db_path
        self.index = None  # a core.search.PersonIndex once built
        self._generation = 0
        self._latest: _Build | None = None
        # The pool first: children are deleted in order, and a deleted pool waits for its build
        # before the signals object it emits through goes.
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(1)
        self._signals = _Signals(self)  # lives in the GUI thread, so `built` is delivered there
        self._signals.built.connect(self._on_built)

    def rebuild(self) -> None:
        self._generation += 1
        self._latest = _Build(self.db_path, self._generation, self._signals)
        self._pool.start(self._latest)

    def wait(self) -> None:
        """Block until the newest build is done and use it (a search typed before it landed)."""
        self._pool.waitForDone()
        if self._latest is not None and self._latest.result is not None:
            self.index = self._latest.result

    @Slot(object, int)
    def _on_built(self, index: object, generation: int) -> None:
        if generation == self._generation:  # an older build finishing late is dropped
            self.index = index
            self.ready.emit()
