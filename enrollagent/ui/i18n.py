"""The app's language: Qt's own words (qtbase) and ours (resources/i18n/*.qm), chosen in 设置."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QSettings, QTranslator

from .. import paths

LANGUAGES = {"zh_CN": "中文", "en": "English"}
DEFAULT = "zh_CN"
SETTING = "ui/language"
_installed: list[QTranslator] = []  # what set_language installed last, to take out on a change


class AppTranslator(QTranslator):
    """Our .qm, also found by source text alone: module-level helpers (`tr`, `_t`) translate under
    their own context, while lupdate files their strings under the empty one."""

    def translate(
        self, context: str, source: str, disambiguation: str | None = None, n: int = -1
    ) -> str | None:
        found = super().translate(context, source, disambiguation, n)
        if not found and context:
            found = super().translate("", source, disambiguation, n)
        # None, not "", tells Qt "not here": an empty string would be taken as the translation.
        return found or None


def language() -> str:
    value = QSettings().value(SETTING, DEFAULT)
    return value if value in LANGUAGES else DEFAULT


def qm_path(lang: str) -> Path:
    return paths.resource_dir() / "i18n" / f"enrollagent_{lang}.qm"


def set_language(lang: str | None = None, *, remember: bool = False) -> None:
    """Install the translators for lang (default: the saved choice). Qt sends LanguageChange to
    every widget, so Qt's own dialogs and any text built from now on follow at once."""
    app = QCoreApplication.instance()
    if app is None:
        return
    lang = lang if lang in LANGUAGES else language()
    if remember:
        QSettings().setValue(SETTING, lang)
    while _installed:
        app.removeTranslator(_installed.pop())
    # The source texts are Chinese, so Chinese needs only Qt's own words; English needs only ours
    # (Qt's own are English already).
    if lang == "zh_CN":
        qt = QTranslator(app)
        china = QLocale(QLocale.Language.Chinese, QLocale.Country.China)
        folder = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
        if qt.load(china, "qtbase", "_", folder):
            _installed.append(qt)
    else:
        ours = AppTranslator(app)
        if ours.load(str(qm_path(lang))):
            _installed.append(ours)
    for translator in _installed:
        app.installTranslator(translator)
