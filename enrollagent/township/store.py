"""Opening the township store, and the Chinese sentences of the township's error codes."""

from __future__ import annotations

import unicodedata
from pathlib import Path

import sqlite_utils

from ..db.store import open_database
from ..errors import QT_TRANSLATE_NOOP, EnrollError, register_messages
from .migrations import TOWNSHIP_MIGRATIONS

TOWNSHIP_APPLICATION_ID = 0x45415431  # "EAT1"; see db.store.VILLAGE_APPLICATION_ID

register_messages(
    {
        "township_db_missing": QT_TRANSLATE_NOOP(
            "errors", "乡镇数据库 {path} 还不存在：请先用 enrollagent township add 接收村里的上报包"
        ),
        "township_db_wrong": QT_TRANSLATE_NOOP(
            "errors", "{path} 不是乡镇汇总数据库（可能是某个村的数据库）"
        ),
        "township_replay": QT_TRANSLATE_NOOP(
            "errors",
            "{village} 的上报包序号 {sequence} 不比已收到的第 {last} 号新，是旧包或重复上报，已拒收",
        ),
        "township_key_changed": QT_TRANSLATE_NOOP(
            "errors",
            "{village} 的上报包不是用乡镇登记的该村密钥签的（登记的指纹 {pinned}，此包 {found}），"
            "已拒收；如确是该村换了电脑，与经办人电话核对指纹后用命令"
            " enrollagent township add --trust-new-key {trust} 接收",
        ),
        "township_trust_bad": QT_TRANSLATE_NOOP(
            "errors",
            "--trust-new-key 的写法不对：“{value}”，应为 村区划代码=密钥指纹（32位，空格可省），"
            "如 411725100001=0A1B2C3D…",
        ),
        "township_package_folder": QT_TRANSLATE_NOOP(
            "errors", "{path} 是一个文件夹，不是上报包：请选择文件夹里的 .zip 文件"
        ),
        "township_report_suffix": QT_TRANSLATE_NOOP(
            "errors", "汇总表要存为 .xlsx 文件：{path} 不是（为免覆盖别的文件，请写上 .xlsx 后缀）"
        ),
        "township_report_is_db": QT_TRANSLATE_NOOP(
            "errors", "{path} 是正在使用的乡镇汇总数据库，不能用汇总表覆盖它：请换一个文件名"
        ),
        "township_report_folder": QT_TRANSLATE_NOOP(
            "errors", "{path} 是一个文件夹：请写上汇总表的文件名，如 {path}/汇总.xlsx"
        ),
        "township_report_unwritable": QT_TRANSLATE_NOOP(
            "errors", "无法写入汇总表 {path}：{detail}"
        ),
        "township_data_bad": QT_TRANSLATE_NOOP("errors", "上报包中的 data.json 有误：{detail}"),
        "township_counts_differ": QT_TRANSLATE_NOOP(
            "errors",
            "上报包中 data.json 的人员数据与清单里的统计数不一致（{field}：{data} ≠ {manifest}）",
        ),
        "township_amendments_differ": QT_TRANSLATE_NOOP(
            "errors", "上报包中 data.json 列出的更正有 {data} 条，与清单里的 {manifest} 条不一致"
        ),
        "township_no_year": QT_TRANSLATE_NOOP("errors", "乡镇数据库里还没有 {year} 年度的上报数据"),
        "township_empty": QT_TRANSLATE_NOOP("errors", "乡镇数据库里还没有任何上报数据"),
        "township_village_unknown": QT_TRANSLATE_NOOP(
            "errors", "乡镇数据库里没有“{village}”这个村：请写村名或12位区划代码"
        ),
        "tasks_missing": QT_TRANSLATE_NOOP("errors", "找不到任务表文件：{path}"),
        "tasks_unreadable": QT_TRANSLATE_NOOP("errors", "无法读取任务表 {path}：{detail}"),
        "tasks_no_header": QT_TRANSLATE_NOOP(
            "errors",
            "任务表 {path} 里没有找到表头：需要一列村名（村名/行政村/村）和一列任务数（任务/任务数）",
        ),
        "tasks_bad_number": QT_TRANSLATE_NOOP(
            "errors", "任务表第 {row} 行 {village} 的任务数“{value}”不是整数"
        ),
        "tasks_duplicate": QT_TRANSLATE_NOOP(
            "errors", "任务表中 {village} 出现了两次（第 {row} 行）"
        ),
        "tasks_empty": QT_TRANSLATE_NOOP("errors", "任务表 {path} 里没有读到任何村的任务数"),
    }
)


def open_township(path: str | Path, *, must_exist: bool = False) -> sqlite_utils.Database:
    """The township's own SQLite file with its own migrations (never a village store)."""
    path = Path(path)
    if must_exist and not path.exists():
        raise EnrollError("township_db_missing", path=str(path))
    try:
        return open_database(
            path,
            migrations=TOWNSHIP_MIGRATIONS,
            application_id=TOWNSHIP_APPLICATION_ID,
            marker_table="village_year",
        )
    except EnrollError as e:
        if e.code == "db_foreign":
            raise EnrollError("township_db_wrong", path=str(path)) from None
        raise


def name_key(name: str) -> str:
    """A village name for matching: 李庄村, 李 庄, 李庄村委会 and 李庄 are the same village."""
    s = "".join(unicodedata.normalize("NFKC", name or "").split())
    for suffix in ("村民委员会", "居民委员会", "村委会", "居委会", "社区", "村"):
        if s.endswith(suffix) and len(s) > len(suffix):
            return s[: -len(suffix)]
    return s
