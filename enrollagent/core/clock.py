"""The clock and the identities of new rows: UTC timestamps and random uuids."""

from __future__ import annotations

import os
from datetime import UTC, datetime


def now_utc() -> str:
    return datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def local_time(utc_iso: str) -> str:
    """A stored UTC timestamp as a person reads it: local time to the minute."""
    try:
        return (
            datetime.fromisoformat(utc_iso.replace("Z", "+00:00"))
            .astimezone()
            .strftime("%Y-%m-%d %H:%M")
        )
    except (ValueError, AttributeError):
        return utc_iso or ""


def new_uuid() -> str:
    """A random (version 4) UUID as text, without building a UUID object: a 55,000-row payment
    file needs one per row."""
    b = bytearray(os.urandom(16))
    b[6] = b[6] & 0x0F | 0x40
    b[8] = b[8] & 0x3F | 0x80
    h = b.hex()
    return f"{h[:8]}-{h[8:12]}-{h[12:16]}-{h[16:20]}-{h[20:]}"
