"""The benchmark script keeps working: every case runs on tiny data and reports its numbers.
Nothing here is timed; the figures it prints are for the README's Performance section."""

import json
import subprocess
import sys
from pathlib import Path

import pytest

BENCH = Path(__file__).parent / "perf" / "bench.py"
NAMES = [
    "payments_import_55k",
    "roster_import_6k",
    "roll_export_55k",
    "checklist_pdf_6k",
    "figures_55k",
    "search_55k",
    "township_55k",
    "county_480k",
    "gui_open_6k",
    "cli_start",
]


@pytest.mark.slow
def test_the_benchmark_runs_every_case_and_writes_its_json(tmp_path: Path) -> None:
    out = tmp_path / "bench.json"
    run = subprocess.run(
        [sys.executable, str(BENCH), "--quick", "--dir", str(tmp_path), "--json", str(out)],
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )
    assert run.returncode == 0, run.stderr[-3000:]
    report = json.loads(out.read_text(encoding="utf-8"))
    assert report["machine"]["cores"] >= 1
    cases = report["cases"]
    assert set(NAMES) <= set(cases)
    for name in NAMES:
        case = cases[name]
        assert case["ours_s"] > 0, name
        assert case["target"], name
        if case["floor_s"]:
            assert case["ratio"] == pytest.approx(
                case["ours_s"] / case["floor_s"], rel=0.01, abs=0.01
            ), name
    # Every case with its own floor has one; the memory case reports the report's peak.
    for name in ("payments_import_55k", "roster_import_6k", "roll_export_55k", "township_55k"):
        assert cases[name]["floor_s"] > 0, name
    assert cases["county_480k"]["peak_rss_mb"] > 10
    assert cases["cli_start"]["peak_rss_mb"] is None
    # The table is printed for a person too.
    assert "figures_55k" in run.stdout
