"""Page 导出与打印: every export of the catalog with its options, written on the job lane, then opened."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QCoreApplication,
    QSettings,
    QStandardPaths,
    Qt,
    Signal,
    Slot,
)
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ...core.changes import EVERYTHING, Changes
from ...core.village import coverage_years, get_village
from ...exports.catalog import CATALOG, run_export, village_groups
from ...exports.package import next_sequence
from ..context import AppContext
from ..jobs import Job, ResultBar, show_error
from ..rows import enter_presses_buttons
from . import follow_changes

FOLDER_SETTING = "exports/last_folder"  # QSettings: where the last file went
DESCRIPTIONS = {
    "roll": QT_TRANSLATE_NOOP(
        "exports", "全村花名册（Excel）：每人一行，交乡镇或存档；第二张表“数据”供系统导入。"
    ),
    "checklist": QT_TRANSLATE_NOOP(
        "exports",
        "入户催缴清单（PDF）：未缴费的人按组、按户列出，带勾选框和备注栏，"
        "上门催缴时打印带上。可只打印一个组。",
    ),
    "notice": QT_TRANSLATE_NOOP(
        "exports",
        "参保缴费情况公示（PDF）：已参保的人，身份证号打码，不含金额、人员类别和电话，"
        "张贴在村务公开栏。可只打印一个组。",
    ),
    "slips": QT_TRANSLATE_NOOP(
        "exports",
        "缴费告知单（PDF）：每户一张，一页印三张，沿虚线剪开发到各户：每人应缴多少、本户合计、"
        "怎么缴、截止日期，以及逾期缴费要等几个月才能报销。可只打印一个组或只印未缴的户。",
    ),
    "messages": QT_TRANSLATE_NOOP(
        "exports",
        "催缴消息（Excel）：每个未缴费的户一条短信或微信消息，旁边是电话；另有发到村民群的"
        "进度消息（不点名）和政策宣传。也可以在“催缴消息”页一条条复制。",
    ),
    "publicity": QT_TRANSLATE_NOOP(
        "exports",
        "政策宣传单（PDF，一页）：缴费标准、各类资助、缴费时间和方式、待遇等待期和连续参保奖励，"
        "张贴或发给村民。",
    ),
    "summary": QT_TRANSLATE_NOOP(
        "exports",
        "汇总表（PDF）：各项数字、按组和按特殊群体的情况，经办人和村委会主任签字、"
        "盖章处，印有花名册文件的校验码。",
    ),
    "package": QT_TRANSLATE_NOOP(
        "exports",
        "上报包（.zip）：花名册、汇总表和全部数据，用本机密钥签名，交乡镇汇总"
        "（U盘或微信发送都可以）。每次导出编号加一。",
    ),
}


def _t(text: str) -> str:
    return QCoreApplication.translate("exports", text)


class Page(QWidget):
    exported = Signal(str)  # the path written

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.job: Job | None = None
        self.in_force = 0  # the year in force when the year combo was last filled

        self.kind_list = QListWidget()
        for spec in CATALOG.values():
            item = QListWidgetItem(f"{_t(spec.title)}（{spec.suffix}）")
            item.setData(Qt.ItemDataRole.UserRole, spec.kind)
            self.kind_list.addItem(item)
        self.kind_list.setCurrentRow(0)
        self.kind_list.setSpacing(6)  # five big targets, not a dense list
        self.kind_list.setMaximumWidth(
            self.kind_list.fontMetrics().horizontalAdvance("参保缴费情况公示（.pdf）") + 60
        )
        left = QGroupBox(self.tr("导出什么"))
        QVBoxLayout(left).addWidget(self.kind_list)

        self.title_label = QLabel()
        font = self.title_label.font()
        font.setPointSizeF(font.pointSizeF() * 1.3)
        font.setBold(True)
        self.title_label.setFont(font)
        self.description_label = QLabel()
        self.description_label.setWordWrap(True)
        self.year_combo = QComboBox()
        self.group_combo = QComboBox()
        self.group_label = QLabel(self.tr("村民小组"))
        form = QFormLayout()
        form.addRow(self.tr("参保年度"), self.year_combo)
        form.addRow(self.group_label, self.group_combo)
        self.unpaid_only_check = QCheckBox(self.tr("只印还有人未缴费的户"))
        self.unpaid_only_check.setChecked(True)
        form.addRow(self.unpaid_only_check)
        self.export_button = QPushButton(self.tr("导出…"))
        self.export_button.setDefault(True)
        self.result_bar = ResultBar()
        self.status_label = QLabel()
        self.status_label.setWordWrap(True)
        right = QGroupBox(self.tr("选项"))
        right_layout = QVBoxLayout(right)
        right_layout.addWidget(self.title_label)
        right_layout.addWidget(self.description_label)
        right_layout.addLayout(form)
        button_row = QHBoxLayout()
        button_row.addWidget(self.export_button)
        button_row.addStretch(1)
        right_layout.addLayout(button_row)
        right_layout.addWidget(self.status_label)
        right_layout.addWidget(self.result_bar)
        right_layout.addStretch(1)

        page = QHBoxLayout(self)
        page.addWidget(left)
        page.addWidget(right, 1)

        self.kind_list.currentRowChanged.connect(self._on_kind_list_currentRowChanged)
        self.kind_list.itemActivated.connect(self._on_export_button_clicked)
        self.year_combo.currentIndexChanged.connect(self._on_year_combo_currentIndexChanged)
        self.export_button.clicked.connect(self._on_export_button_clicked)
        self.refresh()
        follow_changes(self, ctx)
        enter_presses_buttons(self)

    # --- state ------------------------------------------------------------------------------
    def kind(self) -> str:
        return self.kind_list.currentItem().data(Qt.ItemDataRole.UserRole)

    def year(self) -> int:
        return self.year_combo.currentData() or get_village(self.ctx.db).current_year

    def group(self) -> str | None:
        return self.group_combo.currentData() if CATALOG[self.kind()].takes_group else None

    def show_filter(self, filter: dict) -> None:
        kind = filter.get("kind")
        if kind in CATALOG:
            self.kind_list.setCurrentRow(list(CATALOG).index(kind))
        if filter.get("group"):
            self.group_combo.setCurrentIndex(max(0, self.group_combo.findData(filter["group"])))
        self.kind_list.setFocus()

    def refresh(self, changes: Changes = EVERYTHING) -> None:
        if not (changes.everything or changes.village or changes.year or changes.households):
            return  # payments and flags change no year, group or file name shown here
        current = get_village(self.ctx.db).current_year
        # A year chosen here stays chosen, until a new year starts: then the new year is shown.
        keep = self.year_combo.currentData() if current == self.in_force else current
        self.in_force = current
        self.year_combo.blockSignals(True)
        self.year_combo.clear()
        for y in coverage_years(self.ctx.db):  # newest first; last year stays exportable
            label = self.tr("{year}年度（当前）") if y == current else self.tr("{year}年度")
            self.year_combo.addItem(label.format(year=y), y)
        self.year_combo.setCurrentIndex(max(0, self.year_combo.findData(keep)))
        self.year_combo.blockSignals(False)
        self._load_groups()
        self._on_kind_list_currentRowChanged()

    def _load_groups(self) -> None:
        keep = self.group_combo.currentData()
        self.group_combo.clear()
        self.group_combo.addItem(self.tr("全村（各组依次排列）"), None)
        for g in village_groups(self.ctx.db, self.year()):
            if g:
                self.group_combo.addItem(g, g)
        self.group_combo.setCurrentIndex(max(0, self.group_combo.findData(keep)))

    @Slot()
    def _on_year_combo_currentIndexChanged(self) -> None:
        self._load_groups()

    @Slot()
    def _on_kind_list_currentRowChanged(self) -> None:
        spec = CATALOG[self.kind()]
        self.title_label.setText(_t(spec.title))
        self.description_label.setText(_t(DESCRIPTIONS.get(spec.kind, "")))
        self.group_label.setVisible(spec.takes_group)
        self.group_combo.setVisible(spec.takes_group)
        self.unpaid_only_check.setVisible(spec.takes_unpaid_only)

    # --- export -----------------------------------------------------------------------------
    def default_path(self) -> Path:
        spec = CATALOG[self.kind()]
        sequence = next_sequence(self.ctx.db) if spec.kind == "package" else 1
        name = spec.default_name(
            get_village(self.ctx.db), self.year(), self.group(), sequence=sequence
        )
        folder = (
            QSettings().value(FOLDER_SETTING, "")
            or QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
            or str(Path.home())
        )
        return Path(folder) / name

    @Slot()
    def _on_export_button_clicked(self) -> None:
        spec = CATALOG[self.kind()]
        name, _ = QFileDialog.getSaveFileName(
            self,
            self.tr("导出{title}").format(title=_t(spec.title)),
            str(self.default_path()),
            self.tr("{title} (*{suffix})").format(title=_t(spec.title), suffix=spec.suffix),
        )
        if name:
            if not name.lower().endswith(spec.suffix):
                name += spec.suffix
            QSettings().setValue(FOLDER_SETTING, str(Path(name).parent))
            self.export(Path(name))

    def export(self, out: Path) -> Job | None:
        """Write the chosen export to `out` on the job lane (progress dialog, cancel, errors)."""
        if self.job is not None and self.job.running:
            return None
        kind, group, year = self.kind(), self.group(), self.year()
        unpaid_only = CATALOG[kind].takes_unpaid_only and self.unpaid_only_check.isChecked()

        def work(db, progress):
            return run_export(
                db, kind, out, group=group, year=year, unpaid_only=unpaid_only, progress=progress
            )

        self.result_bar.hide()
        self.status_label.setText(self.tr("正在导出…"))
        self.export_button.setEnabled(False)
        self.job = Job(
            work,
            db_path=self.ctx.db_path,
            parent=self,
            label=self.tr("正在生成 {name}…").format(name=out.name),
        )
        self.job.succeeded.connect(self._on_job_succeeded)
        self.job.failed.connect(self._on_job_failed)
        self.job.cancelled.connect(self._on_job_cancelled)
        return self.job.start()

    @Slot(object)
    def _on_job_succeeded(self, path: Path) -> None:
        self.export_button.setEnabled(True)
        self.status_label.setText(self.tr("导出完成"))
        self.result_bar.show_path(path)
        self.exported.emit(str(path))

    @Slot(str)
    def _on_job_failed(self, message: str) -> None:
        self.export_button.setEnabled(True)
        self.status_label.setText(message)
        show_error(self, message)

    @Slot()
    def _on_job_cancelled(self) -> None:
        self.export_button.setEnabled(True)
        self.status_label.setText(self.tr("已取消，没有留下半成品文件"))
