"""A workbook zip from a stranger, checked before calamine sees it: sizes, and the sheets' extent."""

from __future__ import annotations

import io
import re
import zipfile
import zlib

from ..errors import EnrollError
from ..zips import TooLong, read_bounded

MAX_MEMBER_BYTES = 64 * 1024 * 1024  # unpacked, per member: a 6,000-person roll's sheet is ~3 MB
MAX_TOTAL_BYTES = 160 * 1024 * 1024  # unpacked, all members
MAX_MEMBERS = 2_000
MAX_ROWS = 200_000  # a county's tax export is a few tens of thousands of rows
MAX_CELLS = 5_000_000  # rows × columns: calamine holds a sheet as one dense block (~64 B a cell)

# Where a sheet, a row or a cell says it is: <dimension ref="A1:XFD1048576">, <row r="7">,
# <c r="AB7"> (two plain patterns: one with alternatives took half the time of reading the file).
_DIMENSION = re.compile(rb'<(?:\w+:)?dimension ref="(?:[A-Z]+\d+:)?([A-Z]+)(\d+)"')
_ROW_NUMBER = re.compile(rb' r="[A-Z]*(\d+)"')
_COLUMN = re.compile(rb' r="([A-Z]+)\d')
_SHEET = re.compile(rb'<(?:\w+:)?sheet\b[^>]*?\bname="([^"]*)"[^>]*?\br:id="([^"]*)"')
_REL = re.compile(rb'<Relationship\b[^>]*?\bId="([^"]*)"[^>]*?\bTarget="([^"]*)"')
_REL_REVERSED = re.compile(rb'<Relationship\b[^>]*?\bTarget="([^"]*)"[^>]*?\bId="([^"]*)"')


def column_number(letters: bytes) -> int:
    """'A' → 1, 'XFD' → 16384."""
    n = 0
    for ch in letters:
        n = n * 26 + ch - 64
    return n


def extent(xml: bytes) -> tuple[int, int]:
    """(rows, columns) a worksheet's XML reaches, by its dimension and by every row and cell."""
    # A row's number comes again in each of its cells: each distinct one is read once.
    rows = max(map(int, set(_ROW_NUMBER.findall(xml))), default=0)
    cols = max(map(column_number, set(_COLUMN.findall(xml))), default=0)
    dimension = _dimension(xml)
    if dimension:
        rows = max(rows, int(dimension.group(2)))
        cols = max(cols, column_number(dimension.group(1)))
    return rows, cols


def _dimension(xml: bytes) -> re.Match[bytes] | None:
    """The first <dimension ref=…>, as _DIMENSION.search finds it: found by its literal text
    first, since a regex starting at every '<' of a 50 MB sheet without one took a tenth of a
    second."""
    at = xml.find(b'dimension ref="')
    while at >= 0:
        match = _DIMENSION.match(xml, xml.rfind(b"<", 0, at))
        if match:
            return match
        at = xml.find(b'dimension ref="', at + 1)
    return None


def check_extent(file_name: str, sheet: str, rows: int, cols: int) -> None:
    """Refuse a sheet past any real roll before it is read: calamine would allocate it whole."""
    if rows > MAX_ROWS or rows * max(cols, 1) > MAX_CELLS:
        raise EnrollError(
            "import_sheet_too_big",
            path=file_name,
            sheet=sheet,
            rows=rows,
            cols=cols,
            max_rows=MAX_ROWS,
        )


def _too_big(file_name: str, member: str) -> EnrollError:
    return EnrollError(
        "import_unpacks_too_big",
        path=file_name,
        member=member,
        limit=MAX_MEMBER_BYTES // (1024 * 1024),
    )


def _sheet_names(members: dict[str, bytes]) -> dict[str, str]:
    """worksheet member → the sheet's name, from the workbook and its relationships."""
    rels = members.get("xl/_rels/workbook.xml.rels", b"")
    target = {i: t for i, t in _REL.findall(rels)}
    target.update({i: t for t, i in _REL_REVERSED.findall(rels)})
    out = {}
    for name, rid in _SHEET.findall(members.get("xl/workbook.xml", b"")):
        path = target.get(rid, b"").decode("utf-8", "replace").lstrip("/")
        path = path if path.startswith("xl/") else "xl/" + path
        out[path] = name.decode("utf-8", "replace")
    return out


def checked_zip(file_name: str, data: bytes) -> bytes:
    """The workbook's members, each unpacked within its cap and its sheets' extent checked,
    packed again unzipped: calamine reads exactly the bytes checked here, whatever the zip's
    headers claim. Raises EnrollError; a zip zipfile cannot read is left to calamine's error."""
    try:
        zf = zipfile.ZipFile(io.BytesIO(data))
    except (
        zipfile.BadZipFile,
        EOFError,
        ValueError,
        NotImplementedError,
    ):  # an unknown zip version
        return data
    with zf:
        infos = zf.infolist()
        if len(infos) > MAX_MEMBERS:
            raise _too_big(file_name, f"{len(infos)} 个文件")
        for info in infos:
            if info.file_size > MAX_MEMBER_BYTES:
                raise _too_big(file_name, info.filename)
        if sum(i.file_size for i in infos) > MAX_TOTAL_BYTES:
            raise _too_big(file_name, "全部内容")
        try:
            members = {
                # Folders hold nothing; a nameless member (a damaged header) nothing anyone can
                # name: both are left out of the workbook read.
                i.filename: read_bounded(zf, i, MAX_MEMBER_BYTES)
                for i in infos
                if i.filename and not i.filename.endswith("/")
            }
        except TooLong as e:
            raise _too_big(file_name, str(e.args[0])) from None
        except (zipfile.BadZipFile, zlib.error, EOFError, ValueError) as e:
            # zipfile stops at the size a member claims; a member that holds more fails its CRC;
            # a damaged header points before the file (ValueError) or to an unknown method.
            raise EnrollError(
                "import_not_spreadsheet", path=file_name, detail=f"压缩数据已损坏（{e}）"
            ) from None
        except (NotImplementedError, RuntimeError) as e:  # an unknown method, an encrypted member
            raise EnrollError(
                "import_not_spreadsheet", path=file_name, detail=str(e) or type(e).__name__
            ) from None
    names = _sheet_names(members)
    for member, xml in members.items():
        if member.startswith("xl/worksheets/") and member.endswith(".xml"):
            check_extent(file_name, names.get(member, member), *extent(xml))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", compression=zipfile.ZIP_STORED) as packed:
        for member, content in members.items():
            packed.writestr(member, content)
    return out.getvalue()
