"""催缴消息 and 政策宣传 (issue 19): a row per unpaid household with its amount, a group text that
names nobody, the policy's waiting period in words, templates a county edits."""

from __future__ import annotations

import openpyxl
import pytest

from enrollagent.core.payments import record_payment
from enrollagent.errors import EnrollError
from enrollagent.exports import templates
from enrollagent.exports.messages import (
    SHORT,
    group_text,
    household_messages,
    publicity_text,
    write_messages,
    write_publicity,
)
from tests.test_export_slips import A, build, pdf_text


@pytest.fixture
def village(tmp_path):
    db, people = build(tmp_path)
    yield db, people
    db.close()


def test_one_row_per_unpaid_household_with_its_amount(village, tmp_path):
    db, people = village
    path = write_messages(db, tmp_path / "m.xlsx")
    ws = openpyxl.load_workbook(path)["催缴消息"]
    assert "2024年度" in ws["A1"].value
    header = [c.value for c in ws[2]]
    rows = [dict(zip(header, (c.value for c in r), strict=True)) for r in ws.iter_rows(min_row=3)]
    assert [(r["户主"], r["还需缴(元)"], r["未缴人数"]) for r in rows] == [
        ("张大山", 494, 2),
        ("李小红", 380, 1),
    ]
    zhang = rows[0]["消息"]
    assert "494元" in zhang and "12月31日" in zhang and "逾期缴要等3-7个月" in zhang
    assert all(len(r["消息"]) < SHORT and r["字数"] == len(r["消息"]) for r in rows)
    record_payment(db, person_id=people["李小红"], actor=A)
    assert [m.due.head for m in household_messages(db, 2024)] == ["张大山"]


def test_the_group_text_names_nobody(village, tmp_path):
    db, _ = village
    names = [r[0] for r in db.execute("SELECT name FROM person").fetchall()]
    path = write_messages(db, tmp_path / "m.xlsx")
    text = openpyxl.load_workbook(path)["群消息"]["A2"].value
    assert text == group_text(db, 2024)
    assert "应参保5人" in text and "已参保2人" in text and "参保率40.00%" in text
    assert not [n for n in names if n in text]


def test_publicity_says_the_waiting_period_and_the_rewards(village, tmp_path):
    db, _ = village
    text = publicity_text(db, 2024)
    assert "每人380元" in text and "低保对象定额资助 80 元，个人缴300元" in text
    assert "3个月的待遇等待期" in text and "再增加2个月" in text
    assert "连续参保满4年" in text and "2023年12月31日" in text
    pdf = pdf_text(write_publicity(db, tmp_path / "p.pdf"))
    assert "2024年度" in pdf and "第1页共1页" in pdf.replace(" ", "")


def test_a_county_edits_a_template_and_a_broken_one_is_refused(village, tmp_path, monkeypatch):
    db, _ = village
    folder = tmp_path / "resources" / "templates"
    folder.mkdir(parents=True)
    for name in ("group", "publicity"):
        (folder / f"{name}.txt").write_text(templates.template_path(name).read_text("utf-8"))
    monkeypatch.setattr(templates, "resource_dir", lambda: tmp_path / "resources")
    household = folder / "household.txt"
    household.write_text("# 注释不发出\n{户主}户请交{金额}元", encoding="utf-8")
    assert household_messages(db, 2024)[0].text == "张大山户请交494元"
    household.write_text("{户主.__class__}", encoding="utf-8")
    with pytest.raises(EnrollError, match="不认识"):
        household_messages(db, 2024)
    household.write_text("{户主", encoding="utf-8")
    with pytest.raises(EnrollError, match="花括号"):
        household_messages(db, 2024)
    household.unlink()
    with pytest.raises(EnrollError, match="找不到消息模板"):
        household_messages(db, 2024)


def test_cli_messages_json(tmp_path, cli):
    db, _ = build(tmp_path)
    db.close()
    cli.db_path = tmp_path / "village.db"
    out = cli.json("export", "messages", str(tmp_path / "m.xlsx"))
    assert out["households"] == 2 and out["total_due"] == 874
    assert (tmp_path / "m.xlsx").exists()


def test_phones_and_household_numbers_are_text_cells(tmp_path, village):
    """A phone retyped in Excel or WPS must stay text (issue 18: text stays text)."""
    from enrollagent.core.roster import update_household
    from enrollagent.exports.messages import write_messages

    db, _people = village
    for (hid,) in db.execute("SELECT id FROM household").fetchall():
        update_household(db, hid, actor="王明", phone="13800001234")
    ws = openpyxl.load_workbook(write_messages(db, tmp_path / "m.xlsx")).worksheets[0]
    header = [c.value for c in ws[2]]
    for name in ("户号", "电话"):
        col = next(i for i, h in enumerate(header) if h and name in h)
        cells = [row[col] for row in ws.iter_rows(min_row=3) if row[col].value]
        assert cells and all(c.number_format == "@" for c in cells), name
