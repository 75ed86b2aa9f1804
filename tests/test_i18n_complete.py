"""Issue 20: both translations complete, up to date with the UI's source, and the .qm built from
them. When this fails: run packaging/build_translations.py, then translate what it marks
unfinished in resources/i18n/enrollagent_en.ts (pyside6-linguist)."""

from __future__ import annotations

import importlib.util
import re
import subprocess
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
I18N = ROOT / "resources" / "i18n"
_spec = importlib.util.spec_from_file_location(
    "build_translations", ROOT / "packaging" / "build_translations.py"
)
assert _spec and _spec.loader
build = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(build)

_FIELD = re.compile(r"\{\w*\}")
_ACCELERATOR = re.compile(r"&[^&\s]")


def kept(text: str) -> tuple[list[str], int, int]:
    """What must survive translation: format fields, one & accelerator (its letter may change),
    line breaks."""
    return sorted(_FIELD.findall(text)), len(_ACCELERATOR.findall(text)), text.count("\n")


def messages(lang: str) -> list[tuple[str, str, ET.Element | None]]:
    root = ET.parse(I18N / f"enrollagent_{lang}.ts").getroot()
    return [
        (c.findtext("name") or "", m.findtext("source") or "", m.find("translation"))
        for c in root.iter("context")
        for m in c.iter("message")
    ]


@pytest.mark.parametrize("lang", build.LANGUAGES)
def test_every_string_is_translated(lang):
    untranslated = [
        f"[{context}] {source}"
        for context, source, translation in messages(lang)
        if translation is None or not translation.text or translation.get("type")
    ]
    assert messages(lang)
    assert not untranslated, "\n".join(untranslated)


@pytest.mark.parametrize("lang", build.LANGUAGES)
def test_translations_keep_format_fields_and_accelerators(lang):
    wrong = [
        f"{source!r} -> {translation.text!r}"
        for _context, source, translation in messages(lang)
        if translation is not None and kept(source) != kept(translation.text or "")
    ]
    assert not wrong, "\n".join(wrong)


def test_ts_files_are_up_to_date_with_the_source():
    assert build.lagging() == []


def test_qm_is_built_from_the_ts(tmp_path):
    fresh = tmp_path / "en.qm"
    ts = I18N / "enrollagent_en.ts"
    subprocess.run([build.tool("lrelease"), "-silent", str(ts), "-qm", str(fresh)], check=True)
    assert fresh.read_bytes() == (I18N / "enrollagent_en.qm").read_bytes()


def test_a_new_untranslated_string_is_caught(tmp_path, monkeypatch):
    """The up-to-date check sees a string added to the UI and not yet in the .ts."""
    ui = tmp_path / "enrollagent" / "ui"
    ui.mkdir(parents=True)
    (ui / "w.py").write_text(
        "from PySide6.QtWidgets import QWidget\n\n\nclass W(QWidget):\n"
        "    def f(self):\n        return self.tr('还没翻译的字')\n",
        encoding="utf-8",
    )
    monkeypatch.setattr(build, "ROOT", tmp_path)
    assert sorted(build.lagging()) == ["enrollagent_en.ts", "enrollagent_zh_CN.ts"]
