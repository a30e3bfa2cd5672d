"""The Designer forms in ui/ and the modules generated from them agree."""

from __future__ import annotations

import importlib
import re
import subprocess
import sys
from pathlib import Path
from xml.etree import ElementTree

import pytest

ROOT = Path(__file__).resolve().parents[2]
UI_FILES = sorted((ROOT / "ui").glob("*.ui"))

sys.path.insert(0, str(ROOT / "tools"))
import build_forms  # noqa: E402


def object_names(ui_file: Path) -> set[str]:
    tree = ElementTree.parse(ui_file)
    return {el.get("name", "") for el in tree.iter() if el.tag in ("widget", "action", "layout")}


def test_there_are_forms() -> None:
    assert {f.stem for f in UI_FILES} >= {
        "main_window",
        "portfolio_view",
        "directory_view",
        "tasks_view",
        "account_dialog",
        "admin_dialog",
        "colleague_dialog",
        "department_dialog",
        "task_dialog",
    }


@pytest.mark.parametrize("ui_file", UI_FILES, ids=lambda p: p.stem)
def test_generated_module_is_up_to_date(ui_file: Path) -> None:
    """Run `python tools/build_forms.py` when this fails."""
    module = importlib.import_module(f"csdesk.gui.forms.ui_{ui_file.stem}")
    source = Path(module.__file__ or "").read_text(encoding="utf-8")
    assert source.startswith(build_forms.HEADER.format(name=ui_file.name))
    fresh = build_forms.compile_form(ui_file)
    strip = lambda text: [  # noqa: E731 - the comment lines carry uic's version
        line for line in text.splitlines() if line.strip() and not line.lstrip().startswith("#")
    ]
    generated_names = set(re.findall(r"self\.(\w+) = ", source))
    top = ElementTree.parse(ui_file).getroot().findtext("class")
    assert object_names(ui_file) - {"", top} <= generated_names
    try:
        uic_version = subprocess.run(
            [*build_forms.uic_command(), "--version"], capture_output=True, text=True
        ).stdout
    except OSError:
        uic_version = ""
    if uic_version and uic_version.split()[-1] in source:
        assert strip(source) == strip(fresh)
