"""Importing a department's special-group list (民政, 乡村振兴, 残联 …): qualify, then match by ID."""

from __future__ import annotations

import re
from pathlib import Path

from ..core import ids
from ..core.vocab import CATEGORY_BY_CODE, categories_in, category_of, severe_disability_grade
from ..errors import EnrollError, Problem
from .cells import id_cell, id_problem, person_name, risk_eliminated, same_name, text
from .columns import Columns
from .flags import YearFlags
from .job import Job, Skip, roster_by_id
from .messages import NO_NAME
from .reader import Sheet


def check_category_source(
    sheet: Sheet, cols: Columns, category: str | None, file_name: str
) -> str | None:
    """A list must say its category: a column, a 残疾等级 column, --category, or its title.

    Returns the category a title (or the file name) names when that is the only source, so a
    "2024年度特困人员名单" needs no --category; two categories in a title are not guessed between.
    """
    if (
        category is not None
        or "category" in cols.index
        or "grade" in cols.index
        or is_card_list(cols)
    ):
        return None
    found = set()
    titles = [text(c) for row in sheet.rows[: cols.header_row - 1] for c in row] + [
        Path(file_name).stem
    ]
    for title in titles:
        for part in re.split(r"[、,，;；/|\s和及与]+", title):
            code = category_of(part)
            if code:
                found.add(code)
    if len(found) == 1:
        return found.pop()
    raise EnrollError(
        "import_no_category",
        path=file_name,
        known="、".join(f"{c} {v.label}" for c, v in CATEGORY_BY_CODE.items()),
    )


def is_card_list(cols: Columns) -> bool:
    """A 残联 list that names people by 残疾人证号 alone (no 身份证号 column)."""
    return "残疾" in cols.headers.get("id", "")


_CARD = re.compile(r"(\d{17}[\dX])([1-7])([1-4])")


def card_parts(cell: object) -> tuple[object, str | None]:
    """(the ID to check, the grade digit) of a 2nd-generation 残疾人证号: the 18-character ID, then
    the disability category (1–7) and grade (1–4). Anything else is checked as it is, no grade."""
    m = _CARD.fullmatch(ids.normalize(text(cell))) if cell is not None else None
    return (m.group(1), m.group(3)) if m else (id_cell(cell), "")


def _cells(row: list[object], cols: Columns, name: str) -> list[object]:
    return [row[i] for i in cols.index.get(name, []) if i < len(row)]


def qualify(
    job: Job, row: list[object], cols: Columns, card_grade: str | None
) -> tuple[list[str], Problem | None]:
    """(categories, None) for a qualifying row, ([], why) for a skipped one. `card_grade` is the
    grade digit of a 残疾人证号 ('' when the number has none), None for lists of another kind."""
    risk = _cells(row, cols, "risk")
    if risk and risk_eliminated(risk[0]):
        return [], Problem("group_risk_eliminated")
    raw = "、".join(t for t in (text(c) for c in _cells(row, cols, "category")) if t)
    cats = categories_in(raw)
    # --category fills a row the file leaves unsaid, or says in words of its own (保障类别 “农村”).
    if not cats and job.category:
        cats = [job.category]
    elif not raw and job.category_hint:
        cats = [job.category_hint]
    if "grade" in cols.index or card_grade is not None:
        return by_grade(row, cols, card_grade, cats)
    if not cats:
        return [], (
            Problem("group_category_unknown", category=raw) if raw else Problem("group_no_category")
        )
    return cats, None


def by_grade(
    row: list[object], cols: Columns, card_grade: str | None, cats: list[str]
) -> tuple[list[str], Problem | None]:
    """The categories of a row of a list with a 残疾等级 (a column, or the last digit of a
    残疾人证号): only 一级/二级 is a severe disability."""
    grade_cells = _cells(row, cols, "grade")
    grade = text(grade_cells[0]) if grade_cells else ""
    if not grade and card_grade:
        grade = f"{card_grade}级"  # the last digit of the 残疾人证号
    elif not grade and card_grade == "" and not cats:
        return [], Problem("group_card_no_grade")
    severe = severe_disability_grade(grade) if grade else None
    # 一级/二级 is a severe disability whatever else the row says (低保 and 一级: both flags;
    # the policy then takes the larger subsidy).
    if severe is True and "severe_disability" not in cats:
        cats = [*cats, "severe_disability"]
    elif severe is False:
        cats = [c for c in cats if c != "severe_disability"]
        if not cats:
            return [], Problem("group_grade_not_severe", grade=grade)
    elif severe is None and not cats:
        why = Problem("group_grade_unreadable", grade=grade) if grade else Problem("group_no_grade")
        return [], why
    return cats, None


def match(
    roster: dict[str, tuple[int, str]], id_value: object, name: str, job: Job
) -> Skip | tuple[int, Problem | None]:
    """(the person on the roster, a Problem when the list names them otherwise), or the Skip of a
    row whose ID is invalid or not on the roster."""
    chk = ids.check_cell(id_value, today=job.today)
    if not chk.valid:
        why = Problem("group_id_invalid", name=name or NO_NAME, why=id_problem(chk))
        return Skip("not_in_roster", why)
    found = roster.get(chk.normalized)
    if found is None:
        masked = ids.mask(chk.normalized)
        why = Problem("group_not_in_roster", name=name or chk.normalized, masked_id=masked)
        return Skip("not_in_roster", why)
    pid, roster_name = found
    if name and not same_name(name, roster_name):
        return pid, Problem("group_name_differs", name=name, roster_name=roster_name)
    return pid, None


def import_groups(job: Job, rows: list[tuple[int, list[object]]], cols: Columns) -> None:
    rep = job.report
    for key in ("flagged", "not_in_roster", "skipped", "name_mismatch", "new_flags"):
        rep.counts.setdefault(key, 0)
    roster = roster_by_id(job)
    flags = YearFlags(job)
    flagged: set[int] = set()
    name_col = cols.first("name")
    id_col = cols.first("id")
    by_card = is_card_list(cols)
    for done, (row_no, row) in enumerate(rows, 1):
        job.tick(done, len(rows))
        raw_id = row[id_col] if id_col is not None and id_col < len(row) else None
        id_value, card_grade = card_parts(raw_id) if by_card else (id_cell(raw_id), None)
        cats, why = qualify(job, row, cols, card_grade)
        if why is not None:
            rep.skip(row_no, Skip("skipped", why))
            continue
        name = person_name(row[name_col]) if name_col is not None and name_col < len(row) else ""
        found = match(roster, id_value, name, job)
        if isinstance(found, Skip):
            rep.skip(row_no, found)
            continue
        pid, differs = found
        if differs is not None:
            rep.add("name_mismatch")
            rep.note(row_no, differs)
        flagged.add(pid)
        flags.add(pid, cats, row_no)
    rep.add("flagged", len(flagged))
    rep.add("new_flags", len(flags.added))
    flags.write()
