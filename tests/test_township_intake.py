"""Issue 17, intake that fits a day's work: new, newer, already received and refused packages in
one batch; a changed key shown beside the trusted one; one key signing for two villages; verify
saying whether the key is the trusted one."""

from __future__ import annotations

import json
import shutil

import pytest

from enrollagent.core.policy import load_policy
from enrollagent.core.village import init_village
from enrollagent.db import open_database
from enrollagent.exports.package import DATA, build_package, verify_package
from enrollagent.township.intake import add_packages
from enrollagent.township.keys import DIFFERENT, TRUSTED, UNKNOWN, check_key, parse_trust
from enrollagent.township.store import open_township

from .township_helpers import add_people, an_id, make_village, rewrite_member


def _people(region_seq: int, n: int = 2) -> list[dict]:
    return [
        {"name": f"村民{region_seq}-{i}", "id": an_id("411725", region_seq * 10 + i), "hh": "h"}
        for i in range(n)
    ]


@pytest.fixture
def town(tmp_path):
    db = open_township(tmp_path / "township.db")
    yield db
    db.close()


@pytest.fixture
def three(tmp_path):
    dbs = [
        make_village(tmp_path / f"v{n}", code=f"41172510000{n}", name=name, people=_people(n))
        for n, name in ((1, "李庄村"), (2, "王庄村"), (3, "刘庄村"))
    ]
    yield dbs
    for db in dbs:
        db.close()


def _fp(pkg) -> str:
    return verify_package(pkg).manifest["signer"]["fingerprint"]


def test_a_days_batch_takes_the_new_and_newer_and_names_the_rest(three, town, tmp_path):
    a, b, c = three
    a1, b1 = build_package(a, tmp_path / "monday"), build_package(b, tmp_path / "monday")
    first = add_packages(town, [a1, b1])
    assert [r.sequence for r in first.added] == [1, 1] and not first.replaced
    add_people(a, [{"name": "新生", "id": an_id("411725", 90, "20000101"), "hh": "n"}])
    a2, c1 = build_package(a, tmp_path / "tuesday"), build_package(c, tmp_path / "tuesday")
    bad = build_package(b, tmp_path / "tuesday")
    rewrite_member(bad, DATA, lambda d: d.replace("村民2-0".encode(), "村民2-9".encode()))
    # Yesterday's two again (and one twice, as WeChat saves a second copy), the new ones, a bad one.
    twice = shutil.copyfile(b1, tmp_path / "王庄(1).zip")
    result = add_packages(town, [a1, b1, twice, a2, c1, bad])

    assert [(r.village, r.sequence) for r in result.added] == [("刘庄村（411725100003）", 1)]
    [newer] = result.replaced
    assert (newer.village_key, newer.sequence, newer.replaced, newer.persons) == (
        "411725100001",
        2,
        1,
        3,
    )
    assert sorted((a.path.name, a.received) for a in result.already) == sorted(
        [(a1.name, True), (b1.name, True), (twice.name, True)]
    )
    assert all("已收过" in a.reason for a in result.already)
    [(path, reason)] = result.refused
    assert path == bad and DATA in reason
    people = dict(town.execute("SELECT village_key, COUNT(*) FROM person GROUP BY 1").fetchall())
    assert people == {"411725100001": 3, "411725100002": 2, "411725100003": 2}
    assert town.execute("SELECT COUNT(*) FROM package").fetchone()[0] == 4

    data = result.to_json()
    assert [d["file"] for d in data["added"]] == [c1.name]
    assert data["replaced"][0]["replaced"] == 1 and data["replaced"][0]["sequence"] == 2
    assert {d["file"] for d in data["already"]} == {a1.name, b1.name, twice.name}
    assert data["refused"] == [{"file": bad.name, "reason": reason}]


def test_an_older_package_never_received_is_skipped_not_refused(three, town, tmp_path):
    a = three[0]
    old = build_package(a, tmp_path / "out")
    new = build_package(a, tmp_path / "out")
    add_packages(town, [new])
    result = add_packages(town, [old])
    [skipped] = result.already
    assert not result.refused and not skipped.received
    assert "第1号包比已收到的第2号旧" in skipped.reason


def test_cli_add_exits_0_unless_something_is_refused(three, tmp_path, cli):
    a, b, _ = three
    a1, b1 = build_package(a, tmp_path / "out"), build_package(b, tmp_path / "out")
    tdb = ["township", "--township-db", str(tmp_path / "t.db")]
    cli(*tdb, "add", str(a1), db=False)
    r = cli(*tdb, "add", str(a1), str(b1), db=False)
    assert "已收过 李庄村（411725100001） 第1号包" in r.stdout and "已接收 王庄村" in r.stdout
    assert "新收 1 个，更新 0 个，已收过或较旧 1 个，拒收 0 个" in r.stdout and not r.stderr
    add_people(a, [{"name": "新生", "id": an_id("411725", 90, "20000101"), "hh": "n"}])
    a2 = build_package(a, tmp_path / "out")
    junk = tmp_path / "junk.zip"
    junk.write_text("hello")
    r = cli(*tdb, "add", "--json", str(a1), str(a2), str(junk), db=False, check=False)
    data = json.loads(r.stdout)
    assert r.returncode == 1
    assert set(data) >= {"added", "replaced", "already", "refused"}
    assert data["added"] == [] and [d["file"] for d in data["replaced"]] == [a2.name]
    assert [d["file"] for d in data["already"]] == [a1.name]
    assert (
        data["refused"][0]["file"] == "junk.zip"
        and "不是有效的上报包" in data["refused"][0]["reason"]
    )
    r = cli(*tdb, "add", str(a2), str(junk), db=False, check=False)
    assert r.returncode == 1 and "拒收 junk.zip" in r.stderr
    assert (
        r.stderr.strip()
        .splitlines()[-1]
        .endswith(
            "1 个上报包被拒收，其余照常接收（新收 0 个，更新 0 个，已收过或较旧 1 个，拒收 1 个）"
        )
    )


def test_a_changed_key_is_shown_beside_the_trusted_one_and_taken_only_when_trusted(
    three, town, tmp_path
):
    a = three[0]
    add_packages(town, [build_package(a, tmp_path / "out")])
    moved = make_village(
        tmp_path / "new-pc", code="411725100001", name="李庄村", people=_people(1, 3)
    )
    try:
        pkg = build_package(moved, tmp_path / "new")
    finally:
        moved.close()
    result = add_packages(town, [pkg])
    [change] = result.key_changes
    assert [p for p, _ in result.refused] == [pkg] and "密钥" in result.refused[0][1]
    old_fp = town.execute("SELECT fingerprint FROM village").fetchone()[0]
    assert (change.village, change.trusted, change.found) == (
        "李庄村（411725100001）",
        old_fp,
        _fp(pkg),
    )
    assert (change.trusted_agent, change.trusted_phone) == ("王明", "13800000000")
    assert (change.agent, change.agent_phone) == ("王明", "13800000000")
    assert change.trusted_since and change.trust == "411725100001=" + "".join(_fp(pkg).split())
    assert result.to_json()["key_changes"][0]["trusted"]["fingerprint"] == old_fp
    assert check_key(town, verify_package(pkg).manifest).state == DIFFERENT
    [taken] = add_packages(town, [pkg], trusted=dict([parse_trust(change.trust)])).received
    assert taken.first_time and taken.replaced == 1
    assert check_key(town, verify_package(pkg).manifest).state == TRUSTED


def _second_village_on_the_same_computer(folder):
    """Another village's store beside the first one: the same agent key signs for both."""
    db = open_database(folder / "second.db")
    init_village(
        db,
        code="411725100009",
        name="赵庄村",
        township="留庄镇",
        county="确山县",
        agent="王明",
        agent_phone="13800000000",
        policy=load_policy("huojia-2024"),
    )
    add_people(db, _people(9))
    return db


def test_two_villages_signed_with_one_key_are_flagged(three, town, tmp_path):
    a, b, _ = three
    other = _second_village_on_the_same_computer(tmp_path / "v1")
    try:
        shared = build_package(other, tmp_path / "out")
    finally:
        other.close()
    plain = add_packages(town, [build_package(b, tmp_path / "out")])
    assert plain.shared_keys == []
    result = add_packages(town, [build_package(a, tmp_path / "out"), shared])
    assert len(result.received) == 2 and not result.refused
    [flag] = result.shared_keys
    assert flag.villages == ("李庄村", "赵庄村") and flag.fingerprint == _fp(shared)
    assert "同一个密钥" in flag.text and result.to_json()["warnings"] == [flag.text]
    assert check_key(town, verify_package(shared).manifest).shared_with == ("李庄村",)


def test_verify_says_first_whether_the_key_is_trusted(three, tmp_path, cli):
    a, b, _ = three
    a1, b1 = build_package(a, tmp_path / "out"), build_package(b, tmp_path / "out")
    township = tmp_path / "t.db"
    # No township store yet: unknown, and verifying does not create one.
    first = cli("verify", str(a1), "--township-db", str(township), db=False).stdout.splitlines()
    assert (
        first[0].startswith("签名密钥：乡镇还没有登记李庄村（411725100001）的密钥")
        and _fp(a1) in first[0]
    )
    assert first[1].startswith("上报包完整") and not township.exists()
    cli("township", "--township-db", str(township), "add", str(a1), db=False)
    lines = cli("verify", str(a1), "--township-db", str(township), db=False).stdout.splitlines()
    assert lines[0].startswith("签名密钥：是乡镇为李庄村（411725100001）登记的密钥")
    unknown = cli("verify", str(b1), "--township-db", str(township), db=False).stdout
    assert unknown.startswith("签名密钥：乡镇还没有登记王庄村")
    moved = make_village(tmp_path / "new-pc", code="411725100001", name="李庄村", people=_people(1))
    try:
        other = build_package(moved, tmp_path / "new")
    finally:
        moved.close()
    r = cli("verify", str(other), "--township-db", str(township), db=False)
    assert r.stdout.startswith("签名密钥：与乡镇为李庄村（411725100001）登记的密钥不同")
    assert "--trust-new-key 411725100001=" in r.stdout.splitlines()[0]
    data = json.loads(
        cli("verify", "--json", str(other), "--township-db", str(township), db=False).stdout
    )
    assert data["ok"] and data["key"]["state"] == DIFFERENT and data["key"]["trusted_fingerprint"]
    with open_township(township) as db:
        assert check_key(db, verify_package(b1).manifest).state == UNKNOWN
