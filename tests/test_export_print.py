"""Issue 18: the exports printed as a clerk prints them. Every xlsx goes through LibreOffice
(`soffice --headless --convert-to pdf`), every PDF is read back with `pdftotext -bbox`: the page
count is what the file's own footer says, every page carries the column header, no text is
under 8 pt, no word runs past the page edge.

`office_pdf` and `check_print` take any xlsx or PDF: the township report can be checked the
same way."""

from __future__ import annotations

import re
import shutil
import subprocess
import xml.etree.ElementTree as ET
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path

import pytest

from enrollagent.core import history, roster
from enrollagent.core.village import set_setting, update_village
from enrollagent.exports import roll
from enrollagent.exports.changelog import HEADERS as CHANGE_HEADERS
from enrollagent.exports.changelog import write_change_log
from enrollagent.exports.checklist import write_checklist
from enrollagent.exports.messages import write_messages, write_publicity
from enrollagent.exports.notice import HEADER as NOTICE_HEADER
from enrollagent.exports.notice import write_notice
from enrollagent.exports.package import build_package
from enrollagent.exports.roll import write_roll
from enrollagent.exports.slips import write_slips
from enrollagent.exports.summary import write_summary

from .test_export_common import export_village
from .township_helpers import add_people, an_id, make_village

SOFFICE = shutil.which("soffice") or shutil.which("libreoffice")
needs_office = pytest.mark.skipif(
    SOFFICE is None,
    reason="LibreOffice (soffice) is not installed; `bash packaging/dev.sh test` installs it "
    "(package libreoffice-calc-nogui) and CI runs this test",
)
# A word's box is at least its type size tall (reportlab's boxes are exactly the size,
# LibreOffice's the font's ascent to descent, 1.3 em in WenQuanYi): no box under 8 pt.
MIN_WORD_HEIGHT = 8
FOOTER = re.compile(r"第\s*(\d+)\s*页\s*共\s*(\d+)\s*页")
ROLL_HEADER = [roll.PRINT_LABELS.get(h, h) for h in roll.PRINTED]
LONG = {  # 20 characters each, the most a name field is expected to hold
    "county": "远" * 19 + "县",
    "township": "大" * 19 + "镇",
    "name": "长" * 19 + "村",
    "agent": "欧阳" * 10,
}


@dataclass(frozen=True)
class Word:
    text: str
    x0: float
    y0: float
    x1: float
    y1: float


@dataclass(frozen=True)
class Page:
    width: float
    height: float
    words: list[Word]

    @property
    def text(self) -> str:
        return " ".join(w.text for w in self.words)


def pdf_pages(pdf: Path) -> list[Page]:
    """The words of each page with their boxes, as `pdftotext -bbox` reads them."""
    html = subprocess.run(
        ["pdftotext", "-bbox", str(pdf), "-"], check=True, capture_output=True
    ).stdout
    root = ET.fromstring(html)
    pages = []
    for page in root.iter("{http://www.w3.org/1999/xhtml}page"):
        words = [
            Word(w.text or "", *(float(w.attrib[k]) for k in ("xMin", "yMin", "xMax", "yMax")))
            for w in page.iter("{http://www.w3.org/1999/xhtml}word")
        ]
        pages.append(Page(float(page.attrib["width"]), float(page.attrib["height"]), words))
    return pages


def office_pdf(xlsx: Path, out: Path) -> Path:
    """`xlsx` printed to PDF by LibreOffice, as a clerk's office client prints it."""
    out.mkdir(parents=True, exist_ok=True)
    profile = out / "lo-profile"  # its own profile: runs in parallel do not share a lock
    subprocess.run(
        [
            str(SOFFICE),
            f"-env:UserInstallation={profile.as_uri()}",
            "--headless",
            "--convert-to",
            "pdf",
            "--outdir",
            str(out),
            str(xlsx),
        ],
        check=True,
        capture_output=True,
        timeout=300,
    )
    pdf = out / (xlsx.stem + ".pdf")
    assert pdf.is_file(), f"LibreOffice made no PDF of {xlsx.name}"
    return pdf


def check_print(pdf: Path, *, header: Sequence[str] = (), numbered: bool = True) -> list[Page]:
    """Every page: numbered 第 x 页 共 n 页 with n the pages there are (unless the paper is cut
    apart, as slips are: `numbered` False), the `header` words on it, its words inside the page
    and none smaller than 8 pt. Returns the pages."""
    pages = pdf_pages(pdf)
    assert pages, pdf.name
    for number, page in enumerate(pages, 1):
        where = f"{pdf.name} p.{number}"
        if numbered:
            assert [m.groups() for m in FOOTER.finditer(page.text)] == [
                (str(number), str(len(pages)))
            ], where
        words = set(page.text.split())
        assert not [h for h in header if h not in words], where
        outside = [
            w.text
            for w in page.words
            if w.x0 < 0 or w.y0 < 0 or w.x1 > page.width or w.y1 > page.height
        ]
        assert not outside, (where, outside)
        small = [
            (w.text, round(w.y1 - w.y0, 1)) for w in page.words if w.y1 - w.y0 < MIN_WORD_HEIGHT
        ]
        assert not small, (where, small[:5])
    return pages


def big_village(folder: Path, persons: int):
    """A village of `persons` in households of four over eight groups; one in three has paid,
    some are flagged, a few have long names."""
    people = []
    for n in range(persons):
        born = (date(1940, 1, 1) + timedelta(days=n * 7)).strftime("%Y%m%d")
        person: dict = {
            "name": f"张{n}" if n % 97 else "阿不都热合曼·买买提" + str(n),
            "id": an_id("411725", n % 1000, born=born),
            "group": f"{n // 130 + 1}组",
            "hh": n // 4,
            "hh_no": f"{n // 4:04d}",
            "relation": ("户主", "配偶", "子", "女")[n % 4],
        }
        if n % 3 == 0:
            person["pay"] = True
        if n % 29 == 0:
            person["flags"] = ["minimum_living", "marginal"]
        people.append(person)
    db = make_village(folder, code="411725100009", name="王庄村", people=people[:1])
    add_people(db, people[1:])
    return db


@pytest.fixture(scope="module")
def thousand(tmp_path_factory):
    db = big_village(tmp_path_factory.mktemp("thousand"), 1000)
    yield db
    db.close()


@needs_office
@pytest.mark.slow
def test_the_roll_of_1000_prints_legibly_on_the_pages_its_footer_counts(thousand, tmp_path):
    path = write_roll(thousand, tmp_path / "花名册.xlsx")
    pages = check_print(office_pdf(path, tmp_path / "pdf"), header=ROLL_HEADER)
    # The signature rows of 1,000 people: about 20 a page, and nothing of the hidden 数据 sheet.
    assert 40 <= len(pages) <= 60
    text = " ".join(p.text for p in pages)
    assert "合计" in text and "共 1000 人" in text
    assert "完整身份证号码" not in text and "村民小组" not in text  # outside the A4 print area
    assert "王庄村" in pages[0].text and "2024年度" in pages[0].text


@needs_office
@pytest.mark.slow
def test_a3_prints_every_column_and_whole_ids_when_the_county_asks(tmp_path):
    db = export_village(tmp_path / "v")
    set_setting(db, roll.PAPER_SETTING, "A3", actor="王明")
    set_setting(db, roll.ID_SETTING, "whole", actor="王明")
    path = write_roll(db, tmp_path / "花名册.xlsx")
    every = [c.label for c in roll.roll_columns([10.0] * len(roll.HEADERS), None, "A3")]
    pages = check_print(office_pdf(path, tmp_path / "pdf"), header=every)
    assert pages[0].width > 1100  # A3 landscape: 1190 pt
    assert an_id("411725", 1) in pages[0].text


@needs_office
@pytest.mark.slow
def test_long_names_stay_on_the_printed_roll_and_change_log(tmp_path):
    db = export_village(tmp_path / "v")
    update_village(db, actor="王明", **LONG)
    roster.update_person(db, 1, actor="王明", name="欧阳" * 10, reason="更正姓名")
    path = write_roll(db, tmp_path / "花名册.xlsx")
    text = " ".join(
        p.text for p in check_print(office_pdf(path, tmp_path / "r"), header=ROLL_HEADER)
    )
    assert "欧阳" * 3 in text and "2024年度" in text
    log = write_change_log(
        history.village_log(db, history.LogFilter()),
        tmp_path / "变更记录.xlsx",
        village=LONG["name"],
        year=2024,
    )
    check_print(office_pdf(log, tmp_path / "log"), header=CHANGE_HEADERS)


@pytest.mark.parametrize("names", [{}, LONG], ids=["short", "20-character"])
def test_reportlab_pdfs_keep_every_word_on_the_page_at_8_pt_or_more(tmp_path, names):
    db = export_village(tmp_path / "v")
    if names:
        update_village(db, actor="王明", **names)
    build_package(db, tmp_path / "pkg")  # then an amendment: the summary lists it on a page
    roster.update_person(db, 2, actor="王明", name="张二二", reason="户口本上的名字")
    summary = write_summary(
        db, tmp_path / "汇总表.pdf", roll_sha256="0" * 64, key_fingerprint="ABCD " * 8
    )
    pages = check_print(summary)
    assert "更正清单" in pages[-1].text and "张二二" in pages[-1].text
    check_print(write_checklist(db, tmp_path / "清单.pdf"))
    check_print(write_notice(db, tmp_path / "公示.pdf"), header=NOTICE_HEADER)


def test_the_stamp_and_signature_boxes_hold_20_character_names(tmp_path):
    """The boxes as the summary draws them (A4 portrait, 15 mm margins): two signature columns
    of 55 mm with 7 mm gaps, then the 56 mm by 36 mm stamp box. Each name's words lie inside
    its own box, whole and in order."""
    db = export_village(tmp_path / "v")
    update_village(db, actor="王明", **LONG)
    path = write_summary(
        db, tmp_path / "汇总表.pdf", roll_sha256="0" * 64, key_fingerprint="ABCD " * 8
    )
    page = check_print(path)[-1]
    mm = 72 / 25.4
    left = 15 * mm
    body = [w for w in page.words if w.y0 > 20 * mm]  # not the page's header band
    agent = [w for w in body if "欧阳" in w.text]
    assert "".join(w.text for w in agent) == "经办人（签字）：" + LONG["agent"]
    assert all(left <= w.x0 and w.x1 <= left + 55 * mm for w in agent)
    director = [w for w in body if "村委会主任" in w.text]
    assert len(director) == 1
    assert left + 62 * mm <= director[0].x0 and director[0].x1 <= left + 117 * mm
    dates = next(w for w in body if w.text == "日期：")  # the signature block's last row
    block = [w for w in body if agent[0].y0 - 12 * mm < w.y0 < dates.y1]
    stamp = [w for w in block if w.x0 >= left + 124 * mm]
    assert "".join(w.text for w in stamp) == LONG["township"] + LONG["name"] + "村民委员会（盖章）"
    assert all(w.x1 <= page.width - left for w in stamp)
    assert stamp[-1].y1 - stamp[0].y0 <= 36 * mm - 6  # inside the box, padding and all


@pytest.mark.parametrize("names", [{}, LONG], ids=["short", "20-character"])
def test_slips_and_the_policy_sheet_keep_every_word_on_the_page(tmp_path, names):
    """A household's slip is cut from its sheet (no page numbers); the policy sheet is one page."""
    db = export_village(tmp_path / "v")
    if names:
        update_village(db, actor="王明", **names)
    slips = check_print(write_slips(db, tmp_path / "告知单.pdf"), numbered=False)
    assert "缴费告知单" in slips[0].text
    assert len(check_print(write_publicity(db, tmp_path / "宣传.pdf"), numbered=False)) == 1


@needs_office
@pytest.mark.slow
def test_the_messages_workbook_prints_inside_its_pages(tmp_path):
    db = export_village(tmp_path / "v")
    update_village(db, actor="王明", **LONG)
    path = write_messages(db, tmp_path / "催缴消息.xlsx")
    check_print(office_pdf(path, tmp_path / "pdf"), numbered=False)
