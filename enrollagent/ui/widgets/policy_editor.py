"""Edit the policy of a year: standard, subsidy, window, newborn rule, each category's subsidy.
The form only gathers values; policy_from_json (the core) decides whether they are valid."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QFormLayout,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QSpinBox,
    QWidget,
)

from ...core.policy import Policy, policy_from_json
from ...core.vocab import CATEGORIES

# The fields this form edits; any other field of the policy (count_as_enrolled, a rule added
# later) is kept as it was, so saving the form never drops a rule the form does not show.
EDITED = (
    "name",
    "year",
    "standard",
    "government_subsidy",
    "window",
    "newborn_exempt_from",
    "subsidies",
)
KINDS = (("", "无资助"), ("full", "全额资助"), ("fixed", "定额（元）"), ("percent", "按比例（%）"))


def _qdate(d: date) -> QDate:
    return QDate(d.year, d.month, d.day)


def _number(text: str) -> int | float | str:
    s = text.strip()
    try:
        value = float(s)
    except ValueError:
        return s  # the core names the field and says it must be a number
    return int(value) if value.is_integer() else value


class PolicyEditor(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.year = 0
        self.extra: dict = {}
        self.name_edit = QLineEdit(self)
        self.standard_edit = QLineEdit(self)
        self.government_edit = QLineEdit(self)
        self.start_date = QDateEdit(self)
        self.end_date = QDateEdit(self)
        for d in (self.start_date, self.end_date):
            d.setDisplayFormat("yyyy-MM-dd")
            d.setCalendarPopup(True)
        self.newborn_check = QCheckBox(self.tr("此日及以后出生的新生儿免缴"), self)
        self.newborn_date = QDateEdit(self)
        self.newborn_date.setDisplayFormat("yyyy-MM-dd")
        self.newborn_date.setCalendarPopup(True)
        self.days_check = QCheckBox(self.tr("每月只在"), self)
        self.first_day_spin = QSpinBox(self)
        self.last_day_spin = QSpinBox(self)
        for spin in (self.first_day_spin, self.last_day_spin):
            spin.setRange(1, 31)
        window = QHBoxLayout()
        window.addWidget(self.start_date)
        window.addWidget(QLabel(self.tr("至"), self))
        window.addWidget(self.end_date)
        window.addStretch(1)
        days = QHBoxLayout()
        days.addWidget(self.days_check)
        days.addWidget(self.first_day_spin)
        days.addWidget(QLabel(self.tr("日至"), self))
        days.addWidget(self.last_day_spin)
        days.addWidget(QLabel(self.tr("日收缴"), self))
        days.addStretch(1)
        newborn = QHBoxLayout()
        newborn.addWidget(self.newborn_check)
        newborn.addWidget(self.newborn_date)
        newborn.addStretch(1)
        form = QFormLayout(self)
        form.addRow(self.tr("政策名称"), self.name_edit)
        form.addRow(self.tr("个人缴费标准（元）"), self.standard_edit)
        form.addRow(self.tr("财政补助（元）"), self.government_edit)
        form.addRow(self.tr("征缴期"), window)
        form.addRow("", days)
        form.addRow(self.tr("新生儿"), newborn)
        grid = QGridLayout()
        self.kind_combos: dict[str, QComboBox] = {}
        self.value_edits: dict[str, QLineEdit] = {}
        for r, c in enumerate(CATEGORIES):
            combo = QComboBox(self)
            for kind, label in KINDS:
                combo.addItem(self.tr(label), kind)
            value = QLineEdit(self)
            value.setMaximumWidth(value.fontMetrics().horizontalAdvance("0000.00") + 20)
            combo.currentIndexChanged.connect(
                lambda _i, v=value, cb=combo: v.setEnabled(cb.currentData() in ("fixed", "percent"))
            )
            grid.addWidget(QLabel(self.tr(c.label), self), r, 0)
            grid.addWidget(combo, r, 1)
            grid.addWidget(value, r, 2)
            self.kind_combos[c.code] = combo
            self.value_edits[c.code] = value
        grid.setColumnStretch(3, 1)
        form.addRow(self.tr("各类人员资助"), grid)

    def set_policy(self, policy: Policy) -> None:
        self.year = policy.year
        data = policy.to_json()
        self.extra = {k: v for k, v in data.items() if k not in EDITED}
        self.days_check.setChecked(policy.days_of_month is not None)
        first, last = policy.days_of_month or (1, 25)
        self.first_day_spin.setValue(first)
        self.last_day_spin.setValue(last)
        self.name_edit.setText(policy.name)
        self.standard_edit.setText(str(data["standard"]))
        self.government_edit.setText(str(data["government_subsidy"]))
        self.start_date.setDate(_qdate(policy.window_start))
        self.end_date.setDate(_qdate(policy.window_end))
        self.newborn_check.setChecked(policy.newborn_exempt_from is not None)
        self.newborn_date.setDate(_qdate(policy.newborn_exempt_from or date(policy.year, 1, 1)))
        for code, combo in self.kind_combos.items():
            spec = data["subsidies"].get(code, {})
            combo.setCurrentIndex(max(0, combo.findData(spec.get("kind", ""))))
            value = spec.get("amount", spec.get("value", ""))
            self.value_edits[code].setText(str(value))
            self.value_edits[code].setEnabled(spec.get("kind") in ("fixed", "percent"))

    def to_json(self) -> dict:
        window: dict = {
            "start": self.start_date.date().toString("yyyy-MM-dd"),
            "end": self.end_date.date().toString("yyyy-MM-dd"),
        }
        if self.days_check.isChecked():
            window["days_of_month"] = [self.first_day_spin.value(), self.last_day_spin.value()]
        subsidies = {}
        for code, combo in self.kind_combos.items():
            kind = combo.currentData()
            if kind == "full":
                subsidies[code] = {"kind": "full"}
            elif kind == "fixed":
                subsidies[code] = {
                    "kind": "fixed",
                    "amount": _number(self.value_edits[code].text()),
                }
            elif kind == "percent":
                subsidies[code] = {
                    "kind": "percent",
                    "value": _number(self.value_edits[code].text()),
                }
        data = {
            "name": self.name_edit.text(),
            "year": self.year,
            "standard": _number(self.standard_edit.text()),
            "government_subsidy": _number(self.government_edit.text() or "0"),
            "window": window,
            "subsidies": subsidies,
            **self.extra,
        }
        if self.newborn_check.isChecked():
            data["newborn_exempt_from"] = self.newborn_date.date().toString("yyyy-MM-dd")
        return data

    def policy(self) -> Policy:
        """The edited policy; raises EnrollError(policy_invalid) naming the field that is wrong."""
        return policy_from_json(self.to_json())
