"""A policy shown as a two-column table (standard, subsidy, window, each category's subsidy), to be
checked against the county's notice."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QTableWidget,
    QTableWidgetItem,
    QWidget,
)

from ...core.money import yuan_text
from ...core.policy import Policy
from ...core.vocab import CATEGORIES


def subsidy_text(policy: Policy, code: str, tr) -> str:
    s = policy.subsidies.get(code)
    if s is None:
        return tr("无资助，个人缴 {0} 元").format(yuan_text(policy.standard_fen))
    pay = yuan_text(policy.payable_fen((code,)))
    if s.kind == "full":
        return tr("全额资助，个人缴 0 元")
    if s.kind == "fixed":
        return tr("定额资助 {0} 元，个人缴 {1} 元").format(yuan_text(s.amount_fen), pay)
    return tr("按标准的 {0}% 资助，个人缴 {1} 元").format(f"{s.percent:g}", pay)


class PolicyView(QTableWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(0, 2, parent)
        self.setHorizontalHeaderLabels([self.tr("项目"), self.tr("内容")])
        self.verticalHeader().hide()
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        self.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.setAlternatingRowColors(True)
        self.setWordWrap(False)
        self.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 8)

    def show_policy(self, policy: Policy | None) -> None:
        self.setRowCount(0)
        if policy is None:
            return
        rows = [
            (self.tr("政策"), policy.name),
            (self.tr("参保年度"), str(policy.year)),
            (self.tr("个人缴费标准"), self.tr("{0} 元/人").format(yuan_text(policy.standard_fen))),
            (
                self.tr("财政补助"),
                self.tr("{0} 元/人").format(yuan_text(policy.government_subsidy_fen)),
            ),
            (
                self.tr("征缴期"),
                f"{policy.window_start.isoformat()} — {policy.window_end.isoformat()}"
                + (
                    self.tr("（每月{0}日至{1}日）").format(*policy.days_of_month)
                    if policy.days_of_month
                    else ""
                ),
            ),
        ]
        if policy.newborn_exempt_from:
            rows.append(
                (
                    self.tr("新生儿免缴"),
                    self.tr("{0} 及以后出生").format(policy.newborn_exempt_from.isoformat()),
                )
            )
        rows += [
            (self.tr(c.label), subsidy_text(policy, c.code, self.tr))
            for c in CATEGORIES
            if c.code in policy.subsidies
        ]
        others = [self.tr(c.label) for c in CATEGORIES if c.code not in policy.subsidies]
        if others:
            rows.append((self.tr("其他类别"), self.tr("无资助：") + "、".join(others)))
        self.setRowCount(len(rows))
        for r, (k, v) in enumerate(rows):
            self.setItem(r, 0, QTableWidgetItem(k))
            item = QTableWidgetItem(v)
            item.setToolTip(v)
            self.setItem(r, 1, item)
