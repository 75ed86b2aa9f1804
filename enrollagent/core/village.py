"""The village of a store, its coverage years with their policies, and small settings."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass

import sqlite_utils

from . import audit
from .errors import EnrollError
from .ids import normalize_phone
from .policy import Policy, policy_from_text


@dataclass(frozen=True)
class Village:
    code: str
    name: str
    township: str
    county: str
    agent: str
    agent_phone: str
    current_year: int

    @property
    def title(self) -> str:
        return f"{self.county}{self.township}{self.name}"


def find_village(db: sqlite_utils.Database) -> Village | None:
    row = db.execute(
        "SELECT code, name, township, county, agent, agent_phone, current_year FROM village WHERE id = 1"
    ).fetchone()
    return Village(*row) if row else None


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
    phone = ""
    if agent_phone:
        phone, ok = normalize_phone(agent_phone)
        if not ok:
            raise EnrollError("phone_invalid", value=agent_phone)
    values = {
        "id": 1,
        "code": code,
        "name": name.strip(),
        "township": township.strip(),
        "county": county.strip(),
        "agent": agent.strip(),
        "agent_phone": phone,
        "current_year": policy.year,
        "created_at": audit.now_utc(),
    }
    with db.atomic():
        db["village"].insert(values)
        audit.record_insert(
            db, table="village", row_id=1, values=values, actor=values["agent"], reason="init"
        )
        _insert_year(db, policy, task=task, actor=values["agent"])
    return get_village(db)


def _insert_year(
    db: sqlite_utils.Database, policy: Policy, *, task: int | None, actor: str
) -> None:
    text = json.dumps(policy.to_json(), ensure_ascii=False)
    db.execute(
        "INSERT INTO coverage_year (year, policy_json, task, created_at) VALUES (?, ?, ?, ?)",
        [policy.year, text, task, audit.now_utc()],
    )
    audit.record(
        db,
        table="coverage_year",
        row_id=policy.year,
        field="policy_json",
        old=None,
        new=text,
        actor=actor,
    )


def get_policy(db: sqlite_utils.Database, year: int | None = None) -> Policy:
    year = year or get_village(db).current_year
    row = db.execute("SELECT policy_json FROM coverage_year WHERE year = ?", [year]).fetchone()
    if row is None:
        raise EnrollError("year_unknown", year=year)
    return policy_from_text(row[0])


def set_policy(db: sqlite_utils.Database, policy: Policy, *, actor: str, reason: str = "") -> None:
    """Replace the policy of its year (payable and states follow at once: they are derived)."""
    text = json.dumps(policy.to_json(), ensure_ascii=False)
    with db.atomic():
        row = db.execute(
            "SELECT policy_json FROM coverage_year WHERE year = ?", [policy.year]
        ).fetchone()
        if row is None:
            raise EnrollError("year_unknown", year=policy.year)
        if row[0] == text:
            return
        db.execute("UPDATE coverage_year SET policy_json = ? WHERE year = ?", [text, policy.year])
        audit.record(
            db,
            table="coverage_year",
            row_id=policy.year,
            field="policy_json",
            old=row[0],
            new=text,
            actor=actor,
            reason=reason,
        )


def get_task(db: sqlite_utils.Database, year: int) -> int | None:
    row = db.execute("SELECT task FROM coverage_year WHERE year = ?", [year]).fetchone()
    return row[0] if row else None


MAX_TASK = 1_000_000  # a county's task; a village's is a few thousand


def check_task(task: int | None) -> int | None:
    if task is not None and not 0 < task <= MAX_TASK:
        raise EnrollError("task_invalid", value=task, most=MAX_TASK)
    return task


def set_task(db: sqlite_utils.Database, year: int, task: int | None, *, actor: str) -> None:
    check_task(task)
    with db.atomic():
        old = get_task(db, year)
        db.execute("UPDATE coverage_year SET task = ? WHERE year = ?", [task, year])
        audit.record(
            db, table="coverage_year", row_id=year, field="task", old=old, new=task, actor=actor
        )


def update_village(db: sqlite_utils.Database, *, actor: str, **fields: str) -> Village:
    """Change village fields (name, agent, phone …); each change is audited."""
    allowed = {"code", "name", "township", "county", "agent", "agent_phone"}
    current = get_village(db)
    with db.atomic():
        for key, value in fields.items():
            if key not in allowed:
                raise ValueError(key)
            value = (value or "").strip()
            if key == "code" and value and not re.fullmatch(r"\d{12}", value):
                raise EnrollError("village_code", code=value)
            if key == "agent_phone" and value:
                value, ok = normalize_phone(value)
                if not ok:
                    raise EnrollError("phone_invalid", value=fields[key])
            if key in {"name", "township", "county", "agent"} and not value:
                raise EnrollError("field_required", field=key)
            old = getattr(current, key)
            if old != value:
                db.execute(f"UPDATE village SET {key} = ? WHERE id = 1", [value])
                audit.record(
                    db, table="village", row_id=1, field=key, old=old, new=value, actor=actor
                )
    return get_village(db)


def get_setting(db: sqlite_utils.Database, key: str, default: str = "") -> str:
    row = db.execute("SELECT value FROM setting WHERE key = ?", [key]).fetchone()
    return row[0] if row else default


def set_setting(db: sqlite_utils.Database, key: str, value: str, *, actor: str) -> None:
    with db.atomic():
        old = get_setting(db, key, None)  # type: ignore[arg-type]
        db.execute(
            "INSERT INTO setting (key, value) VALUES (?, ?)"
            " ON CONFLICT(key) DO UPDATE SET value = excluded.value",
            [key, value],
        )
        audit.record(db, table="setting", row_id=None, field=key, old=old, new=value, actor=actor)


def default_actor(db: sqlite_utils.Database) -> str:
    village = find_village(db)
    return village.agent if village else "system"
