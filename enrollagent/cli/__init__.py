"""The command line: parses, calls the core, prints. With no sub-command it opens the GUI."""

from __future__ import annotations

import argparse
import importlib
import sys

from .. import __version__
from .argparse_zh import argparse_in_chinese
from .commands import COMMANDS, command_in


def build_parser(argv: list[str] | None = None) -> argparse.ArgumentParser:
    """The parser for these arguments: the named command's module registers its commands in
    full; every other command is a line of help. argv None: every module, in full."""
    argparse_in_chinese()
    parser = argparse.ArgumentParser(
        prog="enrollagent",
        description="村医保征缴助手 EnrollAgent：城乡居民医保征缴的村级台账。不带子命令时打开图形界面。",
    )
    parser.add_argument(
        "--db",
        metavar="PATH",
        help="村数据库文件（默认在用户数据目录；也可用环境变量 ENROLLAGENT_DB）",
    )
    parser.add_argument(
        "--actor", metavar="NAME", help="记在审计日志里的操作人（默认为本村经办人）"
    )
    parser.add_argument(
        "--version",
        action="version",
        version=f"enrollagent {__version__}",
        help="显示程序版本号并退出",
    )
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    wanted = COMMANDS.get(command_in(argv) or "", ("", ""))[0] if argv is not None else None
    for name, (module, help_text) in COMMANDS.items():
        if name in sub.choices:
            continue  # registered with the rest of its module
        if argv is None or module == wanted:
            importlib.import_module(f"{__name__}.{module}").register(sub)
        else:
            sub.add_parser(name, help=help_text)
    return parser


def main(argv: list[str] | None = None) -> int:
    for stream in (sys.stdout, sys.stderr):
        # Chinese must print on a Windows console or a pipe with a legacy code page.
        if hasattr(stream, "reconfigure"):
            stream.reconfigure(encoding="utf-8", errors="replace")
    argv = sys.argv[1:] if argv is None else argv
    args = build_parser(argv).parse_args(argv)
    if not args.command:
        from ..app import run_gui

        return run_gui(db_path=args.db)
    from .common import CliError, run_command

    try:
        return run_command(args)
    except CliError as e:
        print(f"错误：{e}", file=sys.stderr)
        return 1


if __name__ == "__main__":
    sys.exit(main())
