"""Fixed vocabularies: special-group categories with aliases, coverage kinds, reasons, channels."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass


@dataclass(frozen=True)
class Category:
    code: str
    label: str
    department: str
    aliases: tuple[str, ...] = ()


CATEGORIES: tuple[Category, ...] = (
    Category(
        "extreme_poverty",
        "特困人员",
        "民政",
        (
            "特困",
            "特困供养人员",
            "特困供养",
            "五保户",
            "五保",
            "城市三无人员",
            "三无人员",
            "特困救助供养",
        ),
    ),
    Category(
        "minimum_living",
        "低保对象",
        "民政",
        (
            "低保",
            "城乡低保",
            "低保户",
            "农村低保",
            "城市低保",
            "城乡低保对象",
            "民政城乡低保对象",
            "低保家庭",
        ),
    ),
    Category(
        "low_income_edge",
        "低保边缘家庭成员",
        "民政",
        ("低保边缘户", "低保边缘", "低保边缘家庭", "低保边缘家庭人口"),
    ),
    Category(
        "orphan",
        "孤儿/事实无人抚养儿童",
        "民政",
        ("孤儿", "事实无人抚养儿童", "城乡孤儿", "事实无人抚养未成年人"),
    ),
    Category("child_in_distress", "困境儿童", "民政", ()),
    Category("returned_poverty", "返贫致贫人口", "乡村振兴", ("返贫致贫", "返贫致贫户")),
    Category(
        "unstable", "脱贫不稳定户", "乡村振兴", ("脱贫不稳定人口", "脱贫不稳定", "脱贫不稳定家庭")
    ),
    Category(
        "marginal", "边缘易致贫户", "乡村振兴", ("边缘易致贫人口", "边缘易致贫", "边缘易致贫家庭")
    ),
    Category(
        "sudden_hardship",
        "突发严重困难户",
        "乡村振兴",
        ("突发严重困难人口", "突发严重困难", "突发严重困难家庭"),
    ),
    Category(
        "lifted_poverty",
        "脱贫人口（建档立卡）",
        "乡村振兴",
        ("脱贫人口", "建档立卡脱贫人口", "建档立卡", "脱贫户", "脱贫家庭"),
    ),
    Category(
        "severe_disability",
        "重度残疾人（一、二级）",
        "残联",
        ("重度残疾人", "重度残疾", "城乡重度残疾人员", "重度（1~2级）残疾人员", "一二级残疾人"),
    ),
    Category(
        "key_veteran", "重点优抚对象", "退役军人事务", ("优抚对象", "在乡重点优抚对象", "重点优抚")
    ),
    Category(
        "severe_illness",
        "重症病人",
        "医保",
        ("重病患者", "因病致贫重病患者", "因病致贫家庭重病患者", "重特大疾病患者"),
    ),
)
CATEGORY_BY_CODE = {c.code: c for c in CATEGORIES}


_FOLDED = re.compile(r"[\s()（）\[\]【】]")


def _fold(text: str) -> str:
    s = unicodedata.normalize("NFKC", text)
    s = _FOLDED.sub("", s)
    return s.replace("~", "-").replace("～", "-").replace("至", "-")


_ALIASES: dict[str, str] = {}
for _c in CATEGORIES:
    for _name in (_c.code, _c.label, *_c.aliases):
        _ALIASES[_fold(_name)] = _c.code
# Codes seen in 医保 exports ("特困人员-7131") carry a numeric suffix; strip it before lookup.
_SUFFIX = re.compile(r"[-_]?\d{3,}$")


def category_of(text: object) -> str | None:
    """Map a category as written in a department list to its code; None if not recognised."""
    if text is None:
        return None
    s = _SUFFIX.sub("", _fold(str(text)))
    if not s:
        return None
    if s in _ALIASES:
        return _ALIASES[s]
    # "民政城乡低保对象", "农村特困供养人员": take the longest alias contained in the text.
    best = max((a for a in _ALIASES if len(a) >= 2 and a in s), key=len, default=None)
    return _ALIASES[best] if best else None


def categories_in(text: object) -> list[str]:
    """All categories named in a cell like "低保、重度残疾" (several, separated by 、,;/ )."""
    if not text:  # most rows of a roll name no category
        return []
    found: list[str] = []
    for part in re.split(r"[、,，;；/|\s]+", str(text)):
        code = category_of(part)
        if code and code not in found:
            found.append(code)
    return found


_FINANCIAL = str.maketrans("壹贰貳叁參肆", "一二二三三四")


def severe_disability_grade(text: object) -> bool | None:
    """True for 一级/二级 (1/2), False for 三级/四级, None when no grade can be read."""
    if text is None:
        return None
    # 残联 lists also write grades in financial numerals (壹级 … 肆级), the way amounts are written.
    s = _fold(str(text)).translate(_FINANCIAL)
    if not s:
        return None
    m = re.search(r"([一二三四1-4])", s)
    if not m:
        return None
    return m.group(1) in "一二12"


COVERAGE_KINDS: dict[str, str] = {
    "resident": "本村居民医保",
    "employee": "职工医保",
    "elsewhere": "异地参保",
    "school": "学校参保",
    "military": "服役",
    "deceased": "死亡",
    "moved_out": "迁出",
}
# Kinds outside the denominator of the rate unless the policy counts them as enrolled.
OUTSIDE_KINDS = ("employee", "elsewhere", "military")
GONE_KINDS = ("deceased", "moved_out")

STATES: dict[str, str] = {
    "paid": "已缴费",
    "subsidized": "全额资助",
    "newborn_exempt": "新生儿免缴",
    "school": "学校参保",
    "unpaid": "未缴费",
    "employee": "职工医保",
    "elsewhere": "异地参保",
    "military": "服役",
    "deceased": "死亡",
    "moved_out": "迁出",
}

UNPAID_REASONS: tuple[str, ...] = (
    "长期外出/联系不上",
    "人户分离/情况不明",
    "经济困难/交不起",
    "不愿参保",
    "拒缴",
    "新生儿未办理",
    "断保",
    "服刑",
    "出国(境)定居",
    "重复参保待清理",
    "待核实",
    "其他",
)

CHANNELS: tuple[str, ...] = (
    "微信",
    "支付宝",
    "豫事办",
    "税务APP",
    "电子税务局",
    "银行柜台",
    "村代办点",
    "资助代缴",
    "其他",
)

RELATIONS: tuple[str, ...] = (
    "户主",
    "配偶",
    "子",
    "女",
    "儿媳",
    "女婿",
    "父亲",
    "母亲",
    "孙子",
    "孙女",
    "外孙子",
    "外孙女",
    "祖父",
    "祖母",
    "兄弟姐妹",
    "其他",
)
_RELATION_ALIASES = {
    "本人": "户主",
    "户主本人": "户主",
    "妻": "配偶",
    "妻子": "配偶",
    "丈夫": "配偶",
    "夫": "配偶",
    "之妻": "配偶",
    "之夫": "配偶",
    "儿子": "子",
    "长子": "子",
    "次子": "子",
    "三子": "子",
    "之子": "子",
    "女儿": "女",
    "长女": "女",
    "次女": "女",
    "三女": "女",
    "之女": "女",
    "父": "父亲",
    "母": "母亲",
    "孙": "孙子",
    "兄": "兄弟姐妹",
    "弟": "兄弟姐妹",
    "姐": "兄弟姐妹",
    "妹": "兄弟姐妹",
    "哥哥": "兄弟姐妹",
    "弟弟": "兄弟姐妹",
    "姐姐": "兄弟姐妹",
    "妹妹": "兄弟姐妹",
    "媳": "儿媳",
    "儿媳妇": "儿媳",
}


def relation_of(text: object) -> str:
    """Map a relation as written to the fixed list; anything unknown becomes 其他."""
    s = _fold("" if text is None else str(text))
    if s in RELATIONS:
        return s
    return _RELATION_ALIASES.get(s, "其他" if s else "")


_NUMERALS = {
    "零": 0,
    "〇": 0,
    "一": 1,
    "二": 2,
    "两": 2,
    "三": 3,
    "四": 4,
    "五": 5,
    "六": 6,
    "七": 7,
    "八": 8,
    "九": 9,
}


def _chinese_number(s: str) -> int | None:
    """一 … 九十九 → int; None if `s` is not such a numeral."""
    if not s or any(ch not in _NUMERALS and ch != "十" for ch in s):
        return None
    if "十" not in s:
        value = 0
        for ch in s:
            value = value * 10 + _NUMERALS[ch]
        return value
    tens, _, ones = s.partition("十")
    return (_NUMERALS[tens] if tens else 1) * 10 + (_NUMERALS[ones] if ones else 0)


def group_sort_key(name: str) -> tuple:
    """村民小组 in their natural order: 一组, 二组, … 十一组, 3组 by number; unnamed groups last."""
    s = unicodedata.normalize("NFKC", name or "").strip()
    if not s:
        return (2, 0, "")
    m = re.match(r"^第?(\d+|[零〇一二两三四五六七八九十]+)", s)
    if m:
        token = m.group(1)
        number = int(token) if token.isdigit() else _chinese_number(token)
        if number is not None:
            return (0, number, s)
    return (1, 0, s)
