"""参保缴费情况公示: the enrolled people for the notice board, with masked IDs and nothing sensitive."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

import sqlite_utils
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, FrameBreak, Spacer, Table, TableStyle

from ..core import ids
from ..core.figures import compute_figures, person_states
from ..core.progress import NO_PROGRESS, Progress
from ..core.village import get_policy, get_setting, get_village
from .fonts import PdfFont, cjk_font
from .pdf_common import (
    GRID,
    MARGIN,
    ColumnHead,
    Styles,
    build_pdf,
    chunked_tables,
    fit,
    grid_style,
    make_styles,
    missing_glyph_note,
    page_size,
    para,
)

TITLE = "参保缴费情况公示"
BODY_SIZE = 12
COLUMNS = 2  # A4 landscape: two columns of six fields stay readable at 12 pt
# Settings the village may change (the settings page writes them):
MASK_SETTING = "notice_id_mask"  # one of core.ids.MASKS
PHONE_SETTING = "notice_supervision_phone"  # 监督电话, often the township's
DAYS_SETTING = "notice_days"  # length of the publicity period
DEFAULT_DAYS = 7
LEAD_MM = 28  # the band for the title and the publicity period on the first page, at least
HEADER = ("序号", "村民小组", "户主", "姓名", "身份证号码", "参保")
COLUMN_MM = (9, 17, 19, 19, 47, 16)  # 127 mm: half of A4 landscape inside the margins
NAME_COLUMNS = (2, 3)  # 户主, 姓名
NAME_FITS = 4  # characters that surely fit those columns at BODY_SIZE
ENROLLED_MARK = (
    "已参保"  # the same word for everyone: a state like 全额资助 would reveal a category
)


def notice_settings(db: sqlite_utils.Database) -> tuple[str, str, int]:
    """(mask preset, 监督电话, publicity days) from the village settings, with safe defaults."""
    mask = get_setting(db, MASK_SETTING, ids.DEFAULT_MASK)
    if mask not in ids.MASKS:
        mask = ids.DEFAULT_MASK  # never print more of an ID because a setting was mistyped
    try:
        days = max(1, int(get_setting(db, DAYS_SETTING, str(DEFAULT_DAYS))))
    except ValueError:
        days = DEFAULT_DAYS
    return mask, get_setting(db, PHONE_SETTING, ""), days


def notice_rows(
    db: sqlite_utils.Database, year: int, group: str | None, mask: str
) -> dict[str, list[list[str]]]:
    """group → rows of the enrolled (as the figures count them): no amount, category, phone or age."""
    counted = get_policy(db, year).count_as_enrolled
    states = person_states(db, year)
    heads = {s.household_id: s.name for s in states if s.relation == "户主"}
    by_group: dict[str, list[list[str]]] = {}
    for s in states:
        if not (s.enrolled or s.state in counted) or (group is not None and s.group_name != group):
            continue
        rows = by_group.setdefault(s.group_name, [])
        id_text = ids.mask(s.id_number, mask) if s.id_valid else "待核实"
        rows.append(
            [
                str(len(rows) + 1),
                s.group_name,
                heads.get(s.household_id, ""),
                s.name,
                id_text,
                ENROLLED_MARK,
            ]
        )
    return by_group


def _cells(row: list[str], widths: list[float], styles: Styles, font: PdfFont) -> list[object]:
    """Plain cells (fast); only a long 户主 or 姓名 becomes a paragraph that wraps in its column."""
    return [
        fit(v, widths[i] - 6, styles.cell, font)
        if i in NAME_COLUMNS and len(v) > NAME_FITS
        else font.printable(v)
        for i, v in enumerate(row)
    ]


def notice_story(
    db: sqlite_utils.Database, year: int, group: str | None
) -> tuple[list[Flowable], int]:
    font = cjk_font()
    styles = make_styles(font, BODY_SIZE)
    village = get_village(db)
    mask, phone, days = notice_settings(db)
    figures = compute_figures(db, year)
    count = (
        figures.by_group[group].enrolled if group in figures.by_group else figures.total.enrolled
    )
    today = date.today()
    until = today + timedelta(days=days - 1)
    where = f"{village.name}{group}" if group else village.name
    story: list[Flowable] = [
        para(f"{where} {year}年度城乡居民基本医疗保险{TITLE}", styles.title, font),
        para(
            f"现将{where} {year}年度城乡居民基本医疗保险参保缴费情况公示如下，共 {count} 人。"
            f"公示期：{today:%Y年%m月%d日}至{until:%Y年%m月%d日}。",
            styles.body,
            font,
        ),
        LEAD_END,
    ]
    widths = [w * mm for w in COLUMN_MM]
    style = grid_style(font, BODY_SIZE) + [
        ("ALIGN", (0, 0), (0, -1), "CENTER"),
        ("ALIGN", (-1, 0), (-1, -1), "CENTER"),
    ]
    listed = 0
    names: list[str] = []
    for name, rows in notice_rows(db, year, group, mask).items():
        listed += len(rows)
        names += [row[i] for row in rows for i in NAME_COLUMNS]
        cells = [_cells(row, widths, styles, font) for row in rows]
        story.append(para(f"{name or '未分组'}（{len(cells)} 人）", styles.heading, font))
        story.extend(chunked_tables(None, cells, widths, style, font=font, size=BODY_SIZE))
    story += [
        Spacer(1, 4 * mm),
        para(
            "如有异议，请在公示期内向村委会或乡镇医保办反映，也可拨打监督电话。", styles.body, font
        ),
        para(f"监督电话：{phone or '＿＿＿＿＿＿＿＿＿＿＿＿'}", styles.body, font),
        *missing_glyph_note(font, names, styles.note),
        Spacer(1, 4 * mm),
        _stamp_block(font, styles, village.name),
    ]
    return story, listed


def _stamp_block(font: PdfFont, styles: Styles, village_name: str) -> Table:
    """The place where the 村委会 stamps the posted list, with the date."""
    table = Table(
        [
            [para(f"{village_name}村民委员会（盖章）", styles.body, font)],
            [para("＿＿＿＿年＿＿月＿＿日", styles.body, font)],
        ],
        colWidths=[70 * mm],
        rowHeights=[28 * mm, 10 * mm],
        hAlign="RIGHT",
    )
    table.setStyle(
        TableStyle(
            [
                ("BOX", (0, 0), (0, 0), 0.6, GRID),
                ("VALIGN", (0, 0), (0, 0), "TOP"),
                ("NOSPLIT", (0, 0), (-1, -1)),
            ]
        )
    )
    return table


LEAD_END = FrameBreak()  # where the first page's full-width band ends


def _lead_height(lead: list[Flowable]) -> float:
    """The band the title and the publicity period need: more than LEAD_MM when a long village
    name wraps them, so they never run into the list's first column."""
    width = page_size(wide=True)[0] - 2 * MARGIN
    needed = sum(f.wrap(width, 1000)[1] + f.getSpaceBefore() + f.getSpaceAfter() for f in lead)
    return max(LEAD_MM * mm, needed + 2 * mm)


def write_notice(
    db: sqlite_utils.Database,
    path: str | Path,
    *,
    year: int | None = None,
    group: str | None = None,
    progress: Progress = NO_PROGRESS,
) -> Path:
    """Write the notice-board list (all groups, or one) to `path`; returns `path`."""
    village = get_village(db)
    year = year or village.current_year
    progress.update(0, 1, TITLE)
    story, listed = notice_story(db, year, group)
    title = f"{year}年度{TITLE}" + (f"（{group}）" if group else "")
    return build_pdf(
        path,
        story,
        font=cjk_font(),
        title=title,
        village_title=village.title,
        progress=progress,
        expected_pages=listed // (24 * COLUMNS) + 1,
        columns=COLUMNS,
        wide=True,
        lead_height=_lead_height(story[: story.index(LEAD_END)]),
        column_head=ColumnHead(HEADER, [w * mm for w in COLUMN_MM], BODY_SIZE - 1.5, 7 * mm),
    )
