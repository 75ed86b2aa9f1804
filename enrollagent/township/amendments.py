"""The amendments the villages' packages listed: how many per village, and the list itself."""

from __future__ import annotations

from dataclasses import dataclass

import sqlite_utils

from ..core.clock import local_time
from ..errors import EnrollError
from .store import name_key


@dataclass(frozen=True)
class Amendment:
    """One correction of an earlier package, as a later package of the village listed it."""

    village_key: str
    village: str
    code: str
    year: int
    sequence: int  # the package that listed it
    person: str
    id_number: str
    field: str  # in words
    old: str
    new: str
    at: str  # UTC
    who: str
    why: str

    @property
    def when(self) -> str:
        return local_time(self.at)

    def to_json(self) -> dict:
        return {
            "village": self.village,
            "village_code": self.code,
            "year": self.year,
            "sequence": self.sequence,
            "person": self.person,
            "id_number": self.id_number,
            "field": self.field,
            "old": self.old,
            "new": self.new,
            "at": self.at,
            "when": self.when,
            "who": self.who,
            "why": self.why,
        }


def amendment_totals(db: sqlite_utils.Database, year: int) -> dict[str, tuple[int, str]]:
    """Per village key: how many amendments its packages of the year listed, and the UTC time
    of the latest."""
    return {
        key: (count, latest)
        for key, count, latest in db.execute(
            "SELECT village_key, COUNT(*), MAX(at) FROM amendment WHERE year = ?"
            " GROUP BY village_key",
            [year],
        )
    }


def find_village(db: sqlite_utils.Database, text: str) -> str:
    """The key of the village named by its 12-digit code or its name (李庄, 李庄村 …)."""
    wanted = "".join(text.split())
    for key, code, name in db.execute("SELECT key, code, name FROM village ORDER BY key"):
        if wanted in (key, code) or name_key(wanted) == name_key(name):
            return str(key)
    raise EnrollError("township_village_unknown", village=text)


def list_amendments(
    db: sqlite_utils.Database, year: int, village_key: str | None = None
) -> list[Amendment]:
    """The year's amendments, by village and then in the order they were made."""
    where, params = ("AND a.village_key = ?", [year, village_key]) if village_key else ("", [year])
    return [
        Amendment(*row)
        for row in db.execute(
            "SELECT a.village_key, v.name, v.code, a.year, p.sequence, a.person, a.id_number,"
            " a.field, a.old, a.new, a.at, a.who, a.why FROM amendment a"
            " JOIN village v ON v.key = a.village_key JOIN package p ON p.id = a.package_id"
            f" WHERE a.year = ? {where} ORDER BY v.code, v.name, p.sequence, a.id",
            params,
        )
    ]
