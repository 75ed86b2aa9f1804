"""What the PDFs share: A4 pages with village, title and date on top, "第 x 页 共 y 页", styles, tables."""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_LEFT
from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen import canvas
from reportlab.platypus import (
    BaseDocTemplate,
    Flowable,
    Frame,
    PageTemplate,
    Paragraph,
    Table,
    TableStyle,
)

from ..core.progress import Progress
from .atomic import atomic_path
from .fonts import MISSING_MARK, PdfFont
from .stable import date_pdf

MARGIN = 15 * mm
HEADER_GAP = 12 * mm  # the band above the frame that carries village, title and date
FOOTER_GAP = 10 * mm
HEAD_SIZE = 10.5  # the band's words; a long name shrinks them, never below MIN_SIZE
MIN_SIZE = 8  # the smallest type on paper
CHUNK_ROWS = 40  # tables are built in slices: one long Table lays out ~2x slower
GRID = colors.Color(0.35, 0.35, 0.35)
HEADER_FILL = colors.Color(0.88, 0.88, 0.88)


@dataclass(frozen=True)
class Styles:
    title: ParagraphStyle
    heading: ParagraphStyle
    body: ParagraphStyle
    note: ParagraphStyle
    small: ParagraphStyle
    cell: ParagraphStyle


def make_styles(font: PdfFont, body_size: float = 14) -> Styles:
    """Large type: the lists are read at arm's length, by people who may not wear glasses."""

    def style(
        name: str,
        size: float,
        *,
        centred: bool = False,
        before: float = 0,
        after: float = 0,
        keep_with_next: bool = False,
    ) -> ParagraphStyle:
        # wordWrap CJK: Chinese has no spaces, so lines may break between any two characters.
        return ParagraphStyle(
            name,
            fontName=font.name,
            fontSize=size,
            leading=size * 1.35,
            wordWrap="CJK",
            alignment=TA_CENTER if centred else TA_LEFT,
            spaceBefore=before,
            spaceAfter=after,
            keepWithNext=int(keep_with_next),
        )

    return Styles(
        title=style("title", body_size + 6, centred=True, after=4 * mm),
        heading=style("heading", body_size + 2, before=3 * mm, after=2 * mm, keep_with_next=True),
        body=style("body", body_size, after=1.5 * mm),
        note=style("note", body_size - 2, after=1 * mm),
        small=style("small", body_size - 3, after=1 * mm),
        cell=style("cell", body_size),
    )


def page_canvas(font: PdfFont, left: str, day: date) -> type[canvas.Canvas]:
    """A canvas that holds its pages until the end, so each can say "第 x 页 共 y 页"; the file
    is dated `day`, the date printed on it."""

    class NumberedCanvas(canvas.Canvas):
        def __init__(self, *args: Any, **kwargs: Any) -> None:  # platypus's, passed on as they are
            super().__init__(*args, **kwargs)
            date_pdf(self, day)
            self._pages: list[dict] = []

        def showPage(self) -> None:  # noqa: N802 - reportlab's name
            self._pages.append(dict(self.__dict__))
            self._startPage()  # type: ignore[attr-defined]  # Canvas's own; the stubs omit it

        def save(self) -> None:
            total = len(self._pages)
            for number, state in enumerate(self._pages, 1):
                self.__dict__.update(state)
                self._decorate(number, total)
                super().showPage()
            super().save()

        def _decorate(self, number: int, total: int) -> None:
            width, height = self._pagesize  # type: ignore[attr-defined]  # as _startPage
            self.saveState()
            top = height - MARGIN + 2 * mm
            right = f"制表日期：{day.isoformat()}"
            self.setFont(font.name, HEAD_SIZE)
            self.drawRightString(width - MARGIN, top, right)
            room = width - 2 * MARGIN - stringWidth(right, font.name, HEAD_SIZE) - 6 * mm
            text, size = shrunk(font.printable(left), room, font, HEAD_SIZE)
            self.setFont(font.name, size)
            self.drawString(MARGIN, top, text)
            self.setStrokeColor(GRID)
            self.setLineWidth(0.5)
            self.line(MARGIN, top - 2 * mm, width - MARGIN, top - 2 * mm)
            self.setFont(font.name, 11)
            self.drawCentredString(width / 2, MARGIN - 6 * mm, f"第 {number} 页 共 {total} 页")
            self.restoreState()

    return NumberedCanvas


class ProgressDoc(BaseDocTemplate):
    """A document that reports each finished page (and so lets a Cancel stop the build)."""

    def __init__(
        self,
        filename: str,
        *,
        progress: Progress,
        expected_pages: int,
        message: str,
        **kwargs: Any,  # BaseDocTemplate's settings, passed on as they are
    ) -> None:
        super().__init__(filename, **kwargs)
        self._progress = progress
        self._expected = max(1, expected_pages)
        self._message = message

    def afterPage(self) -> None:  # noqa: N802 - reportlab's name
        page = self.page
        self._progress.update(min(page, self._expected - 1), self._expected, self._message)


def page_size(*, wide: bool) -> tuple[float, float]:
    return landscape(A4) if wide else A4


@dataclass(frozen=True)
class ColumnHead:
    """A table header drawn atop every column of every page: each column of a long list gets
    its header, wherever the tables below (which have none) happen to break."""

    labels: Sequence[str]
    widths: Sequence[float]
    size: float
    height: float

    def draw(self, canv: canvas.Canvas, font: PdfFont, x: float, top: float) -> None:
        canv.saveState()
        canv.setStrokeColor(GRID)
        canv.setFillColor(HEADER_FILL)
        canv.setLineWidth(0.6)
        canv.rect(x, top - self.height, sum(self.widths), self.height, fill=1, stroke=1)
        canv.setFillColor(colors.black)
        canv.setFont(font.name, self.size)
        left = x
        for label, w in zip(self.labels, self.widths, strict=True):
            canv.line(left, top - self.height, left, top)
            canv.drawCentredString(left + w / 2, top - self.height / 2 - self.size * 0.35, label)
            left += w
        canv.restoreState()


def build_pdf(
    path: str | Path,
    story: list[Flowable],
    *,
    font: PdfFont,
    title: str,
    village_title: str,
    progress: Progress,
    expected_pages: int,
    columns: int = 1,
    wide: bool = False,
    lead_height: float = 0,
    column_head: ColumnHead | None = None,
) -> Path:
    """Lay out `story` on A4 and write it under a temp name, then rename. With `columns` > 1 the
    text flows column to column; `lead_height` keeps a full-width band on the first page for the
    title (the story moves on from it with a FrameBreak); `column_head` tops every column."""
    width, height = size = page_size(wide=wide)
    bottom = MARGIN + FOOTER_GAP - 5 * mm
    full_height = height - MARGIN - HEADER_GAP + 5 * mm - bottom
    inner = width - 2 * MARGIN
    gap = 8 * mm
    column_width = (inner - gap * (columns - 1)) / columns

    head_height = column_head.height if column_head else 0

    def column_frames(frame_height: float, prefix: str) -> list[Frame]:
        return [
            Frame(
                MARGIN + i * (column_width + gap),
                bottom,
                column_width,
                frame_height - head_height,
                leftPadding=0,
                rightPadding=0,
                topPadding=0,
                bottomPadding=0,
                id=f"{prefix}{i}",
            )
            for i in range(columns)
        ]

    def heads(frame_height: float) -> Callable[[canvas.Canvas, object], None]:
        if column_head is None:
            return _nothing
        head = column_head

        def draw(canv: canvas.Canvas, _doc: object) -> None:
            for i in range(columns):
                head.draw(canv, font, MARGIN + i * (column_width + gap), bottom + frame_height)

        return draw

    templates = [
        PageTemplate(id="page", frames=column_frames(full_height, "col"), onPage=heads(full_height))
    ]
    if lead_height:
        lead = Frame(
            MARGIN,
            bottom + full_height - lead_height,
            inner,
            lead_height,
            leftPadding=0,
            rightPadding=0,
            topPadding=0,
            bottomPadding=0,
            id="lead",
        )
        rest = full_height - lead_height
        templates.insert(
            0,
            PageTemplate(
                id="first",
                frames=[lead, *column_frames(rest, "c")],
                onPage=heads(rest),
                autoNextPageTemplate="page",
            ),
        )
    progress.update(0, max(1, expected_pages), title)
    with atomic_path(path) as tmp:
        doc = ProgressDoc(
            str(tmp),
            progress=progress,
            expected_pages=expected_pages,
            message=title,
            pagesize=size,
            leftMargin=MARGIN,
            rightMargin=MARGIN,
            topMargin=MARGIN,
            bottomMargin=MARGIN,
            title=f"{village_title} {title}",
            author="村医保征缴助手",
            pageTemplates=templates,
            invariant=1,  # no clock in the file's id: the same data gives the same bytes
        )
        canvasmaker = page_canvas(font, f"{village_title}　{title}", date.today())
        doc.build(story, canvasmaker=canvasmaker)
    progress.update(expected_pages, max(1, expected_pages), title)
    return Path(path)


def _nothing(*_args: object) -> None:
    pass


def grid_style(font: PdfFont, size: float) -> list[tuple]:
    """A ruled table in the document font; row 0 of a table with a header is styled by header_style."""
    return [
        ("FONT", (0, 0), (-1, -1), font.name, size, size * 1.25),
        ("GRID", (0, 0), (-1, -1), 0.6, GRID),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("TOPPADDING", (0, 0), (-1, -1), 3),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 4),
        ("LEFTPADDING", (0, 0), (-1, -1), 3),
        ("RIGHTPADDING", (0, 0), (-1, -1), 3),
    ]


def header_style(font: PdfFont, size: float) -> list[tuple]:
    small = size - 1.5
    return [
        ("FONT", (0, 0), (-1, 0), font.name, small, small * 1.25),
        ("BACKGROUND", (0, 0), (-1, 0), HEADER_FILL),
        ("ALIGN", (0, 0), (-1, 0), "CENTER"),
    ]


def chunked_tables(
    header: Sequence[str] | None,
    rows: Sequence[Sequence[object]],
    col_widths: Sequence[float],
    style: list[tuple],
    *,
    font: PdfFont,
    size: float,
    chunk: int = CHUNK_ROWS,
) -> list[Table]:
    """Slices of `chunk` rows laid out one after another so they read as one table; the header
    row (if any: a ColumnHead may draw it instead) leads the first slice only."""
    tables = []
    for start in range(0, len(rows), chunk):
        part = [list(r) for r in rows[start : start + chunk]]
        if start == 0 and header is not None:
            table = Table(
                [list(header), *part], colWidths=list(col_widths), repeatRows=1, hAlign="LEFT"
            )
            table.setStyle(TableStyle(style + header_style(font, size)))
        else:
            table = Table(part, colWidths=list(col_widths), hAlign="LEFT")
            table.setStyle(TableStyle(style))
        tables.append(table)
    return tables


def shrunk(text: str, width: float, font: PdfFont, size: float) -> tuple[str, float]:
    """`text` on one line of `width`: in smaller type down to MIN_SIZE, then cut with …"""
    full = stringWidth(text, font.name, size)
    if full <= width:
        return text, size
    size = max(MIN_SIZE, size * width / full)
    while text and stringWidth(text, font.name, size) > width:
        text = text[:-2] + "…"
    return text, size


def fitted_para(
    text: str, width: float, lines: int, style: ParagraphStyle, font: PdfFont
) -> Paragraph:
    """A paragraph that wraps within `width` to at most `lines` lines, in smaller type (down to
    MIN_SIZE) when the text is long: a 20-character name still fits a box made for a short one."""
    size = style.fontSize
    while True:
        fitted = ParagraphStyle(
            f"{style.name}-{size}", parent=style, fontSize=size, leading=size * 1.3
        )
        paragraph = para(text, fitted, font)
        paragraph.wrap(width, 10_000)  # laid out here only to count its lines
        laid = paragraph.blPara.lines  # type: ignore[attr-defined]  # set by wrap
        if size <= MIN_SIZE or len(laid) <= lines:
            return paragraph
        size = max(MIN_SIZE, size - 0.5)


def percent(fraction: float) -> str:
    return f"{fraction * 100:.2f}%"


def para(text: str, style: ParagraphStyle, font: PdfFont) -> Paragraph:
    """A paragraph of plain text (escaped for reportlab's mini-markup, missing glyphs shown)."""
    safe = font.printable(text).replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    # A paragraph folds runs of spaces into one; spaces that separate fields must stay wide.
    safe = re.sub(r" {2,}", lambda m: "&nbsp;" * len(m.group()), safe)
    return Paragraph(safe, style)


FIT_LINES = 3  # a cell wraps to this many lines at most; what is longer is cut with …


def fit(text: str, width: float, style: ParagraphStyle, font: PdfFont) -> str | Paragraph:
    """A plain cell when the text fits on one line (fast); a wrapping paragraph only when not,
    cut to FIT_LINES lines (a 250-character name made a row taller than the page)."""
    text = font.printable(text)
    full = stringWidth(text, font.name, style.fontSize)
    if full <= width:
        return text
    if full > FIT_LINES * width * 0.9:
        keep = int(len(text) * FIT_LINES * width * 0.8 / full)
        text = text[: max(keep, 1)] + "…"
    return para(text, style, font)


def missing_glyph_note(font: PdfFont, names: list[str], style: ParagraphStyle) -> list[Flowable]:
    """A note naming the people whose names lost a rare character to 〓, so they are written in
    by hand: a name must never be printed short without anyone noticing."""
    affected = [font.printable(n) for n in dict.fromkeys(names) if font.missing(n)]
    if not affected:
        return []
    return [
        para(
            f"注：本机字体缺少以下姓名中的生僻字，已印为{MISSING_MARK}，请手工补写："
            f"{'、'.join(affected)}。",
            style,
            font,
        )
    ]
