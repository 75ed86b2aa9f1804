"""The long-term terms of a policy (长效机制：待遇等待期、大病保险奖励) as a form, labelled by the core."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QFormLayout,
    QGridLayout,
    QLabel,
    QLineEdit,
    QSpinBox,
    QWidget,
)

from ...core.policy import FIELD_LABELS, LongTerm
from ...core.vocab import CATEGORIES
from .policy_fields import FieldBox, number

# Whole numbers with the ranges the core accepts (policy._long_term), so a spin box cannot hold
# a value the core would refuse.
WHOLE = (
    ("fixed_months", 0, 100),
    ("gap_months_per_year", 0, 100),
    ("gap_counted_from", 1, 100),
    ("repair_months_per_year", 0, 100),
    ("floor_months", 0, 100),
    ("floor_after_gap_years", 0, 100),
    ("newborn_days", 0, 366),
    ("employee_grace_months", 0, 100),
    ("bonus_after_years", 0, 100),
    ("bonus_ceiling_percent", 0, 100),
)
AMOUNTS = ("bonus_per_year", "major_illness_cap")  # yuan, typed like the standard


class LongTermForm(QWidget):
    edited = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.form = QFormLayout(self)
        # Numbers of a few digits: the boxes keep their size, so the long labels fit beside them.
        self.form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.FieldsStayAtSizeHint)
        self.spins: dict[str, QSpinBox] = {}
        self.amount_edits: dict[str, QLineEdit] = {}
        self.boxes: dict[str, FieldBox] = {}  # by the core's field key, long_term.<name>
        for name, low, high in WHOLE:
            spin = QSpinBox(self)
            spin.setRange(low, high)
            spin.valueChanged.connect(self.edited)
            self.spins[name] = spin
            self._add_row(name, spin, [spin])
        for name in AMOUNTS:
            edit = QLineEdit(self)
            edit.setMaximumWidth(edit.fontMetrics().horizontalAdvance("0000000.00") + 20)
            edit.textEdited.connect(self.edited)
            self.amount_edits[name] = edit
            self._add_row(name, edit, [edit])
        grid = QGridLayout()
        self.exempt_checks: dict[str, QCheckBox] = {}
        for i, c in enumerate(CATEGORIES):
            check = QCheckBox(c.label, self)
            check.toggled.connect(self.edited)
            self.exempt_checks[c.code] = check
            grid.addWidget(check, i // 2, i % 2)
        # The categories under their label, across the whole form: beside it they would not fit.
        key = "long_term.exempt_categories"
        self.form.addRow(QLabel(FIELD_LABELS[key], self))
        self.boxes[key] = FieldBox(grid, list(self.exempt_checks.values()), self)
        self.form.addRow(self.boxes[key])

    def _add_row(self, name: str, field: QWidget, marked: list[QWidget]) -> None:
        key = f"long_term.{name}"
        self.boxes[key] = FieldBox(field, marked, self)
        self.form.addRow(FIELD_LABELS[key], self.boxes[key])

    def set_terms(self, terms: LongTerm) -> None:
        data = terms.to_json()
        for name, spin in self.spins.items():
            spin.setValue(data[name])
        for name, edit in self.amount_edits.items():
            edit.setText(str(data[name]))
        for code, check in self.exempt_checks.items():
            check.setChecked(code in terms.exempt_categories)

    def to_json(self) -> dict:
        data: dict = {name: spin.value() for name, spin in self.spins.items()}
        for name, edit in self.amount_edits.items():
            data[name] = number(edit.text() or "0")
        data["exempt_categories"] = [c for c, b in self.exempt_checks.items() if b.isChecked()]
        return data
