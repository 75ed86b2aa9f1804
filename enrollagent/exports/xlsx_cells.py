"""Cells of the workbooks we write (the roll, the change log): styles, text that must stay text,
widths that fit Chinese."""

from __future__ import annotations

import unicodedata
from typing import TypeGuard

from openpyxl.cell import WriteOnlyCell
from openpyxl.cell.cell import ERROR_CODES, Cell
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.worksheet._write_only import WriteOnlyWorksheet

# A spreadsheet runs text starting with these as a formula (or a DDE call) when it is retyped.
FORMULA_STARTS = ("=", "+", "-", "@")

THIN = Side(style="thin")
BOX = Border(left=THIN, right=THIN, top=THIN, bottom=THIN)
TITLE_FONT = Font(bold=True, size=14)
HEADER_FONT = Font(bold=True)
HEADER_FILL = PatternFill("solid", fgColor="DDDDDD")
CENTER = Alignment(horizontal="center", vertical="center", wrap_text=True)


def as_text(ws: WriteOnlyWorksheet, value: str) -> Cell:
    """A cell that holds `value` as text even though it looks like a formula or an error code."""
    cell = WriteOnlyCell(ws, value)
    cell.data_type = "s"
    cell.quotePrefix = True  # what Excel sets for a typed '=…: it stays text when edited
    return cell


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
    cell = WriteOnlyCell(ws, value)
    if font:
        cell.font = font
    if fill:
        cell.fill = fill
    if border:
        cell.border = border
    if alignment:
        cell.alignment = alignment
    return cell
