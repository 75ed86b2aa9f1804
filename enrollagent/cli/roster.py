"""Sub-commands: household add, person add / set / show."""

from __future__ import annotations

import argparse

import sqlite_utils

from ..core import roster
from ..core.cover import Cover, covers
from ..core.figures import required_state
from ..core.lane import write
from ..core.money import yuan
from ..core.payments import parse_date
from ..core.vocab import CATEGORY_BY_CODE, COVERAGE_KINDS, RELATIONS, STATES, UNPAID_REASONS
from ..core.year import confirm_cover
from .commands import add_command
from .common import actor, add_reason, noting_amendment, open_store, print_json


def register(sub: argparse._SubParsersAction) -> None:
    p = add_command(sub, "household")
    hsub = p.add_subparsers(dest="household_command", metavar="ACTION", required=True)
    ha = hsub.add_parser("add", help="新增一户")
    _household_fields(ha)
    ha.set_defaults(func=cmd_household_add)

    p = add_command(sub, "person")
    psub = p.add_subparsers(dest="person_command", metavar="ACTION", required=True)
    pa = psub.add_parser("add", help="新增一人（不指定 --household 时新建一户）")
    pa.add_argument("--household", metavar="KEY", help="户号、户内任一人的身份证号，或 #户编号")
    _household_fields(pa)
    pa.add_argument("--name", required=True, help="姓名")
    pa.add_argument(
        "--id",
        required=True,
        dest="id_number",
        metavar="ID",
        help="公民身份号码（15位旧号自动升级）",
    )
    pa.add_argument("--relation", choices=RELATIONS, help="与户主关系（新建户时默认为户主）")
    pa.add_argument("--person-phone", default="", metavar="PHONE", help="本人电话")
    pa.add_argument("--birth", metavar="YYYY-MM-DD", help="出生日期（身份证号待核实时填写）")
    pa.add_argument("--unverified", action="store_true", help="身份证号有误也登记，标为待核实")
    pa.set_defaults(func=cmd_person_add)

    ps = psub.add_parser("set", help="修改一人的信息、参保类型、未缴原因或人员类别")
    ps.add_argument("person", metavar="PERSON", help="身份证号或 #人员编号")
    ps.add_argument("--name")
    ps.add_argument("--id", dest="id_number", metavar="ID")
    ps.add_argument("--relation", choices=RELATIONS)
    ps.add_argument("--phone")
    ps.add_argument("--birth", metavar="YYYY-MM-DD")
    ps.add_argument("--note", help="备注")
    ps.add_argument("--coverage", choices=list(COVERAGE_KINDS), help="参保类型")
    ps.add_argument("--coverage-note", default="", help="参保类型说明（如异地参保的地点）")
    ps.add_argument(
        "--unpaid-reason", choices=[*UNPAID_REASONS, ""], help="未缴原因（空串表示清除）"
    )
    ps.add_argument("--unpaid-note", default="", help="未缴原因说明")
    ps.add_argument(
        "--flag",
        action="append",
        default=[],
        choices=list(CATEGORY_BY_CODE),
        help="加人员类别（可重复）",
    )
    ps.add_argument(
        "--unflag", action="append", default=[], choices=list(CATEGORY_BY_CODE), help="去掉人员类别"
    )
    ps.add_argument("--source", default="manual", help="人员类别的来源说明")
    ps.add_argument(
        "--move-to", metavar="HOUSEHOLD", help="迁到另一户（户号、户内任一人的身份证号或 #户编号）"
    )
    ps.add_argument("--make-head", action="store_true", help="设为户主（原户主改为“其他”）")
    ps.add_argument("--unverified", action="store_true", help="新身份证号有误也保存，标为待核实")
    ps.add_argument(
        "--confirm-cover",
        action="store_true",
        help="确认从上年度带来的参保状态（职工医保等）仍然有效",
    )
    history = ps.add_argument_group(
        "本村年度之前的参保情况（如上年花名册的连续参保年限、断保年限；一起填写，未填的记为不详）"
    )
    history.add_argument("--cover-years", type=int, metavar="N", help="此前连续参保年数")
    history.add_argument("--gap-years", type=int, metavar="N", help="此前断保年数")
    history.add_argument("--repaired-years", type=int, metavar="N", help="已缴费修复的年数")
    ps.add_argument("--year", type=int)
    add_reason(ps)
    ps.set_defaults(func=cmd_person_set)

    sh = psub.add_parser("show", help="显示一人本年度的情况")
    sh.add_argument("person", metavar="PERSON")
    sh.add_argument("--year", type=int)
    sh.add_argument("--json", action="store_true")
    sh.set_defaults(func=cmd_person_show)


def _household_fields(p: argparse.ArgumentParser) -> None:
    p.add_argument("--group", default="", help="村民小组")
    p.add_argument("--no", default="", dest="hh_no", metavar="NO", help="户号")
    p.add_argument("--address", default="", help="住址")
    p.add_argument("--phone", default="", help="户联系电话")


def cmd_household_add(args: argparse.Namespace) -> int:
    db = open_store(args)
    hid = roster.add_household(
        db,
        actor=actor(args, db),
        hh_no=args.hh_no,
        group_name=args.group,
        address=args.address,
        phone=args.phone,
    ).id
    print(f"已新增户 #{hid}")
    return 0


def cmd_person_add(args: argparse.Namespace) -> int:
    db = open_store(args)
    who = actor(args, db)
    birth = parse_date(args.birth) if args.birth else None
    check = roster.checked_id(
        args.id_number, allow_invalid=args.unverified
    )  # refuse before creating a household
    # A new household and its first person: one change, or nothing.
    with write(db, actor=who, op="add_person"):
        if args.household:
            hid = roster.find_household(db, args.household)
            relation = args.relation or ""
        else:
            hid = roster.add_household(
                db,
                actor=who,
                hh_no=args.hh_no,
                group_name=args.group,
                address=args.address,
                phone=args.phone,
            ).id
            relation = args.relation or "户主"
        pid = roster.add_person(
            db,
            household_id=hid,
            name=args.name,
            id_number=args.id_number,
            actor=who,
            relation=relation,
            phone=args.person_phone,
            birth_date=birth,
            allow_invalid=args.unverified,
        ).id
    state = required_state(db, pid)
    print(
        f"已登记 {args.name}（#{pid}，户 #{hid}），本年度应缴 {yuan(state.payable_fen)} 元"
        + (f"；15位身份证号已升级为 {check.normalized}" if check.upgraded else "")
        + ("；身份证号待核实" if not state.id_valid else "")
    )
    return 0


def cmd_person_set(args: argparse.Namespace) -> int:
    db = open_store(args)
    who = actor(args, db)
    ref = roster.find_person(db, args.person)
    fields = {
        k: getattr(args, k)
        for k in ("name", "id_number", "relation", "phone", "note")
        if getattr(args, k) is not None
    }
    if args.birth is not None:
        fields["birth_date"] = parse_date(args.birth)
    why = args.reason.strip()
    # Everything one command line asks: one change, or nothing. The writers inside join this
    # change, so its op and reason are the ones the history shows.
    with (
        noting_amendment(db, why, args.year),
        write(db, actor=who, op=_set_op(args, fields), reason=why),
    ):
        if args.move_to:
            roster.move_person(
                db,
                ref.id,
                roster.find_household(db, args.move_to),
                actor=who,
                relation=args.relation or "其他",
            )
            fields.pop("relation", None)
        if fields:
            roster.update_person(db, ref.id, actor=who, allow_invalid=args.unverified, **fields)
        if args.make_head:
            roster.set_head(db, ref.id, actor=who)
        if args.coverage:
            roster.set_coverage(
                db, ref.id, args.coverage, actor=who, note=args.coverage_note, year=args.year
            )
        if args.unpaid_reason is not None:
            roster.set_unpaid_reason(
                db, ref.id, args.unpaid_reason, actor=who, note=args.unpaid_note, year=args.year
            )
        for code in args.flag:
            roster.flag_person(db, ref.id, code, actor=who, source=args.source, year=args.year)
        for code in args.unflag:
            roster.unflag_person(db, ref.id, code, actor=who, year=args.year)
        if args.confirm_cover:
            confirm_cover(db, [ref.id], actor=who, year=args.year)
        if (args.cover_years, args.gap_years, args.repaired_years) != (None, None, None):
            roster.set_history(
                db,
                ref.id,
                actor=who,
                cover_years=args.cover_years,
                gap_years=args.gap_years,
                repaired_years=args.repaired_years or 0,
                year=args.year,
            )
    return _show(db, ref.id, args.year, as_json=False)


def _set_op(args: argparse.Namespace, fields: dict[str, object]) -> str:
    """The writer's own op when the command line asks one thing, so the history names it."""
    asked = {
        "move_person": args.move_to,
        "update_person": set(fields) - ({"relation"} if args.move_to else set()),
        "set_head": args.make_head,
        "set_coverage": args.coverage,
        "set_unpaid_reason": args.unpaid_reason is not None,
        "flag_person": args.flag,
        "unflag_person": args.unflag,
        "confirm_cover": args.confirm_cover,
        "set_history": (args.cover_years, args.gap_years, args.repaired_years)
        != (None, None, None),
    }
    ops = [op for op, wanted in asked.items() if wanted]
    return ops[0] if len(ops) == 1 else "update_person"


def cmd_person_show(args: argparse.Namespace) -> int:
    db = open_store(args)
    return _show(db, roster.find_person(db, args.person).id, args.year, as_json=args.json)


def _show(db: sqlite_utils.Database, person_id: int, year: int | None, *, as_json: bool) -> int:
    s = required_state(db, person_id, year)
    c = covers(db, year, states=[s])[s.person_id]
    if as_json:
        print_json(
            {
                "id": s.person_id,
                "name": s.name,
                "id_number": s.id_number,
                "id_valid": s.id_valid,
                "birth_date": s.birth_date.isoformat() if s.birth_date else None,
                "sex": s.sex,
                "relation": s.relation,
                "group": s.group_name,
                "hh_no": s.hh_no,
                "coverage": s.coverage,
                "categories": list(s.categories),
                "payable": yuan(s.payable_fen),
                "paid": yuan(s.net_fen),
                "state": s.state,
                "unpaid_reason": s.unpaid_reason,
                "to_confirm": s.to_confirm,
                "continuous_years": c.continuous_years,
                "gap_years": c.gap_years,
                "repaired_years": c.repaired_years,
                "history_known": c.known,
                "waiting_exempt": c.exempt,
                "waiting_months": {"on_time": c.waiting_on_time, "late": c.waiting_if_late},
                "major_illness_cap_rise": yuan(c.bonus_fen),
            }
        )
        return 0
    cats = "、".join(CATEGORY_BY_CODE[c].label for c in s.categories) or "无"
    print(
        f"{s.name} {s.id_number}{'（待核实）' if not s.id_valid else ''} {s.relation} {s.group_name}"
    )
    print(
        f"  人员类别：{cats}；应缴 {yuan(s.payable_fen)} 元，已缴 {yuan(s.net_fen)} 元；{STATES[s.state]}"
        + (f"（{s.unpaid_reason}）" if s.unpaid_reason and s.state == "unpaid" else "")
        + ("；参保状态待确认（从上年度带来）" if s.to_confirm else "")
    )
    print(f"  {cover_text(c)}")
    return 0


def cover_text(c: Cover) -> str:
    """Continuous years and waiting months in one line, as the person page shows them."""
    years = (
        f"连续参保 {c.continuous_years} 年" if c.known or c.continuous_years else "此前参保情况不详"
    )
    if c.gap_years:
        years += f"，断保 {c.gap_years} 年" + (
            f"（已修复 {c.repaired_years} 年）" if c.repaired_years else ""
        )
    if c.exempt:
        waiting = f"无待遇等待期（{c.exempt}）"
    elif c.waiting_on_time:
        waiting = f"待遇等待期 {c.waiting_on_time} 个月"
    else:
        waiting = f"征缴期内缴费无等待期，征缴期后缴费等待 {c.waiting_if_late} 个月"
    bonus = f"；大病保险最高支付限额提高 {yuan(c.bonus_fen)} 元" if c.bonus_fen else ""
    return f"{years}；{waiting}{bonus}"
