"""Text from strangers made safe to keep and to print: control and invisible format characters."""

from __future__ import annotations

import re

# C0 and C1 controls, zero-width and bidi-override characters, the BOM, noncharacters: invisible
# in a name, refused by openpyxl (C0) or by reportlab's paragraph parser.
CONTROL = re.compile(
    "[\x00-\x1f\x7f-\x9f\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff\ufff9-\ufffb"
    "\ufffe\uffff]"
)
_LINE = re.compile("[\t\n\r\x0b\x0c]+")
MAX_TEXT = 200  # characters in any text field read from a file (an address is the longest)
MAX_NAME = 50  # characters in a name (the longest transliterated names run to about 20)


def clean_text(s: str, limit: int = MAX_TEXT) -> str:
    """`s` with line breaks and tabs as one space, other control characters dropped, cut to
    `limit` characters; the common case (printable, short) is returned as it is."""
    if not s.isprintable():
        s = CONTROL.sub("", _LINE.sub(" ", s))
    return s[:limit] if len(s) > limit else s
