"""今日登记: the payments recorded today on this computer, newest first."""

from __future__ import annotations

from datetime import UTC, date, datetime, time

from PySide6.QtWidgets import QTableView, QWidget

from ...core.village import get_village
from ..context import AppContext
from ..rows import RowsModel, make_table

TODAY_LIMIT = 200  # a table fitted to its contents stays quick at a few hundred rows


def yuan_text(fen: int) -> str:
    return f"{fen / 100:,.2f}"


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
        where = (
            "pm.recorded_at >= ? AND +pm.year = ? AND pm.kind = 'personal'"
            " AND (pm.source = 'manual' OR pm.note LIKE '待认领#%')"
        )
        params = [since.strftime("%Y-%m-%dT%H:%M:%SZ"), get_village(self.ctx.db).current_year]
        count = self.ctx.db.execute(
            f"SELECT COUNT(*) FROM payment pm WHERE {where}", params
        ).fetchone()[0]
        # Newest first, walking the ids down (+year keeps SQLite off the year index) until enough are found.
        shown = self.ctx.db.execute(
            "SELECT pm.id, pm.recorded_at, p.name, p.id_number, pm.amount_fen, pm.channel, pm.paid_on,"
            f" pm.ticket_no, pm.note FROM payment pm JOIN person p ON p.id = pm.person_id WHERE {where}"
            f" ORDER BY pm.id DESC LIMIT {TODAY_LIMIT}",
            params,
        ).fetchall()
        self.model.set_rows(
            [
                (local_hm(at), name, idn, yuan_text(fen), ch, on, t or "", note or "")
                for _id, at, name, idn, fen, ch, on, t, note in shown
            ],
            keys=[r[0] for r in shown],
        )
        return count
