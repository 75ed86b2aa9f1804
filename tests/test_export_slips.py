"""缴费告知单 (issue 19): one slip per household, amounts after each kind of subsidy, masked IDs,
the waiting period a late payment would bring, read back from the PDF with pdftotext."""

from __future__ import annotations

import json
import re
import subprocess
from pathlib import Path

import pytest

from enrollagent.core.payments import record_payment
from enrollagent.core.reminders import PAY_CHANNELS_SETTING, PAY_NOTE_SETTING
from enrollagent.core.roster import add_household_with_head, add_person, flag_person, set_history
from enrollagent.core.village import set_setting
from enrollagent.exports.slips import write_slips
from tests.conftest import make_village
from tests.imports_helpers import make_id

A = "王明"
POLICY = {
    "name": "测试县2024年度",
    "year": 2024,
    "standard": 380,
    "government_subsidy": 640,
    "window": {"start": "2023-09-10", "end": "2023-12-31"},
    "subsidies": {
        "extreme_poverty": {"kind": "full"},
        "minimum_living": {"kind": "fixed", "amount": 80},
        "severe_disability": {"kind": "percent", "value": 70},
    },
    "long_term": {"fixed_months": 3, "gap_months_per_year": 2},
}


def pdf_text(path: Path) -> str:
    return subprocess.run(
        ["pdftotext", "-layout", str(path), "-"], check=True, capture_output=True, text=True
    ).stdout


def add(db, household: int, n: int, name: str) -> int:
    return add_person(db, household_id=household, actor=A, name=name, id_number=make_id(n)).id


def build(tmp_path: Path):
    """Two households: 张家 with a full, a fixed and a percent subsidy, a payer and an unpaid
    member two years without cover; 李家 with one unpaid member."""
    policy = tmp_path / "policy.json"
    policy.write_text(json.dumps(POLICY, ensure_ascii=False), encoding="utf-8")
    db = make_village(tmp_path / "village.db", str(policy))
    h1 = add_household_with_head(
        db, actor=A, head_name="张大山", head_id_number=make_id(1), hh_no="001", group_name="一组"
    )
    people = {"张大山": h1.head_id}
    for n, name in ((2, "张二妹"), (3, "张三宝"), (5, "张五福")):
        people[name] = add(db, h1.id, n, name)
    flag_person(db, people["张大山"], "extreme_poverty", actor=A)
    flag_person(db, people["张二妹"], "minimum_living", actor=A)
    flag_person(db, people["张三宝"], "severe_disability", actor=A)
    record_payment(db, person_id=people["张二妹"], actor=A)  # 300
    set_history(db, people["张五福"], actor=A, cover_years=3, gap_years=2)
    h2 = add_household_with_head(
        db, actor=A, head_name="李小红", head_id_number=make_id(7), hh_no="002", group_name="二组"
    )
    people["李小红"] = h2.head_id
    return db, people


@pytest.fixture
def village(tmp_path):
    db, people = build(tmp_path)
    yield db, people
    db.close()


def slips_of(text: str) -> list[str]:
    """The slips of the PDF's text, each from its title on."""
    return [
        s for s in re.split(r"(?=李庄村 2024年度城乡居民医保缴费告知单)", text) if "告知单" in s
    ]


def test_one_slip_per_household_with_amounts_after_each_subsidy(village, tmp_path):
    db, _ = village
    text = pdf_text(write_slips(db, tmp_path / "slips.pdf"))
    slips = slips_of(text)
    assert len(slips) == 2
    zhang = next(s for s in slips if "张大山" in s)
    words = {line.split()[0]: line.split() for line in zhang.splitlines() if line.startswith("张")}
    assert words["张大山"][2:5] == ["特困人员", "全额资助", "0"]  # and the reason beside
    assert "全额资助（特困人员），个人不缴" in zhang
    assert words["张二妹"][-2:] == ["300", "已缴费"]  # 380 less a fixed 80
    assert words["张三宝"][-2:] == ["114", "未缴费"]  # 380 less 70% (266)
    assert words["张五福"][-2:] == ["380", "未缴费"]
    assert "个人应缴 794 元，已缴 300 元，还需缴 494 元" in zhang
    assert "2023年12月31日" in zhang and "王明" in zhang and "13800000000" in zhang


def test_no_whole_id_in_the_pdf(village, tmp_path):
    db, _ = village
    text = pdf_text(write_slips(db, tmp_path / "slips.pdf")).replace(" ", "")
    assert not re.search(r"\d{17}[\dX]", text)
    assert make_id(1)[:6] + "********" + make_id(1)[-4:] in text


def test_waiting_period_for_the_unpaid_two_years_without_cover(village, tmp_path):
    db, _ = village
    text = pdf_text(write_slips(db, tmp_path / "slips.pdf")).replace("\n", "").replace(" ", "")
    # the policy's fixed 3 months + 2 for each of the 2 years without cover
    assert "张五福（已断保2年）：2023年12月31日以后再缴费的，缴费后要等7个月才能报销医药费" in text
    assert "李小红：2023年12月31日以后再缴费的，缴费后要等3个月" in text
    # the paid and the fully subsidised are not warned
    assert "张二妹：" not in text and "张大山：" not in text


def test_channels_and_code_from_the_settings(village, tmp_path):
    db, _ = village
    set_setting(db, PAY_CHANNELS_SETTING, "河南税务APP、村委会代办点", actor=A)
    set_setting(db, PAY_NOTE_SETTING, "缴费码 8866", actor=A)
    text = pdf_text(write_slips(db, tmp_path / "slips.pdf"))
    assert "缴费方式：河南税务APP、村委会代办点。缴费码 8866" in text


def test_unpaid_only_and_group(village, tmp_path):
    db, people = village
    record_payment(db, person_id=people["李小红"], actor=A)
    text = pdf_text(write_slips(db, tmp_path / "a.pdf", unpaid_only=True))
    assert len(slips_of(text)) == 1 and "张大山" in text
    text = pdf_text(write_slips(db, tmp_path / "b.pdf", group="二组"))
    assert len(slips_of(text)) == 1 and "李小红" in text


def test_cli_json_and_a_mistake(tmp_path, cli):
    db, _ = build(tmp_path)
    db.close()
    cli.db_path = tmp_path / "village.db"
    out = cli.json("export", "slips", str(tmp_path / "s.pdf"), "--unpaid-only")
    assert out["households"] == 2 and out["persons"] == 5 and out["total_due"] == 494 + 380
    assert (tmp_path / "s.pdf").exists()
    bad = cli("export", "slips", str(tmp_path / "s.pdf"), "--group", "九组", check=False)
    assert bad.returncode == 1 and "九组" in bad.stderr and "Traceback" not in bad.stderr
    bad = cli("export", "roll", str(tmp_path / "r.xlsx"), "--unpaid-only", check=False)
    assert (
        bad.returncode == 1 and "--unpaid-only" in bad.stderr and not (tmp_path / "r.xlsx").exists()
    )
