"""Comparing the policies the villages of one year used: the figures' definition, standard, subsidies."""

from __future__ import annotations

from collections.abc import Callable, Hashable

from ..core.money import yuan
from ..core.policy import Policy, Subsidy
from ..core.vocab import CATEGORIES


def _groups(
    policies: list[tuple[str, Policy]], key: Callable[[Policy], Hashable]
) -> list[list[tuple[str, Policy]]]:
    """Villages grouped by key(policy), the largest group first (ties: the first seen)."""
    out: dict[Hashable, list[tuple[str, Policy]]] = {}
    for name, policy in policies:
        out.setdefault(key(policy), []).append((name, policy))
    return sorted(out.values(), key=len, reverse=True)


def _terms(policy: Policy) -> tuple:
    return policy.standard_fen, tuple(sorted(policy.subsidies.items()))


def _subsidy(s: Subsidy | None) -> str:
    if s is None:
        return "无资助"
    if s.kind == "full":
        return "全额资助"
    if s.kind == "fixed":
        return f"资助 {yuan(s.amount_fen)} 元"
    return f"资助 {s.percent:g}%"


def _differences(policy: Policy, usual: Policy) -> str:
    parts = []
    if policy.standard_fen != usual.standard_fen:
        parts.append(
            f"个人缴费标准 {yuan(policy.standard_fen)} 元（多数村 {yuan(usual.standard_fen)} 元）"
        )
    for c in CATEGORIES:
        mine, theirs = policy.subsidies.get(c.code), usual.subsidies.get(c.code)
        if mine != theirs:
            parts.append(f"{c.label}{_subsidy(mine)}（多数村{_subsidy(theirs)}）")
    return "，".join(parts)


def policy_warnings(policies: list[tuple[str, Policy]]) -> tuple[Policy, list[str]]:
    """(a policy with the definition most villages use, for the total; a Chinese warning for each
    set of villages whose definition, standard or subsidies differ from the majority's) — a village
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
