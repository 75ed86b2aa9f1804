"""A policy shown as a two-column table (the core's description: standard, subsidy, window, each
category's subsidy …), to be checked against the county's notice."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QTableWidget,
    QTableWidgetItem,
    QWidget,
)

from ...core.policy import Policy
from ...core.policy_text import describe_policy


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
        items = describe_policy(policy)
        self.setRowCount(len(items))
        for r, item in enumerate(items):
            self.setItem(r, 0, QTableWidgetItem(item.label))
            cell = QTableWidgetItem(item.text)
            cell.setToolTip(item.text)  # the long ones (统计口径) are cut off at the table's edge
            self.setItem(r, 1, cell)
