"""Special-group flags an import adds: this year's flags the store holds, loaded once, and those a
file adds, written in one go (roll sheets with 人员类别 and department lists both add them)."""

from __future__ import annotations

from collections.abc import Iterable

from .job import Job, lane


class YearFlags:
    """The (person, category) flags of the job's year, and the rows of those a file adds."""

    def __init__(self, job: Job) -> None:
        self.job = job
        self.known = {
            (p, c)
            for p, c in job.db.execute(
                "SELECT person_id, category FROM special_flag WHERE year = ?", [job.year]
            )
        }
        self.added: list[dict] = []

    def add(self, person_id: int, categories: Iterable[str], row_no: int) -> None:
        """Flags a person by the categories of a row; one already there stays as it was."""
        for cat in categories:
            if (person_id, cat) not in self.known:
                self.known.add((person_id, cat))
                self.added.append(
                    {
                        "person_id": person_id,
                        "year": self.job.year,
                        "category": cat,
                        "source": self.job.source(row_no),
                        "created_at": self.job.now,
                    }
                )

    def persons(self) -> set[int]:
        """The persons this file gave a flag they did not have."""
        return {f["person_id"] for f in self.added}

    def write(self) -> None:
        lane(self.job).insert_many(
            "special_flag", self.added, key="person_id", year=self.job.year, or_ignore=True
        )
