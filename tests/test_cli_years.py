"""`year start`, `year list`, `status --year`, waiting periods and the window on the command line,
as a subprocess on a real database file."""

from __future__ import annotations

import json

from tests.imports_helpers import make_id

INIT = [
    "init",
    "--village",
    "李庄村",
    "--township",
    "留庄镇",
    "--county",
    "获嘉县",
    "--agent",
    "王明",
    "--policy",
    "huojia-2024",
]


def a_2024_village(cli):
    cli(*INIT)
    cli("person", "add", "--name", "张一", "--id", make_id(1), "--no", "001", "--group", "一组")
    for n, name in ((2, "张二"), (3, "张三"), (4, "张四")):
        cli("person", "add", "--name", name, "--id", make_id(n), "--household", "001")
    cli("pay", make_id(1), "--date", "2023-10-01")
    cli("person", "set", make_id(2), "--flag", "extreme_poverty")
    cli("person", "set", make_id(3), "--coverage", "deceased")
    cli("person", "set", make_id(4), "--coverage", "employee", "--coverage-note", "县医院")


def test_a_year_is_previewed_then_started_and_last_year_stays_as_it_was(cli):
    a_2024_village(cli)
    status_2024 = cli.json("status")
    preview = cli.json("year", "start", "2025", "--policy", "上年", "--task", "3", "--dry-run")
    assert preview == {
        "dry_run": True,
        "from_year": 2024,
        "year": 2025,
        "policy": "获嘉县（河南）",
        "task": 3,
        "persons_carried": 3,
        "households": 1,
        "left": 1,
        "left_by_kind": {"deceased": 1},
        "to_confirm": 1,
        "flags_to_recertify": 1,
    }
    assert cli.json("status")["year"] == 2024  # the preview changed nothing
    started = cli.json("year", "start", "2025", "--policy", "上年", "--task", "3")
    assert {k: v for k, v in started.items() if k != "dry_run"} == {
        k: v for k, v in preview.items() if k != "dry_run"
    }
    status = cli.json("status")
    assert (status["year"], status["persons"], status["unpaid"], status["task"]) == (
        2025,
        3,
        2,
        3,
    )
    assert status["window"] == {
        "start": "2024-09-10",
        "end": "2024-12-31",
        "days_left": 0,
        "ended": True,
    }
    assert cli.json("status", "--year", "2024") == status_2024
    listed = json.loads(cli("year", "list", "--json").stdout)
    assert [(y["year"], y["persons"], y["current"]) for y in listed] == [
        (2025, 3, True),
        (2024, 4, False),
    ]
    text = cli("year", "list").stdout
    assert "2025年度（当前）：在册 3 人，任务 3" in text

    again = cli("year", "start", "2025", "--policy", "上年", check=False)
    assert again.returncode == 1
    assert again.stderr.strip() == "错误：2025年度已经开始过了，不能再开始一次"
    pending = cli("year", "start", "2026", "--policy", "queshan-2024", check=False)
    assert pending.returncode == 1 and "资助还是待定" in pending.stderr
    assert cli.json("status")["year"] == 2025


def test_a_policy_file_for_another_year_is_refused(cli, tmp_path):
    a_2024_village(cli)
    policy = tmp_path / "p.json"
    data = json.loads(cli("policy", "list", "--json").stdout)["huojia-2024"]
    policy.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    wrong = cli("year", "start", "2025", "--policy", str(policy), check=False)
    assert wrong.returncode == 1
    assert wrong.stderr.strip() == "错误：政策是2024年度的，与要开始的2025年度不一致"


def test_waiting_periods_show_in_status_and_on_the_person(cli):
    a_2024_village(cli)
    cli("year", "start", "2025", "--policy", "上年")
    late = cli.json("status")["waiting_if_late"]
    # Unpaid in 2025: 张一 (paid 2024: 3 months only if late) and 张二 (特困 last year, not yet
    # certified again this year: no exemption until the new list flags him).
    assert late == {"persons": 2, "months": {"3": 2}}
    one = cli.json("person", "show", make_id(1))
    assert (one["continuous_years"], one["gap_years"], one["waiting_months"]) == (
        1,
        0,
        {"on_time": 0, "late": 3},
    )
    cli("person", "set", make_id(2), "--flag", "extreme_poverty")
    two = cli.json("person", "show", make_id(2))
    assert two["waiting_exempt"] == "特困人员" and two["waiting_months"]["late"] == 0
    employee = cli.json("person", "show", make_id(4))
    assert employee["to_confirm"] is True
    cli("person", "set", make_id(4), "--confirm-cover")
    assert cli.json("person", "show", make_id(4))["to_confirm"] is False
    assert "征缴期后缴费等待 3 个月" in cli("person", "show", make_id(1)).stdout


def test_a_village_set_up_for_the_running_season_and_a_late_payment_is_named(cli):
    cli(*INIT[:-1], "huojia-2024", "--year", "2027")
    assert cli.json("status")["year"] == 2027
    assert cli.json("status")["window"]["start"] == "2026-09-10"
    cli("person", "add", "--name", "张一", "--id", make_id(1))
    paid = cli("pay", make_id(1), "--date", "2027-01-05")
    assert paid.stdout.startswith(
        "注意：缴费日期 2027-01-05 不在2027年度征缴期（2026-09-10 至 2026-12-31）内"
    )
    cli("person", "add", "--name", "张二", "--id", make_id(2))
    on_time = cli("pay", make_id(2), "--date", "2026-10-01")
    assert on_time.stdout.startswith("已登记 张二 缴费 380 元")
