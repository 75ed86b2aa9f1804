"""The checklist's household boxes, read back with pdftotext: a box per household, tick boxes
and column labels on each (drawn once as PDF forms), and a household taller than a page."""

from __future__ import annotations

from enrollagent.exports.checklist import TICKS, write_checklist

from .test_export_common import export_village
from .test_export_pdfs import pages, squeeze
from .township_helpers import add_people, an_id


def test_every_row_has_its_tick_boxes_and_every_household_its_column_labels(tmp_path):
    db = export_village(tmp_path / "v")
    try:
        text = "".join(pages(write_checklist(db, tmp_path / "c.pdf")))
    finally:
        db.close()
    households = text.count("户主：")
    rows = text.count(TICKS[0])
    assert households >= 2 and rows >= households
    assert text.count("核实结果") == households
    assert text.count("情况记录") == households
    for label in TICKS:
        assert text.count(label) == rows


def test_a_household_taller_than_a_page_comes_in_parts_not_as_a_crash(tmp_path):
    # issue 16: one box per household could not be laid out once a 集体户 passed ~27 unpaid people
    db = export_village(tmp_path / "v")
    try:
        names = [f"集体户{i:02d}" for i in range(45)]
        add_people(
            db,
            [
                {"name": n, "id": an_id("411725", 500 + i), "group": "二组", "hh": "big"}
                for i, n in enumerate(names)
            ],
        )
        got = pages(write_checklist(db, tmp_path / "c.pdf"))
    finally:
        db.close()
    text = squeeze("".join(got))
    assert all(text.count(n) == 1 for n in names[1:])  # each member listed once
    assert text.count("户主：集体户00") == 2 and "（续）" in text  # the head heads each part
    first, second = (i for i, p in enumerate(got) if "户主：集体户00" in squeeze(p))
    assert second == first + 1
