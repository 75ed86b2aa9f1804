"""The agent key and atomic writes."""

import os
import stat

import pytest

from enrollagent.exports.atomic import atomic_path
from enrollagent.exports.keys import load_or_create_key, public_from_raw


def test_key_is_created_once_and_private(tmp_path):
    db = tmp_path / "village.db"
    key = load_or_create_key(db)
    again = load_or_create_key(db)
    assert key.public_raw == again.public_raw and len(key.fingerprint.split()) == 8
    private = tmp_path / "keys" / "agent_ed25519.pem"
    assert stat.S_IMODE(os.stat(private).st_mode) == 0o600
    public_from_raw(key.public_raw).verify(key.sign(b"manifest"), b"manifest")


def test_failed_write_leaves_nothing(tmp_path):
    target = tmp_path / "out.xlsx"
    with pytest.raises(RuntimeError), atomic_path(target) as tmp:
        tmp.write_bytes(b"half")
        raise RuntimeError("disk full")
    assert list(tmp_path.iterdir()) == []
    with atomic_path(target) as tmp:
        tmp.write_bytes(b"whole")
    assert target.read_bytes() == b"whole" and list(tmp_path.iterdir()) == [target]
