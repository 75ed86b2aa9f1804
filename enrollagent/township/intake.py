"""Receiving village packages: verify, refuse replays and foreign keys, replace the village's people."""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

import sqlite_utils

from ..core import audit
from ..core.errors import EnrollError
from ..core.figures import PersonState, decide_state, figures_from_states
from ..core.policy import Policy, policy_from_json
from ..core.progress import NO_PROGRESS, Progress
from ..exports.package import DATA, verify_package
from .store import name_key

_PERSON_COLUMNS = ("village_key", "year", "uuid", "household_uuid", "group_name", "hh_no", "name",
                   "id_number", "id_valid", "birth_date", "sex", "relation", "coverage", "coverage_note",
                   "unpaid_reason", "categories", "payable_fen", "net_fen", "state")
_INSERT_PERSON = (f"INSERT INTO person ({', '.join(_PERSON_COLUMNS)})"
                  f" VALUES ({', '.join('?' for _ in _PERSON_COLUMNS)})")


@dataclass(frozen=True)
class Received:
    path: Path
    village_key: str
    village: str  # 村名（区划代码）
    year: int
    sequence: int
    persons: int
    eligible: int
    enrolled: int
    first_time: bool = False  # the village's key was pinned by this package
    fingerprint: str = ""


@dataclass
class AddResult:
    received: list[Received] = field(default_factory=list)
    refused: list[tuple[Path, str]] = field(default_factory=list)  # (package, Chinese reason)
    rolled_back: bool = False  # something was refused, so nothing was kept


class _Refused(Exception):
    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


class _RollBack(Exception):
    pass


def village_key(village: dict) -> str:
    return village.get("code") or name_key(village.get("name", ""))


def village_label(village: dict) -> str:
    return f"{village.get('name', '')}（{village['code']}）" if village.get("code") else village.get("name", "")


def _fen(value: object) -> int:
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        raise ValueError(value)
    return round(value * 100)


def package_rows(data: dict, *, key: str, year: int, policy: Policy) -> tuple[list[tuple], list[PersonState]]:
    """data.json's people as township rows and as PersonStates; the state is re-derived and must agree."""
    rows, states = [], []
    households: dict[str, int] = {}
    for n, p in enumerate(data["persons"], start=1):
        try:
            categories = tuple(sorted(p["categories"]))
            birth = date.fromisoformat(p["birth_date"]) if p["birth_date"] else None
            payable, net = _fen(p["payable"]), _fen(p["net_paid"])
            state, want_payable = decide_state(policy, coverage=p["coverage"], categories=categories,
                                               birth_date=birth, net_fen=net)
            hid = households.setdefault(p["household_uuid"], len(households) + 1)
            row = (key, year, p["uuid"], p["household_uuid"], p["group"], p["hh_no"], p["name"],
                   p["id_number"], int(bool(p["id_valid"])), p["birth_date"], p["sex"], p["relation"],
                   p["coverage"], p["coverage_note"], p["unpaid_reason"], ",".join(categories),
                   payable, net, p["state"])
        except (KeyError, TypeError, ValueError, AttributeError):
            raise _Refused(EnrollError("township_data_bad", detail=f"第 {n} 个人的字段不全或格式不对").message) from None
        if (state, want_payable) != (p["state"], payable):
            raise _Refused(EnrollError(
                "township_data_bad", detail=f"{p['name']} 的参保状态“{p['state']}”与包内政策算出的“{state}”不符").message)
        rows.append(row)
        states.append(PersonState(n, hid, p["name"], p["id_number"], bool(p["id_valid"]), birth, p["sex"],
                                  p["relation"], "", p["group"], p["hh_no"], p["coverage"], p["coverage_note"],
                                  p["unpaid_reason"], categories, payable, net, p["state"]))
    return rows, states


def _check_counts(states: list[PersonState], policy: Policy, manifest: dict) -> None:
    """The signed counts and the people in data.json must say the same thing (same Tally arithmetic)."""
    counts = manifest["counts"]
    attention = counts.get("attention") or {}
    figures = figures_from_states(states, policy, year=manifest["year"],
                                  unmatched_payments=attention.get("unmatched_payments", 0),
                                  task=counts.get("task"))
    mine = figures.to_json()
    for name in sorted(set(mine) | set(counts)):
        if mine.get(name) != counts.get(name):
            raise _Refused(EnrollError("township_counts_differ", field=name, data=mine.get(name),
                                       manifest=counts.get(name)).message)


def _receive(db: sqlite_utils.Database, path: Path, *, trust_new_key: bool) -> Received:
    result = verify_package(path)
    if not result.ok:
        raise _Refused(result.reason)
    manifest = result.manifest
    try:
        data = json.loads(result.members[DATA].decode("utf-8"))
        policy = policy_from_json(data["policy"])
        persons_ok = isinstance(data["persons"], list)
    except (KeyError, TypeError, UnicodeDecodeError, json.JSONDecodeError):
        raise _Refused(EnrollError("township_data_bad", detail="不是合法的 JSON 或缺少字段").message) from None
    except EnrollError as e:
        raise _Refused(EnrollError("township_data_bad", detail=e.message).message) from None
    village, year, sequence = manifest["village"], manifest["year"], manifest["sequence"]
    if not persons_ok or data.get("village") != village or data.get("year") != year or policy.year != year:
        raise _Refused(EnrollError("township_data_bad", detail="村、年度与清单不一致").message)
    key, label = village_key(village), village_label(village)
    signer = manifest["signer"]
    known = db.execute("SELECT public_key, fingerprint, last_sequence FROM village WHERE key = ?", [key]).fetchone()
    rekeyed = bool(known) and known[0] != signer["public_key"]
    if rekeyed and not trust_new_key:
        raise _Refused(EnrollError("township_key_changed", village=label, pinned=known[1],
                                   found=signer["fingerprint"]).message)
    # A new key is a new installation: its packages count again from 1.
    if known and not rekeyed and sequence <= known[2]:
        raise _Refused(EnrollError("township_replay", village=label, sequence=sequence, last=known[2]).message)
    rows, states = package_rows(data, key=key, year=year, policy=policy)
    _check_counts(states, policy, manifest)
    now = audit.now_utc()
    with db.atomic():
        fields = (village.get("code", ""), village.get("name", ""), village.get("township", ""),
                  village.get("county", ""), village.get("agent", ""), village.get("agent_phone", ""))
        if known:
            db.execute("UPDATE village SET code = ?, name = ?, township = ?, county = ?, agent = ?,"
                       " agent_phone = ?, last_sequence = ?, public_key = ?, fingerprint = ? WHERE key = ?",
                       [*fields, sequence, signer["public_key"], signer["fingerprint"], key])
        else:
            db.execute("INSERT INTO village (key, code, name, township, county, agent, agent_phone,"
                       " public_key, fingerprint, last_sequence, first_seen_at) VALUES (?,?,?,?,?,?,?,?,?,?,?)",
                       [key, *fields, signer["public_key"], signer["fingerprint"], sequence, now])
        package_id = db.execute(
            "INSERT INTO package (village_key, year, sequence, file_name, sha256, created_at, received_at,"
            " app_version, policy_json, manifest_json) VALUES (?,?,?,?,?,?,?,?,?,?)",
            [key, year, sequence, path.name, hashlib.sha256(path.read_bytes()).hexdigest(),
             manifest["created_at"], now, str(manifest.get("app_version", "")),
             json.dumps(data["policy"], ensure_ascii=False), json.dumps(manifest, ensure_ascii=False)],
        ).lastrowid
        db.execute("DELETE FROM person WHERE village_key = ? AND year = ?", [key, year])
        db.conn.executemany(_INSERT_PERSON, rows)
        db.execute("INSERT INTO village_year (village_key, year, package_id) VALUES (?, ?, ?)"
                   " ON CONFLICT(village_key, year) DO UPDATE SET package_id = excluded.package_id",
                   [key, year, package_id])
    counts = manifest["counts"]
    return Received(path, key, label, year, sequence, len(rows), counts["eligible"], counts["enrolled"],
                    first_time=not known or rekeyed, fingerprint=signer["fingerprint"])


def add_packages(db: sqlite_utils.Database, paths: list[str | Path], *, keep_good: bool = False,
                 trust_new_key: bool = False, progress: Progress = NO_PROGRESS) -> AddResult:
    """Receive packages, oldest sequence first; one refused package keeps nothing unless keep_good.
    trust_new_key re-pins a village whose agent moved to a new computer (checked by phone first)."""
    result = AddResult()
    ordered = sorted((Path(p) for p in paths), key=lambda p: p.name)
    try:
        with db.atomic():
            for n, path in enumerate(ordered):
                progress.update(n, len(ordered), path.name)
                try:
                    # A savepoint per package: a refused one leaves no trace, the others stay.
                    with db.atomic():
                        result.received.append(_receive(db, path, trust_new_key=trust_new_key))
                except _Refused as e:
                    result.refused.append((path, e.reason))
            if result.refused and not keep_good:
                raise _RollBack()
    except _RollBack:
        result.rolled_back = True
        result.received.clear()
    progress.update(len(ordered), len(ordered), "")
    return result
