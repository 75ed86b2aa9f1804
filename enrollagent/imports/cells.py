"""Reading single cells honestly: text, money, years, dates, channels, insurance items, yes/no."""

from __future__ import annotations

import math
import re
import unicodedata
from datetime import date, datetime, timedelta
from decimal import Decimal

from ..core.ids import IdCheck
from ..core.money import parse_yuan
from ..core.text import CONTROL, MAX_NAME, clean_text
from ..errors import EnrollError, Problem

_EXCEL_EPOCH = date(1899, 12, 30)


def text(cell: object) -> str:
    """A cell as the text a person would read; whole numbers lose Excel's '.0'."""
    if type(cell) is str:  # most cells: the checks for other types below are not needed
        s = clean_text(cell).strip()
    elif cell is None:
        return ""
    elif isinstance(cell, bool):
        return "是" if cell else "否"
    elif isinstance(cell, float):
        return str(int(cell)) if cell.is_integer() and abs(cell) < 1e15 else repr(cell)
    elif isinstance(cell, datetime):
        return (
            cell.date().isoformat()
            if cell.time() == datetime.min.time()
            else cell.isoformat(sep=" ")
        )
    elif isinstance(cell, date):
        return cell.isoformat()
    else:
        s = clean_text(str(cell)).strip()
    if s.startswith('="') and s.endswith('"'):  # Excel's way of keeping digits as text in a CSV
        s = s[2:-1].strip()
    return s


def id_cell(cell: object) -> object:
    """The ID cell to check: number cells stay numbers (check_cell distrusts them), text is cleaned."""
    return cell if isinstance(cell, (int, float)) and not isinstance(cell, bool) else text(cell)


def id_problem(chk: IdCheck) -> Problem:
    """What is wrong with an ID that failed its check, to word into a row's sentence."""
    return Problem(
        chk.problem or "id_length",
        n=len(chk.normalized),
        raw=chk.raw,
        suggestion=chk.suggestion or "",
    )


_MONEY = re.compile(r"-?\d+(\.\d+)?")


def amount_fen(cell: object) -> int:
    """Money in a cell → fen. Raises EnrollError("amount_invalid") for anything unreadable."""
    # `type(cell) is …` rather than isinstance: a bool is not money, and this runs per row.
    if type(cell) is float:
        if cell.is_integer() and abs(cell) < 1e12:  # the common case, fast
            return int(cell) * 100
        if math.isfinite(cell) and abs(cell) < 1e12:  # 379.99999999 from a formula
            return int((Decimal(repr(cell)) * 100).quantize(Decimal(1)))
    elif type(cell) is int and abs(cell) < 10**12:
        return cell * 100
    elif (
        type(cell) is str
        and len(cell) < 12
        and cell.isascii()
        and cell[cell[:1] == "-" :].isdigit()  # one leading minus at most
    ):
        return int(cell) * 100
    s = (
        unicodedata.normalize("NFKC", text(cell))
        .replace("¥", "")
        .replace("￥", "")
        .replace("元", "")
    )
    s = s.replace(",", "").replace(" ", "")
    if s.startswith("(") and s.endswith(")"):  # accounting notation for a negative amount
        s = "-" + s[1:-1]
    if type(cell) not in (str, float, int) or not _MONEY.fullmatch(s) or len(s) > 15:
        raise EnrollError("amount_invalid", value=text(cell))
    d = Decimal(s)
    if d != d.quantize(Decimal("0.01")):
        raise EnrollError("amount_invalid", value=text(cell))
    return parse_yuan(f"{d:.2f}")


_YEAR = re.compile(r"(19[5-9]\d|20\d\d)")


def year_of(cell: object) -> int | None:
    """缴费年度 2024 / 2024.0 / '2024年' / 费款所属期 '2024-01-01' / '202401' / a date → 2024."""
    if isinstance(cell, (date, datetime)):
        return cell.year
    if isinstance(cell, float) and cell.is_integer():
        cell = int(cell)
    if isinstance(cell, int) and not isinstance(cell, bool):
        s = str(cell)
        return int(s[:4]) if len(s) in (4, 6, 8) and _YEAR.fullmatch(s[:4]) else None
    m = _YEAR.search(unicodedata.normalize("NFKC", text(cell)))
    return int(m.group(1)) if m else None


_DATE = re.compile(r"(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})")


def date_of(cell: object) -> str:
    """A payment date as ISO text, or '' when the cell says nothing readable."""
    if isinstance(cell, datetime):
        return cell.date().isoformat()
    if isinstance(cell, date):
        return cell.isoformat()
    if isinstance(cell, (int, float)) and not isinstance(cell, bool):
        if 20000 < cell < 80000:  # an Excel serial day number
            return (_EXCEL_EPOCH + timedelta(days=int(cell))).isoformat()
        cell = text(cell)
    s = unicodedata.normalize("NFKC", text(cell))
    m = _DATE.search(s) or re.fullmatch(r"(\d{4})(\d{2})(\d{2})(?:\d{6})?", s)
    if not m:
        return ""
    try:
        return date(int(m.group(1)), int(m.group(2)), int(m.group(3))).isoformat()
    except ValueError:
        return ""


# Channel words as tax exports write them → the fixed list of core.vocab.CHANNELS.
_CHANNEL_WORDS = (
    ("资助", "资助代缴"),
    ("代缴", "资助代缴"),
    ("微信", "微信"),
    ("支付宝", "支付宝"),
    ("豫事办", "豫事办"),
    ("电子税务局", "电子税务局"),
    ("网上", "电子税务局"),
    ("APP", "税务APP"),
    ("app", "税务APP"),
    ("掌上", "税务APP"),
    ("手机", "税务APP"),
    ("银行", "银行柜台"),
    ("柜台", "银行柜台"),
    ("代扣", "银行柜台"),
    ("POS", "银行柜台"),
    ("代办", "村代办点"),
    ("村", "村代办点"),
    ("社区", "村代办点"),
    ("现金", "村代办点"),
)


def channel_of(cell: object) -> str:
    s = unicodedata.normalize("NFKC", text(cell))
    if not s:
        return "其他"
    return next((channel for word, channel in _CHANNEL_WORDS if word in s), "其他")


_OTHER_INSURANCE = ("养老", "职工", "灵活就业", "工伤", "失业", "生育", "企业", "机关")
_OTHER_CODES = re.compile(r"^(1\d\d|2\d\d|31\d|4\d\d|5\d\d)$")


def is_resident_medical(cells: list[object]) -> bool:
    """征收项目/品目/子目 cells: True for the resident medical insurance (险种 390/391)."""
    parts = [unicodedata.normalize("NFKC", text(c)) for c in cells]
    parts = [p for p in parts if p]
    if not parts:
        return True  # nothing says otherwise
    joined = " ".join(parts)
    if any(word in joined for word in _OTHER_INSURANCE):
        return False
    if any(p in ("390", "391") for p in parts):
        return True
    if any(_OTHER_CODES.match(p) for p in parts):
        return False
    return "医疗" in joined or "医保" in joined


_VOID = re.compile(r"(?<![未不无没非])(作废|无效|撤销)")
_REFUND = re.compile(r"(?<![未不无没非])(退费|退款|退库|退回|退税|冲正|红冲|冲红|冲销)")


def payment_state(refund_flag: object, void_flag: object, states: tuple) -> str:
    """'void' for a voided ticket, 'refund' for a refund or reversal written as a flag or a word
    (类型说明 退费, 退费标志 是), '' for an ordinary payment."""
    words = " ".join(unicodedata.normalize("NFKC", text(c)) for c in states)
    if is_yes(void_flag) or _VOID.search(words):
        return "void"
    if is_yes(refund_flag) or _REFUND.search(words):
        return "refund"
    return ""


def is_yes(cell: object) -> bool:
    s = unicodedata.normalize("NFKC", text(cell)).strip().upper()
    return s in ("是", "Y", "YES", "TRUE", "1", "已消除", "√")


def risk_eliminated(cell: object) -> bool:
    """风险是否消除: 是 / 已消除 / 是（帮扶消除） / 风险已消除; 否, 未消除 and blanks are not."""
    s = unicodedata.normalize("NFKC", text(cell)).replace(" ", "")
    if not s or s[0] in "否未无没" or "未消除" in s:
        return False
    return is_yes(s) or s[0] == "是" or "已消除" in s or s.startswith("消除")


_CJK = re.compile(r"[\u3400-\u9fff]")


def _whole_name(cell: object) -> str:
    s = text(cell)
    if " " in s or "\u3000" in s or "\t" in s:
        s = re.sub(r"\s+", "", s) if _CJK.search(s) else re.sub(r"\s+", " ", s)
    return s


def person_name(cell: object) -> str:
    """A name as written, cut to MAX_NAME characters; spaces typed to align two-character names
    (张  三) are dropped."""
    return _whole_name(cell)[:MAX_NAME]


def name_note(cell: object) -> Problem | None:
    """What an import did to a name cell the agent should check: control characters dropped
    (a bell, an escape, a NUL; text() drops them), or a name cut to MAX_NAME characters."""
    if type(cell) is not str:
        return None
    if not cell.isprintable() and CONTROL.search(cell.replace("\t", "").replace("\n", "")):
        return Problem("name_cleaned")
    if len(cell) > MAX_NAME and len(_whole_name(cell)) > MAX_NAME:
        return Problem("name_cut", limit=MAX_NAME)
    return None


def same_name(a: str, b: str) -> bool:
    def clean(s: str) -> str:
        return re.sub(r"[\s·•.]", "", unicodedata.normalize("NFKC", s or ""))

    return clean(a) == clean(b)
