"""Money written once: typed yuan into fen, and fen into yuan for JSON, for print and screen, and
for an edit box. Everywhere else money is integer fen."""

from __future__ import annotations

import re

from ..errors import EnrollError

MAX_YUAN = 100_000  # far above any year's premium; a longer number is a typing slip, not a payment


def parse_yuan(text: object) -> int:
    """'380', '380.5', '３８０元' → fen; a clear error for anything else."""
    s = str(text or "").strip().replace("元", "").replace(",", "").replace("，", "")
    s = s.translate(str.maketrans("０１２３４５６７８９．－", "0123456789.-"))
    if not re.fullmatch(r"-?\d+(\.\d{1,2})?", s):
        raise EnrollError("amount_invalid", value=text)
    whole, _, frac = s.lstrip("-").partition(".")
    if len(whole) > len(str(MAX_YUAN)) or int(whole) > MAX_YUAN:
        raise EnrollError("amount_too_large", value=text, most=MAX_YUAN)
    fen = int(whole) * 100 + int((frac + "00")[:2])
    return -fen if s.startswith("-") else fen


def yuan(fen: int) -> int | float:
    """Yuan as a number, for JSON and spreadsheet cells: 380, 1234.5, -0.5."""
    return fen // 100 if fen % 100 == 0 else round(fen / 100, 2)


def yuan_text(fen: int) -> str:
    """Yuan for print and screen: whole yuan without decimals — 380, 1,234.50, -0.50."""
    return f"{fen // 100:,}" if fen % 100 == 0 else f"{fen / 100:,.2f}"


def yuan_cents(fen: int) -> str:
    """Yuan always with two decimals, where payments are listed and confirmed: 380.00, 1,234.50."""
    return f"{fen / 100:,.2f}"


def yuan_input(fen: int) -> str:
    """Yuan for an edit box, read back by parse_yuan: 380.00, 1234.50 (no separators)."""
    return f"{fen / 100:.2f}"
