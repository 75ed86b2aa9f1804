"""The township report (xlsx): a sheet per table, one header row, IDs as text, written atomically."""

from __future__ import annotations

from pathlib import Path

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter

from ..core.figures import yuan
from ..core.vocab import CATEGORY_BY_CODE, STATES
from ..exports.atomic import atomic_path
from .status import TownshipStatus, category_labels, completion, local_time

PERCENT = "0.00%"
_HEADER_FONT = Font(bold=True)
_HEADER_FILL = PatternFill("solid", fgColor="DDEBF7")


def _text_width(value: object) -> int:
    text = "" if value is None else (f"{value:.2%}" if isinstance(value, float) else str(value))
    return sum(2 if ord(ch) > 0x2E80 else 1 for ch in text)


def _sheet(wb: Workbook, title: str, header: list[str], rows: list[list], *,
           percent_columns: tuple[int, ...] = (), text_columns: tuple[int, ...] = ()) -> None:
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


def write_report(status: TownshipStatus, out: str | Path) -> Path:
    """汇总 (per village and 合计), 特殊群体, 特殊群体未参保, 重复参保 — values only."""
    wb = Workbook()
    wb.remove(wb.active)
    summary = []
    for v in status.villages:
        t = v.figures.total if v.figures else None
        summary.append([
            v.name, v.code, t.persons if t else None, t.eligible if t else None,
            t.enrolled if t else None, t.unpaid if t else None, t.rate if t else None, v.task,
            completion(t.enrolled, v.task) if t else None, v.special_gaps if t else None,
            yuan(t.collected_fen) if t else None, v.sequence, local_time(v.created_at) if t else "未上报",
        ])
    t = status.total
    summary.append(["合计", "", t.persons, t.eligible, t.enrolled, t.unpaid, t.rate, status.task,
                    completion(t.enrolled, status.task), len(status.gaps), yuan(t.collected_fen),
                    None, f"已上报 {len(status.reported)}/{len(status.villages)} 村"])
    _sheet(wb, "汇总", ["村", "区划代码", "在册人数", "应参保", "已参保", "未参保", "参保率", "任务数",
                        "任务完成率", "特殊群体未参保", "征缴金额(元)", "上报序号", "最近上报时间"],
           summary, percent_columns=(6, 8), text_columns=(1,))
    _sheet(wb, "特殊群体", ["人员类别", "人数", "已参保", "未参保", "参保率"],
           [[CATEGORY_BY_CODE[c].label, p, e, p - e, round(e / p, 4) if p else 0.0]
            for c, (p, e) in status.special.items()], percent_columns=(4,))
    _sheet(wb, "特殊群体未参保", ["村", "村民小组", "户号", "姓名", "身份证号码", "人员类别", "未缴原因"],
           [[g.village, g.group, g.hh_no, g.name, g.id_number, category_labels(g.categories), g.unpaid_reason]
            for g in status.gaps], text_columns=(2, 4))
    _sheet(wb, "重复参保", ["身份证号码", "村", "村民小组", "姓名", "参保状态", "涉及村数", "两地均已参保"],
           [[d.id_number, village, group, name, STATES.get(state, state), len(d.entries),
             "是" if d.enrolled_twice else "否"]
            for d in status.duplicates for village, group, name, state in d.entries], text_columns=(0,))
    wb.properties.title = f"{status.year}年度城乡居民医保参保汇总"
    out = Path(out)
    with atomic_path(out) as tmp:
        wb.save(tmp)
    return out
