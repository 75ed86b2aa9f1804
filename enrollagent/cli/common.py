"""What every sub-command shares: opening the store, the actor, JSON output, turning errors into one line."""

from __future__ import annotations

import argparse
import json
import logging
import os
import re
import sys
import time
import traceback
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import datetime
from pathlib import Path

import sqlite_utils

from ..core import ids
from ..core.history import NO_REASON, amendments
from ..core.reasons import package_day
from ..core.village import default_actor, get_village
from ..db import open_database
from ..errors import EnrollError
from ..paths import PRIVATE_DIR, PRIVATE_FILE, default_db_path, log_dir

_ID_LIKE = re.compile(r"(?<!\d)\d{17}[\dXx]|(?<!\d)\d{15}(?!\d)")


class CliError(Exception):
    """A message for the user: printed on one line of stderr, exit code 1."""


def run_command(args: argparse.Namespace) -> int:
    try:
        return args.func(args) or 0
    except CliError:
        raise
    except EnrollError as e:
        raise CliError(e.message) from None
    except KeyboardInterrupt:
        raise CliError("已取消") from None
    except BrokenPipeError:
        # The reader went away (`history | head`): nothing more to say to it, and no crash.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 0
    except Exception:  # noqa: BLE001 - the top level turns any bug into one line plus a log file
        path = _log_crash()
        raise CliError(f"程序内部错误，详情已写入 {path}") from None


def _log_crash() -> Path:
    directory = log_dir()
    try:
        directory.mkdir(mode=PRIVATE_DIR, parents=True, exist_ok=True)
        path = directory / "enrollagent.log"
        # The command line may hold ID numbers; the log is read by whoever helps with the bug.
        command = _ID_LIKE.sub(lambda m: ids.mask(m.group(0)), " ".join(sys.argv))
        fd = os.open(path, os.O_WRONLY | os.O_APPEND | os.O_CREAT, PRIVATE_FILE)
        with open(fd, "a", encoding="utf-8") as f:
            f.write(f"--- {datetime.now().isoformat()} {command}\n{traceback.format_exc()}\n")
        return path
    except OSError:
        logging.getLogger(__name__).exception("crash")
        return directory


def open_store(args: argparse.Namespace, *, must_exist: bool = True) -> sqlite_utils.Database:
    path = default_db_path(args.db)
    if must_exist and not path.exists():
        raise CliError(f"数据库 {path} 不存在，请先运行 enrollagent init（或用 --db 指定）")
    return open_database(path)


def actor(args: argparse.Namespace, db: sqlite_utils.Database) -> str:
    return args.actor or default_actor(db)


def add_reason(p: argparse.ArgumentParser, what: str = "为何修改") -> None:
    p.add_argument(
        "--reason",
        default="",
        metavar="TEXT",
        help=f"{what}；修改已上报的数据时记为更正的原因（不写则记为“{NO_REASON}”）",
    )


@contextmanager
def noting_amendment(db: sqlite_utils.Database, reason: str, year: int | None) -> Iterator[None]:
    """The GUI asks why before it amends a reported package; the command line cannot ask, so it
    makes the change and says on one line that it went down as an amendment without a reason.
    Whether it amends is judged by the history core on what was really written: an amendment
    listed after the command that was not listed before it."""
    if reason:
        yield
        return
    # Details of no year (a phone) amend the year in force; money and coverage their own year.
    current = get_village(db).current_year
    before = {y: {e.audit_id for e in amendments(db, y)} for y in (year or current, current)}
    yield
    for y, listed in before.items():
        if any(e.audit_id not in listed for e in amendments(db, y)):
            print(
                f"注意：此项已在{package_day(db, y)}的{y}年度上报包中上报，本次修改记为更正"
                f"（{NO_REASON}；可用 --reason 写明）",
                file=sys.stderr,
            )
            return


def print_json(obj: object) -> None:
    print(json.dumps(obj, ensure_ascii=False, indent=2))


class StderrProgress:
    """A progress line on stderr for work that takes more than a second, only on a terminal;
    `line(done, total, message)` words it."""

    def __init__(self, line: Callable[[int, int, str], str]) -> None:
        self.line = line
        self.start = time.monotonic()
        self.shown = False

    def __call__(self, done: int, total: int, message: str) -> None:
        if not sys.stderr.isatty() or not total or time.monotonic() - self.start < 1:
            return
        print(f"\r{self.line(done, total, message)}", end="", file=sys.stderr, flush=True)
        self.shown = True

    def finish(self) -> None:
        if self.shown:
            print("\r" + " " * 40 + "\r", end="", file=sys.stderr, flush=True)
