"""The domain core, store, imports, exports and CLI never import Qt: only enrollagent/ui may."""

import ast
from pathlib import Path

PACKAGE = Path(__file__).resolve().parent.parent / "enrollagent"


def test_qt_only_below_ui():
    offenders = []
    for path in PACKAGE.rglob("*.py"):
        if path.relative_to(PACKAGE).parts[0] in ("ui", "tools"):
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            names = (
                [a.name for a in node.names]
                if isinstance(node, ast.Import)
                else ([node.module or ""] if isinstance(node, ast.ImportFrom) else [])
            )
            if any(n.split(".")[0] in ("PySide6", "shiboken6") for n in names):
                offenders.append(str(path.relative_to(PACKAGE)))
    assert offenders == []
