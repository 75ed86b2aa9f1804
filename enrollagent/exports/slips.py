"""缴费告知单: one slip per household, two or three to an A4 page with lines to cut along: what
each member pays after subsidy, the household's total, how and by when to pay, the agent, and
what paying after the window would cost each unpaid member."""

from __future__ import annotations

from datetime import date
from math import ceil
from pathlib import Path

import sqlite_utils
from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Flowable, Frame, KeepInFrame, Table, TableStyle

from ..core import ids
from ..core.money import yuan, yuan_text
from ..core.policy import Policy
from ..core.progress import NO_PROGRESS, Progress
from ..core.reminders import HouseholdDue, PayHow, day_text, household_dues, pay_how, waiting_words
from ..core.village import Village, get_policy, get_village
from ..core.vocab import CATEGORY_BY_CODE
from .atomic import atomic_path
from .fonts import PdfFont, cjk_font
from .pdf_common import GRID, HEADER_FILL, Styles, make_styles, missing_glyph_note, para
from .stable import date_pdf

TITLE = "缴费告知单"
BODY_SIZE = 10.5
CELL_SIZE = 9
SLOTS = 3  # slips per page; a household too big for one slot takes two or three
MARGIN = 8 * mm
PAD = 5 * mm  # inside a slip, from the cut line
HEADER = ("姓名", "身份证号", "人员类别", "资助", "个人应缴(元)", "说明")
COLUMN_MM = (18, 32, 26, 28, 22, 58)  # 184 mm: A4 less the margins and the slip's padding
CUT_GREY = colors.Color(0.45, 0.45, 0.45)


def slip_id(id_number: str, valid: bool) -> str:
    """First 6 and last 4 digits, whatever the notice's setting: a slip never shows a whole ID."""
    return ids.mask(id_number, ids.DEFAULT_MASK) if valid else "待核实"


def slip_story(
    due: HouseholdDue,
    *,
    village: Village,
    policy: Policy,
    how: PayHow,
    font: PdfFont,
    styles: Styles,
) -> list[Flowable]:
    """One household's slip, top to bottom."""
    deadline = policy.window_end
    title = f"{village.name} {policy.year}年度城乡居民医保{TITLE}"
    who = "　".join(
        t
        for t in (
            f"村民小组：{due.group_name}" if due.group_name else "",
            f"户号：{due.hh_no}" if due.hh_no else "",
            f"户主：{due.head or '（未登记）'}",
        )
        if t
    )
    # The table's text at 9 pt: smaller is not read at the door (nothing printed under 8 pt).
    cell = ParagraphStyle(
        "slip_cell", parent=styles.small, fontSize=CELL_SIZE, leading=CELL_SIZE * 1.3
    )
    rows: list[list[object]] = [list(HEADER)]
    for m in due.members:
        s = m.state
        cats = "、".join(CATEGORY_BY_CODE[c].label for c in s.categories) or "—"
        rows.append(
            [
                para(s.name, cell, font),
                slip_id(s.id_number, s.id_valid),
                para(cats, cell, font),
                para(m.subsidy or "—", cell, font),
                yuan_text(s.payable_fen),
                para(m.note, cell, font),
            ]
        )
    table = Table(rows, colWidths=[w * mm for w in COLUMN_MM], hAlign="LEFT", repeatRows=1)
    size = cell.fontSize
    table.setStyle(
        TableStyle(
            [
                ("FONT", (0, 0), (-1, -1), font.name, size, size * 1.3),
                ("GRID", (0, 0), (-1, -1), 0.5, GRID),
                ("BACKGROUND", (0, 0), (-1, 0), HEADER_FILL),
                ("ALIGN", (0, 0), (-1, 0), "CENTER"),
                ("ALIGN", (4, 1), (4, -1), "RIGHT"),
                ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
                ("TOPPADDING", (0, 0), (-1, -1), 1.5),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 2.5),
            ]
        )
    )
    paid = due.payable_fen - due.owed_fen
    total = (
        f"本户合计：个人应缴 {yuan_text(due.payable_fen)} 元，已缴 {yuan_text(paid)} 元，"
        f"还需缴 {yuan_text(due.owed_fen)} 元"
    )
    window = f"{day_text(policy.window_start)}至{day_text(deadline)}"
    centred = ParagraphStyle("slip_title", parent=styles.heading, alignment=TA_CENTER)
    story: list[Flowable] = [
        para(title, centred, font),
        para(who, styles.body, font),
        table,
        para(total, ParagraphStyle("slip_total", parent=styles.body, spaceBefore=1.5 * mm), font),
        para(f"缴费截止：{day_text(deadline)}（集中缴费期 {window}）", styles.note, font),
        para(f"缴费方式：{how.text}" + (f"。{how.note}" if how.note else ""), styles.note, font),
    ]
    late = [waiting_words(m, deadline) for m in due.unpaid]
    if late:
        story.append(para("逾期缴费的后果：", styles.note, font))
        story += [para(f"· {words}。", styles.note, font) for words in late]
    contact = f"村医保经办人：{village.agent}"
    if village.agent_phone:
        contact += f"　电话：{village.agent_phone}"
    story.append(para(contact, styles.note, font))
    story += missing_glyph_note(font, [m.state.name for m in due.members], styles.small)
    return story


def _slot_height() -> float:
    return (A4[1] - 2 * MARGIN) / SLOTS


def _cut_line(canv: Canvas, font: PdfFont, y: float) -> None:
    """A dashed line across the page where two slips meet, labelled so it is cut, not folded."""
    width = A4[0]
    canv.saveState()
    canv.setStrokeColor(CUT_GREY)
    canv.setDash(4, 3)
    canv.setLineWidth(0.6)
    canv.line(MARGIN / 2, y, width - MARGIN / 2, y)
    label = "沿虚线剪开"
    canv.setFont(font.name, 8)
    text_width = canv.stringWidth(label, font.name, 8)
    canv.setFillColor(colors.white)
    canv.rect(width - MARGIN - text_width - 4, y - 4.5, text_width + 4, 9, stroke=0, fill=1)
    canv.setFillColor(CUT_GREY)
    canv.drawString(width - MARGIN - text_width - 2, y - 2.5, label)
    canv.restoreState()


def write_slips(
    db: sqlite_utils.Database,
    path: str | Path,
    *,
    year: int | None = None,
    group: str | None = None,
    unpaid_only: bool = False,
    household_ids: list[int] | None = None,
    progress: Progress = NO_PROGRESS,
) -> Path:
    """Write the slips (the village, one group, or the households named) to `path`."""
    village = get_village(db)
    year = year or village.current_year
    policy = get_policy(db, year)
    progress.update(0, 1, TITLE)
    dues = household_dues(
        db, year, group=group, unpaid_only=unpaid_only, household_ids=household_ids
    )
    font = cjk_font()
    styles = make_styles(font, BODY_SIZE)
    how = pay_how(db)
    slot = _slot_height()
    inner_w, inner_h = A4[0] - 2 * MARGIN - 2 * PAD, slot - 2 * PAD
    with atomic_path(path) as tmp:
        canv = Canvas(str(tmp), pagesize=A4, invariant=1)  # the same data, the same bytes
        date_pdf(canv, date.today())  # the day printed on the slips, not the clock's seconds
        canv.setTitle(f"{village.title} {year}年度{TITLE}")
        canv.setAuthor("村医保征缴助手")
        used = 0  # slots taken on the current page
        for i, due in enumerate(dues):
            progress.update(i, len(dues), TITLE)
            story = slip_story(
                due, village=village, policy=policy, how=how, font=font, styles=styles
            )
            natural = sum(f.wrap(inner_w, inner_h)[1] + f.getSpaceAfter() for f in story)
            # A slip taller than its slot takes two (text below 8 pt is not read at the door).
            need = min(SLOTS, max(1, ceil(natural / (slot - 2 * PAD))))
            if used + need > SLOTS:
                canv.showPage()
                used = 0
            top = A4[1] - MARGIN - used * slot
            if used:
                _cut_line(canv, font, top)
            height = need * slot - 2 * PAD
            frame = Frame(
                MARGIN + PAD, top - need * slot + PAD, inner_w, height, 0, 0, 0, 0, id="slip"
            )
            # A household larger than a page is drawn smaller rather than split over two.
            frame.addFromList([KeepInFrame(inner_w, height, story, mode="shrink")], canv)
            used += need
        if not dues:
            canv.setFont(font.name, 16)
            where = group or "本村"
            what = "没有未缴费的户" if unpaid_only else "没有登记的户"
            canv.drawCentredString(A4[0] / 2, A4[1] / 2, f"{where} {year}年度{what}")
        canv.save()
    progress.update(1, 1, TITLE)
    return Path(path)


def slips_facts(
    db: sqlite_utils.Database,
    *,
    year: int,
    group: str | None = None,
    unpaid_only: bool = False,
) -> dict:
    """What the slips of these options hold, for --json: households, persons, total_due (yuan)."""
    dues = household_dues(db, year, group=group, unpaid_only=unpaid_only)
    return {
        "year": year,
        "households": len(dues),
        "persons": sum(len(d.members) for d in dues),
        "unpaid_persons": sum(len(d.unpaid) for d in dues),
        "total_due": yuan(sum(d.owed_fen for d in dues)),
    }
