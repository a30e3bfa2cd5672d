"""Packaging files: icons, desktop entry, AppStream metadata, the PyInstaller spec and scripts.

The bundle itself is built and smoke-tested by ``packaging/build-linux.sh`` and
``packaging/smoke.py`` (≈1 min, run by .ci/run after the test suite); the wheel
and sdist by tests/test_wheel.py. These tests are the fast checks that keep the
pieces consistent with each other and with the code.
"""

from __future__ import annotations

import ast
import configparser
import importlib.metadata as md
import importlib.util
import os
import re
import shutil
import struct
import subprocess
import sys
import tomllib
import xml.etree.ElementTree as ET
from pathlib import Path
from types import ModuleType

import pytest
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QApplication

from csdesk import APP_ID, __version__

ROOT = Path(__file__).resolve().parent.parent
ICONS = ROOT / "resources" / "icons"
LINUX = ROOT / "packaging" / "linux"
PNG_SIZES = (16, 32, 48, 64, 128, 256)


def load(path: Path) -> ModuleType:
    spec = importlib.util.spec_from_file_location(path.stem.replace("-", "_"), path)
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


# --- icons -------------------------------------------------------------------------------


def test_png_icons_exist_in_every_size_and_are_not_blank() -> None:
    for size in PNG_SIZES:
        path = ICONS / "hicolor" / f"{size}x{size}" / "apps" / f"{APP_ID}.png"
        image = QImage(str(path))
        assert (image.width(), image.height()) == (size, size), path
        assert image.hasAlphaChannel()
        centre = image.pixelColor(size // 2, size // 2)
        assert centre.alpha() == 255, f"{path}: the middle of the icon is transparent"
        assert image.pixelColor(0, 0).alpha() == 0, f"{path}: the corner should be transparent"


def test_png_icons_match_the_svg(qapp: QApplication) -> None:
    """Re-render from csdesk.svg: an edited SVG without `python tools/render_icons.py` fails."""
    render_icons = load(ROOT / "tools" / "render_icons.py")
    for size in (16, 64, 256):
        fresh = QImage.fromData(render_icons.render(size))
        committed = QImage(str(render_icons.hicolor_png(size)))
        worst = max(
            abs(a - b)
            for x in range(size)
            for y in range(size)
            for a, b in zip(
                fresh.pixelColor(x, y).getRgb(), committed.pixelColor(x, y).getRgb(), strict=True
            )
        )
        assert worst <= 8, f"{size}px icon differs from the SVG; run python tools/render_icons.py"


def _png_size(blob: bytes) -> tuple[int, int]:
    assert blob[:8] == b"\x89PNG\r\n\x1a\n"
    width, height = struct.unpack(">II", blob[16:24])
    return width, height


def test_windows_ico_holds_png_images_up_to_256() -> None:
    data = (ICONS / "csdesk.ico").read_bytes()
    reserved, kind, count = struct.unpack("<HHH", data[:6])
    assert (reserved, kind) == (0, 1)
    sizes = []
    for i in range(count):
        w, h, _, _, _, _, length, offset = struct.unpack(
            "<BBBBHHII", data[6 + 16 * i : 6 + 16 * (i + 1)]
        )
        blob = data[offset : offset + length]
        assert _png_size(blob) == (w or 256, h or 256)
        sizes.append(w or 256)
    assert {16, 32, 48, 256} <= set(sizes)


def test_macos_icns_holds_png_images_up_to_1024() -> None:
    data = (ICONS / "csdesk.icns").read_bytes()
    assert data[:4] == b"icns"
    assert struct.unpack(">I", data[4:8])[0] == len(data)
    kinds, pos = {}, 8
    while pos < len(data):
        kind = data[pos : pos + 4]
        (length,) = struct.unpack(">I", data[pos + 4 : pos + 8])
        kinds[kind] = _png_size(data[pos + 8 : pos + length])[0]
        pos += length
    assert kinds[b"ic10"] == 1024 and kinds[b"ic08"] == 256 and kinds[b"icp4"] == 16


def test_the_application_uses_the_icon_and_the_desktop_file_name(tmp_path: Path) -> None:
    """In a fresh process: a QApplication made by another test would be reused as it is."""
    code = (
        "from csdesk.gui.app import make_application\n"
        "app = make_application()\n"
        "icon = app.windowIcon()\n"
        "print(app.desktopFileName())\n"
        "print(*(icon.pixmap(s).width() for s in (16, 48, 256)))\n"
    )
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "PYTHONPATH": str(ROOT)}
    result = subprocess.run(
        [sys.executable, "-c", code], cwd=tmp_path, env=env, capture_output=True, text=True
    )
    assert result.returncode == 0, result.stderr
    name, widths = result.stdout.splitlines()
    assert name == APP_ID
    assert widths == "16 48 256"


# --- Linux desktop integration -------------------------------------------------------------


def test_desktop_entry_names_the_app_id_icon_and_command() -> None:
    path = LINUX / f"{APP_ID}.desktop"
    parser = configparser.ConfigParser(interpolation=None)
    parser.optionxform = str  # type: ignore[assignment,method-assign]
    parser.read(path, encoding="utf-8")
    entry = parser["Desktop Entry"]
    assert entry["Type"] == "Application"
    assert entry["Exec"].split()[0] == "csdesk"  # install.sh rewrites it to the full path
    assert entry["Icon"] == APP_ID
    assert "Office" in entry["Categories"].split(";")
    assert entry["Terminal"] == "false"
    if shutil.which("desktop-file-validate"):
        result = subprocess.run(
            ["desktop-file-validate", str(path)], capture_output=True, text=True
        )
        assert result.returncode == 0 and not result.stdout.strip(), result.stdout


def test_metainfo_matches_the_app_and_validates() -> None:
    path = LINUX / f"{APP_ID}.metainfo.xml"
    root = ET.parse(path).getroot()
    assert root.get("type") == "desktop-application"
    assert root.findtext("id") == APP_ID
    assert root.findtext("launchable") == f"{APP_ID}.desktop"
    assert root.findtext("provides/binary") == "csdesk"
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    assert root.findtext("project_license") == project["license"]
    releases = [r.get("version") for r in root.iter("release")]
    assert releases and releases[0] == __version__, "add the new version to <releases>"
    if shutil.which("appstreamcli"):
        result = subprocess.run(
            ["appstreamcli", "validate", "--no-net", str(path)], capture_output=True, text=True
        )
        assert result.returncode == 0, result.stdout + result.stderr


def test_install_script_installs_and_removes_a_bundle_for_the_user(tmp_path: Path) -> None:
    bundle = tmp_path / "bundle"
    program = bundle / "csdesk"
    program.parent.mkdir()
    program.write_text("#!/bin/sh\necho csdesk fake\n")
    program.chmod(0o755)
    shutil.copytree(ICONS, bundle / "_internal" / "csdesk" / "resources" / "icons")
    home = tmp_path / "home"
    data = home / ".local" / "share"
    (data / "csdesk").mkdir(parents=True)
    (data / "csdesk" / "csdesk.sqlite3").write_text("user data")
    env = {**os.environ, "HOME": str(home)}
    env.pop("XDG_DATA_HOME", None)
    script = LINUX / "install.sh"

    subprocess.run([str(script), str(bundle)], env=env, check=True, capture_output=True)
    opt = home / ".local" / "opt" / "csdesk"
    assert (opt / "csdesk").is_file()
    assert (home / ".local" / "bin" / "csdesk").resolve() == (opt / "csdesk").resolve()
    desktop = (data / "applications" / f"{APP_ID}.desktop").read_text()
    assert f"Exec={opt / 'csdesk'}\n" in desktop
    assert (data / "metainfo" / f"{APP_ID}.metainfo.xml").is_file()
    for size in PNG_SIZES:
        assert (data / "icons" / "hicolor" / f"{size}x{size}" / "apps" / f"{APP_ID}.png").is_file()
    assert (data / "icons" / "hicolor" / "scalable" / "apps" / f"{APP_ID}.svg").is_file()

    subprocess.run([str(script), "--uninstall"], env=env, check=True, capture_output=True)
    assert not opt.exists() and not (home / ".local" / "bin" / "csdesk").exists()
    assert not (data / "applications" / f"{APP_ID}.desktop").exists()
    assert not list((data / "icons").rglob(f"{APP_ID}.*"))
    assert (data / "csdesk" / "csdesk.sqlite3").read_text() == "user data"


# --- the PyInstaller spec and the scripts --------------------------------------------------


def test_spec_smoke_test_and_build_script_agree() -> None:
    spec = (ROOT / "packaging" / "csdesk.spec").read_text(encoding="utf-8")
    compile(spec, "csdesk.spec", "exec")
    init = (ROOT / "csdesk" / "__init__.py").read_text(encoding="utf-8")
    for pattern in re.findall(r"re\.search\(r'(.+?)', _init", spec):
        assert re.search(pattern, init, re.M), f"the spec cannot read {pattern} any more"
    docs = set(re.findall(r'"(\w+\.v\d+\.json)"', spec))
    smoke = load(ROOT / "packaging" / "smoke.py")
    assert docs == smoke.GOOGLE_DOCS == {
        "gmail.v1.json", "calendar.v3.json", "sheets.v4.json", "drive.v3.json",
    }  # fmt: skip
    import googleapiclient

    shipped = Path(googleapiclient.__file__).parent / "discovery_cache" / "documents"
    assert all((shipped / name).is_file() for name in docs)
    assert f'APP_ID="{APP_ID}"' in (LINUX / "install.sh").read_text(encoding="utf-8")
    assert "winversion" in spec
    for script in ("packaging/build-linux.sh", "packaging/linux/install.sh"):
        assert os.access(ROOT / script, os.X_OK), f"{script} is not executable"
        subprocess.run(["bash", "-n", str(ROOT / script)], check=True)


def test_windows_version_file_carries_the_version() -> None:
    winversion = load(ROOT / "packaging" / "winversion.py")
    assert winversion.numbers("1.2.3rc1") == (1, 2, 3, 0)
    assert winversion.numbers("2.0") == (2, 0, 0, 0)
    text = winversion.version_file_text(__version__)
    tree = ast.parse(text, mode="eval")  # PyInstaller evaluates it on Windows
    assert isinstance(tree.body, ast.Call) and getattr(tree.body.func, "id", "") == "VSVersionInfo"
    assert f"StringStruct('ProductVersion', '{__version__}')" in text
    assert f"filevers={winversion.numbers(__version__)}" in text


def test_packaging_extra_names_pyinstaller() -> None:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    assert any(
        req.startswith("pyinstaller") for req in project["optional-dependencies"]["packaging"]
    )


def test_ci_runs_the_readme_command_then_builds_and_smoke_tests_the_bundle() -> None:
    command = (
        "python3 -m venv .venv && .venv/bin/pip install '.[test]' && .venv/bin/python -m pytest"
    )
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8").splitlines()
    assert command in readme
    assert command in ci
    later = ci[ci.index(command) + 1 :]
    assert any("packaging/build-linux.sh" in line for line in later)
    assert any("packaging/smoke.py" in line for line in later)


def _requirement_closure(names: list[str]) -> set[str]:
    """The distributions a fresh `pip install csdesk` brings, by normalised name."""

    def norm(name: str) -> str:
        return re.sub(r"[-_.]+", "-", name).lower()

    seen: set[str] = set()
    todo = [norm(n) for n in names]
    while todo:
        name = todo.pop()
        if name in seen:
            continue
        seen.add(name)
        try:
            requires = md.requires(name) or []
        except md.PackageNotFoundError:
            continue
        for req in requires:
            if "extra ==" in req:
                continue
            todo.append(norm(re.split(r"[\s;<>=!~\[(]", req, maxsplit=1)[0]))
    return seen


def test_every_third_party_import_comes_with_a_declared_dependency() -> None:
    """A fresh venv gets only what pyproject declares (and what that pulls in)."""
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    declared = [re.split(r"[\s;<>=!~\[(]", d, maxsplit=1)[0] for d in project["dependencies"]]
    closure = _requirement_closure(declared)
    providers = md.packages_distributions()
    missing = {}
    for path in (ROOT / "csdesk").rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                tops = [a.name.split(".")[0] for a in node.names]
            elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
                tops = [node.module.split(".")[0]]
            else:
                continue
            for top in tops:
                if top in sys.stdlib_module_names or top in ("csdesk", "__future__"):
                    continue
                dists = {re.sub(r"[-_.]+", "-", d).lower() for d in providers.get(top, [])}
                if not dists & closure:
                    missing[top] = str(path.relative_to(ROOT))
    assert not missing, f"imported but not a (transitive) dependency in pyproject: {missing}"


@pytest.mark.parametrize("path", ["build", "dist"])
def test_build_outputs_are_ignored_by_git(path: str) -> None:
    ignored = (ROOT / ".gitignore").read_text(encoding="utf-8").split()
    assert f"{path}/" in ignored
