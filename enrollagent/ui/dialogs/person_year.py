"""This year's coverage of a person (职工医保, 异地参保 with where …), their years of cover and
waiting period, and the reason they have not paid."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QBoxLayout,
    QComboBox,
    QDialog,
    QFormLayout,
    QGroupBox,
    QLabel,
    QLineEdit,
    QWidget,
)

from ...core.cover import Cover, covers
from ...core.money import yuan_text
from ...core.people import person_year_info
from ...core.roster import set_coverage, set_unpaid_reason
from ...core.vocab import COVERAGE_KINDS, UNPAID_REASONS
from ...errors import EnrollError
from ..context import AppContext
from ..widgets.common import error_label, lay_out_dialog, show_error
from .reason import ask_reason, reported


class CoverBox(QGroupBox):
    """A person's continuous cover, gap and waiting months this year (国办发〔2024〕38号), as the
    core counts them; `cover` is None for a person not on this year's roll."""

    def __init__(self, ctx: AppContext, person_id: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        state = ctx.snapshot().by_id.get(person_id)
        self.cover: Cover | None = (
            covers(ctx.db, states=[state])[person_id] if state is not None else None
        )
        self.setVisible(self.cover is not None)
        self.setTitle(self.tr("参保年限与待遇等待期"))
        self.continuous_label = QLabel(self)
        self.gap_label = QLabel(self)
        self.waiting_label = QLabel(self)
        self.bonus_label = QLabel(self)
        for label in (self.continuous_label, self.waiting_label):
            label.setWordWrap(True)
        form = QFormLayout(self)
        form.addRow(self.tr("连续参保"), self.continuous_label)
        form.addRow(self.tr("断保"), self.gap_label)
        form.addRow(self.tr("待遇等待期"), self.waiting_label)
        form.addRow(self.tr("大病保险"), self.bonus_label)
        if self.cover is not None:
            self._show(self.cover)
        form.setRowVisible(self.bonus_label, bool(self.cover and self.cover.bonus_fen))

    def _show(self, c: Cover) -> None:
        years = self.tr("{0} 年").format(c.continuous_years)
        if not c.known:
            years += self.tr("（往年参保情况不明，只算本村记录）")
        self.continuous_label.setText(years)
        gap = self.tr("{0} 年").format(c.gap_years) if c.gap_years else self.tr("无")
        if c.repaired_years:
            gap += self.tr("（缴费修复 {0} 年）").format(c.repaired_years)
        self.gap_label.setText(gap)
        if c.exempt:
            waiting = self.tr("无（{0}）").format(c.exempt)
        else:
            waiting = self.tr("按时缴费 {0} / 逾期缴费 {1}").format(
                self._months(c.waiting_on_time), self._months(c.waiting_if_late)
            )
        self.waiting_label.setText(waiting)
        self.bonus_label.setText(self.tr("最高支付限额提高 {0} 元").format(yuan_text(c.bonus_fen)))

    def _months(self, n: int) -> str:
        return self.tr("{0} 个月").format(n) if n else self.tr("无")


def add_cover_box(dialog: QDialog, ctx: AppContext, person_id: int) -> CoverBox:
    """Put the person's CoverBox under the dialog's form (laid out by lay_out_dialog)."""
    box = CoverBox(ctx, person_id, dialog)
    layout = dialog.layout()
    assert isinstance(layout, QBoxLayout)
    layout.insertWidget(1, box)
    return box


class CoverageDialog(QDialog):
    def __init__(self, ctx: AppContext, parent: QWidget | None, person_id: int) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.person_id = person_id
        info = person_year_info(ctx.db, person_id)
        name, coverage, note = info.name, info.coverage, info.coverage_note
        self._before = (coverage, (note or "").strip())
        self.setWindowTitle(self.tr("参保情况：{0}").format(name))
        self.setMinimumWidth(460)
        self.coverage_combo = QComboBox(self)
        for code, label in COVERAGE_KINDS.items():
            self.coverage_combo.addItem(self.tr(label), code)
        self.coverage_combo.setCurrentIndex(self.coverage_combo.findData(coverage))
        self.note_label = QLabel(self)
        self.note_edit = QLineEdit(note, self)
        self.error_label = error_label(self)
        form = QFormLayout()
        form.addRow(self.tr("参保类型"), self.coverage_combo)
        form.addRow(self.note_label, self.note_edit)
        lay_out_dialog(self, form, self.error_label)
        self.cover_box = add_cover_box(self, ctx, person_id)
        self.coverage_combo.currentIndexChanged.connect(self._on_coverage_combo_changed)
        self._on_coverage_combo_changed()

    def _on_coverage_combo_changed(self) -> None:
        elsewhere = self.coverage_combo.currentData() == "elsewhere"
        self.note_label.setText(self.tr("在何地参保") if elsewhere else self.tr("说明"))
        self.note_edit.setPlaceholderText(
            self.tr("如：广东省东莞市") if elsewhere else self.tr("可不填")
        )

    def accept(self) -> None:
        coverage = self.coverage_combo.currentData()
        if coverage == "elsewhere" and not self.note_edit.text().strip():
            self.error_label.setText(self.tr("异地参保请写明在何地参保"))
            self.note_edit.setFocus()
            return
        changed = (coverage, self.note_edit.text().strip()) != self._before
        amends = changed and reported(self.ctx).person(self.person_id)
        reason = ask_reason(self, self.ctx, amends, what=self.tr("修改参保情况"))
        if reason is None:
            return
        try:
            self.ctx.write(
                set_coverage, self.person_id, coverage, note=self.note_edit.text(), reason=reason
            )
        except EnrollError as e:
            show_error(self, e)
            return
        super().accept()


class UnpaidReasonDialog(QDialog):
    def __init__(self, ctx: AppContext, parent: QWidget | None, person_id: int) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.person_id = person_id
        info = person_year_info(ctx.db, person_id)
        name, reason, note = info.name, info.unpaid_reason, info.unpaid_note
        self.setWindowTitle(self.tr("未缴原因：{0}").format(name))
        self.setMinimumWidth(460)
        self.reason_combo = QComboBox(self)
        self.reason_combo.addItem(self.tr("（无）"), "")
        for r in UNPAID_REASONS:
            self.reason_combo.addItem(self.tr(r), r)
        self.reason_combo.setCurrentIndex(max(0, self.reason_combo.findData(reason)))
        self.note_edit = QLineEdit(note, self)
        self.note_edit.setPlaceholderText(self.tr("可不填；选“其他”时请写明"))
        self.hint_label = QLabel(self)
        self.hint_label.setWordWrap(True)
        form = QFormLayout()
        form.addRow(self.tr("未缴原因"), self.reason_combo)
        form.addRow(self.tr("说明"), self.note_edit)
        lay_out_dialog(self, form, self.hint_label)
        self.reason_combo.currentIndexChanged.connect(self._on_reason_combo_changed)
        self._on_reason_combo_changed()

    def _on_reason_combo_changed(self) -> None:
        poor = self.reason_combo.currentData() == "经济困难/交不起"
        self.hint_label.setText(
            self.tr("提示：请核实此人是否属于低保、特困、监测户等资助对象。") if poor else ""
        )

    def accept(self) -> None:
        try:
            self.ctx.write(
                set_unpaid_reason,
                self.person_id,
                self.reason_combo.currentData(),
                note=self.note_edit.text(),
            )
        except EnrollError as e:
            show_error(self, e)
            return
        super().accept()
