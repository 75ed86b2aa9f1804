"""Rows, sort values and colours of the township window's tables, from a TownshipStatus."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QColor

from ...core.clock import local_time
from ...core.money import yuan_text
from ...core.vocab import STATES
from ...township.amendments import Amendment
from ...township.status import TownshipStatus, category_labels
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


def village_rows(status: TownshipStatus) -> tuple[list[tuple], list[tuple], list]:
    rows, sort_values, colors = [], [], []
    for v in status.villages:
        j = v.to_json()
        if not j["reported"]:
            rows.append((v.name, v.code, v.task or "—", "", "", "", "", "", _t("未上报"), ""))
            sort_values.append((v.name, v.code, v.task, None, None, None, None, None, None, None))
            colors.append(GREY)
            continue
        package = _t("第{seq}号 {at}").format(seq=v.sequence, at=local_time(v.created_at))
        rows.append(
            (
                v.name,
                v.code,
                v.task or "—",
                j["eligible"],
                j["enrolled"],
                pct(j["rate"]),
                pct(j["task_completion"]),
                v.special_gaps,
                package,
                _t("{n} 条").format(n=v.amendments) if v.amendments else "",
            )
        )
        sort_values.append(
            (
                v.name,
                v.code,
                v.task,
                j["eligible"],
                j["enrolled"],
                j["rate"],
                j["task_completion"],
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
                rate_color(j["rate"]),
                rate_color(j["task_completion"]),
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
            f"{village} {group} {name}（{STATES.get(state, state)}）"
            for village, group, name, state in d.entries
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
        "<span style='font-size:14pt'><b>{year}年度</b>　已上报 <b>{reported}</b>/{villages} 村　"
        "应参保 <b>{eligible}</b>　已参保 <b>{enrolled}</b>　参保率 <b>{rate}</b>　"
        "任务 {task}　完成 <b>{completion}</b>　征缴 {collected} 元　"
        "特殊群体未参保 <b>{gaps}</b> 人　重复参保 <b>{dups}</b> 人</span>"
    ).format(
        year=status.year,
        reported=t["reported"],
        villages=t["villages"],
        eligible=thousands(t["eligible"]),
        enrolled=thousands(t["enrolled"]),
        rate=pct(t["rate"]),
        task=thousands(t["task"]) if t["task"] else "—",
        completion=pct(t["task_completion"]),
        collected=yuan_text(status.total.collected_fen),
        gaps=thousands(len(status.gaps)),
        dups=thousands(len(status.duplicates)),
    )
