"""乡镇汇总 mode: receive village packages, tasks, progress per village, 重复参保, the report."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QModelIndex, QSettings, Qt, Signal, Slot
from PySide6.QtGui import QAction, QCloseEvent, QDragEnterEvent, QDropEvent, QKeySequence
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QInputDialog,
    QLabel,
    QMainWindow,
    QPlainTextEdit,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from ..errors import EnrollError
from ..township.amendments import Amendment, list_amendments
from ..township.intake import AddResult, add_packages
from ..township.keys import KeyChange, compact_fingerprint
from ..township.report import write_report
from ..township.status import TownshipStatus, UnpaidPerson, township_status, unpaid_persons, years
from ..township.store import open_township
from ..township.tasks import ColumnUnsure, TaskLoad, load_tasks
from .jobs import Job, ResultBar, show_error
from .rows import RowsModel, make_table
from .township.amendments import AmendmentsPage
from .township.detail import VillageDetailDialog
from .township.keys import KeyChangeDialog
from .township.tables import (
    AMENDMENTS_COLUMN,
    VILLAGE_COLUMNS,
    duplicate_rows,
    gap_rows,
    totals_text,
    village_rows,
)


@dataclass(frozen=True)
class _Unsure:
    """A task table whose column the clerk is to pick, with the columns named so far."""

    path: Path
    name_col: str | None
    task_col: str | None
    error: ColumnUnsure


class TownshipWindow(QMainWindow):
    packages_added = Signal(int)  # how many were received
    status_loaded = Signal()
    village_requested = (
        Signal()
    )  # 文件 → 切换到村级模式; whoever opened this window decides what opens

    def __init__(self, township_db_path: str | Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.township_db_path = Path(township_db_path)
        self.status: TownshipStatus | None = None
        self.last_add: AddResult | None = None
        self.key_dialog: KeyChangeDialog | None = None
        self._key_changes: list[KeyChange] = []  # still to be shown, one dialog at a time
        self.column_dialog: QInputDialog | None = None
        self._unsure: _Unsure | None = None  # the task table the column dialog is about
        self.jobs: list[Job] = []
        self._warned: set[str] = set()
        self.setWindowTitle(self.tr("村医保征缴助手 — 乡镇汇总"))
        self.setAcceptDrops(True)

        self.add_action = QAction(self.tr("接收上报包…"), self)
        self.add_action.setShortcut(QKeySequence("Ctrl+O"))
        self.tasks_action = QAction(self.tr("载入任务分配表…"), self)
        self.tasks_action.setShortcut(QKeySequence("Ctrl+T"))
        self.report_action = QAction(self.tr("导出汇总表…"), self)
        self.report_action.setShortcut(QKeySequence("Ctrl+E"))
        toolbar = self.addToolBar(self.tr("操作"))
        toolbar.setMovable(False)
        toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        for action in (self.add_action, self.tasks_action, self.report_action):
            toolbar.addAction(action)
        menu = self.menuBar().addMenu(self.tr("文件(&F)"))
        for action in (self.add_action, self.tasks_action, self.report_action):
            menu.addAction(action)
        menu.addSeparator()
        self.village_action = QAction(self.tr("切换到村级模式(&V)"), self)
        self.village_action.triggered.connect(self.village_requested)
        menu.addAction(self.village_action)
        self.year_combo = QComboBox()
        self.year_combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        toolbar.addSeparator()
        toolbar.addWidget(QLabel(self.tr(" 参保年度 ")))
        toolbar.addWidget(self.year_combo)

        self.totals_label = QLabel()
        self.totals_label.setWordWrap(True)
        self.totals_label.setTextFormat(Qt.TextFormat.RichText)
        text_columns = {"村", "经办人", "联系电话", "最新上报包"}
        self.village_model = RowsModel(
            [(self.tr(c), c not in text_columns) for c in VILLAGE_COLUMNS], self
        )
        self.village_view = make_table(self.village_model, self, sortable=True)
        self.duplicate_model = RowsModel(
            [
                (self.tr("身份证号"), False),
                (self.tr("多处已参保"), False),
                (self.tr("登记在"), False),
            ],
            self,
        )
        self.duplicate_view = make_table(self.duplicate_model, self, sortable=True)
        self.gap_model = RowsModel(
            [
                (self.tr("村"), False),
                (self.tr("村民小组"), False),
                (self.tr("姓名"), False),
                (self.tr("身份证号"), False),
                (self.tr("人员类别"), False),
                (self.tr("未缴原因"), False),
            ],
            self,
        )
        self.gap_view = make_table(self.gap_model, self, sortable=True)
        self.amendments_page = AmendmentsPage()
        self.tabs = QTabWidget()
        self.tabs.addTab(self.village_view, self.tr("进度排名"))
        self.tabs.addTab(self.duplicate_view, self.tr("重复参保"))
        self.tabs.addTab(self.gap_view, self.tr("特殊群体未参保"))
        self.tabs.addTab(self.amendments_page, self.tr("更正"))
        self.village_view.setToolTip(
            self.tr(
                "双击一个村，查看它的各组、特殊群体、未缴原因和未缴名单；双击“更正”列，查看它的更正"
            )
        )
        self.detail_dialog: VillageDetailDialog | None = None

        self.log_edit = QPlainTextEdit()
        self.log_edit.setReadOnly(True)
        self.log_edit.setMaximumHeight(110)
        self.log_edit.setPlaceholderText(
            self.tr(
                "把村里的上报包（.zip）拖到这个窗口，或按 Ctrl+O 选择；"
                "被改动过的包、比已收到的更旧的包会被拒收并写明原因"
            )
        )
        self.result_bar = ResultBar()
        central = QWidget()
        layout = QVBoxLayout(central)
        layout.addWidget(self.totals_label)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(self.log_edit)
        layout.addWidget(self.result_bar)
        self.setCentralWidget(central)

        self.add_action.triggered.connect(self._on_add_action_triggered)
        self.tasks_action.triggered.connect(self._on_tasks_action_triggered)
        self.report_action.triggered.connect(self._on_report_action_triggered)
        self.year_combo.activated.connect(self._on_year_combo_activated)
        self.village_view.doubleClicked.connect(self._on_village_view_double_clicked)
        geometry = QSettings().value("township/geometry")
        if geometry is not None:
            self.restoreGeometry(geometry)
        else:
            self.resize(1280, 720)
        self.reload()

    # --- jobs -------------------------------------------------------------------------------
    def _run(self, fn, label: str, on_done) -> Job:
        db_path = self.township_db_path

        def work(db, progress):
            return fn(db, progress)

        job = Job(work, db_path=db_path, label=label, parent=self, opener=open_township)
        job.succeeded.connect(on_done)
        job.failed.connect(self._on_job_failed)
        job.finished.connect(self._on_job_finished)
        self.jobs.append(job)
        return job.start()

    def busy(self) -> bool:
        return any(j.running for j in self.jobs)

    @Slot()
    def _on_job_finished(self) -> None:
        self.jobs = [j for j in self.jobs if j.running]

    @Slot(str)
    def _on_job_failed(self, message: str) -> None:
        self.log(message)
        show_error(self, message)

    def log(self, line: str) -> None:
        self.log_edit.appendPlainText(line)

    # --- status -----------------------------------------------------------------------------
    def reload(self) -> Job:
        year = self.year_combo.currentData()

        def load(db, progress):
            try:
                status = township_status(db, year)
            except EnrollError as e:
                if e.code == "township_empty":
                    return [], None, []
                raise
            return years(db), status, list_amendments(db, status.year)

        return self._run(load, self.tr("正在汇总…"), self._on_status_loaded)

    @Slot(object)
    def _on_status_loaded(
        self, loaded: tuple[list[int], TownshipStatus | None, list[Amendment]]
    ) -> None:
        known, status, amendments = loaded
        self.status = status
        self.year_combo.clear()
        for y in known:
            self.year_combo.addItem(self.tr("{year}年度").format(year=y), y)
        if status is None:
            self.totals_label.setText(self.tr("还没有收到任何村的上报包。"))
            for model in (self.village_model, self.duplicate_model, self.gap_model):
                model.set_rows([])
            self.amendments_page.set_amendments([], [])
            self.status_loaded.emit()
            return
        self.year_combo.setCurrentIndex(self.year_combo.findData(status.year))
        self.totals_label.setText(totals_text(status))
        rows, sort_values, colors = village_rows(status)
        self.village_model.set_rows(
            rows, keys=[v.key for v in status.villages], sort_values=sort_values, colors=colors
        )
        rows, sort_values, colors = duplicate_rows(status)
        self.duplicate_model.set_rows(rows, sort_values=sort_values, colors=colors)
        self.gap_model.set_rows(gap_rows(status))
        self.tabs.setTabText(1, self.tr("重复参保 ({n})").format(n=len(status.duplicates)))
        self.tabs.setTabText(2, self.tr("特殊群体未参保 ({n})").format(n=len(status.gaps)))
        self.tabs.setTabText(3, self.tr("更正 ({n})").format(n=len(amendments)))
        self.amendments_page.set_amendments(amendments, status.villages)
        for w in status.warnings:
            if w not in self._warned:
                self._warned.add(w)
                self.log(self.tr("注意：{w}").format(w=w))
        self.status_loaded.emit()

    @Slot()
    def _on_year_combo_activated(self) -> None:
        self.reload()

    def show_amendments_of(self, village_key: str | None) -> None:
        """The 更正 tab with one village's amendments (all villages' when it has none)."""
        self.amendments_page.show_village(village_key)
        self.tabs.setCurrentWidget(self.amendments_page)

    @Slot(QModelIndex)
    def _on_village_view_double_clicked(self, index: QModelIndex) -> None:
        key = self.village_model.key_at(index.row())
        if index.column() == AMENDMENTS_COLUMN:
            self.show_amendments_of(key)
        else:
            self.show_village_detail(key)

    def show_village_detail(self, village_key: str) -> Job | None:
        """The village's detail dialog, once its unpaid persons are read (none for a village that
        has not reported: there is nothing to detail)."""
        village = next(
            (v for v in (self.status.villages if self.status else []) if v.key == village_key), None
        )
        if village is None or village.figures is None or self.status is None:
            return None
        year = self.status.year

        def load(db, _progress):
            return village, year, list(unpaid_persons(db, year, village_key))

        return self._run(load, self.tr("正在读取该村的未缴名单…"), self._on_village_detail_loaded)

    @Slot(object)
    def _on_village_detail_loaded(self, loaded: tuple[object, int, list[UnpaidPerson]]) -> None:
        village, year, unpaid = loaded
        if self.detail_dialog is not None:
            self.detail_dialog.close()
        self.detail_dialog = VillageDetailDialog(village, year, unpaid, self)  # type: ignore[arg-type]
        self.detail_dialog.amendments_requested.connect(self.show_amendments_of)
        self.detail_dialog.show()

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802
        QSettings().setValue("township/geometry", self.saveGeometry())
        super().closeEvent(event)

    # --- packages ---------------------------------------------------------------------------
    def add_packages(self, paths: list[str | Path], trusted: dict[str, str] | None = None) -> Job:
        paths = [Path(p) for p in paths]

        def add(db, progress):
            return add_packages(db, paths, trusted=trusted, progress=progress)

        self.log(self.tr("正在接收 {n} 个上报包…").format(n=len(paths)))
        job = self._run(add, self.tr("正在验签、接收上报包…"), self._on_packages_added)
        self.reload()  # queued behind the add on the serial lane
        return job

    @Slot(object)
    def _on_packages_added(self, result: AddResult) -> None:
        self.last_add = result
        for r in result.received:
            line = self.tr(
                "已接收 {village} {year}年度 第{seq}号包：{persons} 人，应参保 {eligible}，已参保 {enrolled}"
            ).format(
                village=r.village,
                year=r.year,
                seq=r.sequence,
                persons=r.persons,
                eligible=r.eligible,
                enrolled=r.enrolled,
            )
            if r.amendments:
                line += self.tr("，更正 {n} 条").format(n=r.amendments)
            if r.replaced is not None:
                line += self.tr("（替换第{n}号包）").format(n=r.replaced)
            self.log(line)
            if r.first_time:
                self.log(
                    self.tr("  已登记该村密钥指纹 {fp}（请与经办人核对汇总表上打印的指纹）").format(
                        fp=r.fingerprint
                    )
                )
        for a in result.already:
            self.log(a.reason)
        for k in result.shared_keys:
            self.log(self.tr("注意：{w}").format(w=k.text))
        changed = {c.path for c in result.key_changes}
        refused = [
            self.tr("拒收 {name}：{reason}").format(name=path.name, reason=reason)
            for path, reason in result.refused
        ]
        for line in refused:
            self.log(line)
        self.log(
            self.tr("新收 {a} 个，更新 {r} 个，已收过或较旧 {k} 个，拒收 {n} 个").format(
                a=len(result.added),
                r=len(result.replaced),
                k=len(result.already),
                n=len(result.refused),
            )
        )
        # A changed key gets its own dialog (old and new side by side), not an error box.
        others = [
            line
            for line, (path, _) in zip(refused, result.refused, strict=True)
            if path not in changed
        ]
        if others:
            show_error(self, "\n".join(others), self.tr("有上报包被拒收"))
        self._key_changes.extend(result.key_changes)
        self._offer_next_key()
        self.packages_added.emit(len(result.received))

    def _offer_next_key(self) -> None:
        if self.key_dialog is not None or not self._key_changes:
            return
        self.key_dialog = KeyChangeDialog(self._key_changes.pop(0), self)
        self.key_dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.key_dialog.finished.connect(self._on_key_dialog_finished)
        self.key_dialog.open()

    @Slot(int)
    def _on_key_dialog_finished(self, result: int) -> None:
        dialog, self.key_dialog = self.key_dialog, None
        assert dialog is not None
        change = dialog.change
        if result == KeyChangeDialog.DialogCode.Accepted:
            self.log(
                self.tr("已核对指纹，信任 {village} 的新密钥 {fp}").format(
                    village=change.village, fp=change.found
                )
            )
            self.add_packages(
                [change.path], trusted={change.village_key: compact_fingerprint(change.found)}
            )
        else:
            self.log(
                self.tr("未信任 {village} 的新密钥，{file} 保持拒收").format(
                    village=change.village, file=change.path.name
                )
            )
        self._offer_next_key()

    @Slot()
    def _on_add_action_triggered(self) -> None:
        names, _ = QFileDialog.getOpenFileNames(
            self, self.tr("选择村里的上报包"), "", self.tr("上报包 (*.zip)")
        )
        if names:
            self.add_packages(names)

    @staticmethod
    def _zips(event: QDragEnterEvent | QDropEvent) -> list[str]:
        if not event.mimeData().hasUrls():
            return []
        return [
            u.toLocalFile()
            for u in event.mimeData().urls()
            if u.isLocalFile() and u.toLocalFile().lower().endswith(".zip")
        ]

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:  # noqa: N802
        if self._zips(event):
            event.acceptProposedAction()
        else:
            event.ignore()

    def dragMoveEvent(self, event) -> None:  # noqa: N802
        event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:  # noqa: N802
        zips = self._zips(event)
        if zips:
            event.acceptProposedAction()
            self.add_packages(zips)

    # --- tasks and the report ---------------------------------------------------------------
    @Slot()
    def _on_tasks_action_triggered(self) -> None:
        name, _ = QFileDialog.getOpenFileName(
            self, self.tr("选择任务分配表"), "", self.tr("Excel 文件 (*.xlsx *.xls)")
        )
        if name:
            self.load_tasks(name)

    def load_tasks(
        self, path: str | Path, name_col: str | None = None, task_col: str | None = None
    ) -> Job:
        def work(db, _progress):
            try:
                return load_tasks(db, path, name_col=name_col, task_col=task_col)
            except ColumnUnsure as e:
                # Not a failure: the clerk picks the column and the table is read again.
                return _Unsure(Path(path), name_col, task_col, e)

        job = self._run(work, self.tr("正在载入任务分配表…"), self._on_tasks_loaded)
        self.reload()
        return job

    @Slot(object)
    def _on_tasks_loaded(self, loaded: TaskLoad | _Unsure) -> None:
        if isinstance(loaded, _Unsure):
            self._ask_column(loaded)
            return
        self.log(
            self.tr(
                "已载入 {n} 个村的任务数（工作表“{sheet}”，村名取“{name}”列，任务数取“{task}”列），"
                "合计 {total} 人"
            ).format(
                n=len(loaded.rows),
                sheet=loaded.sheet,
                name=loaded.name_header,
                task=loaded.task_header,
                total=loaded.total,
            )
        )
        for w in loaded.warnings:
            self.log(self.tr("注意：{w}").format(w=w))
        if loaded.warnings:
            show_error(self, "\n".join(loaded.warnings), self.tr("任务表的合计对不上"))

    def _ask_column(self, unsure: _Unsure) -> None:
        self.log(unsure.error.message)
        which = self.tr("村名") if unsure.error.option == "--name-col" else self.tr("任务数")
        self.column_dialog = QInputDialog(self)
        self.column_dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.column_dialog.setWindowTitle(self.tr("选择{which}所在的列").format(which=which))
        self.column_dialog.setLabelText(
            self.tr("{file} 里看不准哪一列是{which}，请选择：").format(
                file=unsure.path.name, which=which
            )
        )
        self.column_dialog.setComboBoxItems([f"{c} {t}" for c, t in unsure.error.columns])
        self.column_dialog.setComboBoxEditable(False)
        self._unsure = unsure
        self.column_dialog.textValueSelected.connect(self._on_column_dialog_text_value_selected)
        self.column_dialog.open()

    @Slot(str)
    def _on_column_dialog_text_value_selected(self, text: str) -> None:
        unsure = self._unsure
        assert unsure is not None
        letter = text.split(" ", 1)[0]
        if unsure.error.option == "--name-col":
            self.load_tasks(unsure.path, letter, unsure.task_col)
        else:
            self.load_tasks(unsure.path, unsure.name_col, letter)

    @Slot()
    def _on_report_action_triggered(self) -> None:
        if self.status is None:
            show_error(self, self.tr("还没有收到任何村的上报包，没有可导出的内容"))
            return
        default = str(
            Path.home() / self.tr("{year}年度乡镇参保汇总.xlsx").format(year=self.status.year)
        )
        name, _ = QFileDialog.getSaveFileName(
            self, self.tr("导出汇总表"), default, self.tr("Excel 文件 (*.xlsx)")
        )
        if name:
            self.export_report(name)

    def export_report(self, out: str | Path) -> Job:
        year = self.status.year if self.status else None
        return self._run(
            lambda db, _p: write_report(db, township_status(db, year), out),
            self.tr("正在导出汇总表…"),
            self._on_report_written,
        )

    @Slot(object)
    def _on_report_written(self, path: Path) -> None:
        self.log(self.tr("已导出 {path}").format(path=path))
        self.result_bar.show_path(path)
