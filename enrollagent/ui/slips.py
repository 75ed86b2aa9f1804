"""One household's 缴费告知单 from the roster's household panel: written on the job lane, opened."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject, QSettings, QStandardPaths, Slot
from PySide6.QtWidgets import QFileDialog, QWidget

from ..core.village import get_village
from ..exports.catalog import CATALOG
from ..exports.slips import write_slips
from .context import AppContext
from .jobs import Job, open_file, show_error
from .pages.exports import FOLDER_SETTING


class HouseholdSlip(QObject):
    def __init__(self, ctx: AppContext, parent: QWidget) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.parent_widget = parent
        self.job: Job | None = None
        self.written: Path | None = None

    def default_path(self, head: str) -> Path:
        village = get_village(self.ctx.db)
        name = CATALOG["slips"].default_name(village, village.current_year, head or None)
        folder = (
            QSettings().value(FOLDER_SETTING, "")
            or QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
            or str(Path.home())
        )
        return Path(folder) / name

    def ask(self, household_id: int, head: str) -> None:
        name, _ = QFileDialog.getSaveFileName(
            self.parent_widget,
            self.tr("打印本户缴费告知单"),
            str(self.default_path(head)),
            self.tr("缴费告知单 (*.pdf)"),
        )
        if name:
            self.start(household_id, Path(name if name.lower().endswith(".pdf") else name + ".pdf"))

    def start(self, household_id: int, out: Path) -> Job | None:
        if self.job is not None and self.job.running:
            return None

        def work(db, progress):
            return write_slips(db, out, household_ids=[household_id], progress=progress)

        self.job = Job(work, db_path=self.ctx.db_path, parent=self.parent_widget)
        self.job.succeeded.connect(self._on_job_succeeded)
        self.job.failed.connect(self._on_job_failed)
        return self.job.start()

    @Slot(object)
    def _on_job_succeeded(self, path: Path) -> None:
        self.written = path
        open_file(path)

    @Slot(str)
    def _on_job_failed(self, message: str) -> None:
        show_error(self.parent_widget, message)
