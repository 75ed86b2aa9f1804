"""The roll sheet read back with openpyxl: text IDs and phones, no formulas, totals = the figures."""

from __future__ import annotations

import zipfile

import openpyxl
import pytest

from enrollagent.core.figures import compute_figures
from enrollagent.core.progress import Cancelled, Progress
from enrollagent.exports import roll as rollmod
from enrollagent.exports.roll import DATA_SHEET, HEADERS, ROLL_SHEET, write_roll

from .test_export_common import PEOPLE, export_village

COL = {h: i for i, h in enumerate(HEADERS)}


@pytest.fixture
def village(tmp_path):
    db = export_village(tmp_path / "v")
    yield db
    db.close()


@pytest.fixture
def book(village, tmp_path):
    path = write_roll(village, tmp_path / "花名册.xlsx")
    wb = openpyxl.load_workbook(path)
    yield path, wb
    wb.close()


SHEET = [
    "序号",
    "姓名",
    "身份证号码",
    "与户主关系",
    "人员类别",
    "个人应缴",
    "已缴金额",
    "签字",
    "村民小组",
    "户号",
    "户主姓名",
    "性别",
    "出生日期",
    "完整身份证号码",
    "联系电话",
    "参保状态",
    "缴费日期",
    "缴费渠道",
    "票据号",
    "备注",
]


def test_roll_sheet_layout(book):
    _, wb = book
    assert wb.sheetnames == [ROLL_SHEET, DATA_SHEET]
    ws = wb[ROLL_SHEET]
    assert "李庄村" in ws["A1"].value and "2024年度" in ws["A1"].value
    # Issue 18: the signature columns first, they alone print on A4; the rest is kept beside.
    assert [c.value for c in ws[2]] == SHEET
    assert ws.print_area == f"'{ROLL_SHEET}'!$A$1:$H${len(PEOPLE) + 3}"
    assert "A1:H1" in ws.merged_cells  # the title wraps within the printed width
    assert ws.freeze_panes == "A3"
    assert ws.auto_filter.ref == f"A2:T{len(PEOPLE) + 2}"
    assert ws.print_title_rows == "$1:$2"
    assert ws.page_setup.orientation == "landscape" and int(ws.page_setup.paperSize) == 9  # A4
    assert "第 &P 页 共 &N 页" in ws.oddFooter.center.text
    assert wb[DATA_SHEET].sheet_state == "hidden"  # for machines: never printed
    widths = {
        h: ws.column_dimensions[openpyxl.utils.get_column_letter(i + 1)].width
        for i, h in enumerate(SHEET)
    }
    for name in ("身份证号码", "完整身份证号码", "联系电话", "户号", "票据号"):
        letter = openpyxl.utils.get_column_letter(SHEET.index(name) + 1)
        assert ws.column_dimensions[letter].number_format == "@"
    assert widths["身份证号码"] >= 20 and widths["村民小组"] >= 10 and widths["人员类别"] >= 14
    assert sum(widths[h] for h in SHEET[:8]) <= 108  # fits A4 at 11 pt, see roll.PRINTED


def test_printed_ids_are_masked_or_whole_as_the_setting_says_on_a4_or_a3(village, tmp_path):
    from enrollagent.core.village import set_setting

    def sheet():
        wb = openpyxl.load_workbook(write_roll(village, tmp_path / "r.xlsx"))
        return wb[ROLL_SHEET]

    ws = sheet()
    zhang = next(r for r in ws.iter_rows(min_row=3, values_only=True) if r[1] == "张一")
    assert zhang[2] == PEOPLE[0]["id"][:6] + "********" + PEOPLE[0]["id"][-4:]
    assert zhang[SHEET.index("完整身份证号码")] == PEOPLE[0]["id"]
    assert [r[2] for r in ws.iter_rows(min_row=3, values_only=True) if r[1] == "待核"] == ["待核实"]
    set_setting(village, rollmod.ID_SETTING, "whole", actor="王明")
    set_setting(village, rollmod.PAPER_SETTING, "A3", actor="王明")
    ws = sheet()
    assert "完整身份证号码" not in [c.value for c in ws[2]]
    zhang = next(r for r in ws.iter_rows(min_row=3, values_only=True) if r[1] == "张一")
    assert zhang[2] == PEOPLE[0]["id"]
    assert int(ws.page_setup.paperSize) == 8  # A3: every column prints
    assert ws.print_area == f"'{ROLL_SHEET}'!$A$1:$S${len(PEOPLE) + 3}"


def test_ids_and_phones_are_text_and_nothing_is_a_formula(book):
    path, wb = book
    for ws in wb:
        for row in ws.iter_rows():
            for cell in row:
                assert cell.data_type != "f", (ws.title, cell.coordinate, cell.value)
    with zipfile.ZipFile(path) as zf:
        for name in zf.namelist():
            if name.startswith("xl/worksheets/"):
                assert b"<f>" not in zf.read(name) and b"<f " not in zf.read(name)
    rows = list(wb[DATA_SHEET].iter_rows(min_row=2, values_only=True))
    by_name = {r[COL["姓名"]]: r for r in rows}
    for r in rows:
        assert isinstance(r[COL["身份证号码"]], str)
    assert by_name["张一"][COL["身份证号码"]] == PEOPLE[0]["id"]
    assert by_name["待核"][COL["身份证号码"]] == "4.11725E+17"
    assert by_name["张一"][COL["联系电话"]] == "13912345678"
    assert by_name["李四"][COL["联系电话"]] == "0374-7120085"
    assert by_name["=李五"][COL["姓名"]] == "=李五" and by_name["@王六"][COL["姓名"]] == "@王六"
    assert by_name["赵八"][COL["备注"]] == "=SUM(A1:A9)"


def test_formula_like_text_is_quote_prefixed_so_editing_keeps_it_text(book):
    _, wb = book
    ws = wb[DATA_SHEET]
    cells = [
        c
        for row in ws.iter_rows(min_row=2)
        for c in row
        if isinstance(c.value, str) and c.value[:1] in "=@"
    ]
    assert len(cells) == 5 and all(c.quotePrefix and c.data_type == "s" for c in cells)


def test_data_sheet_is_one_header_and_the_same_rows(book):
    _, wb = book
    data = list(wb[DATA_SHEET].iter_rows(values_only=True))
    assert list(data[0]) == list(HEADERS)
    assert len(data) == 1 + len(PEOPLE)
    shown = list(wb[ROLL_SHEET].iter_rows(min_row=3, max_row=2 + len(PEOPLE), values_only=True))
    for sheet_row, data_row in zip(shown, data[1:], strict=True):
        by_header = dict(zip(SHEET, sheet_row, strict=True))
        assert by_header["签字"] is None
        by_header["身份证号码"] = by_header.pop("完整身份证号码")
        by_header["缴费金额"] = by_header.pop("已缴金额")
        assert tuple(by_header[h] for h in HEADERS) == data_row
    assert [r[COL["序号"]] for r in data[1:]] == list(range(1, len(PEOPLE) + 1))
    assert [r[COL["村民小组"]] for r in data[1:]] == ["一组"] * 3 + ["二组"] * 3 + ["十一组"] * 3


def test_every_id_phone_household_and_ticket_cell_is_in_the_text_format(book):
    """Issue 18: a value retyped in Excel or WPS stays text."""
    _, wb = book
    for ws, names in (
        (wb[ROLL_SHEET], ("身份证号码", "完整身份证号码", "联系电话", "户号", "票据号")),
        (wb[DATA_SHEET], ("身份证号码", "联系电话", "户号", "票据号")),
    ):
        header = [c.value for c in ws[2 if ws.title == ROLL_SHEET else 1]]
        cells = [
            row[header.index(n)]
            for row in ws.iter_rows(min_row=3 if ws.title == ROLL_SHEET else 2, max_row=10)
            for n in names
        ]
        filled = [c for c in cells if c.value]
        assert len(filled) >= 20 and all(c.number_format == "@" for c in filled), ws.title


def test_row_values_follow_the_person_state(book):
    _, wb = book
    by_name = {r[COL["姓名"]]: r for r in wb[DATA_SHEET].iter_rows(min_row=2, values_only=True)}
    zhang2 = by_name["张二"]
    assert zhang2[COL["户主姓名"]] == "张一" and zhang2[COL["与户主关系"]] == "配偶"
    assert zhang2[COL["人员类别"]] == "低保对象" and zhang2[COL["个人应缴"]] == 300
    assert zhang2[COL["参保状态"]] == "未缴费" and zhang2[COL["缴费金额"]] is None
    zhang1 = by_name["张一"]
    assert zhang1[COL["参保状态"]] == "已缴费" and zhang1[COL["缴费金额"]] == 380
    assert zhang1[COL["缴费日期"]] == "2023-10-01" and zhang1[COL["缴费渠道"]] == "微信"
    assert by_name["张三"][COL["参保状态"]] == "全额资助" and by_name["张三"][COL["个人应缴"]] == 0
    assert (
        by_name["=李五"][COL["参保状态"]] == "职工医保"
        and by_name["=李五"][COL["个人应缴"]] is None
    )
    assert "待核实" in by_name["待核"][COL["备注"]]


def test_totals_line_equals_the_figures(village, book):
    _, wb = book
    ws = wb[ROLL_SHEET]
    totals = dict(zip(SHEET, [c.value for c in ws[3 + len(PEOPLE)]], strict=True))
    f = compute_figures(village)
    t = f.total
    assert totals["序号"] == "合计"
    assert totals["姓名"] == f"共 {t.persons} 人"
    assert totals["参保状态"] == f"已参保 {t.enrolled} 人"
    assert totals["已缴金额"] == f.to_json()["collected"]
    assert totals["备注"] == f"应参保 {t.eligible} 人，未缴 {t.unpaid} 人"
    assert ws.max_row == 3 + len(PEOPLE)


def test_a_failing_write_leaves_no_file(village, tmp_path, monkeypatch):
    from openpyxl.writer.excel import ExcelWriter

    def broken_save(self):
        self._archive.writestr("half", b"half")
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(ExcelWriter, "save", broken_save)
    with pytest.raises(OSError):
        write_roll(village, tmp_path / "花名册.xlsx")
    assert list(tmp_path.glob("*.xlsx*")) == []


def test_cancel_leaves_no_file(village, tmp_path, monkeypatch):
    monkeypatch.setattr(rollmod, "PROGRESS_EVERY", 2)
    progress = Progress(lambda done, total, msg: progress.cancel() if done >= 4 else None)
    with pytest.raises(Cancelled):
        write_roll(village, tmp_path / "花名册.xlsx", progress=progress)
    assert list(tmp_path.iterdir()) == [tmp_path / "v"]


def test_an_undone_payment_leaves_no_trace_on_the_roll_but_a_refund_does(village, tmp_path):
    from datetime import date

    from enrollagent.core import payments, roster

    zhao = roster.find_person(village, PEOPLE[8]["id"]).id
    payments.record_payment(
        village, person_id=zhao, actor="王明", paid_on=date(2023, 11, 2), channel="支付宝"
    )
    payments.undo_last_payment(village, actor="王明")
    wang = roster.find_person(village, PEOPLE[6]["id"]).id
    payments.record_refund(
        village, person_id=wang, amount_fen=8000, actor="王明", paid_on=date(2023, 11, 3)
    )
    zhang = roster.find_person(village, PEOPLE[0]["id"]).id
    payments.record_refund(
        village, person_id=zhang, amount_fen=38000, actor="王明", paid_on=date(2023, 11, 4)
    )
    payments.undo_last_payment(village, actor="王明")  # the refund is undone: 张一 has paid again
    wb = openpyxl.load_workbook(write_roll(village, tmp_path / "r.xlsx"), read_only=True)
    by_name = {r[COL["姓名"]]: r for r in wb[DATA_SHEET].iter_rows(min_row=2, values_only=True)}
    wb.close()
    zhao_row, wang_row = by_name["赵八"], by_name["@王六"]
    assert zhao_row[COL["缴费金额"]] is None and zhao_row[COL["缴费日期"]] is None
    assert zhao_row[COL["参保状态"]] == "未缴费"
    assert wang_row[COL["缴费金额"]] == 300 and wang_row[COL["缴费日期"]] == "2023-10-01"
    zhang_row = by_name["张一"]
    assert zhang_row[COL["缴费金额"]] == 380 and zhang_row[COL["缴费日期"]] == "2023-10-01"
    assert zhang_row[COL["缴费渠道"]] == "微信" and zhang_row[COL["参保状态"]] == "已缴费"
