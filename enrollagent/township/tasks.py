"""The township's 任务分配 table: find the header by keywords, read village → task number."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from pathlib import Path

import sqlite_utils

from ..core import clock
from ..errors import EnrollError
from .store import name_key

# Header words, most specific first; a header cell is folded (NFKC, no spaces or line breaks).
VILLAGE_WORDS = (
    "行政村",
    "村名",
    "村名称",
    "村(社区)",
    "村居",
    "村庄",
    "村委会",
    "社区",
    "村",
    "单位",
    "名称",
)
TASK_WORDS = ("任务",)
CODE_WORDS = ("区划代码", "代码", "编码")
TOTAL_WORDS = ("合计", "总计", "小计", "全镇", "全乡")
HEADER_SEARCH_ROWS = 30


@dataclass(frozen=True)
class TaskRow:
    village_name: str
    village_code: str
    task: int
    row: int  # 1-based row in the sheet


@dataclass(frozen=True)
class TaskLoad:
    rows: list[TaskRow]
    sheet: str

    @property
    def total(self) -> int:
        return sum(r.task for r in self.rows)


def _fold(value: object) -> str:
    return "".join(unicodedata.normalize("NFKC", "" if value is None else str(value)).split())


def _column(header: list[str], words: tuple[str, ...], taken: set[int]) -> int | None:
    for word in words:
        for i, cell in enumerate(header):
            if i not in taken and cell and word in cell:
                return i
    return None


def find_header(rows: list[list]) -> tuple[int, int, int, int | None] | None:
    """(header row index, village column, task column, code column or None), or None."""
    for r, raw in enumerate(rows[:HEADER_SEARCH_ROWS]):
        header = [_fold(c) for c in raw]
        task = _column(header, TASK_WORDS, set())
        if task is None:
            continue
        code = _column(header, CODE_WORDS, {task})
        village = _column(header, VILLAGE_WORDS, {task} | ({code} if code is not None else set()))
        if village is not None:
            return r, village, task, code
    return None


def _task_number(value: object) -> int | None:
    if isinstance(value, bool):
        return None
    if isinstance(value, (int, float)):
        return int(value) if float(value).is_integer() and value >= 0 else None
    text = _fold(value).replace(",", "").removesuffix("人")
    return int(text) if re.fullmatch(r"\d+", text) else None


def _code(value: object) -> str:
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    text = _fold(value)
    return text if re.fullmatch(r"\d{12}", text) else ""


def read_tasks(path: str | Path) -> TaskLoad:
    """Read the first sheet that has a village column and a task column; totals rows are skipped."""
    path = Path(path)
    for sheet, rows in _sheets(path):
        found = find_header(rows)
        if found is None:
            continue
        out = _task_rows(rows, *found)
        if out:
            return TaskLoad(out, sheet)
        raise EnrollError("tasks_empty", path=path.name)
    raise EnrollError("tasks_no_header", path=path.name)


def _sheets(path: Path) -> list[tuple[str, list[list]]]:
    """(name, rows) of every sheet of the workbook."""
    from python_calamine import CalamineWorkbook

    if not path.is_file():
        raise EnrollError("tasks_missing", path=str(path))
    try:
        workbook = CalamineWorkbook.from_path(str(path))
        return [
            (name, workbook.get_sheet_by_name(name).to_python(skip_empty_area=False))
            for name in workbook.sheet_names
        ]
    except Exception as e:  # noqa: BLE001 - calamine raises its own error types for every bad file
        raise EnrollError(
            "tasks_unreadable",
            path=path.name,
            detail=str(e).splitlines()[0] if str(e) else "格式不对",
        ) from None


def _cell(row: list, col: int | None) -> object:
    return row[col] if col is not None and col < len(row) else None


def _task_rows(
    rows: list[list], header_row: int, village_col: int, task_col: int, code_col: int | None
) -> list[TaskRow]:
    """The villages below the header with their tasks; totals rows, rows numbered but not
    named, and rows without a task are skipped; a village twice or a task not a number refuse
    the table."""
    out: list[TaskRow] = []
    seen: set[str] = set()
    for r in range(header_row + 1, len(rows)):
        name = _fold(_cell(rows[r], village_col))
        value = _cell(rows[r], task_col)
        if _not_a_village(name) or value is None or _fold(value) == "":
            continue
        task = _task_number(value)
        if task is None:
            raise EnrollError("tasks_bad_number", row=r + 1, village=name, value=value)
        key = name_key(name)
        if key in seen:
            raise EnrollError("tasks_duplicate", village=name, row=r + 1)
        seen.add(key)
        out.append(TaskRow(name, _code(_cell(rows[r], code_col)), task, r + 1))
    return out


def _not_a_village(name: str) -> bool:
    return not name or any(w in name for w in TOTAL_WORDS) or name.isdigit()


class TaskMatcher:
    """Finds a village's task: by its 12-digit code when the table has codes, else by name."""

    def __init__(self, db: sqlite_utils.Database) -> None:
        self.rows = [
            tuple(r)
            for r in db.execute(
                "SELECT village_name, village_code, task FROM task ORDER BY id"
            ).fetchall()
        ]
        self._by_code = {code: (name, task) for name, code, task in self.rows if code}
        self._by_name = {name_key(name): (name, task) for name, _, task in self.rows}
        self.used: set[str] = set()  # task-table names matched so far

    def task(self, code: str, name: str) -> int | None:
        match = (self._by_code.get(code) if code else None) or self._by_name.get(name_key(name))
        if match is None:
            return None
        self.used.add(match[0])
        return match[1]

    def unmatched(self) -> list[tuple[str, str, int]]:
        return [r for r in self.rows if r[0] not in self.used]

    @property
    def total(self) -> int | None:
        return sum(r[2] for r in self.rows) or None


def task_gaps(db: sqlite_utils.Database) -> tuple[list[str], list[str]]:
    """(villages that reported but have no task, task-table villages that have not reported)."""
    matcher = TaskMatcher(db)
    without = [
        name
        for code, name in db.execute(
            "SELECT code, name FROM village ORDER BY code, name"
        ).fetchall()
        if matcher.task(code, name) is None
    ]
    return without, [name for name, _, _ in matcher.unmatched()]


def load_tasks(db: sqlite_utils.Database, path: str | Path) -> TaskLoad:
    """Replace the township's task table with the file's (read first: a bad file changes nothing)."""
    loaded = read_tasks(path)
    now = clock.now_utc()
    name = Path(path).name
    with db.atomic():
        db.execute("DELETE FROM task")
        db.conn.executemany(
            "INSERT INTO task (village_name, village_code, task, source, loaded_at) VALUES (?, ?, ?, ?, ?)",
            [
                (r.village_name, r.village_code, r.task, f"{name}:{loaded.sheet}:{r.row}", now)
                for r in loaded.rows
            ],
        )
    return loaded
