"""The roster as a table model: one row per person of the year, filtered and fetched in pages."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractTableModel,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QColor

from ...core import ids
from ...core.figures import PersonState
from ...core.money import yuan_text
from ...core.snapshot import Snapshot, filtered
from ...core.vocab import CATEGORY_BY_CODE, COVERAGE_KINDS, STATES
from ...errors import id_problem_text
from ..context import AppContext

PERSON_ID_ROLE = Qt.ItemDataRole.UserRole + 1
HOUSEHOLD_ID_ROLE = Qt.ItemDataRole.UserRole + 2

(
    COL_GROUP,
    COL_HH_NO,
    COL_HEAD,
    COL_NAME,
    COL_RELATION,
    COL_ID,
    COL_SEX,
    COL_AGE,
    COL_CATEGORY,
    COL_STATE,
    COL_PAYABLE,
    COL_PAID,
    COL_NOTE,
    COL_SEX_AGE,
) = range(14)
HEADERS = (
    QT_TRANSLATE_NOOP("RosterModel", "小组"),
    QT_TRANSLATE_NOOP("RosterModel", "户号"),
    QT_TRANSLATE_NOOP("RosterModel", "户主"),
    QT_TRANSLATE_NOOP("RosterModel", "姓名"),
    QT_TRANSLATE_NOOP("RosterModel", "关系"),
    QT_TRANSLATE_NOOP("RosterModel", "身份证号"),
    QT_TRANSLATE_NOOP("RosterModel", "性别"),
    QT_TRANSLATE_NOOP("RosterModel", "年龄"),
    QT_TRANSLATE_NOOP("RosterModel", "人员类别"),
    QT_TRANSLATE_NOOP("RosterModel", "参保状态"),
    QT_TRANSLATE_NOOP("RosterModel", "应缴"),
    QT_TRANSLATE_NOOP("RosterModel", "已缴"),
    QT_TRANSLATE_NOOP("RosterModel", "说明"),
    QT_TRANSLATE_NOOP("RosterModel", "性别年龄"),
)
FETCH = 500  # rows handed to the view at a time: a 6,000-row model appears at once

# The columns whose text is the person's own, with no translation, snapshot or date involved.
_PLAIN_TEXT: dict[int, Callable[[PersonState], str]] = {
    COL_GROUP: lambda s: s.group_name,
    COL_HH_NO: lambda s: s.hh_no,
    COL_NAME: lambda s: s.name,
    COL_RELATION: lambda s: s.relation,
    COL_ID: lambda s: s.id_number,
    COL_SEX: lambda s: s.sex or "",
    COL_CATEGORY: lambda s: "、".join(CATEGORY_BY_CODE[c].label for c in s.categories),
    COL_PAYABLE: lambda s: yuan_text(s.payable_fen) if s.coverage == "resident" else "",
    COL_PAID: lambda s: yuan_text(s.net_fen) if s.net_fen else "",
}


class RosterModel(QAbstractTableModel):
    """Rows come from the core's person_states (state and payable are derived there, never here)."""

    def __init__(
        self, ctx: AppContext, parent=None, columns: tuple[int, ...] | None = None
    ) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.columns = columns or tuple(range(len(HEADERS)))
        self.filter: dict = {}
        self.search_ids: list[int] | None = None  # best first; None when no search is typed
        self._rows: list[PersonState] = []
        self._shown = 0
        self._snapshot: Snapshot | None = None
        self._texts: dict[
            tuple[int, int], str
        ] = {}  # (person, column) → text, until the store changes
        self._today = date.today()

    # --- loading -------------------------------------------------------------------------
    def reload(self) -> None:
        snapshot = self.ctx.snapshot()
        if snapshot is not self._snapshot:
            self._snapshot = snapshot
            self._texts = {}
        self.beginResetModel()
        self._rows = filtered(snapshot, self.filter, self.search_ids)
        self._shown = min(FETCH, len(self._rows))
        self.endResetModel()

    def set_filter(self, flt: dict, search_ids: list[int] | None) -> None:
        self.filter = dict(flt)
        self.search_ids = search_ids
        self.reload()

    def head_of(self, household_id: int) -> str:
        return self._snapshot.heads.get(household_id, "") if self._snapshot else ""

    def total(self) -> int:
        return len(self._rows)

    def state_at(self, row: int) -> PersonState | None:
        return self._rows[row] if 0 <= row < self._shown else None

    def row_of(self, person_id: int, *, shown_only: bool = False) -> int:
        """The person's row (fetched into the view if need be), -1 when not in the rows or,
        `shown_only`, not among those the view already holds."""
        for i, s in enumerate(self._rows[: self._shown] if shown_only else self._rows):
            if s.person_id == person_id:
                while i >= self._shown:
                    self.fetchMore(QModelIndex())
                return i
        return -1

    # --- Qt model ------------------------------------------------------------------------
    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """Sort the filtered rows in the model (never a proxy: 18 s at 100k here); stable, so
        people keep their household order within equal keys."""
        col = self.columns[column]
        if col in (COL_GROUP, COL_HH_NO, COL_HEAD) and self._snapshot is not None:
            order_of = {s.person_id: i for i, s in enumerate(self._snapshot.states)}  # roster order
            key = (
                (lambda s: order_of[s.person_id])
                if col == COL_GROUP
                else (lambda s: (s.hh_no, order_of[s.person_id]))
            )
        elif col in (COL_AGE, COL_SEX_AGE):
            key = (
                (lambda s: s.birth_date or date.max)
                if col == COL_AGE
                else (lambda s: (s.sex or "", s.birth_date or date.max))
            )
        elif col in (COL_PAYABLE, COL_PAID):
            key = (lambda s: s.payable_fen) if col == COL_PAYABLE else (lambda s: s.net_fen)
        else:
            key = lambda s: self._text(s, col)  # noqa: E731
        self.layoutAboutToBeChanged.emit()
        self._rows.sort(key=key, reverse=order == Qt.SortOrder.DescendingOrder)
        self.layoutChanged.emit()

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else self._shown

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self.columns)

    def canFetchMore(self, parent: QModelIndex | QPersistentModelIndex) -> bool:  # noqa: N802
        return not parent.isValid() and self._shown < len(self._rows)

    def fetchMore(self, parent: QModelIndex | QPersistentModelIndex) -> None:  # noqa: N802
        more = min(FETCH, len(self._rows) - self._shown)
        if more <= 0:
            return
        self.beginInsertRows(QModelIndex(), self._shown, self._shown + more - 1)
        self._shown += more
        self.endInsertRows()

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ):  # noqa: N802
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return self.tr(HEADERS[self.columns[section]])
        return None

    def data(
        self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole
    ):
        if not index.isValid() or index.row() >= self._shown:
            return None
        s = self._rows[index.row()]
        col = self.columns[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            key = (s.person_id, col)
            text = self._texts.get(key)
            if text is None:
                text = self._texts[key] = self._text(s, col)
            return text
        if role == PERSON_ID_ROLE:
            return s.person_id
        if role == HOUSEHOLD_ID_ROLE:
            return s.household_id
        if role == Qt.ItemDataRole.ForegroundRole:
            if col == COL_ID and not s.id_valid:
                return QColor("#c0392b")
            if col == COL_STATE:
                return (
                    QColor("#c0392b")
                    if s.state == "unpaid"
                    else QColor("#1b7f3b")
                    if s.enrolled
                    else None
                )
        if role == Qt.ItemDataRole.TextAlignmentRole and col in (COL_AGE, COL_PAYABLE, COL_PAID):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.ToolTipRole and col == COL_NOTE:
            return self._text(s, col) or None
        return None

    def _text(self, s: PersonState, col: int) -> str:
        plain = _PLAIN_TEXT.get(col)
        if plain is not None:
            return plain(s)
        if col == COL_HEAD:
            return self.head_of(s.household_id)
        if col == COL_AGE:
            return self._age(s)
        if col == COL_SEX_AGE:
            return f"{s.sex or ''} {self._age(s)}".strip()
        if col == COL_STATE:
            return self.tr(STATES.get(s.state, s.state))
        if col == COL_NOTE:
            return self._note(s)
        return ""

    def _age(self, s: PersonState) -> str:
        return str(ids.age_at(s.birth_date, self._today)) if s.birth_date else ""

    def _note(self, s: PersonState) -> str:
        parts = []
        if not s.id_valid:
            parts.append(
                self.tr("待核实：")
                + id_problem_text(s.id_problem or "id_checksum", normalized=s.id_number)
            )
        if s.refund_due:
            parts.append(self.tr("应退费 {0} 元").format(yuan_text(s.net_fen - s.payable_fen)))
        if s.state == "unpaid" and s.unpaid_reason:
            parts.append(s.unpaid_reason)
        if s.coverage != "resident" and s.coverage_note:
            parts.append(f"{COVERAGE_KINDS[s.coverage]}：{s.coverage_note}")
        if s.to_confirm:
            parts.append(self.tr("上年带入，待确认"))
        return "；".join(parts)
