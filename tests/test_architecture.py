"""The walls of the house: the core never imports Qt or the UI."""

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
FORBIDDEN = ("PySide6", "PyQt5", "PyQt6", "shiboken6", "ui")


def imported_modules(path: Path) -> set[str]:
    tree = ast.parse(path.read_text("utf-8"))
    names = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module)
    return names


def test_core_never_imports_qt_or_ui():
    offenders = []
    for path in (ROOT / "kb").rglob("*.py"):
        for name in imported_modules(path):
            if name.split(".")[0] in FORBIDDEN:
                offenders.append(f"{path.relative_to(ROOT)} imports {name}")
    assert offenders == []


def test_ui_holds_no_sql():
    offenders = []
    for path in (ROOT / "ui").rglob("*.py"):
        text = path.read_text("utf-8")
        for needle in ("sqlite3", "sqlite_utils", ".execute("):
            if needle in text:
                offenders.append(f"{path.relative_to(ROOT)} uses {needle}")
    assert offenders == []
