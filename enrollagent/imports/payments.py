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
    same_name,
    text,
    year_of,
)
from .columns import Columns
from .engine import Job, audit_inserts, next_id

BUCKETS = ("recorded", "already_recorded", "not_in_roster", "other_year", "ignored", "skipped")


def _cells(row: list[object], cols: Columns, name: str) -> list[object]:
    return [row[i] for i in cols.index.get(name, []) if i < len(row)]


def _one(row: list[object], cols: Columns, name: str) -> object:
    cells = _cells(row, cols, name)
    return cells[0] if cells else None


def _row_year(row: list[object], cols: Columns, default: int) -> int | None:
    if "year" not in cols.index:
        return default  # a file that names no year at all is this year's
    for cell in _cells(row, cols, "year"):
        year = year_of(cell)
        if year is not None:
            return year
    return None


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


def import_payments(job: Job, rows: list[tuple[int, list[object]]], cols: Columns) -> None:
    rep = job.report
    for key in BUCKETS:
        rep.counts[key] = 0
    store = _Store(job)
    next_pay = next_id(job.db, "payment")
    payments: list[dict] = []
    unmatched: list[dict] = []
    file_ticketless: Counter = Counter()
    amount_cols = "amount" in cols.index
    for done, (row_no, row) in enumerate(rows, 1):
        job.tick(done, len(rows))
        item_cells = _cells(row, cols, "item")
        if item_cells and not is_resident_medical(item_cells):
            rep.add("ignored")
            continue
        year = _row_year(row, cols, job.year)
        if year is None:
            rep.add("skipped")
            rep.problem(row_no, "看不出缴费年度（费款所属期），未登记")
            continue
        if year != job.year:
            rep.add("other_year")
            continue
        subsidy_cat = text(_one(row, cols, "subsidy_category"))
        channel_text = text(_one(row, cols, "channel"))
        try:
            amount = amount_fen(_one(row, cols, "amount")) if amount_cols and text(_one(row, cols, "amount")) else None
            subsidy = amount_fen(_one(row, cols, "subsidy_amount")) if text(_one(row, cols, "subsidy_amount")) else 0
        except EnrollError as e:
            rep.add("skipped")
            rep.problem(row_no, f"{e.message}，未登记")
            continue
        # 代缴类别 marks the row's amount as a subsidy unless the file has a 代缴金额 column of its own.
        by_category = bool(subsidy_cat) and "subsidy_amount" not in cols.index
        kind = "subsidy" if by_category or channel_of(channel_text) == "资助代缴" else "personal"
        if amount is None or amount == 0:
            if subsidy:  # a row of the subsidy alone (代缴金额 filled, 个人缴费 empty)
                amount, kind, subsidy = subsidy, "subsidy", 0
            else:
                rep.add("skipped")
                rep.problem(row_no, "没有缴费金额（或金额为0），未登记")
                continue
        paid_on = date_of(_one(row, cols, "date"))
        channel = "资助代缴" if kind == "subsidy" else channel_of(channel_text)
        ticket_cell = _one(row, cols, "ticket")
        ticket = ids.normalize(text(ticket_cell)) or None
        if isinstance(ticket_cell, float) and abs(ticket_cell) >= 1e15:
            # Excel kept 15 significant digits: two tickets may now look alike; don't trust it.
            ticket = None
            rep.problem(row_no, "票证号码被Excel存成了数字，后几位已丢失，按无票号处理")
        name = text(_one(row, cols, "name"))
        chk = ids.check_cell(id_cell(_one(row, cols, "id")), today=job.today)
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
            key = (chk.normalized, year, amount, paid_on, kind)
            file_ticketless[key] += 1
            if file_ticketless[key] <= store.ticketless[key]:
                rep.add("already_recorded")
                continue
        found = store.roster.get(chk.normalized) if chk.valid else None
        if found is None:
            rep.add("not_in_roster")
            who = f"{name or '（无姓名）'} {chk.normalized or '（无身份证号）'}"
            if kind == "subsidy":
                rep.problem(row_no, f"{who}：资助代缴 {yuan(amount)} 元对不上本村花名册，未登记")
                continue
            rep.problem(row_no, f"{who}：缴费 {yuan(amount)} 元对不上本村花名册，已放入待认领")
            unmatched.append({
                "year": year, "id_number": chk.normalized, "name": name, "amount_fen": amount,
                "paid_on": paid_on, "channel": channel, "ticket_no": ticket, "source": job.source(row_no),
                "received_at": job.now,
            })
            if ticket:
                store.tickets[ticket] = (None, None, None)
            continue
        pid, roster_name = found
        if name and not same_name(name, roster_name):
            rep.problem(row_no, f"姓名“{name}”与花名册的“{roster_name}”不同，按身份证号登记")
        for value, this_kind, this_ticket in ((amount, kind, ticket), (subsidy, "subsidy", None)):
            if not value:
                continue
            pay = {
                "id": next_pay, "uuid": audit.new_uuid(), "person_id": pid, "year": year,
                "amount_fen": value, "kind": this_kind, "paid_on": paid_on,
                "channel": "资助代缴" if this_kind == "subsidy" else channel, "ticket_no": this_ticket,
                "payer": "", "reverses_id": reverses if this_kind == kind else None,
                "source": job.source(row_no),
                "note": ("冲正" if reverses else ("退费" if value < 0 else "")) if this_kind == kind else "代缴",
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
        audit_inserts(job, "payment", payments)
    if unmatched:
        start = next_id(db, "unmatched_payment")
        rows = [{"id": start + i, **u} for i, u in enumerate(unmatched)]
        keys = list(rows[0])
        db.conn.executemany(
            f"INSERT INTO unmatched_payment ({', '.join(keys)}) VALUES ({', '.join('?' * len(keys))})",
            [tuple(r[k] for k in keys) for r in rows])
        audit_inserts(job, "unmatched_payment", rows)
