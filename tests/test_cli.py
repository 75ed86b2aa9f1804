"""The command line end to end, as a subprocess on a real database file."""

from enrollagent.core.ids import check_char

STATUS_KEYS = {
    "year",
    "persons",
    "households",
    "eligible",
    "enrolled",
    "paid",
    "subsidized",
    "newborn_exempt",
    "unpaid",
    "rate",
    "collected",
    "special",
    "attention",
}


def an_id(seq: int, born: str = "19700101") -> str:
    body = f"140524{born}{seq:03d}"
    return body + check_char(body)


INIT = [
    "init",
    "--village-code",
    "140524100201",
    "--village",
    "附城村",
    "--township",
    "附城镇",
    "--county",
    "陵川县",
    "--agent",
    "李梅",
    "--policy",
    "lingchuan-2023",
]


def test_lingchuan_village_end_to_end(cli):
    cli(*INIT)
    cli("person", "add", "--name", "张一", "--id", an_id(1), "--group", "一组", "--no", "001")
    cli(
        "person",
        "add",
        "--household",
        "001",
        "--name",
        "张二",
        "--id",
        an_id(2),
        "--relation",
        "配偶",
    )
    cli(
        "person",
        "add",
        "--household",
        an_id(1),
        "--name",
        "张三",
        "--id",
        an_id(3),
        "--relation",
        "子",
    )
    cli("person", "add", "--name", "王四", "--id", an_id(4), "--group", "二组")
    cli("person", "set", an_id(1), "--flag", "minimum_living")
    cli("person", "set", an_id(2), "--flag", "returned_poverty")
    cli("person", "set", an_id(3), "--flag", "minimum_living", "--flag", "extreme_poverty")
    assert cli.json("person", "show", an_id(1))["payable"] == 70
    assert cli.json("person", "show", an_id(2))["payable"] == 35
    assert cli.json("person", "show", an_id(3))["state"] == "subsidized"
    cli("pay", an_id(1), "--channel", "微信", "--ticket", "T001")
    cli("pay", an_id(2), "--amount", "35")
    status = cli.json("status")
    assert set(status) >= STATUS_KEYS
    assert (status["persons"], status["households"], status["eligible"]) == (4, 2, 4)
    assert (status["paid"], status["subsidized"], status["enrolled"], status["unpaid"]) == (
        2,
        1,
        3,
        1,
    )
    assert status["rate"] == 0.75 and status["collected"] == 105
    assert status["special"] == {
        "minimum_living": {"persons": 2, "enrolled": 2},
        "returned_poverty": {"persons": 1, "enrolled": 1},
        "extreme_poverty": {"persons": 1, "enrolled": 1},
    }
    assert status["attention"] == {
        "invalid_id": 0,
        "double_paid": 0,
        "refund_due": 0,
        "unmatched_payments": 0,
    }
    cli("pay", an_id(4), "--amount", "350")
    cli("pay", an_id(4), "--amount", "350", "--date", "2022-10-02")
    status = cli.json("status")
    assert status["attention"]["double_paid"] == 1 and status["attention"]["refund_due"] == 1
    cli("refund", an_id(4), "--amount", "350", "--reason", "重复缴费")
    status = cli.json("status")
    assert status["attention"]["refund_due"] == 0 and status["collected"] == 455
    assert "附城村" in cli("status").stdout


def one_line_error(result):
    assert result.returncode == 1, result
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and "Traceback" not in result.stderr, result.stderr
    return lines[0]


def test_user_mistakes_are_one_line_and_change_nothing(cli):
    cli(*INIT)
    cli("person", "add", "--name", "张一", "--id", an_id(1), "--group", "一组")
    before = cli.json("status")
    assert "校验位" in one_line_error(
        cli("person", "add", "--name", "错号", "--id", an_id(2)[:-1] + "0", check=False)
    )
    assert "已登记" in one_line_error(
        cli("person", "add", "--name", "重号", "--id", an_id(1), check=False)
    )
    assert "已初始化" in one_line_error(cli(*INIT, check=False))
    assert "没有名为" in one_line_error(cli("init", *INIT[1:-1], "nope", check=False))
    assert "找不到此人" in one_line_error(cli("pay", an_id(9), check=False))
    assert "金额" in one_line_error(cli("pay", an_id(1), "--amount", "三百", check=False))
    assert "日期" in one_line_error(cli("pay", an_id(1), "--date", "2022-13-01", check=False))
    assert cli.json("status") == before
    assert cli("status", "--bogus", check=False).returncode == 2


def test_missing_database_and_policy_file(cli, tmp_path):
    assert "不存在" in one_line_error(cli("status", check=False))
    assert "找不到政策文件" in one_line_error(
        cli("init", *INIT[1:-1], str(tmp_path / "x.json"), check=False)
    )
    assert not cli.db_path.exists() or cli("status", check=False).returncode == 1


def test_policy_file_and_unverified_person(cli):
    import json

    from .conftest import SAMPLES

    cli("init", *INIT[1:-1], str(SAMPLES / "village-a" / "policy.json"))
    cli(
        "person",
        "add",
        "--name",
        "待核",
        "--id",
        "4.11725E+17",
        "--unverified",
        "--birth",
        "1980-01-01",
    )
    status = cli.json("status")
    assert (
        status["year"] == 2024 and status["attention"]["invalid_id"] == 1 and status["persons"] == 1
    )
    presets = json.loads(cli("policy", "list", "--json", db=False).stdout)
    assert presets["lingchuan-2023"]["standard"] == 350


def test_db_from_environment(cli, tmp_path):
    env_db = tmp_path / "env.db"
    cli.env["ENROLLAGENT_DB"] = str(env_db)
    cli(*INIT, db=False)
    assert env_db.exists()


def test_whole_household_payment_takes_no_single_amount_or_ticket(cli):
    cli(*INIT)
    cli("person", "add", "--name", "张一", "--id", an_id(1), "--group", "一组", "--no", "001")
    line = one_line_error(cli("pay", an_id(1), "--all-household", "--amount", "1", check=False))
    assert "--amount" in line
    assert cli.json("status")["paid"] == 0


def test_the_crash_log_masks_id_numbers_and_is_private(tmp_path, monkeypatch):
    import stat
    import sys

    from enrollagent.cli import common

    monkeypatch.setattr(common, "log_dir", lambda: tmp_path)
    monkeypatch.setattr(sys, "argv", ["enrollagent", "pay", an_id(1), "--amount", "9999"])
    path = common._log_crash()
    text = path.read_text(encoding="utf-8")
    assert an_id(1) not in text and an_id(1)[-4:] in text and "--amount 9999" in text
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
