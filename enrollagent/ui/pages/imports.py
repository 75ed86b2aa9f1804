"""Page 导入: pick the kind and the file, see the columns found, a dry run's report, then apply."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt, Signal, Slot
from PySide6.QtGui import QDragEnterEvent, QDropEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from ...core.changes import EVERYTHING, Changes
from ...core.vocab import CATEGORIES
from ...imports import FIELD_LABELS, ImportReport, detect_columns, run_import
from ..context import AppContext
from ..jobs import Job, show_error
from ..rows import RowsModel, enter_presses_buttons, make_table

KINDS = (
    ("roster", QT_TRANSLATE_NOOP("imports", "花名册（上年度参保人员名册）")),
    ("groups", QT_TRANSLATE_NOOP("imports", "特殊群体名单（民政、乡村振兴、残联等）")),
    ("payments", QT_TRANSLATE_NOOP("imports", "征缴明细（税务导出）")),
)
# The report's counts in the order shown (the same words as the command line's report).
COUNT_LABELS = {
    "roster": (
        ("imported", QT_TRANSLATE_NOOP("imports", "新增人员")),
        ("households", QT_TRANSLATE_NOOP("imports", "新增户")),
        ("already_present", QT_TRANSLATE_NOOP("imports", "已在册")),
        ("duplicates", QT_TRANSLATE_NOOP("imports", "表内重复")),
        ("invalid_id", QT_TRANSLATE_NOOP("imports", "身份证号待核实")),
        ("upgraded", QT_TRANSLATE_NOOP("imports", "15位升18位")),
        ("flagged", QT_TRANSLATE_NOOP("imports", "标记人员类别")),
        ("history", QT_TRANSLATE_NOOP("imports", "有参保年限记录")),
        ("skipped", QT_TRANSLATE_NOOP("imports", "未导入")),
    ),
    "groups": (
        ("flagged", QT_TRANSLATE_NOOP("imports", "标记人数")),
        ("new_flags", QT_TRANSLATE_NOOP("imports", "新增标记")),
        ("name_mismatch", QT_TRANSLATE_NOOP("imports", "姓名不一致")),
        ("not_in_roster", QT_TRANSLATE_NOOP("imports", "不在本村花名册")),
        ("skipped", QT_TRANSLATE_NOOP("imports", "不符合条件")),
    ),
    "payments": (
        ("recorded", QT_TRANSLATE_NOOP("imports", "登记")),
        ("already_recorded", QT_TRANSLATE_NOOP("imports", "已登记过（票号重复）")),
        ("not_in_roster", QT_TRANSLATE_NOOP("imports", "对不上人（进待认领）")),
        ("other_year", QT_TRANSLATE_NOOP("imports", "其他年度")),
        ("ignored", QT_TRANSLATE_NOOP("imports", "其他险种")),
        ("skipped", QT_TRANSLATE_NOOP("imports", "无法读取")),
    ),
}


TABLE_SUFFIXES = (".xlsx", ".xls", ".csv")


def _t(text: str) -> str:
    return QCoreApplication.translate("imports", text)


def report_summary(report: ImportReport) -> str:
    head = _t("【试导入，未写入】") if report.dry_run else _t("【已导入】")
    counts = "，".join(
        f"{_t(label)} {report.counts[key]}"
        for key, label in COUNT_LABELS[report.kind]
        if key in report.counts
    )
    return _t("{head}{file}：表头在第{row}行，读到 {rows} 行数据。{counts}").format(
        head=head, file=report.file_name, row=report.header_row, rows=report.rows, counts=counts
    )


class Page(QWidget):
    imported = Signal(str)  # kind, after a real (not dry) run

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.job: Job | None = None
        self.report: ImportReport | None = None
        self._checked: tuple | None = None  # (kind, path, category) of the last good dry run
        self._pending: tuple | None = None
        self._on_done = None

        self.kind_combo = QComboBox()
        for kind, label in KINDS:
            self.kind_combo.addItem(_t(label), kind)
        self.file_edit = QLineEdit()
        self.file_edit.setReadOnly(True)
        self.file_edit.setPlaceholderText(self.tr("还没有选择文件（.xlsx / .xls / .csv）"))
        self.file_button = QPushButton(self.tr("选择文件… (Ctrl+O)"))
        file_row = QHBoxLayout()
        file_row.addWidget(self.file_edit, 1)
        file_row.addWidget(self.file_button)
        self.category_combo = QComboBox()
        self.category_combo.addItem(self.tr("按文件中的人员类别列（或名单标题）"), None)
        for c in CATEGORIES:
            self.category_combo.addItem(c.label, c.code)
        self.category_label = QLabel(self.tr("名单类别"))
        self.category_hint = QLabel()
        self.category_hint.setWordWrap(True)
        self.category_hint.setStyleSheet("color: #a15c00")
        form = QFormLayout()
        form.addRow(self.tr("导入什么"), self.kind_combo)
        form.addRow(self.tr("文件"), file_row)
        form.addRow(self.category_label, self.category_combo)
        form.addRow("", self.category_hint)

        self.dry_button = QPushButton(self.tr("试导入（只检查，不写入）"))
        self.apply_button = QPushButton(self.tr("正式导入"))
        self.apply_button.setEnabled(False)
        buttons = QHBoxLayout()
        buttons.addWidget(self.dry_button)
        buttons.addWidget(self.apply_button)
        buttons.addStretch(1)

        self.column_model = RowsModel(
            [(self.tr("字段"), False), (self.tr("文件中的表头"), False)], self
        )
        self.column_view = make_table(self.column_model, self)
        self.header_label = QLabel(self.tr("选好文件后，这里列出认出的列"))
        self.header_label.setWordWrap(True)
        columns_box = QGroupBox(self.tr("认出的列"))
        columns_layout = QVBoxLayout(columns_box)
        columns_layout.addWidget(self.header_label)
        columns_layout.addWidget(self.column_view, 1)

        self.summary_label = QLabel()
        self.summary_label.setWordWrap(True)
        self.summary_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.problem_model = RowsModel([(self.tr("行号"), True), (self.tr("原因"), False)], self)
        self.problem_view = make_table(self.problem_model, self)
        self.problem_view.horizontalHeader().setSectionResizeMode(
            QHeaderView.ResizeMode.Interactive
        )
        self.problem_view.setColumnWidth(0, 70)
        self.problem_view.setWordWrap(True)
        report_box = QGroupBox(self.tr("导入报告"))
        report_layout = QVBoxLayout(report_box)
        report_layout.addWidget(self.summary_label)
        report_layout.addWidget(self.problem_view, 1)

        splitter = QSplitter()
        splitter.addWidget(columns_box)
        splitter.addWidget(report_box)
        splitter.setStretchFactor(0, 1)
        splitter.setStretchFactor(1, 2)
        page = QVBoxLayout(self)
        page.addLayout(form)
        page.addLayout(buttons)
        page.addWidget(splitter, 1)

        self.kind_combo.currentIndexChanged.connect(self._on_kind_combo_currentIndexChanged)
        self.category_combo.currentIndexChanged.connect(self._on_category_combo_currentIndexChanged)
        self.file_button.clicked.connect(self._on_file_button_clicked)
        self.dry_button.clicked.connect(self._on_dry_button_clicked)
        self.apply_button.clicked.connect(self._on_apply_button_clicked)
        shortcut = QShortcut(QKeySequence("Ctrl+O"), self)
        shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        shortcut.activated.connect(self._on_file_button_clicked)
        self.setAcceptDrops(True)  # a file dragged from the desktop or a folder window
        self._on_kind_combo_currentIndexChanged()
        enter_presses_buttons(self)

    # --- state ------------------------------------------------------------------------------
    def kind(self) -> str:
        return self.kind_combo.currentData()

    def category(self) -> str | None:
        return self.category_combo.currentData() if self.kind() == "groups" else None

    def path(self) -> Path | None:
        return Path(self.file_edit.text()) if self.file_edit.text() else None

    def show_filter(self, filter: dict) -> None:
        kind = filter.get("kind")
        index = self.kind_combo.findData(kind) if kind else -1
        if index >= 0:
            self.kind_combo.setCurrentIndex(index)
        if filter.get("path"):
            self.set_file(filter["path"])
        self.file_button.setFocus()

    def refresh(self, changes: Changes = EVERYTHING) -> None:
        pass  # nothing here shows the store

    @Slot()
    def _on_kind_combo_currentIndexChanged(self) -> None:
        groups = self.kind() == "groups"
        self.category_label.setVisible(groups)
        self.category_combo.setVisible(groups)
        self.category_hint.setVisible(groups and bool(self.category_hint.text()))
        self._invalidate()
        if self.path() is not None:
            self._detect()

    @Slot()
    def _on_category_combo_currentIndexChanged(self) -> None:
        self._invalidate()

    def _invalidate(self) -> None:
        self._checked = None
        self.apply_button.setEnabled(False)

    # --- file and columns -------------------------------------------------------------------
    @staticmethod
    def _dropped_file(event: QDragEnterEvent | QDropEvent) -> str | None:
        urls = event.mimeData().urls() if event.mimeData().hasUrls() else []
        if len(urls) == 1 and urls[0].isLocalFile():
            name = urls[0].toLocalFile()
            if Path(name).suffix.lower() in TABLE_SUFFIXES:
                return name
        return None

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:  # noqa: N802
        if self._dropped_file(event):
            event.acceptProposedAction()
        else:
            event.ignore()

    def dropEvent(self, event: QDropEvent) -> None:  # noqa: N802
        name = self._dropped_file(event)
        if name:
            event.acceptProposedAction()
            self.set_file(name)

    @Slot()
    def _on_file_button_clicked(self) -> None:
        start = str(self.path().parent) if self.path() else ""
        name, _ = QFileDialog.getOpenFileName(
            self,
            self.tr("选择要导入的文件"),
            start,
            self.tr("表格文件 (*.xlsx *.xls *.csv);;所有文件 (*)"),
        )
        if name:
            self.set_file(name)

    def set_file(self, path: str | Path) -> None:
        self.file_edit.setText(str(path))
        self.report = None
        self.summary_label.clear()
        self.problem_model.set_rows([])
        self._invalidate()
        self._detect()

    def _detect(self) -> None:
        path, kind = self.path(), self.kind()
        self.header_label.setText(self.tr("正在读取表头…"))
        self.column_model.set_rows([])
        self._start(
            lambda _db, _progress: detect_columns(path, kind),
            db_path=None,
            label=self.tr("正在读取 {name}…").format(name=path.name),
            on_done=self._on_detect_done,
        )

    def _on_detect_done(self, found: tuple[int, dict[str, str]]) -> None:
        header_row, columns = found
        self.column_model.set_rows([(FIELD_LABELS.get(k, k), v) for k, v in columns.items()])
        self.header_label.setText(
            self.tr("表头在第 {row} 行，认出 {n} 列").format(row=header_row, n=len(columns))
        )
        missing = self.kind() == "groups" and "category" not in columns
        self.category_hint.setText(
            self.tr(
                "文件里没有人员类别列：名单标题或文件名说明不了类别时，请在上面选这份名单是哪一类"
            )
            if missing
            else ""
        )
        self.category_hint.setVisible(missing)
        self.dry_button.setFocus()

    # --- runs -------------------------------------------------------------------------------
    @Slot()
    def _on_dry_button_clicked(self) -> None:
        self.run(dry_run=True)

    @Slot()
    def _on_apply_button_clicked(self) -> None:
        self.run(dry_run=False)

    def run(self, *, dry_run: bool) -> Job | None:
        path = self.path()
        if path is None:
            show_error(self, self.tr("请先选择要导入的文件"))
            return None
        kind, category, actor = self.kind(), self.category(), self.ctx.actor()

        def work(db, progress):
            return run_import(
                db, kind, path, category=category, dry_run=dry_run, actor=actor, progress=progress
            )

        self._pending = (kind, str(path), category)
        label = self.tr("正在试导入 {name}…") if dry_run else self.tr("正在导入 {name}…")
        return self._start(
            work,
            db_path=self.ctx.db_path,
            label=label.format(name=path.name),
            on_done=self._on_run_done,
        )

    def _start(self, fn, *, db_path, label: str, on_done) -> Job | None:
        if self.job is not None and self.job.running:
            return None
        self._on_done = on_done
        self.dry_button.setEnabled(False)
        self.apply_button.setEnabled(False)
        self.job = Job(fn, db_path=db_path, label=label, parent=self)
        self.job.succeeded.connect(self._on_job_succeeded)
        self.job.failed.connect(self._on_job_failed)
        self.job.cancelled.connect(self._on_job_cancelled)
        return self.job.start()

    @Slot(object)
    def _on_job_succeeded(self, result: object) -> None:
        self.dry_button.setEnabled(True)
        self._on_done(result)

    @Slot(str)
    def _on_job_failed(self, message: str) -> None:
        self.dry_button.setEnabled(True)
        self.header_label.setText(self.tr("读不了这个文件"))
        self.summary_label.setText(message)
        show_error(self, message)

    @Slot()
    def _on_job_cancelled(self) -> None:
        self.dry_button.setEnabled(True)
        self.summary_label.setText(self.tr("已取消，数据没有任何改动"))

    def _on_run_done(self, report: ImportReport) -> None:
        self.report = report
        self.summary_label.setText(report_summary(report))
        self.problem_model.set_rows(
            [(p["row"], p["reason"]) for p in report.problems],
            sort_values=[(p["row"], p["reason"]) for p in report.problems],
        )
        if report.dry_run:
            self._checked = self._pending
            self.apply_button.setEnabled(True)
            self.apply_button.setFocus()
            return
        self._checked = None
        self.ctx.apply(report.changes)
        self.imported.emit(report.kind)
        if report.kind == "groups":
            self.summary_label.setText(report_summary(report) + self.tr("  可到“特殊群体”页查看。"))
