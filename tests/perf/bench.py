"""The benchmark: each case ours against the bare library doing the same I/O, interleaved, medians.

    .venv/bin/python tests/perf/bench.py [--quick] [--json FILE] [--dir DIR] [--repeat N] [--cases NAME ...]

Builds a synthetic village (6,000 people), township (55,000 in 60 villages) and county (480,000 in
8 townships of 60 villages) under --dir (kept and reused when given), then runs every case: ours,
then its floor, `--repeat` times (≥3 by default), each in a fresh process so one run cannot warm
another's caches. Seconds are wall time of the measured step inside the child (or of the whole
child for the start-up cases); peak_rss_mb is the child's peak. `--quick` shrinks every size (the
test suite runs it so the script stays working; nothing in CI is timed).

Floors: imports read the same file with python-calamine (csv: the csv module) and executemany the
same rows into a fresh SQLite table in one transaction; exports write the same rows with the bare
library (openpyxl write-only; reportlab tables of 40 rows, same font, no styling); figures a
count(*); the township reads every package (unzip, sha256 of each member, json.load); start-up
cases `python -c pass` and a bare painted window."""

from __future__ import annotations

import argparse
import csv
import hashlib
import json
import os
import platform
import random
import shutil
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
import zipfile
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

SIZES = {
    "full": {
        "village": 6_000,
        "township": 55_000,
        "villages": 60,
        "county": 480_000,
        "townships": 8,
    },
    "quick": {"village": 150, "township": 600, "villages": 3, "county": 1_200, "townships": 2},
}
YEAR = 2024
TODAY = date(2023, 12, 31)
NOW = "2023-10-01T00:00:00Z"
SURNAMES = "王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗"
GIVEN = "伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华建国"
GROUPS = ("一组", "二组", "三组", "四组", "五组", "六组", "七组", "八组")
CATEGORIES = (
    "extreme_poverty",
    "minimum_living",
    "marginal",
    "unstable",
    "severe_disability",
    "lifted_poverty",
)
ROSTER_HEADER = ["序号", "村民小组", "户号", "户主", "姓名", "与户主关系", "身份证号码", "联系电话"]
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
SEARCH_QUERIES = ("z", "zh", "zs", "w", "wm", "wxm", "1", "12", "123", "1234", "王", "王明", "李")


# --- synthetic data -------------------------------------------------------------------------
def person_id_number(n: int) -> str:
    """A valid ID, distinct for each n < 26,880,000 (birth date and sequence from n)."""
    from enrollagent.core.ids import check_char

    year, month, day, seq = (
        1940 + n % 80,
        1 + (n // 80) % 12,
        1 + (n // 960) % 28,
        (n // 26880) % 1000,
    )
    body = f"411725{year:04d}{month:02d}{day:02d}{seq:03d}"
    return body + check_char(body)


def person_name(n: int) -> str:
    return SURNAMES[n % 20] + GIVEN[(n // 20) % 26] + GIVEN[(n // 520) % 26]


def new_village(path: Path, *, code: str = "411725100001", name: str = "李庄村"):
    from enrollagent.core.policy import load_policy
    from enrollagent.core.village import init_village
    from enrollagent.db import open_database

    db = open_database(path)
    init_village(
        db,
        code=code,
        name=name,
        township="留庄镇",
        county="确山县",
        agent="王明",
        agent_phone="13800000000",
        policy=load_policy("huojia-2024"),
    )
    return db


def fill_village(db, *, first: int, people: int, paid: float, rng: random.Random) -> None:
    """Households of 1–6 in groups 一组…八组; 8% flagged; `paid` of residents paid; a few employees
    and deaths. Bulk SQL: setting up is not the product's work being measured."""
    households, persons, years, flags, pays = [], [], [], [], []
    pid = hid = 0
    while pid < people:
        hid += 1
        hh_no = f"{hid:04d}"
        households.append(
            (
                hid,
                f"hh-{first}-{hid}",
                hh_no,
                rng.choice(GROUPS),
                f"李庄村{hh_no}号",
                f"139{hid:08d}",
                NOW,
            )
        )
        for member in range(rng.randint(1, 6)):
            if pid >= people:
                break
            n = first + pid
            pid += 1
            idn = person_id_number(n)
            persons.append(
                (
                    pid,
                    f"p-{first}-{pid}",
                    hid,
                    person_name(n),
                    idn,
                    f"{idn[6:10]}-{idn[10:12]}-{idn[12:14]}",
                    "男" if int(idn[16]) % 2 else "女",
                    "户主" if member == 0 else "其他",
                    NOW,
                )
            )
            roll = rng.random()
            coverage = "employee" if roll < 0.03 else "deceased" if roll < 0.04 else "resident"
            years.append((pid, YEAR, coverage))
            if rng.random() < 0.08:
                flags.append((pid, YEAR, rng.choice(CATEGORIES), "bench", NOW))
            if coverage == "resident" and rng.random() < paid:
                pays.append(
                    (
                        f"pay-{first}-{pid}",
                        pid,
                        YEAR,
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
            "INSERT INTO person (id, uuid, household_id, name, id_number, id_valid, birth_date, sex,"
            " relation, phone, note, created_at) VALUES (?,?,?,?,?,1,?,?,?,'','',?)",
            persons,
        )
        db.conn.executemany(
            "INSERT INTO special_flag (person_id, year, category, source, created_at) VALUES (?,?,?,?,?)",
            flags,
        )
        db.conn.executemany(
            "INSERT INTO payment (uuid, person_id, year, amount_fen, kind, paid_on, channel, source,"
            " recorded_at) VALUES (?,?,?,?,?,?,?,?,?)",
            pays,
        )
        # After the payments: a person put on the roster starts from what they paid (m006).
        db.conn.executemany(
            "INSERT INTO person_year (person_id, year, coverage) VALUES (?,?,?)", years
        )


def roster_rows(n: int) -> list[list[str]]:
    rows = []
    for i in range(n):
        hh = i // 4
        rows.append(
            [
                str(i + 1),
                f"{hh % 12 + 1}组",
                f"{hh:06d}",
                person_name(hh * 4),
                person_name(i),
                "户主" if i % 4 == 0 else "子",
                person_id_number(i),
                f"138{i:08d}" if i % 4 == 0 else "",
            ]
        )
    return rows


def payment_rows(n: int) -> list[list[object]]:
    channels = ("微信", "支付宝", "河南税务APP", "银行柜台")
    return [
        [
            i + 1,
            person_name(i),
            "居民身份证",
            person_id_number(i),
            "城乡居民基本医疗保险",
            "城乡居民基本医疗保险费",
            YEAR,
            380,
            f"2023-{9 + i % 4:02d}-{1 + i % 28:02d}",
            f"3234100{i:011d}",
            channels[i % 4],
            "国家税务总局某县税务局",
        ]
        for i in range(n)
    ]


def write_xlsx(path: Path, title: str, header: list[str], rows: list[list[object]]) -> None:
    import openpyxl

    wb = openpyxl.Workbook(write_only=True)
    ws = wb.create_sheet("Sheet1")
    ws.append([title])
    ws.append(header)
    for row in rows:
        ws.append([str(v) if isinstance(v, str) else v for v in row])
    wb.save(path)


def make_packages(folder: Path, villages: int, people: int, seed: int, first: int) -> list[Path]:
    """`villages` packages of `people` in all; about 1 in 1,000 people is on two villages' rolls."""
    from enrollagent.exports.package import build_package

    rng = random.Random(seed)
    sizes = [rng.randint(300, 2000) for _ in range(villages)]
    scale = people / sum(sizes)
    sizes = [max(20, int(s * scale)) for s in sizes]
    sizes[-1] += people - sum(sizes)
    out = []
    for v, size in enumerate(sizes):
        path = folder / f"v{v:03d}.db"
        db = new_village(
            path,
            code=f"4117{seed % 100:02d}{100 + v // 30:03d}{1 + v % 30:03d}",
            name=f"第{v + 1}村",
        )
        # Each village starts a little before the previous one ended: the overlap is 重复参保.
        fill_village(db, first=first - (v and size // 1000 + 1), people=size, paid=0.75, rng=rng)
        out.append(build_package(db, folder / "packages"))
        db.close()
        path.unlink()
        for extra in ("-wal", "-shm"):
            Path(f"{path}{extra}").unlink(missing_ok=True)
        first += size
    return out


def build_data(folder: Path, size: dict) -> None:
    """Everything the cases read, once per folder (a marker says it is complete)."""
    marker = folder / "ready.json"
    if marker.exists() and json.loads(marker.read_text()) == size:
        return
    if folder.exists():
        shutil.rmtree(folder)
    folder.mkdir(parents=True)
    from enrollagent.township.intake import add_packages
    from enrollagent.township.store import open_township

    step("roster file and empty village")
    write_xlsx(
        folder / "roster.xlsx", "某村城乡居民花名册", ROSTER_HEADER, roster_rows(size["village"])
    )
    new_village(folder / "empty.db").close()
    step("payments file and its unpaid village")
    write_xlsx(
        folder / "payments.xlsx",
        "某县城乡居民医保征缴明细",
        PAY_HEADER,
        payment_rows(size["township"]),
    )
    with (folder / "payments.csv").open("w", encoding="gbk", newline="") as f:
        csv.writer(f).writerows([PAY_HEADER, *payment_rows(size["township"])])
    db = new_village(folder / "unpaid.db")
    fill_village(db, first=0, people=size["township"], paid=0.0, rng=random.Random(1))
    db.close()
    step("paid villages")
    for name, people in (("paid-small.db", size["village"]), ("paid-large.db", size["township"])):
        db = new_village(folder / name)
        fill_village(db, first=0, people=people, paid=0.75, rng=random.Random(people))
        db.close()
    step("township packages")
    make_packages(folder / "township", size["villages"], size["township"], seed=2024, first=0)
    step("county packages and store")
    county = open_township(folder / "county.db")
    per = size["county"] // size["townships"]
    for t in range(size["townships"]):
        paths = make_packages(
            folder / f"county{t}", size["villages"], per, seed=t + 1, first=(t + 1) * 10**6
        )
        result = add_packages(county, paths)
        assert not result.refused, result.refused
        shutil.rmtree(folder / f"county{t}")
    county.close()
    marker.write_text(json.dumps(size))


def step(text: str) -> None:
    print(f"  setup: {text}", file=sys.stderr, flush=True)


# --- the cases: each role runs in a child process (`--child CASE ROLE DIR`) ---------------------
def scratch_copy(source: Path) -> Path:
    target = Path(tempfile.mkdtemp(prefix="bench-")) / source.name
    shutil.copy(source, target)
    return target


def bare_insert(rows: list[list[object]], width: int) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        conn = sqlite3.connect(Path(tmp) / "bare.db")
        conn.execute(f"CREATE TABLE t ({', '.join(f'c{i}' for i in range(width))})")
        with conn:
            conn.executemany(f"INSERT INTO t VALUES ({', '.join('?' * width)})", rows)
        conn.close()


def calamine_rows(path: Path) -> list[list[object]]:
    import python_calamine

    return python_calamine.CalamineWorkbook.from_path(str(path)).get_sheet_by_index(0).to_python()


def timed(fn: Callable[[], object]) -> float:
    start = time.perf_counter()
    fn()
    return time.perf_counter() - start


def import_ours(data: Path, base: str, kind: str, file: str) -> float:
    from enrollagent.db import open_database
    from enrollagent.imports import run_import

    db = open_database(scratch_copy(data / base))
    reports = []
    seconds = timed(
        lambda: reports.append(run_import(db, kind, data / file, actor="bench", today=TODAY))
    )
    counts = reports[0].to_json()
    # A benchmark of an import that took nothing in would flatter us.
    assert counts.get("imported") or counts.get("recorded"), counts
    return seconds


def import_floor(data: Path, file: str) -> float:
    def run() -> None:
        rows = calamine_rows(data / file)[2:]
        bare_insert(rows, len(rows[0]))

    return timed(run)


def csv_floor(data: Path) -> float:
    def run() -> None:
        with (data / "payments.csv").open(encoding="gbk", newline="") as f:
            rows = list(csv.reader(f))[1:]
        bare_insert(rows, len(rows[0]))

    return timed(run)


def export_ours(data: Path, base: str, kind: str) -> float:
    from enrollagent.db import open_database
    from enrollagent.exports.catalog import run_export

    db = open_database(scratch_copy(data / base))
    out = Path(tempfile.mkdtemp(prefix="bench-out-"))
    return timed(lambda: run_export(db, kind, out))


def roll_floor(data: Path) -> float:
    from openpyxl import Workbook

    from enrollagent.core.figures import person_states
    from enrollagent.db import open_database
    from enrollagent.exports.roll import HEADERS, roll_rows

    db = open_database(scratch_copy(data / "paid-large.db"))
    rows = roll_rows(db, YEAR, person_states(db))
    out = Path(tempfile.mkdtemp(prefix="bench-out-")) / "bare.xlsx"

    def run() -> None:
        wb = Workbook(write_only=True)
        for name in ("花名册", "数据"):
            ws = wb.create_sheet(name)
            ws.append(list(HEADERS))
            for row in rows:
                ws.append(row)
        wb.save(out)

    return timed(run)


def checklist_floor(data: Path) -> float:
    from reportlab.lib.pagesizes import A4
    from reportlab.platypus import SimpleDocTemplate, Table, TableStyle

    from enrollagent.core.figures import person_states
    from enrollagent.db import open_database
    from enrollagent.exports import checklist
    from enrollagent.exports.fonts import cjk_font

    db = open_database(scratch_copy(data / "paid-small.db"))
    rows = [
        [s.name, checklist.id_tail(s), s.owed_fen // 100, *checklist.TICKS, ""]
        for s in person_states(db)
        if s.state == "unpaid"
    ]
    header = ["姓名", "身份证后6位", "应缴", *[""] * len(checklist.TICKS), "备注"]
    out = Path(tempfile.mkdtemp(prefix="bench-out-")) / "bare.pdf"

    def run() -> None:
        font = cjk_font()
        style = TableStyle([("FONT", (0, 0), (-1, -1), font.name, 12)])
        story = []
        for start in range(0, len(rows), 40):
            table = Table([header, *rows[start : start + 40]])
            table.setStyle(style)
            story.append(table)
        SimpleDocTemplate(str(out), pagesize=A4).build(story)

    return timed(run)


def figures_ours(data: Path) -> float:
    from enrollagent.core.figures import compute_figures
    from enrollagent.db import open_database

    db = open_database(data / "paid-large.db")
    compute_figures(db, YEAR)  # the page cache warm, as in the app after its first paint
    return statistics.median(timed(lambda: compute_figures(db, YEAR)) for _ in range(5))


def figures_floor(data: Path) -> float:
    conn = sqlite3.connect(data / "paid-large.db")
    query = "SELECT count(*) FROM person_year WHERE year = ?"
    conn.execute(query, [YEAR]).fetchone()
    return statistics.median(
        timed(lambda: conn.execute(query, [YEAR]).fetchone()) for _ in range(5)
    )


def township_ours(data: Path) -> float:
    from enrollagent.township.intake import add_packages
    from enrollagent.township.report import write_report
    from enrollagent.township.status import township_status
    from enrollagent.township.store import open_township

    folder = Path(tempfile.mkdtemp(prefix="bench-township-"))
    paths = sorted((data / "township" / "packages").glob("*.zip"))

    def run() -> None:
        db = open_township(folder / "township.db")
        add_packages(db, paths)
        write_report(db, township_status(db), folder / "report.xlsx")

    return timed(run)


def township_floor(data: Path) -> float:
    def run() -> None:
        for path in sorted((data / "township" / "packages").glob("*.zip")):
            with zipfile.ZipFile(path) as zf:
                for info in zf.infolist():
                    body = zf.read(info)
                    hashlib.sha256(body).hexdigest()
                    if info.filename == "data.json":
                        json.loads(body)

    return timed(run)


def county_ours(data: Path) -> float:
    from enrollagent.township.report import write_report
    from enrollagent.township.status import township_status
    from enrollagent.township.store import open_township

    path = scratch_copy(data / "county.db")
    db = open_township(path)
    return timed(lambda: write_report(db, township_status(db), path.with_name("report.xlsx")))


def search_ours(data: Path) -> float:
    """p95 of one keystroke: the roster's filter and the table's repaint."""
    from PySide6.QtCore import QCoreApplication, QSettings

    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, tempfile.mkdtemp())
    QCoreApplication.setOrganizationName("EnrollAgentBench")
    from enrollagent.ui.context import AppContext
    from enrollagent.ui.main import make_application
    from enrollagent.ui.main_window import MainWindow

    app = make_application([])
    window = MainWindow(AppContext(scratch_copy(data / "paid-large.db")))
    window.resize(1366, 768)
    window.show()
    page = window.show_page("roster")
    page.search.wait()
    app.processEvents()
    times = []
    for _ in range(3):
        for query in SEARCH_QUERIES:
            start = time.perf_counter()
            page.search_edit.setText(query)
            page.apply_filter()  # what the debounce timer runs
            page.table_view.viewport().grab()  # and the repaint
            times.append(time.perf_counter() - start)
    return statistics.quantiles(times, n=20)[-1]


GUI_OPEN = """
import sys, tempfile
from PySide6.QtCore import QCoreApplication, QSettings
QSettings.setDefaultFormat(QSettings.Format.IniFormat)
QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, tempfile.mkdtemp())
QCoreApplication.setOrganizationName("EnrollAgentBench")
from enrollagent.ui.context import AppContext
from enrollagent.ui.main import make_application
from enrollagent.ui.main_window import MainWindow
app = make_application([])
window = MainWindow(AppContext(sys.argv[1]))
window.resize(1366, 768)
window.show()
while "overview" not in window.pages:
    app.processEvents()
window.grab()
"""
BARE_WINDOW = """
from PySide6.QtWidgets import QApplication, QLabel, QMainWindow
app = QApplication([])
window = QMainWindow()
window.setCentralWidget(QLabel("概况"))
window.resize(1366, 768)
window.show()
app.processEvents()
window.grab()
"""


@dataclass(frozen=True)
class Case:
    name: str
    target: str
    ours: Callable[[Path], float] | Callable[[Path], list[str]]
    floor: Callable[[Path], float] | Callable[[Path], list[str]] | None
    whole_process: bool = False  # the child's whole life is the measure (start-up cases)


def python_args(*args: str) -> Callable[[Path], list[str]]:
    return lambda data: [sys.executable, *(a.replace("{data}", str(data)) for a in args)]


CASES = [
    Case(
        "payments_import_55k",
        "≤ 2.0× of read + bare insert",
        lambda d: import_ours(d, "unpaid.db", "payments", "payments.xlsx"),
        lambda d: import_floor(d, "payments.xlsx"),
    ),
    Case(
        "payments_import_55k_csv",
        "≤ 2.0× of read + bare insert",
        lambda d: import_ours(d, "unpaid.db", "payments", "payments.csv"),
        csv_floor,
    ),
    Case(
        "roster_import_6k",
        "≤ 3.0× of read + bare insert",
        lambda d: import_ours(d, "empty.db", "roster", "roster.xlsx"),
        lambda d: import_floor(d, "roster.xlsx"),
    ),
    Case(
        "roll_export_55k", "≤ 1.3×", lambda d: export_ours(d, "paid-large.db", "roll"), roll_floor
    ),
    Case(
        "checklist_pdf_6k",
        "≤ 1.5×",
        lambda d: export_ours(d, "paid-small.db", "checklist"),
        checklist_floor,
    ),
    Case("figures_55k", "≤ 20 ms", figures_ours, figures_floor),
    Case("search_55k", "p95 ≤ 16 ms", search_ours, None),
    Case("township_55k", "≤ 3.0×", township_ours, township_floor),
    Case("county_480k", "≤ 300 MiB peak", county_ours, None),
    Case(
        "gui_open_6k",
        "≤ 1.0 s",
        python_args("-c", GUI_OPEN, "{data}/paid-small.db"),
        python_args("-c", BARE_WINDOW),
        whole_process=True,
    ),
    Case(
        "cli_start",
        "≤ 0.25 s",
        python_args("-m", "enrollagent", "--help"),
        python_args("-c", "pass"),
        whole_process=True,
    ),
    Case(
        "status_json_6k",
        "≤ 0.35 s",
        python_args("-m", "enrollagent", "--db", "{data}/paid-small.db", "status", "--json"),
        python_args("-c", "pass"),
        whole_process=True,
    ),
]
BY_NAME = {case.name: case for case in CASES}


def run_child(case: Case, role: str, data: Path) -> tuple[float, float]:
    """(seconds, peak RSS in MiB) of one role of one case, in a fresh process."""
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "PYTHONPATH": str(ROOT)}
    if case.whole_process:
        argv = (case.ours if role == "ours" else case.floor)(data)
    else:
        argv = [sys.executable, __file__, "--child", case.name, role, str(data)]
    start = time.perf_counter()
    child = subprocess.Popen(
        argv, stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env, cwd=ROOT
    )
    out, err = child.communicate()
    wall = time.perf_counter() - start
    # The child is reaped by communicate(); its peak comes from its own report (resource module).
    if child.returncode != 0:
        raise SystemExit(f"{case.name} {role} failed:\n{err.decode(errors='replace')[-2000:]}")
    if case.whole_process:
        return wall, 0.0
    report = json.loads(out.decode().strip().splitlines()[-1])
    return report["s"], report["rss_mb"]


def child_main(name: str, role: str, data: Path) -> None:
    import resource

    case = BY_NAME[name]
    fn = case.ours if role == "ours" else case.floor
    seconds = fn(data)
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(json.dumps({"s": seconds, "rss_mb": round(rss, 1)}))


def machine() -> dict:
    cpu = ""
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    return {
        "cpu": cpu or platform.processor(),
        "cores": os.cpu_count(),
        "python": platform.python_version(),
        "system": f"{platform.system()} {platform.release()}",
        "sqlite": sqlite3.sqlite_version,
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="tiny sizes: checks the script works")
    parser.add_argument("--json", type=Path, help="write the results here")
    parser.add_argument("--dir", type=Path, help="build (or reuse) the data here")
    parser.add_argument("--repeat", type=int, help="runs of each side (default 3; --quick 1)")
    parser.add_argument("--cases", nargs="+", choices=list(BY_NAME), default=list(BY_NAME))
    parser.add_argument("--child", nargs=3, metavar=("CASE", "ROLE", "DIR"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        child_main(args.child[0], args.child[1], Path(args.child[2]))
        return 0
    mode = "quick" if args.quick else "full"
    repeat = args.repeat or (1 if args.quick else 3)
    data = args.dir or Path(tempfile.mkdtemp(prefix="bench-data-"))
    data = data / mode
    build_data(data, SIZES[mode])
    results = {}
    print(f"{'case':<26} {'ours s':>9} {'floor s':>9} {'ratio':>7} {'peak MiB':>9}  target")
    for name in args.cases:
        case = BY_NAME[name]
        ours, floors, peaks = [], [], []
        for _ in range(repeat):
            seconds, peak = run_child(case, "ours", data)
            ours.append(seconds)
            peaks.append(peak)
            if case.floor is not None:
                floors.append(run_child(case, "floor", data)[0])
        ours_s = round(statistics.median(ours), 6)
        floor_s = round(statistics.median(floors), 6) if floors else None
        row = {
            "ours_s": ours_s,
            "floor_s": floor_s,
            "ratio": round(ours_s / floor_s, 2) if floor_s else None,
            "target": case.target,
            "peak_rss_mb": max(peaks) if not case.whole_process else None,
        }
        results[name] = row
        ratio = f"{row['ratio']:.2f}×" if row["ratio"] is not None else "—"
        floor = f"{floor_s:.3f}" if floor_s is not None else "—"
        peak = f"{row['peak_rss_mb']:.0f}" if row["peak_rss_mb"] else "—"
        print(
            f"{name:<26} {ours_s:>9.3f} {floor:>9} {ratio:>7} {peak:>9}  {case.target}", flush=True
        )
    report = {"machine": machine(), "sizes": SIZES[mode], "repeat": repeat, "cases": results}
    if args.json:
        args.json.write_text(json.dumps(report, ensure_ascii=False, indent=2), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
