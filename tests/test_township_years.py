"""The township reads packages of villages on the newer policies (long-term terms, the notice
cited, subsidies decided as 无 or left 待定) and counts a village's 2025 package under 2025."""

from __future__ import annotations

import json
from dataclasses import replace
from datetime import date

import openpyxl
import pytest

from enrollagent.core.payments import record_payment
from enrollagent.core.policy import LongTerm, Subsidy, load_policy
from enrollagent.core.village import get_policy, set_policy
from enrollagent.core.year import start_year
from enrollagent.exports.package import build_package
from enrollagent.township.intake import add_packages
from enrollagent.township.report import write_report
from enrollagent.township.status import township_status, years
from enrollagent.township.store import open_township

from .test_township import A_PEOPLE, B_PEOPLE
from .township_helpers import make_village, resign_data

A = "王明"


@pytest.fixture
def town(tmp_path):
    db = open_township(tmp_path / "township.db")
    yield db
    db.close()


def test_a_package_on_a_policy_with_long_term_source_none_and_pending(tmp_path, town):
    village = make_village(tmp_path / "a", code="411725100001", name="李庄村", people=A_PEOPLE)
    policy = get_policy(village, 2024)
    set_policy(
        village,
        replace(
            policy,
            subsidies={**policy.subsidies, "orphan": Subsidy("none")},
            long_term=LongTerm(fixed_months=2, gap_counted_from=2),
            source="获政〔2023〕24号",
        ),
        actor=A,
    )
    pkg = build_package(village, tmp_path / "out")

    def pending(text: str) -> str:
        # A package from an installation that keeps a subsidy 待定 for a category nobody holds:
        # it changes no one's payable, and the township takes the package as it is.
        data = json.loads(text)
        data["policy"]["subsidies"]["key_veteran"] = {"kind": "pending"}
        return json.dumps(data, ensure_ascii=False, indent=1)

    resign_data(pkg, village, pending)
    village.close()
    added = add_packages(town, [pkg])
    assert added.refused == [] and [r.year for r in added.received] == [2024]
    stored = json.loads(town.execute("SELECT policy_json FROM package").fetchone()[0])
    assert stored["long_term"]["fixed_months"] == 2 and stored["source"] == "获政〔2023〕24号"
    assert stored["subsidies"]["orphan"] == {"kind": "none"}
    assert stored["subsidies"]["key_veteran"] == {"kind": "pending"}
    status = township_status(town)
    assert status.year == 2024 and status.total.persons == len(A_PEOPLE)
    assert status.warnings == []


def test_a_2025_package_counts_under_2025(tmp_path, town):
    a = make_village(tmp_path / "a", code="411725100001", name="李庄村", people=A_PEOPLE)
    b = make_village(tmp_path / "b", code="411725100002", name="王庄村", people=B_PEOPLE)
    first = [build_package(db, tmp_path / "out") for db in (a, b)]  # each village's 2024
    start_year(a, 2025, load_policy("huojia-2024").for_year(2025), actor=A, task=5)
    zhang = a.execute("SELECT id FROM person WHERE name = '张一'").fetchone()[0]
    record_payment(a, person_id=zhang, actor=A, paid_on=date(2024, 10, 8))
    later = build_package(a, tmp_path / "out")
    assert later.name == "411725100001-2025-002.zip"
    a.close()
    b.close()

    added = add_packages(town, [later, *first])
    assert added.refused == []
    assert sorted((r.village, r.year, r.sequence) for r in added.received) == [
        ("李庄村（411725100001）", 2024, 1),
        ("李庄村（411725100001）", 2025, 2),
        ("王庄村（411725100002）", 2024, 1),
    ]
    assert years(town) == [2024, 2025]

    now = township_status(town)  # the latest year by default
    assert now.year == 2025
    assert [v.name for v in now.reported] == ["李庄村"]  # 王庄村 has not reported 2025 yet
    # 张四 (职工医保) carried as cover; 张一 paid 2025; 张二 and 张三 not yet certified again.
    assert (now.total.persons, now.total.enrolled) == (5, 1)

    last = township_status(town, 2024)
    assert last.total.persons == len(A_PEOPLE) + len(B_PEOPLE) - 1  # 赵共 counted once
    assert all(v.figures is not None for v in last.villages)

    out = write_report(town, now, tmp_path / "r2025.xlsx")
    assert openpyxl.load_workbook(out).properties.title == "留庄镇2025年度城乡居民医保参保进度通报"
