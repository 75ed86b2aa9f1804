"""Page 催缴消息 (issue 19): the unpaid households with their texts, copied with one click."""

from __future__ import annotations

from PySide6.QtCore import QObject, Qt, QUrl, Slot
from PySide6.QtGui import QDesktopServices, QGuiApplication

from enrollagent.core.payments import record_payment
from tests.test_export_slips import pdf_text

from .ui_helpers import *  # noqa: F403 - the fixtures: qt_settings, boxes, village, ctx


def test_lists_the_unpaid_households_and_copies_a_text(qtbot, ctx):
    from enrollagent.ui.pages.messages import COL_COPY, COL_HEAD, COL_TEXT, Page

    page = Page(ctx)
    qtbot.addWidget(page)
    page.resize(1366, 700)
    page.show()
    model = page.model
    heads = [model.index(r, COL_HEAD).data() for r in range(model.rowCount())]
    assert heads == ["张三", "王五"]
    assert "2024年度" in page.title_label.text() and "2 户" in page.title_label.text()
    text = model.index(0, COL_TEXT).data()
    assert "760元" in text and "张三" in text
    rect = page.table_view.visualRect(model.index(0, COL_COPY))
    qtbot.mouseClick(page.table_view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert QGuiApplication.clipboard().text() == text
    assert "已复制" in page.status_label.text()


def test_copies_the_group_and_policy_texts_and_follows_payments(qtbot, ctx):
    from enrollagent.ui.pages.messages import Page

    page = Page(ctx)
    qtbot.addWidget(page)
    qtbot.mouseClick(page.copy_group_button, Qt.MouseButton.LeftButton)
    group = QGuiApplication.clipboard().text()
    assert "参保率" in group and not any(n in group for n in ("张三", "李四", "王五", "赵六"))
    qtbot.mouseClick(page.copy_policy_button, Qt.MouseButton.LeftButton)
    assert "待遇等待期" in QGuiApplication.clipboard().text()
    for name in ("王五", "赵六"):
        pid = ctx.db.execute("SELECT id FROM person WHERE name = ?", [name]).fetchone()[0]
        ctx.write(record_payment, person_id=pid)
    assert page.model.rowCount() == 1


class Opened(QObject):
    """Receives the URLs QDesktopServices would hand to the system's viewer."""

    def __init__(self) -> None:
        super().__init__()
        self.urls: list[str] = []

    @Slot(QUrl)
    def open(self, url: QUrl) -> None:
        self.urls.append(url.toLocalFile())


def test_a_households_slip_from_the_roster(qtbot, ctx, tmp_path):
    from enrollagent.ui.pages.roster import Page

    opened = Opened()
    QDesktopServices.setUrlHandler("file", opened, "open")
    try:
        page = Page(ctx)
        qtbot.addWidget(page)
        hid = ctx.db.execute("SELECT household_id FROM person WHERE name = '王五'").fetchone()[0]
        page._show_household(hid)
        assert page.slip_button.isEnabled()
        page.slip.start(hid, tmp_path / "slip.pdf")
        qtbot.waitUntil(lambda: bool(opened.urls), timeout=20000)
    finally:
        QDesktopServices.unsetUrlHandler("file")
    assert opened.urls == [str(tmp_path / "slip.pdf")]
    text = pdf_text(tmp_path / "slip.pdf")
    assert text.count("缴费告知单") == 1 and "王五" in text and "张三" not in text


def test_settings_store_how_to_pay(qtbot, ctx):
    from enrollagent.core.reminders import pay_how
    from enrollagent.ui.pages.settings import Page

    page = Page(ctx)
    qtbot.addWidget(page)
    page.pay_channels_edit.setText("河南税务APP、村委会")
    page.pay_note_edit.setText("缴费码 6688")
    qtbot.mouseClick(page.save_pay_button, Qt.MouseButton.LeftButton)
    how = pay_how(ctx.db)
    assert how.channels == ("河南税务APP", "村委会") and how.note == "缴费码 6688"
