"""Sub-commands: pay, pay-household, refund, undo, unmatched list / assign."""

from __future__ import annotations

import argparse
from datetime import date

from ..core import payments, roster
from ..core.money import parse_yuan, yuan
from ..core.payments import unmatched_payments
from ..core.people import person_name
from ..core.policy import Policy
from ..core.village import get_policy
from ..core.vocab import CHANNELS
from .commands import add_command
from .common import CliError, actor, add_reason, noting_amendment, open_store, print_json


def register(sub: argparse._SubParsersAction) -> None:
    p = add_command(sub, "pay")
    p.add_argument("person", metavar="PERSON", help="身份证号或 #人员编号")
    _payment_fields(p)
    p.add_argument("--payer", default="", help="代缴人（家人代缴时）")
    p.add_argument(
        "--all-household", action="store_true", help="全户缴费：户内所有未缴的人一起登记"
    )
    p.set_defaults(func=cmd_pay)

    p = add_command(sub, "refund")
    p.add_argument("person", metavar="PERSON")
    _payment_fields(p)
    add_reason(p, "退费原因")
    p.set_defaults(func=cmd_refund)

    p = add_command(sub, "undo")
    add_reason(p, "为何撤销")
    p.set_defaults(func=cmd_undo)

    p = add_command(sub, "unmatched")
    usub = p.add_subparsers(dest="unmatched_command", metavar="ACTION", required=True)
    ul = usub.add_parser("list")
    ul.add_argument("--year", type=int, help="参保年度（默认当前年度）")
    ul.add_argument("--json", action="store_true")
    ul.set_defaults(func=cmd_unmatched_list)
    ua = usub.add_parser("assign", help="把一笔待认领缴费认领给某人")
    ua.add_argument("unmatched_id", type=int, metavar="N")
    ua.add_argument("person", metavar="PERSON")
    ua.set_defaults(func=cmd_unmatched_assign)


def _payment_fields(p: argparse.ArgumentParser) -> None:
    p.add_argument("--amount", metavar="YUAN", help="金额（元）")
    p.add_argument("--date", metavar="YYYY-MM-DD", help="日期（默认今天）")
    p.add_argument("--channel", choices=CHANNELS, help="渠道")
    p.add_argument("--ticket", default="", help="电子税票号码")
    p.add_argument("--year", type=int)


def cmd_pay(args: argparse.Namespace) -> int:
    db = open_store(args)
    who = actor(args, db)
    ref = roster.find_person(db, args.person)
    paid_on = payments.parse_date(args.date, date.today())
    _outside_window_notice(get_policy(db, args.year), paid_on)
    channel = args.channel or "村代办点"
    if args.all_household:
        if args.amount is not None or args.ticket:
            raise CliError(
                "全户缴费按每人应缴金额登记，不能同时指定 --amount 或 --ticket；请逐人登记"
            )
        done = payments.record_household(
            db,
            household_id=ref.household_id,
            actor=who,
            paid_on=paid_on,
            channel=channel,
            payer=args.payer,
            year=args.year,
        )
        print(f"全户缴费：登记 {len(done.records)} 人，共 {yuan(done.amount_fen)} 元")
        return 0
    amount = parse_yuan(args.amount) if args.amount is not None else None
    rec = payments.record_payment(
        db,
        person_id=ref.id,
        actor=who,
        amount_fen=amount,
        paid_on=paid_on,
        channel=channel,
        ticket_no=args.ticket,
        payer=args.payer,
        year=args.year,
    )
    print(f"已登记 {ref.name} 缴费 {yuan(rec.amount_fen)} 元（记录 #{rec.payment_id}）")
    return 0


def _outside_window_notice(policy: Policy, paid_on: date) -> None:
    """The command line cannot ask as the GUI does; it books and says so plainly first."""
    if not policy.in_window(paid_on):
        print(
            f"注意：缴费日期 {paid_on} 不在{policy.year}年度征缴期"
            f"（{policy.window_start} 至 {policy.window_end}）内；征缴期后参保的有待遇等待期"
        )


def cmd_refund(args: argparse.Namespace) -> int:
    db = open_store(args)
    ref = roster.find_person(db, args.person)
    if args.amount is None:
        raise CliError("退费需要用 --amount 写明金额")
    why = args.reason.strip()
    with noting_amendment(db, why, args.year):
        rec = payments.record_refund(
            db,
            person_id=ref.id,
            amount_fen=parse_yuan(args.amount),
            actor=actor(args, db),
            paid_on=payments.parse_date(args.date, date.today()),
            reason=why,
            channel=args.channel or "其他",
            ticket_no=args.ticket,
            year=args.year,
        )
    print(f"已登记 {ref.name} 退费 {yuan(-rec.amount_fen)} 元（记录 #{rec.payment_id}）")
    return 0


def cmd_undo(args: argparse.Namespace) -> int:
    db = open_store(args)
    why = args.reason.strip()
    with noting_amendment(db, why, None):
        rec = payments.undo_last_payment(db, actor=actor(args, db), reason=why)
    name = person_name(db, rec.person_id)
    print(f"已撤销 {name} 的 {yuan(-rec.amount_fen)} 元缴费登记")
    return 0


def cmd_unmatched_list(args: argparse.Namespace) -> int:
    db = open_store(args)
    rows = unmatched_payments(db, args.year)
    if args.json:
        print_json(
            [
                {
                    "id": u.id,
                    "year": u.year,
                    "id_number": u.id_number,
                    "name": u.name,
                    "amount": yuan(u.amount_fen),
                    "paid_on": u.paid_on,
                    "channel": u.channel,
                    "ticket_no": u.ticket_no or None,
                    "source": u.source,
                }
                for u in rows
            ]
        )
        return 0
    for u in rows:
        print(
            f"#{u.id} {u.name} {u.id_number} {yuan(u.amount_fen)}元 {u.paid_on} {u.channel}"
            f" 票号{u.ticket_no or '无'}（{u.source}）"
        )
    if not rows:
        print("没有待认领的缴费")
    return 0


def cmd_unmatched_assign(args: argparse.Namespace) -> int:
    db = open_store(args)
    ref = roster.find_person(db, args.person)
    rec = payments.assign_unmatched(db, args.unmatched_id, ref.id, actor=actor(args, db))
    print(f"已将 {yuan(rec.amount_fen)} 元认领给 {ref.name}")
    return 0
