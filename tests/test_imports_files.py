"""Issue 3: reading files — encodings, .xls, headers found by keywords, file-level failures, cancel."""

from __future__ import annotations

import os
from datetime import date

import openpyxl
import pytest

from enrollagent.core.progress import Cancelled, Progress
from enrollagent.errors import EnrollError
from enrollagent.imports import detect_columns, run_import

from .imports_helpers import make_id, write_csv, write_xls, write_xlsx

TODAY = date(2023, 10, 1)
TABLES = (
    "household",
    "person",
    "person_year",
    "special_flag",
    "payment",
    "unmatched_payment",
    "audit_log",
    "change_log",
    "import_log",
)


def snapshot(db) -> list[int]:
    return [db.execute(f"SELECT COUNT(*) FROM {t}").fetchone()[0] for t in TABLES]


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "gbk", "gb18030"])
def test_csv_encodings(db, tmp_path, encoding):
    rows = [["户号", "姓名", "身份证号码"], ["1", "张三", make_id(1)], ["1", "李四", make_id(2)]]
    report = run_import(
        db,
        "roster",
        write_csv(tmp_path / "r.csv", rows, encoding=encoding),
        today=TODAY,
        actor="王明",
    )
    assert report.to_json()["imported"] == 2
    assert db.execute("SELECT name FROM person ORDER BY id").fetchall() == [("张三",), ("李四",)]


def test_text_is_read_as_it_streams(tmp_path):
    """Issue 16: csv text is decoded as it is read, not whole and then split to sample it: UTF-16
    by its BOM, a GBK file whose first Chinese character comes late (UTF-8 fails far in, the file
    is read again as GBK), the delimiter guessed from the first lines only."""
    from enrollagent.imports.reader import read_sheets

    rows = [["a", "b"]] + [[str(n), "x"] for n in range(20_000)] + [["1", "张三"]]
    late = tmp_path / "late.csv"
    late.write_bytes("\n".join(";".join(r) for r in rows).encode("gbk"))
    assert read_sheets(late)[0].rows[-1] == ["1", "张三"]
    wide = tmp_path / "wide.csv"
    wide.write_text("\n".join(["姓名;身份证号码"] * 30 + ["张,三;1"] * 40), encoding="utf-16")
    sheet = read_sheets(wide)[0].rows
    assert (len(sheet), sheet[0], sheet[-1]) == (70, ["姓名", "身份证号码"], ["张,三", "1"])
    with pytest.raises(EnrollError) as e:
        read_sheets(_write(tmp_path / "bad.csv", b"\xff\xff\xff,\xfe\n" * 3))
    assert e.value.code == "import_not_spreadsheet"


def _write(path, data: bytes):
    path.write_bytes(data)
    return path


def test_tab_separated_text_named_xls(db, tmp_path):
    """Systems export text as .xls; the content decides, not the name."""
    rows = [["姓名", "身份证号码"], ["张三", make_id(1)]]
    report = run_import(
        db,
        "roster",
        write_csv(tmp_path / "导出.xls", rows, encoding="gbk", delimiter="\t"),
        today=TODAY,
        actor="王明",
    )
    assert report.to_json()["imported"] == 1


def test_real_xls_with_title_and_number_cells(db, tmp_path):
    rows = [
        ["花名册"],
        [],
        ["姓名", "身份证号码", "电话"],
        ["张三", make_id(1), 13800000001.0],
        ["李四", float(make_id(3)), ""],
    ]
    report = run_import(
        db, "roster", write_xls(tmp_path / "old.xls", rows), today=TODAY, actor="王明"
    )
    assert report.header_row == 3
    got = report.to_json()
    assert (got["imported"], got["invalid_id"]) == (2, 1)
    assert db.execute("SELECT phone FROM person WHERE name = '张三'").fetchone() == ("13800000001",)


def test_two_row_header_and_header_far_down(tmp_path):
    rows = [
        ["某县税务局"],
        ["征缴明细"],
        [],
        ["填报单位：某镇"],
        [],
        ["姓名", "证件号码", "缴费信息", "", ""],
        ["", "", "实缴金额", "缴款日期", "税票号码"],
        ["张三", make_id(1), 380, "2023-10-01", "T1"],
    ]
    path = write_xlsx(tmp_path / "p.xlsx", rows, merge=["C6:E6", "A6:A7", "B6:B7"])
    header_row, columns = detect_columns(path, "payments")
    assert header_row == 6
    assert columns == {
        "name": "姓名",
        "id": "证件号码",
        "amount": "实缴金额",
        "date": "缴款日期",
        "ticket": "税票号码",
    }


def test_header_aliases_with_notes_stars_and_spaces(tmp_path):
    rows = [
        ["序号", "*姓 名", "身份证号码（18位）", "与户主关系", "户 号", "村民小组"],
        [1, "张三", make_id(1), "户主", "1", "一组"],
    ]
    _row, columns = detect_columns(write_xlsx(tmp_path / "r.xlsx", rows), "roster")
    assert set(columns) == {"name", "id", "relation", "hh_no", "group"}


def test_second_sheet_when_the_first_is_a_summary(db, tmp_path):
    path = write_xlsx(
        tmp_path / "r.xlsx",
        [["汇总"], ["组", "人数"], ["一组", 3]],
        extra_sheets={"明细": [["姓名", "身份证号"], ["张三", make_id(1)]]},
    )
    report = run_import(db, "roster", path, today=TODAY, actor="王明")
    assert report.sheet == "明细" and report.to_json()["imported"] == 1


def _err(db, kind, path, code):
    before = snapshot(db)
    with pytest.raises(EnrollError) as err:
        run_import(db, kind, path, today=TODAY, actor="王明")
    assert err.value.code == code, err.value.message
    assert snapshot(db) == before
    return err.value.message


def test_file_level_failures_leave_the_store_untouched(db, tmp_path):
    assert "找不到文件" in _err(db, "roster", tmp_path / "nope.xlsx", "import_file_missing")
    (tmp_path / "empty.csv").write_bytes(b"")
    _err(db, "roster", tmp_path / "empty.csv", "import_empty")
    openpyxl.Workbook().save(tmp_path / "blank.xlsx")
    _err(db, "roster", tmp_path / "blank.xlsx", "import_empty")
    (tmp_path / "junk.xlsx").write_bytes(b"PK\x03\x04" + os.urandom(300))
    _err(db, "roster", tmp_path / "junk.xlsx", "import_not_spreadsheet")
    (tmp_path / "photo.jpg").write_bytes(b"\xff\xd8\xff\xe0\x00\x10JFIF\x00" + os.urandom(300))
    _err(db, "roster", tmp_path / "photo.jpg", "import_not_spreadsheet")
    (tmp_path / "old.xls").write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + os.urandom(600))
    _err(db, "payments", tmp_path / "old.xls", "import_not_spreadsheet")
    msg = _err(
        db, "roster", write_csv(tmp_path / "none.csv", [["a", "b"], ["1", "2"]]), "import_no_header"
    )
    assert "身份证号" in msg
    path = write_xlsx(
        tmp_path / "noamount.xlsx",
        [["标题"], ["姓名", "身份证号码", "缴费日期"], ["张三", make_id(1), "2023-10-01"]],
    )
    msg = _err(db, "payments", path, "import_missing_column")
    assert "缴费金额" in msg and "第2行" in msg
    path = write_xlsx(
        tmp_path / "noname.xlsx", [["身份证号码", "电话"], [make_id(1), "13800000000"]]
    )
    assert "姓名" in _err(db, "roster", path, "import_missing_column")
    with pytest.raises(EnrollError):
        run_import(db, "people", path, actor="王明")


def test_cli_errors_are_one_line_and_exit_1(cli, db, tmp_path):
    db.close()
    (tmp_path / "junk.csv").write_bytes(os.urandom(100) + b"\x00")
    for args in (
        ["roster", str(tmp_path / "missing.xlsx")],
        ["roster", str(tmp_path / "junk.csv")],
        ["payments", str(write_csv(tmp_path / "x.csv", [["姓名"], ["张三"]]))],
    ):
        result = cli("import", *args, check=False)
        assert result.returncode == 1, result.stdout
        assert result.stderr.startswith("错误：") and len(result.stderr.strip().splitlines()) == 1
        assert result.stdout == ""


def test_cli_readable_report_and_dry_run(cli, db, tmp_path):
    db.close()
    path = write_csv(
        tmp_path / "r.csv", [["姓名", "身份证号码"], ["张三", make_id(1)], ["李四", "123"]]
    )
    out = cli("import", "roster", str(path), "--dry-run").stdout
    assert "试导入" in out and "新增人员 2" in out and "第3行" in out
    assert cli.json("status")["persons"] == 0
    out = cli("import", "roster", str(path)).stdout
    assert "试导入" not in out and "身份证号=“身份证号码”" in out
    assert cli.json("status")["persons"] == 2


def test_cancel_mid_import_rolls_the_whole_file_back(db, tmp_path):
    rows = [["户号", "姓名", "身份证号码"]] + [
        [str(n // 4), f"人{n}", make_id(n % 1000, f"19{50 + n // 1000}0101")] for n in range(3000)
    ]
    path = write_csv(tmp_path / "big.csv", rows)
    before = snapshot(db)
    seen = []

    def watch(done, total, message):
        seen.append(done)
        if done >= 1500:
            progress.cancel()

    progress = Progress(watch)
    with pytest.raises(Cancelled):
        run_import(db, "roster", path, progress=progress, today=TODAY, actor="王明")
    assert snapshot(db) == before
    assert max(seen) >= 1500 and max(seen) < 3000
    report = run_import(db, "roster", path, today=TODAY, actor="王明")
    assert report.to_json()["imported"] == 3000
