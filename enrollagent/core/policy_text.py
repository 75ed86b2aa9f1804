"""A policy in words, written once: labelled items that `policy show`, the summary PDF, the setup
wizard's table and the township's comparison each lay out their own way."""

from __future__ import annotations

from dataclasses import dataclass

from .money import yuan_text
from .policy import Policy, Subsidy
from .vocab import CATEGORIES, COVERAGE_KINDS


@dataclass(frozen=True)
class PolicyItem:
    key: str  # what the item is about, the same for every policy: "standard", "subsidy.orphan", …
    label: str
    text: str


DEFINITION = (
    "应参保 = 总人数 − 死亡 − 迁出 − 职工医保 − 异地参保 − 服役；参保率 = 已参保 ÷ 应参保；"
    "综合覆盖率 =（已参保 + 职工医保 + 异地参保 + 服役）÷（总人数 − 死亡 − 迁出）"
)


def describe_policy(policy: Policy) -> list[PolicyItem]:
    """Everything the policy says, in the order a county's notice says it."""
    items = [
        PolicyItem("name", "政策", policy.name),
        PolicyItem("year", "参保年度", str(policy.year)),
        _standard(policy),
        PolicyItem("government_subsidy", "财政补助", _per_person(policy.government_subsidy_fen)),
        PolicyItem("window", "征缴期", _window(policy)),
    ]
    if policy.newborn_exempt_from:
        items.append(_newborn(policy))
    unsubsidized = []
    for c in CATEGORIES:
        s = policy.subsidies.get(c.code)
        if s is None or s.kind == "none":
            unsubsidized.append(c.label)
            continue
        pays = yuan_text(policy.payable_fen((c.code,)))
        items.append(
            PolicyItem(f"subsidy.{c.code}", c.label, f"{subsidy_rule(s)}，个人缴 {pays} 元")
        )
    if unsubsidized:
        items.append(PolicyItem("no_subsidy", "无资助", "、".join(unsubsidized)))
    if (
        sum(s.kind not in ("none", "pending") for s in policy.subsidies.values()) > 1
    ):  # with one subsidised category there is nothing to stack
        items.append(
            PolicyItem("no_stacking", "资助不叠加", "同时属于多个类别的按最高资助标准执行")
        )
    return [*items, PolicyItem("definition", "统计口径", _definition(policy))]


def payment_terms(policy: Policy) -> list[PolicyItem]:
    """What decides what a person pays, every category included (无资助 too): two villages whose
    terms read the same charge everyone the same."""
    return [
        _standard(policy),
        _newborn(policy),
        *(
            PolicyItem(f"subsidy.{c.code}", c.label, subsidy_rule(policy.subsidies.get(c.code)))
            for c in CATEGORIES
        ),
    ]


def subsidy_rule(s: Subsidy | None) -> str:
    if s is None or s.kind == "none":
        return "无资助"
    if s.kind == "pending":
        return "资助待定"
    if s.kind == "full":
        return "全额资助"
    if s.kind == "fixed":
        return f"定额资助 {yuan_text(s.amount_fen)} 元"
    return f"按标准的 {s.percent:g}% 资助"


def _per_person(fen: int) -> str:
    return f"{yuan_text(fen)} 元/人"


def _standard(policy: Policy) -> PolicyItem:
    return PolicyItem("standard", "个人缴费标准", _per_person(policy.standard_fen))


def _newborn(policy: Policy) -> PolicyItem:
    born = policy.newborn_exempt_from
    return PolicyItem("newborn_exempt", "新生儿免缴", f"{born} 及以后出生" if born else "无")


def _window(policy: Policy) -> str:
    text = f"{policy.window_start} 至 {policy.window_end}"
    if policy.days_of_month:
        first, last = policy.days_of_month
        text += f"（每月{first}日至{last}日）"
    return text


def _definition(policy: Policy) -> str:
    if not policy.count_as_enrolled:
        return DEFINITION
    kinds = "、".join(COVERAGE_KINDS[k] for k in policy.count_as_enrolled)
    return f"{DEFINITION}。按本县口径，{kinds} 计为已参保，不从应参保中扣除"
