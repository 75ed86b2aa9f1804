"""Issue 14: a package member that lies about its size is read in bounded chunks by `verify` and
`township add`: refused quickly, in bounded memory, nothing received."""

from __future__ import annotations

import resource
import time

import pytest

from enrollagent.exports.package import DATA, MANIFEST, build_package, verify_package
from enrollagent.township.intake import add_packages
from enrollagent.township.store import open_township

from .hostile_helpers import lying_package, shift_directory
from .township_helpers import an_id, make_village

MEMORY_LIMIT = 512 * 1024 * 1024
PEOPLE = [{"name": "张三", "id": an_id("411725", 1), "group": "一组", "hh": "a", "pay": True}]


@pytest.fixture
def pkg(tmp_path):
    db = make_village(tmp_path / "v", code="411725100001", name="李庄村", people=PEOPLE)
    try:
        yield build_package(db, tmp_path / "out")
    finally:
        db.close()


@pytest.mark.parametrize("member", [DATA, MANIFEST])
def test_lying_member_is_refused_quickly(pkg, member):
    lying_package(pkg, member)
    started = time.monotonic()
    result = verify_package(pkg)
    assert time.monotonic() - started < 5
    assert not result.ok and result.code == "package_member_corrupt"
    assert member in result.reason


def test_township_add_refuses_a_lying_member(pkg, tmp_path):
    lying_package(pkg, DATA)
    town = open_township(tmp_path / "township.db")
    result = add_packages(town, [pkg])
    assert not result.received and [p for p, _why in result.refused] == [pkg]
    assert DATA in result.refused[0][1]
    assert town.execute("SELECT COUNT(*) FROM package").fetchone() == (0,)


def test_a_package_whose_members_lie_before_the_file_is_refused(pkg, tmp_path):
    """A damaged end record: reading a member seeks before the start of the file (OSError)."""
    shift_directory(pkg)
    result = verify_package(pkg)
    assert not result.ok and result.code == "package_member_corrupt" and result.reason
    town = open_township(tmp_path / "township.db")
    assert [p for p, _why in add_packages(town, [pkg]).refused] == [pkg]


def _limit_memory() -> None:
    resource.setrlimit(resource.RLIMIT_AS, (MEMORY_LIMIT, MEMORY_LIMIT))


def test_verify_of_a_lying_member_in_a_child_with_512_mb(pkg, cli):
    lying_package(pkg, DATA, extra=1024 * 1024 * 1024)
    started = time.monotonic()
    result = cli("verify", str(pkg), db=False, check=False, preexec_fn=_limit_memory)
    assert result.returncode == 1, result.stderr[-2000:]
    assert len(result.stderr.strip().splitlines()) == 1 and DATA in result.stderr
    assert time.monotonic() - started < 20
