"""Receiving village packages: verify them, take each new one in (village, sequence) order on
its own, report those received before as such, refuse replays per signing key and keys the
township did not pin or trust for that very village."""

from __future__ import annotations

import contextlib
import hashlib
import json
import math
import operator
from collections import Counter
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

import sqlite_utils

from ..core import clock
from ..core.figures import CountRow, decide_state, figures_from_counts
from ..core.money import MAX_YUAN
from ..core.policy import Policy, policy_from_json, yuan_to_fen
from ..core.progress import NO_PROGRESS, Progress
from ..core.vocab import CATEGORY_BY_CODE, COVERAGE_KINDS, STATES
from ..errors import QT_TRANSLATE_NOOP, EnrollError, register_messages
from ..exports.package import DATA, VerifyResult, signed_manifest, verify_package
from .keys import (
    KeyChange,
    SharedKey,
    compact_fingerprint,
    key_change,
    shared_keys,
    village_key,
    village_label,
)

_PERSON_COLUMNS = (
    "village_key",
    "year",
    "uuid",
    "household_uuid",
    "group_name",
    "hh_no",
    "name",
    "id_number",
    "id_valid",
    "birth_date",
    "sex",
    "relation",
    "coverage",
    "coverage_note",
    "unpaid_reason",
    "categories",
    "payable_fen",
    "net_fen",
    "state",
    "phone",
)
_INSERT_PERSON = (
    f"INSERT INTO person ({', '.join(_PERSON_COLUMNS)})"
    f" VALUES ({', '.join('?' for _ in _PERSON_COLUMNS)})"
)
# Text fields of a person in data.json; each must be a string (a list or a number would reach SQLite).
_TEXT_FIELDS = (
    "uuid",
    "household_uuid",
    "group",
    "hh_no",
    "name",
    "id_number",
    "relation",
    "coverage_note",
    "unpaid_reason",
)
_MAX_SEQUENCE = 1_000_000_000

register_messages(
    {
        "township_already": QT_TRANSLATE_NOOP(
            "errors", "已收过 {village} 第{sequence}号包（同一个文件），不再重复接收"
        ),
        "township_older": QT_TRANSLATE_NOOP(
            "errors", "{village} 第{sequence}号包比已收到的第{last}号旧，不再采用"
        ),
    }
)


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
    first_time: bool = False  # the village's key was pinned (or re-pinned) by this package
    fingerprint: str = ""
    amendments: int = 0  # corrections of earlier packages this one lists
    replaced: int | None = None  # the sequence of the village's package for that year it replaced

    def to_json(self) -> dict:
        return {
            "file": self.path.name,
            "village": self.village,
            "village_key": self.village_key,
            "year": self.year,
            "sequence": self.sequence,
            "persons": self.persons,
            "eligible": self.eligible,
            "enrolled": self.enrolled,
            "amendments": self.amendments,
            "fingerprint": self.fingerprint,
            "first_time": self.first_time,
            **({"replaced": self.replaced} if self.replaced is not None else {}),
        }


@dataclass(frozen=True)
class Already:
    """A package with nothing new: received before (the same file), or older than one received."""

    path: Path
    village: str
    sequence: int
    last: int  # the latest sequence received from the village with that key
    received: bool  # this very package was received before (else it is an older one, skipped)

    @property
    def reason(self) -> str:
        if self.received:
            return EnrollError(
                "township_already", village=self.village, sequence=self.sequence
            ).message
        return EnrollError(
            "township_older", village=self.village, sequence=self.sequence, last=self.last
        ).message

    def to_json(self) -> dict:
        return {
            "file": self.path.name,
            "village": self.village,
            "sequence": self.sequence,
            "reason": self.reason,
        }


@dataclass
class AddResult:
    received: list[Received] = field(default_factory=list)
    already: list[Already] = field(default_factory=list)
    refused: list[tuple[Path, str]] = field(default_factory=list)  # (package, Chinese reason)
    key_changes: list[KeyChange] = field(default_factory=list)  # among the refused
    shared_keys: list[SharedKey] = field(default_factory=list)  # involving a received package

    @property
    def added(self) -> list[Received]:
        return [r for r in self.received if r.replaced is None]

    @property
    def replaced(self) -> list[Received]:
        return [r for r in self.received if r.replaced is not None]

    def to_json(self) -> dict:
        return {
            "added": [r.to_json() for r in self.added],
            "replaced": [r.to_json() for r in self.replaced],
            "already": [a.to_json() for a in self.already],
            "refused": [{"file": p.name, "reason": why} for p, why in self.refused],
            "key_changes": [c.to_json() for c in self.key_changes],
            "warnings": [k.text for k in self.shared_keys],
        }


class _Refused(Exception):
    def __init__(self, reason: str, change: KeyChange | None = None) -> None:
        super().__init__(reason)
        self.reason = reason
        self.change = change


def _bad(detail: str) -> _Refused:
    return _Refused(EnrollError("township_data_bad", detail=detail).message)


def _reject_constant(name: str) -> float:
    raise ValueError(name)


def _finite(text: str) -> float:
    value = float(text)
    if not math.isfinite(value):  # 1e400 parses to inf
        raise ValueError(text)
    return value


def _int64(text: str) -> int:
    value = int(text)
    if abs(value) >= 2**63:  # SQLite's INTEGER; a longer number cannot even be made a float
        raise ValueError(text)
    return value


def _strict_json(raw: bytes) -> dict[str, Any]:
    # Python's json accepts NaN, Infinity and numbers of any length, which no honest package
    # contains and which break every sum or SQL statement after them; they refuse the package here.
    value = json.loads(
        raw.decode("utf-8"), parse_constant=_reject_constant, parse_float=_finite, parse_int=_int64
    )
    if not isinstance(value, dict):
        raise TypeError("data.json is not an object")
    return value


def _fen(n: int, p: dict, key: str) -> int:
    value = p[key]
    if type(value) is int and 0 <= value <= MAX_YUAN:  # most amounts: whole yuan, checked here
        return value * 100
    return _any_fen(value, f"{_who(n, p)}的 {key}")


def _any_fen(value: object, what: str) -> int:
    # Core's yuan_to_fen checks the type, the size (past 2**63 fen SQLite could not store it) and
    # the two decimals; a net payment may be negative (a refund larger than what was paid in), so
    # the sign is taken off first.
    if isinstance(value, (int, float)) and not isinstance(value, bool) and value < 0:
        return -_any_fen(-value, what)
    try:
        return yuan_to_fen(value, what)
    except EnrollError as e:
        raise _bad(str(e.params.get("detail", e.message))) from None


_TEXT_VALUES = operator.itemgetter(*_TEXT_FIELDS)
_PERSON_FIELDS = (
    *_TEXT_FIELDS,
    "id_valid",
    "birth_date",
    "sex",
    "coverage",
    "categories",
    "payable",
    "net_paid",
    "state",
)


_PERSON_KEYS = frozenset(_PERSON_FIELDS)


def _who(n: int, p: dict) -> str:
    return f"第 {n} 个人（{p['name']}）" if isinstance(p["name"], str) else f"第 {n} 个人"


# A person's state as decide_state decides it, by what it depends on (coverage, categories,
# whether born in the newborn exemption, net fen): a village has a few dozen such keys.
_Decided = dict[tuple[str, tuple[str, ...], bool, int], tuple[str, int]]


def _person(
    n: int, p: object, policy: Policy, decided: _Decided
) -> tuple[tuple, tuple[str, ...], int, int]:
    """One person of data.json checked field by field: (values for the row, categories, payable
    fen, net fen). Anything of the wrong type or an unknown code refuses the package."""
    if not isinstance(p, dict):
        raise _bad(f"第 {n} 个人不是一个对象")
    if not p.keys() >= _PERSON_KEYS:
        missing = [k for k in _PERSON_FIELDS if k not in p]
        raise _bad(f"第 {n} 个人缺少字段 {'、'.join(missing)}")
    _check_types(n, p)
    birth = _birth(n, p)
    _check_codes(n, p)
    categories = _categories(n, p)
    payable, net = _fen(n, p, "payable"), _fen(n, p, "net_paid")
    key = (p["coverage"], categories, policy.is_newborn_exempt(birth), net)
    found = decided.get(key)
    if found is None:
        found = decided[key] = decide_state(
            policy, coverage=p["coverage"], categories=categories, birth_date=birth, net_fen=net
        )
    if found != (p["state"], payable):
        raise _bad(f"{_who(n, p)}的参保状态“{p['state']}”与包内政策算出的“{found[0]}”不符")
    values = (
        p["uuid"],
        p["household_uuid"],
        p["group"],
        p["hh_no"],
        p["name"],
        p["id_number"],
        int(p["id_valid"]),
        p["birth_date"],
        p["sex"],
        p["relation"],
        p["coverage"],
        p["coverage_note"],
        p["unpaid_reason"],
        ",".join(categories),
        payable,
        net,
        p["state"],
        _phone(n, p),
    )
    return values, categories, payable, net


def _phone(n: int, p: dict) -> str:
    # Packages made before the phone travelled have none.
    phone = p.get("phone", "")
    if not isinstance(phone, str):
        raise _bad(f"{_who(n, p)}的 phone 应为文字")
    return phone


def _check_types(n: int, p: dict) -> None:
    if set(map(type, _TEXT_VALUES(p))) != {str}:  # json makes no subclass of str
        key = next(k for k in _TEXT_FIELDS if not isinstance(p[k], str))
        raise _bad(f"{_who(n, p)}的 {key} 应为文字")
    if not p["uuid"] or not p["household_uuid"]:
        raise _bad(f"{_who(n, p)}缺少 uuid")
    if not isinstance(p["id_valid"], bool):
        raise _bad(f"{_who(n, p)}的 id_valid 应为 true 或 false")
    if p["sex"] is not None and not isinstance(p["sex"], str):
        raise _bad(f"{_who(n, p)}的 sex 应为文字")


def _birth(n: int, p: dict) -> date | None:
    value = p["birth_date"]
    if value is None:
        return None
    if isinstance(value, str):
        with contextlib.suppress(ValueError):
            return date.fromisoformat(value)
    raise _bad(f"{_who(n, p)}的出生日期“{value}”不是日期")


def _check_codes(n: int, p: dict) -> None:
    if p["coverage"] not in COVERAGE_KINDS:
        raise _bad(f"{_who(n, p)}的参保类型代码“{p['coverage']}”不认识")
    if p["state"] not in STATES:
        raise _bad(f"{_who(n, p)}的参保状态代码“{p['state']}”不认识")


def _categories(n: int, p: dict) -> tuple[str, ...]:
    cats = p["categories"]
    if cats == []:
        return ()
    if (
        not isinstance(cats, list)
        or not all(isinstance(c, str) and c in CATEGORY_BY_CODE for c in cats)
        or len(set(cats)) != len(cats)
    ):
        raise _bad(f"{_who(n, p)}的人员类别“{cats}”含有不认识或重复的代码")
    return tuple(sorted(cats))


def package_rows(
    data: dict, *, key: str, year: int, policy: Policy
) -> tuple[list[tuple], list[CountRow], int]:
    """data.json's people as township rows, counted alike (for the signed counts), and the number
    of households; each person's state is re-derived and must agree."""
    rows = []
    counted: Counter[tuple] = Counter()
    collected: Counter[tuple] = Counter()
    households: set[str] = set()
    decided: _Decided = {}
    for n, p in enumerate(data["persons"], start=1):
        values, categories, payable, net = _person(n, p, policy, decided)
        rows.append((key, year, *values))
        households.add(p["household_uuid"])
        alike = (
            p["group"],
            p["state"],
            categories,
            not p["id_valid"],
            p["coverage"] == "resident" and 0 < payable < net,
            net > payable,
        )
        counted[alike] += 1
        collected[alike] += net
    counts = []
    for alike, n in counted.items():
        group, state, categories, bad_id, double, due = alike
        counts.append(
            CountRow(group, state, categories, n, collected[alike], n * bad_id, n * double, n * due)
        )
    return rows, counts, len(households)


def _check_counts(
    counts_rows: list[CountRow], households: int, policy: Policy, manifest: dict
) -> None:
    """The signed counts and the people in data.json must say the same thing (same Tally arithmetic)."""
    counts = manifest["counts"]
    attention = counts.get("attention") or {}
    task = counts.get("task")
    # Both go into arithmetic below; any other type is a forged manifest, not a count to compare.
    if (
        not isinstance(attention, dict)
        or task is not None
        and (isinstance(task, bool) or not isinstance(task, int))
    ):
        raise _Refused(EnrollError("package_manifest_bad", detail="统计数的格式不对").message)
    figures = figures_from_counts(
        counts_rows,
        policy,
        year=manifest["year"],
        households=households,
        task=task,
        unmatched_payments=attention.get("unmatched_payments", 0),
    )
    mine = figures.to_json()
    for name in sorted(set(mine) | set(counts)):
        if mine.get(name) != counts.get(name):
            raise _Refused(
                EnrollError(
                    "township_counts_differ",
                    field=name,
                    data=mine.get(name),
                    manifest=counts.get(name),
                ).message
            )


# An amendment in data.json (exports.package.amendment_json): the texts the township keeps.
_AMENDMENT_FIELDS = ("person", "id_number", "field_label", "old", "new", "at", "who", "why")
_INSERT_AMENDMENT = (
    "INSERT INTO amendment (package_id, village_key, year, person, id_number, field, old, new,"
    " at, who, why) VALUES (?,?,?,?,?,?,?,?,?,?,?)"
)


def _amendments(data: dict, manifest: dict) -> list[tuple[str, ...]]:
    """data.json's amendments, every field text, exactly as many as the signed manifest counts;
    a package made before amendments travelled has neither, and lists none."""
    items = data.get("amendments", [])
    counted = manifest.get("amendments", 0)
    if not isinstance(items, list):
        raise _bad("更正清单 amendments 应为列表")
    if isinstance(counted, bool) or not isinstance(counted, int):
        raise _Refused(EnrollError("package_manifest_bad", detail="更正条数的格式不对").message)
    rows = []
    for n, a in enumerate(items, start=1):
        if not isinstance(a, dict) or any(not isinstance(a.get(k), str) for k in _AMENDMENT_FIELDS):
            raise _bad(f"第 {n} 条更正缺少字段或字段不是文字")
        rows.append(tuple(a[k] for k in _AMENDMENT_FIELDS))
    if counted != len(rows):
        raise _Refused(
            EnrollError("township_amendments_differ", data=len(rows), manifest=counted).message
        )
    return rows


def _verified(path: Path, *, members: bool = True) -> VerifyResult:
    """The package verified in full, or (members False) only its signed manifest."""
    if path.is_dir():
        raise _Refused(EnrollError("township_package_folder", path=path.name).message)
    result = verify_package(path) if members else signed_manifest(path)
    if not result.ok:
        raise _Refused(result.reason)
    village, sequence = result.manifest["village"], result.manifest["sequence"]
    # The manifest is signed, but by whoever made it: its village fields become keys and SQL values.
    if any(
        not isinstance(village.get(k, ""), str)
        for k in ("code", "name", "township", "county", "agent", "agent_phone")
    ) or not village_key(village):
        raise _Refused(EnrollError("package_manifest_bad", detail="村的字段应为文字").message)
    if not 1 <= sequence <= _MAX_SEQUENCE:
        raise _Refused(EnrollError("package_manifest_bad", detail=f"序号 {sequence} 不对").message)
    return result


def _receive(db: sqlite_utils.Database, path: Path, *, trusted: dict[str, str]) -> Received:
    result = _verified(path)  # in full, as it is now: the first pass read only its manifest
    manifest = result.manifest
    try:
        data = _strict_json(result.members[DATA])
        policy = policy_from_json(data["policy"])
        persons_ok = isinstance(data["persons"], list)
    except (KeyError, TypeError, UnicodeDecodeError, ValueError):
        raise _bad("不是合法的 JSON 或缺少字段") from None
    except EnrollError as e:
        raise _bad(e.message) from None
    village, year, sequence = manifest["village"], manifest["year"], manifest["sequence"]
    if (
        not persons_ok
        or data.get("village") != village
        or data.get("year") != year
        or policy.year != year
    ):
        raise _bad("村、年度与清单不一致")
    key, label = village_key(village), village_label(village)
    signer = manifest["signer"]
    found = signer["fingerprint"]
    known = db.execute("SELECT 1 FROM village WHERE key = ?", [key]).fetchone()
    change = key_change(db, path, manifest)
    # Trust names one village and the one new key checked by phone: a forged package that claims
    # another village, or this village with yet another key, is still refused.
    if change is not None and trusted.get(key) != compact_fingerprint(found):
        raise _Refused(
            EnrollError(
                "township_key_changed",
                village=label,
                pinned=change.trusted,
                found=found,
                trust=change.trust,
            ).message,
            change,
        )
    # Replays are judged per key: a new installation counts from 1 again, an old key stays where it was.
    last = db.execute(
        "SELECT MAX(sequence) FROM package WHERE village_key = ? AND public_key = ?",
        [key, signer["public_key"]],
    ).fetchone()[0]
    if last is not None and sequence <= last:
        raise _Refused(
            EnrollError("township_replay", village=label, sequence=sequence, last=last).message
        )
    rows, counted, households = package_rows(data, key=key, year=year, policy=policy)
    _check_counts(counted, households, policy, manifest)
    amended = _amendments(data, manifest)
    previous = db.execute(
        "SELECT p.sequence FROM village_year v JOIN package p ON p.id = v.package_id"
        " WHERE v.village_key = ? AND v.year = ?",
        [key, year],
    ).fetchone()
    now = clock.now_utc()
    with db.atomic():
        fields = (
            village.get("code", ""),
            village.get("name", ""),
            village.get("township", ""),
            village.get("county", ""),
            village.get("agent", ""),
            village.get("agent_phone", ""),
        )
        if known:
            db.execute(
                "UPDATE village SET code = ?, name = ?, township = ?, county = ?, agent = ?,"
                " agent_phone = ?, public_key = ?, fingerprint = ? WHERE key = ?",
                [*fields, signer["public_key"], found, key],
            )
        else:
            db.execute(
                "INSERT INTO village (key, code, name, township, county, agent, agent_phone,"
                " public_key, fingerprint, first_seen_at) VALUES (?,?,?,?,?,?,?,?,?,?)",
                [key, *fields, signer["public_key"], found, now],
            )
        package_id = db.execute(
            "INSERT INTO package (village_key, year, sequence, public_key, file_name, sha256, created_at,"
            " received_at, app_version, policy_json, manifest_json) VALUES (?,?,?,?,?,?,?,?,?,?,?)",
            [
                key,
                year,
                sequence,
                signer["public_key"],
                path.name,
                hashlib.sha256(path.read_bytes()).hexdigest(),
                manifest["created_at"],
                now,
                str(manifest.get("app_version", "")),
                json.dumps(data["policy"], ensure_ascii=False),
                json.dumps(manifest, ensure_ascii=False),
            ],
        ).lastrowid
        db.execute("DELETE FROM person WHERE village_key = ? AND year = ?", [key, year])
        db.conn.executemany(_INSERT_PERSON, rows)
        db.execute(
            "INSERT INTO village_year (village_key, year, package_id) VALUES (?, ?, ?)"
            " ON CONFLICT(village_key, year) DO UPDATE SET package_id = excluded.package_id",
            [key, year, package_id],
        )
        # A re-added package is a replay, refused above: a package's list is stored once.
        db.conn.executemany(_INSERT_AMENDMENT, [(package_id, key, year, *a) for a in amended])
    counts = manifest["counts"]  # equal to data.json's people: _check_counts said so
    return Received(
        path,
        key,
        label,
        year,
        sequence,
        len(rows),
        counts["eligible"],
        counts["enrolled"],
        first_time=not known or change is not None,
        fingerprint=found,
        amendments=len(amended),
        replaced=previous[0] if previous else None,
    )


def _already(db: sqlite_utils.Database, path: Path, manifest: dict) -> Already | None:
    """Nothing new in the package: the same file as one received, or older than the latest one
    received with its key. Judged on the signed manifest; a package taken in is verified in full."""
    key, public, sequence = (
        village_key(manifest["village"]),
        manifest["signer"]["public_key"],
        manifest["sequence"],
    )
    last, same = db.execute(
        "SELECT MAX(sequence), MAX(sequence = ?) FROM package WHERE village_key = ? AND public_key = ?",
        [sequence, key, public],
    ).fetchone()
    if last is None or sequence > last:
        return None
    label = village_label(manifest["village"])
    if not same:
        return Already(path, label, sequence, last, received=False)
    stored = db.execute(
        "SELECT sha256 FROM package WHERE village_key = ? AND public_key = ? AND sequence = ?",
        [key, public, sequence],
    ).fetchone()[0]
    # The same number with other bytes is no copy of what was received: refused as a replay.
    if stored != hashlib.sha256(path.read_bytes()).hexdigest():
        return None
    return Already(path, label, sequence, last, received=True)


def add_packages(
    db: sqlite_utils.Database,
    paths: list[str | Path],
    *,
    trusted: dict[str, str] | None = None,
    progress: Progress = NO_PROGRESS,
) -> AddResult:
    """Verify every package's signed manifest, then take them by village and sequence (not by file
    name: WeChat renames 002 to "0李庄(1).zip"), each in full or not at all: a refused package
    leaves no trace and keeps none of the others out. One already received, or older than one
    received, is reported as such. trusted: village key → compact fingerprint of a new key
    checked with the agent (keys.parse_trust)."""
    result = AddResult()
    trusted = trusted or {}
    files = [Path(p) for p in paths]
    steps = 2 * len(files)
    checked: list[tuple[tuple[str, int, str], Path, dict]] = []
    for n, path in enumerate(files):
        progress.update(n, steps, path.name)
        try:
            manifest = _verified(path, members=False).manifest
            checked.append(
                (
                    (village_key(manifest["village"]), manifest["sequence"], path.name),
                    path,
                    manifest,
                )
            )
        except _Refused as e:
            result.refused.append((path, e.reason))
    checked.sort(key=operator.itemgetter(0))
    for n, (_, path, manifest) in enumerate(checked, start=len(files)):
        progress.update(n, steps, path.name)
        already = _already(db, path, manifest)
        if already is not None:
            result.already.append(already)
            continue
        try:
            # A transaction per package: a refused one leaves no trace, the others stay.
            with db.atomic():
                result.received.append(_receive(db, path, trusted=trusted))
        except _Refused as e:
            result.refused.append((path, e.reason))
            if e.change is not None:
                result.key_changes.append(e.change)
    signers = {
        db.execute("SELECT public_key FROM village WHERE key = ?", [r.village_key]).fetchone()[0]
        for r in result.received
    }
    result.shared_keys = shared_keys(db, signers) if signers else []
    progress.update(steps, steps, "")
    return result
