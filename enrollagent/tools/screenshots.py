"""Start the real main window on a demo village at 1366×768 and save a PNG of each page.

    xvfb-run -a python -m enrollagent.tools.screenshots OUTDIR [--large] [--db DEMO.db] [--size N]

Settings go to a temporary directory, so the user's own window size and font are left alone."""

from __future__ import annotations

import argparse
import tempfile
import time
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QSettings
from PySide6.QtWidgets import QApplication

from ..core.demo import build_demo
from ..db import open_database

WIDTH, HEIGHT = 1366, 768
# Three small villages for the 乡镇汇总 window: (code, name, persons, seed).
TOWNSHIP_VILLAGES = (
    ("410724100201", "大王庄村", 400, 7),
    ("410724100202", "小王庄村", 300, 8),
    ("410724100203", "东彰仪村", 500, 9),
)


def _settle(app: QApplication, rounds: int = 5) -> None:
    for _ in range(rounds):
        app.processEvents()
        time.sleep(0.02)


def township_packages(work: Path) -> list[Path]:
    """One signed package per demo village, the first village a second with two amendments; the
    later villages also enroll one of the first's people (重复参保)."""
    from ..core.figures import person_states
    from ..core.payments import record_payment
    from ..core.roster import add_household, add_person
    from ..core.village import update_village
    from ..exports.catalog import run_export

    packages, shared = [], None
    for code, name, size, seed in TOWNSHIP_VILLAGES:
        folder = work / "township" / code
        folder.mkdir(parents=True)
        db = open_database(folder / "village.db")
        build_demo(db, size=size, seed=seed)
        update_village(db, actor="演示", code=code, name=name)
        if shared is None:
            shared = next((s.name, s.id_number) for s in person_states(db) if s.id_valid)
        else:
            household = add_household(db, actor="演示", hh_no="9999", group_name="一组").id
            person = add_person(
                db, household_id=household, name=shared[0], id_number=shared[1], actor="演示"
            ).id
            record_payment(db, person_id=person, actor="演示")
        packages.append(run_export(db, "package", work / "township" / "out"))
        if len(packages) == 1:  # the first village corrects two reported rows and sends again
            amend_two(db)
            packages.append(run_export(db, "package", work / "township" / "out"))
        db.close()
    return packages


def township_shot(app: QApplication, work: Path, path: Path) -> None:
    from ..ui.township_window import TownshipWindow

    window = TownshipWindow(work / "township" / "township.db")
    window.resize(WIDTH, HEIGHT)
    window.show()
    _settle(app)
    window.add_packages(township_packages(work))
    for _ in range(2):  # the intake, then the reload it starts
        while window.busy():
            _settle(app, 1)
        _settle(app, 10)
    window.grab().save(str(path))
    print(path)
    window.tabs.setCurrentIndex(1)  # 重复参保
    _settle(app)
    duplicates = path.with_name(path.name.replace("10-township", "10b-township-duplicates"))
    window.grab().save(str(duplicates))
    print(duplicates)
    window.close()


def amend_after_package(db, work: Path) -> int:
    """A package sent, then two amendments with their reasons: what 变更记录 is for. Returns the
    person whose phone was corrected."""
    from ..exports.package import build_package

    build_package(db, work / "package")
    return amend_two(db)


def amend_two(db) -> int:
    """Correct two reported rows with their reasons (a phone, a cover); returns the first person."""
    from ..core.figures import person_states
    from ..core.roster import set_coverage, update_person

    first, second = [s for s in person_states(db) if s.id_valid][:2]
    update_person(db, first.person_id, actor="王明", phone="13912345678", reason="电话号码录入错误")
    set_coverage(
        db, second.person_id, "employee", actor="王明", note="县人民医院", reason="核实后更正"
    )
    return first.person_id


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="给每个页面截图")
    parser.add_argument("outdir", type=Path)
    parser.add_argument("--large", action="store_true", help="大字号")
    parser.add_argument("--db", type=Path, help="已有的演示村数据库（默认新建一个）")
    parser.add_argument("--size", type=int, default=6000)
    args = parser.parse_args(argv)
    args.outdir.mkdir(parents=True, exist_ok=True)
    work = Path(tempfile.mkdtemp(prefix="enrollagent-shots-"))
    db_path = args.db
    amended = None
    if db_path is None:
        db_path = work / "demo.db"
        db = open_database(db_path)
        build_demo(db, size=args.size)
        amended = amend_after_package(db, work)
        db.close()

    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(work / "settings"))
    QCoreApplication.setOrganizationName("EnrollAgentScreenshots")
    QCoreApplication.setApplicationName("EnrollAgentScreenshots")
    QSettings().setValue("ui/font_size", "large" if args.large else "normal")

    from ..ui.context import AppContext
    from ..ui.main import make_application
    from ..ui.main_window import MainWindow
    from ..ui.pages import PAGES

    app = make_application([])
    started = time.perf_counter()
    ctx = AppContext(db_path)
    window = MainWindow(ctx)
    window.resize(WIDTH, HEIGHT)
    window.show()
    app.processEvents()
    print(
        f"open: {time.perf_counter() - started:.2f} s (main window shown with the overview filled)"
    )
    suffix = "-large" if args.large else ""
    for i, (key, _title) in enumerate(PAGES, start=1):
        window.show_page(key)
        _settle(app)
        path = args.outdir / f"{i}-{key}{suffix}.png"
        window.grab().save(str(path))
        print(path)
    settings = window.show_page("settings")
    for tab, name in ((1, "7b-settings-subsidies"), (2, "7c-settings-long-term")):
        settings.policy_editor.tabs.setCurrentIndex(tab)
        _settle(app)
        window.grab().save(str(args.outdir / f"{name}{suffix}.png"))
    window.show_page("roster").show_filter({"search": "wxm"})
    _settle(app, 20)
    window.grab().save(str(args.outdir / f"2b-roster-search{suffix}.png"))
    from ..ui.dialogs.person import PersonDialog

    page = window.show_page("roster")
    person = page.selected_person()
    dialog = PersonDialog(ctx, window, person_id=person)
    dialog.show()
    number = dialog.id_field.text()
    dialog.id_field.setText(number[:-1] + ("1" if number[-1] != "1" else "2"))  # a typo: says why
    _settle(app)
    dialog.grab().save(str(args.outdir / f"8-person-dialog{suffix}.png"))
    dialog.close()
    from ..ui.dialogs.household import HouseholdDialog
    from ..ui.dialogs.person_year import CoverageDialog

    for name, other in (
        ("8b-household-dialog", HouseholdDialog(ctx, window)),
        ("8c-coverage-dialog", CoverageDialog(ctx, window, person)),
    ):
        other.show()
        if isinstance(other, CoverageDialog):
            other.coverage_combo.setCurrentIndex(other.coverage_combo.findData("elsewhere"))
        _settle(app)
        other.grab().save(str(args.outdir / f"{name}{suffix}.png"))
        other.close()
    if amended is not None:
        history = PersonDialog(ctx, window, person_id=amended)
        history.show()
        assert history.tabs is not None
        history.tabs.setCurrentIndex(1)  # 变更记录, the correction and its reason at the bottom
        _settle(app)
        history.grab().save(str(args.outdir / f"8f-person-history{suffix}.png"))
        history.close()
        from ..core.reasons import package_day
        from ..core.village import get_village
        from ..ui.dialogs.reason import ReasonDialog

        year = get_village(ctx.db).current_year
        reason = ReasonDialog(window, year=year, day=package_day(ctx.db, year), what="修改此人信息")
        reason.show()
        _settle(app)
        reason.grab().save(str(args.outdir / f"8g-reason-dialog{suffix}.png"))
        reason.close()
    from ..ui.dialogs.new_year import NewYearDialog

    new_year = NewYearDialog(ctx, window)
    new_year.show()
    _settle(app)
    new_year.grab().save(str(args.outdir / f"8d-new-year-dialog{suffix}.png"))
    new_year.next_button.click()
    _settle(app)
    new_year.grab().save(str(args.outdir / f"8e-new-year-preview{suffix}.png"))
    new_year.close()
    from ..ui.wizard import POLICY, SetupWizard

    wizard = SetupWizard(work / "new.db")
    wizard.show()
    wizard.setField("county", "获嘉县")
    wizard.setField("township", "照镜镇")
    wizard.setField("village", "大王庄村")
    wizard.setField("agent", "王明")
    while wizard.currentId() != POLICY:
        wizard.next()
    _settle(app)
    wizard.grab().save(str(args.outdir / f"9-wizard-policy{suffix}.png"))
    editor = wizard.policy_page.editor
    editor.tabs.setCurrentIndex(1)
    amount = editor.value_edits["marginal"]
    amount.clear()
    amount.textEdited.emit("")  # 定额 without an amount: the problem on its row
    _settle(app)
    wizard.grab().save(str(args.outdir / f"9c-wizard-subsidies{suffix}.png"))
    amount.setText("80")
    amount.textEdited.emit("80")
    editor.tabs.setCurrentIndex(2)
    _settle(app)
    wizard.grab().save(str(args.outdir / f"9d-wizard-long-term{suffix}.png"))
    wizard.next()
    _settle(app)
    wizard.grab().save(str(args.outdir / f"9b-wizard-finish{suffix}.png"))
    wizard.close()
    window.close()
    township_shot(app, work, args.outdir / f"10-township{suffix}.png")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
