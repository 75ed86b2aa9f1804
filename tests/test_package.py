"""The upload package: built from a real village, verified, and rejected when anything is changed."""

from __future__ import annotations

import json
import zipfile

import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from enrollagent.core.figures import compute_figures
from enrollagent.exports import package as pkgmod
from enrollagent.exports.package import (
    DATA,
    MANIFEST,
    ROLL,
    SIGNATURE,
    SUMMARY,
    build_package,
    verify_package,
)

from .township_helpers import (
    an_id,
    flip_byte,
    flip_raw_byte_in_member,
    make_village,
    rewrite_member,
)

PEOPLE = [
    {
        "name": "张一",
        "id": an_id("411725", 1),
        "group": "一组",
        "hh": "a",
        "hh_no": "001",
        "pay": True,
    },
    {
        "name": "张二",
        "id": an_id("411725", 2),
        "group": "一组",
        "hh": "a",
        "relation": "配偶",
        "flags": ["minimum_living"],
        "pay": True,
    },
    {
        "name": "张三",
        "id": an_id("411725", 3),
        "group": "一组",
        "hh": "a",
        "relation": "子",
        "flags": ["extreme_poverty"],
    },
    {
        "name": "李四",
        "id": an_id("411725", 4),
        "group": "二组",
        "hh": "b",
        "hh_no": "002",
        "flags": ["marginal"],
    },
    {
        "name": "=李五",
        "id": an_id("411725", 5),
        "group": "二组",
        "hh": "b",
        "relation": "子",
        "coverage": "employee",
    },
    {
        "name": "待核",
        "id": "4.11725E+17",
        "group": "二组",
        "hh": "b",
        "relation": "女",
        "invalid": True,
    },
]


@pytest.fixture
def village(tmp_path):
    db = make_village(tmp_path / "v1", code="411725100001", name="李庄村", people=PEOPLE)
    yield db
    db.close()


def test_fresh_package_verifies_and_carries_everything(village, tmp_path):
    seen = []
    out = build_package(
        village, tmp_path / "out", progress=pkgmod.Progress(lambda d, t, m: seen.append(d))
    )
    assert out.name == "411725100001-2024-001.zip"
    assert seen[-1] == 100 and seen == sorted(seen)
    result = verify_package(out)
    assert result.ok, result.reason
    m = result.manifest
    assert (m["village"]["code"], m["village"]["name"], m["village"]["township"]) == (
        "411725100001",
        "李庄村",
        "留庄镇",
    )
    assert (
        (m["year"], m["sequence"]) == (2024, 1)
        and m["created_at"].endswith("Z")
        and m["app_version"]
    )
    assert m["counts"] == json.loads(json.dumps(compute_figures(village).to_json()))
    assert set(m["files"]) == {ROLL, SUMMARY, DATA}
    with zipfile.ZipFile(out) as zf:
        assert set(zf.namelist()) == {ROLL, SUMMARY, DATA, MANIFEST, SIGNATURE}
        data = json.loads(zf.read(DATA))
    assert data["village"]["code"] == "411725100001" and data["year"] == 2024
    assert data["policy"]["standard"] == 380
    by_name = {p["name"]: p for p in data["persons"]}
    assert len(by_name) == len(PEOPLE)
    zhang2 = by_name["张二"]
    assert zhang2["categories"] == ["minimum_living"] and zhang2["state"] == "paid"
    assert (
        zhang2["payments"][0]["amount"] == zhang2["payable"]
        and zhang2["payments"][0]["channel"] == "微信"
    )
    assert by_name["张三"]["state"] == "subsidized" and by_name["=李五"]["coverage"] == "employee"
    assert by_name["待核"]["id_valid"] is False and by_name["张一"]["id_number"] == an_id(
        "411725", 1
    )
    assert len({p["household_uuid"] for p in data["persons"]}) == 2
    log = village.execute("SELECT kind, year, sequence, file_name FROM export_log").fetchall()
    assert log == [("package", 2024, 1, out.name)]


def test_sequence_grows_and_zip_name_may_be_given(village, tmp_path):
    first = build_package(village, tmp_path / "out")
    second = build_package(village, tmp_path / "out")
    named = build_package(village, tmp_path / "given.zip")
    assert (first.name, second.name, named.name) == (
        "411725100001-2024-001.zip",
        "411725100001-2024-002.zip",
        "given.zip",
    )
    assert verify_package(named).manifest["sequence"] == 3


def test_failed_export_leaves_no_file_and_no_sequence(village, tmp_path, monkeypatch):
    from enrollagent.exports import summary

    def broken(*args, **kwargs):
        raise RuntimeError("disk full")

    monkeypatch.setattr(summary, "write_summary", broken)
    with pytest.raises(RuntimeError):
        build_package(village, tmp_path / "out")
    assert not list((tmp_path / "out").glob("*")) if (tmp_path / "out").exists() else True
    assert village.execute("SELECT COUNT(*) FROM export_log").fetchone()[0] == 0


@pytest.mark.parametrize("member", [ROLL, SUMMARY, DATA])
def test_one_changed_byte_in_a_file_is_named(village, tmp_path, member):
    out = build_package(village, tmp_path / "out")
    rewrite_member(out, member, flip_byte)
    result = verify_package(out)
    assert not result.ok and member in result.reason and "SHA-256" in result.reason


@pytest.mark.parametrize("member", [ROLL, SUMMARY, DATA, MANIFEST])
def test_one_changed_byte_in_the_zip_is_caught(village, tmp_path, member):
    out = build_package(village, tmp_path / "out")
    flip_raw_byte_in_member(out, member)
    result = verify_package(out)
    assert not result.ok and (member in result.reason or "签名" in result.reason), result.reason


@pytest.mark.parametrize("member", [MANIFEST, SIGNATURE])
def test_changed_manifest_or_signature_fails_the_signature(village, tmp_path, member):
    out = build_package(village, tmp_path / "out")
    if member == MANIFEST:
        rewrite_member(out, member, lambda b: b.replace(b'"sequence": 1', b'"sequence": 9'))
    else:
        rewrite_member(out, member, lambda b: b[:-1] + (b"0" if b[-1:] != b"0" else b"1"))
    result = verify_package(out)
    assert not result.ok and "签名" in result.reason


def test_signature_by_another_key_is_rejected(village, tmp_path):
    out = build_package(village, tmp_path / "out")
    other = Ed25519PrivateKey.generate()
    with zipfile.ZipFile(out) as zf:
        manifest = zf.read(MANIFEST)
    rewrite_member(out, SIGNATURE, lambda _: other.sign(manifest).hex().encode())
    assert "签名" in verify_package(out).reason


def test_not_a_package(tmp_path, village):
    assert "找不到" in verify_package(tmp_path / "nope.zip").reason
    junk = tmp_path / "junk.zip"
    junk.write_bytes(b"PK\x03\x04 not really a zip")
    assert "不是有效的上报包" in verify_package(junk).reason
    plain = tmp_path / "plain.zip"
    with zipfile.ZipFile(plain, "w") as zf:
        zf.writestr("readme.txt", "hello")
    assert "manifest.json" in verify_package(plain).reason
    out = build_package(village, tmp_path / "out")
    with zipfile.ZipFile(out, "a") as zf:
        zf.writestr("extra.exe", b"MZ")
    assert "extra.exe" in verify_package(out).reason
    with zipfile.ZipFile(out) as zf:
        items = {
            i.filename: zf.read(i) for i in zf.infolist() if i.filename not in (DATA, "extra.exe")
        }
    with zipfile.ZipFile(out, "w") as zf:
        for name, data in items.items():
            zf.writestr(name, data)
    assert DATA in verify_package(out).reason


def test_verify_command(village, tmp_path, cli):
    out = build_package(village, tmp_path / "out")
    ok = cli("verify", str(out), db=False)
    assert "上报包完整" in ok.stdout and "李庄村" in ok.stdout
    assert json.loads(cli("verify", str(out), "--json", db=False).stdout)["ok"] is True
    rewrite_member(out, DATA, flip_byte)
    bad = cli("verify", str(out), db=False, check=False)
    assert bad.returncode == 1 and DATA in bad.stderr and len(bad.stderr.strip().splitlines()) == 1
    as_json = cli("verify", str(out), "--json", db=False, check=False)
    assert as_json.returncode == 1 and json.loads(as_json.stdout)["ok"] is False
    missing = cli("verify", str(tmp_path / "none.zip"), db=False, check=False)
    assert missing.returncode == 1 and "找不到" in missing.stderr


def _self_signed(path, files: dict[str, bytes]) -> None:
    """A zip signed correctly by a key of its own: only the package's shape can tell it apart."""
    key = Ed25519PrivateKey.generate()
    from cryptography.hazmat.primitives import serialization

    raw = key.public_key().public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw)
    manifest = {
        "format": "enrollagent-package",
        "format_version": 1,
        "app_version": "x",
        "created_at": "2024-01-01T00:00:00Z",
        "village": {"code": "411725100001", "name": "李庄村"},
        "year": 2024,
        "sequence": 9,
        "counts": {},
        "signer": {"public_key": raw.hex()},
        "files": {n: {"sha256": pkgmod.sha256_hex(b), "size": len(b)} for n, b in files.items()},
    }
    mbytes = json.dumps(manifest).encode()
    with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED) as zf:
        zf.writestr(MANIFEST, mbytes)
        zf.writestr(SIGNATURE, key.sign(mbytes).hex())
        for name, data in files.items():
            zf.writestr(name, data)


def test_a_package_is_exactly_its_five_files(tmp_path):
    only_data = tmp_path / "only-data.zip"
    _self_signed(only_data, {DATA: b"{}"})
    result = verify_package(only_data)
    assert not result.ok and ROLL in result.reason


def test_a_zip_bomb_is_refused_before_it_is_unpacked(tmp_path):
    bomb = tmp_path / "bomb.zip"
    zeros = bytes(100 * 1024 * 1024)
    _self_signed(bomb, {ROLL: zeros, SUMMARY: zeros, DATA: zeros})
    assert bomb.stat().st_size < 2_000_000
    result = verify_package(bomb)
    assert not result.ok and result.code == "package_too_big"


def test_an_encrypted_member_is_refused_not_crashed(village, tmp_path):
    out = build_package(village, tmp_path / "out")
    raw = bytearray(out.read_bytes())
    raw[raw.rfind(b"PK\x01\x02") + 8] |= 0x01  # the 'encrypted' flag of the last member (data.json)
    out.write_bytes(bytes(raw))
    result = verify_package(out)
    assert not result.ok and result.code == "package_encrypted" and DATA in result.reason
