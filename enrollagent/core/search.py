"""Find people the way an agent asks for them: a name, pinyin initials (张三 by "zs"), the last
digits of an ID read out at the door, a phone number or a 户号. Built once from the store and
searched in memory, so filtering as one types stays smooth at 55,000 people."""

from __future__ import annotations

import itertools
import re
import unicodedata
from dataclasses import dataclass

import sqlite_utils
from pypinyin import Style, pinyin

_DIGITS = re.compile(r"[0-9xX]+")
_LETTERS = re.compile(r"[a-z]+")


@dataclass(frozen=True)
class Entry:
    person_id: int
    household_id: int
    name: str
    id_number: str
    phones: str  # the person's and the household's, joined by a space
    hh_no: str
    initials: str  # the name's initials under each reading, joined by |: 曾小明 → "cxm|zxm"
    spelled: (
        str  # the name spelled out under each reading, joined by |: "cengxiaoming|zengxiaoming"
    )


class _Readings:
    """Pinyin of each character, looked up once: 55,000 names share a few thousand characters."""

    def __init__(self) -> None:
        self._initials: dict[str, frozenset[str]] = {}
        self._spelled: dict[str, frozenset[str]] = {}

    def of(self, char: str) -> tuple[frozenset[str], frozenset[str]]:
        if char not in self._spelled:
            # heteronym: 曾 is zeng or ceng, 单 is shan or dan — either initial should find the person.
            readings = pinyin(
                char,
                style=Style.NORMAL,
                heteronym=True,
                # pypinyin takes a callable returning a list here; its stubs say str.
                errors=lambda c: [c.lower()],  # type: ignore[arg-type,return-value]
            )[0]
            self._spelled[char] = frozenset(r.lower() for r in readings if r)
            self._initials[char] = frozenset(r[0] for r in self._spelled[char])
        return self._initials[char], self._spelled[char]


def fold(text: str) -> str:
    """Full-width digits and letters typed by a Chinese IME become ASCII; spaces go; lower case."""
    return re.sub(r"\s+", "", unicodedata.normalize("NFKC", text or "")).lower()


class PersonIndex:
    """Rebuild after the roster changes (a few hundred ms at 55,000 people); search is pure memory."""

    def __init__(self, entries: list[Entry]) -> None:
        self.entries = entries

    @classmethod
    def build(cls, db: sqlite_utils.Database) -> PersonIndex:
        readings = _Readings()
        entries = []
        for pid, hid, name, idn, phone, hh_phone, hh_no in db.execute(
            "SELECT p.id, p.household_id, p.name, p.id_number, p.phone, h.phone, h.hh_no"
            " FROM person p JOIN household h ON h.id = p.household_id ORDER BY p.id"
        ):
            chars = [readings.of(c) for c in fold(name)]
            entries.append(
                Entry(
                    person_id=pid,
                    household_id=hid,
                    name=name,
                    id_number=idn.lower(),
                    phones=f"{phone} {hh_phone}",
                    hh_no=fold(hh_no),
                    initials=_spellings([c[0] for c in chars]),
                    spelled=_spellings([c[1] for c in chars]),
                )
            )
        return cls(entries)

    def search(self, text: str, limit: int | None = None) -> list[int]:
        """Person ids, best match first; [] for an empty query (the caller shows everyone)."""
        q = fold(text)
        if not q:
            return []
        score = (
            _digits_score
            if _DIGITS.fullmatch(q)
            else _letters_score
            if _LETTERS.fullmatch(q)
            else _text_score
        )
        scored = sorted((sc, e.person_id) for e in self.entries if (sc := score(e, q)) is not None)
        ids = [pid for _sc, pid in scored]
        return ids if limit is None else ids[:limit]


# Scores: lower is better; None when the entry does not match. The kind of query is decided once
# per keystroke, not once per person.


def _digits_score(e: Entry, q: str) -> int | None:
    if e.id_number.endswith(q):
        return 1  # the tail of the ID is what people read out
    if e.hh_no == q:
        return 2
    if q in e.id_number:
        return 4
    if len(q) >= 3 and q in e.phones:
        return 5
    if q in e.hh_no:
        return 6
    return None


def _letters_score(e: Entry, q: str) -> int | None:
    at = e.initials.find(q)  # the letters of q are initials of consecutive characters of the name
    if at >= 0:
        chars = e.initials.find("|") % (len(e.initials) + 1)  # one reading's length
        return 1 if len(q) == chars and at % (chars + 1) == 0 else 2
    if e.spelled.startswith(q) or f"|{q}" in e.spelled:  # q spells the name from its start
        return 3
    return None


def _text_score(e: Entry, q: str) -> int | None:
    if e.name == q:
        return 0
    if e.name.startswith(q):
        return 1
    if q in e.name:
        return 2
    return None


_MAX_SPELLINGS = 16  # a name of polyphones has few readings; a pathological one is cut short


def _spellings(per_char: list[frozenset[str]]) -> str:
    """Every way to read the name in one string: matching is then one string search per person,
    which keeps filtering as one types smooth at 55,000 people."""
    combos = itertools.islice(itertools.product(*(sorted(c) for c in per_char)), _MAX_SPELLINGS)
    return "|".join("".join(c) for c in combos)
