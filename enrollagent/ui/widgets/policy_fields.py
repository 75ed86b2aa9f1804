"""The pieces of the policy editor's form: a typed number as the core reads it, and a field with its
problem shown on it (red text underneath, a red border, the tooltip)."""

from __future__ import annotations

from PySide6.QtWidgets import QLayout, QVBoxLayout, QWidget

from .common import BAD, error_label

# A field with a problem gets this property; the editor's style sheet draws its border red.
PROBLEM_STYLE = f'*[problem="true"] {{ border: 1px solid {BAD}; }}'


def number(text: str) -> int | float | str:
    """The typed text as a JSON number; anything else as typed, for the core to name the field."""
    s = text.strip()
    try:
        value = float(s)
    except ValueError:
        return s
    return int(value) if value.is_integer() else value


class FieldBox(QWidget):
    """A field (a widget or a row of them) with the line under it that says what is wrong."""

    def __init__(self, field: QWidget | QLayout, marked: list[QWidget], parent: QWidget) -> None:
        super().__init__(parent)
        self.marked = marked
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        if isinstance(field, QLayout):
            layout.addLayout(field)
        else:
            layout.addWidget(field)
        self.error_label = error_label(self)
        self.error_label.hide()
        layout.addWidget(self.error_label)

    def show_problem(self, text: str) -> None:
        self.error_label.setText(text)
        self.error_label.setVisible(bool(text))
        for widget in self.marked:
            widget.setToolTip(text)
            if widget.property("problem") != bool(text):
                widget.setProperty("problem", bool(text))
                widget.style().unpolish(widget)
                widget.style().polish(widget)
