"""Issue 3: special-group lists from 民政, 乡村振兴 and 残联 — qualify first, then match by ID."""

from __future__ import annotations

from datetime import date

import pytest

from enrollagent.core.figures import compute_figures
from enrollagent.errors import EnrollError
from enrollagent.imports import run_import

from .imports_helpers import make_id, write_csv, write_xls, write_xlsx

TODAY = date(2023, 10, 1)
PEOPLE = [
    ("张一", make_id(1)),
    ("张二", make_id(2)),
    ("张三", make_id(3)),
    ("张四", make_id(4)),
    ("张五", make_id(5)),
    ("张六", make_id(6)),
    ("张七", make_id(7)),
]
STRANGER = make_id(99, "19610101")


@pytest.fixture
def village(db, tmp_path):
    rows = [["户号", "姓名", "身份证号码", "与户主关系"]] + [
        ["1", n, i, "户主" if k == 0 else "子"] for k, (n, i) in enumerate(PEOPLE)
    ]
    run_import(db, "roster", write_xlsx(tmp_path / "roster.xlsx", rows), today=TODAY, actor="王明")
    return db


def test_minzheng_list_aliases_masked_names_and_strangers(village, tmp_path):
    rows = [
        ["2024年度特困人员、低保对象资助参保名单", "", "", "", ""],
        ["序号", "镇（街）", "姓名", "身份证号码", "医疗救助身份"],
        [1, "留庄镇", "张一", PEOPLE[0][1], "特困供养人员"],
        [2, "留庄镇", "张某", PEOPLE[1][1].lower(), "城乡低保"],  # a masked name: the ID wins
        [3, "留庄镇", "外村人", STRANGER, "低保户"],
        [4, "留庄镇", "张三", PEOPLE[2][1], "五保户"],
        [5, "留庄镇", "张四", PEOPLE[3][1], "困难职工"],  # not a category here
        [
            6,
            "留庄镇",
            "张五",
            " " + PEOPLE[4][1][:6] + " " + PEOPLE[4][1][6:],
            "民政城乡低保对象-7019",
        ],
        [7, "留庄镇", "张六", PEOPLE[5][1][:17], "低保"],  # 17 digits: matches nothing
    ]
    report = run_import(
        village,
        "groups",
        write_xlsx(tmp_path / "民政.xlsx", rows, merge=["A1:E1"]),
        today=TODAY,
        actor="王明",
    )
    got = report.to_json()
    assert {
        k: got[k] for k in ("rows", "flagged", "not_in_roster", "skipped", "name_mismatch")
    } == {"rows": 7, "flagged": 4, "not_in_roster": 2, "skipped": 1, "name_mismatch": 1}
    reasons = {p["row"]: p["reason"] for p in got["problems"]}
    assert "困难职工" in reasons[7] and "不在本村花名册" in reasons[5] and "张某" in reasons[4]
    assert "17位" in reasons[9]
    flags = dict(
        village.execute(
            "SELECT p.name, f.category FROM special_flag f JOIN person p ON p.id = f.person_id"
        )
    )
    assert flags == {
        "张一": "extreme_poverty",
        "张二": "minimum_living",
        "张三": "extreme_poverty",
        "张五": "minimum_living",
    }
    source = village.execute(
        "SELECT source FROM special_flag f JOIN person p ON p.id = f.person_id"
        " WHERE p.name = '张一'"
    ).fetchone()[0]
    assert source == "民政.xlsx:3"
    figures = compute_figures(village).to_json()  # 获嘉: 特困 full, 低保 80 yuan off
    assert figures["subsidized"] == 2
    assert figures["special"]["extreme_poverty"] == {"persons": 2, "enrolled": 2}
    assert figures["special"]["minimum_living"] == {"persons": 2, "enrolled": 0}
    again = run_import(
        village, "groups", tmp_path / "民政.xlsx", today=TODAY, actor="王明"
    ).to_json()
    assert again["new_flags"] == 0 and again["flagged"] == 4
    assert village.execute("SELECT COUNT(*) FROM special_flag").fetchone()[0] == 4


def test_monitoring_list_skips_risk_eliminated_first(village, tmp_path):
    rows = [
        ["户主姓名", "成员姓名", "证件号码", "监测对象类别", "风险是否消除"],
        ["张一", "张一", PEOPLE[0][1], "脱贫不稳定户", "否"],
        ["张一", "张二", PEOPLE[1][1], "边缘易致贫户", "是"],
        [
            "张一",
            "外人",
            STRANGER,
            "突发严重困难户",
            "是",
        ],  # risk eliminated: skipped before matching
        ["张一", "外人", STRANGER, "突发严重困难户", "否"],
        ["张一", "张三", PEOPLE[2][1], "突发严重困难户", ""],
    ]
    got = run_import(
        village,
        "groups",
        write_csv(tmp_path / "监测.csv", rows, encoding="gbk"),
        today=TODAY,
        actor="王明",
    ).to_json()
    assert (got["flagged"], got["skipped"], got["not_in_roster"], got["name_mismatch"]) == (
        2,
        2,
        1,
        0,
    )
    cats = sorted(c for (c,) in village.execute("SELECT category FROM special_flag"))
    assert cats == ["sudden_hardship", "unstable"]


def test_disability_list_grades(village, tmp_path):
    rows = [
        ["重度残疾人名单"],
        ["填报单位（盖章）：", "", "", "填报日期：2023年9月20日"],
        ["姓名", "公民身份号码", "残疾类别", "残疾级别"],
        ["张一", PEOPLE[0][1], "视力", "一级"],
        ["张二", PEOPLE[1][1], "肢体", "二级"],
        ["张三", PEOPLE[2][1], "智力", "三级"],
        ["张四", PEOPLE[3][1], "精神", "4级"],
        ["张五", PEOPLE[4][1], "肢体", ""],
        ["外人", STRANGER, "视力", "1级"],
    ]
    got = run_import(
        village, "groups", write_xls(tmp_path / "残联.xls", rows), today=TODAY, actor="王明"
    ).to_json()
    assert (got["flagged"], got["skipped"], got["not_in_roster"]) == (2, 3, 1)
    assert {c for (c,) in village.execute("SELECT DISTINCT category FROM special_flag")} == {
        "severe_disability"
    }


def test_category_from_the_command_line(village, tmp_path, cli):
    rows = [["姓名", "身份证号"], ["张六", PEOPLE[5][1]], ["张七", PEOPLE[6][1]]]
    path = write_xlsx(tmp_path / "优抚.xlsx", rows)
    with pytest.raises(EnrollError) as err:
        run_import(village, "groups", path, today=TODAY, actor="王明")
    assert err.value.code == "import_no_category" and "--category" in err.value.message
    got = run_import(
        village, "groups", path, category="key_veteran", today=TODAY, actor="王明"
    ).to_json()
    assert got["flagged"] == 2
    village.close()
    result = cli("import", "groups", str(path), check=False)
    assert (
        result.returncode == 1
        and "--category" in result.stderr
        and len(result.stderr.strip().splitlines()) == 1
    )
    out = cli.json("import", "groups", str(path), "--category", "key_veteran")
    assert out["flagged"] == 2 and out["new_flags"] == 0
