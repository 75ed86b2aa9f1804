"""The township's figures: per village and in total with the villages' own Tally arithmetic."""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field

import sqlite_utils

from ..core.figures import ENROLLED_STATES, CountRow, Figures, Tally, figures_from_counts
from ..core.policy import Policy, policy_from_text
from ..core.vocab import CATEGORY_BY_CODE, UNPAID_REASONS, group_sort_key
from ..errors import EnrollError
from .amendments import amendment_totals
from .county import GroupRow, township_groups
from .policies import policy_warnings
from .store import name_key
from .tasks import TaskMatcher

# 未缴原因 as the villages pick them; a reason typed otherwise counts as 其他, none as 未填.
NO_REASON = "未填原因"
REASONS = (*UNPAID_REASONS, NO_REASON)


def reason_of(text: str) -> str:
    return text if text in UNPAID_REASONS else "其他" if text else NO_REASON


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
    township: str = ""
    agent: str = ""
    agent_phone: str = ""
    task_source: str = ""  # "table" (the township's task table), "package" (the village's own), ""
    unpaid_reasons: dict[str, int] = field(default_factory=dict)  # REASONS → unpaid persons
    rank: int | None = None  # by completion rate among the reported villages

    @property
    def enrolled(self) -> int | None:
        return self.figures.total.enrolled if self.figures else None

    @property
    def completion(self) -> float | None:
        return completion(self.enrolled, self.task)

    @property
    def shortfall(self) -> int | None:
        """差额: task − enrolled (negative when the task is exceeded)."""
        return self.task - self.enrolled if self.task and self.enrolled is not None else None

    def to_json(self) -> dict:
        f = self.figures.to_json() if self.figures else None
        return {
            "key": self.key,
            "code": self.code,
            "name": self.name,
            "township": self.township,
            "agent": self.agent,
            "agent_phone": self.agent_phone,
            "reported": f is not None,
            "rank": self.rank,
            **{
                k: f[k] if f else None
                for k in (
                    "persons",
                    "eligible",
                    "enrolled",
                    "paid",
                    "subsidized",
                    "unpaid",
                    "rate",
                    "collected",
                    "outside",
                )
            },
            "refund_due": self.figures.refund_due if self.figures else None,
            "task": self.task,
            "task_source": self.task_source,
            "task_completion": self.completion,
            "shortfall": self.shortfall,
            "special_gaps": self.special_gaps,
            "unpaid_reasons": self.unpaid_reasons,
            "sequence": self.sequence,
            "package_created_at": self.created_at,
            "received_at": self.received_at,
            "amendments": self.amendments,
            "last_amended_at": self.amended_at,
        }


def completion(enrolled: int | None, task: int | None) -> float | None:
    return round(enrolled / task, 4) if task and enrolled is not None else None


@dataclass
class GapPerson:
    village: str
    group: str
    hh_no: str
    name: str
    id_number: str
    categories: tuple[str, ...]
    unpaid_reason: str


@dataclass(frozen=True)
class DuplicateEntry:
    """The person as one village's roster has them: where to find and ring them, and their state."""

    village: str
    group: str
    hh_no: str
    name: str
    phone: str
    state: str

    @property
    def enrolled(self) -> bool:
        return self.state in ENROLLED_STATES


@dataclass
class Duplicate:
    id_number: str
    entries: list[DuplicateEntry]  # one per village, by village name

    @property
    def enrolled_twice(self) -> bool:
        return sum(1 for e in self.entries if e.enrolled) > 1


@dataclass
class TownshipStatus:
    year: int
    villages: list[VillageRow]  # ranked reported villages first, then those not reported
    # Every reported person once (a person on two rosters counted where enrolled), with the
    # majority's definition and the villages' tasks summed.
    figures: Figures
    gaps: list[GapPerson]
    duplicates: list[Duplicate]
    warnings: list[str] = field(default_factory=list)
    township: str = ""  # the township most villages name (the county when there are several)
    townships: list[GroupRow] = field(default_factory=list)  # more than one: a county's database
    unpaid_reasons: dict[str, int] = field(default_factory=dict)

    @property
    def county_level(self) -> bool:
        return len(self.townships) > 1

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
                "shortfall": self.task - self.total.enrolled if self.task else None,
                "refund_due": self.figures.refund_due,
                "outside": f["outside"],
                "unpaid_reasons": self.unpaid_reasons,
            },
            "township": self.township,
            "townships": [g.to_json() for g in self.townships],
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
                        {
                            "village": e.village,
                            "group": e.group,
                            "hh_no": e.hh_no,
                            "name": e.name,
                            "phone": e.phone,
                            "state": e.state,
                        }
                        for e in d.entries
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
# {where} may leave out the second and later rosters of a person on several (_ONCE).
_COUNTS_SQL = """
SELECT village_key, group_name, state, categories, COUNT(*), SUM(net_fen), SUM(id_valid = 0),
       SUM(coverage = 'resident' AND payable_fen > 0 AND net_fen > payable_fen),
       SUM(net_fen > payable_fen)
FROM person WHERE year = :year {where} GROUP BY village_key, group_name, state, categories
"""
# A valid ID on several villages' rosters counts once in the totals: where enrolled (paid first),
# else the first village. The inner GROUP BY runs on the (year, id_number) index.
_ONCE = f"""AND id NOT IN (
    SELECT id FROM (
        SELECT id, ROW_NUMBER() OVER (
            PARTITION BY id_number
            ORDER BY state IN ({", ".join(f"'{s}'" for s in ENROLLED_STATES)}) DESC,
                     state = 'paid' DESC, village_key, id) AS n
        FROM person WHERE year = :year AND id_valid = 1 AND id_number IN (
            SELECT id_number FROM person WHERE year = :year AND id_valid = 1
            GROUP BY id_number HAVING COUNT(DISTINCT village_key) > 1))
    WHERE n > 1)"""
# The flagged people who are not enrolled by any definition: the gap list's candidates.
_FLAGGED_NOT_ENROLLED_SQL = f"""
SELECT village_key, group_name, hh_no, name, id_number, categories, unpaid_reason, state
FROM person WHERE year = ? AND categories != ''
  AND state NOT IN ({", ".join(f"'{s}'" for s in ENROLLED_STATES)})
ORDER BY village_key, id
"""


def _counts_by_village(
    db: sqlite_utils.Database, year: int, *, once: bool = False
) -> dict[str, list[CountRow]]:
    out: dict[str, list[CountRow]] = {}
    sql = _COUNTS_SQL.format(where=_ONCE if once else "")
    for key, group, state, cats, *numbers in db.execute(sql, {"year": year}):
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


def _unpaid_reasons(db: sqlite_utils.Database, year: int) -> dict[str, dict[str, int]]:
    """Per village key: the unpaid persons by 未缴原因 (REASONS)."""
    out: dict[str, dict[str, int]] = {}
    for key, reason, n in db.execute(
        "SELECT village_key, unpaid_reason, COUNT(*) FROM person WHERE year = ? AND state = 'unpaid'"
        " GROUP BY village_key, unpaid_reason",
        [year],
    ):
        counts = out.setdefault(key, {})
        counts[reason_of(reason)] = counts.get(reason_of(reason), 0) + n
    return out


# A person's contact: their own phone, else their 户主's (found by household, within the village).
_HEAD = """(SELECT {col} FROM person h WHERE h.year = p.year AND h.household_uuid = p.household_uuid
    AND h.village_key = p.village_key AND h.relation = '户主' ORDER BY h.id LIMIT 1)"""
_CONTACT = (
    f"CASE WHEN p.phone != '' THEN p.phone ELSE COALESCE({_HEAD.format(col='phone')}, '') END"
)


def duplicates(db: sqlite_utils.Database, year: int) -> list[Duplicate]:
    """The same valid ID on the rosters of two or more villages (重复参保), found by SQL GROUP BY."""
    rows = db.execute(
        f"""SELECT p.id_number, v.name, p.group_name, p.hh_no, p.name, {_CONTACT}, p.state
           FROM person p JOIN village v ON v.key = p.village_key
           WHERE p.year = :year AND p.id_valid = 1 AND p.id_number IN (
               SELECT id_number FROM person WHERE year = :year AND id_valid = 1
               GROUP BY id_number HAVING COUNT(DISTINCT village_key) > 1)
           ORDER BY p.id_number, v.name""",
        {"year": year},
    ).fetchall()
    out: dict[str, Duplicate] = {}
    for idn, *entry in rows:
        out.setdefault(idn, Duplicate(idn, [])).entries.append(DuplicateEntry(*entry))
    return list(out.values())


@dataclass(frozen=True)
class UnpaidPerson:
    village: str
    group: str
    hh_no: str
    head: str  # 户主's name
    name: str
    id_number: str
    phone: str  # their own, else the 户主's
    categories: tuple[str, ...]
    reason: str


def unpaid_persons(
    db: sqlite_utils.Database, year: int, village_key: str | None = None
) -> Iterator[UnpaidPerson]:
    """The unpaid persons (未缴名单), streamed village by village in roster order: a county has
    some 100,000 of them, never held at once."""
    where, params = (
        ("AND p.village_key = :key", {"year": year, "key": village_key})
        if (village_key)
        else ("", {"year": year})
    )
    rows = db.execute(
        f"""SELECT v.key, v.name, p.group_name, p.hh_no, COALESCE({_HEAD.format(col="name")}, ''),
                  p.name, p.id_number, {_CONTACT}, p.categories, p.unpaid_reason
           FROM person p JOIN village v ON v.key = p.village_key
           WHERE p.year = :year AND p.state = 'unpaid' {where}
           ORDER BY v.code, v.name, p.village_key, p.id""",
        params,
    )
    village: list[UnpaidPerson] = []
    current = None
    for key, name, group, hh_no, head, person, idn, phone, cats, reason in rows:
        if key != current and village:
            yield from _roster_order(village)
            village = []
        current = key
        categories = tuple(cats.split(",")) if cats else ()
        village.append(
            UnpaidPerson(name, group, hh_no, head, person, idn, phone, categories, reason)
        )
    yield from _roster_order(village)


def _roster_order(people: list[UnpaidPerson]) -> list[UnpaidPerson]:
    return sorted(people, key=lambda p: (group_sort_key(p.group), p.hh_no))


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


def _ranked(rows: list[VillageRow]) -> list[VillageRow]:
    """Reported villages by completion rate (then rate), ranks shared on a tie; then the rest."""
    reported = [v for v in rows if v.figures is not None]

    def key(v: VillageRow) -> tuple:
        rate = v.figures.total.rate if v.figures else 0.0
        return (v.completion is None, -(v.completion or 0.0), -rate)

    reported.sort(key=key)
    for n, v in enumerate(reported):
        same = n and key(reported[n - 1]) == key(v)
        v.rank = reported[n - 1].rank if same else n + 1
    return reported + [v for v in rows if v.figures is None]


@dataclass
class _Year:
    """What township_status reads of a year in a few SQL passes, looked up per village."""

    year: int
    counts: dict[str, list[CountRow]]
    households: dict[str, int]
    flagged: dict[str, list[tuple]]
    reasons: dict[str, dict[str, int]]
    amended: dict[str, tuple[int, str]]
    tasks: TaskMatcher


def _village(known: _Year, package: tuple) -> tuple[VillageRow, Policy, list[GapPerson], int]:
    """One reported village: its row, its policy, its 特殊群体 gaps and its unmatched payments."""
    key, code, name, township, agent, phone, sequence, created, received, policy_json, manifest = (
        package
    )
    policy = policy_from_text(policy_json)
    counts = json.loads(manifest)["counts"]
    task = known.tasks.task(code, name)
    # Without a township task table the village's own task (set by its agent) stands in.
    source = "table" if task is not None else "package" if counts.get("task") else ""
    task = task if task is not None else counts.get("task") or None
    unmatched = (counts.get("attention") or {}).get("unmatched_payments", 0)
    figures = figures_from_counts(
        known.counts.get(key, []),
        policy,
        year=known.year,
        households=known.households.get(key, 0),
        task=task,
        unmatched_payments=unmatched,
    )
    gaps = [
        GapPerson(name, group, hh_no, person, idn, tuple(cats.split(",")), reason)
        for group, hh_no, person, idn, cats, reason, state in known.flagged.get(key, [])
        if _is_gap(state, policy.count_as_enrolled)
    ]
    count, amended_at = known.amended.get(key, (0, ""))
    row = VillageRow(
        key,
        code,
        name,
        task,
        figures,
        len(gaps),
        sequence,
        created,
        received,
        count,
        amended_at,
        township=township,
        agent=agent,
        agent_phone=phone,
        task_source=source,
        unpaid_reasons=known.reasons.get(key, {}),
    )
    return row, policy, gaps, unmatched


def _is_county(townships: dict[str, list[str]]) -> bool:
    """Several townships of several villages each: a county clerk's database. One stray village
    naming another township is rather a mistake to point out."""
    return sum(len(names) > 1 for names in townships.values()) > 1


def township_status(db: sqlite_utils.Database, year: int | None = None) -> TownshipStatus:
    """Every village of the year (and every village on the task table) with its figures and totals."""
    year = pick_year(db, year)
    packages = db.execute(
        """SELECT v.key, v.code, v.name, v.township, v.agent, v.agent_phone, p.sequence,
                  p.created_at, p.received_at, p.policy_json, p.manifest_json
           FROM village_year vy JOIN village v ON v.key = vy.village_key JOIN package p ON p.id = vy.package_id
           WHERE vy.year = ? ORDER BY v.code, v.name""",
        [year],
    ).fetchall()
    households, all_households = _households(db, year)
    known = _Year(
        year,
        _counts_by_village(db, year),
        households,
        _flagged_not_enrolled(db, year),
        _unpaid_reasons(db, year),
        amendment_totals(db, year),
        TaskMatcher(db),
    )
    rows: list[VillageRow] = []
    policies: list[tuple[str, Policy]] = []
    gaps: list[GapPerson] = []
    unmatched = 0
    townships: dict[str, list[str]] = {}
    for package in packages:
        row, policy, village_gaps, village_unmatched = _village(known, package)
        rows.append(row)
        policies.append((row.name, policy))
        gaps.extend(village_gaps)
        unmatched += village_unmatched
        townships.setdefault(row.township, []).append(row.name)
    for name, code, task in known.tasks.unmatched():
        rows.append(VillageRow(code or name_key(name), code, name, task, None, task_source="table"))
    majority, warnings = policy_warnings(policies)
    main = max(townships, key=lambda t: len(townships[t])) if townships else ""
    once = _counts_by_village(db, year, once=True)
    county = _is_county(townships)
    if county:
        main = _county_name(db, year) or main
    else:
        for other, names in townships.items():
            if other != main:
                warnings.append(f"{'、'.join(names)} 的上报包写的乡镇是“{other}”，不是“{main}”")
    all_reasons: Counter[str] = Counter()
    for v in rows:
        all_reasons.update(v.unpaid_reasons)
    tasked = [v.task for v in rows if v.task is not None]
    figures = figures_from_counts(
        (r for mine in once.values() for r in mine),
        majority,
        year=year,
        households=all_households,
        unmatched_payments=unmatched,
        task=sum(tasked) if tasked else None,
    )
    return TownshipStatus(
        year=year,
        villages=_ranked(rows),
        figures=figures,
        gaps=gaps,
        duplicates=duplicates(db, year),
        warnings=warnings,
        township=main,
        townships=township_groups(rows, once, majority, year=year) if county else [],
        unpaid_reasons={r: all_reasons[r] for r in REASONS if all_reasons[r]},
    )


def _county_name(db: sqlite_utils.Database, year: int) -> str:
    row = db.execute(
        "SELECT v.county, COUNT(*) AS n FROM village_year vy JOIN village v ON v.key = vy.village_key"
        " WHERE vy.year = ? GROUP BY v.county ORDER BY n DESC LIMIT 1",
        [year],
    ).fetchone()
    return row[0] if row else ""


def category_labels(codes: tuple[str, ...]) -> str:
    return "、".join(CATEGORY_BY_CODE[c].label if c in CATEGORY_BY_CODE else c for c in codes)
