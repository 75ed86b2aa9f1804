"""A roll's stated history (连续参保年限, 断保年限, 缴费修复年限): read per row, written to the
import year's person_year (docs/domain.md, "Continuous cover and waiting periods")."""

from __future__ import annotations

import re
import unicodedata

from ..core.roster import MAX_HISTORY_YEARS
from ..errors import Problem
from .cells import text
from .columns import FIELD_LABELS, Columns
from .job import Job, lane

# Import field → person_year column; each counts the years before the row's own year (m003).
COLUMNS = {
    "cover_years": "prior_cover_years",
    "gap_years": "prior_gap_years",
    "repaired_years": "repaired_years",
}

_YEARS = re.compile(r"(\d{1,3})(?:\.0+)?(?:年度?)?")


def years_of(cell: object) -> int | None:
    """Whole years in a cell: 3, 3.0, "3", "3年", "３ 年" → 3; a blank cell → None (the roll
    does not say). Raises ValueError for anything else, a fraction or more than 50 years."""
    if type(cell) is int:
        n = cell
    elif type(cell) is float:
        if not cell.is_integer():
            raise ValueError(cell)
        n = int(cell)
    else:
        s = re.sub(r"\s", "", unicodedata.normalize("NFKC", text(cell)))
        if not s:
            return None
        m = _YEARS.fullmatch(s)
        if m is None:
            raise ValueError(cell)
        n = int(m.group(1))
    if not 0 <= n <= MAX_HISTORY_YEARS:
        raise ValueError(cell)
    return n


class RollHistory:
    """The history columns a sheet has, and the values its rows state, written at the end."""

    def __init__(self, job: Job, cols: Columns) -> None:
        self.job = job
        self.where = {f: i for f in COLUMNS if (i := cols.first(f)) is not None}
        self.stated: dict[int, dict[str, int]] = {}  # person → person_year column → years

    def read(self, person_id: int, row: list[object]) -> list[Problem]:
        """Keeps what the row states for the person; a bad cell is named and left out, the
        row's other cells still count."""
        values: dict[str, int] = {}
        notes = []
        for name, i in self.where.items():
            cell = row[i] if i < len(row) else None
            try:
                years = years_of(cell)
            except ValueError:
                notes.append(
                    Problem(
                        "roster_history_unreadable",
                        field=FIELD_LABELS[name],
                        value=text(cell),
                        most=MAX_HISTORY_YEARS,
                    )
                )
                continue
            if years is not None:
                values[name] = years
        gap, repaired = values.get("gap_years"), values.get("repaired_years")
        # The same rule as core.roster.set_history: no more years paid back than were missed.
        if gap is not None and repaired is not None and repaired > gap:
            notes.append(Problem("roster_history_repaired", repaired=repaired, gap=gap))
            del values["repaired_years"]
        if values:
            self.stated.setdefault(person_id, {}).update({COLUMNS[k]: v for k, v in values.items()})
        return notes

    def write(self) -> None:
        """After the roster rows: a blank cell leaves what the store holds (a re-import that says
        less erases nothing); a stated value replaces it, audited as any update."""
        w = lane(self.job)
        for person_id, values in self.stated.items():
            w.update("person_year", person_id, values, year=self.job.year)
