"""The top-level commands: which module runs each, and its line in `enrollagent --help`.

Listing commands and choosing one needs only this table; a command's module, with the libraries
it uses (reportlab, openpyxl, sqlite_utils), is imported only when that command runs."""

from __future__ import annotations

import argparse

# In the order of `enrollagent --help`.
COMMANDS: dict[str, tuple[str, str]] = {
    "init": ("village", "建立本村数据库（只做一次）"),
    "status": ("village", "本年度参保缴费情况"),
    "task": ("village", "设置乡镇下达的参保任务数"),
    "policy": ("village", "政策预设"),
    "year": ("years", "参保年度：开始新年度征缴、列出已有年度"),
    "household": ("roster", "户"),
    "person": ("roster", "人员"),
    "pay": ("money", "登记一人缴费（金额默认为应缴未缴部分）"),
    "refund": ("money", "登记退费（记为一笔负数，不修改原记录）"),
    "undo": ("money", "撤销最近一笔手工缴费登记（追加一笔冲正）"),
    "unmatched": ("money", "待认领缴费（税务明细里对不上人的）"),
    "history": ("history", "变更记录：谁在何时改了什么、为什么（不指定人时为全村，最新的在前）"),
    "import": ("imports", "导入花名册、特殊群体名单或税务征缴明细（.xlsx / .xls / .csv）"),
    "export": ("exports", "导出花名册、入户催缴清单、公示名单、汇总表或上报包"),
    "backup": ("backup", "备份与恢复"),
    "check": ("backup", "完整检查数据库文件是否损坏"),
    "verify": ("township", "检查上报包是否完整、签名是否正确"),
    "township": ("township", "乡镇汇总：接收各村上报包、任务数、进度、重复参保"),
    "demo": ("demo", "建一个练习村（演示数据，处处标有“练习”）"),
}


def add_command(sub: argparse._SubParsersAction, name: str) -> argparse.ArgumentParser:
    """A command's parser, with its help from the table."""
    return sub.add_parser(name, help=COMMANDS[name][1])


def command_in(argv: list[str]) -> str | None:
    """The command the arguments name (the first word after the global options), or None."""
    args = iter(argv)
    for arg in args:
        if arg in ("--db", "--actor"):
            next(args, None)
        elif not arg.startswith("-"):
            return arg
    return None
