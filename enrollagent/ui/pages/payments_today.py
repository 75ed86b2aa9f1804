"""今日登记: the payments recorded today on this computer, newest first."""

from __future__ import annotations

from datetime import UTC, date, datetime, time

from PySide6.QtWidgets import QTableView, QWidget

from ...core.money import yuan_cents
from ...core.payments import payments_entered_since
from ...core.village import get_village
from ..context import AppContext
from ..rows import RowsModel, make_table

TODAY_LIMIT = 200  # a table fitted to its contents stays quick at a few hundred rows


def local_hm(utc_iso: str) -> str:
    try:
        at = datetime.fromisoformat(utc_iso.replace("Z", "+00:00"))
    except (TypeError, ValueError):
        return utc_iso or ""
    return at.astimezone().strftime("%H:%M:%S")


class TodayList:
    """The model and view of today's records; `reload()` returns how many there are in all."""

    def __init__(self, ctx: AppContext, parent: QWidget) -> None:
        self.ctx = ctx
        tr = parent.tr
        self.model = RowsModel(
            [
                (tr("登记时间"), False),
                (tr("姓名"), False),
                (tr("身份证号"), False),
                (tr("金额(元)"), True),
                (tr("渠道"), False),
                (tr("缴费日期"), False),
                (tr("票据号"), False),
                (tr("备注"), False),
            ],
            parent,
        )
        self.view: QTableView = make_table(self.model, parent)

    def reload(self) -> int:
        # recorded_at is UTC; "today" is the agent's local day.
        since = datetime.combine(date.today(), time()).astimezone().astimezone(UTC)
        count, shown = payments_entered_since(
            self.ctx.db,
            since.strftime("%Y-%m-%dT%H:%M:%SZ"),
            year=get_village(self.ctx.db).current_year,
            limit=TODAY_LIMIT,
        )
        self.model.set_rows(
            [
                (
                    local_hm(p.recorded_at),
                    p.name,
                    p.id_number,
                    yuan_cents(p.amount_fen),
                    p.channel,
                    p.paid_on,
                    p.ticket_no,
                    p.note,
                )
                for p in shown
            ],
            keys=[p.id for p in shown],
        )
        return count
