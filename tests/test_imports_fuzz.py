"""Issue 3: no row of a random sheet can crash an import (each row lands in a bucket or a problem)."""

from __future__ import annotations

from datetime import date, datetime

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from enrollagent.imports import run_import

from .imports_helpers import make_id, write_xlsx

TODAY = date(2023, 10, 1)
HEADERS = {
    "roster": [
        "户号",
        "户主",
        "村民小组",
        "姓名",
        "与户主关系",
        "身份证号码",
        "联系电话",
        "出生日期",
        "人员类别",
    ],
    "groups": ["姓名", "身份证号码", "人员类别", "残疾等级", "风险是否消除"],
    "payments": [
        "缴费人姓名",
        "证件号码",
        "征收品目",
        "缴费年度",
        "实缴金额",
        "缴款日期",
        "电子税票号码",
        "缴费方式",
        "代缴类别",
        "代缴金额",
        "类型说明",
    ],
}
BUCKETS = {
    "roster": ("imported", "duplicates", "already_present", "skipped"),
    "payments": (
        "recorded",
        "already_recorded",
        "not_in_roster",
        "other_year",
        "ignored",
        "skipped",
    ),
}

cell = st.one_of(
    st.none(),
    st.text(st.characters(blacklist_categories=("Cc", "Cs")), max_size=25),
    st.sampled_from(
        [
            "",
            " ",
            "户主",
            "是",
            "否",
            "一级",
            "三级",
            "低保",
            "特困供养人员",
            "城乡居民基本医疗保险",
            "城乡居民基本养老保险",
            "2024",
            "2023",
            "2024-01-01",
            "-380",
            "380.005",
            "1e400",
            "nan",
            make_id(1),
            make_id(2).lower(),
            make_id(3)[:15],
            "４１１７２５",
            '="1"',
            "T1",
            "合计",
            "合计：3人",
            "制表人：张三",
            "一组",
            "肆级",
            "已消除",
            "1,140.00",
            "202401",
            "退费",
            "作废",
            make_id(4) + "12",
        ]
    ),
    st.integers(min_value=-(10**20), max_value=10**20),
    st.floats(allow_nan=True, allow_infinity=True),
    st.booleans(),
    st.dates(min_value=date(1900, 1, 1), max_value=date(2100, 1, 1)),
    st.datetimes(min_value=datetime(1900, 1, 1), max_value=datetime(2100, 1, 1)),
)


def _sheet(kind):
    width = len(HEADERS[kind])
    return st.lists(st.lists(cell, min_size=0, max_size=width + 2), min_size=0, max_size=12)


def _excel_safe(rows):
    """openpyxl cannot hold NaN/inf or integers beyond Excel's range: Excel can't either."""
    for r in rows:
        for i, v in enumerate(r):
            if isinstance(v, float) and (v != v or v in (float("inf"), float("-inf"))):
                r[i] = str(v)
            elif isinstance(v, int) and not isinstance(v, bool) and abs(v) > 2**53:
                r[i] = float(v)


def _run(db, tmp_path, kind, rows, *, header=True):
    _excel_safe(rows)
    path = write_xlsx(tmp_path / f"{kind}.xlsx", [HEADERS[kind], *rows] if header else rows)
    report = run_import(db, kind, path, dry_run=True, today=TODAY, actor="王明")
    got = report.to_json()
    if kind in BUCKETS:
        assert sum(got[k] for k in BUCKETS[kind]) == got["rows"]
    assert all(isinstance(p["row"], int) and p["reason"] for p in got["problems"])
    return got


@settings(
    max_examples=100, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(rows=_sheet("roster"))
def test_random_roster_rows_never_crash(db, tmp_path, rows):
    _run(db, tmp_path, "roster", rows)


@settings(
    max_examples=100, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(rows=_sheet("groups"))
def test_random_group_rows_never_crash(db, tmp_path, rows):
    _run(db, tmp_path, "groups", rows)


@settings(
    max_examples=100, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(rows=_sheet("payments"))
def test_random_payment_rows_never_crash(db, tmp_path, rows):
    _run(db, tmp_path, "payments", rows)


header_cell = st.one_of(cell, st.sampled_from([h for hs in HEADERS.values() for h in hs]))


@settings(
    max_examples=100, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    kind=st.sampled_from(list(HEADERS)),
    rows=st.lists(st.lists(header_cell, max_size=8), max_size=8),
)
def test_random_sheets_import_or_refuse_cleanly(db, tmp_path, kind, rows):
    """A sheet without a usable header is refused with an EnrollError, never a crash."""
    from enrollagent.errors import EnrollError

    try:
        _run(db, tmp_path, kind, rows, header=False)
    except EnrollError as e:
        assert e.code.startswith(("import_", "category_")), e.code


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    kind=st.sampled_from(list(HEADERS)),
    names=st.lists(
        st.sampled_from(["一组", "Sheet2", "后寨组花名册", "数据", "2023年12月", "说明"]),
        min_size=1,
        max_size=3,
        unique=True,
    ),
    rows=_sheet("payments"),
)
def test_random_workbooks_of_several_sheets(db, tmp_path, kind, names, rows):
    """Every sheet with the needed columns is read (copies are not); rows stay in one bucket each."""
    _excel_safe(rows)
    half = len(rows) // 2
    sheets = {
        name: [HEADERS[kind], *(rows[:half] if n % 2 else rows[half:])]
        for n, name in enumerate(names)
    }
    first = next(iter(sheets))
    path = write_xlsx(tmp_path / "book.xlsx", sheets.pop(first), sheet=first, extra_sheets=sheets)
    got = run_import(db, kind, path, dry_run=True, today=TODAY, actor="王明").to_json()
    if kind in BUCKETS:
        assert sum(got[k] for k in BUCKETS[kind]) == got["rows"]
