"""入户催缴清单: the unpaid people by 村民小组 and household, with boxes to tick at the door."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from math import ceil
from pathlib import Path
from typing import Literal

import sqlite_utils
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Flowable, PageBreak, Spacer, Table, TableStyle
from reportlab.platypus.tables import CellStyle

from ..core.figures import PersonState, person_states
from ..core.money import yuan_text
from ..core.progress import NO_PROGRESS, Progress
from ..core.village import get_village
from .fonts import PdfFont, cjk_font
from .pdf_common import (
    GRID,
    HEADER_FILL,
    Styles,
    build_pdf,
    fit,
    make_styles,
    missing_glyph_note,
    para,
)

TITLE = "入户催缴清单"
BODY_SIZE = 14
TICKS = ("已缴", "拒缴", "外出", "其他")
COLUMNS = ("姓名", "身份证后6位", "应缴(元)", "核实结果（打√）", "备注")
# 姓名, 身份证后6位, 应缴, the tick boxes, 备注: 180 mm, the width of A4 inside the margins.
COLUMN_MM = (30, 28, 22, 72, 28)
PAD = 3


class Stamp(Flowable):
    """A fixed drawing made once per document as a PDF form and placed wherever it appears: the
    same tick boxes on every row and labels atop every household then cost one operator each,
    not a path and a text object per box and label. `reach`: how far right it draws, when that
    is past its own width (the column labels cross the cells after their own)."""

    def __init__(
        self,
        name: str,
        width: float,
        height: float,
        paint: Callable[[Canvas], None],
        reach: float = 0,
    ) -> None:
        super().__init__()
        self.name, self.width, self.height, self._paint = name, width, height, paint
        self.reach = max(reach, width)

    def draw(self) -> None:
        canv = self.canv
        if not canv.hasForm(self.name):
            # the box is generous: the tick squares reach a little below the baseline
            h = ceil(self.height)
            canv.beginForm(self.name, -PAD, -h, ceil(self.reach) + PAD, 2 * h)
            self._paint(canv)
            canv.endForm()
        canv.doForm(self.name)


def tick_boxes(font: PdfFont, size: float, pitch: float) -> Stamp:
    """Squares a pen can tick, each with its label (the font's own □ is too small to tick)."""

    def paint(canv: Canvas) -> None:
        side = size * 0.95
        canv.setLineWidth(0.9)
        canv.setFont(font.name, size)
        for i, label in enumerate(TICKS):
            x = i * pitch
            canv.rect(x, -size * 0.12, side, side)
            canv.drawString(x + size * 1.2, 0, label)

    return Stamp("ChecklistTicks", pitch * len(TICKS), size, paint)


def column_labels(font: PdfFont, widths: list[float]) -> Stamp:
    """The column labels of a household, drawn from its first cell across the whole row."""
    size = BODY_SIZE - 3
    leading = size * 1.3

    def paint(canv: Canvas) -> None:
        canv.setFont(font.name, size, leading)
        left: float = -PAD
        for label, w in zip(COLUMNS, widths, strict=True):
            canv.drawCentredString(left + w / 2, leading - size, label)
            left += w

    return Stamp("ChecklistColumns", widths[0] - 2 * PAD, leading, paint, reach=sum(widths))


def id_tail(s: PersonState) -> str:
    """The last six characters of a valid ID: enough to tell two people apart at the door."""
    return s.id_number[-6:] if s.id_valid else "待核实"


def _households(db: sqlite_utils.Database) -> dict[int, tuple[str, str, str]]:
    """household → (hh_no, address, phone)."""
    return {
        hid: (hh_no, address, phone)
        for hid, hh_no, address, phone in db.execute(
            "SELECT id, hh_no, address, phone FROM household"
        ).fetchall()
    }


@dataclass(frozen=True)
class Look:
    """What every household table shares, made once per list: laying out a thousand tables spent
    most of its time applying the same style commands to each cell of each."""

    widths: list[float]
    style: TableStyle
    head_row: list[CellStyle]
    label_row: list[CellStyle]
    member_row: list[CellStyle]
    note_row: list[CellStyle]
    labels: Stamp
    ticks: Stamp


def make_look(font: PdfFont) -> Look:
    widths = [w * mm for w in COLUMN_MM]

    def cell(
        size: float,
        align: Literal["LEFT", "CENTER"] = "LEFT",
        valign: Literal["MIDDLE", "TOP"] = "MIDDLE",
    ) -> CellStyle:
        style = CellStyle(f"checklist-{size}-{align}-{valign}")
        style.fontname, style.fontsize, style.leading = font.name, size, size * 1.3
        style.leftPadding = style.rightPadding = PAD
        style.topPadding, style.bottomPadding = 3, 4
        style.alignment, style.valign = align, valign
        return style

    body = cell(BODY_SIZE - 1)
    centred = cell(BODY_SIZE - 1, "CENTER")
    return Look(
        widths=widths,
        # negative rows: the same commands fit a household of any size
        style=TableStyle(
            [
                ("SPAN", (0, 0), (-1, 0)),
                ("SPAN", (0, -1), (-1, -1)),
                ("BOX", (0, 0), (-1, -1), 1.2, GRID),
                ("INNERGRID", (0, 1), (-1, -2), 0.5, GRID),
                ("LINEABOVE", (0, -1), (-1, -1), 0.5, GRID),
                ("BACKGROUND", (0, 1), (-1, 1), HEADER_FILL),
                ("NOSPLIT", (0, 0), (-1, -1)),
            ]
        ),
        head_row=[body] * len(widths),
        label_row=[cell(BODY_SIZE - 3)] * len(widths),
        member_row=[body, centred, centred, body, body],
        note_row=[cell(BODY_SIZE - 1, valign="TOP")] * len(widths),
        labels=column_labels(font, widths),
        ticks=tick_boxes(font, BODY_SIZE - 1, (widths[3] - 2 * PAD) / len(TICKS)),
    )


NOTHING: list[Flowable] = []  # an empty cell: reportlab draws even "" as a text object


def _household_table(
    head: str,
    info: tuple[str, str, str],
    phone: str,
    members: list[PersonState],
    font: PdfFont,
    styles: Styles,
    look: Look,
) -> Table:
    hh_no, address, _ = info
    widths = look.widths
    parts = [
        f"户主：{head or '（未登记）'}",
        f"户号：{hh_no}" if hh_no else "",
        f"电话：{phone or '＿＿＿＿＿＿＿＿'}",
        f"地址：{address or '＿＿＿＿＿＿＿＿＿＿'}",
    ]
    name_width = widths[0] - 2 * PAD
    rows: list[list] = [
        [fit("    ".join(p for p in parts if p), sum(widths) - 2 * PAD, styles.cell, font)]
        + [""] * 4,
        [look.labels] + [NOTHING] * 4,
    ]
    for s in members:
        rows.append(
            [
                fit(s.name, name_width, styles.cell, font),
                id_tail(s),
                yuan_text(s.owed_fen),
                look.ticks,
                NOTHING,
            ]
        )
    rows.append(["情况记录："] + [""] * 4)
    cell_styles = [look.head_row, look.label_row] + [look.member_row] * len(members)
    return Table(
        rows,
        colWidths=widths,
        rowHeights=[None] * (len(rows) - 1) + [11 * mm],
        style=look.style,
        cellStyles=[*cell_styles, look.note_row],
    )


ByGroup = dict[str, dict[int, list[PersonState]]]  # group → household → its unpaid members


def checklist_story(
    db: sqlite_utils.Database, year: int, group: str | None
) -> tuple[list[Flowable], int]:
    """The flowables and the number of unpaid people listed."""
    font = cjk_font()
    styles = make_styles(font, BODY_SIZE)
    look = make_look(font)
    states = person_states(db, year)
    heads = {s.household_id: s for s in states if s.relation == "户主"}
    households = _households(db)
    by_group = _unpaid_by_group(states, group)
    story: list[Flowable] = []
    for name, members_by_household in by_group.items():
        if story:
            story.append(PageBreak())  # each group starts a page: one agent walks one group
        story += _group_story(name, members_by_household, heads, households, font, styles, look)
    if not story:
        where = f"{group}" if group else "本村"
        story.append(para(f"{where}目前没有未缴费人员。", styles.title, font))
    story += missing_glyph_note(font, _listed_names(by_group, heads), styles.body)
    listed = sum(len(m) for hh in by_group.values() for m in hh.values())
    return story, listed


def _unpaid_by_group(states: list[PersonState], group: str | None) -> ByGroup:
    by_group: ByGroup = {}
    for s in states:  # already in group, household order
        if s.state == "unpaid" and (group is None or s.group_name == group):
            by_group.setdefault(s.group_name, {}).setdefault(s.household_id, []).append(s)
    return by_group


def _group_story(
    name: str,
    members_by_household: dict[int, list[PersonState]],
    heads: dict[int, PersonState],
    households: dict[int, tuple[str, str, str]],
    font: PdfFont,
    styles: Styles,
    look: Look,
) -> list[Flowable]:
    """One group: its title line, a table per household, the line the visitor signs."""
    people = sum(len(m) for m in members_by_household.values())
    story: list[Flowable] = [
        para(
            f"{name or '未分组'}　未缴费 {people} 人，{len(members_by_household)} 户",
            styles.title,
            font,
        )
    ]
    for hid, members in members_by_household.items():
        head = heads.get(hid)
        info = households.get(hid, ("", "", ""))
        phone = (
            info[2]
            or (head.phone if head else "")
            or next((m.phone for m in members if m.phone), "")
        )
        story.append(
            _household_table(head.name if head else "", info, phone, members, font, styles, look)
        )
        story.append(Spacer(1, 3 * mm))
    story.append(
        para("入户人员签字：＿＿＿＿＿＿＿＿　　日期：＿＿＿＿年＿＿月＿＿日", styles.body, font)
    )
    return story


def _listed_names(by_group: ByGroup, heads: dict[int, PersonState]) -> list[str]:
    """Every name the checklist prints: the unpaid people and their heads of household."""
    names = [s.name for hh in by_group.values() for members in hh.values() for s in members]
    names += [heads[hid].name for hh in by_group.values() for hid in hh if hid in heads]
    return names


def write_checklist(
    db: sqlite_utils.Database,
    path: str | Path,
    *,
    year: int | None = None,
    group: str | None = None,
    progress: Progress = NO_PROGRESS,
) -> Path:
    """Write the door-to-door checklist (all groups, or one) to `path`; returns `path`."""
    village = get_village(db)
    year = year or village.current_year
    progress.update(0, 1, TITLE)
    story, listed = checklist_story(db, year, group)
    title = f"{year}年度{TITLE}" + (f"（{group}）" if group else "")
    return build_pdf(
        path,
        story,
        font=cjk_font(),
        title=title,
        village_title=village.title,
        progress=progress,
        expected_pages=listed // 10 + 1,
    )
