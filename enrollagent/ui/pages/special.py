"""Page 特殊群体: each category with its count and enrolled; flag / unflag a person, source noted;
after a rollover, whom last year's flags named and this year's lists have yet to certify."""

from __future__ import annotations

import re

from PySide6.QtCore import QCoreApplication, Qt, Signal, Slot
from PySide6.QtWidgets import (
    QComboBox,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from ...core import roster
from ...core.changes import EVERYTHING, Changes
from ...core.people import flag_sources, person_name
from ...core.village import get_village
from ...core.vocab import CATEGORIES, CATEGORY_BY_CODE, STATES
from ...core.year import to_recertify
from ...errors import EnrollError
from ..context import AppContext
from ..dialogs.reason import ask_reason, reported
from ..jobs import error_text, show_error
from ..models.search_index import SearchIndex
from ..rows import BAD, GOOD, WARN, RowsModel, SearchKeys, enter_presses_buttons, make_table
from . import follow_changes

MANUAL_PREFIX = "manual"
MATCH_LIMIT = 20
# The key of the 待重新认定 row under the categories: flags do not carry into a new year.
RECERTIFY = "recertify"


def source_text(source: str) -> str:
    """'manual' / 'manual:民政所名单' / '低保.xlsx:12' / '名单.xlsx[一组]:5' as the agent reads it."""
    if source == MANUAL_PREFIX:
        return _t("手工标记")
    if source.startswith(MANUAL_PREFIX + ":"):
        return _t("手工标记：{note}").format(note=source[len(MANUAL_PREFIX) + 1 :])
    m = re.fullmatch(r"(.+?)(\[(.+)\])?:(\d+)", source)
    if m:
        sheet = _t("（{sheet}）").format(sheet=m.group(3)) if m.group(3) else ""
        return _t("{file}{sheet} 第{row}行").format(file=m.group(1), sheet=sheet, row=m.group(4))
    return source


def _t(text: str) -> str:
    return QCoreApplication.translate("special", text)


class Page(QWidget):
    flags_changed = Signal()

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.search_index = SearchIndex(ctx.db_path, self)  # built off the GUI thread
        self.chosen_id: int | None = None
        self.recertify: dict[int, tuple[str, ...]] = {}  # person → last year's categories

        self.category_model = RowsModel(
            [
                (self.tr("类别"), False),
                (self.tr("认定部门"), False),
                (self.tr("人数"), True),
                (self.tr("已参保"), True),
                (self.tr("参保率"), True),
            ],
            self,
        )
        self.category_view = make_table(self.category_model, self)
        self.import_button = QPushButton(self.tr("导入部门名单…"))
        self.left_box = left = QGroupBox(self.tr("各类特殊群体（本年度）"))
        left_layout = QVBoxLayout(left)
        left_layout.addWidget(self.category_view, 1)
        left_layout.addWidget(self.import_button)

        self.members_title = QLabel()
        self.members_title.setWordWrap(True)
        self.member_model = RowsModel(
            [
                (self.tr("姓名"), False),
                (self.tr("身份证号"), False),
                (self.tr("村民小组"), False),
                (self.tr("参保状态"), False),
                (self.tr("来源"), False),
            ],
            self,
        )
        self.member_view = make_table(self.member_model, self)
        self.unflag_button = QPushButton(self.tr("取消此人的标记"))
        self.recertify_button = QPushButton(self.tr("为此人标记本年度类别…"))
        self.recertify_button.hide()

        self.search_edit = QLineEdit()
        self.search_edit.setPlaceholderText(
            self.tr("查找要标记的人：姓名、拼音首字母、身份证后几位，回车选中")
        )
        self.match_model = RowsModel(
            [
                (self.tr("姓名"), False),
                (self.tr("身份证号"), False),
                (self.tr("村民小组"), False),
                (self.tr("已有类别"), False),
            ],
            self,
        )
        self.match_view = make_table(self.match_model, self)
        self.match_view.setMaximumHeight(150)
        self.search_edit.installEventFilter(SearchKeys(self.match_view))
        self.chosen_label = QLabel(self.tr("未选人"))
        self.flag_category_combo = QComboBox()
        for c in CATEGORIES:
            self.flag_category_combo.addItem(c.label, c.code)
        self.source_edit = QLineEdit()
        self.source_edit.setPlaceholderText(self.tr("依据，如：民政所2023年10月名单"))
        self.flag_button = QPushButton(self.tr("标记"))
        flag_row = QHBoxLayout()
        flag_row.addWidget(self.chosen_label, 1)
        flag_row.addWidget(self.flag_category_combo)
        source_row = QHBoxLayout()
        source_row.addWidget(self.source_edit, 1)
        source_row.addWidget(self.flag_button)
        flag_box = QGroupBox(self.tr("手工标记一个人"))
        flag_layout = QVBoxLayout(flag_box)
        flag_layout.addWidget(self.search_edit)
        flag_layout.addWidget(self.match_view)
        flag_layout.addLayout(flag_row)
        flag_layout.addLayout(source_row)
        self.status_label = QLabel()
        self.status_label.setWordWrap(True)

        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        right_layout.addWidget(self.members_title)
        right_layout.addWidget(self.member_view, 1)
        right_layout.addWidget(self.unflag_button, 0, Qt.AlignmentFlag.AlignRight)
        right_layout.addWidget(self.recertify_button, 0, Qt.AlignmentFlag.AlignRight)
        right_layout.addWidget(flag_box)
        right_layout.addWidget(self.status_label)

        splitter = QSplitter()
        splitter.addWidget(left)
        splitter.addWidget(right)
        splitter.setStretchFactor(
            0, 0
        )  # the categories as wide as their text; the people get the rest
        splitter.setStretchFactor(1, 1)
        splitter.setChildrenCollapsible(False)
        QVBoxLayout(self).addWidget(splitter)

        self.category_view.selectionModel().currentRowChanged.connect(
            self._on_category_view_currentRowChanged
        )
        self.import_button.clicked.connect(self._on_import_button_clicked)
        self.unflag_button.clicked.connect(self._on_unflag_button_clicked)
        self.recertify_button.clicked.connect(self._on_recertify_button_clicked)
        self.search_edit.textChanged.connect(self._on_search_edit_textChanged)
        self.search_edit.returnPressed.connect(self._on_search_edit_returnPressed)
        self.source_edit.returnPressed.connect(self._on_flag_button_clicked)
        self.flag_button.clicked.connect(self._on_flag_button_clicked)
        self.refresh()
        follow_changes(self, ctx)
        enter_presses_buttons(self)

    def focus_search(self) -> None:
        self.search_edit.setFocus()
        self.search_edit.selectAll()

    def show_filter(self, filter: dict) -> None:
        code = RECERTIFY if filter.get("recertify") else filter.get("category")
        row = self.category_model.row_of(code) if code else -1
        if row >= 0:
            self.category_view.selectRow(row)
        self.category_view.setFocus()

    def current_category(self) -> str | None:
        return self.category_model.key_at(self.category_view.currentIndex().row())

    def refresh(self, changes: Changes = EVERYTHING) -> None:
        if changes.people:
            self.search_index.rebuild()
        keep = self.current_category() or CATEGORIES[0].code
        states = self.ctx.snapshot().states  # one load per change, shared with the overview
        special: dict[str, list[int]] = {}
        for st in states:
            for code in st.categories:
                counts = special.setdefault(code, [0, 0])
                counts[0] += 1
                counts[1] += st.enrolled
        rows, colors = [], []
        for c in CATEGORIES:
            persons, enrolled = special.get(c.code, (0, 0))
            rate = f"{enrolled / persons:.1%}" if persons else "—"
            rows.append((c.label, c.department, persons, enrolled, rate))
            colors.append(None if not persons else GOOD if enrolled == persons else BAD)
        keys = [c.code for c in CATEGORIES]
        self.recertify = to_recertify(self.ctx.db)
        if self.recertify:
            again = [st for st in states if st.person_id in self.recertify]
            rows.append(
                (
                    self.tr("待重新认定"),
                    self.tr("各部门"),
                    len(again),
                    sum(st.enrolled for st in again),
                    "—",
                )
            )
            keys.append(RECERTIFY)
            colors.append(WARN)
        self.category_model.set_rows(rows, keys=keys, colors=colors)
        # The thirteen categories are the page's subject: never behind a horizontal scroll bar.
        view, header = self.category_view, self.category_view.horizontalHeader()
        widths = [
            max(view.sizeHintForColumn(c), header.sectionSizeHint(c))
            for c in range(self.category_model.columnCount())
        ]
        widths[-1] = max(
            widths[-1], header.defaultSectionSize()
        )  # a stretched last section never gets narrower
        columns = sum(widths)
        view.setMinimumWidth(
            columns + 2 * view.frameWidth() + view.verticalScrollBar().sizeHint().width()
        )
        self.category_view.selectRow(max(0, self.category_model.row_of(keep)))
        # Every column readable at either font size: the list is as wide as its columns.
        self.left_box.setMinimumWidth(self.category_view.horizontalHeader().length() + 48)
        self._load_members()

    @Slot()
    def _on_category_view_currentRowChanged(self) -> None:
        self._load_members()
        code = self.current_category()
        if code in CATEGORY_BY_CODE:
            self.flag_category_combo.setCurrentIndex(self.flag_category_combo.findData(code))

    def _load_members(self) -> None:
        code = self.current_category()
        if code is None:
            return
        self.unflag_button.setVisible(code != RECERTIFY)
        self.recertify_button.setVisible(code == RECERTIFY)
        if code == RECERTIFY:
            self._load_recertify()
            return
        year = get_village(self.ctx.db).current_year
        sources = flag_sources(self.ctx.db, year, code)
        states = [st for st in self.ctx.snapshot().states if st.person_id in sources]
        self.member_model.set_rows(
            [
                (
                    s.name,
                    s.id_number,
                    s.group_name,
                    STATES.get(s.state, s.state),
                    source_text(sources[s.person_id]),
                )
                for s in states
            ],
            keys=[s.person_id for s in states],
            colors=[None if s.enrolled else WARN for s in states],
        )
        unpaid = sum(not s.enrolled for s in states)
        self.members_title.setText(
            self.tr("{label}：{n} 人，其中未参保 {u} 人").format(
                label=CATEGORY_BY_CODE[code].label, n=len(states), u=unpaid
            )
        )
        self.unflag_button.setEnabled(bool(states))
        if states:
            self.member_view.selectRow(0)

    def _load_recertify(self) -> None:
        """Last year's flagged persons not flagged this year, with last year's categories."""
        states = [st for st in self.ctx.snapshot().states if st.person_id in self.recertify]
        self.member_model.set_rows(
            [
                (
                    s.name,
                    s.id_number,
                    s.group_name,
                    STATES.get(s.state, s.state),
                    self.tr("上年：{0}").format(
                        "、".join(CATEGORY_BY_CODE[c].label for c in self.recertify[s.person_id])
                    ),
                )
                for s in states
            ],
            keys=[s.person_id for s in states],
        )
        self.members_title.setText(
            self.tr(
                "待重新认定：{n} 人。上年是特殊群体，今年还没有认定——"
                "特殊群体身份不自动延续，须有本年度部门名单导入或手工标记，资助才按今年算。"
            ).format(n=len(states))
        )
        self.recertify_button.setEnabled(bool(states))
        if states:
            self.member_view.selectRow(0)

    @Slot()
    def _on_recertify_button_clicked(self) -> None:
        """The selected person into 手工标记一个人, with last year's first category offered."""
        person_id = self.member_model.key_at(self.member_view.currentIndex().row())
        if person_id is None:
            return
        s = self.ctx.snapshot().by_id[person_id]
        self.chosen_id = person_id
        self.chosen_label.setText(
            self.tr("标记 {name}（{group} {tail}）为").format(
                name=s.name, group=s.group_name, tail=s.id_number[-6:]
            )
        )
        first = self.recertify[person_id][0]
        self.flag_category_combo.setCurrentIndex(self.flag_category_combo.findData(first))
        self.source_edit.setFocus()

    @Slot()
    def _on_import_button_clicked(self) -> None:
        self.ctx.navigate.emit("imports", {"kind": "groups"})

    @Slot()
    def _on_unflag_button_clicked(self) -> None:
        code = self.current_category()
        person_id = self.member_model.key_at(self.member_view.currentIndex().row())
        if code is None or person_id is None:
            return
        name = self.member_model.rows[self.member_view.currentIndex().row()][0]
        label = CATEGORY_BY_CODE[code].label
        # Asked, and "否" is the default: the next member is selected at once, so a second Enter would
        # otherwise take someone else's subsidy away.
        answer = QMessageBox.question(
            self,
            self.tr("取消标记"),
            self.tr("取消 {name} 的“{label}”标记？\n取消后此人的个人应缴金额可能随之改变。").format(
                name=name, label=label
            ),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No,
        )
        if answer != QMessageBox.StandardButton.Yes:
            return
        amends = reported(self.ctx).person(person_id)
        reason = ask_reason(self, self.ctx, amends, what=self.tr("取消此人的标记"))
        if reason is None:
            return
        try:
            self.ctx.write(roster.unflag_person, person_id, code, reason=reason or "手工取消")
        except EnrollError as e:
            show_error(self, error_text(e))
            return
        self._changed(self.tr("已取消 {name} 的“{label}”标记").format(name=name, label=label))
        self.member_view.setFocus()

    # --- flag a person by hand --------------------------------------------------------------
    def index(self):
        if self.search_index.index is None:
            self.search_index.wait()
        return self.search_index.index

    @Slot(str)
    def _on_search_edit_textChanged(self, text: str) -> None:
        found = self.index().search(text, MATCH_LIMIT) if text.strip() else []
        by_id = self.ctx.snapshot().by_id
        states = [by_id[i] for i in found if i in by_id]
        self.match_model.set_rows(
            [
                (
                    s.name,
                    s.id_number,
                    s.group_name,
                    "、".join(CATEGORY_BY_CODE[c].label for c in s.categories),
                )
                for s in states
            ],
            keys=[s.person_id for s in states],
        )
        if states:
            self.match_view.selectRow(0)

    @Slot()
    def _on_search_edit_returnPressed(self) -> None:
        row = max(0, self.match_view.currentIndex().row())
        person_id = self.match_model.key_at(row)
        if person_id is None:
            return
        self.chosen_id = person_id
        name, idn, group, _cats = self.match_model.rows[row]
        self.chosen_label.setText(
            self.tr("标记 {name}（{group} {tail}）为").format(name=name, group=group, tail=idn[-6:])
        )
        self.flag_category_combo.setFocus()

    @Slot()
    def _on_flag_button_clicked(self) -> None:
        if self.chosen_id is None:
            self.search_edit.setFocus()
            return
        code = self.flag_category_combo.currentData()
        note = self.source_edit.text().strip()
        source = f"{MANUAL_PREFIX}:{note}" if note else MANUAL_PREFIX
        amends = reported(self.ctx).person(self.chosen_id)
        reason = ask_reason(self, self.ctx, amends, what=self.tr("标记此人"))
        if reason is None:
            return
        try:
            added = self.ctx.write(
                roster.flag_person, self.chosen_id, code, source=source, reason=reason
            )
        except EnrollError as e:
            show_error(self, error_text(e))
            return
        name = person_name(self.ctx.db, self.chosen_id)
        label = CATEGORY_BY_CODE[code].label
        if self.current_category() != RECERTIFY:  # working down that list: stay on it
            self.category_view.selectRow(self.category_model.row_of(code))
        if not added:
            self.status_label.setText(
                self.tr("{name} 已经是“{label}”，没有改动").format(name=name, label=label)
            )
            return
        self.chosen_id = None
        self.chosen_label.setText(self.tr("未选人"))
        self.search_edit.clear()
        self.source_edit.clear()
        self._changed(
            self.tr("已标记 {name} 为“{label}”（应缴金额随之按政策变化）").format(
                name=name, label=label
            )
        )
        self.search_edit.setFocus()

    def _changed(self, message: str) -> None:
        """After a write: the page has already refreshed from its Changes."""
        self.status_label.setText(message)
        self.flags_changed.emit()
