"""Payments: append-only records, refunds as negative rows, undo by reversal, the unmatched inbox."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from operator import itemgetter

import sqlite_utils

from ..errors import EnrollError
from .changes import Changes
from .clock import new_uuids, now_utc
from .figures import person_state
from .lane import Write, write
from .money import yuan_text
from .village import get_village
from .vocab import CHANNELS, STATES


@dataclass(frozen=True)
class Recorded:
    payment_id: int
    person_id: int
    amount_fen: int

    @property
    def changes(self) -> Changes:
        return Changes(persons=frozenset({self.person_id}))


@dataclass(frozen=True)
class HouseholdPaid:
    """全户缴费: one payment per member who owed."""

    records: list[Recorded]
    changes: Changes

    @property
    def amount_fen(self) -> int:
        return sum(r.amount_fen for r in self.records)


def parse_date(text: object, default: date | None = None) -> date:
    if text in (None, ""):
        if default is None:
            raise EnrollError("date_invalid", value="")
        return default
    if isinstance(text, date):
        return text
    try:
        return date.fromisoformat(str(text).strip())
    except ValueError:
        raise EnrollError("date_invalid", value=text) from None


def ticket_taken(db: sqlite_utils.Database, ticket_no: str) -> bool:
    return bool(
        db.execute(
            "SELECT 1 FROM payment WHERE ticket_no = ? UNION ALL SELECT 1 FROM unmatched_payment WHERE ticket_no = ?",
            [ticket_no, ticket_no],
        ).fetchone()
    )


PAYMENT_DEFAULTS: dict[str, object] = {
    "kind": "personal",
    "channel": "",
    "ticket_no": None,
    "payer": "",
    "reverses_id": None,
    "note": "",
}


def write_payments(w: Write, rows: list[dict[str, object]]) -> int:
    """The one writer of payment rows, for manual entry, refunds, undo, the inbox and imports:
    each row (all with the same keys, at least person_id, year and amount_fen) gets its id, uuid
    and time, and names the change that wrote it (m008: a payment is its own record, never
    audited row by row). Returns the first id."""
    first = w.next_id("payment")
    given = list(rows[0])
    defaults = {k: v for k, v in PAYMENT_DEFAULTS.items() if k not in given}
    pick = itemgetter(*given)
    tail = (*defaults.values(), w.at)
    w.insert_records(
        "payment",
        ["id", "uuid", *given, *defaults, "recorded_at"],
        (
            (first + i, uuid, *pick(row), *tail)
            for i, (uuid, row) in enumerate(zip(new_uuids(len(rows)), rows, strict=True))
        ),
    )
    # Each person's net of the year, which the figures count, moves with the payments (m007):
    # summed from the rows just written, in one statement.
    w.db.execute(
        "UPDATE person_year SET net_fen = net_fen + s.fen FROM (SELECT person_id, year,"
        " SUM(amount_fen) AS fen FROM payment WHERE id >= ? AND kind = 'personal'"
        " GROUP BY person_id, year) s WHERE person_year.person_id = s.person_id"
        " AND person_year.year = s.year",
        [first],
    )
    w.touch(persons=(int(r["person_id"]) for r in rows))  # type: ignore[call-overload]
    return first


def record_payment(
    db: sqlite_utils.Database,
    *,
    person_id: int,
    actor: str,
    amount_fen: int | None = None,
    paid_on: date | None = None,
    channel: str = "村代办点",
    ticket_no: str = "",
    payer: str = "",
    year: int | None = None,
    source: str = "manual",
    note: str = "",
) -> Recorded:
    """Record a person's own payment; the amount defaults to what is still owed this year."""
    year = year or get_village(db).current_year
    state = person_state(db, person_id, year)
    if state is None:
        raise EnrollError("person_unknown", key=person_id)
    if channel not in CHANNELS:
        raise EnrollError("channel_unknown", value=channel, known="、".join(CHANNELS))
    if amount_fen is None:
        if state.owed_fen == 0:
            raise EnrollError("nothing_payable", name=state.name, state=STATES[state.state])
        amount_fen = state.owed_fen
    if amount_fen <= 0:
        raise EnrollError("amount_not_positive")
    ticket = (ticket_no or "").strip() or None
    with write(db, actor=actor, op="record_payment") as w:
        if ticket and ticket_taken(db, ticket):
            raise EnrollError("ticket_duplicate", ticket=ticket)
        pid = write_payments(
            w,
            [
                {
                    "person_id": person_id,
                    "year": year,
                    "amount_fen": amount_fen,
                    "paid_on": (paid_on or date.today()).isoformat(),
                    "channel": channel,
                    "ticket_no": ticket,
                    "payer": (payer or "").strip(),
                    "source": source,
                    "note": (note or "").strip(),
                }
            ],
        )
    return Recorded(pid, person_id, amount_fen)


def record_household(
    db: sqlite_utils.Database,
    *,
    household_id: int,
    actor: str,
    paid_on: date | None = None,
    channel: str = "村代办点",
    payer: str = "",
    year: int | None = None,
) -> HouseholdPaid:
    """全户缴费: every unpaid member of the household pays what they owe, in one transaction."""
    year = year or get_village(db).current_year
    members = [
        r[0]
        for r in db.execute(
            "SELECT id FROM person WHERE household_id = ?", [household_id]
        ).fetchall()
    ]
    if not members:
        raise EnrollError("household_unknown", key=household_id)
    done = []
    with write(db, actor=actor, op="record_household") as w:
        for pid in members:
            state = person_state(db, pid, year)
            if state and state.owed_fen > 0:
                done.append(
                    record_payment(
                        db,
                        person_id=pid,
                        actor=actor,
                        paid_on=paid_on,
                        channel=channel,
                        payer=payer,
                        year=year,
                        note="全户缴费",
                    )
                )
        changes = w.changes
    return HouseholdPaid(done, changes)


def record_refund(
    db: sqlite_utils.Database,
    *,
    person_id: int,
    amount_fen: int,
    actor: str,
    paid_on: date | None = None,
    reason: str = "",
    reverses_id: int | None = None,
    channel: str = "其他",
    ticket_no: str = "",
    year: int | None = None,
    source: str = "manual",
) -> Recorded:
    """A refund is a new negative row; it may not exceed what this person paid this year."""
    year = year or get_village(db).current_year
    if amount_fen <= 0:
        raise EnrollError("amount_not_positive")
    state = person_state(db, person_id, year)
    if state is None:
        raise EnrollError("person_unknown", key=person_id)
    if amount_fen > state.net_fen:
        raise EnrollError(
            "refund_too_much", amount=yuan_text(amount_fen), net=yuan_text(state.net_fen)
        )
    ticket = (ticket_no or "").strip() or None
    with write(db, actor=actor, op="record_refund", reason=reason) as w:
        if ticket and ticket_taken(db, ticket):
            raise EnrollError("ticket_duplicate", ticket=ticket)
        pid = write_payments(
            w,
            [
                {
                    "person_id": person_id,
                    "year": year,
                    "amount_fen": -amount_fen,
                    "paid_on": (paid_on or date.today()).isoformat(),
                    "channel": channel,
                    "ticket_no": ticket,
                    "reverses_id": reverses_id,
                    "source": source,
                    "note": reason or "退费",
                }
            ],
        )
    return Recorded(pid, person_id, -amount_fen)


def undo_target(db: sqlite_utils.Database, year: int) -> int | None:
    """The payment undo_last_payment would reverse: a face asks for a reason before, if reported."""
    row = db.execute(
        "SELECT id FROM payment p WHERE year = ? AND source = 'manual'"
        " AND reverses_id IS NULL AND NOT EXISTS (SELECT 1 FROM payment r WHERE r.reverses_id = p.id)"
        " ORDER BY id DESC LIMIT 1",
        [year],
    ).fetchone()
    return row[0] if row else None


def undo_last_payment(
    db: sqlite_utils.Database, *, actor: str, year: int | None = None, reason: str = ""
) -> Recorded:
    """Reverse the newest manual record (a payment or a refund) not yet reversed, by a linked row
    of the opposite sign; pay → refund → undo brings the payment back."""
    year = year or get_village(db).current_year
    pay_id = undo_target(db, year)
    if pay_id is None:
        raise EnrollError("nothing_to_undo")
    person_id, amount = db.execute(
        "SELECT person_id, amount_fen FROM payment WHERE id = ?", [pay_id]
    ).fetchone()
    with write(db, actor=actor, op="undo_last_payment", reason=reason) as w:
        state = person_state(db, person_id, year)
        if state is not None and state.net_fen - amount < 0:
            # The money was handed back since (a refund from the tax bureau's file): undoing the
            # payment too would leave this person owing more than the standard.
            raise EnrollError("undo_refunded", name=state.name)
        new_id = write_payments(
            w,
            [
                {
                    "person_id": person_id,
                    "year": year,
                    "amount_fen": -amount,
                    "paid_on": date.today().isoformat(),
                    "channel": "其他",
                    "reverses_id": pay_id,
                    "source": "manual",
                    "note": "撤销登记" if amount > 0 else "撤销退费",
                }
            ],
        )
    return Recorded(new_id, person_id, -amount)


def add_unmatched(
    db: sqlite_utils.Database,
    *,
    year: int,
    amount_fen: int,
    source: str,
    actor: str,
    id_number: str = "",
    name: str = "",
    paid_on: str = "",
    channel: str = "",
    ticket_no: str = "",
) -> int:
    """A payment that matches nobody on the roster, kept until it is given to a person."""
    values = {
        "year": year,
        "id_number": id_number,
        "name": name,
        "amount_fen": amount_fen,
        "paid_on": paid_on,
        "channel": channel,
        "ticket_no": (ticket_no or None),
        "source": source,
        "received_at": now_utc(),
    }
    with write(db, actor=actor, op="add_unmatched") as w:
        return w.insert("unmatched_payment", values)


def assign_unmatched(
    db: sqlite_utils.Database, unmatched_id: int, person_id: int, *, actor: str
) -> Recorded:
    """Give an inbox payment to a person: it becomes their payment, the inbox row points to it."""
    row = db.execute(
        "SELECT year, amount_fen, paid_on, channel, ticket_no, source FROM unmatched_payment"
        " WHERE id = ? AND assigned_payment_id IS NULL",
        [unmatched_id],
    ).fetchone()
    if row is None:
        raise EnrollError("unmatched_unknown", key=unmatched_id)
    if db.execute("SELECT 1 FROM person WHERE id = ?", [person_id]).fetchone() is None:
        raise EnrollError("person_unknown", key=person_id)
    year, amount, paid_on, channel, ticket, source = row
    with write(db, actor=actor, op="assign_unmatched", reason="认领") as w:
        # The ticket moves from the inbox row to the payment, so it stays recorded exactly once.
        w.update(
            "unmatched_payment",
            unmatched_id,
            {"ticket_no": None},
            reason="认领：票据号随缴费记录转移",
        )
        pay_id = write_payments(
            w,
            [
                {
                    "person_id": person_id,
                    "year": year,
                    "amount_fen": amount,
                    "paid_on": paid_on or date.today().isoformat(),
                    "channel": channel or "其他",
                    "ticket_no": ticket,
                    "source": source,
                    "note": f"待认领#{unmatched_id}",
                }
            ],
        )
        w.update(
            "unmatched_payment",
            unmatched_id,
            {"assigned_payment_id": pay_id, "assigned_at": w.at},
        )
    return Recorded(pay_id, person_id, amount)


@dataclass(frozen=True)
class PaymentLine:
    """A payment as listed on screen: who, how much, how, when recorded."""

    id: int
    recorded_at: str  # UTC
    name: str
    id_number: str
    amount_fen: int
    channel: str
    paid_on: str
    ticket_no: str
    note: str


def payments_entered_since(
    db: sqlite_utils.Database, since_utc: str, *, year: int, limit: int
) -> tuple[int, list[PaymentLine]]:
    """(how many, the newest `limit`) personal payments entered by hand or from the inbox since
    `since_utc` for `year`: the agent's 今日登记."""
    where = (
        "pm.recorded_at >= ? AND +pm.year = ? AND pm.kind = 'personal'"
        " AND (pm.source = 'manual' OR pm.note LIKE '待认领#%')"
    )
    params = [since_utc, year]
    count = db.execute(f"SELECT COUNT(*) FROM payment pm WHERE {where}", params).fetchone()[0]
    # Newest first, walking the ids down (+year keeps SQLite off the year index) until enough are found.
    rows = db.execute(
        "SELECT pm.id, pm.recorded_at, p.name, p.id_number, pm.amount_fen, pm.channel, pm.paid_on,"
        f" COALESCE(pm.ticket_no, ''), pm.note FROM payment pm JOIN person p ON p.id = pm.person_id"
        f" WHERE {where} ORDER BY pm.id DESC LIMIT ?",
        [*params, limit],
    ).fetchall()
    return count, [PaymentLine(*r) for r in rows]


@dataclass(frozen=True)
class Unmatched:
    """A payment in the inbox: it matched nobody on the roster."""

    id: int
    year: int
    received_at: str
    id_number: str
    name: str
    amount_fen: int
    paid_on: str
    channel: str
    ticket_no: str
    source: str


def unmatched_payments(db: sqlite_utils.Database, year: int | None = None) -> list[Unmatched]:
    """The inbox of a coverage year (the current one by default), oldest first: the list the GUI
    and the command line both show."""
    year = year or get_village(db).current_year
    rows = db.execute(
        "SELECT id, year, received_at, id_number, name, amount_fen, paid_on, channel,"
        " COALESCE(ticket_no, ''), source FROM unmatched_payment"
        " WHERE year = ? AND assigned_payment_id IS NULL ORDER BY id",
        [year],
    ).fetchall()
    return [Unmatched(*r) for r in rows]
