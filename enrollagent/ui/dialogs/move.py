"""Move a person to another household, with their relation to the new 户主."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFormLayout,
    QWidget,
)

from ...core.people import person_info
from ...core.roster import move_person
from ...core.vocab import RELATIONS
from ...errors import EnrollError
from ..context import AppContext
from ..widgets.common import error_label, lay_out_dialog, show_error
from ..widgets.household_combo import HouseholdCombo
from .reason import ask_reason, reported


class MoveDialog(QDialog):
    def __init__(self, ctx: AppContext, parent: QWidget | None, person_id: int) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.person_id = person_id
        person = person_info(ctx.db, person_id)
        name, household_id = person.name, person.household_id
        self.setWindowTitle(self.tr("迁到另一户：{0}").format(name))
        self.setMinimumWidth(520)
        self.household_combo = HouseholdCombo(ctx.db, self, exclude=household_id)
        self.relation_combo = QComboBox(self)
        self.relation_combo.addItems([r for r in RELATIONS if r != "户主"])
        self.relation_combo.setCurrentText("其他")
        self.error_label = error_label(self)
        form = QFormLayout()
        form.addRow(self.tr("迁入的户"), self.household_combo)
        form.addRow(self.tr("与新户主关系"), self.relation_combo)
        lay_out_dialog(self, form, self.error_label, self.tr("迁移"))

    def accept(self) -> None:
        target = self.household_combo.household_id()
        if target is None:
            self.error_label.setText(self.tr("请选择要迁入的户"))
            return
        amends = reported(self.ctx).person(self.person_id)
        reason = ask_reason(self, self.ctx, amends, what=self.tr("迁户"))
        if reason is None:
            return
        try:
            self.ctx.write(
                move_person,
                self.person_id,
                target,
                relation=self.relation_combo.currentText(),
                reason=reason,
            )
        except EnrollError as e:
            show_error(self, e)
            return
        super().accept()
