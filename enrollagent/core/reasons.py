"""What a face needs before it amends a reported package: which package, and the usual reasons."""

from __future__ import annotations

import sqlite_utils

from .clock import local_time

# Quick choices offered when an amendment asks why; any other reason is typed.
AMENDMENT_REASONS: tuple[str, ...] = ("录入错误", "信息变更", "核实后更正", "退费")


def package_day(db: sqlite_utils.Database, year: int) -> str:
    """The local day the year's latest package was made, '' before the first."""
    row = db.execute(
        "SELECT MAX(at) FROM export_log WHERE kind = 'package' AND year = ?", [year]
    ).fetchone()
    return local_time(row[0])[:10] if row and row[0] else ""
