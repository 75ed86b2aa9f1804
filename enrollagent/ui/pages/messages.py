"""Page 催缴消息: a text per unpaid household beside its phone, one click to copy; the village
group's progress text and the 政策宣传 text, each with its copy button."""

from __future__ import annotations

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Slot,
)
from PySide6.QtGui import QBrush, QColor, QGuiApplication
from PySide6.QtWidgets import (
    QAbstractItemView,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from ...core.changes import EVERYTHING, Changes
from ...core.money import yuan_text
from ...core.village import get_village
from ...errors import EnrollError
from ...exports.messages import SHORT, HouseholdMessage, group_text, household_messages
from ...exports.messages import publicity_text as policy_text
from ..context import AppContext
from ..widgets.common import MUTED
from . import follow_changes

COL_COPY, COL_GROUP, COL_HEAD, COL_PHONE, COL_OWED, COL_TEXT = range(6)
HEADERS = ("", "村民小组", "户主", "电话", "还需缴(元)", "消息")
LINK = QColor("#1a5fb4")
Index = QModelIndex | QPersistentModelIndex


class MessagesModel(QAbstractTableModel):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.rows: list[HouseholdMessage] = []

    def set_rows(self, rows: list[HouseholdMessage]) -> None:
        self.beginResetModel()
        self.rows = rows
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(HEADERS)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ):  # noqa: N802
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return self.tr(HEADERS[section])
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        m, col = self.rows[index.row()], index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            due = m.due
            return (
                self.tr("复制"),
                due.group_name,
                due.head,
                due.phone,
                yuan_text(due.owed_fen),
                m.text,
            )[col]
        if role == Qt.ItemDataRole.ForegroundRole and col == COL_COPY:
            return QBrush(LINK)
        if role == Qt.ItemDataRole.ToolTipRole and col == COL_COPY:
            return self.tr("点一下“复制”，到微信或短信里粘贴（{0}字）").format(len(m.text))
        if role == Qt.ItemDataRole.ToolTipRole and col == COL_TEXT:
            return m.text
        if role == Qt.ItemDataRole.TextAlignmentRole and col == COL_OWED:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None


class Page(QWidget):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.title_label = QLabel(self)
        font = self.title_label.font()
        font.setPointSizeF(font.pointSizeF() * 1.2)
        font.setBold(True)
        self.title_label.setFont(font)
        self.status_label = QLabel(self)
        self.status_label.setStyleSheet(f"color: {MUTED};")
        self.status_label.setWordWrap(True)

        self.model = MessagesModel(self)
        self.table_view = QTableView(self)
        self.table_view.setModel(self.model)
        self.table_view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table_view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table_view.setWordWrap(False)
        rows = self.table_view.verticalHeader()
        rows.hide()
        # Rows of one line: sized to their contents, 700 households took a second to lay out. A
        # message cut short by large type shows whole in its tooltip, and is copied whole.
        rows.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        rows.setDefaultSectionSize(self.fontMetrics().lineSpacing() + 12)
        header = self.table_view.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setResizeContentsPrecision(100)  # the widths of the first rows serve for all
        header.setSectionResizeMode(COL_TEXT, QHeaderView.ResizeMode.Stretch)
        self.table_view.clicked.connect(self._on_table_view_clicked)
        self.copy_selected_button = QPushButton(self.tr("复制选中这户的消息(&C)"), self)
        self.copy_selected_button.clicked.connect(self._on_copy_selected_button_clicked)
        self.export_button = QPushButton(self.tr("全部导出到Excel…"), self)
        self.export_button.clicked.connect(self._on_export_button_clicked)

        left = QGroupBox(self.tr("发给未缴费的户"), self)
        left_layout = QVBoxLayout(left)
        left_layout.addWidget(self.table_view, 1)
        buttons = QHBoxLayout()
        buttons.addWidget(self.copy_selected_button)
        buttons.addWidget(self.export_button)
        buttons.addStretch(1)
        left_layout.addLayout(buttons)

        self.group_edit, self.copy_group_button, group_box = self._text_box(
            self.tr("发到村民微信群（不点名）"), self.tr("复制群消息(&G)")
        )
        self.print_policy_button = QPushButton(self.tr("打印政策宣传单…"), self)
        self.print_policy_button.clicked.connect(self._on_print_policy_button_clicked)
        self.policy_edit, self.copy_policy_button, policy_box = self._text_box(
            self.tr("政策宣传"), self.tr("复制政策宣传(&P)"), self.print_policy_button
        )
        self.copy_group_button.clicked.connect(self._on_copy_group_button_clicked)
        self.copy_policy_button.clicked.connect(self._on_copy_policy_button_clicked)
        # The texts below the table, which takes the full width: a message fits on two lines.
        texts = QHBoxLayout()
        texts.addWidget(group_box, 1)
        texts.addWidget(policy_box, 1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.title_label)
        layout.addWidget(left, 3)
        layout.addLayout(texts, 2)
        layout.addWidget(self.status_label)
        self.refresh()
        follow_changes(self, ctx)

    def _text_box(
        self, title: str, button_text: str, *more: QPushButton
    ) -> tuple[QPlainTextEdit, QPushButton, QGroupBox]:
        box = QGroupBox(title, self)
        edit = QPlainTextEdit(box)
        edit.setReadOnly(True)
        button = QPushButton(button_text, box)
        layout = QVBoxLayout(box)
        layout.addWidget(edit, 1)
        row = QHBoxLayout()
        for b in (button, *more):
            row.addWidget(b)
        row.addStretch(1)
        layout.addLayout(row)
        return edit, button, box

    def show_filter(self, flt: dict) -> None:
        pass

    def refresh(self, changes: Changes = EVERYTHING) -> None:
        if not (changes.figures or changes.roster or changes.settings):
            return
        year = get_village(self.ctx.db).current_year
        try:
            rows = household_messages(self.ctx.db, year)
            group, policy = group_text(self.ctx.db, year), policy_text(self.ctx.db, year)
        except EnrollError as e:  # a county's template written wrong: say which and where
            self.status_label.setText(e.message)
            self.status_label.setStyleSheet("color: #c0392b;")
            return
        self.model.set_rows(rows)
        self.group_edit.setPlainText(group)
        self.policy_edit.setPlainText(policy)
        long = sum(len(m.text) > SHORT for m in rows)
        self.title_label.setText(self.tr("{0}年度催缴消息：未缴费 {1} 户").format(year, len(rows)))
        note = self.tr("消息的文字来自模板，县里可以改写（resources/templates）。")
        if long:
            note = self.tr("有 {0} 条超过{1}字，短信会分两条发出。").format(long, SHORT) + note
        self.status_label.setStyleSheet(f"color: {MUTED};")
        self.status_label.setText(note)

    # --- copy ------------------------------------------------------------------------------
    def copy_row(self, row: int) -> str:
        m = self.model.rows[row]
        QGuiApplication.clipboard().setText(m.text)
        who = m.due.head or m.due.phone
        self.status_label.setText(self.tr("已复制给 {0} 的消息，可以粘贴发送了").format(who))
        return m.text

    @Slot(QModelIndex)
    def _on_table_view_clicked(self, index: QModelIndex) -> None:
        if index.column() == COL_COPY:
            self.copy_row(index.row())

    @Slot()
    def _on_copy_selected_button_clicked(self) -> None:
        rows = self.table_view.selectionModel().selectedRows()
        if rows:
            self.copy_row(rows[0].row())
        else:
            self.status_label.setText(self.tr("请先在表中选中一户"))

    def _copy(self, text: str, what: str) -> None:
        QGuiApplication.clipboard().setText(text)
        self.status_label.setText(self.tr("已复制{0}，可以粘贴发送了").format(what))

    @Slot()
    def _on_copy_group_button_clicked(self) -> None:
        self._copy(self.group_edit.toPlainText(), self.tr("群消息"))

    @Slot()
    def _on_copy_policy_button_clicked(self) -> None:
        self._copy(self.policy_edit.toPlainText(), self.tr("政策宣传"))

    @Slot()
    def _on_export_button_clicked(self) -> None:
        self.ctx.navigate.emit("exports", {"kind": "messages"})

    @Slot()
    def _on_print_policy_button_clicked(self) -> None:
        self.ctx.navigate.emit("exports", {"kind": "publicity"})
