"""Policy files, presets built from the seeds, and payable per person."""

import json
import re
from datetime import date
from pathlib import Path

import pytest

from enrollagent.core import policy as policy_module
from enrollagent.core.policy import (
    list_presets,
    load_policy,
    policy_from_json,
    policy_problems,
    presets_dir,
    require_complete,
)
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
        ({"subsidies": {"minimum_living": {"kind": "fixed"}}}, "请填写金额"),
        ({"subsidies": {"minimum_living": {"kind": "percent", "value": 120}}}, "百分数"),
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
    with pytest.raises(EnrollError, match="缺少征缴期"):
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
    "data, problem, key, params, sentence",
    [
        ([], "policy_not_object", "", {}, "顶层应为一个对象 {…}"),
        ({"name": "x"}, "policy_field_missing", "year", {}, "缺少参保年度（year）"),
        ({**GOOD, "name": " "}, "policy_name", "name", {}, "政策名称不能为空（name）"),
        (
            {**GOOD, "year": 1999},
            "policy_year",
            "year",
            {"value": 1999},
            "参保年度应为2000到2100之间的年份，现为“1999”（year）",
        ),
        (
            {**GOOD, "standard": "380"},
            "policy_amount_type",
            "standard",
            {},
            "个人缴费标准应为数字（元）（standard）",
        ),
        (
            {**GOOD, "government_subsidy": -1},
            "policy_amount_negative",
            "government_subsidy",
            {},
            "财政补助不能为负数（government_subsidy）",
        ),
        (
            {**GOOD, "standard": 380.001},
            "policy_amount_decimals",
            "standard",
            {},
            "个人缴费标准最多两位小数（standard）",
        ),
        (
            {**GOOD, "standard": 0},
            "policy_standard_zero",
            "standard",
            {},
            "个人缴费标准应大于0（standard）",
        ),
        (
            {**GOOD, "window": []},
            "policy_window",
            "window",
            {},
            "征缴期应有开始日和截止日（window）",
        ),
        (
            {**GOOD, "window": {**WINDOW, "end": "2023-9-1"}},
            "policy_date",
            "window.end",
            {"value": "2023-9-1"},
            "征缴期截止日应为日期，如 2026-09-01，现为“2023-9-1”（window.end）",
        ),
        (
            {**GOOD, "window": {**WINDOW, "days_of_month": [0, 25]}},
            "policy_days_of_month",
            "window.days_of_month",
            {},
            "每月收缴日应为起日和止日，如 1 日至 25 日（window.days_of_month）",
        ),
        (
            {**GOOD, "subsidies": []},
            "policy_subsidies",
            "subsidies",
            {},
            '各类人员资助应为对象，如 {"extreme_poverty": {"kind": "full"}}（subsidies）',
        ),
        (
            {**GOOD, "subsidies": {"orphan": {"kind": "half"}}},
            "policy_subsidy_kind",
            "subsidies.orphan",
            {},
            "孤儿/事实无人抚养儿童的资助应为全额、定额、比例、无或待定"
            "（full、fixed、percent、none、pending）（subsidies.orphan）",
        ),
        (
            {**GOOD, "count_as_enrolled": ["deceased"]},
            "policy_count_as_enrolled",
            "count_as_enrolled",
            {"known": "、".join(OUTSIDE_KINDS)},
            f"计为已参保的类别只能包含 {'、'.join(OUTSIDE_KINDS)}（count_as_enrolled）",
        ),
    ],
)
def test_each_policy_mistake_has_a_code_its_parameters_and_todays_sentence(
    data, problem, key, params, sentence
):
    with pytest.raises(EnrollError) as e:
        policy_from_json(data)
    assert e.value.code == "policy_invalid"
    assert e.value.params == {"problem": problem, "key": key, "detail": sentence, **params}
    assert e.value.message == f"政策文件有误：{sentence}"


def test_every_policy_problem_code_is_worded():
    """A problem code with no sentence would show the bare code to the agent."""
    source = Path(policy_module.__file__).read_text(encoding="utf-8")
    raised = set(re.findall(r'_FieldError\(\s*[^,]+,\s*"(policy_\w+)"', source))
    assert raised and raised <= set(MESSAGES)


def test_a_new_years_policy_is_made_from_a_preset_and_its_gaps_are_named_on_their_fields():
    huojia = load_policy("huojia-2024").for_year(2027)
    assert (huojia.year, huojia.window_start, huojia.window_end) == (
        2027,
        date(2026, 9, 10),
        date(2026, 12, 31),
    )
    assert huojia.newborn_exempt_from == date(2027, 1, 1)
    assert policy_problems(huojia.to_json()) == {}
    # 确山's notice left the subsidies 待定: the policy cannot govern a year until they are decided.
    queshan = load_policy("queshan-2024").for_year(2027).to_json()
    problems = policy_problems(queshan)
    assert problems["subsidies.extreme_poverty"].startswith("特困人员的资助还是待定")
    with pytest.raises(EnrollError, match="政策还不能使用：特困人员的资助还是待定"):
        require_complete(policy_from_json(queshan))
    bad = {
        **huojia.to_json(),
        "name": "确山县 2024年度",
        "window": {"start": "2026-09-01", "end": "2028-01-31"},
        "subsidies": {"marginal": {"kind": "fixed"}},
    }
    problems = policy_problems(bad)
    # A form shows the first of the structural mistakes; the gaps come once those are mended.
    assert problems == {"subsidies.marginal": "边缘易致贫户的资助选了定额，请填写金额（元）"}
    del bad["subsidies"]["marginal"]
    assert policy_problems(bad) == {
        "window.end": "征缴期应在2027年度结束前截止，最晚 2027-12-31",
        "name": "政策名称里写着 2024，与参保年度 2027 不一致：年度单独填写，名称里不必写年度",
    }
    early = {**huojia.to_json(), "window": {"start": "2025-09-01", "end": "2026-12-31"}}
    assert "最早在 2025-10-01" in policy_problems(early)["window.start"]


def test_the_long_term_terms_default_to_the_national_guidance_and_round_trip():
    plain = policy_from_json(GOOD)
    assert plain.long_term.fixed_months == 3 and plain.long_term.floor_months == 6
    assert "extreme_poverty" in plain.long_term.exempt_categories
    county = policy_from_json(
        {**GOOD, "long_term": {"gap_counted_from": 2, "bonus_per_year": 1500}}
    )
    assert county.long_term.gap_counted_from == 2
    assert county.long_term.bonus_per_year_fen == 150_000
    assert policy_from_json(json.loads(json.dumps(county.to_json()))) == county
    assert policy_problems({**GOOD, "long_term": {"fixed_months": -1}}) == {
        "long_term.fixed_months": "固定待遇等待期（月）应为0到100之间的整数"
    }


def test_a_provinces_major_illness_cap_is_a_reasonable_amount():
    """河南's 大病保险 cap is 40万 yuan: far above a premium, yet no typing slip."""
    capped = policy_from_json({**GOOD, "long_term": {"major_illness_cap": 400_000}})
    assert capped.long_term.major_illness_cap_fen == 40_000_000
    assert "long_term.bonus_per_year" in policy_problems(
        {**GOOD, "long_term": {"bonus_per_year": 400_000}}
    )


def test_a_subsidy_decided_as_none_is_no_subsidy_and_a_pending_one_charges_in_full_meanwhile():
    p = policy_from_json(
        {**GOOD, "subsidies": {"orphan": {"kind": "none"}, "marginal": {"kind": "pending"}}}
    )
    assert p.payable_fen(["orphan"]) == p.payable_fen(["marginal"]) == 38000
    assert p.pending == ("marginal",)


def test_a_policy_moved_to_another_year_moves_the_years_in_its_name():
    data = {**GOOD, "name": "鄢陵县 2023年集中征缴（2024年度待遇）"}
    moved = policy_from_json(data).for_year(2027)
    assert moved.name == "鄢陵县 2026年集中征缴（2027年度待遇）"
    assert policy_problems(moved.to_json()) == {}
    # "NNNN年度" is the coverage year: last year's is a contradiction on the summary.
    stale = {**moved.to_json(), "name": "获嘉县 2026年度"}
    assert set(policy_problems(stale)) == {"name"}
