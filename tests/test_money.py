"""The forms of money, pinned: one parse and the four ways fen is written for the faces."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

import enrollagent
from enrollagent.core.money import MAX_YUAN, parse_yuan, yuan, yuan_cents, yuan_input, yuan_text
from enrollagent.errors import EnrollError


@pytest.mark.parametrize(
    "fen, number, text, cents, edit",
    [
        (38000, 380, "380", "380.00", "380.00"),
        (0, 0, "0", "0.00", "0.00"),
        (5, 0.05, "0.05", "0.05", "0.05"),
        (12350, 123.5, "123.50", "123.50", "123.50"),
        (123456, 1234.56, "1,234.56", "1,234.56", "1234.56"),
        (123400, 1234, "1,234", "1,234.00", "1234.00"),
        (1234567800, 12345678, "12,345,678", "12,345,678.00", "12345678.00"),
        (-38000, -380, "-380", "-380.00", "-380.00"),
        (-50, -0.5, "-0.50", "-0.50", "-0.50"),
        (-123456, -1234.56, "-1,234.56", "-1,234.56", "-1234.56"),
    ],
)
def test_the_forms_of_an_amount(fen, number, text, cents, edit):
    assert yuan(fen) == number and type(yuan(fen)) is type(number)
    assert yuan_text(fen) == text
    assert yuan_cents(fen) == cents
    assert yuan_input(fen) == edit
    if abs(fen) <= MAX_YUAN * 100:  # a township's total is shown, never typed
        assert parse_yuan(edit) == fen  # what an edit box shows reads back as the same amount


def test_json_numbers_are_the_shortest_decimal():
    # A float that is not the shortest decimal would print as 0.30000000000000004 in a JSON file.
    assert [yuan(f) for f in (10, 30, 1, 99, 199_999_99)] == [0.1, 0.3, 0.01, 0.99, 199999.99]
    assert all(str(yuan(f)) == f"{f / 100:.2f}".rstrip("0") for f in range(1, 10_000) if f % 100)


@pytest.mark.parametrize(
    "typed, fen",
    [("380", 38000), ("380.5", 38050), ("３８０元", 38000), ("1,234.56", 123456), ("-12.3", -1230)],
)
def test_typed_yuan(typed, fen):
    assert parse_yuan(typed) == fen


@pytest.mark.parametrize("typed", ["", "abc", "1.234", "1e3", "--5"])
def test_unreadable_yuan_is_refused(typed):
    with pytest.raises(EnrollError) as e:
        parse_yuan(typed)
    assert e.value.code == "amount_invalid"


def test_faces_leave_money_to_core_money():
    """Fen was turned into text in eight places before core.money; a new copy fails here."""
    package = Path(enrollagent.__file__).parent
    copies = [
        f"{path.relative_to(package)}:{n}"
        for face in ("cli", "exports", "township", "ui")
        for path in sorted((package / face).rglob("*.py"))
        for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
        if re.search(r"/{1,2} ?100\b", line)
    ]
    assert not copies
