"""The 待认领 inbox of the payments page: payments that matched nobody, waiting to be given to a person."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt, Signal, Slot
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from ...core.money import yuan_cents
from ...core.payments import unmatched_payments
from ..context import AppContext
from ..rows import RowsModel, make_table


class InboxPanel(QWidget):
    assign_requested = Signal(int)  # unmatched payment id: give it to the page's chosen person
    search_requested = Signal(str)  # look up the row's ID number or name in the page's search
    add_person_requested = Signal(int)  # unmatched payment id: add its person to the roster first

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.model = RowsModel(
            [
                (self.tr("收到时间"), False),
                (self.tr("身份证号"), False),
                (self.tr("姓名"), False),
                (self.tr("金额(元)"), True),
                (self.tr("缴费日期"), False),
                (self.tr("渠道"), False),
                (self.tr("票据号"), False),
                (self.tr("来源"), False),
            ],
            self,
        )
        self.view = make_table(self.model, self)
        self.view.installEventFilter(self)
        self.hint_label = QLabel(
            self.tr(
                "选中一行按回车：用它的身份证号查找此人；在上面回车选中人以后，点“认领给选中的人”"
            )
        )
        self.hint_label.setWordWrap(True)
        self.find_button = QPushButton(self.tr("查找此人"))
        self.assign_button = QPushButton(self.tr("认领给选中的人(&R)"))
        self.add_button = QPushButton(self.tr("花名册里没有：先添加此人…"))
        self.add_button.setVisible(False)  # shown by the page when the person dialog is available
        buttons = QHBoxLayout()
        buttons.addWidget(self.hint_label, 1)
        buttons.addWidget(self.find_button)
        buttons.addWidget(self.assign_button)
        buttons.addWidget(self.add_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.view, 1)
        layout.addLayout(buttons)
        self.find_button.clicked.connect(self._on_find_button_clicked)
        self.assign_button.clicked.connect(self._on_assign_button_clicked)
        self.add_button.clicked.connect(self._on_add_button_clicked)

    def reload(self) -> None:
        keep = self.current_id()
        rows = unmatched_payments(self.ctx.db)
        self.model.set_rows(
            [
                (
                    u.received_at[:10],
                    u.id_number,
                    u.name,
                    yuan_cents(u.amount_fen),
                    u.paid_on,
                    u.channel,
                    u.ticket_no,
                    u.source,
                )
                for u in rows
            ],
            keys=[u.id for u in rows],
        )
        row = self.model.row_of(keep)
        if rows:
            self.view.selectRow(row if row >= 0 else 0)
        self.assign_button.setEnabled(bool(rows))
        self.find_button.setEnabled(bool(rows))
        self.add_button.setEnabled(bool(rows))

    def count(self) -> int:
        return self.model.rowCount()

    def current_id(self) -> int | None:
        return self.model.key_at(self.view.currentIndex().row())

    def current_row(self) -> tuple | None:
        row = self.view.currentIndex().row()
        return self.model.rows[row] if 0 <= row < self.model.rowCount() else None

    def focus_first(self) -> None:
        if self.model.rowCount():
            self.view.selectRow(max(0, self.view.currentIndex().row()))
        self.view.setFocus()

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:  # noqa: N802
        if (
            obj is self.view
            and event.type() == QEvent.Type.KeyPress
            and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
        ):
            self._on_find_button_clicked()
            return True
        return super().eventFilter(obj, event)

    @Slot()
    def _on_find_button_clicked(self) -> None:
        row = self.current_row()
        if row is not None:
            self.search_requested.emit(row[1] or row[2])

    @Slot()
    def _on_assign_button_clicked(self) -> None:
        key = self.current_id()
        if key is not None:
            self.assign_requested.emit(key)

    @Slot()
    def _on_add_button_clicked(self) -> None:
        key = self.current_id()
        if key is not None:
            self.add_person_requested.emit(key)
