"""An ID number entry that checks as one types: the reason when wrong, birth date/sex/age when right."""

from __future__ import annotations

from datetime import date

import sqlite_utils
from PySide6.QtCore import Signal
from PySide6.QtWidgets import QLabel, QLineEdit, QVBoxLayout, QWidget

from ...core import ids
from ...core.roster import ensure_id_free
from ...errors import EnrollError, id_problem_text
from .common import BAD, GOOD, MUTED


class IdField(QWidget):
    """`id_edit` with a line under it; `result` is the last ids.check (None while empty)."""

    checked = Signal(bool)  # True: a valid ID that is not already someone else's

    def __init__(
        self,
        db: sqlite_utils.Database | None = None,
        parent: QWidget | None = None,
        except_person: int | None = None,
    ) -> None:
        super().__init__(parent)
        self.db = db
        self.except_person = except_person
        self.result: ids.IdCheck | None = None
        self.duplicate = ""
        self.id_edit = QLineEdit(self)
        self.id_edit.setPlaceholderText(self.tr("18位身份证号，末位可为X"))
        self.id_edit.setMaxLength(24)
        self.hint_label = QLabel(self)
        self.hint_label.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addWidget(self.id_edit)
        layout.addWidget(self.hint_label)
        self.id_edit.textChanged.connect(self._on_id_edit_text_changed)
        self._on_id_edit_text_changed("")

    def text(self) -> str:
        return self.id_edit.text()

    def setText(self, text: str) -> None:  # noqa: N802 - Qt naming, like QLineEdit
        self.id_edit.setText(text)

    def is_acceptable(self) -> bool:
        return bool(self.result and self.result.valid and not self.duplicate)

    def problem(self) -> str:
        """Why the ID cannot be taken as it is; '' when it can."""
        if self.result is None:
            return id_problem_text("id_empty")
        if not self.result.valid:
            r = self.result
            return id_problem_text(
                r.problem or "id_length",
                raw=r.raw,
                normalized=r.normalized,
                suggestion=r.suggestion or "",
            )
        return self.duplicate

    def _on_id_edit_text_changed(self, text: str) -> None:
        self.duplicate = ""
        if not ids.normalize(text):
            self.result = None
            self._show(self.tr("输入身份证号后，这里会显示出生日期、性别和年龄"), MUTED)
            self.checked.emit(False)
            return
        self.result = ids.check(text)
        if self.result.valid and self.db is not None:
            try:
                ensure_id_free(self.db, self.result.normalized, except_person=self.except_person)
            except EnrollError as e:
                self.duplicate = e.message
        if self.is_acceptable():
            r = self.result
            age = ids.age_at(r.birth_date, date.today())
            note = self.tr("（由15位旧号升级）") if r.upgraded else ""
            self._show(
                self.tr("✓ 出生日期 {0}，{1}，{2}岁").format(r.birth_date.isoformat(), r.sex, age)
                + note,
                GOOD,
            )
        else:
            self._show("✗ " + self.problem(), BAD)
        self.checked.emit(self.is_acceptable())

    def _show(self, text: str, color: str) -> None:
        self.hint_label.setText(text)
        self.hint_label.setStyleSheet(f"color: {color};")
