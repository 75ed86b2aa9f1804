"""Cells of the workbooks we write (the roll, the change log): styles, text that must stay text,
widths that fit Chinese."""

from __future__ import annotations

import unicodedata
from collections.abc import Iterator
from math import ceil
from typing import Any, TypeGuard

from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.cell.cell import ERROR_CODES, ILLEGAL_CHARACTERS_RE, Cell
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.worksheet._write_only import WriteOnlyWorksheet
from openpyxl.worksheet.properties import PageSetupProperties
from openpyxl.worksheet.worksheet import Worksheet

# A spreadsheet runs text starting with these as a formula (or a DDE call) when it is retyped.
FORMULA_STARTS = ("=", "+", "-", "@")

THIN = Side(style="thin")
BOX = Border(left=THIN, right=THIN, top=THIN, bottom=THIN)
TITLE_FONT = Font(bold=True, size=14)
HEADER_FONT = Font(bold=True)
HEADER_FILL = PatternFill("solid", fgColor="DDDDDD")
CENTER = Alignment(horizontal="center", vertical="center", wrap_text=True)
WRAP = Alignment(vertical="center", wrap_text=True)
LINE_HEIGHT = 15  # points: a line of the sheets' 11-point text
TEXT_FORMAT = "@"  # Excel's and WPS's "text": what is typed into the cell later stays text too


def legal(value: str) -> str:
    """The text without the control characters a worksheet cannot hold (openpyxl refuses them;
    a name stored with one still goes out)."""
    return ILLEGAL_CHARACTERS_RE.sub("", value) if ILLEGAL_CHARACTERS_RE.search(value) else value


def as_text(ws: WriteOnlyWorksheet, value: str) -> Cell:
    """A cell that holds `value` as text even though it looks like a formula or an error code."""
    cell = WriteOnlyCell(ws, legal(value))
    cell.data_type = "s"
    cell.quotePrefix = True  # what Excel sets for a typed '=…: it stays text when edited
    return cell


def text_cell(ws: WriteOnlyWorksheet, value: str) -> Cell:
    """A cell of an ID, phone, 户号 or 票据号: text, in the text format, so a value retyped
    later is not turned into a number (an 18-digit ID loses its last digits as one)."""
    cell = as_text(ws, value) if formula_like(value) else WriteOnlyCell(ws, legal(value))
    cell.number_format = TEXT_FORMAT
    return cell


class CellSheet(WriteOnlyWorksheet):
    """A write-only sheet that takes ready-made cells (TextCells') as they come. openpyxl's own
    way with them (a ValueError raised and caught, a new cell made after each) took a tenth of a
    55,000-person roll's time; should openpyxl rename the method, its own way takes over."""

    def _values_to_row(self, values: list, row_idx: int) -> Iterator[Cell]:
        cell = WriteOnlyCell(self)  # reused for every plain value, as openpyxl does
        for col_idx, value in enumerate(values, 1):
            if value is None:
                continue
            if isinstance(value, Cell):
                value.column, value.row = col_idx, row_idx
                yield value
                continue
            cell.value = value
            cell.column, cell.row = col_idx, row_idx
            yield cell


def cell_sheet(wb: Workbook, title: str) -> Any:
    """A new CellSheet at the end of the write-only workbook `wb` (what create_sheet does).
    Typed Any as create_sheet is: a write-only sheet has Worksheet's print settings too, which
    openpyxl's stubs declare on Worksheet only."""
    ws = CellSheet(parent=wb, title=title)
    wb._add_sheet(ws)  # type: ignore[attr-defined]  # openpyxl's create_sheet does this
    return ws


class TextCells:
    """The text-format cells of one write-only sheet: one per column, reused row after row. A
    write-only sheet writes each row out as it is appended, and a new styled cell per value
    made a 55,000-person roll a fifth slower."""

    def __init__(self, ws: WriteOnlyWorksheet) -> None:
        self.ws = ws
        self._cells: dict[int, Cell] = {}

    def cell(self, column: int, value: str) -> Cell:
        if formula_like(value):
            return text_cell(self.ws, value)  # rare: a cell of its own
        cell = self._cells.get(column)
        if cell is None:
            cell = self._cells[column] = text_cell(self.ws, value)
        else:
            cell.value = value
        return cell

    def row(self, row: list, text_columns: frozenset[int]) -> list:
        """`row` ready for `ws.append`: text columns in the text format, text that looks like a
        formula kept as text, control characters dropped (openpyxl refuses them)."""
        out = list(row)
        for i, value in enumerate(out):
            if type(value) is not str or not value:
                continue
            value = legal(value)
            if i in text_columns:
                out[i] = self.cell(i, value)
            elif formula_like(value):
                out[i] = as_text(self.ws, value)
            else:
                out[i] = value
        return out


def formula_like(value: object) -> TypeGuard[str]:
    return (
        isinstance(value, str)
        and bool(value)
        and (value[0] in FORMULA_STARTS or value in ERROR_CODES)
    )


def column_widths(headers: list[str] | tuple[str, ...], rows: list[list], cap: int) -> list[float]:
    """Widths that fit the header and the data (capped: longer text wraps), so nothing is cut
    off on screen or on paper."""
    widths = [display_width(h) for h in headers]
    for col in range(len(headers)):
        for value in {row[col] for row in rows}:
            if value is not None:
                widths[col] = max(widths[col], display_width(str(value)))
    return [min(cap, w + 2) for w in widths]


def wrapped_lines(value: object, width: float) -> int:
    """How many lines `value` takes in a wrapping column `width` characters wide (1 when it
    fits): a row's height is set from it, as a spreadsheet does not grow a row on opening."""
    if value is None:
        return 1
    text = str(value)
    if 2 * len(text) <= width - 1:  # surely fits: no need to measure
        return 1
    return max(1, ceil(display_width(text) / (width - 1)))


def display_width(text: str) -> int:
    """Width in Excel's character units: a Chinese character takes two."""
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def styled(
    ws: WriteOnlyWorksheet,
    value: str | float | None,
    *,
    font: Font | None = None,
    fill: PatternFill | None = None,
    border: Border | None = None,
    alignment: Alignment | None = None,
) -> Cell:
    cell = WriteOnlyCell(ws, legal(value) if isinstance(value, str) else value)
    if font:
        cell.font = font
    if fill:
        cell.fill = fill
    if border:
        cell.border = border
    if alignment:
        cell.alignment = alignment
    return cell


def print_a4_landscape(ws: Any, *, title_rows: str) -> None:
    """A4 landscape, one page wide, `title_rows` repeated on every page, 第 x 页 共 n 页 below."""
    ws.page_setup.orientation = "landscape"
    ws.page_setup.paperSize = Worksheet.PAPERSIZE_A4
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    ws.sheet_properties.pageSetUpPr = PageSetupProperties(fitToPage=True)
    ws.page_margins.left = ws.page_margins.right = 0.4
    ws.print_title_rows = title_rows
    ws.print_options.horizontalCentered = True
    ws.oddFooter.center.text = "第 &P 页 共 &N 页"
