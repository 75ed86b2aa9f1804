"""Benchmark the exports of a 6,000- and a 55,000-person village against the bare libraries.

    .venv/bin/python packaging/bench_exports.py [--people 6000 55000] [--dir DIR] [--kinds roll ...]

Villages are filled with bulk SQL (bench_township.fill_village: groups 一组…八组, 8% flagged, 75%
paid). Each export runs through catalog.run_export; its floor is the bare library doing the same
I/O: openpyxl write-only writing the same cells (both sheets), and reportlab laying out the same
table rows (40-row tables, same font, no styling, no page decoration). Times are CPU seconds of
this process (time.process_time), so other work on a shared machine does not skew the ratios;
wall-clock seconds are shown too.
"""

from __future__ import annotations

import argparse
import random
import resource
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))
sys.path.insert(0, str(HERE))

from bench_township import fill_village  # noqa: E402
from openpyxl import Workbook  # noqa: E402
from reportlab.lib.pagesizes import A4  # noqa: E402
from reportlab.platypus import SimpleDocTemplate, Table, TableStyle  # noqa: E402

from enrollagent.core.figures import person_states  # noqa: E402
from enrollagent.core.policy import load_policy  # noqa: E402
from enrollagent.core.village import init_village  # noqa: E402
from enrollagent.db import open_database  # noqa: E402
from enrollagent.exports import checklist, notice  # noqa: E402
from enrollagent.exports.catalog import run_export  # noqa: E402
from enrollagent.exports.fonts import cjk_font  # noqa: E402
from enrollagent.exports.roll import HEADERS, roll_rows  # noqa: E402

KINDS = ("roll", "checklist", "notice", "summary", "package")


def make_village(folder: Path, people: int):
    folder.mkdir(parents=True, exist_ok=True)
    db = open_database(folder / "village.db")
    init_village(
        db,
        code="411725100001",
        name="李庄村",
        township="留庄镇",
        county="确山县",
        agent="王明",
        agent_phone="13800000000",
        policy=load_policy("huojia-2024"),
    )
    fill_village(db, first_id=1_000, people=people, shared=[], rng=random.Random(people))
    with db.atomic():  # phones and addresses, as a real roster has them
        db.execute(
            "UPDATE household SET phone = '139' || substr('0000000' || id, -8, 8),"
            " address = '李庄村' || hh_no || '号'"
        )
    return db


def bare_xlsx(rows: list[list], path: Path) -> None:
    wb = Workbook(write_only=True)
    for name in ("花名册", "数据"):
        ws = wb.create_sheet(name)
        ws.append(list(HEADERS))
        for row in rows:
            ws.append(row)
    wb.save(path)


def bare_pdf(header: list[str], rows: list[list], path: Path) -> None:
    font = cjk_font()
    style = TableStyle([("FONT", (0, 0), (-1, -1), font.name, 12)])
    story = []
    for start in range(0, len(rows), 40):
        table = Table([header, *rows[start : start + 40]])
        table.setStyle(style)
        story.append(table)
    SimpleDocTemplate(str(path), pagesize=A4).build(story)


def floor_for(kind: str, db, folder: Path) -> float | None:
    """Seconds for the bare library to write what `kind` writes; None when there is no fair floor."""
    states = person_states(db)
    if kind == "roll":
        rows = roll_rows(db, 2024, states)
        start = time.process_time()
        bare_xlsx(rows, folder / "bare.xlsx")
    elif kind == "checklist":
        rows = [
            [s.name, checklist.id_tail(s), s.owed_fen // 100, *checklist.TICKS, ""]
            for s in states
            if s.state == "unpaid"
        ]
        start = time.process_time()
        bare_pdf(
            ["姓名", "身份证后6位", "应缴", "", "", "", "", "备注"], rows, folder / "bare-c.pdf"
        )
    elif kind == "notice":
        mask, _, _ = notice.notice_settings(db)
        rows = [r for group in notice.notice_rows(db, 2024, None, mask).values() for r in group]
        start = time.process_time()
        bare_pdf(list(notice.HEADER), rows, folder / "bare-n.pdf")
    else:
        return None
    return time.process_time() - start


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--people", type=int, nargs="+", default=[6_000, 55_000])
    parser.add_argument("--kinds", nargs="+", choices=KINDS, default=list(KINDS))
    parser.add_argument("--dir", type=Path)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        base = args.dir or Path(tmp)
        print(
            f"{'people':>7} {'export':<10} {'cpu s':>8} {'bare':>7} {'ratio':>6} {'wall s':>7} {'size':>11}  rss MB"
        )
        for people in args.people:
            db = make_village(base / f"v{people}", people)
            out = base / f"out{people}"
            for kind in args.kinds:
                start, wall = time.process_time(), time.perf_counter()
                path = run_export(db, kind, out)
                took, wall = time.process_time() - start, time.perf_counter() - wall
                floor = floor_for(kind, db, out)
                ratio = f"{took / floor:6.2f}" if floor else "     —"
                bare = f"{floor:7.2f}" if floor else "      —"
                rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
                print(
                    f"{people:>7} {kind:<10} {took:8.2f} {bare} {ratio} {wall:7.1f} {path.stat().st_size:>11,}  {rss:.0f}",
                    flush=True,
                )
            db.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
