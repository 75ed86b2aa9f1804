"""Comparing the policies the villages of one year used: the figures' definition and the terms that
decide what a person pays (the core's payment_terms: standard, newborn exemption, subsidies)."""

from __future__ import annotations

from collections.abc import Callable, Hashable

from ..core.policy import Policy
from ..core.policy_text import payment_terms


def _groups(
    policies: list[tuple[str, Policy]], key: Callable[[Policy], Hashable]
) -> list[list[tuple[str, Policy]]]:
    """Villages grouped by key(policy), the largest group first (ties: the first seen)."""
    out: dict[Hashable, list[tuple[str, Policy]]] = {}
    for name, policy in policies:
        out.setdefault(key(policy), []).append((name, policy))
    return sorted(out.values(), key=len, reverse=True)


def _terms(policy: Policy) -> tuple[str, ...]:
    return tuple(item.text for item in payment_terms(policy))


def _differences(policy: Policy, usual: Policy) -> str:
    theirs = {item.key: item.text for item in payment_terms(usual)}
    return "，".join(
        f"{item.label} {item.text}（多数村 {theirs[item.key]}）"
        for item in payment_terms(policy)
        if item.text != theirs[item.key]
    )


def policy_warnings(policies: list[tuple[str, Policy]]) -> tuple[Policy, list[str]]:
    """(a policy with the definition most villages use, for the total; a Chinese warning for each
    set of villages whose definition or payment terms differ from the majority's) — a village
    that picked last year's or another county's preset would otherwise go unnoticed.
    `policies`: (village name, its policy) of every reported village; at least one."""
    warnings = []
    by_definition = _groups(policies, lambda p: p.count_as_enrolled)
    if len(by_definition) > 1:
        others = [name for group in by_definition[1:] for name, _ in group]
        warnings.append(
            f"各村统计口径不一致（{'、'.join(others)} 对职工/异地参保等的算法与多数村不同），"
            "合计按多数村的口径"
        )
    by_terms = _groups(policies, _terms)
    usual = by_terms[0][0][1]
    for group in by_terms[1:]:
        names = "、".join(name for name, _ in group)
        warnings.append(
            f"{names} 的缴费政策与本年度多数村（{len(by_terms[0])} 个村）不同："
            f"{_differences(group[0][1], usual)}；请与该村核实是否选错了政策"
        )
    return by_definition[0][0][1], warnings
