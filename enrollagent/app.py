"""Composition root of the GUI: paths, logging to the log dir, then the Qt side (ui.main)."""

from __future__ import annotations

import logging
import logging.handlers
import os
from pathlib import Path

from . import paths

# A hidden test hook: the GUI quits by itself after this many milliseconds (ui/autoquit.py).
QUIT_AFTER_ENV = "ENROLLAGENT_QUIT_AFTER_MS"


class PrivateLogHandler(logging.handlers.RotatingFileHandler):
    """The log may name villagers: each file it opens (rotated ones too) is the user's only."""

    def _open(self):  # type: ignore[no-untyped-def]
        fd = os.open(self.baseFilename, os.O_WRONLY | os.O_APPEND | os.O_CREAT, paths.PRIVATE_FILE)
        os.chmod(self.baseFilename, paths.PRIVATE_FILE)
        return open(fd, "a", encoding=self.encoding, errors=self.errors)


def setup_logging() -> Path | None:
    """Log to <log dir>/enrollagent.log (rotated); None if the directory cannot be made."""
    try:
        directory = paths.log_dir()
        directory.mkdir(mode=paths.PRIVATE_DIR, parents=True, exist_ok=True)
        log_file = directory / "enrollagent.log"
        handler = PrivateLogHandler(log_file, maxBytes=2_000_000, backupCount=3, encoding="utf-8")
    except OSError:
        return None
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    root = logging.getLogger()
    root.addHandler(handler)
    root.setLevel(logging.INFO)
    return log_file


def run_gui(db_path: str | None = None) -> int:
    log_file = setup_logging()
    logging.getLogger(__name__).info("start GUI, db=%s", paths.default_db_path(db_path))
    from .ui.main import run

    quit_after = os.environ.get(QUIT_AFTER_ENV, "")
    if quit_after.isdigit():
        from .ui.autoquit import quit_after as arm

        arm(int(quit_after))
    return run(db_path, log_file=log_file)
