"""Importing the tax bureau's payment details (征缴明细): item, year, ticket, then matching by ID.

Each row goes through three steps: PaymentReader.classify (payment_rows.py) reads it; the Ledger
finds whether it was recorded before and whose it is; the Batch gathers what the file adds and
writes it at the end, in one go."""

from __future__ import annotations

from collections import Counter

from ..core import ids
from ..core.money import yuan
from ..core.payments import write_payments
from ..errors import Problem
from .cells import id_cell, person_name, same_name
from .columns import Columns
from .job import Job, Skip, lane, roster_by_id
from .messages import NO_ID, NO_NAME
from .payment_rows import SUBSIDY_CHANNEL, PaymentReader, PaymentRow

BUCKETS = ("recorded", "already_recorded", "not_in_roster", "other_year", "ignored", "skipped")


class Ledger:
    """What the store and this file already hold, loaded once: the roster by ID, every ticket, the
    ticketless payments and the payments already reversed; then which row of this file recorded
    each ticket, and how many times each ticketless payment came."""

    def __init__(self, job: Job) -> None:
        db = job.db
        self.year = job.year
        self.today = job.today
        self.roster = roster_by_id(job)
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
        # What this file adds as it goes.
        self.file_ticketless: Counter = Counter()
        self.ticket_rows: dict[str, int] = {}  # ticket → the row of this file that recorded it

    def person(self, raw_id: object) -> tuple[str, tuple[int, str] | None]:
        """(the ID as stored, (person id, roster name) or None when nobody on the roster has it)."""
        if type(raw_id) is str:  # most IDs are clean text already on the roster: checked then
            found = self.roster.get(raw_id.strip())
            if found is not None:
                return raw_id.strip(), found
        chk = ids.check_cell(id_cell(raw_id), today=self.today)
        return chk.normalized, self.roster.get(chk.normalized) if chk.valid else None

    def repeat(self, pay: PaymentRow, id_number: str) -> Skip | tuple[int | None, str | None]:
        """(the payment this row reverses, the ticket to record it under), or the Skip of a payment
        recorded before: known by its ticket, or when it has none by (ID, year, amount, date, kind)
        counted with repeats, so a second identical row of a file is new when the store has one."""
        ticket = pay.ticket
        if ticket is None:
            key = (id_number, self.year, pay.amount, pay.paid_on, pay.kind)
            self.file_ticketless[key] += 1
            if self.file_ticketless[key] <= self.ticketless[key]:
                return Skip("already_recorded", Problem("pay_recorded"))
            return None, None
        known = self.tickets.get(ticket)
        if known is None:
            return None, ticket
        pay_id, _pid, old = known
        # A reversal (冲正) may carry the ticket of the payment it undoes.
        if (
            pay.amount < 0
            and old == -pay.amount
            and pay_id is not None
            and pay_id not in self.reversed
        ):
            self.reversed.add(pay_id)
            return pay_id, None
        earlier = self.ticket_rows.get(ticket)
        if earlier:
            problem = Problem("pay_ticket_in_file", ticket=ticket, earlier=earlier)
        else:
            problem = Problem("pay_ticket_recorded", ticket=ticket)
        return Skip("already_recorded", problem)

    def remember(self, ticket: str, row_no: int, payment: tuple) -> None:
        """A ticket this file records: (payment id, person id, amount), all None in the inbox."""
        self.tickets[ticket] = payment
        self.ticket_rows[ticket] = row_no


def name_differs(raw_name: object, roster_name: str) -> Problem | None:
    """A name in the file that is not the roster's for the same ID: the ID wins, the agent is told."""
    if raw_name == roster_name:  # the common case, decided without reading the cell
        return None
    name = person_name(raw_name)
    if name and name != roster_name and not same_name(name, roster_name):
        return Problem("pay_name_differs", name=name, roster_name=roster_name)
    return None


class Batch:
    """The payments and inbox rows a file adds, written at the end in one go. Payment ids are
    counted ahead, so a reversal later in the file can name a payment of an earlier row."""

    def __init__(self, job: Job, ledger: Ledger) -> None:
        self.job = job
        self.ledger = ledger
        self.next_pay = lane(job).next_id("payment")
        self.payments: list[dict] = []
        self.unmatched: list[dict] = []

    def record(
        self, row_no: int, pay: PaymentRow, pid: int, reverses: int | None, ticket: str | None
    ) -> None:
        source = self.job.source(row_no)
        self.payments.append(
            {
                "person_id": pid,
                "year": self.job.year,
                "amount_fen": pay.amount,
                "kind": pay.kind,
                "paid_on": pay.paid_on,
                "channel": pay.channel,
                "ticket_no": ticket,
                "reverses_id": reverses,
                "source": source,
                "note": "冲正" if reverses else ("退费" if pay.amount < 0 else ""),
            }
        )
        if ticket:
            self.ledger.remember(ticket, row_no, (self.next_pay, pid, pay.amount))
        self.next_pay += 1
        if pay.subsidy:  # 代缴金额 beside the person's own amount: a second payment, the subsidy's
            self.payments.append(
                {
                    "person_id": pid,
                    "year": self.job.year,
                    "amount_fen": pay.subsidy,
                    "kind": "subsidy",
                    "paid_on": pay.paid_on,
                    "channel": SUBSIDY_CHANNEL,
                    "ticket_no": None,
                    "reverses_id": None,
                    "source": source,
                    "note": "代缴",
                }
            )
            self.next_pay += 1

    def to_inbox(self, row_no: int, pay: PaymentRow, id_number: str, ticket: str | None) -> Skip:
        """A payment that matches nobody on the roster waits in the inbox (待认领), never dropped;
        a subsidy that matches nobody is not the person's money and is not kept."""
        name = person_name(pay.raw_name)
        who = {"name": name or NO_NAME, "id_number": id_number or NO_ID, "amount": yuan(pay.amount)}
        if pay.kind == "subsidy":
            return Skip("not_in_roster", Problem("pay_subsidy_not_in_roster", **who))
        self.unmatched.append(
            {
                "year": self.job.year,
                "id_number": id_number,
                "name": name,
                "amount_fen": pay.amount,
                "paid_on": pay.paid_on,
                "channel": pay.channel,
                "ticket_no": ticket,
                "source": self.job.source(row_no),
                "received_at": self.job.now,
            }
        )
        if ticket:
            self.ledger.remember(ticket, row_no, (None, None, None))
        return Skip("not_in_roster", Problem("pay_not_in_roster", **who))

    def write(self) -> None:
        w = lane(self.job)
        if self.payments:
            write_payments(w, self.payments)
        first = w.next_id("unmatched_payment")
        w.insert_many(
            "unmatched_payment", [{"id": first + i, **u} for i, u in enumerate(self.unmatched)]
        )


def import_payments(job: Job, rows: list[tuple[int, list[object]]], cols: Columns) -> None:
    rep = job.report
    for key in BUCKETS:
        rep.counts.setdefault(key, 0)
    reader = PaymentReader(cols, rows, job.year)
    ledger = Ledger(job)
    batch = Batch(job, ledger)
    for done, (row_no, row) in enumerate(rows, 1):
        job.tick(done, len(rows))
        pay = reader.classify(row)
        if isinstance(pay, Skip):
            rep.skip(row_no, pay)
            continue
        if pay.ticket_lost:
            rep.problem(row_no, "pay_ticket_number_cell")
        id_number, found = ledger.person(pay.raw_id)
        repeat = ledger.repeat(pay, id_number)
        if isinstance(repeat, Skip):
            rep.skip(row_no, repeat)
            continue
        reverses, ticket = repeat
        if found is None:
            rep.skip(row_no, batch.to_inbox(row_no, pay, id_number, ticket))
            continue
        pid, roster_name = found
        differs = name_differs(pay.raw_name, roster_name)
        if differs is not None:
            rep.note(row_no, differs)
        batch.record(row_no, pay, pid, reverses, ticket)
        rep.add("recorded")
    batch.write()
