"""The roll sheet (花名册.xlsx): a signature sheet that prints legibly, and a hidden 数据 sheet for machines."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import sqlite_utils
from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.utils import get_column_letter
from openpyxl.worksheet._write_only import WriteOnlyWorksheet
from openpyxl.worksheet.properties import PageSetupProperties
from openpyxl.worksheet.worksheet import Worksheet

from ..core import ids
from ..core.figures import Figures, PersonState, compute_figures, person_states
from ..core.money import yuan
from ..core.progress import NO_PROGRESS, Progress
from ..core.village import get_setting, get_village
from ..core.vocab import CATEGORY_BY_CODE, STATES
from .atomic import atomic_path
from .notice import notice_settings
from .stable import save_workbook
from .xlsx_cells import (
    BOX,
    CENTER,
    HEADER_FILL,
    HEADER_FONT,
    LINE_HEIGHT,
    TEXT_FORMAT,
    TITLE_FONT,
    WRAP,
    TextCells,
    as_text,
    cell_sheet,
    column_widths,
    formula_like,
    legal,
    styled,
    text_cell,
    wrapped_lines,
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
# What a signature sheet needs, with widths (Excel characters) that fit landscape A4 at full
# size even where a character unit is wide: LibreOffice without Calibri makes it 7 pt, so the
# 106 below take 742 of the page's 784 pt (Excel with Calibri: 557).
PRINTED = {
    "序号": 5,
    "姓名": 11,
    "身份证号码": 20,
    "与户主关系": 10,
    "人员类别": 20,
    "个人应缴": 9,
    "缴费金额": 9,
    "签字": 22,
}
PRINT_LABELS = {"缴费金额": "已缴金额"}
WHOLE_ID = "完整身份证号码"  # beside a masked ID, outside the A4 print area
A3_WIDTH = 20  # on A3 every column prints: capped so the whole width stays at 8 pt or more
ROW_HEIGHT = 22  # points: room to sign
HEADER_HEIGHT = 30
# Village settings the settings page writes:
ID_SETTING = "roll_print_id"  # "masked" (as the notice masks them) or "whole"
PAPER_SETTING = "roll_paper"  # "A4" or "A3"


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
    ws: WriteOnlyWorksheet,
    rows: Iterable[list],
    text_columns: frozenset[int],
    progress: Progress,
    done: int,
    total: int,
) -> int:
    texts = TextCells(ws)
    for row in rows:
        ws.append(texts.row(row, text_columns))
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


@dataclass(frozen=True)
class Column:
    """A column of the 花名册 sheet: its header and where its values come from."""

    label: str
    source: int | None  # index into a roll row (HEADERS); None: the 签字 column, left blank
    width: float
    masked: bool = False  # the ID as a public list may show it
    text: bool = False  # an ID, phone, 户号 or 票据号: in the text format


def roll_print(db: sqlite_utils.Database) -> tuple[str | None, str]:
    """(mask preset, None for whole IDs; paper "A4" or "A3") of the printed roll, from the
    village settings: IDs masked as on the notice, on A4, unless the county asks otherwise."""
    mask = None if get_setting(db, ID_SETTING, "masked") == "whole" else notice_settings(db)[0]
    paper = "A3" if get_setting(db, PAPER_SETTING, "A4") == "A3" else "A4"
    return mask, paper


def roll_columns(widths: list[float], mask: str | None, paper: str) -> list[Column]:
    """The signature columns first (what prints on A4), then the rest of the roll (on screen,
    and in print on A3). A masked ID keeps the whole one among the rest. `widths`: those that
    fit each of HEADERS' values (column_widths)."""
    printed = [
        Column(
            PRINT_LABELS.get(name, name),
            COL.get(name),
            width,
            masked=name == "身份证号码" and bool(mask),
            text=name in TEXT_COLUMNS,
        )
        for name, width in PRINTED.items()
    ]
    cap = A3_WIDTH if paper == "A3" else MAX_WIDTH
    rest = [
        Column(
            WHOLE_ID if h == "身份证号码" else h,
            COL[h],
            min(cap, widths[COL[h]]),
            text=h in TEXT_COLUMNS,
        )
        for h in HEADERS
        if h not in PRINTED or (h == "身份证号码" and mask)
    ]
    return [*printed, *rest]


def _page_setup(ws: Worksheet, columns: list[Column], span: int, paper: str, rows: int) -> None:
    """Landscape, header rows on every page, the page count of the roll alone in the footer.
    On A4 the signature columns print at full size (11 pt) and the rest lies outside the print
    area; on A3 all columns print, fitted to the width. `ws` is in fact a write-only sheet,
    which has these print settings too (openpyxl's stubs declare them on Worksheet only)."""
    for i, c in enumerate(columns, 1):
        ws.column_dimensions[get_column_letter(i)].width = c.width
        if c.text:
            ws.column_dimensions[get_column_letter(i)].number_format = TEXT_FORMAT
    ws.print_area = f"A1:{get_column_letter(span)}{rows + 3}"
    ws.page_setup.orientation = "landscape"
    ws.page_setup.paperSize = Worksheet.PAPERSIZE_A3 if paper == "A3" else Worksheet.PAPERSIZE_A4
    # Only shrinks, and only what is wider than the paper (on A4, a font wider than planned).
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    ws.sheet_properties.pageSetUpPr = PageSetupProperties(fitToPage=True)
    ws.print_title_rows = "1:2"
    ws.print_options.horizontalCentered = True
    ws.print_options.gridLines = True  # cheaper than a border per cell
    margins = ws.page_margins
    margins.left = margins.right = 0.4
    margins.top, margins.bottom, margins.header, margins.footer = 0.5, 0.6, 0.2, 0.25
    # Rows tall enough to sign in (7.8 mm); a row whose text wraps gets its own height.
    ws.sheet_format.defaultRowHeight = ROW_HEIGHT
    ws.sheet_format.customHeight = True
    ws.oddFooter.center.text = "第 &P 页 共 &N 页"  # type: ignore[union-attr]  # always set


def _sheet_row(
    texts: TextCells,
    row: list,
    s: PersonState,
    columns: list[Column],
    span: int,
    mask: str | None,
) -> tuple[list, int]:
    """A roll row as the 花名册 sheet shows it, and how many lines its tallest printed cell takes."""
    out: list = []
    lines = 1
    for i, c in enumerate(columns):
        value = None if c.source is None else row[c.source]
        if type(value) is not str or not value:
            out.append(value)
            continue
        if c.masked:
            value = ids.mask(value, mask) if s.id_valid and mask else "待核实"
        value = legal(value)
        wrapped = wrapped_lines(value, c.width) if i < span else 1
        if c.text and wrapped == 1:
            out.append(texts.cell(i, value))
            continue
        if c.text:
            cell = text_cell(texts.ws, value)  # its own: its alignment is set below
        elif formula_like(value):
            cell = as_text(texts.ws, value)
        elif wrapped > 1:
            cell = WriteOnlyCell(texts.ws, value)
        else:
            out.append(value)  # a plain value: the cheap case, most cells
            continue
        if wrapped > 1:
            cell.alignment = WRAP
            lines = max(lines, wrapped)
        out.append(cell)
    return out, lines


def _fill(
    wb: Workbook,
    heading: str,
    rows: list[list],
    states: list[PersonState],
    figures: Figures,
    print_setting: tuple[str | None, str],
    day: date,
    progress: Progress,
) -> None:
    mask, paper = print_setting
    totals = totals_row(figures)
    widths = column_widths(HEADERS, [*rows, totals], MAX_WIDTH)  # measured once, for both sheets
    columns = roll_columns(widths, mask, paper)
    span = len(columns) if paper == "A3" else len(PRINTED)
    total = 2 * len(rows)
    ws = cell_sheet(wb, ROLL_SHEET)
    _page_setup(ws, columns, span, paper, len(rows))
    ws.freeze_panes = "A3"
    ws.auto_filter.ref = f"A2:{get_column_letter(len(columns))}{len(rows) + 2}"
    ws.oddFooter.left.text = f"制表日期 {day.isoformat()}"
    # The title spans the printed columns and wraps there: a long village name stays on paper.
    ws.merged_cells.add(f"A1:{get_column_letter(span)}1")
    room = sum(c.width for c in columns[:span]) * 11 / float(TITLE_FONT.sz or 11)
    ws.row_dimensions[1].height = 20 * wrapped_lines(heading, room) + 8
    ws.row_dimensions[2].height = HEADER_HEIGHT
    ws.append([styled(ws, heading, font=TITLE_FONT, alignment=CENTER)])
    ws.append(
        [
            styled(ws, c.label, font=HEADER_FONT, fill=HEADER_FILL, border=BOX, alignment=CENTER)
            for c in columns
        ]
    )
    done = 0
    texts = TextCells(ws)
    for number, (row, s) in enumerate(zip(rows, states, strict=True), 3):
        cells, lines = _sheet_row(texts, row, s, columns, span, mask)
        if lines > 1:
            ws.row_dimensions[number].height = max(ROW_HEIGHT, LINE_HEIGHT * lines + 4)
        ws.append(cells)
        done += 1
        if done % PROGRESS_EVERY == 0:
            progress.update(done, total, "花名册")
    ws.append(
        [
            styled(ws, None if c.source is None else totals[c.source], font=HEADER_FONT, border=BOX)
            for c in columns
        ]
    )

    # For machines: every column once, one header row; hidden, so it never prints.
    data = cell_sheet(wb, DATA_SHEET)
    data.sheet_state = "hidden"
    text_columns = frozenset(COL[h] for h in TEXT_COLUMNS)
    for i, width in enumerate(widths, 1):
        data.column_dimensions[get_column_letter(i)].width = width
        if i - 1 in text_columns:
            data.column_dimensions[get_column_letter(i)].number_format = TEXT_FORMAT
    data.append(list(HEADERS))
    _write_rows(data, rows, text_columns, progress, done, total)


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
    day = date.today()
    heading = f"{village.title} {year}年度城乡居民基本医疗保险参保花名册"

    # Write-only: rows stream to a temp file, so a 55,000-person roll needs ~40 MB, not ~600 MB.
    wb = Workbook(write_only=True)
    try:
        _fill(wb, heading, rows, states, figures, roll_print(db), day, progress)
        with atomic_path(path) as tmp:
            save_workbook(wb, tmp, day)
    except BaseException:
        # A sheet left open is finalised by the garbage collector at a random moment and raises
        # there; close them now (openpyxl deletes its temp files at exit).
        for ws in wb.worksheets:
            if not ws.closed:
                ws.close()
        raise
    progress.update(1, 1, "花名册")
    return Path(path)
