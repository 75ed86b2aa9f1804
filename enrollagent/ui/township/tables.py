"""Rows, sort values and colours of the township window's tables, from a TownshipStatus."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QColor

from ...core.clock import local_time
from ...core.money import yuan_text
from ...core.vocab import STATES
from ...township.amendments import Amendment
from ...township.status import TownshipStatus, VillageRow, category_labels
from ..rows import BAD, GOOD, WARN
from ..widgets.common import thousands

GREY = QColor("#e4e6ea")
GOOD_RATE = 0.95  # at or above: green; below WARN_RATE: red
WARN_RATE = 0.80


def _t(text: str) -> str:
    return QCoreApplication.translate("township", text)


def pct(value: float | None) -> str:
    return "—" if value is None else f"{value:.1%}"


def rate_color(value: float | None) -> QColor | None:
    if value is None:
        return None
    return GOOD if value >= GOOD_RATE else WARN if value >= WARN_RATE else BAD


VILLAGE_COLUMNS = (
    "排名",
    "村",
    "经办人",
    "联系电话",
    "任务数",
    "应参保",
    "已参保",
    "完成率",
    "差额",
    "未缴",
    "特殊群体未参保",
    "最新上报包",
    "更正",
)
AMENDMENTS_COLUMN = VILLAGE_COLUMNS.index("更正")


def task_text(v: VillageRow) -> str:
    """The task, marked when it comes from the village's own package (no township task table)."""
    if v.task is None:
        return "—"
    return _t("{task}（村报）").format(task=v.task) if v.task_source == "package" else str(v.task)


def village_rows(status: TownshipStatus) -> tuple[list[tuple], list[tuple], list]:
    """The ranking: reported villages by completion rate, then those not reported."""
    rows, sort_values, colors = [], [], []
    for v in status.villages:
        f = v.figures
        if f is None:
            rows.append(
                ("", v.name, "", "", task_text(v), "", "", "", "", "", "", _t("未上报"), "")
            )
            sort_values.append((None, v.name, "", "", v.task, *[None] * 8))
            colors.append(GREY)
            continue
        t = f.total
        package = _t("第{seq}号 {at}").format(seq=v.sequence, at=local_time(v.created_at))
        rows.append(
            (
                v.rank,
                v.name,
                v.agent,
                v.agent_phone,
                task_text(v),
                t.eligible,
                t.enrolled,
                pct(v.completion),
                "—" if v.shortfall is None else v.shortfall,
                t.unpaid,
                v.special_gaps,
                package,
                _t("{n} 条").format(n=v.amendments) if v.amendments else "",
            )
        )
        sort_values.append(
            (
                v.rank,
                v.name,
                v.agent,
                v.agent_phone,
                v.task,
                t.eligible,
                t.enrolled,
                v.completion,
                v.shortfall,
                t.unpaid,
                v.special_gaps,
                v.created_at,
                v.amendments,
            )
        )
        colors.append(
            [
                None,
                None,
                None,
                None,
                None,
                None,
                None,
                rate_color(v.completion),
                BAD if (v.shortfall or 0) > 0 else None,
                None,
                BAD if v.special_gaps else GOOD,
                None,
                WARN if v.amendments else None,
            ]
        )
    return rows, sort_values, colors


def duplicate_rows(status: TownshipStatus) -> tuple[list[tuple], list[tuple], list]:
    rows, sort_values, colors = [], [], []
    for d in status.duplicates:
        where = "；".join(
            f"{e.village} {e.group} {e.hh_no}户 {e.name} {e.phone}（{STATES.get(e.state, e.state)}）"
            for e in d.entries
        )
        twice = _t("是") if d.enrolled_twice else _t("否")
        rows.append((d.id_number, twice, where))
        sort_values.append((d.id_number, d.enrolled_twice, where))
        colors.append(BAD if d.enrolled_twice else WARN)
    return rows, sort_values, colors


def gap_rows(status: TownshipStatus) -> list[tuple]:
    return [
        (g.village, g.group, g.name, g.id_number, category_labels(g.categories), g.unpaid_reason)
        for g in status.gaps
    ]


def amendment_rows(amendments: list[Amendment]) -> list[tuple]:
    return [
        (
            a.village,
            _t("第{seq}号").format(seq=a.sequence),
            a.person or _t("全村"),
            a.id_number,
            a.field,
            a.old,
            a.new,
            a.when,
            a.who,
            a.why,
        )
        for a in amendments
    ]


def totals_text(status: TownshipStatus) -> str:
    t = status.to_json()["total"]
    return _t(
        "<span style='font-size:14pt'><b>{township}{year}年度</b>　已上报 <b>{reported}</b>/{villages} 村　"
        "应参保 <b>{eligible}</b>　已参保 <b>{enrolled}</b>　参保率 <b>{rate}</b>　"
        "任务 {task}　完成 <b>{completion}</b>　差额 <b>{shortfall}</b>　征缴 {collected} 元　"
        "特殊群体未参保 <b>{gaps}</b> 人　重复参保 <b>{dups}</b> 人</span>"
    ).format(
        township=status.township,
        year=status.year,
        reported=t["reported"],
        villages=t["villages"],
        eligible=thousands(t["eligible"]),
        enrolled=thousands(t["enrolled"]),
        rate=pct(t["rate"]),
        task=thousands(t["task"]) if t["task"] else "—",
        completion=pct(t["task_completion"]),
        shortfall="—" if t["shortfall"] is None else thousands(t["shortfall"]),
        collected=yuan_text(status.total.collected_fen),
        gaps=thousands(len(status.gaps)),
        dups=thousands(len(status.duplicates)),
    )
