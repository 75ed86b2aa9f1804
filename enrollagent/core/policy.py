"""The policy of a coverage year: load and validate the JSON format, presets, payable per person."""

from __future__ import annotations

import json
import math
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from ..errors import EnrollError, message_text
from ..paths import resource_dir
from .money import MAX_YUAN, yuan
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
            return {"kind": "fixed", "amount": yuan(self.amount_fen)}
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
            "standard": yuan(self.standard_fen),
            "government_subsidy": yuan(self.government_subsidy_fen),
            "window": window,
        }
        if self.newborn_exempt_from:
            out["newborn_exempt_from"] = self.newborn_exempt_from.isoformat()
        out["subsidies"] = {code: s.to_json() for code, s in self.subsidies.items()}
        if self.count_as_enrolled:
            out["count_as_enrolled"] = list(self.count_as_enrolled)
        return out


def yuan_to_fen(value: object, what: str) -> int:
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        raise _bad("policy_amount_type", field=what)
    if not math.isfinite(value) or value > MAX_YUAN:
        raise _bad("policy_amount_size", field=what)
    if value < 0:
        raise _bad("policy_amount_negative", field=what)
    fen = round(value * 100)
    if abs(fen - value * 100) > 1e-6:
        raise _bad("policy_amount_decimals", field=what)
    return fen


def _bad(problem: str, **params: object) -> EnrollError:
    """policy_invalid, its detail worded by the problem's own code: callers and tests can tell the
    mistakes apart by `problem` and its parameters, people read one sentence."""
    detail = message_text(problem, params)
    return EnrollError("policy_invalid", problem=problem, detail=detail, **params)


def _date(value: object, what: str) -> date:
    try:
        return date.fromisoformat(str(value))
    except ValueError:
        raise _bad("policy_date", field=what, value=value) from None


REQUIRED = ("name", "year", "standard", "window", "subsidies")


def policy_from_json(data: object) -> Policy:
    """Validate a decoded policy object; every error names the field in Chinese."""
    if not isinstance(data, dict):
        raise _bad("policy_not_object")
    for key in REQUIRED:
        if key not in data:
            raise _bad("policy_field_missing", field=key)
    # Checked in the order of the file, so the first mistake is the one reported.
    name, year = _name(data["name"]), _year(data["year"])
    standard = yuan_to_fen(data["standard"], "standard（个人缴费标准）")
    if standard == 0:
        raise _bad("policy_standard_zero")
    gov = yuan_to_fen(data.get("government_subsidy", 0), "government_subsidy（财政补助）")
    start, end, days = _window(data["window"])
    newborn = data.get("newborn_exempt_from")
    return Policy(
        name=name,
        year=year,
        standard_fen=standard,
        government_subsidy_fen=gov,
        window_start=start,
        window_end=end,
        days_of_month=days,
        newborn_exempt_from=_date(newborn, "newborn_exempt_from") if newborn else None,
        subsidies=_subsidies(data["subsidies"]),
        count_as_enrolled=_counted(data.get("count_as_enrolled", [])),
    )


def _name(name: object) -> str:
    if not isinstance(name, str) or not name.strip():
        raise _bad("policy_name")
    return name.strip()


def _year(year: object) -> int:
    if isinstance(year, bool) or not isinstance(year, int) or not 2000 <= year <= 2100:
        raise _bad("policy_year", value=year)
    return year


def _window(window: object) -> tuple[date, date, tuple[int, int] | None]:
    if not isinstance(window, dict) or "start" not in window or "end" not in window:
        raise _bad("policy_window")
    start, end = _date(window["start"], "window.start"), _date(window["end"], "window.end")
    if end < start:
        raise _bad("policy_window_order")
    days = window.get("days_of_month")
    if days is None:
        return start, end, None
    if (
        not isinstance(days, list)
        or len(days) != 2
        or not all(isinstance(d, int) and not isinstance(d, bool) and 1 <= d <= 31 for d in days)
        or days[0] > days[1]
    ):
        raise _bad("policy_days_of_month")
    return start, end, (days[0], days[1])


def _subsidies(subsidies: object) -> dict[str, Subsidy]:
    if not isinstance(subsidies, dict):
        raise _bad("policy_subsidies")
    return {code: _subsidy(code, spec) for code, spec in subsidies.items()}


def _subsidy(code: str, spec: object) -> Subsidy:
    if code not in CATEGORY_BY_CODE:
        raise _bad("policy_category", category=code, known="、".join(CATEGORY_BY_CODE))
    if not isinstance(spec, dict) or spec.get("kind") not in ("full", "fixed", "percent"):
        raise _bad("policy_subsidy_kind", category=code)
    if spec["kind"] == "full":
        return Subsidy("full")
    if spec["kind"] == "fixed":
        if "amount" not in spec:
            raise _bad("policy_subsidy_amount", category=code)
        return Subsidy("fixed", amount_fen=yuan_to_fen(spec["amount"], f"subsidies.{code}.amount"))
    value = spec.get("value")
    if isinstance(value, bool) or not isinstance(value, (int, float)) or not 0 < value <= 100:
        raise _bad("policy_subsidy_percent", category=code)
    return Subsidy("percent", percent=value)


def _counted(kinds: object) -> tuple[str, ...]:
    if not isinstance(kinds, list) or any(k not in OUTSIDE_KINDS for k in kinds):
        raise _bad("policy_count_as_enrolled", known="、".join(OUTSIDE_KINDS))
    return tuple(kinds)


def policy_from_text(text: str) -> Policy:
    try:
        data = json.loads(text)
    except json.JSONDecodeError as e:
        raise _bad("policy_json", line=e.lineno, column=e.colno) from None
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
            raise _bad("policy_unreadable", path=spec, reason=str(e)) from None
        return policy_from_text(text)
    raise EnrollError(
        "policy_unknown",
        name=spec,
        known="、".join(p.stem for p in sorted(presets_dir().glob("*.json"))),
    )
