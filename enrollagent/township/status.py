"""The township's figures: per village and in total with the villages' own Tally arithmetic."""

from __future__ import annotations

import json
from dataclasses import dataclass, field

import sqlite_utils

from ..core.figures import ENROLLED_STATES, CountRow, Figures, Tally, figures_from_counts
from ..core.policy import Policy, policy_from_text
from ..core.vocab import CATEGORY_BY_CODE
from ..errors import EnrollError
from .amendments import amendment_totals
from .policies import policy_warnings
from .store import name_key
from .tasks import TaskMatcher


@dataclass
class VillageRow:
    key: str
    code: str
    name: str
    task: int | None
    figures: Figures | None  # None: on the task table but no package received yet
    special_gaps: int = 0
    sequence: int | None = None
    created_at: str = ""  # when the village made its latest package
    received_at: str = ""
    amendments: int = 0  # corrections of the year's earlier packages, listed by later ones
    amended_at: str = ""  # UTC: when the latest of them was made; '' when none

    def to_json(self) -> dict:
        f = self.figures.to_json() if self.figures else None
        return {
            "key": self.key,
            "code": self.code,
            "name": self.name,
            "reported": f is not None,
            **{
                k: f[k] if f else None
                for k in ("persons", "eligible", "enrolled", "unpaid", "rate", "collected")
            },
            "task": self.task,
            "task_completion": f["task_completion"] if f else None,
            "special_gaps": self.special_gaps,
            "sequence": self.sequence,
            "package_created_at": self.created_at,
            "received_at": self.received_at,
            "amendments": self.amendments,
            "last_amended_at": self.amended_at,
        }


@dataclass
class GapPerson:
    village: str
    group: str
    hh_no: str
    name: str
    id_number: str
    categories: tuple[str, ...]
    unpaid_reason: str


@dataclass
class Duplicate:
    id_number: str
    entries: list[tuple[str, str, str, str]]  # (village, group, name, state) per village

    @property
    def enrolled_twice(self) -> bool:
        return sum(1 for e in self.entries if e[3] in ENROLLED_STATES) > 1


@dataclass
class TownshipStatus:
    year: int
    villages: list[VillageRow]
    figures: Figures  # every reported person with the majority's definition and the task total
    gaps: list[GapPerson]
    duplicates: list[Duplicate]
    warnings: list[str] = field(default_factory=list)

    @property
    def total(self) -> Tally:
        return self.figures.total

    @property
    def task(self) -> int | None:
        return self.figures.task

    @property
    def special(self) -> dict[str, Tally]:
        return self.figures.special

    @property
    def reported(self) -> list[VillageRow]:
        return [v for v in self.villages if v.figures is not None]

    def to_json(self) -> dict:
        f = self.figures.to_json()
        return {
            "year": self.year,
            "villages": [v.to_json() for v in self.villages],
            "total": {
                "villages": len(self.villages),
                "reported": len(self.reported),
                **{
                    k: f[k]
                    for k in (
                        "persons",
                        "eligible",
                        "enrolled",
                        "unpaid",
                        "rate",
                        "coverage",
                        "collected",
                        "task",
                        "task_completion",
                    )
                },
                "special_gaps": len(self.gaps),
            },
            "special": {
                c: {
                    "persons": t.persons,
                    "eligible": t.eligible,
                    "enrolled": t.enrolled,
                    "unpaid": t.unpaid,
                }
                for c, t in self.special.items()
            },
            "special_gaps": [
                {
                    "village": g.village,
                    "group": g.group,
                    "hh_no": g.hh_no,
                    "name": g.name,
                    "id_number": g.id_number,
                    "categories": list(g.categories),
                    "unpaid_reason": g.unpaid_reason,
                }
                for g in self.gaps
            ],
            "duplicates": [
                {
                    "id_number": d.id_number,
                    "enrolled_twice": d.enrolled_twice,
                    "entries": [
                        {"village": v, "group": g, "name": n, "state": s}
                        for v, g, n, s in d.entries
                    ],
                }
                for d in self.duplicates
            ],
            "warnings": self.warnings,
        }


def years(db: sqlite_utils.Database) -> list[int]:
    return [
        r[0] for r in db.execute("SELECT DISTINCT year FROM village_year ORDER BY year").fetchall()
    ]


# A village's people counted by SQL, alike in group, state and categories: the state was decided
# (and checked against the village's own counts) on receipt, so no person is rebuilt here.
_COUNTS_SQL = """
SELECT village_key, group_name, state, categories, COUNT(*), SUM(net_fen), SUM(id_valid = 0),
       SUM(coverage = 'resident' AND payable_fen > 0 AND net_fen > payable_fen),
       SUM(net_fen > payable_fen)
FROM person WHERE year = ? GROUP BY village_key, group_name, state, categories
"""
# The flagged people who are not enrolled by any definition: the gap list's candidates.
_FLAGGED_NOT_ENROLLED_SQL = f"""
SELECT village_key, group_name, hh_no, name, id_number, categories, unpaid_reason, state
FROM person WHERE year = ? AND categories != ''
  AND state NOT IN ({", ".join(f"'{s}'" for s in ENROLLED_STATES)})
ORDER BY village_key, id
"""


def _counts_by_village(db: sqlite_utils.Database, year: int) -> dict[str, list[CountRow]]:
    out: dict[str, list[CountRow]] = {}
    for key, group, state, cats, *numbers in db.execute(_COUNTS_SQL, [year]):
        categories = tuple(cats.split(",")) if cats else ()
        out.setdefault(key, []).append(CountRow(group, state, categories, *numbers))
    return out


def _households(db: sqlite_utils.Database, year: int) -> tuple[dict[str, int], int]:
    """Households per village, and in all (a household's people share its uuid)."""
    per_village = dict(
        db.execute(
            "SELECT village_key, COUNT(DISTINCT household_uuid) FROM person WHERE year = ?"
            " GROUP BY village_key",
            [year],
        ).fetchall()
    )
    total = db.execute(
        "SELECT COUNT(DISTINCT household_uuid) FROM person WHERE year = ?", [year]
    ).fetchone()[0]
    return per_village, total


def _flagged_not_enrolled(db: sqlite_utils.Database, year: int) -> dict[str, list[tuple]]:
    out: dict[str, list[tuple]] = {}
    for key, *row in db.execute(_FLAGGED_NOT_ENROLLED_SQL, [year]):
        out.setdefault(key, []).append(tuple(row))
    return out


def duplicates(db: sqlite_utils.Database, year: int) -> list[Duplicate]:
    """The same valid ID on the rosters of two or more villages (重复参保), found by SQL GROUP BY."""
    rows = db.execute(
        """SELECT p.id_number, v.name, p.group_name, p.name, p.state
           FROM person p JOIN village v ON v.key = p.village_key
           WHERE p.year = :year AND p.id_valid = 1 AND p.id_number IN (
               SELECT id_number FROM person WHERE year = :year AND id_valid = 1
               GROUP BY id_number HAVING COUNT(DISTINCT village_key) > 1)
           ORDER BY p.id_number, v.name""",
        {"year": year},
    ).fetchall()
    out: dict[str, Duplicate] = {}
    for idn, village, group, name, state in rows:
        out.setdefault(idn, Duplicate(idn, [])).entries.append((village, group, name, state))
    return list(out.values())


def _is_gap(state: str, counted: tuple[str, ...]) -> bool:
    """Counted in its village's unpaid (eligible − enrolled): the gap list and the 特殊群体 figures
    then agree by construction, whatever the policy counts as enrolled."""
    one = Tally(persons=1, counted_as_enrolled=counted)
    one.states[state] = 1
    return one.unpaid == 1


def pick_year(db: sqlite_utils.Database, year: int | None) -> int:
    """The coverage year asked for, or the latest received; an error when there is none."""
    known_years = years(db)
    if not known_years:
        raise EnrollError("township_empty")
    year = year or known_years[-1]
    if year not in known_years:
        raise EnrollError("township_no_year", year=year)
    return year


def township_status(db: sqlite_utils.Database, year: int | None = None) -> TownshipStatus:
    """Every village of the year (and every village on the task table) with its figures and totals."""
    year = pick_year(db, year)
    packages = db.execute(
        """SELECT v.key, v.code, v.name, v.township, p.sequence, p.created_at, p.received_at, p.policy_json, p.manifest_json
           FROM village_year vy JOIN village v ON v.key = vy.village_key JOIN package p ON p.id = vy.package_id
           WHERE vy.year = ? ORDER BY v.code, v.name""",
        [year],
    ).fetchall()
    counts = _counts_by_village(db, year)
    households, all_households = _households(db, year)
    flagged = _flagged_not_enrolled(db, year)
    amended = amendment_totals(db, year)
    tasks = TaskMatcher(db)
    rows: list[VillageRow] = []
    policies: list[tuple[str, Policy]] = []
    gaps: list[GapPerson] = []
    all_counts: list[CountRow] = []
    unmatched = 0
    townships: dict[str, list[str]] = {}
    for (
        key,
        code,
        name,
        township,
        sequence,
        created,
        received,
        policy_json,
        manifest_json,
    ) in packages:
        policy = policy_from_text(policy_json)
        policies.append((name, policy))
        townships.setdefault(township, []).append(name)
        task = tasks.task(code, name)
        mine = counts.get(key, [])
        attention = json.loads(manifest_json)["counts"].get("attention") or {}
        unmatched += attention.get("unmatched_payments", 0)
        figures = figures_from_counts(
            mine,
            policy,
            year=year,
            households=households.get(key, 0),
            task=task,
            unmatched_payments=attention.get("unmatched_payments", 0),
        )
        village_gaps = [
            GapPerson(name, group, hh_no, person, idn, tuple(cats.split(",")), reason)
            for group, hh_no, person, idn, cats, reason, state in flagged.get(key, [])
            if _is_gap(state, policy.count_as_enrolled)
        ]
        gaps.extend(village_gaps)
        all_counts.extend(mine)
        count, amended_at = amended.get(key, (0, ""))
        rows.append(
            VillageRow(
                key,
                code,
                name,
                task,
                figures,
                len(village_gaps),
                sequence,
                created,
                received,
                count,
                amended_at,
            )
        )
    for name, code, task in tasks.unmatched():
        rows.append(VillageRow(code or name_key(name), code, name, task, None))
    majority, warnings = policy_warnings(policies)
    if len(townships) > 1:
        main = max(townships, key=lambda t: len(townships[t]))
        for other, names in townships.items():
            if other != main:
                warnings.append(f"{'、'.join(names)} 的上报包写的乡镇是“{other}”，不是“{main}”")
    # The total is the villages' own arithmetic over every person, with the majority's definition.
    figures = figures_from_counts(
        all_counts,
        majority,
        year=year,
        households=all_households,
        unmatched_payments=unmatched,
        task=tasks.total,
    )
    return TownshipStatus(
        year=year,
        villages=rows,
        figures=figures,
        gaps=gaps,
        duplicates=duplicates(db, year),
        warnings=warnings,
    )


def category_labels(codes: tuple[str, ...]) -> str:
    return "、".join(CATEGORY_BY_CODE[c].label if c in CATEGORY_BY_CODE else c for c in codes)
