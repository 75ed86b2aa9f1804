"""One description of a policy, rendered by every face: `policy show`, the summary PDF and the
township's warning all show the core's items, worded the same."""

from __future__ import annotations

import json
import re
import subprocess
from dataclasses import replace
from datetime import date

import pytest

from enrollagent.core.policy import Subsidy, policy_from_json
from enrollagent.core.policy_text import describe_policy, payment_terms
from enrollagent.exports.summary import write_summary
from enrollagent.township.policies import policy_warnings

from .conftest import make_village

SPEC = {
    "name": "某县 2025年度",
    "year": 2025,
    "standard": 400,
    "government_subsidy": 1000.5,
    "window": {"start": "2024-09-01", "end": "2024-12-31", "days_of_month": [1, 25]},
    "newborn_exempt_from": "2025-01-01",
    "subsidies": {
        "extreme_poverty": {"kind": "full"},
        "minimum_living": {"kind": "fixed", "amount": 120},
        "orphan": {"kind": "percent", "value": 87.5},
    },
    "count_as_enrolled": ["employee"],
}
POLICY = policy_from_json(SPEC)


def test_the_description_says_everything_once():
    items = {i.key: (i.label, i.text) for i in describe_policy(POLICY)}
    assert len(items) == len(describe_policy(POLICY))  # every key once
    assert items["standard"] == ("个人缴费标准", "400 元/人")
    assert items["government_subsidy"] == ("财政补助", "1,000.50 元/人")
    assert items["window"] == ("征缴期", "2024-09-01 至 2024-12-31（每月1日至25日）")
    assert items["newborn_exempt"] == ("新生儿免缴", "2025-01-01 及以后出生")
    assert items["subsidy.extreme_poverty"] == ("特困人员", "全额资助，个人缴 0 元")
    assert items["subsidy.minimum_living"] == ("低保对象", "定额资助 120 元，个人缴 280 元")
    assert items["subsidy.orphan"][1] == "按标准的 87.5% 资助，个人缴 50 元"
    assert "困境儿童" in items["no_subsidy"][1] and "低保对象" not in items["no_subsidy"][1]
    assert "职工医保 计为已参保" in items["definition"][1]


def test_payment_terms_are_the_rules_the_description_states():
    described = {i.key: i.text for i in describe_policy(POLICY)}
    terms = payment_terms(POLICY)
    assert [t.key for t in terms][:2] == ["standard", "newborn_exempt"]
    for t in terms:
        if t.key in described:
            assert described[t.key].startswith(t.text)
        else:
            assert t.text == "无资助"


def test_policy_show_prints_every_item(cli, tmp_path):
    path = tmp_path / "policy.json"
    path.write_text(json.dumps(SPEC, ensure_ascii=False), encoding="utf-8")
    shown = cli("policy", "show", str(path), db=False).stdout.splitlines()
    assert shown == [f"{i.label}：{i.text}" for i in describe_policy(POLICY)]


def test_the_summary_prints_every_item(tmp_path):
    path = tmp_path / "policy.json"
    path.write_text(json.dumps(SPEC, ensure_ascii=False), encoding="utf-8")
    db = make_village(tmp_path / "village.db", policy=str(path))
    pdf = write_summary(db, tmp_path / "s.pdf", roll_sha256="0" * 64, key_fingerprint="K")
    db.close()
    text = subprocess.run(
        ["pdftotext", "-layout", str(pdf), "-"], check=True, capture_output=True, text=True
    ).stdout
    # Without each page's running head and foot, an item broken across a page reads whole again.
    body = [line for line in text.splitlines() if not re.search(r"制表日期|第\s*\d+\s*页", line)]
    flat = re.sub(r"\s+", "", "".join(body))
    for i in describe_policy(POLICY):  # each subsidy here differs, so each has its own line
        assert re.sub(r"\s+", "", f"{i.label}：{i.text}。") in flat, i.key


def test_the_township_names_each_term_that_differs():
    odd = replace(
        POLICY,
        standard_fen=35000,
        newborn_exempt_from=None,
        subsidies={**POLICY.subsidies, "orphan": Subsidy("fixed", amount_fen=8000)},
    )
    _, [warning] = policy_warnings([("一村", POLICY), ("二村", POLICY), ("三村", odd)])
    usual = {t.key: t.text for t in payment_terms(POLICY)}
    differing = [t for t in payment_terms(odd) if t.text != usual[t.key]]
    assert [t.key for t in differing] == ["standard", "newborn_exempt", "subsidy.orphan"]
    for t in differing:
        assert f"{t.label} {t.text}（多数村 {usual[t.key]}）" in warning
    assert "个人缴费标准 350 元/人（多数村 400 元/人）" in warning
    assert "孤儿/事实无人抚养儿童 定额资助 80 元（多数村 按标准的 87.5% 资助）" in warning


@pytest.mark.parametrize("born", [date(2025, 1, 1), None])
def test_a_newborn_rule_is_a_payment_term_either_way(born):
    terms = {t.key: t.text for t in payment_terms(replace(POLICY, newborn_exempt_from=born))}
    assert terms["newborn_exempt"] == ("2025-01-01 及以后出生" if born else "无")
