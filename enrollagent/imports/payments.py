"""Importing the tax bureau's payment details (征缴明细): item, year, ticket, then matching by ID."""

from __future__ import annotations

from collections import Counter

from ..core import audit, ids
from ..core.errors import EnrollError
from ..core.figures import yuan
from .cells import (
    amount_fen,
    channel_of,
    date_of,
    id_cell,
    is_resident_medical,
    person_name,
    same_name,
    text,
    year_of,
)
from .columns import Columns
from .engine import Job, audit_inserts, next_id

BUCKETS = ("recorded", "already_recorded", "not_in_roster", "other_year", "ignored", "skipped")


class _Store:
    """What the store already holds, loaded once: roster by ID, tickets, ticketless keys."""

    def __init__(self, job: Job) -> None:
        db = job.db
        self.roster = {idn: (pid, name) for pid, idn, name in db.execute(
            "SELECT p.id, p.id_number, p.name FROM person p JOIN person_year py ON py.person_id = p.id"
            " AND py.year = ? WHERE p.id_valid = 1", [job.year])}
        self.tickets: dict[str, tuple] = {}
        for pay_id, ticket, pid, amount in db.execute(
            "SELECT id, ticket_no, person_id, amount_fen FROM payment WHERE ticket_no IS NOT NULL"
        ):
            self.tickets[ticket] = (pay_id, pid, amount)
        for (ticket,) in db.execute("SELECT ticket_no FROM unmatched_payment WHERE ticket_no IS NOT NULL"):
            self.tickets.setdefault(ticket, (None, None, None))
        self.reversed = {r[0] for r in db.execute("SELECT reverses_id FROM payment WHERE reverses_id IS NOT NULL")}
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


def _at(row: list[object], i: int | None) -> object:
    return row[i] if i is not None and i < len(row) else None


def import_payments(job: Job, rows: list[tuple[int, list[object]]], cols: Columns) -> None:
    rep = job.report
    for key in BUCKETS:
        rep.counts.setdefault(key, 0)
    store = _Store(job)
    next_pay = next_id(job.db, "payment")
    payments: list[dict] = []
    unmatched: list[dict] = []
    file_ticketless: Counter = Counter()
    i_id, i_name, i_amount, i_subsidy, i_subcat, i_channel, i_date, i_ticket = (
        cols.first(f) for f in ("id", "name", "amount", "subsidy_amount", "subsidy_category", "channel", "date",
                                "ticket"))
    item_ix, year_ix = cols.index.get("item", []), cols.index.get("year", [])
    has_subsidy_amount = i_subsidy is not None
    # A tax export repeats the same few items, years, dates and channels: read each text once.
    items: dict[tuple, bool] = {}
    years: dict[tuple, int | None] = {}
    dates: dict[object, str] = {}
    channels: dict[str, str] = {}
    for done, (row_no, row) in enumerate(rows, 1):
        job.tick(done, len(rows))
        if item_ix:
            item_key = tuple(text(_at(row, i)) for i in item_ix)
            if item_key not in items:
                items[item_key] = is_resident_medical(list(item_key))
            if not items[item_key]:
                rep.add("ignored")
                continue
        if year_ix:
            year_key = tuple(_at(row, i) for i in year_ix)
            if year_key not in years:
                years[year_key] = next((y for y in map(year_of, year_key) if y is not None), None)
            year = years[year_key]
        else:
            year = job.year  # a file that names no year at all is this year's
        if year is None:
            rep.add("skipped")
            rep.problem(row_no, "看不出缴费年度（费款所属期），未登记")
            continue
        if year != job.year:
            rep.add("other_year")
            continue
        subsidy_cat = text(_at(row, i_subcat))
        channel_text = text(_at(row, i_channel))
        if channel_text not in channels:
            channels[channel_text] = channel_of(channel_text)
        channel = channels[channel_text]
        try:
            raw_amount, raw_subsidy = _at(row, i_amount), _at(row, i_subsidy)
            amount = amount_fen(raw_amount) if text(raw_amount) else None
            subsidy = amount_fen(raw_subsidy) if text(raw_subsidy) else 0
        except EnrollError as e:
            rep.add("skipped")
            rep.problem(row_no, f"{e.message}，未登记")
            continue
        # 代缴类别 marks the row's amount as a subsidy unless the file has a 代缴金额 column of its own.
        by_category = bool(subsidy_cat) and not has_subsidy_amount
        kind = "subsidy" if by_category or channel == "资助代缴" else "personal"
        if amount is None or amount == 0:
            if subsidy:  # a row of the subsidy alone (代缴金额 filled, 个人缴费 empty)
                amount, kind, subsidy = subsidy, "subsidy", 0
            else:
                rep.add("skipped")
                rep.problem(row_no, "没有缴费金额（或金额为0），未登记")
                continue
        raw_date = _at(row, i_date)
        if raw_date not in dates:
            dates[raw_date] = date_of(raw_date)
        paid_on = dates[raw_date]
        if kind == "subsidy":
            channel = "资助代缴"
        ticket_cell = _at(row, i_ticket)
        ticket = ids.normalize(text(ticket_cell)) or None
        if isinstance(ticket_cell, float) and abs(ticket_cell) >= 1e15:
            # Excel kept 15 significant digits: two tickets may now look alike; don't trust it.
            ticket = None
            rep.problem(row_no, "票证号码被Excel存成了数字，后几位已丢失，按无票号处理")
        name = person_name(_at(row, i_name))
        raw_id = _at(row, i_id)
        # Most IDs are clean text already on the roster (checked when they were entered).
        found = store.roster.get(raw_id.strip()) if isinstance(raw_id, str) else None
        if found is not None:
            id_number, id_valid = raw_id.strip(), True
        else:
            chk = ids.check_cell(id_cell(raw_id), today=job.today)
            id_number, id_valid = chk.normalized, chk.valid
            found = store.roster.get(id_number) if id_valid else None
        reverses = None
        if ticket is not None and ticket in store.tickets:
            # A reversal (冲正) may carry the ticket of the payment it undoes.
            pay_id, pid, old = store.tickets[ticket]
            if amount < 0 and old == -amount and pay_id is not None and pay_id not in store.reversed:
                reverses, ticket = pay_id, None
                store.reversed.add(pay_id)
            else:
                rep.add("already_recorded")
                continue
        elif ticket is None:
            key = (id_number, year, amount, paid_on, kind)
            file_ticketless[key] += 1
            if file_ticketless[key] <= store.ticketless[key]:
                rep.add("already_recorded")
                continue
        if found is None:
            rep.add("not_in_roster")
            who = f"{name or '（无姓名）'} {id_number or '（无身份证号）'}"
            if kind == "subsidy":
                rep.problem(row_no, f"{who}：资助代缴 {yuan(amount)} 元对不上本村花名册，未登记")
                continue
            rep.problem(row_no, f"{who}：缴费 {yuan(amount)} 元对不上本村花名册，已放入待认领")
            unmatched.append({
                "year": year, "id_number": id_number, "name": name, "amount_fen": amount,
                "paid_on": paid_on, "channel": channel, "ticket_no": ticket, "source": job.source(row_no),
                "received_at": job.now,
            })
            if ticket:
                store.tickets[ticket] = (None, None, None)
            continue
        pid, roster_name = found
        if name and name != roster_name and not same_name(name, roster_name):
            rep.problem(row_no, f"姓名“{name}”与花名册的“{roster_name}”不同，按身份证号登记")
        for part, (value, this_kind, this_ticket) in enumerate(((amount, kind, ticket), (subsidy, "subsidy", None))):
            if not value:
                continue
            main = part == 0
            pay = {
                "id": next_pay, "uuid": audit.new_uuid(), "person_id": pid, "year": year,
                "amount_fen": value, "kind": this_kind, "paid_on": paid_on,
                "channel": "资助代缴" if this_kind == "subsidy" else channel, "ticket_no": this_ticket,
                "payer": "", "reverses_id": reverses if main else None, "source": job.source(row_no),
                "note": ("冲正" if reverses else ("退费" if value < 0 else "")) if main else "代缴",
                "recorded_at": job.now,
            }
            payments.append(pay)
            if this_ticket:
                store.tickets[this_ticket] = (next_pay, pid, value)
            next_pay += 1
        rep.add("recorded")
    _write(job, payments, unmatched)


def _write(job: Job, payments: list[dict], unmatched: list[dict]) -> None:
    db = job.db
    if payments:
        keys = list(payments[0])
        db.conn.executemany(f"INSERT INTO payment ({', '.join(keys)}) VALUES ({', '.join('?' * len(keys))})",
                            [tuple(p[k] for k in keys) for p in payments])
        # One audit row per payment (append-only rows that carry their own source "file:row").
        audit.record_many(db, (("payment", p["id"], "amount_fen", None, p["amount_fen"]) for p in payments),
                          actor=job.actor, reason=job.file_name)
    if unmatched:
        start = next_id(db, "unmatched_payment")
        rows = [{"id": start + i, **u} for i, u in enumerate(unmatched)]
        keys = list(rows[0])
        db.conn.executemany(
            f"INSERT INTO unmatched_payment ({', '.join(keys)}) VALUES ({', '.join('?' * len(keys))})",
            [tuple(r[k] for k in keys) for r in rows])
        audit_inserts(job, "unmatched_payment", rows)
