"""Progress and cancellation for long jobs: the same object serves the CLI and the GUI's worker."""

from __future__ import annotations

import threading
from collections.abc import Callable


class Cancelled(Exception):
    """Raised inside a job at its next progress update after cancel() was called."""


class Progress:
    """A job calls update(); a watcher (progress bar, CLI line) gets (done, total, message)."""

    def __init__(self, callback: Callable[[int, int, str], None] | None = None) -> None:
        self._callback = callback
        self._cancel = threading.Event()

    def cancel(self) -> None:
        self._cancel.set()

    @property
    def cancelled(self) -> bool:
        return self._cancel.is_set()

    def update(self, done: int, total: int = 0, message: str = "") -> None:
        if self._cancel.is_set():
            raise Cancelled()
        if self._callback is not None:
            self._callback(done, total, message)


NO_PROGRESS = Progress()
