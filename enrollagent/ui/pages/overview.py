"""Page 'overview' (概览): the year's figures in big type, groups, special groups, what needs attention."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt
from PySide6.QtWidgets import (
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ...core.changes import EVERYTHING, Changes
from ...core.cover import waiting_if_late
from ...core.figures import Figures, compute_figures
from ...core.money import yuan_text
from ...core.village import get_village
from ...core.vocab import CATEGORY_BY_CODE
from ...core.year import to_recertify
from ..context import AppContext
from ..widgets.common import (
    BAD,
    GOOD,
    MUTED,
    FigureTile,
    percent,
    scaled_font,
    scrolled_body,
    thousands,
)
from . import follow_changes

# (key in Figures.attention, label, page, filter) — each line opens the list it counts.
ATTENTION_LINES = (
    (
        "invalid_id",
        QT_TRANSLATE_NOOP("Page", "身份证号待核实"),
        "roster",
        {"attention": "invalid_id"},
    ),
    ("refund_due", QT_TRANSLATE_NOOP("Page", "应退费"), "roster", {"attention": "refund_due"}),
    ("double_paid", QT_TRANSLATE_NOOP("Page", "重复缴费"), "roster", {"attention": "double_paid"}),
    (
        "unmatched_payments",
        QT_TRANSLATE_NOOP("Page", "待认领的缴费（花名册里找不到人）"),
        "payments",
        {"inbox": True},
    ),
    # After a rollover: cover carried from last year, and flags the new lists must certify again.
    (
        "to_confirm",
        QT_TRANSLATE_NOOP("Page", "待确认参保状态"),
        "roster",
        {"attention": "to_confirm"},
    ),
    ("to_recertify", QT_TRANSLATE_NOOP("Page", "待重新认定"), "special", {"recertify": True}),
)


def _clear(layout) -> None:
    while layout.count():
        item = layout.takeAt(0)
        if item.widget():
            item.widget().deleteLater()
        elif item.layout():
            _clear(item.layout())


def _link(text: str, parent: QWidget) -> QPushButton:
    """Looks like a link; one Tab stop, and Enter follows it as a click does (a QLabel link takes two Tabs)."""
    button = QPushButton(text, parent)
    button.setObjectName("overviewLink")
    button.setStyleSheet(
        "#overviewLink { text-align: left; border: none; padding: 0 2px; color: #0b3d91; }"
        "#overviewLink:hover, #overviewLink:focus { background: #eef4fd; }"
    )
    button.setCursor(Qt.CursorShape.PointingHandCursor)
    button.setAutoDefault(True)
    return button


def _bar(value: int, total: int, parent: QWidget) -> QProgressBar:
    bar = QProgressBar(parent)
    bar.setRange(0, max(total, 1))
    bar.setValue(min(value, max(total, 1)))
    bar.setTextVisible(False)
    bar.setFixedHeight(max(10, parent.fontMetrics().height() // 2))
    return bar


class Page(QWidget):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.figures: Figures | None = None
        self.attention_buttons: dict[str, QPushButton] = {}
        body = scrolled_body(self)
        layout = QVBoxLayout(body)
        layout.setSpacing(12)

        self.title_label = QLabel(body)
        self.title_label.setFont(scaled_font(self, 1.35, bold=True))
        self.window_label = QLabel(body)
        title_row = QHBoxLayout()
        title_row.addWidget(self.title_label)
        title_row.addStretch(1)
        title_row.addWidget(self.window_label)
        layout.addLayout(title_row)

        tiles = QHBoxLayout()
        self.tiles = {}
        for key, caption in (
            ("eligible", QT_TRANSLATE_NOOP("Page", "应参保（人）")),
            ("enrolled", QT_TRANSLATE_NOOP("Page", "已参保（人）")),
            ("rate", QT_TRANSLATE_NOOP("Page", "参保率")),
            ("unpaid", QT_TRANSLATE_NOOP("Page", "未缴（人）")),
            ("collected", QT_TRANSLATE_NOOP("Page", "征缴金额（元）")),
        ):
            tile = FigureTile(self.tr(caption), body)
            self.tiles[key] = tile
            if key == "unpaid":
                tile.note_label.linkActivated.connect(self._on_unpaid_link_activated)
            tiles.addWidget(tile)
        layout.addLayout(tiles)

        task_row = QHBoxLayout()
        self.task_label = QLabel(body)
        self.task_bar = QProgressBar(body)
        self.task_bar.setTextVisible(False)
        self.task_bar.setFixedHeight(14)
        task_row.addWidget(self.task_label)
        task_row.addWidget(self.task_bar, 1)
        layout.addLayout(task_row)
        self.waiting_label = QLabel(body)
        self.waiting_label.setWordWrap(True)
        self.waiting_label.setStyleSheet(f"color: {BAD};")
        layout.addWidget(self.waiting_label)

        columns = QHBoxLayout()
        columns.setSpacing(12)
        self.groups_box = QGroupBox(self.tr("各村民小组"), body)
        self.groups_grid = QGridLayout(self.groups_box)
        self.special_box = QGroupBox(self.tr("特殊群体参保（目标100%）"), body)
        self.special_grid = QGridLayout(self.special_box)
        right = QVBoxLayout()
        self.attention_box = QGroupBox(self.tr("需要处理"), body)
        self.attention_layout = QVBoxLayout(self.attention_box)
        self.attention_layout.setSpacing(0)
        right.addWidget(self.attention_box)
        right.addWidget(self.special_box)
        right.addStretch(1)
        columns.addWidget(self.groups_box, 3)
        columns.addLayout(right, 2)
        layout.addLayout(columns)
        layout.addStretch(1)
        self.refresh()
        follow_changes(self, ctx)

    def show_filter(self, flt: dict) -> None:
        pass

    def _on_unpaid_link_activated(self, _link: str) -> None:
        self.ctx.navigate.emit("roster", {"state": "unpaid"})

    def refresh(self, changes: Changes = EVERYTHING) -> None:
        if not changes.figures:
            return  # a remembered choice: no figure moves
        db = self.ctx.db
        self.figures = f = compute_figures(db, states=self.ctx.snapshot().states)
        fig = f.to_json()
        village = get_village(db)
        self.title_label.setText(self.tr("{0}　{1}年度").format(village.title, f.year))
        self._show_window(f)
        self._show_waiting(f)
        self.tiles["eligible"].set_value(
            thousands(fig["eligible"]),
            self.tr("在册 {0} 人 / {1} 户").format(
                thousands(fig["persons"]), thousands(fig["households"])
            ),
        )
        self.tiles["enrolled"].set_value(
            thousands(fig["enrolled"]),
            self.tr("缴费 {0}，资助 {1}，学校 {2}").format(
                fig["paid"], fig["subsidized"], fig["school"]
            ),
            GOOD,
        )
        self.tiles["rate"].set_value(
            percent(fig["rate"]),
            self.tr("综合覆盖率 {0}").format(percent(fig["coverage"])),
            GOOD if fig["rate"] >= 0.95 else "",
        )
        self.tiles["unpaid"].set_value(
            thousands(fig["unpaid"]),
            self.tr("<a href='#'>查看未缴名单</a>"),
            BAD if fig["unpaid"] else GOOD,
        )
        self.tiles["collected"].set_value(
            yuan_text(f.total.collected_fen),
            self.tr("标准 {0} 元/人").format(yuan_text(f.policy.standard_fen)),
        )
        if f.task:
            self.task_label.setText(
                self.tr("任务 {0} 人，已完成 {1}（{2}）").format(
                    thousands(f.task), thousands(fig["enrolled"]), percent(fig["task_completion"])
                )
            )
            self.task_bar.setRange(0, f.task)
            self.task_bar.setValue(min(fig["enrolled"], f.task))
            self.task_bar.show()
        else:
            self.task_label.setText(self.tr("乡镇还没有下达任务数（可在“设置”中填写）"))
            self.task_bar.hide()
        self._fill_groups(fig)
        self._fill_special(fig)
        snapshot = self.ctx.snapshot()
        self._fill_attention(
            {
                **fig["attention"],
                "to_confirm": snapshot.to_confirm,
                "to_recertify": len(to_recertify(db, f.year)),
            }
        )

    def _show_window(self, f: Figures) -> None:
        """Days to go, days left, or plainly that the window is over, for whatever year is shown."""
        today = date.today()
        window = self.tr("{0} 至 {1}").format(
            f.policy.window_start.isoformat(), f.policy.window_end.isoformat()
        )
        if today < f.policy.window_start:
            text = self.tr("征缴期 {0}，<b>{1}</b> 天后开始").format(
                window, (f.policy.window_start - today).days
            )
        elif f.policy.in_window(today):
            text = self.tr("征缴期 {0}，还剩 <b>{1}</b> 天").format(
                window, f.policy.window_days_left(today)
            )
            if f.policy.days_of_month and not f.policy.is_collection_day(today):
                text += self.tr("（每月{0}日至{1}日收缴，今天不收）").format(
                    *f.policy.days_of_month
                )
        else:
            text = self.tr("<span style='color:{0}'>征缴期已结束</span>（{1}）").format(BAD, window)
        self.window_label.setText(text)

    def _show_waiting(self, f: Figures) -> None:
        """Whoever has not paid yet and pays after the window waits months for benefits."""
        late = waiting_if_late(
            self.ctx.db, f.year, states=self.ctx.snapshot().states, policy=f.policy
        )
        self.waiting_label.setVisible(bool(late["persons"]))
        months = self.tr("、").join(
            self.tr("{0}个月 {1} 人").format(m, thousands(n)) for m, n in late["months"].items()
        )
        if date.today() > f.policy.window_end:
            text = self.tr("征缴期已结束：未缴的 {0} 人现在缴费将有待遇等待期（{1}）")
        else:
            text = self.tr("若在征缴期后缴费：{0} 人将有待遇等待期（{1}）")
        self.waiting_label.setText(text.format(thousands(late["persons"]), months))

    def _fill_groups(self, fig: dict) -> None:
        _clear(self.groups_grid)
        self.group_links: list[QPushButton] = []
        box = self.groups_box
        for c, text in enumerate(
            (self.tr("小组"), "", self.tr("已参保/应参保"), self.tr("参保率"), self.tr("未缴"))
        ):
            label = QLabel(text, box)
            label.setStyleSheet(f"color: {MUTED};")
            self.groups_grid.addWidget(label, 0, c)
        for r, (name, g) in enumerate(fig["by_group"].items(), start=1):
            link = _link(name or self.tr("（未分组）"), box)
            link.setToolTip(self.tr("查看{0}的名单").format(name or self.tr("（未分组）")))
            link.clicked.connect(
                lambda _=False, group=name: self.ctx.navigate.emit("roster", {"group": group})
            )
            self.group_links.append(link)
            self.groups_grid.addWidget(link, r, 0)
            self.groups_grid.addWidget(_bar(g["enrolled"], g["eligible"], box), r, 1)
            count = QLabel(f"{g['enrolled']}/{g['eligible']}", box)
            count.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            self.groups_grid.addWidget(count, r, 2)
            rate = QLabel(percent(g["rate"]), box)
            rate.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            self.groups_grid.addWidget(rate, r, 3)
            unpaid = QLabel(str(g["unpaid"]), box)
            unpaid.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            if g["unpaid"]:
                unpaid.setStyleSheet(f"color: {BAD};")
            self.groups_grid.addWidget(unpaid, r, 4)
        self.groups_grid.setColumnStretch(1, 1)
        self.groups_grid.setRowStretch(len(fig["by_group"]) + 1, 1)

    def _fill_special(self, fig: dict) -> None:
        _clear(self.special_grid)
        self.special_links: dict[str, QPushButton] = {}
        box = self.special_box
        if not fig["special"]:
            self.special_grid.addWidget(
                QLabel(self.tr("还没有标记特殊群体（可从民政、乡村振兴等部门名单导入）"), box), 0, 0
            )
            return
        for r, (code, s) in enumerate(fig["special"].items()):
            rate = s["enrolled"] / s["persons"] if s["persons"] else 0
            color = GOOD if s["enrolled"] >= s["persons"] else BAD
            link = _link(self.tr(CATEGORY_BY_CODE[code].label), box)
            link.clicked.connect(
                lambda _=False, c=code: self.ctx.navigate.emit("special", {"category": c})
            )
            self.special_links[code] = link
            self.special_grid.addWidget(link, r, 0)
            count = QLabel(f"{s['enrolled']}/{s['persons']}", box)
            count.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            self.special_grid.addWidget(count, r, 1)
            value = QLabel(percent(rate), box)
            value.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            value.setStyleSheet(f"color: {color}; font-weight: bold;")
            self.special_grid.addWidget(value, r, 2)
        self.special_grid.setColumnStretch(0, 1)
        self.special_grid.setRowStretch(len(fig["special"]), 1)

    def _fill_attention(self, counts: dict[str, int]) -> None:
        _clear(self.attention_layout)
        self.attention_buttons = {}
        for key, label, page, flt in ATTENTION_LINES:
            n = counts[key]
            if not n:
                continue
            unit = self.tr("笔") if key == "unmatched_payments" else self.tr("人")
            button = QPushButton(
                self.tr("{0}：{1} {2}　查看 ›").format(self.tr(label), n, unit), self.attention_box
            )
            button.setObjectName("attentionLine")
            button.setStyleSheet(
                "#attentionLine { text-align: left; padding: 6px 10px; border: none;"
                " border-bottom: 1px solid #e3e7ee; color: #0b3d91; }"
                "#attentionLine:hover, #attentionLine:focus { background: #eef4fd; }"
            )
            button.setCursor(Qt.CursorShape.PointingHandCursor)
            button.setAutoDefault(True)  # Enter opens the list, as Space does
            button.clicked.connect(
                lambda _=False, p=page, x=flt: self.ctx.navigate.emit(p, dict(x))
            )
            self.attention_buttons[key] = button
            self.attention_layout.addWidget(button)
        if not self.attention_buttons:
            ok = QLabel(self.tr("没有需要处理的事项"), self.attention_box)
            ok.setStyleSheet(f"color: {GOOD};")
            self.attention_layout.addWidget(ok)
