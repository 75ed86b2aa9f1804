"""The 更正 tab of the township window: the year's amendments, all villages' or one village's."""

from __future__ import annotations

from PySide6.QtCore import Qt, Slot
from PySide6.QtWidgets import QComboBox, QVBoxLayout, QWidget

from ...township.amendments import Amendment
from ...township.status import VillageRow
from ..rows import RowsModel, make_table
from .tables import amendment_rows


class AmendmentsPage(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.amendments: list[Amendment] = []
        self.village_combo = QComboBox()
        self.village_combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.model = RowsModel(
            [
                (self.tr("村"), False),
                (self.tr("上报包"), False),
                (self.tr("姓名"), False),
                (self.tr("身份证号"), False),
                (self.tr("更正项目"), False),
                (self.tr("原值"), False),
                (self.tr("新值"), False),
                (self.tr("时间"), False),
                (self.tr("操作人"), False),
                (self.tr("原因"), False),
            ],
            self,
        )
        self.view = make_table(self.model, self, sortable=True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 4, 0, 0)
        layout.addWidget(self.village_combo, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addWidget(self.view, 1)
        self.village_combo.currentIndexChanged.connect(self._on_village_combo_changed)

    def set_amendments(self, amendments: list[Amendment], villages: list[VillageRow]) -> None:
        """全部村, then each village with amendments; the village shown before stays chosen."""
        self.amendments = amendments
        chosen = self.village_combo.currentData()
        self.village_combo.blockSignals(True)
        self.village_combo.clear()
        self.village_combo.addItem(self.tr("全部村"), None)
        for v in villages:
            if v.amendments:
                label = self.tr("{village}（{n} 条）").format(village=v.name, n=v.amendments)
                self.village_combo.addItem(label, v.key)
        self.village_combo.setCurrentIndex(max(self.village_combo.findData(chosen), 0))
        self.village_combo.blockSignals(False)
        self._show()

    def show_village(self, village_key: str | None) -> None:
        """One village's amendments; all villages' when it has none."""
        self.village_combo.setCurrentIndex(max(self.village_combo.findData(village_key), 0))

    def _show(self) -> None:
        key = self.village_combo.currentData()
        # A year's amendments are a few dozen rows: filtered here, not by another query.
        shown = [a for a in self.amendments if key is None or a.village_key == key]
        self.model.set_rows(
            amendment_rows(shown),
            sort_values=[
                (a.village, a.sequence, a.person, a.id_number, a.field)
                + (a.old, a.new, a.at, a.who, a.why)
                for a in shown
            ],
        )

    @Slot(int)
    def _on_village_combo_changed(self, _index: int) -> None:
        self._show()
