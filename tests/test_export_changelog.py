"""变更记录.xlsx: the village log as a printable sheet, read back with openpyxl (issue 15)."""

from __future__ import annotations

from openpyxl import load_workbook

from enrollagent.core import history, roster
from enrollagent.exports.changelog import HEADERS, write_change_log
from enrollagent.exports.package import build_package

from .imports_helpers import make_id

A = "王明"


def test_the_sheet_holds_the_log_with_its_title_reasons_and_amendments(db, tmp_path):
    h = roster.add_household_with_head(
        db, actor=A, head_name="张三", head_id_number=make_id(1), hh_no="0001"
    )
    build_package(db, tmp_path)
    roster.update_person(db, h.head_id, actor=A, phone="13912345678", reason="电话写错了")
    roster.update_person(db, h.head_id, actor=A, note="=1+1")  # a formula stays text
    entries = history.village_log(db)
    path = write_change_log(entries, tmp_path / "log.xlsx", village="留庄镇李庄村", year=2024)

    wb = load_workbook(path)
    assert wb.sheetnames == ["变更记录"]
    ws = wb["变更记录"]
    rows = list(ws.iter_rows(values_only=True))
    assert rows[0][0].startswith("留庄镇李庄村 变更记录（当前参保年度 2024年度")
    assert rows[1] == HEADERS
    body = rows[2:]
    assert len(body) == len(entries)
    note, phone = body[0], body[1]  # newest first, as the page shows them
    assert note[HEADERS.index("新值")] == "=1+1"
    assert ws.cell(row=3, column=HEADERS.index("新值") + 1).data_type == "s"
    assert phone[HEADERS.index("项目")] == "联系电话"
    assert phone[HEADERS.index("原因")] == "电话写错了"
    assert phone[HEADERS.index("更正")] == "是" and not note[HEADERS.index("更正")]
    assert phone[HEADERS.index("人员")] == "张三" and phone[HEADERS.index("年度")] == 2024
    assert ws.cell(row=4, column=1).fill.fgColor.rgb.endswith("FFF1C7")
    assert ws.page_setup.orientation == "landscape" and ws.page_setup.fitToWidth == 1
    # Readable in Chinese: a column fits its header at two units a character.
    assert ws.column_dimensions["K"].width >= 6
    assert not list(tmp_path.glob(".log-*.tmp"))  # written under a temp name, then renamed


def test_an_empty_log_still_says_whose_and_which_year(db, tmp_path):
    path = write_change_log([], tmp_path / "empty.xlsx", village="李庄村", year=2025)
    rows = list(load_workbook(path)["变更记录"].iter_rows(values_only=True))
    assert "2025年度" in rows[0][0] and "共 0 条" in rows[0][0]
    assert rows[1:] == [HEADERS]
