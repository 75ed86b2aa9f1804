"""Every message code and its Chinese sentence, in one table: errors (EnrollError) and the problems
a check reports without stopping (Problem). Feature packages register their codes here at import
time; the CLI prints the sentence, the GUI translates the same source text. Below the store: this
module imports nothing of the package."""

from __future__ import annotations


# Qt-free code marks strings for translation with this no-op; the GUI translates at display time.
def QT_TRANSLATE_NOOP(context: str, text: str) -> str:
    return text


MESSAGES: dict[str, str] = {
    # ID numbers
    "id_empty": QT_TRANSLATE_NOOP("errors", "身份证号为空"),
    "id_length": QT_TRANSLATE_NOOP("errors", "身份证号位数不对：应为18位（或15位旧号），现为{n}位"),
    "id_chars": QT_TRANSLATE_NOOP("errors", "身份证号含有非法字符：前17位应为数字，末位为数字或X"),
    "id_region": QT_TRANSLATE_NOOP("errors", "身份证号前两位不是有效的省级行政区划代码"),
    "id_date": QT_TRANSLATE_NOOP("errors", "身份证号中的出生日期不存在"),
    "id_future": QT_TRANSLATE_NOOP("errors", "身份证号中的出生日期晚于今天"),
    "id_checksum": QT_TRANSLATE_NOOP("errors", "身份证号校验位不对，请逐位核对"),
    "id_missing_check": QT_TRANSLATE_NOOP(
        "errors", "身份证号只有17位，缺少最后一位校验码（按前17位计算应为 {suggestion}）"
    ),
    "id_number_cell": QT_TRANSLATE_NOOP(
        "errors", "身份证号被Excel存成了数字（{raw}），后几位已丢失，需按原件核实"
    ),
    "id_duplicate": QT_TRANSLATE_NOOP("errors", "身份证号 {id} 已登记：{name}（{household}）"),
    # village and policy
    "already_initialized": QT_TRANSLATE_NOOP(
        "errors", "本数据库已初始化为 {village}，不能再次初始化"
    ),
    "not_initialized": QT_TRANSLATE_NOOP(
        "errors", "数据库还没有初始化村信息，请先运行 enrollagent init"
    ),
    "policy_unknown": QT_TRANSLATE_NOOP("errors", "没有名为“{name}”的政策预设，可用：{known}"),
    "policy_file_missing": QT_TRANSLATE_NOOP("errors", "找不到政策文件：{path}"),
    "policy_invalid": QT_TRANSLATE_NOOP("errors", "政策文件有误：{detail}"),
    # what is wrong in a policy file: the {detail} of policy_invalid, named by its `problem` code
    "policy_json": QT_TRANSLATE_NOOP("errors", "不是合法的JSON（第{line}行第{column}列）"),
    "policy_unreadable": QT_TRANSLATE_NOOP("errors", "无法读取 {path}：{reason}"),
    "policy_not_object": QT_TRANSLATE_NOOP("errors", "顶层应为一个对象 {{…}}"),
    "policy_field_missing": QT_TRANSLATE_NOOP("errors", "缺少{field}"),
    "policy_name": QT_TRANSLATE_NOOP("errors", "{field}不能为空"),
    "policy_year": QT_TRANSLATE_NOOP("errors", "{field}应为2000到2100之间的年份，现为“{value}”"),
    "policy_amount_type": QT_TRANSLATE_NOOP("errors", "{field}应为数字（元）"),
    "policy_amount_size": QT_TRANSLATE_NOOP("errors", "{field}不是合理的金额"),
    "policy_amount_negative": QT_TRANSLATE_NOOP("errors", "{field}不能为负数"),
    "policy_amount_decimals": QT_TRANSLATE_NOOP("errors", "{field}最多两位小数"),
    "policy_standard_zero": QT_TRANSLATE_NOOP("errors", "{field}应大于0"),
    "policy_date": QT_TRANSLATE_NOOP("errors", "{field}应为日期，如 2026-09-01，现为“{value}”"),
    "policy_window": QT_TRANSLATE_NOOP("errors", "{field}应有开始日和截止日"),
    "policy_window_order": QT_TRANSLATE_NOOP("errors", "{field}早于征缴期开始日"),
    "policy_days_of_month": QT_TRANSLATE_NOOP("errors", "{field}应为起日和止日，如 1 日至 25 日"),
    "policy_subsidies": QT_TRANSLATE_NOOP(
        "errors", '{field}应为对象，如 {{"extreme_poverty": {{"kind": "full"}}}}'
    ),
    "policy_category": QT_TRANSLATE_NOOP("errors", "资助类别 {category} 不认识，可用：{known}"),
    "policy_subsidy_kind": QT_TRANSLATE_NOOP(
        "errors", "{field}应为全额、定额、比例、无或待定（full、fixed、percent、none、pending）"
    ),
    "policy_subsidy_amount": QT_TRANSLATE_NOOP("errors", "{field}选了定额，请填写金额（元）"),
    "policy_subsidy_percent": QT_TRANSLATE_NOOP(
        "errors", "{field}按比例，比例应为0到100之间的百分数"
    ),
    "policy_subsidy_pending": QT_TRANSLATE_NOOP(
        "errors", "{field}还是待定，请定下来：全额、定额（元）、按比例（%）或无资助"
    ),
    "policy_count_as_enrolled": QT_TRANSLATE_NOOP("errors", "{field}只能包含 {known}"),
    "policy_long_term": QT_TRANSLATE_NOOP("errors", "{field}应为对象"),
    "policy_whole_number": QT_TRANSLATE_NOOP("errors", "{field}应为0到{most}之间的整数"),
    "policy_exempt_categories": QT_TRANSLATE_NOOP("errors", "{field}只能包含 {known}"),
    "policy_window_late": QT_TRANSLATE_NOOP(
        "errors", "征缴期应在{year}年度结束前截止，最晚 {latest}"
    ),
    "policy_window_early": QT_TRANSLATE_NOOP(
        "errors", "征缴期开始得太早：{year}年度的征缴最早在 {earliest}（参保年度前约15个月）开始"
    ),
    "policy_name_year": QT_TRANSLATE_NOOP(
        "errors", "政策名称里写着 {other}，与参保年度 {year} 不一致：年度单独填写，名称里不必写年度"
    ),
    "policy_incomplete": QT_TRANSLATE_NOOP("errors", "政策还不能使用：{detail}"),
    "year_exists": QT_TRANSLATE_NOOP("errors", "{year}年度已经开始过了，不能再开始一次"),
    "year_not_after": QT_TRANSLATE_NOOP(
        "errors", "新年度应在当前的{current}年度之后，{year}年度不行"
    ),
    "year_policy_mismatch": QT_TRANSLATE_NOOP(
        "errors", "政策是{policy_year}年度的，与要开始的{year}年度不一致"
    ),
    "history_years": QT_TRANSLATE_NOOP("errors", "参保年限应为0到{most}之间的整数，现为“{value}”"),
    "history_repaired": QT_TRANSLATE_NOOP(
        "errors", "缴费修复的年数（{repaired}）不能多于断保年数（{gap}）"
    ),
    "year_unknown": QT_TRANSLATE_NOOP("errors", "没有 {year} 年度的政策，请先设置该年度政策"),
    "village_code": QT_TRANSLATE_NOOP("errors", "村的区划代码应为12位数字，现为“{code}”"),
    "field_required": QT_TRANSLATE_NOOP("errors", "“{field}”不能为空"),
    # households and persons
    "household_unknown": QT_TRANSLATE_NOOP("errors", "找不到户：{key}"),
    "household_ambiguous": QT_TRANSLATE_NOOP("errors", "“{key}”对应多户，请用户号或户主身份证号"),
    "person_unknown": QT_TRANSLATE_NOOP("errors", "找不到此人：{key}"),
    "person_ambiguous": QT_TRANSLATE_NOOP(
        "errors", "号码“{key}”对应多人：{who}，请用 #编号 指明是哪一位"
    ),
    "person_not_in_year": QT_TRANSLATE_NOOP("errors", "{year} 年度的花名册里没有此人（#{key}）"),
    "birth_from_id": QT_TRANSLATE_NOOP(
        "errors", "身份证号有效时出生日期由身份证号决定（{born}），不能另填；号码错了请改身份证号"
    ),
    "relation_unknown": QT_TRANSLATE_NOOP("errors", "与户主关系“{value}”不在列表中：{known}"),
    "head_exists": QT_TRANSLATE_NOOP("errors", "该户已有户主 {name}，请先更换户主"),
    "coverage_unknown": QT_TRANSLATE_NOOP("errors", "参保类型“{value}”不在列表中：{known}"),
    "reason_unknown": QT_TRANSLATE_NOOP("errors", "未缴原因“{value}”不在列表中：{known}"),
    "category_unknown": QT_TRANSLATE_NOOP("errors", "人员类别“{value}”不在列表中：{known}"),
    "phone_invalid": QT_TRANSLATE_NOOP(
        "errors", "电话号码“{value}”不对：手机应为1开头的11位，座机如0374-7120085"
    ),
    "date_invalid": QT_TRANSLATE_NOOP("errors", "日期“{value}”不对，应写成 2023-10-01"),
    # payments
    "amount_invalid": QT_TRANSLATE_NOOP("errors", "金额“{value}”不对，应为元，最多两位小数"),
    "amount_not_positive": QT_TRANSLATE_NOOP("errors", "金额应大于0"),
    "channel_unknown": QT_TRANSLATE_NOOP("errors", "缴费渠道“{value}”不在列表中：{known}"),
    "ticket_duplicate": QT_TRANSLATE_NOOP("errors", "票据号 {ticket} 已经登记过，不能重复登记"),
    "refund_too_much": QT_TRANSLATE_NOOP("errors", "退费 {amount} 元超过此人本年度已缴的 {net} 元"),
    "nothing_payable": QT_TRANSLATE_NOOP("errors", "{name} 本年度无需个人缴费（{state}）"),
    "unmatched_unknown": QT_TRANSLATE_NOOP("errors", "待认领缴费记录 {key} 不存在或已认领"),
    "nothing_to_undo": QT_TRANSLATE_NOOP("errors", "没有可以撤销的缴费记录"),
    "undo_refunded": QT_TRANSLATE_NOOP(
        "errors", "{name} 的这笔缴费之后已有退费，不能再撤销；如需更正请登记退费或缴费"
    ),
    "amount_too_large": QT_TRANSLATE_NOOP(
        "errors", "金额“{value}”太大（最多 {most} 元），请检查是否多打了数字"
    ),
    "task_invalid": QT_TRANSLATE_NOOP("errors", "任务数“{value}”不对：应为 1 到 {most} 之间的整数"),
    "key_unreadable": QT_TRANSLATE_NOOP(
        "errors",
        "签名密钥文件 {path} 无法读取（{detail}）；请从备份恢复，或删掉它后重新生成并告知乡镇",
    ),
    # database
    "db_newer": QT_TRANSLATE_NOOP(
        "errors",
        "数据库 {path} 由更新版本的程序写入（版本 {found}，本程序只认到 {known}），请升级程序",
    ),
    "db_foreign": QT_TRANSLATE_NOOP(
        "errors",
        "{path} 不是本程序这一类的数据库（可能是别的程序的文件，或村、乡镇的数据库用反了），未做任何改动",
    ),
    "db_unreadable": QT_TRANSLATE_NOOP("errors", "无法打开数据库 {path}：{detail}"),
    "db_damaged": QT_TRANSLATE_NOOP(
        "errors",
        "无法打开数据库 {path}：文件已损坏或不完整（{detail}），未做任何改动；"
        "最近一份完好的备份是 {backup}，可从它恢复",
    ),
    "db_damaged_no_backup": QT_TRANSLATE_NOOP(
        "errors",
        "无法打开数据库 {path}：文件已损坏或不完整（{detail}），未做任何改动；没有找到完好的备份",
    ),
}


def message_text(code: str, params: dict[str, object]) -> str:
    """The sentence of a code with its parameters filled in (the code itself if unknown)."""
    template = MESSAGES.get(code, code)
    try:
        return template.format(**params)
    except (KeyError, IndexError):
        return template


def register_messages(messages: dict[str, str]) -> None:
    """Feature packages (imports, exports, township, …) add their own codes at import time."""
    clash = {k for k in messages if k in MESSAGES and MESSAGES[k] != messages[k]}
    if clash:
        raise ValueError(f"message codes defined twice: {sorted(clash)}")
    MESSAGES.update(messages)


class EnrollError(Exception):
    """A user's mistake or an unmet precondition; carries a stable code and its parameters."""

    # `code` is positional-only: some messages take a parameter named code ({code} of a village).
    def __init__(self, code: str, /, **params: object) -> None:
        self.code = code
        self.params = params
        super().__init__(self.message)

    @property
    def message(self) -> str:
        return message_text(self.code, self.params)


class Problem:
    """A problem found in a row or a field that does not stop the work (an import row skipped, a
    policy field refused): a code and its parameters, worded through the one table."""

    __slots__ = ("code", "params")

    def __init__(self, code: str, /, **params: object) -> None:
        self.code = code
        self.params = params

    @property
    def text(self) -> str:
        """The sentence. A parameter may itself be a Problem (the ID's or the amount's problem
        inside a row's sentence), worded first, or a list of them (notes), joined by ；."""
        params = self.params
        for value in params.values():
            if isinstance(value, (Problem, list)):
                params = {k: _worded(v) for k, v in params.items()}
                break
        return message_text(self.code, params)

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Problem) and (self.code, self.params) == (other.code, other.params)

    def __repr__(self) -> str:
        return f"Problem({self.code!r}, {self.params!r})"


def _worded(value: object) -> object:
    if isinstance(value, Problem):
        return value.text
    if isinstance(value, list):
        return "；".join(v.text if isinstance(v, Problem) else str(v) for v in value)
    return value


def id_problem_text(
    problem: str, *, raw: str = "", normalized: str = "", suggestion: str = ""
) -> str:
    """The Chinese sentence for an ID check's problem code."""
    return EnrollError(problem, n=len(normalized), raw=raw, suggestion=suggestion or "").message
