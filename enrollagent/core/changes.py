"""Changes: what one write touched, returned by every writer so each screen refreshes what it shows."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass


@dataclass(frozen=True)
class Changes:
    """Person and household row ids touched, and the wider things a write can move. A screen
    patches the persons named; `year` (a policy or task), `village` or `everything` (an import, a
    restore) reload what depends on them."""

    persons: frozenset[int] = frozenset()
    households: frozenset[int] = frozenset()
    year: bool = False  # a coverage year's policy or task: every person's payable may move
    village: bool = False  # the village's name, agent, current year
    roster: bool = False  # who is on the roster, names, IDs, phones, households (search follows)
    inbox: bool = False  # payments waiting to be given to a person
    settings: bool = False  # remembered choices (last channel, import aliases)
    everything: bool = False

    def __or__(self, other: Changes) -> Changes:
        return Changes(
            persons=self.persons | other.persons,
            households=self.households | other.households,
            year=self.year or other.year,
            village=self.village or other.village,
            roster=self.roster or other.roster,
            inbox=self.inbox or other.inbox,
            settings=self.settings or other.settings,
            everything=self.everything or other.everything,
        )

    @staticmethod
    def union(items: Iterable[Changes]) -> Changes:
        out = NOTHING
        for c in items:
            out = out | c
        return out

    @property
    def empty(self) -> bool:
        return self == NOTHING

    def __bool__(self) -> bool:
        """True when something changed."""
        return not self.empty

    @property
    def all_states(self) -> bool:
        """Every person's state may have moved: a partial refresh is not enough."""
        return self.everything or self.year or self.village

    @property
    def figures(self) -> bool:
        """A figure, a state or a list of persons or payments may have moved."""
        return bool(self.persons or self.households or self.inbox) or self.all_states

    @property
    def people(self) -> bool:
        """The search index must be rebuilt: a payment alone never needs it."""
        return self.everything or self.roster

    def scope(self) -> str:
        """One word for the change log."""
        if self.everything:
            return "everything"
        if self.year or self.village:
            return "year" if self.year else "village"
        return ""


NOTHING = Changes()
EVERYTHING = Changes(everything=True)
