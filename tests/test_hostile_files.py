"""Issue 14: files from strangers — each hostile file is refused with one Chinese sentence naming
it (and its row), quickly, in bounded memory, and the store is unchanged."""

from __future__ import annotations

import resource
import time

import pytest

from enrollagent.errors import EnrollError
from enrollagent.imports import run_import

from .conftest import make_village
from .hostile_helpers import HOSTILE, nameless_member_xlsx
from .test_imports_files import TODAY, snapshot

EXPECTED = {
    "far_cell.xlsx": ("import_sheet_too_big", "第1048576行"),
    "far_cell_no_dimension.xlsx": ("import_sheet_too_big", "第16384列"),
    "tall.xlsx": ("import_sheet_too_big", "第250000行"),
    "bomb.xlsx": ("import_unpacks_too_big", "64 MB"),
    "lying.xlsx": ("import_not_spreadsheet", "压缩数据已损坏"),
    "long_field.csv": ("import_field_too_long", "第3行"),
    "shifted_directory.xlsx": ("import_not_spreadsheet", "压缩数据已损坏"),
}
MEMORY_LIMIT = 512 * 1024 * 1024


@pytest.mark.parametrize("name", sorted(HOSTILE))
def test_hostile_file_is_refused_and_the_store_unchanged(db, tmp_path, name):
    path = HOSTILE[name](tmp_path / name)
    before = snapshot(db)
    with pytest.raises(EnrollError) as err:
        run_import(db, "roster", path, today=TODAY, actor="王明")
    code, words = EXPECTED[name]
    assert err.value.code == code, err.value.message
    assert name in err.value.message and words in err.value.message
    assert snapshot(db) == before


def _limit_memory() -> None:
    resource.setrlimit(resource.RLIMIT_AS, (MEMORY_LIMIT, MEMORY_LIMIT))


@pytest.mark.parametrize("name", sorted(HOSTILE))
def test_hostile_file_in_a_child_with_512_mb(cli, db_path, tmp_path, name):
    """An abort (calamine's 512 GiB ask) or a blow-up fails this test instead of killing CI."""
    make_village(db_path).close()
    path = HOSTILE[name](tmp_path / name)
    started = time.monotonic()
    result = cli("import", "roster", str(path), check=False, preexec_fn=_limit_memory)
    took = time.monotonic() - started
    assert result.returncode == 1, (result.returncode, result.stderr[-2000:])
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and name in lines[0] and EXPECTED[name][1] in lines[0], lines
    assert took < 20, took


def test_a_nameless_member_is_junk_beside_a_readable_roll(db, tmp_path):
    """A damaged header can leave a member without a name: not a folder, not a crash; the sheet
    beside it is read."""
    report = run_import(
        db, "roster", nameless_member_xlsx(tmp_path / "n.xlsx"), today=TODAY, actor="王明"
    )
    assert report.to_json()["imported"] >= 1
