"""Sub-commands of this feature (filled in by its issue)."""

import argparse


def register(sub: argparse._SubParsersAction) -> None:
    """No sub-commands yet."""
