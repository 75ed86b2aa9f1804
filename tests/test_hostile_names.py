"""Issue 14: whatever a name holds once it is stored (control characters, 200+ characters), every
export still writes; an import cleans and caps names and says so on the row."""

from __future__ import annotations

import pytest

from enrollagent.exports.catalog import CATALOG, run_export

from .township_helpers import an_id, make_village

NAMES = ["张\x07三\x1b", "李" + "长" * 250, "王\x00五\ufeff", "赵\u202e六"]
PEOPLE = [
    {"name": name, "id": an_id("411725", n), "group": "一组", "hh": f"h{n}", "pay": n % 2 == 0}
    for n, name in enumerate(NAMES, 1)
]


@pytest.fixture
def stored(tmp_path):
    db = make_village(tmp_path / "v", code="411725100001", name="李庄村", people=PEOPLE)
    yield db
    db.close()


@pytest.mark.parametrize("kind", sorted(CATALOG))
def test_every_export_survives_what_is_stored(stored, tmp_path, kind):
    out = run_export(stored, kind, tmp_path / "out")
    assert out.exists() and out.stat().st_size > 0


def test_the_roll_keeps_the_name_without_its_control_characters(stored, tmp_path):
    import openpyxl

    out = run_export(stored, "roll", tmp_path / "out")
    cells = {
        c for row in openpyxl.load_workbook(out).active.iter_rows(values_only=True) for c in row
    }
    assert "张三" in cells and "王五\ufeff" in cells


def test_import_cleans_and_caps_names_and_says_so_on_the_row(db, tmp_path):
    from datetime import date

    from enrollagent.core.text import MAX_NAME
    from enrollagent.imports import run_import

    from .imports_helpers import make_id

    filler = "".join(f"{n},孙{n},{make_id(10 + n)}\r\n" for n in range(150))  # NUL past 4 KB
    text = (
        "户号,姓名,身份证号码\r\n"
        f"1,张\x07三\x1b,{make_id(1)}\r\n"
        f"2,{'长' * 300},{make_id(2)}\r\n"
        f"3,李\t四,{make_id(3)}\r\n" + filler + f"4,王\x00五,{make_id(4)}\r\n"
    )
    assert text.encode("utf-8").index(b"\x00") > 4096
    path = tmp_path / "名单.csv"
    path.write_bytes(text.encode("utf-8"))
    report = run_import(db, "roster", path, today=date(2023, 10, 1), actor="王明")
    names = {r[0] for r in db.execute("SELECT name FROM person")}
    assert {"张三", "长" * MAX_NAME, "李四", "王五"} <= names
    assert all(n.isprintable() and len(n) <= MAX_NAME for n in names)
    problems = {p["row"]: p["reason"] for p in report.to_json()["problems"]}
    assert "控制字符" in problems[2] and f"超过{MAX_NAME}个字" in problems[3]
    assert "控制字符" in problems[4 + 150 + 1]
    assert 4 not in problems


def test_the_township_report_survives_what_a_package_carries(stored, tmp_path):
    """The names travel in the package: the township's workbook drops what a sheet cannot hold."""
    import openpyxl

    from enrollagent.exports.package import build_package
    from enrollagent.township.intake import add_packages
    from enrollagent.township.report import write_report
    from enrollagent.township.status import township_status
    from enrollagent.township.store import open_township

    town = open_township(tmp_path / "t.db")
    assert add_packages(town, [build_package(stored, tmp_path / "pkg")]).received
    out = write_report(town, township_status(town), tmp_path / "r.xlsx")
    cells = {
        c
        for ws in openpyxl.load_workbook(out).worksheets
        for row in ws.iter_rows(values_only=True)
        for c in row
    }
    assert "张三" in cells  # on the unpaid list, without its control characters
    town.close()
