"""Exports that are the same bytes twice: what a file says of time is the day printed on it,
never the clock's seconds, so a hash printed on paper and the file it names prove each other."""

from __future__ import annotations

import calendar
import shutil
import time
import zipfile
from datetime import date, datetime
from pathlib import Path

from openpyxl import Workbook
from openpyxl.writer.excel import ExcelWriter
from reportlab.lib.utils import TimeStamp
from reportlab.pdfgen import canvas


class DatedZipFile(zipfile.ZipFile):
    """A zip whose entries are all dated midnight of `day`: zipfile dates an entry written by
    name with the clock, and openpyxl's streamed sheets with their temp file's mtime."""

    def __init__(
        self, file: str | Path, *, day: date, compression: int, allowZip64: bool = True
    ) -> None:
        super().__init__(file, "w", compression=compression, allowZip64=allowZip64)
        self._date_time = (day.year, day.month, day.day, 0, 0, 0)

    def _entry(self, name: str) -> zipfile.ZipInfo:
        info = zipfile.ZipInfo(name, self._date_time)
        info.compress_type = self.compression
        info.external_attr = 0o600 << 16  # what writestr gives a file entry
        return info

    def writestr(  # type: ignore[override]  # same call, every name dated
        self,
        zinfo_or_arcname: str | zipfile.ZipInfo,
        data: bytes | str,
        compress_type: int | None = None,
        compresslevel: int | None = None,
    ) -> None:
        if not isinstance(zinfo_or_arcname, zipfile.ZipInfo):
            zinfo_or_arcname = self._entry(zinfo_or_arcname)
        super().writestr(zinfo_or_arcname, data, compress_type, compresslevel)

    def write(  # type: ignore[override]  # openpyxl's call: a file and its name in the zip
        self,
        filename: str | Path,
        arcname: str | None = None,
        compress_type: int | None = None,
        compresslevel: int | None = None,
    ) -> None:
        entry = self._entry(arcname or Path(filename).name)
        with open(filename, "rb") as src, self.open(entry, "w") as dst:
            shutil.copyfileobj(src, dst, 1 << 20)


def save_workbook(wb: Workbook, path: str | Path, day: date) -> None:
    """Save `wb` as openpyxl would, but created and modified on `day` (openpyxl stamps the
    clock's seconds into docProps/core.xml) and with every zip entry dated that day."""
    wb.properties.created = wb.properties.modified = datetime(day.year, day.month, day.day)
    if not wb.worksheets:
        wb.create_sheet()
    archive = DatedZipFile(path, day=day, compression=zipfile.ZIP_DEFLATED)
    ExcelWriter(wb, archive).save()  # closes the archive


def date_pdf(canv: canvas.Canvas, day: date) -> None:
    """Give the PDF of `canv` the creation date `day` (midnight UTC). Call it on a canvas made
    with invariant=1, whose file id no longer hangs on the clock."""
    stamp = TimeStamp(invariant=True)
    stamp.t = calendar.timegm(day.timetuple())
    stamp.lt = time.gmtime(stamp.t)
    stamp.YMDhms = tuple(stamp.lt)[:6]
    canv._doc._timeStamp = stamp  # type: ignore[attr-defined]  # reportlab's; no setter exists
