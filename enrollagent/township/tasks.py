"""The township's 任务分配 table: the header found as the roster import finds it (title rows, two
header rows), or the columns the clerk names; village → task number; a table of townships, or of
another township's villages, refused; a 合计 row that disagrees with the rows, a warning."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

import sqlite_utils

from ..core import clock
from ..errors import QT_TRANSLATE_NOOP, EnrollError, register_messages
from ..imports.columns import HEADER_SCAN_ROWS, Columns, find_columns
from ..imports.reader import Sheet, read_sheets
from .store import name_key

register_messages(
    {
        "tasks_column_unsure": QT_TRANSLATE_NOOP(
            "errors",
            "任务表 {path} 第 {row} 行的表头里{problem}：{columns}；"
            "请用 {option} 指定（写表头文字或列字母，如 {option} {example}）",
        ),
        "tasks_column_unknown": QT_TRANSLATE_NOOP(
            "errors", "任务表 {path} 的表头里没有“{value}”这一列：{columns}"
        ),
        "tasks_not_villages": QT_TRANSLATE_NOOP(
            "errors",
            "任务表 {path} 里的 {n} 个名称中有 {m} 个是乡镇或街道（如 {examples}）：这是分给各乡镇的任务表，"
            "不是本乡镇各村的任务表，未载入",
        ),
        "tasks_unknown_villages": QT_TRANSLATE_NOOP(
            "errors",
            "任务表 {path} 里的 {n} 个名称有 {m} 个不是已上报的村（如 {examples}），已上报的 {k} 个村"
            "只有 {j} 个在表里：这不像本乡镇各村的任务表，未载入",
        ),
        "tasks_total_differs": QT_TRANSLATE_NOOP(
            "errors", "任务表第 {row} 行的合计 {stated} 与各村任务数相加的 {total} 不一致，请核对"
        ),
    }
)

TOTAL_WORDS = ("合计", "总计", "全镇", "全乡")
SUBTOTAL_WORDS = ("小计",)
TOWNSHIP_ENDINGS = ("镇", "乡", "街道", "办事处", "街道办")
_LETTERS = re.compile(r"[A-Za-z]{1,3}")


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
    name_header: str = ""
    task_header: str = ""
    stated_total: tuple[int, int] | None = None  # (row, task) of the table's 合计 row
    warnings: list[str] = field(default_factory=list)

    @property
    def total(self) -> int:
        return sum(r.task for r in self.rows)


def _fold(value: object) -> str:
    return "".join(unicodedata.normalize("NFKC", "" if value is None else str(value)).split())


def column_letter(index: int) -> str:
    letters = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        letters = chr(ord("A") + rest) + letters
    return letters


def _letter_index(text: str) -> int:
    n = 0
    for c in text.upper():
        n = n * 26 + ord(c) - ord("A") + 1
    return n - 1


@dataclass(frozen=True)
class _Header:
    row: int  # 0-based index of the first header row
    data_start: int  # 0-based index of the first row below the header
    texts: dict[int, str]  # column → its header text (lower row, else upper), non-empty only

    def listing(self) -> str:
        return "、".join(f"{column_letter(c)} {t}" for c, t in sorted(self.texts.items()))


def _header_texts(rows: list[list], top: int, last: int) -> dict[int, str]:
    width = max(len(rows[r]) for r in range(top, last + 1))
    texts = {}
    for c in range(width):
        above = str(_cell(rows[top], c) or "").strip()
        below = str(_cell(rows[last], c) or "").strip() if last > top else ""
        text = below if below and below != above else above
        if below and above and below != above:
            text = f"{above}/{below}"
        if text:
            texts[c] = " ".join(text.split())
    return texts


def _find_by_text(rows: list[list], wanted: str) -> _Header | None:
    """The header row that holds a named column, when the header words are not known ones."""
    for r, row in enumerate(rows[:HEADER_SCAN_ROWS]):
        if any(_fold(c) == wanted for c in row if isinstance(c, str)):
            return _Header(r, r + 1, _header_texts(rows, r, r))
    return None


def _words_only(row: list) -> bool:
    filled = [c for c in row if _fold(c)]
    return bool(filled) and all(_task_number(c) is None for c in filled)


def _column(header: _Header, value: str, path: Path) -> int:
    """A column the clerk named: its letter (C) or its header text (whole, or a unique part)."""
    if _LETTERS.fullmatch(value):
        return _letter_index(value)
    wanted = _fold(value)
    exact = [c for c, t in header.texts.items() if _fold(t.split("/")[-1]) == wanted]
    exact = exact or [c for c, t in header.texts.items() if _fold(t) == wanted]
    found = exact or [c for c, t in header.texts.items() if wanted in _fold(t)]
    if len(found) != 1:
        raise EnrollError(
            "tasks_column_unknown", path=path.name, value=value, columns=header.listing()
        )
    return found[0]


class ColumnUnsure(EnrollError):
    """The name or the task column could not be told apart: the columns to pick from."""

    def __init__(self, header: _Header, path: Path, problem: str, option: str, example: int):
        super().__init__(
            "tasks_column_unsure",
            path=path.name,
            row=header.row + 1,
            problem=problem,
            columns=header.listing(),
            option=option,
            example=column_letter(example),
        )
        self.option = option  # --name-col or --task-col
        self.columns = [(column_letter(c), t) for c, t in sorted(header.texts.items())]


def _example(rows: list[list], header: _Header, *, numbers: bool) -> int:
    """A column to show in the message: the last holding numbers (a task) in the first row
    below the header, or the first holding words (a name)."""
    row = rows[header.data_start] if header.data_start < len(rows) else []
    fits = [c for c in sorted(header.texts) if (_task_number(_cell(row, c)) is not None) is numbers]
    fits = [c for c in fits if _fold(_cell(row, c))]
    if not fits:
        return max(header.texts) if numbers else min(header.texts)
    return fits[-1] if numbers else fits[0]


def _header(
    sheet: Sheet, name_col: str | None, task_col: str | None
) -> tuple[_Header, Columns | None] | None:
    """The sheet's header as the import finds it, or the row holding a column the clerk named by
    its text; None when neither."""
    found = find_columns(sheet.rows, "tasks")
    if found is not None:
        top, start = found.header_row - 1, found.data_start
        # A lower header row of words the import does not know (应缴人数 | 征缴人数): no numbers.
        if start == top + 1 and start < len(sheet.rows) and _words_only(sheet.rows[start]):
            start += 1
        return _Header(top, start, _header_texts(sheet.rows, top, start - 1)), found
    named = next((_fold(v) for v in (name_col, task_col) if v and not _LETTERS.fullmatch(v)), "")
    header = _find_by_text(sheet.rows, named) if named else None
    return (header, None) if header is not None else None


def _columns(
    sheet: Sheet, path: Path, name_col: str | None, task_col: str | None
) -> tuple[_Header, int, int, int | None] | None:
    """(header, name column, task column, code column or None) of a sheet, None when it has no
    header naming villages and the clerk named no column; unsure guesses raise with the columns."""
    headed = _header(sheet, name_col, task_col)
    if headed is None:
        return None
    header, found = headed
    if name_col:
        name: int | None = _column(header, name_col, path)
    else:
        name = found.first("village") if found is not None else None
    if name is None:
        example = _example(sheet.rows, header, numbers=False)
        raise ColumnUnsure(header, path, "认不出哪一列是村名", "--name-col", example)
    if task_col:
        task = _column(header, task_col, path)
    else:
        # Every column that speaks of a task: a table with 2024 and 2025 tasks has two.
        tasks = [c for c, t in header.texts.items() if "任务" in _fold(t) and c != name]
        # Under a group header (2024年度参保任务 over 任务数 | 其中特殊群体) a 其中 column is a part.
        whole = [c for c in tasks if not _fold(header.texts[c]).split("/")[-1].startswith("其中")]
        tasks = whole or tasks
        if len(tasks) != 1:
            problem = "有几列都像任务数" if tasks else "找不到任务数那一列"
            example = _example(sheet.rows, header, numbers=True)
            raise ColumnUnsure(header, path, problem, "--task-col", example)
        task = tasks[0]
    code = found.first("code") if found is not None else None
    return header, name, task, code if code not in (name, task) else None


def read_tasks(
    path: str | Path, *, name_col: str | None = None, task_col: str | None = None
) -> TaskLoad:
    """Read the first visible sheet with a village column and a task column (as found, or as the
    clerk named them): the villages' tasks and the table's 合计, which is checked against them."""
    path = Path(path)
    for sheet in _sheets(path):
        found = _columns(sheet, path, name_col, task_col)
        if found is None:
            continue
        header, name, task, code = found
        out, stated = _task_rows(sheet.rows, header.data_start, name, task, code)
        if not out:
            raise EnrollError("tasks_empty", path=path.name)
        total = sum(r.task for r in out)
        warnings = []
        if stated is not None and stated[1] != total:
            warnings.append(
                EnrollError(
                    "tasks_total_differs", row=stated[0], stated=stated[1], total=total
                ).message
            )
        return TaskLoad(
            out,
            sheet.name,
            header.texts.get(name, column_letter(name)),
            header.texts.get(task, column_letter(task)),
            stated,
            warnings,
        )
    raise EnrollError("tasks_no_header", path=path.name)


def _sheets(path: Path) -> list[Sheet]:
    """The visible sheets of the workbook (a hidden one is last year's copy or a lookup list)."""
    if not path.is_file():
        raise EnrollError("tasks_missing", path=str(path))
    # Systems export CSV named .xls, but nothing writes an .xlsx that is not a zip.
    if path.suffix.lower() == ".xlsx":
        with path.open("rb") as f:
            if f.read(4) != b"PK\x03\x04":
                raise EnrollError("tasks_unreadable", path=path.name, detail="不是 Excel 文件")
    try:
        return [s for s in read_sheets(path) if not s.hidden]
    except EnrollError as e:
        raise EnrollError("tasks_unreadable", path=path.name, detail=e.message) from None


def _cell(row: list, col: int | None) -> object:
    return row[col] if col is not None and col < len(row) else None


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


def _words(row: list, words: tuple[str, ...]) -> bool:
    return any(isinstance(c, str) and any(w in _fold(c) for w in words) for c in row)


def _task_rows(
    rows: list[list], start: int, village_col: int, task_col: int, code_col: int | None
) -> tuple[list[TaskRow], tuple[int, int] | None]:
    """The villages below the header with their tasks, and the (row, task) of the 合计 row; rows
    numbered but not named and rows without a task are skipped; a village twice or a task not a
    number refuse the table."""
    out: list[TaskRow] = []
    stated: tuple[int, int] | None = None
    seen: set[str] = set()
    for r in range(start, len(rows)):
        name = _fold(_cell(rows[r], village_col))
        value = _cell(rows[r], task_col)
        if _words(rows[r], TOTAL_WORDS):
            number = _task_number(value)
            if number is not None and stated is None:
                stated = (r + 1, number)
            continue
        if _words(rows[r], SUBTOTAL_WORDS) or not name or name.isdigit():
            continue
        if value is None or _fold(value) == "":
            continue
        task = _task_number(value)
        if task is None:
            raise EnrollError("tasks_bad_number", row=r + 1, village=name, value=value)
        key = name_key(name)
        if key in seen:
            raise EnrollError("tasks_duplicate", village=name, row=r + 1)
        seen.add(key)
        out.append(TaskRow(name, _code(_cell(rows[r], code_col)), task, r + 1))
    return out, stated


def _examples(names: Iterable[str]) -> str:
    names = list(names)
    return "、".join(names[:3]) + ("…" if len(names) > 3 else "")


def check_villages(db: sqlite_utils.Database, loaded: TaskLoad, path: Path) -> None:
    """Refuse a table whose rows are not this township's villages: most of them townships, or
    most of them unknown while no more than half of the villages that reported are in it."""
    names = [r.village_name for r in loaded.rows]
    townships = [n for n in names if n.endswith(TOWNSHIP_ENDINGS)]
    if len(townships) * 2 > len(names):
        raise EnrollError(
            "tasks_not_villages",
            path=path.name,
            n=len(names),
            m=len(townships),
            examples=_examples(townships),
        )
    reported = db.execute("SELECT code, name FROM village").fetchall()
    if not reported:
        return
    codes = {r.village_code for r in loaded.rows if r.village_code}
    keys = {name_key(n) for n in names}
    found = sum(1 for code, name in reported if code in codes or name_key(name) in keys)
    known_codes = {code for code, _ in reported}
    known_keys = {name_key(name) for _, name in reported}
    unknown = [
        r.village_name
        for r in loaded.rows
        if not (r.village_code and r.village_code in known_codes)
        and name_key(r.village_name) not in known_keys
    ]
    if found * 2 <= len(reported) and len(unknown) * 2 > len(names):
        raise EnrollError(
            "tasks_unknown_villages",
            path=path.name,
            n=len(names),
            m=len(unknown),
            examples=_examples(unknown),
            k=len(reported),
            j=found,
        )


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


def load_tasks(
    db: sqlite_utils.Database,
    path: str | Path,
    *,
    name_col: str | None = None,
    task_col: str | None = None,
) -> TaskLoad:
    """Replace the township's task table with the file's (read and checked first: a bad file, or
    one not of this township's villages, changes nothing)."""
    loaded = read_tasks(path, name_col=name_col, task_col=task_col)
    check_villages(db, loaded, Path(path))
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
