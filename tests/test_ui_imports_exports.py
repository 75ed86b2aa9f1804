"""导入 and 导出与打印 pages: real files through the GUI's worker, progress, cancel (issue 5)."""

from __future__ import annotations

import threading

import pytest

pytest.importorskip("pytestqt")

from PySide6.QtCore import Qt  # noqa: E402
from PySide6.QtWidgets import QMessageBox  # noqa: E402

from enrollagent.ui.context import AppContext  # noqa: E402
from enrollagent.ui.jobs import Job  # noqa: E402
from enrollagent.ui.pages.imports import Page as ImportsPage  # noqa: E402
from tests.conftest import SAMPLES  # noqa: E402

ROSTER = SAMPLES / "village-a" / "roster.xlsx"
WAIT = 30_000


def persons(db) -> int:
    return db.execute("SELECT COUNT(*) FROM person").fetchone()[0]


@pytest.fixture
def ctx(db_path, db):
    context = AppContext(db_path)
    yield context
    context.close()


@pytest.fixture
def imports_page(qtbot, ctx):
    page = ImportsPage(ctx)
    qtbot.addWidget(page)
    page.resize(1160, 700)
    page.show()
    return page


def wait_job(qtbot, page):
    if page.job.running:
        qtbot.waitUntil(lambda: not page.job.running, timeout=WAIT)


def test_columns_then_dry_run_then_apply(qtbot, imports_page, ctx):
    page = imports_page
    page.show_filter({"kind": "roster", "path": str(ROSTER)})
    assert page.kind() == "roster"
    wait_job(qtbot, page)
    fields = [r[0] for r in page.column_model.rows]
    assert "身份证号" in fields and "姓名" in fields
    assert "表头在第" in page.header_label.text()

    progressed = []
    job = page.run(dry_run=True)
    job.progressed.connect(lambda done, total, msg: progressed.append((done, total)))
    wait_job(qtbot, page)
    assert job.state == "succeeded"
    report = page.report
    assert report.dry_run and report.counts["imported"] > 800
    assert persons(ctx.db) == 0  # a dry run writes nothing
    assert "试导入" in page.summary_label.text() and "新增人员" in page.summary_label.text()
    assert (
        page.problem_model.rowCount() == len(report.problems) > 0
    )  # every problem row, with its reason
    assert all(isinstance(r[0], int) and r[1] for r in page.problem_model.rows)
    assert any(total for _done, total in progressed)
    assert page.apply_button.isEnabled()

    with qtbot.waitSignal(ctx.changed, timeout=WAIT):
        qtbot.keyClick(page.apply_button, Qt.Key.Key_Return)  # keyboard users press Enter
    assert persons(ctx.db) == report.counts["imported"]
    assert not page.report.dry_run and not page.apply_button.isEnabled()


def test_cancel_leaves_the_store_untouched(qtbot, imports_page, ctx):
    page = imports_page
    page.set_file(ROSTER)
    wait_job(qtbot, page)
    gate = threading.Event()
    blocker = Job(
        lambda _db, _p: gate.wait(WAIT / 1000), db_path=None
    ).start()  # holds the serial lane
    job = page.run(dry_run=False)
    assert job is not None and job.running
    job.cancel()  # what the progress dialog's 取消 does
    gate.set()
    qtbot.waitUntil(lambda: not job.running and not blocker.running, timeout=WAIT)
    assert job.state == "cancelled"
    assert persons(ctx.db) == 0
    assert "没有任何改动" in page.summary_label.text()
    assert ctx.db.execute("SELECT COUNT(*) FROM import_log").fetchone()[0] == 0


def test_a_file_that_is_not_a_table_is_refused_in_chinese(qtbot, imports_page, tmp_path):
    bad = tmp_path / "名单.xlsx"
    bad.write_text("这不是表格")
    imports_page.set_file(bad)
    wait_job(qtbot, imports_page)
    assert imports_page.job.state == "failed"
    box = imports_page.findChildren(QMessageBox)[-1]
    assert "名单.xlsx" in box.text() and "Error" not in box.text()


def test_groups_offer_a_category(qtbot, imports_page):
    imports_page.show_filter({"kind": "groups"})
    assert imports_page.kind() == "groups" and imports_page.category_combo.isVisibleTo(imports_page)
    imports_page.show_filter({"kind": "payments"})
    assert not imports_page.category_combo.isVisibleTo(imports_page)


@pytest.fixture
def exports_page(qtbot, ctx, db):
    from enrollagent.core import roster
    from enrollagent.ui.pages.exports import Page as ExportsPage
    from tests.test_ui_payments import an_id

    for n, group in enumerate(("一组", "二组", "一组"), start=1):
        h = roster.add_household(db, actor="王明", hh_no=f"00{n}", group_name=group).id
        roster.add_person(
            db, household_id=h, name=f"张{n}", id_number=an_id(n), actor="王明", relation="户主"
        )
    page = ExportsPage(ctx)
    qtbot.addWidget(page)
    page.resize(1160, 700)
    page.show()
    return page


def test_every_export_is_offered_with_its_options(exports_page):
    page = exports_page
    assert [page.kind_list.item(i).data(256) for i in range(page.kind_list.count())] == [
        "roll",
        "checklist",
        "notice",
        "slips",
        "messages",
        "publicity",
        "summary",
        "package",
    ]
    page.show_filter({"kind": "slips"})
    assert page.group_combo.isVisibleTo(page) and page.unpaid_only_check.isVisibleTo(page)
    page.show_filter({"kind": "checklist"})
    assert not page.unpaid_only_check.isVisibleTo(page)
    assert page.group_combo.isVisibleTo(page)
    assert [page.group_combo.itemData(i) for i in range(page.group_combo.count())] == [
        None,
        "一组",
        "二组",
    ]
    assert page.default_path().name == "李庄村2024年度入户催缴清单.pdf"
    page.show_filter({"kind": "roll"})
    assert not page.group_combo.isVisibleTo(page) and page.year() == 2024


def test_roll_sheet_through_the_worker(qtbot, exports_page, tmp_path):
    import openpyxl

    page = exports_page
    page.show_filter({"kind": "roll"})
    out = tmp_path / "花名册.xlsx"
    job = page.export(out)
    qtbot.waitUntil(lambda: not job.running, timeout=WAIT)
    assert job.state == "succeeded", job.error
    assert out.is_file()
    sheet = openpyxl.load_workbook(out, read_only=True)["数据"]
    names = [row[4] for row in sheet.iter_rows(min_row=2, values_only=True)]
    assert sorted(names) == ["张1", "张2", "张3"]
    assert page.result_bar.path == out and not page.result_bar.isHidden()


def test_package_through_the_worker_verifies(qtbot, exports_page, tmp_path):
    from enrollagent.exports.package import verify_package

    pytest.importorskip("enrollagent.exports.summary")  # the package carries the summary PDF
    page = exports_page
    page.show_filter({"kind": "package"})
    assert page.default_path().name == "411725100001-2024-001.zip"
    out = tmp_path / page.default_path().name
    job = page.export(out)
    qtbot.waitUntil(lambda: not job.running, timeout=WAIT)
    assert job.state == "succeeded", job.error
    assert job.result == out and verify_package(out).ok


def test_cancelled_export_leaves_no_file(qtbot, exports_page, tmp_path):
    page = exports_page
    page.show_filter({"kind": "roll"})
    gate = threading.Event()
    blocker = Job(lambda _db, _p: gate.wait(WAIT / 1000), db_path=None).start()
    out = tmp_path / "花名册.xlsx"
    job = page.export(out)
    job.cancel()
    gate.set()
    qtbot.waitUntil(lambda: not job.running and not blocker.running, timeout=WAIT)
    assert job.state == "cancelled" and not out.exists()
    assert "没有留下" in page.status_label.text()


def test_a_dropped_file_is_read(qtbot, imports_page):
    from PySide6.QtCore import QMimeData, QPoint, QUrl
    from PySide6.QtGui import QDropEvent

    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(ROSTER))])
    event = QDropEvent(
        QPoint(5, 5),
        Qt.DropAction.CopyAction,
        mime,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    imports_page.dropEvent(event)
    assert imports_page.path() == ROSTER
    wait_job(qtbot, imports_page)
    assert imports_page.column_model.rowCount() > 2
