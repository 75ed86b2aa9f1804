"""The first-start wizard's 建一个练习村 (issue 20): a practice village, marked 练习."""

from __future__ import annotations

from PySide6.QtWidgets import QWizard

from enrollagent.core.village import find_village
from enrollagent.db import open_database
from enrollagent.exports.keys import key_exists

from .ui_helpers import *  # noqa: F403 - the fixtures: qt_settings, boxes, village, ctx


def test_wizard_practice_button_builds_a_marked_village(qtbot, db_path, qt_settings, boxes):
    from enrollagent.ui.wizard import SetupWizard

    wizard = SetupWizard(db_path)
    qtbot.addWidget(wizard)
    wizard.show()
    wizard.mode_page.practice_button.click()
    assert wizard.result() == QWizard.DialogCode.Accepted
    assert wizard.mode() == "village" and not wizard.import_roster()
    assert key_exists(db_path) and wizard.fingerprint
    db = open_database(db_path)
    village = find_village(db)
    assert village is not None and village.practice and village.title.startswith("【练习】")
    db.close()
