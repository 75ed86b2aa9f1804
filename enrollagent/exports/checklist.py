"""入户催缴清单: the unpaid people by 村民小组 and household, with boxes to tick at the door."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache
from itertools import accumulate
from math import ceil
from pathlib import Path

import sqlite_utils
from reportlab.lib.colors import black
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Flowable, PageBreak, Paragraph, Spacer

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
SIZE = BODY_SIZE - 1  # the cells' type
LABEL_SIZE = BODY_SIZE - 3  # the column labels'
LEADING = 1.3  # line height, times the type size
TOP, BOTTOM = 3, 4  # a cell's padding above and below its text
LABEL_HEIGHT = LABEL_SIZE * LEADING + TOP + BOTTOM
NOTE_HEIGHT = 11 * mm  # room to write in 情况记录
PART_ROOM = 230 * mm  # a page holds 255 mm of list: a taller household is cut into parts
BOX_LINE, GRID_LINE = 1.2, 0.5


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
class Form:
    """A fixed drawing made once per document as a PDF form and placed wherever it appears: the
    same tick boxes on every row and labels atop every household then cost one operator each,
    not a path and a text object per box and label. `box`: the extent it draws in."""

    name: str
    box: tuple[int, int, int, int]
    paint: Callable[[Canvas], None]

    def place(self, canv: Canvas, x: float, y: float) -> None:
        if not canv.hasForm(self.name):
            canv.beginForm(self.name, *self.box)
            self.paint(canv)
            canv.endForm()
        canv.saveState()
        canv.translate(x, y)
        canv.doForm(self.name)
        canv.restoreState()


def tick_boxes(font: PdfFont, pitch: float) -> Form:
    """Squares a pen can tick, each with its label (the font's own □ is too small to tick);
    0 is the left of the first square and the labels' baseline."""

    def paint(canv: Canvas) -> None:
        side = SIZE * 0.95
        canv.setLineWidth(0.9)
        canv.setFont(font.name, SIZE)
        for i, label in enumerate(TICKS):
            x = i * pitch
            canv.rect(x, -SIZE * 0.12, side, side)
            canv.drawString(x + SIZE * 1.2, 0, label)

    return Form("ChecklistTicks", (-PAD, -SIZE, ceil(pitch * len(TICKS)) + PAD, 2 * SIZE), paint)


def column_labels(font: PdfFont, widths: list[float]) -> Form:
    """The column labels, each centred over its column; 0 is the row's left and the baseline."""

    def paint(canv: Canvas) -> None:
        canv.setFont(font.name, LABEL_SIZE)
        left = 0.0
        for label, w in zip(COLUMNS, widths, strict=True):
            canv.drawCentredString(left + w / 2, 0, label)
            left += w

    return Form("ChecklistColumns", (0, -LABEL_SIZE, ceil(sum(widths)), 2 * LABEL_SIZE), paint)


@dataclass(frozen=True)
class Look:
    """What every household shares, made once per list."""

    font: PdfFont
    widths: list[float]
    lefts: list[float]  # where each column starts, and the right edge
    labels: Form
    ticks: Form


def make_look(font: PdfFont) -> Look:
    widths = [w * mm for w in COLUMN_MM]
    return Look(
        font=font,
        widths=widths,
        lefts=list(accumulate(widths, initial=0)),
        labels=column_labels(font, widths),
        ticks=tick_boxes(font, (widths[3] - 2 * PAD) / len(TICKS)),
    )


Cell = str | Paragraph  # plain text, or a paragraph when it needs more than one line


def _baseline(bottom: float, height: float, size: float) -> float:
    """Where one line of type sits to be centred in a row."""
    return bottom + (height + BOTTOM - TOP + size * LEADING) / 2 - size


class Household(Flowable):
    """One household's ruled box: its header line, the column labels, a row per unpaid member
    with the tick boxes, and room for 情况记录. Drawn directly rather than as a reportlab Table
    (same measures, paddings and rules): a thousand tables spent most of the list's time in the
    Table's general cell machinery. Never split: one household is read at one door (one taller
    than a page comes as parts, see _household)."""

    def __init__(self, header: Cell, members: list[tuple[Cell, str, str]], look: Look) -> None:
        super().__init__()
        self.header, self.members, self.look = header, members, look
        self.width = sum(look.widths)
        self.rows: list[float] = []  # each row's height, top to bottom
        # Households of one line per row and as many members look alike but for their words:
        # that blank is drawn once as a form, then each is a form and a text object.
        one_line = isinstance(header, str) and all(isinstance(m[0], str) for m in members)
        self.shape = f"ChecklistHousehold{len(members)}" if one_line else ""

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:  # noqa: N803
        name_width = self.look.widths[0] - 2 * PAD
        self.rows = [
            _row_height(self.header, self.width - 2 * PAD),
            LABEL_HEIGHT,
            *(_row_height(name, name_width) for name, _, _ in self.members),
            NOTE_HEIGHT,
        ]
        self.height = sum(self.rows)
        return self.width, self.height

    def draw(self) -> None:
        canv, look, rows = self.canv, self.look, self.rows
        widths, lefts, font = look.widths, look.lefts, look.font
        tops = [self.height - y for y in accumulate(rows, initial=0)]
        canv.saveState()
        if self.shape:
            if not canv.hasForm(self.shape):
                canv.beginForm(self.shape, -2, -2, ceil(self.width) + 2, ceil(self.height) + 2)
                self._blank(tops)
                canv.endForm()
            canv.doForm(self.shape)
        else:
            self._blank(tops)
        canv.setFillColor(black)
        text = canv.beginText()
        text.setFont(font.name, SIZE, SIZE * LEADING)

        def put(value: Cell, left: float, width: float, row: int, centred: bool = False) -> None:
            bottom, height = tops[row + 1], rows[row]
            if isinstance(value, Paragraph):
                _, h = value.wrap(width - 2 * PAD, height)
                value.drawOn(canv, left + PAD, bottom + (height + BOTTOM - TOP - h) / 2)
            else:
                x = left + (width - _width(value, font.name)) / 2 if centred else left + PAD
                text.setTextOrigin(x, _baseline(bottom, height, SIZE))
                text.textLine(value)  # textOut would measure each string to move past it

        put(self.header, 0, self.width, 0)
        for row, (name, tail, yuan) in enumerate(self.members, 2):
            put(name, 0, widths[0], row)
            put(tail, lefts[1], widths[1], row, centred=True)
            put(yuan, lefts[2], widths[2], row, centred=True)
        canv.drawText(text)
        canv.restoreState()

    def _blank(self, tops: list[float]) -> None:
        """Everything but the household's own words: the labels' band, the tick boxes, the
        情况记录 line and the rules."""
        canv, look, rows = self.canv, self.look, self.rows
        canv.setFillColor(HEADER_FILL)
        canv.rect(0, tops[2], self.width, rows[1], stroke=0, fill=1)
        canv.setFillColor(black)
        look.labels.place(canv, 0, _baseline(tops[2], rows[1], LABEL_SIZE))
        for row in range(2, len(rows) - 1):
            # the boxes are a cell's content of their type's height, centred like the text
            look.ticks.place(
                canv, look.lefts[3] + PAD, tops[row + 1] + (rows[row] + BOTTOM - TOP - SIZE) / 2
            )
        canv.setFont(look.font.name, SIZE)
        canv.drawString(PAD, tops[-2] - TOP - SIZE, "情况记录：")
        self._rule(look.lefts, tops)

    def _rule(self, lefts: list[float], tops: list[float]) -> None:
        """The box around the household, and the grid of its labels and member rows."""
        canv, right = self.canv, self.width
        canv.setStrokeColor(GRID)
        canv.setLineCap(1)
        canv.setLineJoin(1)
        canv.setLineWidth(BOX_LINE)
        canv.rect(0, 0, right, self.height, stroke=1, fill=0)
        grid = canv.beginPath()
        for y in tops[2:-1]:  # between the rows, and above 情况记录
            grid.moveTo(0, y)
            grid.lineTo(right, y)
        for x in lefts[1:-1]:
            grid.moveTo(x, tops[-2])
            grid.lineTo(x, tops[1])
        canv.setLineWidth(GRID_LINE)
        canv.drawPath(grid, stroke=1, fill=0)


@lru_cache(maxsize=4096)
def _width(text: str, font_name: str) -> float:
    """The width of a centred cell's text: the amounts repeat from row to row."""
    return stringWidth(text, font_name, SIZE)


def _row_height(value: Cell, width: float) -> float:
    """A row holds a line of type, or the whole paragraph when a name needs more."""
    text = SIZE * LEADING
    if isinstance(value, Paragraph):
        text = max(text, value.wrap(width, 1e6)[1])
    return text + TOP + BOTTOM


def _household(
    head: str,
    info: tuple[str, str, str],
    phone: str,
    members: list[PersonState],
    styles: Styles,
    look: Look,
) -> list[Household]:
    """The household's box; a household taller than a page (a 集体户 of many unpaid people)
    as boxes that each fit one, the later ones headed （续）."""
    hh_no, address, _ = info
    parts = [
        f"户主：{head or '（未登记）'}",
        f"户号：{hh_no}" if hh_no else "",
        f"电话：{phone or '＿＿＿＿＿＿＿＿'}",
        f"地址：{address or '＿＿＿＿＿＿＿＿＿＿'}",
    ]
    font, widths = look.font, look.widths
    line = "    ".join(p for p in parts if p)
    full, name_width = sum(widths) - 2 * PAD, widths[0] - 2 * PAD
    rows = [
        (fit(s.name, name_width, styles.cell, font), id_tail(s), yuan_text(s.owed_fen))
        for s in members
    ]
    heights = [_row_height(name, name_width) for name, _, _ in rows]
    header = fit(line, full, styles.cell, font)
    room = PART_ROOM - _row_height(header, full) - LABEL_HEIGHT - NOTE_HEIGHT
    if sum(heights) <= room:
        return [Household(header, rows, look)]
    boxes, start, used = [], 0, 0.0
    for i, h in enumerate(heights):
        if i > start and used + h > room:
            boxes.append(rows[start:i])
            start, used = i, 0.0
        used += h
    boxes.append(rows[start:])
    return [
        Household(header if i == 0 else fit(f"{line}（续）", full, styles.cell, font), part, look)
        for i, part in enumerate(boxes)
    ]


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
        for box in _household(head.name if head else "", info, phone, members, styles, look):
            story += [box, Spacer(1, 3 * mm)]
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
