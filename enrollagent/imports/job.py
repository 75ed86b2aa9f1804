"""What every importer shares: the Job it runs in, the ImportReport it fills, the lane it writes
through. Imports none of the importers, so they and the engine that runs them form no circle."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

import sqlite_utils

from ..core.changes import NOTHING, Changes
from ..core.clock import now_utc
from ..core.lane import Write
from ..core.progress import Progress

PROGRESS_EVERY = 500  # rows between progress updates (each is also a chance to cancel)


@dataclass
class ImportReport:
    """What one import did; `to_json()` is the CLI's --json object."""

    kind: str
    file_name: str
    header_row: int
    columns: dict[str, str]  # canonical field → the header text found in the file
    rows: int = 0
    counts: dict[str, int] = field(default_factory=dict)
    problems: list[dict] = field(default_factory=list)
    dry_run: bool = False
    sheet: str = ""  # the sheet(s) read, joined by 、
    prefix: str = ""  # 【sheet】 before each reason when a workbook's sheets are read one by one
    changes: Changes = NOTHING  # what the import wrote (nothing for a dry run)

    def problem(self, row: int, reason: str) -> None:
        self.problems.append({"row": row, "reason": self.prefix + reason})

    def add(self, key: str, n: int = 1) -> None:
        self.counts[key] = self.counts.get(key, 0) + n

    def to_json(self) -> dict:
        return {"rows": self.rows, **self.counts, "problems": self.problems}


@dataclass
class Job:
    """Everything an importer needs besides the rows."""

    db: sqlite_utils.Database
    year: int
    file_name: str
    actor: str
    today: date
    progress: Progress
    category: str | None
    report: ImportReport
    now: str = field(default_factory=now_utc)
    w: Write | None = None  # the change this import writes through (set by run_import)
    sheet: str = ""  # set when several sheets of one workbook are imported
    default_group: str = ""  # 村民小组 taken from a sheet named like 一组 when rows name none
    category_hint: str | None = None  # a list's category read from its title or file name

    def source(self, row: int) -> str:
        return f"{self.file_name}[{self.sheet}]:{row}" if self.sheet else f"{self.file_name}:{row}"

    def tick(self, done: int, total: int) -> None:
        if done % PROGRESS_EVERY == 0:
            self.progress.update(done, total, self.file_name)


def lane(job: Job) -> Write:
    """The change an importer writes through."""
    assert job.w is not None, "importers run inside run_import"
    return job.w
