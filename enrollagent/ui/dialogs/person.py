"""Add or edit a person: name, ID checked as one types, relation, phone, note, special groups."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QFormLayout,
    QGridLayout,
    QLabel,
    QLineEdit,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from ...core.history import person_history
from ...core.people import household_label, person_info
from ...core.roster import person_groups, save_person
from ...core.text import MAX_NAME, MAX_TEXT
from ...core.village import get_village
from ...core.vocab import CATEGORIES, RELATIONS
from ...errors import EnrollError
from ..context import AppContext
from ..models.history import PERSON_COLUMNS, HistoryModel, make_history_view
from ..widgets.common import MUTED, error_label, lay_out_dialog, show_error
from ..widgets.household_combo import HouseholdCombo
from ..widgets.id_field import IdField
from .person_year import CoverBox, add_cover_box
from .reason import ask_reason, reported

GROUP_COLUMNS = 3


class PersonDialog(QDialog):
    """`PersonDialog(ctx, parent, household_id=None, person_id=None, id_number="", name="")`.

    With person_id it edits that person; otherwise it adds one to household_id (or to a household
    picked in the dialog). After exec() == Accepted, `person_id` is the person's id."""

    def __init__(
        self,
        ctx: AppContext,
        parent: QWidget | None = None,
        household_id: int | None = None,
        person_id: int | None = None,
        id_number: str = "",
        name: str = "",
    ) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.person_id = person_id
        self.household_id = household_id
        self._original: dict[str, str] = {}
        self.setWindowTitle(self.tr("修改人员信息") if person_id else self.tr("添加人员"))
        self.setMinimumWidth(540)
        form = QFormLayout()
        self.household_combo: HouseholdCombo | None = None
        if person_id is not None:
            info = person_info(ctx.db, person_id)
            self.household_id = info.household_id
            self._original = {
                "name": info.name,
                "id_number": info.id_number,
                "relation": info.relation,
                "phone": info.phone,
                "note": info.note,
            }
        if self.household_id is None:
            self.household_combo = HouseholdCombo(ctx.db, self)
            form.addRow(self.tr("所在户"), self.household_combo)
        else:
            form.addRow(self.tr("所在户"), QLabel(household_label(ctx.db, self.household_id), self))
        self.name_edit = QLineEdit(self)
        self.name_edit.setMaxLength(MAX_NAME)
        self.id_field = IdField(ctx.db, self, except_person=person_id)
        # Made right after the ID field, so Tab reaches it straight from the ID it is about.
        self.keep_invalid_check = QCheckBox(self.tr("身份证号一时无法核对，先按“待核实”登记"), self)
        self.keep_invalid_check.setStyleSheet(f"color: {MUTED};")
        self.relation_combo = QComboBox(self)
        self.relation_combo.addItems(RELATIONS)
        self.relation_combo.setCurrentText("其他")
        self.phone_edit = QLineEdit(self)
        self.phone_edit.setMaxLength(MAX_TEXT)
        self.phone_edit.setPlaceholderText(self.tr("可不填"))
        self.note_edit = QLineEdit(self)
        self.note_edit.setMaxLength(MAX_TEXT)
        form.addRow(self.tr("姓名"), self.name_edit)
        form.addRow(self.tr("身份证号"), self.id_field)
        form.addRow("", self.keep_invalid_check)
        form.addRow(self.tr("与户主关系"), self.relation_combo)
        form.addRow(self.tr("联系电话"), self.phone_edit)
        form.addRow(self.tr("备注"), self.note_edit)
        year = get_village(ctx.db).current_year
        self._groups = person_groups(ctx.db, person_id, year) if person_id is not None else set()
        grid = QGridLayout()
        self.group_checks: dict[str, QCheckBox] = {}
        for i, category in enumerate(CATEGORIES):
            check = QCheckBox(category.label, self)
            check.setChecked(category.code in self._groups)
            grid.addWidget(check, i // GROUP_COLUMNS, i % GROUP_COLUMNS)
            self.group_checks[category.code] = check
        form.addRow(self.tr("特殊群体（{0}年度）").format(year), grid)
        if self._original:
            self.name_edit.setText(self._original["name"])
            self.id_field.setText(self._original["id_number"])
            self.relation_combo.setCurrentText(self._original["relation"] or "其他")
            self.phone_edit.setText(self._original["phone"])
            self.note_edit.setText(self._original["note"])
            self.keep_invalid_check.setChecked(not info.id_valid)
        else:
            self.name_edit.setText(name)
            if id_number:
                self.id_field.setText(id_number)
        self.error_label = error_label(self)
        lay_out_dialog(self, form, self.error_label)
        self.cover_box: CoverBox | None = None
        self.tabs: QTabWidget | None = None
        self.history_model: HistoryModel | None = None
        if person_id is not None:
            self.cover_box = add_cover_box(self, ctx, person_id)
            self._add_history_tab(form, person_id)
        (self.household_combo or self.name_edit).setFocus()

    def _add_history_tab(self, form: QFormLayout, person_id: int) -> None:
        """Details and cover on one tab, 变更记录 on the other; the message line and the buttons
        stay under both."""
        layout = self.layout()
        assert isinstance(layout, QVBoxLayout) and self.cover_box is not None
        details = QWidget(self)
        inner = QVBoxLayout(details)
        layout.removeItem(form)
        form.setParent(None)  # a layout moves only once it has no parent
        inner.addLayout(form)
        layout.removeWidget(self.cover_box)
        inner.addWidget(self.cover_box)
        inner.addStretch(1)
        self.history_model = HistoryModel(PERSON_COLUMNS, self)
        self.history_view = make_history_view(self.history_model, self)
        self.history_model.set_entries(person_history(self.ctx.db, person_id))
        self.history_view.scrollToBottom()  # oldest first: the latest change in sight
        self.tabs = QTabWidget(self)
        self.tabs.addTab(details, self.tr("人员信息"))
        amended = sum(e.amendment for e in self.history_model.entries)
        title = self.tr("变更记录 ({0})").format(len(self.history_model.entries))
        if amended:
            title = self.tr("变更记录 ({0}，含更正 {1})").format(
                len(self.history_model.entries), amended
            )
        self.tabs.addTab(self.history_view, title)
        layout.insertWidget(0, self.tabs)
        self.setMinimumWidth(1000)  # the history's 原因 and 更正 in sight

    def accept(self) -> None:
        household_id = self.household_id
        if self.household_combo is not None:
            household_id = self.household_combo.household_id()
            if household_id is None:
                self.error_label.setText(self.tr("请先选择此人所在的户"))
                self.household_combo.setFocus()
                return
        keep_invalid = self.keep_invalid_check.isChecked()
        if not self.id_field.is_acceptable() and not (
            keep_invalid and not self.id_field.duplicate and self.id_field.result is not None
        ):
            self.error_label.setText(self.id_field.problem())
            self.id_field.id_edit.setFocus()
            return
        values = {
            "name": self.name_edit.text(),
            "id_number": self.id_field.text(),
            "relation": self.relation_combo.currentText(),
            "phone": self.phone_edit.text(),
            "note": self.note_edit.text(),
        }
        groups = {code for code, check in self.group_checks.items() if check.isChecked()}
        reason = ""
        if self.person_id is not None:
            values = {k: v for k, v in values.items() if v.strip() != (self._original.get(k) or "")}
            # A note is the village's own: no package reports it.
            touched = bool(set(values) - {"note"}) or groups != self._groups
            amends = touched and reported(self.ctx).person(self.person_id)
            reason = ask_reason(self, self.ctx, amends, what=self.tr("修改此人信息"))
            if reason is None:
                return
        try:
            self.person_id = self.ctx.write(
                save_person,
                person_id=self.person_id,
                household_id=household_id,
                values=values,
                groups=groups,
                allow_invalid=keep_invalid,
                reason=reason,
            ).id
        except EnrollError as e:
            self.error_label.setText(e.message)
            show_error(self, e)
            return
        super().accept()
