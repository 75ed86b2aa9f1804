"""Sub-commands: import roster | groups | payments FILE [--category CODE] [--dry-run] [--json]."""

from __future__ import annotations

import argparse

from ..core.progress import Progress
from ..core.vocab import CATEGORY_BY_CODE
from ..imports import FIELD_LABELS, ImportReport, run_import
from .commands import add_command
from .common import StderrProgress, actor, open_store, print_json

KIND_HELP = {
    "roster": "花名册（上年度的参保人员名册）",
    "groups": "特殊群体名单（民政、乡村振兴、残联等部门）",
    "payments": "税务征缴明细",
}
# Labels of the report's counts, in the order they are printed.
COUNT_LABELS = {
    "roster": (
        ("imported", "新增人员"),
        ("households", "新增户"),
        ("already_present", "已在册"),
        ("duplicates", "表内重复"),
        ("invalid_id", "身份证号待核实"),
        ("upgraded", "15位升18位"),
        ("flagged", "标记人员类别"),
        ("history", "有参保年限记录"),
        ("skipped", "未导入"),
    ),
    "groups": (
        ("flagged", "标记人数"),
        ("new_flags", "新增标记"),
        ("name_mismatch", "姓名不一致"),
        ("not_in_roster", "不在本村花名册"),
        ("skipped", "不符合条件"),
    ),
    "payments": (
        ("recorded", "登记"),
        ("already_recorded", "已登记过（票号重复）"),
        ("not_in_roster", "对不上人（待认领）"),
        ("other_year", "其他年度"),
        ("ignored", "其他险种"),
        ("skipped", "无法读取"),
    ),
}
SHOW_PROBLEMS = 50


def register(sub: argparse._SubParsersAction) -> None:
    p = add_command(sub, "import")
    isub = p.add_subparsers(dest="import_kind", metavar="KIND", required=True)
    for kind, help_text in KIND_HELP.items():
        k = isub.add_parser(kind, help=help_text)
        k.add_argument("file", metavar="FILE", help="要导入的文件")
        if kind == "groups":
            k.add_argument(
                "--category",
                choices=list(CATEGORY_BY_CODE),
                metavar="CODE",
                help="名单没有人员类别列、或某行的类别写法认不出时，按这个类别标记："
                + "、".join(f"{c}={v.label}" for c, v in CATEGORY_BY_CODE.items()),
            )
        k.add_argument("--dry-run", action="store_true", help="只检查、出报告，不写入数据库")
        k.add_argument("--json", action="store_true", help="输出一个JSON对象")
        k.set_defaults(func=cmd_import, kind=kind)


def cmd_import(args: argparse.Namespace) -> int:
    db = open_store(args)
    watcher = StderrProgress(lambda done, total, _message: f"导入中 {done}/{total} 行…")
    try:
        report = run_import(
            db,
            args.kind,
            args.file,
            category=getattr(args, "category", None),
            dry_run=args.dry_run,
            actor=actor(args, db),
            progress=Progress(watcher),
        )
    finally:
        watcher.finish()
    if args.json:
        print_json(report.to_json())
        return 0
    print("\n".join(describe(report)))
    return 0


def describe(report: ImportReport) -> list[str]:
    """The readable Chinese report of an import."""
    head = "【试导入，未写入】" if report.dry_run else ""
    lines = [f"{head}{report.file_name}：表头在第{report.header_row}行，读到 {report.rows} 行数据"]
    if "、" in report.sheet:  # a workbook read sheet by sheet: say which, so a missing one shows
        lines.append(f"读了这些工作表：{report.sheet}")
    found = "，".join(f"{FIELD_LABELS.get(k, k)}=“{v}”" for k, v in report.columns.items())
    lines.append(f"识别的列：{found}")
    counts = [
        f"{label} {report.counts[key]}"
        for key, label in COUNT_LABELS[report.kind]
        if key in report.counts
    ]
    lines.append("，".join(counts))
    if report.problems:
        lines.append(f"需要注意的行（{len(report.problems)}）：")
        for p in report.problems[:SHOW_PROBLEMS]:
            lines.append(f"  第{p['row']}行：{p['reason']}")
        if len(report.problems) > SHOW_PROBLEMS:
            lines.append(f"  …… 另有 {len(report.problems) - SHOW_PROBLEMS} 行，用 --json 查看全部")
    return lines
