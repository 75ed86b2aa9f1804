"""argparse's own words (usage, options, its error lines) in Chinese. Kept apart from common.py,
which imports the store: `enrollagent --help` must stay quick."""

from __future__ import annotations

import argparse

# argparse looks these up through gettext's `_` and `ngettext`, imported into its module, so
# argparse_in_chinese points those two here.
ARGPARSE_WORDS = {
    "usage: ": "用法：",
    "options": "选项",
    "positional arguments": "位置参数",
    "show this help message and exit": "显示本帮助并退出",
    "%(prog)s: error: %(message)s\n": "%(prog)s：错误：%(message)s\n",
    "the following arguments are required: %s": "缺少以下参数：%s",
    "unrecognized arguments: %s": "无法识别的参数：%s",
    "invalid choice: %(value)r (choose from %(choices)s)": "无效的选择：%(value)r（可选：%(choices)s）",
    "argument %(argument_name)s: %(message)s": "参数 %(argument_name)s：%(message)s",
    "expected one argument": "需要给出一个值",
    "expected at most one argument": "最多给出一个值",
    "expected at least one argument": "至少给出一个值",
    "expected %s argument": "需要给出 %s 个值",
    "expected %s arguments": "需要给出 %s 个值",
    "invalid %(type)s value: %(value)r": "无效的 %(type)s 值：%(value)r",
    "ambiguous option: %(option)s could match %(matches)s": "选项不明确：%(option)s 可能是 %(matches)s",
    "not allowed with argument %s": "不能与参数 %s 同时使用",
    "one of the arguments %s is required": "参数 %s 必须给出其中一个",
    "can't open '%(filename)s': %(error)s": "无法打开“%(filename)s”：%(error)s",
    "ignored explicit argument %r": "多余的值 %r 被忽略",
    "unknown parser %(parser_name)r (choices: %(choices)s)": "未知的子命令 %(parser_name)r（可选：%(choices)s）",
}


def argparse_in_chinese() -> None:
    """Make argparse speak Chinese from now on (in this process: the command line's own)."""
    vars(argparse)["_"] = lambda text: ARGPARSE_WORDS.get(text, text)
    vars(argparse)["ngettext"] = lambda one, many, n: ARGPARSE_WORDS.get(
        one if n == 1 else many, one if n == 1 else many
    )
