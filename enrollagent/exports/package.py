"""The upload package: roll sheet, summary, data.json and a manifest signed with the agent key."""

from __future__ import annotations

import hashlib
import json
import tempfile
import zipfile
import zlib
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

import sqlite_utils
from cryptography.exceptions import InvalidSignature

from .. import __version__
from ..core import clock
from ..core.backup import auto_backup
from ..core.figures import compute_figures, person_states
from ..core.history import Entry, amendments
from ..core.lane import write
from ..core.money import yuan
from ..core.progress import NO_PROGRESS, Progress
from ..core.reported import record_reported
from ..core.village import Village, get_policy, get_village
from ..db.store import db_file
from ..errors import QT_TRANSLATE_NOOP, EnrollError, register_messages
from ..zips import read_bounded
from .atomic import atomic_path
from .keys import fingerprint, load_or_create_key, public_from_raw
from .stable import DatedZipFile

FORMAT = "enrollagent-package"
FORMAT_VERSION = 1
MANIFEST = "manifest.json"
SIGNATURE = "manifest.sig"
DATA = "data.json"
ROLL = "花名册.xlsx"
SUMMARY = "汇总表.pdf"
MAX_PACKAGE_BYTES = 256 * 1024 * 1024  # unpacked; a package of a 6,000-person village is a few MB
MEMBERS = (MANIFEST, SIGNATURE, ROLL, SUMMARY, DATA)

register_messages(
    {
        "package_missing": QT_TRANSLATE_NOOP("errors", "找不到文件：{path}"),
        "package_not_zip": QT_TRANSLATE_NOOP(
            "errors", "{path} 不是有效的上报包（不是 zip 压缩文件）"
        ),
        "package_no_manifest": QT_TRANSLATE_NOOP("errors", "上报包缺少 {member}，不是完整的上报包"),
        "package_manifest_bad": QT_TRANSLATE_NOOP(
            "errors", "上报包的 manifest.json 格式不对：{detail}"
        ),
        "package_bad_signature": QT_TRANSLATE_NOOP(
            "errors",
            "上报包的签名不对：manifest.json 或 manifest.sig 被改动过，或不是用包内公钥签的",
        ),
        "package_member_missing": QT_TRANSLATE_NOOP("errors", "上报包缺少文件 {member}"),
        "package_member_corrupt": QT_TRANSLATE_NOOP(
            "errors", "上报包中的文件 {member} 已损坏（压缩数据校验失败）"
        ),
        "package_hash_mismatch": QT_TRANSLATE_NOOP(
            "errors", "上报包中的文件 {member} 的 SHA-256 与清单不符，文件被改动过"
        ),
        "package_extra_member": QT_TRANSLATE_NOOP("errors", "上报包中有清单里没有的文件 {member}"),
        "package_duplicate_member": QT_TRANSLATE_NOOP(
            "errors", "上报包中有重名的文件，可能被人加塞过"
        ),
        "package_too_big": QT_TRANSLATE_NOOP(
            "errors", "上报包解压后大得不正常（{size} 字节），不是正常的上报包"
        ),
        "package_encrypted": QT_TRANSLATE_NOOP(
            "errors", "上报包中的文件 {member} 被加了密码，不是本程序做的包"
        ),
        "package_unreadable": QT_TRANSLATE_NOOP("errors", "无法读取上报包 {path}：{detail}"),
    }
)


@dataclass
class VerifyResult:
    ok: bool
    reason: str = ""  # one Chinese sentence when not ok
    code: str = ""  # the message code of the reason
    manifest: dict = field(default_factory=dict)
    members: dict[str, bytes] = field(default_factory=dict)  # verified member bytes, by name

    def to_json(self) -> dict:
        m = self.manifest
        return {
            "ok": self.ok,
            "reason": self.reason,
            "code": self.code,
            "village": m.get("village"),
            "year": m.get("year"),
            "sequence": m.get("sequence"),
            "created_at": m.get("created_at"),
            "fingerprint": (m.get("signer") or {}).get("fingerprint"),
            "amendments": amendment_count(m),
        }


def amendment_count(manifest: dict) -> int:
    """How many amendments a package lists; a package made before they travelled lists none."""
    count = manifest.get("amendments", 0)
    return count if isinstance(count, int) and not isinstance(count, bool) else 0


def sha256_hex(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def _scaled(progress: Progress, start: int, end: int) -> Progress:
    """A sub-job's progress mapped into [start, end] of 100 on the parent (cancel passes through)."""

    def forward(done: int, total: int, message: str) -> None:
        share = done / total if total else 0
        progress.update(start + int((end - start) * min(share, 1)), 100, message)

    return Progress(forward)


def amendment_json(entry: Entry) -> dict:
    """An amendment as data.json lists it: the history entry, and its time as the agent read it."""
    return {**entry.to_json(), "when": entry.when}


def package_data(db: sqlite_utils.Database, year: int) -> dict:
    """data.json: the village, the policy, every person-year with its state and payments, and
    the amendments since the year's previous package."""
    village = get_village(db)
    policy = get_policy(db, year)
    person_uuid = dict(db.execute("SELECT id, uuid FROM person").fetchall())
    household_uuid = dict(db.execute("SELECT id, uuid FROM household").fetchall())
    payments: dict[int, list[dict]] = {}
    for pid, amount, kind, paid_on, channel, ticket, payer in db.execute(
        "SELECT person_id, amount_fen, kind, paid_on, channel, ticket_no, payer FROM payment"
        " WHERE year = ? ORDER BY id",
        [year],
    ).fetchall():
        payments.setdefault(pid, []).append(
            {
                "amount": yuan(amount),
                "kind": kind,
                "paid_on": paid_on,
                "channel": channel,
                "ticket_no": ticket or "",
                "payer": payer,
            }
        )
    persons = [
        {
            "uuid": person_uuid[s.person_id],
            "household_uuid": household_uuid[s.household_id],
            "group": s.group_name,
            "hh_no": s.hh_no,
            "name": s.name,
            "id_number": s.id_number,
            "id_valid": s.id_valid,
            "birth_date": s.birth_date.isoformat() if s.birth_date else None,
            "sex": s.sex,
            "relation": s.relation,
            "phone": s.phone,
            "coverage": s.coverage,
            "coverage_note": s.coverage_note,
            "unpaid_reason": s.unpaid_reason,
            "categories": list(s.categories),
            "payable": yuan(s.payable_fen),
            "net_paid": yuan(s.net_fen),
            "state": s.state,
            "payments": payments.get(s.person_id, []),
        }
        for s in person_states(db, year, policy=policy)
    ]
    return {
        "format": FORMAT,
        "format_version": FORMAT_VERSION,
        "village": _village_json(village),
        "year": year,
        "policy": policy.to_json(),
        "persons": persons,
        "amendments": [amendment_json(e) for e in amendments(db, year)],
    }


def _village_json(village: Village) -> dict:
    return {
        "code": village.code,
        "name": village.name,
        "township": village.township,
        "county": village.county,
        "agent": village.agent,
        "agent_phone": village.agent_phone,
    }


def next_sequence(db: sqlite_utils.Database) -> int:
    """Packages of a village are numbered 1, 2, 3 … across years, so a township can spot a replay."""
    row = db.execute("SELECT MAX(sequence) FROM export_log WHERE kind = 'package'").fetchone()
    return (row[0] or 0) + 1


def log_export(
    db: sqlite_utils.Database,
    *,
    kind: str,
    year: int,
    path: Path,
    name: str | None = None,
    sequence: int | None = None,
) -> None:
    """Log a document that goes out with its SHA-256, so a paper copy can be traced: a change of
    its own, made by the village's agent, which later changes (amendments, backups) count from."""
    with write(db, actor=get_village(db).agent, op=f"export_{kind}") as w:
        export_id = w.insert(
            "export_log",
            {
                "kind": kind,
                "year": year,
                "sequence": sequence,
                "file_name": name or path.name,
                "sha256": sha256_hex(path.read_bytes()),
                "at": w.at,
                "change_id": w.change_id,
            },
        )
        if kind == "package":
            record_reported(w, export_id, year)


def package_name(village_code: str, village_name: str, year: int, sequence: int) -> str:
    return f"{village_code or village_name}-{year}-{sequence:03d}.zip"


def build_package(
    db: sqlite_utils.Database,
    out: str | Path,
    *,
    year: int | None = None,
    progress: Progress = NO_PROGRESS,
) -> Path:
    """Write the signed upload package into `out` (a folder, or a .zip path); returns its path."""
    from .roll import write_roll
    from .summary import write_summary

    village = get_village(db)
    year = year or village.current_year
    key = load_or_create_key(db_file(db))
    out = Path(out)
    sequence = next_sequence(db)
    name = package_name(village.code, village.name, year, sequence)
    target = out if out.suffix.lower() == ".zip" else out / name
    # The zip is renamed into place only after the export_log row is committed: a failure leaves
    # no file, and a file always has its sequence number used up.
    with (
        atomic_path(target) as tmp_zip,
        db.atomic(),
        tempfile.TemporaryDirectory(prefix="enrollagent-pkg-") as tmp,
    ):
        # Read before this package is logged: afterwards they count from it, so the list is empty.
        amended = amendments(db, year)
        progress.update(0, 100, "花名册")
        roll = write_roll(
            db, Path(tmp) / ROLL, year=year, progress=_scaled(progress, 0, 40)
        ).read_bytes()
        roll_sha = sha256_hex(roll)
        progress.update(40, 100, "汇总表")
        summary = write_summary(
            db,
            Path(tmp) / SUMMARY,
            roll_sha256=roll_sha,
            key_fingerprint=key.fingerprint,
            year=year,
            amended=amended,
            progress=_scaled(progress, 40, 80),
        ).read_bytes()
        progress.update(80, 100, "数据")
        data = json.dumps(package_data(db, year), ensure_ascii=False, indent=1).encode("utf-8")
        members = {ROLL: roll, SUMMARY: summary, DATA: data}
        manifest = {
            "format": FORMAT,
            "format_version": FORMAT_VERSION,
            "app_version": __version__,
            "created_at": clock.now_utc(),
            "village": _village_json(village),
            "year": year,
            "sequence": sequence,
            "files": {n: {"sha256": sha256_hex(b), "size": len(b)} for n, b in members.items()},
            "counts": compute_figures(db, year).to_json(),
            # Outside "counts": a township compares those with the people of data.json.
            "amendments": len(amended),
            "signer": {
                "algorithm": "Ed25519",
                "public_key": key.public_raw.hex(),
                "fingerprint": key.fingerprint,
            },
        }
        manifest_bytes = json.dumps(manifest, ensure_ascii=False, indent=1).encode("utf-8")
        progress.update(90, 100, "打包")
        # Entries dated the day the roll and summary print, as those files are inside.
        with DatedZipFile(tmp_zip, day=date.today(), compression=zipfile.ZIP_DEFLATED) as zf:
            zf.writestr(MANIFEST, manifest_bytes)
            zf.writestr(SIGNATURE, key.sign(manifest_bytes).hex())
            for member, content in members.items():
                zf.writestr(member, content)
        log_export(db, kind="package", year=year, path=tmp_zip, name=target.name, sequence=sequence)
    auto_backup(db)
    progress.update(100, 100, "完成")
    return target


def _fail(code: str, manifest: dict | None = None, **params: object) -> VerifyResult:
    return VerifyResult(False, EnrollError(code, **params).message, code, manifest or {})


class _Failed(Exception):
    """A check of verify_package that failed; verify_package returns its result."""

    def __init__(self, result: VerifyResult) -> None:
        super().__init__(result.reason)
        self.result = result


def _failed(code: str, manifest: dict | None = None, **params: object) -> _Failed:
    return _Failed(_fail(code, manifest, **params))


def _read(zf: zipfile.ZipFile, member: str, manifest: dict | None = None) -> bytes:
    try:
        info = zf.getinfo(member)
    except KeyError:
        raise _failed("package_member_missing", manifest, member=member) from None
    if info.flag_bits & 0x1:
        raise _failed("package_encrypted", manifest, member=member)
    try:
        return read_bounded(zf, info, MAX_PACKAGE_BYTES)
    except (
        zipfile.BadZipFile,
        zlib.error,
        EOFError,
        NotImplementedError,
        ValueError,
        RuntimeError,
        OSError,  # a damaged header puts the member before the start of the file
    ):
        raise _failed("package_member_corrupt", manifest, member=member) from None


def _check_manifest(manifest: object) -> str:
    """'' when the manifest has the fields a package needs, else what is wrong."""
    if not isinstance(manifest, dict):
        return "顶层不是对象"
    if manifest.get("format") != FORMAT:
        return "不是 EnrollAgent 上报包"
    if (
        not isinstance(manifest.get("format_version"), int)
        or manifest["format_version"] > FORMAT_VERSION
    ):
        return f"格式版本 {manifest.get('format_version')} 比本程序新，请升级程序"
    for key, kind in (
        ("village", dict),
        ("year", int),
        ("sequence", int),
        ("files", dict),
        ("signer", dict),
        ("created_at", str),
        ("counts", dict),
    ):
        if not isinstance(manifest.get(key), kind):
            return f"缺少或写错了字段 {key}"
    if not isinstance(manifest["signer"].get("public_key"), str):
        return "缺少签名公钥"
    for name, entry in manifest["files"].items():
        if not isinstance(entry, dict) or not isinstance(entry.get("sha256"), str):
            return f"文件 {name} 缺少 SHA-256"
    return ""


def verify_package(path: str | Path) -> VerifyResult:
    """Check the signature of the manifest and every file's SHA-256; never raises on bad input."""
    try:
        with _open_zip(Path(path)) as zf:
            names = _member_names(zf)
            manifest = _signed_manifest(zf)
            _check_members_listed(names, manifest)
            members = _checked_members(zf, manifest)
            for name in sorted(names - set(manifest["files"]) - {MANIFEST, SIGNATURE}):
                raise _failed("package_extra_member", manifest, member=name)
    except _Failed as e:
        return e.result
    return VerifyResult(True, "", "", manifest, members)


def signed_manifest(path: str | Path) -> VerifyResult:
    """The package's manifest, its signature checked, no member read: enough to put packages in
    order before each is verified in full (members empty)."""
    try:
        with _open_zip(Path(path)) as zf:
            _member_names(zf)
            manifest = _signed_manifest(zf)
    except _Failed as e:
        return e.result
    return VerifyResult(True, "", "", manifest)


def _open_zip(path: Path) -> zipfile.ZipFile:
    if not path.is_file():
        raise _failed("package_missing", path=str(path))
    try:
        return zipfile.ZipFile(path)
    except (zipfile.BadZipFile, EOFError, ValueError, NotImplementedError):
        raise _failed("package_not_zip", path=path.name) from None
    except OSError as e:
        raise _failed("package_unreadable", path=str(path), detail=e.strerror or str(e)) from None


def _member_names(zf: zipfile.ZipFile) -> set[str]:
    """The members' names, each once, the manifest and its signature among them; the sizes the
    zip claims are checked before anything is unpacked: a 1 MB zip of zeros must not take a
    township laptop's memory (zipfile stops at the claimed size)."""
    listed = zf.namelist()
    names = set(listed)
    if len(names) != len(listed):
        raise _failed("package_duplicate_member")
    for member in (MANIFEST, SIGNATURE):
        if member not in names:
            raise _failed("package_no_manifest", member=member)
    size = sum(i.file_size for i in zf.infolist())
    if size > MAX_PACKAGE_BYTES:
        raise _failed("package_too_big", size=size)
    return names


def _signed_manifest(zf: zipfile.ZipFile) -> dict:
    """The manifest, well-formed and signed by the key it names; its fingerprint is the one
    computed here, not the one claimed."""
    manifest_bytes = _read(zf, MANIFEST)
    signature = _read(zf, SIGNATURE)
    try:
        manifest = json.loads(manifest_bytes.decode("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError):
        raise _failed("package_bad_signature") from None  # the signed bytes were changed
    problem = _check_manifest(manifest)
    if problem:
        raise _failed("package_manifest_bad", detail=problem)
    try:
        raw = bytes.fromhex(manifest["signer"]["public_key"])
        public_from_raw(raw).verify(
            bytes.fromhex(signature.decode("ascii").strip()), manifest_bytes
        )
    except (ValueError, UnicodeDecodeError, InvalidSignature):
        raise _failed("package_bad_signature", manifest) from None
    manifest["signer"]["fingerprint"] = fingerprint(raw)
    return manifest


def _check_members_listed(names: set[str], manifest: dict) -> None:
    """Exactly the files a package is made of: a self-signed zip holding only data.json is not one."""
    for name in MEMBERS:
        if name not in names:
            raise _failed("package_member_missing", manifest, member=name)
        if name not in (MANIFEST, SIGNATURE) and name not in manifest["files"]:
            raise _failed("package_manifest_bad", manifest, detail=f"清单里没有 {name}")


def _checked_members(zf: zipfile.ZipFile, manifest: dict) -> dict[str, bytes]:
    """Every file the manifest lists, read and matched against its SHA-256."""
    members: dict[str, bytes] = {}
    for name, entry in manifest["files"].items():
        content = _read(zf, name, manifest)
        if sha256_hex(content) != entry["sha256"].lower():
            raise _failed("package_hash_mismatch", manifest, member=name)
        members[name] = content
    return members
