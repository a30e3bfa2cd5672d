"""`pip install .` must carry the forms, resources and migrations: build sdist and wheel, check.

One ``python -m build`` per module (≈4 s): the sdist, then the wheel built *from
that sdist*, as ``pip install csdesk-X.tar.gz`` would. The installed-wheel test
installs it into a fresh venv with pip; the dependencies come from the running
environment through a ``.pth`` file (no network, ≈3 s instead of ≈25 s for
downloading PySide6 again). That the declared dependencies resolve from PyPI is
what the README's own command (``pip install '.[test]'`` in a new venv) shows
on every CI run, and tests/test_packaging.py checks that every third-party
import of csdesk is covered by them.
"""

from __future__ import annotations

import ast
import fnmatch
import os
import subprocess
import sys
import sysconfig
import tarfile
import zipfile
from pathlib import Path

import pytest
from PySide6.QtGui import QImage

from csdesk import __version__

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def dists(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    """(sdist, wheel), the wheel built from the sdist."""
    out = tmp_path_factory.mktemp("dist")
    subprocess.run(
        [sys.executable, "-m", "build", "--outdir", str(out), str(ROOT)],
        check=True,
        capture_output=True,
        timeout=600,
    )
    (sdist,) = out.glob("csdesk-*.tar.gz")
    (built,) = out.glob("csdesk-*.whl")
    return sdist, built


@pytest.fixture(scope="module")
def wheel(dists: tuple[Path, Path]) -> Path:
    return dists[1]


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
    assert not any(n.startswith(("tests/", "packaging/", "tools/")) for n in names)


# --- what the code refers to -------------------------------------------------------------


def _string_constants() -> dict[str, str]:
    """Module-level ``NAME = "text"`` assignments anywhere in csdesk, by name."""
    found: dict[str, str] = {}
    for path in (ROOT / "csdesk").rglob("*.py"):
        for node in ast.parse(path.read_text(encoding="utf-8")).body:
            if (
                isinstance(node, ast.Assign)
                and isinstance(node.value, ast.Constant)
                and isinstance(node.value.value, str)
            ):
                for target in node.targets:
                    if isinstance(target, ast.Name):
                        found[target.id] = node.value.value
    return found


def _loop_keys(name: str, node: ast.AST, parents: dict[ast.AST, ast.AST]) -> list[str] | None:
    """For ``for name, _ in X.items()`` around node, the string keys of the dict literal X;
    for ``for name in X``, the strings of X, a tuple or list literal of the module."""
    loop, scope = node, node
    while loop in parents and not isinstance(loop, ast.For):
        loop = parents[loop]
    while scope in parents and not isinstance(scope, ast.FunctionDef):
        scope = parents[scope]
    if not isinstance(loop, ast.For):
        return None
    target = loop.target.elts[0] if isinstance(loop.target, ast.Tuple) else loop.target
    it = loop.iter
    if isinstance(it, ast.Call) and isinstance(it.func, ast.Attribute) and not it.args:
        it = it.func.value
    if not (isinstance(target, ast.Name) and target.id == name):
        return None
    for stmt in ast.walk(scope):
        if isinstance(stmt, ast.Assign | ast.AnnAssign) and isinstance(stmt.value, ast.Dict):
            targets = stmt.targets if isinstance(stmt, ast.Assign) else [stmt.target]
            if any(ast.unparse(t) == ast.unparse(it) for t in targets):
                keys = [k.value for k in stmt.value.keys if isinstance(k, ast.Constant)]
                if len(keys) == len(stmt.value.keys) and all(isinstance(k, str) for k in keys):
                    return [str(k) for k in keys]
    module = scope
    while module in parents:
        module = parents[module]
    for stmt in getattr(module, "body", []):
        if (
            isinstance(stmt, ast.Assign)
            and isinstance(stmt.value, ast.Tuple | ast.List)
            and any(ast.unparse(t) == ast.unparse(it) for t in stmt.targets)
        ):
            items = [e.value for e in stmt.value.elts if isinstance(e, ast.Constant)]
            if len(items) == len(stmt.value.elts) and all(isinstance(v, str) for v in items):
                return [str(v) for v in items]
    return None


def _resolve(
    arg: ast.expr, constants: dict[str, str], parents: dict[ast.AST, ast.AST]
) -> list[str]:
    """The values an argument can take, as glob patterns; [] when it cannot be told."""
    if isinstance(arg, ast.Constant) and isinstance(arg.value, str):
        return [arg.value]
    if isinstance(arg, ast.Name | ast.Attribute):
        key = arg.id if isinstance(arg, ast.Name) else arg.attr
        return [constants[key]] if key in constants else []
    if isinstance(arg, ast.JoinedStr):
        values = [""]
        for part in arg.values:
            if isinstance(part, ast.Constant):
                values = [v + str(part.value) for v in values]
            elif isinstance(part, ast.FormattedValue) and isinstance(part.value, ast.Name):
                keys = _loop_keys(part.value.id, arg, parents) or ["*"]
                values = [v + k for v in values for k in keys]
            else:
                values = [v + "*" for v in values]
        return values
    return []


def referenced_resources() -> tuple[set[str], set[str], list[str]]:
    """(resource paths or patterns, form modules, calls that could not be read) in csdesk."""
    constants = _string_constants()
    paths: set[str] = set()
    forms: set[str] = set()
    unreadable: list[str] = []
    for file in sorted((ROOT / "csdesk").rglob("*.py")):
        if "forms" in file.parts:
            continue
        tree = ast.parse(file.read_text(encoding="utf-8"))
        parents = {child: node for node in ast.walk(tree) for child in ast.iter_child_nodes(node)}
        for node in ast.walk(tree):
            if isinstance(node, ast.ImportFrom) and (node.module or "").startswith(
                "csdesk.gui.forms.ui_"
            ):
                forms.add(str(node.module))
            if not isinstance(node, ast.Call):
                continue
            func = node.func
            fname = func.id if isinstance(func, ast.Name) else getattr(func, "attr", "")
            if fname == "resource":
                parts, prefix = node.args, ""
            elif fname == "load_template":
                parts, prefix = node.args[:1], "templates/"
            else:
                continue
            scope = node
            while scope in parents and not isinstance(scope, ast.FunctionDef):
                scope = parents[scope]
            if isinstance(scope, ast.FunctionDef) and scope.name == "load_template":
                continue  # the loader itself; its callers are read instead
            combos = [prefix]
            for arg in parts:
                options = _resolve(arg, constants, parents)
                if not options:
                    unreadable.append(f"{file.relative_to(ROOT)}:{node.lineno}")
                    break
                combos = [
                    c + ("/" if c and not c.endswith("/") else "") + o
                    for c in combos
                    for o in options
                ]
            else:
                paths.update(combos)
    return paths, forms, unreadable


def test_the_resource_scanner_sees_the_known_references() -> None:
    paths, forms, unreadable = referenced_resources()
    assert not unreadable, f"resource(...) calls this test cannot follow: {unreadable}"
    assert {
        "style.qss",
        "icons/csdesk.svg",
        "icons/today.svg",
        "icons/settings.svg",
        "icons/hicolor",
        "templates/auto_reply.txt",
        "templates/high_load.txt",
    } <= paths, paths
    assert "csdesk.gui.forms.ui_main_window" in forms


@pytest.mark.slow
def test_wheel_carries_every_resource_and_form_the_code_refers_to(wheel: Path) -> None:
    names = set(zipfile.ZipFile(wheel).namelist())
    paths, forms, _ = referenced_resources()
    missing = []
    for ref in sorted(paths):
        full = f"csdesk/resources/{ref}"
        matches = fnmatch.filter(names, full) or [n for n in names if n.startswith(full + "/")]
        if not matches:
            missing.append(ref)
    assert not missing, f"referenced by the code but not in the wheel: {missing}"
    for module in forms:
        assert module.replace(".", "/") + ".py" in names
        ui_name = module.rsplit(".", 1)[1].removeprefix("ui_") + ".ui"
        assert f"csdesk/ui/{ui_name}" in names


@pytest.mark.slow
def test_sdist_carries_what_builds_the_wheel_and_the_bundle(dists: tuple[Path, Path]) -> None:
    sdist, _ = dists
    top = f"csdesk-{__version__}/"
    with tarfile.open(sdist) as tar:
        names = {n.removeprefix(top) for n in tar.getnames()}
    for rel in (
        "pyproject.toml",
        "README.md",
        "csdesk/cli.py",
        "csdesk/migrations/env.py",
        "ui/main_window.ui",
        "resources/style.qss",
        "resources/icons/csdesk.ico",
        "resources/icons/csdesk.icns",
        "tools/render_icons.py",
        "packaging/csdesk.spec",
        "packaging/launcher.py",
        "packaging/winversion.py",
        "packaging/build-linux.sh",
        "packaging/smoke.py",
        "packaging/linux/install.sh",
        "packaging/linux/io.github.csdesk.CsDesk.desktop",
        "packaging/linux/io.github.csdesk.CsDesk.metainfo.xml",
    ):
        assert rel in names, rel
    assert not any(n.startswith(("dist/", "build/", ".venv/", ".git/")) for n in names)


# --- installed, not from the source tree -------------------------------------------------

# tests/conftest.py points subprocesses at a keyring in tests/, which is not on the path
# here; keyring's null backend keeps them away from the real one just as well.
NULL_KEYRING = "keyring.backends.null.Keyring"


@pytest.mark.slow
def test_installed_wheel_runs_without_the_source_tree(wheel: Path, tmp_path: Path) -> None:
    """Unpack the wheel as pip would and run it from elsewhere: no source checkout on the path."""
    site = tmp_path / "site"
    zipfile.ZipFile(wheel).extractall(site)
    env = {
        **os.environ,
        "PYTHONPATH": str(site),
        "QT_QPA_PLATFORM": "offscreen",
        "PYTHON_KEYRING_BACKEND": NULL_KEYRING,
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


def _venv_python(venv: Path) -> Path:
    return venv / ("Scripts/python.exe" if os.name == "nt" else "bin/python")


@pytest.mark.slow
def test_pip_installs_the_wheel_into_a_fresh_venv_and_the_command_runs(
    wheel: Path, tmp_path: Path
) -> None:
    venv = tmp_path / "venv"
    subprocess.run([sys.executable, "-m", "venv", "--without-pip", str(venv)], check=True)
    python = _venv_python(venv)
    pip = [sys.executable, "-m", "pip", "--python", str(python), "--disable-pip-version-check"]
    install = subprocess.run(
        [*pip, "install", "--no-deps", "--no-index", "--no-compile", str(wheel)],
        capture_output=True, text=True, timeout=300,
    )  # fmt: skip
    assert install.returncode == 0, install.stdout + install.stderr
    # The dependencies: the running environment's, appended to the new venv's path.
    purelib = subprocess.run(
        [str(python), "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
        capture_output=True, text=True, check=True,
    ).stdout.strip()  # fmt: skip
    ours = sorted({sysconfig.get_paths()["purelib"], sysconfig.get_paths()["platlib"]})
    (Path(purelib) / "zz_csdesk_test_dependencies.pth").write_text("\n".join(ours) + "\n")
    check = subprocess.run([*pip, "check"], capture_output=True, text=True, timeout=120)
    broken = [line for line in check.stdout.splitlines() if line.startswith("csdesk ")]
    assert not broken, broken

    command = venv / ("Scripts/csdesk.exe" if os.name == "nt" else "bin/csdesk")
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "CSDESK_DATA_DIR")}
    env["QT_QPA_PLATFORM"] = "offscreen"
    env["PYTHON_KEYRING_BACKEND"] = NULL_KEYRING
    where = subprocess.run(
        [str(python), "-c", "import csdesk.paths as p; print(p.resources_dir())"],
        cwd=tmp_path, env=env, capture_output=True, text=True, check=True,
    ).stdout.strip()  # fmt: skip
    assert Path(where) == Path(purelib) / "csdesk" / "resources"
    version = subprocess.run(
        [str(command), "--version"], cwd=tmp_path, env=env, capture_output=True, text=True
    )
    assert version.returncode == 0, version.stderr
    assert version.stdout.strip() == f"csdesk {__version__}"
    out = tmp_path / "today.png"
    shot = subprocess.run(
        [str(command), "--demo", "--data-dir", str(tmp_path / "d"), "screenshot", "--view",
         "today", "-o", str(out), "--size", "1280x800"],
        cwd=tmp_path, env=env, capture_output=True, text=True, timeout=120,
    )  # fmt: skip
    assert shot.returncode == 0, shot.stderr
    image = QImage(str(out))
    assert (image.width(), image.height()) == (1280, 800)
    colours = {image.pixel(x, y) for x in range(0, 1280, 10) for y in range(0, 800, 10)}
    assert len(colours) > 20, "the screenshot looks blank"
