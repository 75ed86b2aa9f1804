"""Resident ID numbers (GB 11643-1999): normalise, validate, upgrade 15→18, derive, mask."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from datetime import date
from operator import mul

WEIGHTS = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)
CHECK_CHARS = "10X98765432"

# Province-level division codes (first two digits); 83 is used for HK/Macau/Taiwan residence permits.
PROVINCES = frozenset(
    [
        "11",
        "12",
        "13",
        "14",
        "15",
        "21",
        "22",
        "23",
        "31",
        "32",
        "33",
        "34",
        "35",
        "36",
        "37",
        "41",
        "42",
        "43",
        "44",
        "45",
        "46",
        "50",
        "51",
        "52",
        "53",
        "54",
        "61",
        "62",
        "63",
        "64",
        "65",
        "71",
        "81",
        "82",
        "83",
    ]
)

# Spaces, zero-width characters, BOM, dashes, Excel's text prefix and quotes are noise in an ID.
_NOISE = re.compile(r"[\s\u00a0\u200b-\u200d\ufeff\-'’‘\"“”]")

MASKS = {
    "front6back4": (6, 4),
    "front2back3": (2, 3),
    "front3back4": (3, 4),
}
DEFAULT_MASK = "front6back4"


@dataclass(frozen=True)
class IdCheck:
    """The outcome of checking one ID as typed or read from a file."""

    raw: str
    normalized: str
    valid: bool
    problem: str | None = None  # a code of enrollagent.core.messages, None when valid
    upgraded: bool = False  # a 15-digit number was upgraded to 18
    birth_date: date | None = None
    sex: str | None = None  # "男" / "女"
    suggestion: str | None = None  # for 17 digits: the whole ID with its check character


def check_char(body17: str) -> str:
    if len(body17) != len(WEIGHTS):
        raise ValueError(f"an ID body has 17 digits, not {len(body17)}")
    # map, not a generator: called for every ID of a 55,000-row file.
    return CHECK_CHARS[sum(map(mul, map(int, body17), WEIGHTS)) % 11]


def normalize(raw: object) -> str:
    """Strip noise, NFKC full-width → ASCII, ×/Cyrillic Х → X, upper-case."""
    s = unicodedata.normalize("NFKC", str(raw))
    s = _NOISE.sub("", s)
    return s.replace("×", "X").replace("Х", "X").replace("х", "X").upper()


def upgrade15(s15: str) -> str:
    body = s15[:6] + "19" + s15[6:]
    return body + check_char(body)


def _birth(s18: str) -> date | None:
    try:
        return date(int(s18[6:10]), int(s18[10:12]), int(s18[12:14]))
    except ValueError:
        return None


def check(raw: object, *, today: date | None = None) -> IdCheck:
    """Check an ID; `today` is the day of entry or import (future births are judged against it)."""
    today = today or date.today()
    text = "" if raw is None else str(raw)
    s = normalize(text)
    if not s:
        return IdCheck(text, s, False, "id_empty")
    upgraded = False
    if len(s) == 15 and s.isdigit():
        s, upgraded = upgrade15(s), True
    if len(s) == 17 and s.isdigit():
        return IdCheck(text, s, False, "id_missing_check", suggestion=s + check_char(s))
    if len(s) != 18:
        return IdCheck(text, s, False, "id_length")
    if not (s[:17].isdigit() and (s[17].isdigit() or s[17] == "X")):
        return IdCheck(text, s, False, "id_chars")
    if s[:2] not in PROVINCES:
        return IdCheck(text, s, False, "id_region")
    born = _birth(s)
    if born is None or born.year < 1890:
        return IdCheck(text, s, False, "id_date")
    if born > today:
        return IdCheck(text, s, False, "id_future")
    if check_char(s[:17]) != s[17]:
        return IdCheck(text, s, False, "id_checksum")
    sex = "男" if int(s[16]) % 2 else "女"
    return IdCheck(text, s, True, None, upgraded, born, sex)


def check_cell(value: object, *, today: date | None = None) -> IdCheck:
    """Check an ID as a spreadsheet gave it: a number cell of 16+ digits is never trusted."""
    if isinstance(value, bool):
        value = str(value)
    if isinstance(value, float):
        if value.is_integer() and abs(value) < 1e15:
            value = str(int(value))  # ≤ 15 digits are exact in a double: a legacy 15-digit ID
        else:
            text = repr(value)
            return IdCheck(text, normalize(text), False, "id_number_cell")
    if isinstance(value, int) and len(str(abs(value))) >= 16:
        text = str(value)
        return IdCheck(text, text, False, "id_number_cell")
    if isinstance(value, str) and re.fullmatch(r"\s*\d(\.\d+)?[eE]\+?\d+\s*", value):
        return IdCheck(value, normalize(value), False, "id_number_cell")
    return check(value, today=today)


def age_at(birth: date, when: date) -> int:
    return when.year - birth.year - ((when.month, when.day) < (birth.month, birth.day))


def mask(id_number: str, preset: str = DEFAULT_MASK) -> str:
    """Mask an ID for a public list; never returns more digits than the preset shows."""
    front, back = MASKS[preset]
    n = len(id_number)
    if n <= front + back:
        return "*" * n
    return id_number[:front] + "*" * (n - front - back) + id_number[n - back :]


_LANDLINE = re.compile(r"0\d{2,3}\d{7,8}")


def normalize_phone(raw: object) -> tuple[str, bool]:
    """Return (phone, ok): mobiles are 11 digits starting with 1; landlines keep one dash."""
    s = unicodedata.normalize("NFKC", "" if raw is None else str(raw)).strip()
    if s.endswith(".0") and s[:-2].isdigit():
        s = s[:-2]  # a phone that Excel turned into a number
    digits = re.sub(r"[\s\-()（）]", "", s)
    if re.fullmatch(r"1\d{10}", digits):
        return digits, True
    if _LANDLINE.fullmatch(digits):
        area = (
            3
            if digits[:3] in {"010", "020", "021", "022", "023", "024", "025", "027", "028", "029"}
            else 4
        )
        return f"{digits[:area]}-{digits[area:]}", True
    return s, not s
