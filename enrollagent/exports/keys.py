"""The agent's Ed25519 signing key, created on first use and kept beside the database."""

from __future__ import annotations

import hashlib
import os
from dataclasses import dataclass
from pathlib import Path

from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey

from ..errors import EnrollError
from ..paths import PRIVATE_DIR, PRIVATE_FILE, key_dir
from .atomic import sweep_stale_temps, write_bytes_atomic

PRIVATE_NAME = "agent_ed25519.pem"
PUBLIC_NAME = "agent_ed25519.pub"


@dataclass(frozen=True)
class AgentKey:
    private: Ed25519PrivateKey
    public_raw: bytes

    @property
    def fingerprint(self) -> str:
        return fingerprint(self.public_raw)

    def sign(self, data: bytes) -> bytes:
        return self.private.sign(data)


def fingerprint(public_raw: bytes) -> str:
    """SHA-256 of the raw public key, first 16 bytes as hex in groups of 4: short enough to read out."""
    digest = hashlib.sha256(public_raw).hexdigest()[:32].upper()
    return " ".join(digest[i : i + 4] for i in range(0, 32, 4))


def public_from_raw(raw: bytes) -> Ed25519PublicKey:
    return Ed25519PublicKey.from_public_bytes(raw)


def load_or_create_key(db_path: str | os.PathLike) -> AgentKey:
    """The key beside this database; made on first use (the folder and both files readable by
    the user only, whatever the umask)."""
    directory = key_dir(Path(db_path))
    private_path = directory / PRIVATE_NAME
    sweep_stale_temps(directory)  # a key write cut off by a kill or a power cut
    if private_path.exists():
        try:
            private = serialization.load_pem_private_key(private_path.read_bytes(), password=None)
        except (ValueError, TypeError, OSError) as e:
            raise EnrollError(
                "key_unreadable", path=str(private_path), detail=type(e).__name__
            ) from None
        if not isinstance(private, Ed25519PrivateKey):
            raise EnrollError("key_unreadable", path=str(private_path), detail="不是 Ed25519 密钥")
    else:
        directory.mkdir(mode=PRIVATE_DIR, parents=True, exist_ok=True)
        os.chmod(directory, PRIVATE_DIR)
        private = Ed25519PrivateKey.generate()
        pem = private.private_bytes(
            serialization.Encoding.PEM,
            serialization.PrivateFormat.PKCS8,
            serialization.NoEncryption(),
        )
        write_bytes_atomic(private_path, pem, mode=PRIVATE_FILE)
    raw = private.public_key().public_bytes(
        serialization.Encoding.Raw, serialization.PublicFormat.Raw
    )
    public_path = directory / PUBLIC_NAME
    if not public_path.exists():
        write_bytes_atomic(public_path, raw.hex().encode(), mode=PRIVATE_FILE)
    return AgentKey(private, raw)


def key_exists(db_path: str | os.PathLike) -> bool:
    return (key_dir(Path(db_path)) / PRIVATE_NAME).exists()
