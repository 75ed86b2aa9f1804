"""Payments: append-only records, refunds as negative rows, undo by reversal, the unmatched inbox."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

import sqlite_utils

from . import audit
from .errors import EnrollError
from .figures import person_state
from .village import get_village
from .vocab import CHANNELS, STATES

MAX_YUAN = 100_000  # far above any year's premium; a longer number is a typing slip, not a payment


@dataclass(frozen=True)
class Recorded:
    payment_id: int
    person_id: int
    amount_fen: int


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


def _insert_payment(
    db: sqlite_utils.Database, *, actor: str, reason: str = "", **values: object
) -> int:
    values.setdefault("uuid", audit.new_uuid())
    values.setdefault("recorded_at", audit.now_utc())
    row_id = db["payment"].insert(values).last_pk
    audit.record_insert(
        db, table="payment", row_id=row_id, values=values, actor=actor, reason=reason
    )
    return row_id


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
    with db.atomic():
        if ticket and ticket_taken(db, ticket):
            raise EnrollError("ticket_duplicate", ticket=ticket)
        pid = _insert_payment(
            db,
            actor=actor,
            person_id=person_id,
            year=year,
            amount_fen=amount_fen,
            kind="personal",
            paid_on=(paid_on or date.today()).isoformat(),
            channel=channel,
            ticket_no=ticket,
            payer=(payer or "").strip(),
            source=source,
            note=(note or "").strip(),
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
) -> list[Recorded]:
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
    with db.atomic():
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
    return done


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
        raise EnrollError("refund_too_much", amount=amount_fen / 100, net=state.net_fen / 100)
    ticket = (ticket_no or "").strip() or None
    with db.atomic():
        if ticket and ticket_taken(db, ticket):
            raise EnrollError("ticket_duplicate", ticket=ticket)
        pid = _insert_payment(
            db,
            actor=actor,
            reason=reason,
            person_id=person_id,
            year=year,
            amount_fen=-amount_fen,
            kind="personal",
            paid_on=(paid_on or date.today()).isoformat(),
            channel=channel,
            ticket_no=ticket,
            reverses_id=reverses_id,
            source=source,
            note=reason or "退费",
        )
    return Recorded(pid, person_id, -amount_fen)


def undo_last_payment(
    db: sqlite_utils.Database, *, actor: str, year: int | None = None
) -> Recorded:
    """Reverse the newest manual record (a payment or a refund) not yet reversed, by a linked row
    of the opposite sign; pay → refund → undo brings the payment back."""
    year = year or get_village(db).current_year
    row = db.execute(
        "SELECT id, person_id, amount_fen FROM payment p WHERE year = ? AND source = 'manual'"
        " AND reverses_id IS NULL AND NOT EXISTS (SELECT 1 FROM payment r WHERE r.reverses_id = p.id)"
        " ORDER BY id DESC LIMIT 1",
        [year],
    ).fetchone()
    if row is None:
        raise EnrollError("nothing_to_undo")
    pay_id, person_id, amount = row
    with db.atomic():
        state = person_state(db, person_id, year)
        if state is not None and state.net_fen - amount < 0:
            # The money was handed back since (a refund from the tax bureau's file): undoing the
            # payment too would leave this person owing more than the standard.
            raise EnrollError("undo_refunded", name=state.name)
        new_id = _insert_payment(
            db,
            actor=actor,
            reason="撤销",
            person_id=person_id,
            year=year,
            amount_fen=-amount,
            kind="personal",
            paid_on=date.today().isoformat(),
            channel="其他",
            ticket_no=None,
            reverses_id=pay_id,
            source="manual",
            note="撤销登记" if amount > 0 else "撤销退费",
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
    values = {
        "year": year,
        "id_number": id_number,
        "name": name,
        "amount_fen": amount_fen,
        "paid_on": paid_on,
        "channel": channel,
        "ticket_no": (ticket_no or None),
        "source": source,
        "received_at": audit.now_utc(),
    }
    with db.atomic():
        row_id = db["unmatched_payment"].insert(values).last_pk
        audit.record_insert(
            db, table="unmatched_payment", row_id=row_id, values=values, actor=actor
        )
    return row_id


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
    with db.atomic():
        # The ticket moves from the inbox row to the payment, so it stays recorded exactly once.
        db.execute("UPDATE unmatched_payment SET ticket_no = NULL WHERE id = ?", [unmatched_id])
        if ticket:
            audit.record(
                db,
                table="unmatched_payment",
                row_id=unmatched_id,
                field="ticket_no",
                old=ticket,
                new=None,
                actor=actor,
                reason="认领：票据号随缴费记录转移",
            )
        pay_id = _insert_payment(
            db,
            actor=actor,
            reason="认领",
            person_id=person_id,
            year=year,
            amount_fen=amount,
            kind="personal",
            paid_on=paid_on or date.today().isoformat(),
            channel=channel or "其他",
            ticket_no=ticket,
            source=source,
            note=f"待认领#{unmatched_id}",
        )
        db.execute(
            "UPDATE unmatched_payment SET assigned_payment_id = ?, assigned_at = ? WHERE id = ?",
            [pay_id, audit.now_utc(), unmatched_id],
        )
        audit.record(
            db,
            table="unmatched_payment",
            row_id=unmatched_id,
            field="assigned_payment_id",
            old=None,
            new=pay_id,
            actor=actor,
        )
    return Recorded(pay_id, person_id, amount)
