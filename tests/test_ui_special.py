"""特殊群体 page: counts per category, flag / unflag a person with the source (issue 5)."""

from __future__ import annotations

import pytest

pytest.importorskip("pytestqt")

from PySide6.QtCore import Qt  # noqa: E402
from PySide6.QtWidgets import QMessageBox  # noqa: E402

from enrollagent.core import roster  # noqa: E402
from enrollagent.core.figures import compute_figures, person_state  # noqa: E402
from enrollagent.ui.context import AppContext  # noqa: E402
from enrollagent.ui.pages.special import Page, source_text  # noqa: E402
from tests.test_ui_payments import an_id  # noqa: E402


@pytest.fixture
def page(qtbot, db_path, db):
    h1 = roster.add_household(db, actor="王明", hh_no="001", group_name="一组").id
    roster.add_person(
        db, household_id=h1, name="张三", id_number=an_id(11), actor="王明", relation="户主"
    )
    pid = roster.add_person(
        db, household_id=h1, name="李梅", id_number=an_id(12), actor="王明", relation="配偶"
    ).id
    roster.flag_person(db, pid, "minimum_living", actor="王明", source="低保名单.xlsx:7")
    ctx = AppContext(db_path)
    widget = Page(ctx)
    qtbot.addWidget(widget)
    widget.resize(1160, 700)
    widget.show()
    yield widget
    ctx.close()


def test_counts_per_category(page):
    row = page.category_model.row_of("minimum_living")
    assert page.category_model.rows[row][2:4] == (1, 0)
    page.show_filter({"category": "minimum_living"})
    assert page.member_model.rows[0][0] == "李梅"
    assert page.member_model.rows[0][4] == "低保名单.xlsx 第7行"


def test_flag_a_person_by_keyboard(qtbot, page):
    changed = []
    page.ctx.changed.connect(lambda: changed.append(1))
    page.show_filter({"category": "extreme_poverty"})
    qtbot.keyClicks(page.search_edit, an_id(11)[-4:])
    qtbot.keyClick(page.search_edit, Qt.Key.Key_Return)
    assert "张三" in page.chosen_label.text()
    assert page.flag_category_combo.currentData() == "extreme_poverty"
    page.source_edit.setText("民政所10月名单")  # QTest types ASCII only; an IME commits Chinese
    qtbot.keyClick(page.source_edit, Qt.Key.Key_Return)
    pid = roster.find_person(page.ctx.db, an_id(11)).id
    state = person_state(page.ctx.db, pid)
    assert state.categories == ("extreme_poverty",) and state.state == "subsidized"
    assert compute_figures(page.ctx.db).to_json()["special"]["extreme_poverty"] == {
        "persons": 1,
        "enrolled": 1,
    }
    assert page.member_model.rows[0][4] == "手工标记：民政所10月名单"
    assert changed


def test_unflag_asks_first(qtbot, page, monkeypatch):
    answers = [QMessageBox.StandardButton.No, QMessageBox.StandardButton.Yes]
    asked = []

    def question(_parent, _title, text, *args):
        asked.append((text, args[-1]))
        return answers.pop(0)

    monkeypatch.setattr(QMessageBox, "question", question)
    page.show_filter({"category": "minimum_living"})
    qtbot.mouseClick(page.unflag_button, Qt.MouseButton.LeftButton)  # answered 否: nothing changes
    assert (
        "低保对象" in asked[0][0] and asked[0][1] == QMessageBox.StandardButton.No
    )  # 否 is the default
    assert compute_figures(page.ctx.db).special["minimum_living"].persons == 1
    qtbot.mouseClick(page.unflag_button, Qt.MouseButton.LeftButton)  # answered 是
    assert "minimum_living" not in compute_figures(page.ctx.db).special
    assert page.member_model.rowCount() == 0


def test_import_button_goes_to_imports(qtbot, page):
    with qtbot.waitSignal(page.ctx.navigate) as blocker:
        qtbot.mouseClick(page.import_button, Qt.MouseButton.LeftButton)
    assert blocker.args == ["imports", {"kind": "groups"}]


def test_source_texts():
    assert source_text("manual") == "手工标记"
    assert source_text("名单.xlsx[一组]:5") == "名单.xlsx（一组） 第5行"
