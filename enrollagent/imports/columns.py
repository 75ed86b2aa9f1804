"""Column alias tables and finding the header row by keywords (never by position)."""

from __future__ import annotations

import json
import re
import unicodedata
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

from ..errors import EnrollError

# Canonical field → headers seen in real files, best first. Extend, never shrink (docs/domain.md,
# "Reading the files people send"). A county adds its own through `extra_aliases` (the store's
# setting "import_aliases", a JSON object {field: [header, …]}).
ALIASES: dict[str, tuple[str, ...]] = {
    "id": (
        "公民身份号码",
        "身份证号码",
        "身份证号",
        "证件号码",
        "证件号",
        "身份证件号码",
        "身份证件号",
        "缴费人证件号码",
        "参保人身份证号码",
        "参保人身份证号",
        "成员身份证号码",
        "成员身份证号",
        "社会保障号码",
        "公民身份证号码",
        "身份证",
        "证件编号",
        "身份号码",
        "缴费人识别号",
        "纳税人识别号",
        "残疾人证号",
        "残疾证号",
        "残疾人证号码",
        "残疾证号码",
    ),
    "name": (
        "姓名",
        "成员姓名",
        "缴费人姓名",
        "人员姓名",
        "参保人姓名",
        "参保人",
        "被资助人姓名",
        "救助对象姓名",
        "监测对象姓名",
        "残疾人姓名",
        "家庭成员姓名",
        "缴费人名称",
        "名字",
    ),
    "head": ("户主姓名", "户主", "户主名称"),
    "head_id": ("户主身份证号码", "户主身份证号", "户主证件号码", "户主公民身份号码"),
    "group": ("村民小组", "组别", "组", "小组", "所属小组", "村组", "组名"),
    "hh_no": ("户号", "户编号", "家庭编号", "户籍编号"),
    "relation": ("与户主关系", "关系", "与户主的关系", "家庭关系"),
    "phone": ("联系电话", "电话", "手机号码", "手机", "联系方式", "电话号码", "户主电话", "手机号"),
    "birth": ("出生日期", "出生年月", "出生年月日", "生日"),
    "sex": ("性别",),
    "address": ("家庭住址", "住址", "地址", "户籍地址", "居住地址"),
    "category": (
        "人员类别",
        "资助类别",
        "医疗救助身份",
        "特殊人员身份",
        "身份类别",
        "救助身份",
        "监测对象类别",
        "代缴类别",
        "资助参保身份",
        "特殊人员身份类别",
        "人员身份类别",
        "困难类别",
        "困难群众类别",
        "对象类别",
        "救助类别",
        "保障类别",
        "人员身份",
    ),
    "grade": ("残疾等级", "残疾级别", "残疾等次"),
    "risk": ("风险是否消除", "风险是否已消除", "是否消除风险", "风险消除"),
    "year": (
        "缴费年度",
        "参保年度",
        "费款所属期起",
        "费款所属期",
        "所属期起",
        "税款所属期起",
        "费款所属期起止",
        "费款所属期止",
        "所属期止",
        "税款所属期止",
        "所属期",
        "年度",
    ),
    "amount": (
        "实缴金额",
        "实缴金额(元)",
        "缴费金额",
        "个人缴费金额",
        "个人缴费",
        "入库金额",
        "金额",
        "缴费金额(元)",
        "实缴费额",
        "应补(退)费额",
        "应缴费额",
    ),
    "subsidy_amount": ("代缴金额", "资助金额", "其他缴费金额", "资助代缴金额"),
    "subsidy_category": ("代缴类别", "资助类别", "资助参保身份"),
    "total_amount": ("缴费总额", "缴费总金额"),
    "fund_subsidy": ("财政补助金额", "财政补助"),  # per-capita fund subsidy: never a person's money
    "date": (
        "缴款日期",
        "缴费日期",
        "缴费时间",
        "入库日期",
        "开票日期",
        "开票经办日期",
        "个人缴费日期",
        "入国库时间",
        "入库销号经办日期",
        "交易时间",
    ),
    "ticket": (
        "电子税票号码",
        "电子税票号",
        "票证号码",
        "税票号码",
        "票据号",
        "票据号码",
        "税票号",
        "缴款凭证号码",
    ),
    "item": (
        "征收项目",
        "征收品目",
        "征收子目",
        "险种",
        "险种类型",
        "征收项目名称",
        "征收品目名称",
        "征收子目名称",
        "费种",
        "险种名称",
    ),
    "channel": ("缴费渠道", "缴费方式", "缴款方式", "征收方式", "支付方式", "缴费途径"),
    "id_type": ("证件类型", "身份证件类型", "证件种类", "身份证件类型代码"),
    # Some exports mark a refund or a voided ticket in a column instead of a negative amount.
    "refund_flag": ("退费标志", "是否退费", "冲正标志", "是否冲正", "退费标识"),
    "void_flag": ("作废标志", "是否作废", "作废标识"),
    "state": ("类型说明", "缴费状态", "票证状态", "业务类型", "缴费类型", "票据状态"),
    # A last-year roll's history (国办发〔2024〕38号): years before the roll's year. 医保 and 税务
    # word them as 年限, 年数 or 年度数, of 参保 or of 缴费; cumulative years (累计缴费年限) are
    # not continuous and stay out.
    "cover_years": (
        "连续参保年限",
        "连续参保年数",
        "连续缴费年限",
        "连续缴费年数",
        "连续参保年度数",
        "连续参保缴费年限",
        "连续参加居民医保年限",
        "已连续参保年限",
    ),
    "gap_years": (
        "断保年限",
        "断保年数",
        "中断参保年限",
        "中断参保年数",
        "未参保年限",
        "未参保年数",
        "断缴年限",
        "断缴年数",
        "中断缴费年限",
        "断保年度数",
        "未连续参保年限",
    ),
    "repaired_years": (
        "缴费修复年限",
        "修复年限",
        "补缴年限",
        "补缴年数",
        "修复年数",
        "缴费修复年数",
        "参保修复年限",
        "已修复年限",
    ),
    # A township's task table (任务分配表): whose task, and how many. Township words are here too,
    # so that a county's table of townships is found, and refused for what it is.
    "village": (
        "行政村",
        "村名",
        "村名称",
        "村(社区)名称",
        "村(社区)",
        "村居",
        "村庄",
        "村委会",
        "社区",
        "村",
        "乡镇",
        "乡镇名称",
        "镇、街道名称",
        "镇(街道)",
        "乡镇(街道)",
        "单位名称",
        "单位",
        "名称",
    ),
    "task": ("任务数", "参保任务数", "任务人数", "目标任务", "征缴任务", "参保任务", "任务"),
    "code": ("区划代码", "行政区划代码", "代码", "编码"),
}

# Chinese names of the fields, for messages and the GUI's "detected columns".
FIELD_LABELS: dict[str, str] = {
    "id": "身份证号",
    "name": "姓名",
    "head": "户主姓名",
    "head_id": "户主身份证号",
    "group": "村民小组",
    "hh_no": "户号",
    "relation": "与户主关系",
    "phone": "联系电话",
    "birth": "出生日期",
    "sex": "性别",
    "address": "住址",
    "category": "人员类别",
    "grade": "残疾等级",
    "risk": "风险是否消除",
    "year": "缴费年度",
    "amount": "缴费金额",
    "subsidy_amount": "代缴金额",
    "subsidy_category": "代缴类别",
    "total_amount": "缴费总额",
    "fund_subsidy": "财政补助金额",
    "date": "缴费日期",
    "ticket": "电子税票号码",
    "item": "征收项目",
    "channel": "缴费渠道",
    "id_type": "证件类型",
    "refund_flag": "退费标志",
    "void_flag": "作废标志",
    "state": "缴费状态",
    "cover_years": "连续参保年限",
    "gap_years": "断保年限",
    "repaired_years": "缴费修复年限",
    "village": "村名",
    "task": "任务数",
    "code": "区划代码",
}

# The fields each kind of file can carry, and those it cannot do without.
KIND_FIELDS: dict[str, tuple[str, ...]] = {
    "roster": (
        "id",
        "name",
        "head",
        "head_id",
        "group",
        "hh_no",
        "relation",
        "phone",
        "birth",
        "sex",
        "address",
        "category",
        "cover_years",
        "gap_years",
        "repaired_years",
    ),
    "groups": ("id", "name", "head", "head_id", "group", "category", "grade", "risk", "phone"),
    "payments": (
        "id",
        "name",
        "year",
        "amount",
        "subsidy_amount",
        "subsidy_category",
        "total_amount",
        "fund_subsidy",
        "date",
        "ticket",
        "item",
        "channel",
        "id_type",
        "refund_flag",
        "void_flag",
        "state",
    ),
    "tasks": ("village", "task", "code"),
}
# The first field is the one a header must name.
REQUIRED: dict[str, tuple[str, ...]] = {
    "roster": ("id", "name"),
    "groups": ("id",),
    "payments": ("id", "amount"),
    "tasks": ("village", "task"),
}
# How many fields the lower row of a two-row header must name: a task table's lower row may name
# only its task (城乡居民医疗保险 above 应缴人数 and 目标任务), a roster's names several.
_LOWER_ROW_HITS = {"tasks": 1}
# Fields that may come from several columns at once (征收项目 and 征收品目 both say what was paid).
MULTI = frozenset({"item", "category", "year"})
HEADER_SCAN_ROWS = 30

_PUNCT = re.compile(r"[\s*＊:：_\u200b\ufeff]")
_BRACKETED = re.compile(r"\([^)]*\)|\[[^\]]*\]|【[^】]*】")


def fold(text: object) -> str:
    """A header as compared: NFKC (full-width → ASCII), no spaces, stars or colons."""
    return _PUNCT.sub("", unicodedata.normalize("NFKC", "" if text is None else str(text)))


def merged_aliases(extra: Mapping[str, Sequence[str]] | None = None) -> dict[str, tuple[str, ...]]:
    out = dict(ALIASES)
    for key, headers in (extra or {}).items():
        if key in out:
            out[key] = out[key] + tuple(h for h in headers if h not in out[key])
    return out


def aliases_from_setting(text: str) -> dict[str, list[str]]:
    """The store's "import_aliases" setting; a broken one is ignored rather than blocking imports."""
    try:
        data = json.loads(text) if text else {}
    except ValueError:
        return {}
    if not isinstance(data, dict):
        return {}
    return {k: [str(h) for h in v] for k, v in data.items() if isinstance(v, list)}


# A header that merely contains 金额 is not money paid when it names other money: a 民政 list's
# 月保障金额 taken as 缴费金额 would record every 低保 allowance as a payment (append-only).
_OTHER_MONEY = re.compile(r"保障|救助|补助|补贴|工资|收入|养老金|标准|应缴|应收|计划")
_OTHER_MONEY_FIELDS = frozenset({"amount", "subsidy_amount", "total_amount"})


@dataclass(frozen=True)
class _Hit:
    field: str
    level: int  # 3 exact, 2 exact without a bracketed note, 1 the header contains the alias
    rank: int  # position of the alias in its list (lower is better)


def _prepare(table: dict[str, tuple[str, ...]]) -> list[tuple[str, int, str, str]]:
    return [
        (name, rank, fold(a), _BRACKETED.sub("", fold(a)))
        for name, aliases in table.items()
        for rank, a in enumerate(aliases)
    ]


def _match_cell(cell: object, table: list[tuple[str, int, str, str]]) -> _Hit | None:
    if not isinstance(cell, str):
        return None
    header = fold(cell)
    if not header or len(header) > 24:
        return None
    bare = _BRACKETED.sub("", header)
    best: tuple | None = None
    for name, rank, a, a_bare in table:
        if header == a:
            level = 3
        elif bare in (a, a_bare):
            level = 2
        elif (
            len(a) >= 2
            and a in bare
            and (not bare.startswith("户主") or a.startswith("户主"))
            and not (name in _OTHER_MONEY_FIELDS and _OTHER_MONEY.search(bare))
        ):
            level = 1
        else:
            continue
        key = (level, len(a), -rank)
        if best is None or key > best[0]:
            best = (key, _Hit(name, level, rank))
    return best[1] if best else None


@dataclass
class Columns:
    """Where each field is: `index[field]` are 0-based columns, best first."""

    header_row: int  # 1-based, the first header row
    data_start: int  # 0-based index of the first row after the header
    index: dict[str, list[int]] = field(default_factory=dict)
    headers: dict[str, str] = field(default_factory=dict)  # field → header text found

    def first(self, name: str) -> int | None:
        cols = self.index.get(name)
        return cols[0] if cols else None


def _hits(row: list[object], table: list[tuple[str, int, str, str]]) -> dict[int, _Hit]:
    return {i: h for i, c in enumerate(row) if (h := _match_cell(c, table)) is not None}


_DIGITS = re.compile(r"\d{6,}")


def _looks_like_header(row: list[object]) -> bool:
    """Header cells are words: no numbers, no long digit strings (IDs, phones) as in data rows."""
    return all(c is None or isinstance(c, str) and not _DIGITS.search(c) for c in row)


def _words(row: list[object]) -> int:
    """How many different texts a row holds: a title merged across the sheet holds one."""
    return len({str(c).strip() for c in row if c is not None and str(c).strip()})


def _resolve(
    hits: dict[int, _Hit], header_texts: dict[int, str]
) -> tuple[dict[str, list[int]], dict[str, str]]:
    by_field: dict[str, list[tuple[tuple, int]]] = {}
    for col, hit in hits.items():
        by_field.setdefault(hit.field, []).append(((-hit.level, hit.rank, col), col))
    index, headers = {}, {}
    for name, found in by_field.items():
        cols = [col for _key, col in sorted(found)]
        index[name] = cols if name in MULTI else cols[:1]
        headers[name] = "、".join(header_texts[c] for c in index[name])
    return index, headers


def find_columns(
    rows: list[list[object]], kind: str, extra_aliases: Mapping[str, Sequence[str]] | None = None
) -> Columns | None:
    """The header of a sheet: the row (or pair of rows) within the first 30 that names the most
    fields, the kind's first required one (the ID) among them. None when no row names it."""
    aliases = merged_aliases(extra_aliases)
    table = _prepare({k: aliases[k] for k in KIND_FIELDS[kind]})
    scan = rows[:HEADER_SCAN_ROWS]
    row_hits = [_hits(r, table) for r in scan]
    key, lower_hits = REQUIRED[kind][0], _LOWER_ROW_HITS.get(kind, 2)
    best: tuple | None = None
    for r, hits in enumerate(row_hits):
        candidates = [(r, r, hits)]
        # A two-row header: group titles above (some merged down), the detailed names below.
        # A title line above the header ("目标任务" alone) is not its upper half.
        if (
            hits
            and _words(scan[r]) >= 2
            and r + 1 < len(scan)
            and len(row_hits[r + 1]) >= lower_hits
            and _looks_like_header(scan[r + 1])
        ):
            candidates.append((r, r + 1, {**hits, **row_hits[r + 1]}))
        for top, last, merged in candidates:
            fields = {h.field for h in merged.values()}
            if key not in fields:
                continue
            # Of rows naming as many fields, a title line (one text) is not the header.
            score = (len(fields), _words(scan[top]) >= 2, -top, -(last - top))
            if best is None or score > best[0]:
                best = (score, top, last, merged)
    if best is None:
        return None
    _score, top, last, merged = best
    texts = {}
    for col in merged:
        cell = scan[last][col] if col in row_hits[last] else scan[top][col]
        texts[col] = str(cell).strip()
    index, headers = _resolve(merged, texts)
    return Columns(header_row=top + 1, data_start=last + 1, index=index, headers=headers)


def require(
    columns: Columns | None,
    kind: str,
    file_name: str,
    extra_aliases: Mapping[str, Sequence[str]] | None = None,
) -> Columns:
    aliases = merged_aliases(extra_aliases)
    if columns is None:
        raise EnrollError(
            "import_no_header",
            path=file_name,
            field=FIELD_LABELS["id"],
            aliases="、".join(aliases["id"][:8]),
        )
    for name in REQUIRED[kind]:
        if name not in columns.index:
            raise EnrollError(
                "import_missing_column",
                path=file_name,
                row=columns.header_row,
                field=FIELD_LABELS[name],
                aliases="、".join(aliases[name][:8]),
            )
    return columns
