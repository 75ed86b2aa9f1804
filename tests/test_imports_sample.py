"""Issue 3 end to end: the village-a sample through the real command line reaches expected.json."""

from __future__ import annotations

import json

from .conftest import SAMPLES

SAMPLE = SAMPLES / "village-a"


def test_village_a_through_the_cli(cli):
    expected = json.loads((SAMPLE / "expected.json").read_text(encoding="utf-8"))
    cli(
        "init",
        "--village",
        "验收村",
        "--township",
        "留庄镇",
        "--county",
        "确山县",
        "--agent",
        "王明",
        "--policy",
        str(SAMPLE / "policy.json"),
    )

    roster = cli.json("import", "roster", str(SAMPLE / "roster.xlsx"))
    exp = expected["roster"]
    assert roster["imported"] == exp["persons"]
    assert roster["households"] == exp["households"]
    assert roster["invalid_id"] == exp["invalid_id"]
    assert roster["duplicates"] == exp["duplicates"]
    assert roster["upgraded"] == exp["upgraded_15"]
    assert roster["already_present"] == 0

    minzheng = cli.json("import", "groups", str(SAMPLE / "groups_minzheng.xlsx"))
    xiangcun = cli.json("import", "groups", str(SAMPLE / "groups_xiangcun.xlsx"))
    canlian = cli.json("import", "groups", str(SAMPLE / "groups_canlian.xlsx"))
    exp = expected["groups"]
    assert minzheng["not_in_roster"] == exp["not_in_roster_minzheng"]
    assert xiangcun["skipped"] == exp["risk_eliminated_skipped"]
    assert canlian["skipped"] == exp["not_severe_skipped"]
    assert minzheng["name_mismatch"] > 0  # the 民政 list masks some names (刘某): the ID wins

    pay = cli.json("import", "payments", str(SAMPLE / "payments.csv"))
    exp = expected["payments"]
    assert pay["rows"] == exp["lines"]
    assert pay["ignored"] == exp["pension_rows"]
    assert pay["not_in_roster"] == exp["not_in_roster"]
    assert pay["other_year"] == exp["other_year"]
    assert pay["already_recorded"] == exp["repeated_ticket"]
    assert (
        pay["recorded"]
        == exp["lines"]
        - exp["pension_rows"]
        - exp["not_in_roster"]
        - exp["other_year"]
        - exp["repeated_ticket"]
    )

    status = cli.json("status")
    exp = expected["status"]
    for key in (
        "persons",
        "eligible",
        "paid",
        "subsidized",
        "enrolled",
        "unpaid",
        "rate",
        "collected",
    ):
        assert status[key] == exp[key], key
    assert status["attention"] == exp["attention"]
    assert status["special"] == exp["special"]
    assert sum(1 for _ in status["special"]) == len(exp["special"])
    assert status["attention"]["double_paid"] == expected["payments"]["double_paid_persons"]

    # Distinct persons flagged after all three lists.
    import sqlite3

    conn = sqlite3.connect(cli.db_path)
    assert (
        conn.execute("SELECT COUNT(DISTINCT person_id) FROM special_flag").fetchone()[0]
        == expected["groups"]["flagged_persons"]
    )
    checks = expected["checks"]
    net = dict(
        conn.execute(
            "SELECT p.id_number, SUM(y.amount_fen) FROM payment y JOIN person p ON p.id = y.person_id"
            " WHERE y.kind = 'personal' GROUP BY p.id"
        ).fetchall()
    )
    for idn in checks["double_paid_ids"]:
        assert net[idn] > 38000, idn
    refunds = {
        r[0]
        for r in conn.execute(
            "SELECT p.id_number FROM payment y JOIN person p ON p.id = y.person_id WHERE y.amount_fen < 0"
        )
    }
    assert refunds == set(checks["refunded_ids"])
    conn.close()

    # Importing everything a second time adds nothing and changes no figure.
    again = cli.json("import", "roster", str(SAMPLE / "roster.xlsx"))
    assert again["imported"] == 0 and again["households"] == 0
    assert again["already_present"] == expected["roster"]["persons"]
    for name in ("groups_minzheng.xlsx", "groups_xiangcun.xlsx", "groups_canlian.xlsx"):
        assert cli.json("import", "groups", str(SAMPLE / name))["new_flags"] == 0
    pay2 = cli.json("import", "payments", str(SAMPLE / "payments.csv"))
    assert pay2["recorded"] == 0 and pay2["not_in_roster"] == 0
    assert cli.json("status") == status
