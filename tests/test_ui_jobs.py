"""ui/jobs.py: a core job runs off the GUI thread with its own connection; result, Chinese error
or cancel (rolled back) come back on the GUI thread."""

from __future__ import annotations

import threading

import pytest

pytest.importorskip("pytestqt")

from PySide6.QtCore import QThread  # noqa: E402
from PySide6.QtWidgets import QApplication, QPushButton, QWidget  # noqa: E402

from enrollagent.core import roster  # noqa: E402
from enrollagent.errors import EnrollError  # noqa: E402
from enrollagent.ui.jobs import Job, ResultBar  # noqa: E402


def _count(db) -> int:
    return db.execute("SELECT COUNT(*) FROM household").fetchone()[0]


def test_result_arrives_on_gui_thread_from_worker_connection(qtbot, db, db_path):
    seen = {}

    def work(wdb, progress):
        seen["thread"] = QThread.currentThread()
        progress.update(1, 2, "一半")
        roster.add_household(wdb, actor="王明", group_name="一组")
        return _count(wdb)

    job = Job(work, db_path=db_path)
    with qtbot.waitSignal(job.succeeded, timeout=10_000) as blocker:
        job.start()
    assert blocker.args == [1]
    assert seen["thread"] is not QApplication.instance().thread()
    assert job.state == "succeeded"
    assert _count(db) == 1  # the GUI's own connection sees the worker's commit


def test_enroll_error_becomes_a_chinese_sentence(qtbot, db_path, db):
    def work(wdb, progress):
        raise EnrollError("nothing_to_undo")

    job = Job(work, db_path=db_path)
    with qtbot.waitSignal(job.failed, timeout=10_000) as blocker:
        job.start()
    assert blocker.args == ["没有可以撤销的缴费记录"]


def test_unexpected_exception_shows_no_python_text(qtbot, db_path, db):
    def work(wdb, progress):
        raise KeyError("person_id")

    job = Job(work, db_path=db_path)
    with qtbot.waitSignal(job.failed, timeout=10_000) as blocker:
        job.start()
    assert "KeyError" not in blocker.args[0] and "person_id" not in blocker.args[0]
    assert "数据没有改动" in blocker.args[0]


def test_cancel_through_the_dialog_rolls_back(qtbot, db_path, db):
    parent = QWidget()
    qtbot.addWidget(parent)
    gate = threading.Event()

    def work(wdb, progress):
        with wdb.atomic():
            roster.add_household(wdb, actor="王明", group_name="一组")
            gate.wait(10)
            progress.update(1, 2, "写入")  # raises Cancelled: the transaction rolls back
        return "not reached"

    job = Job(work, db_path=db_path, parent=parent, label="测试")
    with qtbot.waitSignal(job.cancelled, timeout=10_000):
        job.start()
        job.dialog.findChild(QPushButton).click()  # the 取消 button
        gate.set()
    assert job.state == "cancelled" and job.dialog is None
    assert _count(db) == 0


def test_progress_reaches_the_dialog(qtbot, db_path, db):
    parent = QWidget()
    qtbot.addWidget(parent)
    gate = threading.Event()

    def work(wdb, progress):
        progress.update(3, 10, "第3行")
        gate.wait(10)
        return None

    job = Job(work, db_path=db_path, parent=parent)
    with qtbot.waitSignal(job.progressed, timeout=10_000):
        job.start()
    dialog = job.dialog
    assert (dialog.value(), dialog.maximum(), dialog.labelText()) == (3, 10, "第3行")
    with qtbot.waitSignal(job.finished, timeout=10_000):
        gate.set()


def test_result_bar_offers_the_file(qtbot, tmp_path):
    bar = ResultBar()
    qtbot.addWidget(bar)
    out = tmp_path / "a.pdf"
    out.write_bytes(b"%PDF")
    bar.show_path(out)
    assert not bar.isHidden() and str(out) in bar.path_label.text()
