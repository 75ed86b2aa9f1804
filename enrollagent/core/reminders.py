"""What each household owes, how to pay, and what paying after the window costs: the facts that
缴费告知单, reminder texts and the 催缴消息 page all word from."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

import sqlite_utils

from .cover import Cover, covers
from .figures import PersonState, person_states
from .policy import Policy
from .policy_text import subsidy_rule
from .village import get_policy, get_setting
from .vocab import CATEGORY_BY_CODE, GONE_KINDS, STATES

# Settings the agent fills in on the 设置 page (stored like the notice's).
PAY_CHANNELS_SETTING = "pay_channels"  # the ways to pay, separated by 、
PAY_NOTE_SETTING = "pay_note"  # a payment code or what to type, as the county says
DEFAULT_CHANNELS = "税务APP、微信“税务”公众号、支付宝“税务”小程序、银行柜台、村委会代办点"


@dataclass(frozen=True)
class PayHow:
    channels: tuple[str, ...]
    note: str

    @property
    def text(self) -> str:
        return "、".join(self.channels)


def pay_how(db: sqlite_utils.Database) -> PayHow:
    raw = get_setting(db, PAY_CHANNELS_SETTING, "").strip() or DEFAULT_CHANNELS
    channels = tuple(c.strip() for c in raw.replace("，", "、").replace(",", "、").split("、"))
    return PayHow(tuple(c for c in channels if c), get_setting(db, PAY_NOTE_SETTING, "").strip())


def day_text(day: date) -> str:
    return f"{day.year}年{day.month}月{day.day}日"


def short_day(day: date) -> str:
    """A deadline in a text message, where every character counts: 12月31日."""
    return f"{day.month}月{day.day}日"


@dataclass(frozen=True)
class MemberDue:
    state: PersonState
    subsidy: str  # the subsidy that applies, in words ("" when none)
    note: str  # the state, and for 0 to pay the reason
    cover: Cover | None  # for the unpaid: the waiting they would face if late

    @property
    def unpaid(self) -> bool:
        return self.state.state == "unpaid"

    @property
    def waiting_if_late(self) -> int:
        return self.cover.waiting_if_late if self.cover else 0


@dataclass(frozen=True)
class HouseholdDue:
    household_id: int
    group_name: str
    hh_no: str
    head: str
    phone: str
    members: list[MemberDue]

    @property
    def unpaid(self) -> list[MemberDue]:
        return [m for m in self.members if m.unpaid]

    @property
    def payable_fen(self) -> int:
        return sum(m.state.payable_fen for m in self.members)

    @property
    def owed_fen(self) -> int:
        return sum(m.state.owed_fen for m in self.members)

    @property
    def waiting_range(self) -> tuple[int, int]:
        """The fewest and most months any unpaid member would wait if paying late."""
        months = [m.waiting_if_late for m in self.unpaid if m.waiting_if_late]
        return (min(months), max(months)) if months else (0, 0)


def _subsidy(policy: Policy, s: PersonState) -> tuple[str, str]:
    """(the subsidy that applies, its category's label): the largest, as payable takes it."""
    best, text, label = 0, "", ""
    for code in s.categories:
        rule = policy.subsidies.get(code)
        fen = rule.fen(policy.standard_fen) if rule else 0
        if rule and fen > best:
            best, text, label = fen, subsidy_rule(rule), CATEGORY_BY_CODE[code].label
    return text, label


def _note(s: PersonState, label: str) -> str:
    """Why a member owes what the slip shows: the reason for 0 above all."""
    if s.state == "subsidized":
        return f"全额资助（{label}），个人不缴费"
    if s.state == "newborn_exempt":
        return "新生儿，当年免缴"
    if s.state == "school":
        return "在学校参保，不在本村缴"
    if s.state == "paid":
        return "已缴费"
    if s.state == "unpaid":
        return "未缴费"
    return f"{STATES.get(s.state, s.state)}，不在本村缴"


def waiting_words(member: MemberDue, deadline: date) -> str:
    """What paying after the window costs this person, in plain words."""
    c = member.cover
    if c is None:
        return ""
    if c.exempt:
        return f"{member.state.name}：不设待遇等待期（{c.exempt}）"
    gap = f"（已断保{c.gap_years}年）" if c.gap_years else ""
    return (
        f"{member.state.name}{gap}：{day_text(deadline)}以后再缴费的，"
        f"缴费后要等{c.waiting_if_late}个月才能报销医药费"
    )


def household_dues(
    db: sqlite_utils.Database,
    year: int,
    *,
    group: str | None = None,
    unpaid_only: bool = False,
    household_ids: list[int] | None = None,
) -> list[HouseholdDue]:
    """Each household of the year with its members (the dead and moved out left off), in roster
    order; `unpaid_only` keeps the households with someone still to pay."""
    policy = get_policy(db, year)
    states = [
        s
        for s in person_states(db, year, policy=policy)
        if s.state not in GONE_KINDS
        and (group is None or s.group_name == group)
        and (household_ids is None or s.household_id in household_ids)
    ]
    unpaid = [s for s in states if s.state == "unpaid"]
    waits = covers(db, year, states=unpaid, policy=policy) if unpaid else {}
    phones = dict(db.execute("SELECT id, phone FROM household").fetchall())
    by_household: dict[int, list[MemberDue]] = {}
    for s in states:
        subsidy, label = _subsidy(policy, s)
        member = MemberDue(s, subsidy, _note(s, label), waits.get(s.person_id))
        by_household.setdefault(s.household_id, []).append(member)
    return [
        _household(hid, members, phones.get(hid) or "")
        for hid, members in by_household.items()
        if not unpaid_only or any(m.unpaid for m in members)
    ]


def _household(hid: int, members: list[MemberDue], phone: str) -> HouseholdDue:
    """The household's phone, else its head's, else any member's."""
    head = next((m.state for m in members if m.state.relation == "户主"), None)
    phone = (
        phone
        or (head.phone if head else "")
        or next((m.state.phone for m in members if m.state.phone), "")
    )
    first = members[0].state
    return HouseholdDue(
        hid, first.group_name, first.hh_no, head.name if head else "", phone, members
    )
