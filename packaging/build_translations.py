"""Bring resources/i18n/*.ts up to date with the UI's source strings and build the .qm files.

    .venv/bin/python packaging/build_translations.py          update the .ts, then build the .qm
    .venv/bin/python packaging/build_translations.py --check  exit 1 if a .ts lags the source

The source strings are Chinese, so the zh_CN file maps each one to itself (filled in here); the
English file gets new strings marked unfinished, for a translator to fill in with pyside6-linguist.
The .qm files are committed as well: a source checkout then runs in English without this step.
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
I18N = ROOT / "resources" / "i18n"
SOURCE_LANGUAGE = "zh_CN"
LANGUAGES = ("zh_CN", "en")
# Module-level helpers that translate like tr(); lupdate files their strings under context "".
ALIASES = "tr+=_t,tr+=_tr"


def tool(name: str) -> str:
    """pyside6-lupdate / pyside6-lrelease from the interpreter's own environment first."""
    beside = Path(sys.executable).parent / f"pyside6-{name}"
    found = str(beside) if beside.exists() else shutil.which(f"pyside6-{name}")
    if not found:
        raise SystemExit(f"找不到 pyside6-{name}（请先安装 PySide6）")
    return found


def sources() -> list[str]:
    return sorted(str(p.relative_to(ROOT)) for p in (ROOT / "enrollagent" / "ui").rglob("*.py"))


def ts_path(lang: str) -> Path:
    return I18N / f"enrollagent_{lang}.ts"


def lupdate(ts: Path, lang: str) -> None:
    subprocess.run(
        [tool("lupdate"), "-silent", "-locations", "none", "-no-obsolete"]
        + ["-tr-function-alias", ALIASES, "-source-language", SOURCE_LANGUAGE]
        + ["-target-language", lang, *sources(), "-ts", str(ts)],
        cwd=ROOT,
        check=True,
    )


def messages(ts: Path) -> set[tuple[str, str]]:
    """(context, source) of every message in a .ts."""
    root = ET.parse(ts).getroot()
    return {
        (c.findtext("name") or "", m.findtext("source") or "")
        for c in root.iter("context")
        for m in c.iter("message")
    }


def fill_source_language(ts: Path) -> None:
    """The Chinese file translates each string to itself, so no message stays unfinished."""
    tree = ET.parse(ts)
    for message in tree.getroot().iter("message"):
        translation = message.find("translation")
        if translation is None:
            translation = ET.SubElement(message, "translation")
        translation.text = message.findtext("source")
        translation.attrib.pop("type", None)
    text = ET.tostring(tree.getroot(), encoding="unicode")
    ts.write_text(f'<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n{text}\n', "utf-8")


def lagging() -> list[str]:
    """The .ts files whose messages differ from what lupdate finds in the source now."""
    with tempfile.TemporaryDirectory() as tmp:
        fresh = Path(tmp) / "fresh.ts"
        lupdate(fresh, "en")
        want = messages(fresh)
    return [ts_path(lang).name for lang in LANGUAGES if messages(ts_path(lang)) != want]


def build() -> None:
    I18N.mkdir(parents=True, exist_ok=True)
    for lang in LANGUAGES:
        ts = ts_path(lang)
        lupdate(ts, lang)
        if lang == SOURCE_LANGUAGE:
            fill_source_language(ts)  # nothing to build: the source strings are already Chinese
            continue
        qm = ts.with_suffix(".qm")
        subprocess.run([tool("lrelease"), "-silent", str(ts), "-qm", str(qm)], check=True)


def main() -> int:
    parser = argparse.ArgumentParser(description="更新界面翻译文件并生成 .qm")
    parser.add_argument("--check", action="store_true", help="只检查 .ts 是否与源代码一致")
    if parser.parse_args().check:
        late = lagging()
        for name in late:
            print(f"{name} 与源代码不一致：请运行 packaging/build_translations.py", file=sys.stderr)
        return 1 if late else 0
    build()
    return 0


if __name__ == "__main__":
    sys.exit(main())
