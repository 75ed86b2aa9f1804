"""`enrollagent export …` run as a real subprocess: files written, errors as one Chinese line."""

from __future__ import annotations

import hashlib
import zipfile

import openpyxl

from enrollagent.db import open_database
from enrollagent.exports.package import verify_package

from .test_export_common import PEOPLE, export_village


def test_every_kind_into_a_folder(cli, tmp_path):
    export_village(tmp_path).close()
    out = tmp_path / "out"
    for kind in ("roll", "checklist", "notice", "summary", "package"):
        result = cli("export", kind, str(out))
        assert result.stdout.startswith("已导出") and result.stderr == ""
    names = sorted(p.name for p in out.iterdir())
    assert names == sorted(
        [
            "李庄村2024年度花名册.xlsx",
            "李庄村2024年度入户催缴清单.pdf",
            "李庄村2024年度参保缴费情况公示.pdf",
            "李庄村2024年度汇总表.pdf",
            "411725100001-2024-001.zip",
        ]
    )
    assert verify_package(out / "411725100001-2024-001.zip").ok
    with zipfile.ZipFile(out / "411725100001-2024-001.zip") as zf:
        assert zf.read("花名册.xlsx")[:2] == b"PK" and zf.read("汇总表.pdf")[:5] == b"%PDF-"
    wb = openpyxl.load_workbook(out / "李庄村2024年度花名册.xlsx", read_only=True)
    assert sum(1 for _ in wb["数据"].iter_rows()) == 1 + len(PEOPLE)
    wb.close()


def test_a_file_path_a_group_and_json(cli, tmp_path):
    export_village(tmp_path).close()
    target = tmp_path / "docs" / "二组清单.pdf"
    data = cli.json("export", "checklist", str(target), "--group", "二组", "--year", "2024")
    assert data["path"] == str(target) and target.read_bytes()[:5] == b"%PDF-"
    assert data["files"][0]["sha256"] == hashlib.sha256(target.read_bytes()).hexdigest()


def test_summary_reports_the_roll_it_vouches_for(cli, tmp_path):
    export_village(tmp_path).close()
    data = cli.json("export", "summary", str(tmp_path / "out"))
    summary, roll = data["files"]
    assert summary["path"].endswith("汇总表.pdf") and roll["path"].endswith("花名册.xlsx")
    db = open_database(tmp_path / "village.db")
    logged = dict(db.execute("SELECT kind, sha256 FROM export_log").fetchall())
    assert logged == {"roll": roll["sha256"], "summary": summary["sha256"]}


def test_user_errors_are_one_line_and_exit_1(cli, tmp_path):
    export_village(tmp_path).close()
    blocker = tmp_path / "a-file"
    blocker.write_text("x")
    cases = {
        ("export", "checklist", str(tmp_path), "--group", "九组"): "没有村民小组“九组”",
        ("export", "notice", str(blocker / "sub")): "无法写入",
        ("export", "roll", str(tmp_path / "x.pdf")): "应保存为 .xlsx",
        ("export", "roll", str(tmp_path), "--group", "一组"): "不分村民小组",
        ("export", "roll", str(tmp_path), "--year", "2030"): "2030",
    }
    for args, expected in cases.items():
        result = cli(*args, check=False)
        assert result.returncode == 1, args
        assert (
            result.stderr.count("\n") == 1
            and result.stderr.startswith("错误：")
            and expected in result.stderr
        )
        assert "Traceback" not in result.stderr
    assert not (blocker / "sub").exists() and not (tmp_path / "x.pdf").exists()


def test_an_uninitialised_store_is_refused(cli, tmp_path):
    open_database(tmp_path / "village.db").close()
    result = cli("export", "roll", str(tmp_path / "out"), check=False)
    assert result.returncode == 1 and "初始化" in result.stderr
    missing = cli.__class__(tmp_path / "none.db", tmp_path)(
        "export", "roll", str(tmp_path), check=False
    )
    assert missing.returncode == 1 and "不存在" in missing.stderr
