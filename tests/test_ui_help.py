"""帮助 (issue 20): the guide from resources/guide/ in the help window (F1), its pictures and links
present, a page printed to PDF, and 关于 with version, data folder, key fingerprint and licence."""

from __future__ import annotations

import re

from PySide6.QtCore import Qt
from PySide6.QtGui import QTextDocument

from enrollagent import __version__
from enrollagent.exports.keys import load_or_create_key

from .test_export_pdfs import pages
from .ui_helpers import *  # noqa: F403 - the fixtures: qt_settings, boxes, village, ctx


def test_every_link_and_picture_of_the_guide_is_there():
    from enrollagent.ui.help import HOME, QUICK, guide_dir

    folder = guide_dir()
    assert (folder / HOME).is_file() and (folder / QUICK).is_file()
    for page in folder.glob("*.md"):
        for target in re.findall(r"\]\(([^)]+)\)", page.read_text(encoding="utf-8")):
            assert (folder / target).is_file(), f"{page.name}: {target}"


def test_f1_opens_the_guide_and_its_links_lead_on(qtbot, ctx):
    from enrollagent.ui.main_window import MainWindow

    window = MainWindow(ctx)
    qtbot.addWidget(window)
    with qtbot.waitActive(window):
        window.show()
        window.activateWindow()
    qtbot.keyClick(window, Qt.Key.Key_F1)
    help_window = window._help
    assert help_window is not None and help_window.isVisible()
    browser = help_window.browser
    assert browser.toPlainText().startswith("村医保征缴助手 使用指南")
    browser.setSource(browser.source().resolved("season.md"))
    assert "一步一步" in browser.toPlainText()
    image = browser.source().resolved("img/roster.png")
    picture = browser.document().resource(QTextDocument.ResourceType.ImageResource, image)
    assert picture is not None and not picture.isNull()
    window._on_quick_reference()
    assert "快速参考" in browser.toPlainText() and "Ctrl+P" in browser.toPlainText()


def test_a_guide_page_prints_to_a_pdf(qtbot, qt_settings, tmp_path):
    from enrollagent.ui.help import HelpWindow

    help_window = HelpWindow()
    qtbot.addWidget(help_window)
    help_window.show_page("quick.md")
    text = "".join(pages(help_window.page_pdf(tmp_path / "quick.pdf")))
    assert "快速参考" in text and "参保率" in text


def test_about_tells_version_folder_fingerprint_and_licence(qtbot, ctx):
    from PySide6.QtWidgets import QLabel

    from enrollagent.ui.help import AboutDialog

    fingerprint = load_or_create_key(ctx.db_path).fingerprint
    dialog = AboutDialog(ctx.db_path, None)
    qtbot.addWidget(dialog)
    texts = [label.text() for label in dialog.findChildren(QLabel)]
    assert __version__ in texts and "MIT" in texts and fingerprint in texts
    assert str(ctx.db_path.resolve().parent) in texts
