"""The imports package's modules import one another in one direction: no circle, not even a lazy
import inside a function (engine once imported the importers lazily because they imported it)."""

from __future__ import annotations

import ast
from pathlib import Path

PACKAGE = Path(__file__).resolve().parent.parent / "enrollagent" / "imports"


def _imports_within_package() -> dict[str, set[str]]:
    """module → the modules of the package it imports, anywhere in its source."""
    graph: dict[str, set[str]] = {}
    for path in PACKAGE.glob("*.py"):
        found: set[str] = set()
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ImportFrom) and node.level == 1:
                if node.module:
                    found.add(node.module.split(".")[0])
                else:  # from . import messages
                    found.update(a.name for a in node.names)
        graph[path.stem] = found - {path.stem}
    return graph


def _circle(graph: dict[str, set[str]]) -> list[str]:
    """One circle of imports, or [] when there is none."""
    done: set[str] = set()

    def visit(module: str, path: list[str]) -> list[str]:
        if module in path:
            return path[path.index(module) :] + [module]
        if module in done:
            return []
        for target in sorted(graph.get(module, ())):
            circle = visit(target, path + [module])
            if circle:
                return circle
        done.add(module)
        return []

    for module in sorted(graph):
        circle = visit(module, [])
        if circle:
            return circle
    return []


def test_no_import_circle_in_the_imports_package():
    graph = _imports_within_package()
    assert {"roster", "groups", "payments"} <= graph["engine"]
    assert _circle(graph) == []


def test_the_circle_finder_finds_one():
    assert _circle({"a": {"b"}, "b": {"c"}, "c": {"a"}}) == ["a", "b", "c", "a"]
