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
