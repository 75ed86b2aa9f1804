"""Page 变更记录: the village's changes, newest first, filtered by day, kind and person, amendments
marked; exported to xlsx."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtCore import QDate, QSettings, QStandardPaths, Slot
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ...core.changes import EVERYTHING, Changes
from ...core.history import KINDS, LogFilter, village_log
from ...core.village import get_village
from ...exports.catalog import os_problem
from ...exports.changelog import write_change_log
from ..context import AppContext
from ..models.history import LOG_COLUMNS, HistoryModel, make_history_view
from ..widgets.common import MUTED, DateEdit, heading
from . import follow_changes

FOLDER_SETTING = "changelog/folder"
DEFAULT_DAYS = (
    30  # the page opens on the last month: an import's years of history stay one click off
)


class Page(QWidget):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.person_id: int | None = None
        self.title_label = heading("", self)
        self.year_label = QLabel(self)
        self.year_label.setStyleSheet(f"color: {MUTED};")
        self.year_label.setWordWrap(True)

        today = QDate.currentDate()
        self.since_edit = DateEdit(today.addDays(-DEFAULT_DAYS), self)
        self.until_edit = DateEdit(today, self)
        self.kind_combo = QComboBox(self)
        self.kind_combo.addItem(self.tr("全部"), None)
        for key, label in KINDS.items():
            self.kind_combo.addItem(label, key)
        self.person_edit = QLineEdit(self)
        self.person_edit.setPlaceholderText(self.tr("姓名或身份证号，回车查找"))
        self.person_edit.setClearButtonEnabled(True)
        self.person_edit.setMinimumWidth(
            self.person_edit.fontMetrics().horizontalAdvance("姓名或身份证号，回车查找") + 40
        )
        self.person_label = QLabel(self.tr("全部人员"), self)
        self.amendments_check = QCheckBox(self.tr("只看更正"), self)
        self.export_button = QPushButton(self.tr("导出xlsx…"), self)
        self.count_label = QLabel(self)

        filters = QHBoxLayout()
        for label, widget in (
            (self.tr("从"), self.since_edit),
            (self.tr("到"), self.until_edit),
            (self.tr("类别"), self.kind_combo),
            (self.tr("人员"), self.person_edit),
        ):
            filters.addWidget(QLabel(label, self))
            filters.addWidget(widget)
        filters.addWidget(self.person_label)
        filters.addWidget(self.amendments_check)
        filters.addStretch(1)
        filters.addWidget(self.export_button)

        self.model = HistoryModel(LOG_COLUMNS, self)
        self.view = make_history_view(self.model, self)
        layout = QVBoxLayout(self)
        layout.addWidget(self.title_label)
        layout.addWidget(self.year_label)
        layout.addLayout(filters)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.count_label)

        for edit in (self.since_edit, self.until_edit):
            edit.dateChanged.connect(self._on_filter_changed)
        self.kind_combo.currentIndexChanged.connect(self._on_filter_changed)
        self.amendments_check.toggled.connect(self._on_filter_changed)
        self.person_edit.returnPressed.connect(self._on_person_edit_returnPressed)
        self.person_edit.textChanged.connect(self._on_person_edit_textChanged)
        self.export_button.clicked.connect(self._on_export_button_clicked)
        self.refresh()
        follow_changes(self, ctx)

    # --- filters --------------------------------------------------------------------------
    def log_filter(self) -> LogFilter:
        return LogFilter(
            since=self.since_edit.date().toPython(),
            until=self.until_edit.date().toPython(),
            kind=self.kind_combo.currentData(),
            person_id=self.person_id,
        )

    def show_filter(self, filter: dict) -> None:
        """{"person_id": …} shows one person's changes; {"kind": …}, {"amendments": True}."""
        if "kind" in filter:
            self.kind_combo.setCurrentIndex(max(0, self.kind_combo.findData(filter["kind"])))
        if "amendments" in filter:
            self.amendments_check.setChecked(bool(filter["amendments"]))
        if "person_id" in filter:
            self._choose_person(filter["person_id"])
        self.refresh()

    def _choose_person(self, person_id: int | None) -> None:
        self.person_id = person_id
        state = self.ctx.snapshot().by_id.get(person_id) if person_id is not None else None
        if person_id is None:
            self.person_label.setText(self.tr("全部人员"))
        elif state is not None:
            self.person_label.setText(f"{state.name} {state.id_number[-6:]}")

    @Slot()
    def _on_person_edit_returnPressed(self) -> None:
        text = self.person_edit.text().strip()
        if not text:
            self._choose_person(None)
            self.refresh()
            return
        found = [
            s
            for s in self.ctx.snapshot().states
            if s.name == text or (s.id_number and text.upper() in s.id_number)
        ]
        if not found:
            found = [s for s in self.ctx.snapshot().states if text in s.name]
        if not found:
            self.person_label.setText(self.tr("查无此人"))
            self.person_id = -1  # nobody: an empty list, not everybody's
        else:
            self._choose_person(found[0].person_id)
            if len(found) > 1:
                self.person_label.setText(
                    self.person_label.text()
                    + self.tr("（共 {0} 人相符，显示第一位）").format(len(found))
                )
        self.refresh()

    @Slot(str)
    def _on_person_edit_textChanged(self, text: str) -> None:
        if not text.strip() and self.person_id is not None:
            self._choose_person(None)
            self.refresh()

    @Slot()
    def _on_filter_changed(self) -> None:
        self.refresh()

    # --- contents -------------------------------------------------------------------------
    def refresh(self, changes: Changes = EVERYTHING) -> None:
        village = get_village(self.ctx.db)
        self.title_label.setText(self.tr("{0} 变更记录").format(village.title))
        self.year_label.setText(
            self.tr(
                "当前参保年度：{0}年度。黄底并在“更正”栏标“是”的，是更正了已上报乡镇的内容，"
                "会列入下次上报包。"
            ).format(village.current_year)
        )
        entries = village_log(self.ctx.db, self.log_filter())
        if self.amendments_check.isChecked():
            entries = [e for e in entries if e.amendment]
        self.model.set_entries(entries)
        amended = sum(e.amendment for e in entries)
        self.count_label.setText(
            self.tr("共 {0} 条，其中更正 {1} 条").format(len(entries), amended)
        )
        self.export_button.setEnabled(bool(entries))

    # --- export ---------------------------------------------------------------------------
    def default_path(self) -> Path:
        folder = (
            QSettings().value(FOLDER_SETTING, "")
            or QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
            or str(Path.home())
        )
        name = f"{get_village(self.ctx.db).title}_变更记录_{date.today().isoformat()}.xlsx"
        return Path(str(folder)) / name

    @Slot()
    def _on_export_button_clicked(self) -> None:
        name, _ = QFileDialog.getSaveFileName(
            self, self.tr("导出变更记录"), str(self.default_path()), self.tr("Excel 文件 (*.xlsx)")
        )
        if name:
            self.export(Path(name if name.lower().endswith(".xlsx") else name + ".xlsx"))

    def export(self, path: Path) -> None:
        """Write the rows shown to `path` and say where they went."""
        village = get_village(self.ctx.db)
        try:
            write_change_log(
                self.model.entries, path, village=village.title, year=village.current_year
            )
        except OSError as e:
            QMessageBox.warning(
                self, self.tr("无法导出"), self.tr("无法写入 {0}：{1}").format(path, os_problem(e))
            )
            return
        QSettings().setValue(FOLDER_SETTING, str(path.parent))
        self.count_label.setText(
            self.tr("已导出 {0} 条到 {1}").format(len(self.model.entries), path)
        )
