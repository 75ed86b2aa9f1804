"""What every importer shares: the Job it runs in, the ImportReport it fills, the lane it writes
through. Imports none of the importers, so they and the engine that runs them form no circle."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import NamedTuple

import sqlite_utils

from ..core.changes import NOTHING, Changes
from ..core.clock import now_utc
from ..core.lane import Write
from ..core.progress import Progress
from ..errors import Problem

PROGRESS_EVERY = 500  # rows between progress updates (each is also a chance to cancel)


def plain(problem: Problem) -> dict:
    """A problem's parameters as JSON, a Problem among them as {"code", "params"}."""
    params = problem.params
    for value in params.values():
        if isinstance(value, (Problem, list)):
            return {k: _plain(v) for k, v in params.items()}
    return params


def _plain(value: object) -> object:
    if isinstance(value, Problem):
        return {"code": value.code, "params": plain(value)}
    if isinstance(value, list):
        return [_plain(v) for v in value]
    return value


class Skip(NamedTuple):
    """A row not recorded: the bucket it lands in (each row lands in exactly one), and why."""

    bucket: str
    problem: Problem


class RowProblem(dict):
    """A problem of one row as the report keeps it: the dict --json prints (row, reason, code,
    params; the reason worded once, after the 【sheet】 prefix), holding the Problem it words."""

    __slots__ = ("problem",)

    def __init__(self, row: int, problem: Problem, prefix: str = "") -> None:
        super().__init__(
            row=row, reason=prefix + problem.text, code=problem.code, params=plain(problem)
        )
        self.problem = problem


@dataclass
class ImportReport:
    """What one import did; `to_json()` is the CLI's --json object."""

    kind: str
    file_name: str
    header_row: int
    columns: dict[str, str]  # canonical field → the header text found in the file
    rows: int = 0
    counts: dict[str, int] = field(default_factory=dict)
    problems: list[RowProblem] = field(default_factory=list)
    dry_run: bool = False
    sheet: str = ""  # the sheet(s) read, joined by 、
    prefix: str = ""  # 【sheet】 before each reason when a workbook's sheets are read one by one
    changes: Changes = NOTHING  # what the import wrote (nothing for a dry run)

    # `row` and `code` are positional-only, so that no message parameter can clash with them.
    def problem(self, row: int, code: str, /, **params: object) -> None:
        self.problems.append(RowProblem(row, Problem(code, **params), self.prefix))

    def note(self, row: int, problem: Problem) -> None:
        """A problem a step returned, kept as it is."""
        self.problems.append(RowProblem(row, problem, self.prefix))

    def skip(self, row: int, skip: Skip) -> None:
        self.add(skip.bucket)
        self.problems.append(RowProblem(row, skip.problem, self.prefix))

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


def roster_by_id(job: Job) -> dict[str, tuple[int, str]]:
    """ID → (person, name) of everyone on the job's year's roster with a valid ID: the persons a
    payment or a department list can match (an invalid ID matches nothing)."""
    return {
        idn: (pid, name)
        for pid, idn, name in job.db.execute(
            "SELECT p.id, p.id_number, p.name FROM person p"
            " JOIN person_year py ON py.person_id = p.id AND py.year = ? WHERE p.id_valid = 1",
            [job.year],
        )
    }
