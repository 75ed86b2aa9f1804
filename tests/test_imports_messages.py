"""Import problems carry a code and parameters; each code words exactly the sentence the importers
wrote before they had codes, and the report still reads as {"row", "reason"} (now with "code" and
"params")."""

from __future__ import annotations

import json

import pytest

from enrollagent.errors import Problem
from enrollagent.imports import messages
from enrollagent.imports.job import ImportReport, RowProblem, Skip

ID_CHECKSUM = Problem("id_checksum", n=18, raw="411725198001010012", suggestion="")
ID_NUMBER_CELL = Problem("id_number_cell", n=18, raw="4.11725E+17", suggestion="")

# code, parameters, the sentence as the importers' f-strings made it
SENTENCES = [
    ("roster_no_name", {}, "没有姓名，未导入"),
    ("roster_no_name_no_id", {}, "没有姓名和身份证号，未导入"),
    ("roster_duplicate", {"first": 5}, "与第5行是同一人（身份证号相同），按一人计"),
    ("roster_head_exists", {}, "该户已有户主，此人与户主关系记为“其他”"),
    ("roster_phone_invalid", {"phone": "12345"}, "电话“12345”格式不对，未登记"),
    (
        "roster_history_unreadable",
        {"field": "断保年限", "value": "两年", "most": 50},
        "断保年限“两年”不是0到50之间的整数年数，此项未导入",
    ),
    (
        "roster_history_repaired",
        {"repaired": 3, "gap": 1},
        "缴费修复年限3年多于断保年限1年，修复年限未导入",
    ),
    (
        "roster_id_kept",
        {"why": ID_CHECKSUM},
        "身份证号校验位不对，请逐位核对；已导入，标为待核实",
    ),
    (
        "roster_notes",
        {
            "notes": [
                Problem("roster_id_kept", why=ID_NUMBER_CELL),
                Problem("roster_head_exists"),
                Problem("roster_phone_invalid", phone="12345"),
            ]
        },
        "身份证号被Excel存成了数字（4.11725E+17），后几位已丢失，需按原件核实；已导入，标为待核实"
        "；该户已有户主，此人与户主关系记为“其他”；电话“12345”格式不对，未登记",
    ),
    ("group_risk_eliminated", {}, "风险已消除，不标记"),
    (
        "group_card_no_grade",
        {},
        "残疾人证号不是20位（身份证号+类别+等级），看不出残疾等级，未标记",
    ),
    ("group_grade_not_severe", {"grade": "三级"}, "残疾等级为“三级”，不是一、二级重度残疾，未标记"),
    ("group_grade_unreadable", {"grade": "甲"}, "残疾等级“甲”看不懂，未标记"),
    ("group_no_grade", {}, "没有填残疾等级，未标记"),
    ("group_category_unknown", {"category": "农村"}, "人员类别“农村”不认识，未标记"),
    ("group_no_category", {}, "没有人员类别，未标记"),
    (
        "group_id_invalid",
        {"name": messages.NO_NAME, "why": ID_CHECKSUM},
        "（无姓名）：身份证号校验位不对，请逐位核对，对不上花名册，未标记",
    ),
    (
        "group_not_in_roster",
        {"name": "张三", "masked_id": "411725********0012"},
        "张三（411725********0012）不在本村花名册上，未标记",
    ),
    (
        "group_name_differs",
        {"name": "张三", "roster_name": "张山"},
        "姓名“张三”与花名册的“张山”不同，按身份证号标记",
    ),
    (
        "pay_not_medical",
        {"items": "企业职工基本养老保险费"},
        "“企业职工基本养老保险费”不是城乡居民医保缴费，未登记",
    ),
    ("pay_no_year", {}, "看不出缴费年度（费款所属期），未登记"),
    (
        "pay_other_year",
        {"year": 2023, "current": 2024},
        "2023年度的缴费，不是本年度（2024年度），未登记",
    ),
    (
        "pay_amount_unreadable",
        {"why": Problem("amount_invalid", value="一百")},
        "金额“一百”不对，应为元，最多两位小数，未登记",
    ),
    ("pay_void", {}, "这张票证已作废，未登记"),
    ("pay_no_amount", {}, "没有缴费金额（或金额为0），未登记"),
    (
        "pay_ticket_number_cell",
        {},
        "票证号码被Excel存成了数字，后几位已丢失，按无票号处理",
    ),
    (
        "pay_ticket_in_file",
        {"ticket": "T001", "earlier": 4},
        "电子税票号码T001与第4行相同，未重复登记",
    ),
    ("pay_ticket_recorded", {"ticket": "T001"}, "电子税票号码T001以前已导入过，未重复登记"),
    (
        "pay_recorded",
        {},
        "这笔缴费（身份证号、年度、金额、日期都相同）以前已导入过，未重复登记",
    ),
    (
        "pay_subsidy_not_in_roster",
        {"name": "张三", "id_number": messages.NO_ID, "amount": 280},
        "张三 （无身份证号）：资助代缴 280 元对不上本村花名册，未登记",
    ),
    (
        "pay_not_in_roster",
        {"name": messages.NO_NAME, "id_number": "411725198001010012", "amount": 380.5},
        "（无姓名） 411725198001010012：缴费 380.5 元对不上本村花名册，已放入待认领",
    ),
    (
        "pay_name_differs",
        {"name": "张三", "roster_name": "张山"},
        "姓名“张三”与花名册的“张山”不同，按身份证号登记",
    ),
]


@pytest.mark.parametrize(("code", "params", "sentence"), SENTENCES, ids=[s[0] for s in SENTENCES])
def test_each_code_words_the_sentence_of_before(code, params, sentence):
    assert Problem(code, **params).text == sentence


def test_every_row_problem_code_has_its_sentence_checked():
    row_codes = {c for c in messages.MESSAGES if c.split("_")[0] in ("roster", "group", "pay")}
    assert row_codes == {code for code, _params, _sentence in SENTENCES}


def test_report_problems_read_as_row_and_reason_with_code_and_params():
    report = ImportReport(kind="payments", file_name="明细.xlsx", header_row=1, columns={})
    report.problem(4, "pay_ticket_recorded", ticket="T001")
    report.prefix = "【十月】"
    report.skip(
        9,
        Skip(
            "skipped", Problem("pay_amount_unreadable", why=Problem("amount_invalid", value="一百"))
        ),
    )
    first, second = report.problems
    assert (first["row"], first["reason"]) == (4, "电子税票号码T001以前已导入过，未重复登记")
    assert isinstance(first, RowProblem) and first.problem == Problem(
        "pay_ticket_recorded", ticket="T001"
    )
    assert second["reason"] == "【十月】金额“一百”不对，应为元，最多两位小数，未登记"
    assert report.counts == {"skipped": 1}
    got = report.to_json()
    assert got["problems"][1] == {
        "row": 9,
        "reason": "【十月】金额“一百”不对，应为元，最多两位小数，未登记",
        "code": "pay_amount_unreadable",
        "params": {"why": {"code": "amount_invalid", "params": {"value": "一百"}}},
    }
    # The import log keeps the report as JSON.
    assert json.loads(json.dumps(got, ensure_ascii=False)) == got
