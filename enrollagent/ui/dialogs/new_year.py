"""文件 → 开始新年度征缴…: the new year's policy and task, a preview of the roll, then the roll."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QSpinBox,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from ...core.policy import Policy, list_presets
from ...core.village import MAX_TASK, get_policy, get_village
from ...core.vocab import COVERAGE_KINDS
from ...core.year import Rollover, plan_year, start_year
from ...errors import EnrollError
from ..context import AppContext
from ..widgets.common import BAD, MUTED, heading, show_error
from ..widgets.policy_editor import PolicyEditor

LAST_YEAR = ""  # source combo data: the policy in force, moved to the new year
YEARS_AHEAD = 3  # a village that skipped a season or two may start a later year


class NewYearDialog(QDialog):
    """Two steps: 1 the year, its policy and task; 2 what the roll will do. Nothing is written
    before 开始 on the second step."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.current = get_village(ctx.db).current_year
        self.last_policy = get_policy(ctx.db)
        self.presets = list_presets()
        self.plan: Rollover | None = None
        self.setWindowTitle(self.tr("开始新年度征缴"))

        self.year_spin = QSpinBox(self)
        self.year_spin.setRange(self.current + 1, self.current + YEARS_AHEAD)
        self.year_spin.setSuffix(self.tr(" 年度"))
        self.source_combo = QComboBox(self)
        self.source_combo.addItem(
            self.tr("沿用{year}年度政策（{name}）").format(
                year=self.current, name=self.last_policy.name
            ),
            LAST_YEAR,
        )
        for key, preset in self.presets.items():
            self.source_combo.addItem(self.tr("预设：{name}").format(name=preset.name), key)
        self.task_spin = QSpinBox(self)
        self.task_spin.setRange(0, MAX_TASK)
        self.task_spin.setSpecialValueText(self.tr("暂不填"))
        self.policy_editor = PolicyEditor(self)
        # The editor is taller than a 768-pixel screen in large type: it scrolls, the rest stays.
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(self.policy_editor)
        form = QFormLayout()
        form.addRow(self.tr("新的参保年度"), self.year_spin)
        form.addRow(self.tr("政策从哪里开始"), self.source_combo)
        form.addRow(self.tr("乡镇下达的任务数（人）"), self.task_spin)
        note = QLabel(
            self.tr("请对照县里新年度的征缴通知，核对缴费标准、征缴期和各类人员的资助。"), self
        )
        note.setWordWrap(True)
        note.setStyleSheet(f"color: {MUTED};")
        edit_page = QWidget(self)
        edit_layout = QVBoxLayout(edit_page)
        edit_layout.setContentsMargins(0, 0, 0, 0)
        edit_layout.addLayout(form)
        edit_layout.addWidget(note)
        edit_layout.addWidget(scroll, 1)

        self.preview_heading = heading("", self)
        self.preview_label = QLabel(self)
        self.preview_label.setWordWrap(True)
        self.preview_label.setTextFormat(Qt.TextFormat.RichText)
        self.preview_label.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        preview_page = QWidget(self)
        preview_layout = QVBoxLayout(preview_page)
        preview_layout.setContentsMargins(0, 0, 0, 0)
        preview_layout.addWidget(self.preview_heading)
        preview_layout.addWidget(self.preview_label, 1)

        self.steps = QStackedWidget(self)
        self.steps.addWidget(edit_page)
        self.steps.addWidget(preview_page)
        self.back_button = QPushButton(self.tr("上一步"), self)
        self.next_button = QPushButton(self.tr("下一步：预览"), self)
        self.start_button = QPushButton(self)
        self.cancel_button = QPushButton(self.tr("取消"), self)
        buttons = QHBoxLayout()
        buttons.addWidget(self.back_button)
        buttons.addStretch(1)
        for button in (self.next_button, self.start_button, self.cancel_button):
            buttons.addWidget(button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.steps, 1)
        layout.addLayout(buttons)

        self.year_spin.valueChanged.connect(self._on_year_spin_changed)
        self.source_combo.currentIndexChanged.connect(self._on_source_combo_changed)
        self.back_button.clicked.connect(self._on_back_button_clicked)
        self.next_button.clicked.connect(self._on_next_button_clicked)
        self.start_button.clicked.connect(self._on_start_button_clicked)
        self.cancel_button.clicked.connect(self.reject)
        # A gap (a subsidy left 待定, a window outside the year) is named on its field by the
        # editor; the preview waits until none is left.
        self.policy_editor.changed.connect(
            lambda: self.next_button.setEnabled(not self.policy_editor.problems())
        )
        self._on_source_combo_changed()
        self._show_step(0)
        # Wide enough for the preview's lines and the subsidy grid, no taller than the screen.
        char = self.fontMetrics().horizontalAdvance("字")
        room = self.screen().availableGeometry()
        self.resize(min(char * 48, room.width() - 40), min(char * 44, room.height() - 60))

    # --- step 1 -------------------------------------------------------------------------------
    def year(self) -> int:
        return self.year_spin.value()

    def task(self) -> int | None:
        return self.task_spin.value() or None

    def _source(self) -> Policy:
        key = self.source_combo.currentData()
        return self.presets.get(key, self.last_policy)

    def _on_source_combo_changed(self) -> None:
        self.policy_editor.set_policy(self._source().for_year(self.year()))

    def _on_year_spin_changed(self) -> None:
        # Keep what the agent has typed, moved to the new year; a form that does not parse yet
        # starts again from its source.
        try:
            policy = self.policy_editor.policy()
        except EnrollError:
            policy = self._source()
        self.policy_editor.set_policy(policy.for_year(self.year()))

    # --- steps --------------------------------------------------------------------------------
    def _show_step(self, step: int) -> None:
        self.steps.setCurrentIndex(step)
        self.back_button.setVisible(step == 1)
        self.next_button.setVisible(step == 0)
        self.start_button.setVisible(step == 1)
        # Enter goes forward to the preview, never past it: a year cannot be unstarted, so only a
        # click on 开始 starts it (a second Enter lands on 上一步).
        self.next_button.setDefault(step == 0)
        self.start_button.setAutoDefault(False)
        if step == 1:
            self.back_button.setFocus()
        self.start_button.setText(self.tr("开始{year}年度").format(year=self.year()))

    def _on_back_button_clicked(self) -> None:
        self._show_step(0)

    def _on_next_button_clicked(self) -> None:
        """The preview, from the core's plan; a policy or task that cannot govern the year is
        refused here, before anything is written."""
        try:
            self.plan = plan_year(
                self.ctx.db, self.year(), self.policy_editor.policy(), task=self.task()
            )
        except EnrollError as e:
            show_error(self, e)
            return
        self.preview_heading.setText(
            self.tr("从{old}年度进入{new}年度，将会：").format(old=self.current, new=self.year())
        )
        self.preview_label.setText(self.preview_text(self.plan))
        self._show_step(1)

    def preview_text(self, plan: Rollover) -> str:
        left = "、".join(
            f"{self.tr(COVERAGE_KINDS[kind])} {n}" for kind, n in sorted(plan.left.items())
        )
        policy = plan.policy
        rows = [
            self.tr("带入新年度 <b>{n}</b> 人（{h} 户）").format(
                n=plan.persons_carried, h=plan.households
            ),
            self.tr("离开名册 <b>{n}</b> 人{detail}，不带入新年度").format(
                n=sum(plan.left.values()), detail=f"（{left}）" if left else ""
            ),
            self.tr(
                "待确认参保状态 <b>{n}</b> 人：职工医保、异地参保、学校参保、服役的状态带入，"
                "请逐一核实后确认"
            ).format(n=plan.to_confirm),
            self.tr(
                "待重新认定的特殊群体 <b>{n}</b> 人：去年的特困、低保等标记不带入，"
                "按新年度部门名单重新认定"
            ).format(n=plan.flags_to_recertify),
            self.tr("缴费从零开始：新年度还没有任何缴费记录"),
            self.tr("政策：{name}，个人缴费 {standard} 元，征缴期 {start} 至 {end}").format(
                name=policy.name,
                standard=policy.to_json()["standard"],
                start=policy.window_start.isoformat(),
                end=policy.window_end.isoformat(),
            ),
            self.tr("任务数：{task}").format(
                task=self.tr("{n} 人").format(n=plan.task) if plan.task else self.tr("暂不填")
            ),
        ]
        kept = self.tr(
            "{old}年度的名册和缴费原样保留，仍可在“导出与打印”里选{old}年度导出。"
            "点“开始”后，各页面都换成{new}年度。"
        ).format(old=plan.from_year, new=plan.year)
        items = "".join(f"<li style='margin-bottom:6px'>{r}</li>" for r in rows)
        ended = ""
        if date.today() > policy.window_end:
            # A year started late (or a window copied without moving it): say so before 开始.
            warning = self.tr("注意：这个征缴期已于 {end} 结束，此后缴费的人参保后有待遇等待期。")
            ended = f"<p style='color:{BAD}'>{warning.format(end=policy.window_end)}</p>"
        return f"<ul>{items}</ul>{ended}<p style='color:{MUTED}'>{kept}</p>"

    def _on_start_button_clicked(self) -> None:
        """The roll, as one change; a refusal (the year started meanwhile …) changes nothing."""
        assert self.plan is not None  # the button is shown only with a preview
        try:
            self.ctx.write(start_year, self.plan.year, self.plan.policy, task=self.plan.task)
        except EnrollError as e:
            show_error(self, e)
            self._show_step(0)
            return
        self.accept()
