"""Sub-commands: backup create [DIR] | list | restore FILE --yes; check."""

from __future__ import annotations

import argparse
import time
from pathlib import Path

from .. import __version__
from ..core.backup import BackupFacts, describe_file, rotation_backups, take_backup
from ..core.restore import (
    describe_backup,
    describe_store,
    refuse_other_village,
    restore_backup,
    write_portable_backup,
)
from ..db.backup import check_file, damaged_error
from ..paths import default_db_path
from .commands import add_command
from .common import CliError, open_store, print_json


def register(sub: argparse._SubParsersAction) -> None:
    p = add_command(sub, "backup")
    bsub = p.add_subparsers(dest="backup_command", metavar="ACTION", required=True)
    c = bsub.add_parser(
        "create",
        help="备份：不给文件夹时存入数据库旁 backups 文件夹（轮换保留）；"
        "给文件夹（如U盘）时写一个含数据库和签名密钥的备份文件",
    )
    c.add_argument("dir", nargs="?", metavar="DIR", help="保存备份文件的文件夹，如U盘")
    c.add_argument("--json", action="store_true", help="输出一个JSON对象")
    c.set_defaults(func=cmd_create)
    ls = bsub.add_parser("list", help="列出 backups 文件夹里的备份")
    ls.add_argument("--json", action="store_true", help="输出一个JSON对象")
    ls.set_defaults(func=cmd_list)
    r = bsub.add_parser("restore", help="用一份备份替换当前数据库（先显示内容，加 --yes 才替换）")
    r.add_argument("file", metavar="FILE", help="备份文件（backups 里的 .db 或U盘上的 .zip）")
    r.add_argument("--yes", action="store_true", help="确认替换")
    r.add_argument("--other-village", action="store_true", help="确认用别村的备份替换")
    r.add_argument("--json", action="store_true", help="输出一个JSON对象")
    r.set_defaults(func=cmd_restore)

    k = add_command(sub, "check")
    k.add_argument("--json", action="store_true", help="输出一个JSON对象")
    k.set_defaults(func=cmd_check)


def _line(facts: BackupFacts) -> str:
    return (
        f"{facts.village_name} {facts.year}年度 在册 {facts.persons} 人，缴费 {facts.payments} 笔，"
        f"{facts.taken.replace('T', ' ')}"
    )


def _row(facts: BackupFacts) -> dict[str, object]:
    return {
        "path": facts.path,
        "time": facts.taken,
        "village": facts.village_name,
        "village_code": facts.village_code,
        "year": facts.year,
        "persons": facts.persons,
        "payments": facts.payments,
        "bytes": facts.bytes,
    }


def cmd_create(args: argparse.Namespace) -> int:
    db = open_store(args)
    if args.dir:
        facts = write_portable_backup(db, Path(args.dir), app_version=__version__)
    else:
        path = take_backup(db)
        assert path is not None  # a store opened from a file
        facts = describe_file(path)
    if args.json:
        print_json(_row(facts))
        return 0
    print(f"已备份：{facts.path}")
    print(_line(facts))
    if args.dir:
        print("备份文件里有本村数据库和签名密钥，请妥善保管")
    return 0


def cmd_list(args: argparse.Namespace) -> int:
    backups = rotation_backups(default_db_path(args.db))
    if args.json:
        print_json({"backups": [_row(f) for f in backups]})
        return 0
    if not backups:
        print("还没有备份")
    for facts in backups:
        print(f"{facts.path}\n  {_line(facts)}")
    return 0


def cmd_restore(args: argparse.Namespace) -> int:
    db_path = default_db_path(args.db)
    source = Path(args.file)
    facts = describe_backup(source)
    current = describe_store(db_path)
    if not args.yes:
        print(f"备份：{_line(facts)}")
        print(f"当前：{_line(current) if current else '数据库不存在或已损坏'}（{db_path}）")
    refuse_other_village(facts, current, confirmed=args.other_village)
    if not args.yes:
        raise CliError("恢复会用这份备份替换当前数据库（当前数据会先另存一份备份）；确认请加 --yes")
    restored = restore_backup(db_path, source, other_village=args.other_village)
    if args.json:
        print_json(
            {
                **_row(restored.facts),
                "before": str(restored.before) if restored.before else None,
                "key_restored": restored.key_restored,
            }
        )
        return 0
    print(f"已恢复：{_line(restored.facts)}")
    if restored.before:
        print(f"恢复前的数据已另存为 {restored.before}")
    if restored.key_restored:
        print("签名密钥已一并恢复")
    return 0


def cmd_check(args: argparse.Namespace) -> int:
    path = default_db_path(args.db)
    if not path.exists():
        raise CliError(f"数据库 {path} 不存在")
    start = time.monotonic()
    problem = check_file(path, full=True)
    seconds = round(time.monotonic() - start, 3)
    if problem:
        raise damaged_error(path, problem)
    if args.json:
        print_json({"path": str(path), "ok": True, "seconds": seconds})
        return 0
    print(f"数据库完好：{path}（检查用时 {seconds} 秒）")
    return 0
