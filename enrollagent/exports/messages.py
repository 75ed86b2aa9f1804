"""催缴消息 and 政策宣传: a short text per unpaid household beside its phone, a progress text for
the village group that names nobody, the year's policy in words and as a one-page PDF. The
wording comes from resources/templates/ (exports/templates.py)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from math import ceil
from pathlib import Path

import sqlite_utils
from openpyxl import Workbook
from openpyxl.cell.cell import Cell
from openpyxl.styles import Alignment
from openpyxl.utils import get_column_letter
from openpyxl.worksheet._write_only import WriteOnlyWorksheet
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Spacer

from ..core.figures import compute_figures
from ..core.money import yuan, yuan_text
from ..core.policy_text import subsidy_rule
from ..core.progress import NO_PROGRESS, Progress
from ..core.reminders import HouseholdDue, day_text, household_dues, pay_how, short_day
from ..core.village import get_policy, get_village
from ..core.vocab import CATEGORIES, CATEGORY_BY_CODE
from .atomic import atomic_path
from .fonts import cjk_font
from .pdf_common import build_pdf, make_styles, para, percent
from .stable import save_workbook
from .templates import fill
from .xlsx_cells import (
    BOX,
    HEADER_FILL,
    HEADER_FONT,
    LINE_HEIGHT,
    TITLE_FONT,
    as_text,
    column_widths,
    display_width,
    formula_like,
    print_a4_landscape,
    styled,
    text_cell,
    wrapped_lines,
)

TITLE = "催缴消息"
PUBLICITY_TITLE = "政策宣传"
SHORT = 70  # characters a text message holds in one part
HEADER = ("序号", "村民小组", "户号", "户主", "电话", "未缴人数", "还需缴(元)", "消息", "字数")
WRAP = Alignment(wrap_text=True, vertical="top")
TITLE_WRAP = Alignment(wrap_text=True, vertical="center")


@dataclass(frozen=True)
class HouseholdMessage:
    due: HouseholdDue
    text: str


def _shared(db: sqlite_utils.Database, year: int) -> dict[str, object]:
    """The fields every template may use."""
    village = get_village(db)
    policy = get_policy(db, year)
    how = pay_how(db)
    terms = policy.long_term
    return {
        "村": village.name,
        "年度": year,
        "截止": short_day(policy.window_end),
        "全部渠道": how.text,
        "缴费说明": how.note,
        "经办人": village.agent,
        "经办电话": village.agent_phone,
        "固定等待期": terms.fixed_months,
        "每年加": terms.gap_months_per_year,
    }


def late_words(due: HouseholdDue) -> str:
    """What a late payment costs the household, in a few characters."""
    low, high = due.waiting_range
    if not high:
        return ""
    months = f"{high}" if low == high else f"{low}-{high}"
    return f"逾期缴要等{months}个月才能报销。"


def household_messages(
    db: sqlite_utils.Database, year: int, *, group: str | None = None
) -> list[HouseholdMessage]:
    """A text for each household with someone unpaid, in roster order."""
    shared = _shared(db, year)
    channels = pay_how(db).channels
    out = []
    for due in household_dues(db, year, group=group, unpaid_only=True):
        values = {
            **shared,
            "户主": due.head or due.unpaid[0].state.name,
            "人数": len(due.unpaid),
            "金额": yuan_text(due.owed_fen),
            "渠道": channels[0] if channels else "",
            "等待期": late_words(due),
        }
        out.append(HouseholdMessage(due, fill("household", values)))
    return out


def group_text(db: sqlite_utils.Database, year: int) -> str:
    """Progress for the whole village: counts and days, no names."""
    total = compute_figures(db, year).total
    policy = get_policy(db, year)
    left = policy.window_days_left(date.today())
    end = short_day(policy.window_end)
    return fill(
        "group",
        {
            **_shared(db, year),
            "应参保": total.eligible,
            "已参保": total.enrolled,
            "未缴人数": total.unpaid,
            "参保率": percent(total.rate),
            "剩余天数": left,
            "截止提示": f"离缴费截止（{end}）还有{left}天" if left else f"集中缴费期已于{end}截止",
        },
    )


def publicity_text(db: sqlite_utils.Database, year: int) -> str:
    """The year's policy in words: standard, subsidies, window, channels, the waiting period
    and the rewards of continuous cover."""
    policy = get_policy(db, year)
    terms = policy.long_term
    subsidies = [
        f"{c.label}{subsidy_rule(s)}，个人缴{yuan_text(policy.payable_fen((c.code,)))}元"
        for c in CATEGORIES
        if (s := policy.subsidies.get(c.code)) and s.kind not in ("none", "pending")
    ]
    if policy.newborn_exempt_from:
        subsidies.append(f"{day_text(policy.newborn_exempt_from)}及以后出生的新生儿免缴")
    exempt = ["新生儿", *(CATEGORY_BY_CODE[c].label for c in terms.exempt_categories)]
    return fill(
        "publicity",
        {
            **_shared(db, year),
            "标准": yuan_text(policy.standard_fen),
            "财政补助": yuan_text(policy.government_subsidy_fen),
            "资助": ("；".join(subsidies) or "无") + "。",
            "开始": day_text(policy.window_start),
            "截止": day_text(policy.window_end),
            "免等待期": "、".join(exempt),
            "激励起始年": terms.bonus_after_years,
            "激励金额": yuan_text(terms.bonus_per_year_fen),
        },
    )


def _title_row(ws: WriteOnlyWorksheet, title: str, widths: list[float]) -> None:
    """The title over every column, wrapped: a long village name stays on the page."""
    lines = ceil(display_width(title) * 1.3 / sum(widths))  # 14-point text in 11-point units
    ws.row_dimensions[1].height = 20 * max(1, lines)  # type: ignore[attr-defined]
    if len(widths) > 1:
        ws.merged_cells.add(f"A1:{get_column_letter(len(widths))}1")  # type: ignore[attr-defined]
    ws.append([styled(ws, title, font=TITLE_FONT, alignment=TITLE_WRAP)])


def _text_cell(ws: WriteOnlyWorksheet, value: str | float) -> Cell:
    """A bordered cell; text that looks like a formula (a name typed "=…") stays text, and a
    text cell (a phone, a 户号) is formatted as text so a value retyped later stays text."""
    if formula_like(value):
        return as_text(ws, value)
    cell = text_cell(ws, value) if isinstance(value, str) else styled(ws, value)
    cell.border = BOX
    return cell


def write_messages(
    db: sqlite_utils.Database,
    path: str | Path,
    *,
    year: int | None = None,
    progress: Progress = NO_PROGRESS,
) -> Path:
    """The workbook: 催缴消息 (a row per unpaid household), 群消息, 政策宣传."""
    village = get_village(db)
    year = year or village.current_year
    progress.update(0, 1, TITLE)
    messages = household_messages(db, year)
    rows = [
        [
            i,
            m.due.group_name,
            m.due.hh_no,
            m.due.head,
            m.due.phone,
            len(m.due.unpaid),
            yuan(m.due.owed_fen),
            m.text,
            len(m.text),
        ]
        for i, m in enumerate(messages, 1)
    ]
    wb = Workbook(write_only=True)
    try:
        ws = wb.create_sheet(TITLE)
        widths = column_widths(HEADER, rows, cap=60)
        for letter, width in zip("ABCDEFGHI", widths, strict=True):
            ws.column_dimensions[letter].width = width
        ws.freeze_panes = "A3"
        print_a4_landscape(ws, title_rows="1:2")
        title = f"{village.title} {year}年度{TITLE}（未缴费 {len(rows)} 户；超过{SHORT}字的会分两条发出）"
        _title_row(ws, title, widths)
        ws.append([styled(ws, h, font=HEADER_FONT, fill=HEADER_FILL, border=BOX) for h in HEADER])
        message = HEADER.index("消息")
        for number, row in enumerate(rows, start=3):
            cells = [_text_cell(ws, v) for v in row]
            # The message wraps in its column: on paper it stays inside the page.
            cells[message].alignment = WRAP
            lines = wrapped_lines(row[message], widths[message])
            if lines > 1:
                ws.row_dimensions[number].height = LINE_HEIGHT * lines + 4
            ws.append(cells)
        for name, text in (
            ("群消息", group_text(db, year)),
            ("政策宣传", publicity_text(db, year)),
        ):
            sheet = wb.create_sheet(name)
            sheet.column_dimensions["A"].width = 100
            print_a4_landscape(sheet, title_rows="1:1")
            _title_row(sheet, f"{village.title} {year}年度{name}", [100])
            sheet.append([styled(sheet, text, alignment=WRAP)])
        with atomic_path(path) as tmp:
            save_workbook(wb, tmp, date.today())  # dated by the day, not the clock's seconds
    except BaseException:
        for sheet in wb.worksheets:  # as the roll: close what is open before the error goes on
            if not sheet.closed:
                sheet.close()
        raise
    progress.update(1, 1, TITLE)
    return Path(path)


def write_publicity(
    db: sqlite_utils.Database,
    path: str | Path,
    *,
    year: int | None = None,
    progress: Progress = NO_PROGRESS,
) -> Path:
    """The 政策宣传 text on one A4 page, in large type, to post or hand out."""
    village = get_village(db)
    year = year or village.current_year
    font = cjk_font()
    styles = make_styles(font, 15)
    first, *rest = publicity_text(db, year).splitlines()
    story: list[Flowable] = [para(first, styles.title, font), Spacer(1, 2 * mm)]
    story += [para(line, styles.body, font) for line in rest if line.strip()]
    return build_pdf(
        path,
        story,
        font=font,
        title=f"{year}年度{PUBLICITY_TITLE}",
        village_title=village.title,
        progress=progress,
        expected_pages=1,
    )


def messages_facts(db: sqlite_utils.Database, *, year: int) -> dict:
    """For --json: the households to remind, what they owe, the texts over one message's length."""
    messages = household_messages(db, year)
    return {
        "year": year,
        "households": len(messages),
        "total_due": yuan(sum(m.due.owed_fen for m in messages)),
        "long_texts": sum(len(m.text) > SHORT for m in messages),
    }
