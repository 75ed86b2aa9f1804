"""Benchmark the imports: a 55,000-row payment file (xlsx and GBK csv) against bare reading.

    .venv/bin/python packaging/bench_imports.py [--rows 55000] [--dir DIR] [--cli]

Builds a village of N people (through `import roster`, timed too), writes a tax export of N
payment rows as .xlsx (openpyxl write-only) and as a GBK .csv, then times: bare python-calamine
reading of the xlsx and bare csv-module reading of the csv (the floors), and run_import of each
(a fresh copy of the village store each time, so every run records all N payments).
"""

from __future__ import annotations

import argparse
import csv
import io
import shutil
import subprocess
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import openpyxl  # noqa: E402
import python_calamine  # noqa: E402

from enrollagent.core.ids import check_char  # noqa: E402
from enrollagent.core.policy import load_policy  # noqa: E402
from enrollagent.core.village import init_village  # noqa: E402
from enrollagent.db import open_database  # noqa: E402
from enrollagent.imports import run_import  # noqa: E402

SURNAMES = "王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗"
GIVEN = "伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华建国"
TODAY = date(2023, 12, 31)


def _id(n: int) -> str:
    year, month, day, seq = (
        1940 + n % 80,
        1 + (n // 80) % 12,
        1 + (n // 960) % 28,
        (n // 26880) % 1000,
    )
    body = f"411725{year:04d}{month:02d}{day:02d}{seq:03d}"
    return body + check_char(body)


def _name(n: int) -> str:
    return SURNAMES[n % 20] + GIVEN[(n // 20) % 26] + GIVEN[(n // 520) % 26]


def write_roster(path: Path, n: int) -> None:
    rows = [["序号", "村民小组", "户号", "户主", "姓名", "与户主关系", "身份证号码", "联系电话"]]
    for i in range(n):
        hh = i // 4
        rows.append(
            [
                str(i + 1),
                f"{hh % 12 + 1}组",
                f"{hh:06d}",
                _name(hh * 4),
                _name(i),
                "户主" if i % 4 == 0 else "子",
                _id(i),
                f"138{i:08d}" if i % 4 == 0 else "",
            ]
        )
    with path.open("w", encoding="gbk", newline="") as f:
        csv.writer(f).writerows(rows)


PAY_HEADER = [
    "序号",
    "缴费人姓名",
    "证件类型",
    "证件号码",
    "征收项目",
    "征收品目",
    "缴费年度",
    "实缴金额(元)",
    "入库日期",
    "票证号码",
    "缴费方式",
    "税务机关",
]


def payment_rows(n: int) -> list[list[object]]:
    channels = ("微信", "支付宝", "河南税务APP", "银行柜台")
    return [
        [
            i + 1,
            _name(i),
            "居民身份证",
            _id(i),
            "城乡居民基本医疗保险",
            "城乡居民基本医疗保险费",
            2024,
            380,
            f"2023-{9 + i % 4:02d}-{1 + i % 28:02d}",
            f"3234100{i:011d}",
            channels[i % 4],
            "国家税务总局某县税务局",
        ]
        for i in range(n)
    ]


def write_payments(xlsx: Path, csv_path: Path, n: int) -> None:
    rows = payment_rows(n)
    wb = openpyxl.Workbook(write_only=True)
    ws = wb.create_sheet("征缴明细")
    ws.append(["某县城乡居民医保征缴明细"])
    ws.append(PAY_HEADER)
    for r in rows:
        ws.append(
            [*r[:3], str(r[3]), *r[4:9], str(r[9]), *r[10:]]
        )  # IDs and tickets as text, like real exports
    wb.save(xlsx)
    buf = io.StringIO()
    csv.writer(buf).writerows([PAY_HEADER, *rows])
    csv_path.write_bytes(buf.getvalue().encode("gbk"))


def timed(fn):
    start = time.perf_counter()
    result = fn()
    return time.perf_counter() - start, result


def cpu_timed(fn):
    """(wall s, CPU s of this process, result): the shared 2-core machine is often busy with other
    work, so the CPU time is the steadier figure to compare runs by."""
    cpu = time.process_time()
    wall, result = timed(fn)
    return wall, time.process_time() - cpu, result


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rows", type=int, default=55000)
    parser.add_argument("--dir", type=Path)
    parser.add_argument(
        "--cli", action="store_true", help="also time `enrollagent import payments` as a process"
    )
    args = parser.parse_args()
    work = args.dir or Path(tempfile.mkdtemp(prefix="bench-imports-"))
    work.mkdir(parents=True, exist_ok=True)
    n = args.rows

    roster = work / "roster.csv"
    write_roster(roster, n)
    xlsx, csv_path = work / "payments.xlsx", work / "payments.csv"
    write_payments(xlsx, csv_path, n)

    base = work / "village.db"
    db = open_database(base)
    init_village(
        db,
        code="411725100001",
        name="李庄村",
        township="留庄镇",
        county="确山县",
        agent="王明",
        policy=load_policy("huojia-2024"),
    )
    t_roster, rep = timed(lambda: run_import(db, "roster", roster, actor="bench", today=TODAY))
    assert rep.to_json()["imported"] == n, rep.to_json()
    db.close()

    t_cal, _ = timed(
        lambda: (
            python_calamine.CalamineWorkbook.from_path(str(xlsx))
            .get_sheet_by_index(0)
            .to_python(skip_empty_area=False)
        )
    )

    def bare_csv():
        with csv_path.open(encoding="gbk", newline="") as f:
            return list(csv.reader(f))

    t_csv, _ = timed(bare_csv)

    results = {}
    for label, path in (("xlsx", xlsx), ("csv", csv_path)):
        copy = work / f"village-{label}.db"
        shutil.copy(base, copy)
        db = open_database(copy)
        t, cpu, rep = cpu_timed(
            lambda db=db, path=path: run_import(db, "payments", path, actor="bench", today=TODAY)
        )
        assert rep.to_json()["recorded"] == n, rep.to_json()
        dry_t, _ = timed(
            lambda db=db, path=path: run_import(
                db, "payments", path, actor="bench", today=TODAY, dry_run=True
            )
        )
        db.close()
        results[label] = (t, cpu, dry_t)

    print(f"rows: {n}  (files in {work})")
    print(f"roster import (GBK csv, {n} people, {n // 4} households): {t_roster:.2f} s")
    print(f"bare python-calamine read of payments.xlsx: {t_cal:.2f} s")
    print(f"bare csv read of payments.csv (GBK):       {t_csv:.2f} s")
    for label, floor in (("xlsx", t_cal), ("csv", t_csv)):
        t, cpu, dry_t = results[label]
        print(
            f"import payments {label}: {t:.2f} s, CPU {cpu:.2f} s  (ratio to bare read {t / floor:.1f}x);"
            f" re-import of the same file (all already recorded, dry run): {dry_t:.2f} s"
        )
    if args.cli:
        copy = work / "village-cli.db"
        shutil.copy(base, copy)
        cmd = [
            sys.executable,
            "-m",
            "enrollagent",
            "--db",
            str(copy),
            "import",
            "payments",
            str(xlsx),
            "--json",
        ]
        t, proc = timed(lambda: subprocess.run(cmd, capture_output=True, check=True))
        print(f"`enrollagent import payments payments.xlsx --json` as a process: {t:.2f} s")


if __name__ == "__main__":
    main()
