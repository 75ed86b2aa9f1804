"""Importing the tax bureau's payment details (征缴明细): item, year, ticket, then matching by ID."""

from __future__ import annotations

from collections import Counter
from operator import itemgetter

from ..core import ids
from ..core.figures import yuan
from ..core.payments import write_payments
from ..errors import EnrollError, Problem
from .cells import (
    amount_fen,
    channel_of,
    date_of,
    id_cell,
    is_resident_medical,
    payment_state,
    person_name,
    same_name,
    text,
    year_of,
)
from .columns import Columns
from .job import PROGRESS_EVERY, Job, lane
from .messages import NO_ID, NO_NAME

BUCKETS = ("recorded", "already_recorded", "not_in_roster", "other_year", "ignored", "skipped")


class _Store:
    """What the store already holds, loaded once: roster by ID, tickets, ticketless keys."""

    def __init__(self, job: Job) -> None:
        db = job.db
        self.roster = {
            idn: (pid, name)
            for pid, idn, name in db.execute(
                "SELECT p.id, p.id_number, p.name FROM person p JOIN person_year py ON py.person_id = p.id"
                " AND py.year = ? WHERE p.id_valid = 1",
                [job.year],
            )
        }
        self.tickets: dict[str, tuple] = {}
        for pay_id, ticket, pid, amount in db.execute(
            "SELECT id, ticket_no, person_id, amount_fen FROM payment WHERE ticket_no IS NOT NULL"
        ):
            self.tickets[ticket] = (pay_id, pid, amount)
        for (ticket,) in db.execute(
            "SELECT ticket_no FROM unmatched_payment WHERE ticket_no IS NOT NULL"
        ):
            self.tickets.setdefault(ticket, (None, None, None))
        self.reversed = {
            r[0]
            for r in db.execute("SELECT reverses_id FROM payment WHERE reverses_id IS NOT NULL")
        }
        # Rows without a ticket are known by (ID, year, amount, date, kind), counted with repeats.
        self.ticketless: Counter = Counter()
        for key in db.execute(
            "SELECT p.id_number, y.year, y.amount_fen, y.paid_on, y.kind FROM payment y"
            " JOIN person p ON p.id = y.person_id WHERE y.ticket_no IS NULL AND y.source != 'manual'"
            " AND y.reverses_id IS NULL AND y.note NOT LIKE '待认领#%'"
        ):
            self.ticketless[tuple(key)] += 1
        for key in db.execute(
            "SELECT id_number, year, amount_fen, paid_on, 'personal' FROM unmatched_payment WHERE ticket_no IS NULL"
        ):
            self.ticketless[tuple(key)] += 1


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


def _blank(cell: object) -> bool:
    return cell is None or (type(cell) is str and not cell.strip()) or text(cell) == ""


def _ticket_of(cell: object) -> str | None:
    if type(cell) is str:
        t = cell.strip()
        if t.isascii() and t.isalnum():  # the common case: digits as text
            return t.upper()
    return ids.normalize(text(cell)) or None


def import_payments(job: Job, rows: list[tuple[int, list[object]]], cols: Columns) -> None:
    rep = job.report
    for key in BUCKETS:
        rep.counts.setdefault(key, 0)
    store = _Store(job)
    next_pay = lane(job).next_id("payment")
    payments: list[dict] = []
    unmatched: list[dict] = []
    file_ticketless: Counter = Counter()
    ticket_rows: dict[str, int] = {}  # ticket → the row of this file that recorded it
    # Rows padded to one cell past the longest, so an absent column reads that last None and one
    # itemgetter call takes a row's cells: at 55,000 rows per-cell calls are what costs.
    width = max((len(r) for _n, r in rows), default=0) + 1
    for _n, row in rows:
        row.extend([None] * (width - len(row)))
    absent = width - 1
    pick = itemgetter(*(absent if cols.first(f) is None else cols.first(f) for f in _FIELDS))
    item_ix, year_ix = cols.index.get("item", []), cols.index.get("year", [])
    pick_items, pick_years = itemgetter(*item_ix, absent), itemgetter(*year_ix, absent)
    flag_ix = [
        absent if cols.first(f) is None else cols.first(f) for f in ("refund_flag", "void_flag")
    ]
    has_flags = any(i != absent for i in flag_ix) or "state" in cols.index
    pick_flags = itemgetter(*flag_ix, *cols.index.get("state", []), absent)
    has_subsidy_amount = cols.first("subsidy_amount") is not None
    # A tax export repeats the same few items, years, dates and channels: read each cell once.
    items: dict[tuple, bool] = {}
    years: dict[tuple, int | None] = {}
    dates: dict[object, str] = {}
    channels: dict[object, str] = {}
    states: dict[tuple, str] = {}
    total = len(rows)
    for done, (row_no, row) in enumerate(rows, 1):
        if done % PROGRESS_EVERY == 0:
            job.progress.update(done, total, job.file_name)
        if item_ix:
            item_key = pick_items(row)
            if item_key not in items:
                items[item_key] = is_resident_medical(list(item_key))
            if not items[item_key]:
                rep.add("ignored")
                what = "、".join(dict.fromkeys(t for t in map(text, item_key) if t))
                rep.problem(row_no, "pay_not_medical", items=what)
                continue
        if year_ix:
            year_key = pick_years(row)
            if year_key not in years:
                years[year_key] = next((y for y in map(year_of, year_key) if y is not None), None)
            year = years[year_key]
        else:
            year = job.year  # a file that names no year at all is this year's
        if year is None:
            rep.add("skipped")
            rep.problem(row_no, "pay_no_year")
            continue
        if year != job.year:
            rep.add("other_year")
            rep.problem(row_no, "pay_other_year", year=year, current=job.year)
            continue
        (
            raw_id,
            raw_name,
            raw_amount,
            raw_subsidy,
            raw_subcat,
            raw_channel,
            raw_date,
            ticket_cell,
        ) = pick(row)
        if raw_channel not in channels:
            channels[raw_channel] = channel_of(raw_channel)
        channel = channels[raw_channel]
        try:
            amount = None if _blank(raw_amount) else amount_fen(raw_amount)
            subsidy = 0 if _blank(raw_subsidy) else amount_fen(raw_subsidy)
        except EnrollError as e:
            rep.add("skipped")
            rep.problem(row_no, "pay_amount_unreadable", why=Problem(e.code, **e.params))
            continue
        if has_flags:
            flags = pick_flags(row)
            if flags not in states:
                states[flags] = payment_state(flags[0], flags[1], flags[2:])
            if states[flags] == "void":
                rep.add("skipped")
                rep.problem(row_no, "pay_void")
                continue
            if states[flags] == "refund" and amount is not None and amount > 0:
                amount = -amount  # a refund the file marks by a word, not by a minus sign
        # 代缴类别 marks the row's amount as a subsidy unless the file has a 代缴金额 column of its own.
        by_category = not _blank(raw_subcat) and not has_subsidy_amount
        kind = "subsidy" if by_category or channel == "资助代缴" else "personal"
        if amount is None or amount == 0:
            if subsidy:  # a row of the subsidy alone (代缴金额 filled, 个人缴费 empty)
                amount, kind, subsidy = subsidy, "subsidy", 0
            else:
                rep.add("skipped")
                rep.problem(row_no, "pay_no_amount")
                continue
        if raw_date not in dates:
            dates[raw_date] = date_of(raw_date)
        paid_on = dates[raw_date]
        if kind == "subsidy":
            channel = "资助代缴"
        ticket = _ticket_of(ticket_cell)
        if isinstance(ticket_cell, float) and abs(ticket_cell) >= 1e15:
            # Excel kept 15 significant digits: two tickets may now look alike; don't trust it.
            ticket = None
            rep.problem(row_no, "pay_ticket_number_cell")
        # Most IDs are clean text already on the roster (checked when they were entered).
        found = store.roster.get(raw_id.strip()) if type(raw_id) is str else None
        if found is not None:
            id_number = raw_id.strip()
        else:
            chk = ids.check_cell(id_cell(raw_id), today=job.today)
            id_number = chk.normalized
            found = store.roster.get(id_number) if chk.valid else None
        reverses = None
        if ticket is not None and ticket in store.tickets:
            # A reversal (冲正) may carry the ticket of the payment it undoes.
            pay_id, pid, old = store.tickets[ticket]
            if (
                amount < 0
                and old == -amount
                and pay_id is not None
                and pay_id not in store.reversed
            ):
                reverses, ticket = pay_id, None
                store.reversed.add(pay_id)
            else:
                rep.add("already_recorded")
                earlier = ticket_rows.get(ticket)
                if earlier:
                    rep.problem(row_no, "pay_ticket_in_file", ticket=ticket, earlier=earlier)
                else:
                    rep.problem(row_no, "pay_ticket_recorded", ticket=ticket)
                continue
        elif ticket is None:
            key = (id_number, year, amount, paid_on, kind)
            file_ticketless[key] += 1
            if file_ticketless[key] <= store.ticketless[key]:
                rep.add("already_recorded")
                rep.problem(row_no, "pay_recorded")
                continue
        if found is None:
            rep.add("not_in_roster")
            name = person_name(raw_name)
            who = {"name": name or NO_NAME, "id_number": id_number or NO_ID, "amount": yuan(amount)}
            if kind == "subsidy":
                rep.problem(row_no, "pay_subsidy_not_in_roster", **who)
                continue
            rep.problem(row_no, "pay_not_in_roster", **who)
            unmatched.append(
                {
                    "year": year,
                    "id_number": id_number,
                    "name": name,
                    "amount_fen": amount,
                    "paid_on": paid_on,
                    "channel": channel,
                    "ticket_no": ticket,
                    "source": job.source(row_no),
                    "received_at": job.now,
                }
            )
            if ticket:
                store.tickets[ticket] = (None, None, None)
                ticket_rows[ticket] = row_no
            continue
        pid, roster_name = found
        if raw_name != roster_name:
            name = person_name(raw_name)
            if name and name != roster_name and not same_name(name, roster_name):
                rep.problem(row_no, "pay_name_differs", name=name, roster_name=roster_name)
        source = job.source(row_no)
        note = "冲正" if reverses else ("退费" if amount < 0 else "")
        payments.append(
            {
                "person_id": pid,
                "year": year,
                "amount_fen": amount,
                "kind": kind,
                "paid_on": paid_on,
                "channel": channel,
                "ticket_no": ticket,
                "reverses_id": reverses,
                "source": source,
                "note": note,
            }
        )
        if ticket:
            store.tickets[ticket] = (next_pay, pid, amount)
            ticket_rows[ticket] = row_no
        next_pay += 1
        if subsidy:  # 代缴金额 beside the person's own amount: a second payment of the subsidy
            payments.append(
                {
                    "person_id": pid,
                    "year": year,
                    "amount_fen": subsidy,
                    "kind": "subsidy",
                    "paid_on": paid_on,
                    "channel": "资助代缴",
                    "ticket_no": None,
                    "reverses_id": None,
                    "source": source,
                    "note": "代缴",
                }
            )
            next_pay += 1
        rep.add("recorded")
    _write(job, payments, unmatched)


def _write(job: Job, payments: list[dict], unmatched: list[dict]) -> None:
    w = lane(job)
    if payments:
        write_payments(w, payments)
    w.insert_many(
        "unmatched_payment",
        [{"id": w.next_id("unmatched_payment") + i, **u} for i, u in enumerate(unmatched)],
    )
