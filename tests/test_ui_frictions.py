"""The daily screens' last frictions (issue 20): the roster in 大字 at 1366×768 keeps 已缴 and 说明
in sight, the payment channel is the last one used, and a PDF prints or opens in one click."""

from __future__ import annotations

import os
import stat

import pytest
from PySide6.QtCore import QObject, QUrl, Slot
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QApplication

from enrollagent.core.village import set_setting
from enrollagent.ui.models.roster import COL_NOTE, COL_PAID

from .ui_helpers import *  # noqa: F403 - the fixtures: qt_settings, boxes, village, ctx


@pytest.fixture
def large_font(qapp):
    from enrollagent.ui.main import apply_font

    apply_font(qapp, "large")
    yield
    apply_font(qapp, "normal")


def test_roster_in_large_font_at_1366_shows_paid_and_note(qtbot, ctx, large_font):
    from enrollagent.ui.main_window import MainWindow

    window = MainWindow(ctx)
    qtbot.addWidget(window)
    window.resize(1366, 700)
    window.show()
    page = window.show_page("roster")
    qtbot.waitUntil(lambda: page.table_view.viewport().width() > 0)
    QApplication.processEvents()
    view = page.table_view
    assert not view.horizontalScrollBar().isVisible()
    columns = page.model.columns
    for col in (COL_PAID, COL_NOTE):
        i = columns.index(col)
        assert view.columnViewportPosition(i) + view.columnWidth(i) <= view.viewport().width()
    note = columns.index(COL_NOTE)
    assert view.columnWidth(note) >= view.fontMetrics().horizontalAdvance("长期外出")


def test_a_new_payments_page_offers_the_last_channel(qtbot, ctx):
    from enrollagent.ui.pages.payments import CHANNEL_SETTING, Page

    ctx.write(set_setting, CHANNEL_SETTING, "支付宝")
    page = Page(ctx)
    qtbot.addWidget(page)
    assert page.channel_combo.currentText() == "支付宝"


class Opened(QObject):
    """Receives what QDesktopServices would hand the system (Qt's own hook for it)."""

    def __init__(self) -> None:
        super().__init__()
        self.urls: list[str] = []

    @Slot(QUrl)
    def open(self, url: QUrl) -> None:
        self.urls.append(url.toLocalFile())


@pytest.fixture
def opened(qapp):
    receiver = Opened()
    QDesktopServices.setUrlHandler("file", receiver, "open")
    yield receiver
    QDesktopServices.unsetUrlHandler("file")


def _fake_lp(folder, code: int):
    """An `lp` on PATH that notes what it was asked to print and exits with `code`."""
    folder.mkdir()
    script = folder / "lp"
    script.write_text(f'#!/bin/sh\necho "$@" >> "{folder}/printed"\nexit {code}\n')
    script.chmod(script.stat().st_mode | stat.S_IEXEC)
    return folder / "printed"


@pytest.mark.skipif(os.name == "nt", reason="Windows prints through the PDF program's verb")
def test_result_bar_prints_a_pdf_and_opens_it_when_printing_fails(
    qtbot, tmp_path, monkeypatch, opened
):
    from enrollagent.ui.jobs import ResultBar

    bar = ResultBar()
    qtbot.addWidget(bar)
    pdf = tmp_path / "汇总表.pdf"
    pdf.write_bytes(b"%PDF-1.4\n")
    bar.show_path(tmp_path / "花名册.xlsx")
    assert bar.print_button.isHidden()  # a workbook is opened, not printed from here
    bar.show_path(pdf)
    assert not bar.print_button.isHidden()

    printed = _fake_lp(tmp_path / "bin", 0)
    monkeypatch.setenv("PATH", str(tmp_path / "bin"))
    bar.print_button.click()
    assert printed.read_text().strip() == str(pdf) and opened.urls == []

    _fake_lp(tmp_path / "nobin", 1)  # no printer set up: the viewer opens it instead
    monkeypatch.setenv("PATH", str(tmp_path / "nobin"))
    bar.print_button.click()
    assert opened.urls == [str(pdf)]
    bar.open_button.click()
    assert opened.urls == [str(pdf), str(pdf)]
