"""`history` and `--reason` on the command line (issue 15): after a package, progress is not an
amendment, a correction is, with its reason or "未说明原因"; as a subprocess on a real file."""

from __future__ import annotations

import sqlite3

from enrollagent.core.history import NO_REASON
from tests.imports_helpers import make_id
from tests.test_cli import one_line_error
from tests.test_cli_years import INIT

HEAD, WIFE, SON = make_id(1), make_id(2), make_id(3)
# An ID whose check character is X, to be typed in lower case.
X_ID = next(make_id(n) for n in range(4, 100) if make_id(n).endswith("X"))


def a_reported_village(cli, tmp_path):
    """Four people, the head paid, a package exported: all four reported, one paid."""
    cli(*INIT)
    cli("person", "add", "--name", "张一", "--id", HEAD, "--no", "001", "--group", "一组")
    cli("person", "add", "--name", "张二", "--id", WIFE, "--household", "001")
    cli("person", "add", "--name", "张三", "--id", SON, "--household", "001")
    cli("person", "add", "--name", "张四", "--id", X_ID, "--household", "001")
    cli("pay", HEAD, "--date", "2023-10-01")
    cli("export", "package", str(tmp_path / "上报"))


def test_progress_is_not_an_amendment_a_correction_is_with_its_reason(cli, tmp_path):
    a_reported_village(cli, tmp_path)

    paid = cli("pay", WIFE, "--date", "2023-10-02")
    assert paid.stderr == ""
    set_phone = cli("person", "set", SON, "--phone", "13912345678", "--reason", "电话写错了")
    assert set_phone.stderr == ""
    refund = cli("refund", HEAD, "--amount", "100")
    note = refund.stderr.strip().splitlines()
    assert len(note) == 1 and "上报包" in note[0] and "更正" in note[0] and "--reason" in note[0]

    wife = cli.json("history", WIFE)
    assert (wife["village"], wife["year"], wife["person"]) == ("获嘉县留庄镇李庄村", 2024, "张二")
    payment = wife["entries"][-1]  # a person's history is oldest first
    assert (payment["field"], payment["amendment"], payment["why"]) == ("payment", False, "")

    son = cli.json("history", SON)["entries"][-1]
    assert (son["field"], son["new"], son["why"], son["amendment"]) == (
        "phone",
        "13912345678",
        "电话写错了",
        True,
    )
    assert son["what"] == "修改人员信息" and son["who"] == "王明"

    head = cli.json("history", HEAD)["entries"][-1]
    assert (head["what"], head["why"], head["amendment"]) == ("退费", NO_REASON, True)
    assert head["old"] == "实缴 380 元" and head["new"].startswith("实缴 280 元（退费 100 元")

    listed = cli.json("history", "--amendments")
    assert listed["amendments"] is True
    assert [(e["person"], e["field"]) for e in listed["entries"]] == [
        ("张三", "phone"),
        ("张一", "payment"),
    ]

    text = cli("history", HEAD).stdout.splitlines()
    assert "获嘉县留庄镇李庄村" in text[0] and "2024年度" in text[0] and "张一" in text[0]
    assert f"原因：{NO_REASON}" in text[-1] and text[-1].endswith("[更正]")


def test_the_reason_reaches_undo_task_and_a_move_and_a_lowercase_x_finds_the_person(cli, tmp_path):
    a_reported_village(cli, tmp_path)
    cli("person", "set", X_ID, "--coverage", "employee", "--reason", "已在单位参保")
    cli("task", "900", "--reason", "乡镇调整任务")
    undo = cli("undo")  # the head's payment, which the package reported
    assert "更正" in undo.stderr

    x = cli.json("history", X_ID.lower())
    assert x["id_number"] == X_ID
    coverage = x["entries"][-1]
    assert (coverage["what"], coverage["why"], coverage["amendment"]) == (
        "参保情况",
        "已在单位参保",
        True,
    )
    log = cli.json("history")["entries"]  # the village log: newest first
    assert [(e["what"], e["why"]) for e in log[:3]] == [
        ("撤销", NO_REASON),
        ("修改任务数", "乡镇调整任务"),
        ("参保情况", "已在单位参保"),
    ]

    # The unpaid reason kept its meaning under its own name; it is progress, not a correction.
    quiet = cli("person", "set", WIFE, "--unpaid-reason", "长期外出/联系不上")
    assert quiet.stderr == ""
    assert cli.json("person", "show", WIFE)["unpaid_reason"] == "长期外出/联系不上"


def test_since_until_and_kind_filter_the_log(cli, tmp_path):
    a_reported_village(cli, tmp_path)
    # Everything up to the package happened last autumn (a payment's time is its change's).
    with sqlite3.connect(cli.db_path) as con:
        con.execute("UPDATE audit_log SET at = '2023-10-01T02:00:00Z'")
        con.execute("UPDATE change_log SET at = '2023-10-01T02:00:00Z'")
    con.close()
    cli("person", "set", SON, "--phone", "13912345678", "--reason", "电话写错了")

    recent = cli.json("history", "--since", "2024-01-01")["entries"]
    assert [e["field"] for e in recent] == ["phone"]
    old = cli.json("history", "--until", "2023-12-31")["entries"]
    assert old and "phone" not in [e["field"] for e in old]
    assert cli.json("history", SON, "--since", "2024-01-01")["entries"] == recent

    payments = cli.json("history", "--kind", "缴费")["entries"]
    assert payments == cli.json("history", "--kind", "payment")["entries"]
    assert [(e["person"], e["what"]) for e in payments] == [("张一", "登记缴费")]


def test_mistakes_are_one_line_on_stderr(cli, tmp_path):
    a_reported_village(cli, tmp_path)
    assert "校验位" in one_line_error(cli("history", HEAD[:-1] + "0", check=False))
    assert "位数" in one_line_error(cli("history", "12345", check=False))
    assert "找不到此人" in one_line_error(cli("history", make_id(9), check=False))
    assert "日期" in one_line_error(cli("history", "--since", "2024-13-01", check=False))
    assert "晚于" in one_line_error(
        cli("history", "--since", "2024-02-01", "--until", "2024-01-01", check=False)
    )
    assert "没有“钱”这一类" in one_line_error(cli("history", "--kind", "钱", check=False))
    assert "--amendments" in one_line_error(cli("history", "--year", "2024", check=False))


def test_a_reader_that_stops_early_is_not_a_crash(cli, tmp_path):
    """`history | head -1`: the pipe closes while the log is still printing."""
    import subprocess
    import sys

    a_reported_village(cli, tmp_path)
    for n in range(40):  # a log longer than a pipe's buffer would hold back
        cli("person", "set", SON, "--phone", f"139{n:08d}", "--reason", "电话写错了" * 20)
    pipe = subprocess.run(
        f'"{sys.executable}" -m enrollagent --db "{cli.db_path}" history | head -c 10',
        shell=True,
        capture_output=True,
        env=cli.env,
        check=False,
    )
    assert pipe.stdout
    assert "错误" not in pipe.stderr.decode() and "Traceback" not in pipe.stderr.decode()
