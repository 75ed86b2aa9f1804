"""Reading a tax export's rows as payments: the item, then the year, then amounts, flags and kind
(docs/domain.md, order of row checks). Matching them to the store is payments.py's."""

from __future__ import annotations

from dataclasses import dataclass
from operator import itemgetter

from ..core import ids
from ..errors import EnrollError, Problem
from .cells import (
    amount_fen,
    channel_of,
    date_of,
    is_resident_medical,
    payment_state,
    text,
    year_of,
)
from .columns import Columns
from .job import Skip

SUBSIDY_CHANNEL = "资助代缴"

_FIELDS = (
    "id",
    "name",
    "amount",
    "subsidy_amount",
    "subsidy_category",
    "channel",
    "date",
    "ticket",
)


@dataclass(slots=True)  # slots: its fields are read a few times a row, 55,000 rows a file
class PaymentRow:
    """A row that is a payment of this year's resident medical insurance, with an amount."""

    raw_id: object
    raw_name: object
    amount: int  # fen; negative for a refund or a reversal
    subsidy: int  # fen of a 代缴金额 beside the person's own amount (a second payment), else 0
    kind: str  # "personal" or "subsidy"
    channel: str
    paid_on: str
    ticket: str | None
    ticket_lost: bool  # the ticket was a number cell Excel had rounded: read as no ticket


def _blank(cell: object) -> bool:
    """The cell reads as nothing. Cheap checks first: three cells a row, 55,000 rows a file."""
    kind = type(cell)
    if cell is None or kind is float or kind is int:  # a number always reads as something
        return cell is None
    if kind is str:
        if not cell.strip():  # type: ignore[attr-defined]
            return True
        if cell[0].isdigit():  # type: ignore[index]
            return False  # money as text
    return text(cell) == ""


def ticket_of(cell: object) -> str | None:
    if type(cell) is str:
        t = cell.strip()
        if t.isascii() and t.isalnum():  # the common case: digits as text
            return t.upper()
    return ids.normalize(text(cell)) or None


class PaymentReader:
    """Reads one sheet's rows as payments. A tax export repeats the same few items, years, dates
    and channels: each is read once and kept, since at 55,000 rows per-cell calls are what costs."""

    def __init__(self, cols: Columns, rows: list[tuple[int, list[object]]], year: int) -> None:
        self.year = year
        # Rows padded to one cell past the longest, so an absent column reads that last None and
        # one itemgetter call takes a row's cells.
        width = max((len(r) for _n, r in rows), default=0) + 1
        for _n, row in rows:
            row.extend([None] * (width - len(row)))
        absent = width - 1
        at = [absent if cols.first(f) is None else cols.first(f) for f in _FIELDS]
        self.pick = itemgetter(*at)
        self.item_ix, self.year_ix = cols.index.get("item", []), cols.index.get("year", [])
        self.pick_items = itemgetter(*self.item_ix, absent)
        self.pick_years = itemgetter(*self.year_ix, absent)
        flag_ix = [
            absent if cols.first(f) is None else cols.first(f) for f in ("refund_flag", "void_flag")
        ]
        self.has_flags = any(i != absent for i in flag_ix) or "state" in cols.index
        self.pick_flags = itemgetter(*[*flag_ix, *cols.index.get("state", []), absent])
        self.has_subsidy_amount = cols.first("subsidy_amount") is not None
        self.items: dict[tuple, bool] = {}
        self.years: dict[tuple, int | None] = {}
        self.dates: dict[object, str] = {}
        self.channels: dict[object, str] = {}
        self.states: dict[tuple, str] = {}

    def classify(self, row: list[object]) -> PaymentRow | Skip:
        """The row as a payment of this year, or the bucket it lands in and why."""
        skip = self.item_skip(row) or self.year_skip(row)
        if skip is not None:
            return skip
        (
            raw_id,
            raw_name,
            raw_amount,
            raw_subsidy,
            raw_subcat,
            raw_channel,
            raw_date,
            ticket_cell,
        ) = self.pick(row)
        channel = self.channels.get(raw_channel)
        if channel is None:
            channel = self.channels[raw_channel] = channel_of(raw_channel)
        money = self.money(row, raw_amount, raw_subsidy, raw_subcat, channel)
        if isinstance(money, Skip):
            return money
        amount, subsidy, kind = money
        paid_on = self.dates.get(raw_date)
        if paid_on is None:
            paid_on = self.dates[raw_date] = date_of(raw_date)
        # Excel kept 15 significant digits of a ticket number cell: two tickets may now look alike.
        lost = isinstance(ticket_cell, float) and abs(ticket_cell) >= 1e15
        return PaymentRow(
            raw_id,
            raw_name,
            amount,
            subsidy,
            kind,
            SUBSIDY_CHANNEL if kind == "subsidy" else channel,
            paid_on,
            None if lost else ticket_of(ticket_cell),
            lost,
        )

    def item_skip(self, row: list[object]) -> Skip | None:
        """Rows of another insurance (养老, 职工 …) are not payments here."""
        if not self.item_ix:
            return None
        key = self.pick_items(row)
        medical = self.items.get(key)
        if medical is None:
            medical = self.items[key] = is_resident_medical(list(key))
        if medical:
            return None
        what = "、".join(dict.fromkeys(t for t in map(text, key) if t))
        return Skip("ignored", Problem("pay_not_medical", items=what))

    def year_skip(self, row: list[object]) -> Skip | None:
        """Rows of another coverage year, or of none that can be read; a file that names no year
        at all is this year's."""
        if not self.year_ix:
            return None
        key = self.pick_years(row)
        if key in self.years:
            year = self.years[key]
        else:
            year = self.years[key] = next((y for y in map(year_of, key) if y is not None), None)
        if year == self.year:
            return None
        if year is None:
            return Skip("skipped", Problem("pay_no_year"))
        return Skip("other_year", Problem("pay_other_year", year=year, current=self.year))

    def money(
        self,
        row: list[object],
        raw_amount: object,
        raw_subsidy: object,
        raw_subcat: object,
        channel: str,
    ) -> tuple[int, int, str] | Skip:
        """(amount, subsidy beside it, kind) in fen: a refund marked by a word made negative, a row
        of the subsidy alone made a subsidy payment; a void ticket or no amount is skipped."""
        try:
            amount = None if _blank(raw_amount) else amount_fen(raw_amount)
            subsidy = 0 if _blank(raw_subsidy) else amount_fen(raw_subsidy)
        except EnrollError as e:
            return Skip(
                "skipped", Problem("pay_amount_unreadable", why=Problem(e.code, **e.params))
            )
        if self.has_flags:
            state = self.state(row)
            if state == "void":
                return Skip("skipped", Problem("pay_void"))
            if state == "refund" and amount is not None and amount > 0:
                amount = -amount  # a refund the file marks by a word, not by a minus sign
        if not amount:
            if not subsidy:
                return Skip("skipped", Problem("pay_no_amount"))
            return subsidy, 0, "subsidy"  # 代缴金额 filled, 个人缴费 empty: the subsidy alone
        # 代缴类别 marks the amount as a subsidy unless the file has a 代缴金额 column of its own.
        by_category = not self.has_subsidy_amount and not _blank(raw_subcat)
        return (
            amount,
            subsidy,
            "subsidy" if by_category or channel == SUBSIDY_CHANNEL else "personal",
        )

    def state(self, row: list[object]) -> str:
        """'void', 'refund' or '' as the row's flags and state words say."""
        flags = self.pick_flags(row)
        state = self.states.get(flags)
        if state is None:
            state = self.states[flags] = payment_state(flags[0], flags[1], flags[2:])
        return state
