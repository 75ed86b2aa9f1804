"""The Windows build's spec built here on Linux, and the built program run headless: its version,
a village made and read back, an export that needs the bundled resources, the GUI for a second."""

from __future__ import annotations

import ast
import importlib.util
import json
import os
import subprocess
import sys
import time
from pathlib import Path

import pytest

from enrollagent import __version__

REPO = Path(__file__).resolve().parent.parent
SPEC = REPO / "packaging" / "enrollagent.spec"

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(sys.platform != "linux", reason="the program names here are Linux's"),
]


def ensure_pyinstaller() -> None:
    """The [test] extra brings PyInstaller; a venv made before it was added gets it here."""
    if importlib.util.find_spec("PyInstaller") is None:
        subprocess.run(
            [sys.executable, "-m", "pip", "install", "-q", "pyinstaller>=6.10"], check=True
        )


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """dist/EnrollAgent/ built from the spec into a temp folder (about 20 s on 2 cores)."""
    ensure_pyinstaller()
    out = tmp_path_factory.mktemp("build")
    started = time.monotonic()
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "PyInstaller",
            "--noconfirm",
            "--log-level",
            "WARN",
            "--distpath",
            str(out / "dist"),
            "--workpath",
            str(out / "work"),
            str(SPEC),
        ],
        capture_output=True,
        text=True,
        cwd=out,
    )
    assert result.returncode == 0, result.stderr[-4000:]
    folder = out / "dist" / "EnrollAgent"
    size = sum(f.stat().st_size for f in folder.rglob("*") if f.is_file() and not f.is_symlink())
    print(f"build: {time.monotonic() - started:.0f} s, {size / 1e6:.0f} MB in {folder}")
    return folder


@pytest.fixture
def env(tmp_path: Path) -> dict[str, str]:
    """A user of their own: data, settings and logs in the test's folder, the database by the
    environment variable the program honours."""
    return {
        **os.environ,
        "HOME": str(tmp_path),
        "XDG_CONFIG_HOME": str(tmp_path / "config"),
        "XDG_DATA_HOME": str(tmp_path / "data"),
        "XDG_STATE_HOME": str(tmp_path / "state"),
        "ENROLLAGENT_DB": str(tmp_path / "village" / "village.db"),
        "QT_QPA_PLATFORM": "offscreen",
    }


def run(program: Path, *args: str, env: dict[str, str]) -> subprocess.CompletedProcess:
    result = subprocess.run(
        [str(program), *args], capture_output=True, text=True, encoding="utf-8", env=env, timeout=60
    )
    assert result.returncode == 0, f"{args}: {result.stderr}"
    return result


def make_village(cli: Path, env: dict[str, str]) -> None:
    (Path(env["ENROLLAGENT_DB"]).parent).mkdir()
    run(cli, "init", "--village", "李庄村", "--township", "留庄镇", "--county", "获嘉县",
        "--agent", "王明", "--policy", "huojia-2024", "--year", "2027", env=env)  # fmt: skip


def test_version(built: Path, env: dict[str, str]) -> None:
    assert run(built / "enrollagent-cli", "--version", env=env).stdout.strip() == (
        f"enrollagent {__version__}"
    )


def test_village_made_and_read(built: Path, env: dict[str, str]) -> None:
    cli = built / "enrollagent-cli"
    make_village(cli, env)
    run(cli, "person", "add", "--name", "张三", "--id", "411725196501010013", env=env)
    status = json.loads(run(cli, "status", "--json", env=env).stdout)
    assert (status["year"], status["persons"], status["unpaid"]) == (2027, 1, 1)
    assert "huojia-2024" in run(cli, "policy", "list", env=env).stdout


def test_export_uses_bundled_template_and_fonts(built: Path, env: dict[str, str], tmp_path) -> None:
    """Slips read resources/templates and the fonts list, and draw through reportlab's data."""
    cli = built / "enrollagent-cli"
    make_village(cli, env)
    run(cli, "person", "add", "--name", "张三", "--id", "411725196501010013", env=env)
    pdf = tmp_path / "告知单.pdf"
    run(cli, "export", "slips", str(pdf), env=env)
    text = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True).stdout
    assert "2027年度" in text
    assert "张三" in text


def qt_modules_imported() -> set[str]:
    names = set()
    for path in (REPO / "enrollagent").rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ImportFrom) and node.module:
                names.add(node.module)
            elif isinstance(node, ast.Import):
                names.update(alias.name for alias in node.names)
    return {name.split(".")[1] for name in names if name.startswith("PySide6.")}


def test_only_the_qt_modules_used(built: Path) -> None:
    bundled = {so.name.split(".")[0] for so in (built / "_internal" / "PySide6").glob("Qt*.so")}
    assert bundled == qt_modules_imported()


def test_qt_chinese_bundled(built: Path) -> None:
    """Qt's own buttons are Chinese only if qtbase's translation came along."""
    translations = built / "_internal" / "PySide6" / "Qt" / "translations"
    assert (translations / "qtbase_zh_CN.qm").is_file()
    assert not (translations / "qtbase_de.qm").exists()  # only the languages the program offers


def test_own_translations_compiled(built: Path) -> None:
    """Each resources/i18n/*.ts is compiled into a .qm by the spec, whatever .qm the tree holds."""
    sources = {ts.stem for ts in (REPO / "resources" / "i18n").glob("*.ts")}
    bundled = {qm.stem for qm in (built / "_internal" / "resources" / "i18n").glob("*.qm")}
    assert bundled == sources


def test_gui_starts_and_quits(built: Path, env: dict[str, str]) -> None:
    """The windowed program opens the main window offscreen and quits after a second by itself
    (ENROLLAGENT_QUIT_AFTER_MS); the window closing normally saves the page it showed."""
    make_village(built / "enrollagent-cli", env)
    started = time.monotonic()
    run(built / "EnrollAgent", env={**env, "ENROLLAGENT_QUIT_AFTER_MS": "1000"})
    assert time.monotonic() - started >= 1.0
    settings = Path(env["XDG_CONFIG_HOME"]) / "EnrollAgent" / "EnrollAgent.conf"
    assert "last_page=overview" in settings.read_text(encoding="utf-8")
    backups = Path(env["ENROLLAGENT_DB"]).parent / "backups"
    assert list(backups.glob("village-*.db")), "the start of the day is backed up"


def test_gui_first_start_quits(built: Path, env: dict[str, str]) -> None:
    """On a new data folder the first-start wizard is up when the second ends: it is closed too
    (cancelled: no village is made)."""
    Path(env["ENROLLAGENT_DB"]).parent.mkdir()
    run(built / "EnrollAgent", env={**env, "ENROLLAGENT_QUIT_AFTER_MS": "1000"})
    status = subprocess.run(
        [str(built / "enrollagent-cli"), "status"], capture_output=True, text=True, env=env
    )
    assert status.returncode == 1
    assert "init" in status.stderr
