"""Compile the Designer forms in ui/ into csdesk/gui/forms/ui_*.py (pyside6-uic).

Run after editing a .ui file:  python tools/build_forms.py
The generated modules are committed so that neither an install nor a start
needs the uic tool; tests/gui/test_forms.py checks they match the .ui files.
"""

from __future__ import annotations

import ast
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
UI = ROOT / "ui"
OUT = ROOT / "csdesk" / "gui" / "forms"
HEADER = "# Generated from ui/{name} by tools/build_forms.py: edit the .ui file, not this one.\n"


def uic_command() -> list[str]:
    exe = shutil.which("pyside6-uic") or str(Path(sys.executable).with_name("pyside6-uic"))
    return [exe]


def compile_form(ui_file: Path) -> str:
    result = subprocess.run(
        [*uic_command(), str(ui_file)], check=True, capture_output=True, text=True
    )
    return HEADER.format(name=ui_file.name) + only_used_imports(result.stdout)


def only_used_imports(source: str) -> str:
    """Keep only the PySide6 names the form uses in uic's ``from PySide6.X import (...)``.

    uic imports some thirty names whatever the form needs, and PySide6 builds a
    class (and its enums) when its name is first imported: the ``Qt`` namespace
    alone costs ~30 ms, more than a quarter of a bare window's start. A module
    with nothing left to import from PySide6.X keeps no import of it.
    """
    tree = ast.parse(source)
    imports = [
        node
        for node in tree.body
        if isinstance(node, ast.ImportFrom) and (node.module or "").startswith("PySide6.")
    ]
    used = {
        node.id for node in ast.walk(tree) if isinstance(node, ast.Name)
    }  # every name read or called in the module body
    lines = source.splitlines(keepends=True)
    for node in reversed(imports):
        names = sorted(a.name for a in node.names if (a.asname or a.name) in used)
        start, end = node.lineno - 1, node.end_lineno or node.lineno
        lines[start:end] = [f"from {node.module} import {', '.join(names)}\n"] if names else []
    return "".join(lines)


def main() -> int:
    OUT.mkdir(parents=True, exist_ok=True)
    (OUT / "__init__.py").write_text('"""Modules generated from the Designer forms in ui/."""\n')
    for ui_file in sorted(UI.glob("*.ui")):
        target = OUT / f"ui_{ui_file.stem}.py"
        target.write_text(compile_form(ui_file), encoding="utf-8")
        print(f"{ui_file.relative_to(ROOT)} -> {target.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
