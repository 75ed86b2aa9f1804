"""Sub-command: year start Y --policy P [--task N] [--dry-run] [--json] | year list [--json]."""

from __future__ import annotations

import argparse

from ..core.policy import Policy, load_policy, presets_dir
from ..core.village import get_policy
from ..core.vocab import COVERAGE_KINDS
from ..core.year import Rollover, held_years, plan_year, start_year
from ..errors import EnrollError
from .commands import add_command
from .common import actor, open_store, print_json

LAST_YEAR = "上年"


def register(sub: argparse._SubParsersAction) -> None:
    p = add_command(sub, "year")
    ysub = p.add_subparsers(dest="year_command", metavar="ACTION", required=True)
    ys = ysub.add_parser("start", help="把本村带入新的参保年度（先预览：--dry-run）")
    ys.add_argument("year", type=int, metavar="YEAR", help="新的参保年度，如 2025")
    ys.add_argument(
        "--policy",
        required=True,
        metavar="PRESET|FILE.json|上年",
        help="新年度的政策：预设名（移到新年度）、政策文件（须为该年度）或“上年”（上年度政策移到新年度）",
    )
    ys.add_argument("--task", type=int, metavar="N", help="乡镇下达的新年度参保任务数")
    ys.add_argument("--dry-run", action="store_true", help="只预览，不做任何改动")
    ys.add_argument("--json", action="store_true", help="输出一个JSON对象")
    ys.set_defaults(func=cmd_year_start)
    yl = ysub.add_parser("list", help="列出本村已有的参保年度")
    yl.add_argument("--json", action="store_true")
    yl.set_defaults(func=cmd_year_list)


def new_year_policy(spec: str, year: int, last: Policy | None = None) -> Policy:
    """The policy a year starts with: last year's or a preset moved to the year (both are
    templates), or a file, which must be written for that year."""
    if spec == LAST_YEAR and last is not None:
        return last.for_year(year)
    if "/" not in spec and "\\" not in spec and (presets_dir() / f"{spec}.json").is_file():
        return load_policy(spec).for_year(year)
    policy = load_policy(spec)
    if policy.year != year:
        raise EnrollError("year_policy_mismatch", year=year, policy_year=policy.year)
    return policy


def cmd_year_start(args: argparse.Namespace) -> int:
    db = open_store(args)
    policy = new_year_policy(args.policy, args.year, get_policy(db))
    if args.dry_run:
        result = plan_year(db, args.year, policy, task=args.task)
    else:
        result = start_year(db, args.year, policy, actor=actor(args, db), task=args.task)
    if args.json:
        print_json({"dry_run": args.dry_run, **result.to_json()})
        return 0
    _print_rollover(result, dry_run=args.dry_run)
    return 0


def _print_rollover(r: Rollover, *, dry_run: bool) -> None:
    head = "预览（未做任何改动）" if dry_run else "已开始"
    print(f"{head}：{r.from_year}年度 → {r.year}年度，政策：{r.policy.name}")
    left = "、".join(f"{COVERAGE_KINDS[k]} {n}" for k, n in r.left.items()) or "无"
    print(f"  带入新年度 {r.persons_carried} 人（{r.households} 户）；离开名册：{left}")
    print(
        f"  参保状态待确认 {r.to_confirm} 人（职工医保、异地参保、在校学生、军人）；"
        f"特殊群体待重新认定 {r.flags_to_recertify} 人；缴费从零开始"
    )
    print(f"  任务数：{r.task if r.task else '未填'}")
    if dry_run:
        print(f"确认无误后去掉 --dry-run 再运行一次，即开始{r.year}年度")


def cmd_year_list(args: argparse.Namespace) -> int:
    db = open_store(args)
    years = held_years(db)
    if args.json:
        print_json(
            [
                {
                    "year": y.year,
                    "policy": y.policy,
                    "task": y.task,
                    "persons": y.persons,
                    "current": y.current,
                }
                for y in years
            ]
        )
        return 0
    for y in years:
        mark = "（当前）" if y.current else ""
        task = f"，任务 {y.task}" if y.task else ""
        print(f"{y.year}年度{mark}：在册 {y.persons} 人{task}，政策：{y.policy}")
    return 0
