"""run_import / detect_columns: read → find the header → one transaction (or a dry run) → report."""

from __future__ import annotations

import hashlib
import json
import re
import unicodedata
from datetime import date
from pathlib import Path

import sqlite_utils

from ..core.backup import auto_backup
from ..core.lane import write
from ..core.progress import NO_PROGRESS, Progress
from ..core.village import get_setting, get_village
from ..core.vocab import CATEGORY_BY_CODE
from ..errors import EnrollError
from . import messages  # noqa: F401 - registers the package's error messages
from .columns import REQUIRED, Columns, aliases_from_setting, find_columns, fold, require
from .groups import check_category_source, import_groups
from .job import ImportReport, Job
from .payments import import_payments
from .reader import Sheet, read_file, read_sheets
from .roster import import_roster

KINDS = ("roster", "groups", "payments")
ALIASES_SETTING = "import_aliases"


class _DryRun(Exception):
    """Raised at the end of a dry run so db.atomic() rolls everything back."""


# Sheet names a program gives, or dates; any other name of a sheet of people names a group.
_DEFAULT_SHEET = re.compile(r"^(sheet|工作表|表|page)\d*$|\d{4}|年|月", re.IGNORECASE)
_SHEET_NOTE = re.compile(r"(人员)?(花名册|名册|名单|明细|信息表?)$|[(（][^)）]*[)）]$")
COPY_SHARE = (
    0.5  # a sheet whose rows are mostly in sheets already read is a copy (our 花名册 + 数据)
)


def group_of_sheet(name: str) -> str:
    """The 村民小组 a sheet of a split roll stands for: "后寨组花名册" → 后寨组; "Sheet2" or
    "2023年12月" (a split by date) → ''."""
    name = fold(name)
    if _DEFAULT_SHEET.search(name):
        return ""
    return _SHEET_NOTE.sub("", name) or name


def _row_keys(sheet: Sheet, cols: Columns) -> set[tuple]:
    """Each row below the header as the texts of its recognised columns: a copy of a sheet has
    the same rows; a 退费 sheet beside a 缴费 sheet has the same IDs but other rows."""
    fields = sorted(cols.index)
    out = set()
    for r in sheet.rows[cols.data_start :]:
        key = tuple(
            str(r[i]).strip() if i < len(r) and r[i] is not None else ""
            for f in fields
            for i in cols.index[f]
        )
        if any(key):
            out.add(key)
    return out


def _pick_sheets(
    sheets: list[Sheet], kind: str, extra: dict, file_name: str
) -> list[tuple[Sheet, Columns]]:
    """Every sheet of people: a roll split into one sheet per group (一组, 后寨组 …) or a tax
    export split by month is read whole. Sheets without the needed columns (a summary) are
    passed over, and so is a copy of a sheet already read (our own roll has 花名册 and 数据), and
    hidden sheets when a visible one will do."""
    found = [(sheet, find_columns(sheet.rows, kind, extra)) for sheet in sheets]
    usable = [
        (s, c) for s, c in found if c is not None and all(f in c.index for f in REQUIRED[kind])
    ]
    usable = [(s, c) for s, c in usable if not s.hidden] or usable
    if len(usable) == 1:
        return usable
    if not usable:  # the message names what the most promising sheet lacks
        best = max(
            found, key=lambda sc: len(sc[1].index) if sc[1] else -1
        )  # max keeps the first of ties
        return [(best[0], require(best[1], kind, file_name, extra))]
    # The sheet naming the most fields leads; the others follow in workbook order.
    lead = max(usable, key=lambda sc: len(sc[1].index))
    picked: list[tuple[Sheet, Columns]] = []
    seen: set[tuple] = set()
    for sheet, cols in [lead] + [sc for sc in usable if sc is not lead]:
        keys = _row_keys(sheet, cols)
        if picked and keys and len(keys & seen) >= COPY_SHARE * len(keys):
            continue
        seen |= keys
        picked.append((sheet, cols))
    order = {id(s): n for n, s in enumerate(sheets)}
    return sorted(picked, key=lambda sc: order[id(sc[0])])


def _load(
    path: str | Path, kind: str, extra: dict
) -> tuple[Path, list[tuple[Sheet, Columns]], bytes]:
    """(the path, the sheets to import with their columns, the file's bytes): one read."""
    if kind not in KINDS:
        raise EnrollError("import_kind_unknown", kind=kind)
    path = Path(path)
    data = read_file(path)
    sheets = read_sheets(path, data)
    return path, _pick_sheets(sheets, kind, extra, path.name), data


def detect_columns(
    path: str | Path, kind: str, *, extra_aliases: dict | None = None
) -> tuple[int, dict[str, str]]:
    """(header row, {field: header text}) for the GUI's preview; needs no store."""
    _path, picked, _data = _load(path, kind, extra_aliases or {})
    cols = picked[0][1]
    return cols.header_row, dict(cols.headers)


# Lines under a table that are not people: totals and signatures (合计：16人, 制表人：张三).
_TOTAL = re.compile(
    r"^(合计|总计|小计|共计|累计)|(合计|总计|小计|共计)[:：]?[\d,.]*(人|户|元)?$|^共[\d,]+(人|户)"
)
_SIGNATURE = re.compile(
    r"^((制表|填表|审核|审批|复核|填报|统计|打印|导出)(人|日期|时间|单位)?|负责人|经办人|联系人|村委会主任|主任|书记"
    r"|联系电话|日期|注|说明|备注)[:：]"
)
_ID_LIKE = re.compile(r"\d{6,}")


def _footer_word(cell: object) -> bool:
    if not isinstance(cell, str):
        return False
    w = re.sub(r"\s", "", unicodedata.normalize("NFKC", cell))
    return bool(w) and bool(_TOTAL.search(w) or _SIGNATURE.match(w))


def _footer(row: list[object], name_col: int | None) -> bool:
    """A total or signature line: such words somewhere, and no person's name (注：外出 in the note
    of a person without an ID is still that person)."""
    name = row[name_col] if name_col is not None and name_col < len(row) else None
    if not (name is None or isinstance(name, str) and not name.strip() or _footer_word(name)):
        return False
    return any(_footer_word(c) for c in row)


def _blank(row: list[object]) -> bool:
    return all(c is None or isinstance(c, str) and not c.strip() for c in row)


def data_rows(sheet: Sheet, cols: Columns) -> list[tuple[int, list[object]]]:
    """(1-based row number, cells) of every row below the header holding data: not blank, not a
    total or signature line."""
    out = []
    id_col, name_col = cols.first("id"), cols.first("name")
    for i in range(cols.data_start, len(sheet.rows)):
        row = sheet.rows[i]
        id_cell = row[id_col] if id_col is not None and id_col < len(row) else None
        # A row with something like an ID in it holds data; only the others need a closer look.
        if (
            (type(id_cell) is str and _ID_LIKE.search(id_cell))
            or (isinstance(id_cell, (int, float)) and abs(id_cell) >= 100000)
            or not (_blank(row) or _footer(row, name_col))
        ):
            out.append((i + 1, row))
    return out


def run_import(
    db: sqlite_utils.Database,
    kind: str,
    path: str | Path,
    *,
    category: str | None = None,
    dry_run: bool = False,
    actor: str,
    progress: Progress = NO_PROGRESS,
    today: date | None = None,
) -> ImportReport:
    """Import one file into the village store in one transaction; a dry run rolls it back.

    File-level problems raise EnrollError before anything is written; Cancelled (from
    progress.update) rolls the whole file back.
    """
    if category is not None and category not in CATEGORY_BY_CODE:
        raise EnrollError("category_unknown", value=category, known="、".join(CATEGORY_BY_CODE))
    village = get_village(db)
    extra = aliases_from_setting(get_setting(db, ALIASES_SETTING))
    progress.update(0, 0, "读取文件")
    path, picked, data = _load(path, kind, extra)
    parts = [(sheet, cols, data_rows(sheet, cols)) for sheet, cols in picked]
    first = picked[0][1]
    report = ImportReport(
        kind=kind,
        file_name=path.name,
        header_row=first.header_row,
        columns=dict(first.headers),
        rows=sum(len(r) for _s, _c, r in parts),
        dry_run=dry_run,
        sheet="、".join(s.name for s, _c, _r in parts),
    )
    job = Job(
        db=db,
        year=village.current_year,
        file_name=path.name,
        actor=actor,
        today=today or date.today(),
        progress=progress,
        category=category,
        report=report,
    )
    run = {"roster": import_roster, "groups": import_groups, "payments": import_payments}[kind]
    if kind == "groups":
        job.category_hint = check_category_source(picked[0][0], first, category, path.name)
        if job.category_hint:
            report.columns["category"] = (
                f"（名单标题：{CATEGORY_BY_CODE[job.category_hint].label}）"
            )
    sha = hashlib.sha256(data).hexdigest()
    op = f"import_{kind}"
    try:
        with write(db, actor=actor, op=op, reason=path.name) as w:
            job.w = w
            log_id = db.execute(
                "INSERT INTO import_log (kind, file_name, sha256, rows, report_json, at) VALUES (?, ?, ?, ?, '', ?)",
                [kind, path.name, sha, report.rows, job.now],
            ).lastrowid
            for sheet, cols, rows in parts:
                if len(parts) > 1:
                    job.sheet, job.default_group, report.prefix = (
                        sheet.name,
                        group_of_sheet(sheet.name),
                        f"【{sheet.name}】",
                    )
                run(job, rows, cols)
            progress.update(report.rows, report.rows, path.name)
            db.execute(
                "UPDATE import_log SET report_json = ? WHERE id = ?",
                [json.dumps(report.to_json(), ensure_ascii=False), log_id],
            )
            if dry_run:
                raise _DryRun()
        report.changes = w.changes
    except _DryRun:
        pass
    else:
        auto_backup(db)
    return report
