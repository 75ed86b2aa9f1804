"""Opening the SQLite store and migrating its schema; no domain rules."""

from .store import SCHEMA_VERSION, db_file, open_database

__all__ = ["SCHEMA_VERSION", "db_file", "open_database"]
