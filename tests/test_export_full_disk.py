"""Issue 14: a full disk or a read-only folder stops an export with a Chinese sentence and keeps
the old file. A real small filesystem (a tmpfs, mounted as root) fills up or goes read-only; a
folder without write permission is tried when not root (root writes through permission bits)."""

from __future__ import annotations

import contextlib
import gc
import os
import subprocess

import pytest

from enrollagent.core.payments import record_payment
from enrollagent.errors import EnrollError
from enrollagent.exports.catalog import CATALOG, run_export
from enrollagent.imports import run_import

from .conftest import SAMPLES

KINDS = list(CATALOG)


@pytest.fixture
def village(db):
    run_import(db, "roster", SAMPLES / "village-a" / "roster.xlsx", actor="王明")
    return db


@pytest.fixture
def small_disk(tmp_path):
    mount = tmp_path / "u盘"
    mount.mkdir()
    done = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", "size=8m", "tmpfs", str(mount)], capture_output=True
    )
    if done.returncode != 0:
        pytest.skip(f"no tmpfs can be mounted here: {done.stderr.decode().strip()}")
    yield mount
    subprocess.run(["umount", "-l", str(mount)], check=True)


def fill(folder) -> None:
    with open(folder / "填满.bin", "wb", buffering=0) as f, contextlib.suppress(OSError):
        while True:
            f.write(b"\0" * 65536)


def pay_someone(db) -> None:
    person_id = db.execute("SELECT id FROM person WHERE id_valid = 1").fetchone()[0]
    record_payment(db, person_id=person_id, actor="王明", amount_fen=100)


def refused(db, kind: str, folder, sentence: str) -> None:
    with pytest.raises(EnrollError) as e:
        run_export(db, kind, folder)
    message = e.value.message
    del e
    # openpyxl leaves the ZipFile of a failed save to the collector, whose close fails again on
    # a full disk: collected here, inside this test, not at some later test's moment.
    gc.collect()
    assert sentence in message and "无法写入" in message


def files(folder) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in folder.iterdir() if p.name != "填满.bin"}


@pytest.mark.filterwarnings("ignore::pytest.PytestUnraisableExceptionWarning")
def test_every_export_on_a_read_only_then_full_disk_keeps_the_old_file(village, small_disk):
    for kind in KINDS:
        run_export(village, kind, small_disk)
    before = files(small_disk)
    pay_someone(village)  # the next exports would differ
    # Read-only first: a remount refuses while a file is open for writing, and openpyxl leaves
    # the ZipFile of a failed save to the collector.
    subprocess.run(["mount", "-o", "remount,ro", str(small_disk)], check=True)
    for kind in KINDS:
        refused(village, kind, small_disk, "磁盘是只读的")
    assert files(small_disk) == before
    subprocess.run(["mount", "-o", "remount,rw", str(small_disk)], check=True)
    fill(small_disk)
    for kind in KINDS:
        refused(village, kind, small_disk, "磁盘空间不足")
        assert files(small_disk) == before, kind  # no temp file, no half file


@pytest.mark.skipif(os.name != "posix" or os.geteuid() == 0, reason="root writes anyway")
def test_a_folder_without_write_permission(village, tmp_path):
    folder = tmp_path / "out"
    run_export(village, "roll", folder)
    before = files(folder)
    folder.chmod(0o500)
    try:
        refused(village, "roll", folder, "没有写入权限")
    finally:
        folder.chmod(0o700)
    assert files(folder) == before
