"""The roll sheet (花名册.xlsx): a printable sheet for people and a plain 数据 sheet for machines."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import sqlite_utils
from openpyxl import Workbook
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
from openpyxl.utils import get_column_letter
from openpyxl.worksheet._write_only import WriteOnlyWorksheet
from openpyxl.worksheet.properties import PageSetupProperties
from openpyxl.worksheet.worksheet import Worksheet

from ..core.figures import Figures, PersonState, compute_figures, person_states
from ..core.money import yuan
from ..core.progress import NO_PROGRESS, Progress
from ..core.village import get_village
from ..core.vocab import CATEGORY_BY_CODE, STATES
from .atomic import atomic_path
from .xlsx_cells import (
    BOX,
    CENTER,
    HEADER_FILL,
    HEADER_FONT,
    TITLE_FONT,
    as_text,
    column_widths,
    formula_like,
    styled,
)

HEADERS = (
    "序号",
    "村民小组",
    "户号",
    "户主姓名",
    "姓名",
    "性别",
    "出生日期",
    "身份证号码",
    "与户主关系",
    "联系电话",
    "人员类别",
    "个人应缴",
    "参保状态",
    "缴费金额",
    "缴费日期",
    "缴费渠道",
    "票据号",
    "备注",
)
COL = {name: i for i, name in enumerate(HEADERS)}
TEXT_COLUMNS = ("户号", "身份证号码", "联系电话", "票据号")
ROLL_SHEET = "花名册"
DATA_SHEET = "数据"
PROGRESS_EVERY = 500
MAX_WIDTH = 40


def _payment_details(db: sqlite_utils.Database, year: int) -> dict[int, tuple[str, str, str]]:
    """person → (dates, channels, tickets) of their own payments that stand (not undone)."""
    rows = db.execute(
        "SELECT id, person_id, amount_fen, paid_on, channel, COALESCE(ticket_no, ''), reverses_id FROM payment"
        " WHERE year = ? AND kind = 'personal' ORDER BY paid_on, id",
        [year],
    ).fetchall()
    amount_of = {r[0]: r[2] for r in rows}
    # One pass, not a NOT EXISTS per payment: reverses_id has no index (that took 16 s at 6,000).
    undone = {r[6] for r in rows if r[6] is not None and r[2] == -amount_of.get(r[6], 0)}
    found: dict[int, tuple[list[str], list[str], list[str]]] = {}
    for pay_id, pid, amount, paid_on, channel, ticket, reverses in rows:
        # Shown: payments as made. Not: refunds, undone payments, nor the rows that undo something.
        if amount <= 0 or pay_id in undone or reverses is not None:
            continue
        lists = found.setdefault(pid, ([], [], []))
        for values, value in zip(lists, (paid_on, channel, ticket), strict=True):
            if value and value not in values:
                values.append(value)
    return {
        pid: ("、".join(dates), "、".join(channels), "、".join(tickets))
        for pid, (dates, channels, tickets) in found.items()
    }


def _note(s: PersonState, extra: str) -> str:
    parts = []
    if not s.id_valid:
        parts.append("身份证号待核实")
    if s.coverage_note:
        parts.append(s.coverage_note)
    if s.state == "unpaid" and s.unpaid_reason:
        parts.append(s.unpaid_reason)
    if extra:
        parts.append(extra)
    return "；".join(parts)


def roll_rows(db: sqlite_utils.Database, year: int, states: list[PersonState]) -> list[list]:
    """One row of values per person, in roster order, as both sheets show them."""
    heads = {s.household_id: s.name for s in states if s.relation == "户主"}
    household_phone = dict(db.execute("SELECT id, phone FROM household").fetchall())
    notes = dict(db.execute("SELECT id, note FROM person WHERE note != ''").fetchall())
    paid = _payment_details(db, year)
    rows = []
    for number, s in enumerate(states, 1):
        dates, channels, tickets = paid.get(s.person_id, ("", "", ""))
        resident = s.coverage == "resident"
        rows.append(
            [
                number,
                s.group_name,
                s.hh_no,
                heads.get(s.household_id, ""),
                s.name,
                s.sex or "",
                s.birth_date.isoformat() if s.birth_date else "",
                s.id_number,
                s.relation,
                s.phone or household_phone.get(s.household_id, ""),
                "、".join(
                    CATEGORY_BY_CODE[c].label if c in CATEGORY_BY_CODE else c for c in s.categories
                ),
                yuan(s.payable_fen) if resident else None,
                STATES.get(s.state, s.state),
                yuan(s.net_fen) if s.net_fen else None,
                dates,
                channels,
                tickets,
                _note(s, notes.get(s.person_id, "")),
            ]
        )
    return rows


def _write_rows(
    ws: WriteOnlyWorksheet, rows: list[list], progress: Progress, done: int, total: int
) -> int:
    for row in rows:
        if any(formula_like(v) for v in row):
            row = [as_text(ws, v) if formula_like(v) else v for v in row]
        if any(type(v) is str and ILLEGAL_CHARACTERS_RE.search(v) for v in row):
            # openpyxl refuses control characters; a name stored with one still goes out.
            row = [ILLEGAL_CHARACTERS_RE.sub("", v) if type(v) is str else v for v in row]
        ws.append(row)
        done += 1
        if done % PROGRESS_EVERY == 0:
            progress.update(done, total, "花名册")
    return done


def totals_row(figures: Figures) -> list:
    """The totals line under the roll: the figures of the year, never a sum of the sheet's own."""
    t = figures.total
    totals: list = [None] * len(HEADERS)
    totals[COL["序号"]] = "合计"
    totals[COL["姓名"]] = f"共 {t.persons} 人"
    totals[COL["参保状态"]] = f"已参保 {t.enrolled} 人"
    totals[COL["缴费金额"]] = yuan(t.collected_fen)
    totals[COL["备注"]] = f"应参保 {t.eligible} 人，未缴 {t.unpaid} 人"
    return totals


def _page_setup(ws: Worksheet, widths: list[float]) -> None:
    """A4 landscape, as wide as one page, with the grid printed (cheaper than a border per cell).
    `ws` is in fact a write-only sheet, which has these print settings too (openpyxl's stubs
    declare them on Worksheet only)."""
    for i, width in enumerate(widths, 1):
        ws.column_dimensions[get_column_letter(i)].width = width
    for name in TEXT_COLUMNS:
        # Text format on the column: an ID typed into the sheet later stays text too.
        ws.column_dimensions[get_column_letter(COL[name] + 1)].number_format = "@"
    ws.page_setup.orientation = "landscape"
    ws.page_setup.paperSize = Worksheet.PAPERSIZE_A4
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    ws.sheet_properties.pageSetUpPr = PageSetupProperties(fitToPage=True)
    ws.print_options.gridLines = True
    ws.page_margins.left = ws.page_margins.right = 0.4


def _fill(
    wb: Workbook, title: str, year: int, rows: list[list], figures: Figures, progress: Progress
) -> None:
    totals = totals_row(figures)
    widths = column_widths(HEADERS, [*rows, totals], MAX_WIDTH)
    total = 2 * len(rows)
    ws = wb.create_sheet(ROLL_SHEET)
    _page_setup(ws, widths)
    ws.freeze_panes = "A3"
    ws.auto_filter.ref = f"A2:{get_column_letter(len(HEADERS))}{len(rows) + 2}"
    ws.print_title_rows = "1:2"
    ws.print_options.horizontalCentered = True
    ws.oddFooter.center.text = "第 &P 页 共 &N 页"
    ws.row_dimensions[1].height = 24
    ws.append(
        [
            styled(
                ws,
                f"{title} {year}年度城乡居民基本医疗保险参保花名册"
                f"（制表日期 {date.today().isoformat()}）",
                font=TITLE_FONT,
            )
        ]
    )
    ws.append(
        [
            styled(ws, h, font=HEADER_FONT, fill=HEADER_FILL, border=BOX, alignment=CENTER)
            for h in HEADERS
        ]
    )
    done = _write_rows(ws, rows, progress, 0, total)
    ws.append([styled(ws, v, font=HEADER_FONT, border=BOX) for v in totals])

    data = wb.create_sheet(DATA_SHEET)
    _page_setup(data, widths)
    data.append(list(HEADERS))
    _write_rows(data, rows, progress, done, total)


def write_roll(
    db: sqlite_utils.Database,
    path: str | Path,
    *,
    year: int | None = None,
    progress: Progress = NO_PROGRESS,
) -> Path:
    """Write the roll sheet of the year to `path` (temp name, then renamed); returns `path`."""
    village = get_village(db)
    year = year or village.current_year
    progress.update(0, 1, "花名册")
    states = person_states(db, year)
    figures = compute_figures(db, year)
    rows = roll_rows(db, year, states)

    # Write-only: rows stream to a temp file, so a 55,000-person roll needs ~40 MB, not ~600 MB.
    wb = Workbook(write_only=True)
    try:
        _fill(wb, village.title, year, rows, figures, progress)
        with atomic_path(path) as tmp:
            wb.save(tmp)
    except BaseException:
        # A sheet left open is finalised by the garbage collector at a random moment and raises
        # there; close them now (openpyxl deletes its temp files at exit).
        for ws in wb.worksheets:
            if not ws.closed:
                ws.close()
        raise
    progress.update(1, 1, "花名册")
    return Path(path)
