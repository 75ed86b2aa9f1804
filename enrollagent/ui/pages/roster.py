"""Page 'roster' (花名册): everyone of the year, one search box, filters, and the household at the side."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QItemSelectionModel, Qt, QTimer, Slot
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from ...core.changes import EVERYTHING, Changes
from ...core.people import group_names, household_info
from ...core.roster import set_head
from ...core.vocab import COVERAGE_KINDS, RELATIONS
from ...core.year import confirm_cover
from ...errors import EnrollError
from ..context import AppContext
from ..dialogs.household import HouseholdDialog
from ..dialogs.move import MoveDialog
from ..dialogs.person import PersonDialog
from ..dialogs.person_year import CoverageDialog, UnpaidReasonDialog
from ..dialogs.reason import ask_reason, reported
from ..models.roster import (
    COL_CATEGORY,
    COL_GROUP,
    COL_ID,
    COL_NAME,
    COL_NOTE,
    COL_PAID,
    COL_PAYABLE,
    COL_RELATION,
    COL_SEX_AGE,
    COL_STATE,
    RosterModel,
)
from ..models.search_index import SearchIndex
from ..rows import enter_presses_buttons
from ..slips import HouseholdSlip
from ..widgets.common import MUTED, show_error
from . import follow_changes

ATTENTION = {
    "invalid_id": QT_TRANSLATE_NOOP("Page", "身份证待核实"),
    "refund_due": QT_TRANSLATE_NOOP("Page", "应退费"),
    "double_paid": QT_TRANSLATE_NOOP("Page", "重复缴费"),
    "special": QT_TRANSLATE_NOOP("Page", "特殊群体"),
    "to_confirm": QT_TRANSLATE_NOOP("Page", "待确认参保状态"),
}
STATE_FILTERS = (
    ("", QT_TRANSLATE_NOOP("Page", "全部缴费状态")),
    ("unpaid", QT_TRANSLATE_NOOP("Page", "未缴费")),
    ("with_reason", QT_TRANSLATE_NOOP("Page", "未缴且有原因")),
    ("enrolled", QT_TRANSLATE_NOOP("Page", "已参保（含资助、学校）")),
    ("paid", QT_TRANSLATE_NOOP("Page", "已缴费")),
    ("subsidized", QT_TRANSLATE_NOOP("Page", "全额资助")),
    ("newborn_exempt", QT_TRANSLATE_NOOP("Page", "新生儿免缴")),
)
SEARCH_DELAY_MS = 150


def _table(parent: QWidget) -> QTableView:
    view = QTableView(parent)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.setAlternatingRowColors(True)
    view.verticalHeader().hide()
    view.verticalHeader().setDefaultSectionSize(view.fontMetrics().height() + 10)
    view.setWordWrap(False)
    view.setTabKeyNavigation(
        False
    )  # Tab leaves the table for 本户 and the buttons, as everywhere else
    view.horizontalHeader().setHighlightSections(False)
    return view


class Page(QWidget):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.filter: dict = {}
        self.search = SearchIndex(ctx.db_path, self)
        self.search.ready.connect(self._on_search_ready)
        self._search_timer = QTimer(self)
        self._search_timer.setSingleShot(True)
        self._search_timer.setInterval(SEARCH_DELAY_MS)
        self._search_timer.timeout.connect(self.apply_filter)
        self._build()
        enter_presses_buttons(self)
        self.refresh()
        follow_changes(self, ctx)

    # --- layout --------------------------------------------------------------------------
    def _build(self) -> None:
        self.search_edit = QLineEdit(self)
        self.search_edit.setPlaceholderText(
            self.tr("搜索：姓名、拼音首字母(zs)、身份证后几位、电话、户号")
        )
        self.search_edit.setClearButtonEnabled(True)
        self.search_edit.textChanged.connect(self._on_search_edit_text_changed)
        self.search_edit.returnPressed.connect(self._on_search_edit_return_pressed)
        self.search_edit.installEventFilter(self)  # Esc empties the box
        self.group_combo = QComboBox(self)
        self.coverage_combo = QComboBox(self)
        self.coverage_combo.addItem(self.tr("全部参保类型"), "")
        for code, label in COVERAGE_KINDS.items():
            self.coverage_combo.addItem(self.tr(label), code)
        self.state_combo = QComboBox(self)
        for code, label in STATE_FILTERS:
            self.state_combo.addItem(self.tr(label), code)
        for combo in (self.group_combo, self.coverage_combo, self.state_combo):
            combo.currentIndexChanged.connect(self._on_filter_combo_changed)
        self.attention_button = QToolButton(self)
        self.attention_button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        self.attention_button.setStyleSheet(
            "QToolButton { background: #fff3cd; border: 1px solid #e0c36c;"
            " border-radius: 4px; padding: 2px 8px; }"
        )
        self.attention_button.clicked.connect(self._on_attention_button_clicked)
        self.attention_button.hide()
        self.count_label = QLabel(self)
        self.count_label.setStyleSheet(f"color: {MUTED};")
        top = QHBoxLayout()
        top.addWidget(self.search_edit, 3)
        top.addWidget(self.group_combo)
        top.addWidget(self.coverage_combo)
        top.addWidget(self.state_combo)
        top.addWidget(self.attention_button)
        top.addWidget(self.count_label)

        # 户号 and 户主 are in the household box at the side; the table keeps what fits at 1366 pixels.
        self.model = RosterModel(
            self.ctx,
            self,
            columns=(
                COL_GROUP,
                COL_NAME,
                COL_RELATION,
                COL_ID,
                COL_SEX_AGE,
                COL_CATEGORY,
                COL_STATE,
                COL_PAYABLE,
                COL_PAID,
                COL_NOTE,
            ),
        )
        self.table_view = _table(self)
        # Several rows at once with Shift/Ctrl, for 确认参保状态; the other actions take the current row.
        self.table_view.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.table_view.setModel(self.model)
        self._set_widths()
        self.table_view.horizontalHeader().setSortIndicatorShown(False)
        self.table_view.horizontalHeader().setSectionsClickable(True)
        self.table_view.horizontalHeader().sectionClicked.connect(self._on_header_section_clicked)
        self.table_view.selectionModel().currentRowChanged.connect(self._on_table_current_changed)
        self.table_view.doubleClicked.connect(self._on_edit_person)
        self.table_view.activated.connect(self._on_edit_person)

        self.household_box = QGroupBox(self.tr("本户"), self)
        self.household_label = QLabel(self.household_box)
        self.household_label.setWordWrap(True)
        self.members_model = RosterModel(self.ctx, self, columns=(COL_NAME, COL_STATE))
        self.members_view = _table(self.household_box)
        self.members_view.setModel(self.members_model)
        self.members_view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.members_view.activated.connect(self._on_member_activated)
        self.members_view.clicked.connect(self._on_member_activated)
        box = QVBoxLayout(self.household_box)
        box.addWidget(self.household_label)
        box.addWidget(self.members_view, 1)
        actions = [
            ("add_member_button", "添加家庭成员(&A)", self._on_add_member),
            ("edit_household_button", "修改户信息(&U)", self._on_edit_household),
            ("slip_button", "打印缴费告知单…", self._on_print_slip),
        ]
        self.slip = HouseholdSlip(self.ctx, self)
        for attr, text, slot in actions:
            button = QPushButton(self.tr(text), self.household_box)
            button.clicked.connect(slot)
            setattr(self, attr, button)
            box.addWidget(button)

        # The side box stays narrow so the table keeps its columns at the large font on 1366 pixels.
        self.household_box.setFixedWidth(
            self.fontMetrics().horizontalAdvance("欧阳晓明新生儿免缴") + 44
        )
        middle = QHBoxLayout()
        middle.addWidget(self.table_view, 1)
        middle.addWidget(self.household_box)

        buttons = QHBoxLayout()
        person_actions = [
            ("new_household_button", "新增一户 (Ctrl+N)", self.new_household),
            ("edit_person_button", "修改人员(&E)", self._on_edit_person),
            ("coverage_button", "参保情况(&C)…", self._on_coverage),
            ("reason_button", "未缴原因(&R)…", self._on_reason),
            ("move_button", "迁到另一户(&M)…", self._on_move),
            ("head_button", "设为户主(&H)", self._on_set_head),
            ("pay_button", "去缴费登记(&P)", self._on_pay),
        ]
        for attr, text, slot in person_actions:
            button = QPushButton(self.tr(text), self)
            button.clicked.connect(slot)
            setattr(self, attr, button)
            buttons.addWidget(button)
        buttons.addStretch(1)

        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self._build_confirm_bar())
        layout.addLayout(middle, 1)
        layout.addLayout(buttons)

    def _build_confirm_bar(self) -> QWidget:
        """Shown while cover carried from last year waits for the agent to check it."""
        self.confirm_bar = QWidget(self)
        self.confirm_bar.setObjectName("confirmBar")
        self.confirm_bar.setStyleSheet(
            "#confirmBar { background: #fff3cd; border: 1px solid #e0c36c; border-radius: 4px; }"
        )
        self.confirm_label = QLabel(self.confirm_bar)
        self.confirm_label.setWordWrap(True)
        self.show_to_confirm_button = QPushButton(self.tr("只看这些人"), self.confirm_bar)
        self.show_to_confirm_button.clicked.connect(self._on_show_to_confirm_button_clicked)
        self.confirm_button = QPushButton(self.tr("确认选中的人参保状态属实(&K)"), self.confirm_bar)
        self.confirm_button.clicked.connect(self._on_confirm_button_clicked)
        row = QHBoxLayout(self.confirm_bar)
        row.setContentsMargins(8, 4, 8, 4)
        row.addWidget(self.confirm_label, 1)
        row.addWidget(self.show_to_confirm_button)
        row.addWidget(self.confirm_button)
        self.confirm_bar.hide()
        return self.confirm_bar

    def _set_widths(self) -> None:
        fm = self.table_view.fontMetrics()
        samples = {
            COL_GROUP: "十二组",
            COL_NAME: "欧阳晓明",
            COL_RELATION: "外孙女",
            COL_ID: "41072419900101123X",
            COL_SEX_AGE: "性别年龄",
            COL_CATEGORY: "低保对象",
            COL_STATE: "新生儿免缴",
            COL_PAYABLE: "应缴",
            COL_PAID: "1,140",
            COL_NOTE: "长期外出",
        }
        # A tight margin: at the large font on 1366 pixels, 已缴 and 说明 must fit without a
        # horizontal scrollbar (issue 20); the item's own text margin is 3 pixels a side.
        for i, col in enumerate(self.model.columns):
            self.table_view.setColumnWidth(i, fm.horizontalAdvance(samples[col]) + 14)
        self.table_view.horizontalHeader().setStretchLastSection(True)

    # --- page API ------------------------------------------------------------------------
    def show_filter(self, flt: dict) -> None:
        """Open with a filter from elsewhere: {"attention": "invalid_id"}, {"group": "一组"}, {"state": "unpaid"}, {"search": "…"}."""
        self.filter = {k: v for k, v in flt.items() if k == "attention"}
        for combo, key in (
            (self.group_combo, "group"),
            (self.coverage_combo, "coverage"),
            (self.state_combo, "state"),
        ):
            combo.blockSignals(True)
            combo.setCurrentIndex(max(0, combo.findData(flt.get(key, "")) if key in flt else 0))
            combo.blockSignals(False)
        self.search_edit.blockSignals(True)
        self.search_edit.setText(flt.get("search", ""))
        self.search_edit.blockSignals(False)
        self.apply_filter()

    def refresh(self, changes: Changes = EVERYTHING) -> None:
        if changes.people:
            self._fill_groups()
            self.search.rebuild()
        self.apply_filter()

    def focus_search(self) -> None:
        self.search_edit.setFocus()
        self.search_edit.selectAll()

    def new_household(self) -> None:
        dialog = HouseholdDialog(self.ctx, self, group=self.group_combo.currentData() or "")
        if dialog.exec() and dialog.head_id is not None:
            self.select_person(dialog.head_id)

    # --- filtering -----------------------------------------------------------------------
    def _fill_groups(self) -> None:
        current = self.group_combo.currentData()
        self.group_combo.blockSignals(True)
        self.group_combo.clear()
        self.group_combo.addItem(self.tr("全部村民小组"), None)
        for g in group_names(self.ctx.db, with_unnamed=True):
            self.group_combo.addItem(g or self.tr("（未分组）"), g)
        self.group_combo.setCurrentIndex(max(0, self.group_combo.findData(current)))
        self.group_combo.blockSignals(False)

    def current_filter(self) -> dict:
        flt = dict(self.filter)
        if self.group_combo.currentIndex() > 0:
            flt["group"] = self.group_combo.currentData()
        for combo, key in ((self.coverage_combo, "coverage"), (self.state_combo, "state")):
            if combo.currentData():
                flt[key] = combo.currentData()
        return flt

    def apply_filter(self) -> None:
        if self.ctx.closed:
            return  # a debounce timer or a late search build after the window closed
        selected = self.selected_person()
        text = self.search_edit.text().strip()
        search_ids = None
        if text:
            if self.search.index is None:  # first keystroke before the background build landed
                self.search.wait()
            search_ids = self.search.index.search(text) if self.search.index else []
        self.model.set_filter(self.current_filter(), search_ids)
        if self.table_view.horizontalHeader().isSortIndicatorShown():
            self.model.sort(
                self.table_view.horizontalHeader().sortIndicatorSection(),
                self.table_view.horizontalHeader().sortIndicatorOrder(),
            )
        attention = self.filter.get("attention")
        self.attention_button.setVisible(bool(attention))
        if attention:
            self.attention_button.setText(
                self.tr("仅看：{0}  ✕").format(self.tr(ATTENTION.get(attention, attention)))
            )
        self.count_label.setText(self.tr("{0} 人").format(self.model.total()))
        self._show_confirm_bar(attention == "to_confirm")
        # The selection stays when the person is still near the top; deep in a long result it
        # would fetch thousands of rows into the view at each keystroke: the best match is taken.
        if selected is not None and self.model.row_of(selected, shown_only=True) >= 0:
            self.select_person(selected)
        elif self.model.rowCount():
            self.table_view.selectRow(0)
        else:
            self._show_household(None)

    def _show_confirm_bar(self, filtered: bool) -> None:
        waiting = self.ctx.snapshot().to_confirm  # counted once per change, not per keystroke
        self.confirm_bar.setVisible(bool(waiting))
        self.confirm_label.setText(
            self.tr(
                "{0} 人的参保状态从上年带来（职工医保、异地、学校、服役），请核实："
                "属实的选中后确认，不属实的改“参保情况”。"
            ).format(waiting)
        )
        self.show_to_confirm_button.setVisible(not filtered)
        self.confirm_button.setVisible(filtered)

    def _on_header_section_clicked(self, column: int) -> None:
        """First click sorts up, the next one down; the filters keep the sort."""
        header = self.table_view.horizontalHeader()
        ascending = Qt.SortOrder.AscendingOrder
        again = header.isSortIndicatorShown() and header.sortIndicatorSection() == column
        order = (
            Qt.SortOrder.DescendingOrder
            if again and header.sortIndicatorOrder() == ascending
            else ascending
        )
        header.setSortIndicator(column, order)
        header.setSortIndicatorShown(True)
        self._sort_rows()

    def _sort_rows(self) -> None:
        header = self.table_view.horizontalHeader()
        if header.isSortIndicatorShown():
            selected = self.selected_person()
            self.model.sort(header.sortIndicatorSection(), header.sortIndicatorOrder())
            if selected is not None:
                self.select_person(selected)

    @Slot()
    def _on_search_ready(self) -> None:
        if self.search_edit.text().strip():
            self.apply_filter()

    def eventFilter(self, watched, event) -> bool:  # noqa: N802
        if (
            watched is self.search_edit
            and isinstance(event, QKeyEvent)
            and event.type() == QKeyEvent.Type.KeyPress
            and event.key() == Qt.Key.Key_Escape
            and self.search_edit.text()
        ):
            self.search_edit.clear()
            return True
        return super().eventFilter(watched, event)

    def _on_search_edit_text_changed(self, _text: str) -> None:
        self._search_timer.start()

    def _on_search_edit_return_pressed(self) -> None:
        self._search_timer.stop()
        self.apply_filter()
        self.table_view.setFocus()

    def _on_filter_combo_changed(self) -> None:
        self.apply_filter()

    def _on_attention_button_clicked(self) -> None:
        self.filter.pop("attention", None)
        self.apply_filter()

    def _on_show_to_confirm_button_clicked(self) -> None:
        self.show_filter({"attention": "to_confirm"})
        self.table_view.setFocus()

    def _on_confirm_button_clicked(self) -> None:
        rows = self.table_view.selectionModel().selectedRows()
        chosen = [s for s in (self.model.state_at(i.row()) for i in rows) if s and s.to_confirm]
        if not chosen:
            self.count_label.setText(self.tr("请先在表中选中要确认的人"))
            return
        try:
            self.ctx.write(confirm_cover, [s.person_id for s in chosen])
        except EnrollError as e:
            show_error(self, e)
            return
        self.count_label.setText(
            self.tr("已确认 {0} 人：{1}").format(len(chosen), "、".join(s.name for s in chosen))
        )

    # --- selection -----------------------------------------------------------------------
    def selected_person(self) -> int | None:
        s = self.model.state_at(self.table_view.currentIndex().row())
        return s.person_id if s else None

    def select_person(self, person_id: int) -> None:
        row = self.model.row_of(person_id)
        if row < 0:  # filtered out: clear the filters so the person can be seen
            self.show_filter({})
            row = self.model.row_of(person_id)
        if row >= 0:
            index = self.model.index(row, 0)
            self.table_view.selectionModel().setCurrentIndex(
                index,
                QItemSelectionModel.SelectionFlag.ClearAndSelect
                | QItemSelectionModel.SelectionFlag.Rows,
            )
            self.table_view.scrollTo(index)

    def _on_table_current_changed(self, current, _previous) -> None:
        s = self.model.state_at(current.row())
        self._show_household(s.household_id if s else None)

    def _show_household(self, household_id: int | None) -> None:
        self.household_id = household_id
        for w in (self.add_member_button, self.edit_household_button, self.slip_button):
            w.setEnabled(household_id is not None)
        if household_id is None:
            self.household_label.setText(self.tr("（未选中）"))
            self.members_model.set_filter({"household_id": -1}, None)
            return
        info = household_info(self.ctx.db, household_id)
        group, hh_no, address, phone = info.group_name, info.hh_no, info.address, info.phone
        head = self.model.head_of(household_id)
        lines = [
            f"{group}　{self.tr('户号')} {hh_no}".strip(),
            self.tr("户主 {0}").format(head) if head else "",
            address,
            self.tr("电话 {0}").format(phone) if phone else "",
        ]
        lines = [t for t in lines if t]
        self.household_label.setText("\n".join(lines))
        self.members_model.set_filter({"household_id": household_id}, None)

    def _on_member_activated(self, index) -> None:
        s = self.members_model.state_at(index.row())
        if s:
            self.select_person(s.person_id)

    # --- actions -------------------------------------------------------------------------
    def _person_or_none(self) -> int | None:
        person_id = self.selected_person()
        if person_id is None:
            self.count_label.setText(self.tr("请先在表中选中一个人"))
        return person_id

    def _on_edit_person(self, *_args) -> None:
        person_id = self._person_or_none()
        if person_id is not None:
            PersonDialog(self.ctx, self, person_id=person_id).exec()

    def _on_add_member(self) -> None:
        if self.household_id is not None:
            dialog = PersonDialog(self.ctx, self, household_id=self.household_id)
            if dialog.exec():
                self.select_person(dialog.person_id)

    def _on_edit_household(self) -> None:
        if self.household_id is not None:
            HouseholdDialog(self.ctx, self, household_id=self.household_id).exec()

    def _on_print_slip(self) -> None:
        if self.household_id is not None:
            self.slip.ask(self.household_id, self.model.head_of(self.household_id) or "")

    def _on_coverage(self) -> None:
        person_id = self._person_or_none()
        if person_id is not None:
            CoverageDialog(self.ctx, self, person_id).exec()

    def _on_reason(self) -> None:
        person_id = self._person_or_none()
        if person_id is not None:
            UnpaidReasonDialog(self.ctx, self, person_id).exec()

    def _on_move(self) -> None:
        person_id = self._person_or_none()
        if person_id is not None:
            MoveDialog(self.ctx, self, person_id).exec()

    def _on_pay(self) -> None:
        person_id = self._person_or_none()
        if person_id is not None:
            self.ctx.navigate.emit("payments", {"person_id": person_id})

    def _on_set_head(self) -> None:
        person_id = self._person_or_none()
        if person_id is None:
            return
        relations = [r for r in RELATIONS if r != "户主"]
        relation, ok = QInputDialog.getItem(
            self,
            self.tr("设为户主"),
            self.tr("原户主改为与新户主的关系："),
            relations,
            relations.index("其他"),
            False,
        )
        if not ok:
            return
        # The former head's relation changes too: reported, it is as much amended as the new head.
        lane = reported(self.ctx)
        household = self.ctx.snapshot().by_id.get(person_id)
        members = (
            self.ctx.snapshot().by_household.get(household.household_id, []) if household else []
        )
        amends = lane.person(person_id) or any(
            lane.person(s.person_id) for s in members if s.relation == "户主"
        )
        reason = ask_reason(self, self.ctx, amends, what=self.tr("更换户主"))
        if reason is None:
            return
        try:
            self.ctx.write(set_head, person_id, old_head_relation=relation, reason=reason)
        except EnrollError as e:
            show_error(self, e)
