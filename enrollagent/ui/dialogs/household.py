"""Add a household with its 户主, or edit a household's 户号, group, address and phone."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFormLayout,
    QLineEdit,
    QWidget,
)

from ...core.people import group_names, household_info, household_members, next_hh_no
from ...core.roster import add_household_with_head, update_household
from ...core.text import MAX_NAME, MAX_TEXT
from ...errors import EnrollError
from ..context import AppContext
from ..widgets.common import error_label, lay_out_dialog, show_error
from ..widgets.id_field import IdField
from .reason import ask_reason, reported


class HouseholdDialog(QDialog):
    """New: household fields plus the 户主's name and ID. Edit: household fields only."""

    def __init__(
        self,
        ctx: AppContext,
        parent: QWidget | None = None,
        household_id: int | None = None,
        group: str = "",
    ) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.household_id = household_id
        self.head_id: int | None = None
        self._original: dict[str, str] = {}
        self.setWindowTitle(self.tr("新增一户") if household_id is None else self.tr("修改户信息"))
        self.setMinimumWidth(520)
        form = QFormLayout()
        self.group_combo = QComboBox(self)
        self.group_combo.setEditable(True)
        self.group_combo.addItems(group_names(ctx.db))
        self.group_combo.setCurrentText(group)
        self.hh_no_edit = QLineEdit(self)
        self.hh_no_edit.setMaxLength(MAX_TEXT)
        self.address_edit = QLineEdit(self)
        self.address_edit.setMaxLength(MAX_TEXT)
        self.phone_edit = QLineEdit(self)
        self.phone_edit.setMaxLength(MAX_TEXT)
        self.phone_edit.setPlaceholderText(self.tr("手机11位，或座机如 0373-4451234"))
        form.addRow(self.tr("村民小组"), self.group_combo)
        form.addRow(self.tr("户号"), self.hh_no_edit)
        form.addRow(self.tr("住址"), self.address_edit)
        form.addRow(self.tr("联系电话"), self.phone_edit)
        self.head_name_edit = QLineEdit(self)
        self.head_name_edit.setMaxLength(MAX_NAME)
        self.head_id_field = IdField(ctx.db, self)
        if household_id is None:
            form.addRow(self.tr("户主姓名"), self.head_name_edit)
            form.addRow(self.tr("户主身份证号"), self.head_id_field)
            self.hh_no_edit.setText(next_hh_no(ctx.db))
        else:
            info = household_info(ctx.db, household_id)
            self.group_combo.setCurrentText(info.group_name)
            self.hh_no_edit.setText(info.hh_no)
            self.address_edit.setText(info.address)
            self.phone_edit.setText(info.phone)
            self._original = {
                "group_name": info.group_name,
                "hh_no": info.hh_no,
                "address": info.address,
                "phone": info.phone,
            }
        self.error_label = error_label(self)
        lay_out_dialog(self, form, self.error_label)
        self.group_combo.setFocus()

    def accept(self) -> None:
        fields = {
            "group_name": self.group_combo.currentText(),
            "hh_no": self.hh_no_edit.text(),
            "address": self.address_edit.text(),
            "phone": self.phone_edit.text(),
        }
        try:
            if self.household_id is None:
                if not self.head_name_edit.text().strip():
                    raise EnrollError("field_required", field=self.tr("户主姓名"))
                if not self.head_id_field.is_acceptable():
                    self.error_label.setText(self.head_id_field.problem())
                    self.head_id_field.id_edit.setFocus()
                    return
                added = self.ctx.write(
                    add_household_with_head,
                    head_name=self.head_name_edit.text(),
                    head_id_number=self.head_id_field.text(),
                    **fields,
                )
                self.household_id, self.head_id = added.id, added.head_id
            else:
                changed = {k: v for k, v in fields.items() if v.strip() != self._original[k]}
                lane = reported(self.ctx)
                amends = bool(changed) and any(
                    lane.person(p) for p in household_members(self.ctx.db, self.household_id)
                )
                reason = ask_reason(self, self.ctx, amends, what=self.tr("修改户信息"))
                if reason is None:
                    return
                self.ctx.write(update_household, self.household_id, reason=reason, **fields)
        except EnrollError as e:
            self.error_label.setText(e.message)
            show_error(self, e)
            return
        super().accept()
