"""设置 → 数据文件夹 (issue 20): the data moves with a backup first, its key, a check of the copy,
and the old file kept; the GUI and the command line then open the new place."""

from __future__ import annotations

import pytest

from enrollagent.core.backup import describe_file
from enrollagent.core.relocate import move_store
from enrollagent.errors import EnrollError
from enrollagent.exports.keys import load_or_create_key
from enrollagent.paths import default_db_path, key_dir, set_db_location

from .ui_helpers import *  # noqa: F403 - the fixtures: qt_settings, boxes, village, ctx


@pytest.fixture(autouse=True)
def data_home(tmp_path, monkeypatch):
    """The user data folder (where the chosen location is remembered) inside tmp_path."""
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "xdg"))
    monkeypatch.delenv("ENROLLAGENT_DB", raising=False)


def test_move_copies_checks_and_switches_keeping_the_old_file(village, tmp_path, cli):
    from enrollagent.db import open_database

    fingerprint = load_or_create_key(village).fingerprint
    db = open_database(village)
    target = tmp_path / "U盘" / "数据"
    moved = move_store(db, village, target)
    db.close()
    assert moved.new == (target / "village.db").resolve()
    assert moved.backup is not None and moved.backup.is_file()
    assert village.is_file()  # the old file is kept
    assert describe_file(moved.new).persons == describe_file(village).persons == 4
    assert load_or_create_key(moved.new).fingerprint == fingerprint
    assert (key_dir(moved.new)).is_dir()
    assert default_db_path() == moved.new
    # The command line, with no --db, now opens the new file.
    cli.env.update({"XDG_DATA_HOME": str(tmp_path / "xdg")})
    assert "李庄村" in cli("status", db=False).stdout


def test_move_refuses_the_same_folder_and_a_folder_with_a_database(village, tmp_path):
    from enrollagent.db import open_database

    db = open_database(village)
    with pytest.raises(EnrollError) as same:
        move_store(db, village, village.parent)
    assert same.value.code == "move_same_folder"
    busy = tmp_path / "busy"
    busy.mkdir()
    (busy / "village.db").write_bytes(b"x")
    with pytest.raises(EnrollError) as taken:
        move_store(db, village, busy)
    assert taken.value.code == "move_target_exists" and "空文件夹" in taken.value.message
    db.close()
    assert default_db_path() != busy / "village.db"


def test_settings_moves_the_data_then_closes(qtbot, ctx, boxes, tmp_path):
    from enrollagent.ui.pages.settings import Page

    page = Page(ctx)
    qtbot.addWidget(page)
    # Opened with --db (the store is not where the app would look): refused, nothing moves.
    assert not page.move_to(tmp_path / "新")
    assert "--db" in boxes[-1][1] and not (tmp_path / "新").exists()
    set_db_location(ctx.db_path)
    assert page.move_to(tmp_path / "新")
    assert boxes[-1][0] == "数据已移动" and (tmp_path / "新" / "village.db").is_file()
    assert default_db_path() == (tmp_path / "新" / "village.db").resolve()
