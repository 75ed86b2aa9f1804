"""Issue 20: the command line's own words (usage, options, help, argparse's errors) are Chinese."""

from __future__ import annotations

import pytest

from enrollagent.cli import main

ENGLISH = ("usage:", "options:", "positional arguments", "show this help", "error:", "required")


def run(capsys, *argv: str) -> tuple[int, str, str]:
    with pytest.raises(SystemExit) as done:
        main(list(argv))
    out, err = capsys.readouterr()
    return int(done.value.code or 0), out, err


def test_help_is_chinese(capsys):
    code, out, _err = run(capsys, "--help")
    assert code == 0
    assert out.startswith("用法：enrollagent")
    for words in ("选项", "位置参数", "显示本帮助并退出", "显示程序版本号并退出"):
        assert words in out
    assert not [w for w in ENGLISH if w in out]


def test_a_sub_commands_help_is_chinese(capsys):
    _code, out, _err = run(capsys, "import", "roster", "--help")
    assert out.startswith("用法：enrollagent import roster")
    assert "显示本帮助并退出" in out
    assert not [w for w in ENGLISH if w in out]


@pytest.mark.parametrize(
    ("argv", "says"),
    [
        (["import"], "缺少以下参数：KIND"),
        (["--db"], "参数 --db：需要给出一个值"),
        (["status", "--bogus"], "无法识别的参数：--bogus"),
        (["import", "nonsense"], "无效的选择：'nonsense'"),
    ],
)
def test_argparse_errors_are_chinese(capsys, argv, says):
    code, _out, err = run(capsys, *argv)
    assert code == 2
    assert "错误：" in err and says in err
    assert err.startswith("用法：")
    assert not [w for w in ENGLISH if w in err]
