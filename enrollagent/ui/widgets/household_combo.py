"""Pick a household by typing part of its label (group, 户号, head's name)."""

from __future__ import annotations

import sqlite_utils
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QCompleter, QWidget

from ...core.people import household_choices


class HouseholdCombo(QComboBox):
    def __init__(
        self, db: sqlite_utils.Database, parent: QWidget | None = None, exclude: int | None = None
    ) -> None:
        super().__init__(parent)
        self.setEditable(True)
        self.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        for hid, label in household_choices(db):
            if hid != exclude:
                self.addItem(label, hid)
        completer = QCompleter(self.model(), self)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        completer.setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
        self.setCompleter(completer)
        self.lineEdit().setPlaceholderText(self.tr("输入户主姓名、户号或组名"))
        self.setCurrentIndex(-1)

    def household_id(self) -> int | None:
        """The household named exactly, else the only one whose label contains what was typed."""
        text = self.currentText().strip()
        i = self.findText(text)
        if i < 0 and text:
            matches = [j for j in range(self.count()) if text in self.itemText(j)]
            i = matches[0] if len(matches) == 1 else -1
        return self.itemData(i) if i >= 0 else None

    def select(self, household_id: int) -> None:
        self.setCurrentIndex(self.findData(household_id))
