"""Issue 14: strangers' bytes never crash an importer or `verify` — random csv text and headers,
random bytes, mutated workbooks and mutated signed packages end in an EnrollError or a report."""

from __future__ import annotations

import shutil
from datetime import date

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from enrollagent.errors import EnrollError
from enrollagent.exports.package import build_package, verify_package
from enrollagent.imports import run_import

from .imports_helpers import make_id, write_xlsx
from .test_imports_files import snapshot
from .test_imports_fuzz import HEADERS
from .township_helpers import an_id, make_village

TODAY = date(2023, 10, 1)
KINDS = ("roster", "groups", "payments")
FUZZ = settings(
    max_examples=80,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
text_cell = st.text(max_size=30) | st.sampled_from(
    ["姓名", "身份证号码", make_id(1), "380", "\x00"]
)


def _import(db, kind, path) -> None:
    """An import ends in a report or an EnrollError that names the file; a refusal changes nothing."""
    before = snapshot(db)
    try:
        run_import(db, kind, path, today=TODAY, actor="王明", dry_run=True)
    except EnrollError as e:
        assert e.message
        assert snapshot(db) == before


@FUZZ
@given(
    kind=st.sampled_from(KINDS),
    headers=st.lists(st.sampled_from(sum(HEADERS.values(), [])) | text_cell, max_size=8),
    rows=st.lists(st.lists(text_cell, max_size=8), max_size=6),
    delimiter=st.sampled_from(",\t;|"),
)
def test_random_csv_text_and_headers(db, tmp_path, kind, headers, rows, delimiter):
    text = "\r\n".join(delimiter.join(r) for r in [headers, *rows])
    path = tmp_path / "f.csv"
    path.write_bytes(text.encode("utf-8", "surrogatepass"))
    _import(db, kind, path)


@FUZZ
@given(
    kind=st.sampled_from(KINDS),
    head=st.sampled_from([b"", b"PK\x03\x04", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", b"\xff\xfe"]),
    body=st.binary(max_size=2000),
)
def test_random_bytes(db, tmp_path, kind, head, body):
    path = tmp_path / "f.xlsx"
    path.write_bytes(head + body)
    _import(db, kind, path)


@pytest.fixture(scope="module")
def workbook(tmp_path_factory):
    path = tmp_path_factory.mktemp("wb") / "roll.xlsx"
    return write_xlsx(path, [["姓名", "身份证号码", "实缴金额"], ["张三", make_id(1), 380]])


@FUZZ
@given(kind=st.sampled_from(KINDS), at=st.integers(0, 10**6), byte=st.integers(0, 255))
def test_mutated_workbook(db, tmp_path, workbook, kind, at, byte):
    data = bytearray(workbook.read_bytes())
    data[at % len(data)] = byte
    path = tmp_path / "m.xlsx"
    path.write_bytes(bytes(data))
    _import(db, kind, path)


@pytest.fixture(scope="module")
def package(tmp_path_factory):
    folder = tmp_path_factory.mktemp("pkg")
    people = [{"name": "张三", "id": an_id("411725", 1), "group": "一组", "hh": "a", "pay": True}]
    db = make_village(folder / "v", code="411725100001", name="李庄村", people=people)
    try:
        return build_package(db, folder / "out")
    finally:
        db.close()


def _verified(path) -> None:
    result = verify_package(path)
    assert result.ok or (result.code and result.reason)


@FUZZ
@given(body=st.binary(max_size=3000))
def test_verify_random_bytes(tmp_path, body):
    path = tmp_path / "p.zip"
    path.write_bytes(b"PK\x03\x04" + body)
    _verified(path)


@FUZZ
@given(
    changes=st.lists(st.tuples(st.integers(0, 10**6), st.integers(0, 255)), min_size=1, max_size=4),
    cut=st.none() | st.integers(0, 10**6),
)
def test_verify_mutated_package(tmp_path, package, changes, cut):
    path = tmp_path / "p.zip"
    shutil.copyfile(package, path)
    data = bytearray(path.read_bytes())
    for at, byte in changes:
        data[at % len(data)] = byte
    if cut is not None:
        data = data[: cut % len(data)]
    path.write_bytes(bytes(data))
    result = verify_package(path)
    # A changed byte outside the signed content (a header's version field) may still verify.
    assert not result.ok or result.members == verify_package(package).members
    assert result.ok or (result.code and result.reason)


def _central_version(data: bytes, version: int) -> bytes:
    """The zip with its first central-directory entry claiming a zip version zipfile refuses."""
    out = bytearray(data)
    at = out.find(b"PK\x01\x02")
    out[at + 6] = version
    return bytes(out)


@pytest.mark.parametrize("kind", KINDS)
def test_a_workbook_claiming_an_unknown_zip_version_is_refused_in_words(
    db, tmp_path, workbook, kind
):
    """Found by the fuzz above: zipfile raises NotImplementedError from its constructor."""
    path = tmp_path / "v.xlsx"
    path.write_bytes(_central_version(workbook.read_bytes(), 200))
    _import(db, kind, path)


def test_a_package_claiming_an_unknown_zip_version_is_refused_in_words(tmp_path, package):
    path = tmp_path / "v.zip"
    path.write_bytes(_central_version(package.read_bytes(), 200))
    result = verify_package(path)
    assert not result.ok and result.reason
