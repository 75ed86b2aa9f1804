"""The policy of a coverage year: load and validate the JSON format, presets, payable per person."""

from __future__ import annotations

import json
import math
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from ..errors import EnrollError
from ..paths import resource_dir
from .vocab import CATEGORY_BY_CODE, OUTSIDE_KINDS


@dataclass(frozen=True)
class Subsidy:
    kind: str  # full | fixed | percent
    amount_fen: int = 0  # fixed
    percent: float = 0  # percent of the standard

    def fen(self, standard_fen: int) -> int:
        if self.kind == "full":
            return standard_fen
        if self.kind == "fixed":
            return min(self.amount_fen, standard_fen)
        # Half-up rounding to the fen: 90% of 350 yuan is exactly 315.
        return min(standard_fen, int(standard_fen * self.percent / 100 + 0.5))

    def to_json(self) -> dict:
        if self.kind == "full":
            return {"kind": "full"}
        if self.kind == "fixed":
            return {"kind": "fixed", "amount": _yuan(self.amount_fen)}
        return {"kind": "percent", "value": self.percent}


@dataclass(frozen=True)
class Policy:
    name: str
    year: int
    standard_fen: int
    government_subsidy_fen: int
    window_start: date
    window_end: date
    days_of_month: tuple[int, int] | None = None
    newborn_exempt_from: date | None = None
    subsidies: dict[str, Subsidy] = field(default_factory=dict)
    count_as_enrolled: tuple[str, ...] = ()  # coverage kinds moved from "outside" to "enrolled"

    def subsidy_fen(self, categories: Iterable[str]) -> int:
        """The largest single subsidy among the categories: subsidies never stack."""
        return max(
            (self.subsidies[c].fen(self.standard_fen) for c in categories if c in self.subsidies),
            default=0,
        )

    def payable_fen(self, categories: Iterable[str], birth_date: date | None = None) -> int:
        if self.is_newborn_exempt(birth_date):
            return 0
        return max(0, self.standard_fen - self.subsidy_fen(categories))

    def is_newborn_exempt(self, birth_date: date | None) -> bool:
        return bool(
            self.newborn_exempt_from and birth_date and birth_date >= self.newborn_exempt_from
        )

    def window_days_left(self, today: date) -> int:
        """Calendar days left in the collection window, counting today; 0 once it has closed."""
        if today > self.window_end:
            return 0
        return (self.window_end - max(today, self.window_start)).days + 1

    def is_collection_day(self, today: date) -> bool:
        if not self.window_start <= today <= self.window_end:
            return False
        if self.days_of_month:
            return self.days_of_month[0] <= today.day <= self.days_of_month[1]
        return True

    def to_json(self) -> dict:
        window: dict = {"start": self.window_start.isoformat(), "end": self.window_end.isoformat()}
        if self.days_of_month:
            window["days_of_month"] = list(self.days_of_month)
        out: dict = {
            "name": self.name,
            "year": self.year,
            "standard": _yuan(self.standard_fen),
            "government_subsidy": _yuan(self.government_subsidy_fen),
            "window": window,
        }
        if self.newborn_exempt_from:
            out["newborn_exempt_from"] = self.newborn_exempt_from.isoformat()
        out["subsidies"] = {code: s.to_json() for code, s in self.subsidies.items()}
        if self.count_as_enrolled:
            out["count_as_enrolled"] = list(self.count_as_enrolled)
        return out


def _yuan(fen: int) -> int | float:
    return fen // 100 if fen % 100 == 0 else fen / 100


MAX_POLICY_YUAN = 100_000  # a year's standard is a few hundred yuan


def yuan_to_fen(value: object, what: str) -> int:
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        raise _bad(f"{what} 应为数字（元）")
    if not math.isfinite(value) or value > MAX_POLICY_YUAN:
        raise _bad(f"{what} 不是合理的金额")
    if value < 0:
        raise _bad(f"{what} 不能为负数")
    fen = round(value * 100)
    if abs(fen - value * 100) > 1e-6:
        raise _bad(f"{what} 最多两位小数")
    return fen


def _bad(detail: str) -> EnrollError:
    return EnrollError("policy_invalid", detail=detail)


def _date(value: object, what: str) -> date:
    try:
        return date.fromisoformat(str(value))
    except ValueError:
        raise _bad(f"{what} 应为日期，如 2023-09-10，现为“{value}”") from None


def policy_from_json(data: object) -> Policy:
    """Validate a decoded policy object; every error names the field in Chinese."""
    if not isinstance(data, dict):
        raise _bad("顶层应为一个对象 {…}")
    for key in ("name", "year", "standard", "window", "subsidies"):
        if key not in data:
            raise _bad(f"缺少字段 {key}")
    name = data["name"]
    if not isinstance(name, str) or not name.strip():
        raise _bad("name 应为非空文字")
    year = data["year"]
    if isinstance(year, bool) or not isinstance(year, int) or not 2000 <= year <= 2100:
        raise _bad(f"year 应为2000到2100之间的年份，现为“{year}”")
    standard = yuan_to_fen(data["standard"], "standard（个人缴费标准）")
    if standard == 0:
        raise _bad("standard（个人缴费标准）应大于0")
    gov = yuan_to_fen(data.get("government_subsidy", 0), "government_subsidy（财政补助）")
    window = data["window"]
    if not isinstance(window, dict) or "start" not in window or "end" not in window:
        raise _bad("window 应包含 start 和 end")
    start, end = _date(window["start"], "window.start"), _date(window["end"], "window.end")
    if end < start:
        raise _bad("window.end 早于 window.start")
    dom = window.get("days_of_month")
    if dom is not None:
        if (
            not isinstance(dom, list)
            or len(dom) != 2
            or not all(isinstance(d, int) and not isinstance(d, bool) and 1 <= d <= 31 for d in dom)
            or dom[0] > dom[1]
        ):
            raise _bad("window.days_of_month 应为 [起日, 止日]，如 [1, 25]")
        dom = (dom[0], dom[1])
    newborn = data.get("newborn_exempt_from")
    newborn_date = _date(newborn, "newborn_exempt_from") if newborn else None
    subs_in = data["subsidies"]
    if not isinstance(subs_in, dict):
        raise _bad('subsidies 应为对象，如 {"extreme_poverty": {"kind": "full"}}')
    subsidies: dict[str, Subsidy] = {}
    for code, spec in subs_in.items():
        if code not in CATEGORY_BY_CODE:
            raise _bad(f"subsidies 中的类别 {code} 不认识，可用：{'、'.join(CATEGORY_BY_CODE)}")
        if not isinstance(spec, dict) or spec.get("kind") not in ("full", "fixed", "percent"):
            raise _bad(f"subsidies.{code}.kind 应为 full、fixed 或 percent")
        if spec["kind"] == "full":
            subsidies[code] = Subsidy("full")
        elif spec["kind"] == "fixed":
            if "amount" not in spec:
                raise _bad(f"subsidies.{code} 缺少 amount（资助金额，元）")
            subsidies[code] = Subsidy(
                "fixed", amount_fen=yuan_to_fen(spec["amount"], f"subsidies.{code}.amount")
            )
        else:
            value = spec.get("value")
            if (
                isinstance(value, bool)
                or not isinstance(value, (int, float))
                or not 0 < value <= 100
            ):
                raise _bad(f"subsidies.{code}.value 应为0到100之间的百分比")
            subsidies[code] = Subsidy("percent", percent=value)
    counted = data.get("count_as_enrolled", [])
    if not isinstance(counted, list) or any(k not in OUTSIDE_KINDS for k in counted):
        raise _bad(f"count_as_enrolled 只能包含 {'、'.join(OUTSIDE_KINDS)}")
    return Policy(
        name=name.strip(),
        year=year,
        standard_fen=standard,
        government_subsidy_fen=gov,
        window_start=start,
        window_end=end,
        days_of_month=dom,
        newborn_exempt_from=newborn_date,
        subsidies=subsidies,
        count_as_enrolled=tuple(counted),
    )


def policy_from_text(text: str) -> Policy:
    try:
        data = json.loads(text)
    except json.JSONDecodeError as e:
        raise _bad(f"不是合法的JSON（第{e.lineno}行第{e.colno}列）") from None
    return policy_from_json(data)


def presets_dir() -> Path:
    return resource_dir() / "policies"


def list_presets() -> dict[str, Policy]:
    return {
        p.stem: policy_from_text(p.read_text(encoding="utf-8"))
        for p in sorted(presets_dir().glob("*.json"))
    }


def load_policy(spec: str) -> Policy:
    """A preset name, or a path to a policy JSON file."""
    preset = presets_dir() / f"{spec}.json"
    if "/" not in spec and "\\" not in spec and preset.is_file():
        return policy_from_text(preset.read_text(encoding="utf-8"))
    path = Path(spec)
    if path.suffix.lower() == ".json" or path.exists():
        if not path.is_file():
            raise EnrollError("policy_file_missing", path=spec)
        try:
            text = path.read_text(encoding="utf-8-sig")
        except (OSError, UnicodeDecodeError) as e:
            raise _bad(f"无法读取 {spec}：{e}") from None
        return policy_from_text(text)
    raise EnrollError(
        "policy_unknown",
        name=spec,
        known="、".join(p.stem for p in sorted(presets_dir().glob("*.json"))),
    )
