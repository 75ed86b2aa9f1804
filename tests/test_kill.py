"""Issue 14: payments survive a kill. A child records payments one by one (through the CLI's
`pay` and through core.payments.record_payment, what the GUI calls), imports payment files and
exports the roll; it is SIGKILLed at a random moment, and the next start must find a sound store:
every payment the child saw committed, no import half there, the roll old or new, no temp file.

The children are forked from the test process (everything already imported, so a round costs
milliseconds, not an interpreter start); a few rounds run the real `enrollagent pay` command."""

from __future__ import annotations

import hashlib
import os
import random
import select
import signal
import subprocess
import sys
import time
import zipfile
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

import pytest

from enrollagent.cli import main as cli_main
from enrollagent.core.payments import record_payment
from enrollagent.db import open_database
from enrollagent.exports.atomic import sweep_stale_temps
from enrollagent.exports.catalog import run_export
from enrollagent.imports import run_import

from .conftest import REPO, SAMPLES, make_village
from .imports_helpers import write_csv

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(not hasattr(os, "fork"), reason="the children are forked"),
]

FORK_ROUNDS = 200  # kills of forked children, cycling through the four kinds of work
CLI_ROUNDS = 8  # kills of a real `python -m enrollagent pay`
KINDS = ("core", "cli", "import", "export")
# How long a child runs before the kill, in seconds: long enough for a few writes, so the kill
# lands anywhere in a write, a commit, an export's rename, or between two.
DELAY = {"core": 0.08, "cli": 0.15, "import": 0.4, "export": 0.6}
HEADER = "序号,缴费人姓名,证件类型,证件号码,征收项目,征收品目,缴费年度,实缴金额(元),入库日期,票证号码,缴费方式,税务机关"
FILES_PER_ROUND = 4
ROWS_PER_FILE = 12


@dataclass
class Tally:
    kills: int = 0
    reported: int = 0
    lost: list[str] = field(default_factory=list)
    failed_checks: list[str] = field(default_factory=list)
    half_imports: list[str] = field(default_factory=list)
    temps_left_by_kills: int = 0
    temps_after_start: int = 0
    rolls_checked: int = 0
    rolls_unlogged: int = 0  # killed between the rename and the export_log row: still whole


def ticket(round_no: int, n: int) -> str:
    return f"8{round_no:05d}{n:012d}"


def _child(kind: str, db_path: Path, out: int, round_no: int, people: list, files: list) -> None:
    def report(text: str) -> None:
        os.write(out, f"{text}\n".encode())  # after the commit: what the child "showed"

    db = open_database(db_path)
    rng = random.Random(round_no)
    for n in range(100_000):
        person_id, id_number = rng.choice(people)
        t = ticket(round_no, n)
        if kind == "core":
            record_payment(db, person_id=person_id, actor="王明", amount_fen=100, ticket_no=t)
            report(t)
        elif kind == "cli":
            argv = ["--db", str(db_path), "pay", id_number, "--amount", "1", "--ticket", t]
            if cli_main(argv) == 0:
                report(t)
        elif kind == "import":
            if n == len(files):
                time.sleep(60)  # done: wait for the kill like the others
            run_import(db, "payments", files[n], actor="王明", today=date(2024, 6, 1))
            report(files[n].name)
        else:
            record_payment(db, person_id=person_id, actor="王明", amount_fen=100, ticket_no=t)
            report(t)
            run_export(db, "roll", db_path.parent / "out")


def payment_file(path: Path, round_no: int, k: int, people: list) -> tuple[Path, set[str]]:
    rows, tickets = [], set()
    for r in range(ROWS_PER_FILE):
        _pid, id_number = people[(k * ROWS_PER_FILE + r) % len(people)]
        t = ticket(round_no, 1_000_000 + k * 100 + r)
        tickets.add(t)
        rows.append(
            [r + 1, "某人", "居民身份证", id_number, "城乡居民基本医疗保险",
             "城乡居民基本医疗保险费", 2024, 380, "2024-01-05", t, "河南税务APP", "留庄税务分局"]
        )  # fmt: skip
    return write_csv(path, [HEADER.split(","), *rows]), tickets


def run_round(kind: str, db_path: Path, round_no: int, people: list, files: list, tally: Tally):
    read_end, write_end = os.pipe()
    pid = os.fork()
    if pid == 0:  # the child: never returns into pytest
        os.close(read_end)
        code = 0
        try:
            _child(kind, db_path, write_end, round_no, people, files)
        except BaseException:  # noqa: BLE001 - a child's failure shows as its exit code
            code = 3
        os._exit(code)
    os.close(write_end)
    time.sleep(random.uniform(0, DELAY[kind]))
    os.kill(pid, signal.SIGKILL)
    _, status = os.waitpid(pid, 0)
    data = b""
    while chunk := os.read(read_end, 65536):
        data += chunk
    os.close(read_end)
    if os.WIFSIGNALED(status) and os.WTERMSIG(status) == signal.SIGKILL:
        tally.kills += 1
    elif os.WEXITSTATUS(status) == 3:
        tally.failed_checks.append(f"round {round_no} ({kind}): the child failed")
    return data.decode().split()


def check_after_kill(db_path: Path, reported: list[str], imports: dict, tally: Tally, label):
    """The next start: open the store, sweep the export folder as the next export does."""
    out = db_path.parent / "out"
    temps = [p for p in out.glob(".*.tmp")] if out.exists() else []
    tally.temps_left_by_kills += len(temps)
    sweep_stale_temps(out)
    tally.temps_after_start += len(list(out.glob(".*.tmp"))) if out.exists() else 0
    db = open_database(db_path)
    try:
        result = db.execute("PRAGMA integrity_check").fetchall()
        if result != [("ok",)]:
            tally.failed_checks.append(f"{label}: integrity_check {result}")
        stored = {r[0] for r in db.execute("SELECT ticket_no FROM payment")}
        stored |= {r[0] for r in db.execute("SELECT ticket_no FROM unmatched_payment")}
        lost = [t for t in reported if t.startswith("8") and t not in stored]
        tally.lost += lost
        tally.reported += len(reported)
        logged = {r[0] for r in db.execute("SELECT file_name FROM import_log")}
        for name, tickets in imports.items():
            there = tickets & stored
            whole = there == tickets and name in logged
            none = not there and name not in logged
            if not (whole or none) or (name in reported and not whole):
                tally.half_imports.append(f"{label}: {name} {len(there)}/{len(tickets)}")
        roll = out / "李庄村2024年度花名册.xlsx"
        if roll.exists():
            tally.rolls_checked += 1
            check_roll(db, roll, tally, label)
    finally:
        db.close()


def check_roll(db, roll: Path, tally: Tally, label: str) -> None:
    """Old or new, never half: a whole zip; and it is a roll the log knows, or the one whose
    log row the kill cut off (written just after the rename)."""
    data = roll.read_bytes()
    try:
        with zipfile.ZipFile(roll) as zf:
            bad = zf.testzip()
    except zipfile.BadZipFile as e:
        bad = str(e)
    if bad is not None:
        tally.failed_checks.append(f"{label}: roll broken ({bad})")
    logged = {r[0] for r in db.execute("SELECT sha256 FROM export_log WHERE kind = 'roll'")}
    if hashlib.sha256(data).hexdigest() not in logged:
        tally.rolls_unlogged += 1


def cli_round(db_path: Path, tmp_path: Path, round_no: int, people: list, tally: Tally):
    """The real command: `python -m enrollagent pay`, killed at a random moment."""
    _pid, id_number = random.choice(people)
    t = ticket(round_no, 0)
    env = {**os.environ, "HOME": str(tmp_path), "XDG_STATE_HOME": str(tmp_path / "state")}
    cmd = [sys.executable, "-m", "enrollagent", "--db", str(db_path), "pay", id_number]
    proc = subprocess.Popen(
        [*cmd, "--amount", "1", "--ticket", t],
        cwd=REPO,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
    )
    ready, _, _ = select.select([proc.stdout], [], [], random.uniform(0.2, 1.5))
    proc.kill()
    proc.wait()
    done = proc.returncode == 0
    tally.kills += proc.returncode == -signal.SIGKILL
    return [t] if done else []


def test_payments_imports_and_exports_survive_kills(tmp_path):
    started = time.monotonic()
    random.seed(14)
    db_path = tmp_path / "village.db"
    db = make_village(db_path)
    run_import(db, "roster", SAMPLES / "village-a" / "roster.xlsx", actor="王明")
    people = [tuple(r) for r in db.execute("SELECT id, id_number FROM person WHERE id_valid = 1")]
    db.close()
    tally = Tally()
    imports: dict[str, set[str]] = {}
    for round_no in range(FORK_ROUNDS):
        kind = KINDS[round_no % len(KINDS)]
        files = []
        if kind == "import":
            for k in range(FILES_PER_ROUND):
                path, tickets = payment_file(
                    tmp_path / f"明细-{round_no}-{k}.csv", round_no, k, people
                )
                files.append(path)
                imports[path.name] = tickets
        reported = run_round(kind, db_path, round_no, people, files, tally)
        check_after_kill(db_path, reported, imports, tally, f"round {round_no} ({kind})")
    for round_no in range(FORK_ROUNDS, FORK_ROUNDS + CLI_ROUNDS):
        reported = cli_round(db_path, tmp_path, round_no, people, tally)
        check_after_kill(db_path, reported, imports, tally, f"round {round_no} (cli process)")
    seconds = time.monotonic() - started
    db = open_database(db_path)
    whole = db.execute("SELECT count(*) FROM import_log WHERE kind = 'payments'").fetchone()[0]
    db.close()
    print(
        f"\nkills {tally.kills}, reported {tally.reported}, lost {len(tally.lost)}, "
        f"failed checks {len(tally.failed_checks)}, half imports {len(tally.half_imports)}, "
        f"temps left by kills {tally.temps_left_by_kills}, after the next start "
        f"{tally.temps_after_start}, rolls checked {tally.rolls_checked} "
        f"(unlogged {tally.rolls_unlogged}), imports whole {whole} of "
        f"{len(imports)} files offered, {seconds:.1f} s"
    )
    assert tally.kills >= 200
    assert tally.lost == [] and tally.failed_checks == [] and tally.half_imports == []
    assert tally.temps_after_start == 0
