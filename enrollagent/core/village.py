"""The village of a store, its coverage years with their policies, and small settings."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass

import sqlite_utils

from ..errors import EnrollError
from .changes import Changes
from .clock import now_utc
from .ids import normalize_phone
from .lane import Write, write
from .policy import Policy, policy_from_text, require_complete


@dataclass(frozen=True)
class Village:
    code: str
    name: str
    township: str
    county: str
    agent: str
    agent_phone: str
    current_year: int
    practice: bool = False

    @property
    def title(self) -> str:
        # Every page header and every export names the village by its title, so a practice
        # village says 练习 everywhere without each export knowing about it.
        mark = PRACTICE_MARK if self.practice else ""
        return f"{mark}{self.county}{self.township}{self.name}"


PRACTICE_SETTING = "practice"
PRACTICE_MARK = "【练习】"


def find_village(db: sqlite_utils.Database) -> Village | None:
    row = db.execute(
        "SELECT code, name, township, county, agent, agent_phone, current_year,"
        " EXISTS (SELECT 1 FROM setting WHERE key = ? AND value = '1')"
        " FROM village WHERE id = 1",
        [PRACTICE_SETTING],
    ).fetchone()
    if row is None:
        return None
    code, name, township, county, agent, phone, year, practice = row
    return Village(code, name, township, county, agent, phone, year, bool(practice))


def mark_practice(db: sqlite_utils.Database, *, actor: str) -> Changes:
    """Mark the store a practice village: its title, and so every page and export, says 练习."""
    return set_setting(db, PRACTICE_SETTING, "1", actor=actor)


def get_village(db: sqlite_utils.Database) -> Village:
    village = find_village(db)
    if village is None:
        raise EnrollError("not_initialized")
    return village


def init_village(
    db: sqlite_utils.Database,
    *,
    code: str,
    name: str,
    township: str,
    county: str,
    agent: str,
    policy: Policy,
    agent_phone: str = "",
    task: int | None = None,
) -> Village:
    """Create the village and its first coverage year; a store is initialised once."""
    existing = find_village(db)
    if existing is not None:
        raise EnrollError("already_initialized", village=existing.title)
    code = (code or "").strip()
    if code and not re.fullmatch(r"\d{12}", code):
        raise EnrollError("village_code", code=code)
    for field, value in (("村名", name), ("乡镇", township), ("县", county), ("经办人", agent)):
        if not (value or "").strip():
            raise EnrollError("field_required", field=field)
    check_task(task)
    require_complete(policy)
    phone = ""
    if agent_phone:
        phone, ok = normalize_phone(agent_phone)
        if not ok:
            raise EnrollError("phone_invalid", value=agent_phone)
    agent = agent.strip()
    values: dict[str, object] = {
        "id": 1,
        "code": code,
        "name": name.strip(),
        "township": township.strip(),
        "county": county.strip(),
        "agent": agent,
        "agent_phone": phone,
        "current_year": policy.year,
        "created_at": now_utc(),
    }
    with write(db, actor=agent, op="init_village", reason="init") as w:
        w.insert("village", values)
        _insert_year(w, policy, task=task)
    return get_village(db)


def _insert_year(w: Write, policy: Policy, *, task: int | None) -> None:
    text = json.dumps(policy.to_json(), ensure_ascii=False)
    w.insert(
        "coverage_year",
        {"year": policy.year, "policy_json": text, "task": task, "created_at": now_utc()},
        key=policy.year,
    )


def get_policy(db: sqlite_utils.Database, year: int | None = None) -> Policy:
    year = year or get_village(db).current_year
    row = db.execute("SELECT policy_json FROM coverage_year WHERE year = ?", [year]).fetchone()
    if row is None:
        raise EnrollError("year_unknown", year=year)
    return policy_from_text(row[0])


def set_policy(
    db: sqlite_utils.Database, policy: Policy, *, actor: str, reason: str = ""
) -> Changes:
    """Replace the policy of its year (payable and states follow at once: they are derived)."""
    require_complete(policy)
    text = json.dumps(policy.to_json(), ensure_ascii=False)
    get_policy(db, policy.year)  # the year must exist
    with write(db, actor=actor, op="set_policy", reason=reason) as w:
        w.update("coverage_year", policy.year, {"policy_json": text})
    return w.changes


def set_policy_and_task(
    db: sqlite_utils.Database, policy: Policy, task: int | None, *, actor: str, reason: str = ""
) -> Changes:
    """The settings page's 保存: a year's policy and its task as one change."""
    check_task(task)
    with write(db, actor=actor, op="set_policy", reason=reason) as w:
        set_policy(db, policy, actor=actor, reason=reason)
        set_task(db, policy.year, task, actor=actor)
    return w.changes


def get_task(db: sqlite_utils.Database, year: int) -> int | None:
    row = db.execute("SELECT task FROM coverage_year WHERE year = ?", [year]).fetchone()
    return row[0] if row else None


MAX_TASK = 1_000_000  # a county's task; a village's is a few thousand


def check_task(task: int | None) -> int | None:
    if task is not None and not 0 < task <= MAX_TASK:
        raise EnrollError("task_invalid", value=task, most=MAX_TASK)
    return task


def set_task(
    db: sqlite_utils.Database, year: int, task: int | None, *, actor: str, reason: str = ""
) -> Changes:
    check_task(task)
    get_policy(db, year)  # the year must exist
    with write(db, actor=actor, op="set_task", reason=reason) as w:
        w.update("coverage_year", year, {"task": task})
    return w.changes


def update_village(db: sqlite_utils.Database, *, actor: str, **fields: str) -> Changes:
    """Change village fields (name, agent, phone …); each change is audited."""
    allowed = {"code", "name", "township", "county", "agent", "agent_phone"}
    get_village(db)
    new: dict[str, object] = {}
    for key, raw in fields.items():
        if key not in allowed:
            raise ValueError(key)
        value = (raw or "").strip()
        if key == "code" and value and not re.fullmatch(r"\d{12}", value):
            raise EnrollError("village_code", code=value)
        if key == "agent_phone" and value:
            value, ok = normalize_phone(value)
            if not ok:
                raise EnrollError("phone_invalid", value=raw)
        if key in {"name", "township", "county", "agent"} and not value:
            raise EnrollError("field_required", field=key)
        new[key] = value
    with write(db, actor=actor, op="update_village") as w:
        w.update("village", 1, new)
    return w.changes


def get_setting(db: sqlite_utils.Database, key: str, default: str = "") -> str:
    row = db.execute("SELECT value FROM setting WHERE key = ?", [key]).fetchone()
    return row[0] if row else default


def set_setting(db: sqlite_utils.Database, key: str, value: str, *, actor: str) -> Changes:
    with write(db, actor=actor, op="set_setting") as w:
        row = db.execute("SELECT value FROM setting WHERE key = ?", [key]).fetchone()
        if row is None or row[0] != value:
            db.execute(
                "INSERT INTO setting (key, value) VALUES (?, ?)"
                " ON CONFLICT(key) DO UPDATE SET value = excluded.value",
                [key, value],
            )
            w.audit("setting", None, key, row[0] if row else None, value)
    return w.changes


def default_actor(db: sqlite_utils.Database) -> str:
    village = find_village(db)
    return village.agent if village else "system"


def coverage_years(db: sqlite_utils.Database) -> list[int]:
    """The coverage years the store holds, newest first."""
    return [
        r[0] for r in db.execute("SELECT year FROM coverage_year ORDER BY year DESC").fetchall()
    ]
