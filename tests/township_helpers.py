"""Villages built with the core functions, packages, and ways to tamper with a package."""

from __future__ import annotations

import json
import shutil
import zipfile
from datetime import date
from pathlib import Path

from enrollagent.core import payments, roster
from enrollagent.core.ids import check_char
from enrollagent.core.policy import load_policy
from enrollagent.core.village import init_village
from enrollagent.db import open_database
from enrollagent.db.store import db_file
from enrollagent.exports.keys import load_or_create_key
from enrollagent.exports.package import DATA, MANIFEST, SIGNATURE, build_package, sha256_hex


def an_id(region: str, seq: int, born: str = "19700101") -> str:
    body = f"{region}{born}{seq:03d}"
    return body + check_char(body)


def make_village(
    folder: Path,
    *,
    code: str,
    name: str,
    people: list[dict],
    policy: str = "huojia-2024",
    township: str = "留庄镇",
    agent: str = "王明",
    agent_phone: str = "13800000000",
):
    """A village in its own folder (so it has its own agent key). people: name, id, group,
    hh (household key), relation, pay (True → pays what is payable), flags, coverage, phone,
    reason (未缴原因)."""
    folder.mkdir(parents=True, exist_ok=True)
    db = open_database(folder / "village.db")
    init_village(
        db,
        code=code,
        name=name,
        township=township,
        county="确山县",
        agent=agent,
        agent_phone=agent_phone,
        policy=load_policy(policy),
    )
    add_people(db, people)
    return db


def add_people(db, people: list[dict]) -> dict[str, int]:
    households: dict[str, int] = {}
    ids: dict[str, int] = {}
    for p in people:
        hh = p.get("hh", p["id"])
        if hh not in households:
            households[hh] = roster.add_household(
                db, actor="王明", hh_no=p.get("hh_no", ""), group_name=p.get("group", "一组")
            ).id
            relation = "户主"
        else:
            relation = p.get("relation", "其他")
        pid = roster.add_person(
            db,
            household_id=households[hh],
            name=p["name"],
            id_number=p["id"],
            actor="王明",
            relation=relation,
            phone=p.get("phone", ""),
            allow_invalid=p.get("invalid", False),
            birth_date=date(1980, 1, 1) if p.get("invalid") else None,
        ).id
        for code in p.get("flags", ()):
            roster.flag_person(db, pid, code, actor="王明")
        if p.get("coverage"):
            roster.set_coverage(db, pid, p["coverage"], actor="王明")
        if p.get("reason"):
            roster.set_unpaid_reason(db, pid, p["reason"], actor="王明")
        if p.get("pay"):
            payments.record_payment(
                db, person_id=pid, actor="王明", paid_on=date(2023, 10, 1), channel="微信"
            )
        ids[p["id"]] = pid
    return ids


def package(db, out: Path) -> Path:
    return build_package(db, out)


def rewrite_member(pkg: Path, member: str, change) -> Path:
    """Rewrite the zip with one member's bytes changed (a consistent zip: only the content differs)."""
    with zipfile.ZipFile(pkg) as zf:
        items = [(info, zf.read(info)) for info in zf.infolist()]
    tmp = pkg.with_suffix(".tmp")
    with zipfile.ZipFile(tmp, "w", compression=zipfile.ZIP_DEFLATED) as zf:
        for info, data in items:
            zf.writestr(info.filename, change(data) if info.filename == member else data)
    tmp.replace(pkg)
    return pkg


def resign_data(pkg: Path, village_db, change) -> Path:
    """data.json's text changed and the manifest re-hashed and signed again with the village's own
    key: a package that verifies, carrying whatever data the village (or a forger with its key) wrote."""
    with zipfile.ZipFile(pkg) as zf:
        members = {info.filename: zf.read(info) for info in zf.infolist()}
    members[DATA] = change(members[DATA].decode("utf-8")).encode("utf-8")
    manifest = json.loads(members[MANIFEST])
    manifest["files"][DATA] = {"sha256": sha256_hex(members[DATA]), "size": len(members[DATA])}
    members[MANIFEST] = json.dumps(manifest, ensure_ascii=False, indent=1).encode("utf-8")
    members[SIGNATURE] = (
        load_or_create_key(db_file(village_db)).sign(members[MANIFEST]).hex().encode("ascii")
    )
    with zipfile.ZipFile(pkg, "w", compression=zipfile.ZIP_DEFLATED) as zf:
        for name, data in members.items():
            zf.writestr(name, data)
    return pkg


def flip_byte(data: bytes, at: int | None = None) -> bytes:
    at = len(data) // 2 if at is None else at
    return data[:at] + bytes([data[at] ^ 0x01]) + data[at + 1 :]


def flip_raw_byte_in_member(pkg: Path, member: str) -> None:
    """Flip one byte of the member's compressed data inside the zip file itself."""
    with zipfile.ZipFile(pkg) as zf:
        info = zf.getinfo(member)
    raw = bytearray(pkg.read_bytes())
    name_len = int.from_bytes(raw[info.header_offset + 26 : info.header_offset + 28], "little")
    extra_len = int.from_bytes(raw[info.header_offset + 28 : info.header_offset + 30], "little")
    start = info.header_offset + 30 + name_len + extra_len
    raw[start + info.compress_size // 2] ^= 0x01
    pkg.write_bytes(bytes(raw))


def copy_package(pkg: Path, to: Path) -> Path:
    to.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(pkg, to)
    return to
