"""The level above villages: a county clerk's database holds several townships' packages, and the
report ranks the townships (each person counted once) before listing their villages."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Protocol

from ..core.figures import CountRow, Figures, figures_from_counts
from ..core.policy import Policy


class Village(Protocol):
    """What a township needs of its villages (status.VillageRow)."""

    @property
    def key(self) -> str: ...
    @property
    def township(self) -> str: ...
    @property
    def task(self) -> int | None: ...
    @property
    def figures(self) -> Figures | None: ...
    @property
    def special_gaps(self) -> int: ...
    @property
    def created_at(self) -> str: ...


@dataclass
class GroupRow:
    """A township: its reported villages added up."""

    name: str
    villages: int
    task: int | None
    figures: Figures
    special_gaps: int
    latest: str  # UTC: when its latest package was made
    rank: int | None = None

    @property
    def completion(self) -> float | None:
        enrolled = self.figures.total.enrolled
        return round(enrolled / self.task, 4) if self.task else None

    @property
    def shortfall(self) -> int | None:
        return self.task - self.figures.total.enrolled if self.task else None

    def to_json(self) -> dict:
        f = self.figures.to_json()
        return {
            "name": self.name,
            "rank": self.rank,
            "villages": self.villages,
            "task": self.task,
            "task_completion": self.completion,
            "shortfall": self.shortfall,
            "special_gaps": self.special_gaps,
            "latest": self.latest,
            **{
                k: f[k] for k in ("persons", "eligible", "enrolled", "paid", "subsidized", "unpaid")
            },
            "rate": f["rate"],
        }


def township_groups(
    villages: Sequence[Village], once: dict[str, list[CountRow]], policy: Policy, *, year: int
) -> list[GroupRow]:
    """The reported villages grouped by the township their packages name, ranked by completion.
    once: each village's counted rows with a person on several rosters left in one village only,
    so the townships add up to the county's total."""
    members: dict[str, list[Village]] = {}
    for v in villages:
        if v.figures is not None:
            members.setdefault(v.township, []).append(v)
    groups = []
    for name, rows in members.items():
        tasks = [v.task for v in rows if v.task is not None]
        groups.append(
            GroupRow(
                name,
                len(rows),
                sum(tasks) if tasks else None,
                figures_from_counts(
                    (r for v in rows for r in once.get(v.key, [])),
                    policy,
                    year=year,
                    households=sum(v.figures.households for v in rows if v.figures),
                    unmatched_payments=0,
                    task=sum(tasks) if tasks else None,
                ),
                sum(v.special_gaps for v in rows),
                max(v.created_at for v in rows),
            )
        )
    groups.sort(key=lambda g: (g.completion is None, -(g.completion or 0.0), -g.figures.total.rate))
    for n, g in enumerate(groups, start=1):
        g.rank = n
    return groups
