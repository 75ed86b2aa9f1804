"""Issue 14: hostile files built in the test, each small on disk and ruinous to read naively."""

from __future__ import annotations

import struct
import zipfile
from pathlib import Path

import openpyxl

from .imports_helpers import make_id

ROLL = [["姓名", "身份证号码"], ["张三", make_id(1)]]


def far_cell_xlsx(path: Path, *, dimension: bool = True) -> Path:
    """One cell at XFD1048576 (a 4.7 KB file; calamine would ask for 512 GiB and abort)."""
    wb = openpyxl.Workbook()
    ws = wb.active
    for row in ROLL:
        ws.append(row)
    ws["XFD1048576"] = "x"
    wb.save(path)
    if not dimension:
        _rewrite(path, "xl/worksheets/sheet1.xml", lambda xml: _drop_dimension(xml))
    return path


def _drop_dimension(xml: bytes) -> bytes:
    start = xml.index(b"<dimension")
    return xml[:start] + xml[xml.index(b"/>", start) + 2 :]


def _rewrite(path: Path, member: str, change) -> None:
    with zipfile.ZipFile(path) as zf:
        members = {i.filename: zf.read(i) for i in zf.infolist()}
    members[member] = change(members[member])
    with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED) as zf:
        for name, content in members.items():
            zf.writestr(name, content)


def tall_xlsx(path: Path, rows: int) -> Path:
    """A sheet whose last row is past the row cap (a 5 KB file)."""
    wb = openpyxl.Workbook()
    ws = wb.active
    for row in ROLL:
        ws.append(row)
    ws.cell(row=rows, column=1, value="x")
    wb.save(path)
    return path


def bomb_xlsx(path: Path, size: int = 80 * 1024 * 1024) -> Path:
    """A roll with a member of zeros that unpacks past the cap (~80 KB on disk)."""
    wb = openpyxl.Workbook()
    for row in ROLL:
        wb.active.append(row)
    wb.save(path)
    block = bytes(1024 * 1024)
    with (
        zipfile.ZipFile(path, "a", compression=zipfile.ZIP_DEFLATED) as zf,
        zf.open("xl/media/image1.png", "w", force_zip64=True) as f,
    ):
        for _ in range(size // len(block)):
            f.write(block)
    return path


def lying_zip(path: Path, member: str, content: bytes, *, claimed: int, **extra: bytes) -> Path:
    """A zip whose `member` says it unpacks to `claimed` bytes but holds `content`."""
    with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED) as zf:
        for name, data in extra.items():
            zf.writestr(name.replace("__", "/"), data)
        zf.writestr(member, content)
    return claim_size(path, member, claimed)


def claim_size(path: Path, member: str, claimed: int) -> Path:
    """Patch the size `member` claims in its local header and in the central directory."""
    data = bytearray(path.read_bytes())
    name = member.encode()
    for signature, offset in ((b"PK\x03\x04", 22), (b"PK\x01\x02", 24)):
        at = data.index(signature)
        while data[at + (30 if signature == b"PK\x03\x04" else 46) :][: len(name)] != name:
            at = data.index(signature, at + 4)
        struct.pack_into("<I", data, at + offset, claimed)
    path.write_bytes(bytes(data))
    return path


def lying_xlsx(path: Path) -> Path:
    """A real roll whose sheet claims 200 bytes and unpacks to 20 MB."""
    wb = openpyxl.Workbook()
    for row in ROLL:
        wb.active.append(row)
    wb.save(path)
    with zipfile.ZipFile(path) as zf:
        members = {i.filename: zf.read(i) for i in zf.infolist()}
    sheet = members.pop("xl/worksheets/sheet1.xml")
    padded = sheet.replace(b"</worksheet>", b" " * (20 * 1024 * 1024) + b"</worksheet>")
    extra = {k.replace("/", "__"): v for k, v in members.items()}
    return lying_zip(path, "xl/worksheets/sheet1.xml", padded, claimed=200, **extra)


def long_field_csv(path: Path) -> Path:
    """A field of 140,000 characters on row 3 (past csv.field_size_limit)."""
    text = f"姓名,身份证号码\r\n张三,{make_id(1)}\r\n李四,{'长' * 140_000}\r\n"
    path.write_bytes(text.encode("utf-8"))
    return path


def nameless_member_xlsx(path: Path) -> Path:
    """A real roll with one more member whose name is empty, as a damaged header reads
    (zipfile's own is_dir() raised IndexError on it)."""
    wb = openpyxl.Workbook()
    for row in ROLL:
        wb.active.append(row)
    wb.save(path)
    with zipfile.ZipFile(path, "a") as zf:
        zf.writestr(zipfile.ZipInfo(""), b"damaged")
    return path


def shift_directory(path: Path, by: int = 100_000) -> Path:
    """The zip's end record puts the central directory `by` bytes further than it is: every
    member's header then lies before the start of the file (zipfile: a negative seek)."""
    data = bytearray(path.read_bytes())
    end = data.rindex(b"PK\x05\x06")
    (offset,) = struct.unpack_from("<I", data, end + 16)
    struct.pack_into("<I", data, end + 16, offset + by)
    path.write_bytes(bytes(data))
    return path


def shifted_directory_xlsx(path: Path) -> Path:
    """A real roll whose members' headers lie before the start of the file."""
    wb = openpyxl.Workbook()
    for row in ROLL:
        wb.active.append(row)
    wb.save(path)
    return shift_directory(path)


HOSTILE = {
    "far_cell.xlsx": far_cell_xlsx,
    "far_cell_no_dimension.xlsx": lambda p: far_cell_xlsx(p, dimension=False),
    "tall.xlsx": lambda p: tall_xlsx(p, 250_000),
    "bomb.xlsx": bomb_xlsx,
    "lying.xlsx": lying_xlsx,
    "long_field.csv": long_field_csv,
    "shifted_directory.xlsx": shifted_directory_xlsx,
}


def lying_package(pkg: Path, member: str, extra: int = 300 * 1024 * 1024) -> Path:
    """A signed package whose `member` claims its real size but unpacks `extra` zeros more
    (zf.read() inflated such a member up to 2 GB)."""
    with zipfile.ZipFile(pkg) as zf:
        members = {i.filename: zf.read(i) for i in zf.infolist()}
    block = bytes(1024 * 1024)
    with zipfile.ZipFile(pkg, "w", compression=zipfile.ZIP_DEFLATED) as zf:
        for name, content in members.items():
            if name != member:
                zf.writestr(name, content)
                continue
            with zf.open(name, "w", force_zip64=True) as f:
                f.write(content)
                for _ in range(extra // len(block)):
                    f.write(block)
    return claim_size(pkg, member, len(members[member]))
