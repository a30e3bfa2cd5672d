"""The secrets wrapper against a real Secret Service (GNOME Keyring), as on a Linux desktop.

Runs a private D-Bus session with an unlocked gnome-keyring-daemon, with HOME
and XDG directories in a temporary folder so the user's real keyring is never
touched (recipe in ../shared/QT-CI.md). `.ci/run` installs gnome-keyring; on a
machine without it the test is skipped, except in CI where that is a failure.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
TOKEN = "1//0gSECRET-SERVICE-test-refresh-token-f00d"

SCRIPT = f"""
import json, keyring
from keyring.backends import SecretService
from csdesk.core.google import auth, secrets
backend = keyring.get_keyring()
assert isinstance(backend, SecretService.Keyring), backend
assert secrets.backend_problem() is None
auth._store(auth._Stored("cid", "csecret", {TOKEN!r}, (auth.GMAIL_SETTINGS,), "me@example.com"))
conn = auth.status()
assert conn is not None and conn.email == "me@example.com", conn
assert json.loads(secrets.get_secret(auth.SECRET_NAME))["refresh_token"] == {TOKEN!r}
assert secrets.delete_secret(auth.SECRET_NAME) is True
assert auth.status() is None
print("secret-service-ok", type(backend).__module__)
"""


def test_real_secret_service(tmp_path: Path) -> None:
    daemon, session = shutil.which("gnome-keyring-daemon"), shutil.which("dbus-run-session")
    if not (daemon and session):
        if os.environ.get("CI"):
            pytest.fail("CI must have gnome-keyring and dbus-run-session (see .ci/run)")
        pytest.skip("gnome-keyring-daemon or dbus-run-session is not installed here")
    env = {
        k: v
        for k, v in os.environ.items()
        if k not in {"PYTHON_KEYRING_BACKEND", "DBUS_SESSION_BUS_ADDRESS"}
    }
    env.update(
        HOME=str(tmp_path),
        XDG_DATA_HOME=str(tmp_path / "data"),
        XDG_RUNTIME_DIR=str(tmp_path),
        XDG_CONFIG_HOME=str(tmp_path / "config"),
        PYTHONPATH=str(ROOT),
    )
    (tmp_path / "script.py").write_text(SCRIPT)
    inner = (
        'eval "$(printf %s test-password | gnome-keyring-daemon --unlock --components=secrets)" '
        f'&& "{sys.executable}" "{tmp_path / "script.py"}"'
    )
    result = subprocess.run(
        [session, "--", "bash", "-c", inner],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "secret-service-ok" in result.stdout
    # the keyring file is encrypted: the token is not readable in it
    for path in (tmp_path / "data").rglob("*"):
        if path.is_file():
            assert TOKEN.encode() not in path.read_bytes(), path
