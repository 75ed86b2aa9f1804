"""The township report (xlsx) a county accepts: titled, ranked, print-ready sheets, written
row by row (a county's 未缴名单 runs to some 100,000 rows) and atomically."""

from __future__ import annotations

import errno
import math
from collections.abc import Iterable, Sequence
from copy import copy
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

import sqlite_utils
from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.cell.cell import Cell
from openpyxl.styles import Alignment, Font
from openpyxl.styles.cell_style import StyleArray
from openpyxl.utils import get_column_letter
from openpyxl.worksheet._write_only import WriteOnlyWorksheet
from openpyxl.worksheet.page import PageMargins
from openpyxl.worksheet.properties import PageSetupProperties

from ..core.clock import local_time
from ..core.figures import Figures
from ..core.money import yuan
from ..core.vocab import CATEGORY_BY_CODE, STATES
from ..db.store import db_file
from ..errors import EnrollError
from ..exports.atomic import atomic_path
from ..exports.xlsx_cells import (
    BOX,
    CENTER,
    HEADER_FILL,
    HEADER_FONT,
    TEXT_FORMAT,
    TITLE_FONT,
    as_text,
    display_width,
    formula_like,
    legal,
    styled,
)
from .status import REASONS, TownshipStatus, VillageRow, category_labels, unpaid_persons

PERCENT = "0.00%"
INTERNAL = "内部资料，仅供乡镇督促缴费，不得张贴公示"
_TOTAL_FONT = Font(bold=True)
_MUTED = Font(color="808080")
_FROM_PACKAGE = Font(italic=True)
_RED = Font(color="C00000", bold=True)
_NOTE = Alignment(horizontal="left", vertical="center")
# The coverage counts the villages send, by state; the county's words for them.
COVERAGE_COLUMNS = (
    ("employee", "职工医保"),
    ("elsewhere", "异地参保"),
    ("school", "在校学生"),
    ("military", "军人"),
    ("deceased", "死亡"),
    ("moved_out", "迁出"),
)


@dataclass(frozen=True)
class _Cell:
    """A value with how it is shown: percent, text kept text, a font."""

    value: object
    font: Font | None = None
    percent: bool = False


def _plain(value: object) -> object:
    return value.value if isinstance(value, _Cell) else value


def _shown(value: object) -> str:
    value = _plain(value)
    if value is None:
        return ""
    return f"{value:.2%}" if isinstance(value, float) else str(value)


class _Sheet:
    """One print-ready sheet: two title rows (what, township, year; 截至 when), header rows,
    rows, then notes. Widths, panes and page setup must be known before the first row is written
    (write-only), so the columns are declared first."""

    def __init__(
        self,
        wb: Workbook,
        name: str,
        headers: Sequence[Sequence[str]],
        *,
        title: str,
        as_of: str,
        widths: Sequence[float],
        frozen_cols: int = 1,
        internal: bool = False,
    ) -> None:
        self.ws: WriteOnlyWorksheet = wb.create_sheet(name)
        # (text?, font, percent) → the style of such a cell: set once, then copied, since setting
        # a cell's border and font hashes them each time (3 of 3.2 s of a 55k township's report).
        self._styles: dict[tuple[bool, int, bool], StyleArray] = {}
        self.columns = len(widths)
        self.first_data = 3 + len(headers)
        self.last_filtered = 0
        ws = self.ws
        for c, w in enumerate(widths, start=1):
            ws.column_dimensions[get_column_letter(c)].width = w
        ws.freeze_panes = f"{get_column_letter(frozen_cols + 1)}{self.first_data}"
        ws.sheet_properties.pageSetUpPr = PageSetupProperties(fitToPage=True)
        ws.page_setup.orientation = "landscape"
        ws.page_setup.paperSize = 9  # A4
        ws.page_setup.fitToWidth = 1
        ws.page_setup.fitToHeight = 0  # as many pages down as it takes
        ws.print_options.horizontalCentered = True
        ws.page_margins = PageMargins(left=0.4, right=0.4, top=0.6, bottom=0.6)
        ws.print_title_rows = f"3:{self.first_data - 1}"
        ws.oddFooter.center.text = "第 &P 页，共 &N 页"
        if internal:
            ws.oddHeader.right.text = "内部资料"
            ws.oddHeader.right.color = "C00000"
        self.row = 1  # the next row to be written
        self._banner(title, TITLE_FONT)
        self._banner(f"截至 {as_of}" + (f"　　{INTERNAL}" if internal else ""), None)
        for r, row in enumerate(headers, start=3):
            # A header wider than its column wraps: the row is made tall enough for its lines.
            lines = max(
                math.ceil(display_width(h) / max(w - 1, 1))
                for h, w in zip(row, widths, strict=True)
            )
            if lines > 1:
                ws.row_dimensions[r].height = 15 * lines
            ws.append(
                [
                    styled(ws, h, font=HEADER_FONT, fill=HEADER_FILL, border=BOX, alignment=CENTER)
                    for h in row
                ]
            )
        # A header over two rows (村 beside 特困 / 应保 已保 未保) is merged where a row repeats it.
        if len(headers) == 2:
            for c, below in enumerate(headers[1], start=1):
                if not below:
                    self._merge(3, c, 4, c)
            c = 1
            while c <= self.columns:
                end = c
                while end < self.columns and headers[0][end] == "" and headers[1][end]:
                    end += 1
                if end > c and headers[0][c - 1]:
                    self._merge(3, c, 3, end)
                c = end + 1
        self.row = self.first_data

    def _banner(self, text: str, font: Font | None) -> None:
        ws = self.ws
        ws.append([styled(ws, text, font=font, alignment=_NOTE if font is None else CENTER)])
        self._merge(self.row, 1, self.row, self.columns)
        self.row += 1

    def _merge(self, r1: int, c1: int, r2: int, c2: int) -> None:
        if (r1, c1) != (r2, c2):
            # merged_cells and auto_filter are set by the write-only sheet's _setup; the stubs omit them
            self.ws.merged_cells.add(  # type: ignore[attr-defined]
                f"{get_column_letter(c1)}{r1}:{get_column_letter(c2)}{r2}"
            )

    def add(
        self, values: Sequence[object], *, font: Font | None = None, filtered: bool = True
    ) -> None:
        ws = self.ws
        cells = []
        for value in values:
            spec = value if isinstance(value, _Cell) else _Cell(value)
            v = None if spec.value == "" else spec.value  # blank, not an empty text
            chosen = spec.font or font
            if formula_like(v):
                cells.append(self._styled(as_text(ws, v), chosen, spec.percent))
                continue
            text = isinstance(v, str)
            # a number, text or None; text without the control characters a sheet cannot hold
            cell = WriteOnlyCell(ws, legal(v) if text else v)  # type: ignore[arg-type]
            if text:
                cell.data_type = "s"
            key = (text, id(chosen), spec.percent)
            style = self._styles.get(key)
            if style is None:
                # openpyxl's own record of a cell's style; its stubs do not declare it
                self._styles[key] = copy(self._styled(cell, chosen, spec.percent)._style)  # type: ignore[attr-defined]
            else:
                cell._style = copy(style)  # type: ignore[attr-defined]
            cells.append(cell)
        ws.append(cells)
        if filtered:
            self.last_filtered = self.row
        self.row += 1

    @staticmethod
    def _styled(cell: Cell, font: Font | None, percent: bool) -> Cell:
        cell.border = BOX
        if font is not None:
            cell.font = font
        if percent:
            cell.number_format = PERCENT
        elif cell.data_type == "s":
            cell.number_format = TEXT_FORMAT
        return cell

    def note(self, text: str) -> None:
        self._banner(text, None)

    def close(self) -> None:
        if self.last_filtered:
            # The filter covers the village rows only: never 未上报, 合计 or the notes.
            last = get_column_letter(self.columns)
            self.ws.auto_filter.ref = (  # type: ignore[attr-defined]
                f"A{self.first_data - 1}:{last}{self.last_filtered}"
            )


def _widths(
    headers: Sequence[Sequence[str]], rows: Iterable[Sequence[object]], cap: int = 30
) -> list[float]:
    """Widths that fit the data and a header wrapped over at most two lines (Chinese counts two)."""
    widths = [0.0] * len(headers[-1])
    for header in headers:
        for c, h in enumerate(header):
            widths[c] = max(widths[c], math.ceil(display_width(h) / 2) if h else 0)
    for row in rows:
        for c, value in enumerate(row):
            widths[c] = max(widths[c], display_width(_shown(value)))
    return [min(cap, max(w, 4) + 2) for w in widths]


def _pct(value: float | None) -> _Cell:
    return _Cell(value, percent=True)


def _progress_values(v: VillageRow) -> list[object]:
    f = v.figures
    assert f is not None
    task = _Cell(v.task, font=_FROM_PACKAGE if v.task_source == "package" else None)
    return [
        v.agent,
        v.agent_phone,
        task,
        f.total.eligible,
        f.total.enrolled,
        _pct(v.completion),
        v.shortfall,
        f.total.states["paid"],
        f.total.states["subsidized"],
        v.special_gaps,
        f.total.unpaid,
        local_time(v.created_at),
        local_time(v.amended_at) if v.amended_at else "",
    ]


PROGRESS_HEADER = [
    "排名",
    "村",
    "经办人",
    "联系电话",
    "任务数",
    "应参保",
    "已参保",
    "完成率",
    "差额",
    "已缴费",
    "资助参保",
    "特殊群体应保未保",
    "未缴",
    "上报时间",
    "最近更正",
]


def _where(status: TownshipStatus) -> str:
    return f"{status.township}{status.year}年度城乡居民医保"


def _progress(wb: Workbook, status: TownshipStatus, as_of: str) -> None:
    county = status.county_level
    header = PROGRESS_HEADER[:1] + (["乡镇"] if county else []) + PROGRESS_HEADER[1:]
    lead = (lambda v: [v.rank, v.township, v.name]) if county else (lambda v: [v.rank, v.name])
    reported = [lead(v) + _progress_values(v) for v in status.villages if v.figures]
    waiting = [
        [None, *([""] if county else []), v.name, "", "", _Cell(v.task), *[None] * 8, "未上报", ""]
        for v in status.villages
        if v.figures is None
    ]
    t = status.figures.total
    total = [
        None,
        *([""] if county else []),
        "合计",
        "",
        "",
        status.task,
        t.eligible,
        t.enrolled,
        _pct(round(t.enrolled / status.task, 4) if status.task else None),
        status.task - t.enrolled if status.task else None,
        t.states["paid"],
        t.states["subsidized"],
        len(status.gaps),
        t.unpaid,
        f"已上报 {len(status.reported)}/{len(status.villages)} 村",
        "",
    ]
    sheet = _Sheet(
        wb,
        "进度通报",
        [header],
        title=f"{_where(status)}参保进度通报",
        as_of=as_of,
        widths=_widths([header], [*reported, *waiting, total]),
        frozen_cols=len(header) - 13,
    )
    for row in reported:
        sheet.add(row)
    for row in waiting:
        sheet.add(row, font=_MUTED, filtered=False)
    sheet.add(total, font=_TOTAL_FONT, filtered=False)
    if any(v.task_source == "package" for v in status.villages):
        sheet.note("注：斜体的任务数取自该村上报包（乡镇任务表中没有该村，或未载入任务表）。")
    sheet.note(
        "完成率＝已参保÷任务数，差额＝任务数－已参保；合计中在两个村登记的同一人只计一次"
        f"（重复参保 {len(status.duplicates)} 人，见“重复参保”表）。"
    )
    sheet.close()


def _townships(wb: Workbook, status: TownshipStatus, as_of: str) -> None:
    """A county's database: the townships ranked, before their villages."""
    header = [
        "排名",
        "乡镇",
        "上报村数",
        "任务数",
        "应参保",
        "已参保",
        "完成率",
        "差额",
        "已缴费",
        "资助参保",
        "特殊群体应保未保",
        "未缴",
        "最近上报",
    ]
    rows = [
        [
            g.rank,
            g.name,
            g.villages,
            g.task,
            g.figures.total.eligible,
            g.figures.total.enrolled,
            _pct(g.completion),
            g.shortfall,
            g.figures.total.states["paid"],
            g.figures.total.states["subsidized"],
            g.special_gaps,
            g.figures.total.unpaid,
            local_time(g.latest),
        ]
        for g in status.townships
    ]
    t = status.figures.total
    total = [
        None,
        "合计",
        len(status.reported),
        status.task,
        t.eligible,
        t.enrolled,
        _pct(round(t.enrolled / status.task, 4) if status.task else None),
        status.task - t.enrolled if status.task else None,
        t.states["paid"],
        t.states["subsidized"],
        len(status.gaps),
        t.unpaid,
        "",
    ]
    sheet = _Sheet(
        wb,
        "乡镇通报",
        [header],
        title=f"{_where(status)}各乡镇参保进度通报",
        as_of=as_of,
        widths=_widths([header], [*rows, total]),
        frozen_cols=2,
    )
    for row in rows:
        sheet.add(row)
    sheet.add(total, font=_TOTAL_FONT, filtered=False)
    sheet.note("各乡镇中在两处登记的同一人只计一次，计在其参保的村。")
    sheet.close()


def _label(v: VillageRow, county: bool) -> list[object]:
    return [v.township, v.name] if county else [v.name]


def _special(wb: Workbook, status: TownshipStatus, as_of: str) -> None:
    county = status.county_level
    codes = list(status.special)
    lead = ["乡镇", "村"] if county else ["村"]
    top = [*lead]
    below = [""] * len(lead)
    for code in codes:
        top += [CATEGORY_BY_CODE[code].label, "", ""]
        below += ["应保", "已保", "未保"]

    def values(special: dict) -> list[object]:
        out: list[object] = []
        for code in codes:
            x = special.get(code)
            if x is None:
                out += [0, 0, 0]
            else:
                red = _RED if x.unpaid else None
                out += [x.eligible, _Cell(x.enrolled, font=red), _Cell(x.unpaid, font=red)]
        return out

    rows = [_label(v, county) + values(v.figures.special) for v in status.reported if v.figures]
    total = [*([""] if county else []), "合计", *values(status.special)]
    sheet = _Sheet(
        wb,
        "特殊群体",
        [top, below],
        title=f"{_where(status)}特殊群体参保情况",
        as_of=as_of,
        widths=_widths([top, below], [*rows, total], cap=12),
        frozen_cols=len(lead),
    )
    for row in rows:
        sheet.add(row)
    sheet.add(total, font=_TOTAL_FONT, filtered=False)
    sheet.note("应保：特殊群体中应参保的人数；红色：未全部参保。合计中同一人只计一次。")
    sheet.close()


def _reasons(wb: Workbook, status: TownshipStatus, as_of: str) -> None:
    county = status.county_level
    header = [*(["乡镇", "村"] if county else ["村"]), "未缴人数", *REASONS]
    rows = [
        _label(v, county) + [v.figures.total.unpaid, *(v.unpaid_reasons.get(r, 0) for r in REASONS)]
        for v in status.reported
        if v.figures
    ]
    total = [
        *([""] if county else []),
        "合计",
        sum(v.figures.total.unpaid for v in status.reported if v.figures),
        *(status.unpaid_reasons.get(r, 0) for r in REASONS),
    ]
    sheet = _Sheet(
        wb,
        "未缴原因",
        [header],
        title=f"{_where(status)}未缴费原因统计",
        as_of=as_of,
        widths=_widths([header], [*rows, total], cap=12),
        frozen_cols=len(header) - len(REASONS) - 1,
    )
    for row in rows:
        sheet.add(row)
    sheet.add(total, font=_TOTAL_FONT, filtered=False)
    sheet.note("原因由村经办人在花名册中选填；不在固定选项中的计入“其他”。各村相加，未去重。")
    sheet.close()


def _coverage(wb: Workbook, status: TownshipStatus, as_of: str) -> None:
    county = status.county_level
    header = [
        *(["乡镇", "村"] if county else ["村"]),
        "在册人数",
        *(label for _, label in COVERAGE_COLUMNS),
        "应退费人数",
        "征缴金额(元)",
    ]

    def values(f: Figures) -> list[object]:
        t = f.total
        return [
            t.persons,
            *(t.states[k] for k, _ in COVERAGE_COLUMNS),
            f.refund_due,
            yuan(t.collected_fen),
        ]

    rows = [_label(v, county) + values(v.figures) for v in status.reported if v.figures]
    total = [*([""] if county else []), "合计", *values(status.figures)]
    sheet = _Sheet(
        wb,
        "参保情况",
        [header],
        title=f"{_where(status)}参保情况及应退费",
        as_of=as_of,
        widths=_widths([header], [*rows, total]),
        frozen_cols=len(header) - len(COVERAGE_COLUMNS) - 3,
    )
    for row in rows:
        sheet.add(row)
    sheet.add(total, font=_TOTAL_FONT, filtered=False)
    sheet.note("应退费：缴费多于应缴（重复缴费等）待退的人数。合计中同一人只计一次。")
    sheet.close()


UNPAID_HEADER = [
    "村",
    "村民小组",
    "户号",
    "户主",
    "姓名",
    "身份证号码",
    "联系电话",
    "人员类别",
    "未缴原因",
]
# Fixed widths: the list is streamed, so it cannot be measured before it is written.
_UNPAID_WIDTHS = [14, 10, 8, 10, 10, 21, 14, 20, 20]


def _unpaid(wb: Workbook, db: sqlite_utils.Database, status: TownshipStatus, as_of: str) -> None:
    sheet = _Sheet(
        wb,
        "未缴名单",
        [UNPAID_HEADER],
        title=f"{_where(status)}未缴费人员名单",
        as_of=as_of,
        widths=_UNPAID_WIDTHS,
        frozen_cols=0,
        internal=True,
    )
    for p in unpaid_persons(db, status.year):
        sheet.add(
            [
                p.village,
                p.group,
                p.hh_no,
                p.head,
                p.name,
                p.id_number,
                p.phone,
                category_labels(p.categories),
                p.reason,
            ]
        )
    sheet.close()


def _duplicates(wb: Workbook, status: TownshipStatus, as_of: str) -> None:
    header = [
        "身份证号码",
        "姓名",
        "村",
        "村民小组",
        "户号",
        "联系电话",
        "参保状态",
        "已参保的村",
        "涉及村数",
    ]
    rows = []
    for d in status.duplicates:
        enrolled = "、".join(e.village for e in d.entries if e.enrolled) or "都未参保"
        for e in d.entries:
            rows.append(
                [
                    d.id_number,
                    e.name,
                    e.village,
                    e.group,
                    e.hh_no,
                    e.phone,
                    STATES.get(e.state, e.state),
                    enrolled,
                    len(d.entries),
                ]
            )
    sheet = _Sheet(
        wb,
        "重复参保",
        [header],
        title=f"{_where(status)}重复参保（多村登记）人员",
        as_of=as_of,
        widths=_widths([header], rows),
        frozen_cols=2,
    )
    for row in rows:
        two = "、" in str(row[7])
        sheet.add([*row[:7], _Cell(row[7], font=_RED if two else None), row[8]])
    sheet.note("“已参保的村”列出两个以上村的，是重复缴费或重复参保，请协调退费或清理。")
    sheet.close()


def _warnings(wb: Workbook, status: TownshipStatus, as_of: str) -> None:
    rows = [[w] for w in status.warnings]
    sheet = _Sheet(
        wb,
        "注意",
        [["请核实"]],
        title=f"{_where(status)}汇总时发现的问题",
        as_of=as_of,
        widths=[100],
        frozen_cols=0,
    )
    for row in rows:
        sheet.add(row, filtered=False)
    sheet.close()


_OS_REASONS: dict[int | None, str] = {
    errno.ENOENT: "路径不存在",
    errno.ENOTDIR: "路径中有一段不是文件夹",
    errno.EEXIST: "路径中有一段不是文件夹",
    errno.EACCES: "没有写入权限",
    errno.EPERM: "没有写入权限",
    errno.EROFS: "磁盘是只读的",
    errno.ENOSPC: "磁盘已满",
    errno.EISDIR: "同名的是一个文件夹",
}


def _os_reason(e: OSError) -> str:
    # The township reads Chinese; the system's own words (often English) only when we have none.
    return _OS_REASONS.get(e.errno, e.strerror or str(e))


def _target(out: str | Path, db_path: Path) -> Path:
    """Where the report may go: an .xlsx file that is not the township database (nor its journal)."""
    out = Path(out)
    if out.is_dir():
        raise EnrollError("township_report_folder", path=str(out))
    if out.suffix.lower() != ".xlsx":
        raise EnrollError("township_report_suffix", path=str(out))
    db = db_path.resolve()
    if out.resolve() in (db, db.with_name(db.name + "-wal"), db.with_name(db.name + "-shm")):
        raise EnrollError("township_report_is_db", path=str(out))
    return out


def write_report(
    db: sqlite_utils.Database,
    status: TownshipStatus,
    out: str | Path,
    *,
    now: datetime | None = None,
) -> Path:
    """(乡镇通报 for a county,) 进度通报, 特殊群体, 未缴原因, 参保情况, 未缴名单 (内部资料),
    重复参保, and 注意 when there is something to check. The township database itself is never
    overwritten."""
    out = _target(out, db_file(db))
    as_of = (now or datetime.now()).astimezone().strftime("%Y-%m-%d %H:%M")
    try:
        # The temp file first: a path that cannot be written is refused before any sheet is built.
        with atomic_path(out) as tmp:
            wb = Workbook(write_only=True)
            if status.county_level:
                _townships(wb, status, as_of)
            _progress(wb, status, as_of)
            _special(wb, status, as_of)
            _reasons(wb, status, as_of)
            _coverage(wb, status, as_of)
            _unpaid(wb, db, status, as_of)
            _duplicates(wb, status, as_of)
            if status.warnings:
                _warnings(wb, status, as_of)
            wb.properties.title = f"{_where(status)}参保进度通报"
            wb.save(tmp)
    except OSError as e:
        raise EnrollError(
            "township_report_unwritable", path=str(out), detail=_os_reason(e)
        ) from None
    return out
