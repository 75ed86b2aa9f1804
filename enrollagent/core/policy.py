"""The policy of a coverage year: load and validate the JSON format, presets, payable per person."""

from __future__ import annotations

import json
import math
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field, replace
from datetime import date
from pathlib import Path

from ..errors import EnrollError, message_text
from ..paths import resource_dir
from .money import MAX_YUAN, yuan
from .vocab import CATEGORY_BY_CODE, OUTSIDE_KINDS

# 国办发〔2024〕38号 names these groups (新生儿、农村低收入人口等特殊群体) as having no waiting period;
# a county may list others in its policy.
LOW_INCOME = (
    "extreme_poverty",
    "minimum_living",
    "low_income_edge",
    "orphan",
    "returned_poverty",
    "unstable",
    "marginal",
    "sudden_hardship",
)


@dataclass(frozen=True)
class Subsidy:
    kind: str  # full | fixed | percent | none (decided: no subsidy) | pending (待定: not decided)
    amount_fen: int = 0  # fixed
    percent: float = 0  # percent of the standard

    def fen(self, standard_fen: int) -> int:
        if self.kind == "full":
            return standard_fen
        if self.kind == "fixed":
            return min(self.amount_fen, standard_fen)
        if self.kind == "percent":
            # Half-up rounding to the fen: 90% of 350 yuan is exactly 315.
            return min(standard_fen, int(standard_fen * self.percent / 100 + 0.5))
        return 0

    def to_json(self) -> dict:
        if self.kind == "fixed":
            return {"kind": "fixed", "amount": yuan(self.amount_fen)}
        if self.kind == "percent":
            return {"kind": "percent", "value": self.percent}
        return {"kind": self.kind}


@dataclass(frozen=True)
class LongTerm:
    """The terms of 国办发〔2024〕38号 (参保长效机制) as a county applies them; national defaults."""

    fixed_months: int = 3  # enrolling after the window or after a gap
    gap_months_per_year: int = 1  # more for each year without cover …
    gap_counted_from: int = 1  # … counted from this year of the gap (a county may say the 2nd)
    repair_months_per_year: int = 1  # less for each missed year paid back (缴费修复)
    floor_months: int = 6  # the least in all, after repairs …
    floor_after_gap_years: int = 4  # … for whoever was without cover this many years or more
    newborn_days: int = 90  # a child born this many days before the year or later is a newborn
    employee_grace_months: int = 3  # from 职工医保 within this many months of its end: none
    exempt_categories: tuple[str, ...] = LOW_INCOME
    bonus_after_years: int = 4  # continuous years before the 大病保险 cap starts to rise
    bonus_per_year_fen: int = 100_000  # the rise per further year (at least 1,000 yuan)
    bonus_ceiling_percent: int = 20  # the rise in all at most this share of the cap
    major_illness_cap_fen: int = 0  # the province's 大病保险 cap, when the county states it

    def to_json(self) -> dict:
        return {
            "fixed_months": self.fixed_months,
            "gap_months_per_year": self.gap_months_per_year,
            "gap_counted_from": self.gap_counted_from,
            "repair_months_per_year": self.repair_months_per_year,
            "floor_months": self.floor_months,
            "floor_after_gap_years": self.floor_after_gap_years,
            "newborn_days": self.newborn_days,
            "employee_grace_months": self.employee_grace_months,
            "exempt_categories": list(self.exempt_categories),
            "bonus_after_years": self.bonus_after_years,
            "bonus_per_year": yuan(self.bonus_per_year_fen),
            "bonus_ceiling_percent": self.bonus_ceiling_percent,
            "major_illness_cap": yuan(self.major_illness_cap_fen),
        }


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
    long_term: LongTerm = LongTerm()
    source: str = ""  # where the numbers come from: the county's notice

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

    @property
    def pending(self) -> tuple[str, ...]:
        """Categories whose subsidy the county has not decided yet (资助政策待定)."""
        return tuple(c for c, s in self.subsidies.items() if s.kind == "pending")

    def window_days_left(self, today: date) -> int:
        """Calendar days left in the collection window, counting today; 0 once it has closed."""
        if today > self.window_end:
            return 0
        return (self.window_end - max(today, self.window_start)).days + 1

    def in_window(self, day: date) -> bool:
        return self.window_start <= day <= self.window_end

    def is_collection_day(self, today: date) -> bool:
        if not self.in_window(today):
            return False
        if self.days_of_month:
            return self.days_of_month[0] <= today.day <= self.days_of_month[1]
        return True

    def for_year(self, year: int) -> Policy:
        """The same terms moved to another coverage year: the window and the newborn date move by
        as many years. A starting point for a new year's policy, to be checked and edited."""
        shift = year - self.year
        newborn = self.newborn_exempt_from
        return replace(
            self,
            # "2023年集中征缴（2024年度待遇）" moves as the dates do.
            name=_YEAR_IN_TEXT.sub(lambda m: str(int(m.group(0)) + shift), self.name),
            year=year,
            window_start=_plus_years(self.window_start, shift),
            window_end=_plus_years(self.window_end, shift),
            newborn_exempt_from=_plus_years(newborn, shift) if newborn else None,
        )

    def to_json(self) -> dict:
        window: dict = {"start": self.window_start.isoformat(), "end": self.window_end.isoformat()}
        if self.days_of_month:
            window["days_of_month"] = list(self.days_of_month)
        out: dict = {
            "name": self.name,
            "year": self.year,
            "standard": yuan(self.standard_fen),
            "government_subsidy": yuan(self.government_subsidy_fen),
            "window": window,
        }
        if self.newborn_exempt_from:
            out["newborn_exempt_from"] = self.newborn_exempt_from.isoformat()
        out["subsidies"] = {code: s.to_json() for code, s in self.subsidies.items()}
        if self.count_as_enrolled:
            out["count_as_enrolled"] = list(self.count_as_enrolled)
        out["long_term"] = self.long_term.to_json()
        if self.source:
            out["source"] = self.source
        return out


_YEAR_IN_TEXT = re.compile(r"(?<!\d)(?:19|20)\d\d(?!\d)")
_COVERAGE_YEAR_IN_TEXT = re.compile(r"((?:19|20)\d\d)\s*年度")


def _plus_years(d: date, years: int) -> date:
    try:
        return d.replace(year=d.year + years)
    except ValueError:  # 29 February into a common year
        return d.replace(year=d.year + years, day=28)


# What each field is called on screen; a file's mistakes name the JSON key as well.
FIELD_LABELS = {
    "name": "政策名称",
    "year": "参保年度",
    "standard": "个人缴费标准",
    "government_subsidy": "财政补助",
    "window": "征缴期",
    "window.start": "征缴期开始日",
    "window.end": "征缴期截止日",
    "window.days_of_month": "每月收缴日",
    "newborn_exempt_from": "新生儿免缴起始日",
    "subsidies": "各类人员资助",
    "count_as_enrolled": "计为已参保的类别",
    "long_term": "长效机制",
    "long_term.fixed_months": "固定待遇等待期（月）",
    "long_term.gap_months_per_year": "每断保1年增加（月）",
    "long_term.gap_counted_from": "断保从第几年起计",
    "long_term.repair_months_per_year": "每修复1年减少（月）",
    "long_term.floor_months": "修复后最少（月）",
    "long_term.floor_after_gap_years": "断保几年及以上适用最少月数",
    "long_term.newborn_days": "新生儿（出生后天数）",
    "long_term.employee_grace_months": "职工医保中断后几个月内参保无等待期",
    "long_term.exempt_categories": "不设等待期的类别",
    "long_term.bonus_after_years": "连续参保几年后提高大病保险限额",
    "long_term.bonus_per_year": "每多连续参保1年提高（元）",
    "long_term.bonus_ceiling_percent": "提高总额上限（占限额%）",
    "long_term.major_illness_cap": "大病保险最高支付限额（元，0 为未定）",
    "source": "政策依据",
}


def field_label(key: str) -> str:
    if key.startswith("subsidies."):
        category = CATEGORY_BY_CODE.get(key.split(".")[1])
        return f"{category.label}的资助" if category else key
    return FIELD_LABELS.get(key, key)


class _FieldError(Exception):
    """One field's mistake: its key (for the form to mark) and its problem (worded once)."""

    def __init__(self, key: str, problem: str, **params: object) -> None:
        super().__init__(problem)
        self.key, self.problem, self.params = key, problem, params

    @property
    def text(self) -> str:
        return message_text(self.problem, {"field": field_label(self.key), **self.params})

    def error(self) -> EnrollError:
        """As a file's mistake: the sentence names the JSON key too, for whoever edits the file."""
        where = f"（{self.key}）" if field_label(self.key) != self.key else ""
        return EnrollError(
            "policy_invalid",
            problem=self.problem,
            key=self.key,
            detail=self.text + where,
            **self.params,
        )


def yuan_to_fen(value: object, what: str) -> int:
    """A yuan amount in fen, `what` naming it in the refusal (EnrollError policy_invalid)."""
    try:
        return _fen(value, what)
    except _FieldError as e:
        raise e.error() from None


# A province's 大病保险 cap is some hundred thousand yuan (河南: 40万), far above a premium.
MAX_CAP_YUAN = 10_000_000


def _fen(value: object, what: str, most: int = MAX_YUAN) -> int:
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        raise _FieldError(what, "policy_amount_type")
    if not math.isfinite(value) or value > most:
        raise _FieldError(what, "policy_amount_size")
    if value < 0:
        raise _FieldError(what, "policy_amount_negative")
    fen = round(value * 100)
    if abs(fen - value * 100) > 1e-6:
        raise _FieldError(what, "policy_amount_decimals")
    return fen


def _date(value: object, key: str) -> date:
    try:
        return date.fromisoformat(str(value))
    except ValueError:
        raise _FieldError(key, "policy_date", value=value) from None


def _parse_standard(data: dict) -> int:
    standard = _fen(_required(data, "standard"), "standard")
    if standard == 0:
        raise _FieldError("standard", "policy_standard_zero")
    return standard


def _required(data: dict, key: str) -> object:
    if key not in data:
        raise _FieldError(key, "policy_field_missing")
    return data[key]


# Each field of a policy with its parser, in the order of the file: the first mistake is the one a
# file reports, and a form shows each on its own field.
_PARSERS: tuple[tuple[str, Callable[[dict], object]], ...] = (
    ("name", lambda d: _name(_required(d, "name"))),
    ("year", lambda d: _year(_required(d, "year"))),
    ("standard_fen", _parse_standard),
    (
        "government_subsidy_fen",
        lambda d: _fen(d.get("government_subsidy", 0), "government_subsidy"),
    ),
    ("window", lambda d: _window(_required(d, "window"))),
    (
        "newborn_exempt_from",
        lambda d: (
            _date(d["newborn_exempt_from"], "newborn_exempt_from")
            if d.get("newborn_exempt_from")
            else None
        ),
    ),
    ("subsidies", lambda d: _subsidies(_required(d, "subsidies"))),
    ("count_as_enrolled", lambda d: _counted(d.get("count_as_enrolled", []))),
    ("long_term", lambda d: _long_term(d.get("long_term", {}))),
    ("source", lambda d: str(d.get("source", "")).strip()),
)


def policy_from_json(data: object) -> Policy:
    """Validate a decoded policy object; the error names the first wrong field in Chinese."""
    try:
        return _build(data)
    except _FieldError as e:
        raise e.error() from None


def _build(data: object) -> Policy:
    if not isinstance(data, dict):
        raise _FieldError("", "policy_not_object")
    values = {attr: parse(data) for attr, parse in _PARSERS}
    window: tuple[date, date, tuple[int, int] | None] = values.pop("window")  # type: ignore[assignment]
    return Policy(
        window_start=window[0],
        window_end=window[1],
        days_of_month=window[2],
        **values,  # type: ignore[arg-type]
    )


def policy_problems(data: dict, *, today: date | None = None) -> dict[str, str]:
    """Every mistake and gap of a policy a person is making (the wizard, 设置, a new year), by
    field key: each parser on its own, then what a policy must be before it governs a year (a
    window that fits the year, every subsidy decided, no other year in its name)."""
    problems: dict[str, str] = {}
    for _attr, parse in _PARSERS:
        try:
            parse(data)
        except _FieldError as e:
            problems.setdefault(e.key, e.text)
    if problems:
        return problems
    return {e.key: e.text for e in _gaps(_build(data))}


def require_complete(policy: Policy) -> Policy:
    """Refuse a policy that cannot govern a year yet (see policy_problems)."""
    gaps = _gaps(policy)
    if gaps:
        raise EnrollError("policy_incomplete", detail=gaps[0].text, key=gaps[0].key)
    return policy


def _gaps(policy: Policy) -> list[_FieldError]:
    gaps = []
    year = policy.year
    earliest, latest = date(year - 2, 10, 1), date(year, 12, 31)  # about 15 months before
    if policy.window_end > latest:
        gaps.append(_FieldError("window.end", "policy_window_late", year=year, latest=latest))
    if policy.window_start < earliest:
        gaps.append(
            _FieldError("window.start", "policy_window_early", year=year, earliest=earliest)
        )
    gaps.extend(
        _FieldError(f"subsidies.{code}", "policy_subsidy_pending") for code in policy.pending
    )
    # A name may say the coverage year, and the year before (the collection's), nothing else;
    # "NNNN年度" is always the coverage year.
    other = {y for y in _YEAR_IN_TEXT.findall(policy.name) if y not in (str(year), str(year - 1))}
    other |= {y for y in _COVERAGE_YEAR_IN_TEXT.findall(policy.name) if y != str(year)}
    if other:
        gaps.append(
            _FieldError("name", "policy_name_year", other="、".join(sorted(other)), year=year)
        )
    return gaps


def _name(name: object) -> str:
    if not isinstance(name, str) or not name.strip():
        raise _FieldError("name", "policy_name")
    return name.strip()


def _year(year: object) -> int:
    if isinstance(year, bool) or not isinstance(year, int) or not 2000 <= year <= 2100:
        raise _FieldError("year", "policy_year", value=year)
    return year


def _window(window: object) -> tuple[date, date, tuple[int, int] | None]:
    if not isinstance(window, dict) or "start" not in window or "end" not in window:
        raise _FieldError("window", "policy_window")
    start, end = _date(window["start"], "window.start"), _date(window["end"], "window.end")
    if end < start:
        raise _FieldError("window.end", "policy_window_order")
    days = window.get("days_of_month")
    if days is None:
        return start, end, None
    if (
        not isinstance(days, list)
        or len(days) != 2
        or not all(isinstance(d, int) and not isinstance(d, bool) and 1 <= d <= 31 for d in days)
        or days[0] > days[1]
    ):
        raise _FieldError("window.days_of_month", "policy_days_of_month")
    return start, end, (days[0], days[1])


def _subsidies(subsidies: object) -> dict[str, Subsidy]:
    if not isinstance(subsidies, dict):
        raise _FieldError("subsidies", "policy_subsidies")
    return {code: _subsidy(code, spec) for code, spec in subsidies.items()}


SUBSIDY_KINDS = ("full", "fixed", "percent", "none", "pending")


def _subsidy(code: str, spec: object) -> Subsidy:
    key = f"subsidies.{code}"
    if code not in CATEGORY_BY_CODE:
        raise _FieldError(key, "policy_category", category=code, known="、".join(CATEGORY_BY_CODE))
    if not isinstance(spec, dict) or spec.get("kind") not in SUBSIDY_KINDS:
        raise _FieldError(key, "policy_subsidy_kind")
    kind = spec["kind"]
    if kind == "fixed":
        amount = spec.get("amount")
        if amount is None or amount == "":
            raise _FieldError(key, "policy_subsidy_amount")
        fen = _fen(amount, key)
        if fen == 0:
            raise _FieldError(key, "policy_subsidy_amount")
        return Subsidy("fixed", amount_fen=fen)
    if kind == "percent":
        value = spec.get("value")
        if isinstance(value, bool) or not isinstance(value, (int, float)) or not 0 < value <= 100:
            raise _FieldError(key, "policy_subsidy_percent")
        return Subsidy("percent", percent=value)
    return Subsidy(kind)


def _counted(kinds: object) -> tuple[str, ...]:
    if not isinstance(kinds, list) or any(k not in OUTSIDE_KINDS for k in kinds):
        raise _FieldError(
            "count_as_enrolled", "policy_count_as_enrolled", known="、".join(OUTSIDE_KINDS)
        )
    return tuple(kinds)


_MONTHS_FIELDS = (
    "fixed_months",
    "gap_months_per_year",
    "gap_counted_from",
    "repair_months_per_year",
    "floor_months",
    "floor_after_gap_years",
    "newborn_days",
    "employee_grace_months",
    "bonus_after_years",
    "bonus_ceiling_percent",
)


def _long_term(data: object) -> LongTerm:
    """The long-term terms; a field left out keeps the national default (a policy saved before
    these terms existed reads as the national rule)."""
    if not isinstance(data, dict):
        raise _FieldError("long_term", "policy_long_term")
    values: dict[str, object] = {}
    for name in _MONTHS_FIELDS:
        if name in data:
            value = data[name]
            most = 366 if name == "newborn_days" else 100
            if isinstance(value, bool) or not isinstance(value, int) or not 0 <= value <= most:
                raise _FieldError(f"long_term.{name}", "policy_whole_number", most=most)
            values[name] = value
    if values.get("gap_counted_from") == 0:
        raise _FieldError("long_term.gap_counted_from", "policy_whole_number", most=100)
    for name, attr, most in (
        ("bonus_per_year", "bonus_per_year_fen", MAX_YUAN),
        ("major_illness_cap", "major_illness_cap_fen", MAX_CAP_YUAN),
    ):
        if name in data:
            values[attr] = _fen(data[name], f"long_term.{name}", most)
    if "exempt_categories" in data:
        codes = data["exempt_categories"]
        if not isinstance(codes, list) or any(c not in CATEGORY_BY_CODE for c in codes):
            raise _FieldError(
                "long_term.exempt_categories",
                "policy_exempt_categories",
                known="、".join(CATEGORY_BY_CODE),
            )
        values["exempt_categories"] = tuple(codes)
    return LongTerm(**values)  # type: ignore[arg-type]


def policy_from_text(text: str) -> Policy:
    try:
        data = json.loads(text)
    except json.JSONDecodeError as e:
        raise _FieldError("", "policy_json", line=e.lineno, column=e.colno).error() from None
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
            raise _FieldError("", "policy_unreadable", path=spec, reason=str(e)).error() from None
        return policy_from_text(text)
    raise EnrollError(
        "policy_unknown",
        name=spec,
        known="、".join(p.stem for p in sorted(presets_dir().glob("*.json"))),
    )
