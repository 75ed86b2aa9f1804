"""Issue 14 "Nothing lost": `enrollagent backup …` and `check` as a real subprocess; backups
taken after an import and a package."""

from __future__ import annotations

import json
import os
import zipfile
from datetime import date

from enrollagent.core.backup import take_backup
from enrollagent.db.backup import backup_dir, list_backups
from enrollagent.exports.keys import load_or_create_key
from enrollagent.exports.package import build_package
from enrollagent.imports import run_import

from .imports_helpers import make_id, write_xlsx
from .test_cli import one_line_error
from .test_export_common import PEOPLE, export_village
from .township_helpers import make_village


def test_usb_backup_restores_into_a_fresh_data_folder_with_the_same_key(cli, tmp_path):
    export_village(tmp_path).close()
    fingerprint = load_or_create_key(cli.db_path).fingerprint
    status = cli.json("status")
    usb = tmp_path / "usb"
    made = cli.json("backup", "create", str(usb))
    assert made["persons"] == len(PEOPLE) and made["bytes"] > 0
    with zipfile.ZipFile(made["path"]) as zf:
        names = set(zf.namelist())
    assert {"village.db", "manifest.json", "keys/agent_ed25519.pem"} <= names

    fresh = tmp_path / "new-laptop" / "village.db"
    asked = cli("--db", str(fresh), "backup", "restore", made["path"], db=False, check=False)
    assert asked.returncode == 1 and "--yes" in one_line_error(asked)
    assert not fresh.exists()
    cli("--db", str(fresh), "backup", "restore", made["path"], "--yes", db=False)
    moved = json.loads(cli("--db", str(fresh), "status", "--json", db=False).stdout)
    assert moved == status
    assert load_or_create_key(fresh).fingerprint == fingerprint


def test_rotation_backup_round_trip(cli, tmp_path):
    export_village(tmp_path).close()
    status = cli.json("status")
    made = cli.json("backup", "create")
    listed = cli.json("backup", "list")["backups"]
    assert listed[0]["path"] == made["path"]
    assert (listed[0]["village"], listed[0]["persons"]) == ("李庄村", len(PEOPLE))
    cli("task", "999")
    assert cli.json("status") != status
    restored = cli.json("backup", "restore", made["path"], "--yes")
    assert restored["before"] and restored["key_restored"] is False
    assert cli.json("status") == status
    # what was replaced is itself a backup, listed
    assert restored["before"] in {b["path"] for b in cli.json("backup", "list")["backups"]}


def test_another_villages_backup_is_refused_unless_confirmed(cli, tmp_path):
    export_village(tmp_path).close()
    other = make_village(tmp_path / "other", code="411725100002", name="王庄村", people=[])
    foreign = take_backup(other)
    other.close()
    assert foreign is not None
    refused = cli("backup", "restore", str(foreign), "--yes", check=False)
    assert "王庄村" in one_line_error(refused) and "--other-village" in refused.stderr
    assert cli.json("status")["persons"] == len(PEOPLE)
    cli("backup", "restore", str(foreign), "--yes", "--other-village")
    assert cli.json("status")["persons"] == 0


def test_a_damaged_store_is_one_line_at_open_and_in_check(cli, tmp_path):
    export_village(tmp_path).close()
    assert cli.json("check")["ok"] is True
    good = cli.json("backup", "create")["path"]
    data = cli.db_path.read_bytes()
    cli.db_path.write_bytes(data[: len(data) // 3])
    for command in (("status",), ("check",)):
        line = one_line_error(cli(*command, check=False))
        assert str(cli.db_path) in line and good in line
    cli.db_path.write_bytes(b"garbage" * 1000)
    assert "损坏" in one_line_error(cli("status", check=False))
    restored = cli.json("backup", "restore", good, "--yes")
    assert "damaged" in restored["before"]
    assert cli.json("status")["persons"] == len(PEOPLE)


def test_backups_follow_an_import_and_a_package_but_not_a_dry_run(db, db_path, tmp_path):
    rows = [["户号", "姓名", "身份证号码"]] + [["1", f"人{k}", make_id(k)] for k in range(1, 4)]
    sheet = write_xlsx(tmp_path / "roster.xlsx", rows)
    run_import(db, "roster", sheet, today=date(2023, 12, 31), actor="王明", dry_run=True)
    assert list_backups(backup_dir(db_path)) == []
    run_import(db, "roster", sheet, today=date(2023, 12, 31), actor="王明")
    after_import = list_backups(backup_dir(db_path))
    assert len(after_import) == 1
    build_package(db, tmp_path / "out")
    after_package = list_backups(backup_dir(db_path))
    assert len(after_package) == 2
    assert after_package[0].change_id > after_import[0].change_id


def test_usb_backup_is_private_and_a_different_key_is_kept_aside(cli, tmp_path):
    import stat

    export_village(tmp_path).close()
    fingerprint = load_or_create_key(cli.db_path).fingerprint
    made = cli.json("backup", "create", str(tmp_path / "usb"))
    assert stat.S_IMODE(os.stat(made["path"]).st_mode) == 0o600
    other = tmp_path / "other-laptop" / "village.db"
    cli("--db", str(other), "init", "--village", "李庄村", "--village-code", "411725100001",
        "--township", "留庄镇", "--county", "确山县", "--agent", "王明", "--policy", "huojia-2024",
        db=False)  # fmt: skip
    # the same village's code and name, but this laptop made a key of its own
    own = load_or_create_key(other).fingerprint
    cli("--db", str(other), "backup", "restore", made["path"], "--yes", db=False)
    assert load_or_create_key(other).fingerprint == fingerprint != own
    (aside,) = other.parent.glob("keys.before-restore-*")
    key_file = other.parent / "keys" / "agent_ed25519.pem"
    assert stat.S_IMODE(key_file.stat().st_mode) == 0o600
    assert stat.S_IMODE(key_file.parent.stat().st_mode) == 0o700
    assert (aside / "agent_ed25519.pem").read_bytes() != key_file.read_bytes()


def test_restore_over_an_empty_file_moves_it_aside(cli, tmp_path):
    export_village(tmp_path).close()
    good = cli.json("backup", "create")["path"]
    cli.db_path.write_bytes(b"")
    restored = cli.json("backup", "restore", good, "--yes")
    assert "damaged" in restored["before"] and cli.json("status")["persons"] == len(PEOPLE)
