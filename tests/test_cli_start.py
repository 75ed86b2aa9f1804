"""The command line starts quickly: listing the commands imports no command's libraries, and the
table that lists them says what every module really registers."""

import subprocess
import sys

from enrollagent.cli import build_parser
from enrollagent.cli.commands import COMMANDS, command_in

HEAVY = ("reportlab", "openpyxl", "sqlite_utils", "python_calamine", "PySide6", "cryptography")


def _subcommands(parser):
    action = next(a for a in parser._actions if a.dest == "command")
    helps = {c.dest: c.help for c in action._choices_actions}
    return list(action.choices), helps


def test_the_table_is_what_the_modules_register_in_the_same_order():
    names, helps = _subcommands(build_parser())
    assert names == list(COMMANDS)
    assert helps == {name: help_text for name, (_, help_text) in COMMANDS.items()}


def test_a_command_gets_its_own_full_parser_and_the_rest_their_help_line():
    parser = build_parser(["--db", "x.db", "status", "--json"])
    names, helps = _subcommands(parser)
    assert names == list(COMMANDS)
    args = parser.parse_args(["--db", "x.db", "status", "--json"])
    assert args.json is True and callable(args.func)


def test_the_command_is_the_first_word_after_the_global_options():
    assert command_in(["--db", "a.db", "--actor", "王明", "pay", "x"]) == "pay"
    assert command_in(["--help"]) is None
    assert command_in([]) is None


def test_help_imports_no_command_library():
    code = (
        "import sys\n"
        "from enrollagent.cli import main\n"
        "try:\n    main(['--help'])\nexcept SystemExit:\n    pass\n"
        f"print(sorted({{m.split('.')[0] for m in sys.modules}} & set({HEAVY!r})))"
    )
    run = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert "pay" in run.stdout and "export" in run.stdout  # every command is listed
    assert run.stdout.strip().splitlines()[-1] == "[]"
