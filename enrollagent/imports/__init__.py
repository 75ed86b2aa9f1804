"""Imports: read a roll sheet, a department list or tax payment details into the village store."""

from .columns import ALIASES, FIELD_LABELS
from .engine import ALIASES_SETTING, KINDS, detect_columns, run_import
from .job import ImportReport

__all__ = [
    "ALIASES",
    "ALIASES_SETTING",
    "FIELD_LABELS",
    "KINDS",
    "ImportReport",
    "detect_columns",
    "run_import",
]
