"""Sub-commands: init, status, policy."""

from __future__ import annotations

import argparse
from datetime import date

from ..core.cover import waiting_if_late
from ..core.figures import compute_figures, person_states
from ..core.money import yuan
from ..core.policy import Policy, list_presets, load_policy
from ..core.policy_text import describe_policy
from ..core.village import get_village, init_village, set_task
from ..core.vocab import CATEGORY_BY_CODE
from ..paths import default_db_path
from .commands import add_command
from .common import actor, add_reason, noting_amendment, open_store, print_json
from .years import new_year_policy


def register(sub: argparse._SubParsersAction) -> None:
    p = add_command(sub, "init")
    p.add_argument("--village-code", default="", metavar="CODE", help="村的12位区划代码（可不填）")
    p.add_argument("--village", required=True, metavar="NAME", help="村名")
    p.add_argument("--township", required=True, metavar="NAME", help="乡镇")
    p.add_argument("--county", required=True, metavar="NAME", help="县（市、区）")
    p.add_argument("--agent", required=True, metavar="NAME", help="经办人姓名")
    p.add_argument("--agent-phone", default="", metavar="PHONE", help="经办人电话")
    p.add_argument(
        "--policy",
        required=True,
        metavar="PRESET|FILE.json",
        help="政策预设名（见 policy list）或政策文件",
    )
    p.add_argument(
        "--year",
        type=int,
        metavar="YEAR",
        help="参保年度（预设移到这一年度，如 2027；默认用预设本身的年度）",
    )
    p.add_argument("--task", type=int, metavar="N", help="乡镇下达的参保任务数")
    p.set_defaults(func=cmd_init)

    p = add_command(sub, "status")
    p.add_argument("--year", type=int, help="参保年度（默认当前年度）")
    p.add_argument("--json", action="store_true", help="输出一个JSON对象")
    p.set_defaults(func=cmd_status)

    p = add_command(sub, "task")
    p.add_argument("task", type=int, metavar="N")
    p.add_argument("--year", type=int)
    add_reason(p, "为何改任务数")
    p.set_defaults(func=cmd_task)

    p = add_command(sub, "policy")
    psub = p.add_subparsers(dest="policy_command", metavar="ACTION", required=True)
    pl = psub.add_parser("list", help="列出内置的政策预设")
    pl.add_argument("--json", action="store_true")
    pl.set_defaults(func=cmd_policy_list)
    ps = psub.add_parser("show", help="显示一个预设或政策文件的内容")
    ps.add_argument("policy", metavar="PRESET|FILE.json")
    ps.set_defaults(func=cmd_policy_show)


def cmd_init(args: argparse.Namespace) -> int:
    policy = new_year_policy(args.policy, args.year) if args.year else load_policy(args.policy)
    db = open_store(args, must_exist=False)
    village = init_village(
        db,
        code=args.village_code,
        name=args.village,
        township=args.township,
        county=args.county,
        agent=args.agent,
        agent_phone=args.agent_phone,
        policy=policy,
        task=args.task,
    )
    print(f"已建立 {village.title}，{policy.year}年度，政策：{policy.name}")
    print(f"数据库：{default_db_path(args.db)}")
    if policy.window_days_left(date.today()) == 0:
        print(
            f"注意：{policy.year}年度的征缴期（{policy.window_start} 至 {policy.window_end}）已结束；"
            "要为新的年度征缴，请用 --year 指定参保年度"
        )
    return 0


def cmd_status(args: argparse.Namespace) -> int:
    db = open_store(args)
    year = args.year or get_village(db).current_year
    states = person_states(db, year)
    figures = compute_figures(db, year, states=states)
    data = figures.to_json()
    data["window"] = window_json(figures.policy, date.today())
    data["waiting_if_late"] = waiting_if_late(db, year, states=states, policy=figures.policy)
    if args.json:
        print_json(data)
        return 0
    village = get_village(db)
    print(f"{village.title} {data['year']}年度  政策：{figures.policy.name}")
    print(
        f"在册 {data['persons']} 人 / {data['households']} 户；应参保 {data['eligible']}，"
        f"已参保 {data['enrolled']}（缴费 {data['paid']}，全额资助 {data['subsidized']}，"
        f"新生儿免缴 {data['newborn_exempt']}，学校 {data['school']}），未缴 {data['unpaid']}"
    )
    print(
        f"参保率 {data['rate']:.2%}  征缴金额 {data['collected']} 元"
        + (f"  任务 {data['task']}，完成 {data['task_completion']:.2%}" if data["task"] else "")
    )
    for code, s in data["special"].items():
        print(f"  {CATEGORY_BY_CODE[code].label}：{s['enrolled']}/{s['persons']}")
    print(window_text(figures.policy, date.today()))
    late = data["waiting_if_late"]
    if late["persons"]:
        months = "、".join(f"{m}个月 {n} 人" for m, n in late["months"].items())
        print(f"若在征缴期后缴费：{late['persons']} 人将有待遇等待期（{months}）")
    att = data["attention"]
    print(
        f"待核实身份证 {att['invalid_id']}，重复缴费 {att['double_paid']}，应退费 {att['refund_due']}，"
        f"待认领缴费 {att['unmatched_payments']}"
    )
    return 0


def cmd_task(args: argparse.Namespace) -> int:
    db = open_store(args)
    year = args.year or get_village(db).current_year
    why = args.reason.strip()
    with noting_amendment(db, why, year):
        set_task(db, year, args.task, actor=actor(args, db), reason=why)
    print(f"{year}年度任务数：{args.task}")
    return 0


def cmd_policy_list(args: argparse.Namespace) -> int:
    presets = list_presets()
    if args.json:
        print_json({name: p.to_json() for name, p in presets.items()})
        return 0
    for name, policy in presets.items():
        print(f"{name}: {policy.name}，标准 {yuan(policy.standard_fen)} 元")
    return 0


def cmd_policy_show(args: argparse.Namespace) -> int:
    for item in describe_policy(load_policy(args.policy)):
        print(f"{item.label}：{item.text}")
    return 0


def window_json(policy: Policy, today: date) -> dict:
    return {
        "start": policy.window_start.isoformat(),
        "end": policy.window_end.isoformat(),
        "days_left": policy.window_days_left(today),
        "ended": today > policy.window_end,
    }


def window_text(policy: Policy, today: date) -> str:
    span = f"{policy.year}年度征缴期 {policy.window_start} 至 {policy.window_end}"
    if today > policy.window_end:
        return f"{span}，已结束"
    if today < policy.window_start:
        return f"{span}，尚未开始"
    return f"{span}，还剩 {policy.window_days_left(today)} 天"
