"""Reading a stranger's zip member without trusting what it says of itself (a workbook, a package).
A leaf: imports nothing of the package."""

from __future__ import annotations

import zipfile

CHUNK = 1024 * 1024


class TooLong(zipfile.BadZipFile):
    """A member that unpacks to more than it claims, or than the cap; args[0] is its name."""


def read_bounded(zf: zipfile.ZipFile, info: zipfile.ZipInfo, cap: int) -> bytes:
    """The member read in 1 MB chunks up to its claimed size and the cap: zf.read() inflates a
    whole member's compressed data in one call, up to 2 GB however little the member claims."""
    limit = min(info.file_size, cap)
    out = bytearray()
    with zf.open(info) as f:
        while chunk := f.read(CHUNK):
            out += chunk
            if len(out) > limit:
                raise TooLong(info.filename)
    return bytes(out)
