"""The exports both faces offer, in order, and run_export: one entry point for the GUI and the CLI."""

from __future__ import annotations

import errno
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import sqlite_utils

from ..core.progress import NO_PROGRESS, Progress
from ..core.village import Village, get_policy, get_village
from ..core.vocab import group_sort_key
from ..db.store import db_file
from ..errors import QT_TRANSLATE_NOOP, EnrollError, register_messages
from .checklist import write_checklist
from .keys import load_or_create_key
from .messages import write_messages, write_publicity
from .notice import write_notice
from .package import _scaled as scaled
from .package import build_package, log_export, next_sequence, package_name, sha256_hex
from .roll import write_roll
from .slips import write_slips
from .summary import write_summary

register_messages(
    {
        "export_kind_unknown": QT_TRANSLATE_NOOP("errors", "没有这种导出：{kind}，可用：{known}"),
        "export_group_unknown": QT_TRANSLATE_NOOP(
            "errors", "本村 {year} 年度没有村民小组“{group}”，现有：{known}"
        ),
        "export_group_not_applicable": QT_TRANSLATE_NOOP(
            "errors", "{title}不分村民小组导出，请去掉 --group"
        ),
        "export_suffix": QT_TRANSLATE_NOOP(
            "errors", "{title}应保存为 {suffix} 文件，不能保存为 {path}"
        ),
        "export_unwritable": QT_TRANSLATE_NOOP("errors", "无法写入 {path}：{detail}"),
        "export_unpaid_only_not_applicable": QT_TRANSLATE_NOOP(
            "errors", "只有缴费告知单能只印未缴费的户，{title}请去掉 --unpaid-only"
        ),
    }
)


@dataclass(frozen=True)
class ExportKind:
    kind: str
    title: str
    suffix: str
    takes_group: bool
    takes_unpaid_only: bool = False

    def default_name(
        self, village: Village, year: int, group: str | None = None, *, sequence: int = 1
    ) -> str:
        """The file name offered for this export; a package is numbered by its sequence."""
        if self.kind == "package":
            return package_name(village.code, village.name, year, sequence)
        return f"{village.name}{year}年度{self.title}{'-' + group if group else ''}{self.suffix}"


CATALOG: dict[str, ExportKind] = {
    k.kind: k
    for k in (
        ExportKind("roll", "花名册", ".xlsx", False),
        ExportKind("checklist", "入户催缴清单", ".pdf", True),
        ExportKind("notice", "参保缴费情况公示", ".pdf", True),
        ExportKind("slips", "缴费告知单", ".pdf", True, takes_unpaid_only=True),
        ExportKind("messages", "催缴消息", ".xlsx", False),
        ExportKind("publicity", "政策宣传", ".pdf", False),
        ExportKind("summary", "汇总表", ".pdf", False),
        ExportKind("package", "上报包", ".zip", False),
    )
}


def village_groups(db: sqlite_utils.Database, year: int) -> list[str]:
    """The 村民小组 that have someone on the roster this year, in natural order."""
    rows = db.execute(
        "SELECT DISTINCT h.group_name FROM household h JOIN person p ON p.household_id = h.id"
        " JOIN person_year py ON py.person_id = p.id WHERE py.year = ?",
        [year],
    ).fetchall()
    return sorted((r[0] for r in rows), key=group_sort_key)


def target_path(
    db: sqlite_utils.Database,
    kind: str,
    out: str | Path,
    *,
    group: str | None = None,
    year: int | None = None,
) -> Path:
    """The file an export into `out` writes: `out` itself, or the default name inside a folder."""
    spec = _spec(kind)
    village = get_village(db)
    year = year or village.current_year
    out = Path(out)
    if out.is_dir() or not out.suffix:
        sequence = next_sequence(db) if kind == "package" else 1
        return out / spec.default_name(village, year, group, sequence=sequence)
    if out.suffix.lower() != spec.suffix:
        raise EnrollError("export_suffix", title=spec.title, suffix=spec.suffix, path=str(out))
    return out


def _spec(kind: str) -> ExportKind:
    if kind not in CATALOG:
        raise EnrollError("export_kind_unknown", kind=kind, known="、".join(CATALOG))
    return CATALOG[kind]


def _check_group(db: sqlite_utils.Database, spec: ExportKind, group: str | None, year: int) -> None:
    if group is None:
        return
    if not spec.takes_group:
        raise EnrollError("export_group_not_applicable", title=spec.title)
    known = village_groups(db, year)
    if group not in known:
        raise EnrollError(
            "export_group_unknown", year=year, group=group, known="、".join(known) or "（无）"
        )


def roll_beside(summary: Path, village: Village, year: int) -> Path:
    """The roll sheet a summary exported on its own vouches for: written next to it."""
    return summary.with_name(CATALOG["roll"].default_name(village, year))


def _summary_with_roll(
    db: sqlite_utils.Database, target: Path, *, year: int, progress: Progress
) -> Path:
    """A summary names its roll file by SHA-256, and a hash of a file nobody has vouches for
    nothing: so a summary on its own comes with the roll sheet it was made with."""
    roll = write_roll(
        db, roll_beside(target, get_village(db), year), year=year, progress=scaled(progress, 0, 60)
    )
    log_export(db, kind="roll", year=year, path=roll)
    key = load_or_create_key(db_file(db))
    return write_summary(
        db,
        target,
        roll_sha256=sha256_hex(roll.read_bytes()),
        key_fingerprint=key.fingerprint,
        year=year,
        progress=scaled(progress, 60, 100),
    )


WRITERS: dict[str, Callable[..., Path]] = {
    "roll": write_roll,
    "checklist": write_checklist,
    "notice": write_notice,
    "slips": write_slips,
    "messages": write_messages,
    "publicity": write_publicity,
    "summary": _summary_with_roll,
}


_OS_PROBLEMS: dict[int | None, str] = {
    errno.EACCES: "没有写入权限",
    errno.EPERM: "没有写入权限",
    errno.ENOSPC: "磁盘空间不足",
    errno.EROFS: "磁盘是只读的",
    errno.ENOTDIR: "路径中有一段不是文件夹",
    errno.ENOENT: "路径不存在",
    errno.EEXIST: "同名文件已存在且无法替换",
    errno.EISDIR: "同名的是一个文件夹",
}


def os_problem(e: OSError) -> str:
    """The reason a file could not be written, in Chinese (the system's own text is English)."""
    return _OS_PROBLEMS.get(e.errno, f"系统错误（{e.strerror or e}）")


def run_export(
    db: sqlite_utils.Database,
    kind: str,
    out: str | Path,
    *,
    group: str | None = None,
    year: int | None = None,
    unpaid_only: bool = False,
    progress: Progress = NO_PROGRESS,
) -> Path:
    """Write one export into `out` (a folder or a file path); returns the path written.
    `unpaid_only`: only the households with someone unpaid (kinds that take it)."""
    spec = _spec(kind)
    year = year or get_village(db).current_year
    get_policy(db, year)  # an unknown year is refused before anything is written
    _check_group(db, spec, group, year)
    if unpaid_only and not spec.takes_unpaid_only:
        raise EnrollError("export_unpaid_only_not_applicable", title=spec.title)
    target = target_path(db, kind, out, group=group, year=year)
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        if kind == "package":
            return build_package(db, target, year=year, progress=progress)
        kwargs: dict[str, object] = {"group": group} if spec.takes_group else {}
        if spec.takes_unpaid_only:
            kwargs["unpaid_only"] = unpaid_only
        written = WRITERS[kind](db, target, year=year, progress=progress, **kwargs)
    except OSError as e:
        raise EnrollError("export_unwritable", path=str(target), detail=os_problem(e)) from e
    log_export(db, kind=kind, year=year, path=written)
    return written
