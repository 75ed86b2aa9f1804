"""The PDFs read back with pdftotext: who is on which list, what must never be printed, the figures."""

from __future__ import annotations

import hashlib
import re
import subprocess
from pathlib import Path

import pytest
from reportlab.platypus import BaseDocTemplate

from enrollagent.core import roster
from enrollagent.core.figures import compute_figures
from enrollagent.core.progress import Cancelled, Progress
from enrollagent.core.village import set_setting
from enrollagent.exports import fonts
from enrollagent.exports.catalog import roll_beside, run_export
from enrollagent.exports.checklist import write_checklist
from enrollagent.exports.notice import MASK_SETTING, PHONE_SETTING, write_notice
from enrollagent.exports.summary import write_summary

from .test_export_common import ENROLLED, PEOPLE, PHONES, UNPAID, export_village
from .township_helpers import add_people, an_id

BY_NAME = {p["name"]: p for p in PEOPLE}


@pytest.fixture
def village(tmp_path):
    db = export_village(tmp_path / "v")
    yield db
    db.close()


def pages(path: Path) -> list[str]:
    text = subprocess.run(
        ["pdftotext", "-layout", str(path), "-"],
        check=True,
        capture_output=True,
        text=True,
        encoding="utf-8",
    ).stdout
    return [p for p in text.split("\f") if p.strip()]


def squeeze(text: str) -> str:
    return re.sub(r"\s+", "", text)


def test_checklist_lists_each_unpaid_person_under_their_group_and_no_one_else(village, tmp_path):
    got = pages(write_checklist(village, tmp_path / "c.pdf"))
    assert len(got) == 3  # one page per group: each group starts a page
    group_of_page = {}
    for i, page in enumerate(got):
        titles = re.findall(r"(\S+组)\s*未缴费", page)
        assert len(titles) == 1, page
        group_of_page[i] = titles[0]
        assert re.search(rf"第\s*{i + 1}\s*页\s*共\s*3\s*页", page)
        assert "确山县留庄镇李庄村" in page and "入户催缴清单" in page and "制表日期" in page
    for name in UNPAID:
        person = BY_NAME[name]
        on = [i for i, page in enumerate(got) if re.search(rf"^\s*{re.escape(name)}\s", page, re.M)]
        assert [group_of_page[i] for i in on] == [person["group"]], name
        tail = "待核实" if person.get("invalid") else person["id"][-6:]
        assert re.search(rf"^\s*{re.escape(name)}\s+{tail}\s+(300|380)\s", got[on[0]], re.M)
    text = "\n".join(got)
    for name in ENROLLED | {"=李五"}:
        assert name not in text.replace(f"户主：{name}", ""), name
        assert BY_NAME[name]["id"][-6:] not in text
    assert "户主：张一" in text and "电话：13912345678" in text and "地址：李庄村001号" in text
    assert "0374-7120085" in text  # the household phone of 二组
    assert text.count("已缴") == text.count("拒缴") == text.count("外出") == len(UNPAID)


def test_checklist_of_one_group(village, tmp_path):
    got = pages(run_export(village, "checklist", tmp_path, group="十一组"))
    text = "\n".join(got)
    assert "十一组" in text and "王七" in text and "赵八" in text
    assert "张二" not in text and "李四" not in text


def test_notice_lists_the_enrolled_with_masked_ids_and_nothing_sensitive(village, tmp_path):
    text = "\n".join(pages(write_notice(village, tmp_path / "n.pdf")))
    flat = squeeze(text)
    for name in ENROLLED:
        assert name in text
        full = BY_NAME[name]["id"]
        assert f"{full[:6]}********{full[-4:]}" in flat
    for name in UNPAID | {"=李五"}:
        assert name not in text, name
    for p in PEOPLE:
        assert p["id"] not in flat
    assert not re.search(r"\d{15,}", flat)
    for forbidden in (
        "380",
        "300",
        "元",
        "低保",
        "特困",
        "全额资助",
        "边缘",
        *filter(None, PHONES.values()),
    ):
        assert forbidden not in flat, forbidden
    assert "公示期" in text and "如有异议" in text and "监督电话" in text
    assert f"共{compute_figures(village).total.enrolled}人" in flat


def test_notice_follows_the_village_mask_and_phone_settings(village, tmp_path):
    set_setting(village, MASK_SETTING, "front2back3", actor="王明")
    set_setting(village, PHONE_SETTING, "0396-1234567", actor="王明")
    flat = squeeze("".join(pages(write_notice(village, tmp_path / "n.pdf"))))
    full = BY_NAME["张一"]["id"]
    assert f"{full[:2]}*************{full[-3:]}" in flat and full[:6] + "*" not in flat
    assert "监督电话：0396-1234567" in flat


def test_a_mistyped_mask_setting_never_shows_more_of_an_id(village, tmp_path):
    set_setting(village, MASK_SETTING, "show-all", actor="王明")
    flat = squeeze("".join(pages(write_notice(village, tmp_path / "n.pdf"))))
    full = BY_NAME["张一"]["id"]
    assert f"{full[:6]}********{full[-4:]}" in flat


def test_summary_carries_the_figures_the_roll_hash_and_the_key(village, tmp_path):
    path = run_export(village, "summary", tmp_path)
    roll = roll_beside(path, *_village_year(village))
    sha = hashlib.sha256(roll.read_bytes()).hexdigest()
    got = pages(path)
    text = "\n".join(got)
    flat = squeeze(text)
    assert sha in flat
    assert re.search(r"KEY:\s*[0-9A-F]{4}( [0-9A-F]{4}){7}", text)
    f = compute_figures(village)
    t = f.total
    assert f"应参保人数{t.eligible}" in flat and f"已参保人数{t.enrolled}" in flat
    assert f"未缴费人数{t.unpaid}" in flat and f"参保率{t.rate * 100:.2f}%" in flat
    assert f"征缴金额（元）{f.to_json()['collected']}" in flat
    for group, x in f.by_group.items():
        assert f"{group}{x.persons}{x.eligible}{x.enrolled}{x.unpaid}{x.rate * 100:.2f}%" in flat
    assert "特困人员民政11100.00%" in flat and "低保对象民政100.00%" in flat
    assert (
        "个人缴费标准：380元/人" in flat
        and "经办人（签字）" in flat
        and "村委会主任（签字）" in flat
    )
    assert "（盖章）" in flat and re.search(rf"第\s*1\s*页\s*共\s*{len(got)}\s*页", got[0])


def _village_year(db):
    from enrollagent.core.village import get_village

    v = get_village(db)
    return v, v.current_year


def test_without_a_cjk_font_the_builtin_one_is_used_and_text_survives(
    village, tmp_path, monkeypatch
):
    monkeypatch.setattr(fonts, "font_candidates", lambda *a, **k: [])
    fonts.cjk_font.cache_clear()
    try:
        path = write_checklist(village, tmp_path / "c.pdf")
    finally:
        fonts.cjk_font.cache_clear()
    listing = subprocess.run(
        ["pdffonts", str(path)], check=True, capture_output=True, text=True
    ).stdout
    assert "STSong-Light" in listing
    assert "张二" in "".join(pages(path))


def test_font_list_finds_the_machine_font_and_skips_what_reportlab_refuses(tmp_path):
    bogus = tmp_path / "NotoSansCJK-Regular.ttc"
    bogus.write_bytes(b"OTTO not a real font")
    listing = tmp_path / "fonts.txt"
    listing.write_text(
        f"[linux]\n{bogus} | 2\n/usr/share/fonts/truetype/wqy/wqy-microhei.ttc | 0\n"
        "[windows]\nC:/Windows/Fonts/msyh.ttc | 0\n",
        encoding="utf-8",
    )
    found = fonts.font_candidates("linux", listing)
    assert [c.subfont for c in found] == [2, 0]
    font = fonts.load_font(found)
    if Path("/usr/share/fonts/truetype/wqy/wqy-microhei.ttc").exists():
        assert font.embedded and font.source.endswith("wqy-microhei.ttc")
    assert fonts.font_candidates("windows", listing)[0].path.name == "msyh.ttc"


def test_a_name_with_a_character_the_font_lacks_is_marked_not_silently_shortened(village, tmp_path):
    add_people(village, [{"name": "𠮷祥", "id": an_id("411725", 20), "group": "一组", "hh": "z"}])
    text = squeeze("".join(pages(write_checklist(village, tmp_path / "c.pdf"))))
    assert "〓祥" in text and "请手工补写：〓祥。" in text


def test_a_failing_build_leaves_no_file(village, tmp_path, monkeypatch):
    def broken(self, *args, **kwargs):
        Path(self.filename).write_bytes(b"%PDF-1.4 half")
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(BaseDocTemplate, "build", broken)
    with pytest.raises(OSError):
        write_notice(village, tmp_path / "n.pdf")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["v"]


def test_cancel_during_layout_leaves_no_file(village, tmp_path):
    calls = []

    def watch(done, total, msg):
        calls.append(done)
        if len(calls) == 3:  # two updates before the build, then the first page is done
            progress.cancel()

    progress = Progress(watch)
    with pytest.raises(Cancelled):
        write_checklist(village, tmp_path / "c.pdf", progress=progress)
    assert len(calls) == 3
    assert sorted(p.name for p in tmp_path.iterdir()) == ["v"]


def test_summary_alone_can_be_written_with_a_given_hash(village, tmp_path):
    path = write_summary(
        village, tmp_path / "s.pdf", roll_sha256="ab" * 32, key_fingerprint="ABCD " * 8
    )
    assert "ab" * 32 in squeeze("".join(pages(path)))


def test_person_with_a_note_and_invalid_id_on_checklist(village, tmp_path):
    hid = roster.find_household(village, "004")
    roster.update_household(village, hid, actor="王明", address="")
    text = "".join(pages(write_checklist(village, tmp_path / "c.pdf")))
    assert "地址：＿" in text and "待核 待核实".replace(" ", "") in squeeze(text)


def test_notice_follows_the_policy_when_it_counts_employees_as_enrolled(village, tmp_path):
    import dataclasses

    from enrollagent.core.village import get_policy, set_policy

    set_policy(
        village,
        dataclasses.replace(get_policy(village), count_as_enrolled=("employee",)),
        actor="王明",
    )
    flat = squeeze("".join(pages(write_notice(village, tmp_path / "n.pdf"))))
    assert "=李五" in flat and f"共{compute_figures(village).total.enrolled}人" in flat
    assert compute_figures(village).total.enrolled == len(ENROLLED) + 1
