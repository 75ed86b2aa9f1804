"""The village change log as a printable sheet (变更记录.xlsx): what changed, when, by whom and
why, amendments marked."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from pathlib import Path

from openpyxl import Workbook
from openpyxl.styles import Alignment, PatternFill
from openpyxl.utils import get_column_letter

from ..core.history import KINDS, Entry
from .atomic import atomic_path
from .stable import save_workbook
from .xlsx_cells import (
    BOX,
    CENTER,
    HEADER_FILL,
    HEADER_FONT,
    LINE_HEIGHT,
    TEXT_FORMAT,
    TITLE_FONT,
    as_text,
    column_widths,
    formula_like,
    legal,
    print_a4_landscape,
    styled,
    text_cell,
    wrapped_lines,
)

HEADERS = (
    "时间",
    "操作人",
    "类别",
    "年度",
    "人员",
    "身份证号码",
    "操作",
    "项目",
    "原值",
    "新值",
    "原因",
    "更正",
)
SHEET = "变更记录"
# Each column's widest on paper (Excel characters; longer text wraps): 140 in all, so fitting
# the width of landscape A4 keeps 11-point type at 8.8 pt or more even where a character unit
# is 7 pt wide (LibreOffice without Calibri).
PRINT_WIDTHS = (17, 9, 8, 6, 10, 20, 10, 10, 14, 14, 16, 6)
_AMENDMENT_FILL = PatternFill("solid", fgColor="FFF1C7")
_WRAP = Alignment(vertical="top", wrap_text=True)
_ID_COLUMN = HEADERS.index("身份证号码")


def change_rows(entries: Sequence[Entry]) -> list[list]:
    """One row of words per entry, in the order given."""
    return [
        [
            e.when,
            e.actor,
            KINDS.get(e.kind, e.kind),
            e.year,
            e.subject,
            e.id_number,
            e.what,
            e.label,
            e.old,
            e.new,
            e.why,
            "是" if e.amendment else "",
        ]
        for e in entries
    ]


def write_change_log(
    entries: Sequence[Entry], path: str | Path, *, village: str, year: int
) -> Path:
    """Write `entries` (as the log shows them, newest first) to `path` (temp name, then renamed);
    the title names the village and the coverage year in force."""
    rows = change_rows(entries)
    widths = [
        min(w, cap)
        for w, cap in zip(
            column_widths(HEADERS, rows, max(PRINT_WIDTHS)), PRINT_WIDTHS, strict=True
        )
    ]
    wb = Workbook(write_only=True)
    try:
        ws = wb.create_sheet(SHEET)
        for i, width in enumerate(widths, 1):
            ws.column_dimensions[get_column_letter(i)].width = width
        ws.column_dimensions[get_column_letter(_ID_COLUMN + 1)].number_format = TEXT_FORMAT
        print_a4_landscape(ws, title_rows="1:2")
        ws.freeze_panes = "A3"
        ws.row_dimensions[1].height = 24
        day = date.today()
        title = (
            f"{village} 变更记录（当前参保年度 {year}年度，"
            f"共 {len(rows)} 条，制表日期 {day.isoformat()}）"
        )
        ws.append([styled(ws, title, font=TITLE_FONT)])
        ws.append(
            [
                styled(ws, h, font=HEADER_FONT, fill=HEADER_FILL, border=BOX, alignment=CENTER)
                for h in HEADERS
            ]
        )
        for number, (row, entry) in enumerate(zip(rows, entries, strict=True), 3):
            fill = _AMENDMENT_FILL if entry.amendment else None
            lines = max(wrapped_lines(v, w) for v, w in zip(row, widths, strict=True))
            if lines > 1:
                ws.row_dimensions[number].height = LINE_HEIGHT * lines + 4
            cells = []
            for i, value in enumerate(row):
                if isinstance(value, str):
                    value = legal(value)
                if i == _ID_COLUMN and value:
                    cell = text_cell(ws, value)
                elif formula_like(value):
                    cell = as_text(ws, value)
                else:
                    cell = styled(ws, value)
                cell.border = BOX
                cell.alignment = _WRAP
                if fill:
                    cell.fill = fill
                cells.append(cell)
            ws.append(cells)
        with atomic_path(path) as tmp:
            save_workbook(wb, tmp, day)
    except BaseException:
        for sheet in wb.worksheets:
            if not sheet.closed:
                sheet.close()
        raise
    return Path(path)
