"""汇总表: the figures of the year, signed and stamped on paper, vouching for one roll sheet file."""

from __future__ import annotations

from itertools import groupby
from pathlib import Path

import sqlite_utils
from reportlab.lib.enums import TA_CENTER
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import (
    Flowable,
    KeepTogether,
    PageBreak,
    Paragraph,
    Spacer,
    Table,
    TableStyle,
)

from ..core.figures import Figures, compute_figures
from ..core.history import Entry, amendments
from ..core.money import yuan_text
from ..core.policy import Policy
from ..core.policy_text import describe_policy
from ..core.progress import NO_PROGRESS, Progress
from ..core.reported import last_package_change
from ..core.village import get_village
from ..core.vocab import CATEGORY_BY_CODE
from .fonts import PdfFont, cjk_font
from .pdf_common import (
    GRID,
    HEADER_FILL,
    Styles,
    build_pdf,
    chunked_tables,
    fitted_para,
    grid_style,
    make_styles,
    para,
    percent,
)

TITLE = "参保缴费汇总表"
BODY_SIZE = 12
LIST_SIZE = (
    9.5  # the amendments' eight columns fit the portrait page only in small type (header 8 pt)
)
INNER_MM = 180  # A4 portrait inside the margins
STAMP_MM = 36  # a village committee's seal is a 40-42 mm circle, pressed over the caption
PADDINGS = ("LEFTPADDING", "RIGHTPADDING", "TOPPADDING", "BOTTOMPADDING")


def _cell(value: object) -> str:
    return "—" if value is None else str(value)


def _overall(f: Figures, font: PdfFont) -> Table:
    t = f.total
    rate_of_task = percent(t.enrolled / f.task) if f.task else None
    pairs = [
        ("总人数", t.persons),
        ("户数", f.households),
        ("应参保人数", t.eligible),
        ("已参保人数", t.enrolled),
        ("其中：个人缴费", t.states["paid"]),
        ("其中：全额资助", t.states["subsidized"]),
        ("其中：新生儿免缴", t.states["newborn_exempt"]),
        ("其中：学校参保", t.states["school"]),
        ("未缴费人数", t.unpaid),
        ("参保率", percent(t.rate)),
        ("综合覆盖率", percent(t.coverage_rate)),
        ("征缴金额（元）", yuan_text(t.collected_fen)),
        ("任务数", f.task),
        ("任务完成率", rate_of_task),
        ("职工医保", t.states["employee"]),
        ("异地参保", t.states["elsewhere"]),
        ("服役", t.states["military"]),
        ("死亡 / 迁出", f"{t.states['deceased']} / {t.states['moved_out']}"),
    ]
    rows = [
        [pairs[i][0], _cell(pairs[i][1]), pairs[i + 1][0], _cell(pairs[i + 1][1])]
        for i in range(0, len(pairs), 2)
    ]
    table = Table(rows, colWidths=[50 * mm, 40 * mm, 50 * mm, 40 * mm])
    table.setStyle(
        TableStyle(
            grid_style(font, BODY_SIZE)
            + [
                ("ALIGN", (1, 0), (1, -1), "RIGHT"),
                ("ALIGN", (3, 0), (3, -1), "RIGHT"),
                ("BACKGROUND", (0, 0), (0, -1), HEADER_FILL),
                ("BACKGROUND", (2, 0), (2, -1), HEADER_FILL),
            ]
        )
    )
    return table


def _by_group(f: Figures, font: PdfFont) -> list[Table]:
    header = ("村民小组", "总人数", "应参保", "已参保", "未缴费", "参保率", "征缴金额（元）")
    rows = [
        [
            font.printable(g or "未分组"),
            x.persons,
            x.eligible,
            x.enrolled,
            x.unpaid,
            percent(x.rate),
            yuan_text(x.collected_fen),
        ]
        for g, x in f.by_group.items()
    ]
    t = f.total
    rows.append(
        [
            "合计",
            t.persons,
            t.eligible,
            t.enrolled,
            t.unpaid,
            percent(t.rate),
            yuan_text(t.collected_fen),
        ]
    )
    style = grid_style(font, BODY_SIZE) + [("ALIGN", (1, 0), (-1, -1), "RIGHT")]
    tables = chunked_tables(
        header,
        rows,
        [30 * mm, 22 * mm, 22 * mm, 22 * mm, 22 * mm, 24 * mm, 38 * mm],
        style,
        font=font,
        size=BODY_SIZE,
    )
    tables[-1].setStyle(TableStyle([("BACKGROUND", (0, -1), (-1, -1), HEADER_FILL)]))
    return tables


def _special(f: Figures, font: PdfFont, styles: Styles) -> list[Flowable]:
    if not f.special:
        return [para("本年度没有标记为特殊群体的人员。", styles.body, font)]
    header = ("人员类别", "认定部门", "人数", "已参保", "参保率")
    rows = [
        [
            para(CATEGORY_BY_CODE[c].label, styles.cell, font),
            CATEGORY_BY_CODE[c].department,
            t.persons,
            t.enrolled,
            percent(t.enrolled / t.persons if t.persons else 0),
        ]
        for c, t in f.special.items()
    ]
    style = grid_style(font, BODY_SIZE) + [("ALIGN", (2, 0), (-1, -1), "RIGHT")]
    return [
        *chunked_tables(
            header,
            rows,
            [62 * mm, 34 * mm, 26 * mm, 26 * mm, 32 * mm],
            style,
            font=font,
            size=BODY_SIZE,
        ),
        Spacer(1, 1.5 * mm),
        para("特殊群体应做到应保尽保（目标 100%），未参保的请逐人核实。", styles.note, font),
    ]


def policy_lines(policy: Policy) -> list[str]:
    """The policy's description, a line an item; categories with the same subsidy share a line, so
    the paper stays on as few pages as possible."""
    lines: list[str] = []
    items = describe_policy(policy)
    for is_subsidy, run in groupby(items, key=lambda i: i.key.startswith("subsidy.")):
        if not is_subsidy:
            lines += [f"{i.label}：{i.text}。" for i in run]
            continue
        shared: dict[str, list[str]] = {}
        for i in run:
            shared.setdefault(i.text, []).append(i.label)
        lines += [f"{'、'.join(labels)}：{text}。" for text, labels in shared.items()]
    return lines


def _signatures(font: PdfFont, styles: Styles, township: str, village: str, agent: str) -> Table:
    """Two signature lines with dates, and a box for the 村委会 stamp. Names up to 20 characters
    wrap, in smaller type if need be, inside their boxes (issue 18)."""
    day = "日期：　　　年　　月　　日"
    sign_w, stamp_w = 55 * mm, 56 * mm
    inner = sign_w - 6  # less the cells' padding, 3 pt a side
    captions = [
        fitted_para(f"经办人（签字）：{agent}", inner, 2, styles.body, font),
        "",
        fitted_para("村委会主任（签字）：", inner, 2, styles.body, font),
        "",
    ]
    signing = Table(
        [captions, [""] * 4, [day, "", day, ""]],
        colWidths=[sign_w, 7 * mm, sign_w, 7 * mm],
        rowHeights=[None, 14 * mm, 10 * mm],
    )
    signing.setStyle(
        TableStyle(
            [
                ("FONT", (0, 0), (-1, -1), font.name, BODY_SIZE, BODY_SIZE * 1.3),
                ("VALIGN", (0, 0), (-1, -1), "BOTTOM"),
                ("LEFTPADDING", (0, 0), (-1, -1), 3),
                ("RIGHTPADDING", (0, 0), (-1, -1), 3),
                ("LINEBELOW", (0, 1), (0, 1), 0.6, GRID),
                ("LINEBELOW", (2, 1), (2, 1), 0.6, GRID),
            ]
        )
    )
    stamp_caption = ParagraphStyle("stamp", parent=styles.body, alignment=TA_CENTER)
    # The committee's name on lines of its own: a break never splits 村民委员会（盖章）.
    stamp = Table(
        [
            [
                [
                    fitted_para(f"{township}{village}", stamp_w - 6, 2, stamp_caption, font),
                    para("村民委员会（盖章）", stamp_caption, font),
                ]
            ]
        ],
        colWidths=[stamp_w],
        rowHeights=[STAMP_MM * mm],
    )
    stamp.setStyle(
        TableStyle(
            [
                ("BOX", (0, 0), (-1, -1), 0.8, GRID),  # the stamp goes here
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("LEFTPADDING", (0, 0), (-1, -1), 3),
                ("RIGHTPADDING", (0, 0), (-1, -1), 3),
            ]
        )
    )
    table = Table([[signing, stamp]], colWidths=[2 * (sign_w + 7 * mm), stamp_w])
    table.setStyle(
        TableStyle(
            [
                ("VALIGN", (0, 0), (-1, -1), "BOTTOM"),
                *[(side, (0, 0), (-1, -1), 0) for side in PADDINGS],
            ]
        )
    )
    return table


def _fingerprint_lines(
    roll_sha256: str, key_fingerprint: str, font: PdfFont, styles: Styles
) -> list[Flowable]:
    """The hash of the roll file this paper goes with, in groups of eight so it can be read out."""
    grouped = " ".join(roll_sha256[i : i + 8] for i in range(0, len(roll_sha256), 8))
    # Read out digit by digit: Courier, as large as the line allows (80 characters in 180 mm).
    code = ParagraphStyle(
        "code", parent=styles.small, fontName="Courier", fontSize=10.5, leading=14
    )
    return [
        para(
            "本表所附花名册文件的 SHA-256 校验值与经办人密钥指纹。同一天用同样的数据导出的花名册，"
            "无论单独导出还是在上报包内，校验值都相同（乡镇可用 enrollagent verify 核对上报包）：",
            styles.small,
            font,
        ),
        Paragraph(f"SHA-256: {grouped}", code),
        Paragraph(f"KEY: {key_fingerprint}", code),
    ]


def _amended_line(amended: list[Entry], reported_before: bool) -> str:
    """The first page's word on amendments: none before the year's first package (nothing was
    reported to amend), else how many this paper brings."""
    if amended:
        return f"本次更正 {len(amended)} 条：上次上报后改动了已上报的数据，清单附在本表之后。"
    return "本次更正 0 条：上次上报后已上报的数据没有改动。" if reported_before else ""


def _amendment_page(amended: list[Entry], year: int, font: PdfFont) -> list[Flowable]:
    """The amendments on a page of their own: whom, what, from what to what, when, by whom, why."""
    styles = make_styles(font, BODY_SIZE)
    small = make_styles(font, LIST_SIZE)
    header = ("姓名", "身份证号", "更正项目", "原值", "新值", "时间", "操作人", "原因")
    rows = [
        [
            para(e.subject or "全村", small.cell, font),
            para(e.id_number, small.cell, font),
            para(e.label, small.cell, font),
            para(e.old, small.cell, font),
            para(e.new, small.cell, font),
            para(e.when, small.cell, font),
            para(e.actor, small.cell, font),
            para(e.why, small.cell, font),
        ]
        for e in amended
    ]
    widths = [15 * mm, 35 * mm, 18 * mm, 26 * mm, 32 * mm, 20 * mm, 13 * mm, 21 * mm]
    return [
        PageBreak(),
        para(f"{year}年度更正清单（本次更正 {len(amended)} 条）", styles.heading, font),
        para("上次上报后对已上报数据的改动，按时间先后排列。", styles.note, font),
        *chunked_tables(
            header, rows, widths, grid_style(font, LIST_SIZE), font=font, size=LIST_SIZE
        ),
    ]


def summary_story(
    db: sqlite_utils.Database,
    year: int,
    roll_sha256: str,
    key_fingerprint: str,
    amended: list[Entry],
) -> list[Flowable]:
    font = cjk_font()
    styles = make_styles(font, BODY_SIZE)
    village = get_village(db)
    f = compute_figures(db, year)
    attention = (
        f"身份证号待核实 {f.invalid_id} 人；重复缴费 {f.double_paid} 人；应退费 {f.refund_due} 人；"
        f"待认领缴费 {f.unmatched_payments} 笔。"
    )
    amended_line = _amended_line(amended, last_package_change(db, year) is not None)
    return [
        para(f"{village.title}", styles.title, font),
        para(f"{year}年度城乡居民基本医疗保险{TITLE}", styles.title, font),
        *([para(amended_line, styles.body, font)] if amended_line else []),
        para("一、总体情况", styles.heading, font),
        _overall(f, font),
        para("二、分村民小组情况", styles.heading, font),
        *_by_group(f, font),
        para("三、特殊群体参保情况", styles.heading, font),
        *_special(f, font, styles),
        para("四、需核实事项", styles.heading, font),
        para(attention, styles.body, font),
        para("五、执行政策", styles.heading, font),
        *(para(line, styles.note, font) for line in policy_lines(f.policy)),
        Spacer(1, 6 * mm),
        KeepTogether(
            [
                _signatures(font, styles, village.township, village.name, village.agent),
                Spacer(1, 4 * mm),
                *_fingerprint_lines(roll_sha256, key_fingerprint, font, styles),
            ]
        ),
        *(_amendment_page(amended, year, font) if amended else []),
    ]


def write_summary(
    db: sqlite_utils.Database,
    path: str | Path,
    *,
    roll_sha256: str,
    key_fingerprint: str,
    year: int | None = None,
    amended: list[Entry] | None = None,
    progress: Progress = NO_PROGRESS,
) -> Path:
    """Write the signed summary of the year to `path`; it names the roll file by its SHA-256 and
    lists `amended` (by default the amendments since the year's latest package)."""
    village = get_village(db)
    year = year or village.current_year
    progress.update(0, 1, TITLE)
    if amended is None:
        amended = amendments(db, year)
    story = summary_story(db, year, roll_sha256, key_fingerprint, amended)
    return build_pdf(
        path,
        story,
        font=cjk_font(),
        title=f"{year}年度{TITLE}",
        village_title=village.title,
        progress=progress,
        expected_pages=2,
    )
