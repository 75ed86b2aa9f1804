"""Shared fixtures: a fresh migrated store per test, and the CLI run as a real subprocess."""

from __future__ import annotations

import gc
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

# Qt aborts without a display; tests never need one.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from enrollagent.core.policy import load_policy
from enrollagent.core.village import init_village
from enrollagent.db import open_database

REPO = Path(__file__).resolve().parent.parent
SAMPLES = REPO / "tests" / "data"  # copied from ../shared/samples so a clean checkout runs them


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    return tmp_path / "village.db"


def make_village(path: Path, policy: str = "huojia-2024"):
    db = open_database(path)
    init_village(
        db,
        code="411725100001",
        name="李庄村",
        township="留庄镇",
        county="确山县",
        agent="王明",
        agent_phone="13800000000",
        policy=load_policy(policy),
    )
    return db


@pytest.fixture
def db(db_path: Path):
    """A village on the 获嘉 2024 policy (380; 特困 full; 低保 and 监测户 80)."""
    database = make_village(db_path)
    yield database
    database.close()


class Cli:
    def __init__(self, db_path: Path, tmp_path: Path) -> None:
        self.db_path = db_path
        self.env = {
            **os.environ,
            "HOME": str(tmp_path),
            "XDG_DATA_HOME": str(tmp_path / "data"),
            "XDG_STATE_HOME": str(tmp_path / "state"),
            "PYTHONIOENCODING": "utf-8",
        }
        self.env.pop("ENROLLAGENT_DB", None)

    def __call__(
        self, *args: str, db: bool = True, check: bool = True, preexec_fn=None
    ) -> subprocess.CompletedProcess:
        cmd = [
            sys.executable,
            "-m",
            "enrollagent",
            *(["--db", str(self.db_path)] if db else []),
            *args,
        ]
        result = subprocess.run(
            cmd,
            check=False,
            capture_output=True,
            text=True,
            encoding="utf-8",
            env=self.env,
            cwd=REPO,
            preexec_fn=preexec_fn,  # resource limits for the child (tests of hostile files)
        )
        if check and result.returncode != 0:
            raise AssertionError(f"{args} exited {result.returncode}: {result.stderr}")
        return result

    def json(self, *args: str) -> dict:
        return json.loads(self(*args, "--json").stdout)


@pytest.fixture
def cli(db_path: Path, tmp_path: Path) -> Cli:
    return Cli(db_path, tmp_path)


@pytest.fixture(autouse=True)
def _qt_deletes_within_the_test(request):
    """Widgets a test made are deleted before the next test, and only then are their Python
    cycles collected. pytest-qt closes them with deleteLater, which processEvents never runs:
    left to a later event loop (a dialog's exec in another test), a page was destroyed after the
    collector had already emptied its models (AttributeError in headerData, then a segfault).
    Only tests that drive widgets pay for the collection."""
    if "qtbot" not in request.fixturenames:
        yield
        return
    gc.disable()
    yield
    from PySide6.QtCore import QCoreApplication, QEvent

    if QCoreApplication.instance() is not None:
        QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    gc.enable()
    gc.collect()
