"""RowsModel: a read-only table over rows already fetched (payments, inbox, imports, township)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QEvent,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QPushButton, QTableView, QWidget

KEY_ROLE = Qt.ItemDataRole.UserRole + 1  # the row's key (a person id, a payment id, …)

GOOD = QColor("#d9f2e0")
WARN = QColor("#fff1c7")
BAD = QColor("#f8d7d5")


class RowsModel(QAbstractTableModel):
    """Columns are (header, right_aligned); set_rows() swaps the whole content at once. Sorting
    happens here over the rows' own values (never a proxy: see docs/stack.md)."""

    def __init__(self, columns: Sequence[tuple[str, bool]], parent=None) -> None:
        super().__init__(parent)
        self.columns = list(columns)
        self.rows: list[tuple] = []
        self.keys: list[Any] = []
        self.sort_values: list[tuple] = []
        self.colors: list[Sequence[QColor | None] | QColor | None] = []

    def set_rows(
        self,
        rows: Sequence[Sequence],
        keys: Sequence | None = None,
        sort_values: Sequence[Sequence] | None = None,
        colors: Sequence[Sequence[QColor | None] | QColor | None] | None = None,
    ) -> None:
        self.beginResetModel()
        self.rows = [tuple(r) for r in rows]
        self.keys = list(keys) if keys is not None else list(range(len(self.rows)))
        self.sort_values = (
            [tuple(v) for v in sort_values] if sort_values is not None else list(self.rows)
        )
        self.colors = list(colors) if colors is not None else [None] * len(self.rows)
        self.endResetModel()

    def key_at(self, row: int) -> Any:
        return self.keys[row] if 0 <= row < len(self.keys) else None

    def row_of(self, key: Any) -> int:
        try:
            return self.keys.index(key)
        except ValueError:
            return -1

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self.columns)

    def headerData(
        self,
        section: int,
        orientation: Qt.Orientation,  # noqa: N802
        role: int = Qt.ItemDataRole.DisplayRole,
    ):
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self.columns[section][0]
        return None

    def data(
        self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole
    ):
        if not index.isValid():
            return None
        r, c = index.row(), index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            value = self.rows[r][c]
            return "" if value is None else str(value)
        if role == Qt.ItemDataRole.TextAlignmentRole and self.columns[c][1]:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.BackgroundRole:
            color = self.colors[r]
            if isinstance(color, QColor):
                return QBrush(color)
            if color is not None and c < len(color) and color[c] is not None:
                return QBrush(color[c])
        if role == KEY_ROLE:
            return self.keys[r]
        return None

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        if not self.rows:
            return
        self.layoutAboutToBeChanged.emit()

        def key(i: int) -> tuple:
            value = self.sort_values[i][column]
            return (value is None, value if value is not None else 0)

        order_ix = sorted(
            range(len(self.rows)), key=key, reverse=order == Qt.SortOrder.DescendingOrder
        )
        self.rows = [self.rows[i] for i in order_ix]
        self.keys = [self.keys[i] for i in order_ix]
        self.sort_values = [self.sort_values[i] for i in order_ix]
        self.colors = [self.colors[i] for i in order_ix]
        self.layoutChanged.emit()


def make_table(
    model: RowsModel, parent: QWidget | None = None, *, sortable: bool = False
) -> QTableView:
    """A read-only, whole-row-select table over a RowsModel, columns fitted to their text."""
    view = QTableView(parent)
    view.setModel(model)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.setTabKeyNavigation(False)  # Tab leaves the table, as everywhere else
    view.verticalHeader().hide()
    view.setAlternatingRowColors(True)
    view.setWordWrap(False)
    header = view.horizontalHeader()
    # Fitted once per new content, from the first rows: ResizeToContents would measure every row
    # again on each selection change (70 ms a keystroke at 200 rows).
    header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
    header.setResizeContentsPrecision(60)
    header.setStretchLastSection(True)
    model.modelReset.connect(view.resizeColumnsToContents)
    view.setSortingEnabled(sortable)
    return view


class SearchKeys(QObject):
    """Up/Down in the search field move through the matches; the text keeps the focus."""

    def __init__(self, view: QTableView) -> None:
        super().__init__(view)
        self.view = view

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:  # noqa: N802
        if event.type() == QEvent.Type.KeyPress and event.key() in (Qt.Key.Key_Down, Qt.Key.Key_Up):
            rows = self.view.model().rowCount()
            if rows:
                step = 1 if event.key() == Qt.Key.Key_Down else -1
                current = self.view.currentIndex().row()
                self.view.selectRow(max(0, min(rows - 1, current + step)))
            return True
        return False


def enter_presses_buttons(widget: QWidget) -> None:
    """Outside a dialog a focused QPushButton ignores Enter; keyboard users press Enter, not Space."""
    for button in widget.findChildren(QPushButton):
        button.setAutoDefault(True)
