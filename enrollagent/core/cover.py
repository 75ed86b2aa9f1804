"""Continuous cover and waiting periods (国办发〔2024〕38号): each person's years of cover and years
without it, from the village's own years and, before those, from a last-year roll's columns; and
the months a person would wait for benefits under the year's policy."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from datetime import date, timedelta

import sqlite_utils

from .figures import PersonState, person_states
from .policy import LongTerm, Policy
from .village import coverage_years, get_policy, get_village
from .vocab import CATEGORY_BY_CODE

# Kinds of cover outside the village's scheme that still count as cover: the years stay unbroken.
INSURED_ELSEWHERE = frozenset({"employee", "elsewhere", "military"})


def is_covered(state: PersonState) -> bool:
    return state.enrolled or state.coverage in INSURED_ELSEWHERE


@dataclass(frozen=True)
class History:
    """A person's cover before a coverage year."""

    cover_years: int  # the unbroken years of cover that ended before the gap (or last year)
    gap_years: int  # the years without cover just before this year
    repaired_years: int  # missed years paid back (缴费修复)
    known: bool  # False: nothing is known of the years before (a new person, no roll column)
    last_coverage: str = ""  # how the person was covered the year before, when held


@dataclass(frozen=True)
class Cover:
    person_id: int
    continuous_years: int  # unbroken years of cover, this year included once covered
    gap_years: int
    repaired_years: int
    known: bool
    exempt: str  # why no waiting period applies ("" when one may)
    waiting_on_time: int  # months of waiting if enrolled within the window
    waiting_if_late: int  # months of waiting if enrolled after the window
    bonus_fen: int  # the rise of the 大病保险 cap earned by continuous cover


def waiting_months(terms: LongTerm, *, gap_years: int, repaired_years: int, late: bool) -> int:
    """The months before benefits start: none for whoever enrols in the window without a gap;
    else the fixed period, one month more per year without cover (from the county's chosen year
    of the gap), one less per year paid back, and never below the floor after a long gap."""
    if gap_years == 0 and not late:
        return 0
    counted = max(0, gap_years - (terms.gap_counted_from - 1))
    variable = max(
        0, counted * terms.gap_months_per_year - repaired_years * terms.repair_months_per_year
    )
    total = terms.fixed_months + variable
    if gap_years >= terms.floor_after_gap_years:
        total = max(total, terms.floor_months)
    return total


def exemption(policy: Policy, state: PersonState, history: History) -> str:
    """Why a person has no waiting period, in words; "" when one may apply."""
    terms = policy.long_term
    if state.birth_date and state.birth_date >= date(policy.year, 1, 1) - timedelta(
        days=terms.newborn_days
    ):
        return "新生儿"
    exempt = [c for c in state.categories if c in terms.exempt_categories]
    if exempt:
        return "、".join(CATEGORY_BY_CODE[c].label for c in exempt)
    if history.last_coverage == "employee" and terms.employee_grace_months:
        return f"职工医保转入（中断后{terms.employee_grace_months}个月内参保）"
    return ""


def bonus_fen(terms: LongTerm, continuous_years: int) -> int:
    """The 大病保险 cap's rise: each year beyond the first `bonus_after_years`, within the ceiling."""
    rise = max(0, continuous_years - terms.bonus_after_years) * terms.bonus_per_year_fen
    if terms.major_illness_cap_fen:
        rise = min(rise, terms.major_illness_cap_fen * terms.bonus_ceiling_percent // 100)
    return rise


def histories(db: sqlite_utils.Database, year: int, person_ids: list[int]) -> dict[int, History]:
    """Each person's cover before `year`: walk back through the years the village holds while the
    person is on their rolls; where they run out, a roll's stated columns take over."""
    held = set(coverage_years(db))
    stated = {
        (pid, y): (cover, gap, repaired)
        for pid, y, cover, gap, repaired in db.execute(
            "SELECT person_id, year, prior_cover_years, prior_gap_years, repaired_years"
            " FROM person_year WHERE year <= ?",
            [year],
        ).fetchall()
    }
    states: dict[int, dict[int, PersonState]] = {}

    def state_in(pid: int, y: int) -> PersonState | None:
        if y not in held or (pid, y) not in stated:
            return None
        if y not in states:
            states[y] = {s.person_id: s for s in person_states(db, y)}
        return states[y].get(pid)

    out = {}
    for pid in person_ids:
        repaired = (stated.get((pid, year)) or (0, 0, 0))[2] or 0
        gap = cover = 0
        in_gap, known, last = True, False, ""
        y = year - 1
        while True:
            st = state_in(pid, y)
            if st is None:
                # The earliest roll held for the person states the years before it.
                prior_cover, prior_gap, _ = stated.get((pid, y + 1)) or (None, None, 0)
                known = known or prior_cover is not None or prior_gap is not None
                if in_gap:
                    gap += prior_gap or 0
                if not prior_gap:
                    cover += prior_cover or 0
                break
            known = True
            if y == year - 1:
                last = st.coverage
            if is_covered(st):
                in_gap = False
                cover += 1
            elif in_gap:
                gap += 1
            else:
                break
            y -= 1
        out[pid] = History(cover, gap, repaired, known, last)
    return out


def covers(
    db: sqlite_utils.Database,
    year: int | None = None,
    *,
    states: list[PersonState] | None = None,
    policy: Policy | None = None,
) -> dict[int, Cover]:
    """Every person's continuous cover and waiting months in a year (or those of `states`)."""
    year = year or get_village(db).current_year
    policy = policy or get_policy(db, year)
    states = states if states is not None else person_states(db, year, policy=policy)
    found = histories(db, year, [s.person_id for s in states])
    out = {}
    terms = policy.long_term
    for s in states:
        h = found[s.person_id]
        covered_now = is_covered(s)
        continuous = (h.cover_years if h.gap_years == 0 else 0) + (1 if covered_now else 0)
        exempt = exemption(policy, s, h)

        def months(late: bool, h: History = h, exempt: str = exempt) -> int:
            if exempt:
                return 0
            return waiting_months(
                terms, gap_years=h.gap_years, repaired_years=h.repaired_years, late=late
            )

        out[s.person_id] = Cover(
            s.person_id,
            continuous,
            h.gap_years,
            h.repaired_years,
            h.known,
            exempt,
            months(False),
            months(True),
            bonus_fen(terms, continuous),
        )
    return out


def waiting_if_late(
    db: sqlite_utils.Database,
    year: int | None = None,
    *,
    states: list[PersonState] | None = None,
    policy: Policy | None = None,
) -> dict:
    """How many unpaid persons would wait for benefits if they paid after the window, and how
    many would wait how many months: {"persons": n, "months": {"3": n3, "5": n5}}."""
    year = year or get_village(db).current_year
    states = states if states is not None else person_states(db, year, policy=policy)
    unpaid = [s for s in states if s.state == "unpaid"]
    found = covers(db, year, states=unpaid, policy=policy)
    months = Counter(c.waiting_if_late for c in found.values() if c.waiting_if_late)
    return {
        "persons": sum(months.values()),
        "months": {str(m): n for m, n in sorted(months.items())},
    }
