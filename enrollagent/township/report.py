"""The township report (xlsx): a sheet per table, one header row, IDs as text, written atomically."""

from __future__ import annotations

import errno
from pathlib import Path

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter

from ..core.clock import local_time
from ..core.vocab import CATEGORY_BY_CODE, STATES
from ..errors import EnrollError
from ..exports.atomic import atomic_path
from .status import TownshipStatus, category_labels

PERCENT = "0.00%"
_HEADER_FONT = Font(bold=True)
_HEADER_FILL = PatternFill("solid", fgColor="DDEBF7")


def _text_width(value: object) -> int:
    text = "" if value is None else (f"{value:.2%}" if isinstance(value, float) else str(value))
    return sum(2 if ord(ch) > 0x2E80 else 1 for ch in text)


def _sheet(
    wb: Workbook,
    title: str,
    header: list[str],
    rows: list[list],
    *,
    percent_columns: tuple[int, ...] = (),
    text_columns: tuple[int, ...] = (),
) -> None:
    ws = wb.create_sheet(title)
    ws.append(header)
    for cell in ws[1]:
        cell.font, cell.fill = _HEADER_FONT, _HEADER_FILL
        cell.alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)
    for r, values in enumerate(rows, start=2):
        ws.append(values)
        for c, value in enumerate(values, start=1):
            cell = ws.cell(r, c)
            if isinstance(value, str):
                # Never a formula: a name or note starting with = + - @ stays text.
                cell.data_type = "s"
                if c - 1 in text_columns:
                    cell.number_format = "@"
            elif isinstance(value, float) and c - 1 in percent_columns:
                cell.number_format = PERCENT
    for c, name in enumerate(header, start=1):
        widest = max([_text_width(name), *(_text_width(r[c - 1]) for r in rows)])
        ws.column_dimensions[get_column_letter(c)].width = min(max(widest + 2, 6), 48)
    ws.freeze_panes = "A2"
    if rows:
        ws.auto_filter.ref = ws.dimensions


_OS_REASONS: dict[int | None, str] = {
    errno.ENOENT: "路径不存在",
    errno.ENOTDIR: "路径中有一段不是文件夹",
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


def write_report(status: TownshipStatus, out: str | Path, *, db_path: Path) -> Path:
    """汇总 (per village and 合计), 特殊群体, 特殊群体未参保, 重复参保, and 注意 when there is
    something to check — values only. db_path: the township database, never to be overwritten."""
    out = _target(out, db_path)
    wb = Workbook()
    wb.remove(wb.worksheets[0])  # the empty sheet a new workbook starts with
    summary = []
    for v in status.villages:
        j = v.to_json()
        reported = j["reported"]
        summary.append(
            [
                v.name,
                v.code,
                j["persons"],
                j["eligible"],
                j["enrolled"],
                j["unpaid"],
                j["rate"],
                v.task,
                j["task_completion"],
                v.special_gaps if reported else None,
                j["collected"],
                v.sequence,
                local_time(v.created_at) if reported else "未上报",
                local_time(v.amended_at)[:10] if v.amended_at else "",
            ]
        )
    t = status.to_json()["total"]
    summary.append(
        [
            "合计",
            "",
            t["persons"],
            t["eligible"],
            t["enrolled"],
            t["unpaid"],
            t["rate"],
            t["task"],
            t["task_completion"],
            t["special_gaps"],
            t["collected"],
            None,
            f"已上报 {t['reported']}/{t['villages']} 村",
            "",
        ]
    )
    _sheet(
        wb,
        "汇总",
        [
            "村",
            "区划代码",
            "在册人数",
            "应参保",
            "已参保",
            "未参保",
            "参保率",
            "任务数",
            "任务完成率",
            "特殊群体未参保",
            "征缴金额(元)",
            "上报序号",
            "最近上报时间",
            "最近更正",
        ],
        summary,
        percent_columns=(6, 8),
        text_columns=(1,),
    )
    # The villages' Tally arithmetic: 未参保 is eligible − enrolled, the people of 特殊群体未参保.
    _sheet(
        wb,
        "特殊群体",
        ["人员类别", "人数", "应参保", "已参保", "未参保", "参保率"],
        [
            [CATEGORY_BY_CODE[c].label, x.persons, x.eligible, x.enrolled, x.unpaid, x.rate]
            for c, x in status.special.items()
        ],
        percent_columns=(5,),
    )
    _sheet(
        wb,
        "特殊群体未参保",
        ["村", "村民小组", "户号", "姓名", "身份证号码", "人员类别", "未缴原因"],
        [
            [
                g.village,
                g.group,
                g.hh_no,
                g.name,
                g.id_number,
                category_labels(g.categories),
                g.unpaid_reason,
            ]
            for g in status.gaps
        ],
        text_columns=(2, 4),
    )
    _sheet(
        wb,
        "重复参保",
        ["身份证号码", "村", "村民小组", "姓名", "参保状态", "涉及村数", "两地均已参保"],
        [
            [
                d.id_number,
                village,
                group,
                name,
                STATES.get(state, state),
                len(d.entries),
                "是" if d.enrolled_twice else "否",
            ]
            for d in status.duplicates
            for village, group, name, state in d.entries
        ],
        text_columns=(0,),
    )
    if status.warnings:
        _sheet(wb, "注意", ["请核实"], [[w] for w in status.warnings])
    wb.properties.title = f"{status.year}年度城乡居民医保参保汇总"
    try:
        with atomic_path(out) as tmp:
            wb.save(tmp)
    except OSError as e:
        raise EnrollError(
            "township_report_unwritable", path=str(out), detail=_os_reason(e)
        ) from None
    return out
