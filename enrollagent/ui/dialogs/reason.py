"""更正原因: asked before a change that amends what a package already reported to the township."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QWidget,
)

from ...core.reasons import AMENDMENT_REASONS, package_day
from ...core.reported import Reported
from ...core.text import MAX_TEXT
from ...core.village import get_village
from ..context import AppContext
from ..widgets.common import MUTED, error_label, lay_out_dialog


class ReasonDialog(QDialog):
    """After exec() == Accepted, `reason` is the non-empty reason typed or picked."""

    def __init__(
        self, parent: QWidget | None, *, year: int, day: str, what: str = "", reason: str = ""
    ) -> None:
        super().__init__(parent)
        self.reason = ""
        self.setWindowTitle(self.tr("更正原因"))
        self.setMinimumWidth(660)
        package = self.tr(" {0} 的上报包").format(day) if day else self.tr("上报包")
        self.explain_label = QLabel(
            self.tr("{what}会更正{package}中已报给乡镇的{year}年度内容，请写明原因。").format(
                what=what or self.tr("此项修改"), package=package, year=year
            ),
            self,
        )
        self.explain_label.setWordWrap(True)
        self.reason_edit = QLineEdit(reason, self)
        self.reason_edit.setMaxLength(MAX_TEXT)
        self.reason_edit.setPlaceholderText(self.tr("必填，如：身份证号录入错误"))
        choices = QHBoxLayout()
        self.choice_buttons: list[QPushButton] = []
        for text in (*AMENDMENT_REASONS, self.tr("其他")):
            button = QPushButton(text, self)
            button.setAutoDefault(False)
            button.clicked.connect(self._on_choice_button_clicked)
            choices.addWidget(button)
            self.choice_buttons.append(button)
        choices.addStretch(1)
        note = QLabel(self.tr("原因会记入变更记录，并随下次上报包报给乡镇。"), self)
        note.setStyleSheet(f"color: {MUTED};")
        note.setWordWrap(True)
        form = QFormLayout()
        form.addRow(self.explain_label)
        form.addRow(self.tr("常用"), choices)
        form.addRow(self.tr("更正原因"), self.reason_edit)
        form.addRow(note)
        self.error_label = error_label(self)
        lay_out_dialog(self, form, self.error_label, self.tr("确定"))
        self.reason_edit.setFocus()

    def _on_choice_button_clicked(self) -> None:
        button = self.sender()
        assert isinstance(button, QPushButton)
        # 其他 only says a reason is to be typed: it is not a reason itself.
        other = button is self.choice_buttons[-1]
        self.reason_edit.setText("" if other else button.text())
        self.reason_edit.setFocus()

    def accept(self) -> None:
        text = self.reason_edit.text().strip()
        if not text:
            self.error_label.setText(self.tr("请写明更正原因"))
            self.reason_edit.setFocus()
            return
        self.reason = text
        super().accept()


def ask_reason(
    parent: QWidget | None, ctx: AppContext, amends: bool, *, what: str = "", reason: str = ""
) -> str | None:
    """The reason for a change: '' when it amends nothing (not asked), the reason given, or None
    when the agent cancelled (then nothing is to change)."""
    if not amends:
        return ""
    year = get_village(ctx.db).current_year
    dialog = ReasonDialog(
        parent, year=year, day=package_day(ctx.db, year), what=what, reason=reason
    )
    return dialog.reason if dialog.exec() == QDialog.DialogCode.Accepted else None


def reported(ctx: AppContext) -> Reported:
    """What the year's latest package reported: whether a change is to ask why."""
    return Reported(ctx.db, get_village(ctx.db).current_year)
