"""Amendments at the township (issue 15, item 3): received with their package, counted per
village, listed (CLI township amendments), dated in the report; a package made before they
travelled, or a list that disagrees with the signed count, handled like any other."""

from __future__ import annotations

import json
import sqlite3
import zipfile
from pathlib import Path

import openpyxl
import pytest

from enrollagent.core.clock import local_time
from enrollagent.db.store import db_file
from enrollagent.errors import EnrollError
from enrollagent.exports.keys import load_or_create_key
from enrollagent.exports.package import DATA, MANIFEST, SIGNATURE, build_package, sha256_hex
from enrollagent.township.amendments import find_village, list_amendments
from enrollagent.township.intake import add_packages
from enrollagent.township.migrations import TOWNSHIP_MIGRATIONS
from enrollagent.township.report import write_report
from enrollagent.township.status import township_status
from enrollagent.township.store import open_township

from .test_package_amendments import amend
from .test_township import A_PEOPLE, B_PEOPLE
from .township_helpers import make_village, resign_data

SCHEMAS = Path(__file__).parent / "schemas"


@pytest.fixture
def villages(tmp_path):
    a = make_village(tmp_path / "a", code="411725100001", name="李庄村", people=A_PEOPLE)
    b = make_village(tmp_path / "b", code="411725100002", name="王庄村", people=B_PEOPLE)
    yield a, b
    a.close()
    b.close()


@pytest.fixture
def town(tmp_path):
    db = open_township(tmp_path / "township.db")
    yield db
    db.close()


def amended_package(villages, tmp_path) -> tuple[Path, Path, Path]:
    """李庄 and 王庄 report; 李庄 then corrects a phone and refunds a payment, and reports again."""
    a, b = villages
    first, other = build_package(a, tmp_path / "out"), build_package(b, tmp_path / "out")
    amend(a)
    return first, other, build_package(a, tmp_path / "out")


def rows(town, year=2024) -> dict[str, tuple[int, str]]:
    return {v.name: (v.amendments, v.amended_at) for v in township_status(town, year).villages}


def test_a_package_with_amendments_is_counted_and_listed_per_village(villages, town, tmp_path):
    first, other, second = amended_package(villages, tmp_path)
    received = add_packages(town, [first, other]).received
    assert [r.amendments for r in received] == [0, 0]
    assert rows(town) == {"李庄村": (0, ""), "王庄村": (0, "")}

    (again,) = add_packages(town, [second]).received
    assert again.amendments == 2
    counts = rows(town)
    assert counts["李庄村"][0] == 2 and counts["李庄村"][1].endswith("Z")
    assert counts["王庄村"] == (0, "")
    phone, refund = list_amendments(town, 2024)
    assert (phone.village, phone.sequence, phone.person, phone.field) == (
        "李庄村",
        2,
        "张四",
        "联系电话",
    )
    assert (phone.old, phone.new, phone.who, phone.why) == ("", "13912345678", "王明", "电话写错了")
    assert phone.id_number == A_PEOPLE[4]["id"]
    assert (refund.person, refund.field, refund.old) == ("张一", "缴费", "实缴 380 元")
    assert find_village(town, "李庄") == find_village(town, "411725100001") == "411725100001"
    assert list_amendments(town, 2024, find_village(town, "王庄村")) == []
    with pytest.raises(EnrollError) as e:
        find_village(town, "刘庄")
    assert "刘庄" in e.value.message

    # The same package again was received before: not taken again, its list not stored twice.
    assert add_packages(town, [second]).already
    assert len(list_amendments(town, 2024)) == 2


def test_the_report_dates_the_latest_amendment_per_village(villages, town, tmp_path):
    add_packages(town, list(amended_package(villages, tmp_path)))
    status = township_status(town)
    out = write_report(town, status, tmp_path / "r.xlsx")
    sheet = openpyxl.load_workbook(out)["进度通报"]
    header = [c.value for c in sheet[3]]
    col = header.index("最近更正")
    by_name = {r[1]: r[col] for r in sheet.iter_rows(min_row=4, values_only=True)}
    amended_at = next(v.amended_at for v in status.villages if v.name == "李庄村")
    assert by_name["李庄村"] == local_time(amended_at)
    assert by_name["王庄村"] in (None, "") and by_name["合计"] in (None, "")


def test_a_list_that_disagrees_with_the_signed_count_is_refused(villages, town, tmp_path):
    first, other, second = amended_package(villages, tmp_path)

    def drop_one(text: str) -> str:
        data = json.loads(text)
        data["amendments"].pop()
        return json.dumps(data, ensure_ascii=False)

    resign_data(second, villages[0], drop_one)
    result = add_packages(town, [first, other, second])
    [(path, reason)] = result.refused
    assert path == second and "更正有 1 条，与清单里的 2 条不一致" in reason
    assert len(result.received) == 2 and list_amendments(town, 2024) == []


def old_format(pkg: Path, village_db) -> Path:
    """The package as a version before amendments travelled made it: neither data.json nor the
    manifest mentions them (signed again with the village's key)."""
    with zipfile.ZipFile(pkg) as zf:
        members = {info.filename: zf.read(info) for info in zf.infolist()}
    data = json.loads(members[DATA])
    del data["amendments"]
    members[DATA] = json.dumps(data, ensure_ascii=False).encode("utf-8")
    manifest = json.loads(members[MANIFEST])
    del manifest["amendments"]
    manifest["files"][DATA] = {"sha256": sha256_hex(members[DATA]), "size": len(members[DATA])}
    members[MANIFEST] = json.dumps(manifest, ensure_ascii=False).encode("utf-8")
    members[SIGNATURE] = (
        load_or_create_key(db_file(village_db)).sign(members[MANIFEST]).hex().encode()
    )
    with zipfile.ZipFile(pkg, "w") as zf:
        for name, content in members.items():
            zf.writestr(name, content)
    return pkg


def test_a_package_from_before_amendments_imports_with_none(villages, town, tmp_path):
    first, other, second = amended_package(villages, tmp_path)
    old_format(second, villages[0])
    received = add_packages(town, [first, other, second]).received
    assert [r.amendments for r in received] == [0, 0, 0]
    assert rows(town)["李庄村"] == (0, "")


def test_a_released_v2_store_migrates_and_takes_amendments(villages, tmp_path):
    path = tmp_path / "township.db"
    conn = sqlite3.connect(path)
    conn.executescript((SCHEMAS / "township_v2.sql").read_text(encoding="utf-8"))
    conn.close()
    db = open_township(path)
    try:
        assert db.execute("PRAGMA user_version").fetchone()[0] == len(TOWNSHIP_MIGRATIONS)
        assert rows(db) == {"李庄村": (0, "")}
        _, other, _ = amended_package(villages, tmp_path)
        add_packages(db, [other])
        assert rows(db)["王庄村"] == (0, "")
    finally:
        db.close()


def test_township_cli_says_and_lists_amendments(villages, tmp_path, cli):
    first, other, second = amended_package(villages, tmp_path)
    tdb = ["township", "--township-db", str(tmp_path / "t.db")]
    added = cli(*tdb, "add", str(first), str(other), db=False).stdout
    assert "更正" not in added
    added = cli(*tdb, "add", str(second), db=False).stdout
    assert "已接收 李庄村（411725100001） 2024年度 第2号包" in added and "更正 2 条" in added

    listed = json.loads(cli(*tdb, "amendments", "--json", db=False).stdout)
    assert listed["year"] == 2024
    assert [(a["village"], a["person"], a["field"]) for a in listed["amendments"]] == [
        ("李庄村", "张四", "联系电话"),
        ("李庄村", "张一", "缴费"),
    ]
    assert listed["amendments"][0]["why"] == "电话写错了" and listed["amendments"][0]["when"]
    text = cli(*tdb, "amendments", "李庄", db=False).stdout
    assert text.startswith("2024年度 李庄 更正 2 条") and "张四" in text and "13912345678" in text
    assert (
        json.loads(cli(*tdb, "status", "--json", db=False).stdout)["villages"][0]["amendments"] == 2
    )
    assert "更正 0 条" in cli(*tdb, "amendments", "王庄", db=False).stdout
    r = cli(*tdb, "amendments", "刘庄", db=False, check=False)
    assert r.returncode == 1 and len(r.stderr.strip().splitlines()) == 1 and "刘庄" in r.stderr


def test_a_signed_amendment_that_is_not_text_is_refused(villages, town, tmp_path):
    first, other, second = amended_package(villages, tmp_path)

    def number(text: str) -> str:
        data = json.loads(text)
        data["amendments"][0]["old"] = 5
        return json.dumps(data, ensure_ascii=False)

    resign_data(second, villages[0], number)
    result = add_packages(town, [first, other, second])
    [(path, reason)] = result.refused
    assert path == second and "第 1 条更正" in reason
    assert len(result.received) == 2 and list_amendments(town, 2024) == []
