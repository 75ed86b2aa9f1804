"""Composition root of the GUI: paths, logging, excepthook, open + migrate, QApplication, window."""

from __future__ import annotations


def run_gui(db_path: str | None = None) -> int:
    from .ui.main import run

    return run(db_path)
