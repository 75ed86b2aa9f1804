"""Error boxes, figure tiles and section headings shared by the pages."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QDate, Qt
from PySide6.QtGui import QFont, QKeyEvent
from PySide6.QtWidgets import (
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QFrame,
    QLabel,
    QMessageBox,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from ...errors import EnrollError

GOOD = "#1b7f3b"
BAD = "#c0392b"
MUTED = "#5f6b7a"


def tr(text: str) -> str:
    return QCoreApplication.translate("common", text)


def show_error(parent: QWidget | None, error: EnrollError) -> None:
    """The core's Chinese sentence in a plain warning box."""
    QMessageBox.warning(parent, tr("无法完成"), error.message)


def error_label(parent: QWidget) -> QLabel:
    """The red line under a form that says why it was not saved."""
    label = QLabel(parent)
    label.setStyleSheet(f"color: {BAD};")
    label.setWordWrap(True)
    return label


def lay_out_dialog(
    dialog: QDialog, form: QFormLayout, message: QLabel, ok_text: str = ""
) -> QDialogButtonBox:
    """The shape of every editing dialog: the form, a message line, then 保存 (or ok_text) and 取消."""
    buttons = QDialogButtonBox(
        QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, dialog
    )
    buttons.button(QDialogButtonBox.StandardButton.Ok).setText(ok_text or tr("保存"))
    buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(tr("取消"))
    buttons.accepted.connect(dialog.accept)
    buttons.rejected.connect(dialog.reject)
    layout = QVBoxLayout(dialog)
    layout.addLayout(form)
    layout.addWidget(message)
    layout.addWidget(buttons)
    return buttons


def scrolled_body(page: QWidget) -> QWidget:
    """Fill the page with a frameless scroll area and return the widget inside it, for a page that may
    be taller than a 768-pixel screen (large font)."""
    scroll = QScrollArea(page)
    scroll.setWidgetResizable(True)
    scroll.setFrameShape(QFrame.Shape.NoFrame)
    body = QWidget(scroll)
    scroll.setWidget(body)
    outer = QVBoxLayout(page)
    outer.setContentsMargins(0, 0, 0, 0)
    outer.addWidget(scroll)
    return body


class DateEdit(QDateEdit):
    """A date box (yyyy-MM-dd, calendar popup) into which a date can be typed. A plain QDateEdit
    inserts a digit at the cursor, so after a click into 2023 (or on focus without Tab) typing 2027
    makes 22023…, which it rejects: only the arrow keys changed the year. A digit that would be
    rejected here replaces the section under the cursor instead."""

    def __init__(self, day: QDate | None = None, parent: QWidget | None = None) -> None:
        super().__init__(day or QDate.currentDate(), parent)
        self.setDisplayFormat("yyyy-MM-dd")
        self.setCalendarPopup(True)

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802
        before = self.lineEdit().text()
        super().keyPressEvent(event)
        if event.text().isdigit() and self.lineEdit().text() == before:
            self.setSelectedSection(self.currentSection())
            super().keyPressEvent(event)


def scaled_font(widget: QWidget, factor: float, bold: bool = False) -> QFont:
    font = QFont(widget.font())
    font.setPointSizeF(font.pointSizeF() * factor)
    font.setBold(bold)
    return font


def heading(text: str, parent: QWidget | None = None) -> QLabel:
    label = QLabel(text, parent)
    label.setFont(scaled_font(label, 1.15, bold=True))
    return label


class FigureTile(QFrame):
    """One big number with its caption underneath (应参保 5,612)."""

    def __init__(self, caption: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("figureTile")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setStyleSheet(
            "#figureTile { background: white; border: 1px solid #d5dbe3; border-radius: 6px; }"
        )
        layout = QVBoxLayout(self)
        layout.setContentsMargins(14, 10, 14, 10)
        self.value_label = QLabel("—", self)
        self.value_label.setFont(scaled_font(self, 2.1, bold=True))
        self.value_label.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        self.caption_label = QLabel(caption, self)
        self.caption_label.setStyleSheet(f"color: {MUTED};")
        self.note_label = QLabel(" ", self)
        self.note_label.setStyleSheet(f"color: {MUTED};")
        self.note_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextBrowserInteraction)
        layout.addWidget(self.caption_label)
        layout.addWidget(self.value_label)
        layout.addWidget(self.note_label)

    def set_value(self, value: str, note: str = "", color: str = "") -> None:
        self.value_label.setText(value)
        self.value_label.setStyleSheet(f"color: {color};" if color else "")
        self.note_label.setText(note or " ")


def thousands(n: int) -> str:
    return f"{n:,}"


def percent(rate: float) -> str:
    return f"{rate * 100:.1f}%"
