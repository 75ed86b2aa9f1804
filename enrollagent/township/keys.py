"""The villages' signing keys as the township knows them: trusted, unknown or different for a
package, a changed key shown beside the trusted one, and one key signing for several villages."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from pathlib import Path

import sqlite_utils

from ..errors import QT_TRANSLATE_NOOP, EnrollError, register_messages
from .store import name_key

register_messages(
    {
        "township_key_trusted": QT_TRANSLATE_NOOP(
            "errors", "签名密钥：是乡镇为{village}登记的密钥（指纹 {found}）"
        ),
        "township_key_unknown": QT_TRANSLATE_NOOP(
            "errors",
            "签名密钥：乡镇还没有登记{village}的密钥（首次上报），接收前请与经办人{agent}电话核对指纹 {found}",
        ),
        "township_key_different": QT_TRANSLATE_NOOP(
            "errors",
            "签名密钥：与乡镇为{village}登记的密钥不同（登记的指纹 {trusted}，此包 {found}），接收时会拒收；"
            "如确是该村换了电脑，与经办人电话核对指纹后用命令"
            " enrollagent township add --trust-new-key {trust} 接收",
        ),
        "township_key_shared": QT_TRANSLATE_NOOP(
            "errors",
            "{villages} 的上报包是用同一个密钥签的（指纹 {fingerprint}）：可能是一台电脑替几个村做账，"
            "请与经办人核实",
        ),
    }
)

_FINGERPRINT = re.compile(r"[0-9A-F]{32}")

TRUSTED, UNKNOWN, DIFFERENT = "trusted", "unknown", "different"


def compact_fingerprint(text: str) -> str:
    """A fingerprint as typed or read out (spaces optional, any case) in one comparable form."""
    return "".join(text.split()).upper()


def parse_trust(text: str) -> tuple[str, str]:
    """`VILLAGE=FINGERPRINT` (the village's 12-digit code, or its name when it has none) →
    (village key, compact fingerprint): trust one new key for one village, never a whole batch."""
    village, sep, fp = text.partition("=")
    village, fp = "".join(village.split()), compact_fingerprint(fp)
    if not sep or not village or not _FINGERPRINT.fullmatch(fp):
        raise EnrollError("township_trust_bad", value=text)
    return (village if village.isdigit() else name_key(village)), fp


def village_key(village: dict) -> str:
    return village.get("code") or name_key(village.get("name", ""))


def village_label(village: dict) -> str:
    return (
        f"{village.get('name', '')}（{village['code']}）"
        if village.get("code")
        else village.get("name", "")
    )


def _agent(name: str, phone: str) -> str:
    return f"{name}（{phone}）" if phone else name


@dataclass(frozen=True)
class KeyChange:
    """A package signed by another key than the one trusted for its village: both, side by side."""

    path: Path
    village_key: str
    village: str  # 村名（区划代码）
    trusted: str  # fingerprint of the trusted key
    trusted_agent: str
    trusted_phone: str
    trusted_since: str  # UTC: the first package the township received with the trusted key
    found: str  # fingerprint of the package's key
    agent: str  # as the new package names them
    agent_phone: str

    @property
    def trust(self) -> str:
        """The `--trust-new-key` value that takes this one key for this one village."""
        return f"{self.village_key}={compact_fingerprint(self.found)}"

    def to_json(self) -> dict:
        return {
            "file": self.path.name,
            "village": self.village,
            "village_key": self.village_key,
            "trusted": {
                "fingerprint": self.trusted,
                "agent": self.trusted_agent,
                "agent_phone": self.trusted_phone,
                "since": self.trusted_since,
            },
            "found": {
                "fingerprint": self.found,
                "agent": self.agent,
                "agent_phone": self.agent_phone,
            },
            "trust": self.trust,
        }


def key_change(db: sqlite_utils.Database, path: Path, manifest: dict) -> KeyChange | None:
    """The change when the manifest's key is not the one trusted for its village, else None."""
    village = manifest["village"]
    key = village_key(village)
    row = db.execute(
        "SELECT public_key, fingerprint, agent, agent_phone FROM village WHERE key = ?", [key]
    ).fetchone()
    if row is None or row[0] == manifest["signer"]["public_key"]:
        return None
    since = db.execute(
        "SELECT MIN(received_at) FROM package WHERE village_key = ? AND public_key = ?",
        [key, row[0]],
    ).fetchone()[0]
    return KeyChange(
        path,
        key,
        village_label(village),
        row[1],
        row[2],
        row[3],
        since or "",
        manifest["signer"]["fingerprint"],
        village.get("agent", ""),
        village.get("agent_phone", ""),
    )


@dataclass(frozen=True)
class KeyCheck:
    """Whether a package's key is the one trusted for its village in a township store."""

    state: str  # TRUSTED, UNKNOWN or DIFFERENT
    village: str
    found: str
    trusted: str = ""  # the trusted fingerprint when DIFFERENT
    trust: str = ""  # the --trust-new-key value when DIFFERENT
    agent: str = ""
    shared_with: tuple[str, ...] = ()  # other villages whose packages this key signed

    @property
    def text(self) -> str:
        code = {
            TRUSTED: "township_key_trusted",
            UNKNOWN: "township_key_unknown",
            DIFFERENT: "township_key_different",
        }
        return EnrollError(
            code[self.state],
            village=self.village,
            found=self.found,
            trusted=self.trusted,
            trust=self.trust,
            agent=self.agent,
        ).message

    def to_json(self) -> dict:
        return {
            "state": self.state,
            "trusted_fingerprint": self.trusted or None,
            "shared_with": list(self.shared_with),
        }


def check_key(db: sqlite_utils.Database | None, manifest: dict) -> KeyCheck:
    """The key of a verified package against the township store (None: no store yet, so unknown)."""
    village = manifest["village"]
    label, found = village_label(village), manifest["signer"]["fingerprint"]
    agent = _agent(village.get("agent", ""), village.get("agent_phone", ""))
    if db is None:
        return KeyCheck(UNKNOWN, label, found, agent=agent)
    key, public = village_key(village), manifest["signer"]["public_key"]
    shared = tuple(
        r[0]
        for r in db.execute(
            "SELECT name FROM village WHERE public_key = ? AND key != ? ORDER BY key", [public, key]
        ).fetchall()
    )
    change = key_change(db, Path(), manifest)
    if change is not None:
        return KeyCheck(DIFFERENT, label, found, change.trusted, change.trust, agent, shared)
    known = db.execute("SELECT 1 FROM village WHERE key = ?", [key]).fetchone()
    return KeyCheck(TRUSTED if known else UNKNOWN, label, found, agent=agent, shared_with=shared)


@dataclass(frozen=True)
class SharedKey:
    fingerprint: str
    villages: tuple[str, ...]

    @property
    def text(self) -> str:
        return EnrollError(
            "township_key_shared", villages="、".join(self.villages), fingerprint=self.fingerprint
        ).message


def shared_keys(db: sqlite_utils.Database, public_keys: set[str] | None = None) -> list[SharedKey]:
    """Keys that signed the packages of more than one village (only these keys, when given)."""
    rows = db.execute(
        "SELECT public_key, fingerprint, json_group_array(name) FROM"
        " (SELECT public_key, fingerprint, name FROM village ORDER BY key)"
        " GROUP BY public_key HAVING COUNT(*) > 1 ORDER BY MIN(name)"
    ).fetchall()
    return [
        SharedKey(fp, tuple(json.loads(names)))
        for public, fp, names in rows
        if public_keys is None or public in public_keys
    ]
