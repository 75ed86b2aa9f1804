"""Benchmark the township merge: ~60 village packages / 55,000 people through add, status, report.

    .venv/bin/python packaging/bench_township.py [--villages 60] [--people 55000] [--dir DIR]

Villages are filled with bulk SQL (setup, not timed as the app's work), exported with
build_package, then: bare zipfile+json reading of the packages (the floor), `township add`
of all of them, `status`, `report` — in process and through the command line.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import random
import subprocess
import sys
import tempfile
import time
import zipfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from enrollagent.core.ids import check_char  # noqa: E402
from enrollagent.core.policy import load_policy  # noqa: E402
from enrollagent.core.village import init_village  # noqa: E402
from enrollagent.db import open_database  # noqa: E402

CATEGORIES = (
    "extreme_poverty",
    "minimum_living",
    "marginal",
    "unstable",
    "severe_disability",
    "lifted_poverty",
)
SURNAMES = "王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗"
GIVEN = "伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华建国"
NOW = "2023-10-01T00:00:00Z"


def _id(n: int) -> str:
    """A valid ID, distinct for each n (birth date and sequence from n)."""
    year = 1940 + n % 80
    month = 1 + (n // 80) % 12
    day = 1 + (n // 960) % 28
    seq = (n // 26880) % 1000
    body = f"411725{year:04d}{month:02d}{day:02d}{seq:03d}"
    return body + check_char(body)


def fill_village(db, *, first_id: int, people: int, shared: list[int], rng: random.Random) -> None:
    """Households of 1–6 in groups 一组…八组; 8% flagged; 75% paid; a few employees and deaths."""
    groups = ["一组", "二组", "三组", "四组", "五组", "六组", "七组", "八组"]
    persons, years, flags, pays = [], [], [], []
    households = []
    pid = hid = 0
    n = first_id
    ids_to_use = shared + list(range(n, n + people - len(shared)))
    while pid < people:
        hid += 1
        households.append(
            (hid, f"hh-{first_id}-{hid}", f"{hid:04d}", rng.choice(groups), "", "", NOW)
        )
        for member in range(rng.randint(1, 6)):
            if pid >= people:
                break
            pid += 1
            idn = _id(ids_to_use[pid - 1])
            name = rng.choice(SURNAMES) + rng.choice(GIVEN) + rng.choice(GIVEN)
            persons.append(
                (
                    pid,
                    f"p-{first_id}-{pid}",
                    hid,
                    name,
                    idn,
                    1,
                    None,
                    f"{idn[6:10]}-{idn[10:12]}-{idn[12:14]}",
                    "男" if int(idn[16]) % 2 else "女",
                    "户主" if member == 0 else "其他",
                    "",
                    "",
                    NOW,
                )
            )
            roll = rng.random()
            coverage = "employee" if roll < 0.03 else "deceased" if roll < 0.04 else "resident"
            years.append((pid, 2024, coverage))
            if rng.random() < 0.08:
                flags.append((pid, 2024, rng.choice(CATEGORIES), "bench", NOW))
            if coverage == "resident" and rng.random() < 0.75:
                pays.append(
                    (
                        f"pay-{first_id}-{pid}",
                        pid,
                        2024,
                        38000,
                        "personal",
                        "2023-10-01",
                        "微信",
                        "bench",
                        NOW,
                    )
                )
    with db.atomic():
        db.conn.executemany(
            "INSERT INTO household (id, uuid, hh_no, group_name, address, phone, created_at)"
            " VALUES (?,?,?,?,?,?,?)",
            households,
        )
        db.conn.executemany(
            "INSERT INTO person (id, uuid, household_id, name, id_number, id_valid, id_problem,"
            " birth_date, sex, relation, phone, note, created_at) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)",
            persons,
        )
        db.conn.executemany(
            "INSERT INTO person_year (person_id, year, coverage) VALUES (?,?,?)", years
        )
        db.conn.executemany(
            "INSERT INTO special_flag (person_id, year, category, source, created_at)"
            " VALUES (?,?,?,?,?)",
            flags,
        )
        # A subsidised person who paid 380 would be a refund case; fine for a benchmark.
        db.conn.executemany(
            "INSERT INTO payment (uuid, person_id, year, amount_fen, kind, paid_on, channel,"
            " source, recorded_at) VALUES (?,?,?,?,?,?,?,?,?)",
            pays,
        )


def make_packages(folder: Path, villages: int, people: int) -> list[Path]:
    from enrollagent.exports.package import build_package

    rng = random.Random(2024)
    sizes = [rng.randint(300, 2000) for _ in range(villages)]
    scale = people / sum(sizes)
    sizes = [max(50, int(s * scale)) for s in sizes]
    sizes[-1] += people - sum(sizes)
    out, next_id, shared_pool = [], 1_000, []
    policy = (
        load_policy("queshan-2024")
        if (Path("resources/policies/queshan-2024.json")).exists()
        else load_policy("huojia-2024")
    )
    for v, size in enumerate(sizes):
        vdir = folder / f"v{v:02d}"
        vdir.mkdir(parents=True)
        db = open_database(vdir / "village.db")
        init_village(
            db,
            code=f"411725{100 + v // 30:03d}{1 + v % 30:03d}",
            name=f"第{v + 1}村",
            township="留庄镇",
            county="确山县",
            agent="经办人",
            policy=policy,
        )
        # About 1 in 1,000 people also appear on an earlier village's roster (重复参保).
        shared = (
            rng.sample(shared_pool, min(len(shared_pool), size // 1000 + 1)) if shared_pool else []
        )
        fill_village(db, first_id=next_id, people=size, shared=shared, rng=rng)
        shared_pool.extend(range(next_id, next_id + 20))
        next_id += size
        out.append(build_package(db, folder / "packages"))
        db.close()
    return out


def bare_read(paths: list[Path]) -> int:
    """The floor: open each zip, hash every member, parse data.json — nothing else."""
    persons = 0
    for path in paths:
        with zipfile.ZipFile(path) as zf:
            for info in zf.infolist():
                data = zf.read(info)
                hashlib.sha256(data).hexdigest()
                if info.filename == "data.json":
                    persons += len(json.loads(data)["persons"])
    return persons


def timed(label: str, fn):
    start = time.perf_counter()
    value = fn()
    print(f"{label:<46} {time.perf_counter() - start:7.2f} s")
    return value


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--villages", type=int, default=60)
    parser.add_argument("--people", type=int, default=55_000)
    parser.add_argument("--dir", type=Path, help="keep the files here (default: a temp folder)")
    args = parser.parse_args()
    folder = args.dir or Path(tempfile.mkdtemp(prefix="bench-township-"))
    folder.mkdir(parents=True, exist_ok=True)
    from enrollagent.township.intake import add_packages
    from enrollagent.township.report import write_report
    from enrollagent.township.status import township_status
    from enrollagent.township.store import open_township

    paths = timed(
        f"setup: {args.villages} villages, build_package each",
        lambda: make_packages(folder, args.villages, args.people),
    )
    size = sum(p.stat().st_size for p in paths)
    print(f"{len(paths)} packages, {size / 1e6:.1f} MB")
    persons = timed("bare zipfile + sha256 + json of all packages", lambda: bare_read(paths))
    print(f"{persons} people in the packages")
    db = open_township(folder / "township.db")
    result = timed("township add (in process, all packages)", lambda: add_packages(db, paths))
    assert not result.refused, result.refused
    status = timed("township status (in process)", lambda: township_status(db))
    print(
        f"  eligible {status.total.eligible}, enrolled {status.total.enrolled}, rate {status.total.rate:.2%},"
        f" 重复参保 {len(status.duplicates)}, 特殊群体未参保 {len(status.gaps)}"
    )
    timed(
        "township report (in process, xlsx)",
        lambda: write_report(status, folder / "report.xlsx", db_path=folder / "township.db"),
    )
    db.close()
    cli_db = folder / "township-cli.db"
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    base = [sys.executable, "-m", "enrollagent", "township", "--township-db", str(cli_db)]
    for label, extra in (
        ("enrollagent township add (CLI, all packages)", ["add", *map(str, paths)]),
        ("enrollagent township status --json (CLI)", ["status", "--json"]),
        ("enrollagent township report (CLI)", ["report", str(folder / "report-cli.xlsx")]),
    ):
        r = timed(
            label,
            lambda extra=extra: subprocess.run(
                [*base, *extra], capture_output=True, env=env, check=False
            ),
        )
        assert r.returncode == 0, r.stderr.decode()
    timed(
        "enrollagent township add again (CLI, all replays)",
        lambda: subprocess.run(
            [*base, "add", *map(str, paths)], capture_output=True, env=env, check=False
        ),
    )
    print(f"files in {folder}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
