"""Issue 14: the whole village flow works with no network at all, and the notice posted on the
village wall never shows a whole ID number."""

from __future__ import annotations

import re
import socket
import subprocess

import pytest

from enrollagent.cli import main
from enrollagent.db import open_database
from enrollagent.exports.notice import write_notice

from .conftest import SAMPLES

SAMPLE = SAMPLES / "village-a"


class NoNetwork(AssertionError):
    pass


def refuse(*args, **kwargs):
    raise NoNetwork("the app tried to open a socket")


@pytest.fixture
def offline(monkeypatch):
    monkeypatch.setattr(socket, "socket", refuse)
    for name in ("create_connection", "getaddrinfo", "gethostbyname", "socketpair"):
        monkeypatch.setattr(socket, name, refuse)


def run(*argv: str) -> None:
    assert main(list(argv)) == 0, argv


def test_the_whole_flow_runs_with_sockets_refused(offline, tmp_path, monkeypatch):
    monkeypatch.setenv("HOME", str(tmp_path))
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    monkeypatch.setenv("XDG_STATE_HOME", str(tmp_path / "state"))
    with pytest.raises(NoNetwork):
        socket.create_connection(("example.org", 80))  # the guard holds
    store = ["--db", str(tmp_path / "village.db")]
    run(*store, "init", "--village-code", "411725100001", "--village", "李庄村",
        "--township", "留庄镇", "--county", "确山县", "--agent", "王明",
        "--policy", str(SAMPLE / "policy.json"))  # fmt: skip
    run(*store, "import", "roster", str(SAMPLE / "roster.xlsx"))
    run(*store, "import", "groups", str(SAMPLE / "groups_minzheng.xlsx"))
    run(*store, "import", "payments", str(SAMPLE / "payments.csv"))
    db = open_database(tmp_path / "village.db")
    unpaid = db.execute(
        "SELECT p.id_number FROM person p WHERE p.id_valid = 1 AND NOT EXISTS "
        "(SELECT 1 FROM payment x WHERE x.person_id = p.id) LIMIT 1"
    ).fetchone()[0]
    db.close()
    run(*store, "pay", unpaid, "--channel", "微信", "--ticket", "T-OFFLINE-1")
    out = tmp_path / "out"
    for kind in ("roll", "checklist", "notice", "summary", "package"):
        run(*store, "export", kind, str(out))
    package = next(out.glob("*.zip"))
    run(*store, "verify", str(package))
    run("township", "--township-db", str(tmp_path / "township.db"), "add", str(package))
    run("township", "--township-db", str(tmp_path / "township.db"), "status")


def test_the_notice_never_prints_a_whole_id_number(tmp_path):
    store = ["--db", str(tmp_path / "village.db")]
    run(*store, "init", "--village", "李庄村", "--township", "留庄镇", "--county", "确山县",
        "--agent", "王明", "--policy", str(SAMPLE / "policy.json"))  # fmt: skip
    run(*store, "import", "roster", str(SAMPLE / "roster.xlsx"))
    run(*store, "import", "payments", str(SAMPLE / "payments.csv"))
    db = open_database(tmp_path / "village.db")
    ids = {r[0] for r in db.execute("SELECT id_number FROM person WHERE length(id_number) = 18")}
    pdf = write_notice(db, tmp_path / "公示.pdf")
    db.close()
    assert len(ids) > 50
    text = subprocess.run(
        ["pdftotext", "-layout", str(pdf), "-"], check=True, capture_output=True, text=True
    ).stdout
    pages = [p for p in text.split("\f") if p.strip()]
    assert len(pages) > 1 and text.count("411725********") > 50  # the masked form is there
    for number, page in enumerate(pages, 1):
        squeezed = re.sub(r"\s+", "", page)  # a number split across a line break or cells
        shown = [i for i in ids if i in page or i in squeezed]
        assert shown == [], f"page {number} shows {len(shown)} whole ID numbers"
        assert not re.search(r"\d{17}[\dXx]", squeezed), f"page {number}"
