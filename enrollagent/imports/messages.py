"""Codes of the imports package and their Chinese sentences (registered with the core): the errors
that stop an import, and the problems of single rows that an import reports and goes on."""

from __future__ import annotations

from ..errors import QT_TRANSLATE_NOOP, register_messages

MESSAGES: dict[str, str] = {
    "import_file_missing": QT_TRANSLATE_NOOP("errors", "找不到文件：{path}"),
    "import_not_spreadsheet": QT_TRANSLATE_NOOP(
        "errors", "{path} 不是能读的表格文件（支持 .xlsx、.xls、.csv）：{detail}"
    ),
    "import_password": QT_TRANSLATE_NOOP(
        "errors", "{path} 设置了打开密码，请先在Excel/WPS里去掉密码再导入"
    ),
    "import_empty": QT_TRANSLATE_NOOP("errors", "{path} 是空的：没有任何数据"),
    "import_no_header": QT_TRANSLATE_NOOP(
        "errors", "{path} 里找不到“{field}”列（认得的列名：{aliases}）"
    ),
    "import_missing_column": QT_TRANSLATE_NOOP(
        "errors", "{path} 的表头（第{row}行）里没有“{field}”列（认得的列名：{aliases}）"
    ),
    "import_no_category": QT_TRANSLATE_NOOP(
        "errors",
        "{path} 里没有“人员类别”或“残疾等级”列，请用 --category 指定这份名单的人员类别（{known}）",
    ),
    "import_sheet_too_big": QT_TRANSLATE_NOOP(
        "errors",
        "{path} 的工作表“{sheet}”太大（到第{rows}行、第{cols}列），不像村里的名单"
        "（最多{max_rows}行），未导入：请只留下要导入的数据再试",
    ),
    "import_unpacks_too_big": QT_TRANSLATE_NOOP(
        "errors",
        "{path} 解压后太大（{member}超过{limit} MB），不像正常的表格文件，未导入",
    ),
    "import_field_too_long": QT_TRANSLATE_NOOP(
        "errors", "{path} 第{row}行有一个格子的内容太长（超过{limit}个字），不像正常的表格，未导入"
    ),
    "import_kind_unknown": QT_TRANSLATE_NOOP(
        "errors", "不认识的导入类型“{kind}”，应为 roster、groups 或 payments"
    ),
    # Problems of single rows. {why} is the problem of the row's ID or amount, worded in.
    # Roll sheets (花名册)
    "roster_no_name": QT_TRANSLATE_NOOP("errors", "没有姓名，未导入"),
    "roster_no_name_no_id": QT_TRANSLATE_NOOP("errors", "没有姓名和身份证号，未导入"),
    "roster_duplicate": QT_TRANSLATE_NOOP(
        "errors", "与第{first}行是同一人（身份证号相同），按一人计"
    ),
    "roster_notes": QT_TRANSLATE_NOOP("errors", "{notes}"),  # the notes below, joined by ；
    "roster_id_kept": QT_TRANSLATE_NOOP("errors", "{why}；已导入，标为待核实"),
    "roster_head_exists": QT_TRANSLATE_NOOP("errors", "该户已有户主，此人与户主关系记为“其他”"),
    "name_cleaned": QT_TRANSLATE_NOOP("errors", "姓名里有看不见的控制字符，已去掉，请核对姓名"),
    "name_cut": QT_TRANSLATE_NOOP("errors", "姓名超过{limit}个字，只保留了前{limit}个字，请核对"),
    "roster_phone_invalid": QT_TRANSLATE_NOOP("errors", "电话“{phone}”格式不对，未登记"),
    "roster_history_unreadable": QT_TRANSLATE_NOOP(
        "errors", "{field}“{value}”不是0到{most}之间的整数年数，此项未导入"
    ),
    "roster_history_repaired": QT_TRANSLATE_NOOP(
        "errors", "缴费修复年限{repaired}年多于断保年限{gap}年，修复年限未导入"
    ),
    # Department lists of special groups
    "group_risk_eliminated": QT_TRANSLATE_NOOP("errors", "风险已消除，不标记"),
    "group_card_no_grade": QT_TRANSLATE_NOOP(
        "errors", "残疾人证号不是20位（身份证号+类别+等级），看不出残疾等级，未标记"
    ),
    "group_grade_not_severe": QT_TRANSLATE_NOOP(
        "errors", "残疾等级为“{grade}”，不是一、二级重度残疾，未标记"
    ),
    "group_grade_unreadable": QT_TRANSLATE_NOOP("errors", "残疾等级“{grade}”看不懂，未标记"),
    "group_no_grade": QT_TRANSLATE_NOOP("errors", "没有填残疾等级，未标记"),
    "group_category_unknown": QT_TRANSLATE_NOOP("errors", "人员类别“{category}”不认识，未标记"),
    "group_no_category": QT_TRANSLATE_NOOP("errors", "没有人员类别，未标记"),
    "group_id_invalid": QT_TRANSLATE_NOOP("errors", "{name}：{why}，对不上花名册，未标记"),
    "group_not_in_roster": QT_TRANSLATE_NOOP(
        "errors", "{name}（{masked_id}）不在本村花名册上，未标记"
    ),
    "group_name_differs": QT_TRANSLATE_NOOP(
        "errors", "姓名“{name}”与花名册的“{roster_name}”不同，按身份证号标记"
    ),
    # Tax payment details (征缴明细)
    "pay_not_medical": QT_TRANSLATE_NOOP("errors", "“{items}”不是城乡居民医保缴费，未登记"),
    "pay_no_year": QT_TRANSLATE_NOOP("errors", "看不出缴费年度（费款所属期），未登记"),
    "pay_other_year": QT_TRANSLATE_NOOP(
        "errors", "{year}年度的缴费，不是本年度（{current}年度），未登记"
    ),
    "pay_amount_unreadable": QT_TRANSLATE_NOOP("errors", "{why}，未登记"),
    "pay_void": QT_TRANSLATE_NOOP("errors", "这张票证已作废，未登记"),
    "pay_no_amount": QT_TRANSLATE_NOOP("errors", "没有缴费金额（或金额为0），未登记"),
    "pay_ticket_number_cell": QT_TRANSLATE_NOOP(
        "errors", "票证号码被Excel存成了数字，后几位已丢失，按无票号处理"
    ),
    "pay_ticket_in_file": QT_TRANSLATE_NOOP(
        "errors", "电子税票号码{ticket}与第{earlier}行相同，未重复登记"
    ),
    "pay_ticket_recorded": QT_TRANSLATE_NOOP(
        "errors", "电子税票号码{ticket}以前已导入过，未重复登记"
    ),
    "pay_recorded": QT_TRANSLATE_NOOP(
        "errors", "这笔缴费（身份证号、年度、金额、日期都相同）以前已导入过，未重复登记"
    ),
    "pay_subsidy_not_in_roster": QT_TRANSLATE_NOOP(
        "errors", "{name} {id_number}：资助代缴 {amount} 元对不上本村花名册，未登记"
    ),
    "pay_not_in_roster": QT_TRANSLATE_NOOP(
        "errors", "{name} {id_number}：缴费 {amount} 元对不上本村花名册，已放入待认领"
    ),
    "pay_name_differs": QT_TRANSLATE_NOOP(
        "errors", "姓名“{name}”与花名册的“{roster_name}”不同，按身份证号登记"
    ),
}

# Placeholders where a row leaves a name or an ID number empty.
NO_NAME = QT_TRANSLATE_NOOP("errors", "（无姓名）")
NO_ID = QT_TRANSLATE_NOOP("errors", "（无身份证号）")

register_messages(MESSAGES)
