"""Sub-command: export KIND OUT [--group G] [--unpaid-only] [--year Y] [--json]; KIND is one of
the catalog's (roll, checklist, notice, slips, messages, publicity, summary, package)."""

from __future__ import annotations

import argparse
import hashlib
import sys

import sqlite_utils

from ..core.progress import Progress
from ..core.village import get_village
from ..exports.catalog import CATALOG, roll_beside, run_export
from ..exports.messages import messages_facts
from ..exports.package import amendment_count, verify_package
from ..exports.slips import slips_facts
from .commands import add_command
from .common import StderrProgress, open_store, print_json


def register(sub: argparse._SubParsersAction) -> None:
    p = add_command(sub, "export")
    p.add_argument(
        "kind",
        choices=list(CATALOG),
        metavar="KIND",
        help="；".join(f"{k.kind}={k.title}" for k in CATALOG.values()),
    )
    p.add_argument("out", metavar="OUT", help="保存到的文件夹（用默认文件名）或文件路径")
    p.add_argument(
        "--group", metavar="G", help="只导出一个村民小组（入户催缴清单、公示名单、缴费告知单）"
    )
    p.add_argument("--unpaid-only", action="store_true", help="缴费告知单只印还有人未缴费的户")
    p.add_argument("--year", type=int, metavar="Y", help="参保年度（默认为当前年度）")
    p.add_argument("--json", action="store_true", help="输出一个JSON对象")
    p.set_defaults(func=cmd_export)


def cmd_export(args: argparse.Namespace) -> int:
    db = open_store(args)
    spec = CATALOG[args.kind]
    watcher = StderrProgress(
        lambda done, total, message: f"正在生成{message} {100 * done // total}%…"
    )
    try:
        path = run_export(
            db,
            args.kind,
            args.out,
            group=args.group,
            year=args.year,
            unpaid_only=args.unpaid_only,
            progress=Progress(watcher),
        )
    finally:
        watcher.finish()
    written = [path]
    if args.kind == "package" and get_village(db).practice:
        # A package is what is sent: say so even when the output is --json.
        print("注意：这是练习村的上报包，只供练习，请勿上报", file=sys.stderr)
    if args.kind == "summary":
        village = get_village(db)
        written.append(roll_beside(path, village, args.year or village.current_year))
    # The count as the package itself states it (its signed manifest), not recomputed here.
    amended = amendment_count(verify_package(path).manifest) if args.kind == "package" else None
    if args.json:
        print_json(
            {
                "kind": args.kind,
                "path": str(path),
                "files": [
                    {"path": str(p), "sha256": hashlib.sha256(p.read_bytes()).hexdigest()}
                    for p in written
                ],
                **({"amendments": amended} if amended is not None else {}),
                **_facts(db, args),
            }
        )
        return 0
    print(f"已导出{spec.title}：{path}")
    if amended:
        print(f"包内列有更正 {amended} 条（上次上报后改动的已上报数据）")
    if args.kind == "summary":
        print(f"汇总表上印有这份花名册的 SHA-256，请一并上报：{written[1]}")
    return 0


def _facts(db: sqlite_utils.Database, args: argparse.Namespace) -> dict:
    """What the slips and the messages hold, for --json."""
    year = args.year or get_village(db).current_year
    if args.kind == "slips":
        return slips_facts(db, year=year, group=args.group, unpaid_only=args.unpaid_only)
    if args.kind == "messages":
        return messages_facts(db, year=year)
    return {}
