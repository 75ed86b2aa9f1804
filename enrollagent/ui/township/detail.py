"""One village in detail, opened by a double-click on the ranking: its figures by group, special
group and unpaid reason, and its unpaid persons to ring."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal, Slot
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from ...core.clock import local_time
from ...core.money import yuan_text
from ...core.vocab import CATEGORY_BY_CODE
from ...township.status import REASONS, UnpaidPerson, VillageRow, category_labels
from ..rows import BAD, RowsModel, make_table
from .tables import pct, task_text


class VillageDetailDialog(QDialog):
    amendments_requested = Signal(str)  # the village key

    def __init__(
        self, village: VillageRow, year: int, unpaid: list[UnpaidPerson], parent: QWidget | None
    ) -> None:
        super().__init__(parent)
        assert village.figures is not None
        self.village = village
        f, t = village.figures, village.figures.total
        self.setWindowTitle(self.tr("{name} — {year}年度").format(name=village.name, year=year))
        self.summary_label = QLabel(
            self.tr(
                "<b>{name}</b>（{code}）{year}年度　第 {rank} 名<br>"
                "经办人 {agent}　电话 {phone}　第{seq}号包 {at}<br>"
                "任务 {task}　应参保 {eligible}　已参保 {enrolled}　完成率 <b>{completion}</b>　"
                "差额 <b>{shortfall}</b>　未缴 {unpaid}　征缴 {collected} 元　应退费 {refund} 人"
            ).format(
                name=village.name,
                code=village.code or "—",
                year=year,
                rank=village.rank,
                agent=village.agent,
                phone=village.agent_phone,
                seq=village.sequence,
                at=local_time(village.created_at),
                task=task_text(village),
                eligible=t.eligible,
                enrolled=t.enrolled,
                completion=pct(village.completion),
                shortfall="—" if village.shortfall is None else village.shortfall,
                unpaid=t.unpaid,
                collected=yuan_text(t.collected_fen),
                refund=f.refund_due,
            )
        )
        self.summary_label.setTextFormat(Qt.TextFormat.RichText)
        self.summary_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.group_model = RowsModel(
            [(self.tr(h), n) for h, n in (("村民小组", False), ("在册", True), ("应参保", True),
                                          ("已参保", True), ("未缴", True), ("参保率", True))],
            self,
        )  # fmt: skip
        self.group_model.set_rows(
            [
                (g, x.persons, x.eligible, x.enrolled, x.unpaid, pct(x.rate))
                for g, x in f.by_group.items()
            ]
        )
        self.special_model = RowsModel(
            [(self.tr(h), n) for h, n in (("人员类别", False), ("应保", True), ("已保", True),
                                          ("未保", True))],
            self,
        )  # fmt: skip
        special = [
            (CATEGORY_BY_CODE[c].label, x.eligible, x.enrolled, x.unpaid)
            for c, x in f.special.items()
        ]
        self.special_model.set_rows(
            special, colors=[[None, None, None, BAD if r[3] else None] for r in special]
        )
        self.reason_model = RowsModel([(self.tr("未缴原因"), False), (self.tr("人数"), True)], self)
        self.reason_model.set_rows(
            [(r, village.unpaid_reasons[r]) for r in REASONS if village.unpaid_reasons.get(r)]
        )
        self.unpaid_model = RowsModel(
            [(self.tr(h), False) for h in ("村民小组", "户号", "户主", "姓名", "身份证号",
                                           "联系电话", "人员类别", "未缴原因")],
            self,
        )  # fmt: skip
        self.unpaid_model.set_rows(
            [
                (p.group, p.hh_no, p.head, p.name, p.id_number, p.phone,
                 category_labels(p.categories), p.reason)
                for p in unpaid
            ]
        )  # fmt: skip
        self.tabs = QTabWidget()
        # Groups and reasons keep their natural order; the list may be sorted by whoever reads it.
        for model, title, sortable in (
            (self.group_model, self.tr("各组"), False),
            (self.special_model, self.tr("特殊群体"), False),
            (self.reason_model, self.tr("未缴原因"), False),
            (self.unpaid_model, self.tr("未缴名单 ({n})").format(n=len(unpaid)), True),
        ):
            self.tabs.addTab(make_table(model, self, sortable=sortable), title)

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.amendments_button = QPushButton(self.tr("查看更正 ({n})").format(n=village.amendments))
        self.amendments_button.setEnabled(village.amendments > 0)
        buttons.addButton(self.amendments_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)
        self.amendments_button.clicked.connect(self._on_amendments_button_clicked)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary_label)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(buttons)
        self.resize(900, 560)

    @Slot()
    def _on_amendments_button_clicked(self) -> None:
        self.amendments_requested.emit(self.village.key)
        self.accept()
