"""Shared fixtures. Sets the Qt platform before any QApplication exists."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from collections.abc import Iterator
from pathlib import Path

import pytest

from csdesk.core.db import Database, open_database, sqlite_url
from csdesk.paths import AppPaths
from tests.keyrings import MemoryKeyring


@pytest.fixture(autouse=True)
def _isolated_env(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """No test may touch the real user directories."""
    monkeypatch.setenv("CSDESK_DATA_DIR", str(tmp_path / "csdesk-data"))
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "xdg-data"))
    monkeypatch.setenv("XDG_STATE_HOME", str(tmp_path / "xdg-state"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "xdg-config"))
    # Google calls go nowhere real; a test that needs them starts the fake server.
    monkeypatch.delenv("CSDESK_GOOGLE_API_ROOT", raising=False)


@pytest.fixture(autouse=True)
def _isolated_keyring(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[MemoryKeyring]:
    """No test may touch the real OS keyring: an in-memory one here, a file one in subprocesses."""
    import keyring

    previous = keyring.get_keyring()
    memory = MemoryKeyring()
    keyring.set_keyring(memory)
    monkeypatch.setenv("PYTHON_KEYRING_BACKEND", "tests.keyrings.FileKeyring")
    monkeypatch.setenv("CSDESK_TEST_KEYRING", str(tmp_path / "test-keyring.json"))
    yield memory
    keyring.set_keyring(previous)


@pytest.fixture
def app_paths(tmp_path: Path) -> AppPaths:
    base = tmp_path / "data"
    paths = AppPaths(data_dir=base, log_dir=base / "logs", backup_dir=base / "backups")
    paths.ensure()
    return paths


@pytest.fixture
def db(app_paths: AppPaths) -> Iterator[Database]:
    """A fresh, migrated SQLite database in a temporary directory."""
    database = open_database(sqlite_url(app_paths.database_file()), app_paths.backup_dir)
    yield database
    database.close()


# ---------------------------------------------------------------- the secrets scan

#: Files the tests write themselves with a token in them (the user's inputs), and the
#: file that plays the OS keyring for subprocesses.
_SCAN_SKIPS = frozenset({"test-keyring.json", "authorized_user.json", "script.py"})


def pytest_sessionfinish(session: pytest.Session, exitstatus: int) -> None:
    """After the suite: no test token may be anywhere on disk but in the keyring.

    Scans every file the tests' temporary directories hold (databases, logs,
    exports, backups, crash reports) for the tokens of tests/google/helpers.py.
    """
    from tests.google.helpers import TOKENS

    factory = getattr(session.config, "_tmp_path_factory", None)
    if factory is None:
        return
    base = factory.getbasetemp()
    leaks = []
    for path in base.rglob("*"):
        if not path.is_file() or path.name in _SCAN_SKIPS or path.is_symlink():
            continue
        data = path.read_bytes()
        leaks += [f"{path}: {t[:12]}…" for t in TOKENS if t.encode() in data]
    if leaks:
        session.exitstatus = pytest.ExitCode.TESTS_FAILED
        print("\nSECRETS SCAN: test tokens found outside the keyring:\n" + "\n".join(leaks))
