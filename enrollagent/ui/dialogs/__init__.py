"""Dialogs for households and persons: add, edit, move, coverage, unpaid reason."""
