"""The practice village (issue 20): `enrollagent demo` builds every situation, and its pages and
exports say 练习 so it is never sent as real."""

from __future__ import annotations

import zipfile

import openpyxl
import pytest

from enrollagent.core.figures import person_states
from enrollagent.core.village import get_village
from enrollagent.core.vocab import CATEGORIES
from enrollagent.db import open_database

from .test_export_pdfs import pages


@pytest.fixture(scope="module")
def practice(tmp_path_factory):
    """A small practice village made by the command line, and its exports."""
    from .conftest import Cli

    tmp = tmp_path_factory.mktemp("practice")
    cli = Cli(tmp / "练习村.db", tmp)
    made = cli.json("demo", "--size", "150")
    out = tmp / "out"
    out.mkdir()
    roll = cli.json("export", "roll", str(out))["path"]
    summary = cli.json("export", "summary", str(out))["path"]
    package = cli("export", "package", str(out))
    return cli, made, roll, summary, package


def test_demo_makes_a_practice_village_with_every_situation(practice):
    cli, made, *_ = practice
    assert made["persons"] >= 150 and made["village"].startswith("【练习】")
    db = open_database(cli.db_path)
    assert get_village(db).practice
    flagged = {r[0] for r in db.execute("SELECT DISTINCT category FROM special_flag")}
    assert flagged == {c.code for c in CATEGORIES}
    states = person_states(db)
    assert sum(not s.id_valid for s in states) >= 3
    assert any(s.unpaid_reason == "重复参保待清理" for s in states)
    names = [s.name for s in states]
    assert any(names.count(n) > 1 for n in names)  # the person entered twice
    assert db.execute("SELECT 1 FROM payment WHERE amount_fen < 0").fetchone()  # the refund
    assert db.execute("SELECT COUNT(*) FROM unmatched_payment").fetchone()[0] == 1
    db.close()


def test_status_roll_summary_and_package_say_practice(practice):
    cli, _, roll, summary, package = practice
    assert "练习" in cli("status").stdout
    wb = openpyxl.load_workbook(roll)
    assert "【练习】" in wb.worksheets[0]["A1"].value
    wb.close()
    assert "练习" in pages(summary)[0]
    assert "练习村的上报包" in package.stderr and "请勿上报" in package.stderr
    zip_path = package.stdout.strip().split("：", 1)[1].splitlines()[0]
    with zipfile.ZipFile(zip_path) as zf:
        zf.extract("汇总表.pdf", cli.db_path.parent / "unzipped")
    assert "练习" in pages(cli.db_path.parent / "unzipped" / "汇总表.pdf")[0]


def test_demo_refuses_a_store_that_holds_a_village(practice, tmp_path):
    cli, *_ = practice
    again = cli("demo", check=False)
    assert again.returncode == 1 and "已有" in again.stderr and "Traceback" not in again.stderr
    bad = cli("demo", "--size", "0", "--db", str(tmp_path / "x.db"), db=False, check=False)
    assert bad.returncode == 1 and "人数" in bad.stderr
