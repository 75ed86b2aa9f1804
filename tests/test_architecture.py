"""The architecture, held by tests: layers point one way (errors ← db ← core ← imports, exports,
township ← ui, cli), Qt only in ui/, SQL never in ui/ or cli/, no import cycle, no function too
tangled to read, every writer told who acts, and comments that cite documents in the repository.
See docs/architecture.md."""

from __future__ import annotations

import ast
import functools
import re
from pathlib import Path

import pytest
from radon.complexity import cc_visit
from radon.visitors import Function

PACKAGE = Path(__file__).resolve().parent.parent / "enrollagent"
QT = ("PySide6", "shiboken6")

MAX_COMPLEXITY = 20  # radon's cyclomatic complexity; above it a function is rank D or worse
SQL_TEXT = re.compile(
    r"\bSELECT\b.*\bFROM\b"
    r"|\bINSERT\s+(?:OR\s+[A-Z]+\s+)?INTO\b"
    r"|\bUPDATE\b.*\bSET\b"
    r"|\bDELETE\s+FROM\b"
    r"|\bPRAGMA\b"
    r"|\b(?:CREATE|ALTER|DROP)\s+(?:TEMP\s+|UNIQUE\s+)?(?:TABLE|INDEX|VIEW|TRIGGER)\b",
    re.DOTALL,
)


# --- the package as data --------------------------------------------------------------------


@functools.cache
def modules() -> dict[str, Path]:
    """Dotted module name → file, for every module of the package."""
    found = {}
    for path in sorted(PACKAGE.rglob("*.py")):
        parts = list(path.relative_to(PACKAGE.parent).with_suffix("").parts)
        if parts[-1] == "__init__":
            parts.pop()
        found[".".join(parts)] = path
    return found


@functools.cache
def tree(path: Path) -> ast.Module:
    return ast.parse(path.read_text(encoding="utf-8"), filename=str(path))


def rel(path: Path) -> str:
    return path.relative_to(PACKAGE.parent).as_posix()


@functools.cache
def imports_of(module: str) -> dict[str, int]:
    """Every module `module` imports → the line of its first import: at the top, inside
    functions and under TYPE_CHECKING alike. `from pkg import name` counts as importing
    pkg.name when that is a module of the package, else as importing pkg."""
    path = modules()[module]
    package = module if path.name == "__init__.py" else module.rpartition(".")[0]
    found: dict[str, int] = {}
    for node in ast.walk(tree(path)):
        names: list[str] = []
        if isinstance(node, ast.Import):
            names = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                up = package.split(".")[: len(package.split(".")) - (node.level - 1)]
                base = ".".join([*up, *([node.module] if node.module else [])])
            names = [
                f"{base}.{alias.name}" if f"{base}.{alias.name}" in modules() else base
                for alias in node.names
            ]
        for name in names:
            found.setdefault(name, node.lineno)
    return found


def within(name: str, prefixes: tuple[str, ...]) -> bool:
    return any(name == p or name.startswith(p + ".") for p in prefixes)


# --- layers ---------------------------------------------------------------------------------

ABOVE_DB = tuple(
    f"enrollagent.{p}"
    for p in ("core", "imports", "exports", "township", "ui", "cli", "tools", "app")
)
LAYERS = [
    pytest.param(
        ("enrollagent.errors",),
        ("enrollagent",),
        "errors.py is the bottom layer (the message table and EnrollError): it imports nothing "
        "of the package",
        id="errors",
    ),
    pytest.param(
        ("enrollagent.db",),
        ABOVE_DB,
        "db/ is the store and its migrations, beneath the domain: it may import "
        "enrollagent.errors, never core, imports, exports, township, ui, cli, tools or app",
        id="db",
    ),
    pytest.param(
        ("enrollagent.core",),
        (*ABOVE_DB[1:], *QT),
        "core/ is the domain that every face shares: it imports no Qt and nothing of imports, "
        "exports, township, ui, cli, tools or app",
        id="core",
    ),
]


@pytest.mark.parametrize(("layer", "forbidden", "rule"), LAYERS)
def test_layers_point_one_way(layer, forbidden, rule):
    offenders = [
        f"{rel(path)}:{line} imports {name}"
        for module, path in modules().items()
        if within(module, layer)
        for name, line in imports_of(module).items()
        if within(name, forbidden) and not within(name, layer)
    ]
    assert not offenders, f"{rule}:\n  " + "\n  ".join(offenders)


def test_qt_only_below_ui():
    offenders = [
        f"{rel(path)}:{line} imports {name}"
        for module, path in modules().items()
        if not within(module, ("enrollagent.ui", "enrollagent.tools"))
        for name, line in imports_of(module).items()
        if within(name, QT)
    ]
    assert not offenders, (
        "Only enrollagent/ui (and the dev tools) may import Qt: the domain, store, imports, "
        "exports and CLI run without it:\n  " + "\n  ".join(offenders)
    )


# --- SQL stays below the faces --------------------------------------------------------------


def _docstrings(module: ast.Module) -> set[int]:
    ids = set()
    for node in ast.walk(module):
        if isinstance(node, (ast.Module, ast.ClassDef, ast.FunctionDef, ast.AsyncFunctionDef)):
            body = node.body
            if body and isinstance(body[0], ast.Expr) and isinstance(body[0].value, ast.Constant):
                ids.add(id(body[0].value))
    return ids


def string_texts(module: ast.Module) -> list[tuple[int, str]]:
    """(line, text) of every string literal but docstrings; an f-string is one text, its
    replacement fields shown as {}."""
    skip = _docstrings(module)
    texts = []
    for node in ast.walk(module):
        if isinstance(node, ast.JoinedStr):
            parts = [v.value if isinstance(v, ast.Constant) else "{}" for v in node.values]
            texts.append((node.lineno, "".join(str(p) for p in parts)))
            skip.update(id(v) for v in node.values)
        elif (
            isinstance(node, ast.Constant) and isinstance(node.value, str) and id(node) not in skip
        ):
            texts.append((node.lineno, node.value))
    return texts


def test_sql_text_pattern():
    for sql in (
        "SELECT id FROM person",
        "INSERT INTO payment (a) VALUES (?)",
        "INSERT OR IGNORE INTO x VALUES (1)",
        "UPDATE person SET name = ?",
        "DELETE FROM payment",
        "PRAGMA user_version",
        "CREATE TABLE x (a)",
    ):
        assert SQL_TEXT.search(sql), sql
    for text in ("选择 SELECT 一项", "update the set", "Select a file from the list", "已删除"):
        assert not SQL_TEXT.search(text), text


def test_no_sql_in_ui_or_cli():
    offenders = [
        f"{rel(path)}:{line}: {text.strip()[:70]!r}"
        for module, path in modules().items()
        if within(module, ("enrollagent.ui", "enrollagent.cli", "enrollagent.tools"))
        for line, text in sorted(string_texts(tree(path)))
        if SQL_TEXT.search(text)
    ]
    assert not offenders, (
        "SQL in ui/, cli/ or tools/: the faces read and write through core functions (queries, the "
        "write lane), so the GUI and the CLI cannot drift apart:\n  " + "\n  ".join(offenders)
    )


def test_payments_have_one_writer():
    """A person's net of the year is kept by core.payments.write_payments (m007): a payment row
    written anywhere else would leave the figures behind."""
    writes_payment = re.compile(r"(INSERT|REPLACE)\s+(OR\s+\w+\s+)?INTO\s+payment\b", re.I)
    offenders = [
        f"{rel(path)}:{line}"
        for module, path in modules().items()
        if module != "enrollagent.core.payments"
        for line, text in sorted(string_texts(tree(path)))
        if writes_payment.search(text) or text == "payment" and "insert" in _line(path, line)
    ]
    assert not offenders, "payment rows written outside core.payments:\n  " + "\n  ".join(offenders)


def _line(path: Path, line: int) -> str:
    return path.read_text(encoding="utf-8").splitlines()[line - 1]


# --- no import cycle ------------------------------------------------------------------------


def import_graph() -> dict[str, dict[str, int]]:
    """Module → {imported module of the package → line}."""
    return {
        module: {
            name: line
            for name, line in imports_of(module).items()
            if name in modules() and name != module
        }
        for module in modules()
    }


def cycles(graph: dict[str, dict[str, int]]) -> list[list[str]]:
    """One cycle (a → … → a) out of every strongly connected group of modules (Tarjan)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    groups: list[set[str]] = []

    def visit(v: str) -> None:
        index[v] = low[v] = len(index)
        stack.append(v)
        for w in graph[v]:
            if w not in index:
                visit(w)
                low[v] = min(low[v], low[w])
            elif w in stack:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            group = set()
            while True:
                w = stack.pop()
                group.add(w)
                if w == v:
                    break
            if len(group) > 1:
                groups.append(group)

    for v in sorted(graph):
        if v not in index:
            visit(v)
    return [_one_cycle(graph, group) for group in groups]


def _one_cycle(graph: dict[str, dict[str, int]], group: set[str]) -> list[str]:
    start = min(group)
    paths = {start: [start]}
    todo = [start]
    while todo:  # breadth first, so the cycle shown is a shortest one back to start
        v = todo.pop(0)
        for w in sorted(graph[v]):
            if w == start:
                return [*paths[v], start]
            if w in group and w not in paths:
                paths[w] = [*paths[v], w]
                todo.append(w)
    raise AssertionError(f"no cycle through {start}")


def test_cycle_finder():
    graph = {"a": {"b": 1}, "b": {"c": 2}, "c": {"a": 3}, "d": {"a": 4}}
    assert cycles(graph) == [["a", "b", "c", "a"]]
    assert cycles({"a": {"b": 1}, "b": {}}) == []


def test_no_import_cycle():
    graph = import_graph()
    found = cycles(graph)
    lines = []
    for cycle in found:
        lines.append(" → ".join(cycle))
        lines += [
            f"    {rel(modules()[a])}:{graph[a][b]} imports {b}"
            for a, b in zip(cycle, cycle[1:], strict=False)
        ]
    assert not found, (
        "Import cycles (each module's imports counted wherever they stand, inside functions "
        "too): move what both sides need into a module beneath them:\n  " + "\n  ".join(lines)
    )


# --- complexity -----------------------------------------------------------------------------


def measure(source: str, prefix: str) -> dict[str, int]:
    """'prefix.function' (methods as Class.method, closures as outer.inner) → radon's cyclomatic
    complexity, for every function in `source`."""
    found = {}

    def add(name: str, block: Function) -> None:
        found[name] = block.complexity
        for inner in block.closures:
            add(f"{name}.{inner.name}", inner)

    for block in cc_visit(source):
        if isinstance(block, Function):  # methods come as blocks of their own
            add(f"{prefix}.{block.fullname}", block)
    return found


@functools.cache
def complexities() -> dict[str, int]:
    """'core/policy.policy_from_json' → complexity, for every function of the package."""
    found = {}
    for path in modules().values():
        prefix = path.relative_to(PACKAGE).with_suffix("").as_posix()
        found.update(measure(path.read_text(encoding="utf-8"), prefix))
    return found


def test_complexity_counts_methods_and_closures():
    source = (
        "class A:\n"
        "    def m(self, x):\n"
        "        def inner(y):\n"
        "            return 1 if y else 2\n"
        "        return 3 if x else 4\n"
        "def f(a, b):\n"
        "    if a and b:\n"
        "        return 1\n"
    )
    assert measure(source, "pkg/mod") == {"pkg/mod.A.m": 2, "pkg/mod.A.m.inner": 2, "pkg/mod.f": 3}


def test_no_function_too_complex():
    over = {name: cc for name, cc in complexities().items() if cc > MAX_COMPLEXITY}
    assert not over, (
        f"Functions above cyclomatic complexity {MAX_COMPLEXITY} (radon cc -s -n D enrollagent):"
        " split each into small named steps:\n  "
        + "\n  ".join(f"{name}: {cc}" for name, cc in sorted(over.items()))
    )


# --- writers say who acts -------------------------------------------------------------------


def test_actor_has_no_default():
    offenders = []
    for module, path in modules().items():
        if not within(module, ("enrollagent.core", "enrollagent.imports")):
            continue
        for node in ast.walk(tree(path)):
            if not isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.Lambda)):
                continue
            args = node.args
            positional = [*args.posonlyargs, *args.args]
            with_default = positional[len(positional) - len(args.defaults) :] + [
                a for a, d in zip(args.kwonlyargs, args.kw_defaults, strict=True) if d is not None
            ]
            if any(a.arg == "actor" for a in with_default):
                offenders.append(f"{rel(path)}:{node.lineno} {getattr(node, 'name', 'lambda')}")
    assert not offenders, (
        "An `actor` with a default lets a write go into the audit log under a made-up name: "
        "make it a required keyword, so every caller says who acts:\n  " + "\n  ".join(offenders)
    )


# --- documents cited are in the repository ---------------------------------------------------

CITED_DOC = re.compile(r"\bdocs/[\w./-]+\.md\b")
OUTSIDE_DOC = re.compile(r"\b(?:DESIGN|STACK|STYLE)\.md\b|\bresearch/")


def test_cited_documents_are_in_the_repository():
    repo = PACKAGE.parent
    missing, outside = [], []
    for folder in ("enrollagent", "tests", "packaging"):
        for path in sorted((repo / folder).rglob("*")):
            if path.suffix not in (".py", ".sh", ".spec") or path == Path(__file__):
                continue
            for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
                where = f"{path.relative_to(repo).as_posix()}:{n}"
                missing += [
                    f"{where} {doc}"
                    for doc in CITED_DOC.findall(line)
                    if not (repo / doc).is_file()
                ]
                if OUTSIDE_DOC.search(line):
                    outside.append(f"{where}: {line.strip()}")
    assert not missing and not outside, (
        "Comments must cite documents in the repository (docs/domain.md, docs/stack.md, "
        "docs/architecture.md).\n  Not found: "
        + "\n  Not found: ".join(missing or ["-"])
        + "\n  Outside the repository: "
        + "\n  Outside the repository: ".join(outside or ["-"])
    )
