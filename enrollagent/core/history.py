"""What changed, when, by whom and why, read back from the audit log (and the payments, each its
own record, m008): a person's history, the village's change log, and the amendments a package
reports.

A package reports the rows of its coverage year as they stood at its change. A later change of
something it reported is an **amendment**: a reported person's details (name, ID, phone,
relation, household), their coverage, a group flag, a reported payment undone or refunded, the
year's policy or task. A new payment for someone reported unpaid is progress; a change to someone
no package has reported is neither. Details that belong to no year (a phone) amend the year in
force when they were changed."""

from __future__ import annotations

import heapq
import json
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, replace
from datetime import date

import sqlite_utils

from .clock import local_time
from .money import yuan_text
from .people import household_label
from .policy import policy_from_text
from .policy_text import describe_policy
from .reported import Package, Packages, last_package_change
from .vocab import CATEGORY_BY_CODE, COVERAGE_KINDS

NO_REASON = "未说明原因"

# The kinds of change the village log filters by.
KINDS: dict[str, str] = {
    "roster": "人员和户",
    "cover": "参保和未缴",
    "flag": "特殊人群",
    "payment": "缴费",
    "year": "年度和政策",
    "export": "导出",
}
_KIND_OF_TABLE = {
    "person": "roster",
    "household": "roster",
    "person_year": "cover",
    "special_flag": "flag",
    "payment": "payment",
    "unmatched_payment": "payment",
    "coverage_year": "year",
    "village": "year",
    "export_log": "export",
}

FIELD_LABELS: dict[tuple[str, str], str] = {
    ("person", "*"): "登记",
    ("person", "name"): "姓名",
    ("person", "id_number"): "身份证号",
    ("person", "phone"): "联系电话",
    ("person", "relation"): "与户主关系",
    ("person", "household_id"): "所在户",
    ("person", "birth_date"): "出生日期",
    ("person", "note"): "备注",
    ("household", "*"): "新建户",
    ("household", "hh_no"): "户号",
    ("household", "group_name"): "村民小组",
    ("household", "address"): "住址",
    ("household", "phone"): "户联系电话",
    ("person_year", "*"): "列入年度名单",
    ("person_year", "coverage"): "参保情况",
    ("person_year", "coverage_note"): "参保说明",
    ("person_year", "unpaid_reason"): "未缴原因",
    ("person_year", "unpaid_note"): "未缴说明",
    ("person_year", "to_confirm"): "参保情况确认",
    ("person_year", "prior_cover_years"): "连续参保年限",
    ("person_year", "prior_gap_years"): "断保年限",
    ("person_year", "repaired_years"): "缴费修复年限",
    ("special_flag", "*"): "特殊人群",
    ("payment", "*"): "缴费",
    ("unmatched_payment", "*"): "待认领缴费",
    ("coverage_year", "*"): "开始参保年度",
    ("coverage_year", "task"): "任务数",
    ("village", "*"): "建立本村",
    ("village", "code"): "村代码",
    ("village", "name"): "村名",
    ("village", "township"): "乡镇",
    ("village", "county"): "县（区）",
    ("village", "agent"): "代办员",
    ("village", "agent_phone"): "代办员电话",
    ("village", "current_year"): "当前参保年度",
    ("export_log", "*"): "导出",
}

# What a package reports: a change of these, once reported, is an amendment.
_AMENDING = {
    "person": {"name", "id_number", "phone", "relation", "household_id", "birth_date"},
    "household": {"hh_no", "group_name", "address", "phone"},
    "person_year": {"coverage", "coverage_note"},
}

OP_LABELS: dict[str, str] = {
    "init_village": "建立本村",
    "add_household": "新建户",
    "add_person": "登记人员",
    "update_person": "修改人员信息",
    "person_set": "修改人员信息",
    "move_person": "迁户",
    "set_head": "更换户主",
    "update_household": "修改户信息",
    "set_coverage": "参保情况",
    "set_history": "参保年限",
    "set_unpaid_reason": "未缴原因",
    "flag_person": "标记特殊人群",
    "unflag_person": "取消特殊人群",
    "record_payment": "登记缴费",
    "record_household": "全户缴费",
    "record_refund": "退费",
    "undo_last_payment": "撤销",
    "add_unmatched": "待认领缴费",
    "assign_unmatched": "认领缴费",
    "set_policy": "修改政策",
    "set_task": "修改任务数",
    "update_village": "修改村信息",
    "start_year": "开始新年度",
    "confirm_cover": "确认参保情况",
    "import_roster": "导入花名册",
    "import_groups": "导入特殊人群名单",
    "import_payments": "导入缴费记录",
    "export_package": "导出上报包",
    "export_roll": "导出花名册",
    "demo_roster": "示例数据",
    "demo_decorate": "示例数据",
}
_EXPORT_KINDS = {"package": "上报包", "roll": "花名册"}

# Reasons the program wrote itself in earlier versions: not the agent's why.
_SYSTEM_REASONS = frozenset({"manual", "init"})

# A change with more audit rows than this (an import, a new year) is one line of the village log.
BULK_ROWS = 20


@dataclass(frozen=True)
class Entry:
    """One thing that changed, in words."""

    audit_id: int  # the audit row; minus the id of a payment (its own record); 0 for a bulk line
    change_id: int
    at: str  # UTC, ISO 8601
    actor: str
    op: str
    reason: str
    kind: str  # a key of KINDS
    year: int | None  # the coverage year it belongs to, None for details of no year
    person_id: int | None
    household_id: int | None
    subject: str  # whom it is about: a person's name, a household, '' for the village
    id_number: str
    field: str  # stable key: "phone", "coverage", "category", "payment", "policy.standard" …
    label: str
    old: str
    new: str
    amendment: bool = False

    @property
    def when(self) -> str:
        """Local time to the minute."""
        return local_time(self.at)

    @property
    def why(self) -> str:
        return self.reason or (NO_REASON if self.amendment else "")

    @property
    def what(self) -> str:
        """The operation in words."""
        return OP_LABELS.get(self.op, self.op)

    def to_json(self) -> dict:
        return {
            "change": self.change_id,
            "at": self.at,
            "who": self.actor,
            "why": self.why,
            "what": self.what,
            "kind": self.kind,
            "year": self.year,
            "person": self.subject,
            "id_number": self.id_number,
            "field": self.field,
            "field_label": self.label,
            "old": self.old,
            "new": self.new,
            "amendment": self.amendment,
        }


@dataclass(frozen=True)
class _Row:
    id: int
    change_id: int
    at: str
    actor: str
    table: str
    row_id: int | None
    year: int | None
    field: str
    old: str | None
    new: str | None
    reason: str
    op: str
    values: dict | None = None  # a payment's fields, read from its own row


def _values(row: _Row) -> dict:
    """The fields of an inserted or deleted row."""
    if row.values is not None:
        return row.values
    return _json(row.new if row.old is None else row.old) if row.field == "*" else {}


_ROW_SQL = (
    "SELECT a.id, COALESCE(a.change_id, 0), a.at, a.actor, a.table_name, a.row_id, a.year,"
    " a.field, a.old, a.new, a.reason, COALESCE(c.op, '') FROM audit_log a"
    " LEFT JOIN change_log c ON c.id = a.change_id"
)
# Derived from the ID number (sex, validity) or kept for the program (settings, a ticket moved
# from the inbox to its payment): not history a person reads.
_HIDDEN = {
    ("person", "sex"),
    ("person", "id_valid"),
    ("person", "id_problem"),
    ("person", "uuid"),
    ("unmatched_payment", "ticket_no"),
    ("unmatched_payment", "assigned_payment_id"),
    ("unmatched_payment", "assigned_at"),
}
# Settings are not history; payments are read from their own rows (_payments), not from the
# audit rows stores kept of them before m008.
_SKIPPED_TABLES = ("setting", "payment")


def _rows(
    db: sqlite_utils.Database, where: str = "", params: Iterable[object] = ()
) -> Iterator[_Row]:
    sql = f"{_ROW_SQL} {('WHERE ' + where) if where else ''} ORDER BY a.id"
    for r in db.execute(sql, list(params)):
        row = _Row(*r)
        if row.table in _SKIPPED_TABLES or (row.table, row.field) in _HIDDEN:
            continue
        yield row


# A payment names its change (m008); one from before the change log (no change) keeps its time,
# actor and reason on its first audit row (an insert was then one row per field).
_PAYMENT_FIELDS = ("person_id", "year", "amount_fen", "reverses_id", "paid_on", "channel")
_PAYMENT_SQL = (
    "SELECT p.id, COALESCE(p.change_id, 0), COALESCE(c.at, a.at, p.recorded_at),"
    " COALESCE(c.actor, a.actor, ''), COALESCE(c.reason, a.reason, ''), COALESCE(c.op, ''), "
    + ", ".join(f"p.{f}" for f in _PAYMENT_FIELDS)
    + " FROM payment p LEFT JOIN change_log c ON c.id = p.change_id"
    " LEFT JOIN audit_log a ON p.change_id IS NULL AND a.id = ("
    "SELECT MIN(id) FROM audit_log WHERE table_name = 'payment' AND row_id = p.id)"
)


def _payments(
    db: sqlite_utils.Database, where: str = "", params: Iterable[object] = ()
) -> Iterator[_Row]:
    """Payments as the rows of history they are: each one added, oldest first."""
    sql = f"{_PAYMENT_SQL} {('WHERE ' + where) if where else ''} ORDER BY 2, p.id"
    for pay_id, change, at, actor, reason, op, *fields in db.execute(sql, list(params)):
        values = {"id": pay_id, **dict(zip(_PAYMENT_FIELDS, fields, strict=True))}
        year = values["year"]
        yield _Row(
            -pay_id, change, at, actor, "payment", pay_id, year, "*", None, "", reason, op, values
        )


def _in_order(*rows: Iterable[_Row]) -> Iterator[_Row]:
    """Audit rows and payments merged in the order they were written: by change, then time
    (rows from before the change log have none); a change's payments after its audit rows."""
    return heapq.merge(*rows, key=lambda r: (r.change_id, r.at))


def _json(text: str | None) -> dict:
    if not text:
        return {}
    try:
        value = json.loads(text)
    except json.JSONDecodeError:
        return {}
    return value if isinstance(value, dict) else {}


class _Reader:
    """Turns audit rows into entries: names, labels, values in words, amendments."""

    def __init__(self, db: sqlite_utils.Database) -> None:
        self.db = db
        self.packages = Packages(db)
        self._people: dict[int, tuple[str, str, int]] = {}
        self._households: dict[int, str] = {}

    def person(self, person_id: int | None) -> tuple[str, str, int | None]:
        if person_id is None:
            return "", "", None
        if person_id not in self._people:
            row = self.db.execute(
                "SELECT name, id_number, household_id FROM person WHERE id = ?", [person_id]
            ).fetchone()
            self._people[person_id] = row or (f"#{person_id}", "", 0)
        name, id_number, household_id = self._people[person_id]
        return name, id_number, household_id or None

    def household(self, household_id: int | None) -> str:
        if not household_id:
            return ""
        if household_id not in self._households:
            self._households[household_id] = household_label(self.db, household_id)
        return self._households[household_id]

    # --- amendments ---------------------------------------------------------------------
    def year_of(self, row: _Row, values: dict) -> int | None:
        if row.table == "coverage_year":
            return row.row_id
        if row.table in ("person_year", "special_flag"):
            return row.year
        if row.table in ("payment", "unmatched_payment"):
            year = values.get("year")
            return int(year) if isinstance(year, int) else None
        if row.table in ("person", "household"):
            return self.packages.year_at(row.change_id)
        return None

    def amends(self, row: _Row, year: int | None, values: dict) -> bool:
        if not self.packages.any or year is None:
            return False
        package = self.packages.before(year, row.change_id)
        if package is None:
            return False
        table, field = row.table, row.field
        if table == "coverage_year":
            return field in ("policy_json", "task")
        if table == "household":
            return field in _AMENDING["household"] and bool(
                self.packages.members(row.row_id or 0) & self.packages.persons(package)
            )
        if table == "payment":
            return self._payment_amends(values, year, package)
        if row.row_id not in self.packages.persons(package):
            return False
        if table == "special_flag":
            return True
        return field in _AMENDING.get(table, ())

    def _payment_amends(self, values: dict, year: int, package: Package) -> bool:
        """Undoing or refunding a reported payment amends; a new payment is progress."""
        reverses = values.get("reverses_id")
        if isinstance(reverses, int):
            return reverses <= package.last_payment_id
        amount = values.get("amount_fen")
        person_id = values.get("person_id")
        if not isinstance(amount, int) or amount >= 0 or not isinstance(person_id, int):
            return False
        return self.packages.net_before(person_id, year, package.last_payment_id + 1) > 0

    # --- entries ------------------------------------------------------------------------
    def entries(self, row: _Row) -> list[Entry]:
        values = _values(row)
        year = self.year_of(row, values)
        person_id, household_id, subject, id_number = self._subject(row, values)
        base = Entry(
            audit_id=row.id,
            change_id=row.change_id,
            at=row.at,
            actor=row.actor,
            op=row.op,
            reason="" if row.reason in _SYSTEM_REASONS else row.reason,
            kind=_KIND_OF_TABLE.get(row.table, "year"),
            year=year,
            person_id=person_id,
            household_id=household_id,
            subject=subject,
            id_number=id_number,
            field=row.field,
            label=FIELD_LABELS.get((row.table, row.field), row.field),
            old="",
            new="",
            amendment=self.amends(row, year, values),
        )
        if row.table == "coverage_year" and row.field == "policy_json":
            return self._policy_entries(base, row)
        if row.table == "person_year" and row.field == "*" and year is not None:
            base = replace(base, label=f"列入{year}年度名单")
        old, new, field = self._words(row, values, person_id, year)
        return [replace(base, old=old, new=new, field=field or base.field)]

    def _subject(self, row: _Row, values: dict) -> tuple[int | None, int | None, str, str]:
        if row.table in ("person", "person_year", "special_flag"):
            name, id_number, household_id = self.person(row.row_id)
            return row.row_id, household_id, name, id_number
        if row.table == "payment":
            pid = values.get("person_id")
            pid = pid if isinstance(pid, int) else None
            name, id_number, household_id = self.person(pid)
            return pid, household_id, name, id_number
        if row.table == "household":
            return None, row.row_id, self.household(row.row_id), ""
        if row.table == "unmatched_payment":
            return None, None, str(values.get("name") or ""), str(values.get("id_number") or "")
        return None, None, "", ""

    def _words(
        self, row: _Row, values: dict, person_id: int | None, year: int | None
    ) -> tuple[str, str, str]:
        """(old, new, field key) in words."""
        table, field = row.table, row.field
        if field != "*":
            return _value(self, table, field, row.old), _value(self, table, field, row.new), ""
        gone = row.new is None
        if table == "special_flag":
            label = _category(values.get("category"))
            return (label, "", "category") if gone else ("", label, "category")
        if table == "payment" and person_id is not None and year is not None:
            return self._payment_words(values, person_id, year)
        text = _inserted(self, table, values, row.row_id)
        return (text, "", "") if gone else ("", text, "")

    def _payment_words(self, values: dict, person_id: int, year: int) -> tuple[str, str, str]:
        amount = int(values.get("amount_fen") or 0)
        payment_id = int(values.get("id") or 0)
        before = self.packages.net_before(person_id, year, payment_id)
        if values.get("reverses_id") is not None:
            what = "撤销退费" if amount > 0 else "撤销缴费"
            detail = f"{what} {yuan_text(abs(amount))} 元"
        elif amount < 0:
            detail = f"退费 {yuan_text(-amount)} 元"
        else:
            detail = f"缴费 {yuan_text(amount)} 元"
        how = "，".join(str(p) for p in (values.get("paid_on"), values.get("channel")) if p)
        new = f"实缴 {yuan_text(before + amount)} 元（{detail}{'，' + how if how else ''}）"
        return f"实缴 {yuan_text(before)} 元", new, "payment"

    def _policy_entries(self, base: Entry, row: _Row) -> list[Entry]:
        """A changed policy is one entry per item that reads differently."""
        try:
            old = {i.key: i for i in describe_policy(policy_from_text(row.old or ""))}
            new = {i.key: i for i in describe_policy(policy_from_text(row.new or ""))}
        except Exception:  # noqa: BLE001 - a policy text an older version wrote; shown as it is
            return [replace(base, field="policy", label="执行政策", old="（已修改）", new="")]
        out = []
        for key in [*old, *(k for k in new if k not in old)]:
            before, after = old.get(key), new.get(key)
            if (before and before.text) == (after and after.text):
                continue
            label = (after or before).label  # type: ignore[union-attr]
            out.append(
                replace(
                    base,
                    audit_id=base.audit_id,
                    field=f"policy.{key}",
                    label=label,
                    old=before.text if before else "",
                    new=after.text if after else "",
                )
            )
        return out


def _category(code: object) -> str:
    category = CATEGORY_BY_CODE.get(str(code))
    return category.label if category else str(code or "")


def _value(reader: _Reader, table: str, field: str, text: str | None) -> str:
    if text is None or text == "":
        return ""
    if table == "person_year" and field == "coverage":
        return COVERAGE_KINDS.get(text, text)
    if table == "person_year" and field == "to_confirm":
        return "待确认" if text == "1" else "已确认"
    if table == "person" and field == "household_id" and text.isdigit():
        return reader.household(int(text))
    if table == "coverage_year" and field == "task":
        return f"{text} 人"
    return text


def _inserted(reader: _Reader, table: str, values: dict, row_id: int | None) -> str:
    """A row added (or removed) in words."""
    if table == "person":
        return " ".join(str(values.get(k) or "") for k in ("name", "id_number")).strip()
    if table == "household":
        return reader.household(row_id)
    if table == "person_year":
        return COVERAGE_KINDS.get(str(values.get("coverage") or "resident"), "")
    if table == "unmatched_payment":
        amount = values.get("amount_fen")
        return f"{yuan_text(int(amount))} 元" if isinstance(amount, int) else ""
    if table == "coverage_year":
        try:
            return policy_from_text(str(values.get("policy_json") or "")).name
        except Exception:  # noqa: BLE001 - a policy an older version wrote
            return ""
    if table == "village":
        return str(values.get("name") or "")
    if table == "export_log":
        kind = _EXPORT_KINDS.get(str(values.get("kind")), str(values.get("kind") or ""))
        return f"{values.get('year')}年度{kind} {values.get('file_name') or ''}".strip()
    return ""


# --- what the faces read ------------------------------------------------------------------
def person_history(db: sqlite_utils.Database, person_id: int) -> list[Entry]:
    """Everything that changed for a person, oldest first: details, years, flags, payments."""
    reader = _Reader(db)
    rows = _in_order(
        _rows(
            db,
            "a.table_name IN ('person', 'person_year', 'special_flag') AND a.row_id = ?",
            [person_id],
        ),
        _payments(db, "p.person_id = ?", [person_id]),
    )
    return [e for r in rows for e in reader.entries(r)]


@dataclass(frozen=True)
class LogFilter:
    """The village log's filters; None: any."""

    since: date | None = None
    until: date | None = None  # inclusive
    kind: str | None = None
    person_id: int | None = None


def _utc_bound(day: date, *, end: bool) -> str:
    """The UTC instant a local day starts (or the next one starts), as stored."""
    from datetime import UTC, datetime, time, timedelta

    start = datetime.combine(day + timedelta(days=1) if end else day, time()).astimezone()
    return start.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def village_log(db: sqlite_utils.Database, filters: LogFilter = LogFilter()) -> list[Entry]:
    """The village's changes, newest first. A change of more than BULK_ROWS rows (an import, a
    new year) is one line unless one person's changes are asked for."""
    if filters.person_id is not None:
        return [
            e
            for e in reversed(person_history(db, filters.person_id))
            if _in_days(e, filters) and (not filters.kind or e.kind == filters.kind)
        ]
    where, params = [], []
    if filters.since:
        where.append("{at} >= ?")
        params.append(_utc_bound(filters.since, end=False))
    if filters.until:
        where.append("{at} < ?")
        params.append(_utc_bound(filters.until, end=True))
    audited = _rows(db, " AND ".join(where).format(at="a.at"), params)
    paid = _payments(
        db, " AND ".join(where).format(at="COALESCE(c.at, a.at, p.recorded_at)"), params
    )
    bulk = {r[0] for r in db.execute("SELECT id FROM change_log WHERE audit_rows > ?", [BULK_ROWS])}
    reader = _Reader(db)
    out: list[Entry | _Tally] = []
    tallies: dict[int, _Tally] = {}
    for row in _in_order(audited, paid) if filters.kind in (None, "payment") else audited:
        if filters.kind and _KIND_OF_TABLE.get(row.table, "year") != filters.kind:
            continue
        if row.change_id in bulk:
            tally = tallies.get(row.change_id)
            if tally is None:
                tally = tallies[row.change_id] = _Tally(row)
                out.append(tally)
            tally.add(row, reader)
        else:
            out.extend(reader.entries(row))
    return [t.entry() if isinstance(t, _Tally) else t for t in reversed(out)]


_NOUNS = {
    "person": "人员",
    "household": "户",
    "person_year": "年度名单",
    "special_flag": "特殊人群标记",
    "payment": "缴费记录",
    "unmatched_payment": "待认领缴费",
    "coverage_year": "参保年度",
    "village": "村",
    "export_log": "导出",
}


class _Tally:
    """A bulk change summed up: how many rows of each table it added, changed or removed."""

    def __init__(self, first: _Row) -> None:
        self.first = first
        self.added: dict[str, int] = {}
        self.removed: dict[str, int] = {}
        self.changed = 0
        self.amended = 0
        self.kinds: dict[str, int] = {}

    def add(self, row: _Row, reader: _Reader) -> None:
        kind = _KIND_OF_TABLE.get(row.table, "year")
        self.kinds[kind] = self.kinds.get(kind, 0) + 1
        if row.field != "*":
            self.changed += 1
        elif row.old is None:
            self.added[row.table] = self.added.get(row.table, 0) + 1
        else:
            self.removed[row.table] = self.removed.get(row.table, 0) + 1
        if reader.packages.any:
            values = _values(row)
            self.amended += reader.amends(row, reader.year_of(row, values), values)

    def entry(self) -> Entry:
        parts = [f"新增{_NOUNS.get(t, t)} {n:,}" for t, n in self.added.items()]
        parts += [f"删除{_NOUNS.get(t, t)} {n:,}" for t, n in self.removed.items()]
        if self.changed:
            parts.append(f"修改 {self.changed:,} 处")
        if self.amended:
            parts.append(f"其中更正 {self.amended:,} 处")
        row = self.first
        return Entry(
            audit_id=0,
            change_id=row.change_id,
            at=row.at,
            actor=row.actor,
            op=row.op,
            reason="" if row.reason in _SYSTEM_REASONS else row.reason,
            kind=max(self.kinds, key=self.kinds.__getitem__),
            year=None,
            person_id=None,
            household_id=None,
            subject="",
            id_number="",
            field="bulk",
            label=OP_LABELS.get(row.op, row.op),
            old="",
            new="，".join(parts),
            amendment=bool(self.amended),
        )


def _in_days(entry: Entry, filters: LogFilter) -> bool:
    if filters.since and entry.at < _utc_bound(filters.since, end=False):
        return False
    return not (filters.until and entry.at >= _utc_bound(filters.until, end=True))


# --- amendments ---------------------------------------------------------------------------
_AMENDABLE_TABLES = (
    "person",
    "household",
    "person_year",
    "special_flag",
    "payment",
    "coverage_year",
)


def amendments(db: sqlite_utils.Database, year: int) -> list[Entry]:
    """Every amendment of the year's reported rows since its latest package, oldest first: what
    the next package lists."""
    point = last_package_change(db, year)
    if point is None:
        return []
    reader = _Reader(db)
    tables = ", ".join(f"'{t}'" for t in _AMENDABLE_TABLES)
    out: list[Entry] = []
    rows = _in_order(
        _rows(db, f"COALESCE(a.change_id, 0) > ? AND a.table_name IN ({tables})", [point]),
        _payments(db, "p.change_id > ? AND p.year = ?", [point, year]),
    )
    for row in rows:
        values = _values(row)
        if reader.year_of(row, values) == year and reader.amends(row, year, values):
            out.extend(e for e in reader.entries(row) if e.amendment)
    return out
