"""Page 缴费登记: find a person by keyboard, record / 全户缴费 / undo / refund; today's records; the inbox."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate, QEvent, QObject, Qt, Signal, Slot
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from ...core import payments
from ...core.changes import EVERYTHING, Changes
from ...core.cover import covers
from ...core.figures import PersonState
from ...core.money import parse_yuan, yuan_cents, yuan_input
from ...core.people import person_name
from ...core.village import get_policy, get_setting, set_setting
from ...core.vocab import CHANNELS, STATES
from ...errors import EnrollError
from ..context import AppContext
from ..dialogs.reason import ask_reason, reported
from ..jobs import error_text, show_error
from ..models.search_index import SearchIndex
from ..rows import GOOD, WARN, RowsModel, SearchKeys, enter_presses_buttons, make_table
from ..widgets.common import DateEdit
from . import follow_changes
from .payments_inbox import InboxPanel
from .payments_today import TodayList

CHANNEL_SETTING = "last_channel"
MATCH_LIMIT = 50
ENTRY_CHANNELS = tuple(c for c in CHANNELS if c != "资助代缴")  # a subsidy is never typed in here


class UndoKeeper(QObject):
    """Keeps a line edit from claiming Ctrl+Z, so the page's 撤销上一笔 shortcut gets it."""

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:  # noqa: N802
        # Swallowed unaccepted, Qt then looks for a shortcut instead of giving the key to the line edit.
        return event.type() == QEvent.Type.ShortcutOverride and event.matches(
            QKeySequence.StandardKey.Undo
        )


class Page(QWidget):
    payment_recorded = Signal(int)  # person id

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.search_index = SearchIndex(ctx.db_path, self)  # built off the GUI thread
        self.person: PersonState | None = None

        self.search_edit = QLineEdit()
        self.search_edit.setPlaceholderText(
            self.tr("姓名、拼音首字母（如 zs）、身份证后几位、电话或户号，回车选中")
        )
        self.search_edit.setClearButtonEnabled(True)
        self.match_model = RowsModel(
            [
                (self.tr("姓名"), False),
                (self.tr("身份证号"), False),
                (self.tr("村民小组"), False),
                (self.tr("状态"), False),
                (self.tr("还应缴(元)"), True),
            ],
            self,
        )
        self.match_view = make_table(self.match_model, self)
        self.match_view.installEventFilter(self)
        self.search_edit.installEventFilter(SearchKeys(self.match_view))
        self.match_count_label = QLabel()

        find_box = QGroupBox(self.tr("查找缴费人"))
        # Wide enough for a whole match row at either font size (name, ID, group, state, amount).
        sample = "王小明明 411725199001011234X 十一组 新生儿免缴 1,380.00"
        find_box.setMinimumWidth(self.match_view.fontMetrics().horizontalAdvance(sample) + 90)
        find = QVBoxLayout(find_box)
        find.addWidget(self.search_edit)
        find.addWidget(self.match_view, 1)
        find.addWidget(self.match_count_label)

        self.person_label = QLabel(self.tr("先在左边查找并选中一个人"))
        self.person_label.setWordWrap(True)
        self.person_label.setTextFormat(Qt.TextFormat.RichText)
        self.household_label = QLabel()
        self.household_label.setWordWrap(True)
        self.amount_edit = QLineEdit()
        self.amount_edit.setPlaceholderText(self.tr("元"))
        self.channel_combo = QComboBox()
        self.channel_combo.addItems(ENTRY_CHANNELS)
        self.date_edit = DateEdit()
        self.ticket_edit = QLineEdit()
        self.ticket_edit.setPlaceholderText(self.tr("电子税票号码，可不填"))
        self.payer_edit = QLineEdit()
        self.payer_edit.setPlaceholderText(self.tr("替别人交时填交款人，可不填"))
        form = QFormLayout()
        form.addRow(self.tr("金额"), self.amount_edit)
        form.addRow(self.tr("缴费渠道"), self.channel_combo)
        form.addRow(self.tr("缴费日期"), self.date_edit)
        form.addRow(self.tr("票据号"), self.ticket_edit)
        form.addRow(self.tr("代缴人"), self.payer_edit)
        self.record_button = QPushButton(self.tr("登记缴费 (回车)"))
        self.record_button.setDefault(True)
        self.household_button = QPushButton(self.tr("全户缴费"))
        self.refund_button = QPushButton(self.tr("退费…"))
        self.undo_button = QPushButton(self.tr("撤销上一笔 (Ctrl+Z)"))
        buttons = QHBoxLayout()
        buttons.addWidget(self.record_button, 1)
        buttons.addWidget(self.household_button, 1)
        other_buttons = QHBoxLayout()
        other_buttons.addWidget(self.refund_button, 1)
        other_buttons.addWidget(self.undo_button, 1)
        self.status_label = QLabel()
        self.status_label.setWordWrap(True)

        entry_box = QGroupBox(self.tr("登记"))
        entry = QVBoxLayout(entry_box)
        entry.addWidget(self.person_label)
        entry.addWidget(self.household_label)
        entry.addLayout(form)
        entry.addLayout(buttons)
        entry.addLayout(other_buttons)
        entry.addWidget(self.status_label)
        entry.addStretch(1)

        top = QHBoxLayout()
        top.addWidget(find_box, 1)
        top.addWidget(entry_box, 1)

        self.today = TodayList(ctx, self)
        self.today_model, self.today_view = self.today.model, self.today.view
        self.inbox = InboxPanel(ctx, self)
        self.tabs = QTabWidget()
        self.tabs.addTab(self.today_view, self.tr("今日登记"))
        self.tabs.addTab(self.inbox, self.tr("待认领"))

        page = QVBoxLayout(self)
        page.addLayout(top, 3)
        page.addWidget(self.tabs, 2)

        self.search_edit.textChanged.connect(self._on_search_edit_textChanged)
        self.search_edit.returnPressed.connect(self._on_search_edit_returnPressed)
        self.match_view.doubleClicked.connect(self._on_search_edit_returnPressed)
        self.amount_edit.returnPressed.connect(self._on_record_button_clicked)
        self.ticket_edit.returnPressed.connect(self._on_record_button_clicked)
        self.payer_edit.returnPressed.connect(self._on_record_button_clicked)
        self.record_button.clicked.connect(self._on_record_button_clicked)
        self.household_button.clicked.connect(self._on_household_button_clicked)
        self.refund_button.clicked.connect(self._on_refund_button_clicked)
        self.undo_button.clicked.connect(self._on_undo_button_clicked)
        self.inbox.assign_requested.connect(self._on_inbox_assign_requested)
        self.inbox.search_requested.connect(self._on_inbox_search_requested)
        self.inbox.add_person_requested.connect(self._on_inbox_add_person_requested)
        self.inbox.add_button.setVisible(True)
        self.person_dialog = None
        undo = QShortcut(QKeySequence.StandardKey.Undo, self)
        undo.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        undo.activated.connect(self._on_undo_button_clicked)
        # Ctrl+Z here means 撤销上一笔 even while typing: a line edit would otherwise take it as its own text undo.
        self._undo_keeper = UndoKeeper(self)
        for edit in self.findChildren(QLineEdit):
            edit.installEventFilter(self._undo_keeper)
        self.refresh()
        follow_changes(self, ctx)
        enter_presses_buttons(self)

    # --- navigation -------------------------------------------------------------------------
    def show_filter(self, filter: dict) -> None:
        if filter.get("inbox"):
            self.tabs.setCurrentWidget(self.inbox)
            self.inbox.focus_first()
        elif filter.get("person_id"):
            self.pick_person(int(filter["person_id"]))
        else:
            self.focus_search()

    def refresh(self, changes: Changes = EVERYTHING) -> None:
        if changes.people:
            self.search_index.rebuild()  # someone joined, left, was renamed or moved
        if changes.settings or changes.everything:
            last = get_setting(self.ctx.db, CHANNEL_SETTING, "微信")
            if last in ENTRY_CHANNELS and self.channel_combo.currentText() != last:
                self.channel_combo.setCurrentText(last)
        if changes.figures:
            self._reload_lists()
            if self.person is not None:
                self.pick_person(self.person.person_id, focus=False)
            self._refresh_matches()  # the rows show each match's state and what is still owed

    # --- search -----------------------------------------------------------------------------
    def index(self):
        """The newest person index; the first search waits for the first build."""
        if self.search_index.index is None:
            self.search_index.wait()
        return self.search_index.index

    def focus_search(self) -> None:
        self.search_edit.setFocus()
        self.search_edit.selectAll()

    @Slot(str)
    def _on_search_edit_textChanged(self, text: str) -> None:
        self._refresh_matches()

    def _refresh_matches(self) -> None:
        text = self.search_edit.text()
        found = self.index().search(text) if text.strip() else []
        by_id = self.ctx.snapshot().by_id
        states = [by_id[i] for i in found[:MATCH_LIMIT] if i in by_id]
        self.match_model.set_rows(
            [
                (
                    s.name,
                    s.id_number,
                    s.group_name,
                    STATES.get(s.state, s.state),
                    yuan_cents(s.owed_fen) if s.owed_fen else "",
                )
                for s in states
            ],
            keys=[s.person_id for s in states],
            colors=[GOOD if s.enrolled else WARN if s.state == "unpaid" else None for s in states],
        )
        if states:
            self.match_view.selectRow(0)
        if not text.strip():
            self.match_count_label.setText(self.tr("↑↓ 在结果中移动，回车选中"))
        elif len(found) > MATCH_LIMIT:
            self.match_count_label.setText(
                self.tr("找到 {n} 人，只列出前 {k} 人，请多输入几个字").format(
                    n=len(found), k=MATCH_LIMIT
                )
            )
        else:
            self.match_count_label.setText(self.tr("找到 {n} 人").format(n=len(found)))

    @Slot()
    def _on_search_edit_returnPressed(self) -> None:
        row = self.match_view.currentIndex().row()
        person_id = self.match_model.key_at(row if row >= 0 else 0)
        if person_id is not None:
            self.pick_person(person_id)

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:  # noqa: N802
        if (
            obj is self.match_view
            and event.type() == QEvent.Type.KeyPress
            and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
        ):
            self._on_search_edit_returnPressed()
            return True
        return super().eventFilter(obj, event)

    # --- the chosen person ------------------------------------------------------------------
    def pick_person(self, person_id: int, *, focus: bool = True) -> None:
        snapshot = self.ctx.snapshot()
        state = snapshot.by_id.get(person_id)
        self.person = state
        if state is None:
            self.person_label.setText(self.tr("先在左边查找并选中一个人"))
            self.household_label.clear()
            return
        owed = state.owed_fen
        detail = STATES.get(state.state, state.state)
        if state.payable_fen:
            detail += self.tr("，应缴 {p} 元，已缴 {n} 元").format(
                p=yuan_cents(state.payable_fen), n=yuan_cents(state.net_fen)
            )
        self.person_label.setText(
            self.tr("<b style='font-size:15pt'>{name}</b>　{id}<br>{group} {hh}　{detail}").format(
                name=state.name,
                id=state.id_number,
                group=state.group_name,
                hh=state.hh_no,
                detail=detail,
            )
        )
        members = snapshot.by_household.get(state.household_id, [])
        unpaid = [m for m in members if m.owed_fen]
        self.household_label.setText(
            self.tr("本户 {n} 人：{list}").format(
                n=len(members),
                list="、".join(f"{m.name}（{STATES.get(m.state, m.state)}）" for m in members),
            )
        )
        self.household_button.setText(
            self.tr("全户缴费（{n} 人 {fen} 元）").format(
                n=len(unpaid), fen=yuan_cents(sum(m.owed_fen for m in unpaid))
            )
        )
        self.household_button.setEnabled(bool(unpaid))
        self.amount_edit.setText(yuan_input(owed) if owed else "")
        self.date_edit.setDate(QDate.currentDate())
        if self.tabs.currentWidget() is self.inbox and self.inbox.current_id() is not None:
            self.inbox.assign_button.setText(self.tr("认领给 {name}(&R)").format(name=state.name))
            if focus:
                self.inbox.assign_button.setFocus()
        elif focus:
            self.amount_edit.setFocus()
            self.amount_edit.selectAll()

    def _remember_channel(self) -> str:
        channel = self.channel_combo.currentText()
        if get_setting(self.ctx.db, CHANNEL_SETTING, "") != channel:
            self.ctx.write(set_setting, CHANNEL_SETTING, channel)
        return channel

    def _paid_on(self) -> date:
        return self.date_edit.date().toPython()

    def _reload_lists(self) -> None:
        self.tabs.setTabText(0, self.tr("今日登记 ({n})").format(n=self.today.reload()))
        self.inbox.reload()
        self.tabs.setTabText(1, self.tr("待认领 ({n})").format(n=self.inbox.count()))

    def _done(self, message: str) -> None:
        """After a write: the page has already refreshed from its Changes."""
        self.status_label.setText(message)
        if self.person is not None:
            self.payment_recorded.emit(self.person.person_id)
        self.search_edit.setFocus()
        self.search_edit.selectAll()

    def _fail(self, error: EnrollError) -> None:
        self.status_label.setText("")
        show_error(self, error_text(error))

    def _window_allows(self, persons: list[PersonState]) -> bool:
        """A date outside the year's collection window is asked about before anything is booked:
        paid late, cover starts only after a waiting period (国办发〔2024〕38号)."""
        day = self._paid_on()
        policy = get_policy(self.ctx.db)
        if policy.in_window(day):
            return True
        text = self.tr("缴费日期 {day} 不在{year}年度征缴期（{start} 至 {end}）内。").format(
            day=day.isoformat(),
            year=policy.year,
            start=policy.window_start.isoformat(),
            end=policy.window_end.isoformat(),
        )
        if day > policy.window_end:
            found = covers(self.ctx.db, policy.year, states=persons, policy=policy)
            waits = [
                self.tr("{name} {n} 个月").format(name=p.name, n=found[p.person_id].waiting_if_late)
                for p in persons
                if found[p.person_id].waiting_if_late
            ]
            text += self.tr("在征缴期后缴费的，参保后有待遇等待期{0}。").format(
                self.tr("（{0}）").format("、".join(waits)) if waits else ""
            )
        else:
            text += self.tr("征缴期还没有开始，请核对日期。")
        answer = QMessageBox.question(
            self,
            self.tr("不在征缴期内"),
            text + "\n" + self.tr("仍要登记吗？"),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No,
        )
        return answer == QMessageBox.StandardButton.Yes

    @Slot()
    def _on_record_button_clicked(self) -> None:
        if self.person is None:
            self.focus_search()
            return
        try:
            # An empty amount means "what is owed": the core says so when nothing is owed.
            text = self.amount_edit.text().strip()
            amount = parse_yuan(text) if text else None
            # Asked only when something would be booked: else the core says why not.
            owing = amount is not None or self.person.owed_fen
            if owing and not self._window_allows([self.person]):
                return
            channel = self._remember_channel()
            done = self.ctx.write(
                payments.record_payment,
                person_id=self.person.person_id,
                amount_fen=amount,
                paid_on=self._paid_on(),
                channel=channel,
                ticket_no=self.ticket_edit.text(),
                payer=self.payer_edit.text(),
            )
        except EnrollError as e:
            self._fail(e)
            return
        self.ticket_edit.clear()
        self.payer_edit.clear()
        self._done(
            self.tr("已登记：{name} {amount} 元（{channel}）").format(
                name=self.person.name, amount=yuan_cents(done.amount_fen), channel=channel
            )
        )

    @Slot()
    def _on_household_button_clicked(self) -> None:
        if self.person is None:
            return
        unpaid = [
            m
            for m in self.ctx.snapshot().by_household.get(self.person.household_id, [])
            if m.owed_fen
        ]
        if unpaid and not self._window_allows(unpaid):
            return
        try:
            channel = self._remember_channel()
            done = self.ctx.write(
                payments.record_household,
                household_id=self.person.household_id,
                paid_on=self._paid_on(),
                channel=channel,
                payer=self.payer_edit.text(),
            )
        except EnrollError as e:
            self._fail(e)
            return
        self._done(
            self.tr("全户缴费：已登记 {n} 人，共 {amount} 元（{channel}）").format(
                n=len(done.records), amount=yuan_cents(done.amount_fen), channel=channel
            )
        )

    @Slot()
    def _on_undo_button_clicked(self) -> None:
        lane = reported(self.ctx)
        target = payments.undo_target(self.ctx.db, lane.year)
        amends = target is not None and lane.payment(target)
        reason = ask_reason(self, self.ctx, amends, what=self.tr("撤销这笔缴费"))
        if reason is None:
            return
        try:
            undone = self.ctx.write(payments.undo_last_payment, reason=reason)
        except EnrollError as e:
            self._fail(e)
            return
        name = person_name(self.ctx.db, undone.person_id)
        self._done(
            self.tr("已撤销：{name} {amount} 元（记了一笔冲销）").format(
                name=name, amount=yuan_cents(-undone.amount_fen)
            )
        )

    @Slot()
    def _on_refund_button_clicked(self) -> None:
        if self.person is None:
            self.focus_search()
            return
        s = self.person
        if s.net_fen <= 0:
            show_error(self, self.tr("{name} 本年度没有已缴的钱，无法退费").format(name=s.name))
            return
        suggested = s.net_fen - s.payable_fen if s.net_fen > s.payable_fen else s.net_fen
        text, ok = QInputDialog.getText(
            self,
            self.tr("退费"),
            self.tr("{name} 已缴 {net} 元，退多少元？").format(
                name=s.name, net=yuan_cents(s.net_fen)
            ),
            text=yuan_input(suggested),
        )
        if not ok:
            return
        try:
            amount = parse_yuan(text)
        except EnrollError as e:
            self._fail(e)
            return
        usual = self.tr("重复缴费") if s.double_paid else ""
        if reported(self.ctx).paid(s.person_id):
            # The package reported this money paid: the refund amends it, and must say why.
            asked = ask_reason(self, self.ctx, True, what=self.tr("退费"), reason=usual)
            ok, reason = asked is not None, asked or ""
        else:
            reason, ok = QInputDialog.getText(
                self, self.tr("退费"), self.tr("退费原因（如 重复缴费）"), text=usual
            )
        if not ok:
            return
        answer = QMessageBox.question(
            self,
            self.tr("确认退费"),
            self.tr(
                "给 {name} 退费 {amount} 元？\n退费记录不能删除，记错了只能再登记一笔缴费来冲回。"
            ).format(name=s.name, amount=yuan_cents(amount)),
        )
        if answer == QMessageBox.StandardButton.Yes:
            self.refund(amount, reason)

    def refund(self, amount_fen: int, reason: str) -> None:
        """The refund itself, once confirmed."""
        try:
            self.ctx.write(
                payments.record_refund,
                person_id=self.person.person_id,
                amount_fen=amount_fen,
                paid_on=self._paid_on(),
                reason=reason.strip(),
            )
        except EnrollError as e:
            self._fail(e)
            return
        self._done(
            self.tr("已退费：{name} {amount} 元").format(
                name=self.person.name, amount=yuan_cents(amount_fen)
            )
        )

    # --- today and the inbox ----------------------------------------------------------------
    @Slot(int)
    def _on_inbox_assign_requested(self, unmatched_id: int) -> None:
        if self.person is None:
            show_error(
                self,
                self.tr("先在上面查找并选中要认领这笔钱的人（回车选中），再点“认领给选中的人”"),
            )
            self.focus_search()
            return
        try:
            self.ctx.write(payments.assign_unmatched, unmatched_id, self.person.person_id)
        except EnrollError as e:
            self._fail(e)
            return
        self._done(self.tr("已认领：这笔钱记给了 {name}").format(name=self.person.name))

    @Slot(int)
    def _on_inbox_add_person_requested(self, unmatched_id: int) -> None:
        from ..dialogs.person import PersonDialog

        row = self.inbox.current_row()
        self._adding_for = unmatched_id
        self.person_dialog = PersonDialog(
            self.ctx, self, id_number=row[1] if row else "", name=row[2] if row else ""
        )
        self.person_dialog.accepted.connect(self._on_person_dialog_accepted)
        self.person_dialog.open()

    @Slot()
    def _on_person_dialog_accepted(self) -> None:
        """The person is on the roster now: the inbox payment goes to them straight away."""
        person_id = self.person_dialog.person_id  # the dialog's write rebuilt the search already
        if person_id is None:
            return
        self.pick_person(person_id, focus=False)
        self._on_inbox_assign_requested(self._adding_for)

    @Slot(str)
    def _on_inbox_search_requested(self, text: str) -> None:
        self.search_edit.setText(text)
        self.search_edit.setFocus()
