"""ruff (lint and format) and mypy on the core are part of the test run."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


def run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", *args], cwd=ROOT, capture_output=True, text=True, timeout=300
    )


def test_ruff_lint() -> None:
    result = run("ruff", "check", "csdesk", "tests", "tools", "bench")
    assert result.returncode == 0, result.stdout + result.stderr


def test_ruff_format() -> None:
    result = run("ruff", "format", "--check", "csdesk", "tests", "tools", "bench")
    assert result.returncode == 0, result.stdout + result.stderr


@pytest.mark.slow
def test_mypy_core() -> None:
    result = run("mypy")
    assert result.returncode == 0, result.stdout + result.stderr


def test_core_never_imports_qt() -> None:
    code = (
        "import sys, pkgutil, importlib, csdesk.core as c\n"
        "for m in pkgutil.iter_modules(c.__path__): importlib.import_module('csdesk.core.' + m.name)\n"
        "import csdesk.paths, csdesk.cli\n"
        "bad = [m for m in sys.modules if m.startswith(('PySide6', 'shiboken6', 'googleapiclient'))]\n"
        "print(bad); sys.exit(1 if bad else 0)\n"
    )
    result = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr
