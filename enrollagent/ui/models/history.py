"""What changed, as a table: a person's history or the village's change log, amendments marked."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QBrush, QColor, QFont
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView

from ...core.history import KINDS, Entry

ENTRY_ROLE = Qt.ItemDataRole.UserRole + 1
AMENDMENT_TINT = QColor("#fff1c7")  # with the 更正 column's 是: never the colour alone
MAX_COLUMN_CHARS = 12  # a column wider than this many Chinese characters is cut, tooltip whole
YES = QT_TRANSLATE_NOOP("HistoryModel", "是")

# Column key → header. A person's history leaves out whom it is about.
COLUMNS: dict[str, str] = {
    "when": QT_TRANSLATE_NOOP("HistoryModel", "时间"),
    "actor": QT_TRANSLATE_NOOP("HistoryModel", "操作人"),
    "kind": QT_TRANSLATE_NOOP("HistoryModel", "类别"),
    "subject": QT_TRANSLATE_NOOP("HistoryModel", "人员"),
    "what": QT_TRANSLATE_NOOP("HistoryModel", "操作"),
    "label": QT_TRANSLATE_NOOP("HistoryModel", "项目"),
    "old": QT_TRANSLATE_NOOP("HistoryModel", "原值"),
    "new": QT_TRANSLATE_NOOP("HistoryModel", "新值"),
    "why": QT_TRANSLATE_NOOP("HistoryModel", "原因"),
    "amendment": QT_TRANSLATE_NOOP("HistoryModel", "更正"),
}
PERSON_COLUMNS = ("when", "actor", "what", "label", "old", "new", "why", "amendment")
LOG_COLUMNS = (
    "when",
    "actor",
    "kind",
    "subject",
    "what",
    "label",
    "old",
    "new",
    "why",
    "amendment",
)


def _tr(text: str) -> str:
    return QCoreApplication.translate("HistoryModel", text)


def cell_text(entry: Entry, key: str) -> str:
    """One column of an entry in words (the xlsx export writes the same words)."""
    if key == "when":
        return entry.when
    if key == "kind":
        return KINDS.get(entry.kind, entry.kind)
    if key == "amendment":
        return _tr(YES) if entry.amendment else ""
    return str(getattr(entry, key))


class HistoryModel(QAbstractTableModel):
    """Rows are core history Entries in the order given; set_entries() swaps them at once."""

    def __init__(self, columns: Sequence[str] = PERSON_COLUMNS, parent=None) -> None:
        super().__init__(parent)
        self.columns = list(columns)
        self.entries: list[Entry] = []

    def set_entries(self, entries: Sequence[Entry]) -> None:
        self.beginResetModel()
        self.entries = list(entries)
        self.endResetModel()

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self.entries)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self.columns)

    def headerData(
        self,
        section: int,
        orientation: Qt.Orientation,  # noqa: N802
        role: int = Qt.ItemDataRole.DisplayRole,
    ):
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return _tr(COLUMNS[self.columns[section]])
        return None

    def data(
        self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole
    ):
        if not index.isValid():
            return None
        entry = self.entries[index.row()]
        key = self.columns[index.column()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            text = cell_text(entry, key)
            # A long value (a bulk line, an address) reads whole in its tooltip.
            return text if role == Qt.ItemDataRole.DisplayRole or len(text) > 12 else None
        if role == Qt.ItemDataRole.BackgroundRole and entry.amendment:
            return QBrush(AMENDMENT_TINT)
        if role == Qt.ItemDataRole.FontRole and key == "amendment" and entry.amendment:
            font = QFont()
            font.setBold(True)
            return font
        if role == ENTRY_ROLE:
            return entry
        return None


def make_history_view(model: HistoryModel, parent=None) -> QTableView:
    """A read-only, row-select table whose columns fit their text (a cut one whole in its
    tooltip)."""
    view = QTableView(parent)
    view.setModel(model)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.setTabKeyNavigation(False)
    view.verticalHeader().hide()
    view.setWordWrap(False)
    header = view.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
    header.setResizeContentsPrecision(60)
    # 新值 takes the room left (a bulk line is long); the others fit their text, capped, so 原因
    # and 更正 stay in sight on a 1366-pixel screen.
    stretch = model.columns.index("new")
    header.setSectionResizeMode(stretch, QHeaderView.ResizeMode.Stretch)

    def fit() -> None:
        view.resizeColumnsToContents()
        cap = view.fontMetrics().horizontalAdvance("中") * MAX_COLUMN_CHARS
        for column in range(model.columnCount()):
            if column != stretch:
                header.resizeSection(column, min(header.sectionSize(column), cap))

    model.modelReset.connect(fit)
    return view
