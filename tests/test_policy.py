"""Policy files, presets built from the seeds, and payable per person."""

import json
from datetime import date

import pytest

from enrollagent.core.policy import list_presets, load_policy, policy_from_json, presets_dir
from enrollagent.errors import EnrollError


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
