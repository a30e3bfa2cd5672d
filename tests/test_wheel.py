"""`pip install .` must carry the forms, resources and migrations: build the wheel and check."""

from __future__ import annotations

import os
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
from PySide6.QtGui import QImage

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("wheel")
    subprocess.run(
        [sys.executable, "-m", "build", "--wheel", "--outdir", str(out), str(ROOT)],
        check=True,
        capture_output=True,
        timeout=600,
    )
    (built,) = out.glob("csdesk-*.whl")
    return built


@pytest.mark.slow
def test_wheel_carries_every_file_the_app_loads(wheel: Path) -> None:
    names = set(zipfile.ZipFile(wheel).namelist())
    for ui_file in (ROOT / "ui").glob("*.ui"):
        assert f"csdesk/ui/{ui_file.name}" in names
        assert f"csdesk/gui/forms/ui_{ui_file.stem}.py" in names
    for res in (ROOT / "resources").rglob("*"):
        if res.is_file():
            assert f"csdesk/resources/{res.relative_to(ROOT / 'resources').as_posix()}" in names
    for mig in (ROOT / "csdesk" / "migrations" / "versions").glob("*.py"):
        assert f"csdesk/migrations/versions/{mig.name}" in names
    assert "csdesk/migrations/env.py" in names
    assert "csdesk/migrations/script.py.mako" in names
    entry_points = next(n for n in names if n.endswith("entry_points.txt"))
    assert "csdesk = csdesk.cli:main" in zipfile.ZipFile(wheel).read(entry_points).decode()
    assert not any(n.startswith("tests/") for n in names)


@pytest.mark.slow
def test_installed_wheel_runs_without_the_source_tree(wheel: Path, tmp_path: Path) -> None:
    """Unpack the wheel as pip would and run it from elsewhere: no source checkout on the path."""
    site = tmp_path / "site"
    zipfile.ZipFile(wheel).extractall(site)
    env = {
        **os.environ,
        "PYTHONPATH": str(site),
        "QT_QPA_PLATFORM": "offscreen",
    }
    probe = subprocess.run(
        [sys.executable, "-c",
         "import csdesk, csdesk.paths as p; print(csdesk.__file__); print(p.resources_dir()); print(p.ui_dir())"],
        cwd=tmp_path, env=env, capture_output=True, text=True, check=True,
    )  # fmt: skip
    lines = probe.stdout.split()
    assert all(line.startswith(str(site)) for line in lines), lines
    out = tmp_path / "shot.png"
    run = subprocess.run(
        [sys.executable, "-m", "csdesk", "--data-dir", str(tmp_path / "d"), "--demo",
         "screenshot", "--view", "tasks", "-o", str(out)],
        cwd=tmp_path, env=env, capture_output=True, text=True, timeout=120,
    )  # fmt: skip
    assert run.returncode == 0, run.stderr
    assert not QImage(str(out)).isNull()
