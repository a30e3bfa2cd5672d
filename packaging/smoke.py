"""Smoke-test the PyInstaller bundle built by packaging/build-linux.sh (or the spec).

    .venv/bin/python packaging/smoke.py [dist/csdesk]

Run it with the build venv's Python (it has PySide6 and PyInstaller, used to
inspect the PNG and the bundle's module archive; the bundle itself runs on its
own). Checks, with HOME and the XDG folders in a temporary directory:

1. ``csdesk --version`` prints the version of csdesk/__init__.py;
2. ``csdesk --demo --data-dir TMP screenshot --view today`` writes a real PNG:
   right size, intact chunks, and many colours (not a blank window);
3. the files the code loads are in the bundle: resources, migrations, holidays'
   translations, and exactly the four Google discovery documents;
4. the modules loaded by name at run time are in the archive: keyring backends,
   the Google client, holiday countries, every csdesk module; no test tools;
5. if dist/csdesk-<version>-linux-<arch>.tar.gz exists: one top folder of that
   name holding the program, install.sh, the desktop entry and the metainfo.

Exits non-zero with a message on the first failure.
"""

from __future__ import annotations

import json
import os
import platform
import re
import struct
import subprocess
import sys
import tarfile
import tempfile
import time
import zlib
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
GOOGLE_DOCS = {"gmail.v1.json", "calendar.v3.json", "sheets.v4.json", "drive.v3.json"}
MUST_HAVE_MODULES = (
    "csdesk.cli",
    "csdesk.gui.main_window",
    "csdesk.core.google.secrets",
    "keyring.backends.SecretService",
    "keyring.backends.kwallet",
    "keyring.backends.libsecret",
    "googleapiclient.discovery",
    "google_auth_oauthlib.flow",
    "google.oauth2.credentials",
    "holidays.countries.germany",
    "holidays.countries.united_states",
    "alembic.op",
)
MUST_NOT_HAVE = ("pytest", "_pytest", "hypothesis", "mypy", "ruff", "tkinter", "PyInstaller")


def fail(message: str) -> None:
    print(f"smoke: FAIL: {message}", file=sys.stderr)
    raise SystemExit(1)


def ok(message: str) -> None:
    print(f"smoke: ok: {message}")


def version() -> str:
    text = (ROOT / "csdesk" / "__init__.py").read_text(encoding="utf-8")
    match = re.search(r'^__version__ = "([^"]+)"', text, re.M)
    assert match
    return match.group(1)


def png_size(data: bytes) -> tuple[int, int]:
    """Width and height of a PNG, after checking its signature and every chunk's CRC."""
    if data[:8] != b"\x89PNG\r\n\x1a\n":
        fail("the screenshot is not a PNG")
    pos, width, height, seen_end = 8, 0, 0, False
    while pos < len(data):
        (length,) = struct.unpack(">I", data[pos : pos + 4])
        kind = data[pos + 4 : pos + 8]
        body = data[pos + 8 : pos + 8 + length]
        (crc,) = struct.unpack(">I", data[pos + 8 + length : pos + 12 + length])
        if zlib.crc32(kind + body) != crc:
            fail(f"PNG chunk {kind!r} is damaged")
        if kind == b"IHDR":
            width, height = struct.unpack(">II", body[:8])
        seen_end = kind == b"IEND"
        pos += 12 + length
    if not seen_end:
        fail("the PNG is truncated (no IEND)")
    return width, height


def check_pixels(path: Path, width: int, height: int) -> None:
    """The picture is a real window: many distinct colours spread over it."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtGui import QImage

    image = QImage(str(path))
    if image.isNull() or (image.width(), image.height()) != (width, height):
        fail("Qt cannot read the screenshot")
    colours = set()
    for y in range(0, height, 7):
        for x in range(0, width, 7):
            colours.add(image.pixel(x, y))
    if len(colours) < 20:
        fail(f"the screenshot looks blank ({len(colours)} colours)")
    ok(f"screenshot {width}x{height}, {len(colours)} colours in a 1/49 sample")


def run(exe: Path, args: list[str], env: dict[str, str], cwd: Path) -> str:
    started = time.monotonic()
    result = subprocess.run(
        [str(exe), *args], env=env, cwd=cwd, capture_output=True, text=True, timeout=180
    )
    if result.returncode != 0:
        fail(f"csdesk {' '.join(args)} exited {result.returncode}:\n{result.stderr}")
    ok(f"csdesk {' '.join(args)} ({time.monotonic() - started:.1f} s)")
    return result.stdout


def check_runs(exe: Path) -> None:
    with tempfile.TemporaryDirectory(prefix="csdesk-smoke-") as tmp_name:
        tmp = Path(tmp_name)
        env = {
            **os.environ,
            "HOME": str(tmp),
            "XDG_DATA_HOME": str(tmp / "data"),
            "XDG_STATE_HOME": str(tmp / "state"),
            "XDG_CONFIG_HOME": str(tmp / "config"),
            "XDG_CACHE_HOME": str(tmp / "cache"),
            "QT_QPA_PLATFORM": "offscreen",
            # Never the user's password manager; also shows keyring loads a backend by name.
            "PYTHON_KEYRING_BACKEND": "keyring.backends.null.Keyring",
        }
        env.pop("CSDESK_DATA_DIR", None)
        env.pop("PYTHONPATH", None)
        out = run(exe, ["--version"], env, tmp).strip()
        if out != f"csdesk {version()}":
            fail(f"--version printed {out!r}, expected 'csdesk {version()}'")
        shot = tmp / "today.png"
        args = ["--demo", "--data-dir", str(tmp / "d"), "screenshot", "--view", "today"]
        run(exe, [*args, "-o", str(shot), "--size", "1280x800"], env, tmp)
        if not shot.is_file() or shot.stat().st_size < 10_000:
            fail("no screenshot, or a suspiciously small one")
        width, height = png_size(shot.read_bytes())
        if (width, height) != (1280, 800):
            fail(f"screenshot is {width}x{height}, expected 1280x800")
        check_pixels(shot, width, height)


def check_files(bundle: Path) -> None:
    internal = bundle / "_internal"
    base = internal if internal.is_dir() else bundle
    for rel in (
        "csdesk/resources/style.qss",
        "csdesk/resources/icons/csdesk.svg",
        "csdesk/resources/templates/auto_reply.txt",
        "csdesk/migrations/env.py",
        "csdesk/migrations/versions/0001_initial_schema.py",
        "holidays/locale/de/LC_MESSAGES/DE.mo",
    ):
        if not (base / rel).is_file():
            fail(f"{rel} is missing from the bundle")
    docs_dir = base / "googleapiclient" / "discovery_cache" / "documents"
    docs = {p.name for p in docs_dir.glob("*.json")}
    if docs != GOOGLE_DOCS:
        fail(f"discovery documents: {sorted(docs)}, expected {sorted(GOOGLE_DOCS)}")
    for name in GOOGLE_DOCS:
        doc = json.loads((docs_dir / name).read_text(encoding="utf-8"))
        api, ver = name.removesuffix(".json").split(".", 1)
        if (doc.get("name"), doc.get("version")) != (api, ver):
            fail(f"{name} is not the {api} {ver} discovery document")
    ok("resources, migrations, holidays locale data and the four discovery documents")


def check_modules(exe: Path) -> None:
    from PyInstaller.archive.readers import CArchiveReader

    pyz = CArchiveReader(str(exe)).open_embedded_archive("PYZ.pyz")
    names = set(pyz.toc)
    missing = [m for m in MUST_HAVE_MODULES if m not in names]
    if missing:
        fail(f"modules missing from the bundle: {missing}")
    csdesk_modules = {n for n in names if n.startswith("csdesk.")}
    for path in (ROOT / "csdesk").rglob("*.py"):
        rel = path.relative_to(ROOT).with_suffix("")
        if "migrations" in rel.parts:
            continue
        module = ".".join(rel.parts).removesuffix(".__init__")
        if module != "csdesk" and module not in csdesk_modules:
            fail(f"{module} is missing from the bundle")
    unwanted = sorted({n.split(".")[0] for n in names} & set(MUST_NOT_HAVE))
    if unwanted:
        fail(f"development packages in the bundle: {unwanted}")
    ok(f"{len(names)} modules, incl. keyring backends, Google client, holidays; no test tools")


def check_tarball(bundle: Path) -> None:
    name = f"csdesk-{version()}-linux-{platform.machine()}"
    tarball = bundle.parent / f"{name}.tar.gz"
    if not tarball.is_file():
        print(f"smoke: skip: no {tarball.name}")
        return
    with tarfile.open(tarball) as tar:
        members = {m.name: m for m in tar.getmembers()}
    strays = [n for n in members if n != name and not n.startswith(name + "/")]
    if strays:
        fail(f"{tarball.name} has files outside {name}/: {strays[:5]}")
    for rel in ("csdesk", "install.sh", "io.github.csdesk.CsDesk.desktop"):
        member = members.get(f"{name}/{rel}")
        if member is None or not member.isfile():
            fail(f"{tarball.name} lacks {name}/{rel}")
    if not members[f"{name}/csdesk"].mode & 0o111:
        fail(f"{name}/csdesk is not executable in {tarball.name}")
    ok(f"{tarball.name}: {len(members)} entries, {tarball.stat().st_size / 1e6:.0f} MB")


def main() -> int:
    bundle = Path(sys.argv[1] if len(sys.argv) > 1 else ROOT / "dist" / "csdesk").resolve()
    exe = bundle / ("csdesk.exe" if sys.platform == "win32" else "csdesk")
    if not exe.is_file():
        fail(f"{exe} not found: build it first (packaging/build-linux.sh)")
    check_runs(exe)
    check_files(bundle)
    check_modules(exe)
    if sys.platform.startswith("linux"):
        check_tarball(bundle)
    size = sum(p.stat().st_size for p in bundle.rglob("*") if p.is_file() and not p.is_symlink())
    print(f"smoke: all checks passed; bundle {size / 1e6:.0f} MB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
