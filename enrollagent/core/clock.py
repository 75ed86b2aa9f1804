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
    """A random (version 4) UUID as text."""
    return new_uuids(1)[0]


# The version (4) and variant bits of a UUID, set on every byte at once by bytes.translate.
_VERSION = bytes(b & 0x0F | 0x40 for b in range(256))
_VARIANT = bytes(b & 0x3F | 0x80 for b in range(256))


def new_uuids(n: int) -> list[str]:
    """`n` random (version 4) UUIDs as text from one read of the OS's randomness, without
    building UUID objects: a 55,000-row payment file needs one per row."""
    raw = bytearray(os.urandom(16 * n))
    raw[6::16] = raw[6::16].translate(_VERSION)
    raw[8::16] = raw[8::16].translate(_VARIANT)
    h = raw.hex()
    return [
        f"{h[i : i + 8]}-{h[i + 8 : i + 12]}-{h[i + 12 : i + 16]}-{h[i + 16 : i + 20]}-{h[i + 20 : i + 32]}"
        for i in range(0, 32 * n, 32)
    ]
