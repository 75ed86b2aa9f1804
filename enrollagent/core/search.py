"""Find people the way an agent asks for them: a name, pinyin initials (张三 by "zs"), the last
digits of an ID read out at the door, a phone number or a 户号. Built once from the store and
searched in memory, so filtering as one types stays smooth at 55,000 people."""

from __future__ import annotations

import itertools
import re
import unicodedata

import sqlite_utils
from pypinyin import Style, pinyin

_DIGITS = re.compile(r"[0-9xX]+")
_LETTERS = re.compile(r"[a-z]+")
_FIELDS = ("name", "id", "phones", "hh_no", "initials", "spelled")


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


class _Field:
    """One field of every person as a text of "value<TAB>id" lines in person order (a value with
    several readings, one line each), and for one-character queries the people whose value holds
    each character."""

    def __init__(self) -> None:
        self.lines: list[str] = ["\n"]  # every line, the first too, starts after a line break
        self.by_char: dict[str, list[int]] = {}
        self.text = ""

    def add(self, pid: int, values: list[str]) -> None:
        chars: set[str] = set()
        for value in values:
            value = value.replace("\t", " ").replace("\n", " ").replace("\r", " ")
            self.lines.append(f"{value}\t{pid}\n")
            chars.update(value)
        for ch in chars:
            self.by_char.setdefault(ch, []).append(pid)

    def done(self) -> None:
        self.text = "".join(self.lines)
        self.lines = []

    def find(self, pattern: str) -> list[int]:
        """The people with a line `pattern` matches, in person order, each once. A pattern is
        found from its literal start (fast in C) and runs to its line's id."""
        # The line's end is looked at, not taken: the next line's pattern may start with it.
        found = re.findall(rf"{pattern}[^\t\n]*\t(\d+)(?=\n)", self.text)
        return list(dict.fromkeys(map(int, found)))

    def holding(self, q: str) -> list[int]:
        """The people whose value holds q anywhere."""
        if len(q) == 1:  # a one-character query holds most people: looked up, not scanned
            return self.by_char.get(q, [])
        return self.find(re.escape(q))


class PersonIndex:
    """Rebuilt after the roster changes (a few hundred ms at 55,000 people). Each rule of the
    ranking is one scan of one field's text in C (or a lookup), finding its people in person
    order; no person is visited in Python, so a keystroke at 55,000 people takes a few
    milliseconds (scoring each person in Python took 10–20 ms)."""

    def __init__(self, fields: dict[str, _Field], households: dict[str, list[int]]) -> None:
        self._fields = fields
        self._households = households  # 户号 (folded) → its people in person order

    @classmethod
    def build(cls, db: sqlite_utils.Database) -> PersonIndex:
        readings = _Readings()
        fields = {f: _Field() for f in _FIELDS}
        households: dict[str, list[int]] = {}
        for pid, name, idn, phone, hh_phone, hh_no in db.execute(
            "SELECT p.id, p.name, p.id_number, p.phone, h.phone, h.hh_no"
            " FROM person p JOIN household h ON h.id = p.household_id ORDER BY p.id"
        ):
            chars = [readings.of(c) for c in fold(name)]
            hh = fold(hh_no)
            fields["name"].add(pid, [name])
            fields["id"].add(pid, [idn.lower()])
            fields["phones"].add(pid, [f"{phone} {hh_phone}"])
            fields["hh_no"].add(pid, [hh])
            # every reading of the name: 曾小明 → cxm and zxm, cengxiaoming and zengxiaoming
            fields["initials"].add(pid, _readings_of([c[0] for c in chars]))
            fields["spelled"].add(pid, _readings_of([c[1] for c in chars]))
            households.setdefault(hh, []).append(pid)
        for f in fields.values():
            f.done()
        return cls(fields, households)

    def search(self, text: str, limit: int | None = None) -> list[int]:
        """Person ids, best match first, then in person order; [] for an empty query (the
        caller shows everyone). The kind of query is decided once per keystroke."""
        q = fold(text)
        if not q:
            return []
        f = self._fields
        if _DIGITS.fullmatch(q):
            ranked = _ranked(
                f["id"].find(rf"{q}(?=\t)"),  # the tail of the ID is what people read out
                self._households.get(q, []),
                f["id"].holding(q),
                f["phones"].holding(q) if len(q) >= 3 else [],
                f["hh_no"].holding(q),
            )
        elif _LETTERS.fullmatch(q):
            ranked = _ranked(
                # the initials of a whole reading of the name (张三 by zs), then initials of
                # consecutive characters inside one, then q spelling a reading from its start
                f["initials"].find(rf"\n{q}(?=\t)"),
                f["initials"].holding(q),
                f["spelled"].find(rf"\n{q}"),
            )
        else:
            word = re.escape(q)
            ranked = _ranked(
                f["name"].find(rf"\n{word}(?=\t)"),
                f["name"].find(rf"\n{word}"),
                f["name"].holding(q),
            )
        return ranked if limit is None else ranked[:limit]


def _ranked(*rules: list[int]) -> list[int]:
    """Each person once, under the first rule that found them."""
    out: list[int] = []
    seen: set[int] = set()
    for found in rules:
        new = list(itertools.filterfalse(seen.__contains__, found)) if seen else found  # in C
        out += new
        seen.update(new)
    return out


_MAX_SPELLINGS = 16  # a name of polyphones has few readings; a pathological one is cut short


def _readings_of(per_char: list[frozenset[str]]) -> list[str]:
    """Every way to read the name (a name of no character: one empty reading)."""
    combos = itertools.islice(itertools.product(*(sorted(c) for c in per_char)), _MAX_SPELLINGS)
    return ["".join(c) for c in combos]
