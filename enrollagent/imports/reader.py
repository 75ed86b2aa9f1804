"""Reading a file people send into rows of cells: .xlsx/.xls/.ods via calamine, CSV/TSV text."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator
from dataclasses import dataclass
from itertools import islice
from pathlib import Path
from typing import cast

import python_calamine as calamine

from ..errors import EnrollError
from .zipcheck import MAX_ROWS, check_extent, checked_zip

_ZIP = b"PK\x03\x04"
_OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # .xls (BIFF in an OLE container), also old .doc


@dataclass
class Sheet:
    """One sheet: `rows[i]` is row `i + 1` of the file as the user sees it in Excel."""

    name: str
    rows: list[list[object]]
    hidden: bool = (
        False  # hidden in Excel/WPS: last year's copy or a lookup list, not what the user sees
    )


def read_file(path: Path) -> bytes:
    """The bytes of a file to import; raises EnrollError."""
    try:
        return path.read_bytes()
    except FileNotFoundError:
        raise EnrollError("import_file_missing", path=str(path)) from None
    except IsADirectoryError:
        raise EnrollError(
            "import_not_spreadsheet", path=str(path), detail="这是一个文件夹"
        ) from None
    except OSError as e:
        raise EnrollError(
            "import_not_spreadsheet", path=str(path), detail=e.strerror or str(e)
        ) from None


def read_sheets(path: str | Path, data: bytes | None = None) -> list[Sheet]:
    """All worksheets of a workbook, or the one table of a text file; raises EnrollError.
    `data`: the file's bytes, when the caller has read them already (read_file)."""
    path = Path(path)
    if data is None:
        data = read_file(path)
    if not data.strip():
        raise EnrollError("import_empty", path=path.name)
    # Decide by content, not by name: systems export CSV as .xls and agents rename files.
    if data.startswith((_ZIP, _OLE)):
        sheets = _read_workbook(path, data)
    else:
        sheets = [Sheet(path.stem, _read_text(path, data))]
    if not any(any(_filled(c) for c in row) for s in sheets for row in s.rows):
        raise EnrollError("import_empty", path=path.name)
    return sheets


def _filled(cell: object) -> bool:
    return not (cell is None or (isinstance(cell, str) and not cell.strip()))


def _read_workbook(path: Path, data: bytes) -> list[Sheet]:
    if data.startswith(_ZIP):
        data = checked_zip(path.name, data)
    try:
        book = calamine.CalamineWorkbook.from_filelike(io.BytesIO(data))
        out = []
        for meta in book.sheets_metadata:
            if str(meta.typ).rsplit(".", 1)[-1] != "WorkSheet":
                continue
            sheet = book.get_sheet_by_name(meta.name)
            # An .xls is at most 65,536 × 256 cells: loaded, but not turned into Python objects.
            check_extent(path.name, meta.name, sheet.height, sheet.width)
            # skip_empty_area=False keeps row numbers as Excel shows them.
            # Cells are only ever read as objects, so the list of calamine's cell types is one.
            rows = cast(list[list[object]], sheet.to_python(skip_empty_area=False))
            _fill_merged(rows, sheet.merged_cell_ranges or [])
            out.append(Sheet(meta.name, rows, str(meta.visible).rsplit(".", 1)[-1] != "Visible"))
        return out
    except calamine.PasswordError:
        raise EnrollError("import_password", path=path.name) from None
    except (calamine.CalamineError, ValueError, TypeError) as e:
        raise EnrollError(
            "import_not_spreadsheet", path=path.name, detail=str(e) or type(e).__name__
        ) from None


def _fill_merged(rows: list[list[object]], ranges: list) -> None:
    """A merged cell's value belongs to every cell it covers (户号 and 户主 merged over a household)."""
    for (r1, c1), (r2, c2) in ranges:
        if r1 >= len(rows) or c1 >= len(rows[r1]):
            continue
        value = rows[r1][c1]
        for r in range(r1, min(r2, len(rows) - 1) + 1):
            row = rows[r]
            for c in range(c1, min(c2, len(row) - 1) + 1):
                if row[c] is None or row[c] == "":
                    row[c] = value


_SAMPLE_LINES = 30  # the lines the delimiter is guessed from
_BREAKS = "\n\r\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029"  # where str.splitlines breaks


def _text_encodings(data: bytes) -> tuple[str, ...]:
    """UTF-16 by its BOM; else UTF-8 (with or without BOM), then GB18030 (a superset of GBK): the
    encodings that occur here, tried in turn."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return ("utf-16",)
    return ("utf-8-sig", "gb18030")


def _read_text(path: Path, data: bytes) -> list[list[object]]:
    if b"\x00" in data[:4096] and not data.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise EnrollError("import_not_spreadsheet", path=path.name, detail="文件内容不是文字表格")
    # Decoded as it is read: a GBK file fails UTF-8 at its first Chinese character (the header),
    # so trying UTF-8 first costs nothing, and the text is never held whole beside its rows.
    for encoding in _text_encodings(data):
        try:
            return _read_rows(path, io.TextIOWrapper(io.BytesIO(data), encoding, newline=""))
        except UnicodeDecodeError:
            continue
    raise EnrollError("import_not_spreadsheet", path=path.name, detail="文字编码无法识别")


def _sample(stream: io.TextIOWrapper) -> str:
    """The first lines of the text, read only as far as they go."""
    text, breaks = "", 0
    while True:
        chunk = stream.read(1 << 16)
        text += chunk
        # Split only once enough line breaks may be there: one endless line stays linear.
        breaks += sum(map(chunk.count, _BREAKS))
        if chunk and breaks <= _SAMPLE_LINES:
            continue
        lines = text.splitlines()
        if not chunk or len(lines) > _SAMPLE_LINES:
            return "\n".join(lines[:_SAMPLE_LINES])


def _read_rows(path: Path, stream: io.TextIOWrapper) -> list[list[object]]:
    sample = _sample(stream)
    stream.seek(0)
    delimiter = max(",\t;|", key=sample.count)
    if not sample.count(delimiter):
        delimiter = ","
    reader = csv.reader(stream, delimiter=delimiter)
    rows: list[list[object]] = []  # text cells, read as objects like any cell
    try:
        # extend keeps the rows read before an error, which the message counts.
        rows.extend(cast(Iterator[list[object]], islice(reader, MAX_ROWS + 1)))
    except csv.Error:  # a field past csv.field_size_limit (a quote never closed, or junk)
        raise EnrollError(
            "import_field_too_long",
            path=path.name,
            row=len(rows) + 1,
            limit=csv.field_size_limit(),
        ) from None
    if len(rows) > MAX_ROWS:
        check_extent(path.name, path.stem, len(rows), len(rows[-1]))
    return rows
