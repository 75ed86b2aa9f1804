"""Sub-command: demo — a practice village to learn on, marked 练习 on every page and export."""

from __future__ import annotations

import argparse

from ..core.village import find_village
from ..paths import default_db_path
from .commands import add_command
from .common import CliError, open_store, print_json

MAX_SIZE = 100_000


def register(sub: argparse._SubParsersAction) -> None:
    p = add_command(sub, "demo")
    p.add_argument("--size", type=int, default=600, metavar="N", help="练习村的人数（默认 600）")
    # Also after the command (`demo --db 练习.db`); SUPPRESS keeps a --db given before it.
    p.add_argument("--db", metavar="PATH", default=argparse.SUPPRESS, help="练习村数据库文件")
    p.add_argument("--json", action="store_true", help="输出一个JSON对象")
    p.set_defaults(func=cmd_demo)


def cmd_demo(args: argparse.Namespace) -> int:
    from ..core.demo import build_demo

    if not 0 < args.size <= MAX_SIZE:
        raise CliError(f"人数应在 1 到 {MAX_SIZE} 之间：{args.size}")
    path = default_db_path(args.db)
    db = open_store(args, must_exist=False)
    village = find_village(db)
    if village is not None:
        raise CliError(
            f"{path} 里已有 {village.title}；练习村请建在新的数据库文件里（--db 练习村.db）"
        )
    counts = build_demo(db, size=args.size)
    village = find_village(db)
    assert village is not None
    if args.json:
        print_json({"path": str(path), "village": village.title, **counts})
        return 0
    print(f"已建立练习村 {village.title}：{counts['persons']} 人，{counts['households']} 户")
    print(f"数据库：{path}。练习村的每一页、每份导出都标有“练习”，请勿上报")
    return 0
