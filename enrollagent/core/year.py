"""Coverage years: the years a village holds, and the roll of the village into the next one."""

from __future__ import annotations

import json
from collections import Counter
from dataclasses import dataclass, replace

import sqlite_utils

from ..errors import EnrollError
from .changes import EVERYTHING, Changes
from .clock import now_utc
from .figures import person_states
from .lane import write
from .policy import Policy, require_complete
from .village import check_task, coverage_years, get_policy, get_village
from .vocab import GONE_KINDS

# Cover that lasts from one year to the next; carried, but the agent confirms it (待确认).
LASTING_KINDS = ("employee", "elsewhere", "school", "military")


@dataclass(frozen=True)
class Rollover:
    """What starting a year does (a preview) or did."""

    from_year: int
    year: int
    policy: Policy
    task: int | None
    persons_carried: int
    households: int
    left: dict[str, int]  # coverage kind → persons who leave the roll (死亡, 迁出)
    to_confirm: int  # carried with cover that lasts, to be confirmed
    flags_to_recertify: int  # persons flagged last year: the new year's lists certify them
    changes: Changes = Changes()

    def to_json(self) -> dict:
        return {
            "from_year": self.from_year,
            "year": self.year,
            "policy": self.policy.name,
            "task": self.task,
            "persons_carried": self.persons_carried,
            "households": self.households,
            "left": sum(self.left.values()),
            "left_by_kind": dict(self.left),
            "to_confirm": self.to_confirm,
            "flags_to_recertify": self.flags_to_recertify,
        }


def _checked(db: sqlite_utils.Database, year: int, policy: Policy, task: int | None) -> int:
    """The year rolled from; refuses a year held already, one not after it, or a policy that
    is for another year or not complete."""
    current = get_village(db).current_year
    if year in coverage_years(db):
        raise EnrollError("year_exists", year=year)
    if year <= current:
        raise EnrollError("year_not_after", year=year, current=current)
    if policy.year != year:
        raise EnrollError("year_policy_mismatch", year=year, policy_year=policy.year)
    require_complete(policy)
    check_task(task)
    return current


def plan_year(
    db: sqlite_utils.Database, year: int, policy: Policy, *, task: int | None = None
) -> Rollover:
    """What `start_year` would do, changing nothing."""
    current = _checked(db, year, policy, task)
    states = person_states(db, current)
    carried = [s for s in states if s.coverage not in GONE_KINDS]
    return Rollover(
        from_year=current,
        year=year,
        policy=policy,
        task=task,
        persons_carried=len(carried),
        households=len({s.household_id for s in carried}),
        left=dict(Counter(s.coverage for s in states if s.coverage in GONE_KINDS)),
        to_confirm=sum(s.coverage in LASTING_KINDS for s in carried),
        flags_to_recertify=sum(bool(s.categories) for s in carried),
    )


def start_year(
    db: sqlite_utils.Database,
    year: int,
    policy: Policy,
    *,
    actor: str,
    task: int | None = None,
) -> Rollover:
    """Carry the village into `year` as one change: everyone still here is on the new roll
    (cover that lasts carried as 待确认), the dead and the moved-out are not; special-group flags
    and payments start empty; the new year becomes the year in force. Last year stays as it was."""
    plan = plan_year(db, year, policy, task=task)
    states = person_states(db, plan.from_year)
    rows = [
        {
            "person_id": s.person_id,
            "year": year,
            "coverage": s.coverage if s.coverage in LASTING_KINDS else "resident",
            "coverage_note": s.coverage_note if s.coverage in LASTING_KINDS else "",
            "to_confirm": int(s.coverage in LASTING_KINDS),
        }
        for s in states
        if s.coverage not in GONE_KINDS
    ]
    with write(db, actor=actor, op="start_year") as w:
        w.insert(
            "coverage_year",
            {
                "year": year,
                "policy_json": json.dumps(policy.to_json(), ensure_ascii=False),
                "task": task,
                "created_at": now_utc(),
            },
            key=year,
        )
        w.insert_many("person_year", rows, key="person_id", year=year)
        w.update("village", 1, {"current_year": year})
    return replace(plan, changes=w.changes | EVERYTHING)


@dataclass(frozen=True)
class HeldYear:
    year: int
    policy: str
    task: int | None
    persons: int
    current: bool


def held_years(db: sqlite_utils.Database) -> list[HeldYear]:
    """The coverage years the store holds, newest first, with the one in force marked."""
    current = get_village(db).current_year
    counts = dict(db.execute("SELECT year, COUNT(*) FROM person_year GROUP BY year").fetchall())
    return [
        HeldYear(y, get_policy(db, y).name, task, counts.get(y, 0), y == current)
        for y, task in db.execute(
            "SELECT year, task FROM coverage_year ORDER BY year DESC"
        ).fetchall()
    ]


def to_recertify(db: sqlite_utils.Database, year: int | None = None) -> dict[int, tuple[str, ...]]:
    """Persons on the year's roll flagged the year before and not (yet) this year, with last
    year's categories: the hint for 待重新认定 (the new year's department lists decide)."""
    year = year or get_village(db).current_year
    rows = db.execute(
        "SELECT f.person_id, group_concat(f.category) FROM special_flag f"
        " JOIN person_year py ON py.person_id = f.person_id AND py.year = :year"
        " WHERE f.year = (SELECT MAX(year) FROM coverage_year WHERE year < :year)"
        " AND f.person_id NOT IN (SELECT person_id FROM special_flag WHERE year = :year)"
        " GROUP BY f.person_id",
        {"year": year},
    ).fetchall()
    return {pid: tuple(sorted(cats.split(","))) for pid, cats in rows}


def confirm_cover(
    db: sqlite_utils.Database, person_ids: list[int], *, actor: str, year: int | None = None
) -> Changes:
    """The agent has checked that carried cover (职工医保 …) still holds this year."""
    year = year or get_village(db).current_year
    with write(db, actor=actor, op="confirm_cover") as w:
        for pid in person_ids:
            if db.execute(
                "SELECT 1 FROM person_year WHERE person_id = ? AND year = ? AND to_confirm = 1",
                [pid, year],
            ).fetchone():
                w.update("person_year", pid, {"to_confirm": 0}, year=year)
    return w.changes
