"""Amendments travel in the next package (issue 15, item 2): data.json lists them, the manifest
counts them, the summary says 本次更正 N 条 and lists them on a page of its own, verify shows
the count; a new payment is progress, not an amendment."""

from __future__ import annotations

import json
import subprocess
import zipfile
from pathlib import Path

import pytest

from enrollagent.core import payments, roster
from enrollagent.exports.package import DATA, MANIFEST, SUMMARY, build_package, verify_package

from .test_export_pdfs import pages, squeeze
from .test_township import A_PEOPLE
from .township_helpers import flip_byte, make_village, rewrite_member

A = "王明"


@pytest.fixture
def village(tmp_path):
    db = make_village(tmp_path / "a", code="411725100001", name="李庄村", people=A_PEOPLE)
    yield db
    db.close()


def person(db, name: str) -> int:
    return db.execute("SELECT id FROM person WHERE name = ?", [name]).fetchone()[0]


def amend(db) -> None:
    """After a package: one payment (progress), a phone and a refund of a reported payment."""
    payments.record_payment(db, person_id=person(db, "张二"), actor=A)
    roster.update_person(db, person(db, "张四"), actor=A, phone="13912345678", reason="电话写错了")
    payments.record_refund(
        db, person_id=person(db, "张一"), amount_fen=38000, actor=A, reason="已在外地参保"
    )


def cells(pdf: Path, page: int) -> str:
    """A page's text cell by cell (pdftotext without -layout keeps a wrapped cell together)."""
    return squeeze(
        subprocess.run(
            ["pdftotext", "-f", str(page), "-l", str(page), str(pdf), "-"],
            check=True,
            capture_output=True,
            text=True,
            encoding="utf-8",
        ).stdout
    )


def members(pkg: Path) -> tuple[dict, dict, Path]:
    with zipfile.ZipFile(pkg) as zf:
        manifest = json.loads(zf.read(MANIFEST))
        data = json.loads(zf.read(DATA))
        pdf = pkg.with_suffix(".pdf")
        pdf.write_bytes(zf.read(SUMMARY))
    return manifest, data, pdf


def test_the_first_package_lists_none_and_says_nothing_of_them(village, tmp_path):
    manifest, data, pdf = members(build_package(village, tmp_path / "out"))
    assert manifest["amendments"] == 0 and data["amendments"] == []
    text = squeeze("".join(pages(pdf)))
    assert "本次更正" not in text and "更正清单" not in text


def test_the_next_package_lists_a_phone_and_a_refund_not_the_new_payment(village, tmp_path):
    build_package(village, tmp_path / "out")
    amend(village)
    pkg = build_package(village, tmp_path / "out")
    manifest, data, pdf = members(pkg)
    assert manifest["amendments"] == 2
    phone, refund = data["amendments"]
    assert (phone["person"], phone["field_label"], phone["old"], phone["new"]) == (
        "张四",
        "联系电话",
        "",
        "13912345678",
    )
    assert (phone["who"], phone["why"], phone["year"]) == (A, "电话写错了", 2024)
    assert phone["id_number"] == A_PEOPLE[4]["id"] and phone["when"].startswith("20")
    assert (refund["person"], refund["field_label"], refund["old"]) == (
        "张一",
        "缴费",
        "实缴 380 元",
    )
    assert refund["new"].startswith("实缴 0 元（退费 380 元") and refund["why"] == "已在外地参保"
    assert "张二" not in {a["person"] for a in data["amendments"]}

    got = pages(pdf)
    assert "本次更正2条" in squeeze(got[0])
    listing = cells(pdf, len(got))
    assert "2024年度更正清单" in listing and "本次更正2条" in listing
    for words in ("姓名", "身份证号", "更正项目", "原值", "新值", "时间", "操作人", "原因"):
        assert words in listing
    for words in ("张四", A_PEOPLE[4]["id"], "联系电话", "13912345678", "电话写错了"):
        assert words in listing
    assert "张一" in listing and "实缴380元" in listing and "已在外地参保" in listing
    assert "一、总体情况" not in listing and "经办人" not in listing  # a page of its own
    assert "本次更正" not in squeeze("".join(got[1:-1]))

    assert verify_package(pkg).to_json()["amendments"] == 2


def test_a_package_after_one_without_changes_says_none(village, tmp_path):
    build_package(village, tmp_path / "out")
    amend(village)
    build_package(village, tmp_path / "out")
    manifest, data, pdf = members(build_package(village, tmp_path / "out"))
    assert manifest["amendments"] == 0 and data["amendments"] == []
    got = pages(pdf)
    assert "本次更正0条" in squeeze(got[0]) and "更正清单" not in squeeze("".join(got))


def test_a_tampered_list_is_refused_by_verify(village, tmp_path):
    build_package(village, tmp_path / "out")
    amend(village)
    pkg = build_package(village, tmp_path / "out")
    rewrite_member(pkg, DATA, lambda b: b.replace("电话写错了".encode(), "没错".encode()))
    result = verify_package(pkg)
    assert not result.ok and result.code == "package_hash_mismatch"


def test_cli_export_and_verify_show_the_count(village, tmp_path, cli):
    build_package(village, tmp_path / "out")
    amend(village)
    cli.db_path = tmp_path / "a" / "village.db"
    out = cli.json("export", "package", str(tmp_path / "out"))
    assert out["amendments"] == 2
    assert cli.json("verify", out["path"])["amendments"] == 2
    assert "更正 2 条" in cli("verify", out["path"]).stdout
    text = cli("export", "package", str(tmp_path / "out")).stdout
    assert "更正" not in text  # nothing changed since the last package


def test_a_flipped_signature_of_a_package_with_amendments_is_refused(village, tmp_path, cli):
    build_package(village, tmp_path / "out")
    amend(village)
    pkg = build_package(village, tmp_path / "out")
    rewrite_member(pkg, "manifest.sig", lambda b: flip_byte(b, 3))
    r = cli("verify", str(pkg), db=False, check=False)
    assert r.returncode == 1 and "签名不对" in r.stderr and len(r.stderr.strip().splitlines()) == 1
