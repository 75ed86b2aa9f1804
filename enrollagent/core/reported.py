"""What the village's packages reported: who was on each, the newest payment each held, the
coverage year in force at each change. History judges amendments against it; a face asks it
before a change (`Reported`) whether to ask for a reason."""

from __future__ import annotations

import bisect
from dataclasses import dataclass

import sqlite_utils

from .lane import Write


@dataclass(frozen=True)
class Package:
    export_id: int
    change_id: int
    last_payment_id: int  # payment ids only grow: the package held every payment up to this one


class Packages:
    """What the village's packages reported, by the change that logged each."""

    def __init__(self, db: sqlite_utils.Database) -> None:
        self.db = db
        self.by_year: dict[int, list[Package]] = {}
        for year, export_id, change_id, last_payment_id in db.execute(
            "SELECT year, id, COALESCE(change_id, 0), COALESCE(last_payment_id, 0)"
            " FROM export_log WHERE kind = 'package' ORDER BY 3, 2"
        ):
            self.by_year.setdefault(year, []).append(Package(export_id, change_id, last_payment_id))
        # The coverage year in force from each change on: a year starts with its coverage_year row.
        starts = db.execute(
            "SELECT COALESCE(change_id, 0), row_id FROM audit_log"
            " WHERE table_name = 'coverage_year' AND field = '*' AND new IS NOT NULL ORDER BY 1"
        ).fetchall()
        self._start_ids = [s[0] for s in starts]
        self._start_years = [s[1] for s in starts]
        self._persons: dict[int, frozenset[int]] = {}
        self._members: dict[int, frozenset[int]] = {}
        self._paid: dict[tuple[int, int], list[tuple[int, int]]] = {}

    @property
    def any(self) -> bool:
        return bool(self.by_year)

    def before(self, year: int | None, change_id: int) -> Package | None:
        """The year's latest package made before `change_id`."""
        packages = self.by_year.get(year) if year is not None else None
        if not packages:
            return None
        i = bisect.bisect_left([p.change_id for p in packages], change_id)
        return packages[i - 1] if i else None

    def latest(self, year: int) -> Package | None:
        packages = self.by_year.get(year)
        return packages[-1] if packages else None

    def year_at(self, change_id: int) -> int | None:
        i = bisect.bisect_right(self._start_ids, change_id)
        return max(self._start_years[:i]) if i else None

    def persons(self, package: Package) -> frozenset[int]:
        """Who the package reported."""
        if package.export_id not in self._persons:
            self._persons[package.export_id] = frozenset(
                r[0]
                for r in self.db.execute(
                    "SELECT person_id FROM reported_person WHERE export_id = ?",
                    [package.export_id],
                )
            )
        return self._persons[package.export_id]

    def members(self, household_id: int) -> frozenset[int]:
        if household_id not in self._members:
            self._members[household_id] = frozenset(
                r[0]
                for r in self.db.execute(
                    "SELECT id FROM person WHERE household_id = ?", [household_id]
                )
            )
        return self._members[household_id]

    def payments(self, person_id: int, year: int) -> list[tuple[int, int]]:
        """(payment id, amount in fen) of a person's year, oldest first."""
        key = (person_id, year)
        if key not in self._paid:
            self._paid[key] = self.db.execute(
                "SELECT id, amount_fen FROM payment WHERE person_id = ? AND year = ? ORDER BY id",
                [person_id, year],
            ).fetchall()
        return self._paid[key]

    def net_before(self, person_id: int, year: int, payment_id: int) -> int:
        return sum(a for i, a in self.payments(person_id, year) if i < payment_id)


def last_package_change(db: sqlite_utils.Database, year: int) -> int | None:
    """The change of the year's latest package; None before the first."""
    row = db.execute(
        "SELECT MAX(COALESCE(change_id, 0)) FROM export_log WHERE kind = 'package' AND year = ?",
        [year],
    ).fetchone()
    return row[0]


class Reported:
    """What the year's latest package reported, for a face that must ask for a reason before
    it amends (the GUI's dialogs)."""

    def __init__(self, db: sqlite_utils.Database, year: int) -> None:
        self.year = year
        self._packages = Packages(db)
        self._package = self._packages.latest(year)

    def person(self, person_id: int) -> bool:
        """The person was on a package of the year: a change of their details amends it."""
        return self._package is not None and person_id in self._packages.persons(self._package)

    def payment(self, payment_id: int) -> bool:
        """The payment (or refund) was in a package: undoing it amends the package."""
        return self._package is not None and payment_id <= self._package.last_payment_id

    def paid(self, person_id: int) -> bool:
        """A package reported money paid by the person: a refund amends it."""
        if self._package is None:
            return False
        last = self._package.last_payment_id
        return self._packages.net_before(person_id, self.year, last + 1) > 0


def record_reported(w: Write, export_id: int, year: int) -> None:
    """A package's rows are reported: who was on its year's roster, and the newest payment it
    held. Later changes are judged against these (not audited: the export row is)."""
    w.db.execute(
        "INSERT INTO reported_person (export_id, person_id)"
        " SELECT ?, person_id FROM person_year WHERE year = ?",
        [export_id, year],
    )
    w.db.execute(
        "UPDATE export_log SET last_payment_id = (SELECT COALESCE(MAX(id), 0) FROM payment)"
        " WHERE id = ?",
        [export_id],
    )
