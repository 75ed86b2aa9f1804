"""First start: the wizard creates the village, its first year's policy and the agent key."""

from __future__ import annotations

import json
from datetime import date

from PySide6.QtWidgets import QWizard

from enrollagent.core.village import find_village, get_policy, get_task
from enrollagent.db import open_database
from enrollagent.exports.keys import key_exists

from .ui_helpers import *  # noqa: F403 - the fixtures: qt_settings, boxes, village, ctx
from .ui_helpers import type_text


def test_wizard_creates_the_village_and_the_key(qtbot, db_path, qt_settings, boxes):
    from enrollagent.ui.wizard import AGENT, FINISH, POLICY, VILLAGE, SetupWizard, season_year

    wizard = SetupWizard(db_path)
    qtbot.addWidget(wizard)
    wizard.show()
    wizard.next()
    assert wizard.currentId() == VILLAGE
    page = wizard.village_page
    assert not wizard.button(QWizard.WizardButton.NextButton).isEnabled()  # required fields empty
    type_text(qtbot, page.county_edit, "获嘉县")
    type_text(qtbot, page.township_edit, "照镜镇")
    type_text(qtbot, page.village_edit, "大王庄村")
    qtbot.keyClicks(page.code_edit, "41072410")
    wizard.next()
    assert wizard.currentId() == VILLAGE and "12位" in page.error_label.text()
    qtbot.keyClicks(page.code_edit, "0201")
    wizard.next()
    assert wizard.currentId() == AGENT
    type_text(qtbot, wizard.agent_page.agent_edit, "王明")
    qtbot.keyClicks(wizard.agent_page.phone_edit, "12345")
    wizard.next()
    assert wizard.currentId() == AGENT and "电话" in wizard.agent_page.error_label.text()
    wizard.agent_page.phone_edit.clear()
    qtbot.keyClicks(wizard.agent_page.phone_edit, "138 3731 2345")
    wizard.next()
    assert wizard.currentId() == POLICY
    policy_page = wizard.policy_page
    policy_page.preset_combo.setCurrentIndex(policy_page.preset_combo.findData("huojia-2024"))
    editor = policy_page.editor
    year = season_year(date.today())
    assert editor.year_spin.value() == year and editor.standard_edit.text() == "380"
    assert editor.payable_labels["minimum_living"].text() == "个人缴 300 元"
    policy_page.task_spin.selectAll()
    qtbot.keyClicks(policy_page.task_spin, "5800")
    wizard.next()
    assert wizard.currentId() == FINISH
    assert "大王庄村" in wizard.finish_page.summary_label.text()
    assert wizard.import_roster()
    wizard.button(QWizard.WizardButton.FinishButton).click()
    assert wizard.result() == QWizard.DialogCode.Accepted
    db = open_database(db_path)
    village = find_village(db)
    assert (village.county, village.township, village.name, village.code) == (
        "获嘉县",
        "照镜镇",
        "大王庄村",
        "410724100201",
    )
    assert (village.agent, village.agent_phone, village.current_year) == (
        "王明",
        "13837312345",
        year,
    )
    assert get_policy(db).standard_fen == 38000 and get_task(db, year) == 5800
    assert key_exists(db_path) and wizard.fingerprint
    db.close()


def test_wizard_loads_a_policy_file(qtbot, tmp_path, db_path, qt_settings, boxes):
    from enrollagent.ui.wizard import SetupWizard

    wizard = SetupWizard(db_path)
    qtbot.addWidget(wizard)
    policy = {
        "name": "某县 2025",
        "year": 2025,
        "standard": 400,
        "government_subsidy": 700,
        "window": {"start": "2024-09-01", "end": "2024-12-31"},
        "subsidies": {"orphan": {"kind": "percent", "value": 50}},
    }
    good = tmp_path / "p.json"
    good.write_text(json.dumps(policy, ensure_ascii=False), encoding="utf-8")
    assert wizard.policy_page.load_file(str(good))
    assert wizard.policy_page.policy.year == 2025  # a file is taken as it is
    assert wizard.policy_page.editor.payable_labels["orphan"].text() == "个人缴 200 元"
    bad = tmp_path / "bad.json"
    bad.write_text(json.dumps({**policy, "standard": -1}), encoding="utf-8")
    assert not wizard.policy_page.load_file(str(bad))
    assert boxes and "standard" in boxes[-1][1]


def test_township_mode_skips_the_village(qtbot, db_path, qt_settings, boxes):
    from enrollagent.ui.wizard import FINISH, SetupWizard

    wizard = SetupWizard(db_path)
    qtbot.addWidget(wizard)
    wizard.show()
    wizard.mode_page.township_radio.setChecked(True)
    wizard.next()
    assert wizard.currentId() == FINISH
    assert not wizard.import_roster()
    wizard.button(QWizard.WizardButton.FinishButton).click()
    assert wizard.mode() == "township"
    assert find_village(open_database(db_path)) is None
