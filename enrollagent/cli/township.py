"""Sub-commands: verify PKG; township add / tasks / status / report / amendments (the township's
own store)."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

import sqlite_utils

from ..core.clock import local_time
from ..core.money import yuan
from ..core.vocab import CATEGORY_BY_CODE, STATES
from ..errors import EnrollError
from ..exports.package import amendment_count, verify_package
from ..paths import default_township_db_path
from ..township.amendments import find_village, list_amendments
from ..township.intake import add_packages
from ..township.keys import check_key, parse_trust
from ..township.report import write_report
from ..township.status import pick_year, township_status
from ..township.store import open_township
from ..township.tasks import load_tasks, task_gaps
from .commands import add_command
from .common import CliError, print_json


def register(sub: argparse._SubParsersAction) -> None:
    p = add_command(sub, "verify")
    p.add_argument("package", metavar="PKG", help="上报包（.zip）")
    p.add_argument("--json", action="store_true", help="输出一个JSON对象")
    p.add_argument(
        "--township-db",
        metavar="PATH",
        help="对照哪个乡镇汇总数据库里登记的密钥（默认在用户数据目录）",
    )
    p.set_defaults(func=cmd_verify)

    p = add_command(sub, "township")
    p.add_argument("--township-db", metavar="PATH", help="乡镇汇总数据库（默认在用户数据目录）")
    tsub = p.add_subparsers(dest="township_command", metavar="ACTION", required=True)
    ta = tsub.add_parser(
        "add", help="接收上报包（先验签；已收过的、较旧的不再采用，被改动的拒收，其余照常接收）"
    )
    ta.add_argument("packages", nargs="+", metavar="PKG")
    # Receiving the good ones is the default now; the flag stays so scripts that pass it still run.
    ta.add_argument("--keep-good", action="store_true", help=argparse.SUPPRESS)
    ta.add_argument("--json", action="store_true", help="输出一个JSON对象")
    ta.add_argument(
        "--trust-new-key",
        action="append",
        type=_trust,
        default=[],
        metavar="村代码=指纹",
        help="某村换了电脑或重装后密钥变了：与经办人电话核对指纹后，只为该村登记这一个新密钥"
        "（可重复，每村一次；指纹中的空格可省）",
    )
    ta.set_defaults(func=cmd_add)
    tt = tsub.add_parser("tasks", help="载入任务分配表（xlsx：村名、任务数）")
    tt.add_argument("file", metavar="FILE.xlsx")
    tt.add_argument("--name-col", metavar="列", help="村名所在的列：表头文字或列字母（如 B）")
    tt.add_argument("--task-col", metavar="列", help="任务数所在的列：表头文字或列字母（如 D）")
    tt.set_defaults(func=cmd_tasks)
    ts = tsub.add_parser("status", help="各村及全乡镇的参保进度")
    ts.add_argument("--year", type=int, help="参保年度（默认最近的年度）")
    ts.add_argument("--json", action="store_true", help="输出一个JSON对象")
    ts.set_defaults(func=cmd_status)
    tr = tsub.add_parser("report", help="导出乡镇汇总表（xlsx）")
    tr.add_argument("out", metavar="OUT.xlsx")
    tr.add_argument("--year", type=int)
    tr.set_defaults(func=cmd_report)
    tm = tsub.add_parser("amendments", help="各村上报包里列出的更正（对已上报数据的改动）")
    tm.add_argument("village", nargs="?", metavar="VILLAGE", help="只看一个村（村名或区划代码）")
    tm.add_argument("--year", type=int, help="参保年度（默认最近的年度）")
    tm.add_argument("--json", action="store_true", help="输出一个JSON对象")
    tm.set_defaults(func=cmd_amendments)


def _trust(text: str) -> tuple[str, str]:
    try:
        return parse_trust(text)
    except EnrollError as e:
        raise argparse.ArgumentTypeError(e.message) from None


def _open(args: argparse.Namespace, *, must_exist: bool) -> sqlite_utils.Database:
    return open_township(default_township_db_path(args.township_db), must_exist=must_exist)


def cmd_verify(args: argparse.Namespace) -> int:
    if Path(args.package).is_dir():
        # verify_package only knows "no such file"; a folder is a common slip worth naming.
        if args.json:
            print_json(
                {
                    "ok": False,
                    "code": "township_package_folder",
                    "reason": EnrollError("township_package_folder", path=args.package).message,
                }
            )
            return 1
        raise EnrollError("township_package_folder", path=args.package)
    result = verify_package(args.package)
    if not result.ok:
        if args.json:
            print_json(result.to_json())
            return 1
        raise CliError(result.reason)
    # Compared with the township store when there is one; verifying never creates it.
    path = default_township_db_path(args.township_db)
    db = open_township(path, must_exist=True) if path.exists() else None
    key = check_key(db, result.manifest)
    if args.json:
        print_json({**result.to_json(), "key": key.to_json()})
        return 0
    m = result.manifest
    village = m["village"]
    print(key.text)
    print(
        f"上报包完整：{village.get('name', '')}（{village.get('code', '')}）{m['year']}年度 第{m['sequence']}号，"
        f"{local_time(m['created_at'])} 生成，签名密钥指纹 {m['signer']['fingerprint']}，"
        f"更正 {amendment_count(m)} 条"
    )
    if key.shared_with:
        print(f"注意：这个密钥也签过 {'、'.join(key.shared_with)} 的上报包")
    return 0


def cmd_add(args: argparse.Namespace) -> int:
    db = _open(args, must_exist=False)
    result = add_packages(db, args.packages, trusted=dict(args.trust_new_key))
    if args.json:
        print_json(result.to_json())
        return 1 if result.refused else 0
    for r in result.received:
        print(
            f"已接收 {r.village} {r.year}年度 第{r.sequence}号包"
            + (f"（替换第{r.replaced}号包）" if r.replaced is not None else "")
            + f"：{r.persons} 人，应参保 {r.eligible}，已参保 {r.enrolled}"
            + (f"，更正 {r.amendments} 条" if r.amendments else "")
        )
        if r.first_time:
            print(f"  已登记该村密钥指纹 {r.fingerprint}（请与经办人核对汇总表上打印的指纹）")
    for a in result.already:
        print(a.reason)
    for k in result.shared_keys:
        print(f"注意：{k.text}")
    summary = (
        f"新收 {len(result.added)} 个，更新 {len(result.replaced)} 个，"
        f"已收过或较旧 {len(result.already)} 个，拒收 {len(result.refused)} 个"
    )
    if not result.refused:
        if len(args.packages) > 1:
            print(summary)
        return 0
    tail = "，其余照常接收" if result.received or result.already else ""
    if len(result.refused) == 1 and len(args.packages) == 1:
        path, reason = result.refused[0]
        raise CliError(f"拒收 {path.name}：{reason}")
    for path, reason in result.refused:
        print(f"拒收 {path.name}：{reason}", file=sys.stderr)
    raise CliError(f"{len(result.refused)} 个上报包被拒收{tail}（{summary}）")


def cmd_tasks(args: argparse.Namespace) -> int:
    db = _open(args, must_exist=False)
    loaded = load_tasks(db, args.file, name_col=args.name_col, task_col=args.task_col)
    print(
        f"已载入 {len(loaded.rows)} 个村的任务数（工作表“{loaded.sheet}”，村名取“{loaded.name_header}”列，"
        f"任务数取“{loaded.task_header}”列），合计 {loaded.total} 人"
    )
    for w in loaded.warnings:
        print(f"注意：{w}")
    without, waiting = task_gaps(db)
    if without:
        print(f"已上报但任务表里没有的村：{'、'.join(without)}")
    if waiting:
        print(f"还没有上报的村（{len(waiting)}）：{'、'.join(waiting)}")
    return 0


def _pct(value: float | None) -> str:
    return "—" if value is None else f"{value:.2%}"


def cmd_status(args: argparse.Namespace) -> int:
    db = _open(args, must_exist=True)
    status = township_status(db, args.year)
    if args.json:
        print_json(status.to_json())
        return 0
    data = status.to_json()
    t = data["total"]
    print(
        f"{status.township}{status.year}年度  已上报 {t['reported']}/{t['villages']} 村  "
        f"在册 {t['persons']} 人，应参保 {t['eligible']}，已参保 {t['enrolled']}，"
        f"参保率 {_pct(t['rate'])}，任务 {t['task'] or '—'}，完成 {_pct(t['task_completion'])}，"
        f"差额 {_num(t['shortfall'])}，征缴 {t['collected']} 元（同一人在两村只计一次）"
    )
    for g in data["townships"]:
        print(
            f"  第{g['rank']}名 {g['name']}（{g['villages']} 村）：应参保 {g['eligible']}，"
            f"已参保 {g['enrolled']}，任务 {g['task'] or '—'}，完成 {_pct(g['task_completion'])}"
        )
    for v in data["villages"]:
        task = f"{v['task'] or '—'}" + ("（村上报包）" if v["task_source"] == "package" else "")
        if not v["reported"]:
            print(f"  {v['name']}：未上报（任务 {task}）")
            continue
        print(
            f"  第{v['rank']}名 {v['name']}（{v['agent']} {v['agent_phone']}）：应参保 {v['eligible']}，"
            f"已参保 {v['enrolled']}，参保率 {_pct(v['rate'])}，任务 {task}，"
            f"完成 {_pct(v['task_completion'])}，差额 {_num(v['shortfall'])}，未缴 {v['unpaid']}，"
            f"特殊群体未参保 {v['special_gaps']}，"
            f"第{v['sequence']}号包 {local_time(v['package_created_at'])}"
        )
    for code, s in data["special"].items():
        print(
            f"  {CATEGORY_BY_CODE[code].label}：{s['persons']} 人，应参保 {s['eligible']}，"
            f"已参保 {s['enrolled']}，未参保 {s['unpaid']}"
        )
    print(f"特殊群体未参保 {len(status.gaps)} 人；重复参保 {len(status.duplicates)} 人")
    for d in status.duplicates:
        where = "；".join(
            f"{e.village} {e.group} {e.hh_no}户 {e.name} {e.phone} {STATES.get(e.state, e.state)}"
            for e in d.entries
        )
        print(f"  {d.id_number}：{where}")
    for w in status.warnings:
        print(f"注意：{w}")
    return 0


def _num(value: int | None) -> str:
    return "—" if value is None else str(value)


def cmd_report(args: argparse.Namespace) -> int:
    db = _open(args, must_exist=True)
    status = township_status(db, args.year)
    out = write_report(db, status, args.out)
    t = status.figures.total
    print(
        f"已导出 {out}（{status.township}{status.year}年度，{len(status.villages)} 村，"
        f"已参保 {t.enrolled}，未缴 {t.unpaid}，重复参保 {len(status.duplicates)} 人，"
        f"特殊群体未参保 {len(status.gaps)} 人，合计征缴 {yuan(t.collected_fen)} 元）"
    )
    return 0


def cmd_amendments(args: argparse.Namespace) -> int:
    db = _open(args, must_exist=True)
    year = pick_year(db, args.year)
    key = find_village(db, args.village) if args.village else None
    found = list_amendments(db, year, key)
    if args.json:
        print_json({"year": year, "amendments": [a.to_json() for a in found]})
        return 0
    where = f"{args.village} " if args.village else "各村"
    print(f"{year}年度 {where}更正 {len(found)} 条")
    for a in found:
        print(
            f"  {a.village} 第{a.sequence}号包  {a.person or '全村'} {a.id_number}  "
            f"{a.field}：{a.old or '（空）'} → {a.new or '（空）'}  {a.when} {a.who}  原因：{a.why}"
        )
    return 0
