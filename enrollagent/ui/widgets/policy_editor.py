"""Edit the policy of a year: year, standard, window, newborn rule, each category's subsidy with what
its people pay, and the long-term terms. The form only gathers values; the core (policy_problems)
says what is wrong, and each problem is shown on its own field."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate, Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QScrollArea,
    QSpinBox,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from ...core.money import yuan_text
from ...core.policy import Policy, policy_from_json, policy_problems
from ...core.vocab import CATEGORIES
from ...errors import EnrollError
from .common import BAD, MUTED, DateEdit, error_label
from .policy_fields import PROBLEM_STYLE, FieldBox, number
from .policy_long_term import LongTermForm

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
    "long_term",
)
KINDS = (
    ("none", "无资助"),
    ("full", "全额资助"),
    ("fixed", "定额（元）"),
    ("percent", "按比例（%）"),
    ("pending", "待定"),
)
BASIC, SUBSIDIES, LONG_TERM = range(3)  # the tabs
# Keys of the core's problems shown on one field of the first tab.
BASIC_BOXES = {
    "name": "name",
    "year": "year",
    "standard": "standard",
    "government_subsidy": "government_subsidy",
    "window": "window",
    "window.start": "window",
    "window.end": "window",
    "window.days_of_month": "days",
    "newborn_exempt_from": "newborn",
}


def _qdate(d: date) -> QDate:
    return QDate(d.year, d.month, d.day)


def _scrolled(widget: QWidget) -> QScrollArea:
    """A tab that scrolls rather than being cut off with the large font."""
    scroll = QScrollArea()
    scroll.setWidgetResizable(True)
    scroll.setFrameShape(QFrame.Shape.NoFrame)
    scroll.setWidget(widget)
    return scroll


class PolicyEditor(QWidget):
    changed = Signal()  # on every edit, and when a policy is set

    def __init__(self, parent: QWidget | None = None, *, year_editable: bool = False) -> None:
        super().__init__(parent)
        self.setStyleSheet(PROBLEM_STYLE)
        self.year_editable = year_editable
        self.extra: dict = {}
        self._year = 0
        self._listed: set[str] = set()  # categories the policy names (无资助 included)
        self._loading = False
        self._problems: dict[str, str] = {}
        self.source_label = QLabel(self)
        self.source_label.setWordWrap(True)
        self.source_label.setStyleSheet(f"color: {MUTED};")
        self.tabs = QTabWidget(self)
        self.tabs.addTab(_scrolled(self._basic_tab()), self.tr("缴费标准和征缴期"))
        self.tabs.addTab(_scrolled(self._subsidy_tab()), self.tr("各类人员资助"))
        self.long_term = LongTermForm()
        self.long_term.edited.connect(self._on_edited)
        self.tabs.addTab(_scrolled(self.long_term), self.tr("长效机制（待遇等待期）"))
        self.summary_label = error_label(self)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.source_label)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(self.summary_label)

    def _basic_tab(self) -> QWidget:
        tab = QWidget()
        self.year_spin = QSpinBox(tab)
        self.year_spin.setRange(2000, 2100)
        self.year_spin.setVisible(self.year_editable)
        self.year_spin.valueChanged.connect(self._on_year_spin_changed)
        self.year_label = QLabel(tab)
        self.year_label.setVisible(not self.year_editable)
        year = QHBoxLayout()
        year.addWidget(self.year_spin)
        year.addWidget(self.year_label)
        year.addStretch(1)
        self.name_edit = QLineEdit(tab)
        self.standard_edit = QLineEdit(tab)
        self.government_edit = QLineEdit(tab)
        for edit in (self.name_edit, self.standard_edit, self.government_edit):
            edit.textEdited.connect(self._on_edited)
        self.start_date = DateEdit(parent=tab)
        self.end_date = DateEdit(parent=tab)
        window = QHBoxLayout()
        window.addWidget(self.start_date)
        window.addWidget(QLabel(self.tr("至"), tab))
        window.addWidget(self.end_date)
        window.addStretch(1)
        self.days_check = QCheckBox(self.tr("每月只在"), tab)
        self.first_day_spin = QSpinBox(tab)
        self.last_day_spin = QSpinBox(tab)
        days = QHBoxLayout()
        days.addWidget(self.days_check)
        days.addWidget(self.first_day_spin)
        days.addWidget(QLabel(self.tr("日至"), tab))
        days.addWidget(self.last_day_spin)
        days.addWidget(QLabel(self.tr("日收缴"), tab))
        days.addStretch(1)
        for spin in (self.first_day_spin, self.last_day_spin):
            spin.setRange(1, 31)
            spin.valueChanged.connect(self._on_edited)
        self.newborn_check = QCheckBox(self.tr("此日及以后出生的免缴"), tab)
        self.newborn_date = DateEdit(parent=tab)
        newborn = QHBoxLayout()
        newborn.addWidget(self.newborn_check)
        newborn.addWidget(self.newborn_date)
        newborn.addStretch(1)
        for d in (self.start_date, self.end_date, self.newborn_date):
            d.dateChanged.connect(self._on_edited)
        for check in (self.days_check, self.newborn_check):
            check.toggled.connect(self._on_edited)
        form = QFormLayout(tab)
        self.boxes: dict[str, FieldBox] = {}
        for key, label, field, marked in (
            ("year", self.tr("参保年度"), year, [self.year_spin]),
            ("name", self.tr("政策名称"), self.name_edit, [self.name_edit]),
            ("standard", self.tr("个人缴费标准（元）"), self.standard_edit, [self.standard_edit]),
            (
                "government_subsidy",
                self.tr("财政补助（元）"),
                self.government_edit,
                [self.government_edit],
            ),
            ("window", self.tr("征缴期"), window, [self.start_date, self.end_date]),
            ("days", self.tr("每月收缴日"), days, [self.first_day_spin, self.last_day_spin]),
            ("newborn", self.tr("新生儿免缴"), newborn, [self.newborn_date]),
        ):
            self.boxes[key] = FieldBox(field, marked, tab)
            form.addRow(label, self.boxes[key])
        return tab

    def _subsidy_tab(self) -> QWidget:
        tab = QWidget()
        form = QFormLayout(tab)
        self.kind_combos: dict[str, QComboBox] = {}
        self.value_edits: dict[str, QLineEdit] = {}
        self.payable_labels: dict[str, QLabel] = {}
        self.subsidy_boxes: dict[str, FieldBox] = {}
        for c in CATEGORIES:
            combo = QComboBox(tab)
            for kind, label in KINDS:
                combo.addItem(self.tr(label), kind)
            value = QLineEdit(tab)
            value.setMaximumWidth(value.fontMetrics().horizontalAdvance("0000.00") + 20)
            value.textEdited.connect(self._on_edited)
            combo.currentIndexChanged.connect(lambda _i, code=c.code: self._on_kind_changed(code))
            payable = QLabel("—", tab)
            row = QHBoxLayout()
            row.addWidget(combo)
            row.addWidget(value)
            row.addWidget(payable, 1)
            self.kind_combos[c.code] = combo
            self.value_edits[c.code] = value
            self.payable_labels[c.code] = payable
            self.subsidy_boxes[c.code] = FieldBox(row, [combo, value], tab)
            form.addRow(self.tr(c.label), self.subsidy_boxes[c.code])
        return tab

    def set_policy(self, policy: Policy) -> None:
        self._loading = True
        data = policy.to_json()
        self.extra = {k: v for k, v in data.items() if k not in EDITED}
        self._year = policy.year
        self._listed = set(policy.subsidies)
        self.year_spin.setValue(policy.year)
        self.year_label.setText(self.tr("{0}年度").format(policy.year))
        self.name_edit.setText(policy.name)
        self.standard_edit.setText(str(data["standard"]))
        self.government_edit.setText(str(data["government_subsidy"]))
        self.start_date.setDate(_qdate(policy.window_start))
        self.end_date.setDate(_qdate(policy.window_end))
        self.days_check.setChecked(policy.days_of_month is not None)
        first, last = policy.days_of_month or (1, 25)
        self.first_day_spin.setValue(first)
        self.last_day_spin.setValue(last)
        self.newborn_check.setChecked(policy.newborn_exempt_from is not None)
        self.newborn_date.setDate(_qdate(policy.newborn_exempt_from or date(policy.year, 1, 1)))
        for code, combo in self.kind_combos.items():
            spec = data["subsidies"].get(code, {"kind": "none"})
            combo.setCurrentIndex(combo.findData(spec["kind"]))
            self.value_edits[code].setText(str(spec.get("amount", spec.get("value", ""))))
            self._on_kind_changed(code)
        self.long_term.set_terms(policy.long_term)
        self.source_label.setText(self.tr("依据：{0}").format(policy.source))
        self.source_label.setVisible(bool(policy.source))
        self._loading = False
        self._on_edited()

    def to_json(self) -> dict:
        window: dict = {
            "start": self.start_date.date().toString("yyyy-MM-dd"),
            "end": self.end_date.date().toString("yyyy-MM-dd"),
        }
        if self.days_check.isChecked():
            window["days_of_month"] = [self.first_day_spin.value(), self.last_day_spin.value()]
        data = {
            "name": self.name_edit.text(),
            "year": self._year,
            "standard": number(self.standard_edit.text()),
            "government_subsidy": number(self.government_edit.text() or "0"),
            "window": window,
            "subsidies": self._subsidies_json(),
            "long_term": self.long_term.to_json(),
            **self.extra,
        }
        if self.newborn_check.isChecked():
            data["newborn_exempt_from"] = self.newborn_date.date().toString("yyyy-MM-dd")
        return data

    def _subsidies_json(self) -> dict:
        subsidies: dict = {}
        for code, combo in self.kind_combos.items():
            kind = combo.currentData()
            text = self.value_edits[code].text()
            if kind == "fixed":
                subsidies[code] = {"kind": "fixed", "amount": number(text)}
            elif kind == "percent":
                subsidies[code] = {"kind": "percent", "value": number(text)}
            elif kind != "none" or code in self._listed:
                subsidies[code] = {"kind": kind}
        return subsidies

    def policy(self) -> Policy:
        """The edited policy; raises EnrollError(policy_invalid) naming the field that is wrong."""
        return policy_from_json(self.to_json())

    def problems(self) -> dict[str, str]:
        """Every mistake and gap, by the core's field key, in Chinese; empty when it can be saved."""
        return dict(self._problems)

    def _on_year_spin_changed(self, year: int) -> None:
        """A new coverage year moves the window and the newborn date by as many years, as
        Policy.for_year does (QDate.addYears also turns 29 February into the 28th)."""
        if self._loading:
            return
        shift, self._year = year - self._year, year
        self._loading = True
        for d in (self.start_date, self.end_date, self.newborn_date):
            d.setDate(d.date().addYears(shift))
        self._loading = False
        self._on_edited()

    def _on_kind_changed(self, code: str) -> None:
        kind = self.kind_combos[code].currentData()
        value = self.value_edits[code]
        value.setEnabled(kind in ("fixed", "percent"))
        value.setPlaceholderText({"fixed": self.tr("元"), "percent": self.tr("%")}.get(kind, ""))
        if not self._loading:
            self._listed.add(code)  # a choice made here is stated, 无资助 too
            self._on_edited()

    def _on_edited(self) -> None:
        if self._loading:
            return
        self.first_day_spin.setEnabled(self.days_check.isChecked())
        self.last_day_spin.setEnabled(self.days_check.isChecked())
        self.newborn_date.setEnabled(self.newborn_check.isChecked())
        data = self.to_json()
        self._problems = policy_problems(data)
        self._show_problems()
        self._show_payable(data)
        self.changed.emit()

    def _show_problems(self) -> None:
        shown: dict[FieldBox, list[str]] = {}
        elsewhere = []
        for key, text in self._problems.items():
            box = self._box(key)
            if box is None:
                elsewhere.append(text)
            else:
                shown.setdefault(box, []).append(text)
        for box in self._all_boxes():
            box.show_problem("\n".join(shown.get(box, [])))
        for tab in (BASIC, SUBSIDIES, LONG_TERM):
            marked = any(self._tab_of(k) == tab for k in self._problems)
            self.tabs.tabBar().setTabTextColor(tab, QColor(BAD) if marked else QColor())
        if elsewhere:
            self.summary_label.setText("\n".join(elsewhere))
        elif self._problems:
            self.summary_label.setText(
                self.tr("还有 {0} 处要修改，已用红字标在各项下面。").format(len(self._problems))
            )
        else:
            self.summary_label.setText("")

    def _box(self, key: str) -> FieldBox | None:
        if key in BASIC_BOXES:
            return self.boxes[BASIC_BOXES[key]]
        if key.startswith("subsidies."):
            return self.subsidy_boxes.get(key.split(".", 1)[1])
        return self.long_term.boxes.get(key)

    def _all_boxes(self) -> list[FieldBox]:
        return [*self.boxes.values(), *self.subsidy_boxes.values(), *self.long_term.boxes.values()]

    @staticmethod
    def _tab_of(key: str) -> int:
        if key.startswith("subsidies"):
            return SUBSIDIES
        return LONG_TERM if key.startswith("long_term") else BASIC

    def _show_payable(self, data: dict) -> None:
        """What a person of each category pays, from the core, as soon as the form parses; a row
        with a problem of its own shows — and leaves the others their figure."""
        wrong = {k.split(".", 1)[1] for k in self._problems if k.startswith("subsidies.")}
        subsidies = {c: s for c, s in data["subsidies"].items() if c not in wrong}
        try:
            policy = policy_from_json({**data, "subsidies": subsidies})
        except EnrollError:
            policy = None
        for code, label in self.payable_labels.items():
            subsidy = policy.subsidies.get(code) if policy else None
            if policy is None or code in wrong or (subsidy and subsidy.kind == "pending"):
                label.setText("—")
            else:
                label.setText(
                    self.tr("个人缴 {0} 元").format(yuan_text(policy.payable_fen([code])))
                )
