"""Sub-command: history [PERSON] [--since D] [--until D] [--kind K] [--amendments] [--json]."""

from __future__ import annotations

import argparse
from dataclasses import replace

import sqlite_utils

from ..core import ids, roster
from ..core.history import KINDS, Entry, LogFilter, amendments, village_log
from ..core.payments import parse_date
from ..core.village import get_village
from ..errors import EnrollError, id_problem_text
from .commands import add_command
from .common import CliError, open_store, print_json

_KIND_BY_LABEL = {label: key for key, label in KINDS.items()}


def register(sub: argparse._SubParsersAction) -> None:
    p = add_command(sub, "history")
    p.add_argument(
        "person",
        nargs="?",
        metavar="ID_NUMBER",
        help="只看此人（身份证号或 #人员编号），从最早的记录起按时间顺序列出",
    )
    p.add_argument("--since", metavar="YYYY-MM-DD", help="从这一天起（含）")
    p.add_argument("--until", metavar="YYYY-MM-DD", help="到这一天止（含）")
    p.add_argument(
        "--kind",
        metavar="KIND",
        help="只看一类：" + "；".join(f"{k}={label}" for k, label in KINDS.items()),
    )
    p.add_argument(
        "--amendments",
        action="store_true",
        help="只列出最近一次上报包之后对已上报数据的更正（下一个上报包要列出的）",
    )
    p.add_argument(
        "--year", type=int, metavar="Y", help="与 --amendments 同用：参保年度（默认当前年度）"
    )
    p.add_argument("--json", action="store_true", help="输出一个JSON对象")
    p.set_defaults(func=cmd_history)


def _kind(text: str | None) -> str | None:
    if text is None:
        return None
    text = text.strip()
    if text in KINDS:
        return text
    if text in _KIND_BY_LABEL:
        return _KIND_BY_LABEL[text]
    raise CliError(
        f"没有“{text}”这一类，可用：" + "、".join(f"{k}（{v}）" for k, v in KINDS.items())
    )


def _person(db: sqlite_utils.Database, key: str) -> roster.PersonRef:
    """The person asked for; a mistyped ID is named as such rather than as someone unknown."""
    try:
        return roster.find_person(db, key)
    except EnrollError as e:
        if e.code != "person_unknown" or key.strip().startswith("#"):
            raise
        check = ids.check(key)
        if check.valid:
            raise
        raise CliError(
            id_problem_text(
                check.problem or "id_chars",
                raw=key,
                normalized=check.normalized,
                suggestion=check.suggestion or "",
            )
        ) from None


def _filter(args: argparse.Namespace) -> LogFilter:
    """The days and kind asked for (the person is found once the store is open)."""
    since = parse_date(args.since) if args.since else None
    until = parse_date(args.until) if args.until else None
    if since and until and since > until:
        raise CliError(f"--since {since} 晚于 --until {until}")
    if args.amendments and (since or until):
        raise CliError("--amendments 列出最近一次上报包之后的全部更正，不能与 --since/--until 同用")
    if args.year is not None and not args.amendments:
        raise CliError("--year 只与 --amendments 同用；全村记录含各个年度")
    return LogFilter(since=since, until=until, kind=_kind(args.kind))


def _entries(db: sqlite_utils.Database, filters: LogFilter, year: int | None) -> list[Entry]:
    """The amendments since the year's last package when `year` is given, oldest first as the
    next package lists them; else the log, a person's oldest first (it reads as a story), the
    village's newest first (what happened lately)."""
    if year is not None:
        return [
            e
            for e in amendments(db, year)
            if filters.person_id in (None, e.person_id) and filters.kind in (None, e.kind)
        ]
    entries = village_log(db, filters)
    if filters.person_id is not None:
        entries.reverse()
    return entries


def cmd_history(args: argparse.Namespace) -> int:
    filters = _filter(args)
    db = open_store(args)
    village = get_village(db)
    person = _person(db, args.person) if args.person else None
    if person is not None:
        filters = replace(filters, person_id=person.id)
    year = args.year or village.current_year
    entries = _entries(db, filters, year if args.amendments else None)
    if args.json:
        print_json(
            {
                "village": village.title,
                "year": year,
                "person": person.name if person else None,
                "id_number": person.id_number if person else None,
                "amendments": args.amendments,
                "entries": [e.to_json() for e in entries],
            }
        )
        return 0
    what = "上报包之后的更正" if args.amendments else "变更记录"
    who = f"{person.name}（{person.id_number}）的" if person else "全村"
    print(f"{village.title} {year}年度  {who}{what}，共 {len(entries)} 条")
    for e in entries:
        print(_line(e, with_subject=person is None))
    return 0


def _line(e: Entry, *, with_subject: bool) -> str:
    parts = [e.when, e.actor]
    if with_subject and e.subject:
        parts.append(e.subject)
    if e.what != e.label:
        parts.append(e.what)
    change = f"{e.old or '（空）'} → {e.new or '（空）'}" if e.old else e.new
    parts.append(f"{e.label}：{change}" if change else e.label)
    if e.year is not None:
        parts.append(f"{e.year}年度")
    if e.why:
        parts.append(f"原因：{e.why}")
    if e.amendment:
        parts.append("[更正]")
    return "  ".join(parts)
