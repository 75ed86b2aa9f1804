"""Builders for the files import tests read: xlsx (openpyxl), xls (xlwt), CSV in any encoding."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import openpyxl

from enrollagent.core.ids import check_char


def make_id(n: int, birth: str = "19800101", area: str = "411725") -> str:
    """A valid 18-digit ID; n picks the sequence (odd = male)."""
    body = f"{area}{birth}{n % 1000:03d}"
    return body + check_char(body)


def make_id15(n: int, birth: str = "600828", area: str = "411725") -> str:
    """A legacy 15-digit ID (YYMMDD)."""
    return f"{area}{birth}{n % 1000:03d}"


def write_xlsx(path: Path, rows: list[list[object]], *, merge: list[str] = (), sheet: str = "Sheet1",
               extra_sheets: dict[str, list[list[object]]] | None = None) -> Path:
    """Rows as given (str stays text, float/int become number cells); `merge` like ["A1:H1"]."""
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = sheet
    for r, row in enumerate(rows, 1):
        for c, value in enumerate(row, 1):
            if value is not None and value != "":
                ws.cell(row=r, column=c, value=value)
    for rng in merge:
        ws.merge_cells(rng)
    for name, more in (extra_sheets or {}).items():
        other = wb.create_sheet(name)
        for row in more:
            other.append(row)
    wb.save(path)
    return path


def write_xls(path: Path, rows: list[list[object]]) -> Path:
    import xlwt

    wb = xlwt.Workbook(encoding="utf-8")
    ws = wb.add_sheet("Sheet1")
    for r, row in enumerate(rows):
        for c, value in enumerate(row):
            if value is not None and value != "":
                ws.write(r, c, value)
    wb.save(str(path))
    return path


def write_csv(path: Path, rows: list[list[object]], *, encoding: str = "utf-8", delimiter: str = ",") -> Path:
    buf = io.StringIO()
    csv.writer(buf, delimiter=delimiter, lineterminator="\r\n").writerows(rows)
    path.write_bytes(buf.getvalue().encode(encoding))
    return path
