"""Issue 18: the same data exported on the same day gives the same bytes, so the SHA-256 on a
signed 汇总表 and the roll in the package prove each other. Files are exported seconds apart
(zip times count in steps of two seconds) and compared byte for byte."""

from __future__ import annotations

import hashlib
import io
import re
import subprocess
import time
import zipfile
from datetime import date

import pytest
from openpyxl import load_workbook

from enrollagent.core import history
from enrollagent.exports.catalog import roll_beside, run_export
from enrollagent.exports.changelog import write_change_log
from enrollagent.exports.package import ROLL, build_package

from .test_export_common import export_village
from .test_export_pdfs import _village_year

APART = 2.1  # seconds: more than a zip entry's time step


@pytest.fixture
def village(tmp_path):
    db = export_village(tmp_path / "v")
    yield db
    db.close()


def sha(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


@pytest.mark.slow
def test_every_export_is_the_same_bytes_seconds_later(village, tmp_path):
    kinds = ("roll", "summary", "checklist", "notice", "slips", "messages", "publicity")
    first = {k: run_export(village, k, tmp_path / "a").read_bytes() for k in kinds}
    log = history.village_log(village, history.LogFilter())
    first_log = write_change_log(log, tmp_path / "a.xlsx", village="李庄村", year=2024)
    time.sleep(APART)
    for kind in kinds:
        assert run_export(village, kind, tmp_path / "b").read_bytes() == first[kind], kind
    again = write_change_log(log, tmp_path / "b.xlsx", village="李庄村", year=2024)
    assert again.read_bytes() == first_log.read_bytes()


def test_what_the_files_say_of_time_is_the_day_printed_on_them(village, tmp_path):
    today = date.today()
    roll = run_export(village, "roll", tmp_path)
    with zipfile.ZipFile(roll) as zf:
        assert {i.date_time for i in zf.infolist()} == {
            (today.year, today.month, today.day, 0, 0, 0)
        }
    props = load_workbook(roll, read_only=True).properties
    assert props.created.date() == props.modified.date() == today
    assert (props.created.hour, props.created.minute, props.created.second) == (0, 0, 0)
    summary = run_export(village, "summary", tmp_path)
    info = subprocess.run(
        ["pdfinfo", "-isodates", str(summary)], check=True, capture_output=True, text=True
    ).stdout
    assert re.search(rf"CreationDate:\s+{today.isoformat()}T00:00:00", info), info


def test_the_summary_alone_and_the_package_name_the_same_roll(village, tmp_path):
    summary = run_export(village, "summary", tmp_path / "alone")
    beside = roll_beside(summary, *_village_year(village)).read_bytes()
    text = subprocess.run(
        ["pdftotext", str(summary), "-"], check=True, capture_output=True, text=True
    ).stdout
    named = re.sub(r"\s", "", text.split("SHA-256:")[-1])[:64]
    time.sleep(APART)
    package = build_package(village, tmp_path / "pkg")
    with zipfile.ZipFile(package) as zf:
        packed = zf.read(ROLL)
        today = date.today()
        assert {i.date_time for i in zf.infolist()} == {
            (today.year, today.month, today.day, 0, 0, 0)
        }
        inner = zf.read("汇总表.pdf")
    assert packed == beside and named == sha(packed)
    inner_text = subprocess.run(
        ["pdftotext", "-", "-"], input=inner, check=True, capture_output=True
    ).stdout.decode()
    assert sha(packed) in re.sub(r"\s", "", inner_text)
    # The roll in the package is a roll like any other: its workbook reads back whole.
    assert load_workbook(io.BytesIO(packed), read_only=True).sheetnames == ["花名册", "数据"]
