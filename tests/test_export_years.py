"""One coverage year on every export: after a village rolls 2024 → 2025, each export of 2025 says
2025年度 and no other coverage year, and each export of 2024 gives what it gave before. The
window's calendar dates (2024-09-01 …) are dates, not coverage years, and may appear."""

from __future__ import annotations

import io
import json
import re
import subprocess
import zipfile
from dataclasses import replace
from datetime import date
from pathlib import Path

import openpyxl
import pytest

from enrollagent.core.figures import compute_figures
from enrollagent.core.payments import record_payment
from enrollagent.core.policy import load_policy
from enrollagent.core.village import get_policy, set_policy
from enrollagent.core.year import start_year
from enrollagent.errors import EnrollError
from enrollagent.exports.catalog import CATALOG, run_export
from enrollagent.exports.package import DATA, MANIFEST, verify_package

from .test_export_common import PEOPLE
from .township_helpers import make_village

A = "王明"
YEAR_WORD = re.compile(r"(\d{4})\s*年\s*度")


def years_said(text: str) -> set[str]:
    return set(YEAR_WORD.findall(text))


def pdf_text(path: Path) -> str:
    return subprocess.run(
        ["pdftotext", "-layout", str(path), "-"],
        check=True,
        capture_output=True,
        text=True,
        encoding="utf-8",
    ).stdout


def xlsx_cells(data: bytes | Path) -> dict[str, list[list]]:
    """Every sheet's cell values, by sheet name."""
    wb = openpyxl.load_workbook(data if isinstance(data, Path) else io.BytesIO(data))
    return {ws.title: [[c.value for c in row] for row in ws.iter_rows()] for ws in wb.worksheets}


def xlsx_text(cells: dict[str, list[list]]) -> str:
    return "\n".join(
        [*cells, *(str(v) for rows in cells.values() for row in rows for v in row if v)]
    )


def figures_part(text: str) -> str:
    """A summary's text without what changes from one printing to the next: the SHA-256 of the
    roll file (its zip carries a timestamp) and the date of printing."""
    lines = [
        line
        for line in text.splitlines()
        if not re.search(r"SHA-256:|制表日期", line) and line.strip()
    ]
    return "\n".join(lines)


def export_all(db, folder: Path, year: int | None) -> dict[str, Path]:
    return {kind: run_export(db, kind, folder, year=year) for kind in CATALOG}


def said_by_each(paths: dict[str, Path]) -> dict[str, set[str]]:
    """The coverage years each export says: in its file name, its text, and inside a package."""
    out = {}
    for kind, path in paths.items():
        words = path.name
        if path.suffix == ".xlsx":
            words += xlsx_text(xlsx_cells(path))
        elif kind == "package":
            with zipfile.ZipFile(path) as zf:
                words += xlsx_text(xlsx_cells(zf.read("花名册.xlsx")))
                tmp = path.with_suffix(".summary.pdf")
                tmp.write_bytes(zf.read("汇总表.pdf"))
                words += pdf_text(tmp)
                tmp.unlink()
        else:
            words += pdf_text(path)
        out[kind] = years_said(words)
    return out


@pytest.fixture
def rolled(tmp_path):
    """李庄村 as at the end of 2024, its 2024 exports, then rolled into 2025 with one payment."""
    db = make_village(tmp_path / "v", code="411725100001", name="李庄村", people=PEOPLE)
    before = {
        "roll": xlsx_cells(run_export(db, "roll", tmp_path / "before")),
        "summary": figures_part(pdf_text(run_export(db, "summary", tmp_path / "before"))),
        "figures": compute_figures(db, 2024),
    }
    start_year(db, 2025, load_policy("huojia-2024").for_year(2025), actor=A)
    zhang = db.execute("SELECT id FROM person WHERE name = '张一'").fetchone()[0]
    record_payment(db, person_id=zhang, actor=A, paid_on=date(2024, 10, 8))
    yield db, before
    db.close()


def test_every_export_of_2025_says_2025_and_no_other_year(rolled, tmp_path):
    db, _before = rolled
    asked = export_all(db, tmp_path / "asked", 2025)
    current = export_all(db, tmp_path / "current", None)  # the current year is 2025
    for paths in (asked, current):
        assert said_by_each(paths) == {kind: {"2025"} for kind in CATALOG}
    assert asked["package"].name == "411725100001-2025-001.zip"
    assert asked["roll"].name == "李庄村2025年度花名册.xlsx"

    roll = xlsx_cells(asked["roll"])
    assert list(roll) == ["花名册", "数据"]
    assert roll["花名册"][0][0].startswith(
        "确山县留庄镇李庄村 2025年度城乡居民基本医疗保险参保花名册"
    )

    summary = pdf_text(asked["summary"])
    flat = re.sub(r"\s+", "", summary)
    assert "2025年度城乡居民基本医疗保险参保缴费汇总表" in flat
    # 执行政策: the 2025 policy, its window in the autumn of 2024.
    assert "参保年度：2025。" in flat and "征缴期：2024-09-10至2024-12-31。" in flat

    with zipfile.ZipFile(asked["package"]) as zf:
        manifest = json.loads(zf.read(MANIFEST))
        data = json.loads(zf.read(DATA))
    assert manifest["year"] == data["year"] == data["policy"]["year"] == 2025
    assert manifest["counts"] == compute_figures(db, 2025).to_json()
    assert verify_package(asked["package"]).ok


def test_exports_of_2024_after_the_rollover_are_what_they_were(rolled, tmp_path):
    db, before = rolled
    paths = export_all(db, tmp_path / "again", 2024)
    assert said_by_each(paths) == {kind: {"2024"} for kind in CATALOG}
    assert xlsx_cells(paths["roll"]) == before["roll"]
    assert figures_part(pdf_text(paths["summary"])) == before["summary"]
    assert compute_figures(db, 2024) == before["figures"]
    with zipfile.ZipFile(paths["package"]) as zf:
        manifest = json.loads(zf.read(MANIFEST))
        data = json.loads(zf.read(DATA))
    assert manifest["year"] == data["year"] == data["policy"]["year"] == 2024
    assert manifest["counts"] == before["figures"].to_json()


def test_a_policy_named_with_its_year_says_only_the_years_own(rolled, tmp_path):
    """A county's own policy may carry its year in its name (获嘉县2024年度 …): moved to 2025 by
    for_year its name moves too, and a name saying another year is refused, so the summary of
    2025 never prints 2024年度 in its 执行政策 line."""
    db, _before = rolled
    named = replace(get_policy(db, 2024), name="获嘉县2024年度城乡居民医保")
    set_policy(db, named.for_year(2025), actor=A)
    text = pdf_text(run_export(db, "summary", tmp_path / "named", year=2025))
    assert years_said(text) == {"2025"}
    assert "政策：获嘉县2025年度城乡居民医保。" in re.sub(r"\s+", "", text)
    with pytest.raises(EnrollError, match="政策名称里写着 2024，与参保年度 2025 不一致"):
        set_policy(db, replace(get_policy(db, 2025), name=named.name), actor=A)
    # The 2024 summary prints its own name as it is.
    set_policy(db, named, actor=A)
    text = pdf_text(run_export(db, "summary", tmp_path / "named", year=2024))
    assert "政策：获嘉县2024年度城乡居民医保。" in re.sub(r"\s+", "", text)


def test_the_cli_json_names_files_of_the_year_asked(rolled, cli, tmp_path):
    cli.db_path = tmp_path / "v" / "village.db"  # the rolled village's store
    for year, other in (("2025", "2024"), ("2024", "2025")):
        for kind in CATALOG:
            data = cli.json("export", kind, str(tmp_path / f"cli{year}"), "--year", year)
            names = [Path(f["path"]).name for f in data["files"]]
            assert all(year in n and other not in n for n in names), names
