"""Policy files, presets built from the seeds, and payable per person."""

import json
import re
from datetime import date
from pathlib import Path

import pytest

from enrollagent.core import policy as policy_module
from enrollagent.core.policy import list_presets, load_policy, policy_from_json, presets_dir
from enrollagent.core.vocab import OUTSIDE_KINDS
from enrollagent.errors import MESSAGES, EnrollError


def test_presets_from_the_seeds():
    presets = list_presets()
    assert {"huojia-2024", "lingchuan-2023", "yanling-2023"} <= set(presets)
    huojia = presets["huojia-2024"]
    assert huojia.standard_fen == 38000 and huojia.year == 2024
    assert huojia.payable_fen(["extreme_poverty"]) == 0
    assert huojia.payable_fen(["minimum_living"]) == 30000
    # Seed 002: 80 yuan for 低保 and 监测户, "即" 脱贫不稳定户、边缘易致贫户、突发严重困难户 — no one else.
    assert set(huojia.subsidies) == {
        "extreme_poverty",
        "minimum_living",
        "unstable",
        "marginal",
        "sudden_hardship",
    }
    assert huojia.payable_fen(["unstable"]) == 30000
    assert huojia.payable_fen([]) == 38000
    yanling = presets["yanling-2023"]
    for code in (
        "extreme_poverty",
        "minimum_living",
        "severe_disability",
        "key_veteran",
        "marginal",
    ):
        assert yanling.payable_fen([code]) == 0


def test_lingchuan_subsidies_as_seed_004_gives_them():
    p = load_policy("lingchuan-2023")
    assert p.standard_fen == 35000
    assert {
        c: p.subsidies[c].fen(p.standard_fen)
        for c in ("unstable", "returned_poverty", "extreme_poverty", "minimum_living")
    } == {
        "unstable": 28000,
        "returned_poverty": 31500,
        "extreme_poverty": 35000,
        "minimum_living": 28000,
    }
    assert p.payable_fen(["minimum_living"]) == 7000  # a 低保 person pays 70
    assert p.payable_fen(["returned_poverty"]) == 3500  # a 返贫致贫 person pays 35
    assert p.payable_fen(["minimum_living", "extreme_poverty"]) == 0  # largest wins, no stacking
    assert p.payable_fen(["minimum_living", "returned_poverty"]) == 3500
    assert p.days_of_month == (1, 25)
    assert p.is_collection_day(date(2022, 10, 25)) and not p.is_collection_day(date(2022, 10, 26))


def test_newborn_exemption():
    p = load_policy("huojia-2024")
    assert p.payable_fen([], date(2024, 1, 1)) == 0
    assert p.payable_fen([], date(2023, 12, 31)) == 38000


def test_window_days_left():
    p = load_policy("huojia-2024")
    assert p.window_days_left(date(2023, 12, 31)) == 1
    assert p.window_days_left(date(2024, 1, 1)) == 0
    assert p.window_days_left(date(2023, 1, 1)) == (date(2023, 12, 31) - date(2023, 9, 10)).days + 1


GOOD = {
    "name": "x",
    "year": 2024,
    "standard": 380,
    "government_subsidy": 640,
    "window": {"start": "2023-09-10", "end": "2023-12-31"},
    "subsidies": {},
}


@pytest.mark.parametrize(
    "change, words",
    [
        ({"standard": "380"}, "standard"),
        ({"year": 1999}, "year"),
        ({"window": {"start": "2023-13-01", "end": "2023-12-31"}}, "window.start"),
        ({"window": {"start": "2023-12-31", "end": "2023-09-01"}}, "window.end"),
        ({"subsidies": {"dibao": {"kind": "full"}}}, "dibao"),
        ({"subsidies": {"minimum_living": {"kind": "fixed"}}}, "amount"),
        ({"subsidies": {"minimum_living": {"kind": "percent", "value": 120}}}, "百分比"),
        (
            {"window": {"start": "2023-09-10", "end": "2023-12-31", "days_of_month": [25, 1]}},
            "days_of_month",
        ),
    ],
)
def test_bad_policies_name_the_field(change, words):
    with pytest.raises(EnrollError) as e:
        policy_from_json({**GOOD, **change})
    assert words in e.value.message and "政策文件有误" in e.value.message


def test_missing_field_and_bad_json(tmp_path):
    bad = dict(GOOD)
    del bad["window"]
    with pytest.raises(EnrollError, match="缺少字段 window"):
        policy_from_json(bad)
    f = tmp_path / "p.json"
    f.write_text("{not json", encoding="utf-8")
    with pytest.raises(EnrollError, match="不是合法的JSON"):
        load_policy(str(f))
    with pytest.raises(EnrollError, match="找不到政策文件"):
        load_policy(str(tmp_path / "missing.json"))
    with pytest.raises(EnrollError, match="没有名为"):
        load_policy("no-such-preset")


def test_round_trip():
    for p in list_presets().values():
        assert policy_from_json(json.loads(json.dumps(p.to_json()))) == p


@pytest.mark.parametrize("amount", [float("nan"), float("inf"), 1e400, 10**9])
def test_absurd_amounts_in_a_policy_file_are_refused(amount):
    data = json.loads((presets_dir() / "huojia-2024.json").read_text(encoding="utf-8"))
    data["standard"] = amount
    with pytest.raises(EnrollError) as e:
        policy_from_json(data)
    assert e.value.code == "policy_invalid" and "standard" in e.value.message


WINDOW = {"start": "2023-09-10", "end": "2023-12-31"}


@pytest.mark.parametrize(
    "data, problem, params, sentence",
    [
        ([], "policy_not_object", {}, "顶层应为一个对象 {…}"),
        ({"name": "x"}, "policy_field_missing", {"field": "year"}, "缺少字段 year"),
        ({**GOOD, "name": " "}, "policy_name", {}, "name 应为非空文字"),
        (
            {**GOOD, "year": 1999},
            "policy_year",
            {"value": 1999},
            "year 应为2000到2100之间的年份，现为“1999”",
        ),
        (
            {**GOOD, "standard": "380"},
            "policy_amount_type",
            {"field": "standard（个人缴费标准）"},
            "standard（个人缴费标准） 应为数字（元）",
        ),
        (
            {**GOOD, "government_subsidy": -1},
            "policy_amount_negative",
            {"field": "government_subsidy（财政补助）"},
            "government_subsidy（财政补助） 不能为负数",
        ),
        (
            {**GOOD, "standard": 380.001},
            "policy_amount_decimals",
            {"field": "standard（个人缴费标准）"},
            "standard（个人缴费标准） 最多两位小数",
        ),
        ({**GOOD, "standard": 0}, "policy_standard_zero", {}, "standard（个人缴费标准）应大于0"),
        ({**GOOD, "window": []}, "policy_window", {}, "window 应包含 start 和 end"),
        (
            {**GOOD, "window": {**WINDOW, "end": "2023-9-1"}},
            "policy_date",
            {"field": "window.end", "value": "2023-9-1"},
            "window.end 应为日期，如 2023-09-10，现为“2023-9-1”",
        ),
        (
            {**GOOD, "window": {**WINDOW, "days_of_month": [0, 25]}},
            "policy_days_of_month",
            {},
            "window.days_of_month 应为 [起日, 止日]，如 [1, 25]",
        ),
        (
            {**GOOD, "subsidies": []},
            "policy_subsidies",
            {},
            'subsidies 应为对象，如 {"extreme_poverty": {"kind": "full"}}',
        ),
        (
            {**GOOD, "subsidies": {"orphan": {"kind": "half"}}},
            "policy_subsidy_kind",
            {"category": "orphan"},
            "subsidies.orphan.kind 应为 full、fixed 或 percent",
        ),
        (
            {**GOOD, "count_as_enrolled": ["deceased"]},
            "policy_count_as_enrolled",
            {"known": "、".join(OUTSIDE_KINDS)},
            f"count_as_enrolled 只能包含 {'、'.join(OUTSIDE_KINDS)}",
        ),
    ],
)
def test_each_policy_mistake_has_a_code_its_parameters_and_todays_sentence(
    data, problem, params, sentence
):
    with pytest.raises(EnrollError) as e:
        policy_from_json(data)
    assert e.value.code == "policy_invalid"
    assert e.value.params == {"problem": problem, "detail": sentence, **params}
    assert e.value.message == f"政策文件有误：{sentence}"


def test_every_policy_problem_code_is_worded():
    """A problem code with no sentence would show the bare code to the agent."""
    source = Path(policy_module.__file__).read_text(encoding="utf-8")
    raised = set(re.findall(r'_bad\(\s*"(policy_\w+)"', source))
    assert raised and raised <= set(MESSAGES)
